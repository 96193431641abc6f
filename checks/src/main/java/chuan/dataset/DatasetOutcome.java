package chuan.dataset;

import chuan.model.AuditError;
import chuan.model.Result;
import java.util.List;

/** What scanning one file with one profile produced. */
public record DatasetOutcome(
        long bytes, String fingerprint, long records, boolean readCompletely,
        List<Result> results, List<AuditError> errors) {
}
