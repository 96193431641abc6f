package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact summary for CI step summaries ({@code $GITHUB_STEP_SUMMARY}) and merge-request
 * comments: the gate, the counts, the failing rules with how many targets and violations (not
 * each example: that is what the other formats are for), the waived results with their waivers,
 * the inputs that could not be audited and the configuration errors. No links, no personal
 * values; text from the inputs is escaped ({@link Inert#markdown}) so it cannot make links, HTML
 * or table columns.
 */
public final class MarkdownReport implements AuditListener {

    private static final int TOP = 20;

    private final JsonReport.Sink sink;

    public MarkdownReport(JsonReport.Sink sink) {
        this.sink = sink;
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        StringBuilder md = new StringBuilder();
        boolean passed = report.summary().gate() == chuan.model.GateDecision.PASSED;
        md.append("## chuan audit: ").append(passed ? "passed" : "FAILED").append("\n\n");
        md.append("Gate `--fail-on ").append(report.summary().failOn()).append("`, exit code ")
                .append(report.summary().exitCode()).append("; ").append(report.targets().size()).append(" target(s), as of ")
                .append(report.asOf()).append(".\n\n");
        md.append("| fail | warn | error | waived | pass | n/a |\n|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Long> st = report.summary().byStatus();
        md.append("| ").append(st.get("fail")).append(" | ").append(st.get("warn")).append(" | ").append(st.get("error"))
                .append(" | ").append(st.get("waived")).append(" | ").append(st.get("pass")).append(" | ")
                .append(st.get("not-applicable")).append(" |\n\n");
        Map<String, long[]> byRule = new LinkedHashMap<>();   // rule -> {targets, violations, severity ordinal}
        Map<String, String> titles = new LinkedHashMap<>();
        for (Result r : report.results()) {
            if (r.status() == Status.FAIL) {
                long[] a = byRule.computeIfAbsent(r.rule(), k -> new long[3]);
                a[0]++;
                a[1] += r.violations();
                a[2] = Math.max(a[2], r.severity().ordinal());
                titles.put(r.rule(), r.title());
            }
        }
        if (!byRule.isEmpty()) {
            md.append("### Failing rules\n\n| rule | severity | title | results | violations |\n|---|---|---|---:|---:|\n");
            List<Map.Entry<String, long[]>> top = byRule.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, long[]> e) -> -e.getValue()[2])
                            .thenComparing(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey))
                    .limit(TOP).toList();
            for (Map.Entry<String, long[]> e : top) {
                md.append("| ").append(Inert.markdown(e.getKey())).append(" | ")
                        .append(chuan.model.Severity.values()[(int) e.getValue()[2]].label()).append(" | ")
                        .append(Inert.markdown(titles.get(e.getKey()))).append(" | ").append(e.getValue()[0]).append(" | ")
                        .append(e.getValue()[1]).append(" |\n");
            }
            if (byRule.size() > TOP) {
                md.append("\n... and ").append(byRule.size() - TOP).append(" more rules.\n");
            }
            md.append('\n');
        }
        List<Result> waived = report.results().stream().filter(r -> r.status() == Status.WAIVED).toList();
        if (!waived.isEmpty()) {
            md.append("### Waived\n\n| rule | target | field | violations | waiver |\n|---|---|---|---:|---|\n");
            for (Result r : waived) {
                md.append("| ").append(Inert.markdown(r.rule())).append(" | ").append(Inert.markdown(r.target())).append(" | ")
                        .append(r.field() == null ? "" : Inert.markdown(r.field())).append(" | ").append(r.violations())
                        .append(" | ").append(Inert.markdown(WaiverText.of(r.waiver()))).append(" |\n");
            }
            md.append('\n');
        }
        errors(md, "Could not be audited", report, AuditError.Kind.PROCESSING);
        errors(md, "Configuration errors", report, AuditError.Kind.CONFIGURATION);
        try (OutputStream out = sink.open()) {
            out.write(md.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void errors(StringBuilder md, String heading, AuditReport report, AuditError.Kind kind) {
        List<AuditError> errors = report.errors().stream().filter(e -> e.kind() == kind).toList();
        if (errors.isEmpty()) {
            return;
        }
        md.append("### ").append(heading).append("\n\n");
        for (AuditError e : errors) {
            md.append("- ").append(Inert.markdown(e.oneLine())).append('\n');
        }
        md.append('\n');
    }
}
