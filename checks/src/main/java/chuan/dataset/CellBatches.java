package chuan.dataset;

import chuan.source.CellRecord;
import chuan.source.CellRows;
import chuan.source.RecordPlace;
import chuan.source.SourceRefused;
import java.io.IOException;
import java.util.List;

/**
 * The batches of a cell source (a workbook, a table): its records arrive split into cells in header order,
 * so a batch only numbers them and keeps where each is.
 */
final class CellBatches implements BatchSource {

    private static final int BATCH = 1024;

    private final CellRows rows;
    private final String target;
    private final CellRecord record = new CellRecord();
    private long row;
    private boolean ended;

    CellBatches(CellRows rows, String target) {
        this.rows = rows;
        this.target = target;
    }

    @Override
    public List<String> open() throws IOException, InputProblem {
        try {
            return rows.header();
        } catch (SourceRefused e) {
            throw new InputProblem(null, 0, 0, 0, e.getMessage());
        }
    }

    @Override
    public RecordBatch next(long seq) throws IOException, InputProblem {
        if (ended) {
            return null;
        }
        RecordBatch b = new RecordBatch(seq, BATCH);
        b.places = new RecordPlace[BATCH];
        try {
            while (!b.full()) {
                if (!rows.next(record)) {
                    ended = true;
                    rows.finish();
                    break;
                }
                row++;
                b.places[b.size] = record.place;
                b.add(row, 0, record.blank ? RecordBatch.BLANK : RecordBatch.OK, record.values, null);
            }
        } catch (SourceRefused e) {
            throw refused(e);
        }
        return b.size == 0 ? null : b;
    }

    private InputProblem refused(SourceRefused e) {
        return new InputProblem(null, row + 1, 0, 0, e.getMessage()); // no rule: the target is not audited (exit 3)
    }

    @Override
    public long nextRow() {
        return row + 1;
    }

    @Override
    public RecordPlace headerPlace() {
        return rows.headerPlace();
    }

    @Override
    public long headerLine() {
        return 0;
    }
}
