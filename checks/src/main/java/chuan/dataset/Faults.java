package chuan.dataset;

/**
 * What went wrong during a scan, from any thread: an input problem that stops reading (the
 * earliest record wins), invalid UTF-8 (the earliest record), or a bug in a validator.
 */
final class Faults {

    private InputProblem problem;
    private long badEncodingRow = Long.MAX_VALUE;
    private boolean encoding;
    private Throwable bug;

    synchronized void input(InputProblem p) {
        if (problem == null || (p.row > 0 && p.row < problem.row)) {
            problem = p;
        }
    }

    synchronized void badEncoding(long row) {
        encoding = true;
        badEncodingRow = Math.min(badEncodingRow, row);
    }

    synchronized void bug(Throwable t) {
        if (bug == null) {
            bug = t;
        }
    }

    synchronized boolean stopReading() {
        return problem != null || encoding || bug != null;
    }

    synchronized InputProblem problem() {
        return problem;
    }

    synchronized boolean encodingSeen() {
        return encoding;
    }

    /** The earliest record with invalid UTF-8, or 0 when unknown. */
    synchronized long badEncodingRow() {
        return !encoding || badEncodingRow == Long.MAX_VALUE ? 0 : badEncodingRow;
    }

    synchronized Throwable bug() {
        return bug;
    }
}
