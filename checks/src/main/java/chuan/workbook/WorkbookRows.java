package chuan.workbook;

import chuan.profile.HeaderNames;
import chuan.source.CellLayout;
import chuan.source.CellRecord;
import chuan.source.CellRows;
import chuan.source.DeclaredColumn;
import chuan.source.RecordPlace;
import chuan.source.SourceFindings;
import chuan.source.SourceRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;

/**
 * A workbook's records: the sheets to read are chosen (the one the profile names, else every visible sheet whose
 * header holds the profile's columns), each sheet's header found, and its rows turned into records in header order,
 * each cell's stored value judged against how the profile declares its column (a number where text was declared,
 * a text date among real dates, an error value) and handed to the checks as the text it stands for. Rows with
 * formatting but no value after the data are not records.
 */
public final class WorkbookRows implements CellRows {

    private final WorkbookFile book;
    private final CellLayout layout;
    private final Path file;
    private final Mac mac;
    private final long bytes;
    private final List<Chosen> chosen = new ArrayList<>();
    private final List<SheetInfo> hiddenWithData = new ArrayList<>();
    private List<String> header;
    private DeclaredColumn[] declared;
    private CellText text;
    private SourceFindings findings;
    private int current = -1;
    private SheetReader reader;
    private final StoredRow row = new StoredRow();
    private boolean held;
    private int lastRecordRow;
    private int blankNext;
    private int blanksLeft;
    private int emptyFormatted;
    private int firstEmptyFormatted = -1;
    private BitSet reportedHiddenColumns = new BitSet();
    /** The sheet being read: per header column of the records, its sheet column. */
    private int[] fromHeader;
    private long record;

    /** A sheet to read: its header's place and, per sheet column, the header column it fills (-1: none). */
    private record Chosen(SheetInfo sheet, String reference, int headerRow, int lastHeaderRow, int firstColumn, int[] toHeader,
                          List<String> names) {

        /** Per header column of the records, the sheet column holding it (-1: none in this sheet). */
        int[] fromHeader(int width) {
            int[] from = new int[width];
            java.util.Arrays.fill(from, -1);
            for (int col = 0; col < toHeader.length; col++) {
                if (toHeader[col] >= 0 && toHeader[col] < width) {
                    from[toHeader[col]] = col;
                }
            }
            return from;
        }
    }

    public WorkbookRows(WorkbookFile book, CellLayout layout, Path file, Mac mac) throws IOException {
        this.book = book;
        this.layout = layout;
        this.file = file;
        this.mac = mac;
        this.bytes = Files.size(file);
    }

    @Override
    public List<String> header() throws IOException, SourceRefused {
        List<SheetInfo> candidates = candidates();
        Chosen first = null;
        int best = 0;
        List<Chosen> found = new ArrayList<>();
        for (SheetInfo s : candidates) {
            Chosen c = readHeader(s);
            if (c == null) {
                continue;
            }
            found.add(c);
        }
        if (layout.sheet() != null || layout.columnNames().isEmpty()) {
            // a named sheet is read whatever its header; without columns to recognise, the first sheet with data is
            if (!found.isEmpty()) {
                chosen.add(found.get(0));
            }
        } else {
            for (Chosen c : found) {
                best = Math.max(best, bound(c.names()));
            }
            int needed = Math.max(1, (layout.columnNames().size() + 1) / 2);
            for (Chosen c : found) {
                if (bound(c.names()) >= needed) {
                    chosen.add(c);
                }
            }
            if (chosen.isEmpty() && !found.isEmpty()) {
                // no sheet holds the profile's columns: read the first, whose header findings then say what is missing
                Chosen c = found.get(0);
                for (Chosen f : found) {
                    if (bound(f.names()) == best) {
                        c = f;
                        break;
                    }
                }
                chosen.add(c);
            }
        }
        if (!chosen.isEmpty()) {
            first = chosen.get(0);
            header = layout.header() ? first.names() : null;
            for (int i = 1; i < chosen.size(); i++) {
                chosen.set(i, alignedTo(chosen.get(i), first));
            }
        }
        for (SheetInfo s : book.sheets()) {
            if (s.hidden() && chosen.stream().noneMatch(c -> c.sheet().equals(s)) && holdsData(s)) {
                hiddenWithData.add(s);
            }
        }
        if (first == null) {
            throw new SourceRefused("the workbook has no sheet with data" + (layout.sheet() != null ? " in sheet " + layout.sheet() : ""));
        }
        return header;
    }

    /** The sheets that may be read: the one the profile names, else the visible ones. */
    private List<SheetInfo> candidates() throws SourceRefused {
        List<SheetInfo> all = book.sheets();
        if (layout.sheet() == null) {
            List<SheetInfo> visible = all.stream().filter(s -> !s.hidden()).toList();
            return visible.isEmpty() ? all : visible;
        }
        String want = layout.sheet().trim();
        for (SheetInfo s : all) {
            if (s.name().equals(want)) {
                return List.of(s);
            }
        }
        for (SheetInfo s : all) {
            if (s.name().equalsIgnoreCase(want)) {
                return List.of(s);
            }
        }
        if (want.chars().allMatch(Character::isDigit) && !want.isEmpty() && want.length() < 6) {
            int n = Integer.parseInt(want);
            if (n >= 1 && n <= all.size()) {
                return List.of(all.get(n - 1));
            }
        }
        throw new SourceRefused("the workbook has no sheet " + want + " (its sheets: "
                + String.join(", ", all.stream().map(SheetInfo::name).toList()) + ")");
    }

    /** How many of the profile's columns a header names. */
    private int bound(List<String> names) {
        Set<String> have = new HashSet<>();
        for (String n : names) {
            have.add(HeaderNames.normalise(n, layout.caseSensitive()));
        }
        int n = 0;
        for (List<String> column : layout.columnNames()) {
            for (String name : column) {
                if (have.contains(HeaderNames.normalise(name, layout.caseSensitive()))) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /**
     * The header of a sheet: the first row with a value below the rows skipped, as many rows as it spans. With no rows
     * skipped and a one-row header, the first rows are searched for the one naming most of the profile's columns, so a
     * title above the header (as agencies' workbooks have) is passed over.
     */
    private Chosen readHeader(SheetInfo sheet) throws IOException, SourceRefused {
        int headerAt = -1;
        if (layout.header() && layout.skipRows() == 0 && layout.headerRows() == 1 && !layout.columnNames().isEmpty()) {
            headerAt = bestHeaderRow(sheet);
        }
        try (SheetReader r = book.open(sheet)) {
            StoredRow h = new StoredRow();
            boolean found = false;
            while (r.next(h)) {
                if (h.index >= Math.max(layout.skipRows(), headerAt) && h.hasValue()) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return null;
            }
            int headerRow = h.index;
            String ref = CellNames.sheet(sheet.name());
            if (!layout.header()) {
                // no header: the columns are those of the first data row, read from the header row on
                int first = Integer.MAX_VALUE;
                int last = -1;
                for (int i = 0; i < h.size; i++) {
                    if (h.kind[i] != StoredRow.Kind.EMPTY) {
                        first = Math.min(first, h.column[i]);
                        last = Math.max(last, h.column[i]);
                    }
                }
                int width = last - first + 1;
                int[] toHeader = columnsFrom(first, width);
                List<String> names = new ArrayList<>();
                for (int k = 0; k < width; k++) {
                    names.add(String.valueOf(k + 1));
                }
                return new Chosen(sheet, ref, headerRow, headerRow - 1, first, toHeader, names);
            }
            Map<Integer, StringBuilder> names = new HashMap<>();
            int lastHeaderRow = headerRow;
            addNames(h, names, true);
            for (int k = 1; k < layout.headerRows(); k++) {
                if (!r.next(h) || h.index >= headerRow + layout.headerRows()) {
                    break;
                }
                lastHeaderRow = h.index;
                addNames(h, names, false);
            }
            lastHeaderRow = headerRow + layout.headerRows() - 1;
            int first = names.keySet().stream().mapToInt(Integer::intValue).min().orElse(0);
            int last = names.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            List<String> out = new ArrayList<>();
            for (int c = first; c <= last; c++) {
                StringBuilder n = names.get(c);
                out.add(n == null ? "" : n.toString());
            }
            return new Chosen(sheet, ref, headerRow, lastHeaderRow, first, columnsFrom(first, out.size()), out);
        }
    }

    /** Rows searched for the header when none is declared. */
    private static final int HEADER_SEARCH = 30;

    /** The first of the sheet's first rows that names most of the profile's columns; -1 when none names any. */
    private int bestHeaderRow(SheetInfo sheet) throws IOException, SourceRefused {
        try (SheetReader r = book.open(sheet)) {
            StoredRow h = new StoredRow();
            int best = -1;
            int bestCount = 0;
            int seen = 0;
            while (seen < HEADER_SEARCH && r.next(h)) {
                if (!h.hasValue()) {
                    continue;
                }
                seen++;
                List<String> names = new ArrayList<>();
                for (int i = 0; i < h.size; i++) {
                    String n = CellText.plain(h, i, book.date1904());
                    if (n != null) {
                        names.add(n.strip());
                    }
                }
                int count = bound(names);
                if (count > bestCount) {
                    best = h.index;
                    bestCount = count;
                }
            }
            return best;
        }
    }

    private void addNames(StoredRow h, Map<Integer, StringBuilder> names, boolean first) {
        for (int i = 0; i < h.size; i++) {
            String name = CellText.plain(h, i, book.date1904());
            if (name == null || name.isBlank()) {
                continue;
            }
            StringBuilder sb = names.computeIfAbsent(h.column[i], c -> new StringBuilder());
            if (!first && sb.length() > 0) {
                sb.append(layout.headerJoin());
            }
            sb.append(name.strip());
        }
    }

    /** Sheet column to header column for a header starting at {@code first} and {@code width} wide. */
    private static int[] columnsFrom(int first, int width) {
        int[] to = new int[first + width];
        java.util.Arrays.fill(to, -1);
        for (int k = 0; k < width; k++) {
            to[first + k] = k;
        }
        return to;
    }

    /** A further sheet's columns bound to the first sheet's header by name; its other columns are not read. */
    private Chosen alignedTo(Chosen c, Chosen first) {
        Map<String, Integer> byName = new HashMap<>();
        for (int k = 0; k < first.names().size(); k++) {
            byName.putIfAbsent(HeaderNames.normalise(first.names().get(k), layout.caseSensitive()), k);
        }
        int[] to = new int[c.toHeader().length];
        java.util.Arrays.fill(to, -1);
        for (int k = 0; k < c.names().size(); k++) {
            Integer h = byName.get(HeaderNames.normalise(c.names().get(k), layout.caseSensitive()));
            to[c.firstColumn() + k] = h == null ? -1 : h;
        }
        return new Chosen(c.sheet(), c.reference(), c.headerRow(), c.lastHeaderRow(), c.firstColumn(), to, c.names());
    }

    /** Whether a hidden sheet holds any value (read to its first one). */
    private boolean holdsData(SheetInfo s) throws IOException, SourceRefused {
        try (SheetReader r = book.open(s)) {
            StoredRow h = new StoredRow();
            while (r.next(h)) {
                if (h.hasValue()) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public RecordPlace headerPlace() {
        Chosen c = chosen.get(0);
        return new SheetRow(c.reference(), c.headerRow(), c.fromHeader(c.names().size()));
    }

    @Override
    public void bind(List<DeclaredColumn> columns, SourceFindings sink) {
        this.declared = columns.toArray(new DeclaredColumn[0]);
        this.findings = sink;
        this.text = new CellText(declared, book.date1904(), sink);
        if (book.macros()) {
            sink.found("WORKBOOK-MACROS", 0, null, -1, null, "a workbook without macros",
                    "the workbook carries a VBA project (macros); chuan read its cells and never ran them");
        }
        for (SheetInfo s : hiddenWithData) {
            sink.found("WORKBOOK-HIDDEN-DATA", 0, CellNames.sheet(s.name()), -1, null, "no hidden sheets holding data",
                    "sheet " + s.name() + " is hidden and holds data; it was not audited (name it with `sheet:` to audit it)");
        }
        for (Chosen c : chosen) {
            if (c.sheet().hidden()) {
                sink.found("WORKBOOK-HIDDEN-DATA", 0, c.reference(), -1, null, "no hidden sheets holding data",
                        "sheet " + c.sheet().name() + " is hidden; it was read because the profile names it");
            }
        }
    }

    @Override
    public boolean next(CellRecord into) throws IOException, SourceRefused {
        while (true) {
            if (blanksLeft > 0) {
                // an empty row between records: a blank record, as a blank line in a CSV file
                Chosen c = chosen.get(current);
                int width = header != null ? header.size() : c.names().size();
                into.values = new String[width];
                into.blank = true;
                into.place = new SheetRow(c.reference(), blankNext, fromHeader);
                blankNext++;
                blanksLeft--;
                record++;
                return true;
            }
            if (held) {
                held = false;
                fill(into);
                return true;
            }
            if (reader == null && !nextSheet()) {
                return false;
            }
            if (!reader.next(row)) {
                endSheet();
                continue;
            }
            Chosen c = chosen.get(current);
            if (row.index <= c.lastHeaderRow()) {
                continue;
            }
            if (!row.hasValue()) {
                // formatting only: a blank record if more data follows, else one of the empty rows after the data
                if (firstEmptyFormatted < 0) {
                    firstEmptyFormatted = row.index;
                }
                emptyFormatted++;
                continue;
            }
            emptyFormatted = 0;
            firstEmptyFormatted = -1;
            if (row.index > lastRecordRow + 1) {
                blankNext = lastRecordRow + 1;
                blanksLeft = row.index - blankNext;
            }
            lastRecordRow = row.index;
            held = true;
        }
    }

    /** The held row as a record, each cell judged and turned into the text the checks read. */
    private void fill(CellRecord into) {
        Chosen c = chosen.get(current);
        int width = header != null ? header.size() : c.names().size();
        String[] values = new String[width];
        record++;
        SheetRow place = new SheetRow(c.reference(), row.index, fromHeader);
        int[] to = c.toHeader();
        BitSet hidden = reader.hiddenColumns();
        for (int i = 0; i < row.size; i++) {
            int col = row.column[i];
            int h = col < to.length ? to[col] : -1;
            if (row.kind[i] != StoredRow.Kind.EMPTY && !hidden.isEmpty() && hidden.get(col) && !reportedHiddenColumns.get(col)) {
                reportedHiddenColumns.set(col);
                findings.found("WORKBOOK-HIDDEN-DATA", record, c.reference() + "!" + CellNames.column(col) + ":" + CellNames.column(col),
                        h, null, "no hidden columns holding data", "column " + CellNames.column(col) + " is hidden and holds data");
            }
            if (h < 0) {
                continue;
            }
            values[h] = text.of(row, i, h, record, place);
        }
        if (row.hidden) {
            findings.found("WORKBOOK-HIDDEN-DATA", record, place.at(0), -1, null, "no hidden rows holding data",
                    "row " + (row.index + 1) + " is hidden; its record was read and checked");
        }
        into.values = values;
        into.blank = false;
        into.place = place;
    }

    private boolean nextSheet() throws IOException, SourceRefused {
        if (current + 1 >= chosen.size()) {
            return false;
        }
        current++;
        Chosen c = chosen.get(current);
        reader = book.open(c.sheet());
        lastRecordRow = c.lastHeaderRow();
        emptyFormatted = 0;
        firstEmptyFormatted = -1;
        reportedHiddenColumns = new BitSet();
        fromHeader = c.fromHeader(header != null ? header.size() : c.names().size());
        return true;
    }

    /** The end of a sheet: its formatted empty rows after the data, and its merged ranges inside the data. */
    private void endSheet() throws IOException {
        Chosen c = chosen.get(current);
        if (emptyFormatted > 0) {
            findings.found("WORKBOOK-TRAILING-EMPTY-ROWS", 0, c.reference() + "!" + (firstEmptyFormatted + 1) + ":"
                    + (firstEmptyFormatted + emptyFormatted), -1, null, "no formatted rows after the data",
                    emptyFormatted + " formatted empty row(s) after the last record; not counted as records");
        }
        int lastColumn = c.firstColumn() + c.names().size() - 1;
        for (CellRange m : reader.merged()) {
            boolean inData = m.lastRow() > c.lastHeaderRow() && m.lastRow() <= lastRecordRow && m.lastColumn() >= c.firstColumn()
                    && m.firstColumn() <= lastColumn;
            if (inData) {
                int col = m.firstColumn();
                int h = col < c.toHeader().length && col >= c.firstColumn() ? c.toHeader()[col] : -1;
                findings.found("WORKBOOK-MERGED-CELLS", 0, c.reference() + "!" + m.reference(), h, null, "one value per cell",
                        "cells " + m.reference() + " are merged: only the first holds the value; to every program reading the "
                                + "data the others are empty");
            }
        }
        reader.close();
        reader = null;
    }

    @Override
    public void finish() {
        text.finish();
    }

    @Override
    public List<String> parts() {
        return chosen.stream().map(c -> c.sheet().name()).toList();
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public String fingerprint() throws IOException {
        // the keyed digest of the file's bytes, as for a text file: a plain hash would give a small file away
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                mac.update(buf, 0, n);
            }
        }
        return chuan.model.Fingerprints.finish(mac);
    }

    @Override
    public void close() throws IOException {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            book.close();
        }
    }

    /** A row of a sheet, named as a spreadsheet does: {@code Citizens!B17} for a cell, {@code Citizens!17:17} for the row. */
    record SheetRow(String sheet, int row, int[] fromHeader) implements RecordPlace {
        @Override
        public String at(int column) {
            int col = column <= 0 || column > fromHeader.length ? -1 : fromHeader[column - 1];
            return col < 0 ? sheet + "!" + (row + 1) + ":" + (row + 1) : sheet + "!" + CellNames.cell(col, row);
        }
    }
}
