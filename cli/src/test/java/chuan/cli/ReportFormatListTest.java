package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The report formats are listed once, by {@link ReportFormat}: the help of scan and render, Tab
 * completion, the README's option list and docs/report.md's table of what each format shows must
 * name exactly those formats, in that order; a format added or removed in one place only fails here.
 */
class ReportFormatListTest {

    private static final List<String> LABELS = Arrays.stream(ReportFormat.values()).map(ReportFormat::label).toList();

    @Test
    void theHelpAndCompletionListTheRegistry() {
        String joined = String.join(", ", LABELS);
        assertThat(CliRunner.run("scan", "--help").out().replaceAll("\\s+", " ")).contains("Report format (repeatable): " + joined + ".");
        assertThat(CliRunner.run("render", "--help").out().replaceAll("\\s+", " ")).contains("Format to write (repeatable): " + joined + ".");
        List<String> completed = new ArrayList<>();
        new Completions.Formats().forEach(completed::add);
        assertThat(completed).containsExactlyElementsOf(LABELS);
    }

    @Test
    void theReadmeListsTheRegistry() throws Exception {
        String readme = Files.readString(Path.of("../README.md")).replaceAll("\\s+", " ");
        Matcher m = Pattern.compile("`-f/--format FMT\\[=FILE]` \\(repeatable; (.*?); at most one").matcher(readme);
        assertThat(m.find()).as("README's -f/--format list").isTrue();
        assertThat(Arrays.stream(m.group(1).split(", ")).map(s -> s.replace("`", "")).toList()).containsExactlyElementsOf(LABELS);
    }

    @Test
    void theReportPageHasARowPerFormat() throws Exception {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("../docs/report.md"))) {
            if (line.startsWith("| format | failing results |")) {
                inTable = true;
            } else if (inTable && line.startsWith("| ") && !line.startsWith("|---")) {
                rows.add(line.substring(2, line.indexOf(" |", 2)));
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        assertThat(rows).containsExactlyElementsOf(LABELS);
    }
}
