package chuan.cli;

import chuan.api.ChuanException;
import chuan.gate.ExitCode;
import chuan.model.Reference;
import chuan.model.Rule;
import chuan.report.Inert;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chuan explain RULE}: what a rule checks, why, how to fix it, and on what authority. */
@Command(name = "explain", description = "Explain a rule: rationale, remediation, references. Without RULE, list all rules.",
        mixinStandardHelpOptions = true)
final class ExplainCommand extends ChuanCommand {

    @Parameters(paramLabel = "RULE", arity = "0..1", completionCandidates = Completions.RuleIds.class,
            description = "A rule id, e.g. DATA-UNIQUE.")
    String ruleId;

    @picocli.CommandLine.Option(names = "--markdown", description = "Print every rule as Markdown (the text of docs/rules.md).")
    boolean markdown;

    @Override
    int execute() throws ChuanException {
        PrintWriter out = out();
        if (markdown) {
            out.print(Inert.lines(chuan().rulesMarkdown()));
            return ExitCode.PASSED.code();
        }
        if (ruleId == null) {
            chuan().rules().forEach(r ->
                    out.println(Inert.text(String.format("%-28s %-8s %s", r.id(), r.severity().label(), r.title()))));
            return ExitCode.PASSED.code();
        }
        Rule r = chuan().rule(ruleId).orElseThrow(() -> usage("unknown rule '" + ruleId + "' (list them with 'chuan explain')"));
        out.println(Inert.text(r.id() + ": " + r.title()));
        out.println(Inert.text("  default severity: " + r.severity().label()));
        if (r.validFrom() != null || r.validUntil() != null) {
            out.println(Inert.text("  in force: " + (r.validFrom() == null ? "" : "from " + r.validFrom())
                    + (r.validUntil() == null ? "" : " until " + r.validUntil())));
        }
        if (!r.tags().isEmpty()) {
            out.println(Inert.text("  tags: " + String.join(", ", r.tags())));
        }
        out.println();
        out.println(Inert.lines("Why: " + r.rationale()));
        out.println();
        out.println(Inert.lines("Fix: " + r.remediation()));
        if (!r.references().isEmpty()) {
            out.println();
            out.println("References:");
            for (Reference ref : r.references()) {
                out.println(Inert.text("  - " + ref.display() + (ref.url() == null ? "" : " <" + ref.url() + ">")));
            }
        }
        // for a config rule: the built-in profiles whose controls check it, what they read and expect
        List<String> checkedBy = chuan().checkedBy(r.id());
        if (!checkedBy.isEmpty()) {
            out.println();
            out.println("Checked by:");
            checkedBy.forEach(line -> out.println("  - " + line));
        }
        return ExitCode.PASSED.code();
    }
}
