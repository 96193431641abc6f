package chuan.config.sshd;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * sshd's keyword table (servconf.c's {@code keywords[]} of OpenSSH 9.2 with the keywords of the
 * GSSAPI key exchange patch every major distribution carries, and Debian's own): which option a
 * keyword sets, whether it may stand in a {@code Match} block, and which keywords are accepted but
 * do nothing (deprecated, ignored, unsupported). Keywords are matched without regard to case. A
 * keyword's {@code since} is the first release that knows it, from the tags V_8_2_P1 ... V_9_9_P1.
 */
final class SshdKeywords {

    /** What a keyword does. */
    enum Kind {
        /** Sets {@link Keyword#option()}. */
        OPTION,
        /** Logged ("Deprecated option") and otherwise ignored: sshd still starts. */
        DEPRECATED,
        /** Silently ignored ({@code Protocol}). */
        IGNORED,
        /** Logged ("Unsupported option") and ignored: the build lacks the feature. */
        UNSUPPORTED,
        /** Starts a conditional block. */
        MATCH,
        /** Reads other files in place. */
        INCLUDE,
        /** Accepted by the table but refused on Linux ({@code RDomain}: "not supported on this platform"). */
        PLATFORM_REFUSED
    }

    /** One keyword of the table. */
    record Keyword(String name, Kind kind, SshdOption option, boolean inMatch, String since) {
    }

    private static final Map<String, Keyword> TABLE = new HashMap<>();

    private static void option(String name, SshdOption option, boolean inMatch) {
        TABLE.put(name, new Keyword(name, Kind.OPTION, option, inMatch, null));
    }

    private static void option(String name, SshdOption option, boolean inMatch, String since) {
        TABLE.put(name, new Keyword(name, Kind.OPTION, option, inMatch, since));
    }

    private static void other(String name, Kind kind, boolean inMatch) {
        TABLE.put(name, new Keyword(name, kind, null, inMatch, null));
    }

    static {
        final boolean all = true;
        final boolean global = false;
        option("usepam", SshdOption.USE_PAM, global);
        other("pamauthenticationviakbdint", Kind.DEPRECATED, global);
        option("port", SshdOption.PORT, global);
        option("hostkey", SshdOption.HOST_KEY, global);
        option("hostdsakey", SshdOption.HOST_KEY, global);
        option("hostkeyagent", SshdOption.HOST_KEY_AGENT, global);
        option("pidfile", SshdOption.PID_FILE, global);
        option("modulifile", SshdOption.MODULI_FILE, global, "8.6");
        other("serverkeybits", Kind.DEPRECATED, global);
        option("logingracetime", SshdOption.LOGIN_GRACE_TIME, global);
        other("keyregenerationinterval", Kind.DEPRECATED, global);
        option("permitrootlogin", SshdOption.PERMIT_ROOT_LOGIN, all);
        option("syslogfacility", SshdOption.SYSLOG_FACILITY, global);
        option("loglevel", SshdOption.LOG_LEVEL, all);
        option("logverbose", SshdOption.LOG_VERBOSE, all, "8.5");
        other("rhostsauthentication", Kind.DEPRECATED, global);
        other("rhostsrsaauthentication", Kind.DEPRECATED, all);
        option("hostbasedauthentication", SshdOption.HOSTBASED_AUTHENTICATION, all);
        option("hostbasedusesnamefrompacketonly", SshdOption.HOSTBASED_USES_NAME_FROM_PACKET_ONLY, all);
        option("hostbasedacceptedalgorithms", SshdOption.HOSTBASED_ACCEPTED_ALGORITHMS, all, "8.5");
        option("hostbasedacceptedkeytypes", SshdOption.HOSTBASED_ACCEPTED_ALGORITHMS, all);
        option("hostkeyalgorithms", SshdOption.HOST_KEY_ALGORITHMS, global);
        other("rsaauthentication", Kind.DEPRECATED, all);
        option("pubkeyauthentication", SshdOption.PUBKEY_AUTHENTICATION, all);
        option("pubkeyacceptedalgorithms", SshdOption.PUBKEY_ACCEPTED_ALGORITHMS, all, "8.5");
        option("pubkeyacceptedkeytypes", SshdOption.PUBKEY_ACCEPTED_ALGORITHMS, all);
        option("pubkeyauthoptions", SshdOption.PUBKEY_AUTH_OPTIONS, all);
        option("dsaauthentication", SshdOption.PUBKEY_AUTHENTICATION, global);
        option("kerberosauthentication", SshdOption.KERBEROS_AUTHENTICATION, all);
        option("kerberosorlocalpasswd", SshdOption.KERBEROS_OR_LOCAL_PASSWD, global);
        option("kerberosticketcleanup", SshdOption.KERBEROS_TICKET_CLEANUP, global);
        other("kerberosgetafstoken", Kind.UNSUPPORTED, global); // built without AFS
        other("kerberostgtpassing", Kind.UNSUPPORTED, global);
        other("afstokenpassing", Kind.UNSUPPORTED, global);
        option("gssapiauthentication", SshdOption.GSSAPI_AUTHENTICATION, all);
        option("gssapicleanupcredentials", SshdOption.GSSAPI_CLEANUP_CREDENTIALS, global);
        option("gssapicleanupcreds", SshdOption.GSSAPI_CLEANUP_CREDENTIALS, global);
        option("gssapistrictacceptorcheck", SshdOption.GSSAPI_STRICT_ACCEPTOR_CHECK, global);
        option("gssapikeyexchange", SshdOption.GSSAPI_KEY_EXCHANGE, global);
        option("gssapistorecredentialsonrekey", SshdOption.GSSAPI_STORE_CREDENTIALS_ON_REKEY, global);
        option("gssapikexalgorithms", SshdOption.GSSAPI_KEX_ALGORITHMS, global);
        other("gssusesessionccache", Kind.UNSUPPORTED, global);
        other("gssapiusesessioncredcache", Kind.UNSUPPORTED, global);
        option("passwordauthentication", SshdOption.PASSWORD_AUTHENTICATION, all);
        option("kbdinteractiveauthentication", SshdOption.KBD_INTERACTIVE_AUTHENTICATION, all);
        option("challengeresponseauthentication", SshdOption.KBD_INTERACTIVE_AUTHENTICATION, all); // alias since 8.7
        option("skeyauthentication", SshdOption.KBD_INTERACTIVE_AUTHENTICATION, all); // alias since 8.7
        other("checkmail", Kind.DEPRECATED, global);
        option("listenaddress", SshdOption.LISTEN_ADDRESS, global);
        option("addressfamily", SshdOption.ADDRESS_FAMILY, global);
        option("printmotd", SshdOption.PRINT_MOTD, global);
        option("printlastlog", SshdOption.PRINT_LAST_LOG, global);
        option("ignorerhosts", SshdOption.IGNORE_RHOSTS, all);
        option("ignoreuserknownhosts", SshdOption.IGNORE_USER_KNOWN_HOSTS, global);
        option("x11forwarding", SshdOption.X11_FORWARDING, all);
        option("x11displayoffset", SshdOption.X11_DISPLAY_OFFSET, all);
        option("x11uselocalhost", SshdOption.X11_USE_LOCALHOST, all);
        option("xauthlocation", SshdOption.XAUTH_LOCATION, global);
        option("strictmodes", SshdOption.STRICT_MODES, global);
        other("permitblacklistedkeys", Kind.DEPRECATED, global); // Debian
        option("permitemptypasswords", SshdOption.PERMIT_EMPTY_PASSWORDS, all);
        option("permituserenvironment", SshdOption.PERMIT_USER_ENVIRONMENT, global);
        other("uselogin", Kind.DEPRECATED, global);
        option("compression", SshdOption.COMPRESSION, global);
        option("rekeylimit", SshdOption.REKEY_LIMIT, all);
        option("tcpkeepalive", SshdOption.TCP_KEEP_ALIVE, global);
        option("keepalive", SshdOption.TCP_KEEP_ALIVE, global);
        option("allowtcpforwarding", SshdOption.ALLOW_TCP_FORWARDING, all);
        option("allowagentforwarding", SshdOption.ALLOW_AGENT_FORWARDING, all);
        option("allowusers", SshdOption.ALLOW_USERS, all);
        option("denyusers", SshdOption.DENY_USERS, all);
        option("allowgroups", SshdOption.ALLOW_GROUPS, all);
        option("denygroups", SshdOption.DENY_GROUPS, all);
        option("ciphers", SshdOption.CIPHERS, global);
        option("macs", SshdOption.MACS, global);
        other("protocol", Kind.IGNORED, global);
        option("gatewayports", SshdOption.GATEWAY_PORTS, all);
        option("subsystem", SshdOption.SUBSYSTEM, global); // allowed in Match from 9.5
        option("maxstartups", SshdOption.MAX_STARTUPS, global);
        option("persourcemaxstartups", SshdOption.PER_SOURCE_MAX_STARTUPS, global, "8.5");
        option("persourcenetblocksize", SshdOption.PER_SOURCE_NET_BLOCK_SIZE, global, "8.5");
        option("maxauthtries", SshdOption.MAX_AUTH_TRIES, all);
        option("maxsessions", SshdOption.MAX_SESSIONS, all);
        option("banner", SshdOption.BANNER, all);
        option("usedns", SshdOption.USE_DNS, global);
        other("verifyreversemapping", Kind.DEPRECATED, global);
        other("reversemappingcheck", Kind.DEPRECATED, global);
        option("clientaliveinterval", SshdOption.CLIENT_ALIVE_INTERVAL, all);
        option("clientalivecountmax", SshdOption.CLIENT_ALIVE_COUNT_MAX, all);
        option("authorizedkeysfile", SshdOption.AUTHORIZED_KEYS_FILE, all);
        other("authorizedkeysfile2", Kind.DEPRECATED, all);
        other("useprivilegeseparation", Kind.DEPRECATED, global);
        option("acceptenv", SshdOption.ACCEPT_ENV, all);
        option("setenv", SshdOption.SET_ENV, all);
        option("permittunnel", SshdOption.PERMIT_TUNNEL, all);
        option("permittty", SshdOption.PERMIT_TTY, all);
        option("permituserrc", SshdOption.PERMIT_USER_RC, all);
        other("match", Kind.MATCH, all);
        option("permitopen", SshdOption.PERMIT_OPEN, all);
        option("permitlisten", SshdOption.PERMIT_LISTEN, all);
        option("forcecommand", SshdOption.FORCE_COMMAND, all);
        option("chrootdirectory", SshdOption.CHROOT_DIRECTORY, all);
        option("hostcertificate", SshdOption.HOST_CERTIFICATE, global);
        option("revokedkeys", SshdOption.REVOKED_KEYS, all);
        option("trustedusercakeys", SshdOption.TRUSTED_USER_CA_KEYS, all);
        option("authorizedprincipalsfile", SshdOption.AUTHORIZED_PRINCIPALS_FILE, all);
        option("kexalgorithms", SshdOption.KEX_ALGORITHMS, global);
        other("include", Kind.INCLUDE, all);
        option("ipqos", SshdOption.IP_QOS, all);
        option("authorizedkeyscommand", SshdOption.AUTHORIZED_KEYS_COMMAND, all);
        option("authorizedkeyscommanduser", SshdOption.AUTHORIZED_KEYS_COMMAND_USER, all);
        option("authorizedprincipalscommand", SshdOption.AUTHORIZED_PRINCIPALS_COMMAND, all);
        option("authorizedprincipalscommanduser", SshdOption.AUTHORIZED_PRINCIPALS_COMMAND_USER, all);
        option("versionaddendum", SshdOption.VERSION_ADDENDUM, global);
        option("authenticationmethods", SshdOption.AUTHENTICATION_METHODS, all);
        option("streamlocalbindmask", SshdOption.STREAM_LOCAL_BIND_MASK, all);
        option("streamlocalbindunlink", SshdOption.STREAM_LOCAL_BIND_UNLINK, all);
        option("allowstreamlocalforwarding", SshdOption.ALLOW_STREAM_LOCAL_FORWARDING, all);
        option("fingerprinthash", SshdOption.FINGERPRINT_HASH, global);
        option("disableforwarding", SshdOption.DISABLE_FORWARDING, all);
        option("exposeauthinfo", SshdOption.EXPOSE_AUTH_INFO, all);
        other("rdomain", Kind.PLATFORM_REFUSED, all);
        option("casignaturealgorithms", SshdOption.CA_SIGNATURE_ALGORITHMS, all);
        option("securitykeyprovider", SshdOption.SECURITY_KEY_PROVIDER, global);
        option("requiredrsasize", SshdOption.REQUIRED_RSA_SIZE, all, "9.1");
        option("channeltimeout", SshdOption.CHANNEL_TIMEOUT, all, "9.2");
        option("unusedconnectiontimeout", SshdOption.UNUSED_CONNECTION_TIMEOUT, all, "9.2");
        option("debianbanner", SshdOption.DEBIAN_BANNER, global); // Debian's debian-banner.patch
        option("pamservicename", SshdOption.PAM_SERVICE_NAME, all, "9.8");
        option("persourcepenalties", SshdOption.PER_SOURCE_PENALTIES, global, "9.8");
        option("persourcepenaltyexemptlist", SshdOption.PER_SOURCE_PENALTY_EXEMPT_LIST, global, "9.8");
        option("sshdsessionpath", SshdOption.SSHD_SESSION_PATH, global, "9.8");
        option("refuseconnection", SshdOption.REFUSE_CONNECTION, all, "9.9");
    }

    private SshdKeywords() {
    }

    /**
     * The keyword as the given release reads it, or empty when sshd would call it a "Bad configuration
     * option". Releases before 8.7 keep ChallengeResponseAuthentication apart (and S/Key deprecated),
     * before 8.3 IgnoreRhosts is global only, from 9.5 Subsystem may stand in a Match block.
     */
    static Optional<Keyword> find(String word, SshdDefaults release) {
        Keyword k = TABLE.get(word.toLowerCase(Locale.ROOT));
        if (k == null || !release.atLeast(k.since())) {
            return Optional.empty();
        }
        if (!release.challengeResponseIsAlias()) {
            if (k.name().equals("challengeresponseauthentication")) {
                return Optional.of(new Keyword(k.name(), Kind.OPTION, SshdOption.CHALLENGE_RESPONSE_AUTHENTICATION, false, null));
            }
            if (k.name().equals("skeyauthentication")) {
                return Optional.of(new Keyword(k.name(), Kind.DEPRECATED, null, false, null));
            }
        }
        if (k.name().equals("ignorerhosts") && !release.atLeast(8, 3)) {
            return Optional.of(new Keyword(k.name(), k.kind(), k.option(), false, null));
        }
        if (k.name().equals("subsystem") && release.atLeast(9, 5)) {
            return Optional.of(new Keyword(k.name(), k.kind(), k.option(), true, null));
        }
        return Optional.of(k);
    }

    /** Whether a word is a keyword of any release known here (to tell a misspelling from a newer keyword). */
    static Optional<String> since(String word) {
        Keyword k = TABLE.get(word.toLowerCase(Locale.ROOT));
        return k == null ? Optional.empty() : Optional.ofNullable(k.since());
    }
}
