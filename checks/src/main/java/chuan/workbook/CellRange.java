package chuan.workbook;

/** A rectangle of cells, 0-based and inclusive, as a merged range is stored. */
public record CellRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    /** As a spreadsheet writes it: {@code B5:C7}. */
    public String reference() {
        return CellNames.cell(firstColumn, firstRow) + ":" + CellNames.cell(lastColumn, lastRow);
    }
}
