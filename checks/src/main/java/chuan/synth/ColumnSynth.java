package chuan.synth;

import chuan.dataset.SafePattern;
import chuan.profile.ColumnSpec;
import chuan.profile.ColumnType;
import chuan.standard.StandardsPack;
import chuan.standard.TypeSynth;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes the values of one profile column: valid ones that satisfy every constraint the profile
 * declares, and defective ones that break exactly one of them, each named by the rule that must
 * catch it.
 */
final class ColumnSynth {

    /**
     * One way to break this column, with the rule a scan reports it under and the column it is
     * reported at ({@code -1}: this one; a disagreement with a sibling is reported at the sibling).
     */
    record DefectKind(String name, String rule, int reportedAt, boolean national) {
        DefectKind(String name, String rule) {
            this(name, rule, -1, false);
        }
    }

    /** The values already made for the current row, by column index (typed where it helps). */
    interface Row {
        String text(int column);

        Object typed(int column);
    }

    /** The offset generated date-times carry (UTC+7, the zone of the built-in profiles' data). */
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);

    final ColumnSpec spec;
    private final TypeSynth national;
    private final StandardsPack.SampleText sampleText;
    private final LocalDate asOf;
    private final SafePattern pattern;
    private final DateTimeFormatter dateFormat;
    /** Linked columns by option ({@code birth-date}, {@code gender}, {@code province}, {@code as-of-column}). */
    private final java.util.Map<String, Integer> links = new java.util.LinkedHashMap<>();
    private final List<DefectKind> defects;

    /**
     * {@code national}: how the column's pack type makes values (null for a column without one);
     * {@code sampleText}: plain text for text columns.
     */
    ColumnSynth(ColumnSpec spec, TypeSynth national, StandardsPack.SampleText sampleText, LocalDate asOf,
                java.util.function.ToIntFunction<String> columnIndex) {
        this.spec = spec;
        this.national = national;
        this.sampleText = sampleText;
        this.asOf = asOf;
        this.pattern = spec.pattern() == null ? null : SafePattern.compile(spec.pattern());
        this.dateFormat = spec.format() == null ? null : DateTimeFormatter.ofPattern(spec.format().replace("T", "'T'"), Locale.ROOT);
        spec.links().forEach((option, target) -> links.put(option, columnIndex.applyAsInt(target)));
        if (pattern != null && spec.valueType() == null && pattern.sample(new Random(0), 8) == null) {
            throw new IllegalArgumentException("column " + spec.name() + ": cannot make values for pattern "
                    + spec.pattern() + " (look-arounds or back-references)");
        }
        this.defects = List.copyOf(kinds());
    }

    /**
     * Another column's link this column's type takes when it has none of its own: values are made to
     * agree with it too (a name follows the sex a personal ID is checked against).
     */
    void borrowLink(String option, int column) {
        if (national != null && national.borrowedLinks().contains(option) && !links.containsKey(option)) {
            links.put(option, column);
        }
    }

    /** Columns whose values this one must agree with; they are made first. */
    List<Integer> dependsOn() {
        return new ArrayList<>(links.values());
    }

    /** The kinds of defect this column can carry without disturbing any other cell. */
    List<DefectKind> defectKinds() {
        return defects;
    }

    private List<DefectKind> kinds() {
        List<DefectKind> defects = new ArrayList<>();
        if (spec.required()) {
            defects.add(new DefectKind("missing", "DATA-REQUIRED"));
        }
        if (spec.unique()) {
            defects.add(new DefectKind("duplicate", "DATA-UNIQUE"));
        }
        if (spec.valueType() != null) {
            if (national != null) {
                for (TypeSynth.Defect d : national.defects(links.keySet())) {
                    defects.add(new DefectKind(d.name(), d.rule(), d.reportedAtLink() == null ? -1 : links.get(d.reportedAtLink()),
                            true));
                }
            }
            return defects;
        }
        if (spec.enumValues() != null) {
            defects.add(new DefectKind("not-in-enum", "DATA-ENUM"));
            return defects;
        }
        if (pattern != null && spec.type() == ColumnType.STRING) {
            defects.add(new DefectKind("pattern-mismatch", "DATA-PATTERN"));
        }
        switch (spec.type()) {
            case INTEGER, NUMBER, DECIMAL -> {
                defects.add(new DefectKind("not-a-number", "DATA-TYPE"));
                if (spec.max() != null) {
                    defects.add(new DefectKind("above-maximum", "DATA-RANGE"));
                }
            }
            case DATE, DATETIME -> {
                defects.add(new DefectKind("not-a-date", "DATA-TYPE"));
                if ("today".equals(spec.max())) {
                    defects.add(new DefectKind("future-date", "DATA-RANGE"));
                }
            }
            case TIME -> defects.add(new DefectKind("not-a-time", "DATA-TYPE"));
            case DURATION -> defects.add(new DefectKind("not-a-duration", "DATA-TYPE"));
            case EMAIL -> defects.add(new DefectKind("email-without-at", "DATA-TYPE"));
            case URL -> defects.add(new DefectKind("url-without-scheme", "DATA-TYPE"));
            case BOOLEAN -> defects.add(new DefectKind("not-a-boolean", "DATA-TYPE"));
            case STRING -> {
                if (spec.maxLength() != null && pattern == null) {
                    defects.add(new DefectKind("too-long", "DATA-LENGTH"));
                }
                if (spec.nfc() && pattern == null) {
                    defects.add(new DefectKind("decomposed-text", "DATA-NFC"));
                }
            }
        }
        return defects;
    }

    /** A valid value; {@code typed[0]} receives its typed form (a date, a number) for sibling columns. */
    String valid(Random r, Row row, Object[] typed) {
        if (spec.valueType() != null) {
            if (national == null) {
                throw new IllegalArgumentException("column " + spec.name() + ": cannot make values of type " + spec.valueType());
            }
            String v = national.valid(r, rowView(row));
            return v != null ? v : text(r);
        }
        if (spec.enumValues() != null) {
            return spec.enumValues().get(r.nextInt(spec.enumValues().size()));
        }
        if (pattern != null) {
            int lo = spec.minLength() == null ? 0 : spec.minLength();
            int hi = spec.maxLength() == null ? Integer.MAX_VALUE : spec.maxLength();
            for (int i = 0; i < 100; i++) {
                String s = pattern.sample(r, Math.max(lo, 8));
                if (s != null && s.length() >= lo && s.length() <= hi) {
                    return s;
                }
            }
            throw new IllegalArgumentException("column " + spec.name() + ": no value of pattern " + spec.pattern()
                    + " fits the length limits");
        }
        return switch (spec.type()) {
            case INTEGER -> {
                long lo = spec.min() != null ? new BigDecimal(spec.min()).longValue()
                        : spec.exclusiveMin() != null ? new BigDecimal(spec.exclusiveMin()).longValue() + 1 : 0;
                long hi = spec.max() != null ? new BigDecimal(spec.max()).longValue()
                        : spec.exclusiveMax() != null ? new BigDecimal(spec.exclusiveMax()).longValue() - 1 : lo + 1000;
                yield Long.toString(lo + (long) (r.nextDouble() * (hi - lo + 1)));
            }
            case NUMBER, DECIMAL -> {
                double lo = spec.min() != null ? Double.parseDouble(spec.min())
                        : spec.exclusiveMin() != null ? Double.parseDouble(spec.exclusiveMin()) + 0.01 : 0;
                double hi = spec.max() != null ? Double.parseDouble(spec.max())
                        : spec.exclusiveMax() != null ? Double.parseDouble(spec.exclusiveMax()) - 0.01 : lo + 1000;
                int scale = spec.scale() == null ? 2 : Math.min(2, spec.scale());
                String v = BigDecimal.valueOf(lo + r.nextDouble() * (hi - lo)).setScale(scale, java.math.RoundingMode.DOWN)
                        .max(BigDecimal.valueOf(lo).setScale(scale, java.math.RoundingMode.UP)).toPlainString();
                yield v.replace('.', spec.syntax().decimalChar());
            }
            case BOOLEAN -> r.nextBoolean() ? spec.syntax().trueValues().get(0) : spec.syntax().falseValues().get(0);
            case TIME -> {
                java.time.LocalTime time = java.time.LocalTime.ofSecondOfDay(r.nextInt(86_400));
                yield dateFormat == null ? time.format(DateTimeFormatter.ofPattern("HH:mm:ss")) : dateFormat.format(time);
            }
            case DURATION -> "P" + (1 + r.nextInt(90)) + "D";
            case DATE -> {
                LocalDate d = dateBetween(r, date(spec.min(), LocalDate.of(1950, 1, 1)), date(spec.max(), asOf));
                typed[0] = d;
                yield dateFormat == null ? d.toString() : dateFormat.format(d);
            }
            case DATETIME -> {
                OffsetDateTime lo = dateTime(spec.min(), OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, OFFSET));
                OffsetDateTime hi = dateTime(spec.max(), asOf.atStartOfDay().atOffset(OFFSET));
                long seconds = lo.until(hi, ChronoUnit.SECONDS);
                OffsetDateTime v = lo.plusSeconds((long) (r.nextDouble() * seconds));
                typed[0] = v.toLocalDate();
                yield dateFormat == null ? v.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : dateFormat.format(v);
            }
            case EMAIL -> "user" + r.nextInt(1_000_000) + "@example.gov.vn";
            case URL -> "https://data.example.gov.vn/dataset/" + r.nextInt(1_000_000);
            case STRING -> text(r);
        };
    }

    private String text(Random r) {
        int lo = spec.minLength() == null ? 1 : spec.minLength();
        int hi = spec.maxLength() == null ? 120 : spec.maxLength();
        String s = sample(r);
        while (s.length() < lo) {
            s = s + ", " + sample(r);
        }
        if (s.length() > hi) {
            s = s.substring(0, hi).strip();
        }
        return s.length() >= lo ? s : "x".repeat(lo);
    }

    /** Plain text: the packs' sample text, or words when there is none. */
    private String sample(Random r) {
        return sampleText != null ? sampleText.next(r) : "text " + r.nextInt(1_000_000);
    }

    /** The row as a pack's generator sees it: values of the linked columns, by option. */
    private TypeSynth.Row rowView(Row row) {
        return new TypeSynth.Row() {
            @Override
            public LocalDate asOf() {
                return asOf;
            }

            @Override
            public String scheme() {
                return spec.scheme();
            }

            @Override
            public boolean linked(String option) {
                return links.containsKey(option);
            }

            @Override
            public String text(String option) {
                Integer c = links.get(option);
                return c == null ? null : row.text(c);
            }

            @Override
            public Object typed(String option) {
                Integer c = links.get(option);
                return c == null ? null : row.typed(c);
            }
        };
    }

    /** A value that breaks exactly the given kind's rule, made from this row's valid value. */
    String defective(DefectKind kind, Random r, String clean, String earlier, Row row) {
        if (kind.national()) {
            return national.defective(kind.name(), r, clean, rowView(row));
        }
        return switch (kind.name()) {
            case "missing" -> "";
            case "duplicate" -> earlier;
            case "decomposed-text" -> {
                // NFD of the value; a value with nothing to decompose gets a word that has (the test data's own language)
                String d = java.text.Normalizer.normalize(clean, java.text.Normalizer.Form.NFD);
                yield d.equals(clean) ? java.text.Normalizer.normalize("Nguyễn " + clean, java.text.Normalizer.Form.NFD) : d;
            }
            case "not-in-enum" -> "?" + spec.enumValues().get(0) + "?";
            case "pattern-mismatch" -> "#" + clean;
            case "not-a-number" -> clean + "x";
            case "above-maximum" -> spec.type() == ColumnType.INTEGER
                    ? new BigDecimal(spec.max()).toBigInteger().add(java.math.BigInteger.ONE).toString()
                    : new BigDecimal(spec.max()).add(BigDecimal.ONE).toPlainString();
            case "not-a-date" -> "31/31/" + (1990 + r.nextInt(30));
            case "future-date" -> {
                LocalDate d = asOf.plusDays(1 + r.nextInt(365));
                yield spec.type() == ColumnType.DATETIME
                        ? (dateFormat == null ? d.atTime(9, 0).atOffset(OFFSET).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                : dateFormat.format(d.atTime(9, 0).atOffset(OFFSET)))
                        : (dateFormat == null ? d.toString() : dateFormat.format(d));
            }
            case "email-without-at" -> clean.replace('@', '.');
            case "url-without-scheme" -> "data example gov vn/" + r.nextInt(1000);
            case "not-a-boolean" -> "maybe";
            case "not-a-time" -> "25:61";
            case "not-a-duration" -> (1 + r.nextInt(90)) + " days";
            case "too-long" -> clean + "x".repeat(spec.maxLength() + 1 - clean.length() > 0 ? spec.maxLength() + 1 - clean.length() : 1);
            default -> throw new IllegalStateException(kind.name());
        };
    }

    private LocalDate date(String bound, LocalDate otherwise) {
        if (bound == null) {
            return otherwise;
        }
        if (bound.equals("today")) {
            return asOf;
        }
        return bound.contains("T") ? OffsetDateTime.parse(bound).toLocalDate() : LocalDate.parse(bound);
    }

    private OffsetDateTime dateTime(String bound, OffsetDateTime otherwise) {
        if (bound == null) {
            return otherwise;
        }
        if (bound.equals("today")) {
            return asOf.atStartOfDay().atOffset(OFFSET);
        }
        return bound.contains("T") ? OffsetDateTime.parse(bound) : LocalDate.parse(bound).atStartOfDay().atOffset(OFFSET);
    }

    private static LocalDate dateBetween(Random r, LocalDate lo, LocalDate hi) {
        long days = lo.until(hi, ChronoUnit.DAYS);
        return lo.plusDays(days <= 0 ? 0 : (long) (r.nextDouble() * (days + 1)));
    }
}
