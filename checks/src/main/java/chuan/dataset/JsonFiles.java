package chuan.dataset;

import chuan.source.DataSource;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A JSON document holding an array of objects, streamed: records are parsed on the reader thread. */
public final class JsonFiles implements DataSource, SourceReader {

    @Override
    public String label() {
        return "json";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".json");
    }

    @Override
    public Shape shape() {
        return Shape.JSON_ARRAY;
    }

    @Override
    public Locations locations() {
        return Locations.RECORD_LINE_FIELD;
    }

    @Override
    public BatchSource open(Opening opening) throws IOException {
        InputStreamReader utf8 = new InputStreamReader(opening.in(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new RecordSource(new JsonArrayRecordReader(utf8, new JsonColumns(opening.dataset().columns()), opening.keepText()));
    }
}
