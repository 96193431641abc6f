package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Scans every file in samples/ and asserts the results documented in samples/README.md. */
class SamplesTest {

    /** "RULE field status" of each failing or warning result of the target, to its number of violations. */
    private static Map<String, Long> failing(AuditReport report, String target) {
        return report.results().stream()
                .filter(r -> r.target().endsWith(target) && (r.status() == Status.FAIL || r.status() == Status.WARN))
                .collect(Collectors.toMap(r -> r.rule() + (r.field() != null ? " " + r.field() : "") + " " + r.status().label(),
                        Result::violations, (first, later) -> later, HashMap::new));
    }

    @Test
    void theSamplesGiveTheirDocumentedResults() {
        CliRunner r = CliRunner.run("scan", "../samples", "-f", "json", "--as-of", "2026-11-27", "--max-examples", "0");
        assertThat(r.exit()).isEqualTo(1);
        AuditReport report = Reports.parse(r.out());
        // 8 datasets (the register also as a workbook, the households as an .xls), the SQLite table and the system tree's 13 configurations
        assertThat(report.targets()).hasSize(22);
        assertThat(report.errors()).isEmpty();

        Map<String, Long> citizens = failing(report, "residents/residents-ben-thanh-2026.csv");
        assertThat(citizens).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-PATTERN Số định danh fail", 1L),
                Map.entry("DATA-UNIQUE Số định danh fail", 2L),
                Map.entry("DATA-REQUIRED Họ và tên fail", 1L),
                Map.entry("DATA-NFC Họ và tên fail", 1L),
                Map.entry("DATA-ENUM Giới tính fail", 1L),
                Map.entry("DATA-TYPE Ngày sinh fail", 1L),
                Map.entry("DATA-RANGE Ngày sinh fail", 1L),
                Map.entry("DATA-TYPE Số nhân khẩu fail", 1L),
                Map.entry("DATA-RANGE Số nhân khẩu fail", 1L),
                Map.entry("DATA-TYPE Email fail", 1L),
                Map.entry("DATA-HEADER-EXTRA-COLUMN fail", 1L),
                Map.entry("DATA-DUPLICATE-ROWS fail", 1L),
                Map.entry("DATA-COMPLETENESS Email warn", 2L)));

        // the register's workbook: its twelve workbook defects (one text date is also ambiguous), each its own rule
        Map<String, Long> book = failing(report, "registers/citizen-register-2025-06.xlsx");
        assertThat(book).containsEntry("WORKBOOK-NUMBER-IN-TEXT-COLUMN fail", 5L).containsEntry("WORKBOOK-ERROR-VALUE fail", 1L)
                .containsEntry("WORKBOOK-DATE-MIXED fail", 3L).containsEntry("WORKBOOK-DATE-AMBIGUOUS fail", 1L)
                .containsEntry("WORKBOOK-MERGED-CELLS fail", 1L).containsEntry("WORKBOOK-HIDDEN-DATA fail", 2L);
        // the legacy .xls household register has no defect: every cell read as LibreOffice reads it, date-times as date-times
        assertThat(failing(report, "registers/households-2025.xls")).isEmpty();
        assertThat(report.targets()).filteredOn(t -> t.path().endsWith("households-2025.xls")).singleElement()
                .satisfies(t -> assertThat(t.records()).isEqualTo(30));

        Map<String, Long> database = failing(report, "registers/households.sqlite#main.households");
        assertThat(database).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-SQL-TYPE fail", 1L),
                Map.entry("VN-PID-FORMAT head_id fail", 20L),
                Map.entry("DATA-UNIQUE head_id fail", 2L),
                Map.entry("DATA-TYPE head_birth_date fail", 1L),
                Map.entry("DATA-RANGE head_birth_date fail", 1L),
                Map.entry("DATA-TYPE members fail", 1L),
                Map.entry("DATA-RANGE members fail", 1L)));

        Map<String, Long> households = failing(report, "households/households-2026-q3.ndjson");
        assertThat(households).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-JSON-SYNTAX fail", 1L),
                Map.entry("DATA-JSON-SCHEMA fail", 3L),
                Map.entry("DATA-UNIQUE household_id fail", 1L),
                Map.entry("DATA-REQUIRED head_id fail", 1L),
                Map.entry("DATA-TYPE members fail", 1L),
                Map.entry("DATA-PATTERN /address/province_code fail", 1L),
                Map.entry("DATA-TYPE registered_at fail", 1L),
                Map.entry("DATA-HEADER-EXTRA-COLUMN fail", 1L),
                Map.entry("household-number-matches-province fail", 1L)));

        Map<String, Long> population = failing(report, "statistics/dan-so-trung-binh-2024.csv");
        assertThat(population).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-RAGGED-ROW fail", 1L),
                Map.entry("DATA-UNIQUE Mã tỉnh fail", 1L)));

        Map<String, Long> businesses = failing(report, "exports/ho-kinh-doanh-phuong-2025.txt");
        assertThat(businesses).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-ENCODING fail", 1L),
                Map.entry("VN-MST-CHECKSUM Mã số thuế fail", 1L),
                Map.entry("DATA-TYPE Ngày cấp fail", 1L)));

        Map<String, Long> budget = failing(report, "finance/du-toan-thu-chi-2025.csv");
        assertThat(budget).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-BOM fail", 1L),
                Map.entry("DATA-TYPE Đã thực hiện (triệu đồng) fail", 1L),
                Map.entry("DATA-RANGE Đã thực hiện (triệu đồng) fail", 1L),
                Map.entry("DATA-RANGE Tỷ lệ thực hiện (%) fail", 1L)));
    }

    @Test
    void theNewExportsAreReadTheWayTheirProfilesDescribeThem() {
        AuditReport report = Reports.parse(CliRunner.run("scan", "../samples", "-f", "json", "--as-of", "2026-11-27",
                "--max-examples", "0").out());
        // "file RULE field" of every failing result, to its first example
        Map<String, Violation> first = report.results().stream().filter(r -> r.status() == Status.FAIL)
                .collect(Collectors.toMap(r -> r.target().replaceAll(".*/", "") + " " + r.rule() + " " + (r.field() == null ? "" : r.field()),
                        Reports::firstExample, (a, later) -> later, HashMap::new));
        // the decimal comma of a comma-separated table splits its value in two: 7 fields on line 11, after 4 lines of title and header
        assertThat(first).containsKeys("dan-so-trung-binh-2024.csv DATA-RAGGED-ROW ", "dan-so-trung-binh-2024.csv DATA-UNIQUE Mã tỉnh",
                "ho-kinh-doanh-phuong-2025.txt DATA-TYPE Ngày cấp", "ho-kinh-doanh-phuong-2025.txt DATA-ENCODING ",
                "du-toan-thu-chi-2025.csv DATA-TYPE Đã thực hiện (triệu đồng)", "du-toan-thu-chi-2025.csv DATA-RANGE Tỷ lệ thực hiện (%)");
        Violation ragged = first.get("dan-so-trung-binh-2024.csv DATA-RAGGED-ROW ");
        assertThat(ragged.row()).isEqualTo(7);
        assertThat(ragged.line()).isEqualTo(11);
        assertThat(first.get("dan-so-trung-binh-2024.csv DATA-UNIQUE Mã tỉnh").row()).isEqualTo(14);
        // UTF-16 read as text, tab-separated, with its dates d/M/yyyy: 31/2/2025 is the one that does not exist
        assertThat(first.get("ho-kinh-doanh-phuong-2025.txt DATA-TYPE Ngày cấp").value()).isEqualTo("31/2/2025");
        assertThat(first.get("ho-kinh-doanh-phuong-2025.txt DATA-ENCODING ").message()).contains("UTF-16LE");
        // decimal commas and dots between thousands: 25,431.5 is written the other way round
        assertThat(first.get("du-toan-thu-chi-2025.csv DATA-TYPE Đã thực hiện (triệu đồng)").value()).isEqualTo("25,431.5");
        assertThat(first.get("du-toan-thu-chi-2025.csv DATA-RANGE Tỷ lệ thực hiện (%)").value()).isEqualTo("-3,0");
    }

    @Test
    void theSampleSystemTreeGivesItsDocumentedFindingsAtTheirFileAndLine() {
        CliRunner r = CliRunner.run("scan", "../samples", "-f", "json", "--as-of", "2026-11-27", "--max-examples", "0");
        AuditReport report = Reports.parse(r.out());
        // "RULE key" of every failing control of the system tree, to the file, line and value of its first example
        Map<String, String> where = report.results().stream()
                .filter(res -> res.status() == Status.FAIL && res.target().startsWith("../samples/system"))
                .collect(Collectors.toMap(res -> res.rule() + " " + res.field(), res -> {
                    Violation v = Reports.firstExample(res);
                    assertThat(v.file()).as(res.rule() + " names its file").isNotNull();
                    return v.file().replace("../samples/system/", "") + (v.line() != null ? ":" + v.line() : "") + " "
                            + (v.value() == null ? "" : v.value());
                }, (a, later) -> later, HashMap::new));
        assertThat(where).containsAllEntriesOf(Map.of(
                "SSH-PASSWORD-AUTH PasswordAuthentication", "etc/ssh/sshd_config.d/50-cloud-init.conf:1 yes",
                "SSH-X11-FORWARDING X11Forwarding", "etc/ssh/sshd_config:90 yes",
                "NGINX-TLS-PROTOCOLS ssl_protocols", "etc/nginx/nginx.conf:33 TLSv1 TLSv1.1 TLSv1.2 TLSv1.3",
                "APACHE-TLS-PROTOCOLS SSLProtocol", "etc/apache2/mods-available/ssl.conf:70 all -SSLv3",
                "APACHE-SERVER-TOKENS ServerTokens", "etc/apache2/conf-available/security.conf:25 OS",
                "LINUX-PASS-MAX-DAYS PASS_MAX_DAYS", "etc/login.defs:160 99999",
                "SSH-ROOT-LOGIN PermitRootLogin", "etc/ssh/sshd_config prohibit-password",
                "VN-SEC-LOG-RETENTION retention-days /var/log/auth.log /var/log/secure /var/log/syslog /var/log/messages",
                "etc/logrotate.d/rsyslog:15 28"));
        assertThat(where).hasSize(35); // every failing control listed in samples/README.md
    }

    @Test
    void theSampleRegisterGivesExactlyItsInjectedDefectsAsOfItsOwnDate() throws Exception {
        CliRunner r = CliRunner.run("scan", "../samples/registers/citizen-register-2025-06.csv", "-f", "json", "--max-examples", "0",
                "--as-of", "2025-06-30");
        assertThat(r.exit()).isEqualTo(1);
        AuditReport report = Reports.parse(r.out());
        assertThat(report.targets().get(0).profiles().get(0)).isEqualTo("vn.citizen-register");
        // "row,column" of every example of a column's result
        java.util.Set<String> found = report.results().stream().filter(res -> res.field() != null)
                .flatMap(res -> res.examples().stream().filter(v -> v.row() != null).map(v -> v.row() + "," + res.field()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        java.util.Set<String> injected = new java.util.TreeSet<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("../samples/registers/injected-defects.txt"))
                .subList(1, 16)) {
            String[] p = line.split(",");
            injected.add(p[0] + "," + p[1]);
        }
        assertThat(found).isEqualTo(injected);
    }

    /**
     * The register's province is its current state: audited after the merger, every record whose
     * province code the merger retired is reported with the province it became, however old its
     * registration, and nothing else changes.
     */
    @Test
    void theSampleRegisterAuditedAfterTheMergerReportsItsRetiredProvinceCodes() throws Exception {
        AuditReport report = Reports.parse(CliRunner.run("scan", "../samples/registers/citizen-register-2025-06.csv", "-f", "json",
                "--max-examples", "0", "--as-of", "2026-11-27").out());
        java.util.Map<String, String[]> merger = new HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("../profiles/src/main/resources/chuan/reference/vn/province-merger-2025.csv")).subList(1, 64)) {
            String[] p = line.split(",");
            merger.put(p[0], new String[] {p[2], p[3]});
        }
        java.util.Map<Long, String> retired = new java.util.TreeMap<>();
        java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../samples/registers/citizen-register-2025-06.csv"));
        for (int i = 1; i < lines.size(); i++) {
            String province = lines.get(i).split(",")[4];
            if (!province.isEmpty() && !merger.get(province)[0].equals(province)) {
                retired.put((long) i, province);
            }
        }
        assertThat(retired).hasSizeGreaterThan(50);
        Result merged = Reports.result(report, "VN-PROVINCE-MERGED");
        assertThat(merged.violations()).isEqualTo(retired.size());
        java.util.Map<Long, String> reported = new java.util.TreeMap<>();
        for (Violation v : merged.examples()) {
            reported.put(v.row(), v.value());
            String[] became = merger.get(v.value());
            assertThat(v.message()).contains("it became " + became[0] + " (" + became[1] + ")");
        }
        assertThat(reported).isEqualTo(retired);
        assertThat(report.results()).as("the injected defects' 10 results, and this one")
                .filteredOn(res -> res.status() == Status.FAIL).hasSize(11);
    }

    @Test
    void theSampleRecordAfterAMultiLineAddressIsPlacedOnItsOwnLine() {
        AuditReport report = Reports.parse(CliRunner.run("scan", "../samples", "-f", "json", "--as-of", "2026-11-27").out());
        Violation ex = Reports.firstExample(Reports.results(report, "DATA-DUPLICATE-ROWS").stream()
                .filter(r -> r.target().endsWith("residents/residents-ben-thanh-2026.csv")).findFirst().orElseThrow());
        assertThat(ex.row()).isEqualTo(20);
        assertThat(ex.line()).isEqualTo(22);
    }
}
