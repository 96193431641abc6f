package chuan.config.check;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The protocol versions a TLS setting enables, in each server's own syntax: nginx's list
 * ({@code TLSv1 TLSv1.1 TLSv1.2}), Apache mod_ssl's additions and removals ({@code all -SSLv3},
 * {@code -all +TLSv1.2}), Tomcat's ({@code TLSv1.2+TLSv1.3}, {@code all}) and Spring's comma lists.
 */
public final class TlsProtocols {

    /** The versions, oldest first. */
    public enum Version {
        SSLv2("SSLv2"), SSLv3("SSLv3"), TLSv1_0("TLSv1"), TLSv1_1("TLSv1.1"), TLSv1_2("TLSv1.2"), TLSv1_3("TLSv1.3");

        private final String label;

        Version(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Version> parse(String token) {
            String t = token.strip().toUpperCase(Locale.ROOT).replace("_", ".");
            return Optional.ofNullable(switch (t) {
                case "SSLV2", "SSLV2HELLO" -> t.equals("SSLV2") ? SSLv2 : null;
                case "SSLV3" -> SSLv3;
                case "TLSV1", "TLSV1.0", "TLS1.0", "TLS1" -> TLSv1_0;
                case "TLSV1.1", "TLS1.1" -> TLSv1_1;
                case "TLSV1.2", "TLS1.2" -> TLSv1_2;
                case "TLSV1.3", "TLS1.3" -> TLSv1_3;
                default -> null;
            });
        }
    }

    /** What {@code all} means: mod_ssl and Tomcat with a current OpenSSL (SSLv3 is compiled out). */
    private static final Set<Version> ALL = EnumSet.of(Version.TLSv1_0, Version.TLSv1_1, Version.TLSv1_2, Version.TLSv1_3);

    private TlsProtocols() {
    }

    /** The versions enabled; a word that names no version (a typo) is returned as unknown. */
    public record Parsed(Set<Version> enabled, String unknown) {
    }

    public static Parsed parse(String value) {
        EnumSet<Version> on = EnumSet.noneOf(Version.class);
        String unknown = null;
        boolean firstToken = true;
        for (String raw : value.split("[\\s,]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            // Tomcat joins with '+': "TLSv1.2+TLSv1.3"; a leading '+' is mod_ssl's "add"
            String[] pieces = raw.startsWith("+") || raw.startsWith("-") ? new String[] {raw} : raw.split("\\+");
            for (String piece : pieces) {
                boolean remove = piece.startsWith("-");
                boolean add = piece.startsWith("+");
                String name = remove || add ? piece.substring(1) : piece;
                if (name.equalsIgnoreCase("all")) {
                    if (remove) {
                        on.removeAll(ALL);
                    } else {
                        on.addAll(ALL);
                    }
                    continue;
                }
                if (name.equalsIgnoreCase("SSLv2Hello")) {
                    continue; // a handshake format, not a protocol version
                }
                Optional<Version> v = Version.parse(name);
                if (v.isEmpty()) {
                    unknown = unknown == null ? name : unknown;
                    continue;
                }
                if (remove) {
                    on.remove(v.get());
                } else {
                    // mod_ssl: a bare protocol first replaces the set; later ones without +/- too
                    if (!add && firstToken) {
                        on.clear();
                    }
                    on.add(v.get());
                }
                firstToken = false;
            }
            firstToken = false;
        }
        return new Parsed(on, unknown);
    }
}
