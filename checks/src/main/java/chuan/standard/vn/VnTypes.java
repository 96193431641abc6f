package chuan.standard.vn;

import chuan.standard.ValueTypes;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Vietnamese pack's value types, by the name profiles use. */
public final class VnTypes {

    private VnTypes() {
    }

    public static Map<String, ValueTypes.Factory> factories() {
        Map<String, ValueTypes.Factory> m = new LinkedHashMap<>();
        m.put("vn.personal-id", (o, asOf, ref) -> new PersonalIdType(VnReference.of(ref), asOf));
        m.put("vn.cmnd", (o, asOf, ref) -> new CmndType(asOf));
        m.put("vn.tax-code", (o, asOf, ref) -> new TaxCodeType(VnReference.of(ref), asOf));
        m.put("vn.phone", (o, asOf, ref) -> new PhoneType(VnReference.of(ref)));
        m.put("vn.province-code", (o, asOf, ref) -> new ProvinceCodeType(VnReference.of(ref), o.scheme(), asOf));
        m.put("vn.commune-code", (o, asOf, ref) -> new CommuneCodeType(VnReference.of(ref), o.scheme(), asOf));
        m.put("vn.person-name", (o, asOf, ref) -> new TextType(LegacyText.of(ref), true));
        m.put("vn.text", (o, asOf, ref) -> new TextType(LegacyText.of(ref), false));
        return m;
    }
}
