package chuan.standard.vn;

import chuan.standard.ByteView;
import chuan.standard.ValueType;

/**
 * Personal values written inside longer text ("Trả cho ông A, CCCD 001052926814, nhận thay"): a
 * personal ID, a mobile number, an e-mail address. Each search is one pass over the text with a
 * bounded look-ahead at each candidate, so it runs in linear time whatever the text holds; a
 * candidate is a value of the type only when the type's own check accepts it.
 */
final class EmbeddedValues {

    private EmbeddedValues() {
    }

    /**
     * Whether the text could hold any of the values: nine digits or an '@'. Read from the bytes
     * when the cell has them, so that most cells are never decoded.
     */
    static boolean mayHold(CharSequence v) {
        int digits = 0;
        if (v instanceof ByteView b && b.hasBytes()) {
            byte[] bytes = b.bytes();
            for (int i = b.byteOffset(), end = i + b.byteLength(); i < end; i++) {
                byte c = bytes[i];
                if (c == '@' || (c >= '0' && c <= '9' && ++digits >= 9)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '@' || (c >= '0' && c <= '9' && ++digits >= 9)) {
                return true;
            }
        }
        return false;
    }

    /** A 12-digit run that stands alone (no letter or digit on either side) and is a valid personal ID. */
    static boolean personalIdIn(CharSequence v, PersonalIdType type) {
        int n = v.length();
        int i = 0;
        while (i < n) {
            if (!digit(v.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && digit(v.charAt(i))) {
                i++;
            }
            if (i - start == 12 && !word(v, start - 1) && !word(v, i)
                    && type.check(v.subSequence(start, i), Long.MIN_VALUE) == ValueType.OK) {
                return true;
            }
        }
        return false;
    }

    /**
     * A mobile number that stands alone: {@code 0} and nine digits, {@code 84} or {@code +84} and
     * nine, in groups separated by single spaces, dots or dashes ({@code 0912 345 678}); it must not
     * run on into more digits, and its prefix must be one in use.
     */
    static boolean mobileIn(CharSequence v, PhoneType type) {
        int n = v.length();
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if ((c != '0' && c != '8' && c != '+') || word(v, i - 1) || (i > 0 && v.charAt(i - 1) == '+')) {
                continue;
            }
            String candidate = mobileAt(v, i);
            if (candidate != null && type.check(candidate, Long.MIN_VALUE) == ValueType.OK && !candidate.startsWith("02")) {
                return true;
            }
        }
        return false;
    }

    /** The digits of a phone-shaped number starting at {@code i} in national form, or null. Reads at most 16 characters. */
    private static String mobileAt(CharSequence v, int i) {
        int n = v.length();
        int p = i;
        String prefix = "";
        if (v.charAt(p) == '+') {
            if (p + 2 >= n || v.charAt(p + 1) != '8' || v.charAt(p + 2) != '4') {
                return null;
            }
            p += 3;
            prefix = "0";
            if (p < n && separator(v.charAt(p)) && p + 1 < n && digit(v.charAt(p + 1))) {
                p++;
            }
        }
        StringBuilder digits = new StringBuilder(12).append(prefix);
        int want = prefix.isEmpty() ? (v.charAt(p) == '8' ? 11 : 10) : 10;
        while (p < n && digits.length() < want) {
            char c = v.charAt(p);
            if (digit(c)) {
                digits.append(c);
                p++;
            } else if (separator(c) && digits.length() > prefix.length() && p + 1 < n && digit(v.charAt(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (digits.length() != want) {
            return null;
        }
        // the number ends here: no digit, letter, or separator followed by a digit after it
        if (word(v, p) || (p + 1 < n && separator(v.charAt(p)) && digit(v.charAt(p + 1)))) {
            return null;
        }
        String s = digits.toString();
        if (want == 11) {
            return s.startsWith("84") ? "0" + s.substring(2) : null;
        }
        return s.charAt(0) == '0' ? s : null;
    }

    /** An e-mail address anywhere in the text: a local part, '@', and a domain with a top-level domain of two or more letters. */
    static boolean emailIn(CharSequence v) {
        int n = v.length();
        for (int at = 1; at < n - 3; at++) {
            if (v.charAt(at) != '@' || !local(v.charAt(at - 1))) {
                continue;
            }
            int end = at + 1;
            while (end < n && domain(v.charAt(end))) {
                end++; // stops at the next '@': each character is read by one expansion only
            }
            if (domainOk(v, at + 1, end)) {
                return true;
            }
        }
        return false;
    }

    /** The whole value is an e-mail address: no spaces, one '@', a domain with a top-level domain of two or more letters. */
    static boolean wholeEmail(CharSequence v) {
        int n = v.length();
        int at = -1;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (Character.isWhitespace(c)) {
                return false;
            }
        }
        if (at < 1 || n >= 255) {
            return false;
        }
        for (int i = at + 1; i < n; i++) {
            if (!domain(v.charAt(i))) {
                return false;
            }
        }
        return domainExact(v, at + 1, n);
    }

    /** A domain in {@code from..to}, trailing dots and dashes (end of a sentence) set aside. */
    private static boolean domainOk(CharSequence v, int from, int to) {
        while (to > from && (v.charAt(to - 1) == '.' || v.charAt(to - 1) == '-')) {
            to--;
        }
        return domainExact(v, from, to);
    }

    /** {@code from..to} ends in '.' and two or more letters, with something before the dot. */
    private static boolean domainExact(CharSequence v, int from, int to) {
        int dot = -1;
        for (int i = to - 1; i >= from; i--) {
            if (v.charAt(i) == '.') {
                dot = i;
                break;
            }
        }
        if (dot <= from || to - dot - 1 < 2) {
            return false;
        }
        for (int i = dot + 1; i < to; i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '-';
    }

    /** Whether position {@code i} holds a letter or digit (outside the text: no). */
    private static boolean word(CharSequence v, int i) {
        return i >= 0 && i < v.length() && Character.isLetterOrDigit(v.charAt(i));
    }

    private static boolean local(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '.' || c == '_' || c == '%' || c == '+'
                || c == '-';
    }

    private static boolean domain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '.' || c == '-';
    }
}
