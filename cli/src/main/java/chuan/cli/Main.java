package chuan.cli;

import chuan.gate.ExitCode;
import chuan.report.Inert;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chuan} command: a thin picocli layer over the {@code checks} library. */
@Command(name = "chuan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Audits datasets against data standards and writes pass/fail reports that gate deployments.",
        subcommands = {ScanCommand.class, RenderCommand.class, BaselineCommand.class, InferCommand.class, SynthCommand.class, EffectiveCommand.class, ProfilesCommand.class, ShellCommand.class,
                ExplainCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        int code;
        try {
            CommandLine cl = commandLine(out, err);
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
        CommandLine cl = new CommandLine(new Main());
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
            c.getErr().println("chuan: " + Inert.text(ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
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
        });
        cl.getCommandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters(true);
        cl.setUsageHelpWidth(80);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
