package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Reference;
import chuan.model.Result;
import chuan.model.Rule;
import chuan.model.Status;
import chuan.model.Target;
import chuan.model.Violation;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One self-contained HTML page for the people a gate decision is handed to: the decision, a
 * chart of results by status and severity (inline SVG), results per target with filters,
 * examples, waivers, and every rule's rationale, remediation and references. No network: CSS and
 * script are inline. Written as polyglot XHTML by the JDK's XML writer, which escapes markup, through
 * {@link InertXmlWriter}, which shows control and bidi characters as escapes.
 */
public final class HtmlReport implements AuditListener {

    private static final String CSS = String.join("\n",
            "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d1d1f;max-width:1100px}",
            "h1{font-size:1.6rem;margin:0 0 .3rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}",
            ".gate{display:inline-block;padding:.3rem .8rem;border-radius:4px;font-weight:700;color:#fff}",
            ".passed{background:#1a7f37}.failed{background:#cf222e}",
            "table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.3rem .5rem;"
                    + "text-align:left;vertical-align:top}th{background:#f6f8fa}",
            ".fail{color:#cf222e;font-weight:600}.error{color:#9a6700;font-weight:600}.warn{color:#9a6700}"
                    + ".waived{color:#8250df}.pass{color:#1a7f37}.na{color:#6e7781}",
            ".filters label{margin-right:1rem}.ex{font-family:ui-monospace,Menlo,monospace;font-size:12px;color:#444}",
            "details{margin:.3rem 0}code{background:#f6f8fa;padding:0 .2rem}",
            "@media print{.filters{display:none}details{display:block}details summary{list-style:none}body{margin:0}}");

    /** Hides result rows whose status or severity box is unchecked. Written without the characters XML escapes. */
    private static final String SCRIPT = String.join("\n",
            "function applyFilters(){",
            "  var off = Array.from(document.querySelectorAll('.filters input')).filter(function(i){return !i.checked;})",
            "    .map(function(i){return i.value;});",
            "  document.querySelectorAll('tr.result').forEach(function(tr){",
            "    var hide = off.indexOf(tr.dataset.status) !== -1 || off.indexOf(tr.dataset.severity) !== -1;",
            "    tr.style.display = hide ? 'none' : '';",
            "  });",
            "}",
            "document.querySelectorAll('.filters input').forEach(function(i){i.addEventListener('change', applyFilters);});",
            "applyFilters();");

    private final JsonReport.Sink sink;
    private final RuleCatalog catalog;

    public HtmlReport(JsonReport.Sink sink, RuleCatalog catalog) {
        this.sink = sink;
        this.catalog = catalog;
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        try (OutputStream out = sink.open()) {
            out.write("<!DOCTYPE html>\n".getBytes(StandardCharsets.UTF_8));
            XMLStreamWriter w = new InertXmlWriter(XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8"));
            page(w, report);
            w.flush();
            w.close();
            out.write('\n');
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the HTML report: " + e.getMessage(), e);
        }
    }

    private void page(XMLStreamWriter w, AuditReport report) throws XMLStreamException {
        boolean passed = report.summary().gate() == chuan.model.GateDecision.PASSED;
        w.writeStartElement("html");
        w.writeAttribute("lang", "en");
        w.writeStartElement("head");
        w.writeEmptyElement("meta");
        w.writeAttribute("charset", "utf-8");
        element(w, "title", "chuan audit: " + (passed ? "passed" : "FAILED"));
        element(w, "style", CSS);
        w.writeEndElement();
        w.writeStartElement("body");
        element(w, "h1", "chuan audit report");
        w.writeStartElement("p");
        w.writeStartElement("span");
        w.writeAttribute("class", "gate " + (passed ? "passed" : "failed"));
        w.writeAttribute("id", "gate");
        w.writeCharacters("Gate " + (passed ? "PASSED" : "FAILED"));
        w.writeEndElement();
        w.writeCharacters(" --fail-on " + report.summary().failOn() + ", exit code " + report.summary().exitCode()
                + "; " + report.targets().size() + " target(s); as of " + report.asOf() + "; chuan " + report.tool().version());
        w.writeEndElement();
        summary(w, report);
        errors(w, report);
        filters(w);
        for (Target t : report.targets()) {
            target(w, report, t);
        }
        waived(w, report);
        rules(w, report);
        element(w, "script", SCRIPT);
        w.writeEndElement();
        w.writeEndElement();
    }

    private void summary(XMLStreamWriter w, AuditReport report) throws XMLStreamException {
        element(w, "h2", "Summary");
        var st = report.summary().byStatus();
        String[] statuses = {"fail", "error", "warn", "waived", "pass", "not-applicable"};
        String[] colours = {"#cf222e", "#9a6700", "#d4a72c", "#8250df", "#1a7f37", "#8c959f"};
        long total = 0;
        for (String s : statuses) {
            total += st.getOrDefault(s, 0L);
        }
        // a stacked bar of results by status
        w.writeStartElement("svg");
        w.writeAttribute("xmlns", "http://www.w3.org/2000/svg");
        w.writeAttribute("width", "600");
        w.writeAttribute("height", "46");
        w.writeAttribute("role", "img");
        w.writeAttribute("aria-label", "results by status");
        double x = 0;
        int legend = 0;
        for (int i = 0; i < statuses.length; i++) {
            long n = st.getOrDefault(statuses[i], 0L);
            if (n == 0 || total == 0) {
                continue;
            }
            double width = 600.0 * n / total;
            w.writeEmptyElement("rect");
            w.writeAttribute("x", String.format(Locale.ROOT, "%.1f", x));
            w.writeAttribute("y", "0");
            w.writeAttribute("width", String.format(Locale.ROOT, "%.1f", width));
            w.writeAttribute("height", "22");
            w.writeAttribute("fill", colours[i]);
            // the legend runs in a row of its own, so that thin segments do not overlap their labels
            w.writeEmptyElement("rect");
            w.writeAttribute("x", String.valueOf(legend * 100));
            w.writeAttribute("y", "29");
            w.writeAttribute("width", "10");
            w.writeAttribute("height", "10");
            w.writeAttribute("fill", colours[i]);
            w.writeStartElement("text");
            w.writeAttribute("x", String.valueOf(legend * 100 + 14));
            w.writeAttribute("y", "38");
            w.writeAttribute("font-size", "11");
            w.writeCharacters(statuses[i] + " " + n);
            w.writeEndElement();
            x += width;
            legend++;
        }
        w.writeEndElement();
        w.writeStartElement("table");
        row(w, "th", "status", "fail", "error", "warn", "waived", "pass", "not applicable");
        row(w, "td", "results", String.valueOf(st.get("fail")), String.valueOf(st.get("error")), String.valueOf(st.get("warn")),
                String.valueOf(st.getOrDefault("waived", 0L)), String.valueOf(st.get("pass")), String.valueOf(st.get("not-applicable")));
        w.writeEndElement();
        w.writeStartElement("table");
        List<String> head = new ArrayList<>(List.of("failing by severity"));
        List<String> values = new ArrayList<>(List.of("results"));
        report.summary().bySeverity().forEach((k, v) -> {
            head.add(k);
            values.add(String.valueOf(v));
        });
        row(w, "th", head.toArray(new String[0]));
        row(w, "td", values.toArray(new String[0]));
        w.writeEndElement();
        if (report.summary().baseline() != null) {
            var b = report.summary().baseline();
            element(w, "p", "Baseline " + b.file() + ": " + b.newViolations() + " new, " + b.unchanged() + " unchanged, "
                    + b.fixed() + " fixed violations.");
        }
    }

    private static void errors(XMLStreamWriter w, AuditReport report) throws XMLStreamException {
        errors(w, "Could not be audited", "unaudited", report.errors().stream().filter(e -> e.kind() == AuditError.Kind.PROCESSING)
                .toList());
        errors(w, "Configuration errors", "configuration-errors", report.errors().stream()
                .filter(e -> e.kind() == AuditError.Kind.CONFIGURATION).toList());
    }

    private static void errors(XMLStreamWriter w, String heading, String id, List<AuditError> errors) throws XMLStreamException {
        if (errors.isEmpty()) {
            return;
        }
        element(w, "h2", heading);
        w.writeStartElement("ul");
        w.writeAttribute("id", id);
        for (AuditError e : errors) {
            element(w, "li", e.oneLine());
        }
        w.writeEndElement();
    }

    private static void filters(XMLStreamWriter w) throws XMLStreamException {
        element(w, "h2", "Results");
        w.writeStartElement("p");
        w.writeAttribute("class", "filters");
        for (String v : new String[] {"fail", "error", "warn", "waived", "pass", "not-applicable",
            "critical", "high", "medium", "low", "info"}) {
            w.writeStartElement("label");
            w.writeEmptyElement("input");
            w.writeAttribute("type", "checkbox");
            w.writeAttribute("value", v);
            if (!v.equals("pass") && !v.equals("not-applicable")) {
                w.writeAttribute("checked", "checked");
            }
            w.writeCharacters(" " + v);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void target(XMLStreamWriter w, AuditReport report, Target t) throws XMLStreamException {
        element(w, "h3", t.path() + " (" + t.status().label() + ")");
        element(w, "p", t.format() + ", " + t.extent() + ", profile " + String.join(", ", t.profiles())
                + (t.fingerprint() == null ? "" : ", fingerprint " + t.fingerprint()));
        if (t.sources() != null && !t.sources().isEmpty()) {
            element(w, "p", "read, in order: " + String.join(", ", t.sources())); // the resolution path
        }
        List<Result> results = new ArrayList<>(report.results().stream().filter(r -> r.target().equals(t.path())).toList());
        results.sort(Comparator.comparing((Result r) -> r.status().ordinal()).thenComparing(r -> -r.severity().ordinal()));
        w.writeStartElement("table");
        row(w, "th", "status", "severity", "rule", "field", "violations", "details");
        for (Result r : results) {
            w.writeStartElement("tr");
            w.writeAttribute("class", "result");
            w.writeAttribute("data-status", r.status().label());
            w.writeAttribute("data-severity", r.severity().label());
            cell(w, r.status().label().toUpperCase(Locale.ROOT), r.status() == Status.NOT_APPLICABLE ? "na" : r.status().label());
            cell(w, r.severity().label(), null);
            cell(w, r.rule(), null);
            cell(w, r.field() == null ? "" : r.field(), null);
            cell(w, r.violations() + (r.newViolations() != null ? " (" + r.newViolations() + " new)" : ""), null);
            w.writeStartElement("td");
            w.writeCharacters(r.title());
            if (r.message() != null) {
                w.writeEmptyElement("br");
                w.writeCharacters(r.message());
            }
            if (r.waiver() != null) {
                w.writeEmptyElement("br");
                w.writeCharacters("Waived: " + WaiverText.of(r.waiver()));
            }
            if (!r.examples().isEmpty()) {
                w.writeStartElement("details");
                element(w, "summary", r.examples().size() + " example(s)");
                for (Violation v : r.examples()) {
                    w.writeStartElement("div");
                    w.writeAttribute("class", "ex");
                    w.writeCharacters(Inert.text(example(v)));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** Every waived result in one place: what is accepted, why, by whom, until when. */
    private static void waived(XMLStreamWriter w, AuditReport report) throws XMLStreamException {
        List<Result> waived = report.results().stream().filter(r -> r.status() == Status.WAIVED).toList();
        if (waived.isEmpty()) {
            return;
        }
        element(w, "h2", "Waived");
        w.writeStartElement("table");
        w.writeAttribute("id", "waived");
        row(w, "th", "target", "rule", "field", "violations", "reason", "owner", "ticket", "until", "waiver");
        for (Result r : waived) {
            var x = r.waiver();
            row(w, "td", r.target(), r.rule(), r.field() == null ? "" : r.field(), String.valueOf(r.violations()), x.reason(),
                    x.owner() == null ? "" : x.owner(), x.ticket() == null ? "" : x.ticket(),
                    x.expires() == null ? "" : x.expires().toString(), x.source());
        }
        w.writeEndElement();
    }

    private void rules(XMLStreamWriter w, AuditReport report) throws XMLStreamException {
        Set<String> ids = new LinkedHashSet<>();
        report.results().stream().filter(r -> r.status() == Status.FAIL || r.status() == Status.WAIVED || r.status() == Status.WARN)
                .map(Result::rule).sorted().forEach(ids::add);
        if (ids.isEmpty()) {
            return;
        }
        element(w, "h2", "Rules behind the findings");
        for (String id : ids) {
            Rule rule = catalog.find(id).orElse(null);
            if (rule == null) {
                continue;
            }
            element(w, "h3", rule.id() + ": " + rule.title());
            element(w, "p", "Why: " + rule.rationale());
            element(w, "p", "Fix: " + rule.remediation());
            w.writeStartElement("ul");
            for (Reference ref : rule.references()) {
                element(w, "li", ref.display() + (ref.url() == null ? "" : " (" + ref.url() + ")"));
            }
            w.writeEndElement();
        }
    }

    private static String example(Violation v) {
        StringBuilder sb = new StringBuilder();
        if (v.row() != null) {
            sb.append("row ").append(v.row()).append(' ');
        }
        if (v.place() != null) {
            sb.append(v.place()).append(' ');
        } else {
            if (v.file() != null) {
                sb.append(v.file()).append(v.line() != null ? ":" + v.line() : "").append(' ');
            } else if (v.line() != null) {
                sb.append("line ").append(v.line()).append(' ');
            }
            if (v.column() != null) {
                sb.append("col ").append(v.column()).append(' ');
            }
        }
        if (v.field() != null) {
            sb.append(v.field()).append(' ');
        }
        if (v.value() != null) {
            sb.append('"').append(v.value()).append("\" ");
        }
        if (v.message() != null) {
            sb.append(v.message());
        }
        if (v.expected() != null) {
            sb.append("; expected ").append(v.expected());
        }
        if (v.baselineState() != null) {
            sb.append(" [").append(v.baselineState().label()).append(']');
        }
        return sb.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void cell(XMLStreamWriter w, String text, String cls) throws XMLStreamException {
        w.writeStartElement("td");
        if (cls != null) {
            w.writeAttribute("class", cls);
        }
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void row(XMLStreamWriter w, String cellName, String... cells) throws XMLStreamException {
        w.writeStartElement("tr");
        for (String c : cells) {
            element(w, cellName, c);
        }
        w.writeEndElement();
    }
}
