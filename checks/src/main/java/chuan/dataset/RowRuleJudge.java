package chuan.dataset;

import chuan.profile.Profile;
import chuan.profile.RowRuleSpec;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A profile's row rules judged on one record of text values outside a scan, as a scan judges them (a
 * cell without a usable value makes an expression unknown): for {@code synth}, which must know that the
 * records it writes keep every rule but the one it breaks on purpose.
 */
public final class RowRuleJudge {

    /** What a rule says of a record. */
    public enum Outcome { HOLDS, BROKEN, NOT_JUDGED }

    private final List<RowRuleSpec> rules;
    private final CompiledColumn[] columns;
    private final SafePattern.Matcher[] matchers;
    private final RowVariables variables;
    private final CompiledColumn.Scratch scratch = new CompiledColumn.Scratch();
    private final Cell cell = new Cell();

    public RowRuleJudge(Profile profile, LocalDate asOf, chuan.standard.ReferenceData reference) {
        this.rules = profile.dataset().rowRules().stream().filter(r -> profile.enabled(r.id())).toList();
        var specs = profile.dataset().columns();
        columns = new CompiledColumn[specs.size()];
        matchers = new SafePattern.Matcher[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            columns[i] = new CompiledColumn(specs.get(i), i, asOf, reference);
            matchers[i] = columns[i].newMatcher();
        }
        variables = new RowVariables(columns, asOf);
    }

    public List<RowRuleSpec> rules() {
        return rules;
    }

    /** The profile columns rule {@code k} reads, in profile order. */
    public List<Integer> reads(int k) {
        TreeSet<Integer> out = new TreeSet<>();
        RowRuleSpec r = rules.get(k);
        for (RowRuleSpec.Expression e : java.util.Arrays.asList(r.when(), r.expect())) {
            if (e != null) {
                e.compiled().reads().forEach(v -> out.add(v.column()));
            }
        }
        return new ArrayList<>(out);
    }

    /** Judges rule {@code k} on a record whose values are in profile column order ("" for none). */
    public Outcome judge(int k, String[] record) {
        RowRuleSpec r = rules.get(k);
        RowVariables.Cells cells = new RowVariables.Cells() {
            @Override
            public Object value(int c) {
                return RowRuleJudge.this.value(c, record);
            }

            @Override
            public boolean present(int c) {
                return record[c] != null && !columns[c].isMissing(cell.text(record[c]));
            }
        };
        CelVariableResolver resolver = name -> variables.find(name, cells);
        try {
            if (r.when() != null && r.when().compiled().program().eval(resolver) != Boolean.TRUE) {
                return Outcome.NOT_JUDGED;
            }
            Object holds = r.expect().compiled().program().eval(resolver);
            return holds == Boolean.TRUE ? Outcome.HOLDS : holds == Boolean.FALSE ? Outcome.BROKEN : Outcome.NOT_JUDGED;
        } catch (CelEvaluationException e) {
            return Outcome.BROKEN; // a scan reports a rule it cannot evaluate
        }
    }

    /** A cell's typed value as a scan reads it: none when missing or not of its column's type. */
    private Object value(int c, String[] record) {
        String v = record[c];
        if (v == null) {
            return null;
        }
        cell.text(v);
        if (columns[c].isMissing(cell) || columns[c].check(cell, matchers[c]) == CellCheck.TYPE.ordinal()) {
            return null;
        }
        return columns[c].ruleValue(cell.text(v), scratch);
    }
}
