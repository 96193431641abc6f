package chuan.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/** What each cell format (XF record, by index) of a workbook says of the numbers it formats: date, or General. */
final class XlsStyles {

    private final boolean[] date;
    private final boolean[] general;
    private final String[] shown;

    /** {@code xfFormats}: each XF's number-format index, in XF order; {@code formats}: the workbook's own FORMAT strings. */
    XlsStyles(List<Integer> xfFormats, Map<Integer, String> formats) {
        int n = xfFormats.size();
        date = new boolean[n];
        general = new boolean[n];
        shown = new String[n];
        Map<Integer, Boolean> dates = new HashMap<>(); // XFs share few formats: each format string is judged once
        for (int i = 0; i < n; i++) {
            int index = xfFormats.get(i);
            // a FORMAT record may restate a built-in index (LibreOffice writes them all): the file's string wins
            String format = formats.getOrDefault(index, BuiltinFormats.getBuiltinFormat(index));
            date[i] = dates.computeIfAbsent(index, k -> DateUtil.isADateFormat(k, format));
            general[i] = index == 0 || "General".equalsIgnoreCase(format);
            shown[i] = general[i] || date[i] || format == null ? null : format;
        }
    }

    boolean date(int xf) {
        return xf >= 0 && xf < date.length && date[xf];
    }

    /** The number format a number is shown in when it is neither General nor a date's ({@code 000000000000}); else null. */
    String format(int xf) {
        return xf >= 0 && xf < shown.length ? shown[xf] : null;
    }

    /** An XF the file does not define shows as General, as the default XF does. */
    boolean general(int xf) {
        return xf < 0 || xf >= general.length || general[xf];
    }
}
