package chuan.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the first byte that is not valid UTF-8. Only run after the decoder has refused the file,
 * so the common path pays nothing for it.
 */
final class Utf8Locator {

    /** Where the first bad byte is: 1-based line and column (in characters), byte offset, the byte. */
    record Position(long line, long column, long offset, int badByte) {
    }

    private Utf8Locator() {
    }

    static Position locate(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            long col = 1;
            long offset = 0;
            int b;
            while ((b = in.read()) >= 0) {
                long start = offset++;
                if (b < 0x80) {
                    if (b == '\n') {
                        line++;
                        col = 1;
                    } else {
                        col++;
                    }
                    continue;
                }
                int need;
                int min;
                if (b >= 0xC2 && b <= 0xDF) {
                    need = 1;
                    min = 0x80;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    need = 2;
                    min = 0x800;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    need = 3;
                    min = 0x10000;
                } else {
                    return new Position(line, col, start, b);
                }
                int cp = b & (0x3F >> need);
                for (int i = 0; i < need; i++) {
                    in.mark(1);
                    int nb = in.read();
                    if (nb < 0 || (nb & 0xC0) != 0x80) {
                        return new Position(line, col, start, b);
                    }
                    offset++;
                    cp = (cp << 6) | (nb & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    return new Position(line, col, start, b);
                }
                col += cp >= 0x10000 ? 2 : 1;
            }
            return null;
        }
    }
}
