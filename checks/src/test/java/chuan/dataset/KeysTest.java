package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Primary keys and foreign keys: exact counts and rows, each kind of reference, with passing and failing files. */
class KeysTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 8, 1);
    private final DatasetScanner scanner = new DatasetScanner(RuleCatalog.builtIn());

    private static final String HEADER = "profile: t.households\nversion: '1'\ntitle: Households\nkind: dataset\ndataset:\n";
    private static final String COLUMNS = "  columns:\n    - name: province_code\n    - name: household_id\n    - name: member_no\n"
            + "    - name: head_id\n      personal: true\n";

    private static Profile profile(Path dir, String keys) throws Exception {
        Path p = dir.resolve("households.yaml");
        Files.writeString(p, HEADER + keys + COLUMNS);
        return new ProfileLoader(RuleCatalog.builtIn()).load(p);
    }

    private DatasetOutcome scan(Path file, Profile p, int workers) {
        return scanner.scan(file, file.getFileName().toString(), p, new ScanOptions(AS_OF, 0, false, workers));
    }

    private static Result result(DatasetOutcome o, String rule, String field) {
        return o.results().stream().filter(r -> r.rule().equals(rule) && java.util.Objects.equals(r.field(), field)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " " + field + " in " + o.results()));
    }

    private static List<Long> rows(Result r) {
        return r.examples().stream().map(Violation::row).toList();
    }

    @Test
    void compositeKeyRepeatsAndMissingPartsAreCountedExactlyWithTheFirstRow(@TempDir Path dir) throws Exception {
        Profile p = profile(dir, "  primary-key: [province_code, household_id, member_no]\n");
        Path csv = dir.resolve("households.csv");
        List<Long> dupRows = new ArrayList<>();
        List<String> dupMessages = new ArrayList<>();
        List<Long> missingRows = new ArrayList<>();
        long row = 0;
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("province_code,household_id,member_no,head_id\n");
            for (int h = 1; h <= 30_000; h++) {
                for (int m = 1; m <= 3; m++) {
                    row++;
                    // household ids with a letter in one in three households: those keys are kept as text
                    w.write("79," + (h % 3 == 0 ? "HK" + h : Integer.toString(h)) + "," + m + ",0792" + String.format("%08d", h) + "\n");
                }
                if (h % 1000 == 0) { // member 2 of this household again, two records after its first
                    row++;
                    w.write("79," + (h % 3 == 0 ? "HK" + h : Integer.toString(h)) + ",2,079200000000\n");
                    dupRows.add(row);
                    dupMessages.add("primary key already used by record " + (row - 2));
                }
                if (h % 7000 == 0) { // a member without a household id
                    row++;
                    w.write("79,,9,079200000000\n");
                    missingRows.add(row);
                }
            }
            // the same numbers in another province are another key
            row++;
            w.write("01,1,1,079200000001\n");
        }
        for (int workers : new int[] {1, 3}) {
            DatasetOutcome o = scan(csv, p, workers);
            assertThat(o.errors()).isEmpty();
            assertThat(o.records()).isEqualTo(row);
            Result dup = result(o, "DATA-PRIMARY-KEY-DUPLICATE", "province_code, household_id, member_no");
            assertThat(dup.status()).isEqualTo(Status.FAIL);
            assertThat(dup.violations()).isEqualTo(30);
            assertThat(rows(dup)).isEqualTo(dupRows);
            assertThat(dup.examples().stream().map(Violation::message).toList()).isEqualTo(dupMessages);
            assertThat(dup.examples().get(0).value()).isEqualTo("79, 1000, 2");
            assertThat(dup.examples().get(2).value()).isEqualTo("79, HK3000, 2");
            Result missing = result(o, "DATA-PRIMARY-KEY-MISSING", "province_code, household_id, member_no");
            assertThat(missing.violations()).isEqualTo(4);
            assertThat(rows(missing)).isEqualTo(missingRows);
            assertThat(missing.examples().get(0).message()).isEqualTo("primary key part missing: household_id");
        }
        // the same file without the repeats and gaps passes
        Path clean = dir.resolve("clean.csv");
        Files.writeString(clean, "province_code,household_id,member_no,head_id\n79,1,1,x\n79,1,2,y\n79,2,1,z\n01,1,1,w\n");
        DatasetOutcome o = scan(clean, p, 2);
        assertThat(result(o, "DATA-PRIMARY-KEY-DUPLICATE", "province_code, household_id, member_no").status()).isEqualTo(Status.PASS);
        assertThat(result(o, "DATA-PRIMARY-KEY-MISSING", "province_code, household_id, member_no").status()).isEqualTo(Status.PASS);
    }

    /** 1,000,000 citizens, 20,000 households: every dangling head found at its row, masked, nothing else. */
    @Test
    void householdHeadsAreCheckedAgainstAMillionCitizens(@TempDir Path dir) throws Exception {
        Path citizens = dir.resolve("citizens.csv");
        try (BufferedWriter w = Files.newBufferedWriter(citizens)) {
            w.write("id,full_name,birth_date\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write(String.format("0792%08d,Nguyễn Văn A,1980-01-01\n", i * 3L));
            }
        }
        Profile p = profile(dir, "  foreign-keys:\n    - columns: [head_id]\n      reference: {dataset: citizens.csv, columns: [id]}\n");
        Path households = dir.resolve("households.csv");
        List<Long> dangling = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(households)) {
            w.write("province_code,household_id,member_no,head_id\n");
            for (int h = 1; h <= 20_000; h++) {
                long head = (h * 149L) % 1_000_000 * 3;
                if (h % 997 == 0) {
                    head += 1; // not a multiple of three: no such citizen
                    dangling.add((long) h);
                }
                w.write("79," + h + ",1," + (h % 500 == 0 ? "" : String.format("0792%08d", head)) + "\n"); // a missing head is not checked
            }
        }
        DatasetOutcome o = scan(households, p, 2);
        assertThat(o.errors()).isEmpty();
        Result fk = result(o, "DATA-FOREIGN-KEY", "head_id");
        assertThat(fk.violations()).isEqualTo(dangling.size()).isEqualTo(20);
        assertThat(rows(fk)).isEqualTo(dangling);
        Violation first = fk.examples().get(0);
        String id = String.format("0792%08d", 997L * 149 % 1_000_000 * 3 + 1);
        assertThat(first.value()).isEqualTo("0792******" + id.substring(10)).doesNotContain(id.substring(4, 10));
        assertThat(first.column()).isEqualTo(4);
        assertThat(first.message()).isEqualTo("no match in citizens.csv (id)".replace("citizens.csv",
                chuan.profile.ReferencedDatasets.display(citizens.toString())));
    }

    @Test
    void aKeyIntoABuiltInListAndIntoTheSameFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("people.csv"), "id,parent_id,province_code\n1,,79\n2,1,01\n3,9,99\n4,3,48\n5,2,\n");
        Path pr = dir.resolve("people.yaml");
        Files.writeString(pr, "profile: t.people\nversion: '1'\ntitle: People\nkind: dataset\ndataset:\n  foreign-keys:\n"
                + "    - columns: [parent_id]\n      reference: {columns: [id]}\n"
                + "    - columns: [province_code]\n      reference: {list: vn.provinces}\n"
                + "  columns:\n    - name: id\n    - name: parent_id\n    - name: province_code\n");
        Profile p = new ProfileLoader(RuleCatalog.builtIn()).load(pr);
        DatasetOutcome o = scan(dir.resolve("people.csv"), p, 2);
        Result self = result(o, "DATA-FOREIGN-KEY", "parent_id");
        assertThat(rows(self)).containsExactly(3L);
        assertThat(self.examples().get(0).message()).isEqualTo("no match in this dataset (id)");
        Result list = result(o, "DATA-FOREIGN-KEY", "province_code");
        // 48 (Đà Nẵng) is a 2025 code, 99 is none; as of 2025-06-30 the 63 codes of 2004 are the list
        assertThat(rows(list)).containsExactly(3L);
        DatasetOutcome before = scanner.scan(dir.resolve("people.csv"), "people.csv", p,
                new ScanOptions(LocalDate.of(2025, 6, 30), 0, false, 1));
        assertThat(rows(result(before, "DATA-FOREIGN-KEY", "province_code"))).containsExactly(3L);
        Files.writeString(dir.resolve("people.csv"), "id,parent_id,province_code\n1,,79\n2,1,01\n3,1,48\n");
        DatasetOutcome clean = scan(dir.resolve("people.csv"), p, 2);
        assertThat(clean.results()).allSatisfy(r -> assertThat(r.status()).as(r.rule() + " " + r.field()).isEqualTo(Status.PASS));
    }

    @Test
    void aReferencedFileIsReadAsAnySourceTheScannerReads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("citizens.ndjson"), "{\"id\": \"A1\", \"x\": 1}\n{\"id\": \"A2\"}\n{\"id\": \"A3\"}\n");
        Files.writeString(dir.resolve("citizens.tsv"), "name\tid\nx\tA1\ny\tA3\n");
        Path hh = dir.resolve("households.csv");
        Files.writeString(hh, "province_code,household_id,member_no,head_id\n79,1,1,A1\n79,2,1,A2\n79,3,1,A3\n");
        Result json = result(scan(hh, profile(dir, "  foreign-keys:\n    - columns: [head_id]\n"
                + "      reference: {dataset: citizens.ndjson, columns: [id]}\n"), 2), "DATA-FOREIGN-KEY", "head_id");
        assertThat(json.status()).isEqualTo(Status.PASS);
        Result tsv = result(scan(hh, profile(dir, "  foreign-keys:\n    - columns: [head_id]\n"
                + "      reference: {dataset: citizens.tsv, columns: [id]}\n"), 2), "DATA-FOREIGN-KEY", "head_id");
        assertThat(rows(tsv)).containsExactly(2L);
        // a composite foreign key: both parts must match the same referenced record
        Files.writeString(dir.resolve("units.csv"), "p,h\n79,1\n79,2\n01,3\n");
        Result both = result(scan(hh, profile(dir, "  foreign-keys:\n    - columns: [province_code, household_id]\n"
                + "      reference: {dataset: units.csv, columns: [p, h]}\n"), 2), "DATA-FOREIGN-KEY", "province_code, household_id");
        assertThat(rows(both)).containsExactly(3L);
        assertThat(both.examples().get(0).value()).isEqualTo("79, 3");
    }

    @Test
    void anUnreadableReferenceIsAProcessingErrorOfTheReferringFileNeverAPass(@TempDir Path dir) throws Exception {
        Path hh = dir.resolve("households.csv");
        Files.writeString(hh, "province_code,household_id,member_no,head_id\n79,1,1,A1\n");
        DatasetOutcome missing = scan(hh, profile(dir, "  foreign-keys:\n    - columns: [head_id]\n"
                + "      reference: {dataset: gone.csv, columns: [id]}\n"), 2);
        assertThat(missing.results()).isEmpty();
        assertThat(missing.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(chuan.model.AuditError.Kind.PROCESSING);
            assertThat(e.path()).isEqualTo("households.csv");
            assertThat(e.message()).contains("gone.csv (id)").contains("no such file");
        });
        Files.writeString(dir.resolve("other.csv"), "ident\nA1\n");
        DatasetOutcome noColumn = scan(hh, profile(dir, "  foreign-keys:\n    - columns: [head_id]\n"
                + "      reference: {dataset: other.csv, columns: [id]}\n"), 2);
        assertThat(noColumn.errors()).singleElement().satisfies(e -> assertThat(e.message()).endsWith("it has no column 'id'"));
        Files.write(dir.resolve("bad.csv"), new byte[] {'i', 'd', '\n', (byte) 0xC3, '(', '\n'});
        DatasetOutcome badBytes = scan(hh, profile(dir, "  foreign-keys:\n    - columns: [head_id]\n"
                + "      reference: {dataset: bad.csv, columns: [id]}\n"), 2);
        assertThat(badBytes.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("bad.csv (id)").contains("UTF-8"));
    }

    @Test
    void aKeyColumnAbsentFromTheFileIsNotApplicable(@TempDir Path dir) throws Exception {
        Path hh = dir.resolve("households.csv");
        Files.writeString(hh, "province_code,household_id,head_id\n79,1,A1\n79,1,A2\n");
        DatasetOutcome o = scan(hh, profile(dir, "  primary-key: [province_code, household_id, member_no]\n"), 1);
        Result dup = result(o, "DATA-PRIMARY-KEY-DUPLICATE", "province_code, household_id, member_no");
        assertThat(dup.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(dup.message()).isEqualTo("column 'member_no' of the key is not in the file");
    }

    @Test
    void keyErrorsInAProfileAreReportedAtTheirPlace(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("bad.yaml");
        Files.writeString(p, HEADER
                + "  primary-key: [province_code, nope]\n"
                + "  foreign-keys:\n"
                + "    - columns: [head_id, province_code]\n"
                + "      reference: {dataset: citizens.csv, columns: [id]}\n"
                + "    - columns: [province_code]\n"
                + "      reference: {list: vn.nowhere}\n"
                + "    - columns: [household_id]\n"
                + "      reference: {table: public.households, columns: [id]}\n"
                + COLUMNS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProfileLoader(RuleCatalog.builtIn()).load(p))
                .isInstanceOf(chuan.profile.ProfileException.class)
                .satisfies(e -> assertThat(((chuan.profile.ProfileException) e).problems().stream().map(chuan.profile.ProfileProblem::oneLine).toList())
                        .containsExactly(
                                p + ":6:32: no column named 'nope' in this profile",
                                p + ":9:51: the key has 2 column(s) and the reference 1: they must match one to one",
                                p + ":11:25: no reference list named 'vn.nowhere' (lists: vn.provinces, vn.provinces-2004, "
                                        + "vn.provinces-2025, vn.communes, vn.communes-2025)",
                                p + ":13:26: a table reference needs the database of a 'source:' block in this profile"));
    }
}
