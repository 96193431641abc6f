package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /etc/login.defs} as shadow-utils reads it: {@code NAME value} per line, {@code #}
 * comments, an optionally double-quoted value, names case-sensitive, and a later line for the same
 * name replacing the earlier one. Names never set take shadow-utils' built-in default where
 * login.defs(5) documents one.
 */
public final class LoginDefs extends ReadConfig {

    public static final String FILE = "/etc/login.defs";

    /** Built-in values when the name is absent (login.defs(5), shadow-utils 4.x). */
    private static final Map<String, String> DEFAULTS = Map.of(
            "PASS_MAX_DAYS", "-1",      // no maximum age
            "PASS_MIN_DAYS", "-1",      // no minimum age
            "PASS_WARN_AGE", "-1",      // no warning
            "UMASK", "022",
            "LOGIN_RETRIES", "5",
            "LOGIN_TIMEOUT", "60");

    private final Map<String, List<Directive>> lines = new LinkedHashMap<>();

    private LoginDefs() {
        super(FILE);
    }

    public static LoginDefs read(SystemRoot root) {
        LoginDefs d = new LoginDefs();
        Optional<Path> f = root.resolve(FILE, "/");
        if (f.isEmpty() || !SystemRoot.exists(f.get())) {
            d.problems.add(new ConfigProblem(FILE, 0, "not found"));
            return d;
        }
        List<String> text;
        try {
            text = new String(root.read(f.get()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            d.problems.add(ConfigProblem.unreadable(FILE, (e instanceof SystemRoot.NotRead ? "" : "cannot read: ")
                    + chuan.config.IncludedFiles.reason(e)));
            return d;
        }
        d.filesRead.add(FILE);
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[ \t]+", 2);
            String value = parts.length < 2 ? "" : parts[1].strip();
            int hash = value.indexOf(" #");
            if (hash >= 0) {
                value = value.substring(0, hash).strip();
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            d.lines.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Directive(parts[0], value, FILE, i + 1));
        }
        return d;
    }

    /** Every name the file sets, and every documented default not set, sorted by name. */
    public List<EffectiveSetting> all() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(lines.keySet());
        names.addAll(DEFAULTS.keySet());
        return names.stream().map(n -> effective(n).orElseThrow()).toList();
    }

    /** The value in force: the last line for the name, else the documented default; empty when neither. */
    public Optional<EffectiveSetting> effective(String name) {
        List<Directive> all = lines.get(name);
        if (all == null) {
            String def = DEFAULTS.get(name);
            return def == null ? Optional.empty() : Optional.of(new EffectiveSetting(name, def, null, List.of()));
        }
        Directive last = all.get(all.size() - 1);
        return Optional.of(new EffectiveSetting(name, last.value(), last, all.subList(0, all.size() - 1)));
    }


    @Override
    public List<Scoped> lookup(String name) {
        return EffectiveConfig.global(name, effective(name));
    }


}
