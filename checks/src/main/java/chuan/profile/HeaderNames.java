package chuan.profile;

import java.text.Normalizer;
import java.util.Locale;

/** How header names are compared: Unicode NFC, trimmed, case-folded unless the profile says otherwise. */
public final class HeaderNames {

    private HeaderNames() {
    }

    public static String normalise(String name) {
        return normalise(name, false);
    }

    /** The name as compared: NFC and trimmed, and case-folded when matching is case-insensitive. */
    public static String normalise(String name, boolean caseSensitive) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        return caseSensitive ? n : n.toLowerCase(Locale.ROOT);
    }
}
