package chuan.standard.vn;

import chuan.model.Masking;
import chuan.standard.ValueType;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code vn.personal-id}: the 12-digit personal identification number (số định danh cá nhân,
 * printed on the căn cước / CCCD card). Layout {@code PPP G YY RRRRRR} (Decree 137/2015/NĐ-CP
 * Art.13, Circular 07/2016/TT-BCA): birth-registration province, century and sex, last two digits
 * of the birth year, six random digits; there is no check digit.
 */
final class PersonalIdType extends VnType {

    static final int FORMAT = 0;
    static final int PROVINCE = 1;
    static final int CENTURY = 2;
    static final int FUTURE = 3;

    private static final List<String> RULES = List.of("VN-PID-FORMAT", "VN-PID-PROVINCE", "VN-PID-CENTURY", "VN-PID-BIRTH-YEAR");
    private static final Pattern SCIENTIFIC = Pattern.compile("^[0-9](\\.[0-9]+)?[eE]\\+?[0-9]+$");

    private final VnReference ref;
    private final boolean[] provincePrefix = new boolean[1000];
    private final VnReference.IdProvince[] byPrefix = new VnReference.IdProvince[1000];
    private final int asOfYear;
    private final List<SiblingRule> siblings;

    PersonalIdType(VnReference ref, LocalDate asOf) {
        super("vn.personal-id", RULES, true);
        this.ref = ref;
        this.asOfYear = asOf.getYear();
        this.siblings = List.of(new BirthYear(), new Sex(), new Province());
        for (String code : ref.idProvinces.keySet()) {
            provincePrefix[Integer.parseInt(code)] = true;
            byPrefix[Integer.parseInt(code)] = ref.idProvinces.get(code);
        }
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        if (v.length() != 12 || !Digits.all(v)) {
            return FORMAT;
        }
        if (!provincePrefix[Digits.number(v, 0, 3)]) {
            return PROVINCE;
        }
        int g = Digits.at(v, 3);
        if (g > 3) {
            return CENTURY; // 4-9 are births from 2100 on
        }
        if (birthYear(v) > asOfYear) {
            return FUTURE;
        }
        return OK;
    }

    /** Birth year from digits 4-6: digit 4 gives the century (0/1: 1900s, 2/3: 2000s, ...). */
    static int birthYear(CharSequence id) {
        return 1900 + 100 * (Digits.at(id, 3) / 2) + Digits.number(id, 4, 2);
    }

    static boolean male(CharSequence id) {
        return Digits.at(id, 3) % 2 == 0;
    }

    @Override
    public String expected(int code) {
        return switch (code) {
            case FORMAT -> "12 digits";
            case PROVINCE -> "a birth-registration province code (001-096) in digits 1-3";
            case CENTURY -> "century-and-sex digit 0-3 in position 4";
            default -> "a birth year not after " + asOfYear;
        };
    }

    @Override
    public String message(int code, CharSequence v, long recordDay) {
        String s = v.toString().trim();
        return switch (code) {
            case FORMAT -> formatMessage(s);
            case PROVINCE -> "digits 1-3 (" + s.substring(0, 3) + ") are not a birth-registration province code";
            case CENTURY -> "digit 4 (" + s.charAt(3) + ") means a birth after 2099";
            default -> "digits 4-6 give birth year " + birthYear(s) + ", after " + asOfYear;
        };
    }

    /** Names the spreadsheet damage that typically produced a malformed ID. */
    static String formatMessage(String s) {
        if (s.length() == 11 && Digits.all(s)) {
            return "11 digits: probably a lost leading zero (a spreadsheet read the ID as a number); "
                    + "format the column as text and re-export";
        }
        if (SCIENTIFIC.matcher(s).matches()) {
            return "written in scientific notation by a spreadsheet; the last digits are lost and cannot "
                    + "be recovered from this file";
        }
        if (s.endsWith(".0") && Digits.all(s.substring(0, s.length() - 2))) {
            return "ends in \".0\": a spreadsheet stored the ID as a decimal number";
        }
        if (s.contains(" ") || s.contains("-") || s.contains(".")) {
            return "contains separators; the ID is 12 digits with no spaces or dashes";
        }
        return "has " + s.length() + " characters; the ID is exactly 12 digits";
    }

    @Override
    public List<SiblingRule> siblingRules() {
        return siblings;
    }

    /** The birth date column's year must be the one the ID encodes. */
    private static final class BirthYear implements SiblingRule {
        @Override
        public String option() {
            return "birth-date";
        }

        @Override
        public String ruleId() {
            return "VN-PID-BIRTH-DATE";
        }

        @Override
        public boolean agrees(CharSequence id, CharSequence sibling, long siblingDay, long recordDay) {
            if (siblingDay == Long.MIN_VALUE) {
                return true;
            }
            int year = birthYear(id);
            return siblingDay >= LocalDate.of(year, 1, 1).toEpochDay() && siblingDay <= LocalDate.of(year, 12, 31).toEpochDay();
        }

        @Override
        public String expected(CharSequence id, long recordDay) {
            return "a birth date in " + birthYear(id) + " (from ID " + Masking.mask(id.toString()) + ")";
        }
    }

    /** The sex column must match the ID's digit 4 (even: male, odd: female). */
    private static final class Sex implements SiblingRule {
        @Override
        public String option() {
            return "gender";
        }

        @Override
        public String ruleId() {
            return "VN-PID-GENDER";
        }

        @Override
        public boolean agrees(CharSequence id, CharSequence sibling, long siblingDay, long recordDay) {
            VnSex sex = VnSex.of(sibling);
            return sex == null || (sex == VnSex.MALE) == male(id); // an unreadable sex is the column's own problem
        }

        @Override
        public String expected(CharSequence id, long recordDay) {
            return (male(id) ? "Nam (male)" : "Nữ (female)") + ", from digit 4 of ID " + Masking.mask(id.toString());
        }
    }

    /** The province column must be the birth-registration province in the ID (2004 or 2025 code). */
    private final class Province implements SiblingRule {
        @Override
        public String option() {
            return "province";
        }

        @Override
        public String ruleId() {
            return "VN-PID-PROVINCE-MATCH";
        }

        @Override
        public boolean agrees(CharSequence id, CharSequence sibling, long siblingDay, long recordDay) {
            VnReference.IdProvince p = byPrefix[Digits.number(id, 0, 3)];
            return p == null || p.gso2004().contentEquals(sibling) || p.code2025().contentEquals(sibling);
        }

        @Override
        public String expected(CharSequence id, long recordDay) {
            VnReference.IdProvince p = ref.idProvinces.get(id.subSequence(0, 3).toString());
            return p == null ? "the ID's province" : p.gso2004() + " (" + p.name() + ") or its 2025 code " + p.code2025()
                    + ", from ID " + Masking.mask(id.toString());
        }
    }
}
