package chuan.standard.vn;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.standard.ReferenceData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Personal values found inside sentences, and look-alikes that are not found. */
class EmbeddedValuesTest {

    static final VnReference REF = VnReference.of(ReferenceData.builtIn());
    static final PersonalIdType ID = new PersonalIdType(REF, LocalDate.of(2026, 3, 1));
    static final PhoneType PHONE = new PhoneType(REF);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Trả cho ông A, CCCD 001052926814, nhận thay|true",
        "CCCD:001052926814|true",
        "001052926814 nhận thay|true",
        "mã hồ sơ 202501234567 đã duyệt|false",     // digits 1-3 are no province
        "số 0010529268145 dài hơn|false",          // 13 digits: not an ID
        "HS001052926814|false",                    // part of a longer code
        "ID 001052926814X|false"})
    void personalIds(String text, boolean found) {
        assertThat(EmbeddedValues.personalIdIn(text, ID)).isEqualTo(found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "liên hệ 0912345678 để nhận|true",
        "SĐT: 0912 345 678.|true",
        "gọi 0912.345.678 giờ hành chính|true",
        "gọi +84 912 345 678|true",
        "gọi +84912345678|true",
        "gọi (84912345678)|true",
        "tổng đài 024 3812 3456|false",           // a landline: an organisation's
        "mã 0912345678901|false",                  // runs on into more digits
        "mã 0912 345 678 9|false",
        "số tài khoản 0952345678|false",           // 095 is no mobile prefix
        "năm 2025-06-30 lúc 10:30|false",
        "x0912345678|false"})
    void mobileNumbers(String text, boolean found) {
        assertThat(EmbeddedValues.mobileIn(text, PHONE)).isEqualTo(found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gửi về an.nguyen@gmail.com.|true",
        "Email:tran_b+hoso@so-tttt.hanoi.gov.vn nhé|true",
        "theo dõi @chinhphu trên mạng|false",
        "giá 100@công ty|false",
        "a@b.c|false",
        "@@@@ a@@b.vn|false"})
    void emailAddresses(String text, boolean found) {
        assertThat(EmbeddedValues.emailIn(text)).isEqualTo(found);
    }

    @Test
    void aWholeEmailIsOneAddressAndNothingElse() {
        assertThat(EmbeddedValues.wholeEmail("an.nguyen@gmail.com")).isTrue();
        assertThat(EmbeddedValues.wholeEmail("Nguyễn.An@bo-y-te.gov.vn")).isTrue();
        assertThat(EmbeddedValues.wholeEmail("gửi an@gmail.com")).isFalse();
        assertThat(EmbeddedValues.wholeEmail("a@b@gmail.com")).isFalse();
        assertThat(EmbeddedValues.wholeEmail("an@gmail")).isFalse();
        assertThat(EmbeddedValues.wholeEmail("@gmail.com")).isFalse();
    }

    @Test
    void onlyTextWithNineDigitsOrAnAtSignIsSearched() {
        assertThat(EmbeddedValues.mayHold("Số 12 Lê Lợi, năm 2025")).isFalse();
        assertThat(EmbeddedValues.mayHold("gọi 0912345678")).isTrue();
        assertThat(EmbeddedValues.mayHold("a@b")).isTrue();
    }
}
