package chuan.synth;

import chuan.dataset.UniqueIndex;
import chuan.profile.ColumnSpec;
import chuan.profile.ColumnType;
import chuan.profile.DatasetSpec;
import chuan.profile.Profile;
import chuan.source.DataSource;
import chuan.standard.ReferenceData;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Generates test data for a dataset profile, one row at a time: every value satisfies the profile,
 * except that a chosen fraction of rows carries exactly one defect, in one cell, which the truth
 * file records with the rule that must catch it. The same seed gives the same bytes. Columns that
 * other columns agree with (birth date, gender, province, registration date) are never made
 * defective, so that a defect never shows up in a second cell.
 */
public final class Synthesizer {

    /** What was written. */
    public record Summary(long rows, long defects) {
    }

    private final Profile profile;
    private final List<ColumnSynth> columns = new ArrayList<>();
    private final int[] order;
    private final Set<Integer> agreedWith = new HashSet<>();
    /** The profile's row rules, judged on each record made (null when it has none). */
    private final chuan.dataset.RowRuleJudge rules;

    public Synthesizer(Profile profile, LocalDate asOf, ReferenceData reference) {
        this.profile = profile;
        DatasetSpec ds = profile.dataset();
        if (ds == null || ds.columns().isEmpty()) {
            throw new IllegalArgumentException("profile " + profile.id() + " declares no dataset columns to generate");
        }
        List<ColumnSpec> specs = ds.columns();
        chuan.standard.StandardsPack.SampleText text = chuan.standard.Packs.sampleText(reference).orElse(null);
        for (ColumnSpec c : specs) {
            chuan.standard.TypeSynth national = c.valueType() == null ? null
                    : chuan.standard.Packs.type(c.valueType()).flatMap(t -> t.synth(reference)).orElse(null);
            columns.add(new ColumnSynth(c, national, text, asOf, name -> indexOf(specs, name)));
        }
        // a link one column has, another column's type may follow (a name the sex its record's ID says)
        for (ColumnSpec c : specs) {
            c.links().forEach((option, target) -> {
                if (!option.equals("as-of-column")) {
                    columns.forEach(col -> col.borrowLink(option, indexOf(specs, target)));
                }
            });
        }
        for (ColumnSynth c : columns) {
            agreedWith.addAll(c.dependsOn());
        }
        this.order = dependencyOrder();
        chuan.dataset.RowRuleJudge judge = new chuan.dataset.RowRuleJudge(profile, asOf, reference);
        this.rules = judge.rules().isEmpty() ? null : judge;
    }

    private static int indexOf(List<ColumnSpec> specs, String name) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).aliasesAndName().contains(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("linked column " + name + " is not in the profile");
    }

    /** Columns in an order where every column comes after those it must agree with. */
    private int[] dependencyOrder() {
        int n = columns.size();
        int[] out = new int[n];
        boolean[] done = new boolean[n];
        int k = 0;
        while (k < n) {
            boolean progressed = false;
            for (int i = 0; i < n; i++) {
                final int self = i;
                if (!done[i] && columns.get(i).dependsOn().stream().allMatch(d -> done[d] || d == self)) {
                    done[i] = true;
                    out[k++] = i;
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalArgumentException("the profile's linked columns refer to each other in a circle");
            }
        }
        return out;
    }

    /**
     * Writes {@code rows} rows to {@code data} and one line per defect to {@code truth}
     * ({@code row,column,defect,rule}, rows counted from 1 without the header).
     */
    /** The charset synthesized data is written in: the profile's encoding where the JDK can write it, else UTF-8. */
    public static java.nio.charset.Charset charset(Profile profile) {
        String e = profile.dataset() == null ? "UTF-8" : profile.dataset().encoding();
        return switch (e) {
            case "UTF-16", "UTF-16LE" -> java.nio.charset.StandardCharsets.UTF_16LE;
            case "UTF-16BE" -> java.nio.charset.StandardCharsets.UTF_16BE;
            case "windows-1252", "ISO-8859-1" -> java.nio.charset.Charset.forName(e);
            default -> java.nio.charset.StandardCharsets.UTF_8;
        };
    }

    /**
     * Writes to {@code data} as the file name says: a workbook ({@code .xlsx}) through POI's streaming writer, which keeps
     * only a window of rows in memory, with every value a text cell holding the text a CSV would (so a scan of the
     * workbook finds what a scan of the CSV finds); any other format as text in the profile's character set.
     */
    public Summary write(long rows, double errorRate, long seed, String fileName, java.io.OutputStream data, Writer truth)
            throws IOException {
        DataSource format = profile.dataset().formatOf(fileName);
        if (!(format instanceof chuan.source.CellSource)) {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(data, charset(profile)), 1 << 16);
            Summary s = write(rows, errorRate, seed, fileName, w, truth);
            w.flush();
            return s;
        }
        if (!format.label().equals("xlsx")) {
            throw new IllegalArgumentException("cannot write " + format.label() + "; name the output .xlsx, .csv, .tsv or .ndjson");
        }
        try (WorkbookWriter book = new WorkbookWriter(data, profile.dataset().dialect().skipRows(), profile.id())) {
            Summary s = write(rows, errorRate, seed, fileName, null, truth, book);
            book.finish();
            return s;
        }
    }

    public Summary write(long rows, double errorRate, long seed, String fileName, Writer data, Writer truth) throws IOException {
        return write(rows, errorRate, seed, fileName, data, truth, null);
    }

    private Summary write(long rows, double errorRate, long seed, String fileName, Writer data, Writer truth, WorkbookWriter book)
            throws IOException {
        DataSource format = profile.dataset().formatOf(fileName);
        if (format.shape() == DataSource.Shape.JSON_ARRAY) {
            throw new IllegalArgumentException("cannot write a JSON array; name the output .ndjson, .csv, .tsv or .xlsx");
        }
        boolean asNdjson = format.shape() == DataSource.Shape.JSON_LINES;
        Random r = new Random(seed);
        int n = columns.size();
        String[] text = new String[n];
        Object[] typed = new Object[n];
        Object[] one = new Object[1];
        String[] earlier = new String[n];
        String[][] earlierRow = new String[n][]; // the row it came from, for the siblings it agrees with
        UniqueIndex[] unique = new UniqueIndex[n];
        List<int[]> candidates = new ArrayList<>(); // {column, kind}
        for (int i = 0; i < n; i++) {
            ColumnSynth c = columns.get(i);
            if (c.spec.unique()) {
                unique[i] = new UniqueIndex();
            }
            if (!agreedWith.contains(i)) {
                for (int k = 0; k < c.defectKinds().size(); k++) {
                    candidates.add(new int[] {i, k});
                }
            }
        }
        ColumnSynth.Row row = new ColumnSynth.Row() {
            public String text(int column) {
                return text[column];
            }

            public Object typed(int column) {
                return typed[column];
            }
        };
        DatasetSpec ds = profile.dataset();
        CSVPrinter csv = null;
        JsonGenerator json = null;
        if (book != null) {
            if (ds.header()) {
                book.row(columns.stream().map(c -> c.spec.name()).toArray(String[]::new));
            }
        } else if (asNdjson) {
            json = new JsonFactory().createGenerator(data);
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        } else {
            chuan.profile.CsvDialect dialect = ds.dialect();
            String newline = "CRLF".equals(dialect.lineTerminator()) ? "\r\n" : "CR".equals(dialect.lineTerminator()) ? "\r" : "\n";
            if (ds.encoding().startsWith("UTF-16")) {
                data.write('\uFEFF'); // the byte-order mark Excel writes, and readers look for
            }
            csv = new CSVPrinter(data, CSVFormat.DEFAULT.builder().setDelimiter(ds.delimiterFor(format)).setQuote(ds.quote())
                    .setRecordSeparator(newline).build());
            for (int k = 0; k < dialect.skipRows(); k++) {
                csv.printRecord("Synthesized by chuan synth from " + profile.id()); // a title row, as the profile expects
            }
            if (ds.header()) {
                for (ColumnSynth c : columns) {
                    csv.print(c.spec.name());
                }
                csv.println();
                for (int k = 1; k < dialect.headerRows(); k++) {
                    for (int c = 0; c < columns.size(); c++) {
                        csv.print(""); // lower header rows left blank: each column's joined name is its first row's
                    }
                    csv.println();
                }
            }
        }
        CSVPrinter truthCsv = new CSVPrinter(truth, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build());
        truthCsv.printRecord("row", "column", "defect", "rule");
        long defects = 0;
        List<Integer> breakable = breakableRules();
        for (long rowNo = 1; rowNo <= rows; rowNo++) {
          for (int remake = 0; ; remake++) {
            for (int i : order) {
                ColumnSynth c = columns.get(i);
                String v = null;
                for (int attempt = 0; attempt < 1000; attempt++) {
                    one[0] = null;
                    v = c.valid(r, row, one);
                    if (unique[i] == null || unique[i].add(v)) {
                        break;
                    }
                    if (attempt == 999) {
                        throw new IllegalArgumentException("column " + c.spec.name()
                                + ": cannot make more distinct values than " + (rowNo - 1) + " for a unique column");
                    }
                }
                text[i] = v;
                typed[i] = one[0];
            }
            if (rules == null || brokenRule(text, -1) < 0) {
                break;
            }
            if (remake == 1000) {
                throw new IllegalArgumentException("cannot make a record that keeps rule " + rules.rules().get(brokenRule(text, -1)).id()
                        + " in 1,000 tries: is it possible with the columns' own constraints?");
            }
          }
            if (!breakable.isEmpty() && r.nextDouble() < errorRate * breakable.size() / (breakable.size() + candidates.size())) {
                int k = breakable.get(r.nextInt(breakable.size()));
                String column = breakRule(k, r, text, typed, row, one);
                if (column != null) {
                    truthCsv.printRecord(rowNo, column, "row-rule", rules.rules().get(k).id());
                    defects++;
                    writeRow(csv, json, book, text);
                    continue;
                }
            } else if (!candidates.isEmpty() && r.nextDouble() < errorRate) {
                int[] pick = candidates.get(r.nextInt(candidates.size()));
                int i = pick[0];
                ColumnSynth.DefectKind kind = columns.get(i).defectKinds().get(pick[1]);
                if (!kind.name().equals("duplicate") || earlier[i] != null) {
                    String bad = columns.get(i).defective(kind, r, text[i], earlier[i], row);
                    // in a unique column the broken value must also be new, or it would fail twice
                    boolean mustBeNew = unique[i] != null && !bad.isEmpty() && !kind.name().equals("duplicate");
                    boolean isNew = !mustBeNew || unique[i].add(bad);
                    for (int attempt = 0; !isNew && attempt < 1000; attempt++) {
                        bad = columns.get(i).defective(kind, r, columns.get(i).valid(r, row, one), earlier[i], row);
                        isNew = unique[i].add(bad);
                    }
                    if (!isNew) {
                        // this kind of defect has one value only (the maximum plus one), already used: it would also be a repeat
                        writeRow(csv, json, book, text);
                        continue;
                    }
                    String[] clean = rules == null ? null : text.clone();
                    if (kind.name().equals("duplicate")) {
                        for (int sibling : closure(i)) {
                            text[sibling] = earlierRow[i][sibling]; // a true duplicate record of that person
                        }
                    }
                    text[i] = bad;
                    if (clean != null && brokenRule(text, -1) >= 0) {
                        // the broken cell would also break a row rule: a second finding the truth cannot name; keep the record clean
                        System.arraycopy(clean, 0, text, 0, text.length);
                        writeRow(csv, json, book, text);
                        continue;
                    }
                    int at = kind.reportedAt() >= 0 ? kind.reportedAt() : i;
                    truthCsv.printRecord(rowNo, columns.get(at).spec.name(), kind.name(), kind.rule());
                    defects++;
                    typed[i] = null;
                    writeRow(csv, json, book, text);
                    continue;
                }
            }
            for (int i = 0; i < n; i++) {
                if (unique[i] != null && r.nextInt(64) == 0) {
                    earlier[i] = text[i];
                    earlierRow[i] = text.clone();
                }
            }
            writeRow(csv, json, book, text);
        }
        if (json != null) {
            json.writeRaw('\n');
            json.flush();
        } else if (csv != null) {
            csv.flush();
        }
        truthCsv.flush();
        return new Summary(rows, defects);
    }

    /** The first rule other than {@code except} the record breaks, or -1. */
    private int brokenRule(String[] text, int except) {
        for (int k = 0; k < rules.rules().size(); k++) {
            if (k != except && rules.judge(k, text) == chuan.dataset.RowRuleJudge.Outcome.BROKEN) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The rules synth can break on purpose: a column's required-if (its cell emptied), or a rule that reads a column
     * no other column agrees with and that is not unique (its cells made again until the rule is false).
     */
    private List<Integer> breakableRules() {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; rules != null && k < rules.rules().size(); k++) {
            if (!remakeable(k).isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    private List<Integer> remakeable(int k) {
        chuan.profile.RowRuleSpec spec = rules.rules().get(k);
        List<Integer> out = new ArrayList<>();
        for (int c : spec.column() != null ? List.of(indexOf(profile.dataset().columns(), spec.column())) : rules.reads(k)) {
            ColumnSpec cs = columns.get(c).spec;
            if (!agreedWith.contains(c) && !cs.unique() && (spec.column() == null || !cs.required())) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Breaks rule {@code k} in the record, keeping every other rule and every cell's own constraints: returns the
     * field a scan reports it on, or null (the record left as it was) when 200 tries found no way.
     */
    private String breakRule(int k, Random r, String[] text, Object[] typed, ColumnSynth.Row row, Object[] one) {
        chuan.profile.RowRuleSpec spec = rules.rules().get(k);
        List<Integer> remake = remakeable(k);
        String[] kept = text.clone();
        Object[] keptTyped = typed.clone();
        for (int attempt = 0; attempt < 200; attempt++) {
            if (spec.column() != null) {
                text[remake.get(0)] = ""; // the value the condition requires, left out
            } else {
                for (int c : remake) {
                    one[0] = null;
                    text[c] = columns.get(c).valid(r, row, one);
                    typed[c] = one[0];
                }
            }
            if (rules.judge(k, text) == chuan.dataset.RowRuleJudge.Outcome.BROKEN && brokenRule(text, k) < 0) {
                if (spec.column() != null) {
                    return spec.column();
                }
                java.util.StringJoiner fields = new java.util.StringJoiner(", ");
                rules.reads(k).forEach(c -> fields.add(columns.get(c).spec.name()));
                return fields.toString();
            }
            System.arraycopy(kept, 0, text, 0, text.length);
            System.arraycopy(keptTyped, 0, typed, 0, typed.length);
            if (spec.column() != null) {
                return null; // emptying the cell is the only way; this record's condition does not require it
            }
        }
        return null;
    }

    /** The columns this one agrees with, directly or through others. */
    private Set<Integer> closure(int column) {
        Set<Integer> seen = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(columns.get(column).dependsOn());
        while (!todo.isEmpty()) {
            int c = todo.pop();
            if (c != column && seen.add(c)) {
                todo.addAll(columns.get(c).dependsOn());
            }
        }
        return seen;
    }

    private void writeRow(CSVPrinter csv, JsonGenerator json, WorkbookWriter book, String[] text) throws IOException {
        if (book != null) {
            book.row(text);
            return;
        }
        if (csv != null) {
            for (String v : text) {
                csv.print(v);
            }
            csv.println();
            return;
        }
        json.writeStartObject();
        List<String> open = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            ColumnSpec spec = columns.get(i).spec;
            String name = spec.name();
            List<String> path = name.startsWith("/") ? List.of(name.substring(1).split("/")) : List.of(name);
            int common = 0;
            while (common < open.size() && common < path.size() - 1 && open.get(common).equals(path.get(common))) {
                common++;
            }
            while (open.size() > common) {
                json.writeEndObject();
                open.remove(open.size() - 1);
            }
            for (int p = common; p < path.size() - 1; p++) {
                json.writeObjectFieldStart(path.get(p));
                open.add(path.get(p));
            }
            json.writeFieldName(path.get(path.size() - 1));
            writeValue(json, spec.type(), text[i]);
        }
        while (!open.isEmpty()) {
            json.writeEndObject();
            open.remove(open.size() - 1);
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, ColumnType type, String v) throws IOException {
        if (v.isEmpty()) {
            json.writeNull();
        } else if ((type == ColumnType.INTEGER || type == ColumnType.NUMBER) && isNumber(v)) {
            json.writeNumber(v);
        } else if (type == ColumnType.BOOLEAN && (v.equals("true") || v.equals("false"))) {
            json.writeBoolean(Boolean.parseBoolean(v));
        } else {
            json.writeString(v);
        }
    }

    private static boolean isNumber(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(c == '-' && i == 0)) {
                return false;
            }
        }
        return true;
    }
}
