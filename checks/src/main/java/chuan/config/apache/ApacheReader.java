package chuan.config.apache;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.IncludedFiles;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads httpd's files as httpd 2.4 builds its configuration (server/config.c), then checks what it
 * built as httpd walks it.
 *
 * <p>Reading: a line ending in a backslash continues on the next (a comment too); {@code ${NAME}}
 * takes Define's value or the environment's (Debian's {@code envvars}); includes, conditional
 * sections, {@code LoadModule} and {@code Define} act at once. A true conditional section that is
 * never closed ends with its file, as in httpd; a false one must be closed in its file; scopes
 * ({@code <VirtualHost>}, {@code <Directory>}, ...) must be closed in the file that opens them. The
 * first such error stops the reading, as it stops httpd.
 *
 * <p>Checking: httpd needs an MPM; then every directive must be provided by a loaded module and be
 * written in a context that directive allows ({@link ApacheDirectives}).
 */
final class ApacheReader {

    /** httpd's AP_MAX_INCLUDE_DEPTH: Include inside Include. */
    static final int MAX_INCLUDE_DEPTH = 128;
    /**
     * Sections nested in sections. httpd has no limit but recurses once per level and crashes
     * (stack overflow) between 5,000 and 20,000 levels; beyond this many the input is refused.
     */
    static final int MAX_NESTING = 10_000;

    private static final String REFUSED = "Apache would not start: ";
    private static final Set<String> CONDITIONS = Set.of("ifmodule", "ifdefine", "iffile", "ifdirective", "ifsection");
    /** Directory-like sections by the letter httpd's contexts give them ({@link ApacheDirectives.Context}). */
    private static final Map<String, Character> SECTION_LETTERS = Map.ofEntries(Map.entry("directory", 'd'),
            Map.entry("directorymatch", 'd'), Map.entry("location", 'l'), Map.entry("locationmatch", 'l'),
            Map.entry("files", 'f'), Map.entry("filesmatch", 'f'), Map.entry("if", 'i'), Map.entry("elseif", 'i'),
            Map.entry("else", 'i'), Map.entry("proxy", 'p'), Map.entry("proxymatch", 'p'));

    /** Where a directive was written, for the checks made once everything is read. */
    private record Placed(Directive at, String name, ApacheDirectives.Context context) {
    }

    /** An open section: a scope, a true conditional, or a section taken as it is; and the context outside it. */
    private record Open(String name, Directive at, ApacheConfig.Scope scope, ApacheDirectives.Context outside,
            boolean condition, boolean insideCondition) {
    }

    /** Where reading stands in one file: the scope and context directives go to, and the open sections. */
    private static final class State {
        ApacheConfig.Scope scope;
        ApacheDirectives.Context context;
        final Deque<Open> open = new ArrayDeque<>();

        State(ApacheConfig.Scope scope, ApacheDirectives.Context context) {
            this.scope = scope;
            this.context = context;
        }

        boolean insideCondition() {
            return open.stream().anyMatch(Open::condition);
        }
    }

    private final SystemRoot root;
    private final ApacheConfig into;
    private final IncludedFiles files;
    private final ApacheConditions conditions;
    private final Map<String, String> environment;
    private final Set<Path> reading = new HashSet<>();
    private final List<Placed> placed = new ArrayList<>();
    private boolean stopped;

    ApacheReader(SystemRoot root, ApacheConfig into, IncludedFiles files) {
        this.root = root;
        this.into = into;
        this.files = files;
        this.conditions = new ApacheConditions(root, into);
        this.environment = ApacheEnvironment.read(root, into.layout);
    }

    /** Reads from the main file, then checks what was read. */
    void read() {
        file(into.mainFile(), new State(into.server, ApacheDirectives.Context.SERVER), 0, null);
        if (stopped) {
            return;
        }
        if (into.modules.stream().noneMatch(m -> m.startsWith("mpm_"))) {
            refuse(into.mainFile(), 0, "Configuration error: No MPM loaded (LoadModule mpm_event_module, mpm_worker_module "
                    + "or mpm_prefork_module)");
            return;
        }
        check();
    }

    private void refuse(String file, int line, String message) {
        into.problem(ConfigProblem.malformed(file, line, REFUSED + message));
        stopped = true;
    }

    /** One file, read into the includer's scope and context. */
    private void file(String systemPath, State outer, int depth, Directive includedBy) {
        Optional<Path> disk = root.resolve(systemPath, "/");
        String text;
        String where;
        IncludedFiles.Opened opened = null;
        if (disk.isPresent() && reading.contains(disk.get())) {
            // a file including itself, directly or not: httpd reads it again until its include depth stops it
            try {
                text = new String(root.read(disk.get()), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                into.problem(ConfigProblem.unreadable(systemPath, (e instanceof SystemRoot.NotRead ? "" : "cannot read: ")
                        + IncludedFiles.reason(e)));
                return;
            }
            where = root.systemPath(disk.get());
        } else {
            Optional<IncludedFiles.Opened> o = files.open(systemPath, includedBy);
            if (o.isEmpty()) {
                return;
            }
            opened = o.get();
            text = opened.text();
            where = opened.where();
        }
        Path key = disk.orElse(null);
        boolean first = key != null && reading.add(key);
        try {
            lines(where, text, new State(outer.scope, outer.context), depth);
        } finally {
            if (first) {
                reading.remove(key);
            }
            if (opened != null) {
                files.close(opened);
            }
        }
    }

    private void lines(String where, String text, State st, int depth) {
        List<ApacheLines.Line> lines = ApacheLines.of(text);
        for (int i = 0; i < lines.size() && !stopped; i++) {
            ApacheLines.Line l = lines.get(i);
            String line = l.text();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line = ApacheEnvironment.resolve(line, into.defines, environment);
            String word = ApacheLines.firstWord(line);
            String rest = line.substring(Math.min(line.length(), word.length())).strip();
            if (word.startsWith("</")) {
                close(where, l.number(), word, st);
            } else if (word.startsWith("<")) {
                i = section(where, lines, i, word, rest, st);
            } else {
                directive(new Directive(word, rest, where, l.number()), st, depth);
            }
        }
        if (stopped) {
            return;
        }
        // scopes opened outside a conditional must close in their file; a conditional ends with it
        Open unclosed = null;
        for (Open o : st.open) { // innermost first
            if (!o.condition() && !o.insideCondition()) {
                unclosed = o;
            }
        }
        if (unclosed != null) {
            refuse(where, unclosed.at().line(), unclosed.at().keyword() + " was not closed");
        }
    }

    private void close(String where, int number, String word, State st) {
        if (!word.endsWith(">")) {
            refuse(where, number, word + "> directive missing closing '>'");
            return;
        }
        String name = word.substring(2, word.length() - 1);
        if (st.open.isEmpty()) {
            refuse(where, number, word + " without matching <" + name + " section");
            return;
        }
        Open top = st.open.peek();
        if (!top.name().equalsIgnoreCase(name)) {
            refuse(where, number, "Expected </" + top.name() + "> but saw </" + name + ">");
            return;
        }
        st.open.pop();
        if (top.scope() != null) {
            st.scope = top.scope().parent;
        }
        st.context = top.outside();
    }

    /** A section's first line; returns the index of the last line it consumed. */
    private int section(String where, List<ApacheLines.Line> lines, int index, String word, String rest, State st) {
        int number = lines.get(index).number();
        String name;
        String args;
        if (word.endsWith(">") && rest.isEmpty()) {
            name = word.substring(1, word.length() - 1);
            args = "";
        } else if (rest.endsWith(">")) {
            name = word.substring(1);
            args = unquote(rest.substring(0, rest.length() - 1).strip());
        } else {
            refuse(where, number, "<" + word.substring(1) + "> directive missing closing '>'");
            return index;
        }
        if (st.open.size() >= MAX_NESTING) {
            refuse(where, number, "sections nested deeper than " + MAX_NESTING + " (httpd itself crashes on such depth)");
            return index;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Directive at = new Directive("<" + name + ">", args, where, number);
        boolean condition = CONDITIONS.contains(lower) || lower.equals("ifversion") && into.modules.contains("version");
        if (condition) {
            boolean holds;
            try {
                holds = conditions.holds(name, args);
            } catch (ApacheIncludes.Refused e) {
                refuse(where, number, e.getMessage());
                return index;
            }
            if (holds) {
                st.open.push(new Open(name, at, null, st.context, true, st.insideCondition()));
                return index;
            }
            return soak(where, lines, index, name, at);
        }
        if (lower.equals("macro") && into.modules.contains("macro")) {
            into.problem(new ConfigProblem(where, number, "mod_macro's <Macro> " + args
                    + " is not expanded: settings written through Use are not audited"));
            return soak(where, lines, index, name, at);
        }
        placed.add(new Placed(at, "<" + lower + ">", st.context));
        boolean inside = st.insideCondition();
        ApacheConfig.Scope s = null;
        if (ApacheConfig.SCOPES.contains(lower)) {
            s = new ApacheConfig.Scope(name, args, at, st.scope);
            st.scope.children.add(s);
        }
        // <Limit>, <RequireAll> and the like scope nothing: what is inside counts where the section is
        st.open.push(new Open(name, at, s, st.context, false, inside));
        if (s != null) {
            st.scope = s;
        }
        if (lower.equals("virtualhost")) {
            st.context = st.context.inVirtualHost();
        } else if (SECTION_LETTERS.containsKey(lower)) {
            st.context = st.context.inSection(SECTION_LETTERS.get(lower), name);
        }
        return index;
    }

    /**
     * A false conditional: its lines are skipped up to its matching end, nested sections counted,
     * as httpd's ap_soak_end_container does. Returns the index of the closing line.
     */
    private int soak(String where, List<ApacheLines.Line> lines, int index, String name, Directive at) {
        Deque<String> pending = new ArrayDeque<>();
        pending.push(name);
        for (int i = index + 1; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (text.isEmpty() || text.startsWith("#") || !text.startsWith("<")) {
                continue;
            }
            String word = ApacheLines.firstWord(text);
            if (word.startsWith("</")) {
                String closing = word.substring(2, word.endsWith(">") ? word.length() - 1 : word.length());
                if (!closing.equalsIgnoreCase(pending.peek())) {
                    refuse(where, at.line(), "Expected </" + pending.peek() + "> but saw </" + closing + ">");
                    return i;
                }
                pending.pop();
                if (pending.isEmpty()) {
                    return i;
                }
            } else {
                if (pending.size() >= MAX_NESTING) {
                    refuse(where, lines.get(i).number(), "sections nested deeper than " + MAX_NESTING
                            + " (httpd itself crashes on such depth)");
                    return i;
                }
                String rest = text.substring(word.length()).strip();
                pending.push(word.substring(1, word.endsWith(">") && rest.isEmpty() ? word.length() - 1 : word.length()));
            }
        }
        refuse(where, at.line(), "Expected </" + pending.peek() + "> before end of configuration");
        return lines.size();
    }

    private void directive(Directive d, State st, int depth) {
        String lower = d.keyword().toLowerCase(Locale.ROOT);
        placed.add(new Placed(d, lower, st.context));
        switch (lower) {
            case "include", "includeoptional" -> include(d, st, depth, lower.equals("includeoptional"));
            case "loadmodule" -> {
                load(d);
                st.scope.directives.add(d);
            }
            case "define" -> {
                String[] w = d.value().split("\\s+", 2);
                into.defines.put(w[0], w.length > 1 ? unquote(w[1].strip()) : null);
                st.scope.directives.add(d);
            }
            case "undefine" -> into.defines.remove(d.value().strip());
            case "serverroot" -> {
                into.serverRoot = unquote(d.value());
                st.scope.directives.add(d);
            }
            default -> st.scope.directives.add(d);
        }
    }

    private void load(Directive d) {
        String id = d.value().split("\\s+")[0];
        String name = ApacheConfig.moduleName(id);
        if (!name.equals("core") && !name.equals("http_core") && into.layout.builtIn().contains(name)) {
            refuse(d.file(), d.line(), "module " + id + " is built-in and can't be loaded");
            return;
        }
        if (into.modules.add(name)) { // loaded twice: httpd warns and skips the second
            into.loadedIds.add(id);
            into.lastLoad = d;
        }
    }

    private void include(Directive at, State st, int depth, boolean optional) {
        if (depth + 1 > MAX_INCLUDE_DEPTH) {
            refuse(at.file(), at.line(), "Exceeded maximum include depth of " + MAX_INCLUDE_DEPTH
                    + ", There appears to be a recursion.");
            return;
        }
        String pattern = unquote(at.value());
        String path = pattern.startsWith("/") ? pattern : into.serverRoot + "/" + pattern;
        List<String> found;
        try {
            found = ApacheIncludes.expand(root, path, optional);
        } catch (ApacheIncludes.Refused e) {
            refuse(at.file(), at.line(), e.getMessage());
            return;
        }
        for (String f : found) {
            if (stopped) {
                return;
            }
            Optional<Path> disk = root.resolve(f, "/");
            if (disk.isEmpty() || !Files.exists(disk.get())) {
                refuse(at.file(), at.line(), "Could not open configuration file " + f + ": No such file or directory");
                return;
            }
            file(f, st, depth + 1, at);
        }
    }

    /** httpd's walk: each directive provided by a loaded module, in a context it allows. */
    private void check() {
        ApacheDirectives table = ApacheDirectives.get();
        boolean allKnown = table.allDocumented(into.modules);
        for (Placed p : placed) {
            ApacheDirectives.Known k = table.known(p.name());
            boolean provided = k != null && k.modules().stream().anyMatch(into.modules::contains);
            if (ApacheDirectives.EXECUTED_ON_READ.contains(p.name()) && (k == null || provided)) {
                continue; // done while reading, where httpd does not look at contexts
            }
            String shown = p.name().startsWith("<") ? p.at().keyword().substring(0, p.at().keyword().length() - 1)
                    : p.at().keyword();
            if (k == null ? allKnown : !provided) {
                into.problem(ConfigProblem.malformed(p.at().file(), p.at().line(), REFUSED + "Invalid command '" + shown
                        + "', perhaps misspelled or defined by a module not included in the server configuration"));
            } else if (k != null && !k.allowedIn(p.context())) {
                ApacheDirectives.Context c = p.context();
                into.problem(ConfigProblem.malformed(p.at().file(), p.at().line(), REFUSED + shown
                        + (c.section() != null ? " not allowed in <" + c.section() + "> context"
                        : c.virtualHost() ? " cannot occur within <VirtualHost> section" : " not allowed here")));
            }
        }
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
