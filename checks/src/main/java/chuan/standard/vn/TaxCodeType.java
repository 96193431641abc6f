package chuan.standard.vn;

import chuan.standard.ValueType;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.tax-code}: the enterprise tax code (mã số thuế), 10 digits with a check digit, or 13
 * for a dependent unit (Circular 105/2020/TT-BTC Art.5, carried into 86/2024/TT-BTC): written
 * {@code NNNNNNNNNN-NNN} on certificates, and as 13 digits without the dash in published registers;
 * the check digit is the 10th either way. From 2025-07-01 also the 12-digit personal ID, which
 * replaced the personal tax code (Circular 86/2024/TT-BTC Art.5.5).
 */
final class TaxCodeType extends VnType {

    static final LocalDate PERSONAL_ID_FROM = LocalDate.of(2025, 7, 1);
    static final int FORMAT = 0;
    static final int CHECKSUM = 1;
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    private static final List<String> RULES = List.of("VN-MST-FORMAT", "VN-MST-CHECKSUM");
    private static final String FORMS = "10 digits, or 13 for a branch (10 digits-3 digits, or the 13 digits without the dash)";

    private final PersonalIdType personalId;
    private final boolean personalIdAllowed;

    TaxCodeType(VnReference ref, LocalDate asOf) {
        super("vn.tax-code", RULES, false);
        this.personalId = new PersonalIdType(ref, asOf);
        this.personalIdAllowed = !asOf.isBefore(PERSONAL_ID_FROM);
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        int n = v.length();
        if (n == 12 && Digits.all(v)) {
            return personalIdAllowed && personalId.check(v, recordDay) == OK ? OK : FORMAT;
        }
        if (n == 14 && v.charAt(10) == '-') {
            if (!Digits.all(v, 0, 10) || !Digits.all(v, 11, 14) || Digits.number(v, 11, 3) == 0) {
                return FORMAT;
            }
        } else if (n == 13 && Digits.all(v)) {
            if (Digits.number(v, 10, 3) == 0) {
                return FORMAT; // branch 000 is never issued, dashed or not
            }
        } else if (n != 10 || !Digits.all(v)) {
            return FORMAT;
        }
        if (Digits.number(v, 2, 7) == 0) {
            return FORMAT; // sequence 0000000 is never issued
        }
        int check = checkDigit(v);
        return check >= 0 && check == Digits.at(v, 9) ? OK : CHECKSUM;
    }

    /** 10 - (sum of weighted first nine digits mod 11); -1 when that is 10 (no valid code). */
    static int checkDigit(CharSequence v) {
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += WEIGHTS[i] * Digits.at(v, i);
        }
        int r = s % 11;
        return r == 0 ? -1 : 10 - r;
    }

    @Override
    public String expected(int code) {
        return code == FORMAT ? FORMS + (personalIdAllowed ? ", or a 12-digit personal ID" : "")
                : "a check digit matching the first nine digits";
    }

    @Override
    public String message(int code, CharSequence v, long recordDay) {
        if (code == CHECKSUM) {
            int c = checkDigit(v);
            return c < 0 ? "no check digit is possible for these first nine digits: not an issued code"
                    : "check digit is " + v.charAt(9) + ", the first nine digits give " + c;
        }
        if (v.length() == 12 && Digits.all(v)) {
            return personalIdAllowed ? "a 12-digit value that is not a valid personal ID"
                    : "12 digits: personal IDs serve as tax codes only from " + PERSONAL_ID_FROM;
        }
        if (v.length() == 9 && Digits.all(v)) {
            return "9 digits: probably a lost leading zero from a spreadsheet";
        }
        if (v.length() >= 13 && Digits.all(v, v.length() - 3, v.length()) && Digits.number(v, v.length() - 3, 3) == 0) {
            return "branch number 000: a dependent unit's code ends in 001 or higher";
        }
        return "not " + FORMS + (personalIdAllowed ? ", or a 12-digit personal ID" : "");
    }
}
