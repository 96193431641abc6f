package chuan.dataset;

import chuan.source.DataSource;

/** CSV and TSV files: text records split into fields by a delimiter, numbered by record, line and column. */
abstract class DelimitedFiles implements DataSource, SourceReader {

    @Override
    public Shape shape() {
        return Shape.DELIMITED;
    }

    @Override
    public Locations locations() {
        return Locations.RECORD_LINE_COLUMN;
    }

    @Override
    public BatchSource open(Opening opening) {
        return new CsvSource(opening);
    }
}
