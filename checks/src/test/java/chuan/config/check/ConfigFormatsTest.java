package chuan.config.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveView;
import chuan.config.SecretPolicy;
import chuan.util.SchemaEnums;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The registry of config formats is the one list: the schemas' format enums and the docs' table of
 * formats must name exactly its formats, each once; a format added to one and not the others fails here.
 */
class ConfigFormatsTest {

    private static final ConfigFormats REGISTRY = ConfigFormats.builtIn();

    @Test
    void aFormatRegisteredTwiceIsRefused() {
        ConfigFormat sshd = REGISTRY.byLabel("sshd").orElseThrow();
        assertThatThrownBy(() -> new ConfigFormats(List.of(sshd, REGISTRY.byLabel("nginx").orElseThrow(), sshd)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("config format sshd is registered twice");
        assertThat(REGISTRY.labels()).doesNotHaveDuplicates().contains("sshd", "login.defs", "pam", "xml", "secrets");
    }

    @Test
    void theProfileSchemaListsEveryFormatOnce() throws Exception {
        List<String> listed = SchemaEnums.of("profile", "/definitions/control/properties/format/enum");
        assertThat(listed).as("profile.schema.json's control format enum").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(REGISTRY.labels());
    }

    @Test
    void theReportSchemaListsEveryFormatOnceBesideTheDatasetFormats() throws Exception {
        List<String> listed = SchemaEnums.of("report", "/definitions/target/properties/format/enum");
        assertThat(listed).as("report.schema.json's target format enum").doesNotHaveDuplicates().containsAll(REGISTRY.labels());
        // the others are a dataset's formats (as the profile schema lists them), a database server's table (sql) and the
        // waivers file's yaml
        List<String> others = new ArrayList<>(SchemaEnums.of("profile", "/definitions/dataset/properties/format/enum"));
        others.add("sql");
        others.add("yaml");
        List<String> rest = new ArrayList<>(listed);
        rest.removeAll(REGISTRY.labels());
        assertThat(others).containsAll(rest);
    }

    @Test
    void theDocsTableDescribesEveryFormatOnce() throws Exception {
        List<String> documented = documentedFormats(Files.readString(Path.of("../docs/config-audits.md")));
        assertThat(documented).as("docs/config-audits.md, How each format is read").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(REGISTRY.labels());
    }

    @Test
    void whatADescriptorSaysHoldsTogether() {
        for (ConfigFormat f : REGISTRY.all()) {
            assertThat(f.label()).as("label").matches("[a-z][a-z.]*");
            assertThat(f.readsNamedFiles()).as("%s reads named files exactly when it has no main file", f.label())
                    .isEqualTo(f.markers().isEmpty());
            assertThat(!f.readsFilesTogether() || f.readsNamedFiles()).as("%s reads named files together", f.label()).isTrue();
            f.effective().ifPresent(v -> {
                // asked by key without --file, the view reads the program's main file
                assertThat(v.needs() != EffectiveView.Needs.KEY || !f.markers().isEmpty()).as("%s needs a main file", f.label()).isTrue();
                assertThat(v.needs() != EffectiveView.Needs.KEY_AND_FILE || f.readsNamedFiles())
                        .as("%s is given a file only if it reads named files", f.label()).isTrue();
            });
        }
    }

    @Test
    void secretsAreMaskedWhereAValueCanBeOne() {
        // a daemon's password-named keys are settings; a file format's hold the password; the secret scan's values all are
        assertThat(REGISTRY.byLabel("sshd").orElseThrow().secrets().masks("PasswordAuthentication")).isFalse();
        assertThat(REGISTRY.byLabel("pam").orElseThrow().secrets()).isEqualTo(SecretPolicy.SETTINGS);
        assertThat(REGISTRY.byLabel("properties").orElseThrow().secrets().masks("spring.datasource.password")).isTrue();
        assertThat(REGISTRY.byLabel("properties").orElseThrow().secrets().masks("server.port")).isFalse();
        assertThat(REGISTRY.byLabel("secrets").orElseThrow().secrets().masks("private-key")).isTrue();
        assertThat(REGISTRY.byLabel("secrets").orElseThrow().secrets().saysKey()).isFalse();
        for (ConfigFormat f : REGISTRY.all()) {
            assertThat(f.secrets() == SecretPolicy.SETTINGS).as("%s: only a daemon's or PAM's keys are settings", f.label())
                    .isEqualTo(!f.readsNamedFiles() || f.label().equals("pam"));
        }
    }

    @Test
    void keysAreCheckedInTheirFormatsSyntax() {
        assertThat(REGISTRY.byLabel("lines").orElseThrow().keyProblem("^(telnet")).get().asString()
                .startsWith("a lines key is a regular expression (RE2 syntax): ");
        assertThat(REGISTRY.byLabel("lines").orElseThrow().keyProblem("^telnet\\s")).isEmpty();
        assertThat(REGISTRY.byLabel("xml").orElseThrow().keyProblem("count(//Connector)")).isPresent();
        assertThat(REGISTRY.byLabel("xml").orElseThrow().keyProblem("//Connector/@port")).isEmpty();
        assertThat(REGISTRY.byLabel("pam").orElseThrow().keyProblem("pam_faillock.so")).isPresent();
        assertThat(REGISTRY.byLabel("pam").orElseThrow().keyProblem("auth pam_faillock.so deny")).isEmpty();
        assertThat(REGISTRY.byLabel("sshd").orElseThrow().keyProblem("(")).isEmpty();
    }

    /** The formats named in the first column of the table under "How each format is read", in order. */
    static List<String> documentedFormats(String markdown) {
        List<String> out = new ArrayList<>();
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| format | files |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            Matcher m = Pattern.compile("`([^`]+)`").matcher(line.substring(1, line.indexOf('|', 1)));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
