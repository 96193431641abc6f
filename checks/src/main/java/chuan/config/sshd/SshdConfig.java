package chuan.config.sshd;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration sshd really runs with, read from a system root the way OpenSSH reads it:
 * {@code Include} expands its globs in lexical order at the point where it stands (relative
 * paths from {@code /etc/ssh}), the first value read for a keyword wins and later ones are
 * ignored (except keywords that accumulate, such as {@code AllowUsers}), {@code Match} blocks are
 * conditional scopes that run to the next {@code Match} or the end of the file they are in, and a
 * keyword never set takes its compiled-in default. So a drop-in's {@code PasswordAuthentication yes}
 * read before the main file's {@code no} is what sshd uses.
 */
public final class SshdConfig extends ReadConfig {

    public static final String MAIN = "/etc/ssh/sshd_config";
    private static final int MAX_DEPTH = 16; // OpenSSH's SERVCONF_MAX_DEPTH

    /** Keywords whose every occurrence adds to the value instead of the first one winning. */
    private static final Set<String> ACCUMULATE = Set.of("acceptenv", "allowgroups", "allowusers", "denygroups", "denyusers",
            "hostkey", "hostcertificate", "listenaddress", "port", "setenv", "subsystem");

    /** A {@code Match} block: its criteria, where it starts, and the directives inside it. */
    public record MatchBlock(String criteria, Directive start, List<Directive> directives) {
    }

    private final List<Directive> global = new ArrayList<>();
    private final List<MatchBlock> matches = new ArrayList<>();
    private final Map<String, EffectiveSetting> effective = new LinkedHashMap<>();

    private SshdConfig() {
        super(MAIN);
    }

    /** Reads {@code /etc/ssh/sshd_config} and what it includes, inside the root. */
    public static SshdConfig read(SystemRoot root) {
        SshdConfig c = new SshdConfig();
        new Reader(root, c).file(MAIN, null, 0, new IncludedFiles(root, "Include", c.problems, c.filesRead), null);
        c.settle();
        return c;
    }

    private void settle() {
        Map<String, List<Directive>> byKey = new LinkedHashMap<>();
        for (Directive d : global) {
            byKey.computeIfAbsent(d.keyword().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
        }
        for (var e : byKey.entrySet()) {
            List<Directive> all = e.getValue();
            if (ACCUMULATE.contains(e.getKey())) {
                StringBuilder value = new StringBuilder();
                for (Directive d : all) {
                    value.append(value.length() == 0 ? "" : " ").append(d.value());
                }
                effective.put(e.getKey(), new EffectiveSetting(e.getKey(), value.toString(), all.get(0), List.of()));
            } else {
                effective.put(e.getKey(), new EffectiveSetting(e.getKey(), all.get(0).value(), all.get(0),
                        all.subList(1, all.size())));
            }
        }
    }

    /** Every keyword set outside Match blocks, and every documented default not set, sorted by keyword. */
    public List<EffectiveSetting> all() {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(effective.keySet());
        keys.addAll(SshdDefaults.keywords());
        return keys.stream().map(k -> effective(k).orElseThrow()).toList();
    }

    /** The value sshd uses outside any Match block, with its origin; the compiled-in default when unset. */
    public Optional<EffectiveSetting> effective(String keyword) {
        String key = keyword.toLowerCase(Locale.ROOT);
        EffectiveSetting set = effective.get(key);
        if (set != null) {
            return Optional.of(set);
        }
        String def = SshdDefaults.of(key);
        return def == null ? Optional.empty() : Optional.of(new EffectiveSetting(key, def, null, List.of()));
    }

    public List<MatchBlock> matchBlocks() {
        return List.copyOf(matches);
    }



    /** Reads files, following includes. */
    private record Reader(SystemRoot root, SshdConfig into) {

        void file(String systemPath, MatchBlock scope, int depth, IncludedFiles files, Directive includedBy) {
            Optional<IncludedFiles.Opened> opened = files.open(systemPath, includedBy);
            if (opened.isEmpty()) {
                return;
            }
            String where = opened.get().where();
            List<String> lines = opened.get().text().lines().toList();
            MatchBlock current = scope;
            for (int i = 0; i < lines.size(); i++) {
                List<String> words = SshdTokens.split(lines.get(i));
                if (words.isEmpty()) {
                    continue;
                }
                String keyword = words.get(0);
                String value = String.join(" ", words.subList(1, words.size()));
                Directive d = new Directive(keyword, value, where, i + 1);
                if (value.isEmpty()) {
                    // sshd refuses to start on a keyword without its argument
                    into.problems.add(ConfigProblem.malformed(where, i + 1, "\"" + keyword + "\" has no value"));
                    continue;
                }
                switch (keyword.toLowerCase(Locale.ROOT)) {
                    case "include" -> {
                        if (depth + 1 > MAX_DEPTH) {
                            into.problems.add(new ConfigProblem(where, i + 1, "Include nested deeper than " + MAX_DEPTH));
                            continue;
                        }
                        for (String pattern : words.subList(1, words.size())) {
                            include(pattern, d, current, depth, files);
                        }
                    }
                    case "match" -> {
                        current = new MatchBlock(value, d, new ArrayList<>());
                        into.matches.add(current);
                    }
                    default -> (current == null ? into.global : current.directives()).add(d);
                }
            }
            files.close(opened.get());
        }

        /** One Include argument: a file or a glob in its last path component, expanded in lexical order. */
        private void include(String pattern, Directive at, MatchBlock scope, int depth, IncludedFiles files) {
            String path = pattern.startsWith("/") ? pattern : "/etc/ssh/" + pattern;
            int slash = path.lastIndexOf('/');
            String dir = slash == 0 ? "/" : path.substring(0, slash);
            String name = path.substring(slash + 1);
            if (!SystemRoot.isGlob(name)) {
                if (SystemRoot.isGlob(dir)) {
                    into.problems.add(new ConfigProblem(at.file(), at.line(), "Include " + pattern
                            + ": wildcards in directory names are not followed"));
                    return;
                }
                file(path, scope, depth + 1, files, at);
                return;
            }
            Optional<List<String>> matches;
            try {
                matches = root.glob(dir, name);
            } catch (IOException e) {
                into.problems.add(ConfigProblem.unreadable(at.file(), at.line(), "Include " + pattern + ": "
                        + (e instanceof SystemRoot.InvalidGlob ? "" : "cannot list " + dir + ": ") + IncludedFiles.reason(e)));
                return;
            }
            if (matches.isEmpty()) {
                into.problems.add(new ConfigProblem(at.file(), at.line(), "Include " + pattern + ": no such directory " + dir));
                return;
            }
            for (String child : matches.get()) { // sshd does not complain when a glob matches nothing
                file(child, scope, depth + 1, files, at);
            }
        }

    }

    /** The global value, then each Match block's own value: sshd applies it to the connections the block matches. */
    @Override
    public List<Scoped> lookup(String keyword) {
        List<Scoped> out = new ArrayList<>(EffectiveConfig.global(keyword, effective(keyword)));
        for (MatchBlock m : matches) {
            List<Directive> own = m.directives().stream().filter(d -> d.keyword().equalsIgnoreCase(keyword)).toList();
            if (!own.isEmpty()) {
                out.add(new Scoped("Match " + m.criteria() + " (" + m.start().origin() + ")",
                        new EffectiveSetting(keyword, own.get(0).value(), own.get(0), own.subList(1, own.size()))));
            }
        }
        return out;
    }

}
