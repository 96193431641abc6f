package chuan.standard.vn;

import chuan.standard.ValueType;
import java.text.Normalizer;
import java.util.List;

/**
 * {@code vn.text} and {@code vn.person-name}: Vietnamese text as TCVN 6909:2001 and Circular
 * 39/2017/TT-BTTTT require it: Unicode (UTF-8) in NFC, no control characters, and not text left
 * in a legacy encoding (TCVN3, VNI, or UTF-8 misread as Windows-1252), which is reported with
 * the encoding found and the repaired text. A person's name is also each word capitalised, at
 * least two words, single spaces.
 */
final class TextType extends VnType {

    static final int CONTROL = 0;
    static final int LEGACY = 1;
    static final int NFC = 2;
    static final int NAME = 3;

    private final boolean name;
    private final LegacyText legacy;

    TextType(LegacyText legacy, boolean name) {
        super(name ? "vn.person-name" : "vn.text", name
                ? List.of("VN-TEXT-CONTROL", "VN-TEXT-LEGACY", "VN-TEXT-NFC", "VN-NAME-FORMAT")
                : List.of("VN-TEXT-CONTROL", "VN-TEXT-LEGACY", "VN-TEXT-NFC"), name);
        this.legacy = legacy;
        this.name = name;
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        if (v instanceof chuan.standard.ByteView b && b.hasBytes()) {
            int r = plainBytes(b.bytes(), b.byteOffset(), b.byteLength());
            if (r != NOT_PLAIN) {
                return r;
            }
        }
        return checkText(v);
    }

    private static final int NOT_PLAIN = -2;

    /**
     * The common case, read from the UTF-8 bytes without decoding: printable ASCII and Vietnamese
     * letters only, which is free of control characters and legacy encodings and already NFC, so
     * only the name form is left to check. Anything else is {@link #NOT_PLAIN}: the text path decides.
     */
    private int plainBytes(byte[] b, int off, int len) {
        int end = off + len;
        int words = 0;
        boolean wordStart = true;
        boolean nameOk = true;
        int i = off;
        while (i < end) {
            int b0 = b[i] & 0xFF;
            char cp;
            if (b0 < 0x80) {
                if (b0 < 0x20 || b0 == 0x7F) {
                    return NOT_PLAIN;
                }
                cp = (char) b0;
                i++;
            } else if (b0 < 0xE0) {
                cp = (char) (((b0 & 0x1F) << 6) | (b[i + 1] & 0x3F));
                i += 2;
            } else if (b0 < 0xF0) {
                cp = (char) (((b0 & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
                i += 3;
            } else {
                return NOT_PLAIN;
            }
            if (cp >= 0x80 && !VnLetters.isLetter(cp)) {
                return NOT_PLAIN;
            }
            if (name && nameOk) {
                if (cp == ' ') {
                    nameOk = !wordStart;
                    wordStart = true;
                } else if (wordStart) {
                    nameOk = VnLetters.isUpper(cp);
                    words++;
                    wordStart = false;
                } else {
                    nameOk = VnLetters.isLower(cp);
                }
            }
        }
        return !name || (nameOk && !wordStart && words >= 2) ? OK : NAME;
    }

    private int checkText(CharSequence v) {
        boolean plain = true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 ? name || (c != '\t' && c != '\n' && c != '\r') : c == 0x7F || (c >= 0x80 && c < 0xA0 && !legacyByte(c))) {
                return CONTROL;
            }
            plain &= c < 0x300 || (c >= 0x1EA0 && c <= 0x1EF9);
        }
        if (legacy.maybeLegacy(v) && legacy.detect(v.toString()) != null) {
            return LEGACY;
        }
        if (!plain && !Normalizer.isNormalized(v, Normalizer.Form.NFC)) {
            return NFC;
        }
        if (name && !wellFormedName(v)) {
            return NAME;
        }
        return OK;
    }

    /** C1 controls that a cp1252 misreading can leave in mojibake (0x81, 0x8D, 0x8F, 0x90, 0x9D). */
    private static boolean legacyByte(char c) {
        return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
    }

    /** Words of one upper-case then lower-case Vietnamese letters, at least two, single spaces. */
    static boolean wellFormedName(CharSequence v) {
        int words = 0;
        boolean start = true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ' ') {
                if (start) {
                    return false; // leading or double space
                }
                start = true;
                continue;
            }
            if (start) {
                if (!VnLetters.isUpper(c)) {
                    return false;
                }
                words++;
                start = false;
            } else if (!VnLetters.isLower(c)) {
                return false;
            }
        }
        return !start && words >= 2;
    }

    @Override
    public String expected(int code) {
        return switch (code) {
            case CONTROL -> "no control characters";
            case LEGACY -> "Unicode text (TCVN 6909:2001), not a legacy Vietnamese encoding";
            case NFC -> "Unicode NFC (precomposed letters)";
            default -> "each word capitalised, at least two words, single spaces";
        };
    }

    @Override
    public String message(int code, CharSequence v, long recordDay) {
        return switch (code) {
            case CONTROL -> "holds a control character";
            case LEGACY -> {
                LegacyText.Finding f = legacy.detect(v.toString());
                yield "text in " + f.kind().description + "; repaired: " + (name ? chuan.model.Masking.mask(f.repaired()) : f.repaired());
            }
            case NFC -> "decomposed or mixed Unicode (NFD); normalise to NFC";
            default -> "not a name of capitalised words separated by single spaces";
        };
    }
}
