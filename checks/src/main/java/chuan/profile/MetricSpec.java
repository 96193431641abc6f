package chuan.profile;

import chuan.model.Severity;

/** A dataset-level check: a metric, optionally of one column, with warn and fail thresholds. */
public record MetricSpec(Metric metric, String column, Threshold warn, Threshold fail, Severity severity) {

    public enum Metric {
        COMPLETENESS("completeness", "DATA-COMPLETENESS"),
        ROW_COUNT("row-count", "DATA-ROW-COUNT"),
        DUPLICATE_ROWS("duplicate-rows", "DATA-DUPLICATE-ROWS");

        private final String label;
        private final String ruleId;

        Metric(String label, String ruleId) {
            this.label = label;
            this.ruleId = ruleId;
        }

        public String label() {
            return label;
        }

        public String ruleId() {
            return ruleId;
        }

        public static Metric fromLabel(String label) {
            for (Metric m : values()) {
                if (m.label.equals(label)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(label);
        }
    }
}
