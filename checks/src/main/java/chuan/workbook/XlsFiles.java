package chuan.workbook;

import chuan.source.CellLayout;
import chuan.source.CellRows;
import chuan.source.CellSource;
import chuan.source.SourceRefused;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Legacy Excel 97-2003 workbooks ({@code .xls}, BIFF8): read record by record, with the same findings as {@code .xlsx}. */
public final class XlsFiles implements CellSource {

    @Override
    public String label() {
        return "xls";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".xls");
    }

    @Override
    public Locations locations() {
        return Locations.CELL_REFERENCE;
    }

    @Override
    public List<String> ownRules() {
        return XlsxFiles.RULES;
    }

    @Override
    public CellRows open(Path file, CellLayout layout, javax.crypto.Mac fingerprint) throws SourceRefused, IOException {
        XlsWorkbook book = XlsWorkbook.open(file);
        try {
            return new WorkbookRows(book, layout, file, fingerprint);
        } catch (IOException | RuntimeException e) {
            book.close();
            throw e;
        }
    }
}
