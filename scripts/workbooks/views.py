"""Read a workbook back with a second, independent reader (openpyxl for .xlsx/.xlsm, xlrd for
.xls) and answer the questions make.py asks of every file it wrote: what kind of value a cell
holds, whether a formula has a cached value, which rows, columns and sheets are hidden, which
ranges are merged, which date system the workbook uses.

A check that fails stops make.py: a committed file always shows the defect EXPECTED.md names.
"""
import re

import openpyxl
import xlrd
from openpyxl.utils import column_index_from_string, get_column_letter


def _split(ref):
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    return m.group(1), int(m.group(2))


class XlsxView:
    def __init__(self, path):
        self.f = openpyxl.load_workbook(path)
        self.v = openpyxl.load_workbook(path, data_only=True)

    def date1904(self):
        return self.f.epoch.year == 1904

    def sheet_state(self, sheet):
        return self.f[sheet].sheet_state

    def kind(self, sheet, ref):
        """text, number, date, error, bool, formula or empty (the cell as stored, not its cached value)."""
        c = self.f[sheet][ref]
        if c.value is None:
            return "empty", None
        if c.data_type == "f":
            return "formula", c.value
        if c.data_type == "s":
            return "text", c.value
        if c.data_type == "e":
            return "error", c.value
        if c.data_type == "b":
            return "bool", c.value
        if c.is_date:
            return "date", c.value
        return "number", c.value

    def cached(self, sheet, ref):
        """The value cached with a formula (None: the file holds none)."""
        return self.v[sheet][ref].value

    def hidden_row(self, sheet, row):
        return self.f[sheet].row_dimensions[row].hidden

    def hidden_col(self, sheet, col):
        return self.f[sheet].column_dimensions[col].hidden

    def merged(self, sheet):
        return sorted(str(r) for r in self.f[sheet].merged_cells.ranges)

    def max_row(self, sheet):
        return self.f[sheet].max_row

    def numfmt(self, sheet, ref):
        return self.f[sheet][ref].number_format


class XlsView:
    """xlrd sees cached values only (it does not parse formulas): kind() of a formula cell is the
    kind of its cached value, and cached() is that value."""

    def __init__(self, path):
        self.b = xlrd.open_workbook(path, formatting_info=True)

    def date1904(self):
        return self.b.datemode == 1

    def sheet_state(self, sheet):
        return {0: "visible", 1: "hidden", 2: "veryHidden"}[self.b.sheet_by_name(sheet).visibility]

    def _cell(self, sheet, ref):
        col, row = _split(ref)
        s = self.b.sheet_by_name(sheet)
        r, c = row - 1, column_index_from_string(col) - 1
        if r >= s.nrows or c >= s.ncols:
            return None
        return s.cell(r, c)

    def kind(self, sheet, ref):
        c = self._cell(sheet, ref)
        if c is None or c.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return "empty", None
        if c.ctype == xlrd.XL_CELL_TEXT:
            return "text", c.value
        if c.ctype == xlrd.XL_CELL_DATE:
            return "date", c.value
        if c.ctype == xlrd.XL_CELL_ERROR:
            return "error", xlrd.biffh.error_text_from_code[c.value]
        if c.ctype == xlrd.XL_CELL_BOOLEAN:
            return "bool", bool(c.value)
        return "number", c.value

    def cached(self, sheet, ref):
        return self.kind(sheet, ref)[1]

    def hidden_row(self, sheet, row):
        info = self.b.sheet_by_name(sheet).rowinfo_map.get(row - 1)
        return bool(info and info.hidden)

    def hidden_col(self, sheet, col):
        info = self.b.sheet_by_name(sheet).colinfo_map.get(column_index_from_string(col) - 1)
        return bool(info and info.hidden)

    def merged(self, sheet):
        out = []
        for rlo, rhi, clo, chi in self.b.sheet_by_name(sheet).merged_cells:
            out.append("%s%d:%s%d" % (get_column_letter(clo + 1), rlo + 1, get_column_letter(chi), rhi))
        return sorted(out)

    def max_row(self, sheet):
        return self.b.sheet_by_name(sheet).nrows

    def numfmt(self, sheet, ref):
        c = self._cell(sheet, ref)
        xf = self.b.xf_list[c.xf_index]
        return self.b.format_map[xf.format_key].format_str


def view(path):
    return XlsView(path) if str(path).endswith(".xls") else XlsxView(path)
