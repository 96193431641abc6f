package chuan.dataset;

import java.io.IOException;
import java.util.List;

/** Produces the batches of one file on the reader thread. */
interface BatchSource {

    /** Reads the header: its names, or null when the format has none. */
    List<String> open() throws IOException, InputProblem;

    /** The next batch, numbered {@code seq}; null at end of input. */
    RecordBatch next(long seq) throws IOException, InputProblem;

    /** The record being read now (for errors that interrupt it). */
    long nextRow();

    default List<String> unknownMembers() {
        return List.of();
    }
}
