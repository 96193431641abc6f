package chuan.cli;

import chuan.gate.ExitCode;
import chuan.model.AuditReport;
import chuan.report.AuditListener;
import chuan.report.Listeners;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.report.Inert;
import chuan.report.Replay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * {@code chuan shell}: every command without the {@code chuan} prefix, with Tab completion and
 * history on a terminal, plus {@code last}, {@code show RULE} and {@code open} about the last scan.
 * When standard input is not a terminal it reads one command per line, so it can be scripted.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"An interactive session: chuan's commands without the prefix, Tab completion, history.",
                "Also: last (the last scan's summary), show RULE (its failing examples), open (the last scan as HTML),",
                "exit. Ctrl-C cancels a running scan, Ctrl-D leaves. Reads commands line by line from a pipe.",
                "Ends with the exit code of the last command."})
final class ShellCommand extends ChuanCommand {

    private static final String EXIT = "exit";

    @Option(names = "--history", paramLabel = "FILE", description = "History file (default: ~/.chuan/history, created on first use).")
    Path history;

    private AuditReport last;
    private PrintWriter out;
    private PrintWriter err;

    /** Keeps the last report of a scan run in this session, for {@code last}, {@code show} and {@code open}. */
    private final AuditListener keepLast = new AuditListener() {
        @Override
        public void auditFinished(AuditReport report) {
            last = report;
        }
    };

    @Override
    int execute() throws IOException {
        out = out();
        err = err();
        return System.console() != null ? interactive() : scripted(session().in());
    }

    /** The session's commands, one per line of {@code input} (the session's input stream: standard input unless a caller gives another). */
    private int scripted(InputStream input) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        Parser parser = new DefaultParser();
        int code = 0;
        String line;
        while ((line = in.readLine()) != null) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            List<String> words;
            try {
                words = words(parser.parse(text, text.length(), Parser.ParseContext.ACCEPT_LINE));
            } catch (SyntaxError e) {
                err.println("chuan: " + Inert.text(text + ": " + e.getMessage()));
                code = ExitCode.USAGE.code();
                continue;
            }
            if (!words.isEmpty() && words.get(0).equals(EXIT)) {
                break;
            }
            code = execute(words);
        }
        return code;
    }

    private int interactive() throws IOException {
        Path historyFile = history != null ? history : Path.of(System.getProperty("user.home"), ".chuan", "history");
        Files.createDirectories(historyFile.toAbsolutePath().getParent());
        CommandLine forCompletion = commandLine();
        forCompletion.addSubcommand("last", shellOnly("last", "Summary of the last scan in this session.", false))
                .addSubcommand("show", shellOnly("show", "The failing examples of a rule in the last scan.", true))
                .addSubcommand("open", shellOnly("open", "Write the last scan as HTML and print the file's path.", false))
                .addSubcommand("exit", shellOnly("exit", "Leave the shell (or Ctrl-D).", false));
        Completer completer = new AggregateCompleter(new PicocliJLineCompleter(forCompletion.getCommandSpec()),
                new PathsAfterTheCommand());
        int code = 0;
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("chuan").completer(completer)
                    .variable(LineReader.HISTORY_FILE, historyFile).build();
            out.println("chuan shell: Tab completes, 'help' lists the commands, Ctrl-D or 'exit' leaves.");
            out.flush();
            while (true) {
                String line;
                try {
                    line = reader.readLine("chuan> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: a fresh line
                } catch (EndOfFileException e) {
                    break;
                }
                List<String> words = words(reader.getParsedLine());
                if (words.isEmpty() && line.isBlank()) {
                    continue;
                }
                if (!words.isEmpty() && words.get(0).equals(EXIT)) {
                    break;
                }
                code = cancellable(words, terminal);
            }
            reader.getHistory().save();
        }
        return code;
    }

    /** Runs the command on its own thread so that Ctrl-C can interrupt it; the shell stays. */
    private int cancellable(List<String> words, Terminal terminal) {
        int[] code = {0};
        Thread worker = new Thread(() -> code[0] = execute(words), "chuan-shell-command");
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, s -> worker.interrupt());
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, before);
        }
        return code[0];
    }

    private static List<String> words(ParsedLine parsed) {
        List<String> words = new ArrayList<>();
        for (String w : parsed.words()) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** One command line of the session. */
    int execute(List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        String[] rest = words.subList(1, words.size()).toArray(String[]::new);
        int code = switch (words.get(0)) {
            case "last" -> last();
            case "show" -> show(rest);
            case "open" -> open();
            case "shell" -> {
                err.println("chuan: already in the shell");
                yield ExitCode.USAGE.code();
            }
            case "help" -> {
                if (rest.length > 0) {
                    yield commandLine().execute(words.toArray(String[]::new));
                }
                commandLine().usage(out);
                out.println();
                out.println("In the shell: last, show RULE, open, exit (or Ctrl-D). Commands are written without 'chuan'.");
                yield 0;
            }
            default -> commandLine().execute(words.toArray(String[]::new));
        };
        out.flush();
        err.flush();
        return code;
    }

    /** A command line of this session: its scans are told to the shell's listener (and to the session's own). */
    private CommandLine commandLine() {
        AuditListener outer = session().scanListener();
        return Main.commandLine(out, err, session().in(), new Listeners(List.of(outer, keepLast)));
    }

    private int last() {
        if (last == null) {
            out.println("No scan yet in this session.");
            return 0;
        }
        var s = last.summary();
        out.printf("Last scan: %d target(s), as of %s, %d result(s): %s. Gate: %s (exit %d, fail on %s).%n",
                last.targets().size(), last.asOf(), last.results().size(), s.byStatus(), s.gate().label().toUpperCase(java.util.Locale.ROOT),
                s.exitCode(), s.failOn());
        List<Result> failing = last.results().stream().filter(r -> r.status() == Status.FAIL)
                .sorted(Comparator.comparingLong(Result::violations).reversed()).toList();
        for (Result r : failing.subList(0, Math.min(20, failing.size()))) {
            out.println(Inert.text(String.format("  %-24s %-8s %,10d  %s%s", r.rule(), r.severity().label(), r.violations(),
                    r.target(), r.field() == null ? "" : " [" + r.field() + "]")));
        }
        if (failing.size() > 20) {
            out.printf("  ... and %d more failing results%n", failing.size() - 20);
        }
        if (!last.errors().isEmpty()) {
            out.printf("  %d error(s); the first: %s%n", last.errors().size(), Inert.text(last.errors().get(0).oneLine()));
        }
        if (!failing.isEmpty()) {
            out.println("'show RULE' lists a rule's failing examples; 'explain RULE' says why it matters.");
        }
        return 0;
    }

    private int show(String[] args) {
        if (args.length != 1) {
            err.println("chuan: show takes one rule id, e.g. show DATA-UNIQUE");
            return ExitCode.USAGE.code();
        }
        String rule = args[0].toUpperCase(java.util.Locale.ROOT);
        boolean inLastScan = last != null && last.results().stream().anyMatch(r -> r.rule().equals(rule));
        // a user's own config control is a rule of the profile that defines it, not of the catalogue
        if (chuan().rule(rule).isEmpty() && !inLastScan) {
            err.println("chuan: no rule " + Inert.text(args[0]) + " (list them with 'explain')");
            return ExitCode.USAGE.code();
        }
        if (last == null) {
            out.println("No scan yet in this session.");
            return 0;
        }
        List<Result> hits = last.results().stream().filter(r -> r.rule().equals(rule) && r.violations() > 0).toList();
        if (hits.isEmpty()) {
            out.println(rule + ": no violations in the last scan.");
            return 0;
        }
        for (Result r : hits) {
            out.println(Inert.text(String.format("%s %s: %s%s, %,d of %,d (%s)", r.rule(), r.title(), r.target(),
                    r.field() == null ? "" : " [" + r.field() + "]", r.violations(), r.checked(), r.status().label())));
            for (Violation v : r.examples()) {
                if (v.file() != null && v.row() == null) {
                    // a configuration finding: where the value was set, then the sentence that explains it
                    out.println(Inert.text("  " + v.file() + (v.line() != null ? ":" + v.line() : "") + ": " + v.message()));
                    continue;
                }
                StringBuilder b = new StringBuilder("  ");
                if (v.row() != null) {
                    b.append("row ").append(v.row()).append(" (line ").append(v.line()).append(")");
                }
                if (v.value() != null) {
                    b.append(b.length() > 2 ? ": " : "").append('"').append(v.value()).append('"');
                }
                if (v.message() != null) {
                    b.append(b.length() > 2 ? ": " : "").append(v.message());
                }
                if (v.expected() != null) {
                    b.append("; expected ").append(v.expected());
                }
                out.println(Inert.text(b.toString()));
            }
            if (r.examples().size() < r.violations()) {
                out.printf("  ... %,d more (scan with --max-examples 0 -f csv=FILE for all)%n", r.violations() - r.examples().size());
            }
        }
        return 0;
    }

    private int open() {
        if (last == null) {
            out.println("No scan yet in this session.");
            return 0;
        }
        try {
            Path file = Files.createTempFile("chuan-last-scan-", ".html");
            Outputs files = new Outputs(chuan());
            Replay.replay(last, files.listener(OutputSpec.parse("html=" + file), out, false));
            if (!files.failures().isEmpty()) {
                err.println("chuan: " + Inert.text(files.failures().get(0)));
                return ExitCode.USAGE.code();
            }
            out.println(Inert.text(file.toAbsolutePath().toString()));
            return 0;
        } catch (IOException e) {
            err.println("chuan: cannot write the HTML report: " + Inert.text(e.getMessage()));
            return ExitCode.INPUT_ERROR.code();
        }
    }

    /** File names for every word after the command that is not an option. */
    private static final class PathsAfterTheCommand implements Completer {
        private final Completer files = new Completers.FileNameCompleter();

        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            if (line.wordIndex() > 0 && !line.word().startsWith("-")) {
                files.complete(reader, line, candidates);
            }
        }
    }

    /** A shell-only command, declared for completion and help; {@link #execute} runs it. */
    private static CommandLine shellOnly(String name, String description, boolean takesRule) {
        CommandSpec command = CommandSpec.create().name(name);
        command.usageMessage().description(description);
        if (takesRule) {
            command.addPositional(CommandLine.Model.PositionalParamSpec.builder().paramLabel("RULE")
                    .completionCandidates(new Completions.RuleIds()).build());
        }
        return new CommandLine(command);
    }
}
