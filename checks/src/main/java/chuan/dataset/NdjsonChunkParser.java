package chuan.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses a chunk of NDJSON lines on a validator thread, so that JSON parsing, the costly part,
 * runs on every core: one object per line, record number = line number, blank lines are blank
 * records, a line that is not UTF-8, not JSON, or not an object is marked as such.
 */
final class NdjsonChunkParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonColumns columns;
    private final boolean keepText;
    boolean badEncoding;
    long badEncodingRow;

    NdjsonChunkParser(JsonColumns columns, boolean keepText) {
        this.columns = columns;
        this.keepText = keepText;
    }

    JsonColumns columns() {
        return columns;
    }

    void parse(CsvChunker.Chunk chunk, RecordBatch batch) {
        byte[] b = chunk.bytes();
        int n = chunk.length();
        int pos = 0;
        for (int r = 0; r < chunk.records() && pos <= n; r++) {
            int end = pos;
            while (end < n && b[end] != '\n' && b[end] != '\r') {
                end++;
            }
            long row = chunk.firstRow() + r;
            long line = chunk.firstLine() + r;
            record(b, pos, end, row, line, batch);
            pos = end < n && b[end] == '\r' && end + 1 < n && b[end + 1] == '\n' ? end + 2 : end + 1;
        }
    }

    private void record(byte[] b, int from, int to, long row, long line, RecordBatch batch) {
        if (blank(b, from, to)) {
            batch.add(row, line, RecordBatch.BLANK, null, null);
            return;
        }
        if (Utf8.codePoints(b, from, to) < 0) {
            if (!badEncoding) {
                badEncoding = true;
                badEncodingRow = row;
            }
            batch.add(row, line, RecordBatch.BAD_ENCODING, null, null);
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(b, from, to - from);
        } catch (JsonProcessingException e) {
            // Jackson counts bytes on byte input; a report counts characters
            long byteCol = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            long col = new String(b, from, (int) Math.min(byteCol - 1, to - from), StandardCharsets.UTF_8).length() + 1;
            batch.add(row, line, RecordBatch.JSON_SYNTAX, null, "column " + col + ": " + InputMessages.jackson(e));
            return;
        } catch (IOException e) {
            batch.add(row, line, RecordBatch.JSON_SYNTAX, null, "column 1: " + e.getMessage());
            return;
        }
        if (node == null || !node.isObject()) {
            batch.add(row, line, RecordBatch.JSON_NOT_OBJECT, null,
                    node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        batch.add(row, line, RecordBatch.OK, columns.extract(node),
                keepText ? new String(b, from, to - from, StandardCharsets.UTF_8) : null);
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
