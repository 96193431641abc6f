package chuan.report;

import chuan.model.AuditError;
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
import java.nio.file.Path;
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
 *
 * <p>Locations are URIs relative to the working directory of the scan, declared as
 * {@code %SRCROOT%} in {@code originalUriBaseIds}, so code scanning links
 * {@code etc/ssh/sshd_config.d/50-cloud-init.conf} to the repository's file; a file outside it (a
 * scan of {@code /etc}) gets an absolute {@code file:} URI. Paths are percent-encoded per RFC 3986.
 * Errors are the invocation's notifications, as SARIF files them: an input that could not be
 * audited in {@code toolExecutionNotifications}, a bad profile, waiver or baseline in
 * {@code toolConfigurationNotifications}; either makes the run's {@code executionSuccessful} false.
 */
public final class SarifReport implements AuditListener {

    private static final ObjectMapper MAPPER = JsonReport.inert(new ObjectMapper() // hostile text as JSON escapes
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL));

    /** The tool's informationUri: the project's site, after its Maven group dev.chuan. */
    static final String INFORMATION_URI = "https://chuan.dev/";
    /** The base the relative locations are resolved against: the working directory of the scan. */
    static final String SRCROOT = "%SRCROOT%";

    private final JsonReport.Sink sink;
    private final RuleCatalog catalog;
    private final Path workingDirectory;

    public SarifReport(JsonReport.Sink sink, RuleCatalog catalog) {
        this(sink, catalog, Path.of("").toAbsolutePath());
    }

    SarifReport(JsonReport.Sink sink, RuleCatalog catalog, Path workingDirectory) {
        this.sink = sink;
        this.catalog = catalog;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    record Run(Tool tool, Map<String, ArtifactLocation> originalUriBaseIds, List<Invocation> invocations,
               List<SarifResult> results) {
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

    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications,
                      List<Notification> toolConfigurationNotifications) {
    }

    record Notification(String level, Text message, List<Location> locations) {
    }

    record SarifResult(String ruleId, int ruleIndex, String level, Text message, List<Location> locations,
                       Map<String, String> partialFingerprints, List<Suppression> suppressions, String baselineState) {
    }

    /** A waiver, in SARIF's words: an external, accepted suppression with its justification. */
    record Suppression(String kind, String status, String justification) {
    }

    record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {
        Location(PhysicalLocation physicalLocation) {
            this(physicalLocation, null);
        }
    }

    /** A workbook's cell or a table's row, by the name its program gives it: SARIF's logical location. */
    record LogicalLocation(String fullyQualifiedName, String kind) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record ArtifactLocation(String uri, String uriBaseId) {
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
            List<Violation> where = r.examples().isEmpty() ? List.of(Violation.builder().line(1L).field(r.field()).message(r.message())
                    .build()) : r.examples();
            for (Violation v : where) {
                results.add(new SarifResult(r.rule(), i, level(r.severity()), new Text(message(r, v)),
                        List.of(location(v, r.target())),
                        Map.of("chuanFinding/v1", fingerprint(r, v)), suppressed, v.baselineState() == null ? null : v.baselineState().label()));
            }
        }
        List<Notification> execution = new ArrayList<>();
        List<Notification> configuration = new ArrayList<>();
        for (AuditError e : report.errors()) {
            (e.kind() == AuditError.Kind.CONFIGURATION ? configuration : execution).add(notification(e));
        }
        Driver driver = new Driver("chuan", report.tool().version(), INFORMATION_URI, rules);
        // a target that could not be audited, or a configuration in error, means the run did not do all it was asked
        Invocation invocation = new Invocation(report.errors().isEmpty(), execution.isEmpty() ? null : execution,
                configuration.isEmpty() ? null : configuration);
        Map<String, ArtifactLocation> bases = Map.of(SRCROOT, new ArtifactLocation(directoryUri(workingDirectory), null));
        return new Log("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0",
                List.of(new Run(new Tool(driver), bases, List.of(invocation), results)));
    }

    private Notification notification(AuditError e) {
        return new Notification("error", new Text(e.oneLine()), e.path() == null ? null
                : List.of(new Location(new PhysicalLocation(artifact(e.path()),
                        new Region(e.line() == null ? 1 : e.line(), e.column() == null ? null : e.column().intValue())))));
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
        return new RuleDescriptor(rule.id(), ruleName(rule), new Text(rule.title()),
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

    /** A text file's line and column; a workbook's cell or a table's row as a logical location, with no region in the binary file. */
    private Location location(Violation v, String target) {
        if (v.place() != null) {
            // no line in a workbook or a table: the region is the file's start, as for a finding of the whole file
            return new Location(new PhysicalLocation(artifact(v.fileOr(target)), new Region(1, null)),
                    List.of(new LogicalLocation(v.place(), "element")));
        }
        return new Location(new PhysicalLocation(artifact(v.fileOr(target)),
                new Region(v.line() == null || v.line() < 1 ? 1 : v.line(), v.column())));
    }

    private static String message(Result r, Violation v) {
        StringBuilder sb = new StringBuilder(r.title());
        if (v.row() != null) {
            sb.append(": record ").append(v.row());
        }
        if (v.place() != null) {
            sb.append(v.row() != null ? " at " : ": ").append(v.place());
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

    /**
     * A rule's name for code scanning: its title as a PascalCase identifier ("SSH does not accept
     * passwords" is SshDoesNotAcceptPasswords), ASCII, never equal to the id (SARIF wants the id
     * opaque and the name readable).
     */
    static String ruleName(Rule rule) {
        String name = pascal(rule.title());
        if (name.isEmpty() || name.equals(rule.id())) {
            name = pascal(rule.id().replace('-', ' '));
        }
        return name.equals(rule.id()) ? name + "Rule" : name;
    }

    private static String pascal(String text) {
        String ascii = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
        StringBuilder b = new StringBuilder();
        for (String word : ascii.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return b.toString();
    }

    /**
     * Where a reported path is: relative to the working directory ({@code %SRCROOT%}) when it is
     * inside it or was given relative, else an absolute {@code file:} URI.
     */
    ArtifactLocation artifact(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (!p.startsWith("/")) {
            return new ArtifactLocation(encode(p), SRCROOT);
        }
        Path abs = Path.of(p).normalize();
        if (abs.startsWith(workingDirectory) && !abs.equals(workingDirectory)) {
            return new ArtifactLocation(encode(workingDirectory.relativize(abs).toString().replace('\\', '/')), SRCROOT);
        }
        return new ArtifactLocation("file://" + encode(abs.toString().replace('\\', '/')), null);
    }

    private static String directoryUri(Path dir) {
        String p = dir.toString().replace('\\', '/');
        return "file://" + encode(p.startsWith("/") ? p : "/" + p) + (p.endsWith("/") ? "" : "/");
    }

    /**
     * RFC 3986 percent-encoding of a path: every byte of its UTF-8 form except the unreserved
     * characters, the sub-delimiters, '@' and the '/' between segments ({@code :} too, so that a
     * relative path is never read as a scheme).
     */
    static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean keep = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
            if (keep) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** The path as fingerprints have always spelt it (forward slashes, spaces as %20), so baselines keep matching. */
    static String fingerprintPath(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.replace(" ", "%20");
    }

    /** Independent of line numbers: rule, target, field and the value's key (or what was said about it). */
    static String fingerprint(Result r, Violation v) {
        String subject = r.rule() + "|" + fingerprintPath(r.target()) + "|" + (v.field() == null ? "" : v.field()) + "|"
                + v.subject();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
