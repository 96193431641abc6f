package chuan.source;

import java.io.IOException;
import java.util.List;

/**
 * An opened cell source: its header, then its records one at a time, each already split into cells in
 * header order. Read on one thread; closed by the scanner.
 */
public interface CellRows extends AutoCloseable {

    /** The header's names (null when the layout has no header); reads as far as the header. */
    List<String> header() throws IOException, SourceRefused;

    /**
     * After {@link #header()}: each header column as the profile declares it (same order; {@link DeclaredColumn#UNKNOWN}
     * where no column is bound), and where the source's own findings go.
     */
    void bind(List<DeclaredColumn> columns, SourceFindings findings);

    /**
     * Reads the next record into {@code into}: its values (header width; null for an empty cell), its place and
     * whether it is blank. False at the end.
     */
    boolean next(CellRecord into) throws IOException, SourceRefused;

    /** After the last record: anything found only at the end (merged cells listed after the data, a column mixing kinds). */
    default void finish() throws IOException, SourceRefused {
    }

    /** After {@link #header()}: where the header is ({@code Citizens!A1:J1} for the record, a cell for a column), or null. */
    default RecordPlace headerPlace() {
        return null;
    }

    /** The parts read, in order, as the target's description names them (a workbook's sheets); empty for one part. */
    default List<String> parts() {
        return List.of();
    }

    /** The size of the input, in bytes (0 when unknown). */
    long bytes();

    /** The bytes read so far, for progress (0 when unknown). */
    default long bytesRead() {
        return 0;
    }

    /** The keyed fingerprint of the input's bytes (null when it has none); after the last record. */
    String fingerprint() throws IOException;

    @Override
    void close() throws IOException;
}
