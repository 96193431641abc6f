package chuan.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A JSON document holding an array of records, streamed element by element so that a large file
 * is never held whole. A syntax error stops the file: the rest cannot be located reliably.
 */
final class JsonArrayRecordReader implements RecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;
    private final JsonColumns columns;
    private final boolean keepText;
    private long row;
    private boolean bom;

    JsonArrayRecordReader(Reader reader, JsonColumns columns, boolean keepText) throws IOException {
        this.parser = new JsonFactory(JSON).createParser(reader);
        // the scanner owns the stream: it still digests the rest of the file after the parser is done
        this.parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        this.columns = columns;
        this.keepText = keepText;
    }

    @Override
    public List<String> open() throws IOException, InputProblem {
        JsonToken t = next();
        if (t == null) {
            throw new InputProblem("DATA-NO-RECORDS", 0, 1, 1, "the file is empty: no records");
        }
        if (t != JsonToken.START_ARRAY) {
            throw problem("DATA-JSON-RECORD", "a JSON dataset must be an array of records (use .ndjson for one object per line)");
        }
        return null;
    }

    @Override
    public boolean fill(RecordBatch batch) throws IOException, InputProblem {
        while (!batch.full()) {
            JsonToken t = next();
            if (t == JsonToken.END_ARRAY || t == null) {
                if (t == JsonToken.END_ARRAY && next() != null) {
                    throw problem("DATA-JSON-SYNTAX", "unexpected content after the closing ']'");
                }
                return false;
            }
            long line = parser.currentTokenLocation().getLineNr();
            row++;
            JsonNode node;
            try {
                node = parser.readValueAsTree();
            } catch (JsonProcessingException e) {
                throw syntax(e);
            }
            if (node == null || !node.isObject()) {
                batch.add(row, line, RecordBatch.JSON_NOT_OBJECT, null,
                        node == null ? "null" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            batch.add(row, line, RecordBatch.OK, columns.extract(node), keepText ? node.toString() : null);
        }
        return true;
    }

    private JsonToken next() throws IOException, InputProblem {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
    }

    private InputProblem syntax(JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        return new InputProblem("DATA-JSON-SYNTAX", row, line, col, "malformed JSON: " + InputMessages.jackson(e));
    }

    private InputProblem problem(String rule, String message) {
        var loc = parser.currentTokenLocation();
        return new InputProblem(rule, row, loc.getLineNr(), loc.getColumnNr(), message);
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
    public List<String> unknownMembers() {
        return columns.unknownMembers();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
