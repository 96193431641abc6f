package chuan.report;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.dataset.ViolationSink;
import chuan.model.AuditReport;
import chuan.model.Summary;
import chuan.model.Violation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed CSV's temporary folder is removed whether the scan finishes or fails. */
class StreamingCsvReportTest {

    @TempDir
    Path temporary;

    /** A scan that has started and streamed one violation to its spill file. */
    private StreamingCsvReport streaming(ByteArrayOutputStream out) throws Exception {
        StreamingCsvReport report = new StreamingCsvReport(() -> out, temporary);
        report.auditStarted(List.of("people.csv"));
        ViolationSink sink = report.violations("people.csv");
        sink.accept("DATA-UNIQUE", "id", Violation.builder().row(11L).line(12L).column(1).field("id").value("0792******45").message("value already used").build());
        assertThat(temporary).as("the rows wait in a temporary folder").isNotEmptyDirectory();
        return report;
    }

    @Test
    void aScanThatFailsLeavesNoTemporaryFolder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamingCsvReport report = streaming(out);
        report.close(); // what the command does when the scan ends in an exception: no auditFinished
        assertThat(temporary).isEmptyDirectory();
        assertThat(out.size()).as("no report is written for a scan that did not finish").isZero();
        report.close(); // and again, harmlessly
        assertThat(temporary).isEmptyDirectory();
    }

    @Test
    void aScanThatFinishesWritesTheReportAndLeavesNoTemporaryFolder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamingCsvReport report = streaming(out);
        report.auditFinished(new AuditReport(AuditReport.SCHEMA_VERSION, new AuditReport.Tool("chuan", "test"), Instant.EPOCH, 0,
                LocalDate.of(2026, 11, 27), List.of(), List.of(), List.of(),
                new Summary(Map.of(), Map.of(), chuan.model.GateDecision.PASSED, "low", 0), "key"));
        assertThat(temporary).isEmptyDirectory();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("target,rule,severity,status,");
        report.close();
        assertThat(temporary).isEmptyDirectory();
    }
}
