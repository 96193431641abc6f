package chuan.standard.vn;

import chuan.standard.ReferenceData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** The Vietnamese reference tables, read from the {@code vn} pack of {@link ReferenceData}. */
final class VnReference {

    /** A province of the 2004 scheme, and what it became on 2025-07-01. */
    record OldProvince(String code, String name, String newCode, String newName) {
    }

    /** A personal-ID prefix: birth-registration province, its 2004 GSO code and its 2025 province. */
    record IdProvince(String name, String gso2004, String code2025) {
    }

    /** A mobile prefix in use, or a retired 11-digit one and the prefix that replaced it. */
    record MobilePrefix(String prefix, String carrier, String old11) {
    }

    final Map<String, IdProvince> idProvinces;
    final Map<String, OldProvince> provinces2004;
    final Map<String, String> provinces2025;
    final Map<String, MobilePrefix> mobile;
    final Map<String, String> retiredMobile;     // old 4-digit prefix -> new 3-digit prefix
    final Set<String> landlineAreas;             // "0203", "024", ...
    final Set<String> communes2025;
    final Map<String, String> communeProvince2025;  // commune code -> province code
    final int[] communeProvince2025ByNumber;        // commune code as a number -> province number, -1 if none
    private final ReferenceData data;

    private VnReference(ReferenceData data) {
        this.data = data;
        idProvinces = data.table("vn", "cccd-province-codes.csv", VnReference::idProvinces);
        provinces2004 = data.table("vn", "province-merger-2025.csv", VnReference::oldProvinces);
        provinces2025 = data.table("vn", "provinces-2025.csv", rows -> codes(rows, "code", "name"));
        mobile = data.table("vn", "mobile-prefixes.csv", VnReference::mobile);
        retiredMobile = retired(mobile);
        landlineAreas = data.table("vn", "landline-area-codes.csv", rows -> set(rows, "area_code"));
        communes2025 = data.table("vn", "communes-2025.csv", rows -> set(rows, "code"));
        communeProvince2025 = data.table("vn", "communes-2025.csv#province", rows -> codes(rows, "code", "province_code"));
        communeProvince2025ByNumber = new int[100_000];
        java.util.Arrays.fill(communeProvince2025ByNumber, -1);
        communeProvince2025.forEach((c, p) -> communeProvince2025ByNumber[Integer.parseInt(c)] = Integer.parseInt(p));
    }

    /** The 2004 scheme's communes by date: read on first use (only commune codes need it), then kept with the reference data. */
    CommuneHistory communes2004() {
        return data.table("vn", "communes-2004.csv", CommuneHistory::new);
    }

    private static final Map<ReferenceData, VnReference> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static VnReference of(ReferenceData data) {
        return CACHE.computeIfAbsent(data, VnReference::new);
    }

    private static Map<String, IdProvince> idProvinces(List<CSVRecord> rows) {
        Map<String, IdProvince> m = new HashMap<>();
        for (CSVRecord r : rows) {
            m.put(r.get("cccd_code"), new IdProvince(r.get("province_name"), r.get("gso_code_2004"), r.get("province_code_2025")));
        }
        return Map.copyOf(m);
    }

    private static Map<String, OldProvince> oldProvinces(List<CSVRecord> rows) {
        Map<String, OldProvince> m = new HashMap<>();
        for (CSVRecord r : rows) {
            m.put(r.get("old_code"), new OldProvince(r.get("old_code"), r.get("old_name"), r.get("new_code"), r.get("new_name")));
        }
        return Map.copyOf(m);
    }

    private static Map<String, MobilePrefix> mobile(List<CSVRecord> rows) {
        Map<String, MobilePrefix> m = new HashMap<>();
        for (CSVRecord r : rows) {
            m.put(r.get("prefix"), new MobilePrefix(r.get("prefix"), r.get("original_carrier"), r.get("old_11digit_prefix")));
        }
        return Map.copyOf(m);
    }

    private static Map<String, String> retired(Map<String, MobilePrefix> mobile) {
        Map<String, String> m = new HashMap<>();
        for (MobilePrefix p : mobile.values()) {
            if (p.old11() != null && !p.old11().isBlank()) {
                m.put(p.old11(), p.prefix());
            }
        }
        return Map.copyOf(m);
    }

    private static Map<String, String> codes(List<CSVRecord> rows, String key, String value) {
        Map<String, String> m = new HashMap<>();
        rows.forEach(r -> m.put(r.get(key), r.get(value)));
        return Map.copyOf(m);
    }

    private static Set<String> set(List<CSVRecord> rows, String key) {
        Set<String> s = new HashSet<>();
        rows.forEach(r -> s.add(r.get(key)));
        return Set.copyOf(s);
    }
}
