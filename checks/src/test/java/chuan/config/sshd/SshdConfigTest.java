package chuan.config.sshd;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sshd's effective configuration, read from a system root the way sshd reads it. */
class SshdConfigTest {

    @TempDir
    Path root;

    private SshdConfig read() throws Exception {
        return SshdConfig.read(new SystemRoot(root));
    }

    private EffectiveSetting get(SshdConfig c, String keyword) {
        return c.effective(keyword).orElseThrow();
    }

    @Test
    void aCloudInitDropInReadFirstWinsOverTheMainFile() throws Exception {
        write(root, "/etc/ssh/sshd_config", """
                Include /etc/ssh/sshd_config.d/*.conf
                # hardening
                PasswordAuthentication no
                PermitRootLogin no
                """);
        write(root, "/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication yes\n");
        SshdConfig c = read();
        EffectiveSetting pw = get(c, "PasswordAuthentication");
        assertThat(pw.value()).isEqualTo("yes");
        assertThat(pw.origin()).isEqualTo("/etc/ssh/sshd_config.d/50-cloud-init.conf:1");
        assertThat(pw.ignored()).extracting(Directive::origin).containsExactly("/etc/ssh/sshd_config:3");
        assertThat(get(c, "permitrootlogin").value()).isEqualTo("no");
        assertThat(c.filesRead()).containsExactly("/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void dropInsAreReadInLexicalOrderAndRelativeIncludesStartAtEtcSsh() throws Exception {
        write(root, "/etc/ssh/sshd_config", "Include sshd_config.d/*.conf\nX11Forwarding no\n");
        write(root, "/etc/ssh/sshd_config.d/20-b.conf", "X11Forwarding no\nMaxAuthTries 3\n");
        write(root, "/etc/ssh/sshd_config.d/10-a.conf", "X11Forwarding yes\n");
        write(root, "/etc/ssh/sshd_config.d/30-c.txt", "MaxAuthTries 10\n"); // not *.conf: never read
        SshdConfig c = read();
        assertThat(get(c, "X11Forwarding").value()).isEqualTo("yes");
        assertThat(get(c, "X11Forwarding").ignored()).hasSize(2);
        assertThat(get(c, "MaxAuthTries").value()).isEqualTo("3");
    }

    @Test
    void aCommentedOutDirectiveLeavesTheCompiledInDefault() throws Exception {
        write(root, "/etc/ssh/sshd_config", "#PermitRootLogin no\n   # MaxAuthTries 3\nPort 22 # trailing comment\n");
        SshdConfig c = read();
        EffectiveSetting root = get(c, "PermitRootLogin");
        assertThat(root.isDefault()).isTrue();
        assertThat(root.value()).isEqualTo("prohibit-password");
        assertThat(root.origin()).isEqualTo("compiled-in default");
        assertThat(get(c, "MaxAuthTries").value()).isEqualTo("6");
        assertThat(get(c, "Port").value()).isEqualTo("22");
        assertThat(c.effective("NoSuchKeyword")).isEmpty();
    }

    @Test
    void matchBlocksAreConditionalScopesAndMatchAllIsGlobal() throws Exception {
        write(root, "/etc/ssh/sshd_config", """
                PasswordAuthentication no
                Match User backup Address 10.0.0.0/8
                    PasswordAuthentication yes
                    ForceCommand internal-sftp
                Match all
                    X11Forwarding yes
                """);
        SshdConfig c = read();
        assertThat(get(c, "PasswordAuthentication").value()).isEqualTo("no");
        assertThat(get(c, "PasswordAuthentication").ignored()).isEmpty();
        // Match all applies to every connection, so to the global value sshd -T prints
        assertThat(get(c, "X11Forwarding").value()).isEqualTo("yes");
        assertThat(get(c, "X11Forwarding").origin()).isEqualTo("/etc/ssh/sshd_config:6");
        assertThat(c.matchBlocks()).hasSize(2);
        assertThat(c.matchBlocks().get(0).criteria()).isEqualTo("User backup Address 10.0.0.0/8");
        assertThat(c.matchBlocks().get(0).directives()).extracting(Directive::keyword)
                .containsExactly("PasswordAuthentication", "ForceCommand");
        assertThat(c.matchBlocks().get(1).directives()).extracting(Directive::origin).containsExactly("/etc/ssh/sshd_config:6");
    }

    @Test
    void aMatchInADropInEndsWithThatFile() throws Exception {
        write(root, "/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\n");
        write(root, "/etc/ssh/sshd_config.d/10-sftp.conf", "Match Group sftp\n  ChrootDirectory /srv/%u\n");
        SshdConfig c = read();
        assertThat(get(c, "PermitRootLogin").value()).isEqualTo("no");
        assertThat(get(c, "PermitRootLogin").isDefault()).isFalse();
        assertThat(c.matchBlocks().get(0).directives()).hasSize(1);
    }

    @Test
    void keywordsAreCaseInsensitiveTakeEqualsSignsAndQuotesAndSomeAccumulate() throws Exception {
        write(root, "/etc/ssh/sshd_config", """
                passwordauthentication=no
                ClientAliveInterval = 300
                AllowUsers alice bob
                AllowUsers carol
                Banner "/etc/issue net"
                PASSWORDAUTHENTICATION yes
                """);
        SshdConfig c = read();
        assertThat(get(c, "PasswordAuthentication").value()).isEqualTo("no");
        assertThat(get(c, "PasswordAuthentication").ignored()).extracting(Directive::line).containsExactly(6);
        assertThat(get(c, "clientaliveinterval").value()).isEqualTo("300");
        assertThat(get(c, "AllowUsers").value()).isEqualTo("alice bob carol");
        assertThat(get(c, "Banner").value()).isEqualTo("/etc/issue net");
    }

    @Test
    void missingIncludesAreNotedButAnIncludeLoopStopsSshd() throws Exception {
        write(root, "/etc/ssh/sshd_config", """
                Include /etc/ssh/missing.conf
                Include /etc/ssh/sshd_config.d/*.conf
                Include /etc/ssh/loop.conf
                PermitRootLogin no
                """);
        write(root, "/etc/ssh/loop.conf", "Include /etc/ssh/loop.conf\nMaxSessions 2\n");
        SshdConfig c = read();
        assertThat(c.problems()).extracting(ConfigProblem::oneLine).containsExactly(
                "/etc/ssh/sshd_config:1: Include /etc/ssh/missing.conf: no such file",
                "/etc/ssh/sshd_config:2: Include /etc/ssh/sshd_config.d/*.conf: no such directory /etc/ssh/sshd_config.d",
                "/etc/ssh/loop.conf:1: sshd would not start: Include /etc/ssh/loop.conf reads /etc/ssh/loop.conf again while "
                        + "reading it: sshd follows the loop until includes are 16 deep and stops (Too many recursive "
                        + "configuration includes)");
        // sshd says nothing about an include that matches no file: only the loop is a refusal
        assertThat(c.problems()).extracting(ConfigProblem::malformed).containsExactly(false, false, true);
        assertThat(get(c, "PermitRootLogin").value()).isEqualTo("no");
        assertThat(get(c, "MaxSessions").value()).isEqualTo("2");
    }

    @Test
    void noMainFileIsARefusalAndEveryValueIsTheDefault() throws Exception {
        SshdConfig c = read();
        assertThat(c.problems()).extracting(ConfigProblem::oneLine)
                .containsExactly("/etc/ssh/sshd_config: sshd would not start: /etc/ssh/sshd_config not found");
        assertThat(c.problems().get(0).malformed()).isTrue();
        assertThat(get(c, "PasswordAuthentication").isDefault()).isTrue();
    }

    /** Scanning an image must never read the host: absolute paths, .. and links all stay inside the root. */
    @Test
    void includesAndLinksNeverLeaveTheRoot(@TempDir Path outside) throws Exception {
        Path secret = outside.resolve("host.conf");
        Files.writeString(secret, "PermitRootLogin yes\n");
        write(root, "/etc/ssh/sshd_config", """
                Include ../../../../../../../..%s
                Include /etc/ssh/sshd_config.d/*.conf
                """.formatted(secret));
        Files.createDirectories(root.resolve("etc/ssh/sshd_config.d"));
        Files.createSymbolicLink(root.resolve("etc/ssh/sshd_config.d/60-link.conf"), secret);                  // absolute
        Files.createSymbolicLink(root.resolve("etc/ssh/sshd_config.d/70-up.conf"),
                Path.of("../../../../../../../../../../..").resolve(secret.toString().substring(1)));           // relative, climbing
        SshdConfig c = read();
        EffectiveSetting rootLogin = get(c, "PermitRootLogin");
        assertThat(rootLogin.isDefault()).as(rootLogin.origin()).isTrue();
        // the host path named by the include, and the two links' targets, are looked for inside the root only
        assertThat(c.problems()).hasSize(3).allSatisfy(p -> assertThat(p.message()).contains("no such file"));
        assertThat(c.problems().get(1).message()).contains("/etc/ssh/sshd_config.d/60-link.conf");

        // the same file placed inside the root at that path is what they all reach
        write(root, secret.toString(), "PermitRootLogin without-password\n");
        SshdConfig inside = read();
        // the old spelling is the same setting; it is shown by its current name
        assertThat(get(inside, "PermitRootLogin").value()).isEqualTo("prohibit-password");
        assertThat(get(inside, "PermitRootLogin").origin()).isEqualTo(secret + ":1");
        assertThat(inside.problems()).isEmpty();
    }

    @Test
    void aLinkLoopIsANotFoundIncludeNotAHang() throws Exception {
        write(root, "/etc/ssh/sshd_config", "Include /etc/ssh/a.conf\nMaxAuthTries 4\n");
        Files.createSymbolicLink(root.resolve("etc/ssh/a.conf"), Path.of("b.conf"));
        Files.createSymbolicLink(root.resolve("etc/ssh/b.conf"), Path.of("/etc/ssh/a.conf"));
        SshdConfig c = read();
        assertThat(c.problems()).extracting(ConfigProblem::oneLine)
                .containsExactly("/etc/ssh/sshd_config:1: Include /etc/ssh/a.conf: no such file");
        assertThat(get(c, "MaxAuthTries").value()).isEqualTo("4");
    }
}
