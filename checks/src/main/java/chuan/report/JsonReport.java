package chuan.report;

import chuan.model.AuditReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The canonical JSON report: the {@link AuditReport} record serialized by Jackson, described by
 * {@code chuan/schema/report.schema.json} and {@code docs/report.md}.
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
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
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

}
