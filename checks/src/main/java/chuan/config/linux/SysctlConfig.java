package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.IncludedFiles;
import chuan.config.Directive;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel parameters set at boot, as systemd-sysctl sets them: the files {@link SysctlFiles}
 * lists, in order; per line {@code name = value} ({@code #} and {@code ;} comments, a leading
 * {@code -} only means "ignore errors"), the later assignment of a name replacing the earlier;
 * {@code -name} alone keeps that name out of every glob. Then each name assigned explicitly gets its
 * value, and each glob ({@code net.ipv4.conf.*.rp_filter}) sets every other name it matches that no
 * line names, the later glob winning. Names never set have no value here: the kernel's default applies.
 */
public final class SysctlConfig extends ReadConfig {

    /** One name's current assignment: its line (an exclusion when {@code exclusion}), and the lines it replaced. */
    private record Option(SysctlKey key, Directive from, boolean exclusion, List<Directive> replaced) {
    }

    /** In the order systemd-sysctl applies them: a name assigned again moves to the end. */
    private final Map<SysctlKey, Option> options = new LinkedHashMap<>();

    private SysctlConfig(String mainFile) {
        super(mainFile);
    }

    public static SysctlConfig read(SystemRoot root) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<SysctlFiles.Entry> files = SysctlFiles.list(root, problems);
        boolean legacy = files.stream().anyMatch(f -> f.disk().equals(root.resolve(SysctlFiles.LEGACY, "/").orElse(null)));
        // where a local setting belongs: /etc/sysctl.conf when it is read at boot, else the sysctl.d folder
        SysctlConfig c = new SysctlConfig(legacy ? SysctlFiles.LEGACY : "/etc/sysctl.d");
        c.problems.addAll(problems);
        for (SysctlFiles.Entry f : files) {
            c.file(root, f);
        }
        return c;
    }

    private void file(SystemRoot root, SysctlFiles.Entry f) {
        List<String> lines;
        try {
            lines = new String(root.read(f.disk()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            // a FIFO, a file over the size limit, an unreadable file: never audited as if empty
            problems.add(ConfigProblem.unreadable(f.systemPath(), (e instanceof SystemRoot.NotRead ? "" : "cannot read: ")
                    + chuan.config.IncludedFiles.reason(e)));
            return;
        }
        filesRead.add(f.systemPath());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            boolean dash = line.startsWith("-");
            String rest = dash ? line.substring(1) : line;
            int eq = rest.indexOf('=');
            if (eq < 0 && !dash) {
                problems.add(ConfigProblem.malformed(f.systemPath(), i + 1, "no '=' in \"" + line + "\"; line ignored"));
                continue;
            }
            String written = (eq < 0 ? rest : rest.substring(0, eq)).strip();
            SysctlKey key = SysctlKey.of(written);
            Directive d = new Directive(written, eq < 0 ? "" : rest.substring(eq + 1).strip(), f.systemPath(), i + 1);
            Option before = options.get(key);
            if (before != null && before.exclusion() == (eq < 0) && before.from().value().equals(d.value())) {
                before.replaced().add(d); // the same value again: systemd-sysctl keeps the first line, in its place
                continue;
            }
            List<Directive> replaced = new ArrayList<>();
            if (before != null) {
                options.remove(key); // a new value moves the name to the end of the order globs are applied in
                replaced.addAll(before.replaced());
                replaced.add(before.from());
            }
            options.put(key, new Option(key, d, eq < 0, replaced));
        }
    }

    /** Every name and glob a file assigns, in name order (exclusions left out). */
    public List<EffectiveSetting> all() {
        return options.values().stream().filter(o -> !o.exclusion())
                .sorted(Comparator.comparing((Option o) -> o.key().display()))
                .map(o -> new EffectiveSetting(o.key().display(), o.from().value(), o.from(), o.replaced())).toList();
    }

    /**
     * The value applied at boot, with the assignments it replaced; empty when no line sets the name.
     * A name with a line of its own takes that line (nothing when the line excludes it); otherwise
     * the last glob that matches it sets it, the earlier matching globs listed as replaced.
     */
    public Optional<EffectiveSetting> effective(String name) {
        SysctlKey key = SysctlKey.of(name);
        Option own = options.get(key);
        if (own != null) {
            return own.exclusion() ? Optional.empty()
                    : Optional.of(new EffectiveSetting(key.display(), own.from().value(), own.from(), own.replaced()));
        }
        List<Directive> globs = options.values().stream()
                .filter(o -> !o.exclusion() && o.key().isGlob() && o.key().matches(key)).map(Option::from).toList();
        if (globs.isEmpty()) {
            return Optional.empty();
        }
        Directive last = globs.get(globs.size() - 1);
        return Optional.of(new EffectiveSetting(key.display(), last.value(), last, globs.subList(0, globs.size() - 1)));
    }

    @Override
    public List<Scoped> lookup(String name) {
        Option own = options.get(SysctlKey.of(name));
        if (own != null && own.exclusion()) {
            return List.of(new Scoped(null, new EffectiveSetting(name, null, null, List.of()),
                    "kept out of every glob by -" + own.from().keyword() + " at " + own.from().origin()));
        }
        return EffectiveConfig.global(name, effective(name));
    }
}
