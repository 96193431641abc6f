package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Scans every file in samples/ and asserts the results documented in samples/README.md. */
class SamplesTest {

    private static Map<String, Integer> failing(JSONObject report, String target) {
        Map<String, Integer> out = new HashMap<>();
        JSONArray results = report.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            JSONObject r = results.getJSONObject(i);
            if (r.getString("target").endsWith(target) && (r.getString("status").equals("fail") || r.getString("status").equals("warn"))) {
                out.put(r.getString("rule") + (r.has("field") ? " " + r.getString("field") : "") + " " + r.getString("status"),
                        r.getInt("violations"));
            }
        }
        return out;
    }

    @Test
    void theSamplesGiveTheirDocumentedResults() {
        CliRunner r = CliRunner.run("scan", "../samples", "-f", "json", "--as-of", "2026-11-27", "--max-examples", "0");
        assertThat(r.exit()).isEqualTo(1);
        JSONObject report = new JSONObject(r.out());
        // 6 datasets and the system tree's 13 configurations (samples/README.md)
        assertThat(report.getJSONArray("targets").length()).isEqualTo(19);
        assertThat(report.getJSONArray("errors").length()).isZero();

        Map<String, Integer> citizens = failing(report, "residents/residents-ben-thanh-2026.csv");
        assertThat(citizens).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-PATTERN Số định danh fail", 1),
                Map.entry("DATA-UNIQUE Số định danh fail", 2),
                Map.entry("DATA-REQUIRED Họ và tên fail", 1),
                Map.entry("DATA-NFC Họ và tên fail", 1),
                Map.entry("DATA-ENUM Giới tính fail", 1),
                Map.entry("DATA-TYPE Ngày sinh fail", 1),
                Map.entry("DATA-RANGE Ngày sinh fail", 1),
                Map.entry("DATA-TYPE Số nhân khẩu fail", 1),
                Map.entry("DATA-RANGE Số nhân khẩu fail", 1),
                Map.entry("DATA-TYPE Email fail", 1),
                Map.entry("DATA-HEADER-EXTRA-COLUMN fail", 1),
                Map.entry("DATA-DUPLICATE-ROWS fail", 1),
                Map.entry("DATA-COMPLETENESS Email warn", 2)));

        Map<String, Integer> households = failing(report, "households/households-2026-q3.ndjson");
        assertThat(households).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-JSON-SYNTAX fail", 1),
                Map.entry("DATA-JSON-SCHEMA fail", 3),
                Map.entry("DATA-UNIQUE household_id fail", 1),
                Map.entry("DATA-REQUIRED head_id fail", 1),
                Map.entry("DATA-TYPE members fail", 1),
                Map.entry("DATA-PATTERN /address/province_code fail", 1),
                Map.entry("DATA-TYPE registered_at fail", 1),
                Map.entry("DATA-HEADER-EXTRA-COLUMN fail", 1)));

        Map<String, Integer> population = failing(report, "statistics/dan-so-trung-binh-2024.csv");
        assertThat(population).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-RAGGED-ROW fail", 1),
                Map.entry("DATA-UNIQUE Mã tỉnh fail", 1)));

        Map<String, Integer> businesses = failing(report, "exports/ho-kinh-doanh-phuong-2025.txt");
        assertThat(businesses).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-ENCODING fail", 1),
                Map.entry("VN-MST-CHECKSUM Mã số thuế fail", 1),
                Map.entry("DATA-TYPE Ngày cấp fail", 1)));

        Map<String, Integer> budget = failing(report, "finance/du-toan-thu-chi-2025.csv");
        assertThat(budget).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATA-BOM fail", 1),
                Map.entry("DATA-TYPE Đã thực hiện (triệu đồng) fail", 1),
                Map.entry("DATA-RANGE Đã thực hiện (triệu đồng) fail", 1),
                Map.entry("DATA-RANGE Tỷ lệ thực hiện (%) fail", 1)));
    }

    @Test
    void theNewExportsAreReadTheWayTheirProfilesDescribeThem() {
        JSONObject report = new JSONObject(CliRunner.run("scan", "../samples", "-f", "json", "--as-of", "2026-11-27",
                "--max-examples", "0").out());
        Map<String, JSONObject> first = new HashMap<>();
        JSONArray results = report.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            JSONObject r = results.getJSONObject(i);
            if (r.getString("status").equals("fail")) {
                first.put(r.getString("target").replaceAll(".*/", "") + " " + r.getString("rule") + " " + r.optString("field"),
                        r.getJSONArray("examples").getJSONObject(0));
            }
        }
        // the decimal comma of a comma-separated table splits its value in two: 7 fields on line 11, after 4 lines of title and header
        JSONObject ragged = first.get("dan-so-trung-binh-2024.csv DATA-RAGGED-ROW ");
        assertThat(ragged.getInt("row")).isEqualTo(7);
        assertThat(ragged.getInt("line")).isEqualTo(11);
        assertThat(first.get("dan-so-trung-binh-2024.csv DATA-UNIQUE Mã tỉnh").getInt("row")).isEqualTo(14);
        // UTF-16 read as text, tab-separated, with its dates d/M/yyyy: 31/2/2025 is the one that does not exist
        assertThat(first.get("ho-kinh-doanh-phuong-2025.txt DATA-TYPE Ngày cấp").getString("value")).isEqualTo("31/2/2025");
        assertThat(first.get("ho-kinh-doanh-phuong-2025.txt DATA-ENCODING ").getString("message")).contains("UTF-16LE");
        // decimal commas and dots between thousands: 25,431.5 is written the other way round
        assertThat(first.get("du-toan-thu-chi-2025.csv DATA-TYPE Đã thực hiện (triệu đồng)").getString("value"))
                .isEqualTo("25,431.5");
        assertThat(first.get("du-toan-thu-chi-2025.csv DATA-RANGE Tỷ lệ thực hiện (%)").getString("value")).isEqualTo("-3,0");
    }

    @Test
    void theSampleSystemTreeGivesItsDocumentedFindingsAtTheirFileAndLine() {
        CliRunner r = CliRunner.run("scan", "../samples", "-f", "json", "--as-of", "2026-11-27", "--max-examples", "0");
        JSONObject report = new JSONObject(r.out());
        Map<String, String> where = new HashMap<>();
        JSONArray results = report.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            JSONObject res = results.getJSONObject(i);
            if (res.getString("status").equals("fail") && res.getString("target").startsWith("../samples/system")) {
                JSONObject v = res.getJSONArray("examples").getJSONObject(0);
                where.put(res.getString("rule") + " " + res.getString("field"),
                        v.getString("file").replace("../samples/system/", "") + (v.has("line") ? ":" + v.getInt("line") : "")
                                + " " + v.optString("value"));
            }
        }
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
        CliRunner r = CliRunner.run("scan", "../samples/registers", "-f", "json", "--max-examples", "0", "--as-of", "2025-06-30");
        assertThat(r.exit()).isEqualTo(1);
        JSONObject report = new JSONObject(r.out());
        assertThat(report.getJSONArray("targets").getJSONObject(0).getJSONArray("profiles").getString(0))
                .isEqualTo("vn.citizen-register");
        java.util.Set<String> found = new java.util.TreeSet<>();
        JSONArray results = report.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            JSONObject res = results.getJSONObject(i);
            JSONArray ex = res.getJSONArray("examples");
            for (int k = 0; k < ex.length(); k++) {
                if (ex.getJSONObject(k).has("row") && res.has("field")) {
                    found.add(ex.getJSONObject(k).getInt("row") + "," + res.getString("field"));
                }
            }
        }
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
        JSONObject report = new JSONObject(CliRunner.run("scan", "../samples/registers", "-f", "json", "--max-examples", "0",
                "--as-of", "2026-11-27").out());
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
        JSONArray results = report.getJSONArray("results");
        java.util.Map<Long, String> reported = new java.util.TreeMap<>();
        int failing = 0;
        for (int i = 0; i < results.length(); i++) {
            JSONObject res = results.getJSONObject(i);
            failing += res.getString("status").equals("fail") ? 1 : 0;
            if (res.getString("rule").equals("VN-PROVINCE-MERGED")) {
                assertThat(res.getInt("violations")).isEqualTo(retired.size());
                JSONArray ex = res.getJSONArray("examples");
                for (int k = 0; k < ex.length(); k++) {
                    JSONObject v = ex.getJSONObject(k);
                    reported.put(v.getLong("row"), v.getString("value"));
                    String[] became = merger.get(v.getString("value"));
                    assertThat(v.getString("message")).contains("it became " + became[0] + " (" + became[1] + ")");
                }
            }
        }
        assertThat(reported).isEqualTo(retired);
        assertThat(failing).as("the injected defects' 10 results, and this one").isEqualTo(11);
    }

    @Test
    void theSampleRecordAfterAMultiLineAddressIsPlacedOnItsOwnLine() {
        JSONObject report = new JSONObject(CliRunner.run("scan", "../samples", "-f", "json", "--as-of", "2026-11-27").out());
        JSONArray results = report.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            JSONObject r = results.getJSONObject(i);
            if (r.getString("rule").equals("DATA-DUPLICATE-ROWS")) {
                JSONObject ex = r.getJSONArray("examples").getJSONObject(0);
                assertThat(ex.getInt("row")).isEqualTo(20);
                assertThat(ex.getInt("line")).isEqualTo(22);
                return;
            }
        }
        throw new AssertionError("no duplicate-rows result");
    }
}
