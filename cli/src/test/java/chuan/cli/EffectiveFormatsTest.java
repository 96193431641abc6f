package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigFormat;
import chuan.config.check.ConfigFormats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chuan effective}'s formats are the registry's: what Tab completes, what the help lists and
 * what the command accepts are the registered formats that have a view, each once, and nothing else.
 */
class EffectiveFormatsTest {

    private static List<String> shown() {
        return ConfigFormats.builtIn().all().stream().filter(f -> f.effective().isPresent()).map(ConfigFormat::label).toList();
    }

    private static CommandLine.Model.PositionalParamSpec daemonParameter() {
        CommandLine effective = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().get("effective");
        return effective.getCommandSpec().positionalParameters().stream().filter(p -> p.paramLabel().equals("DAEMON"))
                .findFirst().orElseThrow();
    }

    @Test
    void completionOffersEveryRegisteredFormatWithAViewOnce() {
        List<String> candidates = new ArrayList<>();
        daemonParameter().completionCandidates().forEach(candidates::add);
        assertThat(candidates).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(shown())
                .contains("sshd", "login.defs", "pam", "apache", "properties", "xml").doesNotContain("lines", "secrets");
    }

    @Test
    void theHelpNamesEachFormatInItsGroup() {
        String help = String.join(" ", daemonParameter().description());
        for (String label : shown()) {
            assertThat(help).as("DAEMON's help").containsOnlyOnce(label.equals("json") ? "json," : label);
        }
        CliRunner usage = CliRunner.run("effective", "--help");
        assertThat(usage.out().replaceAll("\\s+", " "))
                .contains("DAEMON: sshd, nginx, sysctl, login.defs, pam (with --service); with --key also apache, journald, "
                        + "logrotate, ntp, shell, and the file formats properties, yaml, json, ini, env, xml (with --file).")
                .contains("Required beyond sshd, nginx, sysctl, login.defs and pam;");
    }

    @Test
    void everyFormatWithAViewIsAcceptedAndTheOthersAreNot(@TempDir Path root) {
        for (String label : shown()) {
            CliRunner r = CliRunner.run("effective", root.toString(), label);
            assertThat(r.err()).as(label).doesNotContain("is not one of");
            assertThat(r.exit()).as(label + ": " + r.err()).isIn(0, 2, 3);
        }
        assertThat(CliRunner.run("effective", root.toString(), "login_defs").err()).doesNotContain("is not one of");
        for (String label : List.of("lines", "secrets", "postfix")) {
            CliRunner r = CliRunner.run("effective", root.toString(), label);
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("'" + label + "' is not one of " + String.join(", ", EffectiveFormats.labels(EffectiveFormats.all())));
        }
    }
}
