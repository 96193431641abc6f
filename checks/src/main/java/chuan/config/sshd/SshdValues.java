package chuan.config.sshd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The value parsers sshd uses (misc.c and servconf.c), so that what sshd refuses is refused and what
 * it accepts is read as it reads it: {@code yes}/{@code no} and the other word sets compared without
 * case (PermitTunnel's and PermitUserEnvironment's with case), decimal numbers only (strtonum:
 * {@code 0x10} is refused), time spans {@code 1h30m}, byte counts {@code 1G}, IPQoS names or
 * numbers in any base, log levels and facilities.
 */
final class SshdValues {

    static final int INT_MAX = Integer.MAX_VALUE;

    private SshdValues() {
    }

    /** A word set: the word sshd accepts (any case) to the value it prints (the first word of that value). */
    record Words(Map<String, String> printedFor) {
        static Words of(String... pairs) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                m.put(pairs[i], pairs[i + 1]);
            }
            return new Words(m);
        }

        /** The printed value for a word, or null when sshd refuses it ("unsupported option"). */
        String read(String word) {
            for (var e : printedFor.entrySet()) {
                if (e.getKey().equalsIgnoreCase(word)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    static final Words FLAG = Words.of("yes", "yes", "no", "no");
    static final Words IGNORE_RHOSTS = Words.of("yes", "yes", "no", "no", "shosts-only", "shosts-only");
    static final Words ADDRESS_FAMILY = Words.of("inet", "inet", "inet6", "inet6", "any", "any");
    /** sshd -T prints "without-password" for both spellings; chuan shows the current name. */
    static final Words PERMIT_ROOT_LOGIN = Words.of("without-password", "prohibit-password", "prohibit-password",
            "prohibit-password", "forced-commands-only", "forced-commands-only", "yes", "yes", "no", "no");
    static final Words COMPRESSION = Words.of("yes", "yes", "delayed", "yes", "no", "no");
    static final Words GATEWAY_PORTS = Words.of("clientspecified", "clientspecified", "yes", "yes", "no", "no");
    static final Words TCP_FORWARDING = Words.of("yes", "yes", "all", "yes", "no", "no", "remote", "remote", "local", "local");

    /** PermitTunnel compares with case (strcmp). */
    static String permitTunnel(String word) {
        return switch (word) {
            case "no", "point-to-point", "ethernet", "yes" -> word;
            default -> null;
        };
    }

    /** OpenBSD's strtonum in base 10 over [min, max]: leading blanks and a sign allowed, nothing after the digits. */
    static OptionalLong strtonum(String s, long min, long max) {
        if (s == null) {
            return OptionalLong.empty();
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int digitsFrom = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int first = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == first || i != s.length()) {
            return OptionalLong.empty();
        }
        try {
            long v = new java.math.BigInteger(s.substring(digitsFrom)).max(java.math.BigInteger.valueOf(Long.MIN_VALUE))
                    .min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            return v < min || v > max ? OptionalLong.empty() : OptionalLong.of(v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** misc.c's atoi_err: a decimal integer from 0 to INT_MAX. */
    static OptionalInt integer(String s) {
        if (s == null || s.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalLong v = strtonum(s, 0, INT_MAX);
        return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
    }

    /** misc.c's convtime: {@code 90}, {@code 1m30s}, {@code 2h}, {@code 1w}, in seconds; empty when invalid or too large. */
    static OptionalInt time(String s) {
        if (s == null || s.isEmpty()) {
            return OptionalInt.empty();
        }
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            // strtol: leading white space and a sign, then decimal digits
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            boolean negative = false;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                negative = s.charAt(j) == '-';
                j++;
            }
            int digits = j;
            long secs = 0;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                secs = Math.min(secs * 10 + (s.charAt(j) - '0'), Long.MAX_VALUE / 20);
                j++;
            }
            if (j == digits || negative && secs > 0) {
                return OptionalInt.empty();
            }
            long multiplier = 1;
            if (j < s.length()) {
                char unit = s.charAt(j++);
                multiplier = switch (unit) {
                    case 's', 'S' -> 1;
                    case 'm', 'M' -> 60;
                    case 'h', 'H' -> 3600;
                    case 'd', 'D' -> 86_400;
                    case 'w', 'W' -> 604_800;
                    default -> -1;
                };
                if (multiplier < 0) {
                    return OptionalInt.empty();
                }
            }
            if (secs > INT_MAX / multiplier) {
                return OptionalInt.empty();
            }
            secs *= multiplier;
            if (total > INT_MAX - secs) {
                return OptionalInt.empty();
            }
            total += secs;
            i = j;
        }
        return OptionalInt.of((int) total);
    }

    /**
     * misc.c's a2port: a number 0-65535, else a service name from the root's {@code /etc/services};
     * -1 when neither.
     */
    static int port(String s, Map<String, Integer> services) {
        OptionalLong n = strtonum(s, 0, 65535);
        if (n.isPresent()) {
            return (int) n.getAsLong();
        }
        Integer named = services.get(s);
        return named == null ? -1 : named;
    }

    /** IPQoS names (misc.c's ipqos[]) and their code points, in table order: the first name of a value is printed. */
    private static final Map<String, Integer> IPQOS = new LinkedHashMap<>();

    static {
        IPQOS.put("none", INT_MAX);
        String[] af = {"af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32", "af33", "af41", "af42", "af43"};
        int[] afv = {0x28, 0x30, 0x38, 0x48, 0x50, 0x58, 0x68, 0x70, 0x78, 0x88, 0x90, 0x98};
        for (int i = 0; i < af.length; i++) {
            IPQOS.put(af[i], afv[i]);
        }
        for (int cs = 0; cs <= 7; cs++) {
            IPQOS.put("cs" + cs, cs << 5);
        }
        IPQOS.put("ef", 0xb8);
        IPQOS.put("le", 0x04);
        IPQOS.put("lowdelay", 0x10);
        IPQOS.put("throughput", 0x08);
        IPQOS.put("reliability", 0x04);
    }

    /** misc.c's parse_ipqos: a name (any case) or a number 0-255 in any C base; -1 when neither. */
    static int ipqos(String s) {
        for (var e : IPQOS.entrySet()) {
            if (e.getKey().equalsIgnoreCase(s)) {
                return e.getValue();
            }
        }
        Long v = strtolAnyBase(s);
        return v == null || v < 0 || v > 255 ? -1 : v.intValue();
    }

    /** misc.c's iptos2str: the first name of the value, else {@code 0x%02x}. */
    static String ipqosName(int value) {
        for (var e : IPQOS.entrySet()) {
            if (e.getValue() == value) {
                return e.getKey();
            }
        }
        return String.format(Locale.ROOT, "0x%02x", value);
    }

    /** strtol(s, &end, 0) that must consume everything: 0x hex, 0 octal, else decimal; null when not a number. */
    static Long strtolAnyBase(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            }
        } else if (s.startsWith("0", i)) {
            radix = 8;
        }
        int from = i;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
            i++;
        }
        if (i == from || i != s.length()) {
            return null;
        }
        try {
            long v = Long.parseLong(s.substring(from, Math.min(i, from + 18)), radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An octal mode as StreamLocalBindMask reads it (strtol base 8, leading digits only); -1 when refused. */
    static int octalMask(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int from = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7' && v <= 0777) {
            v = v * 8 + (s.charAt(i) - '0');
            i++;
        }
        if (i == from) {
            return -1;
        }
        if (negative) {
            v = -v;
        }
        return v < 0 || v > 0777 ? -1 : (int) v;
    }

    private static final String SCALE = "BKMGTPE";

    /** scan_scaled (RekeyLimit): {@code 1G}, {@code 512M}, {@code 1.5K}, plain numbers; null when refused. */
    static Long scaled(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) < 128 && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int sign = 0;
        while (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            if (sign != 0) {
                return null;
            }
            sign = s.charAt(i) == '-' ? -1 : 1;
            i++;
        }
        long whole = 0;
        long fpart = 0;
        int fractDigits = 0;
        int ndigits = 0;
        for (; i < s.length() && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '.'); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (fractDigits > 0) {
                    return null;
                }
                fractDigits = 1;
                continue;
            }
            int d = c - '0';
            if (fractDigits > 0) {
                if (fractDigits >= 19) {
                    continue;
                }
                fractDigits++;
                fpart = fpart * 10 + d;
            } else {
                if (++ndigits >= 20 || whole > (Long.MAX_VALUE - d) / 10) {
                    return null;
                }
                whole = whole * 10 + d;
            }
        }
        if (sign != 0) {
            whole *= sign;
        }
        if (i >= s.length()) {
            return whole;
        }
        int unit = SCALE.indexOf(Character.toUpperCase(s.charAt(i)));
        if (unit < 0 || !(s.charAt(i) == SCALE.charAt(unit) || s.charAt(i) == Character.toLowerCase(SCALE.charAt(unit)))) {
            return null;
        }
        if (i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1)) && s.charAt(i + 1) < 128) {
            return null;
        }
        long factor = 1L << (10 * unit);
        if (whole > Long.MAX_VALUE / factor || whole < Long.MIN_VALUE / factor) {
            return null;
        }
        whole *= factor;
        while (fpart >= Long.MAX_VALUE / factor) {
            fpart /= 10;
            fractDigits--;
        }
        fpart *= factor;
        for (int k = 0; k < fractDigits - 1; k++) {
            fpart /= 10;
        }
        return sign == -1 ? whole - fpart : whole + fpart;
    }

    /** log.c's level names (Debian adds SILENT for QUIET); the first name of a level is the one printed. */
    private static final List<String[]> LOG_LEVELS = List.of(
            new String[] {"SILENT", "QUIET"}, new String[] {"QUIET", "QUIET"}, new String[] {"FATAL", "FATAL"},
            new String[] {"ERROR", "ERROR"}, new String[] {"INFO", "INFO"}, new String[] {"VERBOSE", "VERBOSE"},
            new String[] {"DEBUG", "DEBUG"}, new String[] {"DEBUG1", "DEBUG"}, new String[] {"DEBUG2", "DEBUG2"},
            new String[] {"DEBUG3", "DEBUG3"});

    /**
     * The level as sshd -T prints it, or null when refused. SILENT, Debian's spelling of QUIET, is
     * accepted whatever the version (a vendor keyword sshd of Debian and Ubuntu reads).
     */
    static String logLevel(String s, boolean debian) {
        for (String[] l : LOG_LEVELS) {
            if (l[0].equalsIgnoreCase(s)) {
                return l[1].equals("QUIET") && debian ? "SILENT" : l[1];
            }
        }
        return null;
    }

    private static final List<String> FACILITIES = List.of("DAEMON", "USER", "AUTH", "AUTHPRIV", "LOCAL0", "LOCAL1", "LOCAL2",
            "LOCAL3", "LOCAL4", "LOCAL5", "LOCAL6", "LOCAL7");

    /** The facility as printed (upper case), or null when refused. */
    static String facility(String s) {
        for (String f : FACILITIES) {
            if (f.equalsIgnoreCase(s)) {
                return f;
            }
        }
        return null;
    }

    /** The digest names FingerprintHash takes (digest-openssl.c), as printed. */
    static String digest(String s) {
        for (String d : List.of("MD5", "SHA1", "SHA256", "SHA384", "SHA512")) {
            if (d.equalsIgnoreCase(s)) {
                return d;
            }
        }
        return null;
    }
}
