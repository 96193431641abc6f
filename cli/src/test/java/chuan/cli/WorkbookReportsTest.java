package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook's findings are placed as a spreadsheet names them in every report format that shows places: the sample
 * register's ID stored as a number at Citizens!A8 (record 7), its merged range Citizens!E100:E101.
 */
class WorkbookReportsTest {

    private static final String BOOK = "../samples/registers/citizen-register-2025-06.xlsx";

    @Test
    void everyFormatPlacesTheCellAsASpreadsheetNamesIt(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("scan", BOOK, "--as-of", "2025-06-30", "--no-color",
                "-f", "console", "-f", "json=" + dir.resolve("r.json"), "-f", "csv=" + dir.resolve("r.csv"),
                "-f", "sarif=" + dir.resolve("r.sarif"), "-f", "junit=" + dir.resolve("r.xml"), "-f", "html=" + dir.resolve("r.html"));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("sheet read: Citizens").contains("row 7 Citizens!A8 id:").contains("Citizens!E100:E101");
        JSONObject json = new JSONObject(Files.readString(dir.resolve("r.json")));
        JSONArray results = json.getJSONArray("results");
        boolean found = false;
        for (int i = 0; i < results.length(); i++) {
            JSONObject res = results.getJSONObject(i);
            if (res.getString("rule").equals("WORKBOOK-NUMBER-IN-TEXT-COLUMN")) {
                JSONObject first = res.getJSONArray("examples").getJSONObject(0);
                assertThat(first.getString("place")).isEqualTo("Citizens!A8");
                assertThat(first.getInt("row")).isEqualTo(7);
                assertThat(first.getInt("column")).isEqualTo(1);
                assertThat(first.has("line")).as("a workbook has no lines").isFalse();
                assertThat(first.getString("value")).doesNotContain("54076330171");
                found = true;
            }
        }
        assertThat(found).isTrue();
        assertThat(json.getJSONArray("targets").getJSONObject(0).getJSONArray("sources").toList()).containsExactly("Citizens");
        assertThat(Files.readString(dir.resolve("r.csv"))).contains(",7,,1,Citizens!A8,id,");
        String sarif = Files.readString(dir.resolve("r.sarif"));
        assertThat(sarif).contains("\"fullyQualifiedName\" : \"Citizens!A8\"");
        assertThat(Files.readString(dir.resolve("r.xml"))).contains("row 7 Citizens!A8");
        assertThat(Files.readString(dir.resolve("r.html"))).contains("row 7 Citizens!A8");
    }
}
