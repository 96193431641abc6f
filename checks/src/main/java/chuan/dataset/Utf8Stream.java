package chuan.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Text from a reader as UTF-8 bytes, so that a file in a declared legacy encoding takes the usual path. */
final class Utf8Stream extends InputStream {

    private final Reader reader;
    private final char[] chars = new char[8192];
    private byte[] bytes = new byte[0];
    private int pos;
    private char carry;       // a high surrogate waiting for its pair
    private boolean hasCarry;

    Utf8Stream(Reader reader) {
        this.reader = reader;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return bytes[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (pos >= bytes.length) {
            int start = 0;
            if (hasCarry) {
                chars[0] = carry;
                hasCarry = false;
                start = 1;
            }
            int n = reader.read(chars, start, chars.length - start);
            if (n < 0) {
                if (start == 0) {
                    return false;
                }
                n = 0;
            }
            int total = start + n;
            if (total > 0 && Character.isHighSurrogate(chars[total - 1]) && n > 0) {
                carry = chars[total - 1];
                hasCarry = true;
                total--;
            }
            bytes = new String(chars, 0, total).getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
