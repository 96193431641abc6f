package chuan.workbook;

/** A sheet as the workbook lists it: its name, its 0-based position, and whether it is hidden. */
public record SheetInfo(String name, int position, boolean hidden) {
}
