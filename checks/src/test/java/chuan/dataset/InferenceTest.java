package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Severity;
import chuan.model.Status;
import chuan.profile.ColumnSpec;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** chuan infer on files as they really arrive: each draft loads, passes on its own file, and says how the file is written. */
class InferenceTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    @TempDir
    Path dir;

    /** The draft for the file, after asserting that it loads and passes on the file. */
    private Profile draftThatPasses(Path file) throws Exception {
        String yaml = Inference.draft(file, "draft.t", 0, AS_OF);
        Profile p = new ProfileLoader(RuleCatalog.builtIn()).parse("draft.yaml", yaml, null, "test");
        DatasetOutcome o = new DatasetScanner(RuleCatalog.builtIn()).scan(file, file.getFileName().toString(), p,
                new ScanOptions(AS_OF, 20, true, 2));
        assertThat(o.errors()).as(yaml).isEmpty();
        // a draft passes: what it still fails on is only the structural notes it keeps at info
        assertThat(o.results()).isNotEmpty().filteredOn(r -> r.status() == Status.FAIL)
                .allSatisfy(r -> assertThat(r.severity()).as(r.rule() + " " + r.field() + " " + r.examples() + "\n" + yaml)
                        .isEqualTo(Severity.INFO));
        return p;
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "\t", "|", ","})
    void theDelimiterIsSniffed(String d) throws Exception {
        Path f = write("d.csv", String.join(d, "ma", "ten", "so tien") + "\n" + String.join(d, "01", "\"Hà Nội, Việt Nam\"", "1,5")
                + "\n" + String.join(d, "02", "Huế", "2,25") + "\n");
        Profile p = draftThatPasses(f);
        assertThat(p.dataset().delimiter()).isEqualTo(d.charAt(0));
        assertThat(p.dataset().columns()).extracting(ColumnSpec::name).containsExactly("ma", "ten", "so tien");
    }

    @Test
    void aTsvFileThatIsNotTabSeparatedIsDraftedAsCsvWithItsDelimiter() throws Exception {
        Profile p = draftThatPasses(write("x.tsv", "a;b\n1;2\n3;4\n"));
        assertThat(p.dataset().format().label()).isEqualTo("csv");
        assertThat(p.dataset().delimiter()).isEqualTo(';');
        assertThat(draftThatPasses(write("y.tsv", "a\tb\n1\t2\n")).dataset().delimiterFor(chuan.source.DataSources.builtIn().byLabel("tsv").orElseThrow()))
                .isEqualTo('\t');
    }

    @Test
    void blankAndDuplicateHeaderNamesStillGiveADraftThatPasses() throws Exception {
        Path f = write("h.csv", "id,,name,Name,\n1,a,Lan,x,\n2,b,Minh,y,\n");
        String yaml = Inference.draft(f, "draft.t", 0, AS_OF);
        assertThat(yaml).contains("# column 2 has no name: it is not described").contains("# column 5 has no name")
                .contains("# a second column is named Name: only the first is described")
                .contains("DATA-HEADER-BLANK: {severity: info}").contains("DATA-HEADER-DUPLICATE: {severity: info}");
        assertThat(draftThatPasses(f).dataset().columns()).extracting(ColumnSpec::name).containsExactly("id", "name");
    }

    @Test
    void multiLineAndOddValuesOfAnEnumAreQuotedSoThatTheyReadBack() throws Exception {
        StringBuilder csv = new StringBuilder("kind,note\n");
        for (int i = 0; i < 6; i++) {
            csv.append("\"Hộ nghèo\nđợt 1\",x\n\"a \\\\ \"\"b\"\"\",y\n\"tab\tend\",z\n");
        }
        Path f = write("e.csv", csv.toString());
        Profile p = draftThatPasses(f);
        assertThat(p.dataset().columns().get(0).enumValues()).containsExactlyInAnyOrder("Hộ nghèo\nđợt 1", "a \\\\ \"b\"", "tab\tend");
    }

    @Test
    void titleRowsAndATwoRowHeaderAreFound() throws Exception {
        Path f = write("s.csv", "\"Bảng 1. Dân số, 2024\",,,\n\"Đơn vị: nghìn người\",,,\n"
                + "Mã,Tỉnh,Dân số,\n,,Nam,Nữ\n01,Hà Nội,4285.3,4400.3\n79,TP HCM,4610.1,4911.8\n31,Hải Phòng,1041.4,1063.9\n");
        Profile p = draftThatPasses(f);
        assertThat(p.dataset().dialect().skipRows()).isEqualTo(2);
        assertThat(p.dataset().dialect().headerRows()).isEqualTo(2);
        assertThat(p.dataset().columns()).extracting(ColumnSpec::name).containsExactly("Mã", "Tỉnh", "Dân số Nam", "Dân số Nữ");
        assertThat(p.dataset().columns().get(2).type().label()).isEqualTo("number");
    }

    @Test
    void decimalCommasAndMissingMarkersKeepAColumnNumeric() throws Exception {
        Path f = write("n.csv", "a;b\n1.234,5;x\n12,75;y\n-;z\n1.000.000;w\n");
        Profile p = draftThatPasses(f);
        ColumnSpec a = p.dataset().columns().get(0);
        assertThat(a.type().label()).isEqualTo("number");
        assertThat(a.syntax().decimalChar()).isEqualTo(',');
        assertThat(a.syntax().groupChar()).isEqualTo('.');
        assertThat(a.syntax().missingValues()).containsExactly("", "-");
        assertThat(a.min()).isEqualTo("12.75");
        assertThat(a.max()).isEqualTo("1000000");
    }

    @Test
    void utf16ExportsAreReadAndDeclared() throws Exception {
        Path f = dir.resolve("u.txt");
        byte[] body = "Mã\tTên\r\n01\tHà Nội\r\n79\tHồ Chí Minh\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        Files.write(f, out);
        Profile p = draftThatPasses(f);
        assertThat(p.dataset().encoding()).isEqualTo("UTF-16LE");
        assertThat(p.dataset().delimiter()).isEqualTo('\t');
        assertThat(p.severityOf("DATA-ENCODING", Severity.HIGH)).isEqualTo(Severity.INFO);
    }

    @Test
    void legacyVietnameseEncodingsAreReadAndDeclared() throws Exception {
        Path f = dir.resolve("citizens-tcvn3.csv");
        Files.copy(Path.of("src/test/resources/fixtures/encodings/citizens-tcvn3.csv"), f);
        Profile p = draftThatPasses(f);
        assertThat(p.dataset().encoding()).isEqualTo("TCVN3");
    }

    @Test
    void communeCodesAreTypedFromTheirValuesWhateverTheColumnIsCalled() throws Exception {
        List<String> codes = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../profiles/src/main/resources/chuan/reference/vn/communes-2025.csv"))
                .subList(1, 3322)) {
            codes.add(line.substring(0, 5));
        }
        assertThat(codes).hasSize(3321).doesNotHaveDuplicates();
        StringBuilder csv = new StringBuilder("stt,gia_tri\n");
        for (int i = 0; i < codes.size(); i++) {
            csv.append(i + 1).append(',').append(codes.get(i)).append('\n');
        }
        Profile p = draftThatPasses(write("codes.csv", csv.toString()));
        assertThat(p.dataset().columns().get(1).valueType()).isEqualTo("vn.commune-code");
        assertThat(p.dataset().columns().get(0).type().label()).isEqualTo("integer");
    }

    @Test
    void blankRowsRaggedRecordsAndBadQuotesAreKeptAtInfoWithAReason() throws Exception {
        Path f = write("r.csv", "a,b\n1,2\n,\n3,4,5\n6,x\"y\n");
        String yaml = Inference.draft(f, "draft.t", 0, AS_OF);
        assertThat(yaml).contains("# 1 records are blank").contains("# 1 records do not have the header's number of fields")
                .contains("# 1 fields are quoted wrongly");
        draftThatPasses(f);
    }
}
