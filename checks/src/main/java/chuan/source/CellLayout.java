package chuan.source;

/**
 * Where a cell source's records are, as the profile's {@code dataset:} section says: the sheet to read
 * (a name or a 1-based number; null: every visible sheet whose header matches), rows above the header
 * that are not data ({@code skipRows}), whether there is a header at all, how many rows it spans and
 * what joins their names.
 */
public record CellLayout(String sheet, int skipRows, boolean header, int headerRows, String headerJoin) {
}
