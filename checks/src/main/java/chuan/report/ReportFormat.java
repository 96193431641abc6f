package chuan.report;

import chuan.rules.RuleCatalog;
import java.util.Locale;
import java.util.Optional;

/**
 * The report formats: the one list of them (the CLI's help, completion and error messages are
 * made from it), the listener that writes each, and what each wants of the violations.
 */
public enum ReportFormat {
    /** A summary for a terminal: the examples kept by default. */
    CONSOLE(false, false),
    JSON(true, false),
    SARIF(true, false),
    JUNIT(true, false),
    /** Every violation, streamed through a temporary file instead of kept in memory (StreamingCsvReport). */
    CSV(true, true),
    /** A summary for a pull request or a wiki page: the examples kept by default. */
    MARKDOWN(false, false),
    HTML(true, false);

    private final boolean everyViolation;
    private final boolean streams;

    ReportFormat(boolean everyViolation, boolean streams) {
        this.everyViolation = everyViolation;
        this.streams = streams;
    }

    /** Whether, with {@code --max-examples 0}, the format lists every violation (the others keep their examples). */
    public boolean wantsEveryViolation() {
        return everyViolation;
    }

    /** Whether the format takes every violation as the scan finds it ({@link AuditListener#violations}). */
    public boolean streamsEveryViolation() {
        return streams;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> fromLabel(String label) {
        for (ReportFormat f : values()) {
            if (f.label().equals(label.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The writer of a file format (the console is created by the caller, which knows the terminal). */
    public AuditListener listener(JsonReport.Sink sink, RuleCatalog catalog) {
        return switch (this) {
            case JSON -> new JsonReport(sink);
            case SARIF -> new SarifReport(sink, catalog);
            case JUNIT -> new JunitReport(sink);
            case CSV -> new CsvReport(sink);
            case MARKDOWN -> new MarkdownReport(sink);
            case HTML -> new HtmlReport(sink, catalog);
            case CONSOLE -> throw new IllegalArgumentException("the console report needs a terminal writer");
        };
    }
}
