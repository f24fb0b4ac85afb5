import sys

try:
    from esxi_diag.cli import main
except ImportError as exc:  # a trimmed host Python without a module esxi-diag needs
    sys.stderr.write("esxi-diag: this Python (%s) lacks a module esxi-diag needs: %s\n" % (
        sys.version.split()[0], exc))
    sys.exit(3)

sys.exit(main())
