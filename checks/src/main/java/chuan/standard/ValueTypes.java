package chuan.standard;

import java.time.LocalDate;
import java.util.Set;

/** Every value type the standards packs provide, by name ({@link Packs}). */
public final class ValueTypes {

    /** Options of a column that a value type may read (sibling columns, scheme). */
    public record Options(String scheme) {
    }

    /** Builds a type for one column, given the audit date and the reference data. */
    @FunctionalInterface
    public interface Factory {
        ValueType create(Options options, LocalDate asOf, ReferenceData reference);
    }

    private ValueTypes() {
    }

    public static Set<String> names() {
        return Packs.types().keySet();
    }

    public static boolean exists(String name) {
        return Packs.type(name).isPresent();
    }

    /** Whether the type's values are personal data (masked in reports). */
    public static boolean personal(String name) {
        return descriptor(name).personal();
    }

    public static ValueType create(String name, Options options, LocalDate asOf, ReferenceData reference) {
        return descriptor(name).create(options, asOf, reference);
    }

    public static TypeDescriptor descriptor(String name) {
        return Packs.type(name).orElseThrow(() -> new IllegalArgumentException("unknown value type " + name));
    }
}
