package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void theLineSaysWhereTheScanIs() {
        String line = ProgressLine.line("data/citizens.csv", 50L << 20, 200L << 20, 250_000, 1_234, 2.0);
        assertThat(line).isEqualTo("data/citizens.csv  25% 50 MB/200 MB 250,000 records 125,000/s ETA 6s 1,234 violations");
    }

    @Test
    void nothingIsShownDuringTheFirstSecond() {
        StringWriter err = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(err));
        p.progress("f.csv", 1, 10, 1, 0);
        p.done();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aScanOffATerminalPrintsNoProgress() {
        CliRunner r = CliRunner.run("scan", "-p", "vn.citizen-register", "../checks/src/test/resources/bench/citizens-2000.csv",
                "--as-of", "2025-06-30", "-q");
        assertThat(r.err()).isEmpty();
    }
}
