package chuan.dataset;

import chuan.model.AuditError;
import chuan.model.Result;
import java.util.List;

/**
 * What scanning one file with one profile produced; {@code parts} are the parts read in order (a workbook's sheets),
 * empty for one; {@code shape} what the profile saw of it (null when it could not be read).
 */
public record DatasetOutcome(
        long bytes, String fingerprint, long records, boolean readCompletely,
        List<Result> results, List<AuditError> errors, List<String> parts, chuan.model.DatasetShape shape) {

    public DatasetOutcome {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public DatasetOutcome(long bytes, String fingerprint, long records, boolean readCompletely, List<Result> results,
                          List<AuditError> errors, List<String> parts) {
        this(bytes, fingerprint, records, readCompletely, results, errors, parts, null);
    }

    public DatasetOutcome(long bytes, String fingerprint, long records, boolean readCompletely, List<Result> results,
                          List<AuditError> errors) {
        this(bytes, fingerprint, records, readCompletely, results, errors, List.of());
    }
}
