package chuan.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code dataset:} section of a profile. {@code format} is null when it follows the file
 * extension; {@code forbidPersonalData} looks in every column for personal data (open data);
 * {@code dialect} is how a CSV/TSV file lays out its header and line ends.
 */
public record DatasetSpec(
        DataFormat format,
        String encoding,
        boolean header,
        char delimiter,
        char quote,
        boolean reportExtraColumns,
        Path jsonSchema,
        List<ColumnSpec> columns,
        List<MetricSpec> checks,
        boolean forbidPersonalData,
        CsvDialect dialect) {

    public DatasetSpec {
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
        dialect = dialect == null ? CsvDialect.DEFAULT : dialect;
    }

    public DatasetSpec(DataFormat format, String encoding, boolean header, char delimiter, char quote, boolean reportExtraColumns,
                       Path jsonSchema, List<ColumnSpec> columns, List<MetricSpec> checks, boolean forbidPersonalData) {
        this(format, encoding, header, delimiter, quote, reportExtraColumns, jsonSchema, columns, checks, forbidPersonalData,
                CsvDialect.DEFAULT);
    }

    /** The format a file is read in: the profile's, else the file name's, else CSV. */
    public DataFormat formatOf(String fileName) {
        return format != null ? format : DataFormat.fromFileName(fileName).orElse(DataFormat.CSV);
    }

    /** The field delimiter in a file of that format: a TSV file is tab-separated unless the profile names another. */
    public char delimiterFor(DataFormat fileFormat) {
        return fileFormat == DataFormat.TSV && delimiter == ',' ? '\t' : delimiter;
    }
}
