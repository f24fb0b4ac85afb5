"""esxi-diag: vMotion and Long Distance vMotion diagnostics for VMware ESXi hosts.

On-host code: Python 3.5 compatible, standard library only.
"""

__version__ = "0.1.0"
SCHEMA = "esxi-diag/1"
