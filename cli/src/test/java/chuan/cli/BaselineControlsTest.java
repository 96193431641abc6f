package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.check.ConfigControl;
import chuan.model.AuditReport;
import chuan.model.Status;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every control of every built-in config profile, failing and passing: scanned at security level 5
 * (where every per-level control applies), each control fails on the weak tree and passes on the
 * hardened one (src/test/resources/systems/README.md).
 */
class BaselineControlsTest {

    static final String WEAK = "src/test/resources/systems/weak";
    static final String HARDENED = "src/test/resources/systems/hardened";

    static List<ConfigControl> controls = new ArrayList<>();
    static AuditReport weak;
    static String weakJson;
    static AuditReport hardened;

    @BeforeAll
    static void scanBoth() {
        for (Profile p : new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns().values()) {
            if (p.kind() == Profile.Kind.CONFIG) {
                controls.addAll(p.config().controls());
            }
        }
        weakJson = scan(WEAK);
        weak = Reports.parse(weakJson);
        hardened = Reports.parse(scan(HARDENED));
    }

    private static String scan(String root) {
        CliRunner r = CliRunner.run("scan", root, "--level", "5", "-f", "json", "--max-examples", "0", "--no-progress");
        assertThat(Reports.parse(r.out()).errors()).as(root + " read without errors").isEmpty();
        return r.out();
    }

    /** "RULE key" to the statuses of its results (one per configuration it applies to). */
    private static Map<String, List<Status>> statuses(AuditReport report) {
        return report.results().stream().collect(Collectors.groupingBy(r -> r.rule() + " " + (r.field() == null ? "" : r.field()),
                Collectors.mapping(r -> r.status(), Collectors.toList())));
    }

    @Test
    void everyControlFailsOnTheWeakTree() {
        assertThat(controls).hasSizeGreaterThan(60);
        Map<String, List<Status>> s = statuses(weak);
        for (ConfigControl c : controls) {
            assertThat(s.get(c.id() + " " + c.key())).as(c.id() + " " + c.key()).isNotNull().contains(Status.FAIL);
        }
        assertThat(weak.summary().exitCode()).isEqualTo(1);
    }

    @Test
    void everyControlPassesOnTheHardenedTree() {
        assertThat(controls).hasSizeGreaterThan(60);
        Map<String, List<Status>> s = statuses(hardened);
        for (ConfigControl c : controls) {
            assertThat(s.get(c.id() + " " + c.key())).as(c.id() + " " + c.key()).isNotNull().containsOnly(Status.PASS);
        }
        assertThat(Reports.count(hardened, Status.FAIL)).isZero();
        assertThat(Reports.count(hardened, Status.WARN)).isZero();
        assertThat(hardened.summary().exitCode()).isZero();
    }

    @Test
    void theWeakTreesSecretsAreFoundAndNeverShown() {
        assertThat(weakJson).doesNotContain("ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0123").doesNotContain("AKIAIOSFODNN7EXAMPLE")
                .doesNotContain("Q7v!x9Lm2#Rt").doesNotContain("Zp4$Kq8!Wm2@").doesNotContain("b3BlbnNzaC1rZXktdjEAAAAA");
        Map<String, List<Status>> s = statuses(weak);
        assertThat(s).containsKeys("SECRET-PRIVATE-KEY private-key", "SECRET-TOKEN token", "SECRET-TOKEN cloud-key",
                "SECRET-PASSWORD password", "SECRET-PASSWORD connection-string");
    }
}
