package chuan.config.sshd;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The addresses sshd listens on, worked out as servconf.c does once every Port and AddressFamily is
 * read: each ListenAddress without a port gets every Port; without any ListenAddress, the wildcard
 * addresses of the address family. Printed as {@code sshd -T} prints them ({@code [::]:22},
 * {@code 0.0.0.0:22}, addresses in their canonical form). Host names are not looked up.
 */
final class SshdListen {

    private SshdListen() {
    }

    /** misc.c's hpdelim and cleanhostname: {@code host:port}, {@code [v6]:port}, {@code host/port}; null when malformed. */
    static String[] hostPort(String s) {
        int end;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            end = close + 1;
        } else {
            int colon = s.indexOf(':');
            int slash = s.indexOf('/');
            end = colon < 0 ? slash : slash < 0 ? colon : Math.min(colon, slash);
            if (end < 0) {
                end = s.length();
            }
        }
        String host = s.substring(0, end);
        String port;
        if (end == s.length()) {
            port = null;
        } else if (s.charAt(end) == ':' || s.charAt(end) == '/') {
            port = s.substring(end + 1);
        } else {
            return null;
        }
        if (host.length() > 1 && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host, port};
    }

    /** misc.c's permitopen_port: {@code *}, or a port number or service; -1 when neither. */
    static int permitOpenPort(String p, Map<String, Integer> services) {
        if (p.equals("*")) {
            return 0;
        }
        int port = SshdValues.port(p, services);
        return port > 0 ? port : -1;
    }

    /**
     * The listenaddress lines sshd prints, from the queued ListenAddress values ("host port", port 0
     * for every Port), the ports and the address family; an error message instead when sshd refuses one
     * ("bad addr or host").
     */
    static Result lines(List<String> queued, List<String> ports, String family) {
        List<String> out = new ArrayList<>();
        if (queued.isEmpty()) {
            for (String p : ports) {
                // getaddrinfo(NULL, port, AI_PASSIVE) gives 0.0.0.0 then ::; sshd prints each block backwards
                List<String> block = new ArrayList<>();
                if (!family.equals("inet6")) {
                    block.add("0.0.0.0:" + p);
                }
                if (!family.equals("inet")) {
                    block.add("[::]:" + p);
                }
                java.util.Collections.reverse(block);
                out.addAll(block);
            }
            return new Result(out, null);
        }
        for (String q : queued) {
            int space = q.lastIndexOf(' ');
            String host = q.substring(0, space);
            String port = q.substring(space + 1);
            SshdAddresses.Address a = SshdAddresses.parse(host);
            List<String> targets = port.equals("0") ? ports : List.of(port);
            for (String p : targets) {
                if (a == null) {
                    out.add(host + ":" + p); // a name sshd would look up; shown as written
                    continue;
                }
                if (a.family() == 4 && family.equals("inet6") || a.family() == 6 && family.equals("inet")) {
                    return new Result(out, "bad addr or host: " + host + " (Address family for hostname not supported)");
                }
                out.add(a.family() == 4 ? ipv4(a.value()) + ":" + p : "[" + ipv6(a.value()) + "]:" + p);
            }
        }
        return new Result(out, null);
    }

    /** The lines, or why sshd would not start. */
    record Result(List<String> lines, String error) {
    }

    private static String ipv4(BigInteger v) {
        long x = v.longValue();
        return (x >> 24 & 255) + "." + (x >> 16 & 255) + "." + (x >> 8 & 255) + "." + (x & 255);
    }

    /** inet_ntop's IPv6 form: lower case, the longest run of two or more zero groups as {@code ::}, mapped IPv4 dotted. */
    static String ipv6(BigInteger v) {
        int[] w = new int[8];
        for (int i = 7; i >= 0; i--) {
            w[i] = v.intValue() & 0xffff;
            v = v.shiftRight(16);
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    b.append(':');
                }
                continue;
            }
            if (i != 0) {
                b.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff)) {
                b.append(w[6] >> 8).append('.').append(w[6] & 255).append('.').append(w[7] >> 8).append('.').append(w[7] & 255);
                break;
            }
            b.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            b.append(':');
        }
        return b.toString();
    }
}
