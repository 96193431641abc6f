package chuan.workbook;

import chuan.source.CellLayout;
import chuan.source.CellRows;
import chuan.source.CellSource;
import chuan.source.SourceRefused;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Excel workbooks ({@code .xlsx}, and {@code .xlsm} with macros, which are never run): sheets streamed row by row. */
public final class XlsxFiles implements CellSource {

    /** The workbook findings: every workbook source makes them. */
    static final List<String> RULES = List.of("WORKBOOK-NUMBER-IN-TEXT-COLUMN", "WORKBOOK-NUMBER-AS-TEXT", "WORKBOOK-SCIENTIFIC-NOTATION",
            "WORKBOOK-DATE-AS-NUMBER", "WORKBOOK-DATE-MIXED", "WORKBOOK-DATE-AMBIGUOUS", "WORKBOOK-ERROR-VALUE",
            "WORKBOOK-FORMULA-NO-VALUE", "WORKBOOK-MERGED-CELLS", "WORKBOOK-HIDDEN-DATA", "WORKBOOK-TRAILING-EMPTY-ROWS",
            "WORKBOOK-MACROS");

    @Override
    public String label() {
        return "xlsx";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".xlsx", ".xlsm");
    }

    @Override
    public Locations locations() {
        return Locations.CELL_REFERENCE;
    }

    @Override
    public List<String> ownRules() {
        return RULES;
    }

    @Override
    public CellRows open(Path file, CellLayout layout, javax.crypto.Mac fingerprint) throws SourceRefused, IOException {
        XlsxWorkbook book = XlsxWorkbook.open(file);
        try {
            return new WorkbookRows(book, layout, file, fingerprint);
        } catch (IOException | RuntimeException e) {
            book.close();
            throw e;
        }
    }
}
