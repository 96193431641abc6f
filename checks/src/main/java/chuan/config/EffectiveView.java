package chuan.config;

import java.util.List;
import java.util.function.Consumer;

/**
 * How {@code chuan effective ROOT FORMAT} shows a format's configuration: the values in force, each
 * with the file and line that set it and the values it beat, written line by line.
 */
public interface EffectiveView {

    /** What the command line must give besides the root and the format. */
    enum Needs {
        /** Nothing: without {@code --key} the whole configuration is shown. */
        NOTHING,
        /** {@code --key}: the configuration is asked one key at a time. */
        KEY,
        /** {@code --key} and {@code --file}: a file format reads the file it is given. */
        KEY_AND_FILE
    }

    Needs needs();

    /** Whether {@code --match} (the configuration one connection gets) applies. */
    default boolean answersForConnection() {
        return false;
    }

    /** What the help says after the format's name, such as {@code with --service}; empty for nothing. */
    default String helpNote() {
        return "";
    }

    /**
     * Writes the configuration asked for to {@code out}, one line per call, and returns what kept it
     * from being read faithfully (a malformed file makes the answer an input error).
     *
     * @throws EffectiveRequest.Invalid when an option's value makes no sense for this format
     */
    List<ConfigProblem> show(EffectiveRequest request, Consumer<String> out) throws EffectiveRequest.Invalid;
}
