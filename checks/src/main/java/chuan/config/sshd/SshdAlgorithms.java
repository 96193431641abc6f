package chuan.config.sshd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Algorithm lists as sshd checks and assembles them (cipher.c, mac.c, kex.c, sshkey.c,
 * kex_assemble_names): a list naming an algorithm the release does not have is refused when read;
 * {@code +list} appends to the compiled-in default, {@code -list} removes what its patterns match,
 * {@code ^list} puts the names first; wildcards in the key algorithm lists expand in the release's
 * own order. So {@code Ciphers +aes128-cbc} is read as the whole list sshd offers.
 */
final class SshdAlgorithms {

    /** One of the seven lists: what it may name and what it defaults to. */
    enum Kind {
        CIPHERS("Bad SSH2 cipher spec"),
        MACS("Bad SSH2 mac spec"),
        KEX("Bad SSH2 KexAlgorithms"),
        KEYS("Bad key types"),
        SIGNATURES("Bad key types");

        final String refusal;

        Kind(String refusal) {
            this.refusal = refusal;
        }
    }

    private SshdAlgorithms() {
    }

    static List<String> all(Kind kind, SshdDefaults d) {
        return switch (kind) {
            case CIPHERS -> d.allCiphers();
            case MACS -> d.allMacs();
            case KEX -> d.allKex();
            case KEYS -> d.allKeyAlgorithms();
            case SIGNATURES -> d.allSignatureAlgorithms();
        };
    }

    /** The compiled-in default, less what this build lacks (servconf.c filters it by the full list). */
    static String defaults(SshdOption option, SshdDefaults d) {
        String def = switch (option) {
            case CIPHERS -> d.defaultCiphers();
            case MACS -> d.defaultMacs();
            case KEX_ALGORITHMS -> d.defaultKex();
            case CA_SIGNATURE_ALGORITHMS -> d.defaultCaSignatureAlgorithms();
            default -> d.defaultKeyAlgorithms();
        };
        Set<String> all = new LinkedHashSet<>(all(kind(option), d));
        return String.join(",", java.util.Arrays.stream(def.split(",")).filter(all::contains).toList());
    }

    static Kind kind(SshdOption option) {
        return switch (option) {
            case CIPHERS -> Kind.CIPHERS;
            case MACS -> Kind.MACS;
            case KEX_ALGORITHMS -> Kind.KEX;
            case CA_SIGNATURE_ALGORITHMS -> Kind.SIGNATURES;
            default -> Kind.KEYS;
        };
    }

    /**
     * Whether sshd accepts the list when it reads it (the check before assembly): a list starting with
     * {@code -} is not checked; otherwise every name up to the first empty one must exist (key lists
     * may use wildcards that match some algorithm, or a short type name such as {@code RSA}).
     */
    static boolean valid(Kind kind, String arg, SshdDefaults d) {
        if (arg.startsWith("-")) {
            return true;
        }
        String names = arg.startsWith("+") || arg.startsWith("^") ? arg.substring(1) : arg;
        if (names.isEmpty()) {
            return false;
        }
        List<String> all = all(kind, d);
        for (String name : names.split(",", -1)) {
            if (name.isEmpty()) {
                break; // strsep stops at the first empty name
            }
            if (all.contains(name)) {
                continue;
            }
            if (kind == Kind.KEX && isGssKex(name)) {
                continue; // accepted when read, then dropped: the list it is assembled against has no gss name
            }
            if (kind == Kind.KEYS || kind == Kind.SIGNATURES) {
                if (d.keyShortNames().stream().anyMatch(name::equalsIgnoreCase)) {
                    continue;
                }
                if (d.allKeyAlgorithms().stream().anyMatch(a -> SshdPatterns.list(a, name, false) != 0)) {
                    continue;
                }
            }
            return false;
        }
        return true;
    }

    /** The GSSAPI key exchange patch's methods: a gss name is one of these followed by its mechanism. */
    private static final List<String> GSS_KEX = List.of("gss-gex-sha1-", "gss-group1-sha1-", "gss-group14-sha1-",
            "gss-group14-sha256-", "gss-group16-sha512-", "gss-nistp256-sha256-", "gss-curve25519-sha256-");

    /**
     * Whether a name is a gss key exchange: the patch's kex_alg_by_name matches these by prefix, so
     * sshd (Debian's, Red Hat's) accepts them in KexAlgorithms too.
     */
    static boolean isGssKex(String name) {
        return GSS_KEX.stream().anyMatch(name::startsWith);
    }

    /** GSSAPIKexAlgorithms (the GSSAPI patch's kex_gss_names_valid): each name starts with a known gss method. */
    static boolean validGss(String arg) {
        if (arg.isEmpty()) {
            return false;
        }
        for (String name : arg.split(",", -1)) {
            if (name.isEmpty()) {
                break;
            }
            if (!isGssKex(name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * kex_assemble_names: the list sshd uses, or null when it refuses to start (a negated name outside
     * a {@code -} list, or nothing left). A {@code -} list may leave an empty list: sshd starts, and
     * no client can agree with it.
     */
    static String assemble(String configured, String def, List<String> all) {
        if (configured == null || configured.isEmpty()) {
            return def;
        }
        String list;
        switch (configured.charAt(0)) {
            case '+' -> list = cat(def, configured.substring(1));
            case '-' -> {
                return denyFilter(def, configured.substring(1));
            }
            case '^' -> list = cat(configured.substring(1), def);
            default -> list = configured;
        }
        String result = null;
        for (String pattern : list.split(",", -1)) {
            if (pattern.startsWith("!")) {
                return null;
            }
            List<String> matching = new ArrayList<>();
            for (String a : all) {
                if (SshdPatterns.list(a, pattern, false) == 1) {
                    matching.add(a);
                }
            }
            result = cat(result, String.join(",", matching));
        }
        return result == null || result.isEmpty() ? null : result;
    }

    /** kex_names_cat: a, then the names of b not already in a (up to b's first empty name). */
    static String cat(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        List<String> names = new ArrayList<>(List.of(a.split(",", -1)));
        StringBuilder out = new StringBuilder(a);
        for (String n : b.split(",", -1)) {
            if (n.isEmpty()) {
                break;
            }
            if (!names.contains(n)) {
                names.add(n);
                out.append(',').append(n);
            }
        }
        return out.toString();
    }

    /** match_filter_denylist: the names of the list no pattern of the filter matches positively. */
    private static String denyFilter(String list, String filter) {
        List<String> kept = new ArrayList<>();
        for (String name : list.split(",", -1)) {
            if (SshdPatterns.list(name, filter, false) != 1) {
                kept.add(name);
            }
        }
        return String.join(",", kept);
    }
}
