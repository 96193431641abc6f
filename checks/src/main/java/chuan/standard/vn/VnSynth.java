package chuan.standard.vn;

import chuan.standard.ReferenceData;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;

/**
 * Realistic Vietnamese values for test data, from the reference data: personal IDs consistent with
 * birth date, sex and province, names with diacritics, valid tax codes and phone numbers, codes of
 * the province and commune lists in force, addresses; and the typical defects of each.
 */
public final class VnSynth {

    private final VnReference ref;
    private final List<String> surnames = new ArrayList<>();
    private final List<Integer> surnameWeights = new ArrayList<>();
    private int surnameTotal;
    private final List<String> middleM = new ArrayList<>();
    private final List<String> middleF = new ArrayList<>();
    private final List<String> givenM = new ArrayList<>();
    private final List<String> givenF = new ArrayList<>();
    private final List<String> streets = new ArrayList<>();
    private final List<String> prefixes;
    private final List<String> communes;
    private final java.util.Map<String, List<String>> communesByProvince = new java.util.HashMap<>();
    private final java.util.Map<Integer, List<Integer>> periods2004ByProvince = new java.util.HashMap<>();
    private final List<String> provinceCodes2025;
    private final List<String> provinceCodes2004;
    private final List<String> provinceNames2025;
    private final List<String> idPrefixes;                              // the ID's 3-digit birth-registration codes
    private final java.util.Map<String, List<String>> idPrefixesByProvince = new java.util.HashMap<>(); // by 2004 or 2025 code

    public VnSynth(ReferenceData data) {
        this.ref = VnReference.of(data);
        for (CSVRecord r : data.rows("vn", "names.csv")) {
            String v = r.get("value");
            boolean male = "male".equals(r.get("sex"));
            switch (r.get("part")) {
                case "surname" -> {
                    surnames.add(v);
                    int w = Integer.parseInt(r.get("weight"));
                    surnameWeights.add(w);
                    surnameTotal += w;
                }
                case "middle" -> (male ? middleM : middleF).add(v);
                case "given" -> (male ? givenM : givenF).add(v);
                default -> streets.add(v);
            }
        }
        this.prefixes = ref.mobile.keySet().stream().sorted().toList();
        CommuneHistory history = ref.communes2004();
        for (int i = 0; i < history.size(); i++) {
            periods2004ByProvince.computeIfAbsent(history.period(i).province(), k -> new ArrayList<>()).add(i);
            periods2004ByProvince.computeIfAbsent(-1, k -> new ArrayList<>()).add(i);
        }
        this.communes = ref.communes2025.stream().sorted().toList();
        for (String c : communes) {
            communesByProvince.computeIfAbsent(ref.communeProvince2025.get(c), k -> new ArrayList<>()).add(c);
        }
        this.provinceCodes2025 = ref.provinces2025.keySet().stream().sorted().toList();
        this.provinceCodes2004 = ref.provinces2004.keySet().stream().sorted().toList();
        this.provinceNames2025 = ref.provinces2025.values().stream().sorted().toList();
        this.idPrefixes = ref.idProvinces.keySet().stream().sorted().toList();
        for (String prefix : idPrefixes) {
            VnReference.IdProvince p = ref.idProvinces.get(prefix);
            idPrefixesByProvince.computeIfAbsent(p.gso2004(), k -> new ArrayList<>()).add(prefix);
            if (!p.code2025().equals(p.gso2004())) {
                idPrefixesByProvince.computeIfAbsent(p.code2025(), k -> new ArrayList<>()).add(prefix);
            }
        }
    }

    /** A 2-digit province code of the list in force on {@code day}. */
    public String provinceCode(Random r, LocalDate day) {
        List<String> codes = day.isBefore(CodeScheme.MERGER) ? provinceCodes2004 : provinceCodes2025;
        return codes.get(r.nextInt(codes.size()));
    }

    /** A personal ID for a person born on {@code birth}, of that sex, registered in {@code province} (a province code or null). */
    public String personalId(Random r, LocalDate birth, boolean male, String province) {
        List<String> candidates = province == null ? idPrefixes : idPrefixesByProvince.getOrDefault(province, List.of());
        String prefix = candidates.isEmpty() ? "001" : candidates.get(r.nextInt(candidates.size()));
        int century = (birth.getYear() - 1900) / 100;
        int digit = century * 2 + (male ? 0 : 1);
        return prefix + digit + String.format(Locale.ROOT, "%02d%06d", birth.getYear() % 100, r.nextInt(1_000_000));
    }

    public String cmnd(Random r) {
        return String.format(Locale.ROOT, "%09d", 10_000_000 + r.nextInt(980_000_000));
    }

    public String phone(Random r) {
        return prefixes.get(r.nextInt(prefixes.size())) + String.format(Locale.ROOT, "%07d", r.nextInt(10_000_000));
    }

    public String taxCode(Random r) {
        while (true) {
            String first = String.format(Locale.ROOT, "%02d%07d", 1 + r.nextInt(99), 1 + r.nextInt(9_999_999));
            int check = TaxCodeType.checkDigit(first + "0");
            if (check >= 0) {
                return first + check;
            }
        }
    }

    /** The same tax code with another check digit. */
    public String taxCodeWithWrongCheckDigit(Random r) {
        String good = taxCode(r);
        int wrong = (good.charAt(9) - '0' + 1 + r.nextInt(8)) % 10;
        return good.substring(0, 9) + wrong;
    }

    /** A commune code of the list in force on {@code day}. */
    public String communeCode(Random r, LocalDate day) {
        if (!day.isBefore(CodeScheme.MERGER)) {
            return communes.get(r.nextInt(communes.size()));
        }
        return commune2004(r, -1, day);
    }

    /**
     * A commune code of the list in force on {@code day} inside the given province, read in the
     * same list (after the merger, a 2004 province code is taken as the province it merged into);
     * any commune of the list when the province has none.
     */
    public String communeCode(Random r, String province, LocalDate day) {
        if (day.isBefore(CodeScheme.MERGER)) {
            return commune2004(r, province != null && province.length() == 2 && Digits.all(province)
                    ? Integer.parseInt(province) : -1, day);
        }
        String p = province;
        if (ref.provinces2004.containsKey(province) && !ref.provinces2025.containsKey(province)) {
            p = ref.provinces2004.get(province).newCode();
        }
        List<String> inside = communesByProvince.getOrDefault(p, List.of());
        return inside.isEmpty() ? communeCode(r, day) : inside.get(r.nextInt(inside.size()));
    }

    /**
     * A code of the 2004 list in force on {@code day}, in the province (a number) or anywhere (-1).
     * Only codes that lasted until the list's end are drawn: valid on the record's date, and still
     * recognised by a draft profile inferred from the data on any date before the merger.
     */
    private String commune2004(Random r, int province, LocalDate day) {
        CommuneHistory h = ref.communes2004();
        long d = Math.min(day.toEpochDay(), CodeScheme.LAST_2004_DAY);
        List<Integer> candidates = periods2004ByProvince.getOrDefault(province, periods2004ByProvince.get(-1));
        for (int attempt = 0; attempt < 64; attempt++) {
            int i = candidates.get(r.nextInt(candidates.size()));
            if (h.inForce(i, d) && h.inForce(i, CodeScheme.LAST_2004_DAY)) {
                return h.period(i).code(); // most periods are in force on most days: a few draws suffice
            }
        }
        List<Integer> inForce = candidates.stream().filter(i -> h.inForce(i, d) && h.inForce(i, CodeScheme.LAST_2004_DAY)).toList();
        return inForce.isEmpty() ? commune2004(r, -1, day) : h.period(inForce.get(r.nextInt(inForce.size()))).code();
    }

    /** A province code of the 2025 list. */
    public String provinceCode2025(Random r) {
        return provinceCodes2025.get(r.nextInt(provinceCodes2025.size()));
    }

    public String personName(Random r, boolean male) {
        int pick = r.nextInt(surnameTotal);
        String surname = surnames.get(0);
        for (int i = 0; i < surnames.size(); i++) {
            pick -= surnameWeights.get(i);
            if (pick < 0) {
                surname = surnames.get(i);
                break;
            }
        }
        List<String> middle = male ? middleM : middleF;
        List<String> given = male ? givenM : givenF;
        return surname + " " + middle.get(r.nextInt(middle.size())) + " " + given.get(r.nextInt(given.size()));
    }

    public String address(Random r) {
        List<String> names = provinceNames2025;
        return "Số " + (1 + r.nextInt(300)) + " " + streets.get(r.nextInt(streets.size())) + ", "
                + names.get(r.nextInt(names.size()));
    }

    /** The text with its letters decomposed (NFD): how a badly configured keyboard stores it. */
    public static String decomposed(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    /** The text's UTF-8 bytes read as Windows-1252 ("Nguyá»…n"); null when it has nothing to garble. */
    public static String misreadAsCp1252(String s) {
        StringBuilder sb = new StringBuilder();
        boolean changed = false;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            String c = new String(new byte[] {b}, Charset.forName("windows-1252"));
            sb.append(c.equals("\uFFFD") ? (char) (b & 0xFF) : c.charAt(0));
            changed |= b < 0;
        }
        return changed ? sb.toString() : null;
    }
}
