package chuan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The layering of the engine, checked on its compiled classes: no two packages depend on each
 * other through any path (so any package can be understood, tested and replaced from the ones
 * below it), the engine never names a standards pack (packs are found through
 * {@code chuan.standard.Packs} only), the facade ({@code chuan.api}) sits on top (no engine class
 * calls up into it), and the library never reaches into the command line. Each
 * rule is also run on planted violations (this package's {@code planted} classes), so a rule that
 * could never fail would fail here.
 */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("chuan");

    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("chuan.architecture.planted");

    /** Every package of the engine is its own slice; none may sit on a cycle. */
    static final ArchRule NO_CYCLES = slices().matching("chuan.(**)").should().beFreeOfCycles();

    /** Only a pack's own package names the pack: {@code chuan.standard.vn} is reached through the registry. */
    static final ArchRule ENGINE_NAMES_NO_PACK = noClasses().that().resideOutsideOfPackage("chuan.standard.vn..")
            .should().dependOnClassesThat().resideInAPackage("chuan.standard.vn..");

    /** The facade is the library's top: it calls the engine, never the other way round. */
    static final ArchRule FACADE_ON_TOP = noClasses().that().resideOutsideOfPackage("chuan.api..")
            .should().dependOnClassesThat().resideInAPackage("chuan.api..");

    /** The library knows nothing of picocli or the commands. */
    static final ArchRule LIBRARY_WITHOUT_CLI = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("chuan.cli..", "picocli..");

    @Test
    void packagesFormNoCycle() {
        NO_CYCLES.check(ENGINE);
    }

    @Test
    void theEngineNamesNoStandardsPack() {
        assertThat(ENGINE.stream().anyMatch(c -> c.getPackageName().equals("chuan.standard.vn")))
                .as("the built-in pack is among the classes checked").isTrue();
        ENGINE_NAMES_NO_PACK.check(ENGINE);
    }

    @Test
    void noEngineClassCallsTheFacade() {
        assertThat(ENGINE.stream().anyMatch(c -> c.getName().equals("chuan.api.Chuan"))).as("the facade is among the classes checked")
                .isTrue();
        FACADE_ON_TOP.check(ENGINE);
    }

    @Test
    void theLibraryDoesNotUseTheCommandLine() {
        LIBRARY_WITHOUT_CLI.check(ENGINE);
    }

    @Test
    void eachRuleFailsOnAPlantedViolation() {
        EvaluationResult cycles = NO_CYCLES.evaluate(PLANTED);
        assertThat(cycles.hasViolation()).isTrue();
        assertThat(cycles.getFailureReport().toString()).contains("chuan.architecture.planted.a").contains("chuan.architecture.planted.b");
        EvaluationResult pack = ENGINE_NAMES_NO_PACK.evaluate(PLANTED);
        assertThat(pack.hasViolation()).isTrue();
        assertThat(pack.getFailureReport().toString()).contains("NamesThePack").contains("chuan.standard.vn.VnPack");
        EvaluationResult facade = FACADE_ON_TOP.evaluate(PLANTED);
        assertThat(facade.hasViolation()).isTrue();
        assertThat(facade.getFailureReport().toString()).contains("UsesTheFacade").contains("chuan.api.Chuan");
    }
}
