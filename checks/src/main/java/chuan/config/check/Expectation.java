package chuan.config.check;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a control expects of an effective value, as written in a config profile. Comparisons of
 * words ignore case, as the daemons do ({@code PasswordAuthentication No} is no). A value of
 * {@code null} means the key is unset and no default is known.
 */
public sealed interface Expectation {

    /** Null when the value meets the expectation, else why not (without repeating the value). */
    String failure(String value);

    /** The expectation in words, for reports: {@code no}, {@code one of [a, b]}, {@code at least 14}. */
    String describe();

    /**
     * Whether {@code text} can be a bound of {@code min}/{@code max}: a number, or a time span in a
     * unit the bounds know ({@code 15m}, {@code 90d}); checked when the profile loads.
     */
    static boolean isBound(String text) {
        return text != null && Quantity.parse(text, Quantity.isSpan(text)) != null;
    }

    record Equals(String expected) implements Expectation {
        public String failure(String value) {
            return value != null && value.strip().equalsIgnoreCase(expected) ? null : value == null ? "not set" : "is not " + expected;
        }

        public String describe() {
            return expected;
        }
    }

    record In(List<String> allowed) implements Expectation {
        public String failure(String value) {
            return value != null && allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value.strip())) ? null
                    : value == null ? "not set" : "is not one of " + allowed;
        }

        public String describe() {
            return "one of " + allowed;
        }
    }

    record NotIn(List<String> denied) implements Expectation {
        public String failure(String value) {
            return value != null && denied.stream().anyMatch(a -> a.equalsIgnoreCase(value.strip())) ? "is one of " + denied : null;
        }

        public String describe() {
            return "not one of " + denied;
        }
    }

    record Matches(String regex, Pattern pattern) implements Expectation {
        public String failure(String value) {
            return value != null && pattern.matches(value.strip()) ? null : value == null ? "not set" : "does not match " + regex;
        }

        public String describe() {
            return "matching " + regex;
        }
    }

    /** A lower bound (inclusive); time spans compare in seconds. */
    record Min(String bound) implements Expectation {
        public String failure(String value) {
            return Bounds.compare(value, bound, true);
        }

        public String describe() {
            return "at least " + bound;
        }
    }

    /** An upper bound (inclusive). */
    record Max(String bound) implements Expectation {
        public String failure(String value) {
            return Bounds.compare(value, bound, false);
        }

        public String describe() {
            return "at most " + bound;
        }
    }

    /** Both bounds: e.g. an idle timeout that must be on (not 0) and short. */
    record Between(String min, String max) implements Expectation {
        public String failure(String value) {
            String low = Bounds.compare(value, min, true);
            return low != null ? low : Bounds.compare(value, max, false);
        }

        public String describe() {
            return "between " + min + " and " + max;
        }
    }

    record Present() implements Expectation {
        public String failure(String value) {
            return value == null ? "not set" : null;
        }

        public String describe() {
            return "set";
        }
    }

    record Absent() implements Expectation {
        public String failure(String value) {
            return value == null ? null : "is set";
        }

        public String describe() {
            return "not set";
        }
    }

    /**
     * None of these words in a list value ({@code Ciphers aes128-cbc,...}, {@code Options Indexes
     * FollowSymLinks}): words separated by commas or blanks, a leading {@code +} or {@code ^} (add)
     * ignored, a word starting with {@code -} (remove) skipped.
     */
    record ContainsNone(List<String> denied) implements Expectation {
        public String failure(String value) {
            if (value == null) {
                return null;
            }
            List<String> found = new ArrayList<>();
            for (String w : value.split("[\\s,]+")) {
                if (w.isEmpty() || w.startsWith("-")) {
                    continue;
                }
                String word = w.startsWith("+") || w.startsWith("^") ? w.substring(1) : w;
                if (denied.stream().anyMatch(d -> d.equalsIgnoreCase(word)) && !found.contains(word)) {
                    found.add(word);
                }
            }
            return found.isEmpty() ? null : "contains " + String.join(", ", found);
        }

        public String describe() {
            return "no word of " + denied;
        }
    }

    /** A TLS setting that enables nothing older than {@code minimum} (real logic: each server's syntax). */
    record TlsMinimum(TlsProtocols.Version minimum) implements Expectation {
        public String failure(String value) {
            if (value == null) {
                return "not set";
            }
            TlsProtocols.Parsed p = TlsProtocols.parse(value);
            if (p.unknown() != null) {
                return "names an unknown protocol \"" + p.unknown() + "\"";
            }
            List<String> old = p.enabled().stream().filter(v -> v.compareTo(minimum) < 0).map(TlsProtocols.Version::label).toList();
            if (!old.isEmpty()) {
                return "enables " + String.join(", ", old);
            }
            return p.enabled().isEmpty() ? "enables no protocol" : null;
        }

        public String describe() {
            return minimum.label() + " or newer only";
        }
    }

    /** Number and span comparison shared by the bounds. */
    final class Bounds {
        private Bounds() {
        }

        static String compare(String value, String bound, boolean lower) {
            if (value == null) {
                return "not set";
            }
            boolean span = Quantity.isSpan(bound) || Quantity.isSpan(value);
            BigDecimal v = Quantity.parse(value, span);
            BigDecimal b = Quantity.parse(bound, span);
            if (v == null) {
                return "is not a number";
            }
            if (b == null) {
                // a plain number read against a span bound, or a bound the loader let through: never a pass
                return "cannot be compared with " + bound;
            }
            int c = v.compareTo(b);
            if (lower ? c < 0 : c > 0) {
                return (lower ? "is less than " : "is more than ") + bound;
            }
            return null;
        }
    }
}
