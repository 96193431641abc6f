package chuan.model;

import java.util.Map;

/**
 * What a dataset metric measured, kept in the JSON report for the auditor and for the next run's
 * comparison ({@code --previous}): the profile and check it belongs to ({@code metric}, {@code column},
 * {@code q}, {@code value}), the measured number ({@code measured}: a count, share, number, or a date as its
 * epoch day, a date-time as its epoch second; null when it would show a personal value), as shown
 * ({@code shown}), the measure of each value or group ({@code values}), the thresholds as written, and
 * whether it is exact ({@code estimated} true: a sample or a sketch). A change result also holds the
 * previous value, how far it moved, and the limits it was judged by.
 */
public record Measurement(
        String profile,
        String metric,
        String column,
        Double q,
        String value,
        Double measured,
        String shown,
        Map<String, Double> values,
        String warn,
        String fail,
        Boolean estimated,
        Double previous,
        Double moved,
        String limits) {

    public Measurement {
        values = values == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The same measurement compared with a previous one. */
    public Measurement compared(Double previousValue, Double movedBy, String limitsText) {
        return new Measurement(profile, metric, column, q, value, measured, shown, values, warn, fail, estimated, previousValue,
                movedBy, limitsText);
    }
}
