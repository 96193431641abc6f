package chuan.config.sshd;

import java.util.Map;

/**
 * OpenSSH 9.x compiled-in defaults of the keywords a security baseline looks at, as documented in
 * sshd_config(5) of OpenSSH 9.6-9.9 (Debian 12/13, Ubuntu 24.04, RHEL 9 apply them unless their
 * packaged sshd_config sets a value, which the reader then sees).
 */
final class SshdDefaults {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("port", "22"),
            Map.entry("addressfamily", "any"),
            Map.entry("permitrootlogin", "prohibit-password"),
            Map.entry("passwordauthentication", "yes"),
            Map.entry("permitemptypasswords", "no"),
            Map.entry("pubkeyauthentication", "yes"),
            Map.entry("kbdinteractiveauthentication", "yes"),
            Map.entry("hostbasedauthentication", "no"),
            Map.entry("ignorerhosts", "yes"),
            Map.entry("usepam", "no"),
            Map.entry("x11forwarding", "no"),
            Map.entry("allowtcpforwarding", "yes"),
            Map.entry("allowagentforwarding", "yes"),
            Map.entry("permittunnel", "no"),
            Map.entry("gatewayports", "no"),
            Map.entry("permituserenvironment", "no"),
            Map.entry("maxauthtries", "6"),
            Map.entry("maxsessions", "10"),
            Map.entry("maxstartups", "10:30:100"),
            Map.entry("logingracetime", "120"),
            Map.entry("clientaliveinterval", "0"),
            Map.entry("clientalivecountmax", "3"),
            Map.entry("tcpkeepalive", "yes"),
            Map.entry("loglevel", "INFO"),
            Map.entry("syslogfacility", "AUTH"),
            Map.entry("strictmodes", "yes"),
            Map.entry("compression", "yes"),
            Map.entry("usedns", "no"),
            Map.entry("banner", "none"),
            Map.entry("permittty", "yes"),
            Map.entry("disableforwarding", "no"),
            Map.entry("authorizedkeysfile", ".ssh/authorized_keys .ssh/authorized_keys2"),
            Map.entry("ciphers", "chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,"
                    + "aes128-gcm@openssh.com,aes256-gcm@openssh.com"),
            Map.entry("macs", "umac-64-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,"
                    + "hmac-sha2-512-etm@openssh.com,hmac-sha1-etm@openssh.com,umac-64@openssh.com,umac-128@openssh.com,"
                    + "hmac-sha2-256,hmac-sha2-512,hmac-sha1"),
            Map.entry("kexalgorithms", "sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,"
                    + "ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,"
                    + "diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group14-sha256"));

    private SshdDefaults() {
    }

    static java.util.Set<String> keywords() {
        return DEFAULTS.keySet();
    }

    /** The default of a lower-case keyword, or null when none is recorded here. */
    static String of(String keyword) {
        return DEFAULTS.get(keyword);
    }
}
