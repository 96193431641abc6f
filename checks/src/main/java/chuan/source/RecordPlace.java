package chuan.source;

/** Where a record is in a source that is not a text file, named as its program names it. */
public interface RecordPlace {

    /** The place of the record's cell in header column {@code column} (1-based), or of the whole record for 0: {@code Citizens!B17}. */
    String at(int column);
}
