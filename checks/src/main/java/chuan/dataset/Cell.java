package chuan.dataset;

import java.nio.charset.StandardCharsets;

/**
 * One cell's value as the checks see it, in one of three forms: ASCII bytes read in place, UTF-8
 * bytes already validated by the parser (decoded only if a check needs characters), or a String
 * (text with escaped quotes, or a JSON value). Checks that only need emptiness, length or
 * equality never decode. One cell object per thread and column is pointed at the next value each
 * time; whoever keeps a value calls {@link #toString()}. A single class for all forms keeps every
 * call site in the checks monomorphic.
 */
final class Cell implements CharSequence, chuan.standard.ByteView {

    private String text;       // the value as text; for UTF-8 bytes, set once decoded
    private byte[] bytes;
    private int from;
    private int byteLength;
    private int codePoints;    // for UTF-8 bytes: counted by the parser
    private boolean utf8;

    Cell ascii(byte[] b, int start, int end) {
        text = null;
        bytes = b;
        from = start;
        byteLength = end - start;
        utf8 = false;
        return this;
    }

    Cell utf8(byte[] b, int start, int end, int cps) {
        text = null;
        bytes = b;
        from = start;
        byteLength = end - start;
        codePoints = cps;
        utf8 = true;
        return this;
    }

    Cell text(String s) {
        text = s;
        bytes = null;
        utf8 = false;
        return this;
    }

    /** Characters [from, to) of {@code parent} (an item of a list cell): read in place when the parent is ASCII bytes. */
    Cell slice(Cell parent, int from, int to) {
        if (parent.bytes != null && !parent.utf8) {
            return ascii(parent.bytes, parent.from + from, parent.from + to);
        }
        return text(parent.toString().substring(from, to));
    }

    @Override
    public boolean isEmpty() {
        return bytes != null ? byteLength == 0 : text.isEmpty();
    }

    /** The number of Unicode code points, without decoding when the parser counted them. */
    int codePointCount() {
        if (bytes == null) {
            return text.codePointCount(0, text.length());
        }
        return utf8 ? codePoints : byteLength;
    }

    /** Whether the value equals {@code s}, whose UTF-8 encoding is {@code sUtf8}. */
    boolean sameAs(String s, byte[] sUtf8) {
        if (bytes == null) {
            return text.equals(s);
        }
        if (byteLength != sUtf8.length) {
            return false;
        }
        for (int i = 0; i < byteLength; i++) {
            if (bytes[from + i] != sUtf8[i]) {
                return false;
            }
        }
        return true;
    }

    private String decoded() {
        if (text == null) {
            text = new String(bytes, from, byteLength, StandardCharsets.UTF_8);
        }
        return text;
    }

    @Override
    public boolean hasBytes() {
        return bytes != null;
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int byteOffset() {
        return from;
    }

    @Override
    public int byteLength() {
        return byteLength;
    }

    @Override
    public int length() {
        if (text != null) {
            return text.length();
        }
        return utf8 ? decoded().length() : byteLength;
    }

    @Override
    public char charAt(int index) {
        if (text != null) {
            return text.charAt(index);
        }
        return utf8 ? decoded().charAt(index) : (char) bytes[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        if (text != null || utf8) {
            return decoded();
        }
        return new String(bytes, from, byteLength, StandardCharsets.ISO_8859_1);
    }
}
