package chuan.cli;

import chuan.gate.ExitCode;
import chuan.model.AuditReport;
import chuan.report.AuditListener;
import chuan.report.Inert;
import chuan.report.JsonReport;
import chuan.report.Listeners;
import chuan.report.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chuan render}: any report format from a saved JSON report, identical to what the scan wrote. */
@Command(name = "render", description = "Write other report formats from a saved JSON report.",
        mixinStandardHelpOptions = true)
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPORT.json", description = "A report written by chuan scan -f json=FILE.")
    Path report;

    @Option(names = {"-f", "--format"}, paramLabel = "FMT[=FILE]", required = true, completionCandidates = Completions.Formats.class,
            description = "Format to write (repeatable): ${COMPLETION-CANDIDATES}.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--no-color", description = "No colour in the console format.")
    boolean noColor;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuditReport saved;
        try {
            saved = chuan.report.SavedReport.read(report);
        } catch (chuan.profile.ProfileException e) {
            e.problems().forEach(p -> err.println("chuan: " + Inert.text(p.oneLine())));
            return ExitCode.USAGE.code();
        }
        List<OutputSpec> outputs = new ArrayList<>();
        for (String f : formats) {
            try {
                outputs.add(OutputSpec.parse(f));
            } catch (IllegalArgumentException e) {
                err.println("chuan: " + Inert.text(e.getMessage()));
                return ExitCode.USAGE.code();
            }
        }
        if (outputs.stream().filter(o -> o.file() == null).count() > 1) {
            err.println("chuan: at most one -f format can go to standard output; give the others a =FILE");
            return ExitCode.USAGE.code();
        }
        String refused = Outputs.refusal(outputs.stream().map(OutputSpec::output).filter(java.util.Objects::nonNull).toList(),
                List.of(report));
        if (refused != null) {
            err.println("chuan: " + Inert.text(refused));
            return ExitCode.USAGE.code();
        }
        Outputs files = new Outputs();
        List<AuditListener> listeners = new ArrayList<>();
        for (OutputSpec o : outputs) {
            listeners.add(files.listener(o, out, !noColor && Terminal.color(noColor)));
        }
        Replay.replay(saved, new Listeners(listeners));
        List<String> failed = files.failures();
        failed.forEach(f -> err.println("chuan: " + Inert.text(f)));
        if (!failed.isEmpty()) {
            return ExitCode.USAGE.code();
        }
        return ExitCode.PASSED.code();
    }
}
