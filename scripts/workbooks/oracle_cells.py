#!/usr/bin/python3
"""Write, for each workbook given, every cell as LibreOffice Calc holds it after loading: its
content type, raw number (17 significant digits, so a date is its serial), text as shown,
formula, error code and number format; and each sheet's visibility, hidden rows and columns and
merged ranges, and the workbook's null date (1899-12-30: 1900 date system; 1904-01-01: 1904).

    oracle_cells.py OUTDIR FILE...      writes OUTDIR/<file name>.tsv

A file LibreOffice cannot load gets a .tsv of one line saying so. Run by oracle.sh.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lo import Office  # noqa: E402

TYPES = {"EMPTY": "empty", "VALUE": "value", "TEXT": "text", "FORMULA": "formula"}
RESULT = {0: "empty", 1: "value", 2: "text", 3: "formula"}
# com.sun.star.sheet.FormulaResult: VALUE 1, STRING 2, ERROR 4
FORMULA_RESULT = {1: "value", 2: "text", 4: "error"}


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def number(v):
    return repr(float(v)) if v != int(v) or abs(v) >= 1e16 else str(int(v))


def dump(doc):
    out = []
    nd = doc.NullDate
    out.append("workbook\tnull-date\t%04d-%02d-%02d" % (nd.Year, nd.Month, nd.Day))
    formats = doc.NumberFormats
    sheets = doc.Sheets
    for si in range(sheets.Count):
        sheet = sheets.getByIndex(si)
        out.append("sheet\t%s\t%s" % (esc(sheet.Name), "visible" if sheet.IsVisible else "hidden"))
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_row, last_col = cursor.RangeAddress.EndRow, cursor.RangeAddress.EndColumn
        out.append("used\t%s%d" % (col_name(last_col), last_row + 1))
        hidden_rows = [str(r + 1) for r in range(last_row + 1) if not sheet.Rows.getByIndex(r).IsVisible]
        hidden_cols = [col_name(c) for c in range(last_col + 1) if not sheet.Columns.getByIndex(c).IsVisible]
        if hidden_rows:
            out.append("hidden-rows\t" + ",".join(hidden_rows))
        if hidden_cols:
            out.append("hidden-columns\t" + ",".join(hidden_cols))
        merged = set()
        for r in range(last_row + 1):
            for c in range(last_col + 1):
                cell = sheet.getCellByPosition(c, r)
                m = sheet.createCursorByRange(cell)
                m.collapseToMergedArea()
                a = m.RangeAddress
                if a.EndRow > a.StartRow or a.EndColumn > a.StartColumn:
                    merged.add("%s%d:%s%d" % (col_name(a.StartColumn), a.StartRow + 1, col_name(a.EndColumn), a.EndRow + 1))
                kind = cell.Type.value
                if kind == "EMPTY":
                    continue
                fmt = formats.getByKey(cell.NumberFormat).FormatString if cell.NumberFormat else "General"
                ref = "%s%d" % (col_name(c), r + 1)
                if kind == "FORMULA":
                    res = FORMULA_RESULT.get(cell.FormulaResultType2, str(cell.FormulaResultType2))
                    err = cell.getError()
                    val = number(cell.getValue()) if res == "value" else ""
                    out.append("cell\t%s\tformula:%s\t%s\t%s\t%s\t%s\t%s" % (
                        ref, "error" if err else res, val, esc(cell.getString()), esc(cell.getFormula()),
                        err or "", esc(fmt)))
                else:
                    val = number(cell.getValue()) if kind == "VALUE" else ""
                    out.append("cell\t%s\t%s\t%s\t%s\t\t%s\t%s" % (
                        ref, TYPES[kind], val, esc(cell.getString()), cell.getError() or "", esc(fmt)))
        for m in sorted(merged):
            out.append("merged\t" + m)
    return out


def main():
    outdir, files = sys.argv[1], sys.argv[2:]
    os.makedirs(outdir, exist_ok=True)
    header = "# LibreOffice's reading: cell REF TYPE NUMBER SHOWN FORMULA ERROR FORMAT (tab-separated)"
    with Office() as office:
        for f in files:
            target = os.path.join(outdir, os.path.basename(f) + ".tsv")
            try:
                doc = office.load(f)
            except Exception as e:  # LibreOffice refused it: that is the oracle's answer
                lines = ["not loaded: " + type(e).__name__]
            else:
                try:
                    lines = dump(doc)
                finally:
                    office.close(doc)
            with open(target, "w", encoding="utf-8") as out:
                out.write(header + "\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
