package chuan.config.nginx;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.IncludedFiles;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads nginx's files into a {@link NginxConfig} the way ngx_conf_parse() does, checking each directive as
 * ngx_conf_handler() and the generic slot handlers do: known to some module, allowed in its context,
 * terminated by {@code ;} or opening a block as it must, with the right number of arguments, an on/off,
 * enum or bitmask value nginx knows, and not a duplicate. Each refusal is a malformed problem at the file
 * and line nginx names. Blocks and includes are followed with explicit stacks, not recursion: a file
 * nesting 60,000 blocks is an input error, never a stack overflow.
 */
final class NginxReader {

    /** nginx 1.22 crashes near 13,000 nested blocks with an 8 MiB stack; no real configuration comes close. */
    static final int MAX_BLOCK_DEPTH = 10_000;
    /** nginx keeps every file of an include chain open: its limit is the open-file limit (1024 by default). */
    static final int MAX_INCLUDE_DEPTH = 1_000;
    private static final String PREFIX = "/etc/nginx/";
    /** Blocks whose contents are not directives, but which read {@code include} themselves. */
    private static final Set<String> CUSTOM_WITH_INCLUDE = Set.of("types", "map", "geo");

    /** A file being read: its text's lexer, its name as nginx builds it, and how deep the blocks were when it began. */
    private record Open(IncludedFiles.Opened file, String named, NginxLexer lexer, int depth) {
    }

    /** The files an include still has to read, one after the other, each opened when its turn comes. */
    private static final class Pending {
        final java.util.Iterator<String> paths;
        final Directive at;
        final int line;

        Pending(List<String> paths, Directive at, int line) {
            this.paths = paths.iterator();
            this.at = at;
            this.line = line;
        }
    }

    private final SystemRoot root;
    private final NginxConfig into;
    private final IncludedFiles files;
    private final NginxDirectives table = NginxDirectives.table();
    /** Files being read and includes in progress, innermost on top: an {@link Open} or a {@link Pending}. */
    private final Deque<Object> frames = new ArrayDeque<>();
    private int filesOpen;
    private final Deque<NginxConfig.Block> blocks = new ArrayDeque<>();
    private final Set<Path> reading = new HashSet<>();
    private final Map<NginxConfig.Block, Map<String, Directive>> seen = new HashMap<>();
    private boolean foreignModules;
    private final NginxVariables variables = new NginxVariables();
    /** log_format names defined so far, per module: access_log may only name one defined before it. */
    private final Map<String, List<String>> formats = new HashMap<>(Map.of("http", new java.util.ArrayList<>(List.of("combined")),
            "stream", new java.util.ArrayList<>()));

    NginxReader(SystemRoot root, NginxConfig into) {
        this.root = root;
        this.into = into;
        this.files = new IncludedFiles(root, "include", into.problemList(), into.filesList());
    }

    void run() {
        blocks.push(into.main());
        Optional<IncludedFiles.Opened> main = files.open(NginxConfig.MAIN, null);
        if (main.isEmpty()) {
            return;
        }
        push(main.get(), NginxConfig.MAIN);
        while (!frames.isEmpty()) {
            if (frames.peek() instanceof Pending p) {
                if (!p.paths.hasNext()) {
                    frames.pop();
                } else if (!openFile(p.paths.next(), p.at, p.line)) {
                    frames.pop(); // nginx stops at the first file it cannot open
                }
                continue;
            }
            Open f = (Open) frames.peek();
            NginxLexer.Statement s;
            try {
                s = f.lexer().next();
            } catch (NginxLexer.Error e) {
                refuse(f.file().where(), e.line(), e.getMessage());
                pop(f);
                continue;
            }
            switch (s.end()) {
                case EOF -> {
                    if (blocks.size() - 1 > f.depth()) {
                        refuse(f.file().where(), s.endLine(), "unexpected end of file, expecting \"}\"");
                    }
                    pop(f);
                }
                case CLOSE -> {
                    if (blocks.size() - 1 == f.depth()) {
                        refuse(f.file().where(), s.endLine(), "unexpected \"}\"");
                        pop(f);
                    } else {
                        blocks.pop();
                    }
                }
                default -> {
                    if (!statement(f, s)) {
                        abort();
                    }
                }
            }
        }
        if (!foreignModules) { // a module nginx does not ship may define any variable
            variables.check(into.problemList(), into.version);
        }
    }

    /** One directive; false when reading must stop (nesting deeper than nginx could read). */
    private boolean statement(Open f, NginxLexer.Statement s) {
        NginxConfig.Block current = blocks.peek();
        String where = f.file().where();
        List<String> words = s.words();
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        Directive d = new Directive(name, String.join(" ", args), where, s.line());
        boolean opens = s.end() == NginxLexer.End.OPEN;
        variables.words(words, current.module());
        if (current.context() == NginxContext.CUSTOM) {
            if (opens) {
                refuse(where, s.endLine(), "unexpected \"{\"");
                return enter(current, d, NginxContext.CUSTOM, s);
            }
            if (name.equals("include") && CUSTOM_WITH_INCLUDE.contains(current.name())) {
                if (args.size() != 1) {
                    refuse(where, s.endLine(), "invalid number of arguments in \"include\" directive");
                    return true;
                }
                return include(args.get(0), d, s.endLine());
            }
            return true; // an entry of types, map, geo, ...: not a directive
        }
        if (current.context() == NginxContext.UNKNOWN) {
            if (name.equals("include") && !opens && args.size() == 1) {
                return include(args.get(0), d, s.endLine());
            }
            if (opens) {
                return enter(current, d, NginxContext.UNKNOWN, s);
            }
            current.add(d);
            return true;
        }
        List<NginxDirectives.Spec> specs = table.find(name, into.version);
        NginxDirectives.Spec spec = specs.stream().filter(x -> current.context().accepts(x.type(), x.flags())).findFirst().orElse(null);
        if (spec == null) {
            if (!specs.isEmpty()) {
                refuse(where, s.endLine(), "\"" + name + "\" directive is not allowed here");
            } else if (!foreignModules) {
                refuse(where, s.endLine(), "unknown directive \"" + name + "\"");
            }
            if (opens) {
                return enter(current, d, NginxContext.UNKNOWN, s);
            }
            current.add(d);
            return true;
        }
        boolean block = (spec.flags() & NginxDirectives.BLOCK) != 0;
        if (!block && opens) {
            refuse(where, s.endLine(), "directive \"" + name + "\" is not terminated by \";\"");
            return enter(current, d, NginxContext.UNKNOWN, s);
        }
        if (block && !opens) {
            refuse(where, s.endLine(), "directive \"" + name + "\" has no opening \"{\"");
            return true;
        }
        if (!spec.takes(args.size())) {
            refuse(where, s.endLine(), "invalid number of arguments in \"" + name + "\" directive");
        } else {
            checkValues(spec, args, where, s.endLine());
        }
        checkRepeat(current, spec, d, where, s.endLine());
        if (spec.type().equals("http") || spec.type().equals("stream")) {
            variables.directive(spec.type(), name, args, where, s.line());
        }
        if ((name.equals("log_format") || name.equals("access_log")) && !args.isEmpty() && formats.containsKey(spec.type())) {
            logFormats(spec.type(), name, args, where, s.endLine());
        }
        if (name.equals("include")) {
            return args.size() != 1 || include(args.get(0), d, s.endLine());
        }
        if (name.equals("load_module") && args.size() == 1) {
            String file = args.get(0).substring(args.get(0).lastIndexOf('/') + 1);
            String module = file.endsWith(".so") ? file.substring(0, file.length() - 3) : file;
            if (!table.knowsModule(module)) {
                foreignModules = true; // its directives are not in nginx's table: none is called unknown from here on
            }
        }
        if (opens) {
            return enter(current, d, spec.customContent() ? NginxContext.CUSTOM : current.context().open(name), s);
        }
        current.add(d);
        return true;
    }

    /** ngx_http_log_set_format and ngx_http_log_set_log: a format is defined once and used after it is defined. */
    private void logFormats(String module, String name, List<String> args, String where, int line) {
        List<String> known = formats.get(module);
        if (name.equals("log_format")) {
            if (known.contains(args.get(0))) {
                refuse(where, line, "duplicate \"log_format\" name \"" + args.get(0) + "\"");
            } else {
                known.add(args.get(0));
            }
            return;
        }
        if (args.get(0).equals("off")) {
            return;
        }
        if (args.size() < 2 && module.equals("stream")) {
            refuse(where, line, "log format is not specified");
            return;
        }
        String format = args.size() < 2 ? "combined" : args.get(1);
        if (known.stream().noneMatch(f -> f.equalsIgnoreCase(format))) {
            refuse(where, line, "unknown log format \"" + format + "\"");
        }
    }

    /** The on/off, enum and bitmask slots' value checks, with nginx's messages. */
    private void checkValues(NginxDirectives.Spec spec, List<String> args, String where, int line) {
        if (spec.values().isEmpty()) {
            return;
        }
        if (spec.isFlag()) {
            String v = args.get(0);
            if (!v.equalsIgnoreCase("on") && !v.equalsIgnoreCase("off")) {
                refuse(where, line, "invalid value \"" + v + "\" in \"" + spec.name() + "\" directive, it must be \"on\" or \"off\"");
            }
            return;
        }
        for (String v : spec.repeat() == NginxDirectives.Repeat.OR ? args : args.subList(0, 1)) {
            if (spec.values().stream().noneMatch(x -> x.equalsIgnoreCase(v))) {
                refuse(where, line, "invalid value \"" + v + "\"");
                return;
            }
        }
    }

    /** "is duplicate": a directive that may be set once per block, set again (root and alias count as one). */
    private void checkRepeat(NginxConfig.Block current, NginxDirectives.Spec spec, Directive d, String where, int line) {
        Map<String, Directive> first = seen.computeIfAbsent(current, k -> new HashMap<>());
        String name = spec.name();
        if (name.equals("root") || name.equals("alias")) {
            Directive earlier = first.containsKey("root") ? first.get("root") : first.get("alias");
            if (earlier != null) {
                refuse(where, line, earlier.keyword().equals(name) ? "\"" + name + "\" directive is duplicate"
                        : "\"" + name + "\" directive is duplicate, \"" + earlier.keyword() + "\" directive was specified earlier");
            }
            first.putIfAbsent(name, d);
            return;
        }
        if (spec.repeat() == NginxDirectives.Repeat.DUPLICATE && first.containsKey(name)) {
            refuse(where, line, "\"" + name + "\" directive is duplicate");
        }
        first.putIfAbsent(name, d);
    }

    private boolean enter(NginxConfig.Block current, Directive d, NginxContext context, NginxLexer.Statement s) {
        if (blocks.size() > MAX_BLOCK_DEPTH) {
            refuse(d.file(), s.line(), "blocks nested deeper than " + MAX_BLOCK_DEPTH
                    + " (nginx itself overflows its stack near 13,000); not read further");
            return false;
        }
        NginxConfig.Block b = new NginxConfig.Block(d.keyword(), d.value(), d, current, context, into);
        current.add(b);
        blocks.push(b);
        return true;
    }

    /** ngx_conf_include: relative to /etc/nginx; with a wildcard, every match in lexical order, else the one file, which must exist. */
    private boolean include(String pattern, Directive at, int line) {
        String path = pattern.startsWith("/") ? pattern : PREFIX + pattern;
        if (filesOpen >= MAX_INCLUDE_DEPTH) {
            refuse(at.file(), line, "include nested deeper than " + MAX_INCLUDE_DEPTH
                    + " files (nginx keeps each open: its limit is the open-file limit); not read further");
            return false;
        }
        int slash = path.lastIndexOf('/');
        String dir = slash == 0 ? "/" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (SystemRoot.isGlob(dir)) {
            into.problemList().add(new ConfigProblem(at.file(), line, "include " + pattern
                    + ": wildcards in a folder name are not followed by chuan; not read"));
            return true;
        }
        // a wildcard may match nothing; a folder that cannot be listed is IncludedFiles' problem at this line
        List<String> matched = SystemRoot.isGlob(name) ? files.glob(dir, name, new Directive(at.keyword(), at.value(), at.file(), line))
                : List.of(path);
        frames.push(new Pending(matched, at, line)); // read one after the other in the include's place
        return true;
    }

    /** Opens an included file as ngx_conf_parse() does; false when it cannot be opened (a refusal). */
    private boolean openFile(String path, Directive at, int line) {
        Optional<Path> disk = root.resolve(path, "/");
        if (disk.isEmpty() || !Files.exists(disk.get())) {
            refuse(at.file(), line, "open() \"" + path + "\" failed (2: No such file or directory)");
            return false;
        }
        if (Files.isDirectory(disk.get())) {
            refuse(at.file(), line, "include " + path + ": is a directory (nginx cannot read it)");
            return false;
        }
        Path real;
        try {
            real = disk.get().toRealPath();
        } catch (IOException e) {
            real = disk.get();
        }
        if (reading.contains(real)) {
            refuse(at.file(), line, "include " + path + " includes itself (loop): nginx recurses until it fails");
            return false;
        }
        Optional<IncludedFiles.Opened> opened = files.open(path, at);
        if (opened.isEmpty()) {
            return false; // unreadable: IncludedFiles recorded why
        }
        push(opened.get(), path);
        return true;
    }

    private void push(IncludedFiles.Opened file, String named) {
        Path real;
        try {
            real = file.disk().toRealPath();
        } catch (IOException e) {
            real = file.disk();
        }
        reading.add(real);
        into.read(named);
        frames.push(new Open(file, named, new NginxLexer(file.text()), blocks.size() - 1));
        filesOpen++;
    }

    /** A file is done (or abandoned): blocks it left open are closed with it, as nginx requires. */
    private void pop(Open f) {
        while (blocks.size() - 1 > f.depth()) {
            blocks.pop();
        }
        frames.pop();
        filesOpen--;
        Path real;
        try {
            real = f.file().disk().toRealPath();
        } catch (IOException e) {
            real = f.file().disk();
        }
        reading.remove(real);
        files.close(f.file());
    }

    private void abort() {
        while (!frames.isEmpty()) {
            if (frames.peek() instanceof Open f) {
                pop(f);
            } else {
                frames.pop();
            }
        }
    }

    private void refuse(String file, int line, String message) {
        into.problemList().add(ConfigProblem.malformed(file, line, message + " (nginx would not start)"));
    }

}
