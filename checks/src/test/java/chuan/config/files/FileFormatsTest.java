package chuan.config.files;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig.Scoped;
import chuan.config.EffectiveConfig;
import chuan.config.SystemRoot;
import chuan.config.check.ConfigFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files read on their own: properties, env, INI, YAML, JSON, XML, lines; each key with its line. */
class FileFormatsTest {

    @TempDir
    Path root;

    private EffectiveConfig read(String format, String path, String text) throws Exception {
        write(root, path, text);
        return ConfigFormats.builtIn().byLabel(format).orElseThrow().read(new SystemRoot(root), path);
    }

    private static String value(EffectiveConfig c, String key) {
        return c.lookup(key).get(0).setting().value();
    }

    private static int line(EffectiveConfig c, String key) {
        return c.lookup(key).get(0).setting().from().line();
    }

    @Test
    void propertiesFollowJavaSyntaxAndTheLastValueWins() throws Exception {
        EffectiveConfig c = read("properties", "/opt/app/application.properties", """
                # comment
                ! also a comment
                debug=true
                server.port : 8443
                spring.datasource.url jdbc:postgresql://db/app
                management.endpoints.web.exposure.include=health,\\
                    info,\\
                    env
                greeting=xin ch\\u00e0o
                debug = false
                """);
        assertThat(value(c, "debug")).isEqualTo("false");
        assertThat(c.lookup("debug").get(0).setting().ignored()).extracting(d -> d.line()).containsExactly(3);
        assertThat(value(c, "server.port")).isEqualTo("8443");
        assertThat(value(c, "spring.datasource.url")).isEqualTo("jdbc:postgresql://db/app");
        assertThat(value(c, "management.endpoints.web.exposure.include")).isEqualTo("health,info,env");
        assertThat(line(c, "management.endpoints.web.exposure.include")).isEqualTo(6);
        assertThat(value(c, "greeting")).isEqualTo("xin chào");
        // Spring's relaxed binding: dashes, underscores and case do not matter
        assertThat(value(c, "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE")).isEqualTo("health,info,env");
        assertThat(value(c, "missing")).isNull();
    }

    @Test
    void envFilesAndIniSections() throws Exception {
        EffectiveConfig env = read("env", "/etc/default/useradd", """
                # INACTIVE=-1
                SHELL=/bin/sh
                export INACTIVE=30
                NAME="a b" # comment
                broken line
                """);
        assertThat(value(env, "INACTIVE")).isEqualTo("30");
        assertThat(line(env, "INACTIVE")).isEqualTo(3);
        assertThat(value(env, "NAME")).isEqualTo("a b");
        assertThat(env.problems()).extracting(ConfigProblem::oneLine).containsExactly("/etc/default/useradd:5: not a KEY=value line");
        EffectiveConfig ini = read("ini", "/etc/php/8.2/fpm/php.ini", """
                ; comment
                [PHP]
                expose_php = On
                display_errors: Off
                [Session]
                session.cookie_secure = "1"
                """);
        assertThat(value(ini, "PHP.expose_php")).isEqualTo("On");
        assertThat(value(ini, "PHP.display_errors")).isEqualTo("Off");
        assertThat(value(ini, "Session.session.cookie_secure")).isEqualTo("1");
        assertThat(line(ini, "Session.session.cookie_secure")).isEqualTo(6);
    }

    @Test
    void yamlAndJsonAreFlattenedTheWaySpringBindsThem() throws Exception {
        EffectiveConfig y = read("yaml", "/srv/app/application.yml", """
                server:
                  port: 8080
                  ssl:
                    enabled: false
                management:
                  endpoints:
                    web:
                      exposure:
                        include:
                          - health
                          - env
                ---
                server:
                  ssl:
                    enabled: true
                """);
        assertThat(value(y, "server.port")).isEqualTo("8080");
        assertThat(value(y, "management.endpoints.web.exposure.include")).isEqualTo("health,env");
        assertThat(value(y, "management.endpoints.web.exposure.include[1]")).isEqualTo("env");
        assertThat(line(y, "management.endpoints.web.exposure.include[1]")).isEqualTo(11);
        assertThat(value(y, "server.ssl.enabled")).isEqualTo("true"); // the later document wins
        assertThat(line(y, "server.ssl.enabled")).isEqualTo(15);
        EffectiveConfig j = read("json", "/srv/app/config.json", "{\n  \"db\": {\"password\": \"x\", \"hosts\": [\"a\", \"b\"]}\n}\n");
        assertThat(value(j, "db.password")).isEqualTo("x");
        assertThat(value(j, "db.hosts")).isEqualTo("a,b");
        assertThat(line(j, "db.password")).isEqualTo(2);
    }

    @Test
    void aSyntaxErrorIsAMalformedFileAtItsLine() throws Exception {
        EffectiveConfig y = read("yaml", "/srv/app/bad.yml", "a: 1\nb: [1, 2\nc: 3\n");
        assertThat(y.problems()).singleElement().satisfies(p -> {
            assertThat(p.malformed()).isTrue();
            assertThat(p.file()).isEqualTo("/srv/app/bad.yml");
            assertThat(p.line()).isGreaterThanOrEqualTo(2);
        });
        EffectiveConfig j = read("json", "/srv/app/bad.json", "{\n  \"a\": 1,\n  \"b\" 2\n}\n");
        assertThat(j.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
        EffectiveConfig x = read("xml", "/etc/tomcat10/server.xml", "<Server>\n  <Service>\n</Server>\n");
        assertThat(x.problems()).singleElement().satisfies(p -> {
            assertThat(p.malformed()).isTrue();
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void xmlIsAskedByXPathWithTheLineOfEachElement() throws Exception {
        EffectiveConfig x = read("xml", "/etc/tomcat10/server.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="8005" shutdown="SHUTDOWN">
                  <Service name="Catalina">
                    <Connector port="8443" protocol="HTTP/1.1" SSLEnabled="true">
                      <SSLHostConfig protocols="TLSv1.2+TLSv1.3"/>
                    </Connector>
                    <Connector port="8009" protocol="AJP/1.3" secretRequired="false"/>
                  </Service>
                </Server>
                """);
        assertThat(value(x, "/Server/@port")).isEqualTo("8005");
        assertThat(line(x, "/Server/@port")).isEqualTo(2);
        assertThat(value(x, "//Connector[starts-with(@protocol, 'AJP')]/@secretRequired")).isEqualTo("false");
        assertThat(line(x, "//Connector[starts-with(@protocol, 'AJP')]/@secretRequired")).isEqualTo(7);
        List<Scoped> ports = x.lookup("//Connector/@port");
        assertThat(ports).extracting(s -> s.setting().value()).containsExactly("8443", "8009");
        assertThat(value(x, "//Valve/@showServerInfo")).isNull(); // nothing selected: the control's default applies
    }

    @Test
    void xmlNeverReadsAnExternalEntityOrDtd() throws Exception {
        Path secret = Files.createTempFile("host-secret", ".txt");
        Files.writeString(secret, "HOST-SECRET");
        EffectiveConfig x = read("xml", "/etc/tomcat10/web.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE web-app [
                  <!ENTITY leak SYSTEM "file://%s">
                ]>
                <web-app><display-name>&leak;</display-name></web-app>
                """.formatted(secret));
        assertThat(x.problems()).isEmpty();
        assertThat(value(x, "//display-name")).doesNotContain("HOST-SECRET");
        EffectiveConfig dtd = read("xml", "/etc/tomcat10/other.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE web-app SYSTEM "http://127.0.0.1:9/never.dtd">
                <web-app><x>1</x></web-app>
                """);
        assertThat(value(dtd, "//x")).isEqualTo("1");
    }

    @Test
    void anEntityExpansionBombIsRefusedAsMalformedNotExpanded() throws Exception {
        StringBuilder dtd = new StringBuilder("<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        EffectiveConfig x = read("xml", "/etc/tomcat10/server.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [\n" + dtd + "]>\n<Server port=\"&l9;\"/>\n");
        assertThat(x.problems()).singleElement().satisfies(p -> assertThat(p.malformed()).isTrue());
        assertThat(x.lookup("/Server/@port")).isEmpty();
    }

    @Test
    void linesAreMatchedOutsideComments() throws Exception {
        EffectiveConfig l = read("lines", "/etc/inetd.conf", """
                #telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.telnetd
                telnet  stream  tcp nowait  root    /usr/sbin/tcpd  /usr/sbin/in.telnetd
                ftp stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.ftpd
                """);
        List<Scoped> hits = l.lookup("^(telnet|shell|login)\\s");
        assertThat(hits).singleElement().satisfies(s -> assertThat(s.setting().from().line()).isEqualTo(2));
    }
}
