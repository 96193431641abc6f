package chuan.cli;

import chuan.gate.ExitCode;
import chuan.model.Reference;
import chuan.model.Rule;
import chuan.report.Inert;
import chuan.rules.RuleCatalog;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chuan explain RULE}: what a rule checks, why, how to fix it, and on what authority. */
@Command(name = "explain", description = "Explain a rule: rationale, remediation, references. Without RULE, list all rules.",
        mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", arity = "0..1", completionCandidates = Completions.RuleIds.class,
            description = "A rule id, e.g. DATA-UNIQUE.")
    String ruleId;

    @picocli.CommandLine.Option(names = "--markdown", description = "Print every rule as Markdown (the text of docs/rules.md).")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = RuleCatalog.builtIn();
        if (markdown) {
            out.print(Inert.lines(chuan.rules.RuleDocs.markdown(catalog)));
            return ExitCode.PASSED.code();
        }
        if (ruleId == null) {
            catalog.all().stream().sorted(Comparator.comparing(Rule::id)).forEach(r ->
                    out.println(Inert.text(String.format("%-28s %-8s %s", r.id(), r.severity().label(), r.title()))));
            return ExitCode.PASSED.code();
        }
        Optional<Rule> found = catalog.find(ruleId.trim().toUpperCase(java.util.Locale.ROOT));
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("chuan: unknown rule '" + Inert.text(ruleId) + "' (list them with 'chuan explain')");
            return ExitCode.USAGE.code();
        }
        Rule r = found.get();
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
        checkedBy(r.id(), out);
        return ExitCode.PASSED.code();
    }

    /** For a config rule: the built-in profiles whose controls check it, what they read and expect. */
    private static void checkedBy(String id, PrintWriter out) {
        List<String> lines = new java.util.ArrayList<>();
        var registry = new chuan.profile.ProfileRegistry(new chuan.profile.ProfileLoader(RuleCatalog.builtIn()));
        for (chuan.profile.Profile p : registry.builtIns().values()) {
            if (p.config() == null) {
                continue;
            }
            for (chuan.config.check.ConfigControl c : p.config().controls()) {
                if (c.id().equals(id)) {
                    lines.add("  - " + p.id() + ": " + c.format().label() + " " + c.key() + ", " + c.describeExpectation()
                            + (c.statedDefault() == null ? "" : " (unset: " + c.statedDefault() + ")"));
                }
            }
        }
        if (!lines.isEmpty()) {
            out.println();
            out.println("Checked by:");
            lines.forEach(out::println);
        }
    }
}
