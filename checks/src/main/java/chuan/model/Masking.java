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

    /**
     * A secret (a password, a token) as reports show it: nothing of it, not even its length. A
     * personal ID keeps a few digits so it can be found again in the source; a password's file and
     * line do that, and four of its characters would shrink a guess a great deal.
     */
    public static String secret(String value) {
        return value == null ? null : value.isEmpty() ? "" : "********";
    }

    /**
     * The value with the password of every URL in it hidden ({@code postgresql://app:s3cret@db/x} ->
     * {@code postgresql://app:********@db/x}): connection strings carry passwords under keys not
     * named for them ({@code spring.datasource.url}). Linear in the value.
     */
    public static String urlPasswords(String value) {
        if (value == null || value.indexOf("://") < 0) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        int from = 0;
        int scheme;
        while ((scheme = value.indexOf("://", from)) >= 0) {
            int authority = scheme + 3;
            int end = authority;
            while (end < value.length() && "/?#\"' \t".indexOf(value.charAt(end)) < 0) {
                end++;
            }
            int at = value.lastIndexOf('@', end - 1);
            int colon = at >= authority ? value.indexOf(':', authority) : -1;
            b.append(value, from, authority);
            if (colon >= 0 && colon < at) {
                b.append(value, authority, colon + 1).append(secret(value.substring(colon + 1, at))).append(value, at, end);
            } else {
                b.append(value, authority, end);
            }
            from = end;
        }
        return b.append(value.substring(from)).toString();
    }

    /**
     * Whether a name reads like a value rather than a column or key name: six or more digits in a
     * row, or an {@code @}. A header-less file's first record taken for column names, or a JSON object keyed by
     * ID number, would otherwise put personal values into reports as "names".
     */
    public static boolean looksLikeValue(String name) {
        if (name == null) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '@') {
                return true;
            }
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= 6) {
                return true;
            }
        }
        return false;
    }

    /** The name as shown in a report: masked when it reads like a value. */
    public static String name(String name) {
        return looksLikeValue(name) ? mask(name) : name;
    }

    private static String maskDomain(String atDomain) {
        // keep the domain: it names the provider, not the person
        return atDomain;
    }
}
