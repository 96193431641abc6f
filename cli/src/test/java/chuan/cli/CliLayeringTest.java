package chuan.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The command line is a thin layer: it reaches the library through its facade ({@code chuan.api})
 * and names only the types it prints or hands back to it, never the engine that does the work
 * (the audit, the rule catalogue, profile loading, readers, inference, synthesis, packs, waivers
 * and baselines). The rule is also run on a planted class that calls the engine, so a rule that
 * could never fail would fail here.
 */
class CliLayeringTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("chuan.cli");

    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("chuan.cli.planted");

    /**
     * Whole packages the commands may use: the facade, the report model they print, and the
     * report writers and listeners they choose among (every -f format, the console, the streaming
     * CSV, the shell's replay of the last report).
     */
    static final Set<String> PACKAGES = Set.of("chuan.api", "chuan.model", "chuan.report");

    /**
     * Single engine types the commands may name, each because it is printed or passed through:
     * the exit codes and the gate's severity option ({@code --fail-on}); a profile and the parts of
     * it {@code profiles show} prints (its dataset and config specs, columns, checks and their
     * thresholds, rule overrides, the labels of types, formats and metrics); the config formats
     * {@code effective} takes as DAEMON and groups its help by, and the problems it prints; the
     * data source whose label {@code profiles show} prints; the sink of the streamed CSV report,
     * which a guarded report file passes through; the row rules and keys {@code profiles show} prints. Exactly these: a type no longer used must leave
     * the list (see {@link #theListNamesOnlyTypesInUse}).
     */
    static final Set<String> TYPES = Set.of(
            "chuan.gate.ExitCode", "chuan.gate.FailOn",
            "chuan.profile.Profile", "chuan.profile.Profile$Kind", "chuan.profile.Profile$RuleOverride",
            "chuan.profile.DatasetSpec", "chuan.profile.ConfigSpec", "chuan.profile.ColumnSpec", "chuan.profile.ColumnType",
            "chuan.source.DataSource", "chuan.profile.MetricSpec", "chuan.profile.MetricSpec$Metric", "chuan.profile.Threshold",
            "chuan.config.ConfigFormat", "chuan.config.ConfigProblem", "chuan.config.EffectiveView",
            "chuan.config.EffectiveView$Needs", "chuan.config.check.ConfigControl",
            "chuan.dataset.ViolationSink",
            "chuan.profile.RowRuleSpec", "chuan.profile.RowRuleSpec$Expression",
            "chuan.profile.ForeignKeySpec", "chuan.profile.ForeignKeySpec$Reference", "chuan.profile.ForeignKeySpec$InDataset",
            "chuan.profile.ForeignKeySpec$InList", "chuan.profile.ForeignKeySpec$InTable");

    private static final DescribedPredicate<JavaClass> ALLOWED = new DescribedPredicate<>(
            "the facade, the report model and writers, or a type the commands print") {
        @Override
        public boolean test(JavaClass c) {
            String pkg = c.getPackageName();
            if (!pkg.equals("chuan") && !pkg.startsWith("chuan.")) {
                return true; // the JDK, picocli, JLine
            }
            return pkg.equals("chuan.cli") || pkg.startsWith("chuan.cli.") || PACKAGES.contains(pkg)
                    || TYPES.contains(c.getName());
        }
    };

    static final ArchRule THIN_CLI = classes().that().resideInAPackage("chuan.cli..")
            .should().onlyDependOnClassesThat(ALLOWED);

    @Test
    void theCommandsUseTheFacadeAndPrintTheModel() {
        assertThat(CLI.stream().anyMatch(c -> c.getSimpleName().equals("ScanCommand")))
                .as("the commands are among the classes checked").isTrue();
        THIN_CLI.check(CLI);
    }

    @Test
    void theListNamesOnlyTypesInUse() {
        Set<String> used = CLI.stream().filter(c -> c.getPackageName().startsWith("chuan.cli"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .map(d -> d.getTargetClass().getBaseComponentType().getName())
                .filter(n -> n.startsWith("chuan.") && !n.startsWith("chuan.cli.")
                        && PACKAGES.stream().noneMatch(p -> n.startsWith(p + ".") && n.lastIndexOf('.') == p.length()))
                .collect(java.util.stream.Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrderElementsOf(TYPES);
    }

    @Test
    void theRuleFailsOnAPlantedCallIntoTheEngine() {
        EvaluationResult planted = THIN_CLI.evaluate(PLANTED);
        assertThat(planted.hasViolation()).isTrue();
        assertThat(planted.getFailureReport().toString()).contains("CallsTheEngine").contains("chuan.rules.RuleCatalog")
                .doesNotContain("chuan.api.Chuan");
    }
}
