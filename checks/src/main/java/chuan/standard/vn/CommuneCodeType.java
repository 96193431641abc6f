package chuan.standard.vn;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.commune-code}: a 5-digit commune code of the list in force on the record's date (or
 * the audit date, or a pinned {@code scheme}): from 2025-07-01 one of the 3,321 of Decision
 * 19/2025/QĐ-TTg; before, a code of the 2004 scheme (Decision 124/2004/QĐ-TTg) that existed on
 * that date, from the General Statistics Office's list with each code's dates. Linked to a province
 * column, the commune must lie in that province under the same list.
 */
final class CommuneCodeType extends VnType {

    private static final List<String> RULES = List.of("VN-COMMUNE-CODE");

    private final VnReference ref;
    private final CommuneHistory communes2004;
    private final CodeScheme scheme;

    CommuneCodeType(VnReference ref, String scheme, LocalDate asOf) {
        super("vn.commune-code", RULES, false);
        this.ref = ref;
        this.communes2004 = ref.communes2004();
        this.scheme = new CodeScheme(scheme, asOf);
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        if (v.length() != 5 || !Digits.all(v)) {
            return 0;
        }
        int code = Digits.number(v, 0, 5);
        if (scheme.of2025(recordDay)) {
            return ref.communeProvince2025ByNumber[code] >= 0 ? OK : 0;
        }
        return communes2004.at(code, scheme.day(recordDay)) >= 0 ? OK : 0;
    }

    @Override
    public LocalDate rulesInForceOn(LocalDate asOf) {
        return scheme.rulesDay();
    }

    @Override
    public String expected(int code) {
        return "a 5-digit commune code of the list in force on the record's date (the 2004 list until "
                + LocalDate.ofEpochDay(CodeScheme.LAST_2004_DAY) + ", the 3,321 of 2025 from " + CodeScheme.MERGER + ")";
    }

    @Override
    public String message(int code, CharSequence v, long recordDay) {
        if (v.length() != 5 || !Digits.all(v)) {
            return "not 5 digits";
        }
        int number = Digits.number(v, 0, 5);
        if (scheme.of2025(recordDay)) {
            int last = communes2004.at(number, CodeScheme.LAST_2004_DAY);
            return v + " is not one of the 3,321 commune codes in force from " + CodeScheme.MERGER
                    + (last < 0 ? "" : "; it was " + describe(communes2004.period(last)) + " until "
                    + LocalDate.ofEpochDay(CodeScheme.LAST_2004_DAY) + ", before the 2025 reorganisation");
        }
        LocalDate day = LocalDate.ofEpochDay(scheme.day(recordDay));
        List<CommuneHistory.Period> periods = communes2004.periods(number);
        if (periods.isEmpty()) {
            return v + " is not a commune code of the 2004 list (Decision 124/2004/QĐ-TTg) on " + day;
        }
        CommuneHistory.Period p = nearest(periods, day);
        return v + " was " + describe(p) + (p.from() == null ? " until " + p.to() : " from " + p.from() + " until " + p.to())
                + ", not on " + day;
    }

    private static CommuneHistory.Period nearest(List<CommuneHistory.Period> periods, LocalDate day) {
        CommuneHistory.Period best = periods.get(0);
        for (CommuneHistory.Period p : periods) {
            if (p.from() == null || !p.from().isAfter(day)) {
                best = p; // the latest period that started before the day
            }
        }
        return best;
    }

    private static String describe(CommuneHistory.Period p) {
        return p.name() + " (" + p.district() + ", " + p.provinceName() + ")";
    }

    @Override
    public List<SiblingRule> siblingRules() {
        return List.of(new InProvince());
    }

    /** A commune lies in one province: the record's province column must be that one, under the list the record is judged by. */
    private final class InProvince implements SiblingRule {
        @Override
        public String option() {
            return "province";
        }

        @Override
        public String ruleId() {
            return "VN-COMMUNE-PROVINCE";
        }

        @Override
        public boolean agrees(CharSequence commune, CharSequence province, long siblingDay, long recordDay) {
            if (province.length() != 2 || !Digits.all(province)) {
                return true; // not a province code: the province column's own rule says so
            }
            int p = Digits.number(province, 0, 2);
            int c = Digits.number(commune, 0, 5);
            if (scheme.of2025(recordDay)) {
                int parent = ref.communeProvince2025ByNumber[c];
                if (parent < 0 || parent == p) {
                    return true;
                }
                // a province column judged by the 2004 list (another scheme or date than this column's):
                // a province that merged into the commune's province agrees
                VnReference.OldProvince old = ref.provinces2004.get(province.toString());
                return old != null && parent == Integer.parseInt(old.newCode());
            }
            int period = communes2004.at(c, scheme.day(recordDay));
            return period < 0 || communes2004.province(period) == p;
        }

        @Override
        public String expected(CharSequence commune, long recordDay) {
            int c = Digits.number(commune, 0, 5);
            if (scheme.of2025(recordDay)) {
                String parent = ref.communeProvince2025.get(commune.toString());
                return "province " + parent + " (" + ref.provinces2025.get(parent) + "), where commune " + commune + " is";
            }
            LocalDate day = LocalDate.ofEpochDay(scheme.day(recordDay));
            CommuneHistory.Period p = communes2004.period(communes2004.at(c, day.toEpochDay()));
            return "province " + String.format(java.util.Locale.ROOT, "%02d", p.province()) + " (" + p.provinceName()
                    + "), where commune " + commune + " (" + p.name() + ") was on " + day;
        }
    }
}
