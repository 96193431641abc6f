package chuan.config.sshd;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.SystemRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes of disagreement between chuan and OpenSSH 9.2's own {@code sshd -T}, each with the
 * smallest configuration that showed it (scripts/differential/sshd.sh finds them on whole trees).
 */
class SshdFidelityTest {

    @TempDir
    Path root;

    private SshdConfig read(String config) throws Exception {
        write(root, "/etc/ssh/sshd_config", config);
        return SshdConfig.read(new SystemRoot(root));
    }

    private static String value(SshdConfig c, String keyword) {
        return c.effective(keyword).orElseThrow().value();
    }

    private static String value(List<EffectiveSetting> settings, String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(EffectiveSetting::value)
                .reduce((a, b) -> a + " | " + b).orElse(null);
    }

    @Test
    void challengeResponseAuthenticationIsKbdInteractiveAuthenticationAndTheFirstOfEitherWins() throws Exception {
        SshdConfig c = read("ChallengeResponseAuthentication yes\nKbdInteractiveAuthentication no\n");
        EffectiveSetting kbd = c.effective("KbdInteractiveAuthentication").orElseThrow();
        assertThat(kbd.value()).isEqualTo("yes");
        assertThat(kbd.origin()).isEqualTo("/etc/ssh/sshd_config:1");
        assertThat(kbd.ignored()).extracting(d -> d.keyword()).containsExactly("KbdInteractiveAuthentication");
        // asked by either name, it is the same key, printed as sshd -T prints it
        assertThat(c.effective("ChallengeResponseAuthentication").orElseThrow().key()).isEqualTo("kbdinteractiveauthentication");
        assertThat(c.all()).extracting(EffectiveSetting::key).doesNotContain("challengeresponseauthentication");
    }

    @Test
    void theOtherAliasesSshdMapsAreOneKeyEach() throws Exception {
        SshdConfig c = read("""
                KeepAlive no
                TCPKeepAlive yes
                DSAAuthentication no
                PubkeyAuthentication yes
                SkeyAuthentication no
                PubkeyAcceptedKeyTypes ssh-ed25519
                PubkeyAcceptedAlgorithms rsa-sha2-256
                HostbasedAcceptedKeyTypes rsa-sha2-512
                GSSAPICleanupCreds no
                GSSAPICleanupCredentials yes
                HostDSAKey /etc/ssh/key_a
                HostKey /etc/ssh/key_b
                """);
        assertThat(value(c, "TCPKeepAlive")).isEqualTo("no");
        assertThat(value(c, "PubkeyAuthentication")).isEqualTo("no");
        assertThat(value(c, "KbdInteractiveAuthentication")).isEqualTo("no");
        assertThat(value(c, "PubkeyAcceptedAlgorithms")).isEqualTo("ssh-ed25519");
        assertThat(value(c, "HostbasedAcceptedAlgorithms")).isEqualTo("rsa-sha2-512");
        assertThat(value(c, "GSSAPICleanupCredentials")).isEqualTo("no");
        assertThat(value(c, "HostKey")).isEqualTo("/etc/ssh/key_a /etc/ssh/key_b");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void matchAllAppliesToTheGlobalValueOverAnEarlierGlobalLine() throws Exception {
        SshdConfig c = read("PasswordAuthentication no\nMatch all\n  PasswordAuthentication yes\n");
        EffectiveSetting pw = c.effective("PasswordAuthentication").orElseThrow();
        assertThat(pw.value()).isEqualTo("yes");
        assertThat(pw.origin()).isEqualTo("/etc/ssh/sshd_config:3");
        assertThat(pw.ignored()).extracting(d -> d.line()).containsExactly(1);
        // and a control sees it as the global value, not as a conditional scope
        assertThat(c.lookup("PasswordAuthentication")).extracting(EffectiveConfig.Scoped::scope).containsExactly((String) null);
    }

    @Test
    void anIncludeInsideAMatchBlockKeepsThatMatchUntilTheIncludedFileStartsItsOwn() throws Exception {
        write(root, "/etc/ssh/match.d/alice.conf", "PasswordAuthentication yes\nMatch Host trusted.example.com\n  PermitTTY no\n");
        SshdConfig c = read("Match User alice\n  Include /etc/ssh/match.d/alice.conf\n  AllowTcpForwarding no\n");
        // globally: the included line belongs to Match User alice, not to everyone
        assertThat(value(c, "PasswordAuthentication")).isEqualTo("yes");
        assertThat(c.effective("PasswordAuthentication").orElseThrow().isDefault()).isTrue();
        List<EffectiveSetting> alice = c.forConnection(SshdConnection.parse("user=alice,host=h,addr=192.0.2.1"));
        assertThat(value(alice, "passwordauthentication")).isEqualTo("yes");
        // the Match inside the included file ended alice's block for the rest of that file only:
        // back in the including file, AllowTcpForwarding is alice's again
        assertThat(value(alice, "permittty")).isEqualTo("yes");
        assertThat(value(alice, "allowtcpforwarding")).isEqualTo("no");
        List<EffectiveSetting> trusted = c.forConnection(SshdConnection.parse("user=alice,host=trusted.example.com,addr=192.0.2.1"));
        assertThat(value(trusted, "permittty")).isEqualTo("no");
        // the inner block is conditional on both
        List<EffectiveSetting> bob = c.forConnection(SshdConnection.parse("user=bob,host=trusted.example.com,addr=192.0.2.1"));
        assertThat(value(bob, "permittty")).isEqualTo("yes");
        assertThat(value(bob, "passwordauthentication")).isEqualTo("yes"); // the default, for bob
        assertThat(c.matchBlocks()).extracting(SshdConfig.MatchBlock::criteria)
                .containsExactly("User alice", "User alice, then Host trusted.example.com");
    }

    @Test
    void aMatchInAnIncludedFileDoesNotChangeTheIncludingFilesState() throws Exception {
        write(root, "/etc/ssh/sshd_config.d/10.conf", "Match Host x\n");
        SshdConfig c = read("Include /etc/ssh/sshd_config.d/*.conf\nBanner /etc/issue.net\n");
        assertThat(value(c, "Banner")).isEqualTo("/etc/issue.net");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void plusMinusAndCaretListsAreExpandedAgainstTheCompiledInDefaults() throws Exception {
        SshdConfig c = read("""
                Ciphers +aes128-cbc
                MACs -hmac-sha1*,umac-64*
                KexAlgorithms ^diffie-hellman-group14-sha1
                HostKeyAlgorithms +ssh-rsa*
                PubkeyAcceptedAlgorithms -*nistp*
                HostbasedAcceptedAlgorithms ssh-ed25519*
                CASignatureAlgorithms ^ssh-rsa
                """);
        assertThat(value(c, "Ciphers")).isEqualTo("chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,"
                + "aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-cbc");
        assertThat(value(c, "MACs")).isEqualTo("umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,"
                + "hmac-sha2-512-etm@openssh.com,umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512");
        assertThat(value(c, "KexAlgorithms")).startsWith("diffie-hellman-group14-sha1,sntrup761x25519-sha512@openssh.com,")
                .endsWith(",diffie-hellman-group14-sha256");
        assertThat(value(c, "HostKeyAlgorithms")).endsWith(",rsa-sha2-512,rsa-sha2-256,ssh-rsa,ssh-rsa-cert-v01@openssh.com");
        assertThat(value(c, "PubkeyAcceptedAlgorithms")).doesNotContain("nistp").contains("ssh-ed25519,");
        assertThat(value(c, "HostbasedAcceptedAlgorithms")).isEqualTo("ssh-ed25519,ssh-ed25519-cert-v01@openssh.com");
        assertThat(value(c, "CASignatureAlgorithms")).startsWith("ssh-rsa,ssh-ed25519,");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void gssKeyExchangeNamesInKexAlgorithmsAreAcceptedAndLeftOut() throws Exception {
        // vehlwn/Demo's ssh-audit hardening: Debian's sshd (with the GSSAPI key exchange patch) takes the
        // names when it reads the list and drops them when it assembles it against its key exchanges
        SshdConfig c = read("KexAlgorithms sntrup761x25519-sha512@openssh.com,gss-curve25519-sha256-,curve25519-sha256,"
                + "gss-group16-sha512-\nGSSAPIKexAlgorithms gss-curve25519-sha256-,gss-group16-sha512-\n");
        assertThat(c.problems()).isEmpty();
        assertThat(value(c, "KexAlgorithms")).isEqualTo("sntrup761x25519-sha512@openssh.com,curve25519-sha256");
        assertThat(value(c, "GSSAPIKexAlgorithms")).isEqualTo("gss-curve25519-sha256-,gss-group16-sha512-");
    }

    @Test
    void aControlSeesTheWholeExpandedListSoAnAddedWeakCipherFails() throws Exception {
        SshdConfig c = read("Ciphers +3des-cbc\n");
        EffectiveConfig.Scoped s = c.lookup("Ciphers").get(0);
        assertThat(s.setting().value()).contains("3des-cbc").contains("aes256-gcm@openssh.com");
        assertThat(s.setting().origin()).isEqualTo("/etc/ssh/sshd_config:1");
    }

    @Test
    void aMatchBlocksAlgorithmChangeIsExpandedAgainstTheDefaultsNotTheGlobalList() throws Exception {
        SshdConfig c = read("PubkeyAcceptedAlgorithms ssh-ed25519\nMatch User legacy\n  PubkeyAcceptedAlgorithms +ssh-rsa\n");
        List<EffectiveSetting> legacy = c.forConnection(SshdConnection.parse("user=legacy,host=h,addr=10.0.0.1"));
        assertThat(value(legacy, "pubkeyacceptedalgorithms")).startsWith("ssh-ed25519-cert-v01@openssh.com,")
                .endsWith(",rsa-sha2-256,ssh-rsa");
        List<EffectiveConfig.Scoped> scopes = c.lookup("PubkeyAcceptedAlgorithms");
        assertThat(scopes).hasSize(2);
        assertThat(scopes.get(0).setting().value()).isEqualTo("ssh-ed25519");
        assertThat(scopes.get(1).scope()).isEqualTo("Match User legacy (/etc/ssh/sshd_config:2)");
        assertThat(scopes.get(1).setting().value()).endsWith(",ssh-rsa");
    }

    @Test
    void everyKeySshdPrintsHasAValueEvenWhenUnset() throws Exception {
        SshdConfig c = read("# nothing set\n");
        assertThat(value(c, "HostKeyAlgorithms")).startsWith("ssh-ed25519-cert-v01@openssh.com,").endsWith(",rsa-sha2-256");
        assertThat(value(c, "PermitRootLogin")).isEqualTo("prohibit-password");
        assertThat(value(c, "ListenAddress")).isEqualTo("[::]:22 0.0.0.0:22");
        assertThat(value(c, "HostKey")).isEqualTo("/etc/ssh/ssh_host_rsa_key /etc/ssh/ssh_host_ecdsa_key /etc/ssh/ssh_host_ed25519_key");
        assertThat(value(c, "MaxStartups")).isEqualTo("10:30:100");
        assertThat(value(c, "RekeyLimit")).isEqualTo("0 0");
        assertThat(value(c, "UnusedConnectionTimeout")).isEqualTo("none");
        // the 87 keys Debian 12's sshd -T prints for an empty file; ListenAddress and HostKey take a line per value
        assertThat(c.all().stream().map(EffectiveSetting::key).distinct().toList()).hasSize(87)
                .contains("port", "gssapikexalgorithms", "pubkeyauthoptions");
        assertThat(c.all()).allSatisfy(s -> assertThat(s.isDefault()).isTrue());
    }

    @Test
    void valuesAreShownAsSshdReadsThem() throws Exception {
        SshdConfig c = read("""
                LoginGraceTime 1m30s
                IPQoS 0x10 af21
                MaxStartups 5
                LogLevel debug1
                Compression delayed
                AllowTcpForwarding all
                PermitRootLogin without-password
                X11Forwarding YES
                PidFile sshd.pid
                VersionAddendum hardened # kept: sshd never cuts this comment
                """);
        assertThat(value(c, "LoginGraceTime")).isEqualTo("90");
        assertThat(value(c, "IPQoS")).isEqualTo("lowdelay af21");
        assertThat(value(c, "MaxStartups")).isEqualTo("5:30:5");
        assertThat(value(c, "LogLevel")).isEqualTo("DEBUG");
        assertThat(value(c, "Compression")).isEqualTo("yes");
        assertThat(value(c, "AllowTcpForwarding")).isEqualTo("yes");
        assertThat(value(c, "PermitRootLogin")).isEqualTo("prohibit-password");
        assertThat(value(c, "X11Forwarding")).isEqualTo("yes");
        assertThat(value(c, "PidFile")).isEqualTo("//sshd.pid"); // sshd makes it absolute from its working directory, /
        assertThat(value(c, "VersionAddendum")).isEqualTo("hardened # kept: sshd never cuts this comment");
    }

    @Test
    void keywordsWhoseLaterLinesWinOrWhoseFirstLineAloneCounts() throws Exception {
        SshdConfig c = read("""
                IPQoS lowdelay
                IPQoS throughput
                UnusedConnectionTimeout 10m
                UnusedConnectionTimeout none
                SetEnv FOO=1 BAR=2 FOO=3
                SetEnv BAZ=4
                AuthorizedKeysFile .ssh/a
                AuthorizedKeysFile .ssh/b
                AuthorizedPrincipalsCommand /usr/bin/first
                AuthorizedPrincipalsCommand /usr/bin/second
                """);
        assertThat(value(c, "IPQoS")).isEqualTo("throughput throughput");
        assertThat(value(c, "UnusedConnectionTimeout")).isEqualTo("none");
        assertThat(value(c, "SetEnv")).isEqualTo("FOO=1 BAR=2");
        assertThat(value(c, "AuthorizedKeysFile")).isEqualTo(".ssh/a");
        assertThat(value(c, "AuthorizedPrincipalsCommand")).isEqualTo("/usr/bin/second");
    }

    @Test
    void aConnectionGetsTheFirstMatchingBlocksValueOverTheGlobalOne() throws Exception {
        SshdConfig c = read("""
                MaxAuthTries 6
                Match Address 10.0.0.0/8
                  MaxAuthTries 2
                Match User root
                  MaxAuthTries 1
                Match all
                  MaxAuthTries 5
                """);
        assertThat(value(c, "MaxAuthTries")).isEqualTo("5");
        assertThat(value(c.forConnection(SshdConnection.parse("user=root,host=h,addr=10.9.9.9")), "maxauthtries")).isEqualTo("2");
        assertThat(value(c.forConnection(SshdConnection.parse("user=root,host=h,addr=192.0.2.1")), "maxauthtries")).isEqualTo("1");
        assertThat(value(c.forConnection(SshdConnection.parse("user=eve,host=h,addr=192.0.2.1")), "maxauthtries")).isEqualTo("5");
    }

    @Test
    void matchCriteriaFollowSshdsPatternsGroupsAndNetworks() throws Exception {
        write(root, "/etc/passwd", "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n"
                + "carol:x:1002:1002::/home/carol:/bin/sh\n");
        write(root, "/etc/group", "alice:x:1000:\nwheel:x:10:alice,carol\ncontractors:x:3000:carol\n");
        SshdConfig c = read("""
                Match Group wheel,!contractors
                  MaxSessions 4
                Match User adm*,!admin-old Host *.Example.COM
                  PasswordAuthentication no
                Match Address 192.0.2.0/24,!192.0.2.128/25
                  PermitTTY no
                """);
        assertThat(value(c.forConnection(SshdConnection.parse("user=alice,host=h,addr=10.0.0.1")), "maxsessions")).isEqualTo("4");
        assertThat(value(c.forConnection(SshdConnection.parse("user=carol,host=h,addr=10.0.0.1")), "maxsessions")).isEqualTo("10");
        assertThat(value(c.forConnection(SshdConnection.parse("user=nobody,host=h,addr=10.0.0.1")), "maxsessions")).isEqualTo("10");
        assertThat(value(c.forConnection(SshdConnection.parse("user=admin,host=WEB.example.com,addr=10.0.0.1")),
                "passwordauthentication")).isEqualTo("no");
        assertThat(value(c.forConnection(SshdConnection.parse("user=admin-old,host=web.example.com,addr=10.0.0.1")),
                "passwordauthentication")).isEqualTo("yes");
        assertThat(value(c.forConnection(SshdConnection.parse("user=x,host=h,addr=192.0.2.7")), "permittty")).isEqualTo("no");
        assertThat(value(c.forConnection(SshdConnection.parse("user=x,host=h,addr=192.0.2.200")), "permittty")).isEqualTo("yes");
    }

    @Test
    void listenAddressesAreWorkedOutFromPortsAndTheAddressFamily() throws Exception {
        SshdConfig c = read("Port 22\nPort 2222\nListenAddress 192.0.2.10\nListenAddress [2001:DB8:0:0::1]:2200\n");
        assertThat(c.all().stream().filter(s -> s.key().equals("listenaddress")).map(EffectiveSetting::value))
                .containsExactly("192.0.2.10:22", "192.0.2.10:2222", "[2001:db8::1]:2200");
        SshdConfig inet = read("AddressFamily inet\nPort 2200\n");
        assertThat(value(inet, "ListenAddress")).isEqualTo("0.0.0.0:2200");
    }
}
