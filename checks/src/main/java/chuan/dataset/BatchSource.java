package chuan.dataset;

import java.io.IOException;
import java.util.List;

/** Produces the batches of one file on the reader thread: what a {@link SourceReader} opens. */
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

    /** After {@link #open()}: the line the header starts on (after any skipped rows). */
    default long headerLine() {
        return 1;
    }

    /** After {@link #open()}: where the header is in a source that is not a text file, or null. */
    default chuan.source.RecordPlace headerPlace() {
        return null;
    }

    /** After {@link #open()}: bad quoting found in the header. */
    default List<CsvChunkParser.QuoteProblem> headerQuoteProblems() {
        return List.of();
    }

    /** After {@link #open()}: the first record's number of fields, for a file with neither header nor columns; else -1. */
    default int firstWidth() {
        return -1;
    }

    /** The line ends counted while reading, for the line-endings check of a text table; null when they are not checked. */
    default CsvChunker lineEnds() {
        return null;
    }

    /** A new parser, for one validator, of chunks of lines this source leaves unparsed; null when batches come parsed or split by delimiter. */
    default NdjsonChunkParser lineParser() {
        return null;
    }
}
