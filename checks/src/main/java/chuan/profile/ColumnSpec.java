package chuan.profile;

import java.util.List;

/**
 * One column of a dataset profile. {@code min}/{@code max} are kept as written (a number, a date,
 * or {@code today}) and interpreted when the profile is compiled for a scan, because "today" is
 * the audit's as-of date. {@code pointer} is the JSON Pointer of the column's declaration in its
 * profile, for error messages.
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
        boolean personal) {

    public ColumnSpec {
        aliases = List.copyOf(aliases);
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
    }

    /** The name first, then the aliases: every header text that identifies this column. */
    public List<String> aliasesAndName() {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }
}
