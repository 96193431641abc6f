package chuan.dataset;

import java.util.Arrays;

/**
 * A set of keys (one value or several: a composite key), each with the row it was first seen at, held in
 * primitive arrays. A key of short all-digit parts (codes, identifiers: up to 18 digits in all, about) is
 * packed into one {@code long}: per part its length in 5 bits and its digits as a binary number of the width
 * that length needs, after a leading 1 bit; any other key is kept as its characters (each part's length, then
 * the part) in one shared array. Exact, never a hash-only approximation. The first row is kept in a parallel
 * {@code int} array (unsigned: rows up to 4,294,967,295; later rows are kept as unknown).
 * Memory: a packed key costs 12 bytes per slot with its first row, 8 without, in a table between 3/8 and 3/4
 * full (16 to 32 bytes per key with first rows, 11 to 21 without); a key kept as text, its characters (2 bytes
 * each) and about 24 bytes.
 * Not thread-safe for writing; once built, {@link #contains} may be called from several threads.
 */
public final class KeyIndex {

    /** Bits needed for the digits of a part of each length (10^L - 1), 0 when a part that long cannot be packed. */
    private static final int[] WIDTH = new int[19];

    static {
        long max = 9;
        for (int len = 1; len <= 18; len++) {
            WIDTH[len] = 64 - Long.numberOfLeadingZeros(max);
            max = max * 10 + 9;
        }
    }

    /** A key being built, reused record after record: no allocation while it packs. */
    public static final class Key {
        private long packed = 1;
        private boolean text;
        private char[] chars = new char[64];
        private int length;
        private final StringBuilder parts = new StringBuilder();

        /** Starts a new key. */
        public Key begin() {
            packed = 1;
            text = false;
            length = 0;
            return this;
        }

        /** Appends one part of the key. */
        public Key part(CharSequence v) {
            int n = v.length();
            if (!text) {
                long digits = 0;
                boolean ok = n > 0 && n <= 18;
                for (int i = 0; ok && i < n; i++) {
                    char c = v.charAt(i);
                    ok = c >= '0' && c <= '9';
                    digits = digits * 10 + (c - '0');
                }
                int bits = ok ? 5 + WIDTH[n] : 64;
                if (ok && 64 - Long.numberOfLeadingZeros(packed) + bits <= 63) {
                    packed = (((packed << 5) | n) << WIDTH[n]) | digits;
                    appendText(v, n); // kept too: a later part may not pack
                    return this;
                }
                text = true;
            }
            appendText(v, n);
            return this;
        }

        private void appendText(CharSequence v, int n) {
            if (length + n + 2 > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n + 2));
            }
            chars[length++] = (char) (n >>> 16);
            chars[length++] = (char) n;
            for (int i = 0; i < n; i++) {
                chars[length++] = v.charAt(i);
            }
        }

        boolean packed() {
            return !text;
        }
    }

    private final boolean keepRows;
    // packed keys: open addressing, 0 = empty
    private long[] longs = new long[16];
    private int[] longRows;
    private int longCount;
    // keys kept as text
    private char[] chars = new char[64];
    private long used;
    private long[] offsets = new long[8];
    private int[] lengths = new int[8];
    private int[] hashes = new int[8];
    private int[] textRows;
    private int[] table = new int[16];       // entry index + 1, 0 = empty
    private int textCount;

    /** {@code keepRows}: remember where each key was first seen (a primary key's message); a reference set does not. */
    public KeyIndex(boolean keepRows) {
        this.keepRows = keepRows;
        longRows = keepRows ? new int[16] : null;
        textRows = keepRows ? new int[8] : null;
    }

    /** Makes room for about this many packed keys up front (capped), sparing rehashes. */
    public void expect(long keys) {
        int want = capacityFor((int) Math.min(keys, 1L << 28));
        if (want > longs.length) {
            resizeLongs(want);
        }
    }

    private static int capacityFor(int keys) {
        long need = (long) keys * 4 / 3 + 1;
        int cap = 16;
        while (cap < need && cap < (1 << 30)) {
            cap <<= 1;
        }
        return cap;
    }

    /** The number of distinct keys. */
    public long size() {
        return longCount + textCount;
    }

    /** The bytes its arrays hold (for measurement). */
    public long bytes() {
        long b = (long) longs.length * 8 + (longRows == null ? 0 : (long) longRows.length * 4);
        b += (long) chars.length * 2 + (long) offsets.length * 8 + (long) lengths.length * 4 + (long) hashes.length * 4
                + (long) table.length * 4 + (textRows == null ? 0 : (long) textRows.length * 4);
        return b;
    }

    /**
     * Adds the key seen at {@code row}: 0 when it is new, else the row it was first seen at (-1 when that row is
     * not known: not kept, or beyond the unsigned int range).
     */
    public long add(Key k, long row) {
        int r = row > 0 && row <= 0xFFFF_FFFFL ? (int) row : 0;
        if (k.packed()) {
            long key = k.packed;
            if ((longCount + 1) * 4L > longs.length * 3L) {
                resizeLongs(longs.length * 2);
            }
            int mask = longs.length - 1;
            int i = (int) UniqueIndex.mix(key) & mask;
            while (true) {
                long e = longs[i];
                if (e == 0) {
                    longs[i] = key;
                    if (keepRows) {
                        longRows[i] = r;
                    }
                    longCount++;
                    return 0;
                }
                if (e == key) {
                    return keepRows ? firstRow(longRows[i]) : -1;
                }
                i = (i + 1) & mask;
            }
        }
        if ((textCount + 1) * 4L > table.length * 3L) {
            rehashText();
        }
        int h = hash(k.chars, k.length);
        int mask = table.length - 1;
        int i = h & mask;
        while (true) {
            int e = table[i];
            if (e == 0) {
                store(k, h, r);
                table[i] = textCount;
                return 0;
            }
            if (hashes[e - 1] == h && same(e - 1, k)) {
                return keepRows ? firstRow(textRows[e - 1]) : -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Whether the key is in the set. */
    public boolean contains(Key k) {
        if (k.packed()) {
            long key = k.packed;
            int mask = longs.length - 1;
            int i = (int) UniqueIndex.mix(key) & mask;
            while (true) {
                long e = longs[i];
                if (e == 0) {
                    return false;
                }
                if (e == key) {
                    return true;
                }
                i = (i + 1) & mask;
            }
        }
        int h = hash(k.chars, k.length);
        int mask = table.length - 1;
        int i = h & mask;
        while (true) {
            int e = table[i];
            if (e == 0) {
                return false;
            }
            if (hashes[e - 1] == h && same(e - 1, k)) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private static long firstRow(int r) {
        return r == 0 ? -1 : Integer.toUnsignedLong(r);
    }

    private void resizeLongs(int capacity) {
        long[] old = longs;
        int[] oldRows = longRows;
        longs = new long[capacity];
        longRows = keepRows ? new int[capacity] : null;
        int mask = capacity - 1;
        for (int j = 0; j < old.length; j++) {
            long k = old[j];
            if (k != 0) {
                int i = (int) UniqueIndex.mix(k) & mask;
                while (longs[i] != 0) {
                    i = (i + 1) & mask;
                }
                longs[i] = k;
                if (keepRows) {
                    longRows[i] = oldRows[j];
                }
            }
        }
    }

    private static int hash(char[] c, int n) {
        long h = 0;
        for (int i = 0; i < n; i++) {
            h = 31 * h + c[i];
        }
        return (int) UniqueIndex.mix(h);
    }

    private boolean same(int e, Key k) {
        int len = lengths[e];
        if (len != k.length) {
            return false;
        }
        long off = offsets[e];
        for (int j = 0; j < len; j++) {
            if (chars[(int) (off + j)] != k.chars[j]) {
                return false;
            }
        }
        return true;
    }

    private void store(Key k, int h, int row) {
        if (textCount == offsets.length) {
            int n = textCount * 2;
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            hashes = Arrays.copyOf(hashes, n);
            if (keepRows) {
                textRows = Arrays.copyOf(textRows, n);
            }
        }
        int len = k.length;
        if (used + len > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("key set too large: more than 2 GB of key text");
        }
        if (used + len > chars.length) {
            long want = Math.max((long) chars.length * 2, used + len);
            chars = Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 8, want));
        }
        System.arraycopy(k.chars, 0, chars, (int) used, len);
        offsets[textCount] = used;
        lengths[textCount] = len;
        hashes[textCount] = h;
        if (keepRows) {
            textRows[textCount] = row;
        }
        used += len;
        textCount++;
    }

    private void rehashText() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int e = 0; e < textCount; e++) {
            int i = hashes[e] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = e + 1;
        }
    }
}
