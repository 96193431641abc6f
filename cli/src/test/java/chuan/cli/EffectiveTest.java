package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chuan effective: what a daemon really runs with, read offline from a system root. */
class EffectiveTest {

    private static void write(Path root, String systemPath, String text) throws Exception {
        Path f = root.resolve(systemPath.substring(1));
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void sshdShowsTheWinningDropInAndTheIgnoredMainFileValue(@TempDir Path root) throws Exception {
        write(root, "/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n"
                + "Include /etc/ssh/gone.conf\nMatch User backup\n  X11Forwarding yes\n");
        write(root, "/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication yes\n");
        CliRunner r = CliRunner.run("effective", root.toString(), "sshd");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("passwordauthentication yes    # /etc/ssh/sshd_config.d/50-cloud-init.conf:1; "
                + "not used: no at /etc/ssh/sshd_config:2\n");
        assertThat(r.out()).contains("permitrootlogin prohibit-password    # compiled-in default\n");
        assertThat(r.out()).contains("Match User backup    # /etc/ssh/sshd_config:4\n    X11Forwarding yes    # /etc/ssh/sshd_config:5\n");
        assertThat(r.err()).isEqualTo("chuan: warning: /etc/ssh/sshd_config:3: Include /etc/ssh/gone.conf: no such file\n");
        CliRunner one = CliRunner.run("effective", root.toString(), "sshd", "--key", "PasswordAuthentication");
        assertThat(one.out().lines()).hasSize(1);
    }

    @Test
    void sshdAnswersForOneConnectionAsSshdDashCDoes(@TempDir Path root) throws Exception {
        write(root, "/etc/ssh/sshd_config", "PasswordAuthentication no\nMatch User deploy Address 192.0.2.0/24\n"
                + "  PasswordAuthentication yes\n");
        CliRunner deploy = CliRunner.run("effective", root.toString(), "sshd", "--match", "user=deploy,host=h,addr=192.0.2.9",
                "--key", "PasswordAuthentication");
        assertThat(deploy.exit()).isZero();
        assertThat(deploy.out()).isEqualTo("passwordauthentication yes    # /etc/ssh/sshd_config:3; not used: no at "
                + "/etc/ssh/sshd_config:1\n");
        CliRunner other = CliRunner.run("effective", root.toString(), "sshd", "--match", "user=deploy,host=h,addr=198.51.100.1",
                "--key", "PasswordAuthentication");
        assertThat(other.out()).isEqualTo("passwordauthentication no    # /etc/ssh/sshd_config:1\n");
        CliRunner bad = CliRunner.run("effective", root.toString(), "sshd", "--match", "usr=deploy");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("chuan: --match usr=deploy: 'usr=deploy' is not one of user=, host=, addr=, laddr=, lport=, "
                + "rdomain=\n");
        assertThat(CliRunner.run("effective", root.toString(), "nginx", "--match", "user=a").exit()).isEqualTo(2);
    }

    @Test
    void aConfigurationSshdRefusesIsAnInputErrorNamingTheLine(@TempDir Path root) throws Exception {
        write(root, "/etc/ssh/sshd_config", "Port 22\nPasswordAuthenticaton no\n");
        CliRunner r = CliRunner.run("effective", root.toString(), "sshd", "--key", "PasswordAuthentication");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("chuan: error: /etc/ssh/sshd_config:2: sshd would not start: Bad configuration option: "
                + "PasswordAuthenticaton\n");
        assertThat(r.out()).isEqualTo("passwordauthentication yes    # compiled-in default\n");
    }

    @Test
    void nginxShowsEachServersInheritedValue(@TempDir Path root) throws Exception {
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp {\n  ssl_protocols TLSv1 TLSv1.2;\n  ssl_certificate /etc/ssl/a.pem;\n"
                + "  ssl_certificate_key /etc/ssl/a.key;\n  server { listen 443 ssl; server_name a.gov.vn; }\n"
                + "  server { listen 443 ssl; server_name b.gov.vn; ssl_protocols TLSv1.3; ssl_protocols TLSv1.2; }\n}\n");
        CliRunner r = CliRunner.run("effective", root.toString(), "nginx", "--key", "ssl_protocols", "--key", "ssl_ciphers",
                "--assume-version", "nginx=1.22.1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                # read, in order: /etc/nginx/nginx.conf
                # defaults of nginx 1.22.1 from --assume-version
                server a.gov.vn (listen 443 ssl)    # /etc/nginx/nginx.conf:6
                    ssl_protocols TLSv1 TLSv1.2    # /etc/nginx/nginx.conf:3
                    ssl_ciphers HIGH:!aNULL:!MD5    # compiled-in default
                server b.gov.vn (listen 443 ssl)    # /etc/nginx/nginx.conf:7
                    ssl_protocols TLSv1.2 TLSv1.3    # /etc/nginx/nginx.conf:7; ssl_protocols is written 2 times in this block \
                (/etc/nginx/nginx.conf:7, /etc/nginx/nginx.conf:7): nginx enables every protocol they name
                    ssl_ciphers HIGH:!aNULL:!MD5    # compiled-in default
                """);
    }

    @Test
    void nginxRefusingTheConfigurationIsAnInputError(@TempDir Path root) throws Exception {
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp {\n  server { listen 80; server_tokens of; }\n}\n");
        CliRunner r = CliRunner.run("effective", root.toString(), "nginx");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).startsWith("# read, in order: /etc/nginx/nginx.conf\n# nginx version unknown");
        assertThat(r.err()).isEqualTo("chuan: error: /etc/nginx/nginx.conf:3: invalid value \"of\" (nginx would not start)\n");
        CliRunner bad = CliRunner.run("effective", root.toString(), "nginx", "--assume-version", "postfix=3.7");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("chuan: --assume-version: 'postfix' is not one of apache, nginx, sshd\n");
    }

    @Test
    void sysctlLoginDefsAndPam(@TempDir Path root) throws Exception {
        write(root, "/etc/sysctl.d/10-a.conf", "net.ipv4.ip_forward = 0\nnet.ipv4.conf.*.rp_filter = 1\n");
        write(root, "/etc/sysctl.conf", "net.ipv4.ip_forward = 1\n");
        java.nio.file.Files.createSymbolicLink(root.resolve("etc/sysctl.d/99-sysctl.conf"), Path.of("../sysctl.conf"));
        write(root, "/etc/login.defs", "PASS_MAX_DAYS 90\n");
        write(root, "/etc/pam.d/login", "auth required pam_faillock.so deny=5\n");
        assertThat(CliRunner.run("effective", root.toString(), "sysctl").out())
                .isEqualTo("# read, in order: /etc/sysctl.d/10-a.conf, /etc/sysctl.d/99-sysctl.conf\n"
                        + "net.ipv4.conf.*.rp_filter 1    # /etc/sysctl.d/10-a.conf:2\n"
                        + "net.ipv4.ip_forward 1    # /etc/sysctl.d/99-sysctl.conf:1; not used: 0 at /etc/sysctl.d/10-a.conf:1\n");
        // a name set only through a glob, and one set nowhere
        assertThat(CliRunner.run("effective", root.toString(), "sysctl", "--key", "net.ipv4.conf.eth0.rp_filter").out())
                .endsWith("\nnet.ipv4.conf.eth0.rp_filter 1    # /etc/sysctl.d/10-a.conf:2\n");
        assertThat(CliRunner.run("effective", root.toString(), "sysctl", "--key", "kernel.sysrq").out())
                .endsWith("\nkernel.sysrq (not set)    # compiled-in default\n");
        assertThat(CliRunner.run("effective", root.toString(), "login.defs", "--key", "PASS_MAX_DAYS").out())
                .isEqualTo("PASS_MAX_DAYS 90    # /etc/login.defs:1\n");
        assertThat(CliRunner.run("effective", root.toString(), "pam", "--service", "login").out())
                .isEqualTo("auth required pam_faillock.so deny=5    # /etc/pam.d/login:1\n");
    }

    @Test
    void aMissingRootOrUnknownDaemonIsAUsageError(@TempDir Path root) {
        assertThat(CliRunner.run("effective", root.resolve("nope").toString(), "sshd").exit()).isEqualTo(2);
        CliRunner bad = CliRunner.run("effective", root.toString(), "postfix");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("DAEMON").contains("'postfix' is not one of sshd, nginx").doesNotContain("Exception");
    }

    @Test
    void apacheLogrotateAndFileFormatsAnswerOneKeyWithTheFilesRead(@TempDir Path root) throws Exception {
        CliRunner apache = CliRunner.run("effective", "../samples/system", "apache", "--key", "ServerTokens");
        assertThat(apache.exit()).isZero();
        assertThat(apache.out()).startsWith("# read, in order: /etc/apache2/apache2.conf, ")
                .contains("ServerTokens OS    # /etc/apache2/conf-available/security.conf:25");
        assertThat(CliRunner.run("effective", "../samples/system", "logrotate", "--key", "retention-days /var/log/auth.log").out())
                .contains("retention-days 28    # /etc/logrotate.d/rsyslog:15");
        write(root, "/etc/tomcat10/server.xml", "<Server port=\"8005\" shutdown=\"SHUTDOWN\">\n</Server>\n");
        assertThat(CliRunner.run("effective", root.toString(), "xml", "--file", "/etc/tomcat10/server.xml", "--key", "/Server/@port")
                .out()).contains("/Server/@port 8005    # /etc/tomcat10/server.xml:1");
        write(root, "/opt/app/application.properties", "spring.datasource.password=Xk9mQ2vL7pWz4rT8\n");
        CliRunner secret = CliRunner.run("effective", root.toString(), "properties", "--file", "/opt/app/application.properties",
                "--key", "spring.datasource.password");
        assertThat(secret.out()).contains("spring.datasource.password ********").doesNotContain("Xk9m").doesNotContain("T8 ");
        assertThat(CliRunner.run("effective", root.toString(), "properties", "--file", "/opt/app/application.properties",
                "--key", "spring.datasource.password", "--reveal-personal-data").out()).contains("Xk9mQ2vL7pWz4rT8");
        CliRunner noKey = CliRunner.run("effective", root.toString(), "xml", "--key", "/Server/@port");
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("xml needs --key and --file");
    }
}
