package chuan.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file the user named that chuan reads whole (a profile, waiver file, baseline, saved
 * report): only a regular file, and only up to a size limit, so {@code /dev/zero}, a FIFO nobody
 * writes to, or a sparse file of many gigabytes is refused at once instead of hanging the run or
 * exhausting memory. A FIFO is never opened: opening one blocks until a writer comes.
 */
public final class SmallFiles {

    /** Profiles and waiver files: far above any real one. */
    public static final long PROFILE_LIMIT = 16L << 20;
    /** Baselines and saved reports, which list every finding of a large dataset. */
    public static final long REPORT_LIMIT = 512L << 20;

    private SmallFiles() {
    }

    /** Why a file cannot be read whole, as a short phrase; thrown by {@link #read}. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The file's bytes; {@link Refused} when it is not a regular file or exceeds {@code limit} bytes. */
    public static byte[] read(Path file, long limit) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class); // follows links: a named file may be one
        if (a.isDirectory()) {
            throw new Refused("is a directory");
        }
        if (!a.isRegularFile()) {
            throw new Refused("is not a regular file (a device, FIFO or socket)");
        }
        if (a.size() > limit) {
            throw new Refused("is " + human(a.size()) + ", more than the " + human(limit) + " such a file may have");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
            if (bytes.length > limit) {
                throw new Refused("grew past " + human(limit) + " while being read");
            }
            return bytes;
        }
    }

    /** {@code 64 MiB}, {@code 12 KiB}, {@code 300 bytes}. */
    public static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
