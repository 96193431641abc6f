package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Target;
import java.io.IOException;
import java.util.List;

/**
 * The one interface that carries an audit's events to every reporter (and anything else that
 * wants to follow an audit). Events arrive in order: started, then per target its results and
 * errors, then finished with the whole report.
 */
public interface AuditListener {

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
