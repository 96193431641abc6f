package chuan.dataset;

import chuan.profile.ColumnSpec;
import chuan.profile.HeaderNames;
import chuan.profile.Profile;
import chuan.source.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile bound to one file's header: which field each column is, and the counters (slots) the
 * scan fills. Built once per target; read-only while the validators run.
 */
final class ScanPlan {

    final Profile profile;
    final DataSource format;
    final CompiledColumn[] columns;
    final int[] fileIndex;          // per profile column: index in the record array, -1 when absent
    final int width;                // expected fields per record, -1 when not checked (JSON)
    final List<Slot> slots = new ArrayList<>();
    final int[][] cellSlot;         // [column][CellCheck ordinal] -> slot, -1 when not checked
    final List<String> header;
    private final Map<String, Integer> recordSlots = new HashMap<>();
    final List<int[]> duplicateHeaders = new ArrayList<>();   // {first index, repeated index}
    final List<Integer> blankHeaders = new ArrayList<>();     // header indexes of columns without a name
    /** The line the header starts on (after title rows and comments). */
    long headerLine = 1;
    /** A file without a header or columns: the first record's width, which every record is compared with. */
    final boolean widthFromFirstRecord;
    final List<Integer> missingRequired = new ArrayList<>();  // profile column indexes
    final List<Integer> extraColumns = new ArrayList<>();     // header indexes
    final boolean hasUnique;
    /** Personal-data detection for open data, or null; its slots: one per file column, one for name + birth date. */
    final chuan.standard.PersonalData personalData;
    final int[] personalSlot;
    final int nameBirthSlot;
    /** Per column: the column whose date dates the record for it, or -1. */
    final int[] asOfColumn;
    /** Rules between a column and a sibling, reported on the sibling. */
    final List<Cross> crossRules = new ArrayList<>();
    /** What the dataset metrics measure of each column. */
    final MeasurePlan measures;

    /** The profile's rules over the fields of a record (and its columns' required-if), each with its slot. */
    final List<RowRule> rowRules = new ArrayList<>();
    /** The audit's as-of date: {@code today} in a row rule. */
    final java.time.LocalDate asOf;
    /** The reference data in use: the lists a check may name (rows-per-group's groups-from). */
    final chuan.standard.ReferenceData reference;

    /** A row rule bound to this file: {@code column} the profile column it reports on, or -1 for the whole record. */
    record RowRule(chuan.profile.RowRuleSpec spec, int slot, int column) {
    }

    /** The primary key and foreign keys bound to the file's columns, with their slots. */
    final KeyPlan keys;

    /** A sibling rule bound to columns: subject and sibling are profile column indexes. */
    record Cross(int subject, int sibling, chuan.standard.ValueType.SiblingRule rule, int slot) {
    }

    private int indexOf(String name) {
        if (name == null) {
            return -1;
        }
        for (CompiledColumn c : columns) {
            if (c.spec.name().equals(name)) {
                return c.index;
            }
        }
        return -1;
    }

    ScanPlan(Profile profile, DataSource format, List<String> header, ScanOptions options) {
        this(profile, format, header, options, -1);
    }

    /** {@code firstWidth}: the first record's number of fields, for a file with neither header nor columns. */
    ScanPlan(Profile profile, DataSource format, List<String> header, ScanOptions options, int firstWidth) {
        this.profile = profile;
        this.format = format;
        this.header = header;
        this.asOf = options.asOf();
        this.reference = options.reference();
        List<ColumnSpec> specs = profile.dataset().columns();
        columns = new CompiledColumn[specs.size()];
        fileIndex = new int[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            columns[i] = new CompiledColumn(specs.get(i), i, options.asOf(), options.reference());
        }
        if (format.shape().isJson()) {
            width = -1;
            for (int i = 0; i < fileIndex.length; i++) {
                fileIndex[i] = i;
            }
        } else if (header == null) {
            width = specs.isEmpty() ? firstWidth : specs.size();
            for (int i = 0; i < fileIndex.length; i++) {
                fileIndex[i] = i;
            }
        } else {
            width = header.size();
            bindHeader(specs);
        }
        widthFromFirstRecord = !format.shape().isJson() && header == null && specs.isEmpty();
        addRecordSlots();
        cellSlot = new int[columns.length][];
        boolean unique = false;
        for (CompiledColumn c : columns) {
            cellSlot[c.index] = new int[c.codes()];
            java.util.Arrays.fill(cellSlot[c.index], -1);
            for (CellCheck k : c.active) {
                if (!profile.enabled(k.ruleId)) {
                    continue;
                }
                cellSlot[c.index][k.ordinal()] = slots.size();
                slots.add(new Slot(k.ruleId, c, k, fieldName(c.index), fileColumn(c.index), c.spec.personal()));
                unique |= k == CellCheck.UNIQUE;
            }
            for (int code = CellCheck.ALL.length; code < c.codes(); code++) {
                if (profile.enabled(c.ruleId(code))) {
                    cellSlot[c.index][code] = slots.size();
                    slots.add(new Slot(c.ruleId(code), c, null, fieldName(c.index), fileColumn(c.index), c.spec.personal()));
                }
            }
        }
        hasUnique = unique;
        chuan.standard.PersonalData pd = profile.dataset().forbidPersonalData()
                ? chuan.standard.PersonalData.of(options.reference(), options.asOf()) : null;
        personalData = pd != null && pd.rule() != null ? pd : null; // no pack says what personal data is: nothing to look for
        if (personalData != null) {
            int n = header != null ? header.size() : columns.length;
            personalSlot = new int[n];
            for (int k = 0; k < n; k++) {
                personalSlot[k] = slots.size();
                String field = header != null ? header.get(k) : columns[k].spec.name();
                slots.add(new Slot(personalData.rule(), null, null, field, format.locations().numbersColumns() ? k + 1 : null, true));
            }
            nameBirthSlot = slots.size();
            slots.add(new Slot(personalData.nameBirthDateRule(), null, null, null, null, true));
        } else {
            personalSlot = new int[0];
            nameBirthSlot = -1;
        }
        for (chuan.profile.RowRuleSpec r : profile.dataset().rowRules()) {
            if (!profile.enabled(r.id()) || !r.expect().compiled().ok() || (r.when() != null && !r.when().compiled().ok())) {
                continue;
            }
            int column = indexOf(r.column());
            rowRules.add(new RowRule(r, slots.size(), column));
            slots.add(column < 0 ? new Slot(r.id(), null, null, null, null, false)
                    : new Slot(r.id(), columns[column], null, fieldName(column), fileColumn(column), columns[column].spec.personal()));
        }
        asOfColumn = new int[columns.length];
        for (CompiledColumn c : columns) {
            asOfColumn[c.index] = indexOf(c.spec.links().get("as-of-column"));
            if (c.national != null) {
                for (chuan.standard.ValueType.SiblingRule rule : c.national.siblingRules()) {
                    int sibling = indexOf(c.spec.links().get(rule.option()));
                    if (sibling >= 0 && profile.enabled(rule.ruleId())) {
                        crossRules.add(new Cross(c.index, sibling, rule, slots.size()));
                        slots.add(new Slot(rule.ruleId(), columns[sibling], null, fieldName(sibling), fileColumn(sibling),
                                columns[sibling].spec.personal()));
                    }
                }
            }
        }
        measures = new MeasurePlan(this);
        keys = new KeyPlan(this);
    }

    private void bindHeader(List<ColumnSpec> specs) {
        boolean sensitive = profile.dataset().dialect().headerCaseSensitive();
        Map<String, Integer> byName = new HashMap<>();
        for (int h = 0; h < header.size(); h++) {
            String n = HeaderNames.normalise(header.get(h), sensitive);
            if (n.isEmpty()) {
                blankHeaders.add(h);
                continue;
            }
            Integer first = byName.putIfAbsent(n, h);
            if (first != null) {
                duplicateHeaders.add(new int[] {first, h});
            }
        }
        boolean[] used = new boolean[header.size()];
        for (int i = 0; i < specs.size(); i++) {
            fileIndex[i] = -1;
            for (String name : specs.get(i).aliasesAndName()) {
                Integer h = byName.get(HeaderNames.normalise(name, sensitive));
                if (h != null) {
                    fileIndex[i] = h;
                    used[h] = true;
                    break;
                }
            }
            if (fileIndex[i] < 0 && specs.get(i).required()) {
                missingRequired.add(i);
            }
        }
        if (profile.dataset().reportExtraColumns() && !specs.isEmpty()) {
            for (int h = 0; h < used.length; h++) {
                if (!used[h] && !blankHeaders.contains(h)) { // a column without a name is reported as such
                    extraColumns.add(h);
                }
            }
        }
    }

    private void addRecordSlots() {
        // a source of typed cells has no bytes of text: no encoding, no byte-order mark
        List<String> ids = new ArrayList<>(format.shape() == DataSource.Shape.CELLS ? List.of() : List.of("DATA-ENCODING", "DATA-BOM"));
        if (format.shape().isJson()) {
            ids.addAll(List.of("DATA-JSON-SYNTAX", "DATA-JSON-RECORD"));
            if (profile.dataset().jsonSchema() != null) {
                ids.add("DATA-JSON-SCHEMA");
            }
        } else {
            if (format.shape() == DataSource.Shape.DELIMITED) {
                ids.addAll(List.of("DATA-QUOTE", "DATA-FIELD-SIZE", "DATA-LINE-ENDINGS"));
            }
            if (header != null) {
                ids.addAll(List.of("DATA-HEADER-BLANK", "DATA-HEADER-DUPLICATE", "DATA-HEADER-MISSING-COLUMN"));
                if (profile.dataset().reportExtraColumns() && !profile.dataset().columns().isEmpty()) {
                    ids.add("DATA-HEADER-EXTRA-COLUMN");
                }
            }
            if (format.shape() == DataSource.Shape.DELIMITED) {
                ids.add("DATA-RAGGED-ROW");
            }
        }
        if (format.shape().isJson() && profile.dataset().reportExtraColumns() && !profile.dataset().columns().isEmpty()) {
            ids.add("DATA-HEADER-EXTRA-COLUMN");
        }
        ids.addAll(List.of("DATA-BLANK-ROW", "DATA-NO-RECORDS"));
        ids.addAll(format.ownRules());
        for (String id : ids) {
            if (profile.enabled(id)) {
                recordSlots.put(id, slots.size());
                slots.add(new Slot(id, null, null, null, null, false));
            }
        }
    }

    /** The slot of a whole-target rule, or -1 when the profile switched the rule off. */
    int recordSlot(String ruleId) {
        Integer s = recordSlots.get(ruleId);
        return s == null ? -1 : s;
    }

    /** The column's name as written in the file, or the profile's name when the file has none. */
    String fieldName(int column) {
        int h = fileIndex[column];
        if (header != null && h >= 0) {
            return header.get(h);
        }
        return columns[column].spec.name();
    }

    private Integer fileColumn(int column) {
        return !format.locations().numbersColumns() || fileIndex[column] < 0 ? null : fileIndex[column] + 1;
    }
}
