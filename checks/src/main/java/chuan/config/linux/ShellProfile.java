package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables that login shells get from the system-wide startup files ({@code TMOUT}, {@code umask}
 * is not one of them): {@code /etc/profile}, {@code /etc/bash.bashrc}, then {@code /etc/profile.d/*.sh}
 * in lexical order, as Debian's and Red Hat's {@code /etc/profile} source them; the last assignment
 * wins. Only plain assignments at the start of a line are read ({@code TMOUT=900},
 * {@code export TMOUT=900}, {@code readonly TMOUT=900}, {@code declare -r TMOUT=900}); the shell is
 * not run.
 */
public final class ShellProfile extends ReadConfig {

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:(?:export|readonly|declare|typeset|local)(?:\\s+-[a-zA-Z]+)*\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|[^\\s;]*)");

    private final Map<String, List<Directive>> assignments = new LinkedHashMap<>();
    private ShellProfile() {
        super("/etc/profile");
    }

    public static ShellProfile read(SystemRoot root) {
        ShellProfile p = new ShellProfile();
        IncludedFiles files = new IncludedFiles(root, "source", p.problems, p.filesRead);
        List<String> order = new ArrayList<>();
        for (String f : List.of("/etc/profile", "/etc/bash.bashrc")) {
            Optional<java.nio.file.Path> disk = root.resolve(f, "/");
            if (disk.isPresent() && SystemRoot.exists(disk.get())) {
                order.add(f);
            }
        }
        try {
            order.addAll(root.glob("/etc/profile.d", "*.sh").orElse(List.of()));
        } catch (IOException e) {
            p.problems.add(ConfigProblem.unreadable("/etc/profile.d", 0, "cannot list: " + IncludedFiles.reason(e)));
        }
        for (String f : order) {
            p.file(files, f);
        }
        return p;
    }

    private void file(IncludedFiles files, String systemPath) {
        Optional<IncludedFiles.Opened> opened = files.open(systemPath, null);
        if (opened.isEmpty()) {
            return;
        }
        List<String> lines = opened.get().text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ASSIGNMENT.matcher(lines.get(i));
            if (m.find()) {
                String v = m.group(2);
                if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                assignments.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(new Directive(m.group(1), v, opened.get().where(), i + 1));
            }
        }
        files.close(opened.get());
    }

    @Override
    public List<Scoped> lookup(String name) {
        List<Directive> all = assignments.get(name);
        if (all == null) {
            return List.of(new Scoped(null, new EffectiveSetting(name, null, null, List.of()),
                    "no system-wide startup file sets " + name));
        }
        Directive last = all.get(all.size() - 1);
        return List.of(new Scoped(null, new EffectiveSetting(name, last.value(), last, all.subList(0, all.size() - 1))));
    }



}
