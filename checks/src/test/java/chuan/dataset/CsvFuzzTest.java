package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chunker (reader thread) and the parser (validator threads) together give the same records
 * as a plain reference reading of the same rules, on random text full of quotes and line breaks.
 */
class CsvFuzzTest {

    /** The rules, read the simple way: a quote opens a quoted field only at a field's start. */
    static List<List<String>> reference(String s) {
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            List<String> rec = new ArrayList<>();
            if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                i += s.startsWith("\r\n", i) ? 2 : 1;
                out.add(null);
                continue;
            }
            while (true) {
                StringBuilder f = new StringBuilder();
                if (i < n && s.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            return null; // unterminated
                        }
                        char c = s.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && s.charAt(i + 1) == '"') {
                                f.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        f.append(c);
                        i++;
                    }
                }
                while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    f.append(s.charAt(i++));
                }
                rec.add(f.toString());
                if (i < n && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n) {
                    i += s.startsWith("\r\n", i) ? 2 : 1;
                }
                break;
            }
            // a record of nothing but empty fields is blank, like an empty line
            out.add(rec.stream().allMatch(String::isEmpty) ? null : rec);
        }
        return out;
    }

    /** The same rules with a comment prefix: a record starting with '#' runs to the end of its line. */
    static List<List<String>> referenceWithComments(String s) {
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '#') {
                while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
                if (i < s.length()) {
                    i += s.startsWith("\r\n", i) ? 2 : 1;
                }
                out.add(List.of(COMMENT));
                continue;
            }
            int end = recordEnd(s, i);
            if (end < 0) {
                return null;
            }
            List<List<String>> one = reference(s.substring(i, end));
            if (one == null) {
                return null;
            }
            out.addAll(one);
            i = end;
        }
        return out;
    }

    /** Where the record starting at i ends (after its line break), by the reference rules; -1 when a quote stays open. */
    private static int recordEnd(String s, int i) {
        boolean quoted = false;
        boolean fieldStart = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        i += 2;
                        continue;
                    }
                    quoted = false;
                }
                i++;
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                i++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                return i + (s.startsWith("\r\n", i) ? 2 : 1);
            }
            fieldStart = c == ',';
            i++;
        }
        return quoted ? -1 : i;
    }

    static final String COMMENT = "#comment";

    static List<List<String>> chunked(String s) throws Exception {
        return chunked(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), null);
    }

    static List<List<String>> chunked(java.io.InputStream in, byte[] comment) throws Exception {
        CsvChunker chunker = new CsvChunker(in, ',', '"', false, comment);
        CsvChunkParser parser = new CsvChunkParser(',', '"', comment);
        List<List<String>> out = new ArrayList<>();
        CsvChunker.Chunk c;
        try {
            while ((c = chunker.next(Integer.MAX_VALUE)) != null) {
                RecordBatch b = new RecordBatch(0, c.records(), c);
                parser.parse(c, b);
                for (int r = 0; r < b.size; r++) {
                    if (b.kinds[r] == RecordBatch.BLANK) {
                        out.add(null);
                        continue;
                    }
                    if (b.kinds[r] == RecordBatch.COMMENT) {
                        out.add(List.of(COMMENT));
                        continue;
                    }
                    List<String> rec = new ArrayList<>();
                    for (int k = 0; k < b.fields.width(r); k++) {
                        rec.add(b.fields.string(r, k));
                    }
                    out.add(rec);
                }
            }
        } catch (InputProblem p) {
            return null;
        }
        return out;
    }

    @Test
    void chunkerAndParserAgreeWithTheReference() throws Exception {
        Random rnd = new Random(2024);
        String alphabet = "ab\",\n\r ễ";
        for (int k = 0; k < 6_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(40);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(chunked(s)).as("input %s", s.replace("\n", "\\n").replace("\r", "\\r")).isEqualTo(reference(s));
        }
    }

    /** Comments, read one byte at a time so that a prefix is split across reads and records end at every buffer edge. */
    @Test
    void commentsAreWholeLinesWhateverTheirQuotes() throws Exception {
        Random rnd = new Random(77);
        String alphabet = "ab\",\n\r #";
        for (int k = 0; k < 1_500; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(30);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            java.io.InputStream slow = new java.io.FilterInputStream(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))) {
                @Override
                public int read(byte[] b, int off, int n) throws java.io.IOException {
                    return super.read(b, off, Math.min(n, 1));
                }
            };
            assertThat(chunked(slow, new byte[] {'#'})).as("input %s", s.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(referenceWithComments(s));
        }
    }

    @Test
    void byteSearchFindsTheFirstOfThreeBytes() {
        Random rnd = new Random(5);
        for (int k = 0; k < 20_000; k++) {
            byte[] b = new byte[rnd.nextInt(40)];
            for (int j = 0; j < b.length; j++) {
                String bytes = "abc,\"\n\r\u00e9";
                b[j] = (byte) bytes.charAt(rnd.nextInt(bytes.length()));
            }
            int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
            int expected = b.length;
            for (int j = from; j < b.length; j++) {
                if (b[j] == '"' || b[j] == '\n' || b[j] == '\r') {
                    expected = j;
                    break;
                }
            }
            assertThat(ByteSearch.find(b, from, b.length, (byte) '"', (byte) '\n', (byte) '\r')).isEqualTo(expected);
        }
    }
}
