package chuan.config.sshd;

import chuan.config.Directive;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The effective configuration as {@code sshd -T} prints it (servconf.c's fill_default_server_options,
 * copy_set_server_options and dump_config): every key in sshd's order, compiled-in defaults for what
 * was never set, algorithm lists assembled, the listen addresses worked out, each key with the
 * directive that set it and the ones that lost to it.
 */
final class SshdDump {

    /** One key as printed: one line per value for Port, HostKey, AllowUsers ...; where it came from. */
    record Entry(String key, List<String> lines, Directive from, List<Directive> ignored) {
    }

    /** String options sshd resets to "not set" when they say none (fill_default_server_options' CLEAR_ON_NONE). */
    private static final Set<SshdOption> CLEAR_ON_NONE = EnumSet.of(SshdOption.PID_FILE, SshdOption.XAUTH_LOCATION,
            SshdOption.BANNER, SshdOption.TRUSTED_USER_CA_KEYS, SshdOption.REVOKED_KEYS, SshdOption.SECURITY_KEY_PROVIDER,
            SshdOption.AUTHORIZED_PRINCIPALS_FILE, SshdOption.FORCE_COMMAND, SshdOption.CHROOT_DIRECTORY,
            SshdOption.HOST_KEY_AGENT);

    private final SshdDefaults release;

    SshdDump(SshdDefaults release) {
        this.release = release;
    }

    /**
     * The keys for the global options read at start ({@code global}) and the options of the Match
     * blocks a connection satisfied ({@code match}, empty for none). {@code error} receives what would
     * stop sshd (an algorithm list that assembles to nothing, a listen address of the wrong family) and
     * the directive behind it.
     */
    List<Entry> entries(SshdOptions global, SshdOptions match, BiConsumer<Directive, String> error) {
        SshdOptions filled = cleared(global);
        SshdOptions o = SshdOptions.overlay(filled, match);
        List<Entry> out = new ArrayList<>();
        List<String> ports = o.values(SshdOption.PORT).isEmpty() ? List.of("22") : o.values(SshdOption.PORT);
        each(out, o, SshdOption.PORT, ports);
        String family = value(o, SshdOption.ADDRESS_FAMILY, "any");
        one(out, o, SshdOption.ADDRESS_FAMILY, family);
        SshdListen.Result listen = SshdListen.lines(o.values(SshdOption.LISTEN_ADDRESS), ports, family);
        if (listen.error() != null) {
            SshdOptions.Slot at = o.get(SshdOption.LISTEN_ADDRESS);
            error.accept(at == null ? null : at.from, listen.error());
        }
        each(out, o, SshdOption.LISTEN_ADDRESS, listen.lines());
        one(out, o, SshdOption.USE_PAM, value(o, SshdOption.USE_PAM, "no"));
        one(out, o, SshdOption.LOGIN_GRACE_TIME, value(o, SshdOption.LOGIN_GRACE_TIME, "120"));
        one(out, o, SshdOption.X11_DISPLAY_OFFSET, value(o, SshdOption.X11_DISPLAY_OFFSET, "10"));
        one(out, o, SshdOption.MAX_AUTH_TRIES, value(o, SshdOption.MAX_AUTH_TRIES, "6"));
        one(out, o, SshdOption.MAX_SESSIONS, value(o, SshdOption.MAX_SESSIONS, "10"));
        one(out, o, SshdOption.CLIENT_ALIVE_INTERVAL, value(o, SshdOption.CLIENT_ALIVE_INTERVAL, "0"));
        one(out, o, SshdOption.CLIENT_ALIVE_COUNT_MAX, value(o, SshdOption.CLIENT_ALIVE_COUNT_MAX, "3"));
        if (release.atLeast(9, 1)) {
            one(out, o, SshdOption.REQUIRED_RSA_SIZE, value(o, SshdOption.REQUIRED_RSA_SIZE, "1024"));
        }
        one(out, o, SshdOption.STREAM_LOCAL_BIND_MASK, value(o, SshdOption.STREAM_LOCAL_BIND_MASK, "0177"));
        if (release.atLeast(9, 2)) {
            String t = value(o, SshdOption.UNUSED_CONNECTION_TIMEOUT, "0");
            one(out, o, SshdOption.UNUSED_CONNECTION_TIMEOUT, t.equals("0") ? "none" : t);
        }
        one(out, o, SshdOption.PERMIT_ROOT_LOGIN, value(o, SshdOption.PERMIT_ROOT_LOGIN, "prohibit-password"));
        one(out, o, SshdOption.IGNORE_RHOSTS, value(o, SshdOption.IGNORE_RHOSTS, "yes"));
        one(out, o, SshdOption.IGNORE_USER_KNOWN_HOSTS, value(o, SshdOption.IGNORE_USER_KNOWN_HOSTS, "no"));
        one(out, o, SshdOption.HOSTBASED_AUTHENTICATION, value(o, SshdOption.HOSTBASED_AUTHENTICATION, "no"));
        one(out, o, SshdOption.HOSTBASED_USES_NAME_FROM_PACKET_ONLY, value(o, SshdOption.HOSTBASED_USES_NAME_FROM_PACKET_ONLY, "no"));
        one(out, o, SshdOption.PUBKEY_AUTHENTICATION, value(o, SshdOption.PUBKEY_AUTHENTICATION, "yes"));
        one(out, o, SshdOption.KERBEROS_AUTHENTICATION, value(o, SshdOption.KERBEROS_AUTHENTICATION, "no"));
        one(out, o, SshdOption.KERBEROS_OR_LOCAL_PASSWD, value(o, SshdOption.KERBEROS_OR_LOCAL_PASSWD, "yes"));
        one(out, o, SshdOption.KERBEROS_TICKET_CLEANUP, value(o, SshdOption.KERBEROS_TICKET_CLEANUP, "yes"));
        one(out, o, SshdOption.GSSAPI_AUTHENTICATION, value(o, SshdOption.GSSAPI_AUTHENTICATION, "no"));
        one(out, o, SshdOption.GSSAPI_CLEANUP_CREDENTIALS, value(o, SshdOption.GSSAPI_CLEANUP_CREDENTIALS, "yes"));
        one(out, o, SshdOption.GSSAPI_KEY_EXCHANGE, value(o, SshdOption.GSSAPI_KEY_EXCHANGE, "no"));
        one(out, o, SshdOption.GSSAPI_STRICT_ACCEPTOR_CHECK, value(o, SshdOption.GSSAPI_STRICT_ACCEPTOR_CHECK, "yes"));
        one(out, o, SshdOption.GSSAPI_STORE_CREDENTIALS_ON_REKEY, value(o, SshdOption.GSSAPI_STORE_CREDENTIALS_ON_REKEY, "no"));
        one(out, o, SshdOption.GSSAPI_KEX_ALGORITHMS, value(o, SshdOption.GSSAPI_KEX_ALGORITHMS, release.defaultGssapiKex()));
        one(out, o, SshdOption.PASSWORD_AUTHENTICATION, value(o, SshdOption.PASSWORD_AUTHENTICATION, "yes"));
        one(out, o, SshdOption.KBD_INTERACTIVE_AUTHENTICATION, value(o, SshdOption.KBD_INTERACTIVE_AUTHENTICATION,
                release.challengeResponseIsAlias() ? "yes" : "no"));
        if (!release.challengeResponseIsAlias()) {
            one(out, o, SshdOption.CHALLENGE_RESPONSE_AUTHENTICATION, value(o, SshdOption.CHALLENGE_RESPONSE_AUTHENTICATION, "yes"));
        }
        one(out, o, SshdOption.PRINT_MOTD, value(o, SshdOption.PRINT_MOTD, "yes"));
        one(out, o, SshdOption.PRINT_LAST_LOG, value(o, SshdOption.PRINT_LAST_LOG, "yes"));
        one(out, o, SshdOption.X11_FORWARDING, value(o, SshdOption.X11_FORWARDING, "no"));
        one(out, o, SshdOption.X11_USE_LOCALHOST, value(o, SshdOption.X11_USE_LOCALHOST, "yes"));
        one(out, o, SshdOption.PERMIT_TTY, value(o, SshdOption.PERMIT_TTY, "yes"));
        one(out, o, SshdOption.PERMIT_USER_RC, value(o, SshdOption.PERMIT_USER_RC, "yes"));
        one(out, o, SshdOption.STRICT_MODES, value(o, SshdOption.STRICT_MODES, "yes"));
        one(out, o, SshdOption.TCP_KEEP_ALIVE, value(o, SshdOption.TCP_KEEP_ALIVE, "yes"));
        one(out, o, SshdOption.PERMIT_EMPTY_PASSWORDS, value(o, SshdOption.PERMIT_EMPTY_PASSWORDS, "no"));
        one(out, o, SshdOption.COMPRESSION, value(o, SshdOption.COMPRESSION, "yes"));
        one(out, o, SshdOption.GATEWAY_PORTS, value(o, SshdOption.GATEWAY_PORTS, "no"));
        one(out, o, SshdOption.USE_DNS, value(o, SshdOption.USE_DNS, "no"));
        one(out, o, SshdOption.ALLOW_TCP_FORWARDING, value(o, SshdOption.ALLOW_TCP_FORWARDING, "yes"));
        one(out, o, SshdOption.ALLOW_AGENT_FORWARDING, value(o, SshdOption.ALLOW_AGENT_FORWARDING, "yes"));
        one(out, o, SshdOption.DISABLE_FORWARDING, value(o, SshdOption.DISABLE_FORWARDING, "no"));
        one(out, o, SshdOption.ALLOW_STREAM_LOCAL_FORWARDING, value(o, SshdOption.ALLOW_STREAM_LOCAL_FORWARDING, "yes"));
        one(out, o, SshdOption.STREAM_LOCAL_BIND_UNLINK, value(o, SshdOption.STREAM_LOCAL_BIND_UNLINK, "no"));
        one(out, o, SshdOption.FINGERPRINT_HASH, value(o, SshdOption.FINGERPRINT_HASH, "SHA256"));
        one(out, o, SshdOption.EXPOSE_AUTH_INFO, value(o, SshdOption.EXPOSE_AUTH_INFO, "no"));
        one(out, o, SshdOption.PID_FILE, value(o, SshdOption.PID_FILE, "/run/sshd.pid"));
        if (release.atLeast(8, 6)) {
            one(out, o, SshdOption.MODULI_FILE, value(o, SshdOption.MODULI_FILE, "/etc/ssh/moduli"));
        }
        one(out, o, SshdOption.XAUTH_LOCATION, value(o, SshdOption.XAUTH_LOCATION, "/usr/bin/xauth"));
        algorithms(out, o, SshdOption.CIPHERS, error);
        algorithms(out, o, SshdOption.MACS, error);
        for (SshdOption s : List.of(SshdOption.BANNER, SshdOption.FORCE_COMMAND, SshdOption.CHROOT_DIRECTORY,
                SshdOption.TRUSTED_USER_CA_KEYS, SshdOption.REVOKED_KEYS)) {
            one(out, o, s, value(o, s, "none"));
        }
        one(out, o, SshdOption.SECURITY_KEY_PROVIDER, value(o, SshdOption.SECURITY_KEY_PROVIDER, "internal"));
        one(out, o, SshdOption.AUTHORIZED_PRINCIPALS_FILE, value(o, SshdOption.AUTHORIZED_PRINCIPALS_FILE, "none"));
        String addendum = value(o, SshdOption.VERSION_ADDENDUM, "");
        one(out, o, SshdOption.VERSION_ADDENDUM, addendum.isEmpty() ? "none" : addendum);
        for (SshdOption s : List.of(SshdOption.AUTHORIZED_KEYS_COMMAND, SshdOption.AUTHORIZED_KEYS_COMMAND_USER,
                SshdOption.AUTHORIZED_PRINCIPALS_COMMAND, SshdOption.AUTHORIZED_PRINCIPALS_COMMAND_USER, SshdOption.HOST_KEY_AGENT)) {
            one(out, o, s, value(o, s, "none"));
        }
        for (SshdOption s : List.of(SshdOption.KEX_ALGORITHMS, SshdOption.CA_SIGNATURE_ALGORITHMS,
                SshdOption.HOSTBASED_ACCEPTED_ALGORITHMS, SshdOption.HOST_KEY_ALGORITHMS, SshdOption.PUBKEY_ACCEPTED_ALGORITHMS)) {
            algorithms(out, o, s, error);
        }
        one(out, o, SshdOption.LOG_LEVEL, value(o, SshdOption.LOG_LEVEL, "INFO"));
        one(out, o, SshdOption.SYSLOG_FACILITY, value(o, SshdOption.SYSLOG_FACILITY, "AUTH"));
        List<String> keys = o.values(SshdOption.AUTHORIZED_KEYS_FILE);
        one(out, o, SshdOption.AUTHORIZED_KEYS_FILE, o.isSet(SshdOption.AUTHORIZED_KEYS_FILE) ? String.join(" ", keys)
                : ".ssh/authorized_keys .ssh/authorized_keys2");
        each(out, o, SshdOption.HOST_KEY, o.isSet(SshdOption.HOST_KEY) ? o.values(SshdOption.HOST_KEY)
                : List.of("/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ed25519_key"));
        for (SshdOption s : List.of(SshdOption.HOST_CERTIFICATE, SshdOption.ALLOW_USERS, SshdOption.DENY_USERS,
                SshdOption.ALLOW_GROUPS, SshdOption.DENY_GROUPS, SshdOption.ACCEPT_ENV, SshdOption.SET_ENV)) {
            each(out, o, s, o.values(s));
        }
        List<String> methods = o.values(SshdOption.AUTHENTICATION_METHODS);
        one(out, o, SshdOption.AUTHENTICATION_METHODS, methods.isEmpty() ? "any" : String.join(" ", methods));
        if (release.atLeast(8, 5) && o.count(SshdOption.LOG_VERBOSE) > 0) {
            one(out, o, SshdOption.LOG_VERBOSE, String.join(" ", o.values(SshdOption.LOG_VERBOSE)));
        }
        if (o.count(SshdOption.CHANNEL_TIMEOUT) > 0) {
            one(out, o, SshdOption.CHANNEL_TIMEOUT, String.join(" ", o.values(SshdOption.CHANNEL_TIMEOUT)));
        }
        each(out, o, SshdOption.SUBSYSTEM, o.values(SshdOption.SUBSYSTEM));
        List<String> ms = o.values(SshdOption.MAX_STARTUPS);
        String begin = ms.isEmpty() || ms.get(0).equals("-1") ? "10" : ms.get(0);
        String rate = ms.isEmpty() || ms.get(1).equals("-1") ? "30" : ms.get(1);
        String max = ms.isEmpty() || ms.get(2).equals("-1") ? "100" : ms.get(2);
        one(out, o, SshdOption.MAX_STARTUPS, begin + ":" + rate + ":" + max);
        if (release.atLeast(8, 5)) {
            one(out, o, SshdOption.PER_SOURCE_MAX_STARTUPS, value(o, SshdOption.PER_SOURCE_MAX_STARTUPS, "none"));
            List<String> nb = o.values(SshdOption.PER_SOURCE_NET_BLOCK_SIZE);
            one(out, o, SshdOption.PER_SOURCE_NET_BLOCK_SIZE, nb.isEmpty() ? "32:128" : nb.get(0) + ":" + nb.get(1));
        }
        one(out, o, SshdOption.PERMIT_TUNNEL, value(o, SshdOption.PERMIT_TUNNEL, "no"));
        List<String> qos = o.values(SshdOption.IP_QOS);
        one(out, o, SshdOption.IP_QOS, qos.isEmpty() ? release.defaultIpQos() : qos.get(0) + " " + qos.get(1));
        String limit = value(o, SshdOption.REKEY_LIMIT, "0");
        String interval = value(o, SshdOption.REKEY_INTERVAL, "0");
        SshdOptions.Slot rekey = o.isSet(SshdOption.REKEY_LIMIT) ? o.get(SshdOption.REKEY_LIMIT) : o.get(SshdOption.REKEY_INTERVAL);
        out.add(entry("rekeylimit", List.of(limit + " " + interval), rekey));
        for (SshdOption s : List.of(SshdOption.PERMIT_OPEN, SshdOption.PERMIT_LISTEN)) {
            List<String> v = o.values(s);
            one(out, o, s, v.isEmpty() ? "any" : String.join(" ", v));
        }
        String env = value(o, SshdOption.PERMIT_USER_ENVIRONMENT, "no");
        one(out, o, SshdOption.PERMIT_USER_ENVIRONMENT, env);
        one(out, o, SshdOption.PUBKEY_AUTH_OPTIONS, value(o, SshdOption.PUBKEY_AUTH_OPTIONS, "none"));
        for (SshdOption s : List.of(SshdOption.PER_SOURCE_PENALTIES, SshdOption.PER_SOURCE_PENALTY_EXEMPT_LIST,
                SshdOption.PAM_SERVICE_NAME, SshdOption.SSHD_SESSION_PATH, SshdOption.REFUSE_CONNECTION)) {
            if (o.isSet(s)) {
                one(out, o, s, o.get(s).first()); // newer releases' keywords: as written
            }
        }
        return out;
    }

    /** The global options as fill_default_server_options leaves them: "none" strings and arrays cleared. */
    private static SshdOptions cleared(SshdOptions global) {
        SshdOptions c = global.copy();
        for (SshdOption s : CLEAR_ON_NONE) {
            SshdOptions.Slot slot = c.get(s);
            if (slot != null && slot.first() != null && slot.first().equalsIgnoreCase("none")) {
                slot.values.set(0, "none");
            }
        }
        clearArray(c, SshdOption.CHANNEL_TIMEOUT, "none");
        clearArray(c, SshdOption.AUTHENTICATION_METHODS, "any");
        return c;
    }

    private static void clearArray(SshdOptions c, SshdOption s, String none) {
        SshdOptions.Slot slot = c.get(s);
        if (slot != null && slot.values.size() == 1 && slot.values.get(0).equalsIgnoreCase(none)) {
            slot.values.clear();
        }
    }

    private static String value(SshdOptions o, SshdOption s, String def) {
        String v = o.isSet(s) ? o.get(s).first() : null;
        if (v != null && (s == SshdOption.FORCE_COMMAND || s == SshdOption.CHROOT_DIRECTORY) && v.equalsIgnoreCase("none")) {
            return "none"; // a Match block's "none" clears the global value (copy_set_server_options)
        }
        return v == null ? def : v;
    }

    private void algorithms(List<Entry> out, SshdOptions o, SshdOption s, BiConsumer<Directive, String> error) {
        String def = SshdAlgorithms.defaults(s, release);
        String configured = o.isSet(s) ? o.get(s).first() : null;
        String assembled = SshdAlgorithms.assemble(configured, def, SshdAlgorithms.all(SshdAlgorithms.kind(s), release));
        if (assembled == null) {
            error.accept(o.get(s).from, s.printed() + " '" + configured + "' leaves no algorithm this release knows (assemble_algorithms: "
                    + "invalid argument)");
            assembled = configured;
        }
        one(out, o, s, assembled);
    }

    private static void one(List<Entry> out, SshdOptions o, SshdOption s, String line) {
        out.add(entry(s.printed(), List.of(line), o.get(s)));
    }

    private static void each(List<Entry> out, SshdOptions o, SshdOption s, List<String> lines) {
        if (!lines.isEmpty()) {
            out.add(entry(s.printed(), List.copyOf(lines), o.get(s)));
        }
    }

    private static Entry entry(String key, List<String> lines, SshdOptions.Slot slot) {
        return slot == null ? new Entry(key, lines, null, List.of())
                : new Entry(key, lines, slot.from, List.copyOf(slot.ignored));
    }
}
