#!/usr/bin/env python3
"""Build dist/esxi-diag.pyz: a zipapp of esxi_diag/ and vendor/ plus its __main__.py.

Byte-for-byte reproducible: entries sorted, fixed timestamps and permissions, no caches. Prints the
size and SHA-256. Run it as ``python esxi-diag.pyz ...`` on the host (ESXi 8 refuses to execute
files that no VIB installed, but the interpreter reading a file is fine).

Usage: python3 build.py [-o dist/esxi-diag.pyz]
"""

import argparse
import hashlib
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.abspath(__file__))
PACKAGES = ("esxi_diag", "vendor")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
SUFFIXES = (".py", ".json", ".txt", ".md")

MAIN = b'''"""esxi-diag zipapp entry point: python esxi-diag.pyz COMMAND ..."""
import os
import runpy
import sys

_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:  # "python -I" leaves the archive off sys.path on some versions
    sys.path.insert(0, _here)
runpy.run_module("esxi_diag", run_name="__main__", alter_sys=True)  # esxi_diag/__main__.py
# (esxi_diag/__init__.py puts vendor/ on sys.path, as it does for python -m esxi_diag)
'''


def files():
    out = []
    for top in PACKAGES:
        base = os.path.join(ROOT, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for name in filenames:
                if name.endswith(SUFFIXES):
                    path = os.path.join(dirpath, name)
                    out.append((os.path.relpath(path, ROOT).replace(os.sep, "/"), path))
    return sorted(out)


def _entry(name):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def build(output):
    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    tmp = output + ".tmp"
    with zipfile.ZipFile(tmp, "w") as archive:
        archive.writestr(_entry("__main__.py"), MAIN)
        for name, path in files():
            with open(path, "rb") as handle:
                archive.writestr(_entry(name), handle.read())
    os.replace(tmp, output)
    with open(output, "rb") as handle:
        data = handle.read()
    return len(data), hashlib.sha256(data).hexdigest()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=os.path.join(ROOT, "dist", "esxi-diag.pyz"))
    args = parser.parse_args(argv)
    try:
        size, digest = build(args.output)
    except OSError as exc:
        sys.stderr.write("build.py: cannot write %s: %s\n" % (args.output, exc.strerror or exc))
        return 1
    print("%s  %d bytes  sha256 %s" % (os.path.relpath(args.output), size, digest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
