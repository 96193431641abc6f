package chuan.cli;

import chuan.api.ChuanException;
import chuan.gate.ExitCode;
import chuan.profile.ColumnSpec;
import chuan.profile.MetricSpec;
import chuan.profile.Profile;
import chuan.report.Inert;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chuan profiles}: list, show and check profiles. */
@Command(name = "profiles",
        description = "List the built-in profiles and those in ./.chuan/profiles; show or check one.",
        mixinStandardHelpOptions = true,
        subcommands = {ProfilesCommand.Show.class, ProfilesCommand.Check.class, ProfilesCommand.Export.class})
final class ProfilesCommand extends ChuanCommand {

    @Override
    int execute() throws ChuanException {
        PrintWriter out = out();
        List<Profile> all = chuan().profiles(Path.of("."));
        if (all.isEmpty()) {
            out.println("No profiles. Write one (see docs/profiles.md) and check it with 'chuan profiles check FILE'.");
            return ExitCode.PASSED.code();
        }
        out.println(String.format("%-28s %-9s %-8s %s", "ID", "VERSION", "KIND", "TITLE"));
        for (Profile p : all) {
            out.println(Inert.text(String.format("%-28s %-9s %-8s %s", p.id(), p.version(), p.kind().label(), p.title())));
        }
        return ExitCode.PASSED.code();
    }

    /** {@code chuan profiles show ID|FILE}. */
    @Command(name = "show", description = "Show a profile: what it applies to, its columns and checks.",
            mixinStandardHelpOptions = true)
    static final class Show extends ChuanCommand {
        @Parameters(paramLabel = "ID|FILE", description = "A built-in or project profile id, or a profile file.")
        String selector;

        @picocli.CommandLine.Option(names = "--markdown", description = "Print the profile's documentation page (docs/profiles/ID.md).")
        boolean markdown;

        @Override
        int execute() throws ChuanException {
            PrintWriter out = out();
            Profile p = chuan().profile(selector, Path.of("."));
            if (markdown) {
                out.print(Inert.lines(chuan().profileMarkdown(p)));
                return ExitCode.PASSED.code();
            }
            out.println(Inert.text(p.id() + " " + p.version() + " (" + p.kind().label() + "): " + p.title()));
            if (p.description() != null) {
                out.println(Inert.lines("  " + p.description()));
            }
            out.println(Inert.text("  source: " + p.source()));
            if (p.config() != null) {
                out.println("  applies to: system roots (a directory holding etc/)");
                out.println("  controls:");
                for (chuan.config.check.ConfigControl c : p.config().controls()) {
                    String expected = c.describeExpectation();
                    out.println(Inert.text("    " + c.id() + " [" + c.severity().label() + "] " + c.format().label() + " "
                            + c.key() + ": " + expected + (c.statedDefault() == null ? "" : " (unset: " + c.statedDefault() + ")")));
                }
            } else {
                out.println(Inert.text("  applies to: "
                        + (p.appliesTo().isEmpty() ? "(files named with -p)" : String.join(", ", p.appliesTo()))));
            }
            if (p.dataset() != null) {
                out.println(Inert.text("  format: "
                        + (p.dataset().format() == null ? "from the file extension" : p.dataset().format().label())
                        + ", header: " + p.dataset().header()));
                out.println("  columns:");
                for (ColumnSpec c : p.dataset().columns()) {
                    out.println(Inert.text("    " + describe(c)));
                }
                if (!p.dataset().checks().isEmpty()) {
                    out.println("  dataset checks:");
                    for (MetricSpec m : p.dataset().checks()) {
                        out.println(Inert.text("    " + m.metric().label() + (m.column() != null ? " of " + m.column() : "")
                                + (m.warn() != null ? ", warn " + m.warn().display() : "")
                                + (m.fail() != null ? ", fail " + m.fail().display() : "")));
                    }
                }
                if (!p.dataset().primaryKey().isEmpty()) {
                    out.println(Inert.text("  primary key: " + String.join(", ", p.dataset().primaryKey())));
                }
                for (chuan.profile.ForeignKeySpec fk : p.dataset().foreignKeys()) {
                    out.println(Inert.text("  foreign key: " + String.join(", ", fk.columns()) + " -> " + describe(fk.reference())));
                }
                if (!p.dataset().rowRules().isEmpty()) {
                    out.println("  record rules (CEL):");
                    for (chuan.profile.RowRuleSpec r : p.dataset().rowRules()) {
                        out.println(Inert.text("    " + (r.column() != null
                                ? r.column() + " required where " + r.when().text()
                                : r.id() + " [" + r.severity().label() + "] " + (r.when() != null ? "when " + r.when().text() + ", " : "")
                                + "expect " + r.expect().text())));
                    }
                }
            }
            p.ruleOverrides().forEach((id, o) -> out.println(Inert.text("  rule " + id + ": "
                    + (o.enabled() ? "severity " + (o.severity() == null ? "default" : o.severity().label()) : "disabled"))));
            return ExitCode.PASSED.code();
        }

        /** Where a foreign key's values must be found, as the profile names it. */
        private static String describe(chuan.profile.ForeignKeySpec.Reference r) {
            if (r instanceof chuan.profile.ForeignKeySpec.InDataset d) {
                return (d.self() ? "this dataset" : shown(d.dataset())) + " (" + String.join(", ", d.columns()) + ")";
            }
            if (r instanceof chuan.profile.ForeignKeySpec.InList l) {
                return "the list " + l.list();
            }
            chuan.profile.ForeignKeySpec.InTable t = (chuan.profile.ForeignKeySpec.InTable) r;
            return "table " + t.table() + " (" + String.join(", ", t.columns()) + ")";
        }

        /** A referenced file as the user would name it: relative to the working directory when it is inside it. */
        private static String shown(String file) {
            java.nio.file.Path p = java.nio.file.Path.of(file);
            java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
            return p.isAbsolute() && p.startsWith(here) ? here.relativize(p).toString() : file;
        }

        private static String describe(ColumnSpec c) {
            List<String> parts = new ArrayList<>();
            parts.add(c.type().label());
            if (c.format() != null) {
                parts.add("format " + c.format());
            }
            if (c.required()) {
                parts.add("required");
            }
            if (c.unique()) {
                parts.add("unique");
            }
            if (c.pattern() != null) {
                parts.add("pattern " + c.pattern());
            }
            if (c.enumValues() != null) {
                parts.add("one of " + String.join("|", c.enumValues()));
            }
            if (c.min() != null) {
                parts.add("min " + c.min());
            }
            if (c.max() != null) {
                parts.add("max " + c.max());
            }
            if (c.minLength() != null) {
                parts.add("min-length " + c.minLength());
            }
            if (c.maxLength() != null) {
                parts.add("max-length " + c.maxLength());
            }
            if (c.nfc()) {
                parts.add("NFC");
            }
            if (c.personal()) {
                parts.add("personal (masked)");
            }
            String aliases = c.aliases().isEmpty() ? "" : " (aliases: " + String.join(", ", c.aliases()) + ")";
            return c.name() + aliases + ": " + String.join(", ", parts);
        }
    }

    /** {@code chuan profiles check FILE}. */
    @Command(name = "check", description = "Validate profile files; errors are printed as file:line:col: message.",
            mixinStandardHelpOptions = true)
    static final class Check extends ChuanCommand {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Profile files to validate.")
        List<Path> files;

        @Override
        int execute() {
            int code = ExitCode.PASSED.code();
            for (Path f : files) {
                try {
                    Profile p = chuan().checkProfile(f);
                    String what;
                    if (p.config() != null) {
                        what = p.config().controls().size() + " controls";
                    } else {
                        what = p.dataset().columns().size() + " columns, " + p.dataset().checks().size() + " dataset checks";
                    }
                    out().println(Inert.text(f + ": ok (" + p.id() + " " + p.version() + ", " + what + ")"));
                } catch (ChuanException e) {
                    // every file is checked: its problems as file:line:col: message, without the program's name
                    e.lines().forEach(line -> err().println(Inert.text(line)));
                    code = ExitCode.USAGE.code();
                }
            }
            return code;
        }
    }

    /** {@code chuan profiles export PROFILE --table-schema}. */
    @Command(name = "export", description = "Write a dataset profile in another schema language; what it cannot say is "
            + "listed on stderr.", mixinStandardHelpOptions = true)
    static final class Export extends ChuanCommand {
        @Parameters(paramLabel = "ID|FILE", description = "A built-in or project profile id, or a profile file.")
        String selector;

        @picocli.CommandLine.Option(names = "--table-schema", required = true,
                description = "As a Frictionless Table Schema (JSON) on stdout.")
        boolean tableSchema;

        @Override
        int execute() throws ChuanException {
            Profile p = chuan().profile(selector, Path.of("."));
            if (p.dataset() == null) {
                throw usage(p.id() + " is a config profile; only dataset profiles are tables");
            }
            chuan.api.Chuan.Exported e = chuan().tableSchema(p);
            out().print(e.text());
            for (String line : e.notExpressed()) {
                err().println(Inert.text("not expressed in a Table Schema: " + line));
            }
            return ExitCode.PASSED.code();
        }
    }
}
