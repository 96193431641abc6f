package chuan.source;

import java.util.List;
import java.util.Locale;

/**
 * One kind of dataset chuan reads: the value of a profile's {@code format:}, how a source of that
 * kind is recognised by its name, its shape, and how a place inside it is named. Each kind is
 * described once, by a class registered in {@code META-INF/services/chuan.source.DataSource}
 * ({@link DataSources} reads that list); how it is read is the same class's business (the dataset
 * scanner's built-in sources also implement its reading contract).
 */
public interface DataSource {

    /** What a source holds its records as, where code reading or writing it must know. */
    enum Shape {
        /** Text records split into fields by a delimiter (CSV, TSV): fields are bound by header or position. */
        DELIMITED,
        /** One JSON object per line: members are bound by name, lines can be split among workers. */
        JSON_LINES,
        /** One JSON document holding an array of objects: members are bound by name, read in order. */
        JSON_ARRAY,
        /** Cells a program stores typed (a workbook's sheet, a database table): bound by header name, never split from text. */
        CELLS;

        /** Whether records are JSON objects, whose members are bound to columns by name. */
        public boolean isJson() {
            return this == JSON_LINES || this == JSON_ARRAY;
        }
    }

    /** How a place inside the source is named in reports. */
    enum Locations {
        /** Record number, line and column number (the field's position in the record), as in a text table. */
        RECORD_LINE_COLUMN,
        /** Record number, line and field name (a JSON member), with no column number. */
        RECORD_LINE_FIELD,
        /** Record number, column number and the cell as a spreadsheet names it ({@code Citizens!B17}), with no line. */
        CELL_REFERENCE,
        /** Record number (in the order read), the row's key as its table names it ({@code public.citizens id=42}) and the column name. */
        TABLE_ROW;

        /** Whether a field is also located by its position in the record. */
        public boolean numbersColumns() {
            return this == RECORD_LINE_COLUMN || this == CELL_REFERENCE;
        }
    }

    /** The name profiles ({@code format:}) and reports use: lower case. */
    String label();

    /**
     * The endings of the file names this source is recognised by, lower case with their dot
     * ({@code .csv}); empty for a source that is not a file or is only chosen by a profile's {@code format:}.
     */
    List<String> suffixes();

    /**
     * Whether a target named {@code name} (a file name or path as found, or another source's address) is
     * this kind of source. By default, whether the name ends with one of {@link #suffixes()}, in any case;
     * a source that is not a file (a database table, a sheet of a workbook) overrides this to recognise its address.
     */
    default boolean recognises(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return suffixes().stream().anyMatch(n::endsWith);
    }

    Shape shape();

    Locations locations();

    /** For a delimited source, the field delimiter when the profile names none. */
    default char delimiter() {
        return ',';
    }

    /**
     * The rules of findings this source makes itself, about how its input stores the data (a workbook's number in a
     * text column): each is in the rule catalogue, and counted for every target of this source.
     */
    default java.util.List<String> ownRules() {
        return java.util.List.of();
    }

    /** Whether a file no source recognises is read as this one: exactly one registered source says so. */
    default boolean readsUnrecognisedFiles() {
        return false;
    }
}
