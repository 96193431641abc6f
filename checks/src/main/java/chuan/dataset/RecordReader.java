package chuan.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Streams the records of one dataset file into batches, on the reader thread. */
interface RecordReader extends Closeable {

    /**
     * Starts reading. Returns the header names as written (CSV/TSV with a header), or null when the
     * format has no header (JSON, or a CSV declared without one).
     */
    List<String> open() throws IOException, InputProblem;

    /** Fills the batch; false once the input is exhausted. */
    boolean fill(RecordBatch batch) throws IOException, InputProblem;

    /** The number the record being read now will get (for errors that interrupt it). */
    long nextRow();

    /** Whether the file started with a UTF-8 byte-order mark. */
    boolean hadBom();

    /** Top-level JSON members no column describes (JSON only; capped). */
    default List<String> unknownMembers() {
        return List.of();
    }
}
