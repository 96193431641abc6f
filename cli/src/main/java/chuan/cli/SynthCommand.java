package chuan.cli;

import chuan.api.Chuan;
import chuan.api.ChuanException;
import chuan.gate.ExitCode;
import chuan.profile.Profile;
import chuan.report.Inert;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chuan synth}: realistic test data for a profile, with known defects and their truth file. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate data that satisfies a dataset profile, with a fraction of rows carrying exactly one defect each.",
                "The truth file (OUTPUT.truth.csv) lists row, column, defect and the rule that must catch it."})
final class SynthCommand extends ChuanCommand {

    @Option(names = {"-p", "--profile"}, required = true, paramLabel = "ID|FILE", completionCandidates = Completions.ProfileIds.class, description = "A built-in or project profile id, or a profile file.")
    String profile;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "How many rows to write.")
    long rows;

    @Option(names = "--error-rate", paramLabel = "R", defaultValue = "0.0", description = "Fraction of rows with one defect (0 to 1, default ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed; the same seed gives the same file (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The data's date: the latest date written and the code lists in force (default: today).")
    LocalDate asOf;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The data file (.csv, .tsv, .ndjson or .xlsx).")
    Path output;

    @Option(names = "--truth", paramLabel = "FILE", description = "The truth file (default: OUTPUT.truth.csv).")
    Path truth;

    @Override
    void validate() throws ChuanException {
        if (rows < 0 || errorRate < 0 || errorRate > 1) {
            throw usage("--rows must be 0 or more and --error-rate between 0 and 1");
        }
    }

    @Override
    int execute() throws ChuanException {
        Profile p = chuan().profile(profile, Path.of("."));
        Path truthFile = truth != null ? truth : output.resolveSibling(output.getFileName() + ".truth.csv");
        List<Path> inputs = new ArrayList<>();
        try {
            inputs.add(Path.of(profile)); // when the profile is a file, it must not be overwritten
        } catch (java.nio.file.InvalidPathException e) {
            // an id
        }
        Outputs files = new Outputs(chuan());
        Outputs.OutputFile dataFile = new Outputs.OutputFile("-o " + output, output);
        Outputs.OutputFile truthOut = new Outputs.OutputFile(truth != null ? "--truth " + truth : "the truth file " + truthFile,
                truthFile);
        String refused = Outputs.refusal(List.of(dataFile, truthOut), inputs);
        if (refused != null) {
            throw usage(refused);
        }
        try {
            Chuan.Synthesis synth = chuan().synth(p, asOf);
            Chuan.Synthesized s;
            try (java.io.OutputStream data = new java.io.BufferedOutputStream(files.file(dataFile).open(), 1 << 16);
                 Writer t = writer(files.file(truthOut), StandardCharsets.UTF_8)) {
                s = synth.write(rows, errorRate, seed, output.getFileName().toString(), data, t);
            }
            out().println(Inert.text(String.format("%s: %,d rows for %s, %,d with a defect (listed in %s)",
                    output, s.rows(), p.id(), s.defects(), truthFile)));
            return ExitCode.PASSED.code();
        } catch (IllegalArgumentException e) {
            throw usage(profile + ": " + e.getMessage());
        } catch (IOException e) {
            List<String> failed = files.failures();
            if (failed.isEmpty()) {
                throw ChuanException.input(output + ": " + e.getMessage());
            }
            throw usage(failed.get(0));
        }
    }

    private static Writer writer(Outputs.ReportFile file, java.nio.charset.Charset charset) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(file.open(), charset), 1 << 16);
    }
}
