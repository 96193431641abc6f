package chuan.config.files;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.ReadConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file of keys and values read on its own ({@code .properties}, {@code .env}, INI, YAML, JSON):
 * each key with the lines that set it, the last one winning as in every reader of these formats.
 * Keys are found the way Spring Boot binds them: case, dashes, underscores and dots do not matter
 * ({@code management.endpoints.web.exposure.include} finds
 * {@code MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE}), and list items ({@code a[0]}) are also joined
 * under their list's key with commas.
 */
public final class FlatFile extends ReadConfig {

    private final String file;
    private final Map<String, List<Directive>> keys = new LinkedHashMap<>();

    FlatFile(String file, boolean read) {
        super(file);
        this.file = file;
        if (read) {
            filesRead.add(file);
        }
    }

    void put(String key, String value, int line) {
        keys.computeIfAbsent(normal(key), k -> new ArrayList<>()).add(new Directive(key, value, file, line));
    }

    void problem(ConfigProblem p) {
        problems.add(p);
    }

    static String normal(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]\\s]", "");
    }

    /** Every key as written, in file order (for the secret scan and tests). */
    public List<Directive> all() {
        List<Directive> out = new ArrayList<>();
        keys.values().forEach(out::addAll);
        out.sort(java.util.Comparator.comparingInt(Directive::line));
        return out;
    }

    @Override
    public List<Scoped> lookup(String key) {
        List<Directive> all = keys.get(normal(key));
        if (all == null) {
            return List.of(new Scoped(null, new EffectiveSetting(key, null, null, List.of())));
        }
        Directive last = all.get(all.size() - 1);
        return List.of(new Scoped(null, new EffectiveSetting(key, last.value(), last, all.subList(0, all.size() - 1))));
    }



}
