package chuan.model;

import java.util.List;

/**
 * One input that was audited: its path relative to the scanned root, and what was learnt about it.
 * For a configuration, {@code path} is its main file and {@code sources} the files read, in the order
 * the daemon reads them; for a dataset read in parts (a workbook's sheets) the parts read, in order (null for
 * a dataset of one part). {@code fingerprint} identifies the exact bytes audited
 * with the project's fingerprint secret ({@link Fingerprints}): a plain SHA-256 of a small file
 * holding one masked ID or password would give the value away. {@code shapes}, for a dataset, are what
 * each profile saw of it (records, header, columns' fill), kept for the next scan's {@code --previous}.
 */
public record Target(
        String path,
        String kind,
        String format,
        List<String> profiles,
        String fingerprint,
        long bytes,
        long records,
        Status status,
        List<String> sources,
        List<DatasetShape> shapes) {

    public Target {
        profiles = List.copyOf(profiles);
        sources = sources == null ? null : List.copyOf(sources);
        shapes = shapes == null || shapes.isEmpty() ? null : List.copyOf(shapes);
    }

    public Target(String path, String kind, String format, List<String> profiles, String fingerprint, long bytes, long records,
                  Status status, List<String> sources) {
        this(path, kind, format, profiles, fingerprint, bytes, records, status, sources, null);
    }

    /** The shape a profile saw of this dataset (for --previous), or null. */
    public DatasetShape shape(String profile) {
        if (shapes != null) {
            for (DatasetShape s : shapes) {
                if (s.profile().equals(profile)) {
                    return s;
                }
            }
        }
        return null;
    }

    public Target(String path, String kind, String format, List<String> profiles, String fingerprint, long bytes, long records,
                  Status status) {
        this(path, kind, format, profiles, fingerprint, bytes, records, status, null);
    }

    /** "1,204 records", "300 records, sheets read: Citizens", or for a configuration "15 controls, 2 files read". */
    public String extent() {
        if (sources != null && "dataset".equals(kind)) {
            return records + " records, " + (sources.size() == 1 ? "sheet" : "sheets") + " read: " + String.join(", ", sources);
        }
        if (sources != null) {
            return records + " controls, " + sources.size() + (sources.size() == 1 ? " file" : " files") + " read";
        }
        return records + " records";
    }
}
