package chuan.dataset;

import chuan.profile.Temporal;
import chuan.profile.TemporalFormat;

import chuan.profile.ColumnType;
import chuan.profile.HeaderNames;
import chuan.source.DataSource;
import chuan.source.DataSources;
import chuan.standard.ReferenceData;
import chuan.standard.ValueType;
import chuan.standard.Packs;
import chuan.standard.TypeDescriptor;
import chuan.standard.TypeGuess;
import chuan.standard.ValueTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drafts a dataset profile from the data itself, one that loads and passes on the file it came
 * from: how the file is written (encoding, delimiter, title rows, a header on two rows), and for
 * every column the most specific type all its values have (national types first, by their values
 * as well as their names), whether it is always filled and unique, a short list of allowed values
 * when there are few, ranges and lengths, and a pattern when every value has the same shape.
 * Structural defects found in the file are kept as info-level results, with a comment, so that
 * the draft passes until they are fixed. Reads the file in one streaming pass (or its first
 * {@code sample} records) in memory bounded whatever the number of columns or records, and writes
 * YAML with the statistics behind each choice as comments.
 */
public final class Inference {

    private static final int MAX_ENUM = 12;
    /** Distinct values tracked for all columns together; each column keeps at least enough to tell an enum. */
    private static final int DISTINCT_BUDGET = 200_000;
    /** Value hashes kept for uniqueness, all columns together (about 16 bytes each). */
    private static final long UNIQUE_BUDGET = 2_000_000;
    private static final int HEAD = 1 << 20;
    /** Boolean words a draft can rely on: Table Schema's defaults without 1 and 0 (a column of those is integer). */
    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");
    /** The generic types a column's values are tried against, in the order of preference. */
    private static final List<String> GENERIC = List.of("email", "url", "datetime", "date", "date dd/MM/yyyy", "date d/M/yyyy",
            "boolean", "integer", "number", "number 1.234,5", "number 1 234,5");
    /** Every type a column's values are tried against: the standards packs' types, then the generic ones. */
    private static final List<String> TYPES = types();

    private static List<String> types() {
        List<String> all = new ArrayList<>(Packs.types().keySet());
        all.addAll(GENERIC);
        if (all.size() > Long.SIZE) {
            throw new IllegalStateException("more types than a column's misfit bits can hold: " + all.size());
        }
        return List.copyOf(all);
    }

    /** The pack types chosen by role, in the packs' order. */
    private static List<String> byRole(TypeGuess.Role role) {
        return Packs.types().values().stream().filter(t -> t.guess().role() == role).map(TypeDescriptor::name).toList();
    }

    /** The order of preference: pack identifiers, the generic types, then names of persons. */
    private static final List<String> PREFERENCE = preference();

    private static List<String> preference() {
        List<String> p = new ArrayList<>(byRole(TypeGuess.Role.IDENTIFIER));
        p.addAll(GENERIC);
        p.addAll(byRole(TypeGuess.Role.PERSON_NAME));
        return List.copyOf(p);
    }

    /** Cells that mean "no value" in statistics exports; a column of numbers with some of them stays a column of numbers. */
    static final List<String> MISSING_MARKERS = List.of("-", "--", "..", "...", "…", "NA", "N/A", "n/a", "x", "X", "null", "NULL");
    private static final Set<String> MARKERS = Set.copyOf(MISSING_MARKERS);

    private static final int INTEGER = index("integer");
    private static final int NUMBER = index("number");
    private static final int COMMA_DOT = index("number 1.234,5");
    private static final int COMMA_SPACE = index("number 1 234,5");
    private static final int BOOLEAN = index("boolean");
    private static final int DATE = index("date");
    private static final int DATE_DD = index("date dd/MM/yyyy");
    private static final int DATE_D = index("date d/M/yyyy");
    private static final int DATETIME = index("datetime");
    private static final int EMAIL = index("email");
    private static final int URL = index("url");

    private final List<ColumnStats> columns = new ArrayList<>();
    private final ValueType[] nationalTypes;
    private final int[] nationalBits;
    private final NumberSyntax commaDot = new NumberSyntax(ColumnType.NUMBER, ',', '.', true);
    private final NumberSyntax commaSpace = new NumberSyntax(ColumnType.NUMBER, ',', ' ', true);
    private final NumberSyntax.Scan scan = new NumberSyntax.Scan();
    private final TemporalFormat ddMMyyyy = TemporalFormat.compile("dd/MM/yyyy", new StringBuilder());
    private final TemporalFormat dMyyyy = TemporalFormat.compile("d/M/yyyy", new StringBuilder());
    private final Cell cell = new Cell();
    private final LocalDate asOf;
    private long records;
    private long malformed;
    private long uniqueTracked;
    private int distinctCap = 1000;
    /** Structural findings of the file, kept at info in the draft: rule id to count. */
    private final Map<String, Long> structural = new TreeMap<>();
    private DialectSniffer.Dialect dialect;
    private final List<String> blankNames = new ArrayList<>();
    private final List<String> duplicateNames = new ArrayList<>();

    private Inference(LocalDate asOf, ReferenceData ref) {
        this.asOf = asOf;
        List<String> names = List.copyOf(Packs.types().keySet());
        nationalTypes = new ValueType[names.size()];
        nationalBits = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            nationalTypes[k] = ValueTypes.create(names.get(k), new ValueTypes.Options(null), asOf, ref);
            nationalBits[k] = index(names.get(k));
        }
    }

    /** A file name as a glob that matches just that name: its glob characters escaped. */
    static String globLiteral(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if ("*?[]{}\\,".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Reads the file and returns the drafted profile as YAML. */
    public static String draft(Path file, String id, long sample, LocalDate asOf) throws IOException {
        if (!Files.isRegularFile(file)) {
            // a FIFO would block until a writer came, a device would never end
            throw new IOException(Files.isDirectory(file) ? "is a directory" : Files.exists(file)
                    ? "is not a regular file (a device, FIFO or socket); not opened" : "no such file");
        }
        Inference inf = new Inference(asOf, ReferenceData.builtIn());
        DataSource format = DataSources.builtIn().forName(file.getFileName().toString());
        if (format instanceof chuan.source.CellSource cells) {
            inf.readCells(file, cells, sample);
        } else if (format.shape().isJson()) {
            inf.readJson(file, format, sample);
        } else {
            inf.readDelimited(file, format, sample);
        }
        return inf.yaml(file, id, format);
    }

    /** What was learnt about one column. */
    static final class ColumnStats {
        final String name;
        /** False for a column that cannot be described by its name (blank, or the name repeated). */
        final boolean described;
        long values;
        long empty;
        long markers;
        final TreeSet<String> markerValues = new TreeSet<>();
        LongHashSet unique = new LongHashSet();
        boolean uniqueUntracked;
        long repeats;
        final TreeSet<String> distinct = new TreeSet<>();
        boolean manyDistinct;
        long misfit;             // bit per TYPES entry: a value did not fit
        double minNumber = Double.MAX_VALUE;
        double maxNumber = -Double.MAX_VALUE;
        double minComma = Double.MAX_VALUE;
        double maxComma = -Double.MAX_VALUE;
        String minText;
        String maxText;
        int minLength = Integer.MAX_VALUE;
        int maxLength;
        String shape;
        boolean oneShape = true;
        boolean nonAscii;
        boolean leadingZero;
        /** The length every value has when all are digits; -2 before any value, -1 when they differ or are not all digits. */
        int digitLength = -2;

        ColumnStats(String name, boolean described) {
            this.name = name;
            this.described = described;
        }

        boolean fits(String type) {
            int bit = index(type);
            return (misfit & (1L << bit)) == 0 && values > empty + markers;
        }

        /** Whether every value is {@code n} digits. */
        boolean allDigits(int n) {
            return digitLength == -2 || digitLength == n;
        }
    }

    private static int index(String type) {
        int i = TYPES.indexOf(type);
        if (i < 0) {
            throw new IllegalArgumentException(type);
        }
        return i;
    }

    private void readDelimited(Path file, DataSource format, long sample) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (head.length == 0) {
            throw new IOException(file + ": the file is empty");
        }
        dialect = DialectSniffer.sniff(head, head.length, format.delimiter(), ReferenceData.builtIn());
        if (dialect.encoding() != null) {
            structural.put("DATA-ENCODING", 1L);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.skipNBytes(dialect.bomLength());
            InputStream in = dialect.utf16() != null ? new Utf8Stream(Utf16.reader(raw, dialect.utf16().charset()))
                    : dialect.legacy() != null ? new Utf8Stream(dialect.legacy().decode(raw)) : raw;
            char delimiter = dialect.delimiter();
            CsvChunker chunker = new CsvChunker(in, delimiter, '"', true);
            CsvChunkParser parser = new CsvChunkParser(delimiter, '"');
            for (int k = 0; k < dialect.skipRows(); k++) {
                chunker.next(1);
            }
            List<String[]> headerRows = new ArrayList<>();
            for (int r = 0; r < dialect.headerRows(); r++) {
                CsvChunker.Chunk h = chunker.next(1);
                if (h == null) {
                    break;
                }
                headerRows.add(parser.header(h));
                if (!parser.headerProblems().isEmpty()) {
                    structural.merge("DATA-QUOTE", 1L, Long::sum);
                }
            }
            if (headerRows.isEmpty()) {
                throw new IOException(file + ": the file has no header");
            }
            chunker.restartNumbering(1);
            addColumns(HeaderRows.join(headerRows, " "));
            CsvChunker.Chunk c;
            while ((c = chunker.next(Integer.MAX_VALUE)) != null && (sample == 0 || records < sample)) {
                RecordBatch b = new RecordBatch(0, c.records(), c);
                parser.parse(c, b);
                if (b.quoteProblems != null) {
                    structural.merge("DATA-QUOTE", (long) b.quoteProblems.size(), Long::sum);
                }
                for (int i = 0; i < b.size && (sample == 0 || records < sample); i++) {
                    if (b.kinds[i] == RecordBatch.BLANK) {
                        structural.merge("DATA-BLANK-ROW", 1L, Long::sum);
                        records++;
                        continue;
                    }
                    if (b.kinds[i] == RecordBatch.BAD_ENCODING) {
                        throw new IOException(file + ": record " + b.rows[i] + " is not valid " + (dialect.encoding() == null
                                ? "UTF-8" : dialect.encoding()) + " text");
                    }
                    int width = b.fields.width(i);
                    if (width != columns.size()) {
                        structural.merge("DATA-RAGGED-ROW", 1L, Long::sum);
                    }
                    records++;
                    for (int k = 0; k < Math.min(width, columns.size()); k++) {
                        observe(columns.get(k), b.fields.get(i, k, cell).toString());
                    }
                }
            }
            if (chunker.lineEnds[0] > 0 && chunker.lineEnds[1] + chunker.lineEnds[2] > 0) {
                structural.put("DATA-LINE-ENDINGS", chunker.lineEnds[1] + chunker.lineEnds[2]);
            }
        } catch (InputProblem p) {
            throw new IOException(file + ":" + p.line + ":" + p.column + ": " + p.getMessage());
        }
    }

    /**
     * A workbook: its first visible sheet with data, header found as a scan finds it, each cell as the text a scan hands
     * the checks (dates in ISO 8601, numbers in plain digits), so that the draft describes what a scan will read.
     */
    private void readCells(Path file, chuan.source.CellSource source, long sample) throws IOException {
        chuan.source.CellLayout layout = new chuan.source.CellLayout(null, 0, true, 1, " ", List.of(), false);
        try (chuan.source.CellRows rows = source.open(file, layout, chuan.model.Fingerprints.ephemeral().fileDigest())) {
            List<String> header = rows.header();
            if (header == null || header.isEmpty()) {
                throw new IOException(file + ": the workbook has no header");
            }
            addColumns(header);
            java.util.List<chuan.source.DeclaredColumn> undeclared = java.util.Collections.nCopies(header.size(),
                    chuan.source.DeclaredColumn.UNKNOWN);
            rows.bind(undeclared, new chuan.source.SourceFindings() {
                @Override
                public void found(String rule, long row, String place, int column, String value, String expected, String message) {
                    structural.merge(rule, 1L, Long::sum);
                }

                @Override
                public void more(String rule, long count) {
                    structural.merge(rule, count, Long::sum);
                }
            });
            chuan.source.CellRecord record = new chuan.source.CellRecord();
            while ((sample == 0 || records < sample) && rows.next(record)) {
                records++;
                if (record.blank) {
                    structural.merge("DATA-BLANK-ROW", 1L, Long::sum);
                    continue;
                }
                for (int k = 0; k < Math.min(record.values.length, columns.size()); k++) {
                    observe(columns.get(k), record.values[k] == null ? "" : record.values[k]);
                }
            }
        } catch (chuan.source.SourceRefused e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** The columns of the header: a blank or repeated name cannot be described by name, and is noted. */
    private void addColumns(List<String> names) {
        Set<String> seen = new HashSet<>();
        distinctCap = (int) Math.max(MAX_ENUM + 1, Math.min(1000, DISTINCT_BUDGET / Math.max(1, names.size())));
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k).strip();
            boolean described = !name.isEmpty() && seen.add(HeaderNames.normalise(name));
            if (name.isEmpty()) {
                blankNames.add("column " + (k + 1));
                structural.merge("DATA-HEADER-BLANK", 1L, Long::sum);
            } else if (!described) {
                duplicateNames.add(name);
                structural.merge("DATA-HEADER-DUPLICATE", 1L, Long::sum);
            }
            columns.add(new ColumnStats(name, described));
        }
    }

    private void readJson(Path file, DataSource format, long sample) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        if (format.shape() == DataSource.Shape.JSON_LINES) {
            try (var lines = Files.lines(file)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (sample != 0 && records >= sample) {
                        break;
                    }
                    if (!line.isBlank()) {
                        try {
                            observeJson(mapper.readTree(line));
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            malformed++;
                        }
                    }
                }
            }
        } else {
            try (var parser = mapper.getFactory().createParser(file.toFile())) {
                if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    throw new IOException(file + ": a JSON dataset is an array of records");
                }
                while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT && (sample == 0 || records < sample)) {
                    observeJson(parser.readValueAsTree());
                }
            }
        }
        if (malformed > 0) {
            structural.put("DATA-JSON-SYNTAX", malformed);
        }
    }

    private void observeJson(com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null || !node.isObject()) {
            return;
        }
        records++;
        Map<String, ColumnStats> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name, c));
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!byName.containsKey(f)) {
                ColumnStats c = new ColumnStats(f, true);
                c.empty = records - 1; // absent from the records before
                c.values = records - 1;
                columns.add(c);
                byName.put(f, c);
            }
        }
        for (ColumnStats c : columns) {
            var v = node.get(c.name);
            observe(c, v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
        }
    }

    private void observe(ColumnStats c, String v) {
        c.values++;
        if (v.isEmpty()) {
            c.empty++;
            return;
        }
        trackUnique(c, v);
        if (!c.manyDistinct) {
            c.distinct.add(v);
            if (c.distinct.size() > distinctCap) {
                c.manyDistinct = true;
                c.distinct.clear();
            }
        }
        int len = v.codePointCount(0, v.length());
        c.minLength = Math.min(c.minLength, len);
        c.maxLength = Math.max(c.maxLength, len);
        if (MARKERS.contains(v)) {
            c.markers++;
            c.markerValues.add(v);
            c.oneShape = false;
            return;
        }
        c.leadingZero |= v.length() > 1 && v.charAt(0) == '0' && Character.isDigit(v.charAt(1));
        int digits = !v.isEmpty() && v.chars().allMatch(Character::isDigit) ? v.length() : -1;
        c.digitLength = c.digitLength == -2 || c.digitLength == digits ? digits : -1;
        for (int i = 0; i < v.length() && !c.nonAscii; i++) {
            c.nonAscii = v.charAt(i) >= 0x80;
        }
        Cell t = cell.text(v);
        // each type is tried only while every earlier value had it: a column soon costs one or two checks a value
        if (open(c, INTEGER)) {
            misfit(c, INTEGER, !CompiledColumn.isInteger(v));
        }
        if (open(c, NUMBER)) {
            boolean number = CompiledColumn.isNumber(v);
            misfit(c, NUMBER, !number);
            if (number) {
                double d = Double.parseDouble(v);
                c.minNumber = Math.min(c.minNumber, d);
                c.maxNumber = Math.max(c.maxNumber, d);
            }
        }
        if (open(c, COMMA_DOT)) {
            boolean commaDotNumber = commaDot.scan(t, scan);
            misfit(c, COMMA_DOT, !commaDotNumber);
            if (commaDotNumber) {
                double d = commaDot.value(t, scan);
                c.minComma = Math.min(c.minComma, d);
                c.maxComma = Math.max(c.maxComma, d);
            }
        }
        if (open(c, COMMA_SPACE)) {
            misfit(c, COMMA_SPACE, !commaSpace.scan(t, scan));
        }
        if (open(c, BOOLEAN)) {
            misfit(c, BOOLEAN, !BOOLEAN_WORDS.contains(v));
        }
        if (open(c, DATE)) {
            misfit(c, DATE, Temporal.isoDate(v) == Temporal.INVALID);
        }
        if (open(c, DATE_DD)) {
            misfit(c, DATE_DD, ddMMyyyy.parse(v) == Temporal.INVALID);
        }
        if (open(c, DATE_D)) {
            misfit(c, DATE_D, dMyyyy.parse(v) == Temporal.INVALID);
        }
        if (open(c, DATETIME)) {
            misfit(c, DATETIME, Temporal.isoDateTime(v) == Temporal.INVALID);
        }
        if (open(c, EMAIL)) {
            misfit(c, EMAIL, !CompiledColumn.isEmail(t));
        }
        if (open(c, URL)) {
            misfit(c, URL, !CompiledColumn.isUrl(t));
        }
        for (int k = 0; k < nationalTypes.length; k++) {
            if (open(c, nationalBits[k])) {
                misfit(c, nationalBits[k], nationalTypes[k].check(v, Long.MIN_VALUE) != ValueType.OK);
            }
        }
        if (c.minText == null || v.compareTo(c.minText) < 0) {
            c.minText = v;
        }
        if (c.maxText == null || v.compareTo(c.maxText) > 0) {
            c.maxText = v;
        }
        if (c.oneShape) {
            String shape = shape(v);
            if (shape == null) {
                c.oneShape = false; // free text
            } else if (c.shape == null) {
                c.shape = shape;
            } else if (!c.shape.equals(shape)) {
                c.oneShape = false;
            }
        }
    }

    /** Remembers the value's hash while the column may still be unique and the budget allows. */
    private void trackUnique(ColumnStats c, String v) {
        if (c.unique == null) {
            return;
        }
        if (!c.unique.add(hash(v))) {
            c.repeats++;
            uniqueTracked -= c.unique.size();
            c.unique = null; // a repeat settles it: not unique
            return;
        }
        if (++uniqueTracked > UNIQUE_BUDGET) {
            uniqueTracked -= c.unique.size();
            c.unique = null;
            c.uniqueUntracked = true;
        }
    }

    /** A 64-bit hash of the value's characters; a collision can only make a unique column look not unique. */
    static long hash(String v) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < v.length(); i++) {
            h ^= v.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private static boolean open(ColumnStats c, int bit) {
        return (c.misfit & (1L << bit)) == 0;
    }

    private static void misfit(ColumnStats c, int bit, boolean misfit) {
        if (misfit) {
            c.misfit |= 1L << bit;
        }
    }

    /** A value's shape as an anchored pattern: runs of digits, upper and lower ASCII letters, literals. */
    static String shape(String v) {
        StringBuilder sb = new StringBuilder("^");
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            String cls = c >= '0' && c <= '9' ? "[0-9]" : c >= 'A' && c <= 'Z' ? "[A-Z]" : c >= 'a' && c <= 'z' ? "[a-z]" : null;
            if (cls == null) {
                if (c >= 0x80 || Character.isWhitespace(c) || Character.isISOControl(c)) {
                    return null; // free text has no useful shape
                }
                sb.append("\\.-+*?()[]{}|^$/\\\\".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
                i++;
                continue;
            }
            int j = i;
            while (j < v.length() && same(cls, v.charAt(j))) {
                j++;
            }
            sb.append(cls).append('{').append(j - i).append('}');
            i = j;
        }
        return sb.append('$').toString();
    }

    private static boolean same(String cls, char c) {
        return switch (cls) {
            case "[0-9]" -> c >= '0' && c <= '9';
            case "[A-Z]" -> c >= 'A' && c <= 'Z';
            default -> c >= 'a' && c <= 'z';
        };
    }

    private String yaml(Path file, String id, DataSource format) {
        StringBuilder y = new StringBuilder();
        y.append("# Drafted by `chuan infer` from ").append(comment(file.getFileName().toString())).append(" (").append(records)
                .append(" records). Review every choice before relying on it.\n");
        y.append("profile: ").append(id).append('\n');
        y.append("version: 0.1.0\n");
        y.append("title: ").append(quote("Drafted profile for " + file.getFileName())).append('\n');
        y.append("kind: dataset\n");
        rules(y);
        y.append("applies-to: [").append(quote("**/" + globLiteral(file.getFileName().toString()))).append("]\n");
        y.append("dataset:\n");
        // a delimited file not split by its format's own delimiter (a .tsv file that is not tab-separated) is
        // drafted as the fallback, CSV, with its own delimiter
        boolean notOwn = dialect != null && format.shape() == DataSource.Shape.DELIMITED && dialect.delimiter() != format.delimiter();
        DataSource drafted = notOwn ? DataSources.builtIn().fallback() : format;
        y.append("  format: ").append(drafted.label()).append('\n');
        if (dialect != null) {
            if (dialect.encoding() != null) {
                y.append("  encoding: ").append(dialect.encoding()).append("   # the file is not UTF-8\n");
            }
            char expected = drafted.delimiter();
            if (dialect.delimiter() != expected) {
                y.append("  delimiter: ").append(quote(String.valueOf(dialect.delimiter()))).append('\n');
            }
            if (dialect.skipRows() > 0) {
                y.append("  skip-rows: ").append(dialect.skipRows()).append("   # title rows above the header\n");
            }
            if (dialect.headerRows() > 1) {
                y.append("  header-rows: ").append(dialect.headerRows()).append("   # names joined: a group over its sub-columns\n");
            }
        }
        for (String b : blankNames) {
            y.append("  # ").append(b).append(" has no name: it is not described; name it in the file\n");
        }
        for (String d : duplicateNames) {
            y.append("  # a second column is named ").append(comment(d)).append(": only the first is described\n");
        }
        y.append("  columns:\n");
        List<String> completeness = new ArrayList<>();
        for (ColumnStats c : columns) {
            if (!c.described) {
                continue;
            }
            column(y, c, completeness);
        }
        if (!completeness.isEmpty() || records > 0) {
            y.append("  checks:\n");
            y.append("    - metric: row-count\n      fail: \"< 1\"\n");
            for (String cc : completeness) {
                String[] p = cc.split("\u0000");
                double observed = Double.parseDouble(p[1]);
                double warn = Math.floor(observed * 100) / 100 - 0.05;
                if (warn > 0) {
                    y.append("    # ").append(comment(p[0])).append(" is ")
                            .append(String.format(Locale.ROOT, "%.1f", observed * 100)).append("% filled\n");
                    y.append("    - metric: completeness\n      column: ").append(quote(p[0])).append("\n      warn: \"< ")
                            .append(String.format(Locale.ROOT, "%.2f", warn)).append("\"\n");
                }
            }
        }
        return y.toString();
    }

    /** Structural defects of the file, kept at info so that the draft passes on it, each with why. */
    private void rules(StringBuilder y) {
        Map<String, String> why = Map.of(
                "DATA-ENCODING", "the file is in " + (dialect == null || dialect.encoding() == null ? "another encoding"
                        : dialect.encoding()) + ", not UTF-8",
                "DATA-JSON-SYNTAX", " records are not well-formed JSON",
                "DATA-BLANK-ROW", " records are blank",
                "DATA-RAGGED-ROW", " records do not have the header's number of fields",
                "DATA-QUOTE", " fields are quoted wrongly",
                "DATA-HEADER-BLANK", " header columns have no name",
                "DATA-HEADER-DUPLICATE", " header names are used twice",
                "DATA-LINE-ENDINGS", " lines end differently from the others");
        List<String> kept = new ArrayList<>();
        for (var e : structural.entrySet()) {
            if (e.getKey().equals("DATA-LINE-ENDINGS")) {
                continue; // info already
            }
            String w = why.getOrDefault(e.getKey(), " findings of " + e.getKey() + " ("
                    + chuan.rules.RuleCatalog.builtIn().get(e.getKey()).title().toLowerCase(Locale.ROOT) + ")");
            y.append("# ").append(w.startsWith(" ") ? e.getValue() + w : w).append(": reported as info so that this draft\n")
                    .append("# passes on the file as it is; raise the severity again once the file is fixed.\n");
            kept.add(e.getKey());
        }
        if (!kept.isEmpty()) {
            y.append("rules:\n");
            for (String k : kept) {
                y.append("  ").append(k).append(": {severity: info}\n");
            }
        }
    }

    private void column(StringBuilder y, ColumnStats c, List<String> completeness) {
        long filled = c.values - c.empty - c.markers;
        long distinct = c.manyDistinct ? -1 : c.distinct.size();
        y.append("    # ").append(c.values).append(" values, ").append(c.empty).append(" empty, ");
        if (c.markers > 0) {
            y.append(c.markers).append(" marked missing (").append(comment(String.join(" ", c.markerValues))).append("), ");
        }
        y.append(c.uniqueUntracked ? "uniqueness not tracked (too many values for the memory budget)"
                : c.repeats == 0 ? "all distinct"
                : distinct >= 0 ? distinct + " distinct" : "over " + distinctCap + " distinct");
        String type = type(c);
        boolean fewValues = distinct > 0 && distinct <= MAX_ENUM && c.repeats > 0 && c.values - c.empty >= 3 * distinct;
        if (fewValues && (type == null || byRole(TypeGuess.Role.TEXT).contains(type))) {
            type = null; // a short list of values says more than "text"
        }
        y.append("; type: ").append(type == null ? "text" : type).append('\n');
        y.append("    - name: ").append(quote(c.name)).append('\n');
        boolean markersAreMissing = c.markers > 0 && type != null;
        if (type != null) {
            switch (type) {
                case "date dd/MM/yyyy" -> y.append("      type: date\n      format: dd/MM/yyyy\n");
                case "date d/M/yyyy" -> y.append("      type: date\n      format: d/M/yyyy\n");
                case "number 1.234,5" -> y.append("      type: number\n      decimal-char: \",\"\n      group-char: \".\"\n");
                case "number 1 234,5" -> y.append("      type: number\n      decimal-char: \",\"\n      group-char: \" \"\n");
                default -> y.append("      type: ").append(type).append('\n');
            }
        }
        if (markersAreMissing) {
            y.append("      missing-values: [\"\", ").append(String.join(", ", c.markerValues.stream().map(Inference::quote).toList()))
                    .append("]\n");
        }
        if (c.empty == 0 && c.markers == 0 && c.values > 0) {
            y.append("      required: true\n");
        } else if (filled > 0) {
            completeness.add(c.name + "\u0000" + (double) filled / c.values);
        }
        if (c.repeats == 0 && !c.uniqueUntracked && filled > 1 && c.markers == 0 && identifierLike(type)) {
            y.append("      unique: true\n");
        }
        boolean numeric = "integer".equals(type) || "number".equals(type);
        if (numeric && filled > 0) {
            y.append("      min: ").append(number(c.minNumber, type)).append('\n');
            y.append("      max: ").append(number(c.maxNumber, type)).append('\n');
        } else if (type != null && type.startsWith("number ") && filled > 0) {
            y.append("      min: ").append(number(c.minComma, "number")).append('\n');
            y.append("      max: ").append(number(c.maxComma, "number")).append('\n');
        } else if ("date".equals(type) && filled > 0) {
            y.append("      min: ").append(c.minText).append('\n');
            boolean future = c.maxText.compareTo(asOf.toString()) > 0;
            y.append("      max: ").append(future ? c.maxText + "   # the data has dates after today; check them" : "today")
                    .append('\n');
        } else if (type == null && fewValues) {
            y.append("      enum: [").append(String.join(", ", c.distinct.stream().map(Inference::quote).toList())).append("]\n");
        } else if (type == null && c.values > c.empty) {
            if (c.oneShape && c.shape != null) {
                y.append("      pattern: ").append(quote(c.shape)).append('\n');
            }
            y.append("      max-length: ").append(Math.max(c.maxLength, 1)).append('\n');
        }
    }

    /** Whether values of this type can identify records: measurements (numbers, dates, booleans) that happen to differ do not. */
    private static boolean identifierLike(String type) {
        return type == null || !(type.startsWith("number") || type.startsWith("date") || type.equals("boolean"));
    }

    /** The most specific type every value has, national types first; null for plain text. */
    private static String type(ColumnStats c) {
        if (c.values == c.empty + c.markers) {
            return null;
        }
        String code = code(c);
        for (String t : PREFERENCE) {
            if (c.fits(t)) {
                if ((t.startsWith("integer") || t.startsWith("number")) && (c.leadingZero || code != null)) {
                    return code; // leading zeros, or the values of a national code list: a code, not a number
                }
                TypeDescriptor pack = Packs.type(t).orElse(null);
                if (pack != null && pack.guess().role() == TypeGuess.Role.PERSON_NAME && !pack.guess().nameHint().test(c.name)) {
                    continue;
                }
                if (t.equals("boolean") && c.markers > 0) {
                    continue;
                }
                return t;
            }
        }
        if (code != null) {
            return code;
        }
        for (String t : byRole(TypeGuess.Role.TEXT)) {
            if (c.nonAscii && c.fits(t)) {
                return t;
            }
        }
        return null;
    }

    /**
     * A pack's code-list type, when every value is one and the column's name says so or its values
     * do: many distinct codes all of the list's length (the 3,321 communes of 2025 are five digits
     * each; province codes are two, with leading zeros).
     */
    private static String code(ColumnStats c) {
        long distinct = c.manyDistinct ? Long.MAX_VALUE : c.distinct.size();
        for (String t : byRole(TypeGuess.Role.CODE)) {
            TypeGuess g = Packs.types().get(t).guess();
            boolean shaped = c.allDigits(g.codeLength()) && (!g.leadingZero() || c.leadingZero) && distinct >= 10;
            if (c.fits(t) && (g.nameHint().test(c.name) || shaped)) {
                return t;
            }
        }
        return null;
    }

    private static String number(double d, String type) {
        if ("integer".equals(type)) {
            return String.valueOf((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A YAML double-quoted scalar: backslashes, quotes, line breaks and other control characters escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Text for a YAML comment: on one line. */
    static String comment(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return sb.toString();
    }

    /** Open-addressing set of 64-bit hashes, starting small: one per column of files of any width. */
    static final class LongHashSet {
        private long[] table = new long[8];
        private int size;
        private boolean hasZero;

        boolean add(long key) {
            if (key == 0) {
                boolean added = !hasZero;
                hasZero = true;
                size += added ? 1 : 0;
                return added;
            }
            if ((size + 1) * 2 > table.length) {
                grow();
            }
            int mask = table.length - 1;
            int i = (int) key & mask;
            while (table[i] != 0) {
                if (table[i] == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = key;
            size++;
            return true;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length - 1;
            for (long k : old) {
                if (k != 0) {
                    int i = (int) k & mask;
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = k;
                }
            }
        }
    }
}
