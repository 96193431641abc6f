#!/usr/bin/python3
"""Make the hostile workbooks of checks/src/test/resources/workbooks/hostile/ and their
hostile/EXPECTED.md. Every one is an input error: a reader must refuse it, naming the file,
without expanding, resolving or guessing.

Run with Debian's Python after make.py (it takes its clean workbooks from made/):
    /usr/bin/python3 scripts/workbooks/hostile.py

Made here: the zip bombs, the XXE and billion-laughs packages, the truncated and the disguised
files (this script's own bytes); the encrypted .xlsx and .xls (LibreOffice, password `secret`).
Re-running reproduces every byte except the encrypted files (random salt and key each time);
their content is checked instead (msoffcrypto-tool opens them with the password).
"""
import io
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make  # noqa: E402
import package  # noqa: E402
from lo import Office  # noqa: E402

OUT = os.path.join(make.ROOT, "checks/src/test/resources/workbooks/hostile")
MADE = make.OUT
GiB = 1 << 30
X = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROWS = []          # (file, what it is, what a reader must do), for EXPECTED.md


def row(name, what, must):
    ROWS.append((name, what, must))


def small_book(sheet_xml=None, shared=None, workbook_xml=None):
    """A one-sheet workbook's parts, with any of sheet1.xml, sharedStrings.xml, workbook.xml
    replaced by the bytes given."""
    sheet = ('<worksheet %s><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
             % make.NS)
    parts = make.package_parts([("Data", "visible", sheet)], shared=["id"])
    out = []
    for name, data in parts:
        if name == "xl/worksheets/sheet1.xml" and sheet_xml is not None:
            data = sheet_xml.encode("utf-8")
        elif name == "xl/sharedStrings.xml" and shared is not None:
            data = shared.encode("utf-8")
        elif name == "xl/workbook.xml" and workbook_xml is not None:
            data = workbook_xml.encode("utf-8")
        out.append((name, data))
    return out


def entity_files():
    targets = [("file", "file:///etc/passwd"), ("http", "http://127.0.0.1:9/chuan-xxe")]
    for tag, target in targets:
        decl = '<!ENTITY xxe SYSTEM "%s">' % target
        sheet = (X + '<!DOCTYPE worksheet [%s]>\n<worksheet %s><sheetData><row r="1">'
                 '<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>' % (decl, make.NS))
        shared = (X + '<!DOCTYPE sst [%s]>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                  'count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>' % decl)
        book = (X + '<!DOCTYPE workbook [%s]>\n<workbook %s><workbookPr/><sheets>'
                '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets><definedNames>'
                '<definedName name="leak">&xxe;</definedName></definedNames></workbook>' % (decl, make.NS))
        for part, kw in (("sheet", dict(sheet_xml=sheet)), ("sharedstrings", dict(shared=shared)),
                         ("workbook", dict(workbook_xml=book))):
            name = "xxe-%s-%s.xlsx" % (tag, part)
            package.write_zip(os.path.join(OUT, name), small_book(**kw))
            where = {"sheet": "xl/worksheets/sheet1.xml (cell A1, an inline string)",
                     "sharedstrings": "xl/sharedStrings.xml (string 0, shown in Data!A1)",
                     "workbook": "xl/workbook.xml (the defined name `leak`)"}[part]
            row(name, "XML external entity `%s` declared and used in %s" % (target, where),
                "refuse; never open %s" % ("the file" if tag == "file" else "the connection"))
    # an external DTD: the parser fetches it before any entity is used
    sheet = (X + '<!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/chuan-dtd.dtd">\n<worksheet %s><sheetData/>'
             '</worksheet>' % make.NS)
    package.write_zip(os.path.join(OUT, "xxe-http-dtd-sheet.xlsx"), small_book(sheet_xml=sheet))
    row("xxe-http-dtd-sheet.xlsx", "xl/worksheets/sheet1.xml names an external DTD `http://127.0.0.1:9/chuan-dtd.dtd`",
        "refuse (or ignore the DOCTYPE); never open the connection")

    lol = ['<!ENTITY lol0 "lol">'] + ['<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 10)]
    decl = "".join(lol)
    sheet = (X + '<!DOCTYPE worksheet [%s]>\n<worksheet %s><sheetData><row r="1">'
             '<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>' % (decl, make.NS))
    shared = (X + '<!DOCTYPE sst [%s]>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>' % decl)
    book = (X + '<!DOCTYPE workbook [%s]>\n<workbook %s><workbookPr/><sheets>'
            '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets><definedNames>'
            '<definedName name="laughs">&lol9;</definedName></definedNames></workbook>' % (decl, make.NS))
    for part, kw in (("sheet", dict(sheet_xml=sheet)), ("sharedstrings", dict(shared=shared)),
                     ("workbook", dict(workbook_xml=book))):
        name = "billion-laughs-%s.xlsx" % part
        package.write_zip(os.path.join(OUT, name), small_book(**kw))
        row(name, "billion laughs in the %s part: 10 levels of nested entities, `&lol9;` expands to 10^9 x `lol` (3 GB)"
            % {"sheet": "sheet1.xml", "sharedstrings": "sharedStrings.xml", "workbook": "workbook.xml"}[part],
            "refuse without expanding (no DOCTYPE, or an entity-expansion limit)")


def zip_bomb():
    """One sheet whose XML inflates to 4 GiB + 1 MiB (a single inline string of 'A's), stored
    deflated with zip64 sizes: about 4 MB on disk, a ratio of about 1000:1."""
    name = "zip-bomb.xlsx"
    path = os.path.join(OUT, name)
    head = (X + '<worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>' % make.NS).encode()
    tail = b'</t></is></c></row></sheetData></worksheet>'
    size = 4 * GiB + (1 << 20)
    parts = small_book()
    with zipfile.ZipFile(path, "w") as z:
        for pname, data in parts:
            info = zipfile.ZipInfo(pname, date_time=package.FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if pname != "xl/worksheets/sheet1.xml":
                z.writestr(info, data)
                continue
            chunk = b"A" * (16 << 20)
            with z.open(info, "w", force_zip64=True) as w:
                w.write(head)
                left = size - len(head) - len(tail)
                while left > 0:
                    n = min(left, len(chunk))
                    w.write(chunk[:n])
                    left -= n
                w.write(tail)
    with zipfile.ZipFile(path) as z:
        bomb = z.getinfo("xl/worksheets/sheet1.xml")
    on_disk = os.path.getsize(path)
    assert bomb.file_size >= 4 * GiB and on_disk < 10 * 1000 * 1000, (bomb.file_size, on_disk)
    row(name, "zip bomb by ratio: xl/worksheets/sheet1.xml (one inline string of `A`s) inflates to %d bytes "
        "(4 GiB + 1 MiB, zip64 sizes) from %d; the file is %d bytes, ratio %d:1"
        % (bomb.file_size, bomb.compress_size, on_disk, bomb.file_size // bomb.compress_size),
        "refuse before inflating it (an inflate-ratio or entry-size limit)")


def entry_count_bomb():
    """A valid one-sheet workbook followed by 100,000 empty stored entries."""
    name = "many-entries.xlsx"
    path = os.path.join(OUT, name)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def b36(n):
        s = ""
        while True:
            n, r = divmod(n, 36)
            s = digits[r] + s
            if n == 0:
                return s
    with zipfile.ZipFile(path, "w") as z:
        for pname, data in small_book():
            info = zipfile.ZipInfo(pname, date_time=package.FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        for i in range(100000):
            info = zipfile.ZipInfo("z/" + b36(i), date_time=package.FIXED_TIME)
            z.writestr(info, b"")
    with zipfile.ZipFile(path) as z:
        count = len(z.infolist())
    assert count >= 100000
    row(name, "zip with %d entries (a valid one-sheet workbook, then 100,000 empty entries `z/0` ... `z/255r`); %d bytes"
        % (count, os.path.getsize(path)), "refuse past an entry-count limit, before reading them all")


def truncated():
    for src, name in (("formulas-lo.xlsx", "truncated.xlsx"), ("formulas-lo.xls", "truncated.xls")):
        data = open(os.path.join(MADE, src), "rb").read()
        open(os.path.join(OUT, name), "wb").write(data[:len(data) // 2])
        row(name, "the first half (%d of %d bytes) of made/%s: %s" % (
            len(data) // 2, len(data), src,
            "no central directory, the last local entry cut" if name.endswith("x") else "an OLE compound file cut mid-sector"),
            "refuse as damaged (not an empty or partial sheet)")


def disguised():
    csv = "id,full_name,birth_date\r\n079090012345,Nguyễn Văn An,03/04/1990\r\n001185004521,Trần Thị Bình,12/11/1985\r\n"
    open(os.path.join(OUT, "csv-named.xlsx"), "wb").write(csv.encode("utf-8"))
    row("csv-named.xlsx", "a UTF-8 CSV file named .xlsx", "refuse: not a workbook (say it is CSV/text, do not read it as one)")
    html = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Danh sách</title></head><body>\n"
            "<p>Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.</p>\n</body></html>\n")
    open(os.path.join(OUT, "html-named.xlsx"), "wb").write(html.encode("utf-8"))
    row("html-named.xlsx", "an HTML page (a portal's \"session expired\" page saved under the download's name) named .xlsx",
        "refuse: not a workbook")
    table = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
             'xmlns="http://www.w3.org/TR/REC-html40">\n<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
             '<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>DanhSach</x:Name>'
             '</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->\n</head><body>\n'
             '<table border="1">\n<tr><th>STT</th><th>Số định danh</th><th>Họ và tên</th><th>Ngày sinh</th></tr>\n')
    for i, p in enumerate(make.PEOPLE[:4], 1):
        table += ('<tr><td>%d</td><td style="mso-number-format:\'\\@\'">%s</td><td>%s</td><td>%s</td></tr>\n'
                  % (i, p[0], p[1], p[2].strftime("%d/%m/%Y")))
    table += "</table>\n</body></html>\n"
    open(os.path.join(OUT, "html-table.xls"), "wb").write(table.encode("utf-8"))
    row("html-table.xls", "an HTML table named .xls, as government portals export (\"Excel\" HTML with mso-number-format, "
        "UTF-8, no BIFF record); Excel and LibreOffice open it", "refuse as not a workbook: say it is HTML (a reader may "
        "suggest saving it as CSV); never read it as BIFF")
    xml2003 = (X.replace(' standalone="yes"', '') + '<?mso-application progid="Excel.Sheet"?>\n'
               '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
               'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<Worksheet ss:Name="DanhSach"><Table>\n'
               '<Row><Cell><Data ss:Type="String">id</Data></Cell></Row>\n'
               '<Row><Cell><Data ss:Type="String">079090012345</Data></Cell></Row>\n'
               '</Table></Worksheet>\n</Workbook>\n')
    open(os.path.join(OUT, "xml-spreadsheet-2003.xls"), "wb").write(xml2003.encode("utf-8"))
    row("xml-spreadsheet-2003.xls", "an Excel 2003 XML Spreadsheet (SpreadsheetML) named .xls, another portal export",
        "refuse as not a workbook it reads: say it is XML Spreadsheet 2003")


def encrypted():
    import msoffcrypto
    with Office() as office:
        doc = office.load(os.path.join(MADE, "id-as-number.xlsx"))
        for name, flt in (("encrypted.xlsx", "Calc MS Excel 2007 XML"), ("encrypted.xls", "MS Excel 97")):
            office.save(doc, os.path.join(OUT, name), flt, password="secret")
        office.close(doc)
    for name, how in (("encrypted.xlsx", "an OLE compound file holding EncryptionInfo and EncryptedPackage "
                       "(ECMA-376 standard encryption, AES-128), not a zip"),
                      ("encrypted.xls", "BIFF8 with a FILEPASS record (RC4 CryptoAPI)")):
        f = msoffcrypto.OfficeFile(open(os.path.join(OUT, name), "rb"))
        assert f.is_encrypted(), name
        f.load_key(password="secret")
        clear = io.BytesIO()
        f.decrypt(clear)
        assert len(clear.getvalue()) > 1000, name
        row(name, "made/id-as-number.xlsx saved by LibreOffice with the password `secret`: %s" % how,
            "refuse as password-protected (say so; do not report it as damaged or as an empty workbook)")


def write_expected():
    lines = ["# Hostile workbooks: every one must be refused", "",
             "Made by `scripts/workbooks/hostile.py` (run after make.py). Each is an input error: a reader",
             "refuses it with a one-line message naming the file (exit 3, \"input could not be audited\"),",
             "without inflating a bomb, resolving an entity, opening a file or a connection, or reading a",
             "disguised file as something else. None of them may look like an empty workbook or a pass.",
             "The XXE files point at `file:///etc/passwd` and at `http://127.0.0.1:9/` (loopback, the",
             "discard port: nothing listens there; a test can listen on it to prove no request comes).", "",
             "| file | what it is | a reader must |", "|---|---|---|"]
    for name, what, must in sorted(ROWS):
        lines.append("| `%s` | %s | %s |" % (name, what, must))
    with open(os.path.join(OUT, "EXPECTED.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    entity_files()
    truncated()
    disguised()
    entry_count_bomb()
    zip_bomb()
    encrypted()
    write_expected()
    too_big = [n for n in os.listdir(OUT) if os.path.getsize(os.path.join(OUT, n)) > 10 * 1000 * 1000]
    assert not too_big, too_big


if __name__ == "__main__":
    main()
