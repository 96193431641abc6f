package chuan.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * National reference data (code lists, prefixes, encoding tables) as CSV files: the copies shipped
 * in the profiles module, or a newer set in a folder given with {@code --reference-dir}. Each
 * table is read once and shared by every scan that uses it.
 */
public final class ReferenceData {

    private static final ReferenceData BUILT_IN = new ReferenceData(null);

    private final Path dir;
    private final Map<String, Object> loaded = new ConcurrentHashMap<>();

    private ReferenceData(Path dir) {
        this.dir = dir;
    }

    public static ReferenceData builtIn() {
        return BUILT_IN;
    }

    /** Reference data read from {@code dir/PACK/FILE.csv}, falling back to the built-in copy for files it lacks. */
    public static ReferenceData fromDirectory(Path dir) {
        return new ReferenceData(dir);
    }

    public String source() {
        return dir == null ? "built-in" : dir.toString();
    }

    /** The rows of {@code pack/file} (header row gives the names). */
    public List<CSVRecord> rows(String pack, String file) {
        String key = pack + "/" + file;
        try (Reader r = open(pack, file)) {
            List<CSVRecord> out = new ArrayList<>();
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reference data " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * A table built from a file once and cached (for example a set of codes). Several tables can
     * be built from one file: {@code file#view} names the view, and the rows are those of {@code file}.
     */
    @SuppressWarnings("unchecked")
    public <T> T table(String pack, String file, Function<List<CSVRecord>, T> build) {
        int hash = file.indexOf('#');
        String source = hash < 0 ? file : file.substring(0, hash);
        return (T) loaded.computeIfAbsent(pack + "/" + file, k -> build.apply(rows(pack, source)));
    }

    private Reader open(String pack, String file) throws IOException {
        if (dir != null) {
            Path p = dir.resolve(pack).resolve(file);
            if (!Files.isRegularFile(p)) {
                p = dir.resolve(file);
            }
            if (Files.isRegularFile(p)) {
                return Files.newBufferedReader(p, StandardCharsets.UTF_8);
            }
        }
        String resource = "chuan/reference/" + pack + "/" + file;
        InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
