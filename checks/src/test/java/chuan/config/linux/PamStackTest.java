package chuan.config.linux;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.RootFiles;
import chuan.config.SystemRoot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's PAM stack as libpam builds it from /etc/pam.d. */
class PamStackTest {

    @TempDir
    Path root;

    @Test
    void debianIncludesAreExpandedInPlaceWithTheirOrigins() throws Exception {
        RootFiles.write(root, "/etc/pam.d/sshd", """
                # PAM configuration for the Secure Shell service
                @include common-auth
                account    required     pam_nologin.so
                @include common-password
                session [success=ok ignore=ignore module_unknown=ignore default=bad] pam_selinux.so close
                """);
        RootFiles.write(root, "/etc/pam.d/common-auth", """
                auth    required                        pam_faillock.so preauth silent deny=5 \\
                        unlock_time=900
                auth    [success=1 default=ignore]      pam_unix.so nullok
                auth    requisite                       pam_deny.so
                -auth   optional                        pam_systemd_home.so
                """);
        RootFiles.write(root, "/etc/pam.d/common-password", """
                password  requisite  pam_pwquality.so retry=3 minlen=14 enforce_for_root
                password  [success=1 default=ignore]  /lib/x86_64-linux-gnu/security/pam_unix.so obscure yescrypt
                """);
        PamStack s = PamStack.read(new SystemRoot(root), "sshd");
        assertThat(s.problems()).isEmpty();
        assertThat(s.rules("auth")).extracting(PamStack.Rule::moduleName)
                .containsExactly("pam_faillock", "pam_unix", "pam_deny", "pam_systemd_home");
        PamStack.Rule faillock = s.find("auth", "pam_faillock").orElseThrow();
        assertThat(faillock.arg("deny")).contains("5");
        assertThat(faillock.arg("unlock_time")).contains("900");          // from the continued line
        assertThat(faillock.from().origin()).isEqualTo("/etc/pam.d/common-auth:1");
        assertThat(s.find("auth", "pam_unix").orElseThrow().control()).isEqualTo("[success=1 default=ignore]");
        PamStack.Rule quality = s.find("password", "pam_pwquality").orElseThrow();
        assertThat(quality.arg("minlen")).contains("14");
        assertThat(quality.arg("enforce_for_root")).contains("");
        assertThat(quality.arg("difok")).isEmpty();
        assertThat(s.find("password", "pam_unix").orElseThrow().args()).containsExactly("obscure", "yescrypt");
        assertThat(s.rules("session")).hasSize(1);
        assertThat(s.rules().get(0).type()).isEqualTo("auth");
        assertThat(s.filesRead()).containsExactly("/etc/pam.d/sshd", "/etc/pam.d/common-auth", "/etc/pam.d/common-password");
    }

    @Test
    void redHatIncludeControlsBringOnlyTheirType() throws Exception {
        RootFiles.write(root, "/etc/pam.d/sshd", """
                auth       substack     password-auth
                account    include      password-auth
                password   include      password-auth
                """);
        RootFiles.write(root, "/etc/pam.d/password-auth", """
                auth        required      pam_faillock.so preauth deny=3
                account     required      pam_unix.so
                password    requisite     pam_pwquality.so local_users_only
                session     required      pam_limits.so
                """);
        PamStack s = PamStack.read(new SystemRoot(root), "sshd");
        assertThat(s.rules()).extracting(r -> r.type() + " " + r.moduleName())
                .containsExactly("auth pam_faillock", "account pam_unix", "password pam_pwquality");
        assertThat(s.find("session", "pam_limits")).isEmpty();
    }

    @Test
    void missingFilesLoopsAndIncompleteRulesAreReported() throws Exception {
        RootFiles.write(root, "/etc/pam.d/login", """
                @include common-missing
                auth include login
                auth required
                account required pam_unix.so
                """);
        PamStack s = PamStack.read(new SystemRoot(root), "login");
        assertThat(s.problems()).extracting(ConfigProblem::oneLine).containsExactly(
                "/etc/pam.d/login:1: include /etc/pam.d/common-missing: no such file",
                "/etc/pam.d/login:2: auth /etc/pam.d/login includes a file being read (a loop): libpam follows it 16 levels "
                        + "deep and aborts the stack",
                "/etc/pam.d/login:3: incomplete rule \"auth required\"; ignored");
        // the loop makes libpam abort the stack: an error, not a file quietly read once
        assertThat(s.problems()).extracting(ConfigProblem::malformed).containsExactly(false, true, true);
        assertThat(s.rules()).hasSize(1);
        assertThat(PamStack.read(new SystemRoot(root), "nosuch").problems()).extracting(ConfigProblem::oneLine)
                .containsExactly("/etc/pam.d/nosuch: not found");
    }
}
