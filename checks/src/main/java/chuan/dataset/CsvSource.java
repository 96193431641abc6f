package chuan.dataset;

import chuan.profile.CsvDialect;
import chuan.profile.DatasetSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/** CSV/TSV: whole-record chunks, split into fields by the validators. */
final class CsvSource implements BatchSource {
    private final DatasetSpec dataset;
    private final CsvChunker chunker;
    private final CsvChunkParser headerParser;
    private long nextRow = 1;
    /** A file without header or columns: its first record, read to learn the width, still to be checked. */
    private CsvChunker.Chunk pending;
    private List<CsvChunkParser.QuoteProblem> headerQuoteProblems = List.of();
    private long headerLine = 1;
    private int firstWidth = -1;

    CsvSource(Opening opening) {
        this.dataset = opening.dataset();
        this.chunker = new CsvChunker(opening.in(), opening.delimiter(), dataset.quote(), dataset.header(), opening.comment());
        this.headerParser = new CsvChunkParser(opening.delimiter(), dataset.quote(), opening.comment());
    }

    /** The next record that is not a comment, alone in its chunk; null at the end. */
    private CsvChunker.Chunk nextRecord() throws IOException, InputProblem {
        CsvChunker.Chunk c;
        do {
            c = chunker.next(1);
        } while (c != null && chunker.isComment(c));
        return c;
    }

    @Override
    public List<String> open() throws IOException, InputProblem {
        CsvDialect dialect = dataset.dialect();
        for (int k = 0; k < dialect.skipRows(); k++) {
            if (nextRecord() == null) {
                throw new InputProblem("DATA-NO-RECORDS", 0, 1, 1, k == 0 ? "the file is empty: no header and no records"
                        : "the file has only " + k + " of the " + dialect.skipRows() + " rows to skip before the header");
            }
        }
        if (!dataset.header()) {
            chunker.restartNumbering(1);
            if (dataset.columns().isEmpty()) {
                pending = nextRecord();
                if (pending != null) {
                    firstWidth = headerParser.header(pending).length;
                }
            }
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < dialect.headerRows(); r++) {
            CsvChunker.Chunk h = nextRecord();
            if (h == null) {
                if (r == 0) {
                    throw new InputProblem("DATA-NO-RECORDS", 0, 1, 1, "the file is empty: no header and no records");
                }
                break;
            }
            if (r == 0) {
                headerLine = h.firstLine();
            }
            rows.add(headerParser.header(h));
            if (headerParser.badEncoding) {
                throw new CharacterCodingException();
            }
            if (headerQuoteProblems.isEmpty()) {
                headerQuoteProblems = headerParser.headerProblems();
            }
        }
        chunker.restartNumbering(1);
        return HeaderRows.join(rows, dialect.headerJoin());
    }

    @Override
    public RecordBatch next(long seq) throws IOException, InputProblem {
        CsvChunker.Chunk c = pending != null ? pending : chunker.next(Integer.MAX_VALUE);
        pending = null;
        if (c == null) {
            return null;
        }
        nextRow = c.firstRow() + c.records();
        return new RecordBatch(seq, c.records(), c);
    }

    @Override
    public long nextRow() {
        return dataset.header() && nextRow == 1 ? 0 : nextRow;
    }

    @Override
    public long headerLine() {
        return headerLine;
    }

    @Override
    public List<CsvChunkParser.QuoteProblem> headerQuoteProblems() {
        return headerQuoteProblems;
    }

    @Override
    public int firstWidth() {
        return firstWidth;
    }

    @Override
    public CsvChunker lineEnds() {
        return chunker;
    }
}
