package chuan.config.nginx;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveSetting;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nginx's configuration tree and directive inheritance, read from a system root. */
class NginxConfigTest {

    @TempDir
    Path root;

    private NginxConfig read() throws Exception {
        return NginxConfig.read(new SystemRoot(root));
    }

    @Test
    void httpSettingsReachEveryServerUnlessTheServerSetsItsOwn() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                user www-data;
                events { worker_connections 768; }
                http {
                    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;   # old clients
                    include /etc/nginx/conf.d/*.conf;
                    include sites-enabled/*;
                }
                """);
        write(root, "/etc/nginx/conf.d/security.conf", "server_tokens off;\n");
        write(root, "/etc/nginx/sites-enabled/b-portal", """
                server {
                    listen 443 ssl;
                    server_name "dichvucong.example.gov.vn";
                    ssl_protocols TLSv1.3;
                    location /api/ { proxy_pass http://127.0.0.1:8080; }
                }
                """);
        write(root, "/etc/nginx/sites-enabled/a-default", """
                server {
                    listen 443 ssl default_server;
                    location / { autoindex on; }
                }
                """);
        NginxConfig c = read();
        assertThat(c.problems()).isEmpty();
        List<NginxConfig.Block> servers = c.servers();
        assertThat(servers).hasSize(2);
        NginxConfig.Block first = servers.get(0);   // sites-enabled/* in lexical order: a-default first
        EffectiveSetting inherited = first.effective("ssl_protocols").orElseThrow();
        assertThat(inherited.value()).isEqualTo("TLSv1 TLSv1.1 TLSv1.2");
        assertThat(inherited.origin()).isEqualTo("/etc/nginx/nginx.conf:4");
        assertThat(first.effective("server_tokens").orElseThrow().origin()).isEqualTo("/etc/nginx/conf.d/security.conf:1");
        NginxConfig.Block portal = servers.get(1);
        assertThat(portal.effective("ssl_protocols").orElseThrow().value()).isEqualTo("TLSv1.3");
        assertThat(portal.effective("server_name").orElseThrow().value()).isEqualTo("dichvucong.example.gov.vn");
        NginxConfig.Block api = portal.children().get(0);
        assertThat(api.name()).isEqualTo("location");
        assertThat(api.args()).isEqualTo("/api/");
        assertThat(api.effective("ssl_protocols").orElseThrow().origin()).isEqualTo("/etc/nginx/sites-enabled/b-portal:4");
        assertThat(first.children().get(0).effective("autoindex").orElseThrow().value()).isEqualTo("on");
        assertThat(c.filesRead()).containsExactly("/etc/nginx/nginx.conf", "/etc/nginx/conf.d/security.conf",
                "/etc/nginx/sites-enabled/a-default", "/etc/nginx/sites-enabled/b-portal");
    }

    @Test
    void unsetDirectivesTakeNginxDefaults() throws Exception {
        write(root, "/etc/nginx/nginx.conf", "http { server { listen 80; } }\n");
        NginxConfig.Block server = read().servers().get(0);
        EffectiveSetting protocols = server.effective("ssl_protocols").orElseThrow();
        assertThat(protocols.isDefault()).isTrue();
        assertThat(protocols.value()).isEqualTo("TLSv1.2 TLSv1.3");
        assertThat(server.effective("no_such_directive")).isEmpty();
    }

    @Test
    void brokenFilesAndMissingIncludesAreReportedWithTheirLine() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                http {
                    include /etc/nginx/missing.conf;
                    include /etc/nginx/nothing/*.conf;
                    server {
                        listen 80
                }
                """);
        NginxConfig c = read();
        assertThat(c.problems()).extracting(ConfigProblem::oneLine).containsExactly(
                "/etc/nginx/nginx.conf:2: include /etc/nginx/missing.conf: no such file",
                "/etc/nginx/nginx.conf:5: directive \"listen\" has no \";\"; ignored",
                "/etc/nginx/nginx.conf:1: block \"http\" is not closed before the end of the file");
    }

    @Test
    void includesAndLinksStayInsideTheRoot(@TempDir Path outside) throws Exception {
        Path host = outside.resolve("host.conf");
        Files.writeString(host, "server { listen 8080; }\n");
        write(root, "/etc/nginx/nginx.conf", "http { include %s; include conf.d/*.conf; }\n".formatted(host));
        Files.createDirectories(root.resolve("etc/nginx/conf.d"));
        Files.createSymbolicLink(root.resolve("etc/nginx/conf.d/link.conf"), host);
        NginxConfig c = read();
        assertThat(c.servers()).isEmpty();
        assertThat(c.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message()).contains("no such file"));
    }
}
