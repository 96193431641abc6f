package chuan.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options more than one command takes, declared once. Each command words the description for
 * itself: its resource bundle holds the text under the option's description key.
 */
final class SharedOptions {

    private SharedOptions() {
    }

    /** {@code --assume-version PROGRAM=VERSION}: the compiled-in defaults of this version, not the installed one. */
    static final class AssumedVersions {
        @Option(names = "--assume-version", paramLabel = "PROGRAM=VERSION", split = ",", descriptionKey = "chuan.assume-version")
        Map<String, String> versions = new LinkedHashMap<>();
    }

    /** {@code --reveal-personal-data}: personal values and secrets unmasked (the library masks them otherwise). */
    static final class Reveal {
        @Option(names = "--reveal-personal-data", descriptionKey = "chuan.reveal")
        boolean reveal;
    }

    /** {@code --no-color}. */
    static final class NoColor {
        @Option(names = "--no-color", descriptionKey = "chuan.no-color")
        boolean noColor;
    }
}
