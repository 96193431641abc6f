package chuan.standard.vn;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * The commune-level codes of the 2004 scheme with the dates each was in force (a code can have
 * several periods: Hà Tây's communes moved to Hà Nội in 2008 with their codes, and a few codes
 * were reused). Indexed by the code's number, so that a cell is looked up without allocating.
 */
final class CommuneHistory {

    /** One period of one code: its name, district and province then, and the days it was in force. */
    record Period(String code, String name, String district, int province, String provinceName, LocalDate from, LocalDate to) {
    }

    private final int[] start = new int[100_001];   // periods of code c: start[c] .. start[c + 1] - 1
    private final long[] from;
    private final long[] to;
    private final int[] province;
    private final Period[] periods;
    private final long lastDay;

    CommuneHistory(List<CSVRecord> rows) {
        List<CSVRecord> sorted = rows.stream()
                .sorted(java.util.Comparator.comparing((CSVRecord r) -> r.get("code")).thenComparing(r -> r.get("valid_from")))
                .toList();
        int n = sorted.size();
        from = new long[n];
        to = new long[n];
        province = new int[n];
        periods = new Period[n];
        long last = Long.MIN_VALUE;
        int[] count = new int[100_000];
        for (int i = 0; i < n; i++) {
            CSVRecord r = sorted.get(i);
            LocalDate f = r.get("valid_from").isBlank() ? null : LocalDate.parse(r.get("valid_from"));
            LocalDate t = LocalDate.parse(r.get("valid_to"));
            int p = Integer.parseInt(r.get("province_code"));
            periods[i] = new Period(r.get("code"), r.get("name"), r.get("district_name"), p, r.get("province_name"), f, t);
            from[i] = f == null ? Long.MIN_VALUE : f.toEpochDay();
            to[i] = t.toEpochDay();
            province[i] = p;
            count[Integer.parseInt(r.get("code"))]++;
            last = Math.max(last, to[i]);
        }
        for (int c = 0; c < 100_000; c++) {
            start[c + 1] = start[c] + count[c];
        }
        lastDay = last;
    }

    /** The last day of the 2004 scheme in this list (2025-06-30). */
    long lastDay() {
        return lastDay;
    }

    /** The period of {@code code} in force on {@code day}, or -1. */
    int at(int code, long day) {
        for (int i = start[code]; i < start[code + 1]; i++) {
            if (from[i] <= day && day <= to[i]) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the code was a commune code at any time. */
    boolean known(int code) {
        return start[code + 1] > start[code];
    }

    /** The province (2-digit number) of a period. */
    int province(int period) {
        return province[period];
    }

    Period period(int i) {
        return periods[i];
    }

    /** Every period of a code, oldest first (for messages). */
    List<Period> periods(int code) {
        return Arrays.asList(periods).subList(start[code], start[code + 1]);
    }

    /** The number of periods, numbered 0 .. size() - 1. */
    int size() {
        return periods.length;
    }

    /** Whether a period is in force on {@code day}. */
    boolean inForce(int period, long day) {
        return from[period] <= day && day <= to[period];
    }
}
