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
 * rule, target path, field and subject (a keyed fingerprint of the value, or what was said about
 * it), never by its line, so edits above a finding do not make it new. Counts make it a multiset: two
 * identical findings in the baseline excuse two now, not three. The fingerprints are keyed with the
 * project's secret ({@link chuan.model.Fingerprints}); {@code fingerprintKey} names that secret, so
 * a scan under another secret is refused instead of calling every finding new.
 */
public final class Baseline {

    /** One kind of finding and how many times it was seen. */
    public record Finding(String rule, String target, String field, String subject, long count) {
    }

    /** The file's content. */
    public record Content(String schemaVersion, String createdFrom, LocalDate asOf, String fingerprintKey, List<Finding> findings) {
    }

    /** 2.0: subjects are keyed fingerprints (1.0 held plain SHA-256, which a word list reverses). */
    public static final String SCHEMA_VERSION = "2.0";

    private static final ObjectMapper JSON = chuan.report.JsonReport.inert(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)); // hostile target paths stay inert

    private final String file;
    private final String fingerprintKey;
    private final Map<String, Long> remaining = new TreeMap<>();
    private long unchanged;
    private long fresh;

    private Baseline(String file, String fingerprintKey, List<Finding> findings) {
        this.file = file;
        this.fingerprintKey = fingerprintKey;
        for (Finding f : findings) {
            remaining.merge(key(f.rule(), f.target(), f.field(), f.subject()), f.count(), Long::sum);
        }
    }

    public String file() {
        return file;
    }

    /** The id of the fingerprint secret the baseline was recorded with. */
    public String fingerprintKey() {
        return fingerprintKey;
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
        if (report.fingerprintKey() == null) {
            throw new IllegalArgumentException("the report names no fingerprint key (made by an older chuan); scan again");
        }
        return new Content(SCHEMA_VERSION, source, report.asOf(), report.fingerprintKey(), List.copyOf(found.values()));
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
            Content c = JSON.readValue(chuan.util.SmallFiles.read(path, chuan.util.SmallFiles.REPORT_LIMIT), Content.class);
            if (c == null) {
                throw problem(path, 1, "not a chuan baseline: the file holds null, not an object");
            }
            if (!SCHEMA_VERSION.equals(c.schemaVersion())) {
                throw problem(path, 1, "baseline schemaVersion " + c.schemaVersion() + " is not " + SCHEMA_VERSION
                        + (c.schemaVersion() != null && c.schemaVersion().startsWith("1.") ? " (its fingerprints are unkeyed "
                        + "hashes, which a word list reverses): record it again with chuan baseline" : ""));
            }
            if (c.fingerprintKey() == null || c.findings() == null) {
                throw problem(path, 1, "not a chuan baseline: " + (c.fingerprintKey() == null ? "no fingerprintKey" : "no findings"));
            }
            for (Finding f : c.findings()) {
                if (f == null || f.rule() == null || f.target() == null || f.subject() == null || f.count() < 1) {
                    throw problem(path, 1, "not a chuan baseline: a finding without rule, target, subject or a count of at least 1");
                }
            }
            return new Baseline(path.toString(), c.fingerprintKey(), c.findings());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ProfileException(new ProfileProblem(path.toString(), line, col,
                    "not a chuan baseline: " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(path.toString(), 0, 0, "cannot read the baseline: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())));
        }
    }

    private static ProfileException problem(Path path, long line, String message) {
        return new ProfileException(new ProfileProblem(path.toString(), line, 1, message));
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
                    marked.add(v.withBaselineState(chuan.model.BaselineState.UNCHANGED));
                    unchanged++;
                } else {
                    marked.add(v.withBaselineState(chuan.model.BaselineState.NEW));
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
