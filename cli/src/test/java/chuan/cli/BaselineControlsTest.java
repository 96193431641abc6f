package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.check.ConfigControl;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
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
    static JSONObject weak;
    static JSONObject hardened;

    @BeforeAll
    static void scanBoth() {
        for (Profile p : new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns().values()) {
            if (p.kind() == Profile.Kind.CONFIG) {
                controls.addAll(p.config().controls());
            }
        }
        weak = scan(WEAK);
        hardened = scan(HARDENED);
    }

    private static JSONObject scan(String root) {
        CliRunner r = CliRunner.run("scan", root, "--level", "5", "-f", "json", "--max-examples", "0", "--no-progress");
        JSONObject report = new JSONObject(r.out());
        assertThat(report.getJSONArray("errors").length()).as(root + " read without errors").isZero();
        return report;
    }

    /** "RULE key" to the statuses of its results (one per configuration it applies to). */
    private static Map<String, List<String>> statuses(JSONObject report) {
        Map<String, List<String>> out = new HashMap<>();
        JSONArray results = report.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            JSONObject r = results.getJSONObject(i);
            out.computeIfAbsent(r.getString("rule") + " " + r.optString("field"), k -> new ArrayList<>()).add(r.getString("status"));
        }
        return out;
    }

    @Test
    void everyControlFailsOnTheWeakTree() {
        assertThat(controls).hasSizeGreaterThan(60);
        Map<String, List<String>> s = statuses(weak);
        for (ConfigControl c : controls) {
            assertThat(s.get(c.id() + " " + c.key())).as(c.id() + " " + c.key()).isNotNull().contains("fail");
        }
        assertThat(weak.getJSONObject("summary").getInt("exitCode")).isEqualTo(1);
    }

    @Test
    void everyControlPassesOnTheHardenedTree() {
        Map<String, List<String>> s = statuses(hardened);
        for (ConfigControl c : controls) {
            assertThat(s.get(c.id() + " " + c.key())).as(c.id() + " " + c.key()).isNotNull().containsOnly("pass");
        }
        assertThat(hardened.getJSONObject("summary").getJSONObject("byStatus").getInt("fail")).isZero();
        assertThat(hardened.getJSONObject("summary").getJSONObject("byStatus").getInt("warn")).isZero();
        assertThat(hardened.getJSONObject("summary").getInt("exitCode")).isZero();
    }

    @Test
    void theWeakTreesSecretsAreFoundAndNeverShown() {
        String all = weak.toString();
        assertThat(all).doesNotContain("ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0123").doesNotContain("AKIAIOSFODNN7EXAMPLE")
                .doesNotContain("Q7v!x9Lm2#Rt").doesNotContain("Zp4$Kq8!Wm2@").doesNotContain("b3BlbnNzaC1rZXktdjEAAAAA");
        Map<String, List<String>> s = statuses(weak);
        assertThat(s).containsKeys("SECRET-PRIVATE-KEY private-key", "SECRET-TOKEN token", "SECRET-TOKEN cloud-key",
                "SECRET-PASSWORD password", "SECRET-PASSWORD connection-string");
    }
}
