package chuan.audit;

import chuan.model.AuditReport;
import chuan.model.DatasetShape;
import chuan.model.Measurement;
import chuan.model.Result;
import chuan.model.Rule;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Target;
import chuan.model.Violation;
import chuan.profile.HeaderNames;
import chuan.profile.MetricSpec;
import chuan.profile.Profile;
import chuan.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Change over time: this scan's metrics compared with a previous JSON report of the same target and
 * profile ({@code --previous}). Each check with a {@code change}, {@code rise} or {@code fall} limit gives
 * a {@code DATA-METRIC-CHANGE} result; with a previous report, the header is compared too
 * ({@code DATA-SCHEMA-DRIFT}: columns that appeared or disappeared). Nothing to compare with is a stated
 * not-applicable result, never a pass.
 */
public final class Changes {

    static final String CHANGE = "DATA-METRIC-CHANGE";
    static final String DRIFT = "DATA-SCHEMA-DRIFT";

    private final RuleCatalog catalog;
    private final AuditReport previous;
    private final String previousName;

    /** {@code previous} is null without {@code --previous}; {@code previousName} is how messages name its file. */
    public Changes(RuleCatalog catalog, AuditReport previous, String previousName) {
        this.catalog = catalog;
        this.previous = previous;
        this.previousName = previousName;
    }

    /** The previous report's target of this path, or null. */
    Target previousTarget(String path) {
        if (previous == null) {
            return null;
        }
        for (Target t : previous.targets()) {
            if (t.path().equals(path) && "dataset".equals(t.kind())) {
                return t;
            }
        }
        return null;
    }

    /** The change and drift results of one profile's scan of {@code target}, whose results are {@code own}. */
    public List<Result> results(String target, Profile profile, DatasetShape shape, List<Result> own) {
        List<Result> out = new ArrayList<>();
        Target before = previousTarget(target);
        DatasetShape was = before == null ? null : before.shape(profile.id());
        for (MetricSpec m : profile.dataset().checks()) {
            if (!m.changes().isEmpty()) {
                out.add(change(target, profile, m, shape, own, was));
            }
        }
        if (previous != null && shape != null && profile.enabled(DRIFT)) {
            out.add(drift(target, profile, shape, was));
        }
        return out;
    }

    private Result change(String target, Profile profile, MetricSpec m, DatasetShape shape, List<Result> own, DatasetShape was) {
        Rule rule = catalog.get(CHANGE);
        Severity severity = m.severity() != null ? m.severity() : profile.severityOf(rule.id(), rule.severity());
        String limits = String.join(", ", m.changes().stream().map(MetricSpec.Change::display).toList());
        Result.Builder r = Result.of(rule.id(), rule.title(), severity).on(target, m.column());
        Measurement now = measurement(own, profile.id(), m);
        if (previous == null) {
            return r.status(Status.NOT_APPLICABLE).message(m.key() + ": no previous report to compare with (--previous REPORT.json)")
                    .metric(now).build();
        }
        if (was == null) {
            return r.status(Status.NOT_APPLICABLE).message(m.key() + ": no previous value: " + previousName + " holds no scan of "
                    + target + " with profile " + profile.id()).metric(now).build();
        }
        Double current = now == null ? null : now.measured();
        Double before = previousValue(target, profile.id(), m, was);
        if (current == null || before == null) {
            return r.status(Status.NOT_APPLICABLE).message(m.key() + ": " + (current == null ? "no value measured now"
                    : "no previous value in " + previousName)).metric(now).build();
        }
        // a date column's values move by days (a date-time's are kept in seconds)
        chuan.profile.ColumnSpec col = profile.dataset().columns().stream().filter(c -> c.name().equals(m.column())).findFirst().orElse(null);
        boolean dated = col != null && col.type().temporal() && m.metric().valueOfColumn();
        double unit = dated && col.type() == chuan.profile.ColumnType.DATETIME ? 86_400 : 1;
        before = before / unit;
        current = current / unit;
        Status status = Status.PASS;
        List<String> moves = new ArrayList<>();
        double first = Double.NaN;
        for (MetricSpec.Change c : m.changes()) {
            double moved = c.moved(before, current);
            if (Double.isNaN(first)) {
                first = moved;
            }
            if (c.breachedBy(moved)) {
                status = Status.FAIL;
                moves.add(c.display());
            }
        }
        String message = m.key() + " moved from " + shown(before, dated) + " to " + shown(current, dated) + " (" + signed(current - before)
                + (dated ? " days" : before != 0 ? ", " + signed((current - before) / Math.abs(before) * 100) + "%" : "") + ") since "
                + previousName
                + (status == Status.FAIL ? ": beyond " + String.join(", ", moves) : "; limits: " + limits);
        double movedOut = Double.isFinite(first) ? first : current - before;
        return r.status(status).counted(status == Status.PASS ? 0 : 1, 1).message(message)
                .metric(now.compared(before, round(movedOut), limits)).build();
    }

    /** This scan's measurement of check {@code m}: the first metric result of the profile with the check's key. */
    private static Measurement measurement(List<Result> own, String profile, MetricSpec m) {
        for (Result r : own) {
            Measurement x = r.metric();
            if (x != null && x.limits() == null && same(x, profile, m)) {
                return x;
            }
        }
        return null;
    }

    private static boolean same(Measurement x, String profile, MetricSpec m) {
        return profile.equals(x.profile()) && m.metric().label().equals(x.metric()) && java.util.Objects.equals(m.column(), x.column())
                && java.util.Objects.equals(m.q(), x.q()) && java.util.Objects.equals(m.value(), x.value());
    }

    /** The previous value: its row count and columns' fill from the shape it kept, other metrics from its results. */
    private Double previousValue(String target, String profile, MetricSpec m, DatasetShape was) {
        if (m.metric() == MetricSpec.Metric.ROW_COUNT) {
            return (double) was.records();
        }
        if (m.metric() == MetricSpec.Metric.COMPLETENESS) {
            DatasetShape.ColumnFill f = was.column(m.column());
            return f == null || f.cells() == 0 ? null : round((double) f.filled() / f.cells());
        }
        for (Result r : previous.results()) {
            if (target.equals(r.target()) && r.metric() != null && r.metric().limits() == null && same(r.metric(), profile, m)) {
                return r.metric().measured();
            }
        }
        return null;
    }

    private Result drift(String target, Profile profile, DatasetShape shape, DatasetShape was) {
        Rule rule = catalog.get(DRIFT);
        Severity severity = profile.severityOf(rule.id(), rule.severity());
        Result.Builder r = Result.of(rule.id(), rule.title(), severity).on(target, null);
        if (was == null) {
            return r.status(Status.NOT_APPLICABLE).message("no previous header: " + previousName + " holds no scan of " + target
                    + " with profile " + profile.id()).build();
        }
        if (was.header() == null || shape.header() == null) {
            return r.status(Status.NOT_APPLICABLE).message("no header to compare: " + (shape.header() == null ? "this file has none"
                    : previousName + " kept none")).build();
        }
        boolean sensitive = profile.dataset().dialect().headerCaseSensitive();
        Set<String> before = names(was.header(), sensitive);
        Set<String> now = names(shape.header(), sensitive);
        List<Violation> examples = new ArrayList<>();
        int k = 0;
        for (String h : shape.header()) {
            k++;
            if (!before.contains(HeaderNames.normalise(h, sensitive))) {
                examples.add(Violation.builder().column(k).field(h).expected("the columns of the previous report")
                        .message("column appeared since " + previousName).build());
            }
        }
        for (String h : was.header()) {
            if (!now.contains(HeaderNames.normalise(h, sensitive))) {
                examples.add(Violation.builder().field(h).expected("the columns of the previous report")
                        .message("column disappeared since " + previousName).build());
            }
        }
        Set<String> all = new LinkedHashSet<>(before);
        all.addAll(now);
        return r.status(examples.isEmpty() ? Status.PASS : Status.FAIL).counted(examples.size(), all.size())
                .message(examples.isEmpty() ? "the same " + now.size() + " columns as " + previousName
                        : examples.size() + " column(s) appeared or disappeared since " + previousName)
                .examples(examples).build();
    }

    private static Set<String> names(List<String> header, boolean sensitive) {
        Set<String> out = new LinkedHashSet<>();
        header.forEach(h -> out.add(HeaderNames.normalise(h, sensitive)));
        return out;
    }

    private static double round(double v) {
        return v == 0 || !Double.isFinite(v) ? v : new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }

    private static String shown(double v, boolean dated) {
        return dated ? java.time.LocalDate.ofEpochDay((long) Math.floor(v)).toString() : number(v);
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String signed(double v) {
        String n = number(Math.abs(v));
        if (Math.abs(v) < 1e15 && v != Math.rint(v)) {
            n = String.format(Locale.ROOT, "%.2f", Math.abs(v)).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return (v < 0 ? "-" : "+") + n;
    }
}
