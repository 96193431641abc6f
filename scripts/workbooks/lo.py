"""LibreOffice through its UNO bridge: load a workbook, save it with a filter (and a password),
and read every sheet's cells as LibreOffice holds them.

Used by make.py, hostile.py and oracle_cells.py. Needs Debian's python3-uno (run with
/usr/bin/python3) and libreoffice-calc-nogui. One headless soffice is started per `Office`,
with a private user profile so that no setting of the machine's user leaks into the output.
"""
import os
import shutil
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.util import DateTime


def _prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _named(name, value):
    p = NamedValue()
    p.Name = name
    p.Value = value
    return p


def _props(**kw):
    return tuple(_prop(k, v) for k, v in kw.items())


def _fix_properties(doc):
    """The same author and dates on every run, so that saved files differ only by content."""
    props = doc.DocumentProperties
    when = DateTime()
    when.Year, when.Month, when.Day = 2025, 6, 30
    props.CreationDate = when
    props.ModificationDate = when
    props.PrintDate = DateTime()
    props.Author = "chuan make.py"
    props.ModifiedBy = "chuan make.py"
    props.EditingDuration = 0
    props.EditingCycles = 1


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


class Office:
    """A headless soffice started for this process and stopped on exit (a context manager)."""

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="chuan-lo-profile-")
        self.pipe = "chuanwb%d" % os.getpid()
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             "-env:UserInstallation=" + url(self.profile),
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(600):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except NoConnectException:
                if self.proc.poll() is not None:
                    raise RuntimeError("soffice exited with %s" % self.proc.returncode)
                time.sleep(0.1)
        else:
            raise RuntimeError("soffice did not answer on its pipe")
        self.ctx = ctx
        self.desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        return self

    def __exit__(self, *exc):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def load(self, path, password=None):
        # read-only: no lock file is left beside the input, even when a step fails
        kw = {"Hidden": True, "ReadOnly": True}
        if password is not None:
            kw["Password"] = password
        doc = self.desktop.loadComponentFromURL(url(path), "_blank", 0, _props(**kw))
        if doc is None:
            raise RuntimeError("LibreOffice could not load " + path)
        return doc

    def new_calc(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                 _props(Hidden=True))

    @staticmethod
    def save(doc, path, filter_name, password=None):
        """Save a copy with the filter; with a password, encrypted as the format does it.

        LibreOffice 7.4 encrypts OOXML only when EncryptionData carries OOXPassword with a
        CryptoType (here "Standard": ECMA-376 standard encryption, AES-128) and ignores a plain
        Password for it; it encrypts .xls (RC4 CryptoAPI) only through storeAsURL with Password.
        """
        _fix_properties(doc)
        if password is None:
            doc.storeToURL(url(path), _props(FilterName=filter_name, Overwrite=True))
        elif filter_name.startswith("Calc MS Excel 2007"):
            data = uno.Any("[]com.sun.star.beans.NamedValue",
                           (_named("OOXPassword", password), _named("CryptoType", "Standard")))
            args = (_prop("FilterName", filter_name), _prop("EncryptionData", data), _prop("Overwrite", True))
            uno.invoke(doc, "storeToURL", (url(path), uno.Any("[]com.sun.star.beans.PropertyValue", args)))
        else:
            doc.storeAsURL(url(path), _props(FilterName=filter_name, Password=password, Overwrite=True))

    @staticmethod
    def close(doc):
        doc.close(True)
