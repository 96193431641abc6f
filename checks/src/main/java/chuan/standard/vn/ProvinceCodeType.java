package chuan.standard.vn;

import chuan.standard.ValueType;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.province-code}: a 2-digit province code, checked against the list in force on the
 * record's date (or the audit date): the 63 codes of Decision 124/2004/QĐ-TTg until 2025-06-30, the 34 of Decision
 * 19/2025/QĐ-TTg from 2025-07-01. A profile may pin the scheme; a code that stopped existing in
 * the 2025 merger is reported with the province it became.
 */
final class ProvinceCodeType extends VnType {

    static final LocalDate MERGER = CodeScheme.MERGER;
    static final int UNKNOWN = 0;
    static final int MERGED = 1;
    private static final List<String> RULES = List.of("VN-PROVINCE-CODE", "VN-PROVINCE-MERGED");

    private final VnReference ref;
    private final CodeScheme scheme;
    private final boolean[] in2004 = new boolean[100];
    private final boolean[] in2025 = new boolean[100];

    ProvinceCodeType(VnReference ref, String scheme, LocalDate asOf) {
        super("vn.province-code", RULES, false);
        this.ref = ref;
        this.scheme = new CodeScheme(scheme, asOf);
        ref.provinces2004.keySet().forEach(c -> in2004[Integer.parseInt(c)] = true);
        ref.provinces2025.keySet().forEach(c -> in2025[Integer.parseInt(c)] = true);
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        if (v.length() != 2 || !Digits.all(v)) {
            return UNKNOWN;
        }
        int code = Digits.number(v, 0, 2);
        if (scheme.of2025(recordDay)) {
            if (in2025[code]) {
                return OK;
            }
            return in2004[code] ? MERGED : UNKNOWN;
        }
        return in2004[code] ? OK : UNKNOWN;
    }

    @Override
    public LocalDate rulesInForceOn(LocalDate asOf) {
        return scheme.rulesDay();
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
        return c + " is not a province code in the " + (scheme.of2025(recordDay) ? "2025 (34-province)" : "2004 (63-province)")
                + " list";
    }
}
