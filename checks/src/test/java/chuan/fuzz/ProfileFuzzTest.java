package chuan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.dataset.DatasetScanner;
import chuan.dataset.ScanOptions;
import chuan.gate.Baseline;
import chuan.gate.Waivers;
import chuan.model.Result;
import chuan.profile.Profile;
import chuan.profile.ProfileException;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileProblem;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user hands chuan besides the inputs: profiles (YAML, and JSON, which YAML reads too),
 * waiver files and baselines, as fuzzed bytes. Each either loads or is refused with a
 * {@link ProfileException} whose every problem names the file (exit 2); nothing else may escape.
 * What loads must then work: a profile scans a small dataset or audits a small system root, waivers
 * and a baseline are applied to a real audit's results, without an exception.
 */
class ProfileFuzzTest {

    private static final ProfileLoader LOADER = new ProfileLoader(Promises.CATALOG);
    private static final DatasetScanner SCANNER = new DatasetScanner(Promises.CATALOG);
    private static final ScanOptions OPTIONS = new ScanOptions(Promises.AS_OF, 20, false, 1);
    /** A small system root (a few files of each kind), for config profiles that load: the whole samples tree is slow to audit. */
    private static final Path SYSTEM = smallSystem();

    @FuzzTest
    @DictionaryEntries({"profile: ", "version: 1.0.0", "title: ", "kind: dataset", "kind: config", "dataset:", "columns:",
            "  - name: ", "type: vn.personal-id", "pattern: ", "unique: true", "json-schema: person.schema.json", "config:",
            "controls:", "format: sshd", "key: ", "expect: {equals: ", "paths: [", "!!binary ", "&a ", "*a", "---"})
    void yamlProfile(byte[] data) throws Exception {
        profile("fuzz.yaml", data);
    }

    @FuzzTest
    @DictionaryEntries({"{\"profile\": ", "\"kind\": \"dataset\"", "\"dataset\": {\"columns\": [", "{\"name\": ", "\"type\": ",
            "\"pattern\": ", "\"json-schema\": \"person.schema.json\"", "\"kind\": \"config\"", "\"config\": {\"controls\": ["})
    void jsonProfile(byte[] data) throws Exception {
        profile("fuzz.json", data);
    }

    @FuzzTest
    @DictionaryEntries({"waivers:", "  - rule: ", "paths: [", "reason: ", "expires: 2026-01-01", "field: ", "owner: ", "!!binary "})
    void waivers(byte[] data) throws Exception {
        Path dir = Scratch.fresh();
        try {
            Path file = Files.write(dir.resolve("waivers.yaml"), data);
            Waivers w;
            try {
                w = Waivers.load(file);
            } catch (ProfileException e) {
                refusedWithProblemsNaming(e, file);
                return;
            }
            for (Promises.Finished f : realResults()) {
                w.apply(f.results(), Promises.AS_OF);
            }
            List<Result> findings = w.findings(Promises.AS_OF, Promises.CATALOG);
            assertThat(findings).as("waiver findings are results").doesNotContainNull();
        } finally {
            Scratch.delete(dir);
        }
    }

    @FuzzTest
    @DictionaryEntries({"{\"schemaVersion\": \"1\", \"findings\": [", "{\"rule\": ", "\"target\": ", "\"field\": ", "\"subject\": ",
            "\"count\": ", "null", "\"asOf\": \"2026-01-01\""})
    void baseline(byte[] data) throws Exception {
        Path dir = Scratch.fresh();
        try {
            Path file = Files.write(dir.resolve("baseline.json"), data);
            Baseline b;
            try {
                b = Baseline.load(file);
            } catch (ProfileException e) {
                refusedWithProblemsNaming(e, file);
                return;
            }
            long total = 0;
            for (Promises.Finished f : realResults()) {
                b.apply(f.results());
            }
            total += b.newViolations() + b.unchanged();
            assertThat(b.fixed()).as("fixed findings are counted, never negative").isGreaterThanOrEqualTo(0);
            assertThat(total).as("violations compared are counted, never negative").isGreaterThanOrEqualTo(0);
        } finally {
            Scratch.delete(dir);
        }
    }

    private static void profile(String name, byte[] data) throws Exception {
        Path dir = Scratch.fresh();
        try {
            Files.copy(Promises.resource("person.schema.json"), dir.resolve("person.schema.json"));
            Path file = Files.write(dir.resolve(name), data);
            Profile p;
            try {
                p = LOADER.load(file);
            } catch (ProfileException e) {
                refusedWithProblemsNaming(e, file);
                return;
            }
            if (p.kind() == Profile.Kind.DATASET) {
                for (String sample : List.of("people.csv", "people.ndjson")) {
                    Path data0 = Files.copy(Promises.resource("data/" + sample), dir.resolve(sample));
                    var o = SCANNER.scan(data0, sample, p, OPTIONS);
                    assertThat(o.results()).as("a profile that loads scans a file").isNotNull();
                }
            } else {
                Promises.Run run = Promises.audit(List.of(SYSTEM), List.of(file.toString()));
                Promises.neverAPassOnWhatWasNotRead(run);
            }
        } finally {
            Scratch.delete(dir);
        }
    }

    /**
     * A refused file is refused with at least one problem, each naming a file: this one, or the file
     * it names that is at fault (a JSON Schema).
     */
    private static void refusedWithProblemsNaming(ProfileException e, Path file) {
        assertThat(e.problems()).as("a refusal of %s says why", file).isNotEmpty();
        for (ProfileProblem p : e.problems()) {
            assertThat(p.file()).as("problem names a file: %s", p).isNotBlank();
            assertThat(p.message()).as("problem says what: %s", p).isNotBlank();
        }
    }

    private static Path smallSystem() {
        try {
            Path root = Scratch.fresh();
            String[][] files = {
                {"/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\nMatch User deploy\n  PasswordAuthentication yes\n"},
                {"/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication yes\n"},
                {"/etc/nginx/nginx.conf", "events {}\nhttp {\n  ssl_protocols TLSv1 TLSv1.2;\n  server { listen 443 ssl; }\n}\n"},
                {"/etc/login.defs", "PASS_MAX_DAYS 99999\nUMASK 022\n"},
                {"/etc/sysctl.conf", "net.ipv4.ip_forward = 1\n"},
                {"/etc/pam.d/common-password", "password requisite pam_pwquality.so retry=3 minlen=8\npassword [success=1 default=ignore] pam_unix.so obscure sha512\n"},
                {"/etc/default/useradd", "INACTIVE=-1\n"},
                {"/opt/app/application.properties", "debug=true\nspring.datasource.password=changeme\n"},
                {"/etc/tomcat10/server.xml", "<Server port=\"8005\"><Connector port=\"8443\" SSLEnabled=\"true\" sslProtocols=\"TLSv1.2\"/></Server>\n"},
            };
            for (String[] f : files) {
                Scratch.write(root, f[0], f[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return root;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Promises.Finished> results;

    /** Results of a real audit with failing examples in datasets and configs, to apply waivers and baselines to. */
    private static synchronized List<Promises.Finished> realResults() throws Exception {
        if (results == null) {
            List<Promises.Finished> all = new ArrayList<>(Promises.audit(List.of(SYSTEM), List.of("ssh", "nginx")).targets());
            Path csv = Promises.resource("data/people.csv");
            all.addAll(Promises.audit(List.of(csv), List.of(Promises.resource("people.yaml").toString())).targets());
            results = List.copyOf(all);
        }
        return results;
    }
}
