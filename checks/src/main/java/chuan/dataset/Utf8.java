package chuan.dataset;

/** Strict UTF-8 validation on bytes, counting code points on the way. */
final class Utf8 {

    private Utf8() {
    }

    /** The number of code points in {@code b[from..to)}, or -1 when the bytes are not valid UTF-8. */
    static int codePoints(byte[] b, int from, int to) {
        int n = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
            } else if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= to || (b[i + 1] & 0xC0) != 0x80) {
                    return -1;
                }
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= to || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) {
                    return -1;
                }
                int c1 = b[i + 1] & 0xFF;
                if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) {
                    return -1; // overlong, or a UTF-16 surrogate
                }
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= to || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 || (b[i + 3] & 0xC0) != 0x80) {
                    return -1;
                }
                int c1 = b[i + 1] & 0xFF;
                if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) {
                    return -1; // overlong, or beyond U+10FFFF
                }
                i += 4;
            } else {
                return -1;
            }
            n++;
        }
        return n;
    }
}
