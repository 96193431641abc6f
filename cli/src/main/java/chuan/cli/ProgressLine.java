package chuan.cli;

import chuan.report.AuditListener;
import chuan.report.Inert;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line on a terminal's standard error: file, bytes and records done, rate, time left,
 * violations so far. Shown only once a scan has run for a second, at most four times a second,
 * and erased when the scan is done, so it never mixes with a report.
 */
final class ProgressLine implements AuditListener {

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastShown;
    private boolean shown;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(String target, long bytesRead, long bytesTotal, long records, long violations) {
        long now = System.nanoTime();
        if (now - started < 1_000_000_000L || now - lastShown < 250_000_000L) {
            return;
        }
        lastShown = now;
        shown = true;
        err.print("\r" + line(target, bytesRead, bytesTotal, records, violations, (now - started) / 1e9) + "\u001b[K");
        err.flush();
    }

    /** Erases the line, if one was shown. */
    synchronized void done() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    static String line(String target, long bytesRead, long bytesTotal, long records, long violations, double seconds) {
        double fraction = bytesTotal > 0 ? Math.min(1.0, (double) bytesRead / bytesTotal) : 0;
        double rate = seconds > 0 ? records / seconds : 0;
        double left = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
        String shown = Inert.text(target);
        String name = shown.length() > 30 ? "…" + shown.substring(shown.length() - 29) : shown;
        return String.format(Locale.ROOT, "%s %3.0f%% %s/%s %,d records %,.0f/s ETA %s %,d violations", name,
                fraction * 100, size(bytesRead), size(bytesTotal), records, rate, eta(left), violations);
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? s / 3600 + "h" + (s % 3600) / 60 + "m" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }
}
