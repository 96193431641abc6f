package chuan.gate;

import chuan.model.AuditError;
import chuan.model.Result;
import chuan.model.Status;
import java.util.List;

/** Decides the exit code from results and errors. */
public final class Gate {

    private Gate() {
    }

    /**
     * True when a failing result is at or above the threshold (with a baseline, only one with new
     * violations). Warnings and waived results never fail the gate.
     */
    public static boolean failed(List<Result> results, FailOn failOn) {
        for (Result r : results) {
            if (r.failsAt(failOn.threshold())) {
                return true;
            }
        }
        return false;
    }

    public static ExitCode exitCode(List<Result> results, List<AuditError> errors, FailOn failOn) {
        ExitCode code = failed(results, failOn) ? ExitCode.GATE_FAILED : ExitCode.PASSED;
        for (AuditError e : errors) {
            code = code.max(e.kind() == AuditError.Kind.CONFIGURATION ? ExitCode.USAGE : ExitCode.INPUT_ERROR);
        }
        return code;
    }
}
