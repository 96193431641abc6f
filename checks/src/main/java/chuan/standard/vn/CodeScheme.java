package chuan.standard.vn;

import java.time.LocalDate;

/**
 * Which administrative code list applies to a record: the one in force on the record's own date,
 * else on the audit date; a profile may pin a list ({@code scheme: 2004 | 2025}), which holds that
 * date inside the list's years. The 2025 list took effect on 2025-07-01 (Resolution 202/2025/QH15,
 * Decision 19/2025/QĐ-TTg); the 2004 list (Decision 124/2004/QĐ-TTg) was in force until the day before.
 */
final class CodeScheme {

    static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    static final long MERGER_DAY = MERGER.toEpochDay();
    static final long LAST_2004_DAY = MERGER_DAY - 1;

    private final String pinned;
    private final long asOfDay;

    CodeScheme(String pinned, LocalDate asOf) {
        this.pinned = pinned;
        this.asOfDay = asOf.toEpochDay();
    }

    /**
     * The day whose list judges a record: its own date ({@code recordDay}; Long.MIN_VALUE when it
     * has none), else the audit date; moved to the pinned list's first or last day when outside it.
     */
    long day(long recordDay) {
        long d = recordDay == Long.MIN_VALUE ? asOfDay : recordDay;
        if ("2004".equals(pinned)) {
            return Math.min(d, LAST_2004_DAY);
        }
        if ("2025".equals(pinned)) {
            return Math.max(d, MERGER_DAY);
        }
        return d;
    }

    /** Whether the 2025 list applies to a record. */
    boolean of2025(long recordDay) {
        return day(recordDay) >= MERGER_DAY;
    }

    /**
     * The date the column's rules are judged in force on: the audit date, held inside a pinned
     * list's years like every record's date, so that a rule never says "not in force" about the list
     * its sibling rules apply.
     */
    LocalDate rulesDay() {
        return LocalDate.ofEpochDay(day(Long.MIN_VALUE));
    }
}
