package chuan.dataset;

import chuan.source.DataSource;
import java.util.List;

/** Newline-delimited JSON: one object per line, lines handed to the validators in chunks and parsed there. */
public final class NdjsonFiles implements DataSource, SourceReader {

    @Override
    public String label() {
        return "ndjson";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".ndjson", ".jsonl");
    }

    @Override
    public Shape shape() {
        return Shape.JSON_LINES;
    }

    @Override
    public Locations locations() {
        return Locations.RECORD_LINE_FIELD;
    }

    @Override
    public BatchSource open(Opening opening) {
        return new NdjsonSource(opening);
    }
}
