package chuan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.dataset.DatasetOutcome;
import chuan.dataset.DatasetScanner;
import chuan.dataset.ScanOptions;
import chuan.model.AuditError;
import chuan.model.Result;
import chuan.model.Status;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dataset readers through the real scan: the fuzzed bytes are a file of a dataset profile
 * ({@code people.yaml}: national types that compare columns, uniqueness, patterns, metrics; for JSON
 * also a JSON Schema), scanned by {@link DatasetScanner} with two validator threads. A scan never
 * throws: bad input is a processing error naming the file, and a file that could not be read to its
 * end has no passing result.
 */
class DatasetFuzzTest {

    private static final DatasetScanner SCANNER = new DatasetScanner(Promises.CATALOG);
    private static final ScanOptions OPTIONS = new ScanOptions(Promises.AS_OF, 20, false, 2);
    private static final Profile PEOPLE = load("people.yaml");
    private static final Profile PEOPLE_JSON = load("people-json.yaml");

    @FuzzTest
    @DictionaryEntries({"id,name,gender,born,province,phone,size,email", "\"", "\"\"", ",", "\uFEFF", "Nữ",
            "079203012345", "1.23457E+11"})
    void csv(byte[] data) throws Exception {
        scan("people.csv", PEOPLE, data);
    }

    @FuzzTest
    @DictionaryEntries({"{\"id\":\"079203012345\",\"name\":\"Lan\",\"born\":\"2003-01-02\",\"size\":4}", "\"address\":{\"province\":",
            "null", "[]", "{}", "\\u0000", "\\ud800"})
    void ndjson(byte[] data) throws Exception {
        scan("people.ndjson", PEOPLE_JSON, data);
        scan("people-plain.ndjson", PEOPLE, data);
    }

    @FuzzTest
    @DictionaryEntries({"[{\"id\":\"079203012345\",\"name\":\"Lan\",\"size\":4}]", "\"address\":{\"province\":", "null", "[", "]",
            "{", "}"})
    void jsonArray(byte[] data) throws Exception {
        scan("people.json", PEOPLE_JSON, data);
    }

    /** The fuzzed bytes as the sheet of an otherwise well-formed workbook: the sheet parser, its places and its findings. */
    @FuzzTest
    @DictionaryEntries({"<row r=\"2\">", "<c r=\"A2\" t=\"s\"><v>0</v></c>", "<c r=\"B2\" t=\"inlineStr\"><is><t>Lan</t></is></c>",
            "<c t=\"e\"><v>#REF!</v></c>", "<f>A1</f>", "hidden=\"1\"", "<mergeCell ref=\"A2:B3\"/>", "<!DOCTYPE", "s=\"1\""})
    void xlsxSheet(byte[] data) throws Exception {
        scan("people.xlsx", PEOPLE, Workbooks.withSheet(data));
    }

    /** The fuzzed bytes as a whole .xlsx package: the zip, its guards and every part. */
    @FuzzTest
    void xlsxPackage(byte[] data) throws Exception {
        scan("people.xlsx", PEOPLE, data);
    }

    private static void scan(String name, Profile profile, byte[] data) throws Exception {
        Path dir = Scratch.fresh();
        try {
            Path file = Files.write(dir.resolve(name), data);
            DatasetOutcome o = SCANNER.scan(file, name, profile, OPTIONS);
            if (o.results().isEmpty()) {
                // only a file that could not be read at all (binary, unreadable) has no result: then it is an error
                assertThat(o.errors()).as("%s: no result and no error", name).isNotEmpty();
                assertThat(o.readCompletely()).as("%s: no result, yet read completely", name).isFalse();
            }
            for (AuditError e : o.errors()) {
                assertThat(e.kind()).as(e.oneLine()).isEqualTo(AuditError.Kind.PROCESSING);
                assertThat(e.path()).as(e.oneLine()).isEqualTo(name);
                assertThat(e.message()).as(e.oneLine()).isNotBlank();
            }
            if (!o.readCompletely() || !o.errors().isEmpty()) {
                assertThat(o.results()).as("%s was not read completely (%s) but a check passed", name,
                        o.errors().isEmpty() ? "no error" : o.errors().get(0).oneLine()).noneMatch(r -> r.status() == Status.PASS);
            }
            if (o.readCompletely() && o.errors().isEmpty()) {
                assertThat(o.bytes()).as("bytes counted").isEqualTo(data.length);
            }
            for (Result r : o.results()) {
                assertThat(r.examples().size()).as("%s: examples capped at --max-examples", r.rule()).isLessThanOrEqualTo(20);
            }
        } finally {
            Scratch.delete(dir);
        }
    }

    private static Profile load(String name) {
        try {
            return new ProfileLoader(Promises.CATALOG).load(Promises.resource(name));
        } catch (chuan.profile.ProfileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
