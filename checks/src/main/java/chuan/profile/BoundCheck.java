package chuan.profile;

import chuan.profile.Temporal;
import java.math.BigDecimal;
import java.util.List;

/**
 * Checks that a column's bounds leave room for a value: an inclusive and an exclusive bound on
 * the same side are refused, and so is a lower bound above the upper one (or equal to it when
 * either excludes it). Bounds given as {@code today} are left to the scan.
 */
final class BoundCheck {

    private final LocatedTree tree;
    private final List<ProfileProblem> problems;
    private final String ptr;
    private final ColumnType type;

    BoundCheck(LocatedTree tree, List<ProfileProblem> problems, String ptr, ColumnType type) {
        this.tree = tree;
        this.problems = problems;
        this.ptr = ptr;
        this.type = type;
    }

    void consistent(String min, String max, String exclusiveMin, String exclusiveMax) {
        if (min != null && exclusiveMin != null) {
            problems.add(tree.problemAtKey(ptr + "/exclusive-min", "'min' and 'exclusive-min' together: keep one lower bound"));
            return;
        }
        if (max != null && exclusiveMax != null) {
            problems.add(tree.problemAtKey(ptr + "/exclusive-max", "'max' and 'exclusive-max' together: keep one upper bound"));
            return;
        }
        String lower = min != null ? min : exclusiveMin;
        String upper = max != null ? max : exclusiveMax;
        if (lower == null || upper == null || !type.ordered()) {
            return;
        }
        int cmp = compare(lower, upper);
        if (cmp == Integer.MIN_VALUE) {
            return; // 'today', or a bound already reported as malformed
        }
        boolean exclusive = exclusiveMin != null || exclusiveMax != null;
        if (cmp > 0 || (cmp == 0 && exclusive)) {
            String lowerKey = min != null ? "min" : "exclusive-min";
            String upperKey = max != null ? "max" : "exclusive-max";
            problems.add(tree.problemAt(ptr + "/" + upperKey, "no value fits: " + lowerKey + " " + lower + " and " + upperKey
                    + " " + upper));
        }
    }

    /** Compares two bounds of this column's type; Integer.MIN_VALUE when either cannot be compared. */
    private int compare(String a, String b) {
        if (type.numeric()) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b));
            } catch (NumberFormatException e) {
                return Integer.MIN_VALUE;
            }
        }
        long x = instant(a);
        long y = instant(b);
        return x == Temporal.INVALID || y == Temporal.INVALID ? Integer.MIN_VALUE : Long.compare(x, y);
    }

    private long instant(String v) {
        return switch (type) {
            case DATE -> Temporal.isoDate(v);
            case TIME -> Temporal.isoTime(v);
            default -> {
                long day = Temporal.isoDate(v);
                yield day != Temporal.INVALID ? day * 86_400L : Temporal.isoDateTime(v);
            }
        };
    }
}
