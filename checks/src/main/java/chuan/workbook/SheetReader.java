package chuan.workbook;

import chuan.source.SourceRefused;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;

/** One sheet of a workbook, read row by row as its file stores it, in constant memory. */
public interface SheetReader extends AutoCloseable {

    /** Reads the next stored row (with values or only formatting) into {@code row}; false at the end of the sheet. */
    boolean next(StoredRow row) throws IOException, SourceRefused;

    /** The hidden columns (0-based), known before the first row. */
    BitSet hiddenColumns();

    /** The merged ranges; complete after the last row (a file may list them after the cells). */
    List<CellRange> merged();

    @Override
    void close() throws IOException;
}
