package chuan.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.util.SchemaEnums;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The registry of data sources is the one list: the profile and report schemas' format enums and
 * every list of dataset formats or file endings in the docs must name exactly its sources, each
 * once; a source added to one and not the others fails here.
 */
class DataSourcesTest {

    private static final DataSources REGISTRY = DataSources.builtIn();

    /** A made-up source that is not a file: a table of a PostgreSQL database, recognised by its address. */
    private static class Table implements DataSource {
        private final String label;

        Table(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public List<String> suffixes() {
            return List.of();
        }

        @Override
        public boolean recognises(String name) {
            return name.startsWith("postgresql://");
        }

        @Override
        public Shape shape() {
            return Shape.JSON_ARRAY;
        }

        @Override
        public Locations locations() {
            return Locations.RECORD_LINE_FIELD;
        }
    }

    private static DataSource source(String label) {
        return REGISTRY.byLabel(label).orElseThrow();
    }

    @Test
    void theBuiltInSourcesAreRegisteredOnceEach() {
        assertThat(REGISTRY.labels()).containsExactly("csv", "tsv", "json", "ndjson", "xlsx", "xls", "sqlite");
        assertThat(REGISTRY.fallback().label()).isEqualTo("csv");
    }

    @Test
    void aSourceRegisteredTwiceOrClaimingAnotherSourcesEndingIsRefused() {
        assertThatThrownBy(() -> new DataSources(List.of(source("csv"), source("json"), source("csv"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("data source csv is registered twice");
        DataSource jsonAgain = new Table("json2") {
            @Override
            public List<String> suffixes() {
                return List.of(".json");
            }
        };
        assertThatThrownBy(() -> new DataSources(List.of(source("csv"), source("json"), jsonAgain)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("data sources json and json2 both claim .json");
        assertThatThrownBy(() -> new DataSources(List.of(source("json"), source("ndjson"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no data source reads unrecognised files");
        DataSource csvToo = new Table("csv2") {
            @Override
            public boolean readsUnrecognisedFiles() {
                return true;
            }
        };
        assertThatThrownBy(() -> new DataSources(List.of(source("csv"), csvToo)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("data sources csv and csv2 both read unrecognised files");
    }

    @Test
    void aFileIsRecognisedByItsEndingInAnyCaseAndOtherwiseReadAsTheFallback() {
        assertThat(REGISTRY.recognise("exports/Ho-Kinh-Doanh.CSV")).contains(source("csv"));
        assertThat(REGISTRY.recognise("a.tab")).contains(source("tsv"));
        assertThat(REGISTRY.recognise("a.tsv")).contains(source("tsv"));
        assertThat(REGISTRY.recognise("households.jsonl")).contains(source("ndjson"));
        assertThat(REGISTRY.recognise("households.ndjson")).contains(source("ndjson"));
        assertThat(REGISTRY.recognise("household.schema.json")).contains(source("json"));
        assertThat(REGISTRY.recognise("notes.txt")).isEmpty();
        assertThat(REGISTRY.recognise("csv")).as("an ending is more than the label").isEmpty();
        assertThat(REGISTRY.forName("notes.txt")).isSameAs(REGISTRY.fallback());
        assertThat(REGISTRY.forName("a.ndjson").label()).isEqualTo("ndjson");
    }

    @Test
    void aSourceThatIsNotAFileIsRecognisedByItsOwnAddress() {
        DataSources withTables = new DataSources(List.of(source("csv"), source("json"), new Table("postgresql")));
        assertThat(withTables.recognise("postgresql://db.example/registers#citizens").map(DataSource::label)).contains("postgresql");
        assertThat(withTables.recognise("citizens.csv").map(DataSource::label)).contains("csv");
        assertThat(withTables.recognise("registers.xlsx")).isEmpty();
    }

    @Test
    void whatADescriptorSaysHoldsTogether() {
        for (DataSource s : REGISTRY.all()) {
            assertThat(s.label()).as("label").matches("[a-z][a-z0-9]*");
            assertThat(s.suffixes()).as("%s's endings", s.label()).isNotEmpty().allMatch(x -> x.matches("\\.[a-z0-9]+"));
            for (String suffix : s.suffixes()) {
                assertThat(s.recognises("DATA" + suffix.toUpperCase(Locale.ROOT))).as("%s recognises %s", s.label(), suffix).isTrue();
            }
            // fields of a text table are numbered; JSON members are named; a database table's columns are named
            assertThat(s.locations().numbersColumns()).as("%s numbers columns", s.label())
                    .isEqualTo(!s.shape().isJson() && s.locations() != DataSource.Locations.TABLE_ROW);
            assertThat(s.delimiter()).as("%s's delimiter", s.label()).isIn(',', '\t');
        }
        assertThat(source("tsv").delimiter()).isEqualTo('\t');
        assertThat(REGISTRY.fallback().shape()).as("an unknown file is read as text").isEqualTo(DataSource.Shape.DELIMITED);
    }

    @Test
    void theProfileSchemaListsEverySourceOnce() throws Exception {
        List<String> listed = SchemaEnums.of("profile", "/definitions/dataset/properties/format/enum");
        assertThat(listed).as("profile.schema.json's dataset format enum").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(REGISTRY.labels());
    }

    @Test
    void theReportSchemaListsEverySource() throws Exception {
        List<String> listed = SchemaEnums.of("report", "/definitions/target/properties/format/enum");
        assertThat(listed).as("report.schema.json's target format enum").doesNotHaveDuplicates().containsAll(REGISTRY.labels());
    }

    @Test
    void theProfileDocsListEverySourceAndEveryEnding() throws Exception {
        String doc = Files.readString(Path.of("../docs/profiles.md"));
        Matcher example = Pattern.compile("\n  format: \\w+ +# ([^;\n]+); default from the extension\n").matcher(doc);
        assertThat(example.find()).as("docs/profiles.md: the example's format line").isTrue();
        assertThat(Arrays.asList(example.group(1).split(" \\| "))).as("docs/profiles.md: the example's formats")
                .containsExactlyInAnyOrderElementsOf(REGISTRY.labels());
        Matcher row = Pattern.compile("\n\\| `format` \\| from the extension \\| ([^\n]+) \\|\n").matcher(doc);
        assertThat(row.find()).as("docs/profiles.md: the `format` row of the dataset table").isTrue();
        assertThat(quoted(row.group(1)).stream().filter(w -> !w.startsWith(".")).toList()).as("the `format` row's formats")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(REGISTRY.labels());
        Matcher endings = Pattern.compile("or to every ([^()]+) file when it has no `applies-to`").matcher(doc.replaceAll("\\s+", " "));
        assertThat(endings.find()).as("docs/profiles.md: the endings a profile without applies-to takes").isTrue();
        assertThat(quoted(endings.group(1))).as("the endings a profile without applies-to takes").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(REGISTRY.all().stream().flatMap(s -> s.suffixes().stream()).toList());
    }

    @Test
    void theReadmeNamesEverySource() throws Exception {
        String readme = Files.readString(Path.of("../README.md")).replaceAll("\\s+", " ");
        Matcher m = Pattern.compile("it checks ([A-Za-z, ]+?) files against data-standard profiles").matcher(readme);
        assertThat(m.find()).as("README.md's first paragraph").isTrue();
        assertThat(Arrays.asList(m.group(1).split(", | and ")).stream().map(l -> l.toUpperCase(Locale.ROOT)).toList())
                .as("the formats README.md names")
                .containsExactlyInAnyOrderElementsOf(REGISTRY.labels().stream().map(l -> l.toUpperCase(Locale.ROOT)).toList());
    }

    /** The words in backquotes, in order. */
    private static List<String> quoted(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
