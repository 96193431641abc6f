package chuan.profile;

import java.text.Normalizer;
import java.util.Locale;

/** How header names are compared: Unicode NFC, trimmed, case-folded. */
public final class HeaderNames {

    private HeaderNames() {
    }

    public static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }
}
