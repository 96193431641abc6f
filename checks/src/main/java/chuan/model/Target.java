package chuan.model;

import java.util.List;

/**
 * One input that was audited: its path relative to the scanned root, and what was learnt about it.
 * For a configuration, {@code path} is its main file and {@code sources} the files read, in the order
 * the daemon reads them; for a dataset read in parts (a workbook's sheets) the parts read, in order (null for
 * a dataset of one part). {@code fingerprint} identifies the exact bytes audited
 * with the project's fingerprint secret ({@link Fingerprints}): a plain SHA-256 of a small file
 * holding one masked ID or password would give the value away.
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
        List<String> sources) {

    public Target {
        profiles = List.copyOf(profiles);
        sources = sources == null ? null : List.copyOf(sources);
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
