package chuan.standard.vn;

/**
 * The Vietnamese alphabet in Unicode NFC: ASCII letters, the Latin-1 accented vowels, Ă Đ Ĩ Ũ Ơ Ư
 * (and their lower case), and the precomposed block U+1EA0-U+1EF9, where upper and lower case
 * alternate. (The same definition as the shared benchmark's NAME_PATTERN.)
 */
final class VnLetters {

    private static final String LATIN1_UPPER = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";
    private static final String LATIN1_LOWER = "àáâãèéêìíòóôõùúý";
    private static final String EXTRA_UPPER = "\u0102\u0110\u0128\u0168\u01A0\u01AF";
    private static final String EXTRA_LOWER = "\u0103\u0111\u0129\u0169\u01A1\u01B0";

    private VnLetters() {
    }

    static boolean isUpper(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z';
        }
        if (c >= 0x1EA0 && c <= 0x1EF9) {
            return (c & 1) == 0;
        }
        return LATIN1_UPPER.indexOf(c) >= 0 || EXTRA_UPPER.indexOf(c) >= 0;
    }

    static boolean isLower(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z';
        }
        if (c >= 0x1EA0 && c <= 0x1EF9) {
            return (c & 1) == 1;
        }
        return LATIN1_LOWER.indexOf(c) >= 0 || EXTRA_LOWER.indexOf(c) >= 0;
    }

    static boolean isLetter(char c) {
        return isUpper(c) || isLower(c);
    }
}
