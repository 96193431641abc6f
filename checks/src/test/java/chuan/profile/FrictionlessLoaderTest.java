package chuan.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.dataset.DatasetOutcome;
import chuan.dataset.DatasetScanner;
import chuan.dataset.ScanOptions;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Table Schema and a Data Package read as chuan profiles: the mapping, the warnings, the errors at their place. */
class FrictionlessLoaderTest {

    @TempDir
    Path dir;

    private final List<ProfileProblem> warnings = new ArrayList<>();
    private final ProfileLoader loader = loader();

    private ProfileLoader loader() {
        ProfileLoader l = new ProfileLoader(RuleCatalog.builtIn());
        l.warnings(warnings::add);
        return l;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static ColumnSpec column(Profile p, String name) {
        return p.dataset().columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> problems(Path file) {
        try {
            loader.load(file);
        } catch (ProfileException e) {
            return e.problems().stream().map(ProfileProblem::oneLine).toList();
        }
        throw new AssertionError("expected " + file + " to be refused");
    }

    private Set<String> findings(Path data, Profile p) {
        DatasetOutcome o = new DatasetScanner(RuleCatalog.builtIn()).scan(data, data.getFileName().toString(), p,
                new ScanOptions(LocalDate.of(2025, 6, 30), 0, true, 1));
        Set<String> out = new TreeSet<>();
        for (Result r : o.results()) {
            if (r.status() == Status.FAIL || r.status() == Status.WARN) {
                for (Violation v : r.examples()) {
                    out.add(r.rule() + " r" + v.row() + "c" + v.column());
                }
            }
        }
        return out;
    }

    static final String SCHEMA = """
            {
              "title": "Registrations",
              "fields": [
                {"name": "id", "type": "integer", "constraints": {"required": true, "unique": true, "minimum": 1}},
                {"name": "name", "type": "string", "constraints": {"pattern": "[A-Z][a-z]+", "minLength": 2, "maxLength": 8}},
                {"name": "born", "type": "date", "format": "%d/%m/%Y", "constraints": {"minimum": "01/01/1900"}},
                {"name": "at", "type": "datetime"},
                {"name": "amount", "type": "number", "decimalChar": ",", "groupChar": ".", "bareNumber": false,
                 "constraints": {"exclusiveMaximum": 10000}},
                {"name": "ok", "type": "boolean", "trueValues": ["có"], "falseValues": ["không"]},
                {"name": "mail", "type": "string", "format": "email"},
                {"name": "uid", "type": "string", "format": "uuid"},
                {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
                {"name": "note", "type": "any", "missingValues": [{"value": "-", "label": "none"}]},
                {"name": "parent", "type": "integer"}
              ],
              "missingValues": ["", "NA"],
              "primaryKey": ["id"],
              "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "id"}}]
            }
            """;

    @Test
    void aTableSchemaMapsOntoColumnsKeysAndValueSyntax() throws Exception {
        Profile p = loader.load(write("registrations.json", SCHEMA));
        assertThat(p.id()).isEqualTo("frictionless.registrations");
        assertThat(p.title()).isEqualTo("Registrations");
        ColumnSpec id = column(p, "id");
        assertThat(id.type()).isEqualTo(ColumnType.INTEGER);
        assertThat(id.required()).isTrue();
        assertThat(id.unique()).isTrue();
        assertThat(id.min()).isEqualTo("1");
        assertThat(id.syntax().missingValues()).containsExactly("", "NA");
        ColumnSpec name = column(p, "name");
        assertThat(name.pattern()).as("a Table Schema pattern matches the whole value").isEqualTo("^(?:[A-Z][a-z]+)$");
        assertThat(name.minLength()).isEqualTo(2);
        assertThat(name.maxLength()).isEqualTo(8);
        ColumnSpec born = column(p, "born");
        assertThat(born.format()).isEqualTo("d/M/yyyy");
        assertThat(born.min()).as("a bound in the field's format, kept in ISO form").isEqualTo("1900-01-01");
        assertThat(column(p, "at").type()).isEqualTo(ColumnType.DATETIME);
        ColumnSpec amount = column(p, "amount");
        assertThat(amount.syntax().decimalChar()).isEqualTo(',');
        assertThat(amount.syntax().groupChar()).isEqualTo('.');
        assertThat(amount.syntax().bareNumber()).isFalse();
        assertThat(amount.exclusiveMax()).isEqualTo("10000");
        ColumnSpec ok = column(p, "ok");
        assertThat(ok.syntax().trueValues()).containsExactly("có");
        assertThat(ok.syntax().falseValues()).containsExactly("không");
        assertThat(column(p, "mail").type()).isEqualTo(ColumnType.EMAIL);
        assertThat(column(p, "mail").personal()).as("e-mail addresses are masked, as in chuan's own profiles").isTrue();
        assertThat(column(p, "uid").pattern()).startsWith("^[0-9a-fA-F]{8}-");
        assertThat(column(p, "kind").enumValues()).containsExactly("a", "b");
        assertThat(column(p, "note").syntax().missingValues()).as("a field's own v2 missingValues, object form")
                .containsExactly("-");
        assertThat(p.dataset().primaryKey()).containsExactly("id");
        assertThat(p.dataset().foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("parent");
            assertThat(fk.reference()).isEqualTo(new ForeignKeySpec.InDataset("", List.of("id"), true));
        });
        assertThat(p.dataset().dialect().headerCaseSensitive()).as("frictionless matches header names case-sensitively").isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTableSchemaChecksAFileAsFrictionlessReadsIt() throws Exception {
        Profile p = loader.load(write("registrations.json", SCHEMA));
        Path data = write("data.csv", """
                id,name,born,at,amount,ok,mail,uid,kind,note,parent
                1,Alice,01/02/2000,2024-01-02T03:04:05Z,"1.000,5 ₫",có,a@b.vn,123e4567-e89b-12d3-a456-426614174000,a,-,NA
                x,Alice1,31/02/2000,2024-13-02T03:04:05,"10.000,0",yes,nope,123,c,anything,1
                3,NA,01/01/1899,NA,NA,NA,NA,NA,NA,NA,NA
                """);
        assertThat(findings(data, p)).containsExactlyInAnyOrder(
                "DATA-TYPE r2c1",      // x is not an integer
                "DATA-PATTERN r2c2",   // Alice1: the pattern must match the whole value
                "DATA-TYPE r2c3",      // 31 February
                "DATA-TYPE r2c4",      // month 13
                "DATA-RANGE r2c5",     // 10000 is not below the exclusive maximum
                "DATA-TYPE r2c6",      // yes is not one of the true or false values
                "DATA-TYPE r2c7",      // not an e-mail address
                "DATA-PATTERN r2c8",   // not a uuid
                "DATA-ENUM r2c9",
                "DATA-RANGE r3c3");    // before the minimum, given in the field's format
    }

    @Test
    void whatChuanDoesNotCheckIsAWarningAtItsPlace() throws Exception {
        Path f = write("s.json", """
                {"fields": [
                  {"name": "y", "type": "year"},
                  {"name": "g", "type": "geojson"},
                  {"name": "d", "type": "date", "format": "any"},
                  {"name": "n", "type": "string", "constraints": {"jsonSchema": {}}, "rdfType": "x", "unknownKey": 1}
                ],
                "uniqueKeys": [["y", "g"]]}
                """);
        Profile p = loader.load(f);
        assertThat(column(p, "y").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(column(p, "y").pattern()).isEqualTo("^[0-9]{4}$");
        assertThat(column(p, "d").type()).as("format any: read as text").isEqualTo(ColumnType.STRING);
        assertThat(warnings.stream().map(ProfileProblem::oneLine).toList()).containsExactly(
                f + ":2:17: type year is read as an integer of four digits: a value of another length is DATA-PATTERN, not DATA-TYPE",
                f + ":3:17: type geojson is not checked: the column is read as text (its JSON is not parsed)",
                f + ":4:33: format 'any' (any date form a person might write) is not checked: the column is read as text",
                f + ":5:51: the jsonSchema constraint is not checked",
                f + ":5:86: field key 'unknownKey' is not a Table Schema key chuan reads; ignored",
                f + ":7:1: uniqueKeys are not checked: only single columns ('unique') and the primaryKey");
    }

    @Test
    void aSchemaChuanCannotReadIsRefusedAtTheLineOfEachMistake() throws Exception {
        Path f = write("bad.json", """
                {"fields": [
                  {"name": "a", "type": "integr"},
                  {"name": "b", "type": "string", "constraints": {"pattern": "(a)\\\\1"}},
                  {"name": "c", "type": "date", "format": "%d %b %Y"},
                  {"name": "d", "type": "integer", "constraints": {"minimum": 5, "maximum": 2}},
                  {"name": "b", "type": "string"}
                ],
                "primaryKey": ["a", "zz"]}
                """);
        assertThat(problems(f)).containsExactly(
                f + ":2:25: unknown Table Schema type 'integr' (any, array, boolean, date, datetime, duration, geojson, geopoint, "
                        + "integer, list, number, object, string, time, year, yearmonth)",
                f + ":3:62: pattern does not compile: invalid escape sequence (RE2 syntax: no back-references or look-around)",
                f + ":4:43: strftime directive %b in '%d %b %Y' is not read by chuan (it reads %Y %y %m %d %H %M %S %f %z %F %T)",
                f + ":5:51: no value fits: min 5 and max 2",
                f + ":6:12: two fields are named 'b'",
                f + ":8:15: no field named 'zz' in this schema");
    }

    @Test
    void strftimeLayoutsBecomeChuanLayouts() {
        StringBuilder err = new StringBuilder();
        assertThat(FrictionlessLoader.strftime("%d/%m/%Y", err)).isEqualTo("d/M/yyyy");
        assertThat(FrictionlessLoader.strftime("%Y-%m-%dT%H:%M:%S", err)).isEqualTo("yyyy-M-d'T'H:mm:ss");
        assertThat(FrictionlessLoader.strftime("%d.%m.%y at %H", err)).isEqualTo("d.M.yy 'a''t' H");
        assertThat(err).isEmpty();
        assertThat(FrictionlessLoader.strftime("%H:%M:%S.%f%z", err)).isEqualTo("H:mm:ss.SSSSSS[XXX][XX]");
        assertThat(err.toString()).contains("%f is read as exactly six fraction digits").contains("%z is read as Z, +HHMM or +HH:MM");
        assertThat(FrictionlessLoader.strftime("%A %d", new StringBuilder())).isNull();
    }

    static final String PACKAGE = """
            {
              "name": "register",
              "resources": [
                {"name": "people", "path": "people.csv", "encoding": "windows-1252",
                 "dialect": {"delimiter": ";", "quoteChar": "'", "headerRows": [2, 3], "headerJoin": "/", "commentChar": "#",
                             "caseSensitiveHeader": false},
                 "schema": {"fields": [{"name": "id", "type": "string"}], "primaryKey": "id"}},
                {"name": "households", "path": "sub/households.tsv", "format": "tsv",
                 "dialect": {"csv": {"delimiter": "|", "skipInitialSpace": true}, "header": false, "commentRows": [3]},
                 "schema": {"fields": [{"name": "head", "type": "string"}, {"name": "n", "type": "integer"}],
                            "foreignKeys": [{"fields": ["head"], "reference": {"resource": "people", "fields": ["id"]}}]}},
                {"name": "inline", "data": [["a"], ["1"]]}
              ]
            }
            """;

    @Test
    void aDataPackageGivesEachResourceItsDialectEncodingAndKeys() throws Exception {
        Path f = write("pkg/datapackage.json", PACKAGE);
        FrictionlessLoader.DataPackage pkg = loader.loadPackage(f);
        assertThat(pkg.resources()).extracting(FrictionlessLoader.Resource::name).containsExactly("people", "households", "inline");
        FrictionlessLoader.Resource people = pkg.resources().get(0);
        assertThat(people.file()).isEqualTo(dir.resolve("pkg/people.csv").toAbsolutePath().normalize());
        DatasetSpec d = people.profile().dataset();
        assertThat(people.profile().id()).isEqualTo("frictionless.register.people");
        assertThat(people.profile().appliesTo()).containsExactly("people.csv");
        assertThat(d.encoding()).isEqualTo("windows-1252");
        assertThat(d.delimiter()).isEqualTo(';');
        assertThat(d.quote()).isEqualTo('\'');
        assertThat(d.dialect()).isEqualTo(new CsvDialect(1, "#", 2, "/", false, null));
        assertThat(d.primaryKey()).containsExactly("id");
        DatasetSpec h = pkg.resources().get(1).profile().dataset();
        assertThat(h.format().label()).isEqualTo("tsv");
        assertThat(h.delimiter()).as("frictionless-py 5's nested csv options").isEqualTo('|');
        assertThat(h.header()).isFalse();
        assertThat(h.foreignKeys()).singleElement().isEqualTo(new ForeignKeySpec(List.of("head"),
                new ForeignKeySpec.InDataset(ReferencedDatasets.resolve("people.csv", dir.resolve("pkg")).toString(), List.of("id"), false),
                null)); // resolved against the package's folder
        assertThat(pkg.resources().get(2).file()).as("inline data is not a file").isNull();
        assertThat(warnings.stream().map(ProfileProblem::message).toList()).containsExactly(
                "skipInitialSpace is not read: spaces after a delimiter stay in the value (numbers may still have spaces around them)",
                "commentRows is not read: rows are skipped before the header (headerRows) or by a prefix (commentChar), not by "
                        + "number; these rows are checked as data",
                "resource 'inline' holds its data inline ('data'): chuan audits files, so it is not scanned",
                "resource 'inline' has no schema: only its structure is checked");
    }

    @Test
    void oneResourceOfAPackageIsAProfileByItsName() throws Exception {
        Path f = write("pkg/datapackage.json", PACKAGE);
        ProfileRegistry registry = new ProfileRegistry(loader);
        Profile p = registry.resolve(f + "#households", List.of());
        assertThat(p.id()).isEqualTo("frictionless.register.households");
        assertThatThrownBy(() -> registry.resolve(f.toString(), List.of())).isInstanceOf(ProfileException.class)
                .hasMessageContaining("this Data Package has 3 resources (people, households, inline): name one as FILE#NAME");
        assertThatThrownBy(() -> registry.resolve(f + "#nobody", List.of())).isInstanceOf(ProfileException.class)
                .hasMessageContaining("no resource named 'nobody' in this Data Package");
    }

    @Test
    void aResourcePathStaysInsideThePackageAndOffline() throws Exception {
        Path f = write("pkg/datapackage.json", """
                {"resources": [
                  {"name": "a", "path": "../outside.csv"},
                  {"name": "b", "path": "/etc/passwd"},
                  {"name": "c", "path": "https://example.org/c.csv"},
                  {"name": "d", "path": ["d1.csv", "d2.csv"]},
                  {"name": "e", "path": "e.csv", "schema": {"fields": [{"name": "x"}],
                    "foreignKeys": [{"fields": "x", "reference": {"resource": "nope", "fields": "y"}}]}},
                  {"name": "e", "path": "e2.csv", "encoding": "klingon"}
                ]}
                """);
        assertThatThrownBy(() -> loader.loadPackage(f)).isInstanceOfSatisfying(ProfileException.class, e ->
                assertThat(e.problems().stream().map(ProfileProblem::oneLine).toList()).containsExactly(
                        f + ":8:12: two resources are named 'e'",
                        f + ":2:25: '../outside.csv' is outside the package's folder: a resource path is relative to it and stays inside it",
                        f + ":3:25: '/etc/passwd' is outside the package's folder: a resource path is relative to it and stays inside it",
                        f + ":4:25: 'https://example.org/c.csv' is remote: chuan audits offline, so download it beside the package",
                        f + ":5:25: a resource split over several files (multipart 'path') is not read by chuan: join the parts into one file",
                        f + ":7:63: no resource named 'nope' in this Data Package",
                        f + ":8:47: unknown encoding 'klingon' (UTF-8, UTF-16, or one of windows-1258, TCVN3, VNI, windows-1252, ISO-8859-1)"));
    }

    @Test
    void aSchemaFileNamedByAResourceIsReadOnlyInsideThePackage() throws Exception {
        write("secret.json", "{\"fields\": [{\"name\": \"secret\"}]}");
        Path pkgDir = Files.createDirectories(dir.resolve("pkg"));
        Files.createSymbolicLink(pkgDir.resolve("schema.json"), dir.resolve("secret.json"));
        write("pkg/own.json", "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\"}]}");
        Path f = write("pkg/datapackage.json", """
                {"resources": [
                  {"name": "a", "path": "a.csv", "schema": "own.json"},
                  {"name": "b", "path": "b.csv", "schema": "schema.json"}
                ]}
                """);
        assertThatThrownBy(() -> loader.loadPackage(f)).isInstanceOfSatisfying(ProfileException.class, e ->
                assertThat(e.problems().stream().map(ProfileProblem::oneLine).toList()).containsExactly(
                        f + ":3:44: 'schema.json' links outside the package's folder"));
        Files.delete(pkgDir.resolve("schema.json"));
        Files.copy(dir.resolve("pkg/own.json"), pkgDir.resolve("schema.json"));
        FrictionlessLoader.DataPackage pkg = loader.loadPackage(f);
        assertThat(pkg.resources().get(0).profile().dataset().columns()).extracting(ColumnSpec::type)
                .containsExactly(ColumnType.INTEGER);
    }

    @Test
    void aHugeBoundStaysShort() throws Exception {
        Profile p = loader.load(write("s.json", "{\"fields\": [{\"name\": \"n\", \"type\": \"number\", "
                + "\"constraints\": {\"maximum\": 1e999999999}}]}"));
        assertThat(column(p, "n").max()).isEqualTo("1E+999999999");
    }

    @Test
    void yamlDescriptorsAreReadLikeJson() throws Exception {
        Path schema = write("schema.yaml", """
                fields:
                  - name: id
                    type: integer
                    constraints: {required: true}
                  - name: when
                    type: date
                    format: "%d/%m/%Y"
                missingValues: ["", "-"]
                """);
        Profile p = loader.load(schema);
        assertThat(column(p, "id").required()).isTrue();
        assertThat(column(p, "when").format()).isEqualTo("d/M/yyyy");
        assertThat(column(p, "when").syntax().missingValues()).containsExactly("", "-");
        Path pkg = write("y/datapackage.yaml", """
                resources:
                  - name: only
                    path: only.csv
                    schema:
                      fields:
                        - name: a
                          type: yearmonth
                          constraints: {required: true}
                """);
        Profile only = loader.load(pkg);
        assertThat(only.id()).isEqualTo("frictionless.datapackage.only");
        assertThat(column(only, "a").pattern()).isEqualTo("^[0-9]{4}-(?:0?[1-9]|1[0-2])$");
        assertThat(warnings).extracting(ProfileProblem::line).containsExactly(7L);
        Path bad = write("bad.yaml", "fields:\n  - name: a\n    type: integer\n    constraints: {minimum: ten}\n");
        assertThat(problems(bad)).containsExactly(bad + ":4:28: a bound of an integer field must be a number, not 'ten'");
    }
}
