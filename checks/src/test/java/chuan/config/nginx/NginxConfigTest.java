package chuan.config.nginx;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.InstalledVersions;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nginx's configuration tree and directive inheritance, read from a system root. */
class NginxConfigTest {

    @TempDir
    Path root;

    private NginxConfig read() throws Exception {
        return NginxConfig.read(new SystemRoot(root));
    }

    private NginxConfig read(String version) throws Exception {
        SystemRoot system = new SystemRoot(root);
        return NginxConfig.read(system, InstalledVersions.read(system, Map.of("nginx", version)));
    }

    private List<String> problems(NginxConfig c) {
        return c.problems().stream().map(ConfigProblem::oneLine).toList();
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
                    listen 80;
                    server_name "dichvucong.example.gov.vn";
                    ssl_protocols TLSv1.3;
                    location /api/ { proxy_pass http://127.0.0.1:8080; }
                }
                """);
        write(root, "/etc/nginx/sites-enabled/a-default", """
                server {
                    listen 80 default_server;
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
    void sslProtocolsWrittenTwiceInOneBlockEnableWhatEitherNames() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    server {
                        ssl_protocols TLSv1.2;
                        ssl_protocols tlsv1 TLSv1.2;
                    }
                }
                """);
        NginxConfig c = read("1.22.1");
        assertThat(c.problems()).isEmpty(); // nginx only warns: duplicate value "TLSv1.2"
        EffectiveConfig.Scoped s = c.lookup("ssl_protocols").get(0);
        assertThat(s.setting().value()).isEqualTo("TLSv1 TLSv1.2");
        assertThat(s.setting().origin()).isEqualTo("/etc/nginx/nginx.conf:4");
        assertThat(s.note()).contains("/etc/nginx/nginx.conf:4, /etc/nginx/nginx.conf:5").contains("enables every protocol");
    }

    @Test
    void aDirectiveNginxSetsOncePerBlockIsRefusedWhenRepeated() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    server {
                        ssl_ciphers HIGH:!aNULL;
                        ssl_ciphers HIGH;
                        root /srv/a;
                        alias /srv/b;
                    }
                    server_tokens off;
                    server_tokens off;
                }
                """);
        assertThat(problems(read())).containsExactly(
                "/etc/nginx/nginx.conf:5: \"ssl_ciphers\" directive is duplicate (nginx would not start)",
                "/etc/nginx/nginx.conf:7: \"alias\" directive is not allowed here (nginx would not start)",
                "/etc/nginx/nginx.conf:10: \"server_tokens\" directive is duplicate (nginx would not start)");
    }

    @Test
    void rootAndAliasInOneLocationAreOneSettingTwice() throws Exception {
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp { server { location / {\n root /a;\n alias /b;\n } } }\n");
        assertThat(problems(read())).containsExactly("/etc/nginx/nginx.conf:4: \"alias\" directive is duplicate, \"root\" "
                + "directive was specified earlier (nginx would not start)");
    }

    @Test
    void theTokenizerReadsWhatNginxReads() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    server {
                        location /v { return 200 ${uri}x; }
                        location ~ ^/a\\{2\\}\\;$ { return 204; }
                        location /q { add_header "a\\"b\\n" 'c\\d'; }
                        location /h { return 200 a#b}; }
                        location /i { if ($http_x = "y") { return 403; } }
                    }
                }
                """);
        NginxConfig c = read();
        assertThat(c.problems()).isEmpty();
        List<NginxConfig.Block> locations = c.servers().get(0).children();
        assertThat(locations.get(0).directives().get(0).value()).isEqualTo("200 ${uri}x");
        assertThat(locations.get(1).args()).isEqualTo("~ ^/a\\{2\\}\\;$");
        assertThat(locations.get(2).directives().get(0).value()).isEqualTo("a\"b\n c\\d");
        assertThat(locations.get(3).directives().get(0).value()).isEqualTo("200 a#b}");
        assertThat(locations.get(4).children().get(0).args()).isEqualTo("($http_x = y )");
    }

    @Test
    void anUnquotedBraceInARegexOpensTheBlockAsItDoesForNginx() throws Exception {
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp {\n server {\n  location ~ ^/a{2}$ { return 204; }\n }\n}\n");
        // nginx stops there; chuan reads on, so later complaints follow from the same brace
        assertThat(problems(read()).get(0)).isEqualTo("/etc/nginx/nginx.conf:4: unknown directive \"2}$\" (nginx would not start)");
    }

    @Test
    void whatTheTokenizerRefusesIsRefusedAtNginxsLine() throws Exception {
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp {\n    server {\n        listen 80;\n    };\n}\n");
        write(root, "/etc/nginx/quote.conf", "x \"a\"b;\n");
        write(root, "/etc/nginx/long.conf", "server_tokens " + "a".repeat(NginxLexer.BUFFER) + ";\n");
        write(root, "/etc/nginx/fits.conf", "server_tokens \"" + "a".repeat(NginxLexer.BUFFER - 2) + "\";\n");
        write(root, "/etc/nginx/comment.conf", "#" + "a".repeat(NginxLexer.BUFFER) + "\n");
        assertThat(problems(read())).containsExactly("/etc/nginx/nginx.conf:5: unexpected \";\" (nginx would not start)");
        // what nginx 1.22 says of each: a word or a comment of 4096 characters is longer than its buffer
        write(root, "/etc/nginx/nginx.conf", "events {}\ninclude quote.conf;\ninclude long.conf;\ninclude fits.conf;\n"
                + "include comment.conf;\nhttp {\n server {\n  listen 80\n }\n");
        assertThat(problems(read())).containsExactly(
                "/etc/nginx/quote.conf:1: unexpected \"b\" (nginx would not start)",
                "/etc/nginx/long.conf:1: too long parameter \"aaaaaaaaaa...\" started (nginx would not start)",
                "/etc/nginx/fits.conf:1: \"server_tokens\" directive is not allowed here (nginx would not start)",
                "/etc/nginx/comment.conf:1: too long parameter \"#aaaaaaaaa...\" started (nginx would not start)",
                "/etc/nginx/nginx.conf:9: unexpected \"}\" (nginx would not start)");
    }

    @Test
    void aMissingIncludeIsRefusedAndAWildcardMatchingNothingIsNot() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    include /etc/nginx/nothing/*.conf;
                    include /etc/nginx/missing.conf;
                    include sites/*;
                }
                """);
        write(root, "/etc/nginx/sites/.hidden", "server { listen 81; }\n");
        write(root, "/etc/nginx/sites/site", "server { listen 80; }\n");
        NginxConfig c = read();
        assertThat(problems(c)).containsExactly("/etc/nginx/nginx.conf:4: open() \"/etc/nginx/missing.conf\" failed "
                + "(2: No such file or directory) (nginx would not start)");
        assertThat(c.problems().get(0).malformed()).isTrue();
        assertThat(c.filesNamed()).containsExactly("/etc/nginx/nginx.conf", "/etc/nginx/sites/site");
    }

    @Test
    void filesAreListedOnceEachInNginxsNamingAndOrder() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                include inc.conf;
                include inc.conf;
                events {}
                http {
                    map $args $x { default 0; include map.conf; include map.conf; }
                    types { include extra.types; }
                    include sites-enabled/*;
                }
                """);
        write(root, "/etc/nginx/inc.conf", "include inc2.conf;");
        write(root, "/etc/nginx/inc2.conf", "#inc2.conf");
        write(root, "/etc/nginx/map.conf", "a 1;\n");
        write(root, "/etc/nginx/extra.types", "text/x-a a;\n");
        write(root, "/etc/nginx/sites-available/b", "server { listen 80; }\n");
        Files.createDirectories(root.resolve("etc/nginx/sites-enabled"));
        Files.createSymbolicLink(root.resolve("etc/nginx/sites-enabled/b"), Path.of("/etc/nginx/sites-available/b"));
        NginxConfig c = read();
        assertThat(c.problems()).isEmpty();
        assertThat(c.filesNamed()).containsExactly("/etc/nginx/nginx.conf", "/etc/nginx/inc.conf", "/etc/nginx/inc2.conf",
                "/etc/nginx/map.conf", "/etc/nginx/extra.types", "/etc/nginx/sites-enabled/b");
        assertThat(c.servers().get(0).start().origin()).isEqualTo("/etc/nginx/sites-available/b:1"); // the file to edit
    }

    @Test
    void aDirectiveOutOfPlaceOrUnknownOrWithAValueNginxRejectsIsRefused() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    gzip yes;
                    server_tokens false;
                    ssl_protocols TLSv1.2 TLSv1.4;
                    server {
                        ssl_protocol TLSv1.2;
                        listen;
                        location / {
                            ssl_protocols TLSv1.2;
                        }
                    }
                }
                """);
        assertThat(problems(read())).containsExactly(
                "/etc/nginx/nginx.conf:3: invalid value \"yes\" in \"gzip\" directive, it must be \"on\" or \"off\" (nginx would not start)",
                "/etc/nginx/nginx.conf:4: invalid value \"false\" (nginx would not start)",
                "/etc/nginx/nginx.conf:5: invalid value \"TLSv1.4\" (nginx would not start)",
                "/etc/nginx/nginx.conf:7: unknown directive \"ssl_protocol\" (nginx would not start)",
                "/etc/nginx/nginx.conf:8: invalid number of arguments in \"listen\" directive (nginx would not start)",
                "/etc/nginx/nginx.conf:10: \"ssl_protocols\" directive is not allowed here (nginx would not start)");
    }

    @Test
    void twoHttpBlocksOrNoEventsBlockAreRefused() throws Exception {
        write(root, "/etc/nginx/nginx.conf", "http {\n}\ninclude extra.conf;\n");
        write(root, "/etc/nginx/extra.conf", "http {\n}\n");
        assertThat(problems(read())).containsExactly(
                "/etc/nginx/extra.conf:1: \"http\" directive is duplicate (nginx would not start)",
                "/etc/nginx/nginx.conf: no \"events\" section in configuration (nginx would not start)");
    }

    @Test
    void aModuleNginxDoesNotShipTurnsOffTheUnknownDirectiveCheckFromWhereItIsLoaded() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http { more_set_headers "Server: x"; }
                load_module modules/ngx_http_headers_more_filter_module.so;
                load_module modules/ngx_http_geoip_module.so;
                http { more_clear_headers Server; }
                """);
        assertThat(problems(read())).containsExactly(
                "/etc/nginx/nginx.conf:2: unknown directive \"more_set_headers\" (nginx would not start)",
                "/etc/nginx/nginx.conf:5: \"http\" directive is duplicate (nginx would not start)");
    }

    @Test
    void blocksWhoseContentsAreNotDirectivesAreNotCheckedAsDirectives() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    map $uri $bucket { default 0; "~^/a{2}" 1; hostnames; }
                    geo $office { default 0; 10.0.0.0/8 1; }
                    split_clients "${remote_addr}AAA" $variant { 50% a; * b; }
                    types { text/html html; nonsense; }
                }
                """);
        assertThat(read().problems()).isEmpty();
    }

    @Test
    void unsetKeysShowTheDefaultOfTheInstalledVersionAndSayWhy() throws Exception {
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp { server { listen 80; } }\n");
        write(root, "/var/lib/dpkg/status", """
                Package: nginx-common
                Status: install ok installed
                Version: 1.22.1-9+deb12u9

                Package: nginx
                Status: install ok installed
                Version: 1.22.1-9+deb12u9
                """);
        NginxConfig c = read();
        EffectiveConfig.Scoped protocols = c.lookup("ssl_protocols").get(0);
        assertThat(protocols.setting().isDefault()).isTrue();
        assertThat(protocols.setting().value()).isEqualTo("TLSv1 TLSv1.1 TLSv1.2");
        assertThat(protocols.note()).isEqualTo("the default of nginx 1.22.1-9+deb12u9 from /var/lib/dpkg/status (package nginx)");
        assertThat(c.lookup("ssl_ciphers").get(0).setting().value()).isEqualTo("HIGH:!aNULL:!MD5");
        assertThat(c.lookup("server_tokens").get(0).setting().value()).isEqualTo("on");
        assertThat(read("1.24.0").lookup("ssl_protocols").get(0).setting().value()).isEqualTo("TLSv1 TLSv1.1 TLSv1.2 TLSv1.3");
        assertThat(read("1.28.0").lookup("ssl_protocols").get(0).setting().value()).isEqualTo("TLSv1.2 TLSv1.3");
        Files.delete(root.resolve("var/lib/dpkg/status"));
        EffectiveConfig.Scoped unknown = read().lookup("ssl_protocols").get(0);
        assertThat(unknown.setting().value()).isEqualTo("TLSv1 TLSv1.1 TLSv1.2 TLSv1.3");
        assertThat(unknown.note()).startsWith("nginx version unknown");
        assertThat(read().servers().get(0).effective("no_such_directive")).isEmpty();
    }

    @Test
    void aDirectiveOfAnotherModuleHasNoValueInAStreamServer() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                load_module modules/ngx_stream_module.so;
                events {}
                stream {
                    ssl_protocols TLSv1.3;
                    server { listen 12345; }
                }
                """);
        NginxConfig c = read("1.22.1");
        assertThat(c.problems()).isEmpty();
        NginxConfig.Block server = c.servers().get(0);
        assertThat(server.module()).isEqualTo("stream");
        assertThat(server.effective("ssl_protocols").orElseThrow().value()).isEqualTo("TLSv1.3");
        assertThat(server.effective("server_tokens")).isEmpty();
    }

    @Test
    void aTlsListenerNeedsACertificateForItsDefaultServer() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    server { listen 443 ssl; server_name a; }
                    server { listen 8443 ssl; listen 80 default_server; }
                    server { listen 80 default_server; }
                }
                """);
        assertThat(problems(read("1.22.1"))).containsExactly(
                "/etc/nginx/nginx.conf:5: a duplicate default server for 0.0.0.0:80 (nginx would not start)",
                "/etc/nginx/nginx.conf:3: no \"ssl_certificate\" is defined for the \"listen ... ssl\" directive in "
                        + "/etc/nginx/nginx.conf:3 (nginx would not start)",
                "/etc/nginx/nginx.conf:4: no \"ssl_certificate\" is defined for the \"listen ... ssl\" directive in "
                        + "/etc/nginx/nginx.conf:4 (nginx would not start)");
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    ssl_certificate /etc/ssl/a.pem;
                    ssl_certificate_key /etc/ssl/a.key;
                    server { listen 443 ssl; }
                }
                """);
        assertThat(read("1.22.1").problems()).isEmpty();
    }

    @Test
    void theUserAndGroupMustExistWhenTheRootSaysWhichExist() throws Exception {
        write(root, "/etc/nginx/nginx.conf", "user www;\nevents {}\n");
        assertThat(read().problems()).isEmpty(); // no /etc/passwd in the root: nothing to tell
        write(root, "/etc/passwd", "root:x:0:0::/root:/bin/sh\nwww-data:x:33:33::/var/www:/usr/sbin/nologin\n");
        write(root, "/etc/group", "root:x:0:\nwww-data:x:33:\n");
        assertThat(problems(read())).containsExactly("/etc/nginx/nginx.conf:1: getpwnam(\"www\") failed (nginx would not start)");
        write(root, "/etc/nginx/nginx.conf", "user www-data nginx;\nevents {}\n");
        assertThat(problems(read())).containsExactly("/etc/nginx/nginx.conf:1: getgrnam(\"nginx\") failed (nginx would not start)");
    }

    @Test
    void anAccessLogNamesAFormatDefinedBeforeIt() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    access_log /var/log/nginx/a.log main;
                    log_format main '$remote_addr';
                    log_format combined '$remote_addr';
                    server { access_log /var/log/nginx/b.log MAIN; access_log off; access_log /var/log/nginx/c.log; }
                }
                """);
        assertThat(problems(read())).containsExactly(
                "/etc/nginx/nginx.conf:3: unknown log format \"main\" (nginx would not start)",
                "/etc/nginx/nginx.conf:5: duplicate \"log_format\" name \"combined\" (nginx would not start)");
    }

    @Test
    void aVariableNothingDefinesIsRefusedWhereverItIsUsed() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    map $uri $bucket { default 0; }
                    geo $office { default 0; }
                    log_format main '$remote_addr $bucket';
                    server {
                        set $a 1;
                        location ~ ^/(?<slug>\\w+)$ { return 200 "$slug $a $bucket $office $http_x_custom $arg_q $1 ${uri}$"; }
                        location ~ \\.php$ { if ($request_uri ~ ^/x$) { return 403; } }
                        location /x { root /srv/${ProjectBase}/$later; }
                        set $later 2;
                    }
                }
                """);
        assertThat(problems(read("1.22.1"))).containsExactly(
                "/etc/nginx/nginx.conf:10: unknown \"projectbase\" variable (nginx would not start)");
        // a module nginx does not ship may define any variable
        write(root, "/etc/nginx/nginx.conf", "load_module modules/ndk_http_module.so;\nevents {}\n"
                + "http { server { root /srv/$projectbase; } }\n");
        assertThat(read("1.22.1").problems()).isEmpty();
    }

    @Test
    void defininingOneOfNginxsOwnVariablesIsADuplicateUnlessItIsChangeable() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    map $scheme $https { default off; }
                    map $uri $limit_rate { default 0; }
                    server { set $args x; set $http_x_y 1; }
                }
                """);
        assertThat(problems(read("1.22.1"))).containsExactly("/etc/nginx/nginx.conf:3: the duplicate \"https\" variable (nginx would not start)");
    }

    @Test
    void socketOptionsMayBeGivenOncePerAddress() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    server { listen 80 default_server deferred; listen [::]:80 deferred; }
                    server { listen 0.0.0.0:80 backlog=512; listen [::]:80; }
                }
                """);
        assertThat(problems(read("1.22.1"))).containsExactly("/etc/nginx/nginx.conf:4: duplicate listen options for 0.0.0.0:80 (nginx would not start)");
    }

    @Test
    void anImplicitUpstreamNeedsAPortAndAZoneInUseNeedsItsDefinition() throws Exception {
        write(root, "/etc/nginx/nginx.conf", """
                events {}
                http {
                    upstream app { server unix:/run/app.sock; }
                    limit_req_zone $binary_remote_addr zone=one:10m rate=1r/s;
                    server {
                        location /a { fastcgi_pass php; limit_req zone=one; }
                        location /b { fastcgi_pass APP; fastcgi_pass 127.0.0.1:9000; }
                        location /c { limit_req zone=arbeit burst=5; limit_conn addr 10; uwsgi_pass uwsgi://[::1]:3031; }
                        location /d { proxy_cache c1; }
                    }
                }
                """);
        assertThat(problems(read("1.22.1"))).containsExactly(
                "/etc/nginx/nginx.conf:7: \"fastcgi_pass\" directive is duplicate (nginx would not start)",
                "/etc/nginx/nginx.conf:6: no port in upstream \"php\" in /etc/nginx/nginx.conf:6 (nginx would not start)",
                "/etc/nginx/nginx.conf:8: zero size shared memory zone \"arbeit\" (nginx would not start)",
                "/etc/nginx/nginx.conf:8: zero size shared memory zone \"addr\" (nginx would not start)",
                "/etc/nginx/nginx.conf:9: \"proxy_cache\" zone \"c1\" is unknown (nginx would not start)");
    }

    @Test
    void sixtyThousandNestedLocationsAreAnInputErrorNotAStackOverflow() throws Exception {
        int depth = 60_000;
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp {\nserver {\n" + "location /a {\n".repeat(depth) + "}\n".repeat(depth) + "}\n}\n");
        List<ConfigProblem> found = read().problems();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).malformed()).isTrue();
        assertThat(found.get(0).oneLine()).isEqualTo("/etc/nginx/nginx.conf:" + (3 + NginxReader.MAX_BLOCK_DEPTH - 1)
                + ": blocks nested deeper than 10000 (nginx itself overflows its stack near 13,000); not read further (nginx would not start)");
    }

    @Test
    void aLongIncludeChainIsReadAndOneLongerThanNginxCouldOpenIsAnInputError() throws Exception {
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp {\n include chain/0.conf;\n}\n");
        for (int i = 0; i < 100; i++) {
            write(root, "/etc/nginx/chain/" + i + ".conf", i < 99 ? "include chain/" + (i + 1) + ".conf;\n" : "server_tokens off;\n");
        }
        NginxConfig c = read();
        assertThat(c.problems()).isEmpty();
        assertThat(c.lookup("server_tokens").get(0).setting().origin()).isEqualTo("/etc/nginx/chain/99.conf:1");
        for (int i = 99; i <= NginxReader.MAX_INCLUDE_DEPTH; i++) {
            write(root, "/etc/nginx/chain/" + i + ".conf", "include chain/" + (i + 1) + ".conf;\n");
        }
        assertThat(problems(read())).containsExactly("/etc/nginx/chain/998.conf:1: include nested deeper than 1000 files "
                + "(nginx keeps each open: its limit is the open-file limit); not read further (nginx would not start)");
        write(root, "/etc/nginx/chain/5.conf", "include chain/3.conf;\n");
        assertThat(problems(read())).containsExactly("/etc/nginx/chain/5.conf:1: include /etc/nginx/chain/3.conf includes "
                + "itself (loop): nginx recurses until it fails (nginx would not start)");
    }

    @Test
    void includesAndLinksStayInsideTheRoot(@TempDir Path outside) throws Exception {
        Path host = outside.resolve("host.conf");
        Files.writeString(host, "server { listen 8080; }\n");
        write(root, "/etc/nginx/nginx.conf", "events {}\nhttp { include %s; include conf.d/*.conf; }\n".formatted(host));
        Files.createDirectories(root.resolve("etc/nginx/conf.d"));
        Files.createSymbolicLink(root.resolve("etc/nginx/conf.d/link.conf"), host);
        NginxConfig c = read();
        assertThat(c.servers()).isEmpty();
        assertThat(c.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message()).contains("No such file"));
    }
}
