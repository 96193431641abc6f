package chuan.source;

/** One record of a cell source, filled by {@link CellRows#next}: reused from record to record. */
public final class CellRecord {

    /** The values in header order (a new array per record: the scanner keeps it); null for an empty cell. */
    public String[] values;
    /** Where the record is. */
    public RecordPlace place;
    /** Whether every cell is empty (a blank row between records). */
    public boolean blank;
}
