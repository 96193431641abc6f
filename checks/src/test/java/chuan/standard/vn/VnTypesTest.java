package chuan.standard.vn;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.standard.ReferenceData;
import chuan.standard.ValueType;
import chuan.standard.ValueTypes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each national type with valid and invalid values, as the issue lists them. */
class VnTypesTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    static ValueType type(String name) {
        return type(name, null, AS_OF);
    }

    static ValueType type(String name, String scheme, LocalDate asOf) {
        return ValueTypes.create(name, new ValueTypes.Options(scheme), asOf, ReferenceData.builtIn());
    }

    /** The rule a value breaks, or null when valid. */
    static String rule(ValueType t, String value) {
        int code = t.check(value, Long.MIN_VALUE);
        return code == ValueType.OK ? null : t.ruleIds().get(code);
    }

    @ParameterizedTest
    @CsvSource({
        "079203012345,", "001088004521,", "096195007788,",
        "07920301234,VN-PID-FORMAT", "0792030123456,VN-PID-FORMAT", "07920301234a,VN-PID-FORMAT",
        "1.23457E+11,VN-PID-FORMAT", "79203012345.0,VN-PID-FORMAT",
        "003203012345,VN-PID-PROVINCE", "097203012345,VN-PID-PROVINCE",
        "079403012345,VN-PID-CENTURY", "079926012345,VN-PID-CENTURY",
        "079230012345,VN-PID-BIRTH-YEAR"})
    void personalIds(String id, String expected) {
        assertThat(rule(type("vn.personal-id"), id)).isEqualTo(expected);
    }

    @Test
    void spreadsheetDamageIsNamed() {
        ValueType t = type("vn.personal-id");
        assertThat(t.message(0, "79203012345", Long.MIN_VALUE)).contains("lost leading zero");
        assertThat(t.message(0, "7.92030E+10", Long.MIN_VALUE)).contains("scientific notation");
        assertThat(t.message(0, "79203012345.0", Long.MIN_VALUE)).contains("\".0\"");
    }

    @Test
    void personalIdCrossChecks() {
        ValueType t = type("vn.personal-id");
        ValueType.SiblingRule birth = t.siblingRules().get(0);
        ValueType.SiblingRule sex = t.siblingRules().get(1);
        ValueType.SiblingRule province = t.siblingRules().get(2);
        assertThat(birth.agrees("079203012345", "2003-03-12", LocalDate.of(2003, 3, 12).toEpochDay(), Long.MIN_VALUE)).isTrue();
        assertThat(birth.agrees("079203012345", "2002-12-31", LocalDate.of(2002, 12, 31).toEpochDay(), Long.MIN_VALUE)).isFalse();
        assertThat(birth.agrees("079088004521", "1988-01-01", LocalDate.of(1988, 1, 1).toEpochDay(), Long.MIN_VALUE)).isTrue();
        assertThat(sex.agrees("079303012345", "Nữ", 0, Long.MIN_VALUE)).isTrue();
        assertThat(sex.agrees("079303012345", "Nam", 0, Long.MIN_VALUE)).isFalse();
        assertThat(sex.agrees("079088004521", "Nam", 0, Long.MIN_VALUE)).isTrue();
        assertThat(province.agrees("079203012345", "79", 0, Long.MIN_VALUE)).isTrue();
        assertThat(province.agrees("002203012345", "08", 0, Long.MIN_VALUE)).as("Hà Giang became Tuyên Quang (08)").isTrue();
        assertThat(province.agrees("079203012345", "01", 0, Long.MIN_VALUE)).isFalse();
        assertThat(sex.expected("079303012345", Long.MIN_VALUE)).contains("Nữ").doesNotContain("079303012345");
    }

    @Test
    void cmndIsReportedAfterItsEndOfValidity() {
        assertThat(rule(type("vn.cmnd", null, LocalDate.of(2024, 6, 1)), "025123456")).isNull();
        assertThat(rule(type("vn.cmnd", null, LocalDate.of(2025, 1, 1)), "025123456")).isEqualTo("VN-CMND-EXPIRED");
        assertThat(rule(type("vn.cmnd", null, LocalDate.of(2024, 6, 1)), "02512345")).isEqualTo("VN-CMND-FORMAT");
    }

    @ParameterizedTest
    @CsvSource({
        "0100233488,", "0314409058,", "0100047516,", "0314409058-002,",
        "0100233480,VN-MST-CHECKSUM", "0314409058-000,VN-MST-FORMAT", "031440905,VN-MST-FORMAT",
        "0100000008,VN-MST-FORMAT", "01002334880,VN-MST-FORMAT",
        // a branch as published registers write it: 13 digits, no dash; the check digit is still the 10th
        "0100112437011,", "0314409058002,", "0100112437000,VN-MST-FORMAT", "0100112438011,VN-MST-CHECKSUM",
        "010011243701,VN-MST-FORMAT", "01001124370111,VN-MST-FORMAT"})
    void taxCodes(String code, String expected) {
        assertThat(rule(type("vn.tax-code"), code)).isEqualTo(expected);
    }

    @Test
    void aBranchCodeSaysWhatIsWrongWithIt() {
        ValueType t = type("vn.tax-code");
        assertThat(t.message(0, "0100112437000", Long.MIN_VALUE)).contains("000");
        assertThat(t.message(0, "0314409058-000", Long.MIN_VALUE)).contains("000");
        assertThat(t.message(1, "0100112438011", Long.MIN_VALUE)).contains("check digit is 8").contains("give 7");
        assertThat(t.expected(0)).contains("13 digits without the dash");
    }

    @Test
    void personalIdsAreTaxCodesFromJuly2025() {
        assertThat(rule(type("vn.tax-code", null, LocalDate.of(2025, 6, 30)), "079203012345")).isEqualTo("VN-MST-FORMAT");
        assertThat(rule(type("vn.tax-code", null, LocalDate.of(2025, 7, 1)), "079203012345")).isNull();
        assertThat(rule(type("vn.tax-code", null, LocalDate.of(2025, 7, 1)), "003203012345")).isEqualTo("VN-MST-FORMAT");
    }

    @ParameterizedTest
    @CsvSource({
        "0912345678,", "+84912345678,", "84912345678,", "0912 345 678,", "0868.123.456,", "02438123456,", "02363123456,",
        "0123456789,VN-PHONE-PREFIX", "0952345678,VN-PHONE-PREFIX", "0243812345,VN-PHONE-PREFIX",
        "01623456789,VN-PHONE-RETIRED", "01213456789,VN-PHONE-RETIRED", "01923456789,VN-PHONE-PREFIX",
        "091234567,VN-PHONE-FORMAT", "phone,VN-PHONE-FORMAT", "091234567890,VN-PHONE-FORMAT"})
    void phones(String phone, String expected) {
        assertThat(rule(type("vn.phone"), phone)).isEqualTo(expected);
    }

    @Test
    void aRetiredNumberNamesItsNewNumber() {
        ValueType t = type("vn.phone");
        assertThat(t.message(2, "01623456789", Long.MIN_VALUE)).contains("0162").contains("0323****89");
    }

    @Test
    void provinceCodesFollowTheListInForce() {
        assertThat(rule(type("vn.province-code", null, LocalDate.of(2025, 1, 1)), "02")).isNull();
        assertThat(rule(type("vn.province-code", null, LocalDate.of(2026, 1, 1)), "02")).isEqualTo("VN-PROVINCE-MERGED");
        assertThat(type("vn.province-code", null, LocalDate.of(2026, 1, 1)).message(1, "02", Long.MIN_VALUE))
                .contains("Hà Giang").contains("08").contains("Tuyên Quang");
        assertThat(rule(type("vn.province-code", null, LocalDate.of(2026, 1, 1)), "08")).isNull();
        assertThat(rule(type("vn.province-code", null, LocalDate.of(2025, 1, 1)), "03")).isEqualTo("VN-PROVINCE-CODE");
        assertThat(rule(type("vn.province-code", "2004", LocalDate.of(2026, 1, 1)), "02")).as("pinned scheme").isNull();
        assertThat(rule(type("vn.province-code", "2025", LocalDate.of(2025, 1, 1)), "02")).isEqualTo("VN-PROVINCE-MERGED");
    }

    @Test
    void theRecordsOwnDateDecides() {
        ValueType t = type("vn.province-code", null, LocalDate.of(2026, 1, 1));
        assertThat(t.check("02", LocalDate.of(2024, 5, 1).toEpochDay())).isEqualTo(ValueType.OK);
        assertThat(t.check("02", LocalDate.of(2025, 7, 1).toEpochDay())).isEqualTo(1);
    }

    @Test
    void communeCodesFrom2025() {
        assertThat(rule(type("vn.commune-code", null, LocalDate.of(2026, 1, 1)), "00004")).isNull();
        assertThat(rule(type("vn.commune-code", null, LocalDate.of(2026, 1, 1)), "00005")).isEqualTo("VN-COMMUNE-CODE");
        assertThat(rule(type("vn.commune-code", null, LocalDate.of(2026, 1, 1)), "4")).isEqualTo("VN-COMMUNE-CODE");
        assertThat(type("vn.commune-code", null, LocalDate.of(2026, 1, 1)).message(0, "00001", Long.MIN_VALUE))
                .as("a code of the 2004 list only").contains("3,321")
                .contains("it was Phường Phúc Xá (Quận Ba Đình, Thành phố Hà Nội) until 2025-06-30");
    }

    @Test
    void communeCodesBefore2025AreThoseOfThe2004ListOnTheRecordsDate() {
        ValueType t = type("vn.commune-code", null, LocalDate.of(2025, 1, 1));
        assertThat(rule(t, "00001")).as("Phường Phúc Xá, until 2025-06-30").isNull();
        assertThat(rule(t, "00005")).as("never a commune").isEqualTo("VN-COMMUNE-CODE");
        assertThat(t.message(0, "00005", Long.MIN_VALUE)).contains("not a commune code of the 2004 list").contains("2025-01-01");
        // Xã Bản Péo (Hà Giang) was merged on 2020-01-01: valid for a record of 2019, not of 2020
        long y2019 = LocalDate.of(2019, 12, 31).toEpochDay();
        long y2020 = LocalDate.of(2020, 1, 1).toEpochDay();
        assertThat(t.check("01078", y2019)).isEqualTo(ValueType.OK);
        assertThat(t.check("01078", y2020)).isZero();
        assertThat(t.message(0, "01078", y2020)).contains("was Xã Bản Péo (Huyện Hoàng Su Phì, Tỉnh Hà Giang) until 2019-12-31")
                .contains("not on 2020-01-01");
        // Phường Vĩnh Phúc (Hà Nội) was created on 2005-01-20
        assertThat(t.check("00006", LocalDate.of(2005, 1, 19).toEpochDay())).isZero();
        assertThat(t.message(0, "00006", LocalDate.of(2005, 1, 19).toEpochDay())).contains("from 2005-01-20");
        assertThat(t.check("00006", LocalDate.of(2005, 1, 20).toEpochDay())).isEqualTo(ValueType.OK);
        // a 2025 code that was never a 2004 code is not valid before the merger
        assertThat(t.check("00004", LocalDate.of(2025, 6, 30).toEpochDay())).as("Phường Trúc Bạch, a 2004 code too").isEqualTo(ValueType.OK);
    }

    @Test
    void aPinnedSchemeHoldsTheListWhateverTheDate() {
        assertThat(rule(type("vn.commune-code", "2004", LocalDate.of(2026, 1, 1)), "00001")).isNull();
        assertThat(rule(type("vn.commune-code", "2004", LocalDate.of(2026, 1, 1)), "01078")).as("merged in 2020").isNotNull();
        assertThat(rule(type("vn.commune-code", "2025", LocalDate.of(2025, 1, 1)), "00001")).isEqualTo("VN-COMMUNE-CODE");
        assertThat(type("vn.commune-code", "2025", LocalDate.of(2025, 1, 1)).rulesInForceOn(LocalDate.of(2025, 1, 1)))
                .isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(type("vn.province-code", "2004", LocalDate.of(2026, 1, 1)).rulesInForceOn(LocalDate.of(2026, 1, 1)))
                .isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(type("vn.province-code", null, LocalDate.of(2026, 1, 1)).rulesInForceOn(LocalDate.of(2026, 1, 1)))
                .isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void aCommuneLiesInTheProvinceOfTheListInForceOnTheRecordsDate() {
        ValueType.SiblingRule inProvince = type("vn.commune-code", null, LocalDate.of(2026, 1, 1)).siblingRules().get(0);
        long y2007 = LocalDate.of(2007, 5, 1).toEpochDay();
        long y2010 = LocalDate.of(2010, 5, 1).toEpochDay();
        long y2024 = LocalDate.of(2024, 5, 1).toEpochDay();
        // 2025 list (the audit date, no record date)
        assertThat(inProvince.agrees("00004", "01", Long.MIN_VALUE, Long.MIN_VALUE)).isTrue();
        assertThat(inProvince.agrees("00004", "79", Long.MIN_VALUE, Long.MIN_VALUE)).isFalse();
        assertThat(inProvince.expected("00004", Long.MIN_VALUE)).contains("province 01 (Thành phố Hà Nội)");
        // 2004 list: Thị trấn Tây Đằng was in Hà Tây (28) until 2008-07-31, then in Hà Nội (01)
        assertThat(inProvince.agrees("09619", "28", Long.MIN_VALUE, y2007)).isTrue();
        assertThat(inProvince.agrees("09619", "01", Long.MIN_VALUE, y2007)).isFalse();
        assertThat(inProvince.agrees("09619", "01", Long.MIN_VALUE, y2010)).isTrue();
        assertThat(inProvince.expected("09619", y2007)).contains("province 28 (Tỉnh Hà Tây)").contains("Thị trấn Tây Đằng")
                .contains("2007-05-01");
        // Xã Bản Péo (01078) lay in Hà Giang (02), which became part of Tuyên Quang (08) only in 2025
        assertThat(inProvince.agrees("01078", "02", Long.MIN_VALUE, LocalDate.of(2019, 1, 1).toEpochDay())).isTrue();
        assertThat(inProvince.agrees("01078", "08", Long.MIN_VALUE, LocalDate.of(2019, 1, 1).toEpochDay())).isFalse();
        assertThat(inProvince.agrees("00001", "79", Long.MIN_VALUE, y2024)).isFalse();
    }

    @Test
    void namesAndText() {
        ValueType name = type("vn.person-name");
        assertThat(rule(name, "Nguyễn Thị Mỹ Duyên")).isNull();
        assertThat(rule(name, "Đặng Văn Ưng")).isNull();
        assertThat(rule(name, "nguyễn văn an")).isEqualTo("VN-NAME-FORMAT");
        assertThat(rule(name, "Nguyễn  An")).isEqualTo("VN-NAME-FORMAT");
        assertThat(rule(name, "An")).isEqualTo("VN-NAME-FORMAT");
        assertThat(rule(name, Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD))).isEqualTo("VN-TEXT-NFC");
        assertThat(rule(name, "Nguyễn\tAn")).isEqualTo("VN-TEXT-CONTROL");
        ValueType text = type("vn.text");
        assertThat(rule(text, "12 Lê Lợi, Phường Bến Thành\nTP. Hồ Chí Minh")).isNull();
        assertThat(rule(text, "José Martí, 5° piso")).as("real Latin-1 text is not legacy").isNull();
    }

    /** UTF-8 bytes shown as Windows-1252, bytes it leaves undefined shown as their Latin-1 control. */
    static String misread(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            String c = new String(new byte[] {b}, Charset.forName("windows-1252"));
            sb.append(c.equals("\uFFFD") ? (char) (b & 0xFF) : c.charAt(0));
        }
        return sb.toString();
    }

    @Test
    void legacyEncodingsAreRecognisedAndRepaired() {
        String utf8AsCp1252 = misread("Nguyễn Đức Việt");
        LegacyText legacy = LegacyText.of(ReferenceData.builtIn());
        LegacyText.Finding f = legacy.detect(utf8AsCp1252);
        assertThat(f.kind()).isEqualTo(LegacyText.Kind.UTF8_AS_CP1252);
        assertThat(f.repaired()).isEqualTo("Nguyễn Đức Việt");

        LegacyText.Finding tcvn3 = legacy.detect("Céng hßa x· héi chñ nghÜa ViÖt Nam");
        assertThat(tcvn3.kind()).isEqualTo(LegacyText.Kind.TCVN3);
        assertThat(tcvn3.repaired()).isEqualTo("cộng hòa xã hội chủ nghĩa việt nam".replace("cộng", "Cộng").replace("việt nam", "Việt Nam"));

        LegacyText.Finding vni = legacy.detect("Ñoäc laäp - Töï do - Haïnh phuùc");
        assertThat(vni.kind()).isEqualTo(LegacyText.Kind.VNI);
        assertThat(vni.repaired()).isEqualTo("Độc lập - Tự do - Hạnh phúc");

        assertThat(rule(type("vn.text"), utf8AsCp1252)).isEqualTo("VN-TEXT-LEGACY");
        assertThat(type("vn.text").message(1, "NguyÔn V¨n An", Long.MIN_VALUE)).contains("TCVN3").contains("Nguyễn Văn An");
        assertThat(legacy.detect("Nguyễn Văn An")).isNull();
    }
}
