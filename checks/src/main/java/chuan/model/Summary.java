package chuan.model;

import java.util.Map;

/** Counts by status and severity and the gate decision. */
public record Summary(
        Map<String, Long> byStatus,
        Map<String, Long> bySeverity,
        String gate,
        String failOn,
        int exitCode) {
}
