package chuan.config.apache;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What httpd 2.4 refuses to start on, and what it accepts though it looks wrong: each case the
 * smallest configuration that shows it, checked against apache2ctl -t by the differential suite
 * (scripts/differential/apache.sh, roots h-* under differential/apache).
 */
class ApacheAcceptanceTest {

    private static final String BASE = """
            LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
            LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
            """;
    private static final String SSL = "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n";

    @TempDir
    Path root;

    private ApacheConfig read(String main) throws Exception {
        write(root, "/etc/apache2/apache2.conf", main);
        return ApacheConfig.read(new SystemRoot(root));
    }

    private static String refusal(ApacheConfig c) {
        assertThat(c.problems()).isNotEmpty();
        ConfigProblem first = c.problems().get(0);
        assertThat(first.malformed()).as("an error, never a warning").isTrue();
        return first.oneLine();
    }

    @Test
    void aMissingIncludeStopsTheServerButAMissingIncludeOptionalDoesNot() throws Exception {
        ApacheConfig missing = read(BASE + "Include conf-enabled/site.conf\nTimeout 30\n");
        assertThat(refusal(missing)).isEqualTo("/etc/apache2/apache2.conf:3: Apache would not start: Could not open "
                + "configuration file /etc/apache2/conf-enabled/site.conf: No such file or directory");
        assertThat(missing.lookup("Timeout").get(0).setting().from()).as("httpd stops reading there").isNull();

        write(root, "/etc/apache2/conf.d/readme.txt", "# not a .conf\n");
        assertThat(refusal(read(BASE + "Include conf.d/*.conf\n"))).isEqualTo("/etc/apache2/apache2.conf:3: Apache would "
                + "not start: Include/IncludeOptional: No matches for the wildcard '*.conf' in '/etc/apache2/conf.d', failing");
        assertThat(refusal(read(BASE + "Include nowhere/*.conf\n"))).endsWith(
                "Could not open directory /etc/apache2/nowhere: No such file or directory");

        write(root, "/etc/apache2/conf.d/a.conf", "Timeout 31\n");
        ApacheConfig optional = read(BASE + """
                IncludeOptional missing.conf
                IncludeOptional nowhere/*.conf
                IncludeOptional conf.d/*.nomatch
                IncludeOptional conf.d/*.conf
                """);
        assertThat(optional.problems()).isEmpty();
        assertThat(optional.lookup("Timeout").get(0).setting().value()).isEqualTo("31");
    }

    @Test
    void sslProtocolInADirectoryIsRefusedAtItsLineAndWithoutModSslIsAnInvalidCommand() throws Exception {
        ApacheConfig inDirectory = read(BASE + SSL + """
                SSLProtocol -all +TLSv1.2
                <Directory /var/www>
                    Require all granted
                    SSLProtocol all
                </Directory>
                """);
        assertThat(refusal(inDirectory)).isEqualTo(
                "/etc/apache2/apache2.conf:7: Apache would not start: SSLProtocol not allowed in <Directory> context");
        // the values read are still there, for the findings that do not depend on the refused line
        assertThat(inDirectory.lookup("SSLProtocol").get(0).setting().value()).isEqualTo("-all +TLSv1.2");

        assertThat(refusal(read(BASE + "SSLProtocol -all +TLSv1.2\n"))).isEqualTo("/etc/apache2/apache2.conf:3: Apache would "
                + "not start: Invalid command 'SSLProtocol', perhaps misspelled or defined by a module not included in the "
                + "server configuration");
        // inside <IfModule mod_ssl.c> it is never seen
        assertThat(read(BASE + "<IfModule mod_ssl.c>\n  SSLProtocol all\n</IfModule>\n").problems()).isEmpty();
    }

    @Test
    void anUnclosedIfModuleAtTheEndOfAnIncludedFileIsAcceptedWhenItsModuleIsLoaded() throws Exception {
        write(root, "/etc/apache2/conf.d/tls.conf", "<IfModule ssl_module>\n    SSLProtocol -all +TLSv1.2 +TLSv1.3\n");
        ApacheConfig loaded = read(BASE + SSL + "Include conf.d/tls.conf\nKeepAlive Off\n");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.lookup("SSLProtocol").get(0).setting().origin()).isEqualTo("/etc/apache2/conf.d/tls.conf:2");
        // the section ended with its file: what follows the Include is at the top again
        assertThat(loaded.lookup("KeepAlive").get(0).setting().origin()).isEqualTo("/etc/apache2/apache2.conf:5");

        // not loaded: httpd skips to the matching end, and there is none
        assertThat(refusal(read(BASE + "Include conf.d/tls.conf\n"))).isEqualTo(
                "/etc/apache2/conf.d/tls.conf:1: Apache would not start: Expected </IfModule> before end of configuration");
    }

    @Test
    void scopesMustCloseInTheirFileAndMatch() throws Exception {
        assertThat(refusal(read(BASE + "<VirtualHost *:80>\n    ServerName a.example\n"))).isEqualTo(
                "/etc/apache2/apache2.conf:3: Apache would not start: <VirtualHost> was not closed");
        assertThat(refusal(read(BASE + "<Directory /var/www>\n    Require all granted\n</Location>\n"))).isEqualTo(
                "/etc/apache2/apache2.conf:5: Apache would not start: Expected </Directory> but saw </Location>");
        assertThat(refusal(read(BASE + "</VirtualHost>\n"))).isEqualTo(
                "/etc/apache2/apache2.conf:3: Apache would not start: </VirtualHost> without matching <VirtualHost section");
        // a false <IfModule> is skipped whole, unknown directives and nested sections included
        assertThat(read(BASE + """
                <IfModule security2_module>
                    SecRuleEngine On
                    <Location /admin>
                        NotADirective at all
                    </Location>
                </IfModule>
                """).problems()).isEmpty();
    }

    @Test
    void noMpmAndLoadingABuiltInModuleAreRefused() throws Exception {
        assertThat(refusal(read("Timeout 30\n"))).startsWith("/etc/apache2/apache2.conf: Apache would not start: "
                + "Configuration error: No MPM loaded");
        // Debian's apache2 has log_config built in; Red Hat's httpd loads it from 00-base.conf
        assertThat(refusal(read(BASE + "LoadModule log_config_module /usr/lib/apache2/modules/mod_log_config.so\n")))
                .isEqualTo("/etc/apache2/apache2.conf:3: Apache would not start: module log_config_module is built-in "
                        + "and can't be loaded");
        Files.delete(root.resolve("etc/apache2/apache2.conf"));
        write(root, "/etc/httpd/conf/httpd.conf", BASE + "LoadModule log_config_module modules/mod_log_config.so\n"
                + "LoadModule ssl_module modules/mod_ssl.so\nLoadModule ssl_module modules/mod_ssl.so\n");
        ApacheConfig redHat = ApacheConfig.read(new SystemRoot(root));
        assertThat(redHat.problems()).isEmpty();
        // loaded twice: httpd skips the second; the computed key lists each module once, in load order
        assertThat(redHat.lookup("modules").get(0).setting().value())
                .isEqualTo("mpm_event_module authz_core_module log_config_module ssl_module");
    }

    @Test
    void anIncludeLoopIsFollowedToHttpdsDepthLimitAndALongChainIsNot() throws Exception {
        write(root, "/etc/apache2/conf.d/loop.conf", "Timeout 5\nInclude conf.d/loop.conf\n");
        assertThat(refusal(read(BASE + "Include conf.d/loop.conf\n"))).isEqualTo("/etc/apache2/conf.d/loop.conf:2: Apache "
                + "would not start: Exceeded maximum include depth of 128, There appears to be a recursion.");
        for (int i = 1; i < 40; i++) {
            write(root, "/etc/apache2/chain/" + i + ".conf", "Include chain/" + (i + 1) + ".conf\n");
        }
        write(root, "/etc/apache2/chain/40.conf", "KeepAlive Off\n");
        ApacheConfig chain = read(BASE + "Include chain/1.conf\n");
        assertThat(chain.problems()).isEmpty();
        assertThat(chain.lookup("KeepAlive").get(0).setting().origin()).isEqualTo("/etc/apache2/chain/40.conf:1");
    }

    @Test
    void aFolderIsReadWholeAndAWildcardMayStandInAFolderName() throws Exception {
        write(root, "/etc/apache2/conf.d/a.conf", "Timeout 10\n");
        write(root, "/etc/apache2/conf.d/b.txt", "Timeout 11\n");
        write(root, "/etc/apache2/conf.d/.hidden.conf", "Timeout 12\n");
        write(root, "/etc/apache2/conf.d/sub/c.conf", "Timeout 13\n");
        write(root, "/etc/apache2/extra/x.conf", "Timeout 14\n");
        write(root, "/etc/apache2/extra/.y.conf", "Timeout 15\n");
        write(root, "/etc/apache2/sites-a/one.conf", "Timeout 21\n");
        write(root, "/etc/apache2/sites-file", "Timeout 24\n");
        ApacheConfig c = read(BASE + "Include conf.d\nIncludeOptional extra/*\nInclude /etc/apache2/sites-*/*.conf\n");
        assertThat(c.problems()).isEmpty();
        // byte order: '.' before 'a', and a folder's files in place of its name
        assertThat(c.filesRead()).containsExactly("/etc/apache2/apache2.conf", "/etc/apache2/conf.d/.hidden.conf",
                "/etc/apache2/conf.d/a.conf", "/etc/apache2/conf.d/b.txt", "/etc/apache2/conf.d/sub/c.conf",
                "/etc/apache2/extra/x.conf", "/etc/apache2/sites-a/one.conf");
    }

    @Test
    void ifVersionIfDefineAndVariablesAreDecidedAsHttpdDecidesThem() throws Exception {
        write(root, "/etc/apache2/sites/site.conf", "KeepAlive Off\n");
        write(root, "/etc/apache2/envvars", "export APACHE_LOG_DIR=/var/log/apache2$SUFFIX\n");
        ApacheConfig c = read(BASE + """
                <IfVersion < 2.3>
                    Timeout 1
                </IfVersion>
                <IfVersion >= 2.3>
                    Timeout 2
                </IfVersion>
                Define TLS_STRICT
                Define SITES sites
                <IfDefine !TLS_STRICT>
                    Timeout 3
                </IfDefine>
                Include ${SITES}/*.conf
                ErrorLog ${APACHE_LOG_DIR}/error.log
                CustomLog ${UNDEFINED}/access.log combined
                """);
        assertThat(c.problems()).isEmpty();
        assertThat(c.lookup("Timeout").get(0).setting().value()).isEqualTo("2");
        assertThat(c.lookup("KeepAlive").get(0).setting().origin()).isEqualTo("/etc/apache2/sites/site.conf:1");
        assertThat(c.lookup("ErrorLog").get(0).setting().value()).isEqualTo("/var/log/apache2/error.log");
        assertThat(c.lookup("CustomLog").get(0).setting().value()).isEqualTo("${UNDEFINED}/access.log combined");
    }

    @Test
    void aBackslashJoinsLinesEvenAfterACommentAndALineIsNumberedWhereItEnds() throws Exception {
        ApacheConfig c = read(BASE + SSL + """
                # a comment ending in a backslash \\
                Timeout 99
                SSLPROTOCOL -all \\
                    +TLSv1.2
                """);
        assertThat(c.problems()).isEmpty();
        assertThat(c.lookup("Timeout").get(0).setting().from()).as("swallowed by the comment").isNull();
        assertThat(c.lookup("SSLProtocol").get(0).setting().origin()).isEqualTo("/etc/apache2/apache2.conf:7");
        assertThat(c.lookup("SSLProtocol").get(0).setting().value()).isEqualTo("-all     +TLSv1.2");
    }

    @Test
    void deepNestingIsAnInputErrorAtItsLineNeverACrash() throws Exception {
        int n = 60_000;
        ApacheConfig conditions = read(BASE + "<IfModule authz_core_module>\n".repeat(n) + "Timeout 7\n"
                + "</IfModule>\n".repeat(n));
        assertThat(refusal(conditions)).startsWith("/etc/apache2/apache2.conf:" + (2 + ApacheReader.MAX_NESTING + 1)
                + ": Apache would not start: sections nested deeper than 10000");
        ApacheConfig skipped = read(BASE + "<IfModule nothing_module>\n".repeat(n) + "</IfModule>\n".repeat(n));
        assertThat(refusal(skipped)).contains("sections nested deeper than 10000");
        ApacheConfig scopes = read(BASE + "<If \"true\">\n".repeat(n) + "Timeout 7\n" + "</If>\n".repeat(n));
        assertThat(refusal(scopes)).contains("sections nested deeper than 10000");
        assertThat(scopes.lookup("Timeout")).isNotEmpty();
    }
}
