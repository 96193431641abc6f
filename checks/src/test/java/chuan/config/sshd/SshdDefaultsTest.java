package chuan.config.sshd;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.SystemRoot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSH's compiled-in defaults by release (myproposal.h and servconf.c of V_8_2_P1 ... V_9_9_P1). */
class SshdDefaultsTest {

    @TempDir
    Path root;

    private SshdConfig read(String version, String config) throws Exception {
        write(root, "/etc/ssh/sshd_config", config);
        return SshdConfig.read(new SystemRoot(root), SshdDefaults.forVersion(version));
    }

    private static String value(SshdConfig c, String key) {
        return c.effective(key).orElseThrow().value();
    }

    @Test
    void anUnknownVersionIsReadAsOpenSsh92AndSaysSo() {
        SshdDefaults d = SshdDefaults.forVersion(null);
        assertThat(d.version()).isEqualTo("9.2");
        assertThat(d.assumption()).isEqualTo("version unknown: OpenSSH 9.2 assumed");
        assertThat(SshdDefaults.forVersion("not a version").assumption())
                .isEqualTo("version 'not a version' not understood: OpenSSH 9.2 assumed");
    }

    @Test
    void packageVersionsAreUnderstood() {
        assertThat(SshdDefaults.forVersion("1:9.2p1-2+deb12u10").assumption()).isEqualTo("OpenSSH 9.2 (1:9.2p1-2+deb12u10)");
        assertThat(SshdDefaults.forVersion("8.7p1-38.el9").version()).isEqualTo("8.7");
        assertThat(SshdDefaults.forVersion("OpenSSH_9.6p1").version()).isEqualTo("9.6");
        assertThat(SshdDefaults.forVersion("7.4p1").assumption()).contains("read with 8.2's defaults");
    }

    @Test
    void theKeyExchangeDefaultFollowsTheRelease() throws Exception {
        assertThat(value(read("8.2", ""), "KexAlgorithms")).startsWith("curve25519-sha256,").doesNotContain("sntrup");
        assertThat(value(read("8.4", ""), "KexAlgorithms")).doesNotContain("sntrup");
        assertThat(value(read("8.9", ""), "KexAlgorithms")).contains("ecdh-sha2-nistp521,sntrup761x25519-sha512@openssh.com,");
        assertThat(value(read("9.0", ""), "KexAlgorithms")).startsWith("sntrup761x25519-sha512@openssh.com,curve25519-sha256,");
        assertThat(value(read("9.6", ""), "KexAlgorithms")).isEqualTo(value(read("9.2", ""), "KexAlgorithms"));
        assertThat(value(read("9.9", ""), "KexAlgorithms")).startsWith(
                "sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,mlkem768x25519-sha256,");
        // Debian 12's package added OpenSSH 9.9's name of the same algorithm from its fourth update
        assertThat(value(read("1:9.2p1-2+deb12u4", ""), "KexAlgorithms")).startsWith("sntrup761x25519-sha512,sntrup761x25519-sha512@");
        assertThat(value(read("1:9.2p1-2+deb12u3", ""), "KexAlgorithms")).startsWith("sntrup761x25519-sha512@openssh.com,");
    }

    @Test
    void sshRsaLeftTheDefaultKeyAlgorithmsIn88() throws Exception {
        assertThat(value(read("8.4", ""), "HostKeyAlgorithms")).startsWith("ecdsa-sha2-nistp256-cert-v01@openssh.com,").endsWith(",ssh-rsa");
        assertThat(value(read("8.7", ""), "PubkeyAcceptedAlgorithms")).startsWith("ssh-ed25519-cert-v01@openssh.com,").endsWith(",ssh-rsa");
        assertThat(value(read("8.9", ""), "PubkeyAcceptedAlgorithms")).doesNotContain("ssh-rsa").endsWith(",rsa-sha2-256");
        assertThat(value(read("8.2", ""), "CASignatureAlgorithms")).startsWith("ecdsa-sha2-nistp256,");
        assertThat(value(read("9.2", ""), "CASignatureAlgorithms")).startsWith("ssh-ed25519,");
    }

    @Test
    void challengeResponseWasItsOwnOptionBefore87() throws Exception {
        SshdConfig old = read("8.4", "ChallengeResponseAuthentication no\n");
        assertThat(value(old, "KbdInteractiveAuthentication")).isEqualTo("no"); // its own default then
        assertThat(value(old, "ChallengeResponseAuthentication")).isEqualTo("no");
        assertThat(old.effective("ChallengeResponseAuthentication").orElseThrow().key()).isEqualTo("challengeresponseauthentication");
        assertThat(value(read("8.4", ""), "ChallengeResponseAuthentication")).isEqualTo("yes");
        SshdConfig now = read("8.9", "ChallengeResponseAuthentication no\n");
        assertThat(value(now, "KbdInteractiveAuthentication")).isEqualTo("no");
        assertThat(value(read("8.9", ""), "KbdInteractiveAuthentication")).isEqualTo("yes");
    }

    @Test
    void keywordsAreKnownFromTheReleaseThatAddedThem() throws Exception {
        assertThat(read("9.0", "RequiredRSASize 2048\n").problems()).extracting(ConfigProblem::message)
                .containsExactly("sshd would not start: Bad configuration option: RequiredRSASize (a keyword of OpenSSH 9.1 and later; "
                        + "OpenSSH 9.0)");
        assertThat(read("9.1", "RequiredRSASize 2048\n").problems()).isEmpty();
        assertThat(read("8.4", "PubkeyAcceptedAlgorithms ssh-ed25519\n").problems()).hasSize(1);
        assertThat(read("8.4", "PubkeyAcceptedKeyTypes ssh-ed25519\n").problems()).isEmpty();
        assertThat(read("9.2", "").all()).extracting(s -> s.key()).contains("unusedconnectiontimeout", "requiredrsasize");
        assertThat(read("8.9", "").all()).extracting(s -> s.key()).doesNotContain("unusedconnectiontimeout", "requiredrsasize");
    }

    @Test
    void dsaKeysWereLeftOutOfTheDefaultBuildIn98() throws Exception {
        assertThat(read("9.6", "HostKeyAlgorithms +ssh-dss\n").problems()).isEmpty();
        assertThat(read("9.8", "HostKeyAlgorithms +ssh-dss\n").problems()).extracting(ConfigProblem::message)
                .containsExactly("sshd would not start: Bad key types '+ssh-dss'.");
    }

    @Test
    void debianKeepsTheOldIpQosDefault() throws Exception {
        assertThat(value(read("9.2", ""), "IPQoS")).isEqualTo("af21 cs1");
        assertThat(value(read("1:9.2p1-2+deb12u10", ""), "IPQoS")).isEqualTo("lowdelay throughput");
        assertThat(value(read("1:9.6p1-3ubuntu13.5", ""), "IPQoS")).isEqualTo("lowdelay throughput");
    }
}
