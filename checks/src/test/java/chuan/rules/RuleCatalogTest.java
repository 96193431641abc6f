package chuan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Rule;
import chuan.profile.MetricSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the rule set honest: every rule is complete, and every rule the engine uses exists. */
class RuleCatalogTest {

    private final RuleCatalog catalog = RuleCatalog.builtIn();

    @Test
    void everyRuleHasItsMetadata() {
        assertThat(catalog.all()).isNotEmpty();
        for (Rule r : catalog.all()) {
            assertThat(r.id()).as("id").matches("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$");
            assertThat(r.title()).as(r.id() + " title").isNotBlank();
            assertThat(r.rationale()).as(r.id() + " rationale").isNotBlank();
            assertThat(r.remediation()).as(r.id() + " remediation").isNotBlank();
            assertThat(r.references()).as(r.id() + " references").isNotEmpty()
                    .allSatisfy(ref -> assertThat(ref.standard()).isNotBlank());
            assertThat(r.tags()).as(r.id() + " tags").isNotEmpty();
        }
    }

    @Test
    void everyRuleIdWrittenInTheEngineIsInTheCatalogue() throws IOException {
        Set<String> used = new HashSet<>();
        Pattern id = Pattern.compile("\"((?:DATA|VN)-[A-Z0-9-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = id.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (MetricSpec.Metric m : MetricSpec.Metric.values()) {
            used.add(m.ruleId());
        }
        assertThat(used).hasSizeGreaterThan(20);
        for (String u : used) {
            assertThat(catalog.find(u)).as(u).isPresent();
        }
    }

    @Test
    void everyRuleIsUsedByTheEngine() throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(f));
            }
        }
        Set<String> controls = new HashSet<>();
        for (var p : new chuan.profile.ProfileRegistry(new chuan.profile.ProfileLoader(catalog)).builtIns().values()) {
            if (p.config() != null) {
                p.config().controls().forEach(c -> controls.add(c.id()));
            }
        }
        assertThat(controls).as("config rules checked by built-in profiles").hasSizeGreaterThan(40);
        for (chuan.standard.TypeDescriptor t : chuan.standard.Packs.types().values()) { // what each pack's value types report
            controls.addAll(chuan.standard.Shipped.ruleIds(t));
        }
        for (Rule r : catalog.all()) {
            assertThat(code.toString().contains("\"" + r.id() + "\"") || controls.contains(r.id()))
                    .as(r.id() + " is defined but never checked (neither by the engine nor by a built-in profile's control)").isTrue();
        }
    }
}
