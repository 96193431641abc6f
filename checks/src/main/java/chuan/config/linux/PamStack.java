package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.IncludedFiles;
import chuan.config.SystemRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The PAM stack of one service ({@code /etc/pam.d/sshd}) as libpam builds it: one rule per line
 * ({@code type control module args}), backslash continuing a line, {@code [value=action ...]}
 * controls kept whole, a leading {@code -} on the type (skip a missing module) dropped, and
 * {@code @include FILE} (Debian) or an {@code include}/{@code substack} control (Red Hat) replaced by
 * the rules of that file for the same type. Each rule keeps the file and line that wrote it.
 */
public final class PamStack {

    public static final String DIRECTORY = "/etc/pam.d";
    /** libpam's PAM_SUBSTACK_MAX_LEVEL: deeper includes make it abort the whole stack. */
    private static final int MAX_DEPTH = 16;

    /** One rule of the stack. */
    public record Rule(String type, String control, String module, List<String> args, Directive from) {

        public Rule {
            args = List.copyOf(args);
        }

        /** The module's name without directory or {@code .so} ({@code pam_faillock}). */
        public String moduleName() {
            String m = module.substring(module.lastIndexOf('/') + 1);
            return m.endsWith(".so") ? m.substring(0, m.length() - 3) : m;
        }

        /** {@code minlen=14} gives {@code 14} for {@code minlen}; a bare flag ({@code enforce_for_root}) gives "". */
        public Optional<String> arg(String name) {
            for (String a : args) {
                if (a.equals(name)) {
                    return Optional.of("");
                }
                if (a.startsWith(name + "=")) {
                    return Optional.of(a.substring(name.length() + 1));
                }
            }
            return Optional.empty();
        }
    }

    private final String service;
    private final List<Rule> rules = new ArrayList<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> filesRead = new ArrayList<>();

    private PamStack(String service) {
        this.service = service;
    }

    private IncludeChain chain;

    public static PamStack read(SystemRoot root, String service) {
        PamStack s = new PamStack(service);
        s.chain = new IncludeChain(root);
        IncludedFiles files = new IncludedFiles(root, "include", s.problems, s.filesRead);
        s.file(files, DIRECTORY + "/" + service, null, null, 0);
        return s;
    }

    public String service() {
        return service;
    }

    /** Every rule in the order libpam runs them within each type. */
    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** The rules of one type ({@code auth}, {@code account}, {@code password}, {@code session}). */
    public List<Rule> rules(String type) {
        return rules.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The first rule of that type that calls the module, e.g. {@code pam_pwquality} in {@code password}. */
    public Optional<Rule> find(String type, String moduleName) {
        return rules(type).stream().filter(r -> r.moduleName().equals(moduleName)).findFirst();
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    public List<String> filesRead() {
        return List.copyOf(filesRead);
    }

    /** Reads a file; {@code onlyType} keeps the rules of one type (an include from a rule of that type). */
    private void file(IncludedFiles files, String systemPath, String onlyType, Directive includedBy, int depth) {
        if (includedBy != null && chain.loops(systemPath)) {
            problems.add(ConfigProblem.malformed(includedBy.file(), includedBy.line(), includedBy.keyword() + " "
                    + systemPath + " includes a file being read (a loop): libpam follows it " + MAX_DEPTH
                    + " levels deep and aborts the stack"));
            return;
        }
        Optional<java.nio.file.Path> entered = chain.enter(systemPath);
        try {
            read(files, systemPath, onlyType, includedBy, depth);
        } finally {
            chain.leave(entered);
        }
    }

    private void read(IncludedFiles files, String systemPath, String onlyType, Directive includedBy, int depth) {
        Optional<IncludedFiles.Opened> opened = files.open(systemPath, includedBy);
        if (opened.isEmpty()) {
            return;
        }
        String where = opened.get().where();
        List<String> lines = opened.get().text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (logical.toString().endsWith("\\") && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(lines.get(++i));
            }
            String text = logical.toString();
            int hash = text.indexOf('#');
            if (hash >= 0) {
                text = text.substring(0, hash);
            }
            List<String> words = words(text);
            if (words.isEmpty()) {
                continue;
            }
            Directive at = new Directive(words.get(0), String.join(" ", words.subList(1, words.size())), where, first + 1);
            if (words.get(0).equals("@include")) {
                if (words.size() < 2) {
                    problems.add(new ConfigProblem(where, first + 1, "@include without a file"));
                } else if (depth < MAX_DEPTH) {
                    file(files, path(words.get(1)), onlyType, at, depth + 1);
                } else {
                    problems.add(ConfigProblem.malformed(where, first + 1, "includes nested deeper than " + MAX_DEPTH
                            + ": libpam aborts the stack"));
                }
                continue;
            }
            if (words.size() < 3) {
                problems.add(ConfigProblem.malformed(where, first + 1, "incomplete rule \"" + text.strip() + "\"; ignored"));
                continue;
            }
            String type = words.get(0).startsWith("-") ? words.get(0).substring(1) : words.get(0);
            type = type.toLowerCase(Locale.ROOT);
            if (onlyType != null && !type.equals(onlyType)) {
                continue;
            }
            String control = words.get(1);
            if (control.equals("include") || control.equals("substack")) {
                if (depth < MAX_DEPTH) {
                    file(files, path(words.get(2)), type, at, depth + 1);
                } else {
                    problems.add(ConfigProblem.malformed(where, first + 1, "includes nested deeper than " + MAX_DEPTH
                            + ": libpam aborts the stack"));
                }
                continue;
            }
            rules.add(new Rule(type, control, words.get(2), words.subList(3, words.size()), at));
        }
        files.close(opened.get());
    }

    private static String path(String name) {
        return name.startsWith("/") ? name : DIRECTORY + "/" + name;
    }

    /** Splits on white space, keeping {@code [ ... ]} (controls and bracketed arguments) as one word. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
