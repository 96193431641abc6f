package chuan.dataset;

/**
 * Remembers whole records by a 128-bit fingerprint (two independent 64-bit hashes) to find
 * verbatim duplicates without keeping the records; a false match needs a 128-bit collision.
 */
final class RecordHashes {

    private long[] hi = new long[1 << 10];
    private long[] lo = new long[1 << 10];
    private boolean[] used = new boolean[1 << 10];
    private int size;

    private long h1;
    private long h2;
    private int fields;

    /** Starts fingerprinting a record. */
    void begin() {
        h1 = 0x9E3779B97F4A7C15L;
        h2 = 0xC2B2AE3D27D4EB4FL;
        fields = 0;
    }

    /** Adds the record's next field to the fingerprint. */
    void field(CharSequence v) {
        if (v != null) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                h1 = (h1 ^ c) * 0x100000001B3L;
                h2 = Long.rotateLeft(h2 + c * 0x9E3779B97F4A7C15L, 27) * 0x94D049BB133111EBL;
            }
        }
        h1 = (h1 ^ 0x1F) * 0x100000001B3L; // field separator
        h2 = Long.rotateLeft(h2 ^ 0x1F, 31) * 0xBF58476D1CE4E5B9L;
        fields++;
    }

    /** Adds the whole record; convenience for tests and JSON text. */
    boolean add(String[] values) {
        begin();
        for (String v : values) {
            field(v);
        }
        return end();
    }

    /** Ends the record; false when an identical record was seen before. */
    boolean end() {
        long h1 = UniqueIndex.mix(this.h1);
        long h2 = UniqueIndex.mix(this.h2 ^ fields);
        if (size * 2 >= used.length) {
            grow();
        }
        int mask = used.length - 1;
        int i = (int) h1 & mask;
        while (used[i]) {
            if (hi[i] == h1 && lo[i] == h2) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        hi[i] = h1;
        lo[i] = h2;
        size++;
        return true;
    }

    private void grow() {
        long[] oh = hi;
        long[] ol = lo;
        boolean[] ou = used;
        hi = new long[oh.length * 2];
        lo = new long[oh.length * 2];
        used = new boolean[oh.length * 2];
        int mask = used.length - 1;
        for (int k = 0; k < ou.length; k++) {
            if (ou[k]) {
                int i = (int) oh[k] & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                hi[i] = oh[k];
                lo[i] = ol[k];
            }
        }
    }
}
