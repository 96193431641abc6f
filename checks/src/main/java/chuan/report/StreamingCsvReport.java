package chuan.report;

import chuan.dataset.ViolationSink;
import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Target;
import chuan.model.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV report for {@code --max-examples 0}: every violation, streamed to disk as the scan finds
 * it, one spill file per rule and field, so that a million violations never sit in memory. When a
 * target is done its rows are written out in the order of its results, with their final status,
 * which gives exactly the rows and order of {@link CsvReport} on the same findings. The rows wait in
 * a temporary file too, and the report itself is opened only when the audit has finished, like
 * every other format: nothing is written to it before the command knows what it read. The
 * temporary folder is removed when the report is written, and by {@link #close} when the scan
 * failed before it could be (an internal error, Ctrl-C in the shell).
 */
public final class StreamingCsvReport implements AuditListener, AutoCloseable {

    private static final CSVFormat SPILL = CSVFormat.RFC4180;

    private final JsonReport.Sink sink;
    /** Where the temporary folder is made; null for the system's temporary directory. */
    private final Path temporaryParent;
    private CSVPrinter csv;
    private Path spillDir;
    private Path rows;
    private final Map<String, CSVPrinter> spills = new HashMap<>();
    private final Map<String, Path> spillFiles = new HashMap<>();

    public StreamingCsvReport(JsonReport.Sink sink) {
        this(sink, null);
    }

    StreamingCsvReport(JsonReport.Sink sink, Path temporaryParent) {
        this.sink = sink;
        this.temporaryParent = temporaryParent;
    }

    @Override
    public void auditStarted(List<String> inputs) throws IOException {
        spillDir = temporaryParent == null ? Files.createTempDirectory("chuan-csv")
                : Files.createTempDirectory(temporaryParent, "chuan-csv");
        rows = spillDir.resolve("rows.csv");
        csv = new CSVPrinter(Files.newBufferedWriter(rows, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(CsvReport.HEADER).get());
    }

    @Override
    public ViolationSink violations(String target) {
        return (rule, field, v) -> {
            try {
                String key = target + "\u0000" + rule + "\u0000" + (field == null ? "" : field);
                CSVPrinter p = spills.get(key);
                if (p == null) {
                    Path f = spillDir.resolve("spill-" + spills.size() + ".csv");
                    p = new CSVPrinter(Files.newBufferedWriter(f, StandardCharsets.UTF_8), SPILL);
                    spills.put(key, p);
                    spillFiles.put(key, f);
                }
                // inert already: a lone surrogate could not be written to the spill file otherwise
                p.printRecord(v.row(), v.line(), v.column(), Inert.text(v.place()), Inert.text(v.field()), Inert.text(v.value()),
                        Inert.text(v.expected()), Inert.text(v.message()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public void targetFinished(Target target, List<Result> results, List<AuditError> errors) throws IOException {
        for (Result r : results) {
            String key = target.path() + "\u0000" + r.rule() + "\u0000" + (r.field() == null ? "" : r.field());
            CSVPrinter p = spills.remove(key);
            if (p == null) {
                for (Violation v : r.examples()) {
                    CsvReport.row(csv, v.fileOr(r.target()), r.rule(), r.severity().label(), r.status().label(), v.row(), v.line(),
                            v.column(), v.place(), v.field() != null ? v.field() : r.field(), v.value(), v.expected(),
                            CsvReport.message(r, v.message()));
                }
                continue;
            }
            p.close();
            Path f = spillFiles.remove(key);
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : SPILL.parse(in)) {
                    // spilled as row, line, column, place, field, value, expected, message
                    CsvReport.row(csv, r.target(), r.rule(), r.severity().label(), r.status().label(), blank(rec.get(0)),
                            blank(rec.get(1)), blank(rec.get(2)), blank(rec.get(3)), rec.get(4).isEmpty() ? r.field() : rec.get(4),
                            blank(rec.get(5)), blank(rec.get(6)), CsvReport.message(r, blank(rec.get(7))));
                }
            }
            Files.delete(f);
        }
        csv.flush();
    }

    /** Commons CSV writes null as an empty field; read back, an empty field is null again. */
    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        try {
            CsvReport.errors(csv, report);
            csv.close();
            try (OutputStream out = sink.open()) {
                Files.copy(rows, out);
            }
        } finally {
            close();
        }
    }

    /** Removes the temporary folder and what is left in it; nothing to do once it is gone. */
    @Override
    public void close() throws IOException {
        if (spillDir == null) {
            return;
        }
        try {
            for (CSVPrinter p : spills.values()) {
                p.close();
            }
            csv.close();
        } finally {
            spills.clear();
            for (Path f : spillFiles.values()) {
                Files.deleteIfExists(f);
            }
            spillFiles.clear();
            Files.deleteIfExists(rows);
            Files.deleteIfExists(spillDir);
            spillDir = null;
        }
    }
}
