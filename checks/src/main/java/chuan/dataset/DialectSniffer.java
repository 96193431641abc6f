package chuan.dataset;

import chuan.standard.LegacyEncoding;
import chuan.standard.ReferenceData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out, from the start of a delimited file, how to read it: its encoding (UTF-8, UTF-16, or
 * the legacy encoding it most likely is), its delimiter ({@code , ; tab |}: the one that splits
 * the most records into the same number of fields), the title rows above the header (records
 * with at most one filled cell above records with several) and a second header row (a row of
 * names under a row with merged, blank cells, above numbers).
 */
final class DialectSniffer {

    static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int RECORDS = 200;

    /** What the sniffer found. {@code encoding} is null for UTF-8; {@code bomLength} bytes start the file. */
    record Dialect(String encoding, Utf16.Detected utf16, LegacyEncoding legacy, int bomLength, char delimiter,
                   int skipRows, int headerRows) {
    }

    private DialectSniffer() {
    }

    static Dialect sniff(byte[] head, int n, char preferred, ReferenceData reference) throws IOException {
        Utf16.Detected utf16 = Utf16.detect(head, n, null);
        LegacyEncoding legacy = null;
        int bom = 0;
        String text;
        if (utf16 != null) {
            bom = utf16.bomLength();
            text = new String(head, bom, n - bom, utf16.charset());
        } else {
            bom = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
            if (isUtf8(head, bom, n)) {
                text = new String(head, bom, n - bom, StandardCharsets.UTF_8);
            } else {
                legacy = chuan.standard.Encodings.detect(head, n, reference)
                        .orElseGet(() -> chuan.standard.Encodings.byName("ISO-8859-1", reference).orElseThrow());
                StringBuilder sb = new StringBuilder();
                try (Reader r = legacy.decode(new ByteArrayInputStream(head, 0, n))) {
                    char[] buf = new char[8192];
                    int k;
                    while ((k = r.read(buf)) > 0) {
                        sb.append(buf, 0, k);
                    }
                }
                text = sb.toString();
            }
        }
        char delimiter = delimiter(text, preferred);
        List<String[]> records = records(text, delimiter, RECORDS);
        int skip = titleRows(records);
        int headerRows = headerRows(records, skip);
        String encoding = utf16 != null ? utf16.name() : legacy != null ? legacy.name() : null;
        return new Dialect(encoding, utf16, legacy, bom, delimiter, skip, headerRows);
    }

    /** Whether the bytes are UTF-8, a sequence cut at the end of the sample apart. */
    private static boolean isUtf8(byte[] b, int from, int n) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = d.decode(ByteBuffer.wrap(b, from, n - from), CharBuffer.allocate(n - from + 1), false);
        return !r.isError();
    }

    /** The candidate that gives the most records the same number (two or more) of fields. */
    static char delimiter(String text, char preferred) {
        char best = preferred;
        int bestScore = 0;
        List<Character> order = new ArrayList<>();
        order.add(preferred);
        for (char c : DELIMITERS) {
            if (c != preferred) {
                order.add(c);
            }
        }
        for (char d : order) {
            List<String[]> recs = records(text, d, RECORDS);
            java.util.Map<Integer, Integer> byWidth = new java.util.HashMap<>();
            for (String[] r : recs) {
                if (r.length >= 2) {
                    byWidth.merge(r.length, 1, Integer::sum);
                }
            }
            int score = byWidth.values().stream().max(Integer::compare).orElse(0);
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /** Leading records with at most one filled cell, above records with several: a title, a note, blank lines. */
    static int titleRows(List<String[]> records) {
        int k = 0;
        while (k + 1 < records.size() && filled(records.get(k)) <= 1) {
            boolean moreBelow = false;
            for (int j = k + 1; j < Math.min(records.size(), k + 12); j++) {
                moreBelow |= filled(records.get(j)) >= 2;
            }
            if (!moreBelow) {
                break;
            }
            k++;
        }
        return k;
    }

    /**
     * Two header rows when the first has blank names beside filled ones (merged cells), the second
     * holds names only (no numbers), and below one of those names, under a blank of the first,
     * the data holds a number.
     */
    static int headerRows(List<String[]> records, int skip) {
        if (records.size() < skip + 3) {
            return 1;
        }
        String[] h1 = records.get(skip);
        String[] h2 = records.get(skip + 1);
        String[] data = records.get(skip + 2);
        if (filled(h1) == 0 || filled(h1) == h1.length || filled(h2) == 0) {
            return 1;
        }
        boolean numberUnderNewName = false;
        for (int c = 0; c < h2.length; c++) {
            String name = h2[c].strip();
            if (name.isEmpty()) {
                continue;
            }
            if (numeric(name)) {
                return 1;
            }
            boolean blankAbove = c >= h1.length || h1[c].isBlank();
            if (blankAbove && c < data.length && numeric(data[c].strip())) {
                numberUnderNewName = true;
            }
        }
        return numberUnderNewName ? 2 : 1;
    }

    private static int filled(String[] r) {
        int n = 0;
        for (String s : r) {
            n += s.isBlank() ? 0 : 1;
        }
        return n;
    }

    private static boolean numeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == ',' || c == '-' || c == ' ' || c == '%')) {
                return false;
            }
        }
        return true;
    }

    /** Up to {@code max} records of the text, split by the quoting rules the scan uses; the last, maybe cut, left out. */
    static List<String[]> records(String text, char delimiter, int max) {
        List<String[]> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        int n = text.length();
        for (int i = 0; i < n && out.size() < max; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == delimiter) {
                fields.add(f.toString());
                f.setLength(0);
                fieldStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(f.toString());
                f.setLength(0);
                out.add(fields.toArray(new String[0]));
                fields.clear();
                fieldStart = true;
            } else {
                f.append(c);
                fieldStart = false;
            }
        }
        return out;
    }
}
