package chuan.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A legacy text encoding a standards pack can recognise in a file that is not UTF-8, and read
 * when a profile declares it.
 */
public interface LegacyEncoding {

    /** The name profiles use ({@code windows-1258}, {@code TCVN3}, {@code VNI}). */
    String name();

    /** A human description for reports. */
    String description();

    /**
     * How well the bytes read as text in this encoding: the share of non-ASCII characters that
     * decode to letters of the language (0 to 1), or -1 when there is nothing to judge by.
     */
    double score(byte[] sample, int length);

    /** The file's text, decoded and normalised (NFC). */
    Reader decode(InputStream in) throws IOException;

    /** Whether {@link #decode} keeps each line's own ending (CRLF, LF, CR), so that line endings can be checked. */
    default boolean keepsLineEnds() {
        return false;
    }
}
