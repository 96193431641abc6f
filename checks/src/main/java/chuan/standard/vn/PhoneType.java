package chuan.standard.vn;

import chuan.standard.ValueType;
import java.util.List;

/**
 * {@code vn.phone}: a Vietnamese phone number. Mobile: {@code 0} + 9 digits with a prefix in use
 * ({@code +84}/{@code 84} forms accepted); numbers still in the 11-digit form retired in 2018 are
 * reported with their new 10-digit number. Landline: {@code 0} + 10 digits in the 02x/02xx scheme
 * of Decision 2036/QĐ-BTTTT (2017). Spaces, dots and dashes between digits are allowed.
 */
final class PhoneType extends VnType {

    static final int FORMAT = 0;
    static final int PREFIX = 1;
    static final int RETIRED = 2;
    private static final List<String> RULES = List.of("VN-PHONE-FORMAT", "VN-PHONE-PREFIX", "VN-PHONE-RETIRED");

    private final VnReference ref;
    private final boolean[] mobile3 = new boolean[1000];

    PhoneType(VnReference ref) {
        super("vn.phone", RULES, true);
        this.ref = ref;
        for (String p : ref.mobile.keySet()) {
            mobile3[Integer.parseInt(p)] = true;
        }
    }

    @Override
    public int check(CharSequence raw, long recordDay) {
        CharSequence v = Digits.all(raw) && raw.charAt(0) == '0' ? raw : normalise(raw);
        if (v == null || v.length() < 10 || v.charAt(0) != '0' || !Digits.all(v)) {
            return FORMAT;
        }
        if (v.length() == 10) {
            return mobile3[Digits.number(v, 0, 3)] ? OK : PREFIX;
        }
        if (v.length() == 11) {
            if (v.charAt(1) == '1') {
                return ref.retiredMobile.containsKey(v.subSequence(0, 4).toString()) ? RETIRED : PREFIX;
            }
            if (v.charAt(1) == '2') {
                String s = v.toString();
                return ref.landlineAreas.contains(s.substring(0, 3)) || ref.landlineAreas.contains(s.substring(0, 4)) ? OK : PREFIX;
            }
            return PREFIX;
        }
        return FORMAT;
    }

    /** National form: +84/84 becomes 0; separators go. Null when other characters remain. */
    static String normalise(CharSequence raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c == '+' && i == 0) {
                sb.append('+');
            } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
                return null;
            }
        }
        String s = sb.toString();
        if (s.startsWith("+84")) {
            return "0" + s.substring(3);
        }
        if (s.startsWith("84") && (s.length() == 11 || s.length() == 12)) {
            return "0" + s.substring(2);
        }
        return s.startsWith("+") ? null : s;
    }

    @Override
    public String expected(int code) {
        return switch (code) {
            case FORMAT -> "0 + 9 digits (mobile) or 0 + 10 digits (landline), +84 allowed";
            case PREFIX -> "a mobile prefix in use (03x, 05x, 07x, 08x, 09x) or a 02x landline area code";
            default -> "the 10-digit number that replaced it in 2018";
        };
    }

    @Override
    public String message(int code, CharSequence raw, long recordDay) {
        String v = normalise(raw);
        return switch (code) {
            case FORMAT -> "not a Vietnamese phone number (" + (v == null ? "characters other than digits" : v.length() + " digits") + ")";
            case PREFIX -> v != null && v.startsWith("02") && v.length() == 10
                    ? "starts like a landline area code, but a landline number has 11 digits"
                    : "prefix " + (v == null ? "" : v.substring(0, Math.min(3, v.length()))) + " is not allocated to any mobile network";
            default -> "retired 11-digit prefix " + v.substring(0, 4) + "; the number is now " + maskedNew(v);
        };
    }

    private String maskedNew(String v) {
        String now = ref.retiredMobile.get(v.substring(0, 4)) + v.substring(4);
        return chuan.model.Masking.mask(now) + " (since the 2018 conversion)";
    }
}
