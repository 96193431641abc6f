package chuan.cli;

import chuan.report.ReportFormat;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One {@code -f FMT[=FILE]} option: a report format and where it goes (null = standard output),
 * with the option as written, to name it in messages.
 */
record OutputSpec(ReportFormat format, Path file, String option) {

    static OutputSpec parse(String text) {
        int eq = text.indexOf('=');
        String name = (eq < 0 ? text : text.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        ReportFormat f = ReportFormat.fromLabel(name).orElseThrow(() -> new IllegalArgumentException("unknown report format '"
                + name + "' (available: " + String.join(", ", java.util.Arrays.stream(ReportFormat.values())
                        .map(ReportFormat::label).toList()) + ")"));
        if (eq >= 0 && text.substring(eq + 1).isBlank()) {
            throw new IllegalArgumentException("-f " + text + ": the file name after '=' is missing");
        }
        return new OutputSpec(f, eq < 0 ? null : Path.of(text.substring(eq + 1)), "-f " + text);
    }

    /** The file this option writes, for the checks of {@link Outputs}; null for standard output. */
    Outputs.OutputFile output() {
        return file == null ? null : new Outputs.OutputFile(option, file);
    }
}
