package chuan.config.sshd;

import java.math.BigInteger;

/**
 * Address lists as addrmatch.c reads them ({@code Match Address}, {@code AllowUsers user@net}):
 * entries are CIDR networks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, a bare address) or, when an
 * entry is not an address, a wildcard pattern over the address text; {@code !} negates and wins. A
 * network with host bits set ({@code 10.0.0.1/8}) or a mask too long is an error that stops sshd.
 * Addresses are parsed here, never looked up: a host name is not an address.
 */
final class SshdAddresses {

    /** An address: its family (4 or 6) and value. */
    record Address(int family, BigInteger value) {
        int bits() {
            return family == 4 ? 32 : 128;
        }
    }

    /** A parsed CIDR entry, or the reason it is not one. */
    private record Network(Address address, int masklen, boolean invalid) {
    }

    private SshdAddresses() {
    }

    /**
     * addr_match_list: 1 when the address is in a positive entry, -1 when in a negated one, 0 when in
     * none, -2 when the list is malformed. A null address only checks the list (sshd does so at start).
     */
    static int matchList(String addr, String list) {
        Address a = addr == null ? null : parse(addr);
        if (addr != null && a == null) {
            return 0;
        }
        int ret = 0;
        for (String entry : list.split(",", -1)) {
            boolean neg = entry.startsWith("!");
            String cp = neg ? entry.substring(1) : entry;
            if (cp.isEmpty()) {
                return -2;
            }
            Network net = cidr(cp);
            boolean found;
            if (net != null && net.invalid()) {
                return -2;
            } else if (net != null) {
                found = a != null && inNetwork(a, net);
            } else {
                found = addr != null && SshdPatterns.matches(addr, cp);
            }
            if (found) {
                if (neg) {
                    return -1;
                }
                ret = 1;
            }
        }
        return ret;
    }

    /** addr_pton_cidr: null when not an address at all (a pattern), invalid when the mask is wrong. */
    private static Network cidr(String s) {
        if (s.length() >= 64) {
            return null;
        }
        String host = s;
        int masklen = -1;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            host = s.substring(0, slash);
            String m = s.substring(slash + 1);
            if (m.isEmpty() || m.charAt(0) < '0' || m.charAt(0) > '9' || !m.chars().allMatch(Character::isDigit)) {
                return null;
            }
            try {
                masklen = Integer.parseInt(m.length() > 4 ? "999" : m);
            } catch (NumberFormatException e) {
                return null;
            }
            if (masklen > 128) {
                return null;
            }
        }
        Address a = parse(host);
        if (a == null) {
            return null;
        }
        if (masklen < 0) {
            masklen = a.bits();
        }
        if (masklen > a.bits()) {
            return new Network(a, masklen, true);
        }
        BigInteger hostBits = BigInteger.ONE.shiftLeft(a.bits() - masklen).subtract(BigInteger.ONE);
        if (!a.value().and(hostBits).equals(BigInteger.ZERO)) {
            return new Network(a, masklen, true);
        }
        return new Network(a, masklen, false);
    }

    private static boolean inNetwork(Address a, Network net) {
        if (a.family() != net.address().family()) {
            return false;
        }
        int shift = a.bits() - net.masklen();
        return a.value().shiftRight(shift).equals(net.address().value().shiftRight(shift));
    }

    /** A numeric address as getaddrinfo(AI_NUMERICHOST) reads it: IPv4 in inet_aton's forms, IPv6 with an optional %scope. */
    static Address parse(String s) {
        if (s.indexOf(':') >= 0) {
            return ipv6(s);
        }
        return ipv4(s);
    }

    private static Address ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long n = cNumber(parts[i]);
            if (n == null) {
                return null;
            }
            v[i] = n;
        }
        long value;
        switch (parts.length) {
            case 1 -> value = v[0];
            case 2 -> {
                if (v[0] > 255 || v[1] > 0xffffffL) {
                    return null;
                }
                value = v[0] << 24 | v[1];
            }
            case 3 -> {
                if (v[0] > 255 || v[1] > 255 || v[2] > 0xffffL) {
                    return null;
                }
                value = v[0] << 24 | v[1] << 16 | v[2];
            }
            default -> {
                for (long x : v) {
                    if (x > 255) {
                        return null;
                    }
                }
                value = v[0] << 24 | v[1] << 16 | v[2] << 8 | v[3];
            }
        }
        if (value > 0xffffffffL) {
            return null;
        }
        return new Address(4, BigInteger.valueOf(value));
    }

    /** One inet_aton part: decimal, 0x hex or 0 octal; null when not a number. */
    private static Long cNumber(String p) {
        if (p.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = p;
        if (p.startsWith("0x") || p.startsWith("0X")) {
            radix = 16;
            digits = p.substring(2);
            if (digits.isEmpty()) {
                return 0L;
            }
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            digits = p.substring(1);
        }
        if (digits.length() > 12) {
            return null;
        }
        for (char c : digits.toCharArray()) {
            if (Character.digit(c, radix) < 0) {
                return null;
            }
        }
        return Long.parseLong(digits, radix);
    }

    private static Address ipv6(String s) {
        int pct = s.indexOf('%');
        if (pct >= 0) {
            if (pct == s.length() - 1) {
                return null;
            }
            s = s.substring(0, pct);
        }
        int[] words = new int[8];
        String head = s;
        String tail = null;
        int dbl = s.indexOf("::");
        if (dbl >= 0) {
            if (s.indexOf("::", dbl + 1) >= 0) {
                return null;
            }
            head = s.substring(0, dbl);
            tail = s.substring(dbl + 2);
        }
        int[] h = groups(head, tail == null);
        if (h == null) {
            return null;
        }
        int[] t = tail == null ? new int[0] : groups(tail, true);
        if (t == null) {
            return null;
        }
        if (tail == null ? h.length != 8 : h.length + t.length > 7) {
            return null;
        }
        System.arraycopy(h, 0, words, 0, h.length);
        System.arraycopy(t, 0, words, 8 - t.length, t.length);
        BigInteger v = BigInteger.ZERO;
        for (int w : words) {
            v = v.shiftLeft(16).or(BigInteger.valueOf(w));
        }
        return new Address(6, v);
    }

    /** Colon-separated 16-bit groups; the last may be a dotted IPv4 address (two groups) when allowed. */
    private static int[] groups(String s, boolean ipv4Last) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (ipv4Last && i == parts.length - 1 && p.indexOf('.') >= 0) {
                String[] q = p.split("\\.", -1);
                if (q.length != 4) {
                    return null;
                }
                int[] b = new int[4];
                for (int k = 0; k < 4; k++) {
                    if (q[k].isEmpty() || q[k].length() > 3 || !q[k].chars().allMatch(Character::isDigit)) {
                        return null;
                    }
                    b[k] = Integer.parseInt(q[k]);
                    if (b[k] > 255) {
                        return null;
                    }
                }
                out.add(b[0] << 8 | b[1]);
                out.add(b[2] << 8 | b[3]);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int w = 0;
            for (char c : p.toCharArray()) {
                int d = Character.digit(c, 16);
                if (d < 0) {
                    return null;
                }
                w = w << 4 | d;
            }
            out.add(w);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
