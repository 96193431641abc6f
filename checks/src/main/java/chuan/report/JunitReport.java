package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Target;
import chuan.model.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the strict Ant/Windy Road form every CI reads: one testsuite per target, one
 * testcase per result named {@code [SEVERITY][RULE] title (field)}; failing results are
 * failures with their examples, unreadable inputs errors, not-applicable results skipped.
 * Written with the JDK's XML writer, which escapes markup, through {@link InertXmlWriter}, which
 * escapes what XML 1.0 forbids (control characters, U+FFFE/U+FFFF, lone surrogates).
 */
public final class JunitReport implements AuditListener {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final JsonReport.Sink sink;

    public JunitReport(JsonReport.Sink sink) {
        this.sink = sink;
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        try (OutputStream out = sink.open()) {
            XMLStreamWriter w = new InertXmlWriter(XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8"));
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            int id = 0;
            for (Target t : report.targets()) {
                List<Result> own = report.results().stream().filter(r -> r.target().equals(t.path())).toList();
                List<AuditError> errors = report.errors().stream().filter(e -> t.path().equals(e.path())).toList();
                suite(w, report, id++, t.path(), String.join(", ", t.profiles()), own, errors);
            }
            List<AuditError> other = report.errors().stream()
                    .filter(e -> report.targets().stream().noneMatch(t -> t.path().equals(e.path()))).toList();
            if (!other.isEmpty()) {
                suite(w, report, id, "chuan", "", List.of(), other);
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.writeCharacters("\n");
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter w, AuditReport report, int id, String name, String profiles,
                              List<Result> results, List<AuditError> errors) throws XMLStreamException {
        long failures = results.stream().filter(r -> r.status() == Status.FAIL).count();
        long errorCount = errors.size() + results.stream().filter(r -> r.status() == Status.ERROR).count();
        long skipped = results.stream().filter(r -> r.status() == Status.NOT_APPLICABLE || r.status() == Status.WAIVED).count();
        w.writeCharacters("\n  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", name);
        w.writeAttribute("tests", String.valueOf(results.size() + errors.size()));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("errors", String.valueOf(errorCount));
        w.writeAttribute("skipped", String.valueOf(skipped));
        w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", report.durationMs() / 1000.0));
        w.writeAttribute("timestamp", STAMP.format(report.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        w.writeAttribute("hostname", "localhost");
        w.writeAttribute("id", String.valueOf(id));
        w.writeAttribute("package", "chuan");
        w.writeCharacters("\n    ");
        w.writeStartElement("properties");
        property(w, "profiles", profiles);
        property(w, "asOf", report.asOf().toString());
        property(w, "failOn", report.summary().failOn());
        w.writeEndElement();
        for (AuditError e : errors) {
            testcase(w, name, "[ERROR][INPUT] " + name + " could not be audited");
            w.writeStartElement("error");
            w.writeAttribute("message", e.oneLine());
            w.writeAttribute("type", e.kind().label());
            w.writeCharacters(e.oneLine());
            w.writeEndElement();
            w.writeEndElement();
        }
        for (Result r : results) {
            testcase(w, name, "[" + r.severity().label().toUpperCase(Locale.ROOT) + "][" + r.rule() + "] " + r.title()
                    + (r.field() != null ? " (" + r.field() + ")" : ""));
            switch (r.status()) {
                case FAIL -> {
                    w.writeStartElement("failure");
                    w.writeAttribute("message", summary(r));
                    w.writeAttribute("type", r.severity().label().toUpperCase(Locale.ROOT));
                    w.writeCharacters(examples(r));
                    w.writeEndElement();
                }
                case ERROR -> {
                    w.writeStartElement("error");
                    w.writeAttribute("message", r.message() == null ? "not checked" : r.message());
                    w.writeAttribute("type", "ERROR");
                    w.writeEndElement();
                }
                case WAIVED -> {
                    var wv = r.waiver();
                    w.writeEmptyElement("skipped");
                    w.writeAttribute("message", "waived: " + wv.reason() + (wv.owner() != null ? " (owner " + wv.owner() + ")" : "")
                            + (wv.ticket() != null ? " " + wv.ticket() : "") + (wv.expires() != null ? ", until " + wv.expires() : ""));
                }
                case NOT_APPLICABLE -> {
                    w.writeEmptyElement("skipped");
                    w.writeAttribute("message", "not applicable: " + (r.message() == null ? "" : r.message()));
                }
                default -> {
                    // pass and warn: a passing testcase (a warning never fails the gate)
                }
            }
            w.writeEndElement();
        }
        w.writeCharacters("\n    ");
        w.writeEmptyElement("system-out");
        w.writeCharacters("\n    ");
        w.writeEmptyElement("system-err");
        w.writeCharacters("\n  ");
        w.writeEndElement();
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", value);
    }

    private static void testcase(XMLStreamWriter w, String classname, String name) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", classname);
        w.writeAttribute("name", name);
        w.writeAttribute("time", "0.000");
    }

    private static String summary(Result r) {
        return r.message() != null ? r.message() : r.violations() + " of " + r.checked() + " violating";
    }

    private static String examples(Result r) {
        List<String> lines = new ArrayList<>();
        for (Violation v : r.examples()) {
            lines.add(Inert.text((v.file() == null ? "" : v.file() + (v.line() == null ? " " : ":" + v.line() + " "))
                    + (v.row() == null ? "" : "row " + v.row() + " ")
                    + (v.place() == null ? "" : v.place() + " ")
                    + (v.line() == null || v.file() != null ? "" : "line " + v.line() + " ")
                    + (v.field() == null ? "" : v.field() + " ") + (v.value() == null ? "" : "\"" + v.value() + "\" ")
                    + (v.message() == null ? "" : v.message()) + (v.expected() == null ? "" : "; expected " + v.expected())));
        }
        if (r.violations() > r.examples().size()) {
            lines.add("... " + (r.violations() - r.examples().size()) + " more");
        }
        return String.join("\n", lines);
    }
}
