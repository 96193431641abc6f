package chuan.cli;

import chuan.gate.Baseline;
import chuan.gate.ExitCode;
import chuan.model.AuditReport;
import chuan.report.Inert;
import chuan.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chuan baseline}: record a report's violations so that later scans fail only on new ones. */
@Command(name = "baseline", description = {"Record today's violations from a JSON report (scanned with --max-examples 0).",
        "Later scans with --baseline FILE fail only on violations not in it."}, mixinStandardHelpOptions = true)
final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPORT.json", description = "A report written by chuan scan --max-examples 0 -f json=FILE.")
    Path report;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = ".chuan-baseline.json",
            description = "Where to write the baseline. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        String refused = Outputs.refusal(List.of(new Outputs.OutputFile("-o " + output, output)), List.of(report));
        if (refused != null) {
            err.println("chuan: " + Inert.text(refused));
            return ExitCode.USAGE.code();
        }
        Baseline.Content content;
        try {
            AuditReport saved = JsonReport.mapper().readValue(Files.readAllBytes(report), AuditReport.class);
            content = Baseline.fromReport(saved, report.getFileName().toString());
        } catch (IllegalArgumentException e) {
            err.println("chuan: " + Inert.text(report + ": " + e.getMessage()));
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("chuan: " + Inert.text(report + ": not a readable chuan JSON report: "
                    + e.getMessage().lines().findFirst().orElse("")));
            return ExitCode.USAGE.code();
        }
        try {
            Baseline.write(content, output);
        } catch (IOException e) {
            err.println("chuan: " + Inert.text("-o " + output + ": cannot write: " + e.getMessage()));
            return ExitCode.USAGE.code();
        }
        long n = content.findings().stream().mapToLong(Baseline.Finding::count).sum();
        spec.commandLine().getOut().println(Inert.text(output + ": " + n + " violations recorded from " + report));
        return ExitCode.PASSED.code();
    }
}
