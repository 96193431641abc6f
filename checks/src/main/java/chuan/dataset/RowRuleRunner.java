package chuan.dataset;

import chuan.model.Violation;
import chuan.profile.RowEnvironment;
import chuan.profile.RowRuleSpec;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import java.util.Optional;

/**
 * Runs a profile's row rules over each record a validator thread checks. The expressions read the
 * record's cells through this resolver, which converts a cell to its typed value only when an expression
 * asks for it, once per record. A record where an expression reads a cell without a usable value (missing,
 * or not of the column's type: its own finding says so) is not judged by that rule: CEL gives "unknown",
 * as SQL gives NULL. One per validator thread; the compiled programs are shared.
 */
final class RowRuleRunner implements CelVariableResolver, RowVariables.Cells {

    private final ScanPlan plan;
    private final Tally tally;
    private final RowVariables variables;
    private final CompiledColumn.Scratch scratch = new CompiledColumn.Scratch();
    private final Object[] cache;
    private final long[] cachedFor;
    private long record;
    private Cell[] cells;
    private int[] codes;

    RowRuleRunner(ScanPlan plan, Tally tally, java.time.LocalDate asOf) {
        this.plan = plan;
        this.tally = tally;
        this.variables = new RowVariables(plan.columns, asOf);
        this.cache = new Object[plan.columns.length];
        this.cachedFor = new long[plan.columns.length];
        java.util.Arrays.fill(cachedFor, -1);
    }

    @Override
    public Optional<Object> find(String name) {
        return variables.find(name, this);
    }

    @Override
    public boolean present(int c) {
        Cell v = cells[c];
        return v != null && !plan.columns[c].isMissing(v);
    }

    /** The cell's typed value, or null (unknown to the expression) when it has none or failed its type check. */
    @Override
    public Object value(int c) {
        if (cachedFor[c] == record) {
            return cache[c];
        }
        Cell v = cells[c];
        Object o = v == null || codes[c] == CellCheck.TYPE.ordinal() ? null : plan.columns[c].ruleValue(v, scratch);
        cache[c] = o;
        cachedFor[c] = record;
        return o;
    }

    /** Judges one record: {@code cells} and {@code codes} are the validator's, per profile column. */
    void check(long sequence, Cell[] cells, int[] codes, long row, long line, chuan.source.RecordPlace place) {
        this.record = sequence;
        this.cells = cells;
        this.codes = codes;
        for (ScanPlan.RowRule r : plan.rowRules) {
            RowRuleSpec spec = r.spec();
            String error = null;
            if (spec.when() != null) {
                Object applies;
                try {
                    applies = spec.when().compiled().program().eval(this);
                } catch (CelEvaluationException e) {
                    applies = null;
                    error = e.getMessage();
                }
                if (error == null && applies != Boolean.TRUE) {
                    continue; // false, or unknown because a cell it reads has no value
                }
            }
            Object holds = null;
            if (error == null) {
                try {
                    holds = spec.expect().compiled().program().eval(this);
                } catch (CelEvaluationException e) {
                    error = e.getMessage();
                }
                if (holds != Boolean.TRUE && holds != Boolean.FALSE && error == null) {
                    continue; // unknown: a cell the expectation reads has no value
                }
            }
            tally.ruleChecked[r.slot()]++;
            if (holds == Boolean.TRUE) {
                continue;
            }
            if (!tally.wantsExample(r.slot()) && tally.pending == null) {
                tally.violations[r.slot()]++;
                continue;
            }
            tally.add(plan.slots.get(r.slot()), r.slot(), finding(r, error, row, line, place));
        }
    }

    private Violation finding(ScanPlan.RowRule r, String error, long row, long line, chuan.source.RecordPlace place) {
        RowRuleSpec spec = r.spec();
        Slot slot = plan.slots.get(r.slot());
        String message;
        String expected;
        if (spec.column() != null) {
            expected = "a value where " + spec.when().text();
            message = error != null ? "the condition could not be evaluated: " + error
                    : "value is missing where " + spec.when().text();
        } else {
            expected = spec.expect().text();
            message = error != null ? "the rule could not be evaluated: " + error
                    : "does not hold: " + spec.expect().text();
        }
        Integer column = slot.fileColumn();
        return Violation.builder().row(row == 0 ? null : row).line(line == 0 ? null : line).column(column)
                .field(spec.column() != null ? slot.field() : fieldsRead(spec))
                .value(readValues(spec)).expected(expected).message(message)
                .place(place == null ? null : place.at(column == null ? 0 : column)).build();
    }

    /** A rule about the whole record is reported on the fields it reads: {@code birth_date, death_date}. */
    private String fieldsRead(RowRuleSpec spec) {
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        addReads(spec.when(), seen);
        addReads(spec.expect(), seen);
        java.util.StringJoiner out = new java.util.StringJoiner(", ");
        seen.forEach(c -> out.add(plan.fieldName(c)));
        return out.length() == 0 ? null : out.toString();
    }

    /** The cells the rule reads, as {@code name=value}, each masked when its column holds personal data. */
    private String readValues(RowRuleSpec spec) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        addReads(spec.when(), seen);
        addReads(spec.expect(), seen);
        for (int c : seen) {
            if (spec.column() != null && plan.columns[c].spec.name().equals(spec.column())) {
                continue; // the missing cell itself: the finding is about it
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            Cell v = cells[c];
            String text = v == null || plan.columns[c].isMissing(v) ? null : v.toString();
            sb.append(plan.fieldName(c)).append('=').append(text == null ? "(none)" : tally.shown(text, plan.columns[c].spec.personal()));
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void addReads(RowRuleSpec.Expression e, java.util.Set<Integer> into) {
        if (e != null) {
            for (RowEnvironment.Variable v : e.compiled().reads()) {
                into.add(v.column());
            }
        }
    }
}
