package chuan.standard.xx;

import chuan.standard.ValueType;
import java.util.List;

/**
 * {@code xx.resident-no}: nine digits, the first two a region of the reference list, the last a
 * Luhn check digit over the first eight.
 */
final class ResidentNumberType implements ValueType {

    static final String NAME = "xx.resident-no";
    private static final List<String> RULES = List.of("XX-RESNO-FORMAT", "XX-RESNO-REGION", "XX-RESNO-CHECK");

    private final Regions regions;

    ResidentNumberType(Regions regions) {
        this.regions = regions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> ruleIds() {
        return RULES;
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        if (v.length() != 9) {
            return 0;
        }
        for (int i = 0; i < 9; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return 0;
            }
        }
        if (!regions.contains(v.subSequence(0, 2))) {
            return 1;
        }
        return luhn(v) ? OK : 2;
    }

    /** The Luhn check over all nine digits (the last being the check digit). */
    static boolean luhn(CharSequence v) {
        int sum = 0;
        for (int i = v.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = v.charAt(i) - '0';
            if (k % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Override
    public String expected(int code) {
        return switch (code) {
            case 0 -> "9 digits";
            case 1 -> "a region code of the list as the first two digits";
            default -> "a valid Luhn check digit";
        };
    }

    @Override
    public String message(int code, CharSequence v, long recordDay) {
        return switch (code) {
            case 0 -> "has " + v.length() + " characters; a resident number is 9 digits";
            case 1 -> "its region is not on the list";
            default -> "its check digit does not match";
        };
    }
}
