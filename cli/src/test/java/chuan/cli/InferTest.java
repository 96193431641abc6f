package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** chuan infer: a draft that validates and passes on the data it came from, with the national types found. */
class InferTest {

    @ParameterizedTest
    @ValueSource(strings = {"../samples/residents/residents-ben-thanh-2026.csv", "../samples/households/households-2026-q3.ndjson",
        "../samples/registers/citizen-register-2025-06.csv", "../checks/src/test/resources/bench/citizens-2000.ndjson"})
    void theDraftValidatesAndPassesOnItsOwnData(String data, @TempDir Path dir) throws Exception {
        Path draft = dir.resolve("draft.yaml");
        CliRunner r = CliRunner.run("infer", data, "-o", draft.toString());
        assertThat(r.exit()).isZero();
        assertThat(CliRunner.run("profiles", "check", draft.toString()).exit()).isZero();
        CliRunner scan = CliRunner.run("scan", "-p", draft.toString(), data);
        assertThat(scan.exit()).as(scan.out()).isZero();
        assertThat(Files.readString(draft)).startsWith("# Drafted by `chuan infer`").contains("# ").contains(" values, ");
    }

    @Test
    void nationalTypesAreRecognised() {
        CliRunner r = CliRunner.run("infer", "src/test/resources/clean-citizens-300.csv", "--as-of", "2025-06-30");
        assertThat(r.exit()).isZero();
        String yaml = r.out();
        assertThat(yaml).contains("name: \"id\"\n      type: vn.personal-id")
                .contains("name: \"full_name\"\n      type: vn.person-name")
                .contains("name: \"province_code\"\n      type: vn.province-code")
                .contains("name: \"phone\"\n      type: vn.phone")
                .contains("name: \"tax_code\"\n      type: vn.tax-code")
                .contains("name: \"email\"\n      type: email")
                .contains("name: \"gender\"\n      required: true\n      enum: [\"Nam\", \"Nữ\"]");
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThat(CliRunner.run("infer", "no/such.csv").exit()).isEqualTo(2);
    }
}
