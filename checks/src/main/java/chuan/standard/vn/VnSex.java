package chuan.standard.vn;

/** The sex written in a column, as the national types read it: Nam/Nữ, or male/female, M/F. */
public enum VnSex {
    MALE, FEMALE;

    /** The sex the value names, or null when it names none (the column's own checks say so). */
    public static VnSex of(CharSequence v) {
        if (is(v, "Nam") || is(v, "nam") || is(v, "male") || is(v, "M")) {
            return MALE;
        }
        if (is(v, "Nữ") || is(v, "nữ") || is(v, "female") || is(v, "F")) {
            return FEMALE;
        }
        return null;
    }

    private static boolean is(CharSequence v, String s) {
        return s.contentEquals(v); // no String made of the cell
    }
}
