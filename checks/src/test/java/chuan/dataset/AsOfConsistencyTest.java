package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Status;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.rules.RuleCatalog;
import chuan.standard.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of a profile judges the audit date the same way: a rule never says "not in force"
 * while its sibling rules judge the values by a list that is not in force either.
 */
class AsOfConsistencyTest {

    static final RuleCatalog CATALOG = RuleCatalog.builtIn();

    static List<Result> scan(Profile p, Path f, LocalDate asOf) {
        return new DatasetScanner(CATALOG).scan(f, f.getFileName().toString(), p, new ScanOptions(asOf, 5, false, 2)).results();
    }

    static Result result(List<Result> results, String rule) {
        return results.stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
    }

    /** No rule that is not in force on the audit date has judged anything (none out of force is consistent too). */
    static void assertConsistent(List<Result> results) {
        assertThat(results).isNotEmpty()
                .filteredOn(r -> r.status() == Status.NOT_APPLICABLE && r.message() != null && r.message().startsWith("rule not in force"))
                .allSatisfy(r -> assertThat(r.violations()).as(r.rule() + " " + r.field() + " is not in force but counted violations")
                        .isZero());
    }

    /** The 2004 scheme's commune table as it stood on {@code day}, written as vn.admin-units expects it. */
    static Path communeTable(Path dir, LocalDate day, Set<String> codes, List<String> provinces) throws Exception {
        StringBuilder sb = new StringBuilder("code,name,type,province_code,province_name\n");
        for (CSVRecord r : ReferenceData.builtIn().rows("vn", "communes-2004.csv")) {
            boolean started = r.get("valid_from").isBlank() || !LocalDate.parse(r.get("valid_from")).isAfter(day);
            if (started && !LocalDate.parse(r.get("valid_to")).isBefore(day)) {
                sb.append(r.get("code")).append(',').append(r.get("name")).append(',').append(r.get("type")).append(',')
                        .append(r.get("province_code")).append(',').append(r.get("province_name")).append('\n');
                codes.add(r.get("code"));
                provinces.add(r.get("province_code"));
            }
        }
        Path f = dir.resolve("don-vi-hanh-chinh-" + day + ".csv");
        Files.writeString(f, sb);
        return f;
    }

    static Set<String> column(String file, String name) {
        Set<String> s = new HashSet<>();
        ReferenceData.builtIn().rows("vn", file).forEach(r -> s.add(r.get(name)));
        return s;
    }

    @Test
    void theAdminUnitsProfileJudgesATableByTheListInForceOnTheAuditDate(@TempDir Path dir) throws Exception {
        Profile p = new ProfileRegistry(new ProfileLoader(CATALOG)).builtIns().get("vn.admin-units");
        LocalDate day = LocalDate.of(2025, 1, 4);
        Set<String> codes = new HashSet<>();
        List<String> provinces = new java.util.ArrayList<>();
        Path table = communeTable(dir, day, codes, provinces);
        assertThat(codes).hasSizeGreaterThan(10_000);

        // on its own date the table is the list in force: every rule passes, none judges another list
        List<Result> then = scan(p, table, day);
        assertConsistent(then);
        assertThat(then).filteredOn(r -> r.status() == Status.FAIL).isEmpty();
        assertThat(result(then, "VN-COMMUNE-CODE").status()).isEqualTo(Status.PASS);
        assertThat(result(then, "VN-COMMUNE-PROVINCE").status()).as("in force under the 2004 list too").isEqualTo(Status.PASS);
        assertThat(result(then, "VN-COMMUNE-PROVINCE").checked()).isEqualTo(codes.size());
        assertThat(result(then, "VN-PROVINCE-MERGED").status()).isEqualTo(Status.NOT_APPLICABLE);

        // after the merger the same table is stale, and every rule says so by the 2025 list
        List<Result> after = scan(p, table, LocalDate.of(2025, 7, 1));
        assertConsistent(after);
        Set<String> communes2025 = column("communes-2025.csv", "code");
        Set<String> provinces2025 = column("provinces-2025.csv", "code");
        assertThat(result(after, "VN-COMMUNE-CODE").violations())
                .isEqualTo(codes.stream().filter(c -> !communes2025.contains(c)).count());
        assertThat(result(after, "VN-PROVINCE-MERGED").status()).isEqualTo(Status.FAIL);
        assertThat(result(after, "VN-PROVINCE-MERGED").violations())
                .isEqualTo(provinces.stream().filter(c -> !provinces2025.contains(c)).count());
    }

    @Test
    void aPinnedListCarriesItsDatesToEveryRuleOfTheColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("units.csv");
        Files.writeString(csv, "province,commune\n02,01078\n01,00004\n");
        ProfileLoader loader = new ProfileLoader(CATALOG);
        Path y2025 = dir.resolve("p2025.yaml");
        Files.writeString(y2025, "profile: t.p2025\nversion: '1'\ntitle: T\nkind: dataset\ndataset:\n  columns:\n"
                + "    - {name: province, type: vn.province-code, scheme: 2025}\n"
                + "    - {name: commune, type: vn.commune-code, scheme: 2025, province: province}\n");
        // before the merger, a column pinned to the 2025 list is judged by it, rule validity included
        List<Result> early = scan(loader.load(y2025), csv, LocalDate.of(2025, 1, 4));
        assertConsistent(early);
        assertThat(result(early, "VN-PROVINCE-MERGED").status()).isEqualTo(Status.FAIL);
        assertThat(result(early, "VN-PROVINCE-MERGED").violations()).isEqualTo(1);
        assertThat(result(early, "VN-COMMUNE-CODE").violations()).as("01078 is not a 2025 commune").isEqualTo(1);
        assertThat(result(early, "VN-COMMUNE-PROVINCE").status()).isEqualTo(Status.PASS);

        Path y2004 = dir.resolve("p2004.yaml");
        Files.writeString(y2004, "profile: t.p2004\nversion: '1'\ntitle: T\nkind: dataset\ndataset:\n  columns:\n"
                + "    - {name: province, type: vn.province-code, scheme: 2004}\n"
                + "    - {name: commune, type: vn.commune-code, scheme: 2004, province: province}\n");
        // after the merger, a column pinned to the 2004 list has no merged codes to report: the rule is not in force for it
        List<Result> late = scan(loader.load(y2004), csv, LocalDate.of(2026, 1, 1));
        assertConsistent(late);
        assertThat(result(late, "VN-PROVINCE-MERGED").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(result(late, "VN-PROVINCE-MERGED").message()).contains("2025-06-30");
        assertThat(result(late, "VN-COMMUNE-CODE").violations()).as("01078 was merged in 2020").isEqualTo(1);
    }

    @Test
    void everyBuiltInDatasetProfileIsConsistentAroundTheMerger(@TempDir Path dir) throws Exception {
        var builtIns = new ProfileRegistry(new ProfileLoader(CATALOG)).builtIns();
        for (String id : List.of("vn.citizen-register", "vn.enterprise-register", "vn.admin-units", "vn.open-data")) {
            Profile p = builtIns.get(id);
            // open data has no columns of its own to make: it is given a register to look through
            Profile maker = id.equals("vn.open-data") ? builtIns.get("vn.citizen-register") : p;
            for (LocalDate made : List.of(LocalDate.of(2025, 1, 4), LocalDate.of(2025, 7, 1))) {
                Path data = dir.resolve(id + "-" + made + ".csv");
                try (var out = Files.newBufferedWriter(data); var truth = new java.io.StringWriter()) {
                    new chuan.synth.Synthesizer(maker, made, ReferenceData.builtIn()).write(300, 0.05, 7, data.toString(), out, truth);
                }
                for (LocalDate asOf : List.of(LocalDate.of(2025, 1, 4), LocalDate.of(2025, 7, 1), LocalDate.of(2026, 11, 30))) {
                    assertConsistent(scan(p, data, asOf));
                }
            }
        }
    }
}
