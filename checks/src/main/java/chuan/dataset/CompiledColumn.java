package chuan.dataset;

import chuan.profile.Temporal;
import chuan.profile.TemporalFormat;

import chuan.profile.ColumnSpec;
import chuan.profile.ColumnType;
import chuan.profile.ValueSyntax;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * One profile column compiled for the per-cell path: bounds parsed once, pattern compiled once,
 * value syntax (number separators, boolean words, missing values, list separator) compiled once,
 * and a single {@link #check} that returns the first failing {@link CellCheck} ordinal, or
 * {@link #OK}. No boxing or exceptions per cell apart from what RE2/J does; only list items of
 * non-ASCII cells and zone names are copied.
 */
final class CompiledColumn {

    static final int OK = -1;

    /** What one validator thread lends the checks: a cell for list items and a number scan. */
    static final class Scratch {
        final Cell item = new Cell();
        final NumberSyntax.Scan number = new NumberSyntax.Scan();
        /** A measured column's last value of its type (a number, an epoch day or second), when {@code parsed}. */
        double value;
        boolean parsed;
    }

    final ColumnSpec spec;
    final int index;               // position among the profile's columns
    final EnumSet<CellCheck> active;
    /** A standards-pack type, checked where the type check runs; its codes follow the CellCheck ordinals. */
    final chuan.standard.ValueType national;
    private final ColumnType type;
    private final TemporalFormat format;
    private final SafePattern pattern;
    private final NumberSyntax numbers;
    private final Set<String> enumValues;
    private final String[] enumList;
    private final byte[][] enumUtf8;
    private final Words trueWords;
    private final Words falseWords;
    private final Words missing;
    private final String separator;
    private final boolean hasLower;
    private final boolean hasUpper;
    private final boolean lowerExclusive;
    private final boolean upperExclusive;
    private final double lowerNumber;
    private final double upperNumber;
    private final NumberSyntax.Bound lowerDecimal;
    private final NumberSyntax.Bound upperDecimal;
    private final long lowerTemporal;
    private final long upperTemporal;
    private final int minLength;
    private final int maxLength;
    private final int maxWhole;
    private final int maxFraction;
    /** Whether the metrics measure this column's values: its checks then leave each value in the scratch. */
    boolean measured;

    CompiledColumn(ColumnSpec spec, int index, LocalDate asOf) {
        this(spec, index, asOf, chuan.standard.ReferenceData.builtIn());
    }

    CompiledColumn(ColumnSpec spec, int index, LocalDate asOf, chuan.standard.ReferenceData reference) {
        this.spec = spec;
        this.national = spec.valueType() == null ? null : chuan.standard.ValueTypes.create(spec.valueType(),
                new chuan.standard.ValueTypes.Options(spec.scheme()), asOf, reference);
        this.index = index;
        this.type = spec.type();
        ValueSyntax syntax = spec.syntax();
        this.format = spec.format() == null ? null : TemporalFormat.compile(spec.format(), syntax.yearPivot(), new StringBuilder());
        this.pattern = spec.pattern() == null ? null : SafePattern.compile(spec.pattern());
        this.numbers = type.numeric() ? new NumberSyntax(type, syntax.decimalChar(), syntax.groupChar(), syntax.bareNumber()) : null;
        this.enumValues = spec.enumValues() == null ? null : new HashSet<>(spec.enumValues());
        this.enumList = spec.enumValues() == null ? null : spec.enumValues().toArray(new String[0]);
        this.enumUtf8 = enumList == null ? null : java.util.Arrays.stream(enumList)
                .map(e -> e.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.trueWords = new Words(syntax.trueValues());
        this.falseWords = new Words(syntax.falseValues());
        this.missing = syntax.missingBeyondEmpty() ? new Words(syntax.missingValues()) : null;
        this.separator = syntax.separator();
        String lower = spec.min() != null ? spec.min() : spec.exclusiveMin();
        String upper = spec.max() != null ? spec.max() : spec.exclusiveMax();
        this.hasLower = lower != null;
        this.hasUpper = upper != null;
        this.lowerExclusive = spec.min() == null && spec.exclusiveMin() != null;
        this.upperExclusive = spec.max() == null && spec.exclusiveMax() != null;
        boolean numeric = type.numeric();
        this.lowerNumber = hasLower && numeric ? Double.parseDouble(lower) : 0;
        this.upperNumber = hasUpper && numeric ? Double.parseDouble(upper) : 0;
        this.lowerDecimal = hasLower && type == ColumnType.DECIMAL ? NumberSyntax.Bound.of(lower) : null;
        this.upperDecimal = hasUpper && type == ColumnType.DECIMAL ? NumberSyntax.Bound.of(upper) : null;
        this.lowerTemporal = hasLower && !numeric ? bound(lower, asOf, false) : 0;
        this.upperTemporal = hasUpper && !numeric ? bound(upper, asOf, true) : 0;
        this.minLength = spec.minLength() == null ? -1 : spec.minLength();
        this.maxLength = spec.maxLength() == null ? -1 : spec.maxLength();
        int precision = spec.precision() == null ? -1 : spec.precision();
        int scale = spec.scale() == null ? -1 : spec.scale();
        this.maxFraction = scale;
        this.maxWhole = precision < 0 ? -1 : precision - Math.max(scale, 0);
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
        if (hasLower || hasUpper) {
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

    /** A short list of words compared exactly, without decoding the cell. */
    private static final class Words {
        private final String[] text;
        private final byte[][] utf8;

        Words(java.util.List<String> words) {
            this.text = words.toArray(new String[0]);
            this.utf8 = words.stream().map(w -> w.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);
        }

        boolean contains(Cell v) {
            for (int i = 0; i < text.length; i++) {
                if (v.sameAs(text[i], utf8[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    private long bound(String text, LocalDate asOf, boolean upper) {
        if (type == ColumnType.TIME) {
            return Temporal.isoTime(text);
        }
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

    /** Whether the cell holds no value: empty, absent, or one of the column's missing values. */
    boolean isMissing(Cell v) {
        return v == null || v.isEmpty() || (missing != null && missing.contains(v));
    }

    /** The first failing check's ordinal, or {@link #OK}. {@code m} is this thread's matcher. */
    int check(Cell v, SafePattern.Matcher m) {
        return check(v, m, Long.MIN_VALUE, new Scratch());
    }

    /**
     * As {@link #check(Cell, SafePattern.Matcher)}, with the record's own date for date-dependent
     * types and this thread's scratch objects. A list cell ({@code separator}) is checked item by
     * item after the checks on the whole cell (required, NFC, the national type).
     */
    int check(Cell v, SafePattern.Matcher m, long recordDay, Scratch scratch) {
        scratch.parsed = false;
        if (isMissing(v)) {
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
        if (separator == null) {
            return checkValue(v, m, scratch);
        }
        int n = v.length();
        int from = 0;
        while (from <= n) {
            int to = indexOf(v, separator, from);
            if (to < 0) {
                to = n;
            }
            if (to > from) {
                int code = checkValue(scratch.item.slice(v, from, to), m, scratch);
                if (code != OK) {
                    return code;
                }
            }
            from = to + separator.length();
        }
        return OK;
    }

    /** Type, pattern, enum, range and length of one value (a cell, or an item of a list cell). */
    private int checkValue(Cell v, SafePattern.Matcher m, Scratch scratch) {
        double number = 0;
        long temporal = 0;
        NumberSyntax.Scan scan = scratch.number;
        switch (type) {
            case INTEGER, NUMBER, DECIMAL -> {
                if (!numbers.scan(v, scan) || !fitsDigits(v, scan)) {
                    return CellCheck.TYPE.ordinal();
                }
                if ((hasLower || hasUpper) && type != ColumnType.DECIMAL) {
                    number = numbers.value(v, scan);
                }
            }
            case BOOLEAN -> {
                if (!trueWords.contains(v) && !falseWords.contains(v)) {
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
            case TIME -> {
                temporal = format != null ? format.parse(v) : Temporal.isoTime(v);
                if (temporal == Temporal.INVALID) {
                    return CellCheck.TYPE.ordinal();
                }
            }
            case DURATION -> {
                if (!Temporal.isoDuration(v)) {
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
        if (measured) {
            keep(v, scan, number, temporal, scratch);
        }
        if (m != null && !m.find(v)) {
            return CellCheck.PATTERN.ordinal();
        }
        if (enumList != null && !inEnum(v)) {
            return CellCheck.ENUM.ordinal();
        }
        if ((hasLower || hasUpper) && !inRange(v, scan, number, temporal)) {
            return CellCheck.RANGE.ordinal();
        }
        if (minLength >= 0 || maxLength >= 0) {
            int len = v.codePointCount();
            if ((minLength >= 0 && len < minLength) || (maxLength >= 0 && len > maxLength)) {
                return CellCheck.LENGTH.ordinal();
            }
        }
        return OK;
    }

    /** A value of the column's type, for the metrics: numbers as doubles (finite only), dates as epoch days, date-times as seconds. */
    private void keep(Cell v, NumberSyntax.Scan scan, double number, long temporal, Scratch scratch) {
        if (type.numeric()) {
            double x = (hasLower || hasUpper) && type != ColumnType.DECIMAL ? number : numbers.value(v, scan);
            if (Double.isFinite(x)) {
                scratch.value = x;
                scratch.parsed = true;
            }
        } else if (type == ColumnType.DATE || type == ColumnType.DATETIME) {
            scratch.value = temporal;
            scratch.parsed = true;
        }
    }

    /** A decimal's precision and scale: digits of the whole part and of the fraction. */
    private boolean fitsDigits(Cell v, NumberSyntax.Scan scan) {
        if (maxFraction >= 0 && NumberSyntax.fractionDigits(v, scan) > maxFraction) {
            return false;
        }
        return maxWhole < 0 || NumberSyntax.wholeDigits(v, scan) <= maxWhole;
    }

    private boolean inRange(Cell v, NumberSyntax.Scan scan, double number, long temporal) {
        if (type == ColumnType.DECIMAL) {
            if (hasLower) {
                int c = NumberSyntax.compare(v, scan, lowerDecimal);
                if (c < 0 || (c == 0 && lowerExclusive)) {
                    return false;
                }
            }
            if (hasUpper) {
                int c = NumberSyntax.compare(v, scan, upperDecimal);
                return c < 0 || (c == 0 && !upperExclusive);
            }
            return true;
        }
        if (type.numeric()) {
            if (Double.isNaN(number)) {
                return false;
            }
            return !(hasLower && (number < lowerNumber || (lowerExclusive && number == lowerNumber)))
                    && !(hasUpper && (number > upperNumber || (upperExclusive && number == upperNumber)));
        }
        return !(hasLower && (temporal < lowerTemporal || (lowerExclusive && temporal == lowerTemporal)))
                && !(hasUpper && (temporal > upperTemporal || (upperExclusive && temporal == upperTemporal)));
    }

    private static int indexOf(CharSequence v, String sep, int from) {
        int n = v.length() - sep.length();
        outer:
        for (int i = from; i <= n; i++) {
            for (int k = 0; k < sep.length(); k++) {
                if (v.charAt(i + k) != sep.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** How the profile declares this column, for a source that stores typed cells (a workbook) to judge how each was stored. */
    chuan.source.DeclaredColumn declared() {
        chuan.source.DeclaredColumn.Kind kind = national != null ? chuan.source.DeclaredColumn.Kind.TEXT : switch (spec.type()) {
            case INTEGER, NUMBER, DECIMAL -> chuan.source.DeclaredColumn.Kind.NUMBER;
            case DATE -> chuan.source.DeclaredColumn.Kind.DATE;
            case DATETIME -> chuan.source.DeclaredColumn.Kind.DATETIME;
            case TIME -> chuan.source.DeclaredColumn.Kind.TIME;
            case BOOLEAN -> chuan.source.DeclaredColumn.Kind.BOOLEAN;
            case STRING, EMAIL, URL, DURATION -> chuan.source.DeclaredColumn.Kind.TEXT;
        };
        return new chuan.source.DeclaredColumn(kind, spec.personal(), format == null ? null : format.layout());
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

    /**
     * The cell's value as a row rule's expression reads it (Long, Double, Boolean, Instant, Duration or
     * String), or null when the cell holds none or cannot be read as the column's type (its own finding says
     * why); a national type's value is its text. Called only for the columns an expression reads.
     */
    Object ruleValue(Cell v, Scratch scratch) {
        if (v == null || isMissing(v)) {
            return null;
        }
        if (national != null) {
            return v.toString();
        }
        return switch (type) {
            case INTEGER -> {
                if (!numbers.scan(v, scratch.number)) {
                    yield null;
                }
                double d = numbers.value(v, scratch.number);
                yield Double.isNaN(d) || d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15 ? null : (Object) (long) d;
            }
            case NUMBER, DECIMAL -> {
                if (!numbers.scan(v, scratch.number)) {
                    yield null;
                }
                double d = numbers.value(v, scratch.number);
                yield Double.isNaN(d) ? null : (Object) d;
            }
            case BOOLEAN -> trueWords.contains(v) ? Boolean.TRUE : falseWords.contains(v) ? Boolean.FALSE : null;
            case DATE -> {
                long t = format != null ? format.parse(v) : Temporal.isoDate(v);
                yield t == Temporal.INVALID ? null : chuan.profile.RowEnvironment.atDay(t);
            }
            case DATETIME -> {
                long t = format != null ? format.parse(v) : Temporal.isoDateTime(v);
                yield t == Temporal.INVALID ? null : java.time.Instant.ofEpochSecond(t);
            }
            case TIME -> {
                long t = format != null ? format.parse(v) : Temporal.isoTime(v);
                yield t == Temporal.INVALID ? null : java.time.Duration.ofSeconds(t);
            }
            case STRING, EMAIL, URL, DURATION -> v.toString();
        };
    }

    /** Epoch day of a date or date-time value of this column, or Long.MIN_VALUE. */
    long day(Cell v) {
        if (v == null || v.isEmpty() || (type != ColumnType.DATE && type != ColumnType.DATETIME)) {
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
            case TYPE -> typeExpected();
            case PATTERN -> "matches " + pattern.source();
            case ENUM -> "one of " + String.join(", ", enumList());
            case RANGE -> range();
            case LENGTH -> length();
            case UNIQUE -> "a value not used by an earlier record";
        };
    }

    private String typeExpected() {
        StringBuilder sb = new StringBuilder(type.label());
        ValueSyntax syntax = spec.syntax();
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (format != null) {
            notes.add(format.layout());
        } else if (type == ColumnType.DATE) {
            notes.add("yyyy-MM-dd");
        } else if (type == ColumnType.DATETIME) {
            notes.add("ISO 8601");
        } else if (type == ColumnType.TIME) {
            notes.add("HH:mm or HH:mm:ss");
        } else if (type == ColumnType.DURATION) {
            notes.add("ISO 8601, e.g. P1Y2M3DT4H");
        } else if (type == ColumnType.BOOLEAN) {
            notes.add(String.join("/", syntax.trueValues()) + " or " + String.join("/", syntax.falseValues()));
        }
        if (type.numeric()) {
            if (syntax.decimalChar() != '.' && type != ColumnType.INTEGER) {
                notes.add("decimal separator '" + syntax.decimalChar() + "'");
            }
            if (syntax.groupChar() != '\0') {
                notes.add("thousands separator '" + syntax.groupChar() + "'");
            }
            if (spec.precision() != null) {
                notes.add("at most " + spec.precision() + " digits");
            }
            if (spec.scale() != null) {
                notes.add("at most " + spec.scale() + " after the decimal separator");
            }
        }
        if (separator != null) {
            notes.add("each item of a list separated by '" + separator + "'");
        }
        return notes.isEmpty() ? sb.toString() : sb.append(" (").append(String.join(", ", notes)).append(')').toString();
    }

    private java.util.List<String> enumList() {
        return spec.enumValues();
    }

    private String range() {
        String lower = spec.min() != null ? ">= " + spec.min() : spec.exclusiveMin() != null ? "> " + spec.exclusiveMin() : null;
        String upper = spec.max() != null ? "<= " + spec.max() : spec.exclusiveMax() != null ? "< " + spec.exclusiveMax() : null;
        if (spec.min() != null && spec.max() != null) {
            return "between " + spec.min() + " and " + spec.max();
        }
        if (lower != null && upper != null) {
            return lower + " and " + upper;
        }
        return lower != null ? lower : upper;
    }

    private String length() {
        if (minLength >= 0 && maxLength >= 0) {
            return minLength == maxLength ? minLength + " characters" : minLength + " to " + maxLength + " characters";
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
