package chuan.report;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Target;
import java.io.IOException;
import java.util.ArrayList;
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
        List<List<AuditError>> errors = processingErrorsByTarget(report);
        for (int i = 0; i < report.targets().size(); i++) {
            Target t = report.targets().get(i);
            List<Result> results = report.results().stream().filter(r -> r.target().equals(t.path())).toList();
            listener.targetFinished(t, results, errors.get(i));
        }
        listener.auditFinished(report);
    }

    /**
     * The processing errors each target was finished with. The report lists a target's errors
     * after those of the targets before it, and only a target that could not be audited (status
     * error) has any; each names the target's file or one of the files read for it (a drop-in, an
     * included file). Errors of no target (a folder that could not be listed) are left out.
     */
    static List<List<AuditError>> processingErrorsByTarget(AuditReport report) {
        List<List<AuditError>> out = new ArrayList<>();
        List<AuditError> errors = report.errors().stream().filter(e -> e.kind() == AuditError.Kind.PROCESSING).toList();
        List<Target> targets = report.targets();
        int next = 0;
        for (int i = 0; i < targets.size(); i++) {
            List<AuditError> own = new ArrayList<>();
            List<Target> later = targets.subList(i + 1, targets.size());
            while (next < errors.size()) {
                AuditError e = errors.get(next);
                if (belongsTo(e, targets.get(i))) {
                    own.add(e);
                } else if (later.stream().anyMatch(t -> belongsTo(e, t))) {
                    break;
                }
                next++;
            }
            out.add(own);
        }
        return out;
    }

    private static boolean belongsTo(AuditError e, Target t) {
        return t.status() == Status.ERROR && e.path() != null
                && (e.path().equals(t.path()) || t.sources() != null && t.sources().contains(e.path()));
    }
}
