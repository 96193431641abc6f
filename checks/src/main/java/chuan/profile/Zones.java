package chuan.profile;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Time-zone names (Asia/Ho_Chi_Minh) known to the JDK, looked up once by name and then by index. */
final class Zones {

    private static final List<ZoneId> ZONES = new ArrayList<>();
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (String id : new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())) {
            INDEX.put(id, ZONES.size());
            ZONES.add(ZoneId.of(id));
        }
        for (String id : List.of("UTC", "GMT")) {
            INDEX.putIfAbsent(id, ZONES.size());
            ZONES.add(ZoneId.of(id));
        }
    }

    private Zones() {
    }

    /** The zone named by s[from, to), or -1 when no zone has that name. */
    static int index(CharSequence s, int from, int to) {
        Integer i = INDEX.get(s.subSequence(from, to).toString());
        return i == null ? -1 : i;
    }

    /** The zone's offset from UTC at that local date and time, in seconds. */
    static int offsetSeconds(int zone, int y, int mo, int d, int h, int mi, int se) {
        return ZONES.get(zone).getRules().getOffset(LocalDateTime.of(y, mo, d, h, mi, se)).getTotalSeconds();
    }
}
