package chuan.cli;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.InstalledVersions;
import chuan.config.SystemRoot;
import chuan.config.check.ConfigFormat;
import chuan.config.check.ConfigReaders;
import chuan.config.check.SecretKeys;
import chuan.config.linux.LoginDefs;
import chuan.config.linux.PamStack;
import chuan.config.linux.SysctlConfig;
import chuan.config.nginx.NginxConfig;
import chuan.config.sshd.SshdConfig;
import chuan.config.sshd.SshdConnection;
import chuan.gate.ExitCode;
import chuan.model.Masking;
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
 */
@Command(name = "effective", mixinStandardHelpOptions = true,
        description = {"Show the configuration a daemon really runs with, read from a system root, with the file:line "
                + "of every value and the values it overrode or that were ignored.",
                "DAEMON: sshd, nginx, sysctl, login.defs, pam (with --service); with --key also apache, journald, "
                        + "logrotate, ntp, shell, and the file formats properties, yaml, json, ini, env, xml (with --file)."})
final class EffectiveCommand implements Callable<Integer> {

    enum Daemon { sshd, nginx, sysctl, login_defs, pam, apache, journald, logrotate, ntp, shell, properties, yaml, json, ini,
        env, xml }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ROOT", description = "The directory audited as / (nothing outside it is read).")
    Path root;

    @Parameters(index = "1", paramLabel = "DAEMON", description = "sshd, nginx, sysctl, login.defs, pam, apache, journald, "
            + "logrotate, ntp, shell, or a file format: properties, yaml, json, ini, env, xml.",
            converter = DaemonName.class)
    Daemon daemon;

    @Option(names = "--service", paramLabel = "NAME", defaultValue = "sshd",
            description = "The PAM service (file in /etc/pam.d), default ${DEFAULT-VALUE}.")
    String service;

    @Option(names = "--key", paramLabel = "KEY", description = "Only this key (for nginx: its value in every server block); "
            + "repeatable. Required beyond sshd, nginx, sysctl, login.defs and pam; keys are written as in config profiles "
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

    /** Accepts {@code login.defs} as written on the system. */
    static final class DaemonName implements picocli.CommandLine.ITypeConverter<Daemon> {
        @Override
        public Daemon convert(String value) {
            for (Daemon d : Daemon.values()) {
                if (d.name().equals(value.replace('.', '_').replace('-', '_'))) {
                    return d;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not one of sshd, nginx, sysctl, login.defs, pam, apache, journald, logrotate, ntp, shell, "
                    + "properties, yaml, json, ini, env, xml");
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
        SshdConnection connection = null;
        if (match != null) {
            if (daemon != Daemon.sshd) {
                err.println("chuan: --match applies to sshd only");
                return ExitCode.USAGE.code();
            }
            try {
                connection = SshdConnection.parse(match);
            } catch (IllegalArgumentException e) {
                err.println(Inert.text("chuan: --match " + match + ": " + e.getMessage()));
                return ExitCode.USAGE.code();
            }
        }
        final SshdConnection forConnection = connection;
        List<ConfigProblem> problems = switch (daemon) {
            case sshd -> sshd(SshdConfig.read(system, chuan.config.sshd.SshdDefaults.forVersion(InstalledVersions.read(system,
                    assumedVersions).get("sshd").map(InstalledVersions.Installed::version).orElse(null))), forConnection, out);
            case nginx -> nginx(NginxConfig.read(system, InstalledVersions.read(system, assumedVersions)), out);
            case sysctl -> sysctl(SysctlConfig.read(system), out);
            case login_defs -> {
                LoginDefs d = LoginDefs.read(system);
                settings(select(d.all()), out);
                yield d.problems();
            }
            case pam -> pam(PamStack.read(system, service), out);
            default -> {
                if (keys.isEmpty() || (daemon.ordinal() >= Daemon.properties.ordinal() && file == null)) {
                    err.println(Inert.text("chuan: " + daemon + " needs --key" + (daemon.ordinal() >= Daemon.properties.ordinal()
                            ? " and --file" : "") + " (keys as written in config profiles: docs/config-audits.md)"));
                    yield null;
                }
                yield lookup(system, out);
            }
        };
        if (problems == null) {
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

    private List<EffectiveSetting> select(List<EffectiveSetting> all) {
        return keys.isEmpty() ? all : all.stream().filter(s -> keys.stream().anyMatch(k -> s.key().equalsIgnoreCase(k.replace('/', '.'))))
                .toList();
    }

    /** Any format through the audit's own reader: the files read in order, then the key in every scope. */
    private List<ConfigProblem> lookup(SystemRoot system, PrintWriter out) {
        ConfigFormat format = ConfigFormat.fromLabel(daemon.name()).orElseThrow();
        String path = file == null ? "/" + format.markers().get(0) : (file.startsWith("/") ? file : "/" + file);
        EffectiveConfig c = ConfigReaders.read(system, format, path);
        out.println(Inert.text("# read, in order: " + String.join(", ", c.filesRead())));
        for (String key : keys) {
            for (EffectiveConfig.Scoped s : c.lookup(key)) {
                EffectiveSetting shown = s.setting();
                // a file format's password-named key holds the password itself: masked, as in every report
                boolean secret = SecretKeys.isSecret(key) && format.holdsSecrets();
                out.println(Inert.text((s.scope() == null ? "" : s.scope() + ": ") + line(shown, secret)
                        + (s.note() == null ? "" : "    (" + s.note() + ")")));
            }
        }
        return c.problems();
    }

    /**
     * sshd: every key as sshd -T prints it (in its order, one line per value), or for one connection as
     * sshd -T -C does; with --key only that key (an alias names its keyword). Without a connection the
     * Match blocks follow, as written.
     */
    private List<ConfigProblem> sshd(SshdConfig c, SshdConnection connection, PrintWriter out) {
        List<EffectiveSetting> shown = connection == null ? c.all() : c.forConnection(connection);
        if (!keys.isEmpty()) {
            List<EffectiveSetting> all = shown;
            shown = new java.util.ArrayList<>();
            for (String key : keys) {
                String wanted = c.effective(key).map(EffectiveSetting::key).orElse(key.toLowerCase(java.util.Locale.ROOT));
                List<EffectiveSetting> found = all.stream().filter(s -> s.key().equals(wanted)).toList();
                if (found.isEmpty()) {
                    out.println(Inert.text(wanted + " (not set)"));
                }
                shown.addAll(found);
            }
        }
        settings(shown, out);
        if (keys.isEmpty() && connection == null) {
            for (SshdConfig.MatchBlock m : c.matchBlocks()) {
                out.println(Inert.text("Match " + m.criteria() + "    # " + m.start().origin()));
                for (Directive d : m.directives()) {
                    out.println(Inert.text("    " + d.keyword() + " " + shown(d.value(), false) + "    # " + d.origin()));
                }
            }
        }
        return c.problems();
    }

    /**
     * The files in nginx's own naming and order (as "nginx -T" lists them), the version whose defaults
     * apply, then every server (http, stream, mail) with the key's value or its own directives.
     */
    private List<ConfigProblem> nginx(NginxConfig c, PrintWriter out) {
        out.println(Inert.text("# read, in order: " + String.join(", ", c.filesNamed())));
        out.println(Inert.text(c.version().map(v -> "# defaults of " + v.describe())
                .orElse("# nginx version unknown: no package database in the root (--assume-version nginx=VERSION sets it)")));
        for (NginxConfig.Block server : c.servers()) {
            String names = server.effective("server_name").map(EffectiveSetting::value).orElse("_");
            String listen = server.effective("listen").map(EffectiveSetting::value).orElse("80");
            String module = server.module();
            out.println(Inert.text((module.equals("http") ? "" : module + " ") + "server " + names + " (listen " + listen
                    + ")    # " + server.start().origin()));
            if (!keys.isEmpty()) {
                for (String key : keys) {
                    // absent: not a directive of this server's module (server_tokens in stream)
                    server.effective(key).ifPresent(s -> out.println(Inert.text("    " + line(s)
                            + server.note(key).map(n -> "; " + n).orElse(""))));
                }
            } else {
                for (Directive d : server.directives()) {
                    out.println(Inert.text("    " + d.keyword() + " " + shown(d.value(), false) + "    # " + d.origin()));
                }
            }
        }
        return c.problems();
    }

    /** Every parameter set, or one name however it is set (its own line or a glob). */
    private List<ConfigProblem> sysctl(SysctlConfig c, PrintWriter out) {
        out.println(Inert.text("# read, in order: " + String.join(", ", c.filesRead())));
        if (keys.isEmpty()) {
            settings(c.all(), out);
        }
        for (String key : keys) {
            for (EffectiveConfig.Scoped s : c.lookup(key)) {
                out.println(Inert.text(line(s.setting()) + (s.note() == null ? "" : "    (" + s.note() + ")")));
            }
        }
        return c.problems();
    }

    private List<ConfigProblem> pam(PamStack s, PrintWriter out) {
        for (PamStack.Rule r : s.rules()) {
            out.println(Inert.text(r.type() + " " + r.control() + " " + r.module()
                    + (r.args().isEmpty() ? "" : " " + String.join(" ", r.args())) + "    # " + r.from().origin()));
        }
        return s.problems();
    }

    private void settings(List<EffectiveSetting> settings, PrintWriter out) {
        for (EffectiveSetting s : settings) {
            out.println(Inert.text(line(s)));
        }
    }

    /** A daemon's setting: its keys are settings (PasswordAuthentication), never the secret itself. */
    private String line(EffectiveSetting s) {
        return line(s, false);
    }

    /** A setting with its origin and the values that lost to it, each masked as the reports mask it. */
    private String line(EffectiveSetting s, boolean secret) {
        StringBuilder b = new StringBuilder(s.key()).append(' ').append(s.value() == null ? "(not set)" : shown(s.value(), secret))
                .append("    # ").append(s.origin());
        for (Directive d : s.ignored()) {
            b.append("; not used: ").append(shown(d.value(), secret)).append(" at ").append(d.origin());
        }
        return b.toString();
    }

    /** A value as shown: a secret hidden whole, the password of a connection URL hidden, unless --reveal-personal-data. */
    private String shown(String value, boolean secret) {
        if (reveal || value == null) {
            return value;
        }
        return secret ? Masking.secret(value) : Masking.urlPasswords(value);
    }
}
