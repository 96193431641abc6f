// Writes a CSV file as a workbook for the benchmark: one sheet "Citizens", every value a text cell, an empty field an
// empty cell, so that a scan of the workbook must find what a scan of the CSV finds. Run with the CLI's jar, which holds
// POI and Commons CSV:  java -cp cli/target/chuan.jar bench/ToXlsx.java IN.csv OUT.xlsx
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

public class ToXlsx {
    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             SXSSFWorkbook book = new SXSSFWorkbook(500);
             OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet("Citizens");
            int r = 0;
            for (CSVRecord rec : CSVFormat.RFC4180.parse(in)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < rec.size(); c++) {
                    String v = rec.get(c);
                    if (!v.isEmpty()) {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            book.write(out);
        }
    }
}
