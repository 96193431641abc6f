package chuan.synth;

import chuan.dataset.DatasetScanner;
import chuan.dataset.KeyIndex;
import chuan.dataset.ScanOptions;
import chuan.profile.DatasetSpec;
import chuan.profile.ForeignKeySpec;
import chuan.profile.Profile;
import chuan.standard.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The keys of generated data. Every row gets a primary key not used before and foreign-key values found in their
 * reference: drawn from the built-in list, from the referenced file (read first, as a scan reads it: a uniform
 * sample of up to 100,000 of its keys), or from the referenced columns of a row already written (a key into the
 * same file). Defects: a primary key copied from an earlier row ({@code duplicate-key}), and a foreign-key value
 * the column's own rules accept but the reference lacks ({@code dangling}). Key columns are never given a
 * defect of one cell, so no key defect shows twice and no cell defect shows as a key finding.
 * A foreign key into a database table cannot be honoured in a file: refused.
 */
final class KeySynth {

    private static final int SAMPLE = 100_000;

    /** A foreign key as synth fills it. */
    private static final class Fk {
        final int[] cols;
        final String field;
        final List<String[]> values;   // null for a key into the same file
        final KeyIndex set;            // null for a key into the same file
        final int[] refCols;           // a key into the same file: the referenced columns
        final boolean agreed;          // another column agrees with one of its columns: checked, never overwritten
        boolean dangling;              // whether dangling values can be made
        int failures;

        Fk(int[] cols, String field, List<String[]> values, KeyIndex set, int[] refCols, boolean agreed, boolean dangling) {
            this.cols = cols;
            this.field = field;
            this.values = values;
            this.set = set;
            this.refCols = refCols;
            this.agreed = agreed;
            this.dangling = dangling;
        }
    }

    private final List<ColumnSynth> columns;
    private final int[] pk;
    private final String pkField;
    private final boolean pkDuplicates;
    private final List<Fk> fks = new ArrayList<>();
    /** Columns of a key (or referenced by a key into the same file): no cell defect is made in them. */
    final Set<Integer> keyColumns = new HashSet<>();
    private final KeyIndex.Key key = new KeyIndex.Key();
    private KeyIndex seen;
    private String[] earlierKey;
    private final List<String[]> recent = new ArrayList<>();
    private int recentNext;

    KeySynth(Profile profile, List<ColumnSynth> columns, Set<Integer> agreedWith, LocalDate asOf, ReferenceData reference) {
        this.columns = columns;
        DatasetSpec ds = profile.dataset();
        pk = indexes(ds.primaryKey());
        pkField = String.join(", ", ds.primaryKey());
        for (int c : pk) {
            keyColumns.add(c);
        }
        boolean dupOk = pk.length > 0;
        for (int c : pk) {
            // a copied key must break nothing else: no part unique on its own, agreed with, or agreeing with another column
            dupOk &= !columns.get(c).spec.unique() && !agreedWith.contains(c)
                    && columns.get(c).dependsOn().stream().allMatch(d -> contains(pk, d));
        }
        DatasetScanner scanner = null;
        for (ForeignKeySpec fk : ds.foreignKeys()) {
            int[] cols = indexes(fk.columns());
            String field = String.join(", ", fk.columns());
            boolean agreed = false;
            boolean unique = false;
            for (int c : cols) {
                keyColumns.add(c);
                agreed |= agreedWith.contains(c);
                unique |= columns.get(c).spec.unique();
            }
            int shared = 0;
            for (int c : cols) {
                shared += contains(pk, c) ? 1 : 0;
            }
            dupOk &= shared == 0 || shared == cols.length; // a copied primary key keeps such a foreign key whole
            ForeignKeySpec.Reference r = fk.reference();
            if (r instanceof ForeignKeySpec.InList l) {
                List<String> list = new ArrayList<>(chuan.standard.Packs.referenceList(l.list(), reference, asOf)
                        .orElseThrow(() -> new IllegalArgumentException("no reference list " + l.list())));
                list.sort(null);
                List<String[]> values = new ArrayList<>();
                KeyIndex set = new KeyIndex(false);
                for (String v : list) {
                    values.add(new String[] {v});
                    set.add(key.begin().part(v), 0);
                }
                fks.add(new Fk(cols, field, values, set, null, agreed, !agreed && !unique));
            } else if (r instanceof ForeignKeySpec.InTable t) {
                throw new IllegalArgumentException("foreign key (" + field + ") refers to table " + t.table()
                        + ": synth writes files and cannot make values found in a database table");
            } else {
                ForeignKeySpec.InDataset d = (ForeignKeySpec.InDataset) r;
                if (d.self()) {
                    if (agreed) {
                        throw new IllegalArgumentException("foreign key (" + field + ") into this dataset: another column agrees "
                                + "with its column, so synth cannot choose its values");
                    }
                    int[] refCols = indexes(d.columns());
                    for (int c : refCols) {
                        keyColumns.add(c);
                    }
                    fks.add(new Fk(cols, field, null, null, refCols, false, false));
                } else {
                    if (scanner == null) {
                        scanner = new DatasetScanner(chuan.rules.RuleCatalog.builtIn());
                    }
                    DatasetScanner.ReferenceKeys keys;
                    try {
                        keys = scanner.readReference(d, SAMPLE, new ScanOptions(asOf, 1, false,
                                Math.max(1, Runtime.getRuntime().availableProcessors()), reference));
                    } catch (DatasetScanner.ReferenceUnreadable e) {
                        throw new IllegalArgumentException(e.getMessage());
                    }
                    if (keys.sample().isEmpty()) {
                        throw new IllegalArgumentException("foreign key (" + field + "): " + d.dataset() + " has no keys to refer to");
                    }
                    fks.add(new Fk(cols, field, keys.sample(), keys.set(), null, agreed, !agreed && !unique));
                }
            }
        }
        pkDuplicates = dupOk;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private int[] indexes(List<String> names) {
        int[] out = new int[names.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).spec.name().equals(names.get(k))) {
                    out[k] = i;
                }
            }
        }
        return out;
    }

    boolean active() {
        return pk.length > 0 || !fks.isEmpty();
    }

    /** Starts a new file. */
    void begin() {
        seen = pk.length > 0 ? new KeyIndex(false) : null;
        earlierKey = null;
        recent.clear();
        recentNext = 0;
        for (Fk f : fks) {
            f.failures = 0;
        }
    }

    /** The defects keys can have: 0 a repeated primary key (when one can be made), 1 + f a dangling value of foreign key f. */
    List<Integer> defects() {
        List<Integer> out = new ArrayList<>();
        if (pkDuplicates) {
            out.add(0);
        }
        for (int f = 0; f < fks.size(); f++) {
            if (fks.get(f).dangling) {
                out.add(1 + f);
            }
        }
        return out;
    }

    String field(int defect) {
        return defect == 0 ? pkField : fks.get(defect - 1).field;
    }

    String name(int defect) {
        return defect == 0 ? "duplicate-key" : "dangling";
    }

    String rule(int defect) {
        return defect == 0 ? "DATA-PRIMARY-KEY-DUPLICATE" : "DATA-FOREIGN-KEY";
    }

    /** Gives a new row's foreign keys values of their references; false when the row must be made again (its key is used). */
    boolean settle(String[] text, Random r) {
        for (Fk f : fks) {
            if (f.values == null) {
                String[] from = recent.isEmpty() ? null : recent.get(r.nextInt(recent.size()));
                for (int k = 0; k < f.cols.length; k++) {
                    text[f.cols[k]] = from != null ? from[k + offset(f)] : text[f.refCols[k]];
                }
            } else if (f.agreed) {
                if (!anyEmpty(text, f.cols) && !f.set.contains(build(text, f.cols))) {
                    return false;
                }
            } else {
                String[] v = f.values.get(r.nextInt(f.values.size()));
                for (int k = 0; k < f.cols.length; k++) {
                    text[f.cols[k]] = v[k];
                }
            }
        }
        return seen == null || !anyEmpty(text, pk) && !seen.contains(build(text, pk));
    }

    private static boolean anyEmpty(String[] text, int[] cols) {
        for (int c : cols) {
            if (text[c] == null || text[c].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Where a self key's referenced values start in a row of {@link #recent}. */
    private int offset(Fk self) {
        int off = 0;
        for (Fk f : fks) {
            if (f == self) {
                return off;
            }
            if (f.values == null) {
                off += f.refCols.length;
            }
        }
        return off;
    }

    /** Makes the defect in the row; false when it cannot be made in this row (it is then written without it). */
    boolean apply(int defect, String[] text, Random r, ColumnSynth.Row row) {
        if (defect == 0) {
            if (earlierKey == null) {
                return false;
            }
            for (int k = 0; k < pk.length; k++) {
                text[pk[k]] = earlierKey[k];
            }
            return true;
        }
        Fk f = fks.get(defect - 1);
        Object[] one = new Object[1];
        String[] before = new String[f.cols.length];
        for (int k = 0; k < f.cols.length; k++) {
            before[k] = text[f.cols[k]];
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            for (int c : f.cols) {
                text[c] = columns.get(c).valid(r, row, one);
            }
            if (!anyEmpty(text, f.cols) && !f.set.contains(build(text, f.cols)) && (seen == null || !seen.contains(build(text, pk)))) {
                f.failures = 0;
                return true;
            }
        }
        for (int k = 0; k < f.cols.length; k++) {
            text[f.cols[k]] = before[k];
        }
        if (++f.failures >= 20) {
            f.dangling = false; // the column's own values are all in the reference (a province code and the province list)
        }
        return false;
    }

    /** A row is written: its primary key is used from now on (unless it repeats one), and it may be referred to. */
    void written(String[] text, boolean repeatsKey, boolean defective, Random r) {
        if (seen != null && !repeatsKey) {
            seen.add(build(text, pk), 0);
        }
        if (!defective && pk.length > 0 && r.nextInt(64) == 0) {
            earlierKey = new String[pk.length];
            for (int k = 0; k < pk.length; k++) {
                earlierKey[k] = text[pk[k]];
            }
        }
        List<String> refs = new ArrayList<>();
        for (Fk f : fks) {
            if (f.values == null) {
                for (int c : f.refCols) {
                    refs.add(text[c]);
                }
            }
        }
        if (!refs.isEmpty()) {
            String[] v = refs.toArray(String[]::new);
            if (recent.size() < 64) {
                recent.add(v);
            } else {
                recent.set(recentNext, v);
                recentNext = (recentNext + 1) % 64;
            }
        }
    }

    private KeyIndex.Key build(String[] text, int[] cols) {
        key.begin();
        for (int c : cols) {
            key.part(text[c]);
        }
        return key;
    }
}
