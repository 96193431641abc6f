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

    /** The sinks of every listener that wants every violation, as one; null when none does. */
    @Override
    public chuan.dataset.ViolationSink violations(String target) {
        List<chuan.dataset.ViolationSink> sinks = new java.util.ArrayList<>();
        for (AuditListener l : all) {
            chuan.dataset.ViolationSink s = l.violations(target);
            if (s != null) {
                sinks.add(s);
            }
        }
        if (sinks.size() <= 1) {
            return sinks.isEmpty() ? null : sinks.get(0);
        }
        return (rule, field, v) -> sinks.forEach(s -> s.accept(rule, field, v));
    }

    @Override
    public void progress(String target, long bytesRead, long bytesTotal, long records, long violations) {
        for (AuditListener l : all) {
            l.progress(target, bytesRead, bytesTotal, records, violations);
        }
    }

    @Override
    public void auditFinished(AuditReport report) throws IOException {
        for (AuditListener l : all) {
            l.auditFinished(report);
        }
    }
}
