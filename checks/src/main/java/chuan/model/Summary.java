package chuan.model;

import java.util.Map;

/** Counts by status and severity and the gate decision. */
public record Summary(
        Map<String, Long> byStatus,
        Map<String, Long> bySeverity,
        GateDecision gate,
        String failOn,
        int exitCode,
        BaselineCounts baseline) {

    public Summary(Map<String, Long> byStatus, Map<String, Long> bySeverity, GateDecision gate, String failOn, int exitCode) {
        this(byStatus, bySeverity, gate, failOn, exitCode, null);
    }

    /** Against a baseline: violations not in it, violations in it, and baseline violations no longer found. */
    public record BaselineCounts(String file, long newViolations, long unchanged, long fixed) {
    }
}
