package chuan.standard.vn;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.standard.ReferenceData;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The shipped reference lists have the counts their sources give, unique codes and NFC text. */
class ReferenceDataTest {

    static final ReferenceData DATA = ReferenceData.builtIn();

    static Set<String> column(String file, String name) {
        List<CSVRecord> rows = DATA.rows("vn", file);
        Set<String> values = new HashSet<>();
        rows.forEach(r -> values.add(r.get(name)));
        assertThat(values).as(file + " " + name + " unique").hasSize(rows.size());
        return values;
    }

    @Test
    void provinceAndCommuneListsOf2004And2025() {
        assertThat(column("provinces-2004.csv", "code")).hasSize(63);
        assertThat(column("provinces-2025.csv", "code")).hasSize(34);
        assertThat(column("communes-2025.csv", "code")).hasSize(3_321);
        assertThat(column("province-merger-2025.csv", "old_code")).hasSize(63);
    }

    @Test
    void the2004CommuneListHasItsPeriodsInOrder() {
        Map<String, LocalDate> lastEnd = new HashMap<>();
        int inForceAtTheEnd = 0;
        Set<String> provincesAtTheEnd = new HashSet<>();
        Set<String> provinces2004 = column("provinces-2004.csv", "code");
        for (CSVRecord r : DATA.rows("vn", "communes-2004.csv")) {
            assertThat(r.get("code")).matches("[0-9]{5}");
            LocalDate from = r.get("valid_from").isBlank() ? null : LocalDate.parse(r.get("valid_from"));
            LocalDate to = LocalDate.parse(r.get("valid_to"));
            assertThat(from == null || !from.isAfter(to)).as(r.toString()).isTrue();
            LocalDate before = lastEnd.put(r.get("code"), to);
            assertThat(before == null || (from != null && from.isAfter(before))).as("periods of " + r.get("code") + " overlap").isTrue();
            assertThat(to).isBeforeOrEqualTo(LocalDate.of(2025, 6, 30));
            if (to.equals(LocalDate.of(2025, 6, 30))) {
                inForceAtTheEnd++;
                provincesAtTheEnd.add(r.get("province_code"));
            }
            for (String text : List.of(r.get("name"), r.get("district_name"), r.get("province_name"))) {
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as(text).isTrue();
            }
        }
        // the list of 2025-03-01, the units the 2025 merger resolutions name
        assertThat(inForceAtTheEnd).isEqualTo(10_047);
        assertThat(provincesAtTheEnd).isEqualTo(provinces2004);
        // 3,316 of the 3,321 codes of 2025 were already commune codes (reference README)
        Set<String> old = lastEnd.keySet();
        assertThat(column("communes-2025.csv", "code").stream().filter(old::contains).count()).isEqualTo(3_316);
    }

    @Test
    void theHistoryAnswersByDate() {
        CommuneHistory h = VnReference.of(DATA).communes2004();
        assertThat(h.lastDay()).isEqualTo(LocalDate.of(2025, 6, 30).toEpochDay());
        assertThat(h.at(1, LocalDate.of(2025, 6, 30).toEpochDay())).isNotNegative();   // Phường Phúc Xá
        assertThat(h.at(1, LocalDate.of(2025, 7, 1).toEpochDay())).isNegative();
        assertThat(h.at(5, LocalDate.of(2020, 1, 1).toEpochDay())).isNegative();
        assertThat(h.known(5)).isFalse();
        // Hà Tây's communes kept their codes when they joined Hà Nội on 2008-08-01
        assertThat(h.province(h.at(9619, LocalDate.of(2008, 7, 31).toEpochDay()))).isEqualTo(28);
        assertThat(h.province(h.at(9619, LocalDate.of(2008, 8, 1).toEpochDay()))).isEqualTo(1);
    }
}
