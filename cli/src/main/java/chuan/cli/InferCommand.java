package chuan.cli;

import chuan.api.Chuan;
import chuan.api.ChuanException;
import chuan.gate.ExitCode;
import chuan.report.Inert;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chuan infer}: a first dataset profile drafted from the data, to review and keep. */
@Command(name = "infer", description = "Draft a dataset profile from a CSV, TSV, JSON, NDJSON, XLSX or XLS file.",
        mixinStandardHelpOptions = true)
final class InferCommand extends ChuanCommand {

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

    private Outputs.OutputFile draftFile;

    @Override
    void validate() throws ChuanException {
        if (!Files.isRegularFile(dataset)) {
            throw usage(dataset + ": no such file");
        }
        draftFile = output == null ? null : new Outputs.OutputFile("-o " + output, output);
        String refused = draftFile == null ? null : Outputs.refusal(List.of(draftFile), List.of(dataset));
        if (refused != null) {
            throw usage(refused);
        }
    }

    @Override
    int execute() throws ChuanException {
        Chuan.Draft draft;
        try {
            draft = chuan().infer(dataset, id != null ? id : chuan().draftId(dataset), sample, asOf);
        } catch (IOException e) {
            throw ChuanException.input(e.getMessage());
        }
        String yaml = Inert.wellFormed(draft.yaml());
        if (output == null) {
            out().print(Inert.lines(yaml));
            return ExitCode.PASSED.code();
        }
        Outputs files = new Outputs(chuan());
        try (OutputStream out = files.file(draftFile).open()) {
            out.write(yaml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            List<String> failed = files.failures();
            throw usage(failed.isEmpty() ? "-o " + output + ": " + e.getMessage() : failed.get(0));
        }
        out().println(Inert.text(output + ": drafted " + draft.id() + " from " + dataset));
        return ExitCode.PASSED.code();
    }
}
