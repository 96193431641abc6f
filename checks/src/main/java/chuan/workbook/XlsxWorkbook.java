package chuan.workbook;

import chuan.source.SourceRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

/**
 * An {@code .xlsx}/{@code .xlsm} package read part by part: the workbook part for its sheets and date system, the
 * shared strings and styles, and each sheet's XML pulled row by row with a StAX parser that refuses a DTD, so no
 * entity is ever expanded or resolved. The zip is opened through POI's guarded reader, which stops a part whose
 * inflation ratio or size gives it away as a zip bomb, and refuses a package with too many entries.
 */
public final class XlsxWorkbook implements WorkbookFile {

    private static final XMLInputFactory XML = secureFactory();

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final boolean[] dateStyle;
    private final boolean[] generalStyle;
    private final String[] styleFormat;
    private final List<SheetInfo> sheets = new ArrayList<>();
    private final List<String> relations = new ArrayList<>();
    private boolean date1904;
    private final boolean macros;

    private XlsxWorkbook(OPCPackage pkg) throws IOException, SourceRefused {
        this.pkg = pkg;
        try {
            this.reader = new XSSFReader(pkg);
            try {
                this.strings = new ReadOnlySharedStringsTable(pkg, false);
            } catch (org.xml.sax.SAXException | RuntimeException e) {
                throw Refusals.part("the shared strings part", e);
            }
            StylesTable styles = reader.getStylesTable();
            int n = styles == null ? 0 : styles.getNumCellStyles();
            dateStyle = new boolean[n];
            generalStyle = new boolean[n];
            styleFormat = new String[n];
            for (int i = 0; i < n; i++) {
                var style = styles.getStyleAt(i);
                int fmt = style.getDataFormat();
                String pattern = style.getDataFormatString();
                dateStyle[i] = DateUtil.isADateFormat(fmt, pattern);
                generalStyle[i] = fmt == 0 || "General".equalsIgnoreCase(pattern); // LibreOffice writes General as a custom format
                styleFormat[i] = fmt == 0 || dateStyle[i] || pattern == null || pattern.equalsIgnoreCase("General") ? null : pattern;
            }
            try (InputStream wb = reader.getWorkbookData()) {
                readWorkbookPart(wb);
            }
            macros = !pkg.getPartsByName(java.util.regex.Pattern.compile("(?i)/xl/vbaProject\\.bin")).isEmpty();
        } catch (OpenXML4JException | org.apache.poi.ooxml.POIXMLException
                 | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            throw new SourceRefused("not a readable Excel workbook: " + Refusals.reason(e));
        }
    }

    /** Opens {@code file} read-only; what it is not is refused with one line saying what it is. */
    public static XlsxWorkbook open(Path file) throws SourceRefused, IOException {
        PoiSetup.init();
        Refusals.checkOoxml(file);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | org.apache.poi.openxml4j.exceptions.InvalidOperationException
                 | org.apache.poi.UnsupportedFileFormatException e) {
            throw new SourceRefused(Refusals.zip(e));
        }
        try {
            return new XlsxWorkbook(pkg);
        } catch (SourceRefused | IOException | RuntimeException e) {
            pkg.revert();
            if (e instanceof IOException io) {
                throw new SourceRefused(Refusals.zip(io));
            }
            throw e;
        }
    }

    private void readWorkbookPart(InputStream in) throws SourceRefused, IOException {
        try {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            try {
                while (x.hasNext()) {
                    int event = x.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new SourceRefused("the workbook part declares a DTD: refused, its entities never expanded or fetched");
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = x.getLocalName();
                    if (name.equals("workbookPr")) {
                        String v = x.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                    } else if (name.equals("sheet")) {
                        String state = x.getAttributeValue(null, "state");
                        String rid = attribute(x, "id");
                        sheets.add(new SheetInfo(x.getAttributeValue(null, "name"), sheets.size(),
                                state != null && !state.equals("visible")));
                        relations.add(rid);
                    }
                }
            } finally {
                x.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw Refusals.part("the workbook part", e);
        }
    }

    /** An attribute by local name in any namespace ({@code r:id}). */
    private static String attribute(XMLStreamReader x, String local) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(local)) {
                return x.getAttributeValue(i);
            }
        }
        return null;
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
        InputStream in;
        try {
            in = reader.getSheet(relations.get(sheet.position()));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | IllegalArgumentException e) {
            throw new SourceRefused("sheet " + sheet.name() + " cannot be found in the package: " + Refusals.reason(e));
        }
        try {
            // buffered: the parser's small reads would each pass through the package's guarded inflating stream
            return new Sheet(XML.createXMLStreamReader(new java.io.BufferedInputStream(in, 1 << 16)), in, "sheet " + sheet.name());
        } catch (XMLStreamException e) {
            in.close();
            throw Refusals.part("sheet " + sheet.name(), e);
        }
    }

    @Override
    public void close() {
        pkg.revert(); // opened read-only: nothing is ever written back
    }

    private static XMLInputFactory secureFactory() {
        // Aalto: a sheet's XML is most of a workbook scan's work, and it parses it several times as fast as the JDK's parser
        XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        // no DTD, so no entity can be declared, expanded (billion laughs) or fetched (XXE)
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }

    /** One sheet's XML, pulled: the hidden columns before the rows, the merged ranges after them. */
    private final class Sheet implements SheetReader {
        private final XMLStreamReader x;
        private final InputStream in;
        private final BitSet hiddenColumns = new BitSet();
        private final List<CellRange> merged = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final String name;
        private int nextRow;
        private boolean inData;
        private boolean done;

        Sheet(XMLStreamReader x, InputStream in, String name) throws SourceRefused, IOException {
            this.x = x;
            this.in = in;
            this.name = name;
            // everything before the first row: the column definitions
            try {
                while (!inData && x.hasNext()) {
                    int e = x.next();
                    if (e == XMLStreamConstants.DTD) {
                        throw new SourceRefused(name + " declares a DTD: refused, its entities never expanded or fetched");
                    }
                    if (e != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (x.getLocalName()) {
                        case "col" -> {
                            String hidden = x.getAttributeValue(null, "hidden");
                            if ("1".equals(hidden) || "true".equals(hidden)) {
                                int min = intAttribute("min", 1);
                                int max = Math.min(intAttribute("max", min), 16384);
                                hiddenColumns.set(min - 1, max);
                            }
                        }
                        case "sheetData" -> inData = true;
                        default -> {
                        }
                    }
                }
                if (!inData) {
                    done = true;
                }
            } catch (XMLStreamException | RuntimeException e) {
                throw Refusals.part(name, e);
            }
        }

        /**
         * The text of the element just started, up to its end tag: usually one text event, taken as it is (the parser's
         * own getElementText copies it through a buffer); split text and entity or CDATA parts are joined.
         */
        private String elementText() throws XMLStreamException {
            int e = x.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                return "";
            }
            String first = null;
            StringBuilder more = null;
            while (e != XMLStreamConstants.END_ELEMENT) {
                if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE
                        || e == XMLStreamConstants.ENTITY_REFERENCE) {
                    String t = x.getText();
                    if (first == null) {
                        first = t;
                    } else {
                        if (more == null) {
                            more = new StringBuilder(first);
                        }
                        more.append(t);
                    }
                } else if (e == XMLStreamConstants.START_ELEMENT) {
                    throw new XMLStreamException("an element inside a text element", x.getLocation());
                }
                e = x.next();
            }
            return more != null ? more.toString() : first == null ? "" : first;
        }

        /** A style index: digits only (no exception per cell for the common case). */
        private int style(String v) throws SourceRefused {
            int n = 0;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9' || n > 100_000_000) {
                    throw new SourceRefused(name + ": a cell's style is not a number: " + v);
                }
                n = n * 10 + (c - '0');
            }
            return v.isEmpty() ? 0 : n;
        }

        private int intAttribute(String name, int fallback) throws SourceRefused {
            String v = x.getAttributeValue(null, name);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new SourceRefused(XlsxWorkbook.Sheet.this.name + ": attribute " + name + " is not a number: " + v);
            }
        }

        @Override
        public boolean next(StoredRow row) throws IOException, SourceRefused {
            if (done) {
                return false;
            }
            try {
                while (x.hasNext()) {
                    int e = x.next();
                    if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("row")) {
                        int r = intAttribute("r", nextRow + 1) - 1;
                        if (r < nextRow - 1 || r > 1_048_575) {
                            throw new SourceRefused("a sheet's rows are out of order or beyond the last row (row " + (r + 1) + ")");
                        }
                        String hidden = x.getAttributeValue(null, "hidden");
                        row.start(r, "1".equals(hidden) || "true".equals(hidden));
                        readCells(row);
                        nextRow = r + 1;
                        return true;
                    }
                    if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("sheetData")) {
                        readTail();
                        done = true;
                        return false;
                    }
                }
                done = true;
                return false;
            } catch (XMLStreamException | RuntimeException ex) {
                throw Refusals.part(name, ex);
            }
        }

        /** The cells of the row just started, up to its end tag. */
        private void readCells(StoredRow row) throws XMLStreamException, SourceRefused {
            int nextCol = 0;
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("row")) {
                    return;
                }
                if (e != XMLStreamConstants.START_ELEMENT || !x.getLocalName().equals("c")) {
                    continue;
                }
                // the cell's attributes in one pass (looking each up by name costs a scan of them per name)
                String ref = null;
                String type = null;
                String styleText = null;
                for (int a = x.getAttributeCount() - 1; a >= 0; a--) {
                    String name = x.getAttributeLocalName(a);
                    if (name.length() == 1) {
                        switch (name.charAt(0)) {
                            case 'r' -> ref = x.getAttributeValue(a);
                            case 't' -> type = x.getAttributeValue(a);
                            case 's' -> styleText = x.getAttributeValue(a);
                            default -> {
                            }
                        }
                    }
                }
                int col = ref == null ? nextCol : column(ref);
                if (col < 0 || col > 16383) {
                    throw new SourceRefused("a cell reference is not a cell: " + ref);
                }
                int style = styleText == null ? 0 : style(styleText);
                boolean isDate = style >= 0 && style < dateStyle.length && dateStyle[style];
                boolean general = style < 0 || style >= generalStyle.length || generalStyle[style];
                readCell(row, col, type, isDate, general, general || style < 0 || style >= styleFormat.length ? null : styleFormat[style]);
                nextCol = col + 1;
            }
        }

        /** One {@code <c>}: its formula, value and inline string, up to its end tag. */
        private void readCell(StoredRow row, int col, String type, boolean isDate, boolean general, String numberFormat)
                throws XMLStreamException, SourceRefused {
            boolean formula = false;
            String value = null;
            String inline = null;
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("c")) {
                    break;
                }
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (x.getLocalName()) {
                    case "f" -> {
                        formula = true;
                        skipElement();
                    }
                    case "v" -> value = elementText();
                    case "is" -> inline = inlineText();
                    default -> skipElement();
                }
            }
            if (type == null || type.equals("n")) {
                if (value == null || value.isBlank()) {
                    row.add(col, formula ? StoredRow.Kind.FORMULA_WITHOUT_VALUE : StoredRow.Kind.EMPTY, null, 0, isDate, general, formula);
                } else {
                    row.add(col, StoredRow.Kind.NUMBER, null, number(value), isDate, general, formula, numberFormat);
                }
                return;
            }
            switch (type) {
                case "s" -> {
                    if (value == null) {
                        row.add(col, StoredRow.Kind.EMPTY, null, 0, false, general, formula);
                        return;
                    }
                    int idx = (int) number(value);
                    if (idx < 0 || idx >= strings.getCount()) {
                        throw new SourceRefused("a cell points at shared string " + value + ", which the workbook does not have");
                    }
                    row.add(col, StoredRow.Kind.TEXT, strings.getItemAt(idx).getString(), 0, false, general, formula);
                }
                case "inlineStr" -> row.add(col, StoredRow.Kind.TEXT, inline != null ? inline : value == null ? "" : value, 0, false,
                        general, formula);
                case "str" -> row.add(col, value == null ? StoredRow.Kind.FORMULA_WITHOUT_VALUE : StoredRow.Kind.TEXT, value, 0,
                        false, general, formula);
                case "b" -> row.add(col, value == null ? (formula ? StoredRow.Kind.FORMULA_WITHOUT_VALUE : StoredRow.Kind.EMPTY)
                        : StoredRow.Kind.BOOLEAN, null, "1".equals(value.trim()) || "true".equals(value.trim()) ? 1 : 0, false, general,
                        formula);
                case "e" -> row.add(col, value == null ? StoredRow.Kind.FORMULA_WITHOUT_VALUE : StoredRow.Kind.ERROR, value, 0, false,
                        general, formula);
                case "d" -> row.add(col, value == null ? StoredRow.Kind.EMPTY : StoredRow.Kind.TEXT, value, 0, false, general, formula);
                default -> throw new SourceRefused("a cell has an unknown type '" + type + "'");
            }
        }

        private double number(String v) throws SourceRefused {
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new SourceRefused("a cell's value is not a number: " + (v.length() > 40 ? v.substring(0, 40) + "…" : v));
            }
        }

        /** The text of an inline string: its {@code <t>} runs joined (rich text), phonetic runs left out. */
        private String inlineText() throws XMLStreamException {
            String single = null; // the one run of a plain inline string, kept without copying
            boolean runs = false;
            int depth = 1;
            boolean phonetic = false;
            while (depth > 0 && x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = x.getLocalName();
                    if (name.equals("rPh")) {
                        phonetic = true;
                    } else if (name.equals("t") && !phonetic) {
                        String t = elementText();
                        depth--;
                        if (single == null && !runs) {
                            single = t;
                        } else {
                            if (!runs) {
                                text.setLength(0);
                                text.append(single);
                                runs = true;
                            }
                            text.append(t);
                        }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (x.getLocalName().equals("rPh")) {
                        phonetic = false;
                    }
                }
            }
            return runs ? text.toString() : single == null ? "" : single;
        }

        private void skipElement() throws XMLStreamException {
            int depth = 1;
            while (depth > 0 && x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        /** After the rows: the merged ranges. */
        private void readTail() throws XMLStreamException, SourceRefused {
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("mergeCell")) {
                    String ref = x.getAttributeValue(null, "ref");
                    CellRange r = range(ref);
                    if (r != null) {
                        merged.add(r);
                    }
                }
            }
        }

        @Override
        public BitSet hiddenColumns() {
            return hiddenColumns;
        }

        @Override
        public List<CellRange> merged() {
            return merged;
        }

        @Override
        public void close() throws IOException {
            try {
                x.close();
            } catch (XMLStreamException e) {
                // closing a parser that failed: nothing left to release but the stream
            }
            in.close();
        }
    }

    /** The 0-based column of a reference such as {@code AB17}; -1 when it starts with no letter. */
    static int column(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && i < 4) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            i++;
        }
        return i == 0 ? -1 : col - 1;
    }

    /** The 0-based row of a reference such as {@code AB17}; -1 when it has none. */
    static int row(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        if (i == ref.length() || ref.length() - i > 7) {
            return -1;
        }
        int r = 0;
        for (int k = i; k < ref.length(); k++) {
            char c = ref.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            r = r * 10 + (c - '0');
        }
        return r - 1;
    }

    /** A range {@code B5:C7} (or one cell), null when it is not one. */
    static CellRange range(String ref) {
        if (ref == null) {
            return null;
        }
        int colon = ref.indexOf(':');
        String a = colon < 0 ? ref : ref.substring(0, colon);
        String b = colon < 0 ? ref : ref.substring(colon + 1);
        int c1 = column(a);
        int r1 = row(a);
        int c2 = column(b);
        int r2 = row(b);
        if (c1 < 0 || r1 < 0 || c2 < 0 || r2 < 0) {
            return null;
        }
        return new CellRange(Math.min(r1, r2), Math.max(r1, r2), Math.min(c1, c2), Math.max(c1, c2));
    }
}
