#!/usr/bin/env python3
"""The Python 3.5 grammar gate: ast.parse(..., feature_version=(3, 5)) over the on-host code.

Run it under Python 3.11 (3.12 and later no longer flag f-strings in that mode). vermin checks
the standard-library side (``vermin -t=3.5- --no-tips --violations esxi_diag vendor``).
Usage: python3.11 tools/py35_gate.py esxi_diag vendor
"""
import ast
import os
import sys


def main(tops):
    if sys.version_info[:2] != (3, 11):
        sys.stderr.write("py35_gate: run me under Python 3.11, not %d.%d\n" % sys.version_info[:2])
        return 2
    bad = 0
    count = 0
    for top in tops:
        for root, _, files in os.walk(top):
            for name in sorted(files):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(root, name)
                count += 1
                with open(path, encoding="utf-8") as handle:
                    source = handle.read()
                try:
                    ast.parse(source, path, feature_version=(3, 5))
                except SyntaxError as exc:
                    print("%s:%s: %s" % (path, exc.lineno, exc.msg))
                    bad += 1
    print("py35_gate: %d file(s) checked, %d not Python 3.5 grammar" % (count, bad))
    return 1 if bad or not count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["esxi_diag", "vendor"]))
