package chuan.cli;

import chuan.api.Chuan;
import chuan.api.ChuanException;
import chuan.gate.ExitCode;
import chuan.report.AuditListener;
import chuan.report.Inert;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code chuan} command: a thin picocli layer over the library's facade ({@link Chuan}). One
 * instance is one session's context, handed to every command through picocli's root: the facade,
 * the input stream the shell reads, and a listener told of every scan (the shell keeps the last
 * report with it). Nothing is static.
 */
@Command(name = "chuan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Audits datasets against data standards and writes pass/fail reports that gate deployments.",
        subcommands = {ScanCommand.class, RenderCommand.class, BaselineCommand.class, InferCommand.class, SynthCommand.class, EffectiveCommand.class, ProfilesCommand.class, ShellCommand.class,
                ExplainCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
public final class Main implements Runnable {

    /** A listener that hears nothing: the default when no one asks to be told of scans. */
    static final AuditListener NO_LISTENER = new AuditListener() {
    };

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Chuan chuan;
    private final InputStream in;
    private final AuditListener scanListener;

    Main(Chuan chuan, InputStream in, AuditListener scanListener) {
        this.chuan = chuan;
        this.in = in;
        this.scanListener = scanListener;
    }

    /** The library every command calls. */
    Chuan chuan() {
        return chuan;
    }

    /** Where the shell reads its commands when it is not on a terminal. */
    InputStream in() {
        return in;
    }

    /** Told of every scan of this session, after the reports (the shell keeps the last one). */
    AuditListener scanListener() {
        return scanListener;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // a thread that dies of something unforeseen: one line and exit 4, never a stack trace and a hang
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            err.println("chuan: " + describe(e));
            err.flush();
            Runtime.getRuntime().halt(ExitCode.INTERNAL.code());
        });
        System.exit(run(out, err, args));
    }

    /** Runs one command line in-process and returns its exit code; tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.in, NO_LISTENER, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, the shell reading {@code in} and every scan told to {@code scanListener}. */
    static int run(PrintWriter out, PrintWriter err, InputStream in, AuditListener scanListener, String... args) {
        int code;
        try {
            CommandLine cl = commandLine(out, err, in, scanListener);
            code = cl.execute(args);
        } catch (VirtualMachineError | RuntimeException e) {
            // picocli hands on Errors (out of memory, stack overflow) raised in a command: still one line and exit 4
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            err.println("chuan: " + describe(e) + (debug ? "" : " (run again with --debug for details)"));
            if (debug) {
                e.printStackTrace(err);
            }
            code = ExitCode.INTERNAL.code();
        }
        out.flush();
        err.flush();
        return code;
    }

    /** One line for a failure: out of memory and stack overflow said plainly, anything else as an internal error. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return "out of memory (" + t.getMessage() + "); give Java more with CHUAN_JAVA_OPTS=-Xmx8g, or scan fewer "
                        + "files at once";
            }
            if (t instanceof StackOverflowError) {
                return "internal error: an input nested too deeply for the stack (StackOverflowError); please report it";
            }
        }
        return "internal error: " + Inert.text(String.valueOf(e));
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System.in, NO_LISTENER);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, InputStream in, AuditListener scanListener) {
        Chuan chuan = new Chuan(VersionProvider.version());
        chuan.profileWarnings(line -> err.println(Inert.text(line)));
        CommandLine cl = new CommandLine(new Main(chuan, in, scanListener));
        cl.setOut(out);
        cl.setErr(err);
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(String.valueOf(c.code()), c.meaning());
        }
        cl.getCommandSpec().usageMessage().exitCodeList(codes);
        cl.getSubcommands().get("scan").getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cl.setExitCodeExceptionMapper(ex -> ExitCode.USAGE.code());
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine c = ex.getCommandLine();
            if (ex.getCause() instanceof Converters.Refused refused) {
                // a typed option's bad value: the one line that names it, as every other refused option
                c.getErr().println("chuan: " + Inert.text(refused.getMessage()));
                return ExitCode.USAGE.code();
            }
            c.getErr().println("chuan: " + Inert.text(ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler(Main::exitCode);
        cl.getCommandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters(true);
        cl.setUsageHelpWidth(80);
        return cl;
    }

    /**
     * The one mapping from what a command threw to its exit code: the library's refusals with their
     * own code and lines, Ctrl-C in the shell 130, anything else a bug (4, the stack trace with --debug).
     */
    private static int exitCode(Exception ex, CommandLine c, CommandLine.ParseResult parsed) {
        if (ex instanceof ChuanException refused) {
            refused.lines().forEach(line -> c.getErr().println("chuan: " + Inert.text(line)));
            return refused.exitCode().code();
        }
        if (ex instanceof java.util.concurrent.CancellationException) {
            c.getErr().println("chuan: " + Inert.text(ex.getMessage()));
            return ExitCode.CANCELLED.code();
        }
        boolean debug = false; // --debug is the subcommand's option, not the top command's
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            debug |= p.hasMatchedOption("--debug");
        }
        c.getErr().println("chuan: " + describe(ex) + (debug ? "" : " (run again with --debug for details)"));
        if (debug) {
            ex.printStackTrace(c.getErr());
        }
        return ExitCode.INTERNAL.code();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
