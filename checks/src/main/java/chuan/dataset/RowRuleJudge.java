package chuan.dataset;

import chuan.profile.Profile;
import chuan.profile.RowEnvironment;
import chuan.profile.RowRuleSpec;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Map<String, Integer> values = new HashMap<>();
    private final Map<String, Integer> presence = new HashMap<>();
    private final Optional<Object> today;
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
            String name = RowEnvironment.variableName(specs.get(i).name());
            if (values.putIfAbsent(name, i) == null) {
                presence.put(RowEnvironment.presenceOf(name), i);
            }
        }
        today = Optional.of(asOf.atStartOfDay(ZoneOffset.UTC).toInstant());
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
        CelVariableResolver resolver = name -> find(name, record);
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

    private Optional<Object> find(String name, String[] record) {
        Integer c = values.get(name);
        if (c != null) {
            String v = record[c];
            if (v == null) {
                return Optional.empty();
            }
            cell.text(v);
            if (columns[c].isMissing(cell) || columns[c].check(cell, matchers[c]) == CellCheck.TYPE.ordinal()) {
                return Optional.empty();
            }
            return Optional.ofNullable(columns[c].ruleValue(cell.text(v), scratch));
        }
        c = presence.get(name);
        if (c != null) {
            String v = record[c];
            return Optional.of(v != null && !columns[c].isMissing(cell.text(v)));
        }
        return "today".equals(name) ? today : Optional.empty();
    }
}
