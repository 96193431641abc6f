package chuan.dataset;

import java.io.IOException;
import java.util.List;

/** NDJSON: chunks of whole lines, parsed by the validators. */
final class NdjsonSource implements BatchSource {
    private final CsvChunker chunker;
    private final Opening opening;
    private long nextRow = 1;

    NdjsonSource(Opening opening) {
        this.opening = opening;
        // no delimiter and no quote: JSON strings cannot hold a raw line break, so lines are records
        this.chunker = new CsvChunker(opening.in(), '\0', '\0', false);
    }

    @Override
    public List<String> open() {
        return null;
    }

    @Override
    public RecordBatch next(long seq) throws IOException, InputProblem {
        CsvChunker.Chunk c = chunker.next(Integer.MAX_VALUE);
        if (c == null) {
            if (nextRow == 1) {
                throw new InputProblem("DATA-NO-RECORDS", 0, 1, 1, "the file is empty: no records");
            }
            return null;
        }
        nextRow = c.firstRow() + c.records();
        return new RecordBatch(seq, c.records(), c);
    }

    @Override
    public long nextRow() {
        return nextRow;
    }

    @Override
    public NdjsonChunkParser lineParser() {
        return new NdjsonChunkParser(new JsonColumns(opening.dataset().columns()), opening.keepText());
    }
}
