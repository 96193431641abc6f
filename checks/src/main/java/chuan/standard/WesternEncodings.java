package chuan.standard;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Western European single-byte encodings exports still arrive in: Windows-1252 (what
 * spreadsheets on Western Windows write) and ISO-8859-1 (Latin-1). Read by the JDK, line ends kept.
 */
final class WesternEncodings {

    private WesternEncodings() {
    }

    static List<LegacyEncoding> all() {
        return List.of(new Western("windows-1252", "Windows-1252 (Western European)", Charset.forName("windows-1252")),
                new Western("ISO-8859-1", "ISO-8859-1 (Latin-1)", StandardCharsets.ISO_8859_1));
    }

    /** Other names the encodings go by. */
    static String canonical(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "windows-1252", "cp1252", "win-1252" -> "windows-1252";
            case "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1" -> "ISO-8859-1";
            default -> null;
        };
    }

    private record Western(String name, String description, Charset charset) implements LegacyEncoding {

        /** Share of the non-ASCII characters that come out as letters or the punctuation such text uses. */
        @Override
        public double score(byte[] sample, int length) {
            String text = new String(sample, 0, length, charset);
            int high = 0;
            int fit = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    high++;
                    if (Character.isLetter(c) || "€‘’“”–—…•°«»©®±×÷¿¡§".indexOf(c) >= 0) {
                        fit++;
                    }
                }
            }
            return high == 0 ? -1 : (double) fit / high;
        }

        @Override
        public boolean keepsLineEnds() {
            return true;
        }

        @Override
        public Reader decode(InputStream in) {
            return new InputStreamReader(in, charset); // single-byte Western text is precomposed already
        }
    }
}
