package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.DatasetSpec;
import chuan.profile.FrictionlessLoader;
import chuan.profile.Profile;
import chuan.profile.ProfileException;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileProblem;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * frictionless-py's own suite as the oracle: its example Data Packages and Table Schemas with their data
 * ({@code src/test/resources/frictionless}, SOURCE.md), read by chuan through {@link FrictionlessLoader}, and
 * every error its tests assert ({@code expected.csv}, one row per assertion, citing the test) compared with
 * chuan's findings at the same record and column. Frictionless numbers rows from the header (row 2 is the
 * first record): its row R is chuan's record R-1. A row's status says how it is compared:
 * {@code same} (chuan reports the rule there), {@code valid} / {@code invalid} (no finding / some finding),
 * {@code resources} (how many resources are scanned), {@code loads} / {@code refused} (the descriptor loads, or
 * is refused at a line), {@code differs} (chuan reports the row's rule instead, {@code -} nothing,
 * {@code REFUSED} or {@code WARNING} on loading, by design: the note says why), {@code awaits-keys} (a
 * primary or foreign key finding: asserted as a finding once the rule is in the catalogue, which branch keys
 * brings, and until then as the key in the dataset model). A group whose test asserts a complete list also
 * fails on any finding the peer does not expect.
 */
class FrictionlessOracleTest {

    static final Path ROOT = Path.of("src/test/resources/frictionless");
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    /** The rules compared: the peer's errors have these counterparts; info-level file checks (BOM, line endings) are not. */
    static final Set<String> DOMAIN = Set.of("DATA-BLANK-ROW", "DATA-RAGGED-ROW", "DATA-QUOTE", "DATA-HEADER-BLANK",
            "DATA-HEADER-DUPLICATE", "DATA-HEADER-MISSING-COLUMN", "DATA-HEADER-EXTRA-COLUMN", "DATA-ENCODING", "DATA-NO-RECORDS",
            "DATA-REQUIRED", "DATA-TYPE", "DATA-PATTERN", "DATA-ENUM", "DATA-RANGE", "DATA-LENGTH", "DATA-UNIQUE",
            "DATA-PRIMARY-KEY-DUPLICATE", "DATA-PRIMARY-KEY-MISSING", "DATA-FOREIGN-KEY");
    static final Set<String> RECORD_RULES = Set.of("DATA-BLANK-ROW", "DATA-RAGGED-ROW", "DATA-QUOTE",
            "DATA-PRIMARY-KEY-DUPLICATE", "DATA-PRIMARY-KEY-MISSING", "DATA-FOREIGN-KEY");
    static final Set<String> STATUSES = Set.of("same", "valid", "invalid", "resources", "loads", "refused", "differs",
            "awaits-keys");

    private final RuleCatalog catalog = RuleCatalog.builtIn();
    private final DatasetScanner scanner = new DatasetScanner(catalog);

    /** One row of expected.csv. */
    record Case(int line, String test, String fixture, String resource, String peer, String rule, String record, String column,
                String status, boolean complete, String note) {
        String key() {
            return key(resource, rule, record, column);
        }

        static String key(String resource, String rule, String record, String column) {
            if (record.isEmpty() && column.isEmpty()) {
                return resource + "|" + rule;
            }
            return resource + "|" + rule + "|" + (record.isEmpty() ? "" : "r" + record) + (column.isEmpty() ? "" : "c" + column);
        }

        String where() {
            return "expected.csv:" + line + " " + test + " (" + peer + ")";
        }
    }

    /** What chuan made of a fixture: the findings by key, the resources scanned, the models, the load's warnings. */
    record Run(Set<String> findings, int resources, Map<String, DatasetSpec> models, ProfileException refused,
               List<ProfileProblem> warnings) {
    }

    @Test
    void chuanFindsWhatFrictionlessTestsAssert() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).as("cases transcribed from frictionless-py's tests").hasSizeGreaterThanOrEqualTo(30);
        Map<String, Run> runs = new HashMap<>();
        Map<String, List<Case>> groups = new LinkedHashMap<>();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            assertThat(STATUSES).as(c.where() + ": status").contains(c.status());
            groups.computeIfAbsent(c.test() + " @ " + c.fixture(), k -> new ArrayList<>()).add(c);
            counts.merge(c.status(), 1, Integer::sum);
        }
        for (List<Case> group : groups.values()) {
            Case first = group.get(0);
            Run run = runs.computeIfAbsent(first.fixture(), this::run);
            Set<String> matched = new TreeSet<>();
            for (Case c : group) {
                String failure = compare(c, run, matched);
                if (failure != null) {
                    failures.add(c.where() + ": " + failure);
                }
            }
            if (first.complete() && group.stream().noneMatch(c -> c.status().equals("invalid"))) {
                for (String f : run.findings()) {
                    if (!matched.contains(f)) {
                        failures.add("expected.csv:" + first.line() + " " + first.test() + ": chuan reports " + f
                                + ", which the peer's test does not expect");
                    }
                }
            }
        }
        System.out.println("frictionless oracle: " + cases.size() + " cases from " + groups.size() + " test assertions: " + counts);
        assertThat(failures).as("cases where chuan and frictionless-py's tests disagree").isEmpty();
    }

    private String compare(Case c, Run run, Set<String> matched) {
        switch (c.status()) {
            case "loads" -> {
                return run.refused() == null ? null : "the descriptor does not load: " + run.refused().getMessage();
            }
            case "refused" -> {
                if (run.refused() == null) {
                    return "the descriptor loads; the peer refuses it";
                }
                return run.refused().problems().stream().allMatch(p -> p.line() > 0) ? null
                        : "refused without a line: " + run.refused().getMessage();
            }
            case "valid" -> {
                if (run.refused() != null) {
                    return "refused: " + run.refused().getMessage();
                }
                return run.findings().isEmpty() ? null : "chuan reports " + run.findings();
            }
            case "invalid" -> {
                matched.addAll(run.findings());
                return run.findings().isEmpty() ? "chuan reports nothing" : null;
            }
            case "resources" -> {
                return run.resources() == Integer.parseInt(c.record()) ? null : run.resources() + " resources scanned";
            }
            case "same" -> {
                matched.add(c.key());
                return run.findings().contains(c.key()) ? null : "chuan does not report " + c.key() + "; it reports "
                        + run.findings();
            }
            case "awaits-keys" -> {
                if (catalog.find(c.rule()).isPresent()) {
                    matched.add(c.key());
                    return run.findings().contains(c.key()) ? null : "chuan does not report " + c.key();
                }
                DatasetSpec d = run.models().get(c.resource());
                if (d == null) {
                    return "no resource " + c.resource();
                }
                boolean modelled = c.rule().startsWith("DATA-PRIMARY-KEY") ? !d.primaryKey().isEmpty() : !d.foreignKeys().isEmpty();
                return modelled ? null : "the key is not in the dataset model";
            }
            case "differs" -> {
                assertThat(c.note()).as(c.where() + ": a difference says why").isNotBlank();
                switch (c.rule()) {
                    case "REFUSED" -> {
                        return run.refused() != null && run.refused().problems().stream().allMatch(p -> p.line() > 0) ? null
                                : "expected a refusal at a line";
                    }
                    case "WARNING" -> {
                        return run.refused() == null && !run.warnings().isEmpty() ? null : "expected a warning and a load";
                    }
                    case "-" -> {
                        String prefix = c.resource() + "|";
                        return run.findings().stream().noneMatch(f -> f.startsWith(prefix)) ? null
                                : "chuan reports " + run.findings();
                    }
                    default -> {
                        matched.add(c.key());
                        return run.findings().contains(c.key()) ? null : "chuan does not report " + c.key();
                    }
                }
            }
            default -> throw new IllegalStateException(c.status());
        }
    }

    /** Reads a fixture as the peer's test does: a package or resource descriptor, a schema with its data, or a schema alone. */
    private Run run(String fixture) {
        List<ProfileProblem> warnings = new ArrayList<>();
        ProfileLoader loader = new ProfileLoader(catalog);
        loader.warnings(warnings::add);
        Set<String> findings = new TreeSet<>();
        Map<String, DatasetSpec> models = new HashMap<>();
        try {
            if (fixture.contains(" + ")) {
                String[] parts = fixture.split(" \\+ ");
                Profile p = loader.load(ROOT.resolve(parts[0]));
                Path data = ROOT.resolve(parts[1]);
                String name = data.getFileName().toString();
                models.put(name, p.dataset());
                scan(data, name, p, findings);
                return new Run(findings, 1, models, null, warnings);
            }
            Path file = ROOT.resolve(fixture);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains("\"resources\"") && !text.contains("\"path\"")) {
                loader.load(file);
                return new Run(findings, 0, models, null, warnings);
            }
            FrictionlessLoader.DataPackage pkg = loader.loadPackage(file);
            int n = 0;
            for (FrictionlessLoader.Resource r : pkg.resources()) {
                if (r.file() == null) {
                    continue;
                }
                n++;
                String name = r.file().getFileName().toString();
                models.put(name, r.profile().dataset());
                scan(r.file(), name, r.profile(), findings);
            }
            return new Run(findings, n, models, null, warnings);
        } catch (ProfileException e) {
            return new Run(findings, 0, models, e, warnings);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void scan(Path file, String name, Profile p, Set<String> findings) {
        DatasetOutcome o = scanner.scan(file, name, p, new ScanOptions(AS_OF, 0, true, 2));
        assertThat(o.errors()).as(name + ": read without errors").isEmpty();
        for (Result r : o.results()) {
            if ((r.status() != Status.FAIL && r.status() != Status.WARN) || !DOMAIN.contains(r.rule())) {
                continue;
            }
            if (r.examples().isEmpty()) {
                findings.add(Case.key(name, r.rule(), "", ""));
            }
            for (Violation v : r.examples()) {
                findings.add(key(name, r.rule(), v));
            }
        }
    }

    static String key(String resource, String rule, Violation v) {
        String record = v.row() == null ? "" : String.valueOf(v.row());
        String column = v.column() == null ? "" : String.valueOf(v.column());
        if (rule.startsWith("DATA-HEADER")) {
            return Case.key(resource, rule, "", column);
        }
        if (RECORD_RULES.contains(rule)) {
            return Case.key(resource, rule, record, "");
        }
        return Case.key(resource, rule, record, column);
    }

    @Test
    void everyFixtureNamedInTheTableIsCommittedWithItsSource() throws IOException {
        String source = Files.readString(ROOT.resolve("SOURCE.md"));
        assertThat(source).contains("frictionlessdata/frictionless-py").contains("44661adf0c9ec593d48642ba380ce33bbad95e15")
                .contains("MIT");
        for (Case c : cases()) {
            for (String part : c.fixture().split(" \\+ ")) {
                assertThat(ROOT.resolve(part)).as(c.where()).exists();
                String dir = part.substring(0, part.indexOf('/') + 1);
                assertThat(source).as(part + " is accounted for in SOURCE.md").contains(dir);
            }
        }
    }

    @Test
    void aRefusedDescriptorIsRefusedAtTheLineOfItsMistake() {
        ProfileLoader loader = new ProfileLoader(catalog);
        assertThatThrownBy(() -> loader.load(ROOT.resolve("data/schema-invalid-pk-string.json")))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("schema-invalid-pk-string.json:14:19: no field named 'identifier' in this schema");
    }

    static List<Case> cases() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("expected.csv"), StandardCharsets.UTF_8);
        List<String> header = fields(lines.get(0));
        assertThat(header).containsExactly("test", "fixture", "resource", "peer_row", "peer_field", "peer_type", "rule", "record",
                "column", "status", "complete", "note");
        List<Case> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = fields(lines.get(i));
            assertThat(f).as("expected.csv:" + (i + 1)).hasSize(header.size());
            String peer = "row " + f.get(3) + " field " + f.get(4) + " " + f.get(5);
            out.add(new Case(i + 1, f.get(0), f.get(1), f.get(2), peer, f.get(6), f.get(7), f.get(8), f.get(9),
                    f.get(10).equals("yes"), f.get(11)));
        }
        return out;
    }

    /** One CSV line (RFC 4180 quotes, no line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    b.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        out.add(b.toString());
        return out;
    }
}
