package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * logrotate's configuration as logrotate(8) reads it: {@code /etc/logrotate.conf}, {@code include}
 * of a file or of every file in a directory (lexical order, package-manager leftovers skipped), and
 * log stanzas ({@code /var/log/syslog /var/log/auth.log { ... }}) that start from the global options
 * written above them. Besides the options as written, one key is computed per stanza:
 * {@code retention-days}, how long a rotated log is kept (rotations times the period, cut by
 * {@code maxage}); {@code retention-days /var/log/auth.log} asks only the stanzas that rotate that log.
 */
public final class LogrotateConfig extends ReadConfig {

    public static final String MAIN = "/etc/logrotate.conf";
    private static final Set<String> FREQUENCIES = Set.of("hourly", "daily", "weekly", "monthly", "yearly");
    private static final List<String> TABOO = List.of(".dpkg-old", ".dpkg-dist", ".dpkg-new", ".dpkg-bak", ".rpmsave",
            ".rpmorig", ".rpmnew", ".swp", ".cfsaved", ".disabled", ",v", "~", ".bak", ".old", ".orig", ".ucf-old",
            ".ucf-dist", ".ucf-new");

    /** A log stanza: the logs it rotates and its options (the global ones in force at its start, then its own). */
    public record Stanza(List<String> logs, Directive start, Map<String, Directive> options) {
    }

    private final Map<String, Directive> global = new LinkedHashMap<>();
    private final List<Stanza> stanzas = new ArrayList<>();
    private LogrotateConfig() {
        super(MAIN);
    }

    public static LogrotateConfig read(SystemRoot root) {
        LogrotateConfig c = new LogrotateConfig();
        c.file(root, new IncludedFiles(root, "include", c.problems, c.filesRead), MAIN, null, 0);
        return c;
    }

    public List<Stanza> stanzas() {
        return List.copyOf(stanzas);
    }

    private void file(SystemRoot root, IncludedFiles files, String systemPath, Directive by, int depth) {
        Optional<IncludedFiles.Opened> opened = files.open(systemPath, by);
        if (opened.isEmpty()) {
            return;
        }
        String where = opened.get().where();
        List<String> lines = opened.get().text().lines().toList();
        Stanza current = null;
        boolean script = false;
        List<String> pendingLogs = new ArrayList<>(); // a stanza's logs may be listed one per line before its "{"
        int pendingStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (script) {
                script = !line.equals("endscript");
                continue;
            }
            if (line.endsWith("{")) {
                if (current != null) {
                    problems.add(ConfigProblem.malformed(where, i + 1, "a stanza starts inside another"));
                }
                String head = line.substring(0, line.length() - 1).strip();
                List<String> logs = new ArrayList<>(pendingLogs);
                if (!head.isEmpty()) {
                    logs.addAll(List.of(head.split("\\s+")));
                }
                int startLine = pendingLogs.isEmpty() ? i + 1 : pendingStart;
                pendingLogs.clear();
                current = new Stanza(List.copyOf(logs), new Directive(String.join(" ", logs), "{", where, startLine),
                        new LinkedHashMap<>(global));
                continue;
            }
            if (line.equals("}")) {
                if (current == null) {
                    problems.add(ConfigProblem.malformed(where, i + 1, "\"}\" without a stanza"));
                } else {
                    stanzas.add(current);
                    current = null;
                }
                continue;
            }
            if (current == null && (line.startsWith("/") || line.startsWith("\"") || line.startsWith("*"))) {
                if (pendingLogs.isEmpty()) {
                    pendingStart = i + 1;
                }
                pendingLogs.addAll(List.of(line.split("\\s+")));
                continue;
            }
            String[] w = line.split("\\s+", 2);
            String word = w[0].toLowerCase(Locale.ROOT);
            Directive d = new Directive(word, w.length > 1 ? w[1] : "", where, i + 1);
            if (Set.of("postrotate", "prerotate", "firstaction", "lastaction", "preremove").contains(word)) {
                script = true;
                continue;
            }
            if (word.equals("include") && current == null) {
                include(root, files, d, depth);
                continue;
            }
            Map<String, Directive> into = current == null ? global : current.options();
            if (FREQUENCIES.contains(word)) {
                FREQUENCIES.forEach(into::remove);
                into.put("frequency", new Directive("frequency", word, where, i + 1));
            }
            into.put(word, d);
        }
        if (current != null) {
            problems.add(ConfigProblem.malformed(where, current.start().line(), "stanza is not closed before the end of the file"));
        }
        files.close(opened.get());
    }

    private void include(SystemRoot root, IncludedFiles files, Directive d, int depth) {
        if (depth > 8) {
            problems.add(new ConfigProblem(d.file(), d.line(), "include nested too deep"));
            return;
        }
        try {
            Optional<List<String>> inDir = root.glob(d.value(), "*");
            if (inDir.isPresent()) {
                for (String f : inDir.get()) {
                    if (TABOO.stream().noneMatch(f::endsWith)) {
                        file(root, files, f, d, depth + 1);
                    }
                }
            } else {
                file(root, files, d.value(), d, depth + 1);
            }
        } catch (IOException e) {
            problems.add(ConfigProblem.unreadable(d.file(), d.line(), "include " + d.value() + ": cannot list: "
                    + IncludedFiles.reason(e)));
        }
    }

    @Override
    public List<Scoped> lookup(String key) {
        String[] w = key.strip().split("\\s+");
        List<String> logs = List.of(w).subList(1, w.length);
        List<Scoped> out = new ArrayList<>();
        for (Stanza s : stanzas) {
            if (!logs.isEmpty() && logs.stream().noneMatch(log -> rotates(s, log))) {
                continue;
            }
            String shown = s.logs().size() <= 3 ? String.join(" ", s.logs())
                    : String.join(" ", s.logs().subList(0, 3)) + " and " + (s.logs().size() - 3) + " more";
            String scope = shown + " (" + s.start().origin() + ")";
            if (w[0].equals("retention-days")) {
                Directive rotate = s.options().get("rotate");
                Directive freq = s.options().get("frequency");
                out.add(new Scoped(scope, retention(s), "rotate " + (rotate == null ? "0" : rotate.value()) + ", "
                        + (freq == null ? "no period" : freq.value() + " (" + freq.origin() + ")")));
            } else {
                Directive d = s.options().get(w[0].toLowerCase(Locale.ROOT));
                out.add(new Scoped(scope, new EffectiveSetting(w[0], d == null ? null : d.value(), d, List.of())));
            }
        }
        return out;
    }

    /** Rotations times the period in days (logrotate keeps {@code rotate} old logs), cut by {@code maxage}. */
    private static EffectiveSetting retention(Stanza s) {
        Directive rotate = s.options().get("rotate");
        Directive freq = s.options().get("frequency");
        Directive maxage = s.options().get("maxage");
        int count = rotate == null ? 0 : parse(rotate.value());
        BigDecimal period = switch (freq == null ? "" : freq.value()) {
            case "hourly" -> BigDecimal.ONE.divide(BigDecimal.valueOf(24), 4, RoundingMode.HALF_UP);
            case "daily" -> BigDecimal.ONE;
            case "weekly" -> BigDecimal.valueOf(7);
            case "monthly" -> BigDecimal.valueOf(30);
            case "yearly" -> BigDecimal.valueOf(365);
            default -> null; // rotated by size only: the age of the oldest copy depends on traffic
        };
        if (period == null) {
            return new EffectiveSetting("retention-days", null, rotate, List.of());
        }
        BigDecimal days = period.multiply(BigDecimal.valueOf(count)).setScale(0, RoundingMode.DOWN);
        Directive from = rotate != null ? rotate : freq;
        if (maxage != null && parse(maxage.value()) < days.intValue()) {
            days = BigDecimal.valueOf(parse(maxage.value()));
            from = maxage;
        }
        return new EffectiveSetting("retention-days", days.toPlainString(), from, List.of());
    }

    private static boolean rotates(Stanza s, String log) {
        for (String pattern : s.logs()) {
            String p = pattern.replace("\"", "");
            if (p.equals(log)) {
                return true;
            }
            try {
                if (chuan.util.Glob.compile(p, chuan.util.Glob.Syntax.POSIX).matches(log)) { // linear: written in the tree
                    return true;
                }
            } catch (chuan.util.Glob.Invalid e) {
                // a pattern logrotate's glob(3) would not accept rotates nothing
            }
        }
        return false;
    }

    private static int parse(String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }



}
