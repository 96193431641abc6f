package chuan.profile;

import java.nio.file.Path;

/**
 * Where the dataset a foreign key names ({@code reference: {dataset: citizens.csv}}) is: the one place a
 * reference is resolved, relative to the profile's directory, or to any other base (a Data Package's directory).
 */
public final class ReferencedDatasets {

    private ReferencedDatasets() {
    }

    /** {@code dataset} resolved against {@code baseDir} (absolute names stay as they are), absolute and normalised. */
    public static Path resolve(String dataset, Path baseDir) {
        Path p = Path.of(dataset);
        return (p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p)).toAbsolutePath().normalize();
    }

    /** How a referenced file is named in messages: relative to the working directory when inside it. */
    public static String display(String dataset) {
        try {
            Path p = Path.of(dataset).toAbsolutePath().normalize();
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
        } catch (RuntimeException e) {
            return dataset;
        }
    }
}
