package chuan.config.files;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig;
import chuan.config.IncludedFiles;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opens one file inside a system root in a file format: properties, env, ini, yaml, json, xml, lines, secrets. */
public final class FileFormats {

    /** Bigger files are not configuration; the secret scan skips them. */
    static final long MAX_SECRET_SCAN = 4L << 20;

    private FileFormats() {
    }

    public static EffectiveConfig read(SystemRoot root, String format, String systemPath) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> read = new ArrayList<>();
        if (format.equals("secrets") && tooLargeToScan(root, systemPath)) {
            return new SecretsFile(systemPath, "");
        }
        Optional<IncludedFiles.Opened> opened = new IncludedFiles(root, "include", problems, read).open(systemPath, null);
        if (opened.isEmpty()) {
            FlatFile missing = new FlatFile(systemPath, false);
            problems.forEach(missing::problem);
            return missing;
        }
        if (format.equals("secrets") && binary(opened.get().text())) {
            return new SecretsFile(systemPath, "");
        }
        String text = opened.get().text();
        return switch (format) {
            case "xml" -> XmlFile.parse(systemPath, text);
            case "lines" -> new LinesFile(systemPath, text);
            case "secrets" -> new SecretsFile(systemPath, text);
            default -> {
                FlatFile f = new FlatFile(systemPath, true);
                switch (format) {
                    case "properties" -> KeyValueFormats.properties(f, text, systemPath);
                    case "env" -> KeyValueFormats.env(f, text, systemPath);
                    case "ini" -> KeyValueFormats.ini(f, text, systemPath);
                    case "yaml" -> TreeFormats.yaml(f, text, systemPath);
                    case "json" -> TreeFormats.json(f, text, systemPath);
                    default -> throw new IllegalArgumentException("not a file format: " + format);
                }
                yield f;
            }
        };
    }

    /** Bigger than configuration ever is: the secret scan passes over it (a regular file; anything else is read and refused). */
    private static boolean tooLargeToScan(SystemRoot root, String systemPath) {
        Optional<Path> p = root.resolve(systemPath, "/");
        try {
            return p.isPresent() && Files.isRegularFile(p.get(), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && Files.size(p.get()) > MAX_SECRET_SCAN;
        } catch (IOException e) {
            return false; // then reading it says why
        }
    }

    /** A NUL character in the first 8 KiB: a binary file, not text worth scanning. */
    private static boolean binary(String text) {
        return text.substring(0, Math.min(text.length(), 8192)).indexOf('\0') >= 0;
    }
}
