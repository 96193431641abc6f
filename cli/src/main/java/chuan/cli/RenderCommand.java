package chuan.cli;

import chuan.api.ChuanException;
import chuan.gate.ExitCode;
import chuan.model.AuditReport;
import chuan.report.AuditListener;
import chuan.report.Inert;
import chuan.report.Listeners;
import chuan.report.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chuan render}: any report format from a saved JSON report, identical to what the scan wrote. */
@Command(name = "render", description = "Write other report formats from a saved JSON report.",
        mixinStandardHelpOptions = true, resourceBundle = "chuan.cli.RenderHelp")
final class RenderCommand extends ChuanCommand {

    @Parameters(paramLabel = "REPORT.json", description = "A report written by chuan scan -f json=FILE.")
    Path report;

    @Option(names = {"-f", "--format"}, paramLabel = "FMT[=FILE]", required = true, completionCandidates = Completions.Formats.class,
            converter = Converters.Format.class, description = "Format to write (repeatable): ${COMPLETION-CANDIDATES}.")
    List<OutputSpec> outputs = new ArrayList<>();

    @Mixin
    SharedOptions.NoColor noColor;

    @Override
    void validate() throws ChuanException {
        if (outputs.stream().filter(o -> o.file() == null).count() > 1) {
            throw usage("at most one -f format can go to standard output; give the others a =FILE");
        }
        String refused = Outputs.refusal(outputs.stream().map(OutputSpec::output).filter(java.util.Objects::nonNull).toList(),
                List.of(report));
        if (refused != null) {
            throw usage(refused);
        }
    }

    @Override
    int execute() throws ChuanException, IOException {
        PrintWriter out = out();
        AuditReport saved = chuan().readReport(report);
        Outputs files = new Outputs(chuan());
        List<AuditListener> listeners = new ArrayList<>();
        for (OutputSpec o : outputs) {
            listeners.add(files.listener(o, out, !noColor.noColor && Terminal.color(noColor.noColor)));
        }
        Replay.replay(saved, new Listeners(listeners));
        List<String> failed = files.failures();
        failed.forEach(f -> err().println("chuan: " + Inert.text(f)));
        if (!failed.isEmpty()) {
            return ExitCode.USAGE.code();
        }
        return ExitCode.PASSED.code();
    }
}
