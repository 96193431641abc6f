package chuan.workbook;

import chuan.source.DeclaredColumn;
import chuan.source.SourceFindings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A stored cell as the text the checks read, judged against how the profile declares its column: a number in a
 * text column (its leading zeros lost), a number stored as text in a numeric one, a long number a General cell
 * shows in scientific notation, a date serial decoded with the workbook's date system, text dates among real
 * dates and text dates that leave day and month in doubt, error values and formulas saved without a value.
 */
final class CellText {

    private static final MathContext EXCEL_DIGITS = new MathContext(15); // Excel keeps 15 significant digits
    private static final double SCIENTIFIC_FROM = 1e11;                  // a General cell shows 12+ digits as 1.23457E+11
    /** Text dates kept per column until the end shows whether the column also holds real dates. */
    private static final int KEPT_TEXT_DATES = 20;

    private final DeclaredColumn[] declared;
    private final DateTimeFormatter[] layouts;
    private final boolean date1904;
    private final SourceFindings findings;
    private final long[] realDates;
    private final long[] textDates;
    private final List<List<Kept>> keptTextDates = new ArrayList<>();
    /** Shows a number in its cell's format ({@code 000000000000} keeps an ID's zeros on screen, not in the file). */
    private final org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);

    /** A text date kept until the end says whether its column also holds real dates. */
    private record Kept(long record, String place, String value) {
    }

    CellText(DeclaredColumn[] declared, boolean date1904, SourceFindings findings) {
        this.declared = declared;
        this.date1904 = date1904;
        this.findings = findings;
        this.layouts = new DateTimeFormatter[declared.length];
        this.realDates = new long[declared.length];
        this.textDates = new long[declared.length];
        for (int h = 0; h < declared.length; h++) {
            layouts[h] = layout(declared[h]);
            keptTextDates.add(new ArrayList<>());
        }
    }

    /** The profile's layout as a formatter, when it can write a date of the column's kind; else ISO 8601 is written. */
    private static DateTimeFormatter layout(DeclaredColumn d) {
        if (d.layout() == null || !d.kind().temporal()) {
            return null;
        }
        try {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(d.layout().replace("yyyy", "uuuu"));
            f.format(LocalDateTime.of(2000, 1, 2, 3, 4, 5)); // a layout with a zone cannot write a workbook's zoneless date
            return f;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** The text of cell {@code i} of {@code row}, in header column {@code h} of record {@code record}; null when it holds none. */
    String of(StoredRow row, int i, int h, long record, WorkbookRows.SheetRow place) {
        DeclaredColumn d = h < declared.length ? declared[h] : DeclaredColumn.UNKNOWN;
        DeclaredColumn.Kind kind = d.kind();
        switch (row.kind[i]) {
            case EMPTY -> {
                return null;
            }
            case ERROR -> {
                findings.found("WORKBOOK-ERROR-VALUE", record, place.at(h + 1), h, null, "a value",
                        "the cell holds the error value " + row.text[i] + (row.formula[i] ? ", left by its formula" : ""));
                return null;
            }
            case FORMULA_WITHOUT_VALUE -> {
                findings.found("WORKBOOK-FORMULA-NO-VALUE", record, place.at(h + 1), h, null, "a formula saved with its value",
                        "the cell holds a formula saved without its calculated value; chuan does not evaluate formulas");
                return null;
            }
            case BOOLEAN -> {
                return row.number[i] != 0 ? "true" : "false";
            }
            case TEXT -> {
                return text(row.text[i], kind, d, h, record, place);
            }
            case NUMBER -> {
                return number(row, i, kind, d, h, record, place);
            }
            default -> throw new IllegalStateException("cell kind " + row.kind[i]);
        }
    }

    private String text(String v, DeclaredColumn.Kind kind, DeclaredColumn d, int h, long record, WorkbookRows.SheetRow place) {
        String t = v.strip();
        if (t.isEmpty()) {
            return v;
        }
        if (kind == DeclaredColumn.Kind.NUMBER && isNumber(t)) {
            findings.found("WORKBOOK-NUMBER-AS-TEXT", record, place.at(h + 1), h, v, "a number cell",
                    "a number stored as text: sums and comparisons in the workbook skip it");
        } else if ((kind == DeclaredColumn.Kind.TEXT || kind == DeclaredColumn.Kind.UNDECLARED) && looksScientific(t)) {
            findings.found("WORKBOOK-SCIENTIFIC-NOTATION", record, place.at(h + 1), h, v, "all the digits",
                    "text in scientific notation: the digits it stood for were lost before it was written here");
        } else if (kind.temporal()) {
            textDates[h]++;
            List<Kept> kept = keptTextDates.get(h);
            if (kept.size() < KEPT_TEXT_DATES) {
                kept.add(new Kept(record, place.at(h + 1), v));
            }
            if (d.layout() == null && ambiguous(t)) {
                findings.found("WORKBOOK-DATE-AMBIGUOUS", record, place.at(h + 1), h, v, "a real date, or text in ISO 8601 (yyyy-MM-dd)",
                        "a text date whose day and month can be read either way (dd/MM or MM/dd)");
            }
        }
        return v;
    }

    private String number(StoredRow row, int i, DeclaredColumn.Kind kind, DeclaredColumn d, int h, long record,
                          WorkbookRows.SheetRow place) {
        double n = row.number[i];
        boolean validDate = DateUtil.isValidExcelDate(n);
        if (row.dateFormat[i] && validDate) {
            if (kind.temporal()) {
                realDates[h]++;
            }
            return date(n, kind, h);
        }
        String plain = plain(n);
        if (kind.temporal() && validDate) {
            findings.found("WORKBOOK-DATE-AS-NUMBER", record, place.at(h + 1), h, plain, "a cell formatted as a date",
                    "a date stored as a bare serial number, without a date format"
                            + (d.personal() ? "" : "; read with the workbook's " + (date1904 ? "1904" : "1900") + " date system as "
                            + date(n, kind, h)));
            return date(n, kind, h);
        }
        String format = row.format[i];
        if ((kind == DeclaredColumn.Kind.TEXT || kind == DeclaredColumn.Kind.UNDECLARED) && format != null
                && format.toUpperCase(java.util.Locale.ROOT).contains("E+")) {
            findings.found("WORKBOOK-SCIENTIFIC-NOTATION", record, place.at(h + 1), h, plain, "all the digits shown",
                    "the cell's format " + format + " shows this number in scientific notation: copied or saved as shown, its "
                            + "digits are cut");
        }
        if (kind == DeclaredColumn.Kind.TEXT) {
            if (format != null && !format.toUpperCase(java.util.Locale.ROOT).contains("E+")) {
                // a format such as 000000000000 shows the zeros the number lacks: the value meant is the one shown
                String display = shown.formatRawCellContents(n, -1, format);
                findings.found("WORKBOOK-NUMBER-IN-TEXT-COLUMN", record, place.at(h + 1), h, plain, "text (a code keeps its leading zeros)",
                        "stored as a number shown with the format " + format + ": what is shown exists only in the format, and a "
                                + "program reading the value gets the bare number");
                return display;
            }
            findings.found("WORKBOOK-NUMBER-IN-TEXT-COLUMN", record, place.at(h + 1), h, plain, "text (a code keeps its leading zeros)",
                    "stored as a number: leading zeros are lost, and digits past the fifteenth rounded");
        }
        if ((kind == DeclaredColumn.Kind.TEXT || kind == DeclaredColumn.Kind.UNDECLARED) && row.generalFormat[i]
                && Math.abs(n) >= SCIENTIFIC_FROM && n == Math.rint(n)) {
            findings.found("WORKBOOK-SCIENTIFIC-NOTATION", record, place.at(h + 1), h, plain, "all the digits shown",
                    "a General cell shows this " + plain.replace("-", "").length() + "-digit number in scientific notation: "
                            + "copied or saved as shown, only six digits remain");
        }
        return plain;
    }

    /** A date serial as the column's kind writes it: in the profile's layout, else ISO 8601. */
    private String date(double serial, DeclaredColumn.Kind kind, int h) {
        LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904, true);
        if (h < layouts.length && layouts[h] != null) {
            return layouts[h].format(t);
        }
        return iso(t, kind);
    }

    /** Seconds always written (java.time's own toString leaves out zero seconds, which ISO 8601 readers may refuse). */
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static String iso(LocalDateTime t, DeclaredColumn.Kind kind) {
        return switch (kind) {
            case DATE -> t.toLocalDate().toString();
            case TIME -> ISO_TIME.format(t);
            case DATETIME -> ISO_DATE_TIME.format(t);
            default -> t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : ISO_DATE_TIME.format(t);
        };
    }

    /** A cell as plain text whatever the profile says: for header names. */
    static String plain(StoredRow row, int i, boolean date1904) {
        return switch (row.kind[i]) {
            case TEXT, ERROR -> row.text[i];
            case BOOLEAN -> row.number[i] != 0 ? "true" : "false";
            case NUMBER -> row.dateFormat[i] && DateUtil.isValidExcelDate(row.number[i])
                    ? iso(DateUtil.getLocalDateTime(row.number[i], date1904, true), DeclaredColumn.Kind.UNDECLARED) : plain(row.number[i]);
            default -> null;
        };
    }

    /** A number as Excel keeps it (15 significant digits), without exponent or trailing zeros: 25174497081, 0.3. */
    static String plain(double n) {
        if (n == Math.rint(n) && Math.abs(n) < 1e15) {
            return Long.toString((long) n);
        }
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return Double.toString(n);
        }
        return new BigDecimal(n).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** After the last record: in each date column holding both real dates and text dates, the text ones. */
    void finish() {
        for (int h = 0; h < declared.length; h++) {
            if (realDates[h] == 0 || textDates[h] == 0) {
                continue;
            }
            for (Kept k : keptTextDates.get(h)) {
                findings.found("WORKBOOK-DATE-MIXED", k.record(), k.place(), h, k.value(), "a real date, as " + realDates[h]
                        + " other cell(s) of the column hold", "a text date in a column of real dates");
            }
            findings.more("WORKBOOK-DATE-MIXED", textDates[h] - keptTextDates.get(h).size());
        }
    }

    /** Digits with an optional sign, decimal point or comma: a number as a person types one. */
    static boolean isNumber(String t) {
        int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ((c == '.' || c == ',') && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /** {@code 1.23457E+11}: a digit, optional decimals, an exponent. */
    static boolean looksScientific(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        if (i >= n || !Character.isDigit(t.charAt(i))) {
            return false;
        }
        i++;
        if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
            i++;
            int d = i;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (i == d) {
                return false;
            }
        }
        if (i >= n || (t.charAt(i) != 'E' && t.charAt(i) != 'e')) {
            return false;
        }
        i++;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int e = i;
        while (i < n && Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i == n && i > e;
    }

    /** {@code 03/04/1990}: two numbers up to 12 that differ, then a year: day and month can be read either way. */
    static boolean ambiguous(String t) {
        int[] parts = new int[3];
        int[] widths = new int[3];
        int p = 0;
        char sep = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (widths[p] >= 4) {
                    return false;
                }
                parts[p] = parts[p] * 10 + (c - '0');
                widths[p]++;
            } else if ((c == '/' || c == '.' || c == '-') && p < 2 && widths[p] > 0 && (sep == 0 || sep == c)) {
                sep = c;
                p++;
            } else {
                return false;
            }
        }
        return p == 2 && widths[0] <= 2 && widths[1] <= 2 && (widths[2] == 2 || widths[2] == 4)
                && parts[0] >= 1 && parts[0] <= 12 && parts[1] >= 1 && parts[1] <= 12 && parts[0] != parts[1];
    }
}
