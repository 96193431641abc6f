package chuan.dataset;

import chuan.profile.DataFormat;
import chuan.standard.ReferenceData;
import chuan.standard.ValueType;
import chuan.standard.ValueTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Drafts a dataset profile from the data itself: for every column, the most specific type that all
 * its values have (national types first), whether it is always filled and unique, a short list of
 * allowed values when there are few, ranges and lengths, and a pattern when every value has the
 * same shape. Reads the file in one streaming pass (or its first {@code sample} records), and
 * writes YAML with the statistics behind each choice as comments.
 */
public final class Inference {

    private static final int MAX_ENUM = 12;
    private static final int MAX_DISTINCT_TRACKED = 1000;
    private static final List<String> NATIONAL = List.of("vn.personal-id", "vn.tax-code", "vn.phone", "vn.cmnd");

    /** What was learnt about one column. */
    static final class ColumnStats {
        final String name;
        long values;
        long empty;
        final UniqueIndex unique = new UniqueIndex();
        long repeats;
        final TreeSet<String> distinct = new TreeSet<>();
        boolean manyDistinct;
        final Map<String, Boolean> fits = new LinkedHashMap<>();
        double minNumber = Double.MAX_VALUE;
        double maxNumber = -Double.MAX_VALUE;
        String minText;
        String maxText;
        int minLength = Integer.MAX_VALUE;
        int maxLength;
        String shape;
        boolean oneShape = true;
        boolean nonAscii;
        boolean leadingZero;

        ColumnStats(String name) {
            this.name = name;
        }
    }

    private final List<ColumnStats> columns = new ArrayList<>();
    private final Map<String, ValueType> national = new LinkedHashMap<>();
    private long records;
    private long malformed;

    private Inference(LocalDate asOf, ReferenceData ref) {
        for (String t : NATIONAL) {
            national.put(t, ValueTypes.create(t, new ValueTypes.Options(null), asOf, ref));
        }
        national.put("vn.person-name", ValueTypes.create("vn.person-name", new ValueTypes.Options(null), asOf, ref));
        national.put("vn.text", ValueTypes.create("vn.text", new ValueTypes.Options(null), asOf, ref));
        national.put("vn.province-code", ValueTypes.create("vn.province-code", new ValueTypes.Options(null), asOf, ref));
        national.put("vn.commune-code", ValueTypes.create("vn.commune-code", new ValueTypes.Options(null), asOf, ref));
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
        DataFormat format = DataFormat.fromFileName(file.getFileName().toString()).orElse(DataFormat.CSV);
        if (format.isJson()) {
            inf.readJson(file, format, sample);
        } else {
            inf.readDelimited(file, format == DataFormat.TSV ? '\t' : ',', sample);
        }
        return inf.yaml(file, id, format);
    }

    private void readDelimited(Path file, char delimiter, long sample) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
            CsvChunker chunker = new CsvChunker(in, delimiter, '"', true);
            CsvChunkParser parser = new CsvChunkParser(delimiter, '"');
            CsvChunker.Chunk h = chunker.next(1);
            if (h == null) {
                throw new IOException(file + ": the file is empty");
            }
            for (String name : parser.header(h)) {
                columns.add(new ColumnStats(name.strip()));
            }
            Cell cell = new Cell();
            CsvChunker.Chunk c;
            while ((c = chunker.next(Integer.MAX_VALUE)) != null && (sample == 0 || records < sample)) {
                RecordBatch b = new RecordBatch(0, c.records(), c);
                parser.parse(c, b);
                for (int i = 0; i < b.size && (sample == 0 || records < sample); i++) {
                    if (b.kinds[i] != RecordBatch.OK || b.fields.width(i) != columns.size()) {
                        continue;
                    }
                    records++;
                    for (int k = 0; k < columns.size(); k++) {
                        observe(columns.get(k), b.fields.get(i, k, cell).toString());
                    }
                }
            }
        } catch (InputProblem p) {
            throw new IOException(file + ":" + p.line + ":" + p.column + ": " + p.getMessage());
        }
    }

    private void readJson(Path file, DataFormat format, long sample) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        if (format == DataFormat.NDJSON) {
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
                ColumnStats c = new ColumnStats(f);
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
        if (!c.unique.add(v)) {
            c.repeats++;
        }
        if (!c.manyDistinct) {
            c.distinct.add(v);
            if (c.distinct.size() > MAX_DISTINCT_TRACKED) {
                c.manyDistinct = true;
                c.distinct.clear();
            }
        }
        c.leadingZero |= v.length() > 1 && v.charAt(0) == '0' && Character.isDigit(v.charAt(1));
        int len = v.codePointCount(0, v.length());
        c.minLength = Math.min(c.minLength, len);
        c.maxLength = Math.max(c.maxLength, len);
        for (int i = 0; i < v.length() && !c.nonAscii; i++) {
            c.nonAscii = v.charAt(i) >= 0x80;
        }
        Cell cell = new Cell().text(v);
        fit(c, "integer", CompiledColumn.isInteger(v));
        fit(c, "number", CompiledColumn.isNumber(v));
        fit(c, "boolean", CompiledColumn.isBoolean(v));
        fit(c, "date", Temporal.isoDate(v) != Temporal.INVALID);
        fit(c, "date dd/MM/yyyy", TemporalFormat.compile("dd/MM/yyyy", new StringBuilder()).parse(v) != Temporal.INVALID);
        fit(c, "datetime", Temporal.isoDateTime(v) != Temporal.INVALID);
        fit(c, "email", CompiledColumn.isEmail(cell));
        fit(c, "url", CompiledColumn.isUrl(cell));
        for (var e : national.entrySet()) {
            fit(c, e.getKey(), e.getValue().check(v, Long.MIN_VALUE) == ValueType.OK);
        }
        if (c.fits.getOrDefault("integer", true) || c.fits.getOrDefault("number", true)) {
            if (CompiledColumn.isNumber(v)) {
                double d = Double.parseDouble(v);
                c.minNumber = Math.min(c.minNumber, d);
                c.maxNumber = Math.max(c.maxNumber, d);
            }
        }
        if (c.minText == null || v.compareTo(c.minText) < 0) {
            c.minText = v;
        }
        if (c.maxText == null || v.compareTo(c.maxText) > 0) {
            c.maxText = v;
        }
        String shape = shape(v);
        if (c.shape == null) {
            c.shape = shape;
        } else if (!c.shape.equals(shape)) {
            c.oneShape = false;
        }
    }

    private static void fit(ColumnStats c, String type, boolean ok) {
        if (!ok) {
            c.fits.put(type, false);
        } else {
            c.fits.putIfAbsent(type, true);
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
                if (c >= 0x80 || Character.isWhitespace(c)) {
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

    private String yaml(Path file, String id, DataFormat format) {
        StringBuilder y = new StringBuilder();
        y.append("# Drafted by `chuan infer` from ").append(chuan.report.Inert.text(file.getFileName().toString()))
                .append(" (").append(records).append(" records). Review every choice before relying on it.\n");
        y.append("profile: ").append(id).append('\n');
        y.append("version: 0.1.0\n");
        y.append("title: ").append(quote("Drafted profile for " + file.getFileName())).append('\n');
        y.append("kind: dataset\n");
        if (malformed > 0) {
            y.append("# ").append(malformed).append(" records are not well-formed JSON. They are reported as info so that this\n")
                    .append("# draft passes on the file as it is; raise the severity again once they are fixed.\n");
            y.append("rules:\n  DATA-JSON-SYNTAX: {severity: info}\n");
        }
        y.append("applies-to: [").append(quote("**/" + globLiteral(file.getFileName().toString()))).append("]\n");
        y.append("dataset:\n");
        y.append("  format: ").append(format.label()).append('\n');
        y.append("  columns:\n");
        List<String> completeness = new ArrayList<>();
        for (ColumnStats c : columns) {
            long filled = c.values - c.empty;
            long distinct = c.manyDistinct ? -1 : c.distinct.size();
            y.append("    # ").append(c.values).append(" values, ").append(c.empty).append(" empty, ")
                    .append(c.repeats == 0 ? "all distinct" : (distinct >= 0 ? distinct + " distinct" : "over " + MAX_DISTINCT_TRACKED + " distinct"));
            String type = type(c);
            boolean fewValues = distinct > 0 && distinct <= MAX_ENUM && c.repeats > 0 && filled >= 3 * distinct;
            if (fewValues && (type == null || "vn.text".equals(type))) {
                type = null; // a short list of values says more than "text"
            }
            y.append("; type: ").append(type == null ? "text" : type).append('\n');
            y.append("    - name: ").append(quote(c.name)).append('\n');
            if (type != null && !type.startsWith("date dd")) {
                y.append("      type: ").append(type).append('\n');
            } else if (type != null) {
                y.append("      type: date\n      format: dd/MM/yyyy\n");
            }
            if (c.empty == 0 && c.values > 0) {
                y.append("      required: true\n");
            } else if (filled > 0) {
                completeness.add(c.name + "\u0000" + (double) filled / c.values);
            }
            if (c.repeats == 0 && filled > 1) {
                y.append("      unique: true\n");
            }
            boolean numeric = "integer".equals(type) || "number".equals(type);
            if (numeric && filled > 0) {
                y.append("      min: ").append(number(c.minNumber, type)).append('\n');
                y.append("      max: ").append(number(c.maxNumber, type)).append('\n');
            } else if ("date".equals(type) && filled > 0) {
                y.append("      min: ").append(c.minText).append('\n');
                boolean future = c.maxText.compareTo(LocalDate.now().toString()) > 0;
                y.append("      max: ").append(future ? c.maxText + "   # the data has dates after today; check them" : "today")
                        .append('\n');
            } else if (type == null && fewValues) {
                y.append("      enum: [").append(String.join(", ", c.distinct.stream().map(Inference::quote).toList())).append("]\n");
            } else if (type == null && filled > 0) {
                if (c.oneShape && c.shape != null) {
                    y.append("      pattern: ").append(quote(c.shape)).append('\n');
                }
                y.append("      max-length: ").append(Math.max(c.maxLength, 1)).append('\n');
            }
        }
        if (!completeness.isEmpty() || records > 0) {
            y.append("  checks:\n");
            y.append("    - metric: row-count\n      fail: \"< 1\"\n");
            for (String cc : completeness) {
                String[] p = cc.split("\u0000");
                double observed = Double.parseDouble(p[1]);
                double warn = Math.floor(observed * 100) / 100 - 0.05;
                if (warn > 0) {
                    y.append("    # ").append(p[0]).append(" is ").append(String.format(Locale.ROOT, "%.1f", observed * 100))
                            .append("% filled\n");
                    y.append("    - metric: completeness\n      column: ").append(quote(p[0])).append("\n      warn: \"< ")
                            .append(String.format(Locale.ROOT, "%.2f", warn)).append("\"\n");
                }
            }
        }
        return y.toString();
    }

    /** The most specific type every value has, national types first; null for plain text. */
    private static String type(ColumnStats c) {
        if (c.values == c.empty) {
            return null;
        }
        for (String t : List.of("vn.personal-id", "vn.tax-code", "vn.phone", "email", "url", "datetime", "date",
                "date dd/MM/yyyy", "boolean", "integer", "number", "vn.person-name")) {
            if (Boolean.TRUE.equals(c.fits.get(t))) {
                String code = code(c);
                if ((t.equals("integer") || t.equals("number")) && c.leadingZero) {
                    return code; // leading zeros: a code, not a number
                }
                if (t.equals("vn.person-name") && !nameLike(c.name)) {
                    continue;
                }
                if (t.equals("integer") && code != null) {
                    return code;
                }
                return t;
            }
        }
        return c.nonAscii && Boolean.TRUE.equals(c.fits.get("vn.text")) ? "vn.text" : null;
    }

    /** A province or commune code type, when every value is one and the column's name says so. */
    private static String code(ColumnStats c) {
        if (Boolean.TRUE.equals(c.fits.get("vn.province-code")) && provinceLike(c.name)) {
            return "vn.province-code";
        }
        if (Boolean.TRUE.equals(c.fits.get("vn.commune-code")) && communeLike(c.name)) {
            return "vn.commune-code";
        }
        return null;
    }

    /** A column name that says "commune code" (commune_code, ma_xa, Mã phường/xã). */
    private static boolean communeLike(String column) {
        String f = chuan.standard.PersonalData.fold(column);
        return f.contains("commune") || f.contains("ward") || f.equals("ma_xa") || f.equals("ma_phuong_xa") || f.equals("xa");
    }

    /** A column name that says "person's name" (ho_ten, full_name, Họ và tên, ...). */
    private static boolean nameLike(String column) {
        String f = chuan.standard.PersonalData.fold(column);
        return f.equals("name") || f.endsWith("_name") || f.startsWith("ho_ten") || f.equals("ho_va_ten") || f.equals("ten")
                || f.equals("representative") || f.equals("nguoi_dai_dien");
    }

    /** A column name that says "province code" (province_code, ma_tinh, Mã tỉnh). */
    private static boolean provinceLike(String column) {
        String f = chuan.standard.PersonalData.fold(column);
        return f.contains("province") || f.equals("ma_tinh") || f.equals("tinh");
    }

    private static String number(double d, String type) {
        return "integer".equals(type) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A YAML double-quoted scalar; Inert's escapes are YAML's own, so a control character in a name stays that character. */
    private static String quote(String s) {
        return "\"" + chuan.report.Inert.text(s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }
}
