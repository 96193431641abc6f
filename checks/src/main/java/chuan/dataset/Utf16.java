package chuan.dataset;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Recognises UTF-16 text, as Excel writes it when saving "Unicode Text": by its byte-order mark,
 * by the profile's declaration, or by the NUL bytes that ASCII characters leave in every other
 * byte. Such a file is text, never "binary", and is read through a strict decoder.
 */
final class Utf16 {

    /** The byte order found, how many BOM bytes to skip, and how it was recognised (for the report). */
    record Detected(Charset charset, int bomLength, String how) {
        String name() {
            return charset.name();
        }
    }

    /** Thrown when a UTF-16 file holds an unpaired surrogate: the file cannot be read as text. */
    static final class Undecodable extends IOException {
        private static final long serialVersionUID = 1L;

        Undecodable(String message) {
            super(message);
        }
    }

    private Utf16() {
    }

    /** What the first bytes say; {@code declared} is the profile's UTF-16 name or null. */
    static Detected detect(byte[] head, int n, String declared) {
        boolean le = n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE && !(n >= 4 && head[2] == 0 && head[3] == 0);
        boolean be = n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF;
        String how = declared != null ? "declared in the profile" : "recognised by its byte-order mark";
        if ("UTF-16LE".equals(declared) || (le && !"UTF-16BE".equals(declared))) {
            return new Detected(StandardCharsets.UTF_16LE, le ? 2 : 0, how);
        }
        if ("UTF-16BE".equals(declared) || be) {
            return new Detected(StandardCharsets.UTF_16BE, be ? 2 : 0, how);
        }
        Charset byNuls = byNuls(head, n);
        if (byNuls != null) {
            return new Detected(byNuls, 0, declared != null ? how : "recognised by the NUL bytes of its ASCII characters");
        }
        return declared != null ? new Detected(StandardCharsets.UTF_16BE, 0, how) : null;
    }

    /** Little-endian when many odd bytes are NUL and almost no even ones, big-endian the other way round. */
    private static Charset byNuls(byte[] head, int n) {
        int pairs = n / 2;
        if (pairs < 2) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }
        if (oddNul * 10 >= pairs * 4 && evenNul * 50 <= pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul * 10 >= pairs * 4 && oddNul * 50 <= pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** A reader that refuses malformed UTF-16 instead of replacing it. */
    static Reader reader(InputStream in, Charset charset) {
        Reader r = new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new FilterReader(r) {
            private long read;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                try {
                    int k = super.read(cbuf, off, len);
                    read += Math.max(k, 0);
                    return k;
                } catch (CharacterCodingException e) {
                    throw new Undecodable("not valid " + charset.name() + " text after character " + read
                            + " (an unpaired surrogate)");
                }
            }
        };
    }
}
