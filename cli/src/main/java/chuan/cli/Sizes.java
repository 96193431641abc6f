package chuan.cli;

import java.util.Locale;

/** Sizes as users write them: {@code 65536}, {@code 64KiB}, {@code 64MiB}, {@code 1GiB} (also KB, MB, GB, K, M, G as binary). */
final class Sizes {

    private Sizes() {
    }

    /** Bytes, or -1 when the text is not a size. */
    static long parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] u : new String[][] {{"GIB", "30"}, {"MIB", "20"}, {"KIB", "10"}, {"GB", "30"}, {"MB", "20"}, {"KB", "10"},
                {"G", "30"}, {"M", "20"}, {"K", "10"}, {"B", "0"}}) {
            if (t.endsWith(u[0])) {
                unit = 1L << Integer.parseInt(u[1]);
                t = t.substring(0, t.length() - u[0].length());
                break;
            }
        }
        if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long n = Long.parseLong(t);
        return n > Long.MAX_VALUE / unit ? -1 : n * unit;
    }
}
