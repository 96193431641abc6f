package chuan.config.linux;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.EffectiveConfig.Scoped;
import chuan.config.SystemRoot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PAM module's setting: its argument, else its own file (and drop-ins), else its built-in default. */
class PamConfigTest {

    @TempDir
    Path root;

    private Scoped lookup(String service, String key) throws Exception {
        return PamConfig.read(new SystemRoot(root), service).lookup(key).get(0);
    }

    @Test
    void anArgumentBeatsTheModuleFileWhichBeatsTheDefault() throws Exception {
        write(root, "/etc/pam.d/common-password", """
                password requisite pam_pwquality.so retry=3 minlen=12
                password [success=1 default=ignore] pam_unix.so obscure use_authtok yescrypt
                """);
        write(root, "/etc/security/pwquality.conf", "# minlen = 8\nminlen = 14\nminclass = 3\n");
        write(root, "/etc/security/pwquality.conf.d/50-local.conf", "minclass = 4\n");
        Scoped arg = lookup("common-password", "password pam_pwquality.so minlen");
        assertThat(arg.setting().value()).isEqualTo("12");
        assertThat(arg.setting().from().origin()).isEqualTo("/etc/pam.d/common-password:1");
        Scoped file = lookup("common-password", "password pam_pwquality.so minclass");
        assertThat(file.setting().value()).isEqualTo("4");
        assertThat(file.setting().from().origin()).isEqualTo("/etc/security/pwquality.conf.d/50-local.conf:1");
        Scoped def = lookup("common-password", "password pam_pwquality.so difok");
        assertThat(def.setting().value()).isEqualTo("1");
        assertThat(def.setting().isDefault()).isTrue();
        assertThat(lookup("common-password", "password pam_unix.so yescrypt").setting().value()).isEqualTo("yes");
    }

    @Test
    void aModuleMissingFromTheStackIsSaidSo() throws Exception {
        write(root, "/etc/pam.d/common-auth", "auth [success=1 default=ignore] pam_unix.so nullok\nauth requisite pam_deny.so\n");
        write(root, "/etc/security/faillock.conf", "deny = 4\n");
        Scoped s = lookup("common-auth", "auth pam_faillock.so deny");
        assertThat(s.setting().value()).isNull();
        assertThat(s.note()).isEqualTo("pam_faillock.so is not in the auth stack of /etc/pam.d/common-auth");
        write(root, "/etc/pam.d/common-auth", "auth required pam_faillock.so preauth\nauth [success=1 default=ignore] pam_unix.so\n");
        Scoped conf = lookup("common-auth", "auth pam_faillock.so deny");
        assertThat(conf.setting().value()).isEqualTo("4");
        assertThat(conf.setting().from().origin()).isEqualTo("/etc/security/faillock.conf:1");
        assertThat(lookup("common-auth", "auth pam_unix.so nullok").setting().value()).isNull();
    }
}
