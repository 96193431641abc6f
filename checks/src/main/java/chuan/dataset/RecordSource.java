package chuan.dataset;

import java.io.IOException;
import java.util.List;

/** Records parsed on the reader thread (a JSON array), in batches. */
final class RecordSource implements BatchSource {
    private static final int BATCH = 1024;

    private final RecordReader reader;
    private boolean more = true;

    RecordSource(RecordReader reader) {
        this.reader = reader;
    }

    @Override
    public List<String> open() throws IOException, InputProblem {
        return reader.open();
    }

    @Override
    public RecordBatch next(long seq) throws IOException, InputProblem {
        if (!more) {
            return null;
        }
        RecordBatch b = new RecordBatch(seq, BATCH);
        more = reader.fill(b);
        return b.size == 0 && !more ? null : b;
    }

    @Override
    public long nextRow() {
        return reader.nextRow();
    }

    @Override
    public List<String> unknownMembers() {
        return reader.unknownMembers();
    }
}
