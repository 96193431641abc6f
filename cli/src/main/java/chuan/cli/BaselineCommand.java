package chuan.cli;

import chuan.gate.Baseline;
import chuan.gate.ExitCode;
import chuan.gate.FingerprintKey;
import chuan.model.AuditReport;
import chuan.profile.ProfileException;
import chuan.report.Inert;
import chuan.report.SavedReport;
import java.io.IOException;
import java.io.PrintWriter;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = ".chuan/baseline.json",
            description = "Where to write the baseline; the fingerprint key the report was made with is kept beside it "
                    + "(fingerprint.key). Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--fingerprint-key", paramLabel = "FILE",
            description = "The fingerprint key the report was made with (default: CHUAN_FINGERPRINT_KEY, else .chuan/fingerprint.key).")
    Path keyFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String refused = Outputs.refusal(List.of(new Outputs.OutputFile("-o " + output, output)), List.of(report));
        if (refused != null) {
            err.println("chuan: " + Inert.text(refused));
            return ExitCode.USAGE.code();
        }
        AuditReport saved;
        try {
            saved = SavedReport.read(report);
        } catch (ProfileException e) {
            e.problems().forEach(p -> err.println("chuan: " + Inert.text(p.oneLine())));
            return ExitCode.USAGE.code();
        }
        Baseline.Content content;
        try {
            content = Baseline.fromReport(saved, report.getFileName().toString());
        } catch (IllegalArgumentException e) {
            err.println("chuan: " + Inert.text(report + ": " + e.getMessage()));
            return ExitCode.USAGE.code();
        }
        try {
            Baseline.write(content, output);
        } catch (IOException e) {
            err.println("chuan: " + Inert.text("-o " + output + ": cannot write: " + e.getMessage()));
            return ExitCode.USAGE.code();
        }
        long n = content.findings().stream().mapToLong(Baseline.Finding::count).sum();
        out.println(Inert.text(output + ": " + n + " violations recorded from " + report));
        keepKeyBeside(saved.fingerprintKey(), out, err);
        return ExitCode.PASSED.code();
    }

    /**
     * Later scans find the key beside the baseline: copy the one the report was made with there, when
     * it is a file (a key from CHUAN_FINGERPRINT_KEY stays where it is: a CI secret).
     */
    private void keepKeyBeside(String reportKey, PrintWriter out, PrintWriter err) {
        Path beside = output.toAbsolutePath().getParent().resolve(FingerprintKey.FILE_NAME);
        if (keyFile == null && System.getenv(FingerprintKey.ENV) != null) {
            return;
        }
        Path source = keyFile != null ? keyFile : Path.of(".chuan", FingerprintKey.FILE_NAME);
        try {
            if (!Files.exists(source) || !FingerprintKey.load(source).id().equals(reportKey)) {
                err.println("chuan: note: " + Inert.text("keep the fingerprint key the report was made with (id " + reportKey
                        + ") beside " + output + " as " + FingerprintKey.FILE_NAME + ", or give it to later scans with --fingerprint-key"));
                return;
            }
            if (!Files.exists(beside) && FingerprintKey.copy(source, beside)) {
                out.println(Inert.text(beside + ": the fingerprint key, kept beside the baseline (keep it out of public repositories)"));
            }
        } catch (IOException e) {
            err.println("chuan: " + Inert.text(source + ": " + e.getMessage()));
        }
    }
}
