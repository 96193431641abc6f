package chuan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigFormat;
import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig;
import chuan.config.SystemRoot;
import chuan.config.check.ConfigControl;
import chuan.config.check.ConfigFormats;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every configuration reader, given a system root that holds the fuzzed bytes as its program's main
 * file and, after a scissors line ({@link TwoFiles}), as the file it includes or the second file a
 * control reads. The root also holds links out of it (relative, absolute, and one inside the
 * drop-in folder) to a file whose token must never be read; as the links' targets do not exist
 * inside the root, a reader or an audit that lists a link among the files it read went outside.
 *
 * <p>Each input is read twice: by the reader itself, which must not throw, must list only files
 * inside the root, must say where each problem is, and must answer every key a built-in control asks
 * (never with nothing, where its contract says a default applies); and by a whole audit with the
 * profiles that read the format, which must end with a report where a configuration that could not be
 * read has no passing result and nothing from outside the root appears.
 *
 * <p>Dictionary entries hold no line breaks: Jazzer 0.30 writes them unescaped into libFuzzer's
 * dictionary file, which then fails to parse.
 */
class ConfigReaderFuzzTest {

    /** Where a format's files go in the root, and the profiles that audit it. */
    record Layout(ConfigFormat format, String main, String second, String dropInLink, List<String> profiles) {
    }

    private static ConfigFormat format(String label) {
        return ConfigFormats.builtIn().byLabel(label).orElseThrow();
    }

    private static final String FILE_FORMATS = Promises.resource("file-formats.yaml").toString();
    private static final ProfileRegistry REGISTRY = new ProfileRegistry(new ProfileLoader(Promises.CATALOG));

    @FuzzTest
    @DictionaryEntries({"--8<--", "Include ", "Match ", "/etc/ssh/sshd_config.d/*.conf", "/etc/host-rel", "/etc/host-abs"})
    void sshd(byte[] data) throws Exception {
        check(new Layout(format("sshd"), "/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/fuzz.conf",
                "/etc/ssh/sshd_config.d/zz-host.conf", List.of("ssh", "vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "include ", "server {", "http {", "}", ";", "/etc/nginx/conf.d/*.conf", "/etc/host-rel"})
    void nginx(byte[] data) throws Exception {
        check(new Layout(format("nginx"), "/etc/nginx/nginx.conf", "/etc/nginx/conf.d/fuzz.conf",
                "/etc/nginx/sites-enabled/host", List.of("nginx", "vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "IncludeOptional ", "Include ", "<IfModule ", "<VirtualHost *:443>", "</VirtualHost>",
            "conf-enabled/*.conf", "/etc/host-rel"})
    void apache(byte[] data) throws Exception {
        check(new Layout(format("apache"), "/etc/apache2/apache2.conf", "/etc/apache2/conf-enabled/fuzz.conf",
                "/etc/apache2/sites-enabled/zz-host.conf", List.of("apache", "vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "net.ipv4.", "kernel.", "-", "*", "="})
    void sysctl(byte[] data) throws Exception {
        check(new Layout(format("sysctl"), "/etc/sysctl.conf", "/etc/sysctl.d/fuzz.conf", "/etc/sysctl.d/zz-host.conf",
                List.of("kernel", "vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "PASS_MAX_DAYS", "UMASK", "ENCRYPT_METHOD", "INACTIVE="})
    void loginDefs(byte[] data) throws Exception {
        check(new Layout(format("login.defs"), "/etc/login.defs", "/etc/default/useradd", "/etc/default/host",
                List.of("linux-accounts", "vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "@include common-auth", "password", "requisite", "pam_pwquality.so", "pam_unix.so",
            "[success=1 default=ignore]", "minlen=", "remember="})
    void pam(byte[] data) throws Exception {
        check(new Layout(format("pam"), "/etc/pam.d/common-password", "/etc/pam.d/common-auth",
                "/etc/security/pwquality.conf.d/zz-host.conf", List.of("linux-accounts", "vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "[Journal]", "Storage=", "SystemMaxUse="})
    void journald(byte[] data) throws Exception {
        check(new Layout(format("journald"), "/etc/systemd/journald.conf", "/etc/systemd/journald.conf.d/fuzz.conf",
                "/etc/systemd/journald.conf.d/zz-host.conf", List.of("vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "include /etc/logrotate.d", "{", "}", "rotate ", "weekly", "/var/log/*.log"})
    void logrotate(byte[] data) throws Exception {
        check(new Layout(format("logrotate"), "/etc/logrotate.conf", "/etc/logrotate.d/fuzz", "/etc/logrotate.d/zz-host",
                List.of("vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "confdir /etc/chrony/conf.d", "sourcedir ", "include ", "server ", "pool ", "iburst"})
    void ntp(byte[] data) throws Exception {
        check(new Layout(format("ntp"), "/etc/chrony/chrony.conf", "/etc/chrony/conf.d/fuzz.conf",
                "/etc/chrony/conf.d/zz-host.conf", List.of("vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "TMOUT=", "readonly TMOUT", "export ", "umask "})
    void shell(byte[] data) throws Exception {
        check(new Layout(format("shell"), "/etc/profile", "/etc/profile.d/fuzz.sh", "/etc/profile.d/zz-host.sh",
                List.of("vn.security-baseline")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "spring.datasource.password=", "debug=true", "\\", "management.endpoints.web.exposure.include"})
    void properties(byte[] data) throws Exception {
        check(new Layout(format("properties"), "/opt/app/application.properties", "/opt/app/application-prod.properties",
                "/opt/app/application-host.properties", List.of("spring-app", FILE_FORMATS)), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "---", "spring:", "  datasource:", "    password: ", "&a", "*a", "!!binary", "- "})
    void yaml(byte[] data) throws Exception {
        check(new Layout(format("yaml"), "/opt/app/application.yml", "/opt/app/application-prod.yml",
                "/opt/app/application-host.yml", List.of("spring-app")), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "{\"server\": {\"ssl\": {\"enabled\": ", "\"hosts\": [", "true", "null"})
    void json(byte[] data) throws Exception {
        check(new Layout(format("json"), "/etc/app/app.json", "/etc/app/second.json", "/etc/app/zz-host.json",
                List.of(FILE_FORMATS)), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "[server]", "port=", "; ", "# "})
    void ini(byte[] data) throws Exception {
        check(new Layout(format("ini"), "/etc/app/app.ini", "/etc/app/second.ini", "/etc/app/zz-host.ini",
                List.of(FILE_FORMATS)), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "export ", "DB_PASSWORD=", "\"", "'", "INACTIVE="})
    void env(byte[] data) throws Exception {
        check(new Layout(format("env"), "/etc/app/app.env", "/etc/app/second.env", "/etc/app/zz-host.env",
                List.of(FILE_FORMATS)), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "<Server>", "<Connector SSLEnabled=\"true\" sslProtocols=\"TLSv1.2\"/>", "<!DOCTYPE",
            "<!ENTITY", "SYSTEM \"file:///etc/host-abs\"", "xi:include", "<![CDATA["})
    void xml(byte[] data) throws Exception {
        check(new Layout(format("xml"), "/etc/tomcat10/server.xml", "/etc/tomcat10/web.xml", "/etc/tomcat10/zz-host.xml",
                List.of("tomcat")), data);
        check(new Layout(format("xml"), "/etc/app/app.xml", "/etc/app/second.xml", "/etc/app/zz-host.xml",
                List.of(FILE_FORMATS)), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "telnet ", "rsh ", "#"})
    void lines(byte[] data) throws Exception {
        check(new Layout(format("lines"), "/etc/app/app.lines", "/etc/app/second.lines", "/etc/app/zz-host.lines",
                List.of(FILE_FORMATS)), data);
    }

    @FuzzTest
    @DictionaryEntries({"--8<--", "-----BEGIN OPENSSH PRIVATE KEY-----", "ghp_", "AKIA", "postgres://u:p@h/db",
            "password=", "eyJhbGciOi"})
    void secrets(byte[] data) throws Exception {
        check(new Layout(format("secrets"), "/etc/app/secrets.conf", "/opt/app/.env", "/srv/zz-host.conf",
                List.of("secrets")), data);
    }

    private static void check(Layout layout, byte[] data) throws Exception {
        Path root = Scratch.fresh();
        try {
            TwoFiles input = TwoFiles.split(data);
            Scratch.write(root, layout.main(), input.main());
            if (input.second() != null) {
                Scratch.write(root, layout.second(), input.second());
            }
            // the ways out of the root a configuration could take: every one must stay inside
            Scratch.link(root, "/etc/host-rel", "../../outside/host.conf");
            Scratch.link(root, "/etc/host-abs", Scratch.outsideFile().toString());
            Scratch.link(root, layout.dropInLink(), Scratch.outsideFile().toString());
            boolean canaryCheck = !Scratch.mentionsCanary(data);

            readerKeepsItsContract(layout, root, canaryCheck);
            Promises.Run run = Promises.audit(List.of(root), layout.profiles());
            Promises.neverAPassOnWhatWasNotRead(run);
            // the links' targets do not exist inside the root: a file read through one came from outside
            for (Promises.Finished f : run.targets()) {
                assertThat(f.target().sources() == null ? List.<String>of() : f.target().sources())
                        .as("files read by the audit").noneMatch(src -> isLinkOut(layout, src));
            }
            if (canaryCheck) {
                Promises.nothingReadFromOutside(run.report());
            }
        } finally {
            Scratch.delete(root);
        }
    }

    private static void readerKeepsItsContract(Layout layout, Path rootDir, boolean canaryCheck) throws Exception {
        SystemRoot root = new SystemRoot(rootDir);
        List<String> files = layout.format().readsNamedFiles() ? List.of(layout.main(), layout.second()) : List.of(layout.main());
        Set<String> keys = keysAsked(layout);
        for (String file : files) {
            EffectiveConfig config = layout.format().read(root, file);
            for (String read : config.filesRead()) {
                assertThat(read).as("files read are system paths inside the root").startsWith("/").doesNotContain(Scratch.CANARY);
                assertThat(isLinkOut(layout, read)).as("%s was read through a link out of the root", read).isFalse();
            }
            for (ConfigProblem p : config.problems()) {
                assertThat(p.file()).as("problem without a file: %s", p).isNotBlank();
                assertThat(p.message()).as("problem without a message: %s", p).isNotBlank();
            }
            for (String key : keys) {
                List<EffectiveConfig.Scoped> scopes = config.lookup(key);
                if (!mayBeEmpty(layout.format())) {
                    assertThat(scopes).as("%s %s: a key set nowhere still has its default scope", layout.format(), key).isNotEmpty();
                }
                for (EffectiveConfig.Scoped s : scopes) {
                    assertThat(s.setting()).as("%s %s: scope without a setting", layout.format(), key).isNotNull();
                    if (canaryCheck && s.setting().value() != null) {
                        assertThat(s.setting().value()).as("a value read from outside the root").doesNotContain(Scratch.CANARY);
                    }
                }
            }
        }
    }

    /** Whether a file named in a report (a system path, or shown under the root) is one of the links out of the root. */
    private static boolean isLinkOut(Layout layout, String file) {
        return file.endsWith("/etc/host-rel") || file.endsWith("/etc/host-abs") || file.endsWith(layout.dropInLink());
    }

    /**
     * Keys that exist only where something is written may have no scope: secrets found, lines
     * matched, XPath node sets, and logrotate's per-log keys when no stanza rotates those logs.
     */
    private static boolean mayBeEmpty(ConfigFormat format) {
        return List.of("secrets", "lines", "xml", "logrotate").contains(format.label());
    }

    private static final java.util.Map<Layout, Set<String>> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every key the layout's profiles ask of its format. */
    private static Set<String> keysAsked(Layout layout) throws Exception {
        Set<String> cached = KEYS.get(layout);
        if (cached != null) {
            return cached;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Profile p : profiles(layout.profiles())) {
            for (ConfigControl c : p.config().controls()) {
                if (c.format() == layout.format()) {
                    keys.add(c.key());
                }
            }
        }
        KEYS.put(layout, keys);
        return keys;
    }

    private static List<Profile> profiles(List<String> selectors) throws Exception {
        List<Profile> out = new ArrayList<>();
        for (String s : selectors) {
            out.add(REGISTRY.resolve(s, List.of()));
        }
        return out;
    }
}
