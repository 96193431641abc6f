package chuan.cli;

import chuan.gate.ExitCode;
import chuan.profile.Profile;
import chuan.profile.ProfileException;
import chuan.profile.ProfileRegistry;
import chuan.report.Inert;
import chuan.standard.ReferenceData;
import chuan.synth.Synthesizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chuan synth}: realistic test data for a profile, with known defects and their truth file. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate data that satisfies a dataset profile, with a fraction of rows carrying exactly one defect each.",
                "The truth file (OUTPUT.truth.csv) lists row, column, defect and the rule that must catch it."})
final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The data file (.csv, .tsv or .ndjson).")
    Path output;

    @Option(names = "--truth", paramLabel = "FILE", description = "The truth file (default: OUTPUT.truth.csv).")
    Path truth;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (rows < 0 || errorRate < 0 || errorRate > 1) {
            err.println("chuan: --rows must be 0 or more and --error-rate between 0 and 1");
            return ExitCode.USAGE.code();
        }
        ProfileRegistry registry = ProfilesCommand.registry();
        Profile p;
        try {
            p = registry.resolve(profile, registry.projectProfiles(Path.of(".")));
        } catch (ProfileException e) {
            e.problems().forEach(x -> err.println("chuan: " + Inert.text(x.oneLine())));
            return ExitCode.USAGE.code();
        }
        Path truthFile = truth != null ? truth : output.resolveSibling(output.getFileName() + ".truth.csv");
        List<Path> inputs = new ArrayList<>();
        try {
            inputs.add(Path.of(profile)); // when the profile is a file, it must not be overwritten
        } catch (java.nio.file.InvalidPathException e) {
            // an id
        }
        Outputs files = new Outputs();
        Outputs.OutputFile dataFile = new Outputs.OutputFile("-o " + output, output);
        Outputs.OutputFile truthOut = new Outputs.OutputFile(truth != null ? "--truth " + truth : "the truth file " + truthFile,
                truthFile);
        String refused = Outputs.refusal(List.of(dataFile, truthOut), inputs);
        if (refused != null) {
            err.println("chuan: " + Inert.text(refused));
            return ExitCode.USAGE.code();
        }
        try {
            Synthesizer synth = new Synthesizer(p, asOf == null ? LocalDate.now() : asOf, ReferenceData.builtIn());
            Synthesizer.Summary s;
            try (Writer data = writer(files.file(dataFile), Synthesizer.charset(p));
                 Writer t = writer(files.file(truthOut), StandardCharsets.UTF_8)) {
                s = synth.write(rows, errorRate, seed, output.getFileName().toString(), data, t);
            }
            spec.commandLine().getOut().println(Inert.text(String.format("%s: %,d rows for %s, %,d with a defect (listed in %s)",
                    output, s.rows(), p.id(), s.defects(), truthFile)));
            return ExitCode.PASSED.code();
        } catch (IllegalArgumentException e) {
            err.println("chuan: " + Inert.text(profile + ": " + e.getMessage()));
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            List<String> failed = files.failures();
            if (failed.isEmpty()) {
                err.println("chuan: " + Inert.text(output + ": " + e.getMessage()));
                return ExitCode.INPUT_ERROR.code();
            }
            err.println("chuan: " + Inert.text(failed.get(0)));
            return ExitCode.USAGE.code();
        }
    }

    private static Writer writer(Outputs.ReportFile file, java.nio.charset.Charset charset) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(file.open(), charset), 1 << 16);
    }
}
