package chuan.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Newline-delimited JSON: one object per line; record number = line number (blank lines are
 * counted as blank records). A malformed line is a finding on that record, and reading goes on.
 */
final class NdjsonRecordReader implements RecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader reader;
    private final JsonColumns columns;
    private final boolean keepText;
    private long line;
    private boolean bom;

    NdjsonRecordReader(BufferedReader reader, JsonColumns columns, boolean keepText) {
        this.reader = reader;
        this.columns = columns;
        this.keepText = keepText;
    }

    @Override
    public List<String> open() {
        return null;
    }

    @Override
    public boolean fill(RecordBatch batch) throws IOException, InputProblem {
        while (!batch.full()) {
            String text = reader.readLine();
            if (text == null) {
                if (line == 0) {
                    throw new InputProblem("DATA-NO-RECORDS", 0, 1, 1, "the file is empty: no records");
                }
                return false;
            }
            line++;
            if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                bom = true;
                text = text.substring(1);
            }
            if (text.isBlank()) {
                batch.add(line, line, RecordBatch.BLANK, null, null);
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                long col = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
                batch.add(line, line, RecordBatch.JSON_SYNTAX, null,
                        "column " + col + ": " + JsonReaderMessages.brief(e));
                continue;
            }
            if (!node.isObject()) {
                batch.add(line, line, RecordBatch.JSON_NOT_OBJECT, null, node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            batch.add(line, line, RecordBatch.OK, columns.extract(node), keepText ? text : null);
        }
        return true;
    }

    @Override
    public long nextRow() {
        return line + 1;
    }

    @Override
    public boolean hadBom() {
        return bom;
    }

    @Override
    public List<String> unknownMembers() {
        return columns.unknownMembers();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
