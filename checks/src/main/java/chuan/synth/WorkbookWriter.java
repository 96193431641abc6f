package chuan.synth;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Synthesized rows written as a workbook through POI's streaming writer: a window of rows in memory, the rest flushed
 * to a temporary file until the workbook is written out. Every value is a text cell (an empty value an empty cell),
 * in one sheet {@code Data}, under the profile's title rows if it declares any.
 */
final class WorkbookWriter implements AutoCloseable {

    static {
        chuan.workbook.PoiSetup.init();
    }

    private final SXSSFWorkbook book = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private final OutputStream out;
    private int next;

    WorkbookWriter(OutputStream out, int titleRows, String profileId) {
        this.out = out;
        book.setCompressTempFiles(true);
        sheet = book.createSheet("Data");
        for (int k = 0; k < titleRows; k++) {
            sheet.createRow(next++).createCell(0).setCellValue("Synthesized by chuan synth from " + profileId);
        }
    }

    void row(String[] values) {
        Row r = sheet.createRow(next++);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null && !values[c].isEmpty()) {
                r.createCell(c).setCellValue(values[c]);
            }
        }
    }

    /** Writes the workbook out. */
    void finish() throws IOException {
        book.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        book.close(); // deletes the temporary files
    }
}
