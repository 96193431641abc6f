package chuan.cli;

import chuan.api.Chuan;
import chuan.api.ChuanException;
import chuan.config.ConfigFormat;
import chuan.config.ConfigProblem;
import chuan.gate.ExitCode;
import chuan.report.Inert;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class EffectiveCommand extends ChuanCommand {

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

    @Mixin
    SharedOptions.Reveal reveal;

    @Option(names = "--match", paramLabel = "SPEC", description = "sshd only: the configuration for one connection, as "
            + "sshd -T -C takes it: user=NAME,host=NAME,addr=IP[,laddr=IP,lport=PORT,rdomain=NAME] (Match blocks applied; "
            + "groups from ROOT's /etc/passwd and /etc/group).")
    String match;

    @Option(names = "--file", paramLabel = "PATH", description = "The file a file format reads, as a path inside ROOT "
            + "(/etc/tomcat10/server.xml).")
    String file;

    @Mixin
    SharedOptions.AssumedVersions assumed;

    /** A format shown by {@code chuan effective}, by its label ({@code login.defs} also as {@code login_defs}). */
    static final class FormatName implements picocli.CommandLine.ITypeConverter<ConfigFormat> {
        @Override
        public ConfigFormat convert(String value) {
            return EffectiveFormats.named(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not one of " + String.join(", ", EffectiveFormats.labels(EffectiveFormats.all()))));
        }
    }

    @Override
    int execute() throws ChuanException {
        PrintWriter out = out();
        PrintWriter err = err();
        List<ConfigProblem> problems = chuan().effective(new Chuan.EffectiveQuery(root, daemon, keys, file, service, match,
                assumed.versions, reveal.reveal), line -> out.println(Inert.text(line)));
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
