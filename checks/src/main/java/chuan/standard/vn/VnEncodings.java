package chuan.standard.vn;

import chuan.standard.LegacyEncoding;
import chuan.standard.ReferenceData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * The legacy encodings Vietnamese files still arrive in: Windows-1258 (letters plus combining
 * tone marks), TCVN3/ABC (TCVN 5712:1993, one byte per letter) and VNI-Windows (ASCII letter plus
 * a mark byte). Tables from the reference data; Windows-1258 from the JDK.
 */
public final class VnEncodings {

    private VnEncodings() {
    }

    public static List<LegacyEncoding> all(ReferenceData data) {
        return List.of(new Cp1258(), new Tcvn3(data), new Vni(data));
    }

    public static Optional<LegacyEncoding> byName(String name, ReferenceData data) {
        return all(data).stream().filter(e -> e.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    /** Share of the non-ASCII characters of {@code text} that are Vietnamese letters. */
    static double letterShare(String text) {
        int high = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                high++;
                if (VnLetters.isLetter(c)) {
                    letters++;
                }
            }
        }
        return high == 0 ? -1 : (double) letters / high;
    }

    /** A reader that converts each line (line breaks kept as LF) and normalises it to NFC. */
    abstract static class LineConverting implements LegacyEncoding {
        abstract Charset byteCharset();

        abstract String convert(String line);

        @Override
        public double score(byte[] sample, int length) {
            return letterShare(Normalizer.normalize(convert(new String(sample, 0, length, byteCharset())), Normalizer.Form.NFC));
        }

        @Override
        public Reader decode(InputStream in) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, byteCharset()), 1 << 16);
            return new Reader() {
                private String pending = "";
                private int pos;
                private boolean done;

                @Override
                public int read(char[] cbuf, int off, int len) throws IOException {
                    while (pos >= pending.length()) {
                        if (done) {
                            return -1;
                        }
                        String line = r.readLine();
                        if (line == null) {
                            done = true;
                            return -1;
                        }
                        pending = Normalizer.normalize(convert(line), Normalizer.Form.NFC) + "\n";
                        pos = 0;
                    }
                    int n = Math.min(len, pending.length() - pos);
                    pending.getChars(pos, pos + n, cbuf, off);
                    pos += n;
                    return n;
                }

                @Override
                public void close() throws IOException {
                    r.close();
                }
            };
        }
    }

    /** Windows-1258: decoded by the JDK, then composed to NFC. */
    static final class Cp1258 extends LineConverting {
        @Override
        public String name() {
            return "windows-1258";
        }

        @Override
        public String description() {
            return "Windows-1258 (Vietnamese Windows code page)";
        }

        @Override
        Charset byteCharset() {
            return Charset.forName("windows-1258");
        }

        @Override
        String convert(String line) {
            return line;
        }
    }

    /** TCVN3 (ABC): one byte per letter, from the TCVN 5712:1993 table. */
    static final class Tcvn3 extends LineConverting {
        private final char[] map = new char[256];

        Tcvn3(ReferenceData data) {
            for (int b = 0; b < 256; b++) {
                map[b] = (char) b;
            }
            for (CSVRecord r : data.rows("vn", "tcvn3-byte-map.csv")) {
                int b = Integer.parseInt(r.get("byte").substring(2), 16);
                if (!"VN1_combining".equals(r.get("subset"))) {
                    map[b] = r.get("char").charAt(0);
                }
            }
        }

        @Override
        public String name() {
            return "TCVN3";
        }

        @Override
        public String description() {
            return "TCVN3 / ABC (TCVN 5712:1993)";
        }

        @Override
        Charset byteCharset() {
            return StandardCharsets.ISO_8859_1;
        }

        @Override
        String convert(String line) {
            char[] out = new char[line.length()];
            for (int i = 0; i < out.length; i++) {
                char c = line.charAt(i);
                out[i] = c < 256 ? map[c] : c;
            }
            return new String(out);
        }
    }

    /** VNI-Windows: an ASCII letter followed by a mark byte. */
    static final class Vni extends LineConverting {
        private final java.util.Map<String, Character> sequences = new java.util.HashMap<>();

        Vni(ReferenceData data) {
            for (CSVRecord r : data.rows("vn", "vni-sequences.csv")) {
                sequences.put(r.get("shown_as_latin1"), r.get("char").charAt(0));
            }
        }

        @Override
        public String name() {
            return "VNI";
        }

        @Override
        public String description() {
            return "VNI-Windows";
        }

        @Override
        Charset byteCharset() {
            return StandardCharsets.ISO_8859_1;
        }

        @Override
        String convert(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            int i = 0;
            while (i < s.length()) {
                if (i + 1 < s.length()) {
                    Character two = sequences.get(s.substring(i, i + 2));
                    if (two != null) {
                        sb.append(two);
                        i += 2;
                        continue;
                    }
                }
                Character one = sequences.get(s.substring(i, i + 1));
                sb.append(one != null ? one : s.charAt(i));
                i++;
            }
            return sb.toString();
        }
    }

    /** The encoding the bytes most look like, when one clearly fits; empty when none does. */
    public static Optional<LegacyEncoding> detect(byte[] sample, int length, ReferenceData data) {
        int high = 0;
        for (int i = 0; i < length; i++) {
            high += sample[i] < 0 ? 1 : 0;
        }
        if (high < 12) {
            return Optional.empty(); // too little text to tell one encoding from another
        }
        LegacyEncoding best = null;
        double bestScore = 0.9; // nine in ten non-ASCII characters must come out as Vietnamese letters
        for (LegacyEncoding e : all(data)) {
            double s = e.score(sample, length);
            if (s > bestScore) {
                best = e;
                bestScore = s;
            }
        }
        return Optional.ofNullable(best);
    }
}
