import sys

from esxi_diag.cli import main

sys.exit(main())
