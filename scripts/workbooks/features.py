#!/usr/bin/python3
"""Say which workbook features a file exercises, from its bytes: container, encryption, date
system, sheet states, hidden rows and columns, merged ranges, formulas (shared, without a cached
value, with a cached error), error constants, inline strings, DOCTYPEs, a VBA project.

    /usr/bin/python3 scripts/workbooks/features.py FILE...

Used to write and check real/SOURCES.md. It never expands an entity or a bomb: .xlsx parts are
read raw (at most 50 MB of each) and scanned with regular expressions.
"""
import re
import sys
import zipfile

import olefile
import xlrd

LIMIT = 50 << 20


def ooxml(path):
    out = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if len(names) > 10000:
            return ["entries=%d" % len(names)]
        big = [i.filename for i in z.infolist() if i.file_size > LIMIT]
        if big:
            return ["huge part %s" % big[0]]
        parts = {n: z.read(n).decode("utf-8", "replace") for n in names if n.endswith(".xml") or n.endswith(".rels")}
        ct = parts.get("[Content_Types].xml", "")
        if "macroEnabled" in ct:
            out.append("macro-enabled")
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            out.append("vbaProject.bin")
        book = parts.get("xl/workbook.xml", "")
        if re.search(r'date1904="(1|true)"', book):
            out.append("date1904")
        for state in ("hidden", "veryHidden"):
            n = len(re.findall(r'<sheet [^>]*state="%s"' % state, book))
            if n:
                out.append("%s-sheets=%d" % (state, n))
        doctypes = [n for n, t in parts.items() if "<!DOCTYPE" in t or "<!ENTITY" in t]
        if doctypes:
            out.append("DOCTYPE in " + ",".join(sorted(doctypes)))
        if "xl/sharedStrings.xml" not in names:
            out.append("no-sharedStrings")
        counts = {}
        for n, t in parts.items():
            if not re.match(r"xl/worksheets/[^/]+\.xml$", n):
                continue
            rx = {
                "hidden-rows": r'<row [^>]*hidden="(1|true)"',
                "hidden-cols": r'<col [^>]*hidden="(1|true)"',
                "merged": r"<mergeCell ",
                "formulas": r"<f[ >/]",
                "shared-formulas": r'<f [^>]*t="shared"',
                "error-cells": r'<c [^>]*t="e"',
                "inlineStr": r't="inlineStr"',
                "no-r-cells": r"<c(?![^>]*\br=)[ >]",
            }
            for k, p in rx.items():
                counts[k] = counts.get(k, 0) + len(re.findall(p, t))
            # a formula with no <v> before the cell closes: no cached value
            counts["formulas-no-cache"] = counts.get("formulas-no-cache", 0) + len(
                re.findall(r"<c [^>]*>(?:(?!</c>).)*?<f[^>]*(?:/>|>[^<]*</f>)\s*(?:<v>\s*</v>|<v/>)?\s*</c>", t, re.S))
        out += ["%s=%d" % (k, v) for k, v in counts.items() if v]
    return out


def biff(path):
    out = []
    ole = olefile.OleFileIO(path)
    streams = ["/".join(s) for s in ole.listdir()]
    ole.close()
    if "EncryptionInfo" in streams:
        return ["OLE: encrypted OOXML (EncryptionInfo, EncryptedPackage)"]
    try:
        b = xlrd.open_workbook(path, formatting_info=True, on_demand=False)
    except xlrd.biffh.XLRDError as e:
        return ["xlrd: %s" % e]
    if b.datemode:
        out.append("date1904")
    for s in b.sheets():
        if s.visibility:
            out.append("sheet %r %s" % (s.name, {1: "hidden", 2: "veryHidden"}[s.visibility]))
        hr = sum(1 for i in s.rowinfo_map.values() if i.hidden)
        hc = sum(1 for i in s.colinfo_map.values() if i.hidden)
        if hr:
            out.append("%s: hidden-rows=%d" % (s.name, hr))
        if hc:
            out.append("%s: hidden-cols=%d" % (s.name, hc))
        if s.merged_cells:
            out.append("%s: merged=%d" % (s.name, len(s.merged_cells)))
        errs = sum(1 for r in range(s.nrows) for c in range(s.ncols) if s.cell_type(r, c) == xlrd.XL_CELL_ERROR)
        dates = sum(1 for r in range(s.nrows) for c in range(s.ncols) if s.cell_type(r, c) == xlrd.XL_CELL_DATE)
        if errs:
            out.append("%s: error-values=%d" % (s.name, errs))
        if dates:
            out.append("%s: dates=%d" % (s.name, dates))
    return out


def describe(path):
    head = open(path, "rb").read(8)
    if head.startswith(b"PK"):
        try:
            return "zip: " + " ".join(ooxml(path))
        except zipfile.BadZipFile as e:
            return "zip, damaged: %s" % e
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        try:
            return "ole: " + " ".join(biff(path))
        except Exception as e:  # a damaged compound file
            return "ole, damaged: %s: %s" % (type(e).__name__, e)
    return "neither zip nor OLE: starts %r" % head


def main():
    for f in sys.argv[1:]:
        print("%s\t%s" % (f.rsplit("/", 1)[-1], describe(f)))


if __name__ == "__main__":
    main()
