"""The facts model of one host, and the checks every value passes on its way in.

``new_facts()`` is the whole model (docs/report.md shows it as JSON): ``None`` means unknown, and a
family of facts is listed in ``facts["known"]`` only when a complete listing of it was read. The
value helpers return the value, or None when it is absent, ``N/A`` or not what its field holds (an
integer where a name belongs, ``133E`` for a number, a MAC that is not one): a bad value is that
one fact unknown, never an exception and never a wrong fact. The extractors of the command kinds
(kinds/) fill the model through them.
"""

import re

from esxi_diag import names
from esxi_diag.parsers import ParseError, cells
from esxi_diag.message import msg




def new_facts():
    return {
        "host": {"hostname": None, "fqdn": None, "product": None, "version": None, "build": None,
                 "update": None, "patch": None, "secure_boot": None, "encryption": None},
        "vmknics": {},
        "nics": {},
        "vswitches": {},
        "portgroups": {},
        "netstacks": None,
        "routes": {},
        "routes6": {},
        "partial_routes": {},
        "default_gateway": None,
        "tuning": {"net_expected_line_rate_mbps": None, "latency_mode_threshold_ms": None,
                   "sbmax": {}, "sbmax_limits": {}, "sbmax_status": {}},
        "probes": [],
        # virtual machines (kinds/vms.py): the inventory (vim-cmd vmsvc/getallvms: None = not
        # read), the invalid entries it skipped, each .vmx read (by path), the running VMs
        # (esxcli network vm list: None = not read) and the ports of some (by World ID)
        "vm": {"inventory": None, "skipped": [], "vmx": {}, "running": None, "ports": {}},
        # the host firewall (kinds/firewall.py): None = not read
        "firewall": {"enabled": None, "default_action": None, "rulesets": None, "rules": {}},
        "known": set(),
        "notes": [],
    }


def new_vmknic(name):
    return {"name": name, "enabled": None, "netstack": None, "mtu": None, "portgroup": None,
            "portset": None, "vds_name": None, "dvport": None, "opaque_network": None,
            "mac": None, "tags": None, "ipv4": None, "ipv4_known": False, "ipv6": [],
            "ipv6_known": False}


def natural_key(name):
    if not isinstance(name, str):
        name = "" if name is None else str(name)
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]


_NA = ("", "N/A", "n/a", "-", "None", "<none>")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


_INT = re.compile(r"^\s*-?\d{1,18}\s*$")


HOSTNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")


FQDN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$")


_NIC_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,31}$")


VERSION = re.compile(r"^\d{1,2}(?:\.\d{1,3}){1,3}$")


UUID = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")


def na(value):
    """None for the ways esxcli prints 'nothing'."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if value in _NA:
            return None
    return value


def text(value, limit=256):
    """A printable string value, or None (not a string, empty, N/A, control characters)."""
    value = na(value)
    if not isinstance(value, str) or len(value) > limit or _CONTROL.search(value):
        return None
    return value


def to_int(value, low=None, high=None):
    """An integer from an int or a string of digits only (``133E`` is not a number), within
    [low, high] when given."""
    value = na(value)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _INT.match(value):
        number = int(value)
    else:
        return None
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


def to_bool(value):
    value = na(value)
    if isinstance(value, bool):
        return value
    if not isinstance(value, (str, int)):
        return None
    text_value = str(value).strip().lower()
    if text_value in ("true", "yes", "up", "enabled", "1"):
        return True
    if text_value in ("false", "no", "down", "disabled", "0"):
        return False
    return None


def mtu(value):
    return to_int(value, 68, 65535)


def ipv4_address(value):
    value = text(value, 64)
    return value if value is not None and cells.is_ipv4(value) else None


def ip_address(value):
    value = text(value, 64)
    return value if value is not None and cells.is_ip(value) else None


def netmask(value):
    value = text(value, 64)
    return value if value is not None and cells.is_ipv4(value) and cells.is_netmask(value) \
        else None


def mac(value):
    value = text(value, 64)
    return value if value is not None and cells.is_mac(value) else None


def vmknic_name(value):
    value = text(value, 16)
    return value if names.valid_vmknic(value) else None


def nic_name(value):
    value = text(value, 32)
    return value if value is not None and _NIC_NAME.match(value) else None


def netstack_name(value):
    value = text(value, 64)
    return value if names.valid_netstack(value) else None


NO_GATEWAY = object()  # printed as 0.0.0.0, '::' or 'Local Subnet': on-link


def gateway_value(value):
    """NO_GATEWAY, an address, or None when the value is not a gateway at all (unknown)."""
    value = na(value)
    if value is None:
        return NO_GATEWAY
    value = text(value, 64)
    if value is None:
        return None
    if value.lower() in ("0.0.0.0", "::", "local subnet"):
        return NO_GATEWAY
    return value if cells.is_ip(value) else None


def gateway(value):
    """A gateway printed as 0.0.0.0, '::' or 'Local Subnet' is on-link: None (as is a value that
    is not an address)."""
    found = gateway_value(value)
    return None if found is NO_GATEWAY else found


def set_value(record, key, value):
    if value is not None and record.get(key) is None:
        record[key] = value


def fill(record, row, spec):
    """Set the record's unknown fields from a row: spec is (field, converter, row keys...)."""
    for entry in spec:
        field, convert, keys = entry[0], entry[1], entry[2:]
        for key in keys:
            if key in row:
                set_value(record, field, convert(row[key]))
                break


def skip(rows, what):
    """Leave one row out (its name is not valid): the listing is then not complete."""
    rows.cut.append(what)


def complete(rows):
    return not rows.cut


def vmknic_of(facts, rows, value):
    """The vmknic record of a row's name, or None (the row is left out) when not a vmknic name."""
    name = vmknic_name(value)
    if name is None:
        skip(rows, msg("cut.interface-name", value=repr(str(value)[:40])))
        return None
    return facts["vmknics"].setdefault(name, new_vmknic(name))


def none_read(rows, what):
    """ParseError when rows were there but none could be read (garbage, not an empty listing)."""
    raise ParseError(msg("parse.none-read", what=what,
                         reason=msg("parse.because", reason=rows.cut[0]) if rows.cut else None))


_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def uuid_hex(value):
    """A UUID as 32 lower-case hex digits, whatever its spelling (``50 33 8c ... cd 73-bc 4f
    ...`` of a distributed switch, ``8-4-4-4-12``); None when it is not one."""
    value = text(value, 128)
    if value is None:
        return None
    digits = re.sub(r"[\s-]", "", value).lower()
    return digits if _HEX32.match(digits) else None


def port_id(value):
    """A DVPort key (digits in every sample) as printed."""
    value = text(value, 64)
    return value if value is not None and re.match(r"^[A-Za-z0-9_.-]{1,64}$", value) else None
