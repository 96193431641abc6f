#!/usr/bin/python3
"""Make the workbook samples of samples/registers/:

  citizen-register-2025-06.xlsx  the 300 records of citizen-register-2025-06.csv in sheet Citizens
                                 (header in row 1, record N in row N+1) with the damage an agency's
                                 workbook has (DAMAGE below, listed in samples/registers/README.md);
                                 written by openpyxl, then opened and saved by LibreOffice Calc so
                                 that the one formula has its cached value (#REF!);
  households-2025.xls            30 household rows like samples/households (Excel 97-2003, saved by
                                 LibreOffice from an openpyxl workbook).

Every value not named in DAMAGE is checked against the CSV after LibreOffice has saved the file,
so the CSV's own injected defects (injected-defects.txt) are all still there.

    /usr/bin/python3 scripts/workbooks/samples.py
"""
import csv
import datetime as dt
import os
import random
import sys

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make  # noqa: E402
import package  # noqa: E402
import views  # noqa: E402
from lo import Office  # noqa: E402

REG = os.path.join(make.ROOT, "samples/registers")
CSV = os.path.join(REG, "citizen-register-2025-06.csv")
XLSX = os.path.join(REG, "citizen-register-2025-06.xlsx")
XLS = os.path.join(REG, "households-2025.xls")
DATE_FMT = "dd/mm/yyyy"

# record number (1-based, as in injected-defects.txt) -> the damage; none of them is a record
# injected-defects.txt names (nor the first record of a duplicate pair)
ID_AS_NUMBER = (7, 43, 131, 178, 265)
TEXT_DATES = {12: "%d/%m/%Y", 47: "%d/%m/%Y", 141: "%Y-%m-%d"}     # 12 is ambiguous: 02/05/1980
REF_ERROR = 60                                                     # its province_code
MERGED = (99, 100)                                                 # same province_code 79
HIDDEN = 250


def cell(col, record):
    return "%s%d" % (col, record + 1)


def load_csv():
    with open(CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def register():
    header, records = load_csv()
    cols = {h: i for i, h in enumerate(header)}
    wb = make.fixed(openpyxl.Workbook())
    ws = wb.active
    ws.title = "Citizens"
    ws.append(header)
    for n, rec in enumerate(records, 1):
        values = list(rec)
        if n in ID_AS_NUMBER:
            values[cols["id"]] = int(rec[cols["id"]])
        b = rec[cols["birth_date"]]
        if b:
            d = dt.date.fromisoformat(b)
            values[cols["birth_date"]] = d.strftime(TEXT_DATES[n]) if n in TEXT_DATES else d
        else:
            values[cols["birth_date"]] = None
        values = [None if v == "" else v for v in values]
        if n == REF_ERROR:
            values[cols["province_code"]] = "=#REF!"
        ws.append(values)
        c = ws.cell(n + 1, cols["birth_date"] + 1)
        c.number_format = "@" if n in TEXT_DATES else DATE_FMT
    col_e = "E"
    ws[cell(col_e, MERGED[1])].value = None
    ws.merge_cells("%s:%s" % (cell(col_e, MERGED[0]), cell(col_e, MERGED[1])))
    ws.row_dimensions[HIDDEN + 1].hidden = True
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("Notes")
    notes.append(["Ghi chú"])
    notes.append(["Trích xuất ngày 30/06/2025. Bản ghi 250 bị ẩn theo yêu cầu của đơn vị (chưa xác minh)."])
    notes.append(["Mã tỉnh lấy từ bảng tra cứu trên sheet DanhMuc (đã xóa)."])
    notes.sheet_state = "hidden"
    return wb, header, records


def check_register(header, records):
    """The saved workbook shows each damage and, elsewhere, exactly the CSV's values."""
    v = views.view(XLSX)
    cols = {h: i for i, h in enumerate(header)}
    letters = [openpyxl.utils.get_column_letter(i + 1) for i in range(len(header))]
    bad = []
    assert [v.kind("Citizens", "%s1" % c)[1] for c in letters] == header
    damaged = {cell("A", n) for n in ID_AS_NUMBER} | {cell("D", n) for n in TEXT_DATES} \
        | {cell("E", REF_ERROR), cell("E", MERGED[1])}
    for n, rec in enumerate(records, 1):
        for h, i in cols.items():
            ref = "%s%d" % (letters[i], n + 1)
            kind, value = v.kind("Citizens", ref)
            want = rec[i]
            if ref in damaged:
                continue
            if h == "birth_date" and want:
                ok = kind == "date" and value.date() == dt.date.fromisoformat(want)
            elif want == "":
                ok = kind == "empty"
            else:
                ok = kind == "text" and value == want
            if not ok:
                bad.append("%s: %r %r, CSV %r" % (ref, kind, value, want))
    for n in ID_AS_NUMBER:
        kind, value = v.kind("Citizens", cell("A", n))
        if kind != "number" or str(value).zfill(12) != records[n - 1][0]:
            bad.append("id of record %d is not the number of its digits less the zero" % n)
    for n, fmt in TEXT_DATES.items():
        want = dt.date.fromisoformat(records[n - 1][cols["birth_date"]]).strftime(fmt)
        if v.kind("Citizens", cell("D", n)) != ("text", want):
            bad.append("birth_date of record %d is not the text %s" % (n, want))
    if v.kind("Citizens", cell("E", REF_ERROR))[0] != "formula" or v.cached("Citizens", cell("E", REF_ERROR)) != "#REF!":
        bad.append("no #REF! formula at %s" % cell("E", REF_ERROR))
    if v.merged("Citizens") != ["%s:%s" % (cell("E", MERGED[0]), cell("E", MERGED[1]))]:
        bad.append("merged: %r" % v.merged("Citizens"))
    if records[MERGED[0] - 1][cols["province_code"]] != records[MERGED[1] - 1][cols["province_code"]]:
        bad.append("the merged records do not share a province code")
    if not v.hidden_row("Citizens", HIDDEN + 1) or v.hidden_row("Citizens", HIDDEN):
        bad.append("row %d is not the one hidden row" % (HIDDEN + 1))
    if v.sheet_state("Notes") != "hidden" or v.sheet_state("Citizens") != "visible":
        bad.append("sheet states")
    if bad:
        raise SystemExit("citizen-register-2025-06.xlsx:\n" + "\n".join(bad))


STREETS = ["12 Lê Lợi", "45/2 Nguyễn Trãi", "7 Pasteur", "88 Hai Bà Trưng", "19 Cách Mạng Tháng Tám",
           "230 Điện Biên Phủ", "5 Nguyễn Thị Minh Khai", "61 Võ Văn Tần", "14 Lý Tự Trọng", "102 Trần Hưng Đạo",
           "3 Phạm Ngọc Thạch", "77 Nam Kỳ Khởi Nghĩa", "9 Tôn Đức Thắng", "150 Lê Thánh Tôn", "28 Mạc Đĩnh Chi"]


def households():
    """30 households of Ho Chi Minh City (province 79) registered in 2025, with the columns of
    samples/households (address flattened): household_id, head_id, members, province_code,
    street, registered_at (a date-time cell)."""
    rnd = random.Random(2025)
    wb = make.fixed(openpyxl.Workbook())
    ws = wb.active
    ws.title = "Households"
    ws.append(["household_id", "head_id", "members", "province_code", "street", "registered_at"])
    when = dt.datetime(2025, 1, 6, 8, 0)
    for i in range(30):
        year = rnd.randint(1950, 2003)
        female = rnd.random() < 0.5
        digit = (0 if year < 2000 else 2) + (1 if female else 0)
        head = "079%d%02d%06d" % (digit, year % 100, rnd.randint(0, 999999))
        when += dt.timedelta(days=rnd.randint(1, 12), minutes=rnd.randint(0, 500))
        ws.append(["HK-079-%06d" % (201 + i), head, rnd.randint(1, 7), "79", STREETS[i % len(STREETS)],
                   when.replace(hour=8 + i % 9, second=0)])
        ws.cell(ws.max_row, 6).number_format = "dd/mm/yyyy hh:mm"
    return wb


def main():
    wb, header, records = register()
    tmp = XLSX + ".openpyxl.xlsx"
    wb.save(tmp)
    tmp_h = XLS + ".openpyxl.xlsx"
    households().save(tmp_h)
    try:
        with Office() as office:
            doc = office.load(tmp)
            office.save(doc, XLSX, "Calc MS Excel 2007 XML")
            office.close(doc)
            doc = office.load(tmp_h)
            office.save(doc, XLS, "MS Excel 97")
            office.close(doc)
    finally:
        os.remove(tmp)
        os.remove(tmp_h)
    package.normalise(XLSX)
    check_register(header, records)
    h = views.view(XLS)
    assert h.kind("Households", "A31") == ("text", "HK-079-000230")
    assert h.kind("Households", "B2")[0] == "text" and len(h.kind("Households", "B2")[1]) == 12
    assert h.kind("Households", "F2")[0] == "date"


if __name__ == "__main__":
    main()
