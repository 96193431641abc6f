package chuan.dataset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** CSV and TSV records, one {@code String[]} per record in file order. */
final class CsvRecordReader implements RecordReader {

    static final int MAX_FIELD_CHARS = 1 << 20;

    private final Reader reader;
    private final CsvTokenizer tokenizer;
    private final boolean header;
    private long row;
    private boolean bom;
    private String[] pendingFirst;

    CsvRecordReader(Reader reader, char delimiter, char quote, boolean header) {
        this.reader = reader;
        this.tokenizer = new CsvTokenizer(reader, delimiter, quote, MAX_FIELD_CHARS);
        this.header = header;
    }

    @Override
    public List<String> open() throws IOException, InputProblem {
        if (header) {
            row = -1; // the header is not a record: the record after it is number 1
        }
        if (!tokenizer.next()) {
            throw new InputProblem("DATA-NO-RECORDS", 0, 1, 1, "the file is empty: no header and no records");
        }
        String[] first = Arrays.copyOf(tokenizer.fields(), tokenizer.count());
        if (!first[0].isEmpty() && first[0].charAt(0) == '\uFEFF') {
            bom = true;
            first[0] = first[0].substring(1);
        }
        if (!header) {
            pendingFirst = first;
            return null;
        }
        row = 0;
        return new ArrayList<>(Arrays.asList(first));
    }

    @Override
    public boolean fill(RecordBatch batch) throws IOException, InputProblem {
        if (pendingFirst != null) {
            batch.add(++row, 1, RecordBatch.OK, pendingFirst, null);
            pendingFirst = null;
        }
        while (!batch.full()) {
            if (!tokenizer.next()) {
                return false;
            }
            row++;
            if (tokenizer.blank()) {
                batch.add(row, tokenizer.recordLine(), RecordBatch.BLANK, null, null);
            } else {
                batch.add(row, tokenizer.recordLine(), RecordBatch.OK,
                        Arrays.copyOf(tokenizer.fields(), tokenizer.count()), null);
            }
        }
        return true;
    }

    @Override
    public long nextRow() {
        return row + 1;
    }

    @Override
    public boolean hadBom() {
        return bom;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
