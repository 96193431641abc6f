package chuan.profile;

import java.util.List;

/**
 * One column of a dataset profile. {@code min}/{@code max} (inclusive) and
 * {@code exclusiveMin}/{@code exclusiveMax} are kept as written (a number, a date, or
 * {@code today}) and interpreted when the profile is compiled for a scan, because "today" is the
 * audit's as-of date. {@code valueType} names a standards-pack type ({@code vn.personal-id});
 * {@code links} names sibling columns by role ({@code birth-date}, {@code gender}, {@code province},
 * {@code as-of-column}). {@code precision}/{@code scale} bound a decimal's digits; {@code syntax}
 * says how values are written (separators, booleans, missing values, lists).
 */
public record ColumnSpec(
        String name,
        List<String> aliases,
        ColumnType type,
        String format,
        boolean required,
        boolean unique,
        String pattern,
        List<String> enumValues,
        String min,
        String max,
        Integer minLength,
        Integer maxLength,
        boolean nfc,
        boolean personal,
        String valueType,
        String scheme,
        java.util.Map<String, String> links,
        String exclusiveMin,
        String exclusiveMax,
        Integer precision,
        Integer scale,
        ValueSyntax syntax) {

    public ColumnSpec {
        aliases = List.copyOf(aliases);
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
        links = links == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(links));
        syntax = syntax == null ? ValueSyntax.DEFAULT : syntax;
    }

    /** A column spec with a standards-pack type and the default value syntax. */
    public ColumnSpec(String name, List<String> aliases, ColumnType type, String format, boolean required, boolean unique,
                      String pattern, List<String> enumValues, String min, String max, Integer minLength, Integer maxLength,
                      boolean nfc, boolean personal, String valueType, String scheme, java.util.Map<String, String> links) {
        this(name, aliases, type, format, required, unique, pattern, enumValues, min, max, minLength, maxLength, nfc,
                personal, valueType, scheme, links, null, null, null, null, ValueSyntax.DEFAULT);
    }

    /** A column spec without a standards-pack type (tests and generic profiles). */
    public ColumnSpec(String name, List<String> aliases, ColumnType type, String format, boolean required, boolean unique,
                      String pattern, List<String> enumValues, String min, String max, Integer minLength, Integer maxLength,
                      boolean nfc, boolean personal) {
        this(name, aliases, type, format, required, unique, pattern, enumValues, min, max, minLength, maxLength, nfc,
                personal, null, null, null);
    }

    /** The name first, then the aliases: every header text that identifies this column. */
    public List<String> aliasesAndName() {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }

    /** Whether values are bounded from below or above, inclusively or not. */
    public boolean bounded() {
        return min != null || max != null || exclusiveMin != null || exclusiveMax != null;
    }
}
