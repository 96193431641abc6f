package chuan.config.apache;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig.Scoped;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apache httpd's configuration as the server assembles it, read from a system root. */
class ApacheConfigTest {

    @TempDir
    Path root;

    private ApacheConfig read() throws Exception {
        return ApacheConfig.read(new SystemRoot(root));
    }

    private void debianLayout(String sslConf) throws Exception {
        write(root, "/etc/apache2/apache2.conf", """
                Timeout 300
                LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
                IncludeOptional mods-enabled/*.load
                IncludeOptional mods-enabled/*.conf
                Include ports.conf
                <Directory /var/www/>
                \tOptions Indexes FollowSymLinks
                </Directory>
                IncludeOptional conf-enabled/*.conf
                IncludeOptional sites-enabled/*.conf
                """);
        write(root, "/etc/apache2/ports.conf", "Listen 80\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n");
        write(root, "/etc/apache2/mods-available/ssl.load", "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n");
        write(root, "/etc/apache2/mods-available/ssl.conf", sslConf);
        write(root, "/etc/apache2/conf-available/security.conf", "ServerTokens OS\nServerSignature On\n");
        Files.createDirectories(root.resolve("etc/apache2/mods-enabled"));
        Files.createDirectories(root.resolve("etc/apache2/conf-enabled"));
        Files.createSymbolicLink(root.resolve("etc/apache2/conf-enabled/security.conf"), Path.of("../conf-available/security.conf"));
    }

    private void enableSsl() throws Exception {
        Files.createSymbolicLink(root.resolve("etc/apache2/mods-enabled/ssl.load"), Path.of("../mods-available/ssl.load"));
        Files.createSymbolicLink(root.resolve("etc/apache2/mods-enabled/ssl.conf"), Path.of("../mods-available/ssl.conf"));
    }

    @Test
    void includesAreSplicedInOrderThroughTheEnabledLinks() throws Exception {
        debianLayout("<IfModule mod_ssl.c>\n\tSSLProtocol all -SSLv3\n</IfModule>\n");
        enableSsl();
        ApacheConfig c = read();
        Scoped tokens = c.lookup("ServerTokens").get(0);
        assertThat(tokens.setting().value()).isEqualTo("OS");
        assertThat(tokens.setting().from().origin()).isEqualTo("/etc/apache2/conf-available/security.conf:1");
        Scoped ssl = c.lookup("sslprotocol").get(0); // names are case-insensitive
        assertThat(ssl.setting().value()).isEqualTo("all -SSLv3");
        assertThat(ssl.setting().from().origin()).isEqualTo("/etc/apache2/mods-available/ssl.conf:2");
        assertThat(c.filesRead()).containsExactly("/etc/apache2/apache2.conf", "/etc/apache2/mods-available/ssl.load",
                "/etc/apache2/mods-available/ssl.conf", "/etc/apache2/ports.conf", "/etc/apache2/conf-available/security.conf");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void ifModuleOfAModuleNotLoadedIsSkippedAndModSslDefaultsOnlyApplyWhenLoaded() throws Exception {
        debianLayout("<IfModule mod_ssl.c>\n\tSSLProtocol all -SSLv3\n</IfModule>\n");
        // ssl.conf included directly, but the module is not loaded: its IfModule is false
        write(root, "/etc/apache2/conf-enabled/zz.conf", "Include mods-available/ssl.conf\n");
        ApacheConfig c = read();
        assertThat(c.loaded("ssl_module")).isFalse();
        assertThat(c.lookup("SSLProtocol").get(0).setting().value()).isNull();
        enableSsl();
        Files.delete(root.resolve("etc/apache2/conf-enabled/zz.conf"));
        write(root, "/etc/apache2/mods-available/ssl.conf", "# nothing set\n");
        ApacheConfig loaded = read();
        assertThat(loaded.loaded("mod_ssl.c")).isTrue();
        Scoped def = loaded.lookup("SSLProtocol").get(0);
        assertThat(def.setting().isDefault()).isTrue();
        assertThat(def.setting().value()).isEqualTo("all -SSLv3");
    }

    @Test
    void aVirtualHostInheritsTheServerValueUnlessItSetsItsOwn() throws Exception {
        debianLayout("<IfModule mod_ssl.c>\n\tSSLProtocol all -SSLv3\n</IfModule>\n");
        enableSsl();
        write(root, "/etc/apache2/sites-enabled/a.conf", """
                <VirtualHost *:443>
                    ServerName a.example.gov.vn
                    SSLProtocol -all +TLSv1.2
                    <Directory /srv/a>
                        Options -Indexes
                    </Directory>
                </VirtualHost>
                <VirtualHost *:8443>
                    ServerName b.example.gov.vn
                </VirtualHost>
                """);
        ApacheConfig c = read();
        List<Scoped> ssl = c.lookup("SSLProtocol");
        assertThat(ssl).extracting(s -> s.setting().value()).containsExactly("all -SSLv3", "-all +TLSv1.2");
        assertThat(ssl.get(1).scope()).isEqualTo("<VirtualHost *:443> (/etc/apache2/sites-enabled/a.conf:1)");
        List<Scoped> options = c.lookup("Options");
        assertThat(options).extracting(s -> s.setting().value()).containsExactly("FollowSymlinks", "Indexes FollowSymLinks",
                "-Indexes");
        assertThat(options.get(1).scope()).startsWith("<Directory /var/www/>");
        assertThat(options.get(2).scope()).startsWith("<VirtualHost *:443>").contains("<Directory /srv/a>");
    }

    @Test
    void theLastOccurrenceInAScopeWinsAndTheEarlierOnesAreKept() throws Exception {
        write(root, "/etc/httpd/conf/httpd.conf", "ServerRoot \"/etc/httpd\"\nServerTokens Full\nInclude conf.d/*.conf\n");
        write(root, "/etc/httpd/conf.d/hardening.conf", "ServerTokens Prod\n");
        ApacheConfig c = read();
        Scoped s = c.lookup("ServerTokens").get(0);
        assertThat(s.setting().value()).isEqualTo("Prod");
        assertThat(s.setting().ignored()).extracting(d -> d.origin()).containsExactly("/etc/httpd/conf/httpd.conf:2");
        assertThat(c.mainFile()).isEqualTo("/etc/httpd/conf/httpd.conf");
    }

    @Test
    void anIncludeCannotLeaveTheRoot() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("evil.conf"), "ServerTokens Full\n");
        write(root, "/etc/apache2/apache2.conf", "ServerTokens Prod\nInclude ../../../../../.." + outside + "/evil.conf\n");
        ApacheConfig c = read();
        assertThat(c.lookup("ServerTokens").get(0).setting().value()).isEqualTo("Prod");
        assertThat(c.problems()).singleElement().extracting(ConfigProblem::message).asString()
                .contains("Could not open configuration file").contains("No such file");
    }
}
