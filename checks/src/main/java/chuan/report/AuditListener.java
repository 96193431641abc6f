package chuan.report;

import chuan.dataset.ScanEvents;
import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Target;
import java.io.IOException;
import java.util.List;

/**
 * The one interface that carries an audit's events to every reporter (and anything else that
 * wants to follow an audit). Events arrive in order: started, then per target its results and
 * errors, then finished with the whole report. While a dataset target is scanned, its violations
 * (to a listener that wants every one) and its progress come through the same listener
 * ({@link ScanEvents}).
 */
public interface AuditListener extends ScanEvents {

    default void auditStarted(List<String> inputs) throws IOException {
    }

    default void targetFinished(Target target, List<Result> results, List<AuditError> errors) throws IOException {
    }

    /** An error not tied to one audited target (a bad profile, a missing path). */
    default void configurationError(AuditError error) throws IOException {
    }

    default void auditFinished(AuditReport report) throws IOException {
    }
}
