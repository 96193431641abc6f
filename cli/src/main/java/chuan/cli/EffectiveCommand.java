package chuan.cli;

import chuan.config.ConfigFormat;
import chuan.config.ConfigProblem;
import chuan.config.EffectiveRequest;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.SystemRoot;
import chuan.gate.ExitCode;
import chuan.report.Inert;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chuan effective ROOT DAEMON}: the configuration a daemon really runs with, read offline
 * from a system root (an image, a mounted disk, a checked-out repository, or {@code /}), each value
 * with the file and line that set it and the values it beat; like {@code sshd -T}, without the host.
 * Which formats it shows, and how, is each format's own ({@link ConfigFormat#effective()}); the
 * names in its help come from the registry ({@link EffectiveHelp}).
 */
@Command(name = "effective", mixinStandardHelpOptions = true, resourceBundle = "chuan.cli.EffectiveHelp",
        description = {"Show the configuration a daemon really runs with, read from a system root, with the file:line "
                + "of every value and the values it overrode or that were ignored.",
                "${bundle:chuan.effective.formats}"})
final class EffectiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ROOT", description = "The directory audited as / (nothing outside it is read).")
    Path root;

    @Parameters(index = "1", paramLabel = "DAEMON", description = "${bundle:chuan.effective.daemon}",
            converter = FormatName.class, completionCandidates = EffectiveFormats.class)
    ConfigFormat daemon;

    @Option(names = "--service", paramLabel = "NAME", defaultValue = "sshd",
            description = "The PAM service (file in /etc/pam.d), default ${DEFAULT-VALUE}.")
    String service;

    @Option(names = "--key", paramLabel = "KEY", description = "Only this key (for nginx: its value in every server block); "
            + "repeatable. Required beyond ${bundle:chuan.effective.whole}; keys are written as in config profiles "
            + "(docs/config-audits.md).")
    List<String> keys = new java.util.ArrayList<>();

    @Option(names = "--reveal-personal-data", description = "Show the values of passwords, tokens and secrets (masked by default).")
    boolean reveal;

    @Option(names = "--match", paramLabel = "SPEC", description = "sshd only: the configuration for one connection, as "
            + "sshd -T -C takes it: user=NAME,host=NAME,addr=IP[,laddr=IP,lport=PORT,rdomain=NAME] (Match blocks applied; "
            + "groups from ROOT's /etc/passwd and /etc/group).")
    String match;

    @Option(names = "--file", paramLabel = "PATH", description = "The file a file format reads, as a path inside ROOT "
            + "(/etc/tomcat10/server.xml).")
    String file;

    @Option(names = "--assume-version", paramLabel = "PROGRAM=VERSION", split = ",",
            description = "The program's version whose compiled-in defaults apply (nginx=1.22), instead of the one the "
                    + "root's package database names. Repeatable.")
    java.util.Map<String, String> assumedVersions = new java.util.LinkedHashMap<>();

    /** A format shown by {@code chuan effective}, by its label ({@code login.defs} also as {@code login_defs}). */
    static final class FormatName implements picocli.CommandLine.ITypeConverter<ConfigFormat> {
        @Override
        public ConfigFormat convert(String value) {
            return EffectiveFormats.named(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not one of " + String.join(", ", EffectiveFormats.labels(EffectiveFormats.all()))));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(root)) {
            err.println(Inert.text("chuan: " + root + ": not a directory"));
            return ExitCode.USAGE.code();
        }
        java.util.Optional<String> badVersion = InstalledVersions.checkAssumed(assumedVersions);
        if (badVersion.isPresent()) {
            err.println(Inert.text("chuan: --assume-version: " + badVersion.get()));
            return ExitCode.USAGE.code();
        }
        SystemRoot system;
        try {
            system = new SystemRoot(root);
        } catch (IOException e) {
            err.println(Inert.text("chuan: " + root + ": cannot read: " + e.getMessage()));
            return ExitCode.INPUT_ERROR.code();
        }
        EffectiveView view = daemon.effective().orElseThrow(); // the converter takes only formats it shows
        if (match != null && !view.answersForConnection()) {
            err.println("chuan: --match applies to " + String.join(", ", EffectiveFormats.labels(EffectiveFormats.all().stream()
                    .filter(f -> f.effective().orElseThrow().answersForConnection()).toList())) + " only");
            return ExitCode.USAGE.code();
        }
        boolean needsFile = view.needs() == EffectiveView.Needs.KEY_AND_FILE;
        if (view.needs() != EffectiveView.Needs.NOTHING && (keys.isEmpty() || needsFile && file == null)) {
            err.println(Inert.text("chuan: " + daemon.label() + " needs --key" + (needsFile ? " and --file" : "")
                    + " (keys as written in config profiles: docs/config-audits.md)"));
            return ExitCode.USAGE.code();
        }
        List<ConfigProblem> problems;
        try {
            problems = view.show(new EffectiveRequest(system, keys, file, service, match, assumedVersions, reveal),
                    line -> out.println(Inert.text(line)));
        } catch (EffectiveRequest.Invalid e) {
            err.println(Inert.text("chuan: " + e.getMessage()));
            return ExitCode.USAGE.code();
        }
        // what the daemon would refuse (or chuan could not read) makes the answer an input error, as in a scan
        boolean malformed = false;
        for (ConfigProblem p : problems) {
            err.println(Inert.text("chuan: " + (p.malformed() ? "error: " : "warning: ") + p.oneLine()));
            malformed |= p.malformed();
        }
        out.flush();
        err.flush();
        return (malformed ? ExitCode.INPUT_ERROR : ExitCode.PASSED).code();
    }
}
