package chuan.workbook;

import chuan.source.SourceRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A legacy {@code .xls} workbook (BIFF8 in an OLE2 compound file) read record by record through POI's HSSF
 * record API, never as an {@code HSSFWorkbook}: the workbook globals (sheets, shared strings, formats, date
 * system) are read once; each sheet is read from its own BOF record on, row block by row block.
 */
public final class XlsWorkbook implements WorkbookFile {

    private static final int BOF_SID = 0x0809;
    private static final int EOF_SID = 0x000A;
    private static final int BIFF8 = 0x0600;
    private static final int BIFF5 = 0x0500;
    private static final int TYPE_GLOBALS = 0x0005;
    /** BOUNDSHEET's sheet type (high byte of its flags) of an Excel 4.0 macro sheet, and of a BIFF5 VBA module. */
    private static final int MACRO_SHEET = 1;
    private static final int VB_MODULE = 6;

    private final POIFSFileSystem fs;
    private final DocumentEntry stream;
    private final List<SheetInfo> sheets;
    private final long[] offsets;
    private final boolean date1904;
    private final boolean macros;
    /** Encrypted with Excel's default password (a protected workbook structure): read, but only from the stream's start. */
    private final boolean encrypted;
    private final String[] strings;
    private final XlsStyles styles;

    private XlsWorkbook(POIFSFileSystem fs, DocumentEntry stream, Globals g, boolean vba) {
        this.fs = fs;
        this.stream = stream;
        this.date1904 = g.date1904;
        this.encrypted = g.encrypted;
        this.strings = g.strings;
        this.styles = new XlsStyles(g.xfFormats, g.formats);
        List<SheetInfo> list = new ArrayList<>();
        offsets = new long[g.sheets.size()];
        boolean xlm = false;
        for (int i = 0; i < g.sheets.size(); i++) {
            BoundSheetRecord b = g.sheets.get(i);
            list.add(new SheetInfo(b.getSheetname(), i, b.isHidden() || b.isVeryHidden()));
            offsets[i] = b.getPositionOfBof() & 0xFFFFFFFFL;
            int type = sheetType(b);
            xlm |= type == MACRO_SHEET || type == VB_MODULE;
        }
        this.sheets = List.copyOf(list);
        this.macros = vba || xlm;
    }

    /** Opens {@code file}, refusing (one line, saying what it is) anything but a readable BIFF8 workbook. */
    public static XlsWorkbook open(Path file) throws SourceRefused, IOException {
        PoiSetup.init();
        XlsImposters.requireOle2(file);
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            // the head said OLE2, so a failure here is a damaged container (truncated, broken sector chains)
            throw new SourceRefused("a damaged OLE2 compound file, truncated or corrupt (" + oneLine(e) + "): not read");
        }
        try {
            return read(fs);
        } catch (SourceRefused | IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    private static XlsWorkbook read(POIFSFileSystem fs) throws IOException, SourceRefused {
        DirectoryNode root = fs.getRoot();
        DocumentEntry workbook = null;
        DocumentEntry book = null;
        boolean vba = false;
        List<String> names = new ArrayList<>();
        for (Entry e : root) {
            String name = e.getName();
            names.add(name);
            if (name.equalsIgnoreCase("Workbook") && e instanceof DocumentEntry d) {
                workbook = d;
            } else if (name.equalsIgnoreCase("Book") && e instanceof DocumentEntry d) {
                book = d; // Excel 5.0/95's name, which some writers give a BIFF8 stream too: its BOF tells
            } else if (name.equalsIgnoreCase("_VBA_PROJECT_CUR")) {
                vba = true;
            }
        }
        if (workbook == null) {
            workbook = book;
        }
        if (workbook == null) {
            throw new SourceRefused(notWorkbook(names));
        }
        checkVersion(workbook);
        Globals g = Globals.read(workbook);
        XlsWorkbook wb = new XlsWorkbook(fs, workbook, g, vba);
        wb.checkOffsets(g.end);
        return wb;
    }

    /** The first record of the stream says which BIFF it is; POI's record classes read BIFF8 only. */
    private static void checkVersion(DocumentEntry workbook) throws IOException, SourceRefused {
        byte[] h;
        try (InputStream in = XlsRecords.raw(workbook, 0)) {
            h = in.readNBytes(8);
        } catch (RuntimeException e) {
            throw XlsRecords.damaged(e);
        }
        if (h.length < 8 || u16(h, 0) != BOF_SID) {
            throw XlsRecords.damaged("its Workbook stream does not start with a BOF record");
        }
        int version = u16(h, 4);
        if (version >= BIFF5 && version < BIFF8) { // 0x0500, and 0x0580 from some BIFF5 writers (POI's 64130.xls)
            throw new SourceRefused(biff5());
        }
        if (version != BIFF8) {
            throw XlsRecords.damaged(String.format(Locale.ROOT, "its BOF record names BIFF version 0x%04X", version));
        }
    }

    /** Every sheet must start inside the stream and after the globals: an offset pointing backwards is damage. */
    private void checkOffsets(long globalsEnd) throws SourceRefused {
        long size = stream.getSize();
        for (int i = 0; i < offsets.length; i++) {
            // with a FILEPASS the globals are read through a buffering cipher, so their end is not known exactly
            boolean backwards = !encrypted && offsets[i] < globalsEnd;
            if (backwards || offsets[i] + 8 > size) {
                throw XlsRecords.damaged("sheet " + CellNames.sheet(sheets.get(i).name()) + " starts at byte " + offsets[i]
                        + ", outside the sheets of its " + size + "-byte Workbook stream");
            }
        }
    }

    @Override
    public List<SheetInfo> sheets() {
        return sheets;
    }

    @Override
    public boolean date1904() {
        return date1904;
    }

    @Override
    public boolean macros() {
        return macros;
    }

    @Override
    public SheetReader open(SheetInfo sheet) throws IOException, SourceRefused {
        int i = sheets.indexOf(sheet);
        if (i < 0) {
            throw new IllegalArgumentException("no sheet " + sheet + " in this workbook");
        }
        String name = sheet.name();
        if (encrypted) {
            return bySkipping(i);
        }
        if (emptyAt(i)) {
            return XlsSheet.empty();
        }
        XlsRecords records = XlsRecords.open(stream, offsets[i], false);
        try {
            if (!(records.next() instanceof BOFRecord)) {
                throw XlsRecords.damaged("sheet " + CellNames.sheet(name) + " does not start with a BOF record");
            }
            return new XlsSheet(records, strings, styles);
        } catch (SourceRefused | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /**
     * Checks the raw BOF record at the sheet's offset (BOF records are never encrypted) and says whether EOF follows
     * it at once: POI's record factory refuses a stream that starts so ("Nothing between BOF and EOF").
     */
    private boolean emptyAt(int i) throws IOException, SourceRefused {
        try (InputStream in = XlsRecords.raw(stream, offsets[i])) {
            byte[] h = in.readNBytes(8);
            if (h.length < 8 || u16(h, 0) != BOF_SID || u16(h, 2) < 4 || u16(h, 6) == TYPE_GLOBALS) {
                throw XlsRecords.damaged("sheet " + CellNames.sheet(sheets.get(i).name()) + " at byte " + offsets[i]
                        + " does not start with a sheet's BOF record");
            }
            long rest = u16(h, 2) - 4;
            byte[] next = in.skip(rest) == rest ? in.readNBytes(2) : new byte[0];
            return next.length == 2 && u16(next, 0) == EOF_SID;
        } catch (RuntimeException e) {
            throw XlsRecords.damaged(e);
        }
    }

    /**
     * Opens sheet {@code i} of an encrypted stream: decryption runs from the start of the stream, so the sheet's
     * substream is found by counting (the k-th substream after the globals is the sheet with the k-th offset).
     */
    private SheetReader bySkipping(int i) throws IOException, SourceRefused {
        int rank = 0;
        for (int j = 0; j < offsets.length; j++) {
            if (offsets[j] < offsets[i] || (offsets[j] == offsets[i] && j < i)) {
                rank++;
            }
        }
        XlsRecords records = XlsRecords.open(stream, 0, false);
        try {
            int depth = 0;
            int substream = -1; // the globals are substream 0
            for (Record r = records.next(); r != null; r = records.next()) {
                if (r instanceof BOFRecord) {
                    if (depth == 0 && ++substream == rank + 1) {
                        return new XlsSheet(records, strings, styles);
                    }
                    depth++;
                } else if (r instanceof EOFRecord) {
                    depth--;
                }
            }
            throw XlsRecords.damaged("sheet " + CellNames.sheet(sheets.get(i).name()) + " is not in its Workbook stream");
        } catch (SourceRefused | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }

    /** The sheet type, high byte of BOUNDSHEET's flags: POI reads it but has no getter, so it is read back from the record. */
    private static int sheetType(BoundSheetRecord b) {
        byte[] bytes = b.serialize(); // header (4), BOF offset (4), flags (2)
        return bytes[9] & 0xFF;
    }

    private static String biff5() {
        return "an Excel 5.0/95 workbook (BIFF5), older than the .xls chuan reads: save it as .xlsx";
    }

    /** An OLE2 file without a Workbook stream: another Office document, or an encrypted .xlsx. */
    private static String notWorkbook(List<String> names) {
        if (names.contains("EncryptedPackage")) {
            return "an .xlsx workbook encrypted with a password: not read";
        }
        if (names.contains("WordDocument")) {
            return "a Word document, not an Excel workbook";
        }
        if (names.contains("PowerPoint Document")) {
            return "a PowerPoint presentation, not an Excel workbook";
        }
        return "an OLE2 compound file without a Workbook stream, not an Excel workbook";
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\p{Cntrl}+", " ").strip();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    /** What the workbook globals (the first substream) say. */
    private static final class Globals {
        final List<BoundSheetRecord> sheets = new ArrayList<>();
        final List<Integer> xfFormats = new ArrayList<>();
        final Map<Integer, String> formats = new HashMap<>();
        String[] strings = new String[0];
        boolean date1904;
        boolean encrypted;
        long end;

        static Globals read(DocumentEntry workbook) throws IOException, SourceRefused {
            Globals g = new Globals();
            try (XlsRecords records = XlsRecords.open(workbook, 0, true)) {
                Record first = records.next();
                if (!(first instanceof BOFRecord bof) || bof.getType() != TYPE_GLOBALS) {
                    throw XlsRecords.damaged("its Workbook stream does not start with the workbook globals");
                }
                for (Record r = records.next(); !(r instanceof EOFRecord); r = records.next()) {
                    if (r == null) {
                        throw XlsRecords.damaged("the Workbook stream ends inside the workbook globals");
                    }
                    g.accept(r);
                }
                g.end = records.consumed();
            }
            return g;
        }

        private void accept(Record r) {
            if (r instanceof BoundSheetRecord b) {
                sheets.add(b);
            } else if (r instanceof SSTRecord sst) {
                strings = strings(sst);
            } else if (r instanceof FormatRecord f) {
                formats.put(f.getIndexCode(), f.getFormatString());
            } else if (r instanceof ExtendedFormatRecord xf) {
                xfFormats.add(xf.getFormatIndex() & 0xFFFF);
            } else if (r instanceof DateWindow1904Record d) {
                date1904 = d.getWindowing() == 1;
            } else if (r instanceof FilePassRecord) {
                encrypted = true; // and POI decrypted it: the password is Excel's default
            }
        }

        /** The shared strings POI read: fewer than the SST declares when its data ran out (POI stops there). */
        private static String[] strings(SSTRecord sst) {
            List<String> list = new ArrayList<>();
            int declared = sst.getNumUniqueStrings();
            try {
                for (int i = 0; i < declared; i++) {
                    list.add(sst.getString(i).getString());
                }
            } catch (IndexOutOfBoundsException e) {
                // the strings POI read end here
            }
            return list.toArray(new String[0]);
        }
    }
}
