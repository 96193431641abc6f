package chuan.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a dataset's {@code primary-key} and {@code foreign-keys}: every column named must be a column of the
 * profile, a reference has as many columns as its key, a list must exist in a standards pack, and a table
 * reference needs the profile's {@code source:} database. Problems go to the loader's list at file:line:column.
 */
final class KeysReader {

    private final LocatedTree tree;
    private final List<ProfileProblem> problems;
    private final Path baseDir;

    KeysReader(LocatedTree tree, List<ProfileProblem> problems, Path baseDir) {
        this.tree = tree;
        this.problems = problems;
        this.baseDir = baseDir;
    }

    List<String> primaryKey(JsonNode d, List<ColumnSpec> columns) {
        JsonNode pk = d.get("primary-key");
        if (pk == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pk.size(); i++) {
            String name = pk.get(i).asText();
            known(name, columns, "/dataset/primary-key/" + i);
            if (out.contains(name)) {
                problems.add(tree.problemAt("/dataset/primary-key/" + i, "column '" + name + "' is named twice in the primary key"));
            }
            out.add(name);
        }
        return out;
    }

    List<ForeignKeySpec> foreignKeys(JsonNode d, List<ColumnSpec> columns, boolean databaseSource) {
        JsonNode fks = d.get("foreign-keys");
        List<ForeignKeySpec> out = new ArrayList<>();
        for (int i = 0; fks != null && i < fks.size(); i++) {
            String ptr = "/dataset/foreign-keys/" + i;
            JsonNode fk = fks.get(i);
            List<String> cols = new ArrayList<>();
            for (int k = 0; k < fk.get("columns").size(); k++) {
                String name = fk.get("columns").get(k).asText();
                known(name, columns, ptr + "/columns/" + k);
                cols.add(name);
            }
            JsonNode r = fk.get("reference");
            String rptr = ptr + "/reference";
            int kinds = (r.has("dataset") ? 1 : 0) + (r.has("list") ? 1 : 0) + (r.has("table") ? 1 : 0);
            if (kinds > 1) {
                problems.add(tree.problemAt(rptr, "a reference is one of 'dataset', 'list' or 'table'"));
                continue;
            }
            List<String> refCols = new ArrayList<>();
            if (r.has("columns")) {
                r.get("columns").forEach(c -> refCols.add(c.asText()));
            }
            ForeignKeySpec.Reference ref;
            if (r.has("list")) {
                String list = r.get("list").asText();
                if (r.has("columns")) {
                    problems.add(tree.problemAtKey(rptr + "/columns", "a list has no columns: its values are matched with the key's one column"));
                }
                if (cols.size() != 1) {
                    problems.add(tree.problemAt(ptr + "/columns", "a key into a list has one column, not " + cols.size()));
                }
                if (!chuan.standard.Packs.referenceLists().containsKey(list)) {
                    java.util.Set<String> names = chuan.standard.Packs.referenceLists().keySet();
                    problems.add(tree.problemAt(rptr + "/list", "no reference list named '" + list + "'"
                            + (names.isEmpty() ? "" : " (lists: " + String.join(", ", names) + ")")));
                }
                ref = new ForeignKeySpec.InList(list);
            } else {
                if (!r.has("columns")) {
                    problems.add(tree.problemAt(rptr, "name the referenced columns ('columns:'), as many as the key's"));
                    continue;
                }
                if (refCols.size() != cols.size()) {
                    problems.add(tree.problemAt(rptr + "/columns", "the key has " + cols.size() + " column(s) and the reference "
                            + refCols.size() + ": they must match one to one"));
                }
                if (r.has("table")) {
                    if (!databaseSource) {
                        problems.add(tree.problemAt(rptr + "/table", "a table reference needs the database of a 'source:' block "
                                + "in this profile"));
                    }
                    ref = new ForeignKeySpec.InTable(r.get("table").asText(), refCols);
                } else if (r.has("dataset")) {
                    String file = r.get("dataset").asText();
                    ref = new ForeignKeySpec.InDataset(baseDir == null ? file : ReferencedDatasets.resolve(file, baseDir).toString(),
                            refCols, false);
                } else {
                    for (int k = 0; k < refCols.size(); k++) {
                        known(refCols.get(k), columns, rptr + "/columns/" + k);
                    }
                    ref = new ForeignKeySpec.InDataset(null, refCols, true);
                }
            }
            out.add(new ForeignKeySpec(cols, ref, tree.keyAt(ptr)));
        }
        return out;
    }

    private void known(String name, List<ColumnSpec> columns, String ptr) {
        if (columns.stream().noneMatch(c -> c.name().equals(name))) {
            problems.add(tree.problemAt(ptr, "no column named '" + name + "' in this profile"));
        }
    }
}
