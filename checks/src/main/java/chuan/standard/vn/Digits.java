package chuan.standard.vn;

/** Small helpers on digit strings, for the per-cell path (no allocation, no exceptions). */
final class Digits {

    private Digits() {
    }

    static boolean all(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether characters {@code from} (inclusive) to {@code to} (exclusive) are all digits, without copying them. */
    static boolean all(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }

    static int at(CharSequence s, int i) {
        return s.charAt(i) - '0';
    }

    static int number(CharSequence s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    static boolean startsWith(CharSequence s, String prefix) {
        if (s.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
