package chuan.standard.xx;

import chuan.standard.ReferenceData;
import java.util.Set;
import java.util.stream.Collectors;

/** The regions' two-digit codes, from the pack's reference list {@code chuan/reference/xx/regions.csv}. */
record Regions(Set<String> codes) {

    static Regions of(ReferenceData data) {
        return data.table("xx", "regions.csv",
                rows -> new Regions(rows.stream().map(r -> r.get("code")).collect(Collectors.toUnmodifiableSet())));
    }

    boolean contains(CharSequence code) {
        return codes.contains(code.toString());
    }
}
