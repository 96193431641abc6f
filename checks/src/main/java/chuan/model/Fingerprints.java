package chuan.model;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of values and files: what a report and a baseline carry so that the same
 * finding is recognised in the next run, without letting anyone who holds the report recover a
 * masked value. A plain hash would not do: a personal ID masked to {@code 0010******45} leaves a
 * million candidates, and a hash of each is found in a second; a password hash falls to a word
 * list. HMAC-SHA-256 under a per-project secret (kept beside the baseline, never in a report) makes
 * a fingerprint useless without the secret. The secret's {@link #id} (a fingerprint of a constant,
 * not of any value) tells whether two runs used the same secret.
 */
public final class Fingerprints {

    /** Bytes of a project secret. */
    public static final int SECRET_BYTES = 32;

    private final byte[] secret;
    private final String id;
    private final ThreadLocal<Mac> macs;

    private Fingerprints(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a fingerprint secret needs at least 16 bytes");
        }
        this.secret = secret.clone();
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.id = hex(mac("chuan fingerprint key id".getBytes(StandardCharsets.UTF_8)), 8);
    }

    /** Fingerprints under a project's secret. */
    public static Fingerprints of(byte[] secret) {
        return new Fingerprints(secret);
    }

    /** Fingerprints under a secret made for this run only: safe, but they match nothing from another run. */
    public static Fingerprints ephemeral() {
        return new Fingerprints(newSecret());
    }

    /** A fresh random secret. */
    public static byte[] newSecret() {
        byte[] s = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(s);
        return s;
    }

    /** Names the secret without revealing it: equal ids, same secret. */
    public String id() {
        return id;
    }

    /** The fingerprint of a value in a field: 128 bits, hex. */
    public String key(String field, String value) {
        Mac m = macs.get();
        m.update((field == null ? "" : field).getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        return hex(m.doFinal((value == null ? "" : value).getBytes(StandardCharsets.UTF_8)), 16);
    }

    /** A new keyed digest for a file read in pieces: {@link Mac#update} the bytes, then {@link #finish}. */
    public Mac fileDigest() {
        Mac m = newMac();
        m.update("file\u0000".getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** The hex of a file digest. */
    public static String finish(Mac digest) {
        return hex(digest.doFinal(), 32);
    }

    private byte[] mac(byte[] data) {
        return macs.get().doFinal(data);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    private static String hex(byte[] b, int bytes) {
        return HexFormat.of().formatHex(b, 0, bytes);
    }
}
