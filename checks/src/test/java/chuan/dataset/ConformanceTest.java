package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditError;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileException;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the peers' own fixtures (frictionless-py, csvlint.rb, the W3C CSVW validation tests)
 * through the real scan and compares chuan's findings with the findings each peer's test
 * expects, mapped to chuan rule ids in each suite's {@code manifest.yaml}. Prints, per suite:
 * fixtures, agreements, misses, extras; fails on any miss or extra. A fixture is left out of the
 * figures only when it names an entry of docs/conformance.md (a peer feature chuan lacks, or a
 * difference by design).
 */
class ConformanceTest {

    static final Path ROOT = Path.of("src/test/resources/conformance");
    static final Path DOC = Path.of("../docs/conformance.md");
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    /** Rules found once per file: their findings carry no place. */
    static final Set<String> FILE_RULES = Set.of("DATA-ENCODING", "DATA-NO-RECORDS", "DATA-LINE-ENDINGS", "DATA-BOM",
            "DATA-ROW-COUNT", "PROFILE-ERROR", "UNREADABLE");
    /** Rules on header columns: their findings are placed by file column. */
    static final Set<String> HEADER_RULES = Set.of("DATA-HEADER-BLANK", "DATA-HEADER-DUPLICATE", "DATA-HEADER-EXTRA-COLUMN");
    /** Rules on whole records: placed by record number (the header is record 0). */
    static final Set<String> RECORD_RULES = Set.of("DATA-BLANK-ROW", "DATA-RAGGED-ROW", "DATA-QUOTE", "DATA-DUPLICATE-ROWS",
            "DATA-FIELD-SIZE");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final DatasetScanner scanner = new DatasetScanner(RuleCatalog.builtIn());
    private final ProfileLoader loader = new ProfileLoader(RuleCatalog.builtIn());

    /** What one suite came to. */
    record Figures(int fixtures, int compared, int agreements, List<String> misses, List<String> extras,
                   TreeMap<String, Integer> excluded) {
        String line(String suite) {
            return String.format("conformance %-12s %3d fixtures: %3d compared, %3d agreements, %2d misses, %2d extras;"
                    + " %3d excluded by docs/conformance.md %s", suite, fixtures, compared, agreements, misses.size(),
                    extras.size(), fixtures - compared, excluded);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"frictionless", "csvlint", "csvw"})
    void chuanAgreesWithThePeerOnEveryCheckItHas(String suite) throws Exception {
        Figures f = replay(suite);
        System.out.println(f.line(suite));
        assertThat(f.misses()).as(suite + ": findings the peer expects that chuan did not report").isEmpty();
        assertThat(f.extras()).as(suite + ": findings chuan reported that the peer does not expect").isEmpty();
        assertThat(f.compared()).as("fixtures actually compared").isPositive();
        String label = switch (suite) {
            case "frictionless" -> "frictionless-py";
            case "csvlint" -> "csvlint.rb";
            default -> "W3C CSVW";
        };
        assertThat(Files.readString(DOC)).as("docs/conformance.md's figures for " + suite).contains(String.format(
                "| %s | %d | %d | %d | %d | %d | %d", label, f.fixtures(), f.compared(), f.agreements(), f.misses().size(),
                f.extras().size(), f.fixtures() - f.compared()));
    }

    Figures replay(String suite) throws Exception {
        Path dir = ROOT.resolve(suite);
        JsonNode manifest = YAML.readTree(dir.resolve("manifest.yaml").toFile());
        Set<String> documented = documentedEntries();
        Set<String> suiteCompare = strings(manifest.get("compare"));
        int fixtures = 0;
        int compared = 0;
        int agreements = 0;
        List<String> misses = new ArrayList<>();
        List<String> extras = new ArrayList<>();
        TreeMap<String, Integer> excluded = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        for (JsonNode fx : manifest.get("fixtures")) {
            fixtures++;
            String name = fx.get("name").asText();
            assertThat(names.add(name)).as("fixture names are unique: " + name).isTrue();
            String exclusion = fx.has("lacks") ? fx.get("lacks").asText() : fx.has("differs") ? fx.get("differs").asText() : null;
            if (exclusion != null) {
                assertThat(documented).as(suite + "/" + name + " is excluded by '" + exclusion
                        + "', which docs/conformance.md must list").contains(exclusion);
                excluded.merge(exclusion, 1, Integer::sum);
                continue;
            }
            compared++;
            Set<String> domain = domain(manifest, fx, suiteCompare);
            Set<String> expected = strings(fx.get("expect"));
            for (String e : expected) {
                assertThat(domain).as(suite + "/" + name + ": expectation " + e + " is outside the compared rules")
                        .contains(rule(e));
            }
            Set<String> found = findings(dir, fx);
            found.removeIf(k -> !domain.contains(rule(k)) && !rule(k).equals("PROFILE-ERROR") && !rule(k).equals("UNREADABLE"));
            Set<String> matched = new LinkedHashSet<>();
            int before = misses.size() + extras.size();
            for (String e : expected) {
                boolean bare = !e.contains(" ") && !FILE_RULES.contains(e);
                boolean hit = false;
                for (String k : found) {
                    if (bare ? rule(k).equals(e) : k.equals(e)) {
                        matched.add(k);
                        hit = true;
                    }
                }
                if (!hit) {
                    misses.add(suite + "/" + name + ": " + e);
                }
            }
            for (String k : found) {
                if (!matched.contains(k)) {
                    extras.add(suite + "/" + name + ": " + k);
                }
            }
            if (misses.size() + extras.size() == before) {
                agreements++;
            }
        }
        return new Figures(fixtures, compared, agreements, misses, extras, excluded);
    }

    /** The rules compared for a fixture: its own list, a named category of the suite, or the suite's list. */
    private static Set<String> domain(JsonNode manifest, JsonNode fx, Set<String> suiteCompare) {
        JsonNode c = fx.get("compare");
        if (c == null) {
            return suiteCompare;
        }
        if (c.isTextual()) {
            return strings(manifest.get("domains").get(c.asText()));
        }
        return strings(c);
    }

    /** chuan's findings on a fixture, as keys: RULE, RULE cN, RULE NAME, RULE rN, RULE rNcM. */
    Set<String> findings(Path dir, JsonNode fx) throws IOException {
        Path file = dir.resolve(fx.get("file").asText());
        assertThat(file).as("fixture file").exists();
        Path profilePath = dir.resolve(fx.has("profile") ? fx.get("profile").asText() : "profiles/default.yaml");
        Set<String> out = new TreeSet<>();
        Profile profile;
        try {
            profile = loader.load(profilePath);
        } catch (ProfileException e) {
            out.add("PROFILE-ERROR " + e.getMessage().replace(' ', '_'));
            return out;
        }
        DatasetOutcome o = scanner.scan(file, file.getFileName().toString(), profile, new ScanOptions(AS_OF, 0, true, 2));
        for (Result r : o.results()) {
            if (r.status() != Status.FAIL && r.status() != Status.WARN) {
                continue;
            }
            if (r.examples().isEmpty() || FILE_RULES.contains(r.rule())) {
                out.add(r.rule());
                continue;
            }
            for (Violation v : r.examples()) {
                out.add(key(r.rule(), v));
            }
        }
        boolean ruleBehind = o.results().stream().anyMatch(r -> r.status() == Status.FAIL
                && (r.rule().equals("DATA-ENCODING") || r.rule().equals("DATA-QUOTE") || r.rule().equals("DATA-FIELD-SIZE")
                || r.rule().equals("DATA-NO-RECORDS")));
        for (AuditError e : o.errors()) {
            if (!ruleBehind) {
                out.add("UNREADABLE");
            }
        }
        return out;
    }

    static String key(String rule, Violation v) {
        if (rule.equals("DATA-HEADER-MISSING-COLUMN")) {
            return rule + " " + v.field();
        }
        if (HEADER_RULES.contains(rule)) {
            return rule + " c" + v.column();
        }
        long row = v.row() == null ? 0 : v.row();
        if (RECORD_RULES.contains(rule)) {
            return rule + " r" + row;
        }
        return rule + " r" + row + "c" + v.column();
    }

    static String rule(String key) {
        int sp = key.indexOf(' ');
        return sp < 0 ? key : key.substring(0, sp);
    }

    private static Set<String> strings(JsonNode arr) {
        Set<String> out = new LinkedHashSet<>();
        if (arr != null) {
            arr.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** The ids listed in docs/conformance.md's tables (first cell, in backquotes). */
    static Set<String> documentedEntries() throws IOException {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(Files.readString(DOC));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
