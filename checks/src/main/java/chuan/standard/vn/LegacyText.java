package chuan.standard.vn;

import chuan.standard.ReferenceData;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Recognises Vietnamese text stored in a legacy form and repairs it: UTF-8 bytes read as
 * Windows-1252 ("Nguyá»…n"), TCVN3/ABC bytes read as Windows-1252 ("NguyÔn V¨n"), and VNI
 * ("Nguyeãn", "Ñöùc"). The byte tables come from the reference data. A text is only called
 * legacy when its repair gives valid, different text, so real Latin-1 names (José) are left alone.
 */
final class LegacyText {

    enum Kind {
        UTF8_AS_CP1252("UTF-8 read as Windows-1252"),
        TCVN3("TCVN3 (ABC) read as Windows-1252"),
        VNI("VNI-Windows");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** What was found: the encoding and the repaired text. */
    record Finding(Kind kind, String repaired) {
    }

    private static final Charset CP1252 = Charset.forName("windows-1252");
    /** Vietnamese letters that Latin-1 also has: not evidence of anything by themselves. */
    private static final String VN_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";
    /** VNI mark bytes that are not Vietnamese letters (and ư, đ), as Latin-1 characters. */
    private static final String VNI_STRONG = "øûïåäüëæîöñÑÖØÛÏÅÄÜËÆÎ";

    private final Map<Character, Character> tcvn3;       // char as seen in cp1252 -> Vietnamese letter
    private final VnEncodings.Vni vni;
    private final boolean[] suspicious = new boolean[0x2213];

    private LegacyText(ReferenceData data) {
        tcvn3 = data.table("vn", "tcvn3-byte-map.csv", LegacyText::tcvn3Map);
        vni = new VnEncodings.Vni(data);
        for (char c = 0x80; c <= 0xFF; c++) {
            suspicious[c] = VN_LATIN1.indexOf(c) < 0;
        }
        for (char c : "ŒœŠšŸŽžƒˆ˜".toCharArray()) {
            suspicious[c] = true;
        }
        for (char c = 0x2010; c <= 0x2122; c++) {
            suspicious[c] = true; // cp1252 punctuation (… ‘ ’ “ ” • – — ™) and the minus sign PDFs give TCVN3 ư
        }
        suspicious[0x2212] = true;
    }

    private static final Map<ReferenceData, LegacyText> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static LegacyText of(ReferenceData data) {
        return CACHE.computeIfAbsent(data, LegacyText::new);
    }

    private static Map<Character, Character> tcvn3Map(List<CSVRecord> rows) {
        Map<Character, Character> m = new HashMap<>();
        for (CSVRecord r : rows) {
            String look = r.get("shown_as_cp1252");
            if ("VN3".equals(r.get("subset")) && look.length() == 1) {
                m.put(look.charAt(0), r.get("char").charAt(0));
            }
        }
        m.put('\u2212', 'ư'); // TCVN3 0xAD (ư) as PDFs render it
        m.put('\u00AD', 'ư');
        return Map.copyOf(m);
    }

    /** Cheap first look, on the per-cell path: does the text hold any character legacy text shows? */
    boolean maybeLegacy(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c < suspicious.length && suspicious[c]) {
                return true;
            }
        }
        return false;
    }

    /** The legacy encoding this text shows, with its repair; null when it is ordinary text. */
    Finding detect(String s) {
        String utf8 = repairUtf8(s);
        if (utf8 != null && !utf8.equals(s)) {
            return new Finding(Kind.UTF8_AS_CP1252, utf8);
        }
        if (containsAny(s, VNI_STRONG)) {
            String v = repairVni(s);
            if (!v.equals(s) && vietnamese(v)) {
                return new Finding(Kind.VNI, v);
            }
        }
        String t = repairTcvn3(s);
        if (t != null && !t.equals(s) && vietnamese(t)) {
            return new Finding(Kind.TCVN3, t);
        }
        return null;
    }

    private static String repairUtf8(String s) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[i] = (byte) c;
            } else if (c <= 0xFF && (c < 0xA0 ? "\u0081\u008D\u008F\u0090\u009D".indexOf(c) >= 0 : true)) {
                bytes[i] = (byte) c;
            } else {
                byte[] b = String.valueOf(c).getBytes(CP1252);
                if (b.length != 1 || b[0] == '?') {
                    return null;
                }
                bytes[i] = b[0];
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private String repairTcvn3(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean strong = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            Character m = tcvn3.get(c);
            if (m != null) {
                strong |= c >= 0x80 && c < suspicious.length && suspicious[c];
                sb.append(m);
            } else if (c >= 0x80) {
                return null; // a character TCVN3 text cannot show
            } else {
                sb.append(c);
            }
        }
        return strong ? sb.toString() : null;
    }

    private String repairVni(String s) {
        return vni.convert(s);
    }

    /** Text made only of ASCII, Vietnamese letters, spaces and common punctuation. */
    private static boolean vietnamese(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && !VnLetters.isLetter(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
