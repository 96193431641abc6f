package chuan.config.sshd;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an OpenSSH release compiles in: the default algorithm lists (myproposal.h), the algorithms it
 * knows at all (cipher.c, mac.c, kex.c, sshkey.c of a Linux build with OpenSSL), the defaults that
 * changed between 8.2 and 9.9, and the keywords each release knows. Facts from openssh-portable's
 * tags V_8_2_P1 ... V_9_9_P1; Debian's packages add their own patches (IPQoS lowdelay/throughput,
 * the sntrup761x25519-sha512 name from 1:9.2p1-2+deb12u4), applied when the version says Debian or
 * Ubuntu. An unknown version is read as OpenSSH 9.2 (Debian 12's).
 */
public final class SshdDefaults {

    /** The release assumed when the installed version is not known. */
    public static final String ASSUMED = "9.2";

    private static final Pattern VERSION = Pattern.compile("(?:^|[^0-9])(\\d+)\\.(\\d+)(?:p(\\d+))?");

    private final int major;
    private final int minor;
    private final boolean debian;
    private final int debianUpdate; // the N of "+deb12uN", 0 when none
    private final String version;
    private final String why;

    private SshdDefaults(int major, int minor, boolean debian, int debianUpdate, String version, String why) {
        this.major = major;
        this.minor = minor;
        this.debian = debian;
        this.debianUpdate = debianUpdate;
        this.version = version;
        this.why = why;
    }

    /**
     * The defaults of a version as a package database or a user writes it: {@code 9.6}, {@code 9.2p1},
     * {@code OpenSSH_8.9p1}, Debian's {@code 1:9.2p1-2+deb12u10}, Ubuntu's {@code 1:9.6p1-3ubuntu13.5},
     * Red Hat's {@code 8.7p1-38.el9}. Null, blank or unreadable: {@value #ASSUMED}. A release older than
     * 8.2 is read with 8.2's facts.
     */
    public static SshdDefaults forVersion(String text) {
        if (text == null || text.isBlank()) {
            return new SshdDefaults(9, 2, false, 0, ASSUMED, "version unknown: OpenSSH " + ASSUMED + " assumed");
        }
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            return new SshdDefaults(9, 2, false, 0, ASSUMED, "version '" + text + "' not understood: OpenSSH " + ASSUMED
                    + " assumed");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        String lower = text.toLowerCase(Locale.ROOT);
        boolean debian = lower.contains("deb") || lower.contains("ubuntu");
        Matcher u = Pattern.compile("\\+deb\\d+u(\\d+)").matcher(lower);
        int update = u.find() ? Integer.parseInt(u.group(1)) : 0;
        String shown = major + "." + minor;
        String why = "OpenSSH " + shown + (text.strip().equals(shown) ? "" : " (" + text.strip() + ")");
        if (major < 8 || major == 8 && minor < 2) {
            why += ", read with 8.2's defaults (the oldest release known here)";
        }
        return new SshdDefaults(major, minor, debian, update, shown, why);
    }

    /** Whether the version names a Debian or Ubuntu package (their patches apply). */
    boolean debian() {
        return debian;
    }

    /** {@code 9.2}. */
    public String version() {
        return version;
    }

    /** Which version was assumed and why, for findings: {@code OpenSSH 9.2 (1:9.2p1-2+deb12u10)}. */
    public String assumption() {
        return why;
    }

    /** Whether this release is at least {@code major.minor}. */
    public boolean atLeast(int maj, int min) {
        return major > maj || major == maj && minor >= min;
    }

    boolean atLeast(String release) {
        if (release == null) {
            return true;
        }
        int dot = release.indexOf('.');
        return atLeast(Integer.parseInt(release.substring(0, dot)), Integer.parseInt(release.substring(dot + 1)));
    }

    // ---- algorithm lists (comma-separated, as sshd prints them) ----

    /** Ciphers: unchanged from 8.2 to 9.9. */
    String defaultCiphers() {
        return "chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com";
    }

    String defaultMacs() {
        return "umac-64-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,"
                + "hmac-sha1-etm@openssh.com,umac-64@openssh.com,umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1";
    }

    String defaultKex() {
        String tail = "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,";
        String dh = "diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,"
                + "diffie-hellman-group14-sha256";
        if (atLeast(9, 9)) {
            return "sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,mlkem768x25519-sha256," + tail + dh;
        }
        if (atLeast(9, 0)) {
            return (debianSntrupName() ? "sntrup761x25519-sha512," : "") + "sntrup761x25519-sha512@openssh.com," + tail + dh;
        }
        if (atLeast(8, 9)) {
            return tail + "sntrup761x25519-sha512@openssh.com," + dh;
        }
        return tail + dh;
    }

    /** Debian's sntrup761x25519-sha512.patch: in 1:9.2p1-2+deb12u4 and later Debian 12 updates. */
    private boolean debianSntrupName() {
        return debian && major == 9 && minor == 2 && debianUpdate >= 4;
    }

    /** HostKeyAlgorithms, PubkeyAcceptedAlgorithms and HostbasedAcceptedAlgorithms. */
    String defaultKeyAlgorithms() {
        if (atLeast(8, 8)) {
            return "ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256-cert-v01@openssh.com,ecdsa-sha2-nistp384-cert-v01@openssh.com,"
                    + "ecdsa-sha2-nistp521-cert-v01@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,"
                    + "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com,rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256-cert-v01@openssh.com,"
                    + "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ssh-ed25519@openssh.com,"
                    + "sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256";
        }
        if (atLeast(8, 5)) {
            return "ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256-cert-v01@openssh.com,ecdsa-sha2-nistp384-cert-v01@openssh.com,"
                    + "ecdsa-sha2-nistp521-cert-v01@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,"
                    + "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com,rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256-cert-v01@openssh.com,"
                    + "ssh-rsa-cert-v01@openssh.com,ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
                    + "sk-ssh-ed25519@openssh.com,sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256,ssh-rsa";
        }
        return "ecdsa-sha2-nistp256-cert-v01@openssh.com,ecdsa-sha2-nistp384-cert-v01@openssh.com,ecdsa-sha2-nistp521-cert-v01@openssh.com,"
                + "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com,ssh-ed25519-cert-v01@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,"
                + "rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256-cert-v01@openssh.com,ssh-rsa-cert-v01@openssh.com,"
                + "ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ecdsa-sha2-nistp256@openssh.com,ssh-ed25519,"
                + "sk-ssh-ed25519@openssh.com,rsa-sha2-512,rsa-sha2-256,ssh-rsa";
    }

    String defaultCaSignatureAlgorithms() {
        if (atLeast(8, 5)) {
            return "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ssh-ed25519@openssh.com,"
                    + "sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256";
        }
        return "ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ecdsa-sha2-nistp256@openssh.com,ssh-ed25519,"
                + "sk-ssh-ed25519@openssh.com,rsa-sha2-512,rsa-sha2-256";
    }

    /** Every cipher the release knows (cipher_alg_list), in its order. */
    List<String> allCiphers() {
        return List.of("3des-cbc", "aes128-cbc", "aes192-cbc", "aes256-cbc", "aes128-ctr", "aes192-ctr", "aes256-ctr",
                "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com");
    }

    List<String> allMacs() {
        return List.of("hmac-sha1", "hmac-sha1-96", "hmac-sha2-256", "hmac-sha2-512", "hmac-md5", "hmac-md5-96",
                "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha1-etm@openssh.com", "hmac-sha1-96-etm@openssh.com",
                "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-md5-etm@openssh.com",
                "hmac-md5-96-etm@openssh.com", "umac-64-etm@openssh.com", "umac-128-etm@openssh.com");
    }

    List<String> allKex() {
        List<String> base = List.of("diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group14-sha256",
                "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group-exchange-sha1",
                "diffie-hellman-group-exchange-sha256", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
                "curve25519-sha256", "curve25519-sha256@libssh.org");
        java.util.ArrayList<String> all = new java.util.ArrayList<>(base);
        if (!atLeast(8, 5)) {
            all.add("sntrup4591761x25519-sha512@tinyssh.org");
        } else if (atLeast(9, 9)) {
            all.addAll(List.of("sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "mlkem768x25519-sha256"));
        } else {
            if (debianSntrupName()) {
                all.add("sntrup761x25519-sha512");
            }
            all.add("sntrup761x25519-sha512@openssh.com");
        }
        return List.copyOf(all);
    }

    /** Every key and signature algorithm (sshkey_alg_list with certificates and signature-only names). */
    List<String> allKeyAlgorithms() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(List.of("ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com",
                "sk-ssh-ed25519@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256",
                "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
                "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
                "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com"));
        if (atLeast(8, 4)) {
            all.add("webauthn-sk-ecdsa-sha2-nistp256@openssh.com");
        }
        if (!atLeast(9, 8)) { // 9.8 builds without DSA unless configured --enable-dsa-keys
            all.addAll(List.of("ssh-dss", "ssh-dss-cert-v01@openssh.com"));
        }
        all.addAll(List.of("ssh-rsa", "ssh-rsa-cert-v01@openssh.com", "rsa-sha2-256", "rsa-sha2-256-cert-v01@openssh.com",
                "rsa-sha2-512", "rsa-sha2-512-cert-v01@openssh.com"));
        return List.copyOf(all);
    }

    /** The plain (not certificate) key and signature algorithms: what CASignatureAlgorithms can name. */
    List<String> allSignatureAlgorithms() {
        return allKeyAlgorithms().stream().filter(a -> !a.contains("-cert-")).toList();
    }

    /** Short key type names sshkey_type_from_name accepts (they match no algorithm when a list is assembled). */
    List<String> keyShortNames() {
        return atLeast(9, 8) ? List.of("ED25519", "ED25519-SK", "ECDSA", "ECDSA-SK", "RSA")
                : List.of("ED25519", "ED25519-SK", "ECDSA", "ECDSA-SK", "DSA", "RSA");
    }

    // ---- other defaults that changed ----

    /** Before 8.7 ChallengeResponseAuthentication was an option of its own (default yes), KbdInteractive defaulting to no. */
    boolean challengeResponseIsAlias() {
        return atLeast(8, 7);
    }

    /** IPQoS: OpenSSH's af21/cs1; Debian and Ubuntu revert to lowdelay/throughput (revert-ipqos-defaults.patch). */
    String defaultIpQos() {
        return debian ? "lowdelay throughput" : "af21 cs1";
    }

    /** The GSSAPI key exchange patch (Debian, Ubuntu, Fedora, RHEL, SUSE): its default GSSAPIKexAlgorithms. */
    String defaultGssapiKex() {
        return "gss-group14-sha256-,gss-group16-sha512-,gss-nistp256-sha256-,gss-curve25519-sha256-,gss-group14-sha1-,gss-gex-sha1-";
    }
}
