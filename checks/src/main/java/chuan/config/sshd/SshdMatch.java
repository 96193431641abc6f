package chuan.config.sshd;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Match line's criteria, checked as servconf.c's match_cfg_line does: {@code All} alone, or
 * criteria that must all hold ({@code User}, {@code Group}, {@code Host}, {@code Address},
 * {@code LocalAddress}, {@code LocalPort}, {@code RDomain}, each taking a pattern list). Without a
 * connection (sshd reading its configuration at start) only the syntax is checked and only
 * {@code All} matches.
 */
final class SshdMatch {

    /** The outcome: matched or not, or refused (sshd: "Bad Match condition"); extra words left over. */
    record Result(boolean matches, boolean refused, boolean leftOver) {
    }

    private SshdMatch() {
    }

    /**
     * {@code connection} null: the check at start (no connection); {@link SshdConnection#NONE}: sshd -T without -C.
     */
    static Result evaluate(String rest, SshdConnection ci, SshdAccounts accounts, Consumer<String> error) {
        List<String> words = SshdTokens.criteria(rest);
        boolean result = true;
        int attributes = 0;
        int i = 0;
        while (i < words.size() && !words.get(i).isEmpty()) {
            String attrib = words.get(i++);
            if (attrib.startsWith("#")) {
                i = words.size();
                break;
            }
            attributes++;
            String arg = i < words.size() ? words.get(i) : null;
            if (attrib.equalsIgnoreCase("all")) {
                if (attributes > 1 || arg != null && !arg.isEmpty() && !arg.startsWith("#")) {
                    error.accept("'all' cannot be combined with other Match attributes");
                    return new Result(false, true, false);
                }
                return new Result(true, false, false);
            }
            if (arg == null || arg.isEmpty() || arg.startsWith("#")) {
                error.accept("Missing Match criteria for " + attrib);
                return new Result(false, true, false);
            }
            i++;
            switch (attrib.toLowerCase(Locale.ROOT)) {
                case "user" -> {
                    if (ci == null || ci.user() == null || SshdPatterns.list(ci.user(), arg, false) != 1) {
                        result = false;
                    }
                }
                case "group" -> {
                    if (ci == null || ci.user() == null || !inGroup(ci.user(), arg, accounts)) {
                        result = false;
                    }
                }
                case "host" -> {
                    if (ci == null || ci.host() == null || SshdPatterns.hostname(ci.host(), arg) != 1) {
                        result = false;
                    }
                }
                case "address", "localaddress" -> {
                    boolean local = attrib.equalsIgnoreCase("localaddress");
                    String addr = ci == null ? null : local ? ci.laddr() : ci.addr();
                    if (addr == null) {
                        if (SshdAddresses.matchList(null, arg) != 0) {
                            error.accept("Invalid Match " + (local ? "localaddress" : "address") + " argument '" + arg + "'");
                            return new Result(false, true, false);
                        }
                        result = false;
                        continue;
                    }
                    int m = SshdAddresses.matchList(addr, arg);
                    if (m == -2) {
                        return new Result(false, true, false);
                    }
                    if (m != 1) {
                        result = false;
                    }
                }
                case "localport" -> {
                    int port = SshdValues.port(arg, Map.of());
                    if (port == -1) {
                        error.accept("Invalid LocalPort '" + arg + "' on Match line");
                        return new Result(false, true, false);
                    }
                    if (ci == null || ci.lport() <= 0 || port != ci.lport()) {
                        result = false;
                    }
                }
                case "rdomain" -> {
                    if (ci == null || ci.rdomain() == null || SshdPatterns.list(ci.rdomain(), arg, false) != 1) {
                        result = false;
                    }
                }
                default -> {
                    error.accept("Unsupported Match attribute " + attrib);
                    return new Result(false, true, false);
                }
            }
        }
        if (attributes == 0) {
            error.accept("One or more attributes required for Match");
            return new Result(false, true, false);
        }
        return new Result(result, false, i < words.size());
    }

    /** groupaccess.c: the user's groups (primary and supplementary, from the root's files) against the list; a negated match wins. */
    private static boolean inGroup(String user, String patterns, SshdAccounts accounts) {
        Optional<Set<String>> groups = accounts.groupsOf(user);
        if (groups.isEmpty() || groups.get().isEmpty()) {
            return false;
        }
        boolean found = false;
        for (String g : groups.get()) {
            int m = SshdPatterns.list(g, patterns, false);
            if (m == -1) {
                return false;
            }
            if (m == 1) {
                found = true;
            }
        }
        return found;
    }
}
