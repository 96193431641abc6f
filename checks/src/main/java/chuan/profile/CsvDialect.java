package chuan.profile;

/**
 * How a CSV/TSV file lays out its header: records before it that are not data ({@code skipRows},
 * title rows), a comment prefix ({@code comment}, null for none), the number of rows the header
 * spans and what joins their names, whether header names match case-sensitively, and the line
 * ending every record must use ({@code lineTerminator}: CRLF, LF, CR, or null for any).
 */
public record CsvDialect(int skipRows, String comment, int headerRows, String headerJoin, boolean headerCaseSensitive,
                         String lineTerminator) {

    public static final CsvDialect DEFAULT = new CsvDialect(0, null, 1, " ", false, null);
}
