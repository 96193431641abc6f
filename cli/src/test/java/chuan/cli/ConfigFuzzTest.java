package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile configuration files never crash an audit: random bytes, stray braces and brackets, deep
 * nesting, huge lines and include loops in every file the built-in profiles read give findings or
 * input errors (exit 0, 1 or 3), never an internal error.
 */
class ConfigFuzzTest {

    static final List<String> FILES = List.of("etc/ssh/sshd_config", "etc/nginx/nginx.conf", "etc/apache2/apache2.conf",
            "etc/login.defs", "etc/sysctl.conf", "etc/pam.d/common-auth", "etc/pam.d/common-password",
            "etc/systemd/journald.conf", "etc/logrotate.conf", "etc/chrony/chrony.conf", "etc/profile", "etc/default/useradd",
            "etc/tomcat10/server.xml", "etc/tomcat10/web.xml", "opt/app/application.properties", "opt/app/application.yml",
            "etc/inetd.conf", "etc/app/secrets.conf");

    static final List<String> NASTY = List.of("{", "}", "<", ">", "</x>", "<VirtualHost", "[", "]", "\"", "'", "\\", ";", "=",
            "Include /etc/ssh/sshd_config", "include /etc/nginx/nginx.conf;", "Include apache2.conf", "include /etc/logrotate.conf",
            "@include common-auth", "Match", "<!DOCTYPE x [<!ENTITY a \"&a;\">]>", "---", "- - -", "{{{{", "${", "-----BEGIN",
            "\u0000", "\uFFFD", "password=", "auth", "net.ipv4.*.x", "-", "*", "**", "/", "..");

    @TempDir
    Path tmp;

    @Test
    void randomHostileFilesGiveFindingsOrInputErrorsNeverACrash() throws Exception {
        Random random = new Random(20261127L);
        for (int round = 0; round < 30; round++) {
            Path root = Files.createDirectories(tmp.resolve("r" + round));
            for (String f : FILES) {
                Path file = root.resolve(f);
                Files.createDirectories(file.getParent());
                StringBuilder b = new StringBuilder();
                int lines = random.nextInt(40);
                for (int i = 0; i < lines; i++) {
                    int words = random.nextInt(6);
                    for (int w = 0; w < words; w++) {
                        if (random.nextInt(5) == 0) {
                            b.append((char) random.nextInt(0x3000));
                        } else {
                            b.append(NASTY.get(random.nextInt(NASTY.size())));
                        }
                        b.append(random.nextBoolean() ? " " : "");
                    }
                    b.append(random.nextInt(10) == 0 ? "x".repeat(100_000) : "").append('\n');
                }
                if (random.nextBoolean()) {
                    Files.writeString(file, b.toString());
                } else {
                    byte[] bytes = new byte[random.nextInt(4096)];
                    random.nextBytes(bytes);
                    Files.write(file, bytes);
                }
            }
            CliRunner r = CliRunner.run("scan", root.toString(), "--level", "5", "-f", "json", "--no-progress");
            assertThat(r.exit()).as("round " + round + ": " + r.err()).isIn(0, 1, 3);
            assertThat(r.err()).as("round " + round).doesNotContain("internal error").doesNotContain("Exception");
        }
    }

    @Test
    void theCrashesFuzzingFoundStayFixed() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("found/etc/ssh"));
        // a NUL byte in an include path (Path refuses it), a stanza named by a broken glob
        Files.writeString(root.resolve("sshd_config"), "Include /etc/ssh/a\u0000b.conf\nX11Forwarding no\n");
        Files.writeString(tmp.resolve("found/etc/logrotate.conf"), "weekly\n[abc {\n  rotate 4\n}\n");
        CliRunner r = CliRunner.run("scan", tmp.resolve("found").toString(), "-f", "json", "--no-progress");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(r.out()).contains("SSH-X11-FORWARDING");
    }
}
