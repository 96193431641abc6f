package chuan.config.sshd;

import chuan.config.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * One directive read as servconf.c's process_server_config_line reads it: the value checked (a value
 * sshd refuses is an error, even in a Match block that does not apply), then stored when the line is
 * active, by the option's own rule: most options keep their first value, some their last, some
 * accumulate, some keep only their first line. Errors are reported with sshd's own wording; each
 * one stops sshd from starting.
 */
final class SshdDirectives {

    private final SshdDefaults release;
    private final SshdAccounts accounts;
    private final Consumer<String> error;

    /** {@code error} receives each reason sshd would refuse the line. */
    SshdDirectives(SshdDefaults release, SshdAccounts accounts, Consumer<String> error) {
        this.release = release;
        this.accounts = accounts;
        this.error = error;
    }

    /** Processes an option line (not Match or Include); returns false when sshd would refuse it. */
    boolean apply(SshdKeywords.Keyword kw, SshdTokens.Line line, Directive d, SshdOptions o, boolean active) {
        Args a = new Args(line.args());
        String keyword = line.keyword();
        boolean ok = switch (kw.kind()) {
            case DEPRECATED, IGNORED, UNSUPPORTED -> {
                a.consumeAll();
                yield true;
            }
            case PLATFORM_REFUSED -> fail("setting " + keyword + " not supported on this platform");
            default -> option(kw.option(), keyword, line, a, d, o, active);
        };
        if (!ok) {
            return false;
        }
        if (a.left() > 0) {
            return fail("keyword " + keyword + " extra arguments at end of line");
        }
        return true;
    }

    private boolean fail(String message) {
        error.accept(message);
        return false;
    }

    /** The arguments of a line, taken one at a time as argv_next does. */
    static final class Args {
        private final List<String> all;
        private int at;

        Args(List<String> all) {
            this.all = all;
        }

        String next() {
            return at < all.size() ? all.get(at++) : null;
        }

        String peek() {
            return at < all.size() ? all.get(at) : null;
        }

        int left() {
            return all.size() - at;
        }

        void consumeAll() {
            at = all.size();
        }
    }

    private boolean option(SshdOption opt, String keyword, SshdTokens.Line line, Args a, Directive d, SshdOptions o,
            boolean active) {
        switch (opt) {
            case USE_PAM, IGNORE_USER_KNOWN_HOSTS, HOSTBASED_AUTHENTICATION, HOSTBASED_USES_NAME_FROM_PACKET_ONLY,
                    PUBKEY_AUTHENTICATION, KERBEROS_AUTHENTICATION, KERBEROS_OR_LOCAL_PASSWD, KERBEROS_TICKET_CLEANUP,
                    GSSAPI_AUTHENTICATION, GSSAPI_CLEANUP_CREDENTIALS, GSSAPI_STRICT_ACCEPTOR_CHECK, GSSAPI_KEY_EXCHANGE,
                    GSSAPI_STORE_CREDENTIALS_ON_REKEY, PASSWORD_AUTHENTICATION, KBD_INTERACTIVE_AUTHENTICATION,
                    CHALLENGE_RESPONSE_AUTHENTICATION, PRINT_MOTD, PRINT_LAST_LOG, X11_FORWARDING, X11_USE_LOCALHOST,
                    PERMIT_TTY, PERMIT_USER_RC, STRICT_MODES, TCP_KEEP_ALIVE, PERMIT_EMPTY_PASSWORDS, USE_DNS,
                    ALLOW_AGENT_FORWARDING, DISABLE_FORWARDING, STREAM_LOCAL_BIND_UNLINK, EXPOSE_AUTH_INFO, DEBIAN_BANNER -> {
                return words(opt, keyword, SshdValues.FLAG, a, d, o, active);
            }
            case ADDRESS_FAMILY -> {
                return words(opt, keyword, SshdValues.ADDRESS_FAMILY, a, d, o, active);
            }
            case PERMIT_ROOT_LOGIN -> {
                return words(opt, keyword, SshdValues.PERMIT_ROOT_LOGIN, a, d, o, active);
            }
            case IGNORE_RHOSTS -> {
                return words(opt, keyword, SshdValues.IGNORE_RHOSTS, a, d, o, active);
            }
            case COMPRESSION -> {
                return words(opt, keyword, SshdValues.COMPRESSION, a, d, o, active);
            }
            case GATEWAY_PORTS -> {
                return words(opt, keyword, SshdValues.GATEWAY_PORTS, a, d, o, active);
            }
            case ALLOW_TCP_FORWARDING, ALLOW_STREAM_LOCAL_FORWARDING -> {
                return words(opt, keyword, SshdValues.TCP_FORWARDING, a, d, o, active);
            }
            case PORT -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail("missing port number.");
                }
                int port = SshdValues.port(arg, accounts.services());
                if (port <= 0) {
                    return fail("Badly formatted port number.");
                }
                if (o.count(SshdOption.PORT) >= 256) {
                    return fail("too many ports.");
                }
                o.append(SshdOption.PORT, d, Integer.toString(port)); // ports are kept even where inactive, as servconf.c does
                return true;
            }
            case LOGIN_GRACE_TIME, CLIENT_ALIVE_INTERVAL -> {
                return time(opt, keyword, a, d, o, active);
            }
            case X11_DISPLAY_OFFSET, MAX_AUTH_TRIES, MAX_SESSIONS, CLIENT_ALIVE_COUNT_MAX, REQUIRED_RSA_SIZE -> {
                String arg = a.next();
                OptionalInt v = SshdValues.integer(arg);
                if (v.isEmpty()) {
                    return fail(keyword + " integer value " + (arg == null || arg.isEmpty() ? "missing"
                            : "invalid: '" + arg + "' is not a decimal number from 0 to 2147483647") + ".");
                }
                if (active) {
                    o.first(opt, d, Integer.toString(v.getAsInt()));
                }
                return true;
            }
            case LISTEN_ADDRESS -> {
                return listenAddress(keyword, a, d, o, active);
            }
            case HOST_KEY, HOST_CERTIFICATE -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail("missing file name.");
                }
                if (active) {
                    o.append(opt, d, absolute(arg));
                }
                return true;
            }
            case HOST_KEY_AGENT -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail("missing socket name.");
                }
                if (active) {
                    o.first(opt, d, arg.equals("SSH_AUTH_SOCK") ? arg : absolute(arg));
                }
                return true;
            }
            case PID_FILE, MODULI_FILE, XAUTH_LOCATION, BANNER, TRUSTED_USER_CA_KEYS, REVOKED_KEYS -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail("missing file name.");
                }
                if (active) {
                    o.first(opt, d, absolute(arg));
                }
                return true;
            }
            case HOSTBASED_ACCEPTED_ALGORITHMS, HOST_KEY_ALGORITHMS, CA_SIGNATURE_ALGORITHMS, PUBKEY_ACCEPTED_ALGORITHMS -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail("Missing argument.");
                }
                if (!SshdAlgorithms.valid(SshdAlgorithms.Kind.KEYS, arg, release)) {
                    return fail("Bad key types '" + arg + "'.");
                }
                if (active) {
                    o.first(opt, d, arg);
                }
                return true;
            }
            case CIPHERS, MACS, KEX_ALGORITHMS -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                SshdAlgorithms.Kind kind = SshdAlgorithms.kind(opt);
                if (!SshdAlgorithms.valid(kind, arg, release)) {
                    return fail(kind.refusal + " '" + arg + "'.");
                }
                o.first(opt, d, arg); // servconf.c does not look at the Match state here: these are global only
                return true;
            }
            case GSSAPI_KEX_ALGORITHMS -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail("Missing argument.");
                }
                if (!SshdAlgorithms.validGss(arg)) {
                    return fail("Bad GSSAPI KexAlgorithms '" + arg + "'.");
                }
                if (active) {
                    o.first(opt, d, arg);
                }
                return true;
            }
            case PUBKEY_AUTH_OPTIONS -> {
                boolean touch = false;
                boolean verify = false;
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    if (arg.equalsIgnoreCase("none")) {
                        continue;
                    }
                    if (arg.equalsIgnoreCase("touch-required")) {
                        touch = true;
                    } else if (arg.equalsIgnoreCase("verify-required")) {
                        verify = true;
                    } else {
                        return fail("unsupported " + keyword + " option " + arg);
                    }
                }
                if (active) {
                    String v = (touch ? "touch-required" : "") + (touch && verify ? " " : "") + (verify ? "verify-required" : "");
                    o.first(opt, d, v.isEmpty() ? "none" : v);
                }
                return true;
            }
            case PERMIT_USER_ENVIRONMENT -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                if (active) {
                    o.first(opt, d, arg); // "yes", "no" (with case) or a pattern list of variable names
                }
                return true;
            }
            case REKEY_LIMIT -> {
                return rekeyLimit(keyword, a, d, o, active);
            }
            case SYSLOG_FACILITY -> {
                String arg = a.next();
                String f = arg == null ? null : SshdValues.facility(arg);
                if (f == null) {
                    return fail("unsupported log facility '" + (arg == null ? "<NONE>" : arg) + "'");
                }
                o.first(opt, d, f); // set whatever the Match state, as servconf.c does
                return true;
            }
            case LOG_LEVEL -> {
                String arg = a.next();
                String l = arg == null ? null : SshdValues.logLevel(arg, release.debian());
                if (l == null) {
                    return fail("unsupported log level '" + (arg == null ? "<NONE>" : arg) + "'");
                }
                if (active) {
                    o.first(opt, d, l);
                }
                return true;
            }
            case LOG_VERBOSE -> {
                boolean found = o.count(opt) == 0;
                int i = 0;
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    if (arg.isEmpty()) {
                        return fail("keyword " + keyword + " empty argument");
                    }
                    if (arg.equalsIgnoreCase("none") && (i > 0 || a.left() > 0)) {
                        return fail("keyword " + keyword + " \"none\" argument must appear alone.");
                    }
                    i++;
                    if (found && active) {
                        o.append(opt, d, arg);
                    }
                }
                if (!found && active) {
                    o.ignore(opt, d);
                }
                return true;
            }
            case ALLOW_USERS, DENY_USERS -> {
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    int at = arg.indexOf('@');
                    if (arg.isEmpty() || at >= 0 && SshdAddresses.matchList(null, arg.substring(at + 1)) == -2) {
                        return fail("invalid " + keyword + " pattern: \"" + arg + "\"");
                    }
                    if (active) {
                        o.append(opt, d, arg);
                    }
                }
                return true;
            }
            case ALLOW_GROUPS, DENY_GROUPS -> {
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    if (arg.isEmpty()) {
                        return fail("empty " + keyword + " pattern");
                    }
                    if (active) {
                        o.append(opt, d, arg);
                    }
                }
                return true;
            }
            case SUBSYSTEM -> {
                return subsystem(keyword, a, d, o, active);
            }
            case MAX_STARTUPS -> {
                return maxStartups(keyword, a, d, o);
            }
            case PER_SOURCE_NET_BLOCK_SIZE -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                int[] v = scanInts(arg, 2);
                boolean ok = v.length == 2 && v[1] >= 0 && v[1] <= 128 && v[0] >= 0 && v[0] <= 32
                        || v.length == 1 && v[0] >= 0 && v[0] <= 32;
                if (!ok) {
                    return fail("Invalid " + keyword + " spec.");
                }
                if (active) {
                    // with one number sshd leaves the IPv6 length unset (whatever was on its stack); 128 is its default
                    o.last(opt, d, Integer.toString(v[0]), Integer.toString(v.length == 2 ? v[1] : 128));
                }
                return true;
            }
            case PER_SOURCE_MAX_STARTUPS -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                String v = "none";
                if (!arg.equals("none")) {
                    OptionalInt n = SshdValues.integer(arg);
                    if (n.isEmpty()) {
                        return fail(keyword + " integer value invalid.");
                    }
                    v = n.getAsInt() == SshdValues.INT_MAX ? "none" : Integer.toString(n.getAsInt());
                }
                if (active) {
                    o.last(opt, d, v);
                }
                return true;
            }
            case AUTHORIZED_KEYS_FILE -> {
                boolean first = o.count(opt) == 0;
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    if (arg.isEmpty()) {
                        return fail("keyword " + keyword + " empty argument");
                    }
                    if (active && first) {
                        o.append(opt, d, tilde(arg));
                    }
                }
                if (active && !first) {
                    o.ignore(opt, d);
                }
                return true;
            }
            case AUTHORIZED_PRINCIPALS_FILE -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                if (active) {
                    o.first(opt, d, tilde(arg));
                }
                return true;
            }
            case ACCEPT_ENV -> {
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    if (arg.isEmpty() || arg.indexOf('=') >= 0) {
                        return fail("Invalid environment name.");
                    }
                    if (active) {
                        o.append(opt, d, arg);
                    }
                }
                return true;
            }
            case SET_ENV -> {
                boolean first = o.count(opt) == 0;
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    if (arg.isEmpty() || arg.indexOf('=') < 0) {
                        return fail("Invalid environment.");
                    }
                    if (!active || !first) {
                        continue;
                    }
                    String name = arg.substring(0, arg.indexOf('='));
                    if (o.values(opt).stream().noneMatch(v -> v.substring(0, v.indexOf('=')).equals(name))) {
                        o.append(opt, d, arg);
                    }
                }
                if (active && !first) {
                    o.ignore(opt, d);
                }
                return true;
            }
            case PERMIT_TUNNEL -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                String v = SshdValues.permitTunnel(arg);
                if (v == null) {
                    return fail("bad " + keyword + " argument " + arg);
                }
                if (active) {
                    o.first(opt, d, v);
                }
                return true;
            }
            case PERMIT_OPEN, PERMIT_LISTEN -> {
                return permitOpen(opt, keyword, a, d, o, active);
            }
            case FORCE_COMMAND -> {
                a.consumeAll();
                if (active) {
                    o.first(opt, d, stripLeading(line.rest())); // the raw rest of the line, comments and quotes included
                }
                return true;
            }
            case CHROOT_DIRECTORY -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                if (active) {
                    o.first(opt, d, arg);
                }
                return true;
            }
            case SECURITY_KEY_PROVIDER -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                if (active) {
                    o.first(opt, d, arg.equalsIgnoreCase("internal") ? arg : absolute(arg));
                }
                return true;
            }
            case IP_QOS -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                int interactive = SshdValues.ipqos(arg);
                if (interactive == -1) {
                    return fail("Bad " + keyword + " value: " + arg);
                }
                String second = a.next();
                int bulk = second == null ? interactive : SshdValues.ipqos(second);
                if (bulk == -1) {
                    return fail("Bad " + keyword + " value: " + second);
                }
                if (active) {
                    o.last(opt, d, SshdValues.ipqosName(interactive), SshdValues.ipqosName(bulk));
                }
                return true;
            }
            case VERSION_ADDENDUM -> {
                a.consumeAll();
                String rest = stripLeading(line.rest());
                if (rest.indexOf('\r') >= 0) {
                    return fail("Invalid " + keyword + " argument");
                }
                // servconf.c means to cut a trailing comment here, but looks for '#' in a line whose keyword it has
                // already ended with a NUL: the comment stays part of the value
                if (active) {
                    o.first(opt, d, rest.equalsIgnoreCase("none") ? "" : rest);
                }
                return true;
            }
            case AUTHORIZED_KEYS_COMMAND, AUTHORIZED_PRINCIPALS_COMMAND -> {
                a.consumeAll();
                String rest = stripLeading(line.rest());
                if (!rest.startsWith("/") && !rest.equalsIgnoreCase("none")) {
                    return fail(keyword + " must be an absolute path");
                }
                // servconf.c checks AuthorizedKeysCommand's slot for both keywords: a principals command is only
                // kept while no keys command is set, and a later one replaces an earlier one
                if (active && !o.isSet(SshdOption.AUTHORIZED_KEYS_COMMAND)) {
                    o.last(opt, d, rest);
                } else if (active) {
                    o.ignore(opt, d);
                }
                return true;
            }
            case AUTHORIZED_KEYS_COMMAND_USER, AUTHORIZED_PRINCIPALS_COMMAND_USER -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail("missing " + keyword + " argument.");
                }
                if (active) {
                    o.first(opt, d, arg);
                }
                return true;
            }
            case AUTHENTICATION_METHODS -> {
                return authenticationMethods(keyword, a, d, o, active);
            }
            case STREAM_LOCAL_BIND_MASK -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                int v = SshdValues.octalMask(arg);
                if (v < 0) {
                    return fail("Invalid " + keyword + ".");
                }
                if (active) {
                    o.last(opt, d, "0" + Integer.toOctalString(v));
                }
                return true;
            }
            case FINGERPRINT_HASH -> {
                String arg = a.next();
                if (arg == null || arg.isEmpty()) {
                    return fail(keyword + " missing argument.");
                }
                String v = SshdValues.digest(arg);
                if (v == null) {
                    return fail("Invalid " + keyword + " algorithm \"" + arg + "\".");
                }
                if (active) {
                    o.last(opt, d, v);
                }
                return true;
            }
            case CHANNEL_TIMEOUT -> {
                boolean first = o.count(opt) == 0;
                int i = 0;
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    if (arg.equalsIgnoreCase("none")) {
                        if (i > 0 || a.left() > 0) {
                            return fail("keyword " + keyword + " \"none\" argument must appear alone.");
                        }
                    } else {
                        int eq = arg.indexOf('=');
                        if (eq <= 0 || SshdValues.time(arg.substring(eq + 1)).isEmpty()) {
                            return fail("invalid channel timeout " + arg);
                        }
                    }
                    i++;
                    if (active && first) {
                        o.append(opt, d, arg);
                    }
                }
                if (active && !first) {
                    o.ignore(opt, d);
                }
                return true;
            }
            case UNUSED_CONNECTION_TIMEOUT -> {
                String arg = a.peek();
                if (arg != null && arg.equalsIgnoreCase("none")) {
                    a.next();
                    if (active) {
                        o.last(opt, d, "0"); // "none" is stored whatever was set before, as servconf.c does
                    }
                    return true;
                }
                return time(opt, keyword, a, d, o, active);
            }
            case PER_SOURCE_PENALTIES, PER_SOURCE_PENALTY_EXEMPT_LIST, PAM_SERVICE_NAME, SSHD_SESSION_PATH, REFUSE_CONNECTION -> {
                // keywords of releases after 9.2: kept as written (their values are not checked here)
                List<String> all = new ArrayList<>();
                for (String arg = a.next(); arg != null; arg = a.next()) {
                    all.add(arg);
                }
                if (active) {
                    o.first(opt, d, String.join(" ", all));
                }
                return true;
            }
            default -> throw new IllegalStateException("no reader for " + opt);
        }
    }

    private boolean words(SshdOption opt, String keyword, SshdValues.Words words, Args a, Directive d, SshdOptions o,
            boolean active) {
        String arg = a.next();
        if (arg == null || arg.isEmpty()) {
            return fail("missing argument.");
        }
        String v = words.read(arg);
        if (v == null) {
            return fail("unsupported option \"" + arg + "\".");
        }
        if (active) {
            o.first(opt, d, v);
        }
        return true;
    }

    private boolean time(SshdOption opt, String keyword, Args a, Directive d, SshdOptions o, boolean active) {
        String arg = a.next();
        if (arg == null || arg.isEmpty()) {
            return fail("missing time value.");
        }
        OptionalInt v = SshdValues.time(arg);
        if (v.isEmpty()) {
            return fail("invalid time value.");
        }
        if (active) {
            o.first(opt, d, Integer.toString(v.getAsInt()));
        }
        return true;
    }

    private boolean listenAddress(String keyword, Args a, Directive d, SshdOptions o, boolean active) {
        String arg = a.next();
        if (arg == null || arg.isEmpty()) {
            return fail("missing address");
        }
        String host;
        int port = 0;
        int colon = arg.indexOf(':');
        if (arg.indexOf('[') < 0 && colon >= 0 && arg.indexOf(':', colon + 1) >= 0) {
            host = arg; // a bare IPv6 address
        } else {
            String[] hp = SshdListen.hostPort(arg);
            if (hp == null) {
                return fail("bad address:port usage");
            }
            host = hp[0];
            if (hp[1] != null) {
                port = SshdValues.port(hp[1], accounts.services());
                if (port <= 0) {
                    return fail("bad port number");
                }
            }
        }
        String rdomain = a.next();
        if (rdomain != null) {
            if (!rdomain.equals("rdomain") || a.next() == null) {
                return fail("bad ListenAddress syntax");
            }
            return fail("bad routing domain"); // Linux has no routing domains sshd can use
        }
        o.append(SshdOption.LISTEN_ADDRESS, d, host + " " + port); // queued whatever the Match state, as servconf.c does
        return true;
    }

    private boolean rekeyLimit(String keyword, Args a, Directive d, SshdOptions o, boolean active) {
        String arg = a.next();
        if (arg == null || arg.isEmpty()) {
            return fail(keyword + " missing argument.");
        }
        long bytes = 0;
        if (!arg.equals("default")) {
            Long v = SshdValues.scaled(arg);
            if (v == null) {
                return fail("Bad " + keyword + " number '" + arg + "'");
            }
            if (v != 0 && v < 16) {
                return fail(keyword + " too small");
            }
            bytes = v;
        }
        if (active) {
            o.first(SshdOption.REKEY_LIMIT, d, Long.toUnsignedString(bytes));
        }
        if (a.left() > 0) {
            if ("none".equals(a.peek())) {
                a.next();
                return true;
            }
            return time(SshdOption.REKEY_INTERVAL, keyword, a, d, o, active);
        }
        return true;
    }

    private boolean subsystem(String keyword, Args a, Directive d, SshdOptions o, boolean active) {
        if (o.count(SshdOption.SUBSYSTEM) >= 256) {
            return fail("too many subsystems defined.");
        }
        String name = a.next();
        if (name == null || name.isEmpty()) {
            return fail(keyword + " missing argument.");
        }
        if (!active) {
            a.next();
            return true; // the rest of an inactive line is left for the extra-arguments check, as servconf.c does
        }
        for (String v : o.values(SshdOption.SUBSYSTEM)) {
            if (v.substring(0, v.indexOf(' ')).equals(name)) {
                return fail("Subsystem '" + name + "' already defined.");
            }
        }
        String command = a.next();
        if (command == null || command.isEmpty()) {
            return fail("Missing subsystem command.");
        }
        StringBuilder args = new StringBuilder(command);
        for (String arg = a.next(); arg != null; arg = a.next()) {
            args.append(' ').append(arg);
        }
        o.append(SshdOption.SUBSYSTEM, d, name + " " + args);
        return true;
    }

    private boolean maxStartups(String keyword, Args a, Directive d, SshdOptions o) {
        String arg = a.next();
        if (arg == null || arg.isEmpty()) {
            return fail(keyword + " missing argument.");
        }
        List<String> before = o.values(SshdOption.MAX_STARTUPS);
        int[] cur = before.isEmpty() ? new int[] {-1, -1, -1}
                : new int[] {Integer.parseInt(before.get(0)), Integer.parseInt(before.get(1)), Integer.parseInt(before.get(2))};
        int[] v = scanInts(arg, 3); // sscanf "%d:%d:%d" writes what it reads straight into the options
        System.arraycopy(v, 0, cur, 0, v.length);
        if (v.length == 3) {
            if (cur[0] > cur[2] || cur[1] > 100 || cur[1] < 1) {
                return fail("Invalid " + keyword + " spec.");
            }
        } else if (v.length != 1) {
            return fail("Invalid " + keyword + " spec.");
        } else {
            cur[2] = cur[0];
        }
        if (cur[2] <= 0 || cur[0] <= 0) {
            return fail("Invalid " + keyword + " spec.");
        }
        o.last(SshdOption.MAX_STARTUPS, d, Integer.toString(cur[0]), Integer.toString(cur[1]), Integer.toString(cur[2]));
        return true;
    }

    /** sscanf with "%d:%d..." : the numbers read before the first mismatch (at most {@code max}). */
    private static int[] scanInts(String s, int max) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        while (out.size() < max) {
            if (!out.isEmpty()) {
                if (i >= s.length() || s.charAt(i) != ':') {
                    break;
                }
                i++;
            }
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            int signAt = j;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int digits = j;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j == digits) {
                break;
            }
            try {
                long v = Long.parseLong(s.substring(signAt, Math.min(j, digits + 11)).replace("+", ""));
                out.add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)));
            } catch (NumberFormatException e) {
                break;
            }
            i = j;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private boolean permitOpen(SshdOption opt, String keyword, Args a, Directive d, SshdOptions o, boolean active) {
        String arg = a.next();
        if (arg == null || arg.isEmpty()) {
            return fail(keyword + " missing argument.");
        }
        boolean first = o.count(opt) == 0;
        if (arg.equals("any") || arg.equals("none")) {
            if (active && first) {
                o.append(opt, d, arg);
            } else if (active) {
                o.ignore(opt, d);
            }
            return true;
        }
        for (; arg != null && !arg.isEmpty(); arg = a.next()) {
            String stored;
            String port;
            if (opt == SshdOption.PERMIT_LISTEN && arg.indexOf(':') < 0) {
                stored = "*:" + arg;
                port = arg;
            } else {
                stored = arg;
                String[] hp = SshdListen.hostPort(arg);
                if (hp == null) {
                    return fail(keyword + " missing host");
                }
                port = hp[1];
            }
            if (port == null || SshdListen.permitOpenPort(port, accounts.services()) < 0) {
                return fail(keyword + " bad port number");
            }
            if (active && first) {
                o.append(opt, d, stored);
            }
        }
        if (active && !first) {
            o.ignore(opt, d);
        }
        return true;
    }

    private boolean authenticationMethods(String keyword, Args a, Directive d, SshdOptions o, boolean active) {
        boolean found = o.count(SshdOption.AUTHENTICATION_METHODS) == 0;
        boolean any = false;
        boolean parsed = false;
        for (String arg = a.next(); arg != null; arg = a.next()) {
            if (arg.equals("any")) {
                // servconf.c compares with the methods already set, so "any" after a global list is refused
                if (o.count(SshdOption.AUTHENTICATION_METHODS) > 0) {
                    return fail("\"any\" must appear alone in " + keyword);
                }
                any = true;
            } else if (any) {
                return fail("\"any\" must appear alone in " + keyword);
            } else if (!methodsValid(arg)) {
                return fail("invalid " + keyword + " method list.");
            }
            parsed = true;
            if (found && active) {
                o.append(SshdOption.AUTHENTICATION_METHODS, d, arg);
            }
        }
        if (!parsed) {
            return fail("no " + keyword + " specified");
        }
        if (!found && active) {
            o.ignore(SshdOption.AUTHENTICATION_METHODS, d);
        }
        return true;
    }

    /** auth2.c's auth2_methods_valid: comma-separated methods, each (before any ':submethod') a known one. */
    private static boolean methodsValid(String list) {
        if (list.isEmpty()) {
            return false;
        }
        for (String m : list.split(",", -1)) {
            int colon = m.indexOf(':');
            String name = colon >= 0 ? m.substring(0, colon) : m;
            if (!List.of("none", "publickey", "gssapi-with-mic", "gssapi-keyex", "password", "keyboard-interactive", "hostbased")
                    .contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** derelativise_path: "none" stays, {@code ~} expands, a relative path is made absolute from sshd's directory, {@code /}. */
    private String absolute(String path) {
        if (path.equalsIgnoreCase("none")) {
            return "none";
        }
        String expanded = tilde(path);
        return expanded.startsWith("/") ? expanded : "//" + expanded;
    }

    /** tilde_expand_filename for root (sshd's uid): {@code ~/x} is root's home, {@code ~user/x} that user's. */
    private String tilde(String path) {
        if (!path.startsWith("~")) {
            return path;
        }
        int slash = path.indexOf('/');
        String user = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String rest = slash < 0 ? "" : path.substring(slash + 1);
        String home = user.isEmpty() ? accounts.rootHome().orElse("/root") : accounts.home(user).orElse(null);
        if (home == null) {
            error.accept("tilde_expand_filename: No such user " + user);
            return path;
        }
        return home.endsWith("/") || rest.isEmpty() && home.equals("/") ? home + rest : home + "/" + rest;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }
}
