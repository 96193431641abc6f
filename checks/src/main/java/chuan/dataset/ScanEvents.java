package chuan.dataset;

/**
 * What a dataset scan tells as it goes, before its target is finished: every violation as it is
 * found, to whoever wants them all (a streamed report), and how far it has read. The audit's
 * listeners are told through it ({@code chuan.report.AuditListener} extends it); options never
 * carry a reporter.
 */
public interface ScanEvents {

    /** Nobody listening. */
    ScanEvents NONE = new ScanEvents() { };

    /**
     * Where every violation of {@code target} (its path as reported) goes as the scan finds it, in
     * record order per rule; null when every violation is not wanted. Asked once per target.
     */
    default ViolationSink violations(String target) {
        return null;
    }

    /** How far the scan of {@code target} has got: called from the reader thread, after each batch. */
    default void progress(String target, long bytesRead, long bytesTotal, long records, long violations) {
    }
}
