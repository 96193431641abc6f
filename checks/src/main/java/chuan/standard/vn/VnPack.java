package chuan.standard.vn;

import chuan.standard.LegacyEncoding;
import chuan.standard.PersonalData;
import chuan.standard.ReferenceData;
import chuan.standard.StandardsPack;
import chuan.standard.TypeDescriptor;
import chuan.standard.TypeGuess;
import chuan.standard.TypeSynth;
import chuan.standard.ValueType;
import chuan.standard.ValueTypes;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vietnam's standards: personal IDs, tax codes, phone numbers, province and commune codes by date,
 * Vietnamese text and its legacy encodings, personal data as Decree 13/2023 and 356/2025 define it,
 * the TCVN 14423 security baseline by level.
 */
public final class VnPack implements StandardsPack {

    /** One generator per reference data set: it reads the name, commune and prefix lists once. */
    private static final Map<ReferenceData, VnSynth> SYNTH = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "vn";
    }

    @Override
    public List<TypeDescriptor> types() {
        return List.of(
                type("vn.personal-id", true, Set.of("birth-date", "gender", "province"), false, TypeGuess.identifier(),
                        (o, asOf, ref) -> new PersonalIdType(VnReference.of(ref), asOf)),
                type("vn.tax-code", false, Set.of(), false, TypeGuess.identifier(),
                        (o, asOf, ref) -> new TaxCodeType(VnReference.of(ref), asOf)),
                type("vn.phone", true, Set.of(), false, TypeGuess.identifier(), (o, asOf, ref) -> new PhoneType(VnReference.of(ref))),
                type("vn.cmnd", true, Set.of(), false, TypeGuess.NEVER, (o, asOf, ref) -> new CmndType(asOf)),
                type("vn.province-code", false, Set.of(), true, TypeGuess.code(VnPack::provinceLike, 2, true),
                        (o, asOf, ref) -> new ProvinceCodeType(VnReference.of(ref), o.scheme(), asOf)),
                type("vn.commune-code", false, Set.of("province"), true, TypeGuess.code(VnPack::communeLike, 5, false),
                        (o, asOf, ref) -> new CommuneCodeType(VnReference.of(ref), o.scheme(), asOf)),
                type("vn.person-name", true, Set.of(), false, TypeGuess.personName(VnPack::nameLike),
                        (o, asOf, ref) -> new TextType(LegacyText.of(ref), true)),
                type("vn.text", false, Set.of(), false, TypeGuess.text(), (o, asOf, ref) -> new TextType(LegacyText.of(ref), false)));
    }

    private static TypeDescriptor type(String name, boolean personal, Set<String> links, boolean schemes, TypeGuess guess,
                                       ValueTypes.Factory factory) {
        return new TypeDescriptor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ValueType create(ValueTypes.Options options, LocalDate asOf, ReferenceData reference) {
                return factory.create(options, asOf, reference);
            }

            @Override
            public boolean personal() {
                return personal;
            }

            @Override
            public Set<String> links() {
                return links;
            }

            @Override
            public boolean schemes() {
                return schemes;
            }

            @Override
            public Optional<TypeSynth> synth(ReferenceData reference) {
                return Optional.of(new VnTypeSynth(name, SYNTH.computeIfAbsent(reference, VnSynth::new)));
            }

            @Override
            public TypeGuess guess() {
                return guess;
            }
        };
    }

    @Override
    public List<String> ruleFiles() {
        return List.of("vn.yaml", "vn-security.yaml");
    }

    @Override
    public Map<String, String> referenceLists() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("vn.provinces", "province codes in force on the audit date (the 34 of 2025 from 2025-07-01, the 63 of 2004 before)");
        m.put("vn.provinces-2004", "the 63 province codes of the 2004 scheme (until 2025-06-30)");
        m.put("vn.provinces-2025", "the 34 province codes of 2025 (from 2025-07-01)");
        m.put("vn.communes", "commune codes in force on the audit date (the 3,321 of 2025 from 2025-07-01, the 2004 scheme's of that day before)");
        m.put("vn.communes-2025", "the 3,321 commune codes of 2025 (from 2025-07-01)");
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public Optional<Set<String>> referenceList(String name, ReferenceData data, LocalDate asOf) {
        VnReference ref = VnReference.of(data);
        boolean after = !asOf.isBefore(CodeScheme.MERGER);
        return switch (name) {
            case "vn.provinces" -> Optional.of(after ? ref.provinces2025.keySet() : ref.provinces2004.keySet());
            case "vn.provinces-2004" -> Optional.of(ref.provinces2004.keySet());
            case "vn.provinces-2025" -> Optional.of(ref.provinces2025.keySet());
            case "vn.communes-2025" -> Optional.of(ref.communes2025);
            case "vn.communes" -> Optional.of(after ? ref.communes2025 : communesOn(ref.communes2004(), asOf));
            default -> Optional.empty();
        };
    }

    /** The 2004 scheme's commune codes in force on a day. */
    private static Set<String> communesOn(CommuneHistory history, LocalDate day) {
        Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.inForce(i, day.toEpochDay())) {
                out.add(history.period(i).code());
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public List<String> profiles() {
        return List.of("vn/citizen-register.yaml", "vn/enterprise-register.yaml", "vn/admin-units.yaml", "vn/open-data.yaml",
                "vn/security-baseline.yaml");
    }

    @Override
    public List<LegacyEncoding> encodings(ReferenceData data) {
        return VnEncodings.all(data);
    }

    @Override
    public Optional<LegacyEncoding> detect(byte[] sample, int length, ReferenceData data) {
        return VnEncodings.detect(sample, length, data);
    }

    /**
     * Whether the text, read in a Vietnamese encoding, is made of syllables as Vietnamese is: words
     * with a letter outside ASCII are at most seven letters long ("nghiêng"). A Western text read
     * through TCVN3 also comes out as Vietnamese letters, but in long words ("Transferência").
     */
    @Override
    public boolean clearly(LegacyEncoding e, byte[] sample, int length) {
        StringBuilder text = new StringBuilder();
        try (java.io.Reader r = e.decode(new java.io.ByteArrayInputStream(sample, 0, length))) {
            char[] buf = new char[8192];
            int k;
            while ((k = r.read(buf)) > 0) {
                text.append(buf, 0, k);
            }
        } catch (java.io.IOException ex) {
            return true;
        }
        int words = 0;
        int syllables = 0;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean high = false;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                high |= text.charAt(i) >= 0x80;
                i++;
            }
            if (high) {
                words++;
                syllables += i - start <= 7 ? 1 : 0;
            }
        }
        return words == 0 || syllables * 10 >= words * 8;
    }

    @Override
    public Optional<PersonalData> personalData(ReferenceData data, LocalDate asOf) {
        return Optional.of(VnPersonalData.build(data, asOf));
    }

    @Override
    public Optional<SampleText> sampleText(ReferenceData data) {
        VnSynth synth = SYNTH.computeIfAbsent(data, VnSynth::new);
        return Optional.of(synth::address);
    }

    /** A column name that says "commune code" (commune_code, ma_xa, Mã phường/xã). */
    static boolean communeLike(String column) {
        String f = PersonalData.fold(column);
        return f.contains("commune") || f.contains("ward") || f.equals("ma_xa") || f.equals("ma_phuong_xa") || f.equals("xa");
    }

    /** A column name that says "person's name" (ho_ten, full_name, Họ và tên, ...). */
    static boolean nameLike(String column) {
        String f = PersonalData.fold(column);
        return f.equals("name") || f.endsWith("_name") || f.startsWith("ho_ten") || f.equals("ho_va_ten") || f.equals("ten")
                || f.equals("representative") || f.equals("nguoi_dai_dien");
    }

    /** A column name that says "province code" (province_code, ma_tinh, Mã tỉnh). */
    static boolean provinceLike(String column) {
        String f = PersonalData.fold(column);
        return f.contains("province") || f.equals("ma_tinh") || f.equals("tinh");
    }
}
