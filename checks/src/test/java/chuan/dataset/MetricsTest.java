package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Measurement;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset metrics on fixtures/metrics/measures.csv, worked out by hand:
 * age (integer) 20, 30, 40, 50 and one empty: n 4, min 20, max 50, mean 35, sample stddev
 * sqrt((225 + 25 + 25 + 225) / 3) = sqrt(166.67) = 12.9099444874; nearest-rank median ceil(0.5 * 4) = 2nd = 30,
 * 0.75 quantile the 3rd = 40. joined (date): newest 2025-06-20, 10 days before the as-of 2025-06-30; oldest
 * 2024-12-31. updated_at (datetime): newest 2025-06-28T23:30Z, 2 days old. income (number): 100.5, 200,
 * 300.25 (empty and "abc" not measured): mean 200.25. gender: Nam 3 of 5 (0.6), Nữ 2 (0.4). province_code: 01 twice,
 * 79 three times: 2 distinct; the expected group 48 absent. id (personal): 1 to 5, 5 distinct, max 5 masked.
 */
class MetricsTest {

    static final Path DIR = Path.of("src/test/resources/fixtures/metrics");
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private final DatasetScanner scanner = new DatasetScanner(RuleCatalog.builtIn());
    private final chuan.model.Fingerprints fingerprints = chuan.model.Fingerprints.ephemeral();

    private DatasetOutcome scan(Path file, String profile, int workers) throws Exception {
        Profile p = new ProfileLoader(RuleCatalog.builtIn()).load(DIR.resolve(profile));
        return scanner.scan(file, file.getFileName().toString(), p,
                new ScanOptions(AS_OF, 20, false, workers, chuan.standard.ReferenceData.builtIn(), fingerprints));
    }

    /** The result of the check measuring {@code metric} of {@code column} (and {@code extra}: q or value), the n-th such. */
    static Result metric(DatasetOutcome o, String metric, String column, Object extra, int nth) {
        List<Result> found = o.results().stream().filter(r -> r.metric() != null && r.metric().metric().equals(metric)
                && Objects.equals(r.metric().column(), column)
                && (extra == null || Objects.equals(r.metric().q(), extra) || Objects.equals(r.metric().value(), extra))).toList();
        assertThat(found.size()).as(metric + " of " + column).isGreaterThan(nth);
        return found.get(nth);
    }

    static Result metric(DatasetOutcome o, String metric, String column) {
        return metric(o, metric, column, null, 0);
    }

    @Test
    void everyMetricMeasuresTheValuesWorkedOutByHandAndPassesItsThresholds() throws Exception {
        DatasetOutcome o = scan(DIR.resolve("measures.csv"), "measures-pass.yaml", 2);
        assertThat(o.results().stream().filter(r -> r.metric() != null && !r.rule().equals("DATA-COMPLETENESS")))
                .hasSize(17).allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS));
        assertThat(metric(o, "freshness", "joined").metric().measured()).isEqualTo(10.0);
        assertThat(metric(o, "freshness", "joined").message()).contains("newest 2025-06-20");
        assertThat(metric(o, "freshness", "updated_at").metric().measured()).isEqualTo(2.0);
        assertThat(metric(o, "min", "age").metric().measured()).isEqualTo(20.0);
        assertThat(metric(o, "max", "age").metric().measured()).isEqualTo(50.0);
        assertThat(metric(o, "mean", "age").metric().measured()).isEqualTo(35.0);
        assertThat(metric(o, "stddev", "age").metric().measured()).isEqualTo(12.9099444874);
        assertThat(metric(o, "quantile", "age", 0.5, 0).metric().measured()).isEqualTo(30.0);
        assertThat(metric(o, "quantile", "age", 0.75, 0).metric().measured()).isEqualTo(40.0);
        assertThat(metric(o, "min", "joined").metric().shown()).isEqualTo("2024-12-31");
        assertThat(metric(o, "min", "joined").metric().measured()).isEqualTo((double) LocalDate.of(2024, 12, 31).toEpochDay());
        assertThat(metric(o, "max", "joined").metric().shown()).isEqualTo("2025-06-20");
        assertThat(metric(o, "mean", "income").metric().measured()).isEqualTo(200.25);
        assertThat(metric(o, "mean", "income").checked()).as("the empty cell and 'abc' are not measured").isEqualTo(3);
        assertThat(metric(o, "distinct-count", "province_code").metric().measured()).isEqualTo(2.0);
        assertThat(metric(o, "distinct-count", "id").metric().measured()).isEqualTo(5.0);
        assertThat(metric(o, "value-share", "gender", "Nam", 0).metric().measured()).isEqualTo(0.6);
        Measurement shares = metric(o, "value-share", "gender", null, 1).metric();
        assertThat(shares.values()).containsEntry("Nam", 0.6).containsEntry("Nữ", 0.4);
        Measurement groups = metric(o, "rows-per-group", "province_code").metric();
        assertThat(groups.values()).containsExactly(java.util.Map.entry("01", 2.0), java.util.Map.entry("79", 3.0));
    }

    @Test
    void metricsOutsideTheirThresholdsFailOrWarnAndNameEachGroupThatBreaches() throws Exception {
        DatasetOutcome o = scan(DIR.resolve("measures.csv"), "measures-fail.yaml", 2);
        assertThat(metric(o, "freshness", "joined").status()).isEqualTo(Status.FAIL);
        assertThat(metric(o, "freshness", "updated_at").status()).isEqualTo(Status.WARN);
        assertThat(metric(o, "min", "age").status()).isEqualTo(Status.FAIL);
        assertThat(metric(o, "max", "age").status()).isEqualTo(Status.FAIL);
        assertThat(metric(o, "mean", "age").status()).isEqualTo(Status.WARN);
        assertThat(metric(o, "stddev", "age").status()).isEqualTo(Status.FAIL);
        assertThat(metric(o, "quantile", "age").status()).isEqualTo(Status.FAIL);
        assertThat(metric(o, "min", "joined").status()).as("2024-12-31 < 2025-01-01, compared as dates").isEqualTo(Status.FAIL);
        assertThat(metric(o, "distinct-count", "province_code").status()).isEqualTo(Status.FAIL);
        assertThat(metric(o, "value-share", "gender", "Nữ", 0).status()).isEqualTo(Status.FAIL);
        Result shares = metric(o, "value-share", "gender", null, 1);
        assertThat(shares.status()).isEqualTo(Status.FAIL);
        assertThat(shares.examples()).extracting(Violation::value).containsExactly("Nam");
        Result groups = metric(o, "rows-per-group", "province_code");
        assertThat(groups.status()).isEqualTo(Status.FAIL);
        assertThat(groups.violations()).isEqualTo(2);
        assertThat(groups.examples()).extracting(Violation::value).containsExactly("01", "48");
        assertThat(groups.examples().get(1).message()).contains("absent");
        assertThat(groups.message()).contains("1 absent");
    }

    @Test
    void aPersonalColumnsValueIsMaskedAndLeftOutOfTheNumbers() throws Exception {
        DatasetOutcome o = scan(DIR.resolve("measures.csv"), "measures-fail.yaml", 1);
        Result max = metric(o, "max", "id");
        assertThat(max.status()).as("still judged: 5 > 4").isEqualTo(Status.FAIL);
        assertThat(max.metric().measured()).isNull();
        assertThat(max.message()).doesNotContain("5 over").contains("is * over 5 values");
    }

    @Test
    void mergedMetricsAreIdenticalWhateverTheNumberOfValidatorThreads(@TempDir Path tmp) throws Exception {
        // 60,000 records: several 1 MiB chunks, spread over the threads
        Path file = tmp.resolve("many.csv");
        StringBuilder sb = new StringBuilder("id,age,joined,gender,province_code,income,updated_at\n");
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 1; i <= 60_000; i++) {
            sb.append(i).append(',').append(rnd.nextInt(90)).append(',')
                    .append(LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(2000))).append(',')
                    .append(rnd.nextInt(10) < 6 ? "Nam" : "Nữ").append(',').append(String.format("%02d", rnd.nextInt(30) + 1))
                    .append(',').append(rnd.nextInt(1_000_000) / 100.0).append(",2025-06-01T00:00:00Z").append("\n".repeat(1));
            sb.append("");
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        DatasetOutcome one = scan(file, "measures-pass.yaml", 1);
        DatasetOutcome four = scan(file, "measures-pass.yaml", 4);
        List<String> a = one.results().stream().filter(r -> r.metric() != null).map(MetricsTest::describe).toList();
        List<String> b = four.results().stream().filter(r -> r.metric() != null).map(MetricsTest::describe).toList();
        assertThat(a).hasSize(17).isEqualTo(b);
        assertThat(metric(one, "distinct-count", "id").metric().measured()).isEqualTo(60_000.0);
        assertThat(metric(one, "distinct-count", "province_code").metric().measured()).isEqualTo(30.0);
        assertThat(metric(one, "value-share", "gender", "Nam", 0).metric().measured()).isBetween(0.58, 0.62);
        assertThat(metric(one, "rows-per-group", "province_code", null, 0).metric().values()).hasSize(30).doesNotContainKey("79");
    }

    private static String describe(Result r) {
        return r.rule() + " " + r.status() + " " + r.message() + " " + r.metric() + " " + r.violations() + "/" + r.checked();
    }

    /** The sample kept for quantiles past its limit depends on record numbers only: the same whichever thread read which. */
    @Test
    void aQuantileSamplePastItsLimitIsTheSameHoweverTheRecordsWereSplit() {
        ColumnMeasure.Sample whole = new ColumnMeasure.Sample(1000);
        ColumnMeasure.Sample left = new ColumnMeasure.Sample(1000);
        ColumnMeasure.Sample right = new ColumnMeasure.Sample(1000);
        for (long row = 1; row <= 50_000; row++) {
            double x = (row * 7919) % 10_007;
            whole.add(x, row);
            (row % 3 == 0 ? left : right).add(x, row);
        }
        left.merge(right);
        assertThat(whole.exact()).isFalse();
        assertThat(whole.size).isBetween(500, 1000);
        assertThat(left.level).isEqualTo(whole.level);
        assertThat(left.sorted()).isEqualTo(whole.sorted());
        // every value below 10,007 is equally likely: the sample's median is near the middle
        double median = whole.sorted()[whole.size / 2];
        assertThat(median).isBetween(10_007 * 0.45, 10_007 * 0.55);
    }

    @Test
    void theDistinctEstimateIsWithinItsStatedError() {
        Hll a = new Hll();
        Hll b = new Hll();
        for (int i = 0; i < 1_000_000; i++) {
            long h = ValueTable.hash("v" + i);
            (i % 2 == 0 ? a : b).add(h);
            a.add(ValueTable.hash("v" + (i / 2))); // repeats: counted once
        }
        a.merge(b);
        assertThat((double) a.estimate()).isBetween(1_000_000 * 0.975, 1_000_000 * 1.025); // 3 standard errors
    }

    @Test
    void theValueTableCountsDigitsAndTextApartAndStopsAtItsLimit() {
        ValueTable t = new ValueTable(3);
        t.add("007");
        t.add("7");
        t.add("007");
        t.add("Hà Nội");
        t.add("x");
        assertThat(t.count("007")).isEqualTo(2);
        assertThat(t.count("7")).isEqualTo(1);
        assertThat(t.count("Hà Nội")).isEqualTo(1);
        assertThat(t.full()).isTrue();
        assertThat(t.others).isEqualTo(1);
        ValueTable u = new ValueTable(10);
        u.add("7");
        u.merge(t);
        assertThat(u.count("7")).isEqualTo(2);
        assertThat(u.text(1)).isEqualTo("007");
    }
}
