package chuan.config.apache;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.IncludedFiles;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads httpd's files in order, splicing includes and deciding conditionals as it goes. */
record ApacheReader(SystemRoot root, ApacheConfig into, IncludedFiles files) {

    /** An open section: the scope it adds (null for a conditional) and whether its content counts. */
    private record Open(String name, Directive at, ApacheConfig.Scope scope, boolean active) {
    }

    void file(String systemPath, ApacheConfig.Scope scope, int depth, Directive includedBy) {
        Optional<IncludedFiles.Opened> opened = files.open(systemPath, includedBy);
        if (opened.isEmpty()) {
            return;
        }
        String where = opened.get().where();
        List<String> lines = opened.get().text().lines().toList();
        Deque<Open> open = new ArrayDeque<>();
        ApacheConfig.Scope current = scope;
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines.get(i).strip());
            while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(lines.get(++i).strip());
            }
            String text = logical.toString().strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            boolean active = open.isEmpty() || open.peek().active();
            if (text.startsWith("</")) {
                String name = text.substring(2, text.endsWith(">") ? text.length() - 1 : text.length()).strip();
                if (open.isEmpty() || !open.peek().name().equalsIgnoreCase(name)) {
                    into.problem(ConfigProblem.malformed(where, first + 1, "</" + name + "> without a matching <"
                            + name + ">"));
                    continue;
                }
                Open closed = open.pop();
                if (closed.scope() != null) {
                    current = closed.scope().parent;
                }
                continue;
            }
            if (text.startsWith("<")) {
                if (!text.endsWith(">")) {
                    into.problem(ConfigProblem.malformed(where, first + 1, "section " + text + " has no closing \">\""));
                    continue;
                }
                String inner = text.substring(1, text.length() - 1).strip();
                int sp = indexOfSpace(inner);
                String name = sp < 0 ? inner : inner.substring(0, sp);
                String args = sp < 0 ? "" : unquote(inner.substring(sp + 1).strip());
                Directive at = new Directive("<" + name + ">", args, where, first + 1);
                String lower = name.toLowerCase(Locale.ROOT);
                if (ApacheConfig.SCOPES.contains(lower)) {
                    ApacheConfig.Scope s = new ApacheConfig.Scope(name, args, at, current);
                    if (active) {
                        current.children.add(s);
                    }
                    open.push(new Open(name, at, s, active));
                    current = s;
                } else {
                    open.push(new Open(name, at, null, active && condition(lower, args)));
                }
                continue;
            }
            if (!active) {
                continue;
            }
            int sp = indexOfSpace(text);
            String keyword = sp < 0 ? text : text.substring(0, sp);
            String value = sp < 0 ? "" : text.substring(sp + 1).strip();
            Directive d = new Directive(keyword, value, where, first + 1);
            switch (keyword.toLowerCase(Locale.ROOT)) {
                case "include", "includeoptional" -> include(d, current, depth, keyword.equalsIgnoreCase("includeoptional"));
                case "loadmodule" -> {
                    String[] w = value.split("\\s+");
                    into.modules.add(ApacheConfig.moduleName(w[0]));
                    current.directives.add(d);
                }
                case "define" -> {
                    into.defines.add(value.split("\\s+")[0]);
                    current.directives.add(d);
                }
                case "serverroot" -> {
                    into.serverRoot = unquote(value);
                    current.directives.add(d);
                }
                default -> current.directives.add(d);
            }
        }
        for (Open o : open) {
            into.problem(ConfigProblem.malformed(where, o.at().line(), "<" + o.name() + "> is not closed before the end of the file"));
        }
        files.close(opened.get());
    }

    private boolean condition(String section, String args) {
        boolean negate = args.startsWith("!");
        String name = negate ? args.substring(1).strip() : args;
        boolean holds = switch (section) {
            case "ifmodule" -> into.modules.contains(ApacheConfig.moduleName(name));
            case "ifdefine" -> into.defines.contains(name);
            case "iffile" -> root.resolve(name.startsWith("/") ? name : into.serverRoot + "/" + name, "/")
                    .map(Files::exists).orElse(false);
            default -> true; // IfVersion and others: assume the installed httpd satisfies them
        };
        return negate != holds;
    }

    private void include(Directive at, ApacheConfig.Scope scope, int depth, boolean optional) {
        if (depth + 1 > ApacheConfig.MAX_DEPTH) {
            into.problem(new ConfigProblem(at.file(), at.line(), at.keyword() + " nested deeper than " + ApacheConfig.MAX_DEPTH));
            return;
        }
        String pattern = unquote(at.value());
        String path = pattern.startsWith("/") ? pattern : into.serverRoot + "/" + pattern;
        int slash = path.lastIndexOf('/');
        String dir = slash == 0 ? "/" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        try {
            if (SystemRoot.isGlob(name)) {
                List<String> matches = root.glob(dir, name).orElse(List.of());
                if (matches.isEmpty() && !optional) {
                    into.problem(new ConfigProblem(at.file(), at.line(), at.keyword() + " " + pattern
                            + ": no file matches"));
                }
                for (String child : matches) {
                    file(child, scope, depth + 1, at);
                }
                return;
            }
            Optional<Path> disk = root.resolve(path, "/");
            if (disk.isPresent() && Files.isDirectory(disk.get())) {
                for (String child : root.glob(path, "*").orElse(List.of())) {
                    file(child, scope, depth + 1, at);
                }
            } else if (disk.isPresent() && Files.exists(disk.get())) {
                file(path, scope, depth + 1, at);
            } else if (!optional) {
                into.problem(new ConfigProblem(at.file(), at.line(), at.keyword() + " " + pattern + ": no such file"));
            }
        } catch (IOException e) {
            into.problem(ConfigProblem.unreadable(at.file(), at.line(), at.keyword() + " " + pattern + ": "
                    + (e instanceof SystemRoot.InvalidGlob ? "" : "cannot list " + dir + ": ") + IncludedFiles.reason(e)));
        }
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
