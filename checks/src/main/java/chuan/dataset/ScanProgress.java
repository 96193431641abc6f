package chuan.dataset;

/** Told how far a scan has got, from the reader thread, after each batch. */
public interface ScanProgress {

    void advanced(String target, long bytesRead, long bytesTotal, long records, long violations);
}
