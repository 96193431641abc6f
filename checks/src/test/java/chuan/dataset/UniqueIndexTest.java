package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniqueIndexTest {

    @Test
    void digitStringsWithLeadingZerosStayDistinct() {
        UniqueIndex u = new UniqueIndex();
        assertThat(u.add("007")).isTrue();
        assertThat(u.add("7")).isTrue();
        assertThat(u.add("07")).isTrue();
        assertThat(u.add("007")).isFalse();
        assertThat(u.add("0")).isTrue();
        assertThat(u.add("0")).isFalse();
    }

    @Test
    void longDigitStringsAndTextUseTheTextSet() {
        UniqueIndex u = new UniqueIndex();
        assertThat(u.add("123456789012345678901")).isTrue();
        assertThat(u.add("123456789012345678901")).isFalse();
        assertThat(u.add("Nguyễn")).isTrue();
        assertThat(u.add("Nguyễn")).isFalse();
        assertThat(u.add("Nguyên")).isTrue();
    }

    @Test
    void agreesWithAHashSetOverManyValues() {
        UniqueIndex u = new UniqueIndex();
        Set<String> reference = new HashSet<>();
        Random r = new Random(42);
        for (int i = 0; i < 300_000; i++) {
            String v = switch (i % 3) {
                case 0 -> String.format("%012d", r.nextInt(200_000));
                case 1 -> "HK-" + r.nextInt(100_000);
                default -> Integer.toString(r.nextInt(50_000));
            };
            assertThat(u.add(v)).as(v).isEqualTo(reference.add(v));
        }
    }

    @Test
    void recordHashesFindVerbatimRepeatsOnly() {
        RecordHashes h = new RecordHashes();
        assertThat(h.add(new String[] {"a", "b"})).isTrue();
        assertThat(h.add(new String[] {"ab", ""})).isTrue();
        assertThat(h.add(new String[] {"a", "b", ""})).isTrue();
        assertThat(h.add(new String[] {"a", "b"})).isFalse();
        for (int i = 0; i < 100_000; i++) {
            assertThat(h.add(new String[] {Integer.toString(i), "x"})).isTrue();
        }
        assertThat(h.add(new String[] {"99999", "x"})).isFalse();
    }
}
