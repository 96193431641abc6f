package chuan.standard.vn;

import chuan.standard.ValueType;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.commune-code}: a 5-digit commune code. From 2025-07-01 (or with {@code scheme: 2025})
 * it must be one of the 3,321 codes of Decision 19/2025/QĐ-TTg; for earlier dates only its form is
 * checked, because the 10,047-commune list of the 2004 scheme is not shipped.
 */
final class CommuneCodeType extends VnType {

    private static final List<String> RULES = List.of("VN-COMMUNE-CODE");

    private final VnReference ref;
    private final CodeScheme scheme;

    CommuneCodeType(VnReference ref, String scheme, LocalDate asOf) {
        super("vn.commune-code", RULES, false);
        this.ref = ref;
        this.scheme = new CodeScheme(scheme, asOf);
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        if (v.length() != 5 || !Digits.all(v)) {
            return 0;
        }
        return !scheme.of2025(recordDay) || ref.communes2025.contains(v.toString()) ? OK : 0;
    }

    @Override
    public String expected(int code) {
        return "a 5-digit commune code of the list in force";
    }

    @Override
    public List<SiblingRule> siblingRules() {
        return List.of(new InProvince());
    }

    /**
     * A 2025 commune belongs to one province: the record's province column must be that one, or a
     * 2004 province merged into it.
     */
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
        public boolean agrees(CharSequence commune, CharSequence province, long siblingDay) {
            // the record's date is not known here: a province code of 2004 whose province merged
            // into the commune's province agrees as well (records from before 2025-07-01)
            String parent = ref.communeProvince2025.get(commune.toString());
            if (parent == null || parent.contentEquals(province)) {
                return true;
            }
            VnReference.OldProvince old = ref.provinces2004.get(province.toString());
            return old != null && parent.equals(old.newCode());
        }

        @Override
        public String expected(CharSequence commune) {
            String parent = ref.communeProvince2025.get(commune.toString());
            return "province " + parent + " (" + ref.provinces2025.get(parent) + "), where commune " + commune + " is";
        }
    }

    @Override
    public String message(int code, CharSequence v, long recordDay) {
        if (v.length() != 5 || !Digits.all(v)) {
            return "not 5 digits";
        }
        return v + " is not one of the 3,321 commune codes in force from " + ProvinceCodeType.MERGER;
    }
}
