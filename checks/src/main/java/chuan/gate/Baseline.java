package chuan.gate;

import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.ProfileException;
import chuan.profile.ProfileProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Today's violations, recorded so that the gate fails only on new ones. A finding is known by its
 * rule, target path, field and subject (a one-way key of the value, or what was said about it),
 * never by its line, so edits above a finding do not make it new. Counts make it a multiset: two
 * identical findings in the baseline excuse two now, not three.
 */
public final class Baseline {

    /** One kind of finding and how many times it was seen. */
    public record Finding(String rule, String target, String field, String subject, long count) {
    }

    /** The file's content. */
    public record Content(String schemaVersion, String createdFrom, LocalDate asOf, List<Finding> findings) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String file;
    private final Map<String, Long> remaining = new TreeMap<>();
    private long unchanged;
    private long fresh;

    private Baseline(String file, List<Finding> findings) {
        this.file = file;
        for (Finding f : findings) {
            remaining.merge(key(f.rule(), f.target(), f.field(), f.subject()), f.count(), Long::sum);
        }
    }

    public String file() {
        return file;
    }

    private static String key(String rule, String target, String field, String subject) {
        return rule + "\u0000" + target + "\u0000" + (field == null ? "" : field) + "\u0000" + subject;
    }

    /** The baseline of a report, which must list every violation (scan it with --max-examples 0). */
    public static Content fromReport(AuditReport report, String source) {
        Map<String, Finding> found = new TreeMap<>();
        for (Result r : report.results()) {
            if (r.status() != Status.FAIL && r.status() != Status.WAIVED) {
                continue;
            }
            if (r.examples().size() < r.violations()) {
                throw new IllegalArgumentException("the report keeps " + r.examples().size() + " of " + r.violations()
                        + " violations of " + r.rule() + " in " + r.target() + "; scan with --max-examples 0 to record them all");
            }
            for (Violation v : r.examples()) {
                String field = v.field() != null ? v.field() : r.field();
                String k = key(r.rule(), r.target(), field, v.subject());
                Finding f = found.get(k);
                found.put(k, new Finding(r.rule(), r.target(), field, v.subject(), f == null ? 1 : f.count() + 1));
            }
        }
        return new Content("1.0", source, report.asOf(), List.copyOf(found.values()));
    }

    public static void write(Content content, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, (JSON.writeValueAsString(content) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Baseline load(Path path) throws ProfileException {
        try {
            Content c = JSON.readValue(Files.readAllBytes(path), Content.class);
            return new Baseline(path.toString(), c.findings() == null ? List.of() : c.findings());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ProfileException(new ProfileProblem(path.toString(), line, col,
                    "not a chuan baseline: " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(path.toString(), 0, 0, "cannot read the baseline: " + e.getMessage()));
        }
    }

    /** Marks each violation of the failing and waived results new or unchanged, and counts the new ones. */
    public synchronized List<Result> apply(List<Result> results) {
        List<Result> out = new ArrayList<>(results.size());
        for (Result r : results) {
            if (r.status() != Status.FAIL && r.status() != Status.WAIVED) {
                out.add(r);
                continue;
            }
            List<Violation> marked = new ArrayList<>(r.examples().size());
            long newOnes = 0;
            for (Violation v : r.examples()) {
                String k = key(r.rule(), r.target(), v.field() != null ? v.field() : r.field(), v.subject());
                Long left = remaining.get(k);
                if (left != null && left > 0) {
                    remaining.put(k, left - 1);
                    marked.add(v.withBaselineState("unchanged"));
                    unchanged++;
                } else {
                    marked.add(v.withBaselineState("new"));
                    newOnes++;
                }
            }
            fresh += newOnes;
            out.add(r.againstBaseline(newOnes, marked));
        }
        return out;
    }

    public synchronized long newViolations() {
        return fresh;
    }

    public synchronized long unchanged() {
        return unchanged;
    }

    /** Baseline findings not seen in this scan: fixed since. */
    public synchronized long fixed() {
        return remaining.values().stream().mapToLong(Long::longValue).sum();
    }
}
