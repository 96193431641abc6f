package chuan.standard;

import chuan.standard.vn.VnTypes;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Every value type the standards packs provide, by name. */
public final class ValueTypes {

    /** Options of a column that a value type may read (sibling columns, scheme). */
    public record Options(String scheme) {
    }

    /** Builds a type for one column, given the audit date and the reference data. */
    @FunctionalInterface
    public interface Factory {
        ValueType create(Options options, LocalDate asOf, ReferenceData reference);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>(VnTypes.factories());

    private ValueTypes() {
    }

    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    public static boolean exists(String name) {
        return FACTORIES.containsKey(name);
    }

    /** Whether the type's values are personal data (masked in reports). */
    public static boolean personal(String name) {
        return create(name, new Options(null), LocalDate.now(), ReferenceData.builtIn()).personal();
    }

    public static ValueType create(String name, Options options, LocalDate asOf, ReferenceData reference) {
        Factory f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown value type " + name);
        }
        return f.create(options, asOf, reference);
    }
}
