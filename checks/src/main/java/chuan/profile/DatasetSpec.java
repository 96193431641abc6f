package chuan.profile;

import chuan.source.DataSource;
import chuan.source.DataSources;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code dataset:} section of a profile. {@code format} is null when it follows the file
 * extension; {@code forbidPersonalData} looks in every column for personal data (open data);
 * {@code dialect} is how a CSV/TSV file lays out its header and line ends (a workbook's too:
 * rows above the header, header rows); {@code sheet} is the workbook sheet to read, by name or 1-based
 * number (null: every visible sheet whose header matches the profile). {@code primaryKey} names the
 * columns whose values together identify a record (empty: none), {@code foreignKeys} the values that
 * must be found elsewhere, {@code rowRules} the rules over several fields of one record.
 */
public record DatasetSpec(
        DataSource format,
        String encoding,
        boolean header,
        char delimiter,
        char quote,
        boolean reportExtraColumns,
        Path jsonSchema,
        List<ColumnSpec> columns,
        List<MetricSpec> checks,
        boolean forbidPersonalData,
        CsvDialect dialect,
        String sheet,
        List<String> primaryKey,
        List<ForeignKeySpec> foreignKeys,
        List<RowRuleSpec> rowRules) {

    public DatasetSpec {
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        rowRules = rowRules == null ? List.of() : List.copyOf(rowRules);
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
        dialect = dialect == null ? CsvDialect.DEFAULT : dialect;
    }

    public DatasetSpec(DataSource format, String encoding, boolean header, char delimiter, char quote, boolean reportExtraColumns,
                       Path jsonSchema, List<ColumnSpec> columns, List<MetricSpec> checks, boolean forbidPersonalData,
                       CsvDialect dialect, String sheet) {
        this(format, encoding, header, delimiter, quote, reportExtraColumns, jsonSchema, columns, checks, forbidPersonalData,
                dialect, sheet, List.of(), List.of(), List.of());
    }

    public DatasetSpec(DataSource format, String encoding, boolean header, char delimiter, char quote, boolean reportExtraColumns,
                       Path jsonSchema, List<ColumnSpec> columns, List<MetricSpec> checks, boolean forbidPersonalData,
                       CsvDialect dialect) {
        this(format, encoding, header, delimiter, quote, reportExtraColumns, jsonSchema, columns, checks, forbidPersonalData,
                dialect, null);
    }

    public DatasetSpec(DataSource format, String encoding, boolean header, char delimiter, char quote, boolean reportExtraColumns,
                       Path jsonSchema, List<ColumnSpec> columns, List<MetricSpec> checks, boolean forbidPersonalData) {
        this(format, encoding, header, delimiter, quote, reportExtraColumns, jsonSchema, columns, checks, forbidPersonalData,
                CsvDialect.DEFAULT);
    }

    /** The source a file is read as: the profile's format, else the one the file name says, else the fallback (CSV). */
    public DataSource formatOf(String fileName) {
        return format != null ? format : DataSources.builtIn().forName(fileName);
    }

    /**
     * The field delimiter in a file read as {@code source}: a delimited source's own (a tab for TSV)
     * unless the profile names another than the default comma.
     */
    public char delimiterFor(DataSource source) {
        return source.shape() == DataSource.Shape.DELIMITED && delimiter == ',' ? source.delimiter() : delimiter;
    }
}
