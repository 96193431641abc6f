package chuan.workbook;

import chuan.source.SourceRefused;
import java.io.IOException;
import java.util.List;

/**
 * A workbook opened for streaming (an {@code .xlsx} package or a legacy {@code .xls}): what its workbook part
 * says, and each sheet opened on demand. Never evaluates a formula, never resolves an external reference.
 */
public interface WorkbookFile extends AutoCloseable {

    /** The sheets in workbook order, hidden ones included. */
    List<SheetInfo> sheets();

    /** Whether dates are counted from 1904 (the Mac date system) rather than 1900. */
    boolean date1904();

    /** Whether the workbook carries macros (a VBA project). */
    boolean macros();

    /** Opens a sheet at its first row; each call starts it anew. */
    SheetReader open(SheetInfo sheet) throws IOException, SourceRefused;

    @Override
    void close() throws IOException;
}
