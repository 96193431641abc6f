package chuan.standard;

import chuan.standard.vn.VnEncodings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The legacy encodings chuan can read and recognise: the standards packs' (Vietnamese:
 * Windows-1258, TCVN3, VNI) and the Western European ones (Windows-1252, ISO-8859-1); UTF-16 is
 * Unicode and named separately.
 */
public final class Encodings {

    private Encodings() {
    }

    public static List<LegacyEncoding> all(ReferenceData data) {
        List<LegacyEncoding> all = new ArrayList<>(VnEncodings.all(data));
        all.addAll(WesternEncodings.all());
        return all;
    }

    public static Optional<LegacyEncoding> byName(String name, ReferenceData data) {
        String western = WesternEncodings.canonical(name);
        if (western != null) {
            return WesternEncodings.all().stream().filter(e -> e.name().equals(western)).findFirst();
        }
        return VnEncodings.byName(name, data);
    }

    /** The canonical name of a UTF-16 encoding ({@code UTF-16}, {@code UTF-16LE}, {@code UTF-16BE}), or null. */
    public static String utf16(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT).replace("_", "-")) {
            case "UTF-16", "UTF16", "UNICODE" -> "UTF-16";
            case "UTF-16LE", "UTF16LE" -> "UTF-16LE";
            case "UTF-16BE", "UTF16BE" -> "UTF-16BE";
            default -> null;
        };
    }

    /**
     * The encoding these non-UTF-8 bytes most likely are: a Vietnamese one when it clearly fits,
     * else Windows-1252 when most of their non-ASCII bytes read as Western letters; empty when
     * none fits at all.
     */
    public static Optional<LegacyEncoding> detect(byte[] sample, int length, ReferenceData data) {
        Optional<LegacyEncoding> vn = VnEncodings.detect(sample, length, data);
        if (vn.isPresent() && syllables(vn.get(), sample, length)) {
            return vn;
        }
        LegacyEncoding cp1252 = WesternEncodings.all().get(0);
        return cp1252.score(sample, length) >= 0.5 ? Optional.of(cp1252) : vn;
    }

    /**
     * Whether the text, read in a Vietnamese encoding, is made of syllables as Vietnamese is: words
     * with a letter outside ASCII are at most seven letters long ("nghiêng"). A Western text read
     * through TCVN3 also comes out as Vietnamese letters, but in long words ("Transferência").
     */
    private static boolean syllables(LegacyEncoding e, byte[] sample, int length) {
        StringBuilder text = new StringBuilder();
        try (java.io.Reader r = e.decode(new java.io.ByteArrayInputStream(sample, 0, length))) {
            char[] buf = new char[8192];
            int k;
            while ((k = r.read(buf)) > 0) {
                text.append(buf, 0, k);
            }
        } catch (java.io.IOException ex) {
            return true;
        }
        int words = 0;
        int syllables = 0;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean high = false;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                high |= text.charAt(i) >= 0x80;
                i++;
            }
            if (high) {
                words++;
                syllables += i - start <= 7 ? 1 : 0;
            }
        }
        return words == 0 || syllables * 10 >= words * 8;
    }
}
