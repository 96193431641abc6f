package chuan.report;

import chuan.model.AuditReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The canonical JSON report: the {@link AuditReport} record serialized by Jackson, described by
 * {@code chuan/schema/report.schema.json} and {@code docs/report.md}. Values are exact, but written
 * so that the file is safe to show on a terminal: the characters {@link Inert} escapes are written
 * as {@code \u005cu} escapes (which read back as the same text), and a lone surrogate, which no reader
 * could take back, as U+FFFD.
 */
public final class JsonReport implements AuditListener {

    private static final ObjectMapper MAPPER = mapper();

    private final Sink sink;

    /** Where the report goes, opened only when it is written. */
    public interface Sink {
        OutputStream open() throws IOException;
    }

    public JsonReport(Sink sink) {
        this.sink = sink;
    }

    public static ObjectMapper mapper() {
        return inert(new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL));
    }

    /** Makes a mapper write JSON as this report does: Inert's characters as escapes, lone surrogates as U+FFFD. */
    public static ObjectMapper inert(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("chuan-inert").addSerializer(String.class, new WellFormedStrings()));
        mapper.getFactory().setCharacterEscapes(new InertEscapes());
        return mapper;
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        try (OutputStream out = sink.open()) {
            MAPPER.writeValue(new NonClosingStream(out), report);
            out.write('\n');
        }
    }

    public static void write(AuditReport report, Writer w) throws IOException {
        MAPPER.writeValue(w, report);
    }

    /** Strings with their lone surrogates as U+FFFD (Jackson would write them as escapes no reader can decode). */
    private static final class WellFormedStrings extends StdSerializer<String> {
        WellFormedStrings() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Inert.wellFormed(value));
        }
    }

    /** JSON's own escapes, plus {@code \u005cu} escapes for DEL and every non-ASCII character {@link Inert} escapes. */
    private static final class InertEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        InertEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Inert.escaped(ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

}
