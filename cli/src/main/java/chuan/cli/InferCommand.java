package chuan.cli;

import chuan.dataset.Inference;
import chuan.gate.ExitCode;
import chuan.report.Inert;
import chuan.standard.PersonalData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chuan infer}: a first dataset profile drafted from the data, to review and keep. */
@Command(name = "infer", description = "Draft a dataset profile from a CSV, TSV, JSON or NDJSON file.",
        mixinStandardHelpOptions = true)
final class InferCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", description = "The file to learn from.")
    Path dataset;

    @Option(names = {"-o", "--output"}, paramLabel = "PROFILE.yaml", description = "Write the draft here (default: standard output).")
    Path output;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "0",
            description = "Read only the first N records (0 = all, the default: a draft from a sample may not pass on the whole file).")
    long sample;

    @Option(names = "--id", paramLabel = "ID", description = "The profile id (default: from the file name).")
    String id;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The data's date, for date-dependent types such as province codes (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(dataset)) {
            spec.commandLine().getErr().println("chuan: " + Inert.text(dataset + ": no such file"));
            return ExitCode.USAGE.code();
        }
        String profileId = id != null ? id : "draft." + PersonalData.fold(dataset.getFileName().toString()
                .replaceAll("\\.[A-Za-z]+$", "")).replace('_', '-');
        Outputs.OutputFile draftFile = output == null ? null : new Outputs.OutputFile("-o " + output, output);
        String refused = draftFile == null ? null : Outputs.refusal(List.of(draftFile), List.of(dataset));
        if (refused != null) {
            spec.commandLine().getErr().println("chuan: " + Inert.text(refused));
            return ExitCode.USAGE.code();
        }
        String yaml;
        try {
            yaml = Inert.wellFormed(Inference.draft(dataset, profileId, sample, asOf == null ? LocalDate.now() : asOf));
        } catch (IOException e) {
            spec.commandLine().getErr().println("chuan: " + Inert.text(e.getMessage()));
            return ExitCode.INPUT_ERROR.code();
        }
        if (output == null) {
            spec.commandLine().getOut().print(Inert.lines(yaml));
            return ExitCode.PASSED.code();
        }
        Outputs files = new Outputs();
        try (OutputStream out = files.file(draftFile).open()) {
            out.write(yaml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            List<String> failed = files.failures();
            spec.commandLine().getErr().println("chuan: " + Inert.text(failed.isEmpty() ? "-o " + output + ": " + e.getMessage()
                    : failed.get(0)));
            return ExitCode.USAGE.code();
        }
        spec.commandLine().getOut().println(Inert.text(output + ": drafted " + profileId + " from " + dataset));
        return ExitCode.PASSED.code();
    }
}
