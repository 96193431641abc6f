package chuan.config.sshd;

import java.util.Map;

/**
 * A connection to ask the configuration about, as {@code sshd -T -C} takes it:
 * {@code user=alice,host=ws1.example.com,addr=192.0.2.7,laddr=192.0.2.1,lport=22,rdomain=...}. A
 * field left out is unknown: a Match criterion on it does not match (sshd in test mode says the
 * same, except that it stops on a Match LocalPort when lport is missing).
 */
public record SshdConnection(String user, String host, String addr, String laddr, int lport, String rdomain) {

    /** No connection at all: what {@code sshd -T} without {@code -C} uses, where only {@code Match all} applies. */
    public static final SshdConnection NONE = new SshdConnection(null, null, null, null, 0, null);

    /**
     * Reads {@code user=..,host=..,addr=..}: pairs separated by commas (an empty pair ends the list, as
     * in sshd). Throws IllegalArgumentException with a one-line reason for anything else.
     */
    public static SshdConnection parse(String spec) {
        String user = null;
        String host = null;
        String addr = null;
        String laddr = null;
        String rdomain = null;
        int lport = 0;
        for (String p : spec.split(",", -1)) {
            if (p.isEmpty()) {
                break;
            }
            if (p.startsWith("addr=")) {
                addr = p.substring(5);
            } else if (p.startsWith("host=")) {
                host = p.substring(5);
            } else if (p.startsWith("user=")) {
                user = p.substring(5);
            } else if (p.startsWith("laddr=")) {
                laddr = p.substring(6);
            } else if (p.startsWith("rdomain=")) {
                rdomain = p.substring(8);
            } else if (p.startsWith("lport=")) {
                lport = SshdValues.port(p.substring(6), Map.of());
                if (lport < 0) {
                    throw new IllegalArgumentException("invalid port '" + p.substring(6) + "' in " + p);
                }
            } else {
                throw new IllegalArgumentException("'" + p + "' is not one of user=, host=, addr=, laddr=, lport=, rdomain=");
            }
        }
        return new SshdConnection(user, host, addr, laddr, lport, rdomain);
    }
}
