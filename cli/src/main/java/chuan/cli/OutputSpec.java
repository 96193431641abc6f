package chuan.cli;

import java.nio.file.Path;
import java.util.Locale;

/** One {@code -f FMT[=FILE]} option: a report format and where it goes (null = standard output). */
record OutputSpec(Format format, Path file) {

    enum Format {
        CONSOLE, JSON;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static OutputSpec parse(String text) {
        int eq = text.indexOf('=');
        String name = (eq < 0 ? text : text.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        Format f;
        try {
            f = Format.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown report format '" + name + "' (available: console, json)");
        }
        if (eq >= 0 && text.substring(eq + 1).isBlank()) {
            throw new IllegalArgumentException("-f " + text + ": the file name after '=' is missing");
        }
        return new OutputSpec(f, eq < 0 ? null : Path.of(text.substring(eq + 1)));
    }
}
