package chuan.dataset;

import java.util.Arrays;

/**
 * Distinct values of one column with a count each, in primitive arrays: short all-digit values as one
 * {@code long} each (the length kept beside, so "007" and "7" differ), other values as characters in one
 * shared array; no object per value or per lookup. Up to {@code limit} values: past it, new values are
 * no longer added ({@link #full}). A frozen table counts only the values it was given and tallies the
 * rest as {@link #others}. Not thread-safe: one per validator thread, merged after.
 */
final class ValueTable {

    private final int limit;
    private boolean frozen;
    private boolean full;
    long others;
    // entries: digits (kind 0: key in numbers) or text (kind 1: chars[offset .. offset + length))
    private long[] numbers = new long[8];
    private int[] offsets = new int[8];
    private int[] lengths = new int[8];
    private long[] counts = new long[8];
    private long[] hashes = new long[8];
    private char[] chars = new char[64];
    private int used;
    private int size;
    private int[] table = new int[16]; // entry + 1; 0 empty

    ValueTable(int limit) {
        this.limit = limit;
    }

    /** After this, values not already in the table are counted as {@link #others}. */
    void freeze() {
        frozen = true;
    }

    int size() {
        return size;
    }

    /** Whether a value was refused because the table held {@code limit} values. */
    boolean full() {
        return full;
    }

    /** The 64-bit hash of a value, the same whichever thread sees it (for {@link Hll}). */
    static long hash(CharSequence v) {
        long packed = digits(v);
        if (packed != -1) {
            return UniqueIndex.mix(packed);
        }
        long h = 1125899906842597L;
        for (int i = 0; i < v.length(); i++) {
            h = 31 * h + v.charAt(i);
        }
        return UniqueIndex.mix(h ^ 0x9E3779B97F4A7C15L);
    }

    /** A value of 1 to 17 digits as one long (its digits shifted, its length beside), else -1. */
    private static long digits(CharSequence v) {
        int n = v.length();
        if (n == 0 || n > 17) {
            return -1;
        }
        long x = 0;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return (x << 5) | n;
    }

    /** Counts one occurrence of {@code v}; returns its hash. */
    long add(CharSequence v) {
        long h = hash(v);
        add(v, h, 1);
        return h;
    }

    private void add(CharSequence v, long h, long n) {
        int e = find(v, h);
        if (e >= 0) {
            counts[e] += n;
            return;
        }
        if (frozen) {
            others += n;
            return;
        }
        if (size >= limit) {
            full = true;
            others += n;
            return;
        }
        insert(v, h, n);
    }

    /** The count of a value (0 when absent). */
    long count(CharSequence v) {
        int e = find(v, hash(v));
        return e < 0 ? 0 : counts[e];
    }

    /** Adds a value with no occurrence yet (a value expected before any is read). */
    void seed(String v) {
        long h = hash(v);
        if (find(v, h) < 0) {
            insert(v, h, 0);
        }
    }

    /** Adds another thread's counts; the merged table keeps this one's limit. */
    void merge(ValueTable o) {
        for (int e = 0; e < o.size; e++) {
            add(o.text(e), o.hashes[e], o.counts[e]);
        }
        others += o.others;
        full |= o.full;
    }

    String text(int e) {
        if (offsets[e] < 0) {
            long k = numbers[e];
            int len = (int) (k & 31);
            String s = Long.toString(k >>> 5);
            return "0".repeat(len - s.length()) + s;
        }
        return new String(chars, offsets[e], lengths[e]);
    }

    long countAt(int e) {
        return counts[e];
    }

    private int find(CharSequence v, long h) {
        int mask = table.length - 1;
        int i = (int) h & mask;
        long packed = -2;
        while (true) {
            int e = table[i] - 1;
            if (e < 0) {
                return -1;
            }
            if (hashes[e] == h) {
                if (offsets[e] < 0) {
                    if (packed == -2) {
                        packed = digits(v);
                    }
                    if (numbers[e] == packed) {
                        return e;
                    }
                } else if (same(e, v)) {
                    return e;
                }
            }
            i = (i + 1) & mask;
        }
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

    private void insert(CharSequence v, long h, long n) {
        if (size == counts.length) {
            int cap = size * 2;
            numbers = Arrays.copyOf(numbers, cap);
            offsets = Arrays.copyOf(offsets, cap);
            lengths = Arrays.copyOf(lengths, cap);
            counts = Arrays.copyOf(counts, cap);
            hashes = Arrays.copyOf(hashes, cap);
        }
        long packed = digits(v);
        if (packed != -1) {
            numbers[size] = packed;
            offsets[size] = -1;
        } else {
            int len = v.length();
            if (used + len > chars.length) {
                chars = Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) chars.length * 2, (long) used + len)));
            }
            for (int k = 0; k < len; k++) {
                chars[used + k] = v.charAt(k);
            }
            offsets[size] = used;
            lengths[size] = len;
            used += len;
        }
        counts[size] = n;
        hashes[size] = h;
        size++;
        if (size * 2 > table.length) {
            rehash();
        } else {
            place(size - 1);
        }
    }

    private void place(int e) {
        int mask = table.length - 1;
        int i = (int) hashes[e] & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = e + 1;
    }

    private void rehash() {
        table = new int[table.length * 2];
        for (int e = 0; e < size; e++) {
            place(e);
        }
    }
}
