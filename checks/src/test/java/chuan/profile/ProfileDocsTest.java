package chuan.profile;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every built-in profile has its page in docs/profiles/, in step with the profile. */
class ProfileDocsTest {

    @Test
    void everyBuiltInProfileIsDocumented() throws Exception {
        ProfileLoader loader = new ProfileLoader(RuleCatalog.builtIn());
        java.util.List<Profile> shipped = new java.util.ArrayList<>();
        for (String resource : chuan.standard.Shipped.profileResources()) {
            shipped.add(loader.loadResource(resource));
        }
        assertThat(shipped).extracting(Profile::id).contains("vn.citizen-register", "vn.enterprise-register", "vn.admin-units", "vn.open-data")
                .hasSize(new ProfileRegistry(loader).builtIns().size() - 1); // all but the fixture pack's xx.residents
        for (Profile p : shipped) {
            Path doc = Path.of("../docs/profiles/" + p.id() + ".md");
            assertThat(doc).as("regenerate with ./chuan profiles show " + p.id() + " --markdown > " + doc).exists();
            assertThat(Files.readString(doc)).as(doc + " is stale: ./chuan profiles show " + p.id() + " --markdown > " + doc)
                    .isEqualTo(ProfileDocs.markdown(p, chuan.standard.Shipped.rules()));
        }
    }
    @Test
    void howValuesAreWrittenIsShown() throws Exception {
        Profile p = new ProfileLoader(RuleCatalog.builtIn()).parse("t.yaml", "profile: t\nversion: '1'\ntitle: T\nkind: dataset\n"
                + "dataset:\n  missing-values: [\"NA\"]\n  columns:\n"
                + "    - name: amount\n      type: decimal\n      decimal-char: \",\"\n      group-char: \".\"\n      precision: 12\n"
                + "      scale: 2\n      exclusive-min: 0\n      bare-number: false\n"
                + "    - name: paid\n      type: boolean\n      true-values: [\"Có\"]\n      false-values: [\"Không\"]\n"
                + "    - name: codes\n      separator: \";\"\n", null, "test");
        assertThat(ProfileDocs.markdown(p, RuleCatalog.builtIn())).contains("written `1.234,5`").contains("above 0")
                .contains("digits 12, after the separator 2").contains("text around the number allowed")
                .contains("true: Có; false: Không").contains("missing: NA")
                .contains("a list separated by `;`, each item checked");
    }
}
