package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frictionless descriptors on the command line: a package scanned whole, a schema as -p, a profile exported. */
class FrictionlessCliTest {

    static final Path FIXTURES = Path.of("../checks/src/test/resources/frictionless");

    @TempDir
    Path dir;

    @Test
    void aDataPackageNamedOnTheCommandLineIsScannedResourceByResource() {
        Path pkg = FIXTURES.resolve("data/invalid/datapackage.json");
        CliRunner r = CliRunner.run("scan", "--no-color", pkg.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("frictionless/data/invalid/data.csv  FAIL").contains("profile frictionless.testing.data")
                .contains("frictionless/data/invalid/data2.csv  FAIL").contains("profile frictionless.testing.data2")
                .contains("row 2 line 3: blank line").contains("row 3 line 4: blank line")
                .contains("Summary: 2 target(s)");
    }

    @Test
    void aPackageWithAMissingOrEscapingResourceSaysWhich() throws Exception {
        Files.writeString(dir.resolve("outside.csv"), "a\n1\n");
        Path pkgDir = Files.createDirectories(dir.resolve("pkg"));
        Files.createSymbolicLink(pkgDir.resolve("link.csv"), dir.resolve("outside.csv"));
        Path pkg = pkgDir.resolve("datapackage.json");
        Files.writeString(pkg, """
                {"resources": [{"name": "gone", "path": "gone.csv"}, {"name": "link", "path": "link.csv"}]}
                """);
        CliRunner r = CliRunner.run("scan", "--no-color", pkg.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("gone.csv: resource 'gone' of " + pkg.toString().replace('\\', '/') + ": no such file")
                .contains("link.csv: resource 'link' of " + pkg.toString().replace('\\', '/')
                        + " links outside the package's folder; not read");
    }

    @Test
    void aTableSchemaIsAProfileAndItsUncheckedPartsAreWarnedOf() throws Exception {
        Path schema = dir.resolve("schema.json");
        Files.writeString(schema, """
                {"fields": [{"name": "id", "type": "integer"}, {"name": "where", "type": "geojson"}]}
                """);
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "id,where\n1,{}\nx,{}\n");
        CliRunner r = CliRunner.run("scan", "--no-color", "-p", schema.toString(), data.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("DATA-TYPE id").contains("row 2 line 3 col 1");
        assertThat(r.err()).contains(schema + ":1:66: warning: type geojson is not checked");
        CliRunner check = CliRunner.run("profiles", "check", schema.toString());
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("ok (frictionless.schema 1, 2 columns");
        assertThat(check.err()).contains("warning: type geojson is not checked");
    }

    @Test
    void aProfileExportsAsATableSchemaAndListsWhatItCannotSay() throws Exception {
        CliRunner r = CliRunner.run("profiles", "export", "vn.citizen-register", "--table-schema");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode schema = new ObjectMapper().readTree(r.out());
        assertThat(schema.get("fields").get(0).get("name").asText()).isEqualTo("id");
        assertThat(schema.get("fields").get(0).get("constraints").get("unique").asBoolean()).isTrue();
        assertThat(r.err()).contains("not expressed in a Table Schema: column id: national type vn.personal-id (written as string)")
                .contains("not expressed in a Table Schema: dataset check row-count");
        Path exported = dir.resolve("citizens.schema.json");
        Files.writeString(exported, r.out());
        CliRunner back = CliRunner.run("profiles", "check", exported.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        CliRunner config = CliRunner.run("profiles", "export", "ssh", "--table-schema");
        assertThat(config.exit()).isEqualTo(2);
        assertThat(config.err()).contains("ssh is a config profile");
    }
}
