package chuan.config.files;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig;
import chuan.config.IncludedFiles;
import chuan.config.SystemRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Opens one file inside a system root for a file format, which parses its text. */
final class FileFormats {

    private FileFormats() {
    }

    /** The file parsed by {@code parser} (file, text); a file that could not be opened says why in its problems. */
    static EffectiveConfig read(SystemRoot root, String systemPath, BiFunction<String, String, EffectiveConfig> parser) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> read = new ArrayList<>();
        Optional<IncludedFiles.Opened> opened = new IncludedFiles(root, "include", problems, read).open(systemPath, null);
        if (opened.isEmpty()) {
            FlatFile missing = new FlatFile(systemPath, false);
            problems.forEach(missing::problem);
            return missing;
        }
        return parser.apply(systemPath, opened.get().text());
    }
}
