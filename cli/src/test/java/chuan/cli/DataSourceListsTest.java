package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.source.DataSource;
import chuan.source.DataSources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands' help names the registry's data sources: {@code chuan infer} reads every one but a database, and
 * {@code chuan synth} writes every one that is neither a single JSON document nor a database; a source registered
 * and not named in the help, or named and not registered, fails here.
 */
class DataSourceListsTest {

    private static CommandLine command(String name) {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands().get(name);
    }

    /** "a, b or c". */
    private static String either(List<String> words) {
        int last = words.size() - 1;
        return last == 0 ? words.get(0) : String.join(", ", words.subList(0, last)) + " or " + words.get(last);
    }

    /** The sources synth writes, each by its first file ending: text ones, not a single JSON document. */
    private static List<String> written() {
        // of the workbooks, synth writes .xlsx (POI's streaming writer), not the legacy .xls
        return DataSources.builtIn().all().stream().filter(s -> s.shape() != DataSource.Shape.JSON_ARRAY
                && s.locations() != DataSource.Locations.TABLE_ROW && !s.label().equals("xls")).map(s -> s.suffixes().get(0)).toList();
    }

    /** The sources infer drafts from: every one but a database's tables (they already say their columns and types). */
    private static List<String> drafted() {
        return DataSources.builtIn().all().stream().filter(s -> s.locations() != DataSource.Locations.TABLE_ROW)
                .map(DataSource::label).toList();
    }

    @Test
    void inferSaysItReadsEverySource() {
        String description = String.join(" ", command("infer").getCommandSpec().usageMessage().description());
        assertThat(description).isEqualTo("Draft a dataset profile from a "
                + either(drafted().stream().map(l -> l.toUpperCase(Locale.ROOT)).toList()) + " file.");
    }

    @Test
    void synthSaysWhichSourcesItWrites() {
        CommandLine.Model.OptionSpec output = command("synth").getCommandSpec().findOption("--output");
        assertThat(String.join(" ", output.description())).isEqualTo("The data file (" + either(written()) + ").");
    }

    @Test
    void synthRefusesAJsonDocumentNamingTheSourcesItWrites(@TempDir Path dir) {
        CliRunner r = CliRunner.run("synth", "-p", "vn.citizen-register", "--rows", "1", "-o", dir.resolve("x.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        Matcher m = Pattern.compile("cannot write a JSON array; name the output (.+)\n").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        List<String> named = new ArrayList<>(Arrays.asList(m.group(1).split(", | or ")));
        assertThat(named).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written());
    }
}
