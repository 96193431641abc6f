package chuan.profile;

import java.util.List;

/**
 * A foreign key of a dataset: every non-missing value (or combination of values) of {@code columns}
 * must be found in the {@code reference}. {@code at} is where the profile declares it (null when made
 * from another schema, such as a Frictionless Table Schema).
 */
public record ForeignKeySpec(List<String> columns, Reference reference, SourcePosition at) {

    public ForeignKeySpec {
        columns = List.copyOf(columns);
    }

    /** What the values must be found in. */
    public sealed interface Reference permits InDataset, InList, InTable {
    }

    /**
     * Another dataset: a file named relative to the profile (or the scanned root for a built-in profile),
     * or another resource of the same scan; {@code columns} the same number as the key's, in order.
     * {@code self} is a key into the same dataset (a Frictionless self-reference, {@code resource: ""}).
     */
    public record InDataset(String dataset, List<String> columns, boolean self) implements Reference {
        public InDataset {
            columns = List.copyOf(columns);
        }
    }

    /** A built-in reference list of a standards pack, such as {@code vn.provinces}; one key column only. */
    public record InList(String list) implements Reference {
    }

    /** A table of the database the dataset is read from (a profile with a {@code source:} block). */
    public record InTable(String table, List<String> columns) implements Reference {
        public InTable {
            columns = List.copyOf(columns);
        }
    }
}
