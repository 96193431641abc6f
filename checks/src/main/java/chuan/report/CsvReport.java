package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per violation, for the people who repair the data: target, rule, severity, status,
 * row, line, column, field, value, expected, message. Written with Apache Commons CSV; with
 * {@code --max-examples 0} every violation is listed. A waived violation's message ends with its
 * waiver; an input that could not be audited is a row of rule {@code INPUT-ERROR}, a bad profile,
 * waiver or baseline one of rule {@code CONFIGURATION-ERROR}. Text cells go through
 * {@link Inert#csv}: control characters escaped, and a cell a spreadsheet would run as a formula
 * quoted.
 */
public final class CsvReport implements AuditListener {

    static final String[] HEADER = {"target", "rule", "severity", "status", "row", "line", "column", "place", "field",
        "value", "expected", "message"};

    private final JsonReport.Sink sink;

    public CsvReport(JsonReport.Sink sink) {
        this.sink = sink;
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        try (OutputStream out = sink.open();
             Writer w = new OutputStreamWriter(new NonClosingStream(out), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Result r : report.results()) {
                for (Violation v : r.examples()) {
                    row(csv, v.fileOr(r.target()), r.rule(), r.severity().label(), r.status().label(), v.row(), v.line(),
                            v.column(), v.place(), v.field() != null ? v.field() : r.field(), v.value(), v.expected(), message(r, v.message()));
                }
            }
            errors(csv, report);
        }
    }

    /** A violation's message, and for a waived result the waiver that accepts it. */
    static String message(Result r, String message) {
        if (r.waiver() == null) {
            return message;
        }
        return (message == null ? "" : message + "; ") + "waived: " + WaiverText.of(r.waiver());
    }

    /** A row per error, after the violations. */
    static void errors(CSVPrinter csv, AuditReport report) throws IOException {
        for (AuditError e : report.errors()) {
            row(csv, e.path(), e.kind() == AuditError.Kind.CONFIGURATION ? "CONFIGURATION-ERROR" : "INPUT-ERROR", "high", "error",
                    null, e.line(), e.column(), null, null, null, null, e.message());
        }
    }

    /** One row of the report, each text cell made inert; numbers and empty cells as they are. */
    static void row(CSVPrinter csv, Object... cells) throws IOException {
        for (Object c : cells) {
            csv.print(c instanceof String s ? Inert.csv(s) : c);
        }
        csv.println();
    }
}
