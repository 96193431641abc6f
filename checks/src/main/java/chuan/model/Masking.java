package chuan.model;

/**
 * How personal values are shown in reports unless the user asks to reveal them: enough of the
 * value to find it again in the source (first and last characters), never enough to read it.
 */
public final class Masking {

    private Masking() {
    }

    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        // mask letters, not code points: a decomposed letter must not leave its accent showing
        value = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC);
        int at = value.indexOf('@');
        if (at > 0) {
            return value.charAt(0) + "*".repeat(Math.max(1, at - 1)) + maskDomain(value.substring(at));
        }
        int n = value.codePointCount(0, value.length());
        int keepHead = n >= 10 ? 4 : n >= 6 ? 2 : 0;
        int keepTail = n >= 8 ? 2 : n >= 6 ? 1 : 0;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (int off = 0; off < value.length(); ) {
            int cp = value.codePointAt(off);
            if (i < keepHead || i >= n - keepTail) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(Character.isWhitespace(cp) ? ' ' : '*');
            }
            off += Character.charCount(cp);
            i++;
        }
        return sb.toString();
    }

    private static String maskDomain(String atDomain) {
        // keep the domain: it names the provider, not the person
        return atDomain;
    }
}
