package chuan.report;

import chuan.model.AuditReport;
import chuan.model.Reference;
import chuan.model.Result;
import chuan.model.Rule;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.rules.RuleCatalog;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning tools (GitHub loads it unchanged): the rules that failed, with
 * their descriptions, help and tags, and one result per kept violation, each with a file
 * location and a line. Waived failures carry an accepted suppression with the waiver's reason.
 * Passing, warning and not-applicable results are not results in SARIF terms (GitHub would show
 * them as alerts), so they are left out. Built from typed records.
 */
public final class SarifReport implements AuditListener {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final JsonReport.Sink sink;
    private final RuleCatalog catalog;

    public SarifReport(JsonReport.Sink sink, RuleCatalog catalog) {
        this.sink = sink;
        this.catalog = catalog;
    }

    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    record Run(Tool tool, List<Invocation> invocations, List<SarifResult> results) {
    }

    record Tool(Driver driver) {
    }

    record Driver(String name, String semanticVersion, String informationUri, List<RuleDescriptor> rules) {
    }

    record RuleDescriptor(String id, String name, Text shortDescription, Text fullDescription, Help help,
                          Configuration defaultConfiguration, Map<String, Object> properties) {
    }

    record Text(String text) {
    }

    record Help(String text, String markdown) {
    }

    record Configuration(String level) {
    }

    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    record Notification(String level, Text message, List<Location> locations) {
    }

    record SarifResult(String ruleId, int ruleIndex, String level, Text message, List<Location> locations,
                       Map<String, String> partialFingerprints, List<Suppression> suppressions, String baselineState) {
    }

    /** A waiver, in SARIF's words: an external, accepted suppression with its justification. */
    record Suppression(String kind, String status, String justification) {
    }

    record Location(PhysicalLocation physicalLocation) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record ArtifactLocation(String uri) {
    }

    record Region(long startLine, Integer startColumn) {
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        try (OutputStream out = sink.open()) {
            MAPPER.writeValue(new NonClosingStream(out), log(report));
            out.write('\n');
        }
    }

    Log log(AuditReport report) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<RuleDescriptor> rules = new ArrayList<>();
        List<SarifResult> results = new ArrayList<>();
        for (Result r : report.results()) {
            if (r.status() != Status.FAIL && r.status() != Status.WAIVED) {
                continue;
            }
            List<Suppression> suppressed = r.waiver() == null ? null : List.of(new Suppression("external", "accepted",
                    r.waiver().reason() + (r.waiver().expires() != null ? " (until " + r.waiver().expires() + ")" : "")));
            Integer i = index.get(r.rule());
            if (i == null) {
                i = rules.size();
                index.put(r.rule(), i);
                rules.add(descriptor(catalog.describe(r.rule(), r.title(), r.severity()), r.severity()));
            }
            List<Violation> where = r.examples().isEmpty() ? List.of(new Violation(null, 1L, null, r.field(), null, null,
                    r.message())) : r.examples();
            for (Violation v : where) {
                results.add(new SarifResult(r.rule(), i, level(r.severity()), new Text(message(r, v)),
                        List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri(v.fileOr(r.target()))),
                                new Region(v.line() == null || v.line() < 1 ? 1 : v.line(), v.column())))),
                        Map.of("chuanFinding/v1", fingerprint(r, v)), suppressed, v.baselineState()));
            }
        }
        List<Notification> notes = new ArrayList<>();
        report.errors().forEach(e -> notes.add(new Notification("error", new Text(e.oneLine()), e.path() == null ? null
                : List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri(e.path())),
                        new Region(e.line() == null ? 1 : e.line(), e.column() == null ? null : e.column().intValue())))))));
        Driver driver = new Driver("chuan", report.tool().version(), null, rules);
        return new Log("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0",
                List.of(new Run(new Tool(driver), List.of(new Invocation(true, notes.isEmpty() ? null : notes)), results)));
    }

    private static RuleDescriptor descriptor(Rule rule, Severity severity) {
        StringBuilder refs = new StringBuilder();
        for (Reference ref : rule.references()) {
            refs.append("\n- ").append(ref.display()).append(ref.url() == null ? "" : " <" + ref.url() + ">");
        }
        String help = rule.remediation() + "\n\nReferences:" + refs;
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>(rule.tags());
        props.put("tags", tags.subList(0, Math.min(tags.size(), 20)));
        props.put("severity", severity.label());
        if (tags.contains("security")) {
            // GitHub code scanning ranks security alerts by this CVSS-like score
            props.put("security-severity", switch (severity) {
                case CRITICAL -> "9.5";
                case HIGH -> "8.0";
                case MEDIUM -> "5.5";
                case LOW -> "3.0";
                case INFO -> "0.0";
            });
        }
        return new RuleDescriptor(rule.id(), rule.id().toLowerCase(java.util.Locale.ROOT), new Text(rule.title()),
                new Text(limit(rule.rationale())), new Help(help, help.replace("\n- ", "\n* ")),
                new Configuration(level(rule.severity())), props);
    }

    private static String limit(String s) {
        return s.length() <= 1024 ? s : s.substring(0, 1021) + "...";
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    private static String message(Result r, Violation v) {
        StringBuilder sb = new StringBuilder(r.title());
        if (v.row() != null) {
            sb.append(": record ").append(v.row());
        }
        if (v.field() != null) {
            sb.append(v.row() != null ? ", " : ": ").append(v.field());
        }
        if (v.value() != null) {
            sb.append(" \"").append(v.value()).append('"');
        }
        if (v.message() != null) {
            sb.append(" (").append(v.message()).append(')');
        }
        if (v.expected() != null) {
            sb.append("; expected ").append(v.expected());
        }
        return sb.append('.').toString();
    }

    /** A target path as a relative URI with forward slashes. */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.replace(" ", "%20");
    }

    /** Independent of line numbers: rule, target, field and the value's key (or what was said about it). */
    static String fingerprint(Result r, Violation v) {
        String subject = r.rule() + "|" + uri(r.target()) + "|" + (v.field() == null ? "" : v.field()) + "|" + v.subject();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
