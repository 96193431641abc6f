package chuan.dataset;

/** Why a target was not opened as a dataset: the one-line message of its processing error (exit code 3). */
final class InputRefused extends Exception {

    InputRefused(String message) {
        super(message, null, false, false);
    }
}
