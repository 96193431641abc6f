package chuan.config.sshd;

/**
 * One setting of sshd's ServerOptions, named as {@code sshd -T} prints it. Several keywords can set
 * the same option ({@code ChallengeResponseAuthentication} and {@code KbdInteractiveAuthentication}).
 * {@link Copy} says how a matching {@code Match} block's value reaches a connection
 * (servconf.c's copy_set_server_options): replacing the global value, or not at all.
 */
enum SshdOption {
    PORT("port"),
    ADDRESS_FAMILY("addressfamily"),
    LISTEN_ADDRESS("listenaddress"),
    USE_PAM("usepam"),
    LOGIN_GRACE_TIME("logingracetime"),
    X11_DISPLAY_OFFSET("x11displayoffset", Copy.REPLACE),
    MAX_AUTH_TRIES("maxauthtries", Copy.REPLACE),
    MAX_SESSIONS("maxsessions", Copy.REPLACE),
    CLIENT_ALIVE_INTERVAL("clientaliveinterval", Copy.REPLACE),
    CLIENT_ALIVE_COUNT_MAX("clientalivecountmax", Copy.REPLACE),
    REQUIRED_RSA_SIZE("requiredrsasize", Copy.REPLACE),
    STREAM_LOCAL_BIND_MASK("streamlocalbindmask", Copy.REPLACE),
    UNUSED_CONNECTION_TIMEOUT("unusedconnectiontimeout", Copy.REPLACE),
    PERMIT_ROOT_LOGIN("permitrootlogin", Copy.REPLACE),
    IGNORE_RHOSTS("ignorerhosts", Copy.REPLACE),
    IGNORE_USER_KNOWN_HOSTS("ignoreuserknownhosts"),
    HOSTBASED_AUTHENTICATION("hostbasedauthentication", Copy.REPLACE),
    HOSTBASED_USES_NAME_FROM_PACKET_ONLY("hostbasedusesnamefrompacketonly", Copy.REPLACE),
    PUBKEY_AUTHENTICATION("pubkeyauthentication", Copy.REPLACE),
    KERBEROS_AUTHENTICATION("kerberosauthentication", Copy.REPLACE),
    KERBEROS_OR_LOCAL_PASSWD("kerberosorlocalpasswd"),
    KERBEROS_TICKET_CLEANUP("kerberosticketcleanup"),
    GSSAPI_AUTHENTICATION("gssapiauthentication", Copy.REPLACE),
    GSSAPI_CLEANUP_CREDENTIALS("gssapicleanupcredentials"),
    GSSAPI_KEY_EXCHANGE("gssapikeyexchange"),
    GSSAPI_STRICT_ACCEPTOR_CHECK("gssapistrictacceptorcheck"),
    GSSAPI_STORE_CREDENTIALS_ON_REKEY("gssapistorecredentialsonrekey"),
    GSSAPI_KEX_ALGORITHMS("gssapikexalgorithms"),
    PASSWORD_AUTHENTICATION("passwordauthentication", Copy.REPLACE),
    KBD_INTERACTIVE_AUTHENTICATION("kbdinteractiveauthentication", Copy.REPLACE),
    /** An option of its own before OpenSSH 8.7, an alias of KbdInteractiveAuthentication since. */
    CHALLENGE_RESPONSE_AUTHENTICATION("challengeresponseauthentication"),
    PRINT_MOTD("printmotd"),
    PRINT_LAST_LOG("printlastlog"),
    X11_FORWARDING("x11forwarding", Copy.REPLACE),
    X11_USE_LOCALHOST("x11uselocalhost", Copy.REPLACE),
    PERMIT_TTY("permittty", Copy.REPLACE),
    PERMIT_USER_RC("permituserrc", Copy.REPLACE),
    STRICT_MODES("strictmodes"),
    TCP_KEEP_ALIVE("tcpkeepalive"),
    PERMIT_EMPTY_PASSWORDS("permitemptypasswords", Copy.REPLACE),
    COMPRESSION("compression"),
    GATEWAY_PORTS("gatewayports", Copy.REPLACE),
    USE_DNS("usedns"),
    ALLOW_TCP_FORWARDING("allowtcpforwarding", Copy.REPLACE),
    ALLOW_AGENT_FORWARDING("allowagentforwarding", Copy.REPLACE),
    DISABLE_FORWARDING("disableforwarding", Copy.REPLACE),
    ALLOW_STREAM_LOCAL_FORWARDING("allowstreamlocalforwarding", Copy.REPLACE),
    STREAM_LOCAL_BIND_UNLINK("streamlocalbindunlink", Copy.REPLACE),
    FINGERPRINT_HASH("fingerprinthash"),
    EXPOSE_AUTH_INFO("exposeauthinfo", Copy.REPLACE),
    PID_FILE("pidfile"),
    MODULI_FILE("modulifile"),
    XAUTH_LOCATION("xauthlocation"),
    CIPHERS("ciphers"),
    MACS("macs"),
    BANNER("banner", Copy.REPLACE),
    FORCE_COMMAND("forcecommand", Copy.REPLACE),
    CHROOT_DIRECTORY("chrootdirectory", Copy.REPLACE),
    TRUSTED_USER_CA_KEYS("trustedusercakeys", Copy.REPLACE),
    REVOKED_KEYS("revokedkeys", Copy.REPLACE),
    SECURITY_KEY_PROVIDER("securitykeyprovider"),
    AUTHORIZED_PRINCIPALS_FILE("authorizedprincipalsfile", Copy.REPLACE),
    VERSION_ADDENDUM("versionaddendum"),
    AUTHORIZED_KEYS_COMMAND("authorizedkeyscommand", Copy.REPLACE),
    AUTHORIZED_KEYS_COMMAND_USER("authorizedkeyscommanduser", Copy.REPLACE),
    AUTHORIZED_PRINCIPALS_COMMAND("authorizedprincipalscommand", Copy.REPLACE),
    AUTHORIZED_PRINCIPALS_COMMAND_USER("authorizedprincipalscommanduser", Copy.REPLACE),
    HOST_KEY_AGENT("hostkeyagent"),
    KEX_ALGORITHMS("kexalgorithms"),
    CA_SIGNATURE_ALGORITHMS("casignaturealgorithms", Copy.REPLACE),
    HOSTBASED_ACCEPTED_ALGORITHMS("hostbasedacceptedalgorithms", Copy.REPLACE),
    HOST_KEY_ALGORITHMS("hostkeyalgorithms"),
    PUBKEY_ACCEPTED_ALGORITHMS("pubkeyacceptedalgorithms", Copy.REPLACE),
    LOG_LEVEL("loglevel", Copy.REPLACE),
    SYSLOG_FACILITY("syslogfacility"),
    AUTHORIZED_KEYS_FILE("authorizedkeysfile", Copy.REPLACE),
    HOST_KEY("hostkey"),
    HOST_CERTIFICATE("hostcertificate"),
    ALLOW_USERS("allowusers", Copy.REPLACE),
    DENY_USERS("denyusers", Copy.REPLACE),
    ALLOW_GROUPS("allowgroups", Copy.REPLACE),
    DENY_GROUPS("denygroups", Copy.REPLACE),
    ACCEPT_ENV("acceptenv", Copy.REPLACE),
    SET_ENV("setenv", Copy.REPLACE),
    AUTHENTICATION_METHODS("authenticationmethods", Copy.REPLACE),
    LOG_VERBOSE("logverbose", Copy.REPLACE),
    CHANNEL_TIMEOUT("channeltimeout", Copy.REPLACE),
    SUBSYSTEM("subsystem"),
    MAX_STARTUPS("maxstartups"),
    PER_SOURCE_MAX_STARTUPS("persourcemaxstartups"),
    PER_SOURCE_NET_BLOCK_SIZE("persourcenetblocksize"),
    PERMIT_TUNNEL("permittunnel", Copy.REPLACE),
    IP_QOS("ipqos", Copy.REPLACE),
    /** RekeyLimit's first argument; its second is {@link #REKEY_INTERVAL}, each kept on its own as servconf.c does. */
    REKEY_LIMIT("rekeylimit", Copy.REPLACE),
    REKEY_INTERVAL("rekeylimit", Copy.REPLACE),
    PERMIT_OPEN("permitopen", Copy.REPLACE),
    PERMIT_LISTEN("permitlisten", Copy.REPLACE),
    PERMIT_USER_ENVIRONMENT("permituserenvironment"),
    PUBKEY_AUTH_OPTIONS("pubkeyauthoptions", Copy.REPLACE),
    /** Debian's patch: whether the version string names the distribution. Accepted, never printed by sshd -T. */
    DEBIAN_BANNER("debianbanner"),
    /** Keywords of releases after 9.2, kept as written when the version has them. */
    PER_SOURCE_PENALTIES("persourcepenalties"),
    PER_SOURCE_PENALTY_EXEMPT_LIST("persourcepenaltyexemptlist"),
    PAM_SERVICE_NAME("pamservicename"),
    SSHD_SESSION_PATH("sshdsessionpath"),
    REFUSE_CONNECTION("refuseconnection");

    /** How a matching Match block's value reaches a connection. */
    enum Copy {
        /** Global only: a Match block cannot set it (sshd refuses the keyword there) or its value is not copied. */
        NONE,
        /** The block's value, when it set one, replaces the global value. */
        REPLACE
    }

    private final String printed;
    private final Copy copy;

    SshdOption(String printed) {
        this(printed, Copy.NONE);
    }

    SshdOption(String printed, Copy copy) {
        this.printed = printed;
        this.copy = copy;
    }

    /** The keyword as {@code sshd -T} prints it. */
    String printed() {
        return printed;
    }

    Copy copy() {
        return copy;
    }
}
