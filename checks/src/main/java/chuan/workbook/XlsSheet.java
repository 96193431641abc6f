package chuan.workbook;

import chuan.source.SourceRefused;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.poi.hssf.record.ArrayRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BlankRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.ColumnInfoRecord;
import org.apache.poi.hssf.record.DefaultRowHeightRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RowRecord;
import org.apache.poi.hssf.record.SharedFormulaRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.record.TableRecord;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One sheet substream of an {@code .xls} workbook, read record by record from its BOF to its EOF (charts nested in
 * it skipped). Cells are held one row block at a time and handed out in row and column order.
 */
final class XlsSheet implements SheetReader {

    /** Cells held before rows are handed out early, for writers that mark no row blocks. */
    private static final int MAX_BUFFERED = 1 << 15;
    /** BIFF8's last column (IV). */
    private static final int MAX_COLUMN = 255;
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    /** RSTRING, a rich-text cell: POI has no record class for it (an UnknownRecord), though some BIFF8 writers use it. */
    private static final short RSTRING = 0x00D6;
    /** DEFAULTROWHEIGHT's fDyZero: rows without a ROW record are hidden. */
    private static final int EMPTY_ROWS_HIDDEN = 0x0002;

    private final XlsRecords records;
    private final String[] strings;
    private final XlsStyles styles;
    private final BitSet hiddenColumns = new BitSet();
    private final List<CellRange> merged = new ArrayList<>();
    private final XlsCells cells = new XlsCells();
    /** Rows with a ROW record, those whose ROW record hides them, and those announced by one but not yet handed out. */
    private final BitSet recorded = new BitSet();
    private final BitSet hiddenRows = new BitSet();
    private final BitSet announced = new BitSet();
    private boolean emptyRowsHidden;

    /** A record read but not yet taken: the one that ended a row block. */
    private Record ahead;
    private boolean ended;
    private int depth = 1;
    private int lastRow = -1;
    /** The buffered formula cell whose string result the next STRING record holds, or -1. */
    private int stringFor = -1;
    /** Whether ready rows are being handed out: the ready cells, and the announced rows below {@code rowLimit}. */
    private boolean draining;
    private int rowLimit;

    /** Reads up to the cell table, so the hidden columns are known before the first row. */
    XlsSheet(XlsRecords records, String[] strings, XlsStyles styles) throws SourceRefused {
        this.records = records;
        this.strings = strings;
        this.styles = styles;
        if (records == null) {
            ended = true;
            return;
        }
        for (Record r = read(); r != null; r = read()) {
            if (r instanceof RowRecord || r instanceof CellValueRecordInterface || r instanceof MulBlankRecord || r.getSid() == RSTRING) {
                ahead = r;
                break;
            }
            other(r);
        }
    }

    /** A sheet whose substream holds nothing between its BOF and EOF. */
    static XlsSheet empty() throws SourceRefused {
        return new XlsSheet(null, new String[0], null);
    }

    @Override
    public boolean next(StoredRow row) throws SourceRefused {
        while (!draining) {
            Record r = read();
            if (r == null) {
                endString();
                if (!flush(NO_LIMIT, NO_LIMIT)) {
                    return false;
                }
            } else {
                fill(r);
            }
        }
        emit(row);
        return true;
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
        if (records != null) {
            records.close();
        }
    }

    /** The next record of this substream at its own level, or null after its EOF. */
    private Record read() throws SourceRefused {
        if (ahead != null) {
            Record r = ahead;
            ahead = null;
            return r;
        }
        while (!ended) {
            Record r = records.next();
            if (r == null) {
                // cut at a record's end: the rows so far would pass for the whole sheet
                throw XlsRecords.damaged("its Workbook stream ends inside a sheet, before the sheet's EOF record");
            } else if (r instanceof BOFRecord) {
                depth++;
            } else if (r instanceof EOFRecord) {
                ended = --depth == 0;
            } else if (depth == 1) {
                return r;
            }
        }
        return null;
    }

    /** Takes one record while a row block is being filled; a record that ends the block starts the handing out. */
    private void fill(Record r) throws SourceRefused {
        if (stringFor >= 0) {
            if (r instanceof StringRecord s) {
                cells.text[stringFor] = s.getString();
                stringFor = -1;
                return;
            }
            if (r instanceof SharedFormulaRecord || r instanceof ArrayRecord || r instanceof TableRecord) {
                return; // stored between a formula and its STRING record
            }
            endString();
        }
        if (r instanceof RowRecord rr) {
            if (cells.size > 0) {
                ahead = r; // the next block's first ROW record
                endBlock();
                return;
            }
            int i = rr.getRowNumber();
            recorded.set(i);
            hiddenRows.set(i, rr.getZeroHeight());
            if (i > lastRow) {
                announced.set(i);
            }
        } else if (r instanceof CellValueRecordInterface c) {
            if (full(r, c.getRow())) {
                return;
            }
            cell(c);
        } else if (r instanceof MulBlankRecord m) {
            if (full(r, m.getRow())) {
                return;
            }
            int stored = (m.getRecordSize() - 10) / 2; // header, row, first and last column: then one XF index a cell
            if (m.getNumColumns() != stored) {
                throw XlsRecords.damaged("a MULBLANK record of row " + (m.getRow() + 1) + " names columns " + (m.getFirstColumn() + 1)
                        + " to " + (m.getLastColumn() + 1) + " but holds " + stored + " cells");
            }
            check(m.getRow(), m.getLastColumn());
            for (int j = 0; j < stored; j++) {
                cells.add(m.getRow(), m.getFirstColumn() + j, StoredRow.Kind.EMPTY, null, 0, m.getXFAt(j), false);
            }
        } else if (r.getSid() == RSTRING) {
            rstring(r);
        } else {
            // other records do not end a block (SHRFMLA, ARRAY and TABLE sit among a block's cells, and records a
            // writer puts after the cell table are harmless): only a ROW record after cells, the buffer limit or EOF do
            other(r);
        }
    }

    /**
     * Whether the buffer is full, so the rows before {@code row} are handed out first ({@code r} read again after
     * them); a cell of a row already handed out is refused: rows are read in one pass, in order.
     */
    private boolean full(Record r, int row) throws SourceRefused {
        if (row <= lastRow) {
            throw new SourceRefused("an .xls sheet storing its cells out of row order (row " + (row + 1) + " after row "
                    + (lastRow + 1) + "), which chuan reads in one pass: save it again with Excel or LibreOffice");
        }
        if (cells.size < MAX_BUFFERED) {
            return false;
        }
        ahead = r;
        if (!flush(row, row)) {
            endBlock(); // every held cell is at or after this row: hand them all out (a later cell then comes too late)
        }
        return true;
    }

    private void cell(CellValueRecordInterface c) throws SourceRefused {
        int row = c.getRow();
        int col = c.getColumn() & 0xFFFF;
        int xf = c.getXFIndex() & 0xFFFF;
        check(row, col);
        if (c instanceof NumberRecord n) { // RK and MulRK cells too: POI's record factory turns them into NUMBER records
            cells.add(row, col, StoredRow.Kind.NUMBER, null, n.getValue(), xf, false);
        } else if (c instanceof LabelSSTRecord l) {
            int s = l.getSSTIndex();
            if (s < 0 || s >= strings.length) {
                throw XlsRecords.damaged("cell " + CellNames.cell(col, row) + " names shared string " + s + " of "
                        + strings.length);
            }
            cells.add(row, col, StoredRow.Kind.TEXT, strings[s], 0, xf, false);
        } else if (c instanceof LabelRecord l) {
            cells.add(row, col, StoredRow.Kind.TEXT, l.getValue(), 0, xf, false);
        } else if (c instanceof BoolErrRecord b) {
            if (b.isBoolean()) {
                cells.add(row, col, StoredRow.Kind.BOOLEAN, null, b.getBooleanValue() ? 1 : 0, xf, false);
            } else {
                cells.add(row, col, StoredRow.Kind.ERROR, error(b.getErrorValue() & 0xFF), 0, xf, false);
            }
        } else if (c instanceof BlankRecord) {
            cells.add(row, col, StoredRow.Kind.EMPTY, null, 0, xf, false);
        } else if (c instanceof FormulaRecord f) {
            formula(f, row, col, xf);
        }
    }

    /** An RSTRING cell read from its bytes: row, column, XF, then the text (count, flags, characters) and its formatting runs. */
    private void rstring(Record r) throws SourceRefused {
        byte[] b = r.serialize(); // the 4-byte record header first
        int chars = b.length >= 13 ? u16(b, 10) : -1;
        boolean wide = b.length >= 13 && (b[12] & 1) != 0;
        int end = 13 + Math.max(chars, 0) * (wide ? 2 : 1);
        if (chars < 0 || end > b.length) {
            throw XlsRecords.damaged("an RSTRING record shorter than its text");
        }
        int row = u16(b, 4);
        if (full(r, row)) {
            return;
        }
        int col = u16(b, 6);
        check(row, col);
        String text = new String(b, 13, end - 13, wide ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
        cells.add(row, col, StoredRow.Kind.TEXT, text, 0, u16(b, 8), false);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /** A formula cell holds its cached result: a string result is in the STRING record that follows it. */
    private void formula(FormulaRecord f, int row, int col, int xf) {
        switch (f.getCachedResultTypeEnum()) {
            case NUMERIC -> cells.add(row, col, StoredRow.Kind.NUMBER, null, f.getValue(), xf, true);
            case BOOLEAN -> cells.add(row, col, StoredRow.Kind.BOOLEAN, null, f.getCachedBooleanValue() ? 1 : 0, xf, true);
            case ERROR -> cells.add(row, col, StoredRow.Kind.ERROR, error(f.getCachedErrorValue()), 0, xf, true);
            default -> {
                if (f.hasCachedResultString()) {
                    stringFor = cells.add(row, col, StoredRow.Kind.TEXT, null, 0, xf, true);
                } else {
                    cells.add(row, col, StoredRow.Kind.TEXT, "", 0, xf, true); // cached as the empty string
                }
            }
        }
    }

    /** A formula whose STRING record never came: its file holds no value for it. */
    private void endString() {
        if (stringFor >= 0) {
            cells.kind[stringFor] = StoredRow.Kind.FORMULA_WITHOUT_VALUE;
            stringFor = -1;
        }
    }

    /** Records outside the cell table: column widths, default row height, merged ranges. */
    private void other(Record r) {
        if (r instanceof ColumnInfoRecord c) {
            int first = c.getFirstColumn();
            int last = Math.min(c.getLastColumn(), MAX_COLUMN); // writers put 256 for "to the end"
            if ((c.getHidden() || c.getColumnWidth() == 0) && first <= last) {
                hiddenColumns.set(first, last + 1);
            }
        } else if (r instanceof DefaultRowHeightRecord d) {
            emptyRowsHidden = (d.getOptionFlags() & EMPTY_ROWS_HIDDEN) != 0;
        } else if (r instanceof MergeCellsRecord m) {
            for (int i = 0; i < m.getNumAreas(); i++) {
                CellRangeAddress a = m.getAreaAt(i);
                merged.add(new CellRange(Math.min(a.getFirstRow(), a.getLastRow()), Math.max(a.getFirstRow(), a.getLastRow()),
                        Math.min(a.getFirstColumn(), a.getLastColumn()), Math.max(a.getFirstColumn(), a.getLastColumn())));
            }
        }
    }

    private static void check(int row, int col) throws SourceRefused {
        if (col > MAX_COLUMN) {
            throw XlsRecords.damaged("a cell of row " + (row + 1) + " at column " + (col + 1) + ", past the 256 columns of an .xls");
        }
    }

    /**
     * Ends a row block: hands out every held cell, and the rows announced up to the last of them; rows announced past
     * it wait, as a writer may put a row's ROW record in one block and its cells in the next (POI's 47251.xls).
     */
    private void endBlock() {
        flush(NO_LIMIT, cells.maxRow() + 1);
    }

    /** Makes the held cells below {@code cellsBelow} and the announced rows below {@code rowsBelow} ready; false when none is. */
    private boolean flush(int cellsBelow, int rowsBelow) {
        cells.sort(cellsBelow);
        int firstAnnounced = announced.nextSetBit(0);
        draining = cells.nextRow() < NO_LIMIT || (firstAnnounced >= 0 && firstAnnounced < rowsBelow);
        rowLimit = rowsBelow;
        if (!draining) {
            cells.compact();
        }
        return draining;
    }

    /** Hands out the next ready row: its cells, or none when only a ROW record gave it (formatting, a hidden row). */
    private void emit(StoredRow row) {
        int a = announced.nextSetBit(0);
        int r = Math.min(cells.nextRow(), a >= 0 && a < rowLimit ? a : Integer.MAX_VALUE);
        row.start(r, recorded.get(r) ? hiddenRows.get(r) : emptyRowsHidden);
        announced.clear(r);
        while (cells.take(r, row, styles)) {
            // taken into row
        }
        lastRow = r;
        a = announced.nextSetBit(0);
        if (cells.nextRow() == NO_LIMIT && (a < 0 || a >= rowLimit)) {
            cells.compact();
            draining = false;
        }
    }

    private static String error(int code) {
        if (FormulaError.isValidCode(code)) {
            return FormulaError.forInt(code).getString();
        }
        return code == 0x2B ? "#GETTING_DATA" : "#ERR" + code + "!";
    }
}
