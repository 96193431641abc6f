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

    @Option(names = {"-f", "--format"}, paramLabel = "FMT[=FILE]", required = true,
            description = "Format to write (repeatable): console, json, sarif, junit, csv, markdown, html.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--no-color", description = "No colour in the console format.")
    boolean noColor;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuditReport saved;
        try {
            saved = JsonReport.mapper().readValue(Files.readAllBytes(report), AuditReport.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("chuan: " + Inert.text(report + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr()) + ": not a chuan JSON report: "
                    + e.getOriginalMessage().lines().findFirst().orElse("")));
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("chuan: " + Inert.text(report + ": cannot read: " + e.getMessage()));
            return ExitCode.USAGE.code();
        }
        List<AuditListener> listeners = new ArrayList<>();
        int toStdout = 0;
        for (String f : formats) {
            OutputSpec o;
            try {
                o = OutputSpec.parse(f);
            } catch (IllegalArgumentException e) {
                err.println("chuan: " + Inert.text(e.getMessage()));
                return ExitCode.USAGE.code();
            }
            toStdout += o.file() == null ? 1 : 0;
            if (o.file() != null && Outputs.writable(o.file()) != null) {
                err.println("chuan: " + Inert.text("-f " + f + ": " + Outputs.writable(o.file())));
                return ExitCode.USAGE.code();
            }
            listeners.add(Outputs.listener(o, out, !noColor && Terminal.color(noColor)));
        }
        if (toStdout > 1) {
            err.println("chuan: at most one -f format can go to standard output; give the others a =FILE");
            return ExitCode.USAGE.code();
        }
        Replay.replay(saved, new Listeners(listeners));
        return ExitCode.PASSED.code();
    }
}
