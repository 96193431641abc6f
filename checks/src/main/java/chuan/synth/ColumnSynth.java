package chuan.synth;

import chuan.dataset.SafePattern;
import chuan.profile.ColumnSpec;
import chuan.profile.ColumnType;
import chuan.standard.vn.VnSex;
import chuan.standard.vn.VnSynth;
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
    record DefectKind(String name, String rule, int reportedAt) {
        DefectKind(String name, String rule) {
            this(name, rule, -1);
        }
    }

    /** The values already made for the current row, by column index (typed where it helps). */
    interface Row {
        String text(int column);

        Object typed(int column);
    }

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    final ColumnSpec spec;
    private final VnSynth vn;
    private final LocalDate asOf;
    private final SafePattern pattern;
    private final DateTimeFormatter dateFormat;
    private final int birthColumn;
    private int genderColumn;
    private final int provinceColumn;
    private final int asOfColumn;
    private final List<DefectKind> defects;

    ColumnSynth(ColumnSpec spec, VnSynth vn, LocalDate asOf, java.util.function.ToIntFunction<String> columnIndex) {
        this.spec = spec;
        this.vn = vn;
        this.asOf = asOf;
        this.pattern = spec.pattern() == null ? null : SafePattern.compile(spec.pattern());
        this.dateFormat = spec.format() == null ? null : DateTimeFormatter.ofPattern(spec.format().replace("T", "'T'"), Locale.ROOT);
        this.birthColumn = link("birth-date", columnIndex);
        this.genderColumn = link("gender", columnIndex);
        this.provinceColumn = link("province", columnIndex);
        this.asOfColumn = link("as-of-column", columnIndex);
        if (pattern != null && spec.valueType() == null && pattern.sample(new Random(0), 8) == null) {
            throw new IllegalArgumentException("column " + spec.name() + ": cannot make values for pattern "
                    + spec.pattern() + " (look-arounds or back-references)");
        }
        this.defects = List.copyOf(kinds());
    }

    private int link(String role, java.util.function.ToIntFunction<String> columnIndex) {
        String target = spec.links().get(role);
        return target == null ? -1 : columnIndex.applyAsInt(target);
    }

    /** Names are made to match the sex in this column (the one a personal ID agrees with). */
    void nameAfterGenderIn(int column) {
        if ("vn.person-name".equals(spec.valueType()) && genderColumn < 0) {
            genderColumn = column;
        }
    }

    /** Columns whose values this one must agree with; they are made first. */
    List<Integer> dependsOn() {
        List<Integer> d = new ArrayList<>();
        for (int c : new int[] {birthColumn, genderColumn, provinceColumn, asOfColumn}) {
            if (c >= 0) {
                d.add(c);
            }
        }
        return d;
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
        String t = spec.valueType();
        if (t != null) {
            switch (t) {
                case "vn.personal-id" -> {
                    defects.add(new DefectKind("id-too-short", "VN-PID-FORMAT"));
                    if (birthColumn >= 0) {
                        defects.add(new DefectKind("id-birth-year-mismatch", "VN-PID-BIRTH-DATE", birthColumn));
                    }
                    if (genderColumn >= 0) {
                        defects.add(new DefectKind("id-gender-mismatch", "VN-PID-GENDER", genderColumn));
                    }
                }
                case "vn.cmnd" -> defects.add(new DefectKind("cmnd-too-short", "VN-CMND-FORMAT"));
                case "vn.tax-code" -> defects.add(new DefectKind("tax-code-check-digit", "VN-MST-CHECKSUM"));
                case "vn.phone" -> defects.add(new DefectKind("phone-too-short", "VN-PHONE-FORMAT"));
                case "vn.province-code" -> defects.add(new DefectKind("unknown-province", "VN-PROVINCE-CODE"));
                case "vn.commune-code" -> defects.add(new DefectKind("commune-too-short", "VN-COMMUNE-CODE"));
                case "vn.person-name", "vn.text" -> {
                    defects.add(new DefectKind("decomposed-text", "VN-TEXT-NFC"));
                    defects.add(new DefectKind("mojibake", "VN-TEXT-LEGACY"));
                }
                default -> { }
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
        String t = spec.valueType();
        if (t != null) {
            return national(t, r, row);
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
                OffsetDateTime lo = dateTime(spec.min(), OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, VIETNAM));
                OffsetDateTime hi = dateTime(spec.max(), asOf.atStartOfDay().atOffset(VIETNAM));
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
        String s = vn.address(r);
        while (s.length() < lo) {
            s = s + ", " + vn.address(r);
        }
        if (s.length() > hi) {
            s = s.substring(0, hi).strip();
        }
        return s.length() >= lo ? s : "x".repeat(lo);
    }

    private String national(String type, Random r, Row row) {
        return switch (type) {
            case "vn.personal-id" -> {
                LocalDate birth = birthColumn >= 0 && row.typed(birthColumn) instanceof LocalDate d ? d
                        : dateBetween(r, LocalDate.of(1940, 1, 1), asOf.minusYears(14));
                boolean male = genderColumn >= 0 ? male(row.text(genderColumn)) : r.nextBoolean();
                yield vn.personalId(r, birth, male, provinceColumn >= 0 ? row.text(provinceColumn) : null);
            }
            case "vn.cmnd" -> vn.cmnd(r);
            case "vn.tax-code" -> vn.taxCode(r);
            case "vn.phone" -> vn.phone(r);
            case "vn.province-code" -> vn.provinceCode(r, listDay(row));
            case "vn.commune-code" -> provinceColumn >= 0 ? vn.communeCode(r, row.text(provinceColumn), listDay(row))
                    : vn.communeCode(r, listDay(row));
            case "vn.person-name" -> vn.personName(r, genderColumn >= 0 ? male(row.text(genderColumn)) : r.nextBoolean());
            case "vn.text" -> text(r);
            default -> throw new IllegalArgumentException("column " + spec.name() + ": cannot make values of type " + type);
        };
    }

    /** The day whose code list a value is drawn from: the record's date or the audit date, inside a pinned list's years. */
    private LocalDate listDay(Row row) {
        LocalDate day = asOfColumn >= 0 && row.typed(asOfColumn) instanceof LocalDate d ? d : asOf;
        LocalDate merger = LocalDate.of(2025, 7, 1);
        if ("2004".equals(spec.scheme()) && !day.isBefore(merger)) {
            return merger.minusDays(1);
        }
        return "2025".equals(spec.scheme()) && day.isBefore(merger) ? merger : day;
    }

    /** A value that breaks exactly the given kind's rule, made from this row's valid value. */
    String defective(DefectKind kind, Random r, String clean, String earlier, Row row) {
        return switch (kind.name()) {
            case "missing" -> "";
            case "duplicate" -> earlier;
            case "id-too-short", "cmnd-too-short", "commune-too-short" -> clean.substring(0, clean.length() - 1);
            case "id-birth-year-mismatch" -> {
                // another year of the same century, not after the audit date, so only the agreement fails
                int yy = Integer.parseInt(clean.substring(4, 6));
                int century = 1900 + 100 * ((clean.charAt(3) - '0') / 2);
                int shift = 1 + r.nextInt(5);
                int other = yy >= shift ? yy - shift : yy + shift;
                if (century + other > asOf.getYear()) {
                    other = yy - 1 >= 0 ? yy - 1 : yy;
                }
                yield clean.substring(0, 4) + String.format(Locale.ROOT, "%02d", other) + clean.substring(6);
            }
            case "id-gender-mismatch" -> {
                int g = clean.charAt(3) - '0';
                yield clean.substring(0, 3) + (g ^ 1) + clean.substring(4);
            }
            case "tax-code-check-digit" -> {
                int wrong = (clean.charAt(9) - '0' + 1 + r.nextInt(9)) % 10;
                yield clean.substring(0, 9) + wrong + clean.substring(10);
            }
            case "phone-too-short" -> clean.substring(0, clean.length() - 1);
            case "unknown-province" -> "00";
            case "decomposed-text" -> {
                String d = VnSynth.decomposed(clean);
                yield d.equals(clean) ? VnSynth.decomposed("Nguyễn " + clean) : d;
            }
            case "mojibake" -> {
                String m = VnSynth.misreadAsCp1252(clean);
                yield m != null ? m : VnSynth.misreadAsCp1252("Nguyễn " + clean);
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
                        ? (dateFormat == null ? d.atTime(9, 0).atOffset(VIETNAM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                : dateFormat.format(d.atTime(9, 0).atOffset(VIETNAM)))
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

    private static boolean male(String gender) {
        return gender != null && VnSex.of(gender) == VnSex.MALE;
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
            return asOf.atStartOfDay().atOffset(VIETNAM);
        }
        return bound.contains("T") ? OffsetDateTime.parse(bound) : LocalDate.parse(bound).atStartOfDay().atOffset(VIETNAM);
    }

    private static LocalDate dateBetween(Random r, LocalDate lo, LocalDate hi) {
        long days = lo.until(hi, ChronoUnit.DAYS);
        return lo.plusDays(days <= 0 ? 0 : (long) (r.nextDouble() * (days + 1)));
    }
}
