package chuan.config.sshd;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What sshd 9.2 refuses to start with is a malformed problem at the line it stops at, saying so;
 * what it accepts is never called malformed. Each case was checked against Debian 12's sshd -t.
 */
class SshdAcceptanceTest {

    @TempDir
    Path root;

    private SshdConfig read(String config) throws Exception {
        write(root, "/etc/ssh/sshd_config", config);
        return SshdConfig.read(new SystemRoot(root));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a misspelt keyword", "Port 22\nPasswordAuthenticaton no\n", 2,
                        "Bad configuration option: PasswordAuthenticaton"),
                Arguments.of("a removed cipher", "Ciphers aes256-ctr,arcfour256\n", 1, "Bad SSH2 cipher spec 'aes256-ctr,arcfour256'"),
                Arguments.of("true for yes", "PermitRootLogin no\nPasswordAuthentication true\n", 2, "unsupported option \"true\""),
                Arguments.of("a hexadecimal number", "MaxAuthTries 0x10\n", 1, "MaxAuthTries integer value invalid"),
                Arguments.of("an unrendered placeholder", "Port SSH_PORT\n", 1, "Badly formatted port number"),
                Arguments.of("a template line", "{{ ansible_managed | comment }}\n", 1, "Bad configuration option: {{"),
                Arguments.of("extra arguments", "PasswordAuthentication no yes\n", 1,
                        "keyword PasswordAuthentication extra arguments at end of line"),
                Arguments.of("a duplicate Subsystem", "Subsystem sftp internal-sftp\nSubsystem sftp /usr/lib/openssh/sftp-server\n", 2,
                        "Subsystem 'sftp' already defined"),
                Arguments.of("an unknown Match criterion", "Match Usr alice\n  PasswordAuthentication yes\n", 1,
                        "Unsupported Match attribute Usr"),
                Arguments.of("a network with host bits", "Match Address 10.0.0.1/8\n", 1, "Invalid Match address argument '10.0.0.1/8'"),
                Arguments.of("Match all with more", "Match all User bob\n", 1, "'all' cannot be combined"),
                Arguments.of("an unclosed quote", "Banner \"/etc/issue.net\n", 1, "invalid quotes"),
                Arguments.of("a UTF-8 byte order mark", "\uFEFFPort 22\n", 1, "UTF-8 byte order mark before \"Port\""),
                Arguments.of("a keyword without a value", "X11Forwarding\n", 1, "no argument after keyword \"X11Forwarding\""),
                Arguments.of("a global keyword in a Match block", "Match User alice\n  Ciphers aes256-ctr\n", 2,
                        "Directive 'Ciphers' is not allowed within a Match block"),
                Arguments.of("any after a global list", "AuthenticationMethods publickey\nMatch User d\n  AuthenticationMethods any\n", 3,
                        "\"any\" must appear alone"),
                Arguments.of("a key exchange newer than 9.2", "KexAlgorithms mlkem768x25519-sha256\n", 1, "Bad SSH2 KexAlgorithms"),
                Arguments.of("PermitTunnel's values have case", "PermitTunnel Yes\n", 1, "bad PermitTunnel argument Yes"),
                Arguments.of("a port out of range", "Port 70000\n", 1, "Badly formatted port number"),
                Arguments.of("an unknown authentication method", "AuthenticationMethods publickey,otp\n", 1,
                        "invalid AuthenticationMethods method list"),
                Arguments.of("a user pattern with a bad network", "AllowUsers bob@10.0.0.1/8\n", 1, "invalid AllowUsers pattern"),
                Arguments.of("a key type that names no algorithm", "HostKeyAlgorithms RSA\n", 1,
                        "hostkeyalgorithms 'RSA' leaves no algorithm this release knows"),
                Arguments.of("RDomain on Linux", "RDomain vrf1\n", 1, "setting RDomain not supported on this platform"),
                // read as valid (the GSSAPI patch), then nothing of it is left when assembled
                Arguments.of("a key exchange list of gss names only", "KexAlgorithms gss-group16-sha512-\n", 1,
                        "kexalgorithms 'gss-group16-sha512-' leaves no algorithm this release knows"),
                Arguments.of("a gss key exchange that names no method", "KexAlgorithms gss-foo-,curve25519-sha256\n", 1,
                        "Bad SSH2 KexAlgorithms 'gss-foo-,curve25519-sha256'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void whatSshdRefusesIsAnErrorAtItsLine(String what, String config, int line, String reason) throws Exception {
        SshdConfig c = read(config);
        assertThat(c.problems()).as(what).isNotEmpty();
        ConfigProblem first = c.problems().get(0);
        assertThat(first.malformed()).as(what).isTrue();
        assertThat(first.file()).isEqualTo("/etc/ssh/sshd_config");
        assertThat(first.line()).as(what).isEqualTo(line);
        assertThat(first.message()).as(what).startsWith("sshd would not start: ").contains(reason);
    }

    @Test
    void anIncludedFileRefusedIsRefusedAtItsOwnLine() throws Exception {
        write(root, "/etc/ssh/sshd_config.d/50-x.conf", "Banner xxxx\n\tJunk\n");
        SshdConfig c = read("Include /etc/ssh/sshd_config.d/*.conf\n");
        assertThat(c.problems()).extracting(ConfigProblem::oneLine)
                .containsExactly("/etc/ssh/sshd_config.d/50-x.conf:2: sshd would not start: no argument after keyword \"Junk\"");
    }

    @Test
    void includesNestedDeeperThanSixteenAreRefused() throws Exception {
        for (int i = 1; i <= 17; i++) {
            write(root, "/etc/ssh/n" + i + ".conf", "Include /etc/ssh/n" + (i + 1) + ".conf\n");
        }
        write(root, "/etc/ssh/n18.conf", "MaxAuthTries 2\n");
        SshdConfig c = read("Include /etc/ssh/n1.conf\n");
        assertThat(c.problems()).extracting(ConfigProblem::oneLine).containsExactly(
                "/etc/ssh/n16.conf:1: sshd would not start: Too many recursive configuration includes (more than 16 deep)");
    }

    @Test
    void filesThatAllIncludeTheSameGlobAreRefusedWithoutReadingEveryOrder() throws Exception {
        // twelve files each including all twelve: following every path would read 12^16 files
        for (int i = 0; i < 12; i++) {
            write(root, "/etc/ssh/d/" + (char) ('a' + i) + ".conf", "Include /etc/ssh/d/*.conf\nMaxSessions " + (i + 1) + "\n");
        }
        SshdConfig c = read("Include /etc/ssh/d/*.conf\nMaxAuthTries 3\n");
        assertThat(c.problems()).extracting(ConfigProblem::oneLine).containsExactly("/etc/ssh/d/a.conf:1: sshd would not start: "
                + "Include /etc/ssh/d/*.conf reads /etc/ssh/d/a.conf again while reading it: sshd follows the loop until includes "
                + "are 16 deep and stops (Too many recursive configuration includes)");
        assertThat(c.effective("MaxAuthTries").orElseThrow().value()).isEqualTo("3");
        assertThat(c.effective("MaxSessions").orElseThrow().value()).isEqualTo("1");
    }

    @Test
    void includesThatMultiplyBeyondAMillionLinesAreNotReadToTheEnd() throws Exception {
        // each level includes the next one twice: 2^16 readings of the last file's 100 lines
        for (int i = 1; i < 16; i++) {
            write(root, "/etc/ssh/l" + i + ".conf", "Include /etc/ssh/l" + (i + 1) + ".conf /etc/ssh/l" + (i + 1) + ".conf\n");
        }
        write(root, "/etc/ssh/l16.conf", "# a comment\n".repeat(100));
        SshdConfig c = read("Include /etc/ssh/l1.conf /etc/ssh/l1.conf\n");
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.malformed()).isTrue();
            assertThat(p.file()).isEqualTo("/etc/ssh/l16.conf");
            assertThat(p.message()).isEqualTo("not read to the end: the includes make 1000000 lines (each file is read again "
                    + "for every Include that names it)");
        });
    }

    @Test
    void aNulByteCutsItsLineWhichJoinsTheNextAsSshdReadsIt() throws Exception {
        Files.createDirectories(root.resolve("etc/ssh"));
        Files.write(root.resolve("etc/ssh/sshd_config"), "Banner /x\0y\n X11Forwarding yes\nMaxAuthTries 3\nFoo bar\n".getBytes());
        SshdConfig c = SshdConfig.read(new SystemRoot(root));
        // sshd: "line 1: keyword Banner extra arguments", then "line 3: Bad configuration option: Foo"
        assertThat(c.problems()).extracting(ConfigProblem::oneLine).containsExactly(
                "/etc/ssh/sshd_config:1: sshd would not start: keyword Banner extra arguments at end of line",
                "/etc/ssh/sshd_config:3: sshd would not start: Bad configuration option: Foo");
    }

    @Test
    void whatSshdAcceptsIsNeverMalformed() throws Exception {
        SshdConfig c = read("""
                # deprecated, ignored and vendor keywords: logged or silently taken
                Protocol 2
                UsePrivilegeSeparation sandbox
                RSAAuthentication yes
                UseLogin no
                ServerKeyBits 1024
                KerberosGetAFSToken no
                DebianBanner no
                GSSAPIKeyExchange yes
                GSSAPIKexAlgorithms gss-curve25519-sha256-
                PermitBlacklistedKeys no
                # syntax sshd takes
                port=2222
                PermitRootLogin	=	No
                Banner "/etc/issue net" # a comment
                AcceptEnv "LANG" LC_*   # locales
                IPQoS 0x10
                LogLevel verbose
                Ciphers aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,
                MACs -*
                AllowUsers {{ssh_users}}
                Include /etc/ssh/nowhere/*.conf
                UseDNS no\r
                Match all
                  Port 2200
                """);
        assertThat(c.problems()).noneMatch(ConfigProblem::malformed);
        assertThat(c.effective("Port").orElseThrow().value()).isEqualTo("2222 2200");
        // sshd starts and offers no MAC: only an AEAD cipher can be agreed (sshd -T prints the default
        // list instead: it assembles the lists a second time; docs/config-audits.md lists the difference)
        assertThat(c.effective("MACs").orElseThrow().value()).isEmpty();
        assertThat(c.effective("PermitRootLogin").orElseThrow().value()).isEqualTo("no");
    }

    @Test
    void aKeywordOfANewerReleaseSaysSo() throws Exception {
        SshdConfig c = read("PerSourcePenalties authfail:30s\n");
        assertThat(c.problems().get(0).message()).isEqualTo("sshd would not start: Bad configuration option: PerSourcePenalties "
                + "(a keyword of OpenSSH 9.8 and later; version unknown: OpenSSH 9.2 assumed)");
        write(root, "/etc/ssh/sshd_config", "PerSourcePenalties authfail:30s\n");
        SshdConfig newer = SshdConfig.read(new SystemRoot(root), SshdDefaults.forVersion("9.8p1"));
        assertThat(newer.problems()).isEmpty();
        assertThat(newer.effective("PerSourcePenalties").orElseThrow().value()).isEqualTo("authfail:30s");
    }
}
