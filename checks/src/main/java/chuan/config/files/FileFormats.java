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
        if (format.equals("secrets") && !textual(root, systemPath)) {
            return new SecretsFile(systemPath, "");
        }
        Optional<IncludedFiles.Opened> opened = new IncludedFiles(root, "include", problems, read).open(systemPath, null);
        if (opened.isEmpty()) {
            FlatFile missing = new FlatFile(systemPath, false);
            problems.forEach(missing::problem);
            return missing;
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

    /** Small and without a NUL byte in its first 8 KiB: text worth scanning. */
    private static boolean textual(SystemRoot root, String systemPath) {
        Optional<Path> p = root.resolve(systemPath, "/");
        if (p.isEmpty()) {
            return false;
        }
        try {
            if (Files.size(p.get()) > MAX_SECRET_SCAN) {
                return false;
            }
            try (var in = Files.newInputStream(p.get())) {
                byte[] head = in.readNBytes(8192);
                for (byte b : head) {
                    if (b == 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
