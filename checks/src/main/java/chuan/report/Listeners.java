package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Target;
import java.io.IOException;
import java.util.List;

/** Sends every event to several listeners, in order. */
public final class Listeners implements AuditListener {

    private final List<AuditListener> all;

    public Listeners(List<AuditListener> all) {
        this.all = List.copyOf(all);
    }

    @Override
    public void auditStarted(List<String> inputs) throws IOException {
        for (AuditListener l : all) {
            l.auditStarted(inputs);
        }
    }

    @Override
    public void targetFinished(Target target, List<Result> results, List<AuditError> errors) throws IOException {
        for (AuditListener l : all) {
            l.targetFinished(target, results, errors);
        }
    }

    @Override
    public void configurationError(AuditError error) throws IOException {
        for (AuditListener l : all) {
            l.configurationError(error);
        }
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        for (AuditListener l : all) {
            l.auditFinished(report);
        }
    }
}
