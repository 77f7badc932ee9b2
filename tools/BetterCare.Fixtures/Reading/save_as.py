"""Saves a workbook in another format through a headless LibreOffice, optionally with a password.

usage: python3 save_as.py IN OUT FILTER [PASSWORD]   (FILTER e.g. "MS Excel 97")
Needs Debian's libreoffice-calc-nogui and python3-uno, run with /usr/bin/python3. See ../README.md.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(src, dst, filter_name, password=None):
    pipe = "bcf_fixtures_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--norestore", "--accept=pipe,name=%s;urp;" % pipe])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        args = [prop("FilterName", filter_name), prop("Overwrite", True)]
        if password:
            args.append(prop("Password", password))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), tuple(args))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice exits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.terminate()


if __name__ == "__main__":
    main(*sys.argv[1:5])
