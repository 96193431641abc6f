package chuan.standard.vn;

import chuan.standard.ValueType;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.province-code}: a 2-digit province code, checked against the list in force on the
 * record's date: the 63 codes of Decision 124/2004/QĐ-TTg until 2025-06-30, the 34 of Decision
 * 19/2025/QĐ-TTg from 2025-07-01. A profile may pin the scheme; a code that stopped existing in
 * the 2025 merger is reported with the province it became.
 */
final class ProvinceCodeType implements ValueType {

    static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    static final int UNKNOWN = 0;
    static final int MERGED = 1;
    private static final List<String> RULES = List.of("VN-PROVINCE-CODE", "VN-PROVINCE-MERGED");

    private final VnReference ref;
    private final String scheme;     // "2004", "2025", or null: by date
    private final long asOfDay;
    private final boolean[] in2004 = new boolean[100];
    private final boolean[] in2025 = new boolean[100];

    ProvinceCodeType(VnReference ref, String scheme, LocalDate asOf) {
        this.ref = ref;
        this.scheme = scheme;
        this.asOfDay = asOf.toEpochDay();
        ref.provinces2004.keySet().forEach(c -> in2004[Integer.parseInt(c)] = true);
        ref.provinces2025.keySet().forEach(c -> in2025[Integer.parseInt(c)] = true);
    }

    @Override
    public String name() {
        return "vn.province-code";
    }

    @Override
    public List<String> ruleIds() {
        return RULES;
    }

    @Override
    public boolean personal() {
        return false;
    }

    private boolean newScheme(long recordDay) {
        if (scheme != null) {
            return scheme.equals("2025");
        }
        long day = recordDay == Long.MIN_VALUE ? asOfDay : recordDay;
        return day >= MERGER.toEpochDay();
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        if (v.length() != 2 || !Digits.all(v)) {
            return UNKNOWN;
        }
        int code = Digits.number(v, 0, 2);
        if (newScheme(recordDay)) {
            if (in2025[code]) {
                return OK;
            }
            return in2004[code] ? MERGED : UNKNOWN;
        }
        return in2004[code] ? OK : UNKNOWN;
    }

    @Override
    public String expected(int code) {
        return code == MERGED ? "a code of the 34 provinces in force from " + MERGER
                : "a province code of the list in force (63 until 2025-06-30, 34 from " + MERGER + ")";
    }

    @Override
    public String message(int code, CharSequence v, long recordDay) {
        String c = v.toString();
        if (code == MERGED) {
            VnReference.OldProvince p = ref.provinces2004.get(c);
            return c + " (" + p.name() + ") stopped existing on " + MERGER + "; it became " + p.newCode() + " (" + p.newName() + ")";
        }
        return c + " is not a province code in the " + (newScheme(recordDay) ? "2025 (34-province)" : "2004 (63-province)")
                + " list";
    }
}
