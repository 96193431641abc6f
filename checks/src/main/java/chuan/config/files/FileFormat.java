package chuan.config.files;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.KeyLookupView;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A file format: each file a control's {@code paths} match is read on its own, with no program to
 * find; a key whose name says password, token or secret holds the secret itself. {@code chuan
 * effective} shows it with {@code --file} and {@code --key}, except {@code lines}.
 */
public final class FileFormat implements ConfigFormat {

    public static final FileFormat PROPERTIES = flat("properties", KeyValueFormats::properties);
    public static final FileFormat YAML = flat("yaml", TreeFormats::yaml);
    public static final FileFormat JSON = flat("json", TreeFormats::json);
    public static final FileFormat INI = flat("ini", KeyValueFormats::ini);
    public static final FileFormat ENV = flat("env", KeyValueFormats::env);
    public static final FileFormat XML = new FileFormat("xml", XmlFile::parse, XmlFile::keyProblem, true);
    public static final FileFormat LINES = new FileFormat("lines", LinesFile::new, LinesFile::keyProblem, false);

    /** How a key-value or tree format fills a flat file from a file's text. */
    private interface Filler {
        void fill(FlatFile into, String text, String file);
    }

    private final String label;
    private final BiFunction<String, String, EffectiveConfig> parser;
    private final Function<String, Optional<String>> keySyntax;
    private final boolean shownByEffective;

    private FileFormat(String label, BiFunction<String, String, EffectiveConfig> parser,
                       Function<String, Optional<String>> keySyntax, boolean shownByEffective) {
        this.label = label;
        this.parser = parser;
        this.keySyntax = keySyntax;
        this.shownByEffective = shownByEffective;
    }

    /** A format read into dotted keys, any key allowed. */
    private static FileFormat flat(String label, Filler filler) {
        return new FileFormat(label, (file, text) -> {
            FlatFile f = new FlatFile(file, true);
            filler.fill(f, text, file);
            return f;
        }, key -> Optional.empty(), true);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> markers() {
        return List.of();
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return FileFormats.read(root, systemPath, parser);
    }

    @Override
    public Optional<String> keyProblem(String key) {
        return keySyntax.apply(key);
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.NAMED_KEYS;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return shownByEffective ? Optional.of(new KeyLookupView(this, EffectiveView.Needs.KEY_AND_FILE)) : Optional.empty();
    }
}
