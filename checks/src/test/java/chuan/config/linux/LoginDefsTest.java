package chuan.config.linux;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /etc/login.defs as shadow-utils reads it. */
class LoginDefsTest {

    @TempDir
    Path root;

    @Test
    void theLastLineForANameWinsAndUnsetNamesTakeTheirDefault() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/login.defs"), """
                # password aging controls
                PASS_MAX_DAYS\t99999
                PASS_MIN_DAYS 1
                #PASS_WARN_AGE 7
                ENCRYPT_METHOD "YESCRYPT"
                PASS_MAX_DAYS   90   # set by the hardening role
                pass_min_days 7
                """);
        LoginDefs d = LoginDefs.read(new SystemRoot(root));
        assertThat(d.effective("PASS_MAX_DAYS").orElseThrow().value()).isEqualTo("90");
        assertThat(d.effective("PASS_MAX_DAYS").orElseThrow().origin()).isEqualTo("/etc/login.defs:6");
        assertThat(d.effective("PASS_MAX_DAYS").orElseThrow().ignored()).extracting(Directive::line).containsExactly(2);
        assertThat(d.effective("PASS_MIN_DAYS").orElseThrow().value()).isEqualTo("1"); // names are case-sensitive
        assertThat(d.effective("PASS_WARN_AGE").orElseThrow().isDefault()).isTrue();
        assertThat(d.effective("PASS_WARN_AGE").orElseThrow().value()).isEqualTo("-1");
        assertThat(d.effective("ENCRYPT_METHOD").orElseThrow().value()).isEqualTo("YESCRYPT");
        assertThat(d.effective("SHA_CRYPT_MIN_ROUNDS")).isEmpty();
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void aMissingFileIsReported() throws Exception {
        LoginDefs d = LoginDefs.read(new SystemRoot(root));
        assertThat(d.problems()).extracting(ConfigProblem::oneLine).containsExactly("/etc/login.defs: not found");
        assertThat(d.effective("UMASK").orElseThrow().value()).isEqualTo("022");
    }
}
