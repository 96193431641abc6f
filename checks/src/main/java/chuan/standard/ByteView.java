package chuan.standard;

/**
 * A value whose UTF-8 bytes can be read in place (a CSV cell straight from the file), so that a
 * type can check plain text without decoding it. The bytes are valid UTF-8.
 */
public interface ByteView {

    /** Whether {@link #bytes()} holds the value; false for values that only exist as text. */
    boolean hasBytes();

    byte[] bytes();

    int byteOffset();

    int byteLength();
}
