#!/usr/bin/python3
"""Make the workbooks of checks/src/test/resources/workbooks/made/, each showing one defect a
workbook reader must report, and made/EXPECTED.md from the same list.

Run with Debian's Python (python3-openpyxl, python3-xlrd, python3-uno, libreoffice-calc-nogui):
    /usr/bin/python3 scripts/workbooks/make.py

Each workbook comes in up to three variants:
  NAME.xlsx      written by openpyxl: formulas have NO cached value (openpyxl cannot compute them),
                 or, for the handmade-* files, by this script's own XML (as Excel lays it out,
                 with cached values);
  NAME-lo.xlsx   that file opened and saved by LibreOffice Calc: formulas have cached values;
  NAME-lo.xls    the same, saved by LibreOffice as Excel 97-2003 (BIFF8).
Every file is read back (openpyxl for .xlsx, xlrd for .xls) and its checks must hold, or the
script stops: a committed file always shows the defect EXPECTED.md says it has.
"""
import datetime as dt
import os
import sys
import zipfile

import openpyxl
from openpyxl.styles import Border, PatternFill, Side

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import package  # noqa: E402
import views  # noqa: E402
from lo import Office  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "checks/src/test/resources/workbooks/made")

HEADER = ["id", "full_name", "birth_date", "province_code", "amount"]
# Invented people; each ID agrees with its birth year and sex (CCCD: province, sex/century digit,
# two year digits, six digits). Every ID starts with 0, so every one loses a digit as a number.
PEOPLE = [
    ("079090012345", "Nguyễn Văn An", dt.date(1990, 4, 3), "79", 1250000),
    ("001185004521", "Trần Thị Bình", dt.date(1985, 11, 12), "01", 980000.5),
    ("048090000117", "Lê Minh Châu", dt.date(1990, 1, 25), "48", 0),
    ("031301009876", "Phạm Thu Dung", dt.date(2001, 7, 9), "31", 2100000),
    ("092076004433", "Hoàng Đức Em", dt.date(1976, 12, 31), "92", 450000),
    ("079195011223", "Võ Thị Phương", dt.date(1995, 3, 8), "79", 760000),
    ("036088002468", "Đặng Quốc Gia", dt.date(1988, 8, 15), "36", 1330000),
    ("075199013579", "Bùi Ngọc Hà", dt.date(1999, 2, 28), "75", 90000),
]
DATE_FMT = "dd/mm/yyyy"


def fixed(wb):
    wb.properties.creator = "chuan make.py"
    wb.properties.lastModifiedBy = "chuan make.py"
    wb.properties.created = dt.datetime(2025, 6, 30)
    wb.properties.modified = dt.datetime(2025, 6, 30)
    return wb


def people_sheet(title="Data", people=PEOPLE):
    wb = fixed(openpyxl.Workbook())
    ws = wb.active
    ws.title = title
    ws.append(HEADER)
    for p in people:
        ws.append(list(p))
        ws.cell(ws.max_row, 3).number_format = DATE_FMT
    return wb, ws


# ---- the defects, one workbook each -------------------------------------------------------

def id_as_number():
    wb, ws = people_sheet()
    for row in (3, 5, 8):
        ws.cell(row, 1).value = int(ws.cell(row, 1).value)
    return wb


def id_as_number_zero_format():
    wb, ws = people_sheet()
    for row in range(2, 10):
        c = ws.cell(row, 1)
        c.value = int(c.value)
        c.number_format = "000000000000"
    return wb


def number_as_text():
    wb, ws = people_sheet()
    ws["E3"].value = "980000.5"
    ws["E7"].value = "760000"
    ws["E7"].number_format = "@"
    return wb


def scientific():
    wb = fixed(openpyxl.Workbook())
    ws = wb.active
    ws.title = "Data"
    ws.append(["id", "full_name", "account_no"])
    accounts = [123456789012, 9704229201234567, "1.23457E+11", 84912345678,
                "0071000123456", 1.9e+15, "9.70423E+15", 501234567890]
    for p, acc in zip(PEOPLE, accounts):
        ws.append([p[0], p[1], acc])
    ws["C5"].number_format = "0.00E+00"
    return wb


def dates(epoch):
    def build():
        wb, ws = people_sheet()
        if epoch == 1904:
            wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        ws["F1"].value = "birth_serial"
        for row in range(2, 10):
            ws.cell(row, 6).value = ws.cell(row, 3).value
            ws.cell(row, 6).number_format = "General"
        return wb
    return build


def date_mixed():
    wb, ws = people_sheet()
    ws["C4"].value = "25/01/1990"
    ws["C6"].value = "1976-12-31"
    ws["C8"].value = "15/08/1988"
    for ref in ("C4", "C6", "C8"):
        ws[ref].number_format = "General"
    return wb


def date_ambiguous():
    wb, ws = people_sheet()
    for row in range(2, 10):
        c = ws.cell(row, 3)
        c.value = c.value.strftime("%d/%m/%Y")
        c.number_format = "@"
    return wb


def formulas():
    wb, ws = people_sheet()
    ws["F1"], ws["G1"], ws["H1"] = "fee", "label", "birth_year"
    for row in range(2, 10):
        ws.cell(row, 6).value = "=E%d*0.1" % row
        ws.cell(row, 7).value = '=B%d&" ("&D%d&")"' % (row, row)
        ws.cell(row, 8).value = "=YEAR(C%d)" % row
    ws["A10"] = "total"
    ws["E10"] = "=SUM(E2:E9)"
    return wb


def errors():
    wb, ws = people_sheet()
    ws["F1"], ws["G1"] = "check", "code"
    ws["F2"] = "=E2/0"
    ws["F3"] = "=NA()"
    ws["F4"] = "=B4+1"
    ws["F5"] = "=#REF!+1"
    ws["F6"] = "=SUM(#REF!)"     # what a deleted range leaves behind
    ws["G7"] = "#N/A"          # an error typed in as a constant, no formula
    return wb


def merged():
    # the agency's habit: records sorted by province, the province cell merged over its records
    order = [PEOPLE[0], PEOPLE[5]] + [p for i, p in enumerate(PEOPLE) if i not in (0, 5)]
    wb, ws = people_sheet(people=order)
    ws["D3"].value = None
    ws.merge_cells("D2:D3")
    return wb


def hidden_row():
    wb, ws = people_sheet()
    ws.row_dimensions[5].hidden = True
    return wb


def hidden_column():
    wb, ws = people_sheet()
    ws.column_dimensions["E"].hidden = True
    return wb


def hidden_sheets():
    wb, ws = people_sheet()
    notes = wb.create_sheet("Notes")
    notes.append(["note"])
    notes.append(["Records 9-10 were removed before publishing; see Lists."])
    notes.sheet_state = "hidden"
    lists = wb.create_sheet("Lists")
    lists.append(HEADER)
    lists.append(["026190001122", "Ngô Thị Yến", dt.date(1990, 6, 1), "26", 300000])
    lists["C2"].number_format = DATE_FMT
    lists.sheet_state = "veryHidden"
    return wb


def trailing_empty_rows():
    wb, ws = people_sheet()
    fill = PatternFill("solid", fgColor="FFF2CC")
    thin = Side(style="thin")
    for row in range(10, 30):
        for col in range(1, 6):
            c = ws.cell(row, col)
            c.fill = fill
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            c.number_format = DATE_FMT if col == 3 else "General"
    return wb


# ---- workbooks written as XML, laid out as Excel writes them ------------------------------

CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_XLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill>'
          '<fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
          '</styleSheet>')


def package_parts(sheets, shared=None, date1904=False, main_type=CT_XLSX, extra=()):
    """The parts of a workbook package: sheets is [(name, state, sheet_xml)]; shared a list of
    strings for sharedStrings.xml (None: no such part); extra more (name, bytes, content type,
    workbook relationship type) parts."""
    x = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    ct = [x, '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/xl/workbook.xml" ContentType="%s"/>' % main_type,
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    rels = [x, '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    book = [x, '<workbook %s>' % NS,
            '<workbookPr%s/>' % (' date1904="1"' if date1904 else ''), '<sheets>']
    parts = []
    for i, (name, state, xml) in enumerate(sheets, 1):
        ct.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % i)
        rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, i))
        book.append('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (name, i, '' if state == 'visible' else ' state="%s"' % state, i))
        parts.append(("xl/worksheets/sheet%d.xml" % i, (x + xml).encode("utf-8")))
    n = len(sheets)
    rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' % (n + 1))
    if shared is not None:
        ct.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' % (n + 2))
        sst = [x, '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(shared), len(shared))]
        sst += ['<si><t>%s</t></si>' % s for s in shared]
        sst.append('</sst>')
        parts.append(("xl/sharedStrings.xml", "".join(sst).encode("utf-8")))
    for j, (name, data, ctype, reltype) in enumerate(extra, n + 3):
        ct.append('<Override PartName="/xl/%s" ContentType="%s"/>' % (name, ctype))
        rels.append('<Relationship Id="rId%d" Type="%s" Target="%s"/>' % (j, reltype, name))
        parts.append(("xl/" + name, data))
    ct.append('</Types>')
    rels.append('</Relationships>')
    book.append('</sheets></workbook>')
    root_rels = (x + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    return ([("[Content_Types].xml", "".join(ct).encode("utf-8")),
             ("_rels/.rels", root_rels.encode("utf-8")),
             ("xl/workbook.xml", "".join(book).encode("utf-8")),
             ("xl/_rels/workbook.xml.rels", "".join(rels).encode("utf-8")),
             ("xl/styles.xml", STYLES.encode("utf-8"))] + parts)


def serial(d, epoch=1900):
    base = dt.date(1899, 12, 30) if epoch == 1900 else dt.date(1904, 1, 1)
    return (d - base).days


def handmade_shared_formulas(path):
    """Shared formulas (one master, the rest pointing at it by si) with cached values of every
    type: number, string (t="str"), boolean, and the errors #REF!, #N/A and #DIV/0!."""
    strings = HEADER + ["fee", "label", "adult", "check"] + [p[1] for p in PEOPLE]
    idx = {s: i for i, s in enumerate(strings)}
    rows = ['<row r="1">' + "".join('<c r="%s1" t="s"><v>%d</v></c>' % (chr(65 + i), idx[h])
                                     for i, h in enumerate(HEADER + ["fee", "label", "adult", "check"])) + '</row>']
    for r, p in enumerate(PEOPLE, 2):
        fee = p[4] * 0.1
        f_fee = '<f t="shared" ref="F2:F9" si="0">E2*0.1</f>' if r == 2 else '<f t="shared" si="0"/>'
        f_lab = '<f t="shared" ref="G2:G9" si="1">B2&amp;" ("&amp;D2&amp;")"</f>' if r == 2 else '<f t="shared" si="1"/>'
        f_adu = '<f t="shared" ref="H2:H9" si="2">YEAR(C2)&lt;=2007</f>' if r == 2 else '<f t="shared" si="2"/>'
        if r == 3:
            check = '<c r="I3" t="e"><f>#REF!+1</f><v>#REF!</v></c>'
        elif r == 4:
            check = '<c r="I4" t="e"><f>NA()</f><v>#N/A</v></c>'
        elif r == 5:
            check = '<c r="I5" t="e"><f>E5/0</f><v>#DIV/0!</v></c>'
        else:
            check = ''
        rows.append('<row r="%d">' % r
                    + '<c r="A%d" t="s"><v>%d</v></c>' % (r, len(strings) + r - 2)
                    + '<c r="B%d" t="s"><v>%d</v></c>' % (r, idx[p[1]])
                    + '<c r="C%d" s="1"><v>%d</v></c>' % (r, serial(p[2]))
                    + '<c r="D%d" t="s"><v>%d</v></c>' % (r, len(strings) + 8 + r - 2)
                    + '<c r="E%d"><v>%s</v></c>' % (r, repr(p[4]) if isinstance(p[4], float) else p[4])
                    + '<c r="F%d">%s<v>%s</v></c>' % (r, f_fee, repr(fee) if fee != int(fee) else int(fee))
                    + '<c r="G%d" t="str">%s<v>%s (%s)</v></c>' % (r, f_lab, p[1], p[3])
                    + '<c r="H%d" t="b">%s<v>%d</v></c>' % (r, f_adu, 1 if p[2].year <= 2007 else 0)
                    + check + '</row>')
    strings += [p[0] for p in PEOPLE] + [p[3] for p in PEOPLE]
    sheet = ('<worksheet %s><dimension ref="A1:I9"/><sheetData>%s</sheetData></worksheet>'
             % (NS, "".join(rows)))
    package.write_zip(path, package_parts([("Data", "visible", sheet)], shared=strings))


def handmade_inline_strings(path):
    """No sharedStrings part: every text is an inline string (t="inlineStr"), as streaming
    writers make them; no <dimension>; the cells of rows 6-9 carry no r attribute (each
    follows the one before it), which readers must allow."""
    def inline(ref, text):
        r = ' r="%s"' % ref if ref else ''
        return '<c%s t="inlineStr"><is><t>%s</t></is></c>' % (r, text)
    rows = ['<row r="1">' + "".join(inline("%s1" % chr(65 + i), h) for i, h in enumerate(HEADER)) + '</row>']
    for r, p in enumerate(PEOPLE, 2):
        with_refs = r < 6
        ref = (lambda col: "%s%d" % (col, r)) if with_refs else (lambda col: None)
        num = lambda col, v, s='': '<c%s%s><v>%s</v></c>' % (' r="%s"' % ref(col) if ref(col) else '', s, v)  # noqa: E731
        rows.append(('<row r="%d">' % r if with_refs else '<row>')
                    + inline(ref("A"), p[0]) + inline(ref("B"), p[1])
                    + num("C", serial(p[2]), ' s="1"') + inline(ref("D"), p[3]) + num("E", p[4])
                    + '</row>')
    sheet = '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (NS, "".join(rows))
    package.write_zip(path, package_parts([("Data", "visible", sheet)]))


def macro_xlsm(path):
    """A macro-enabled package: the macroEnabled main content type and an xl/vbaProject.bin part
    related to the workbook. The part's bytes are a placeholder, not a compiled VBA project:
    what a reader must notice is the package type, not run or parse the code."""
    wb = people_sheet()[0]
    tmp = path + ".tmp.xlsx"
    wb.save(tmp)
    with zipfile.ZipFile(tmp) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    os.remove(tmp)
    out = []
    for name, data in entries:
        if name == "[Content_Types].xml":
            data = data.replace(CT_XLSX.encode(), CT_XLSM.encode())
            data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        elif name == "xl/_rels/workbook.xml.rels":
            data = data.replace(b"</Relationships>",
                                b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
        out.append((name, data))
    out.append(("xl/vbaProject.bin", b"placeholder for a VBA project (chuan test data; not compiled VBA)\n"))
    package.write_zip(path, out)
    package.normalise(path)


# ---- the list: file, how it is made, what EXPECTED.md says, and the checks ----------------
# A check is (what, where, expected...); variants: "src" (the openpyxl or handmade file),
# "lo" (LibreOffice xlsx), "xls" (LibreOffice xls). A check tagged with variants holds only there.

ALL = ("src", "lo", "xls")

SPECS = [
    dict(name="id-as-number", make=id_as_number,
         rows=[("Data", "A3, A5, A8", "ID stored as a number: leading zero lost (`1185004521` for `001185004521`, `31301009876`, `36088002468`); the other IDs are text", ALL)],
         checks=[("kind", "Data!A3", "number", 1185004521), ("kind", "Data!A5", "number", 31301009876),
                 ("kind", "Data!A8", "number", 36088002468), ("kind", "Data!A2", "text", "079090012345")]),
    dict(name="id-as-number-zero-format", make=id_as_number_zero_format,
         rows=[("Data", "A2:A9", "every ID stored as a number with the format `000000000000`: shown with its zeros (`079090012345`), stored without (`79090012345`)", ALL)],
         checks=[("kind", "Data!A2", "number", 79090012345), ("numfmt", "Data!A2", "000000000000")]),
    dict(name="number-as-text", make=number_as_text,
         rows=[("Data", "E3, E7", "number stored as text in the numeric column `amount` (`980000.5`; `760000` with the text format `@`)", ALL)],
         checks=[("kind", "Data!E3", "text", "980000.5"), ("kind", "Data!E7", "text", "760000"),
                 ("kind", "Data!E2", "number", 1250000)]),
    dict(name="scientific", make=scientific,
         rows=[("Data", "C2, C9", "12-digit number in General format: Excel shows `1.23457E+11`", ALL),
               ("Data", "C3", "16-digit account number `9704229201234567` typed as a number: stored as the double 9704229201234568 (past 2^53, the last digit changed)", ("src", "xls")),
               ("Data", "C3", "the same number written by LibreOffice with 15 significant digits: `9704229201234570` in the XML", ("lo",)),
               ("Data", "C4, C8", "text that is already scientific notation (`1.23457E+11`, `9.70423E+15`): the digits are gone", ALL),
               ("Data", "C5", "number with the format `0.00E+00`: shown `8.49E+10`", ALL),
               ("Data", "C7", "`1.9E+15` typed as a number: stored 1900000000000000", ALL),
               ("Data", "C6", "control: text `0071000123456` (a good account number stored as text)", ALL)],
         checks=[("kind", "Data!C2", "number", 123456789012), ("kind", "Data!C3", "number", 9704229201234568, ("src", "xls")),
                 ("kind", "Data!C3", "number", 9704229201234570, ("lo",)),
                 ("kind", "Data!C4", "text", "1.23457E+11"), ("numfmt", "Data!C5", "0.00E+00"),
                 ("kind", "Data!C6", "text", "0071000123456")]),
    dict(name="dates-1900", make=dates(1900),
         rows=[("Data", "C2:C9", "dates as serials of the 1900 date system, formatted `dd/mm/yyyy` (C2 = 32966 = 1990-04-03)", ALL),
               ("Data", "F2:F9", "the same serials in General format: a date shown as a bare number", ALL)],
         checks=[("date1904", False), ("kind", "Data!C2", "date", None), ("kind", "Data!F2", "number", 32966)]),
    dict(name="dates-1904", make=dates(1904),
         rows=[("Data", "C2:C9", "dates in the 1904 date system (workbookPr date1904): C2 = 31504 = 1990-04-03", ALL),
               ("Data", "F2:F9", "the same serials in General format (31504 ... read as 1900-system days it would be 1986-04-02)", ALL)],
         checks=[("date1904", True), ("kind", "Data!C2", "date", None), ("kind", "Data!F2", "number", 31504)]),
    dict(name="date-mixed", make=date_mixed,
         rows=[("Data", "C4, C6, C8", "text dates (`25/01/1990`, `1976-12-31`, `15/08/1988`) in a column of real dates", ALL)],
         checks=[("kind", "Data!C4", "text", "25/01/1990"), ("kind", "Data!C6", "text", "1976-12-31"),
                 ("kind", "Data!C2", "date", None)]),
    dict(name="date-ambiguous", make=date_ambiguous,
         rows=[("Data", "C2, C3, C5, C7", "text dates readable as dd/MM or MM/dd (`03/04/1990`, `12/11/1985`, `09/07/2001`, `08/03/1995`)", ALL),
               ("Data", "C4, C6, C8, C9", "text dates only dd/MM can read (`25/01/1990`, `31/12/1976`, `15/08/1988`, `28/02/1999`): the column is dd/MM", ALL)],
         checks=[("kind", "Data!C2", "text", "03/04/1990"), ("kind", "Data!C4", "text", "25/01/1990")]),
    dict(name="formulas", make=formulas,
         rows=[("Data", "F2:H9, E10", "formulas (`=E2*0.1`, `=B2&\" (\"&D2&\")\"`, `=YEAR(C2)`, `=SUM(E2:E9)`) WITHOUT a cached value", ("src",)),
               ("Data", "F2:H9, E10", "the same formulas with cached values (F2 = 125000, G2 = `Nguyễn Văn An (79)`, H2 = 1990, E10 = 6960000.5)", ("lo", "xls"))],
         checks=[("formula", "Data!F2"), ("cached", "Data!F2", None, ("src",)),
                 ("cached", "Data!F2", 125000, ("lo", "xls")), ("cached", "Data!G2", "Nguyễn Văn An (79)", ("lo", "xls")),
                 ("cached", "Data!H2", 1990, ("lo", "xls")), ("cached", "Data!E10", 6960000.5, ("lo", "xls"))]),
    dict(name="errors", make=errors,
         rows=[("Data", "F2:F6", "formulas that give errors (`=E2/0`, `=NA()`, `=B4+1`, `=#REF!+1`, `=SUM(#REF!)`), WITHOUT a cached value", ("src",)),
               ("Data", "F2:F6", "the same with cached errors: #DIV/0!, #N/A, #VALUE!, #REF!, #REF!", ("lo", "xls")),
               ("Data", "G7", "the error `#N/A` typed in as a constant (t=\"e\", no formula)", ("src", "xls")),
               ("Data", "G7", "that constant as LibreOffice saves it: the formula `=#N/A` with the cached error #N/A", ("lo",))],
         checks=[("formula", "Data!F2"), ("cached", "Data!F2", None, ("src",)),
                 ("cached", "Data!F2", "#DIV/0!", ("lo", "xls")), ("cached", "Data!F3", "#N/A", ("lo", "xls")),
                 ("cached", "Data!F4", "#VALUE!", ("lo", "xls")), ("cached", "Data!F5", "#REF!", ("lo", "xls")),
                 ("cached", "Data!F6", "#REF!", ("lo", "xls")), ("kind", "Data!G7", "error", "#N/A", ("src", "xls")),
                 ("cached", "Data!G7", "#N/A", ("lo",))]),
    dict(name="merged", make=merged,
         rows=[("Data", "D2:D3", "merged cells in the data: province `79` spans the records of rows 2 and 3; D3 itself is empty", ALL)],
         checks=[("merged", "Data", ["D2:D3"]), ("kind", "Data!D3", "empty", None), ("kind", "Data!D2", "text", "79")]),
    dict(name="hidden-row", make=hidden_row,
         rows=[("Data", "row 5", "a hidden row holding a record (`031301009876`)", ALL)],
         checks=[("hidden_row", "Data", 5, True), ("hidden_row", "Data", 4, False), ("kind", "Data!A5", "text", "031301009876")]),
    dict(name="hidden-column", make=hidden_column,
         rows=[("Data", "column E", "a hidden column (`amount`) holding data", ALL)],
         checks=[("hidden_col", "Data", "E", True), ("hidden_col", "Data", "D", False), ("kind", "Data!E2", "number", 1250000)]),
    dict(name="hidden-sheets", make=hidden_sheets,
         rows=[("Notes", "A1:A2", "a hidden sheet (state=\"hidden\")", ALL),
               ("Lists", "A1:E2", "a very hidden sheet (state=\"veryHidden\", not listed by Excel's Unhide) holding a record", ("src",)),
               ("Lists", "A1:E2", "the same sheet after LibreOffice, which knows no \"very hidden\": state=\"hidden\"", ("lo", "xls"))],
         checks=[("state", "Data", "visible"), ("state", "Notes", "hidden"), ("state", "Lists", "veryHidden", ("src",)), ("state", "Lists", "hidden", ("lo", "xls")),
                 ("kind", "Lists!A2", "text", "026190001122")]),
    dict(name="trailing-empty-rows", make=trailing_empty_rows,
         rows=[("Data", "A10:E29", "20 formatted but empty rows after the last record (fill, border, number format; no value)", ALL)],
         checks=[("max_row", "Data", 29), ("kind", "Data!A29", "empty", None), ("kind", "Data!A9", "text", "075199013579")]),
    dict(name="handmade-shared-formulas", make=handmade_shared_formulas, handmade=True,
         rows=[("Data", "F2:H9", "shared formulas (one master `<f t=\"shared\" ref=... si=...>`, the rest `<f t=\"shared\" si=...\"/>`), with cached values: number, string (t=\"str\"), boolean", ALL),
               ("Data", "I3, I4, I5", "formulas with cached errors #REF!, #N/A, #DIV/0! (t=\"e\")", ALL)],
         checks=[("formula", "Data!F3"), ("cached", "Data!F3", 98000.05), ("cached", "Data!G2", "Nguyễn Văn An (79)"),
                 ("cached", "Data!H5", True), ("cached", "Data!I3", "#REF!"), ("cached", "Data!I4", "#N/A"),
                 ("cached", "Data!I5", "#DIV/0!"), ("kind", "Data!C2", "date", None)]),
    dict(name="handmade-inline-strings", make=handmade_inline_strings, handmade=True,
         rows=[("Data", "A1:E9", "text as inline strings (t=\"inlineStr\"), no sharedStrings part, no <dimension>; rows 6-9 and their cells have no r attribute", ("src",)),
               ("Data", "A1:E9", "the same content after LibreOffice (shared strings, r attributes): a control", ("lo", "xls"))],
         checks=[("kind", "Data!A2", "text", "079090012345"), ("kind", "Data!A9", "text", "075199013579"),
                 ("kind", "Data!E9", "number", 90000), ("kind", "Data!C9", "date", None)]),
]


def run_check(view, variant, check):
    what = check[0]
    tags = check[-1] if isinstance(check[-1], tuple) else ALL
    if variant not in tags:
        return None
    args = check[1:-1] if isinstance(check[-1], tuple) else check[1:]
    if what == "date1904":
        got, want = view.date1904(), args[0]
    elif what == "state":
        got, want = view.sheet_state(args[0]), args[1]
    elif what in ("kind", "cached", "formula", "numfmt"):
        sheet, ref = args[0].split("!")
        if what == "kind":
            kind, value = view.kind(sheet, ref)
            got, want = (kind, value if args[2] is not None else None), (args[1], args[2])
        elif what == "cached":
            got, want = view.cached(sheet, ref), args[1]
            if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
                got = round(got, 6)
        elif what == "formula":
            if variant == "xls":
                return None         # xlrd does not read formulas
            got, want = view.kind(sheet, ref)[0], "formula"
        else:
            got, want = view.numfmt(sheet, ref), args[1]
    elif what == "hidden_row":
        got, want = view.hidden_row(args[0], args[1]), args[2]
    elif what == "hidden_col":
        got, want = view.hidden_col(args[0], args[1]), args[2]
    elif what == "merged":
        got, want = view.merged(args[0]), args[1]
    elif what == "max_row":
        got, want = view.max_row(args[0]), args[1]
    else:
        raise ValueError(what)
    return got == want, got, want


def main():
    os.makedirs(OUT, exist_ok=True)
    failures = []
    made = []
    with Office() as office:
        for spec in SPECS:
            src = os.path.join(OUT, spec["name"] + ".xlsx")
            if spec.get("handmade"):
                spec["make"](src)
            else:
                spec["make"]().save(src)
                package.normalise(src)
            doc = office.load(src)
            lo_xlsx = os.path.join(OUT, spec["name"] + "-lo.xlsx")
            lo_xls = os.path.join(OUT, spec["name"] + "-lo.xls")
            office.save(doc, lo_xlsx, "Calc MS Excel 2007 XML")
            office.save(doc, lo_xls, "MS Excel 97")
            office.close(doc)
            package.normalise(lo_xlsx)
            for variant, path in (("src", src), ("lo", lo_xlsx), ("xls", lo_xls)):
                v = views.view(path)
                for check in spec["checks"]:
                    r = run_check(v, variant, check)
                    if r is not None and not r[0]:
                        failures.append("%s: %r got %r, want %r" % (os.path.basename(path), check, r[1], r[2]))
            made.append(spec)
    xlsm = os.path.join(OUT, "macro.xlsm")
    macro_xlsm(xlsm)
    with zipfile.ZipFile(xlsm) as z:
        if CT_XLSM not in z.read("[Content_Types].xml").decode() or "xl/vbaProject.bin" not in z.namelist():
            failures.append("macro.xlsm: not a macro-enabled package")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    write_expected(made)


def write_expected(specs):
    lines = ["# Made workbooks: what each shows", "",
             "Made by `scripts/workbooks/make.py` (Debian 12: python3-openpyxl 3.0.9, LibreOffice Calc 7.4);",
             "rerun it to remake them byte for byte (zip entry dates, document dates and authors are",
             "fixed). Every file was read back (openpyxl, xlrd) and shows what its row says: make.py",
             "stops when a check fails. LibreOffice's own reading of each is in `../oracle/`.", "",
             "Variants: `NAME.xlsx` is written by openpyxl (formulas have NO cached value) or, for",
             "`handmade-*`, by make.py's own XML as Excel lays it out (cached values present);",
             "`NAME-lo.xlsx` is that file opened and saved by LibreOffice Calc (formulas cached);",
             "`NAME-lo.xls` is the same saved by LibreOffice as Excel 97-2003 (BIFF8).", "",
             "Every data sheet is `id, full_name, birth_date, province_code, amount` (header in row 1,",
             "8 invented records in rows 2-9), unless the row says otherwise.", "",
             "| file | made by | sheet | cell(s) | defect |", "|---|---|---|---|---|"]
    for spec in specs:
        by = {"src": "make.py XML" if spec.get("handmade") else "openpyxl", "lo": "LibreOffice", "xls": "LibreOffice"}
        for variant, suffix in (("src", ".xlsx"), ("lo", "-lo.xlsx"), ("xls", "-lo.xls")):
            for sheet, cells, defect, tags in spec["rows"]:
                if variant in tags:
                    lines.append("| `%s%s` | %s | %s | %s | %s |" % (spec["name"], suffix, by[variant], sheet, cells, defect))
    lines.append("| `macro.xlsm` | openpyxl + make.py | Data | (package) | a macro-enabled workbook: main part of type "
                 "`application/vnd.ms-excel.sheet.macroEnabled.main+xml` and an `xl/vbaProject.bin` part (a placeholder, not compiled VBA) |")
    lines += ["", "What LibreOffice 7.4 changes when it saves (found by these checks, kept as rows above): it",
              "writes a 16-digit number with 15 significant digits in .xlsx (`9704229201234570`), an error",
              "constant as the formula `=#N/A`, and a very hidden sheet as merely hidden. Its own results",
              "differ from Excel's for some errors: `=INDEX(E2:E9,20)` and `=OFFSET(A1,-1,0)` give #VALUE!",
              "(Excel: #REF!); so the #REF! cells here use",
              "`=#REF!+1` and `=SUM(#REF!)`, which both give #REF!.", "",
              "Not here: an `.xlsm` with a compiled VBA project (make.py writes a placeholder part; see",
              "../real/SOURCES.md for real ones)."]
    with open(os.path.join(OUT, "EXPECTED.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
