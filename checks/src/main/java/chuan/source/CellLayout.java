package chuan.source;

import java.util.List;

/**
 * Where a cell source's records are, as the profile's {@code dataset:} section says: the sheet to read
 * (a name or a 1-based number; null: every visible sheet whose header matches), rows above the header
 * that are not data ({@code skipRows}), whether there is a header at all, how many rows it spans and
 * what joins their names, and the profile's columns as their header names (each column's name and aliases),
 * by which a sheet's header is recognised; {@code caseSensitive} says how header names match.
 */
public record CellLayout(String sheet, int skipRows, boolean header, int headerRows, String headerJoin,
                         List<List<String>> columnNames, boolean caseSensitive) {

    public CellLayout {
        columnNames = columnNames == null ? List.of() : columnNames.stream().map(List::copyOf).toList();
    }
}
