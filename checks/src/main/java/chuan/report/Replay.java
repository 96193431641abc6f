package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Target;
import java.io.IOException;
import java.util.List;

/** Sends a saved report's events to listeners again, in the order the scan sent them. */
public final class Replay {

    private Replay() {
    }

    public static void replay(AuditReport report, AuditListener listener) throws IOException {
        listener.auditStarted(report.targets().stream().map(Target::path).toList());
        for (AuditError e : report.errors()) {
            if (e.kind() == AuditError.Kind.CONFIGURATION) {
                listener.configurationError(e);
            }
        }
        for (Target t : report.targets()) {
            List<Result> results = report.results().stream().filter(r -> r.target().equals(t.path())).toList();
            List<AuditError> errors = report.errors().stream()
                    .filter(e -> e.kind() == AuditError.Kind.PROCESSING && t.path().equals(e.path())).toList();
            listener.targetFinished(t, results, errors);
        }
        listener.auditFinished(report);
    }
}
