package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration its daemon would refuse to start with is an input error in every command: the
 * scan reports it at its file and line, exits 3, and no control on it passes.
 */
class RefusedConfigTest {

    @TempDir
    Path root;

    private static void write(Path root, String systemPath, String text) throws Exception {
        Path f = root.resolve(systemPath.substring(1));
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    /** SSLProtocol TLS 1.2 only, which passes APACHE-TLS-PROTOCOLS, but also inside <Directory>, which httpd refuses. */
    private void refusedApache() throws Exception {
        write(root, "/etc/apache2/apache2.conf", """
                LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
                LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so
                SSLProtocol -all +TLSv1.2
                ServerTokens Prod
                <Directory /var/www>
                    SSLProtocol -all +TLSv1.2
                </Directory>
                """);
    }

    @Test
    void theScanReportsApacheWouldNotStartAndNothingOnItPasses() throws Exception {
        refusedApache();
        CliRunner r = CliRunner.run("scan", root.toString(), "-p", "apache", "-f", "json", "--no-progress");
        assertThat(r.exit()).isEqualTo(3);
        AuditReport report = Reports.parse(r.out());
        AuditError error = report.errors().get(0);
        assertThat(error.path()).isEqualTo(root + "/etc/apache2/apache2.conf");
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.message()).isEqualTo("Apache would not start: SSLProtocol not allowed in <Directory> context");
        assertThat(report.results()).isNotEmpty().allSatisfy(res -> assertThat(res.status()).as(res.rule()).isNotEqualTo(Status.PASS));
        assertThat(Reports.results(report, "APACHE-TLS-PROTOCOLS")).as("the TLS control that would pass is an error")
                .extracting(Result::status).contains(Status.ERROR);
    }

    @Test
    void effectiveExitsThreeWithTheErrorAtItsLine() throws Exception {
        refusedApache();
        CliRunner r = CliRunner.run("effective", root.toString(), "apache", "--key", "ServerTokens");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("ServerTokens Prod    # /etc/apache2/apache2.conf:4");
        assertThat(r.err()).isEqualTo("chuan: error: /etc/apache2/apache2.conf:6: Apache would not start: SSLProtocol not "
                + "allowed in <Directory> context\n");
    }

    @Test
    void sixtyThousandNestedSectionsAreAnInputErrorNotACrash() throws Exception {
        write(root, "/etc/apache2/apache2.conf", "LoadModule mpm_event_module x.so\n" + "<IfModule so_module>\n".repeat(60_000)
                + "ServerTokens Prod\n" + "</IfModule>\n".repeat(60_000));
        CliRunner e = CliRunner.run("effective", root.toString(), "apache", "--key", "ServerTokens");
        assertThat(e.exit()).isEqualTo(3);
        assertThat(e.err()).startsWith("chuan: error: /etc/apache2/apache2.conf:10002: Apache would not start: sections "
                + "nested deeper than 10000");
        CliRunner s = CliRunner.run("scan", root.toString(), "-p", "apache", "-f", "json", "--no-progress");
        assertThat(s.exit()).isEqualTo(3);
        write(root, "/app/server.xml", "<a>".repeat(60_000) + "</a>".repeat(60_000));
        CliRunner x = CliRunner.run("effective", root.toString(), "xml", "--file", "/app/server.xml", "--key", "//a");
        assertThat(x.exit()).isEqualTo(3);
        assertThat(x.err()).isEqualTo("chuan: error: /app/server.xml:1: elements nested deeper than 1000\n");
    }
}
