package chuan.standard.vn;

import java.time.LocalDate;

/**
 * Which administrative code list applies to a record: the one a profile pins ({@code scheme:
 * 2004 | 2025}), else the one in force on the record's own date, else on the audit date. The
 * 2025 list took effect on 2025-07-01 (Resolution 202/2025/QH15, Decision 19/2025/QĐ-TTg).
 */
final class CodeScheme {

    static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    private final String pinned;
    private final long asOfDay;

    CodeScheme(String pinned, LocalDate asOf) {
        this.pinned = pinned;
        this.asOfDay = asOf.toEpochDay();
    }

    /** Whether the 2025 list applies; {@code recordDay} is Long.MIN_VALUE when the record has no date. */
    boolean of2025(long recordDay) {
        if (pinned != null) {
            return pinned.equals("2025");
        }
        return (recordDay == Long.MIN_VALUE ? asOfDay : recordDay) >= MERGER.toEpochDay();
    }
}
