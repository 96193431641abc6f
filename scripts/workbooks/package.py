"""Zip packages written the same way on every run, so that a re-run of make.py or hostile.py
changes no committed byte unless the content changed."""
import re
import zipfile

FIXED_TIME = (2025, 6, 30, 0, 0, 0)
FIXED_ISO = "2025-06-30T00:00:00Z"


def write_zip(path, entries, compression=zipfile.ZIP_DEFLATED):
    """Write (name, bytes) pairs in the order given, every entry dated FIXED_TIME."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def normalise(path):
    """Rewrite an OOXML package in place: fixed entry dates, fixed document dates, no edit time.

    openpyxl and LibreOffice both stamp the time of saving into docProps and into each zip entry;
    nothing else they write depends on the clock.
    """
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in entries:
        if name == "docProps/core.xml":
            text = data.decode("utf-8")
            text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", r"\g<1>" + FIXED_ISO + r"\3", text)
            data = text.encode("utf-8")
        elif name == "docProps/app.xml":
            text = data.decode("utf-8")
            text = re.sub(r"<TotalTime>[^<]*</TotalTime>", "<TotalTime>0</TotalTime>", text)
            data = text.encode("utf-8")
        out.append((name, data))
    write_zip(path, out)
