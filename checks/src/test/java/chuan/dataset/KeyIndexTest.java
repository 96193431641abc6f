package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key set: exact for packed and text keys alike, first rows kept, parts never run together. */
class KeyIndexTest {

    private static KeyIndex.Key key(String... parts) {
        KeyIndex.Key k = new KeyIndex.Key().begin();
        for (String p : parts) {
            k.part(p);
        }
        return k;
    }

    @Test
    void partsAreKeptApartWhetherPackedOrText() {
        KeyIndex set = new KeyIndex(true);
        assertThat(set.add(key("1", "23"), 1)).isZero();
        assertThat(set.add(key("12", "3"), 2)).isZero();      // same digits, other split
        assertThat(set.add(key("01", "23"), 3)).isZero();     // a leading zero is part of the value
        assertThat(set.add(key("a", "bc"), 4)).isZero();
        assertThat(set.add(key("ab", "c"), 5)).isZero();
        assertThat(set.add(key("1", "x"), 6)).isZero();       // digits then text: kept as text
        assertThat(set.size()).isEqualTo(6);
        assertThat(set.add(key("12", "3"), 9)).isEqualTo(2);
        assertThat(set.add(key("ab", "c"), 10)).isEqualTo(5);
        assertThat(set.add(key("1", "x"), 11)).isEqualTo(6);
        assertThat(set.size()).isEqualTo(6);
    }

    @Test
    void longDigitKeysThatDoNotFitALongAreStillExact() {
        KeyIndex set = new KeyIndex(true);
        // 12 + 12 digits cannot be packed into 63 bits: kept as text
        assertThat(set.add(key("079200000001", "079200000002"), 1)).isZero();
        assertThat(set.add(key("079200000001", "079200000003"), 2)).isZero();
        assertThat(set.add(key("079200000001", "079200000002"), 3)).isEqualTo(1);
        assertThat(set.contains(key("079200000001", "079200000003"))).isTrue();
        assertThat(set.contains(key("079200000001", "079200000004"))).isFalse();
    }

    @Test
    void growsThroughManyKeysWithoutLosingAny() {
        KeyIndex set = new KeyIndex(true);
        for (int i = 1; i <= 200_000; i++) {
            assertThat(set.add(key("79", Integer.toString(i), i % 2 == 0 ? "x" + i : "1"), i)).isZero();
        }
        for (int i = 1; i <= 200_000; i += 997) {
            assertThat(set.add(key("79", Integer.toString(i), i % 2 == 0 ? "x" + i : "1"), 300_000 + i)).isEqualTo(i);
        }
        assertThat(set.size()).isEqualTo(200_000);
        KeyIndex refs = new KeyIndex(false);
        refs.add(key("079200000001"), 0);
        assertThat(refs.contains(key("079200000001"))).isTrue();
        assertThat(refs.contains(key("79200000001"))).isFalse();
        assertThat(refs.add(key("079200000001"), 5)).isEqualTo(-1); // present, first row not kept
    }
}
