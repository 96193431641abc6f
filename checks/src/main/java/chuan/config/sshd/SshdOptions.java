package chuan.config.sshd;

import chuan.config.Directive;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The options one pass over the configuration set (servconf.c's ServerOptions before defaults are
 * filled in): for each option the values read, the directive that set them, and the directives that
 * came later and were ignored. Unset options have no slot.
 */
final class SshdOptions {

    /** An option's values and where they came from. */
    static final class Slot {
        final List<String> values = new ArrayList<>();
        Directive from;
        final List<Directive> ignored = new ArrayList<>();

        String first() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private final Map<SshdOption, Slot> slots = new EnumMap<>(SshdOption.class);

    boolean isSet(SshdOption o) {
        return slots.containsKey(o);
    }

    Slot get(SshdOption o) {
        return slots.get(o);
    }

    /** The option's values, empty when unset. */
    List<String> values(SshdOption o) {
        Slot s = slots.get(o);
        return s == null ? List.of() : s.values;
    }

    int count(SshdOption o) {
        return values(o).size();
    }

    /** The first value wins: set when unset, else the directive is listed as ignored. */
    void first(SshdOption o, Directive d, String... values) {
        first(o, d, List.of(values));
    }

    void first(SshdOption o, Directive d, List<String> values) {
        Slot s = slots.get(o);
        if (s != null) {
            s.ignored.add(d);
            return;
        }
        set(o, d, values);
    }

    /** The last value wins (IPQoS, MaxStartups, FingerprintHash ... as servconf.c assigns them). */
    void last(SshdOption o, Directive d, String... values) {
        Slot s = slots.get(o);
        List<Directive> before = new ArrayList<>();
        if (s != null) {
            before.addAll(s.ignored);
            if (s.from != null) {
                before.add(s.from);
            }
        }
        Slot n = set(o, d, List.of(values));
        n.ignored.addAll(before);
    }

    /** Values that accumulate (Port, AllowUsers, AcceptEnv ...): the first directive stays the origin. */
    void append(SshdOption o, Directive d, String value) {
        Slot s = slots.computeIfAbsent(o, k -> new Slot());
        if (s.from == null) {
            s.from = d;
        }
        s.values.add(value);
    }

    /** A directive that had no effect on a set option (a later line of a first-line-wins list). */
    void ignore(SshdOption o, Directive d) {
        Slot s = slots.get(o);
        if (s != null && s.from != d) {
            s.ignored.add(d);
        }
    }

    private Slot set(SshdOption o, Directive d, List<String> values) {
        Slot s = new Slot();
        s.from = d;
        s.values.addAll(values);
        slots.put(o, s);
        return s;
    }

    /** A copy whose slots can be changed without changing these. */
    SshdOptions copy() {
        SshdOptions c = new SshdOptions();
        for (var e : slots.entrySet()) {
            Slot s = new Slot();
            s.values.addAll(e.getValue().values);
            s.from = e.getValue().from;
            s.ignored.addAll(e.getValue().ignored);
            c.slots.put(e.getKey(), s);
        }
        return c;
    }

    /** servconf.c's copy_set_server_options: a matching Match block's values over the global ones. */
    static SshdOptions overlay(SshdOptions global, SshdOptions match) {
        SshdOptions out = new SshdOptions();
        out.slots.putAll(global.slots);
        for (var e : match.slots.entrySet()) {
            if (e.getKey().copy() != SshdOption.Copy.REPLACE || e.getValue().values.isEmpty()) {
                continue;
            }
            Slot replaced = global.slots.get(e.getKey());
            Slot s = new Slot();
            s.values.addAll(e.getValue().values);
            s.from = e.getValue().from;
            if (replaced != null) {
                if (replaced.from != null) {
                    s.ignored.add(replaced.from);
                }
                s.ignored.addAll(replaced.ignored);
            }
            s.ignored.addAll(e.getValue().ignored);
            // a Match all line was already read (and lost) at start: it is the winner here, not a loser
            s.ignored.removeIf(d -> d.equals(s.from));
            out.slots.put(e.getKey(), s);
        }
        return out;
    }
}
