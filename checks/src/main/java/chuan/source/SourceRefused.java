package chuan.source;

/** Why a source was not read: the one-line message of its processing error (exit code 3), naming what the input really is. */
public final class SourceRefused extends Exception {

    public SourceRefused(String message) {
        super(message, null, false, false);
    }
}
