package chuan.model;

/** A citation: the standard or instrument, the clause within it, and where to read it. */
public record Reference(String standard, String clause, String url) {

    /** "Circular 59/2021/TT-BCA Art. 7" style text for humans. */
    public String display() {
        return clause == null || clause.isBlank() ? standard : standard + " " + clause;
    }
}
