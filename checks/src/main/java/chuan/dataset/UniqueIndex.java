package chuan.dataset;

import java.util.Arrays;

/**
 * The set of values seen so far in a unique column, held in primitive arrays: short all-digit
 * values (identifiers, codes) are stored as one {@code long} each, everything else as its
 * characters in one shared array. Exact, never a hash-only approximation. Not thread-safe: it
 * is only touched by the in-order stage of a scan.
 */
public final class UniqueIndex {

    private final LongSet numbers = new LongSet();
    private final TextSet texts = new TextSet();

    /** Makes room for about this many values up front (capped), so the sets need not grow step by step. */
    public void expect(long values) {
        numbers.reserve((int) Math.min(values, 1L << 26));
    }

    /** Adds the value; false when it was already present. */
    public boolean add(CharSequence v) {
        int n = v.length();
        if (n <= 17 && n > 0) {
            long x = 0;
            int i = 0;
            for (; i < n; i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                x = x * 10 + (c - '0');
            }
            if (i == n) {
                return numbers.add((x << 5) | n); // the length keeps "007" and "7" apart
            }
        }
        return texts.add(v);
    }

    /** Open-addressing set of longs; 0 is stored out of band. */
    static final class LongSet {
        private long[] table = new long[16];  // small: a scan of a wide file has one set per unique column
        private int size;
        private boolean hasZero;

        void reserve(int values) {
            int want = Integer.highestOneBit(Math.max(16, values * 2 + 1)) << 1;
            if (size == 0 && table.length < want) {
                table = new long[want]; // empty: no step-by-step doubling, which holds two tables at once
            }
            while (table.length < want) {
                grow();
            }
        }

        boolean add(long key) {
            if (key == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (size * 2 >= table.length) {
                grow();
            }
            int mask = table.length - 1;
            int i = (int) mix(key) & mask;
            while (true) {
                long k = table[i];
                if (k == 0) {
                    table[i] = key;
                    size++;
                    return true;
                }
                if (k == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length - 1;
            for (long k : old) {
                if (k != 0) {
                    int i = (int) mix(k) & mask;
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = k;
                }
            }
        }
    }

    /** Open-addressing set of strings stored as characters in one array. */
    static final class TextSet {
        private char[] chars = new char[64];
        private int used;
        private int[] offsets = new int[8];      // entry i: chars[offsets[i] .. offsets[i] + lengths[i])
        private int[] lengths = new int[8];
        private int[] table = new int[16];       // entry index + 1, 0 = empty
        private int[] hashes = new int[8];
        private int size;

        boolean add(CharSequence v) {
            if (size * 2 >= table.length) {
                rehash();
            }
            int h = (int) mix(hash(v));
            int mask = table.length - 1;
            int i = h & mask;
            while (true) {
                int e = table[i];
                if (e == 0) {
                    store(v, h);
                    table[i] = size;
                    return true;
                }
                if (hashes[e - 1] == h && same(e - 1, v)) {
                    return false;
                }
                i = (i + 1) & mask;
            }
        }

        private static int hash(CharSequence v) {
            int h = 0;
            for (int i = 0; i < v.length(); i++) {
                h = 31 * h + v.charAt(i);
            }
            return h;
        }

        private boolean same(int e, CharSequence v) {
            int len = lengths[e];
            if (len != v.length()) {
                return false;
            }
            int off = offsets[e];
            for (int k = 0; k < len; k++) {
                if (chars[off + k] != v.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private void store(CharSequence v, int h) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            int len = v.length();
            if (used + len > chars.length) {
                long want = Math.max((long) chars.length * 2, (long) used + len);
                chars = Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 8, want));
            }
            for (int k = 0; k < len; k++) {
                chars[used + k] = v.charAt(k);
            }
            offsets[size] = used;
            lengths[size] = len;
            hashes[size] = h;
            used += len;
            size++;
        }

        private void rehash() {
            table = new int[table.length * 2];
            int mask = table.length - 1;
            for (int e = 0; e < size; e++) {
                int i = hashes[e] & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = e + 1;
            }
        }
    }

    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
