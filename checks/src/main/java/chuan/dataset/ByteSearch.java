package chuan.dataset;

/**
 * Finds the next of three byte values. A plain loop on purpose: an eight-bytes-at-a-time (SWAR)
 * version
 * through a VarHandle measured slower over a whole run here, because the handle is slow until the
 * JIT has compiled its caller, and the files this reads are mostly short fields.
 */
final class ByteSearch {

    private ByteSearch() {
    }

    /** The index of the first byte in {@code b[from..to)} equal to x, y or z; {@code to} when there is none. */
    static int find(byte[] b, int from, int to, byte x, byte y, byte z) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == x || c == y || c == z) {
                return i;
            }
        }
        return to;
    }
}
