package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader-side chunker and the validator-side parser agree on records, rows and lines. */
class CsvChunkingTest {

    /** One parsed record: row, start line, fields (null for a blank line). */
    record Rec(long row, long line, List<String> fields) {
    }

    private static List<Rec> parse(String text, boolean header) throws Exception {
        return parse(text.getBytes(StandardCharsets.UTF_8), header, ',');
    }

    private static List<Rec> parse(byte[] bytes, boolean header, char delimiter) throws Exception {
        CsvChunker chunker = new CsvChunker(new ByteArrayInputStream(bytes), delimiter, '"', header);
        CsvChunkParser parser = new CsvChunkParser(delimiter, '"');
        List<Rec> out = new ArrayList<>();
        if (header) {
            CsvChunker.Chunk h = chunker.next(1);
            out.add(new Rec(0, h.firstLine(), List.of(parser.header(h))));
        }
        CsvChunker.Chunk c;
        while ((c = chunker.next(Integer.MAX_VALUE)) != null) {
            RecordBatch b = new RecordBatch(0, c.records(), c);
            parser.parse(c, b);
            assertThat(b.size).isEqualTo(c.records());
            for (int i = 0; i < b.size; i++) {
                List<String> fields = new ArrayList<>();
                for (int k = 0; k < b.fields.width(i); k++) {
                    fields.add(b.fields.string(i, k));
                }
                out.add(new Rec(b.rows[i], b.lines[i], b.kinds[i] == RecordBatch.BLANK ? null : fields));
            }
        }
        return out;
    }

    @Test
    void rowsExcludeTheHeaderAndLinesFollowEmbeddedLineBreaks() throws Exception {
        List<Rec> recs = parse("id,address\n1,\"12 Lê Lợi\nPhường Bến Thành\"\n2,x\n", true);
        assertThat(recs).containsExactly(
                new Rec(0, 1, List.of("id", "address")),
                new Rec(1, 2, List.of("1", "12 Lê Lợi\nPhường Bến Thành")),
                new Rec(2, 4, List.of("2", "x")));
    }

    @Test
    void crlfAndLoneCrEndRecords() throws Exception {
        assertThat(parse("a,b\r\n1,2\r\n3,4", true)).extracting(Rec::line).containsExactly(1L, 2L, 3L);
        assertThat(parse("a,b\r1,2\r3,4\r", true)).extracting(Rec::fields)
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void doubledQuotesAreLiteralAndTextAfterAClosingQuoteIsKept() throws Exception {
        List<Rec> recs = parse("a,b\n\"say \"\"xin chào\"\"\",\"ab\"cd\n", true);
        assertThat(recs.get(1).fields()).containsExactly("say \"xin chào\"", "abcd");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsLiteral() throws Exception {
        assertThat(parse("a,b\n5\" pipe,x\n", true).get(1).fields()).containsExactly("5\" pipe", "x");
    }

    @Test
    void blankLinesAndRecordsOfEmptyFieldsAreBlank() throws Exception {
        List<Rec> recs = parse("a,b\n1,\n\n\"\",\"\"\n,\n,2\n", true);
        assertThat(recs).extracting(Rec::fields).containsExactly(List.of("a", "b"), List.of("1", ""), null, null, null,
                List.of("", "2"));
        assertThat(recs).extracting(Rec::row).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void trailingDelimiterGivesAnEmptyLastField() throws Exception {
        assertThat(parse("a,b\n1,\n", true).get(1).fields()).containsExactly("1", "");
        assertThat(parse("a,b\n1,", true).get(1).fields()).containsExactly("1", "");
    }

    @Test
    void withoutHeaderTheFirstLineIsRecordOne() throws Exception {
        assertThat(parse("1,2\n3,4\n", false)).extracting(Rec::row).containsExactly(1L, 2L);
    }

    @Test
    void tabDelimited() throws Exception {
        List<Rec> recs = parse("a\tb\nx,y\tz\n".getBytes(StandardCharsets.UTF_8), true, '\t');
        assertThat(recs.get(1).fields()).containsExactly("x,y", "z");
    }

    @Test
    void recordsSpanningChunkBoundariesAreWhole() throws Exception {
        StringBuilder sb = new StringBuilder("id,text\n");
        int n = 60_000;
        for (int i = 1; i <= n; i++) {
            sb.append(i).append(",\"dòng ").append(i).append(i % 7 == 0 ? "\nnối tiếp\"\"x\"\"" : "").append("\"\r\n");
        }
        List<Rec> recs = parse(sb.toString(), true);
        assertThat(recs).hasSize(n + 1);
        long line = 2;
        for (int i = 1; i <= n; i++) {
            Rec r = recs.get(i);
            assertThat(r.row()).isEqualTo(i);
            assertThat(r.line()).isEqualTo(line);
            assertThat(r.fields().get(0)).isEqualTo(String.valueOf(i));
            line += i % 7 == 0 ? 2 : 1;
        }
        assertThat(recs.get(7).fields().get(1)).isEqualTo("dòng 7\nnối tiếp\"x\"");
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItOpened() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"never closed\n4,5\n", true))
                .isInstanceOf(InputProblem.class)
                .hasMessageContaining("unterminated quoted field")
                .satisfies(e -> {
                    InputProblem p = (InputProblem) e;
                    assertThat(p.ruleId).isEqualTo("DATA-QUOTE");
                    assertThat(p.line).isEqualTo(3);
                    assertThat(p.column).isEqualTo(3);
                    assertThat(p.row).isEqualTo(2);
                });
    }

    @Test
    void invalidUtf8IsFlaggedWithItsRecord() throws Exception {
        byte[] bytes = "a\nok\nbad\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvChunker chunker = new CsvChunker(new ByteArrayInputStream(bytes), ',', '"', true);
        CsvChunkParser parser = new CsvChunkParser(',', '"');
        parser.header(chunker.next(1));
        CsvChunker.Chunk c = chunker.next(Integer.MAX_VALUE);
        parser.parse(c, new RecordBatch(0, c.records(), c));
        assertThat(parser.badEncoding).isTrue();
        assertThat(parser.badEncodingRow).isEqualTo(2);
    }

    @Test
    void aGenuineReplacementCharacterIsNotAnEncodingError() throws Exception {
        byte[] bytes = "a\nx\uFFFDy\n".getBytes(StandardCharsets.UTF_8);
        CsvChunker chunker = new CsvChunker(new ByteArrayInputStream(bytes), ',', '"', true);
        CsvChunkParser parser = new CsvChunkParser(',', '"');
        parser.header(chunker.next(1));
        CsvChunker.Chunk c = chunker.next(Integer.MAX_VALUE);
        parser.parse(c, new RecordBatch(0, c.records(), c));
        assertThat(parser.badEncoding).isFalse();
    }
}
