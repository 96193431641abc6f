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
        var builtIns = new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns();
        assertThat(builtIns).containsKeys("vn.citizen-register", "vn.enterprise-register", "vn.admin-units", "vn.open-data");
        for (Profile p : builtIns.values()) {
            Path doc = Path.of("../docs/profiles/" + p.id() + ".md");
            assertThat(doc).as("regenerate with ./chuan profiles show " + p.id() + " --markdown > " + doc).exists();
            assertThat(Files.readString(doc)).as(doc + " is stale: ./chuan profiles show " + p.id() + " --markdown > " + doc)
                    .isEqualTo(ProfileDocs.markdown(p, RuleCatalog.builtIn()));
        }
    }
}
