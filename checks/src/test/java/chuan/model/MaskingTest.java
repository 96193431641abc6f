package chuan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void identifiersKeepTheirEndsOnly() {
        assertThat(Masking.mask("001203004545")).isEqualTo("0012******45");
        assertThat(Masking.mask("0912345678")).isEqualTo("0912****78");
        assertThat(Masking.mask("123456")).isEqualTo("12***6");
        assertThat(Masking.mask("1234")).isEqualTo("****");
    }

    @Test
    void emailsKeepTheFirstLetterAndTheDomain() {
        assertThat(Masking.mask("lan.nguyen@gmail.com")).isEqualTo("l*********@gmail.com");
    }

    @Test
    void namesDoNotLeakThroughDecomposedAccents() {
        String nfd = Normalizer.normalize("Nguyễn Thị Mỹ Duyên", Normalizer.Form.NFD);
        String masked = Masking.mask(nfd);
        assertThat(masked).startsWith("Nguy").endsWith("ên").doesNotContain("Thị").doesNotContain("Mỹ");
        assertThat(masked.chars().filter(c -> c >= 0x300 && c <= 0x36F)).isEmpty();
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(Masking.mask("")).isEmpty();
        assertThat(Masking.mask(null)).isNull();
    }
}
