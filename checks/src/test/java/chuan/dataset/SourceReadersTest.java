package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.source.DataSource;
import chuan.source.DataSources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every registered data source is one the scanner reads, through its own descriptor; one it cannot read is a fault, named. */
class SourceReadersTest {

    @Test
    void everyRegisteredSourceOpensIntoBatchesOfItsShape() throws Exception {
        for (DataSource s : DataSources.builtIn().all()) {
            if (s instanceof chuan.source.CellSource) {
                // a source of typed cells opens its own input, never as text
                assertThat(s.shape()).as(s.label()).isEqualTo(DataSource.Shape.CELLS);
                continue;
            }
            SourceReader reader = DatasetScanner.reader(s);
            chuan.profile.DatasetSpec spec = new chuan.profile.DatasetSpec(s, "UTF-8", true, ',', '"', true, null, List.of(),
                    List.of(), false);
            byte[] text = (s.shape().isJson() ? s.shape() == DataSource.Shape.JSON_ARRAY ? "[{\"a\": 1}]" : "{\"a\": 1}\n"
                    : "a" + s.delimiter() + "b\n1" + s.delimiter() + "2\n").getBytes(StandardCharsets.UTF_8);
            BatchSource batches = reader.open(new Opening(new ByteArrayInputStream(text), spec, spec.delimiterFor(s), null, false));
            List<String> header = batches.open();
            // a text table's header names its columns; a JSON source has none
            assertThat(header).as(s.label()).isEqualTo(s.shape().isJson() ? null : List.of("a", "b"));
            RecordBatch first = batches.next(0);
            assertThat(first).as(s.label()).isNotNull();
            // lines left to the validators are split there; a JSON array comes parsed
            assertThat(first.chunk != null).as("%s hands over raw lines", s.label()).isEqualTo(s.shape() != DataSource.Shape.JSON_ARRAY);
            assertThat(batches.lineParser() != null).as("%s's lines are parsed by the validators", s.label())
                    .isEqualTo(s.shape() == DataSource.Shape.JSON_LINES);
            assertThat(batches.lineEnds() != null).as("%s's line ends are checked", s.label())
                    .isEqualTo(s.shape() == DataSource.Shape.DELIMITED);
        }
    }

    @Test
    void aRegisteredSourceTheScannerCannotReadIsAFaultThatNamesIt() {
        DataSource sheet = new DataSource() {
            public String label() {
                return "xlsx";
            }

            public List<String> suffixes() {
                return List.of(".xlsx");
            }

            public Shape shape() {
                return Shape.DELIMITED;
            }

            public Locations locations() {
                return Locations.RECORD_LINE_COLUMN;
            }
        };
        assertThatThrownBy(() -> DatasetScanner.reader(sheet)).isInstanceOf(IllegalStateException.class)
                .hasMessage("data source xlsx is registered but the dataset scanner cannot read it");
    }
}
