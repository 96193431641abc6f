package chuan.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The legacy encodings chuan can read and recognise: the standards packs' ({@link Packs}) and the
 * Western European ones (Windows-1252, ISO-8859-1); UTF-16 is
 * Unicode and named separately.
 */
public final class Encodings {

    private Encodings() {
    }

    public static List<LegacyEncoding> all(ReferenceData data) {
        List<LegacyEncoding> all = new ArrayList<>(Packs.encodings(data));
        all.addAll(WesternEncodings.all());
        return all;
    }

    public static Optional<LegacyEncoding> byName(String name, ReferenceData data) {
        String western = WesternEncodings.canonical(name);
        if (western != null) {
            return WesternEncodings.all().stream().filter(e -> e.name().equals(western)).findFirst();
        }
        return Packs.encodings(data).stream().filter(e -> e.name().equalsIgnoreCase(name.trim())).findFirst();
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
     * The encoding these non-UTF-8 bytes most likely are: a standards pack's when it clearly fits,
     * else Windows-1252 when most of their non-ASCII bytes read as Western letters, else a pack's
     * weaker guess; empty when none fits at all.
     */
    public static Optional<LegacyEncoding> detect(byte[] sample, int length, ReferenceData data) {
        Optional<LegacyEncoding> guess = Optional.empty();
        for (StandardsPack p : Packs.all()) {
            Optional<LegacyEncoding> e = p.detect(sample, length, data);
            if (e.isPresent() && p.clearly(e.get(), sample, length)) {
                return e;
            }
            guess = guess.isPresent() ? guess : e;
        }
        LegacyEncoding cp1252 = WesternEncodings.all().get(0);
        return cp1252.score(sample, length) >= 0.5 ? Optional.of(cp1252) : guess;
    }
}
