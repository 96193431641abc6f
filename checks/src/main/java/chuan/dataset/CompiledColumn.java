package chuan.dataset;

import chuan.profile.ColumnSpec;
import chuan.profile.ColumnType;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One profile column compiled for the per-cell path: bounds parsed once, pattern compiled once,
 * and a single {@link #check} that returns the first failing {@link CellCheck} ordinal, or
 * {@link #OK}. No allocation, boxing or exceptions per cell apart from what RE2/J does.
 */
final class CompiledColumn {

    static final int OK = -1;

    final ColumnSpec spec;
    final int index;               // position among the profile's columns
    final EnumSet<CellCheck> active;
    /** A standards-pack type, checked where the type check runs; its codes follow the CellCheck ordinals. */
    final chuan.standard.ValueType national;
    private final ColumnType type;
    private final TemporalFormat format;
    private final SafePattern pattern;
    private final Set<String> enumValues;
    private final String[] enumList;
    private final byte[][] enumUtf8;
    private final boolean hasMin;
    private final boolean hasMax;
    private final double minNumber;
    private final double maxNumber;
    private final long minTemporal;
    private final long maxTemporal;
    private final int minLength;
    private final int maxLength;

    CompiledColumn(ColumnSpec spec, int index, LocalDate asOf) {
        this(spec, index, asOf, chuan.standard.ReferenceData.builtIn());
    }

    CompiledColumn(ColumnSpec spec, int index, LocalDate asOf, chuan.standard.ReferenceData reference) {
        this.spec = spec;
        this.national = spec.valueType() == null ? null : chuan.standard.ValueTypes.create(spec.valueType(),
                new chuan.standard.ValueTypes.Options(spec.scheme()), asOf, reference);
        this.index = index;
        this.type = spec.type();
        this.format = spec.format() == null ? null : TemporalFormat.compile(spec.format(), new StringBuilder());
        this.pattern = spec.pattern() == null ? null : SafePattern.compile(spec.pattern());
        this.enumValues = spec.enumValues() == null ? null : new HashSet<>(spec.enumValues());
        this.enumList = spec.enumValues() == null ? null : spec.enumValues().toArray(new String[0]);
        this.enumUtf8 = enumList == null ? null : java.util.Arrays.stream(enumList)
                .map(e -> e.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.hasMin = spec.min() != null;
        this.hasMax = spec.max() != null;
        this.minNumber = hasMin && isNumeric() ? Double.parseDouble(spec.min()) : 0;
        this.maxNumber = hasMax && isNumeric() ? Double.parseDouble(spec.max()) : 0;
        this.minTemporal = hasMin && !isNumeric() ? bound(spec.min(), asOf, false) : 0;
        this.maxTemporal = hasMax && !isNumeric() ? bound(spec.max(), asOf, true) : 0;
        this.minLength = spec.minLength() == null ? -1 : spec.minLength();
        this.maxLength = spec.maxLength() == null ? -1 : spec.maxLength();
        EnumSet<CellCheck> a = EnumSet.noneOf(CellCheck.class);
        if (spec.required()) {
            a.add(CellCheck.REQUIRED);
        }
        if (spec.nfc()) {
            a.add(CellCheck.NFC);
        }
        if (type != ColumnType.STRING) {
            a.add(CellCheck.TYPE);
        }
        if (pattern != null) {
            a.add(CellCheck.PATTERN);
        }
        if (enumValues != null) {
            a.add(CellCheck.ENUM);
        }
        if (hasMin || hasMax) {
            a.add(CellCheck.RANGE);
        }
        if (minLength >= 0 || maxLength >= 0) {
            a.add(CellCheck.LENGTH);
        }
        if (spec.unique()) {
            a.add(CellCheck.UNIQUE);
        }
        this.active = a;
    }

    private boolean isNumeric() {
        return type == ColumnType.INTEGER || type == ColumnType.NUMBER;
    }

    private long bound(String text, LocalDate asOf, boolean upper) {
        boolean today = "today".equals(text);
        long day = today ? asOf.toEpochDay() : Temporal.isoDate(text);
        if (type == ColumnType.DATE) {
            return day;
        }
        if (day != Temporal.INVALID) {
            return day * 86_400L + (upper ? 86_399L : 0L);
        }
        return Temporal.isoDateTime(text);
    }

    SafePattern.Matcher newMatcher() {
        return pattern == null ? null : pattern.matcher();
    }

    /** The first failing check's ordinal, or {@link #OK}. {@code m} is this thread's matcher. */
    int check(Cell v, SafePattern.Matcher m) {
        return check(v, m, Long.MIN_VALUE);
    }

    /** As {@link #check(Cell, SafePattern.Matcher)}, with the record's own date for date-dependent types. */
    int check(Cell v, SafePattern.Matcher m, long recordDay) {
        if (v == null || v.isEmpty()) {
            return spec.required() ? CellCheck.REQUIRED.ordinal() : OK;
        }
        if (spec.nfc() && !isNfc(v)) {
            return CellCheck.NFC.ordinal();
        }
        if (national != null) {
            int r = national.check(v, recordDay);
            if (r >= 0) {
                return CellCheck.ALL.length + r;
            }
        }
        double number = 0;
        long temporal = 0;
        switch (type) {
            case INTEGER -> {
                if (!isInteger(v)) {
                    return CellCheck.TYPE.ordinal();
                }
                if (hasMin || hasMax) {
                    number = parseLong(v);
                }
            }
            case NUMBER -> {
                if (!isNumber(v)) {
                    return CellCheck.TYPE.ordinal();
                }
                if (hasMin || hasMax) {
                    number = Double.parseDouble(v.toString());
                }
            }
            case BOOLEAN -> {
                if (!isBoolean(v)) {
                    return CellCheck.TYPE.ordinal();
                }
            }
            case DATE -> {
                temporal = format != null ? format.parse(v) : Temporal.isoDate(v);
                if (temporal == Temporal.INVALID) {
                    return CellCheck.TYPE.ordinal();
                }
            }
            case DATETIME -> {
                temporal = format != null ? format.parse(v) : Temporal.isoDateTime(v);
                if (temporal == Temporal.INVALID) {
                    return CellCheck.TYPE.ordinal();
                }
            }
            case EMAIL -> {
                if (!isEmail(v)) {
                    return CellCheck.TYPE.ordinal();
                }
            }
            case URL -> {
                if (!isUrl(v)) {
                    return CellCheck.TYPE.ordinal();
                }
            }
            default -> {
            }
        }
        if (m != null && !m.find(v)) {
            return CellCheck.PATTERN.ordinal();
        }
        if (enumList != null && !inEnum(v)) {
            return CellCheck.ENUM.ordinal();
        }
        if (hasMin || hasMax) {
            if (isNumeric()) {
                if ((hasMin && number < minNumber) || (hasMax && number > maxNumber)) {
                    return CellCheck.RANGE.ordinal();
                }
            } else if ((hasMin && temporal < minTemporal) || (hasMax && temporal > maxTemporal)) {
                return CellCheck.RANGE.ordinal();
            }
        }
        if (minLength >= 0 || maxLength >= 0) {
            int len = v.codePointCount();
            if ((minLength >= 0 && len < minLength) || (maxLength >= 0 && len > maxLength)) {
                return CellCheck.LENGTH.ordinal();
            }
        }
        return OK;
    }

    /** The number of codes {@link #check} can return: the cell checks, then the national type's rules. */
    int codes() {
        return CellCheck.ALL.length + (national == null ? 0 : national.ruleIds().size());
    }

    /** The rule id behind a code. */
    String ruleId(int code) {
        return code < CellCheck.ALL.length ? CellCheck.ALL[code].ruleId : national.ruleIds().get(code - CellCheck.ALL.length);
    }

    String expected(int code) {
        return code < CellCheck.ALL.length ? expected(CellCheck.ALL[code]) : national.expected(code - CellCheck.ALL.length);
    }

    /** Epoch day of a date or date-time value of this column, or Long.MIN_VALUE. */
    long day(Cell v) {
        if (v == null || v.isEmpty()) {
            return Long.MIN_VALUE;
        }
        long t = format != null ? format.parse(v) : type == ColumnType.DATE ? Temporal.isoDate(v) : Temporal.isoDateTime(v);
        if (t == Temporal.INVALID) {
            return Long.MIN_VALUE;
        }
        return type == ColumnType.DATETIME ? Math.floorDiv(t, 86_400L) : t;
    }

    /** What a check expects, in words an auditor reads in a report. */
    String expected(CellCheck c) {
        return switch (c) {
            case REQUIRED -> "a value";
            case NFC -> "Unicode NFC text";
            case TYPE -> type.label() + (format != null ? " (" + format.layout() + ")"
                    : type == ColumnType.DATE ? " (yyyy-MM-dd)" : type == ColumnType.DATETIME ? " (ISO 8601)" : "");
            case PATTERN -> "matches " + pattern.source();
            case ENUM -> "one of " + String.join(", ", enumList());
            case RANGE -> range();
            case LENGTH -> length();
            case UNIQUE -> "a value not used by an earlier record";
        };
    }

    private List<String> enumList() {
        return spec.enumValues();
    }

    private String range() {
        if (hasMin && hasMax) {
            return "between " + spec.min() + " and " + spec.max();
        }
        return hasMin ? ">= " + spec.min() : "<= " + spec.max();
    }

    private String length() {
        if (minLength >= 0 && maxLength >= 0) {
            return minLength + " to " + maxLength + " characters";
        }
        return minLength >= 0 ? "at least " + minLength + " characters" : "at most " + maxLength + " characters";
    }

    /**
     * NFC check with a fast path: characters below U+0300 and the precomposed Vietnamese letters
     * (U+1EA0-U+1EF9) are NFC on their own and never combine with a neighbour that is also one
     * of them; anything else (combining marks above all) goes to the JDK's full check.
     */
    private boolean inEnum(Cell v) {
        if (enumList.length > 8) {
            return enumValues.contains(v.toString());
        }
        for (int i = 0; i < enumList.length; i++) {
            if (v.sameAs(enumList[i], enumUtf8[i])) {
                return true;
            }
        }
        return false;
    }

    /** A value that passed {@link #isInteger}: at most 18 digits, so it fits a long exactly. */
    private static long parseLong(CharSequence v) {
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        long x = 0;
        for (int k = i; k < v.length(); k++) {
            x = x * 10 + (v.charAt(k) - '0');
        }
        return v.charAt(0) == '-' ? -x : x;
    }

    static boolean isNfc(CharSequence v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 0x300 && (c < 0x1EA0 || c > 0x1EF9)) {
                return Normalizer.isNormalized(v, Normalizer.Form.NFC);
            }
        }
        return true;
    }

    static boolean isInteger(CharSequence v) {
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        if (i == v.length() || v.length() - i > 18) {
            return false;
        }
        for (; i < v.length(); i++) {
            if (!Temporal.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A decimal number: optional sign, digits, optional fraction, optional exponent. */
    static boolean isNumber(CharSequence v) {
        int n = v.length();
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        while (i < n && Temporal.isDigit(v.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && v.charAt(i) == '.') {
            i++;
            while (i < n && Temporal.isDigit(v.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && Temporal.isDigit(v.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    static boolean isBoolean(CharSequence v) {
        return equalsIgnoreCase(v, "true") || equalsIgnoreCase(v, "false");
    }

    private static boolean equalsIgnoreCase(CharSequence v, String lower) {
        if (v.length() != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (Character.toLowerCase(v.charAt(i)) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence v, char c, int from) {
        for (int i = from; i < v.length(); i++) {
            if (v.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A practical e-mail address: local part of letters, digits and {@code ._%+-}, one {@code @},
     * a domain of dot-separated labels (letters, digits, hyphen) ending in a 2+ letter TLD; at
     * most 254 characters (RFC 5321 §4.5.3.1.3).
     */
    static boolean isEmail(CharSequence v) {
        int n = v.length();
        if (n > 254) {
            return false;
        }
        int at = indexOf(v, '@', 0);
        if (at <= 0 || at == n - 1 || at > 64) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = v.charAt(i);
            if (!(isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-')) {
                return false;
            }
        }
        int labelStart = at + 1;
        int lastDot = -1;
        for (int i = at + 1; i <= n; i++) {
            char c = i < n ? v.charAt(i) : '.';
            if (c == '.') {
                if (i == labelStart) {
                    return false; // empty label
                }
                if (i < n) {
                    lastDot = i;
                }
                labelStart = i + 1;
            } else if (!(isAsciiAlnum(c) || c == '-')) {
                return false;
            }
        }
        if (lastDot < 0 || n - lastDot - 1 < 2) {
            return false;
        }
        for (int i = lastDot + 1; i < n; i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /** An absolute http(s) or ftp URL with a host and no spaces. */
    static boolean isUrl(CharSequence v) {
        int sep = indexOf(v, ':', 0);
        if (sep <= 0 || sep + 2 >= v.length() || v.charAt(sep + 1) != '/' || v.charAt(sep + 2) != '/') {
            return false;
        }
        CharSequence scheme = v.subSequence(0, sep);
        if (!equalsIgnoreCase(scheme, "http") && !equalsIgnoreCase(scheme, "https") && !equalsIgnoreCase(scheme, "ftp")) {
            return false;
        }
        int hostStart = sep + 3;
        int hostEnd = hostStart;
        while (hostEnd < v.length() && "/?#".indexOf(v.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        if (hostEnd == hostStart) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == '"' || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
