package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Target;
import chuan.model.Violation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The terminal report: per target, its processing errors, failing results first with a few
 * examples each, waived ones with their waiver, then the passing ones in one line; at the end the
 * errors not shown under a target (configuration errors, a folder that could not be listed), a
 * summary table and the gate decision. Colour only when asked (the CLI asks on a terminal). Fits
 * 80 columns, but for configuration findings and errors, which are printed whole: a cut would lose
 * the file and line to go to.
 */
public final class ConsoleReport implements AuditListener {

    private static final int WIDTH = 80;
    private static final int EXAMPLES_SHOWN = 3;
    private static final Comparator<Result> WORST_FIRST = Comparator
            .comparing((Result r) -> r.status().ordinal())
            .thenComparing(r -> -r.severity().ordinal());

    private final PrintWriter out;
    private final boolean color;
    private final boolean listErrors;
    /** The errors already shown under their target. */
    private final List<AuditError> shown = new ArrayList<>();

    public ConsoleReport(PrintWriter out, boolean color) {
        this(out, color, true);
    }

    /**
     * {@code listErrors} false: the errors not shown under a target are left out, for a terminal
     * where the command prints every error on standard error already (a scan's own console).
     */
    public ConsoleReport(PrintWriter out, boolean color, boolean listErrors) {
        this.out = out;
        this.color = color;
        this.listErrors = listErrors;
    }

    @Override
    public void auditStarted(List<String> inputs) {
        shown.clear();
    }

    @Override
    public void targetFinished(Target target, List<Result> results, List<AuditError> errors) {
        out.println(bold(Inert.text(target.path())) + "  " + paint(target.status()));
        out.println("  " + Inert.text(target.format() + ", " + target.extent() + ", profile "
                + String.join(", ", target.profiles())));
        for (AuditError e : errors) {
            out.println("  " + red("ERROR") + " " + Inert.text(e.oneLine()));
        }
        shown.addAll(errors);
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(WORST_FIRST);
        int passed = 0;
        int na = 0;
        int unfinished = 0;
        for (Result r : sorted) {
            switch (r.status()) {
                case PASS -> passed++;
                case NOT_APPLICABLE -> na++;
                case WAIVED -> printWaived(r);
                case ERROR -> {
                    if (r.violations() == 0) {
                        unfinished++; // one line for all of them: the error above says why
                    } else {
                        printResult(r);
                    }
                }
                default -> printResult(r);
            }
        }
        if (unfinished > 0) {
            out.println("  " + red("ERROR") + " " + unfinished + " checks could not be completed: the file was not read to the end");
        }
        out.println("  " + green(passed + " passed") + (na > 0 ? ", " + na + " not applicable" : ""));
        out.println();
        out.flush();
    }

    private void printResult(Result r) {
        String head = String.format("  %s %-8s %s", paint(r.status()), r.severity().label(), Inert.text(r.rule()));
        String what = Inert.text((r.field() != null ? r.field() + ": " : "") + r.title());
        out.println(head + " " + fit(what, WIDTH - visible(head) - 1));
        String detail;
        if (r.message() != null) {
            detail = r.message();
        } else {
            detail = r.violations() + (r.checked() > 0 ? " of " + r.checked() : "") + " violating";
        }
        if (r.newViolations() != null) {
            detail += r.newViolations() == 0 ? ", all in the baseline" : ", " + r.newViolations() + " new";
        }
        // a configuration finding is read whole: its place, value and what was not in force; the
        // result's one-line summary would only repeat it
        boolean config = !r.examples().isEmpty() && r.examples().stream().allMatch(v -> v.file() != null);
        if (!config || r.violations() > r.examples().size()) {
            out.println("      " + fit(Inert.text(detail), WIDTH - 6));
        }
        int shown = 0;
        for (Violation v : r.examples()) {
            if (shown++ == EXAMPLES_SHOWN) {
                break;
            }
            String text = Inert.text(example(v, r.field() == null));
            out.println("      " + (v.file() != null ? text : fit(text, WIDTH - 6)));
        }
        if (r.violations() > shown && shown > 0 && r.violations() > EXAMPLES_SHOWN) {
            out.println("      ... " + (r.violations() - EXAMPLES_SHOWN) + " more");
        }
    }

    private void printWaived(Result r) {
        String head = String.format("  %s %-8s %s", paint(r.status()), r.severity().label(), Inert.text(r.rule()));
        out.println(head + " " + fit(Inert.text((r.field() != null ? r.field() + ": " : "") + r.violations() + " waived"),
                WIDTH - visible(head) - 1));
        out.println("      " + fit(Inert.text(WaiverText.of(r.waiver())), WIDTH - 6));
    }

    private static String example(Violation v, boolean showField) {
        if (v.file() != null && v.row() == null) {
            // a configuration finding's message already holds the key, the value and what was expected
            return v.file() + (v.line() != null ? ":" + v.line() : "") + ": " + (v.message() == null ? "" : v.message());
        }
        StringBuilder sb = new StringBuilder();
        if (v.row() != null) {
            sb.append("row ").append(v.row());
        }
        if (v.place() != null) {
            // a workbook's cell or a table's row, named as its program names it: row and column are in it
            sb.append(sb.length() > 0 ? " " : "").append(Inert.text(v.place()));
        } else {
            if (v.file() != null) {
                sb.append(sb.length() > 0 ? " " : "").append(v.file()).append(v.line() != null ? ":" + v.line() : "");
            } else if (v.line() != null) {
                sb.append(sb.length() > 0 ? " " : "").append("line ").append(v.line());
            }
            if (v.column() != null) {
                sb.append(" col ").append(v.column());
            }
        }
        if (v.field() != null && showField) {
            sb.append(sb.length() > 0 ? " " : "").append(v.row() == null && v.column() == null ? "field " : "").append(v.field());
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        if (v.value() != null && !v.value().isEmpty()) {
            sb.append('"').append(fit(Inert.text(v.value()), 30)).append("\" ");
        }
        sb.append(v.message() == null ? "" : v.message());
        if (v.expected() != null && v.value() != null) {
            sb.append("; expected ").append(v.expected());
        }
        return sb.toString();
    }

    @Override
    public void auditFinished(AuditReport report) {
        List<AuditError> unshown = new ArrayList<>(listErrors ? report.errors() : List.of());
        shown.forEach(unshown::remove);
        printErrors("Could not be audited", unshown.stream().filter(e -> e.kind() == AuditError.Kind.PROCESSING).toList());
        printErrors("Configuration errors", unshown.stream().filter(e -> e.kind() == AuditError.Kind.CONFIGURATION).toList());
        if (report.targets().isEmpty() && report.summary().exitCode() == 2) {
            out.flush();
            return; // nothing was audited: the configuration errors above say why
        }
        Map<String, Long> st = report.summary().byStatus();
        out.println(bold("Summary") + ": " + report.targets().size() + " target(s), " + report.results().size() + " results");
        out.println(String.format("  %-6s %-6s %-6s %-6s %-6s %-6s %s", "fail", "warn", "error", "waived", "pass", "n/a", "errors"));
        out.println(String.format("  %-6d %-6d %-6d %-6d %-6d %-6d %d", st.get("fail"), st.get("warn"), st.get("error"),
                st.get("waived"), st.get("pass"), st.get("not-applicable"), report.errors().size()));
        StringBuilder sev = new StringBuilder("  failing by severity:");
        report.summary().bySeverity().forEach((k, v) -> sev.append(' ').append(k).append(' ').append(v));
        out.println(sev);
        if (report.summary().baseline() != null) {
            var b = report.summary().baseline();
            out.println("  baseline " + Inert.text(b.file()) + ": " + b.newViolations() + " new, " + b.unchanged() + " unchanged, "
                    + b.fixed() + " fixed");
        }
        String gate = report.summary().gate() == chuan.model.GateDecision.FAILED ? red("FAILED") : green("PASSED");
        out.println(bold("Gate") + ": " + gate + " (--fail-on " + report.summary().failOn() + "), exit code "
                + report.summary().exitCode() + ": " + reason(report));
        out.flush();
    }

    private void printErrors(String heading, List<AuditError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        out.println(bold(heading));
        for (AuditError e : errors) {
            out.println("  " + red("ERROR") + " " + Inert.text(e.oneLine()));
        }
        out.println();
    }

    private static String reason(AuditReport report) {
        long failing = report.results().stream()
                .filter(r -> r.failsAt(chuan.model.Severity.parse(report.summary().failOn()).orElse(null)))
                .count();
        return switch (report.summary().exitCode()) {
            case 0 -> "no failing result at or above " + report.summary().failOn();
            case 1 -> failing + " failing result(s) at or above " + report.summary().failOn();
            case 2 -> "configuration error";
            case 3 -> report.errors().size() + " input problem(s): not everything could be audited";
            default -> "internal error";
        };
    }

    private String paint(Status s) {
        String label = String.format("%-5s", s == Status.NOT_APPLICABLE ? "N/A" : s.label().toUpperCase(java.util.Locale.ROOT));
        return switch (s) {
            case FAIL, ERROR -> red(label);
            case WARN, WAIVED -> yellow(label);
            case PASS -> green(label);
            default -> label;
        };
    }

    private String red(String s) {
        return ansi("31;1", s);
    }

    private String yellow(String s) {
        return ansi("33;1", s);
    }

    private String green(String s) {
        return ansi("32", s);
    }

    private String bold(String s) {
        return ansi("1", s);
    }

    private String ansi(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    private static int visible(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    static String fit(String s, int width) {
        if (width < 4 || s.codePointCount(0, s.length()) <= width) {
            return s;
        }
        int end = s.offsetByCodePoints(0, width - 1);
        return s.substring(0, end) + "…";
    }
}
