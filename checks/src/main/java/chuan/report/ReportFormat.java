package chuan.report;

import chuan.rules.RuleCatalog;
import java.util.Locale;
import java.util.Optional;

/** The report formats, and the listener that writes each one. */
public enum ReportFormat {
    CONSOLE, JSON, SARIF, JUNIT, CSV, MARKDOWN, HTML;

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
