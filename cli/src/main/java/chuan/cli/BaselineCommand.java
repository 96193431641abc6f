package chuan.cli;

import chuan.api.Chuan;
import chuan.api.ChuanException;
import chuan.gate.ExitCode;
import chuan.model.AuditReport;
import chuan.report.Inert;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chuan baseline}: record a report's violations so that later scans fail only on new ones. */
@Command(name = "baseline", description = {"Record today's violations from a JSON report (scanned with --max-examples 0).",
        "Later scans with --baseline FILE fail only on violations not in it."}, mixinStandardHelpOptions = true)
final class BaselineCommand extends ChuanCommand {

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
    void validate() throws ChuanException {
        String refused = Outputs.refusal(List.of(new Outputs.OutputFile("-o " + output, output)), List.of(report));
        if (refused != null) {
            throw usage(refused);
        }
    }

    @Override
    int execute() throws ChuanException {
        AuditReport saved = chuan().readReport(report);
        long n = chuan().writeBaseline(saved, report, output);
        out().println(Inert.text(output + ": " + n + " violations recorded from " + report));
        // later scans find the key beside the baseline
        Optional<Chuan.KeyNote> note = chuan().keepKeyBeside(saved.fingerprintKey(), keyFile, output);
        note.ifPresent(k -> (k.heed() ? err() : out()).println((k.heed() ? "chuan: " : "") + Inert.text(k.text())));
        return ExitCode.PASSED.code();
    }
}
