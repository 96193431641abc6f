package chuan.dataset;

import chuan.profile.RowEnvironment;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a record is named in row rules: each column's CEL variable and the one its {@code has()} reads, and
 * {@code today}. Shared by the scan's {@link RowRuleRunner} and synth's {@link RowRuleJudge}, so both read a
 * record alike.
 */
final class RowVariables {

    private static final Optional<Object> TRUE = Optional.of(Boolean.TRUE);
    private static final Optional<Object> FALSE = Optional.of(Boolean.FALSE);

    /** A record's cells as the expressions read them: a typed value (null: none usable), whether one is present. */
    interface Cells {
        Object value(int column);

        boolean present(int column);
    }

    private final Map<String, Integer> values = new HashMap<>();
    private final Map<String, Integer> presence = new HashMap<>();
    private final Optional<Object> today;

    RowVariables(CompiledColumn[] columns, LocalDate asOf) {
        for (CompiledColumn c : columns) {
            String name = RowEnvironment.variableName(c.spec.name());
            if (values.putIfAbsent(name, c.index) == null) {
                presence.put(RowEnvironment.presenceOf(name), c.index);
            }
        }
        this.today = Optional.of(asOf.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    Optional<Object> find(String name, Cells cells) {
        Integer c = values.get(name);
        if (c != null) {
            return Optional.ofNullable(cells.value(c));
        }
        c = presence.get(name);
        if (c != null) {
            return cells.present(c) ? TRUE : FALSE;
        }
        return "today".equals(name) ? today : Optional.empty();
    }
}
