"""esxi-diag: vMotion and Long Distance vMotion diagnostics for VMware ESXi hosts.

On-host code: Python 3.5 compatible, standard library only. Third-party pure-Python code, if any,
lives in ``vendor/`` beside this package (vendor/README.md); it is put on ``sys.path`` here, the
one place, so that ``python -m esxi_diag`` from a checkout and ``python esxi-diag.pyz`` (where
``vendor/`` sits beside ``esxi_diag/`` inside the archive) import it alike.
"""

import os as _os
import sys as _sys

__version__ = "0.1.0"
SCHEMA = "esxi-diag/1"

VENDOR = _os.path.join(_os.path.dirname(_os.path.dirname(_os.path.abspath(__file__))), "vendor")
if VENDOR not in _sys.path:
    _sys.path.insert(1, VENDOR)
