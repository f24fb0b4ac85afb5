"""Parsed captures -> the facts model of one host.

Each command kind has an extractor that reads its generic rows (see kinds.parse) into the facts.
Several sources may describe the same thing (``esxcli network ip interface list`` and
``esxcfg-vmknic -l``): captures are applied in a fixed order of preference and a field, once set, is
kept. ``None`` means unknown; a family of facts is listed in ``facts["known"]`` only when a complete
listing of it was read, so that the rules never take "not collected" for "not there".

Values are checked at this boundary (type and range): a value that is not what its field holds
(an integer where a name belongs, ``133E`` for a number, a MAC that is not one) is that one fact
unknown, and a row without a valid name is left out. A listing that was edited or cut (the parser's ``cut``)
or lost a row here is not complete: its family is not marked known, the capture's note says it was
partial, and the report's notes mention it.
"""

import re

from esxi_diag.sources import capture as cap
from esxi_diag import kinds
from esxi_diag.sources import runner
from esxi_diag.parsers import ParseError, Rows, cut_of
from esxi_diag.parsers import cells, human, vsish

DEFAULT_NETSTACK = kinds.DEFAULT_NETSTACK


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


# ---------------------------------------------------------------------------------------------
# value helpers: each returns the value, or None when it is unknown (absent, N/A, or not valid)

_NA = ("", "N/A", "n/a", "-", "None", "<none>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_INT = re.compile(r"^\s*-?\d{1,18}\s*$")
_HOSTNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")
_FQDN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$")
_NIC_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,31}$")
_VERSION = re.compile(r"^\d{1,2}(?:\.\d{1,3}){1,3}$")
_UUID = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")


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
    return value if kinds.valid_vmknic(value) else None


def nic_name(value):
    value = text(value, 32)
    return value if value is not None and _NIC_NAME.match(value) else None


def netstack_name(value):
    value = text(value, 64)
    return value if kinds.valid_netstack(value) else None


_NO_GATEWAY = object()  # printed as 0.0.0.0, '::' or 'Local Subnet': on-link


def _gateway_value(value):
    """_NO_GATEWAY, an address, or None when the value is not a gateway at all (unknown)."""
    value = na(value)
    if value is None:
        return _NO_GATEWAY
    value = text(value, 64)
    if value is None:
        return None
    if value.lower() in ("0.0.0.0", "::", "local subnet"):
        return _NO_GATEWAY
    return value if cells.is_ip(value) else None


def gateway(value):
    """A gateway printed as 0.0.0.0, '::' or 'Local Subnet' is on-link: None (as is a value that
    is not an address)."""
    found = _gateway_value(value)
    return None if found is _NO_GATEWAY else found


def _set(record, key, value):
    if value is not None and record.get(key) is None:
        record[key] = value


def _fill(record, row, spec):
    """Set the record's unknown fields from a row: spec is (field, converter, row keys...)."""
    for entry in spec:
        field, convert, keys = entry[0], entry[1], entry[2:]
        for key in keys:
            if key in row:
                _set(record, field, convert(row[key]))
                break


def _skip(rows, what):
    """Leave one row out (its name is not valid): the listing is then not complete."""
    rows.cut.append(what)


def _complete(rows):
    return not rows.cut


def _vmknic_of(facts, rows, value):
    """The vmknic record of a row's name, or None (the row is left out) when not a vmknic name."""
    name = vmknic_name(value)
    if name is None:
        _skip(rows, "a row without a valid interface name (%r)" % (str(value)[:40],))
        return None
    return facts["vmknics"].setdefault(name, new_vmknic(name))


def _none_read(rows, what):
    """ParseError when rows were there but none could be read (garbage, not an empty listing)."""
    raise ParseError("no %s could be read%s" % (what, (": " + rows.cut[0]) if rows.cut else ""))


# ---------------------------------------------------------------------------------------------
# extractors: (facts, rows, params, capture) -> None. ``rows`` is a parsers.Rows; an extractor
# that leaves a row out says so in rows.cut.

def _version(facts, rows, params, capture):
    row = rows[0] if rows else {}
    host = facts["host"]
    _set(host, "product", text(row.get("product"), 64))
    version = text(row.get("version"), 32)
    _set(host, "version", version if version and _VERSION.match(version) else None)
    build = text(row.get("build"), 64)
    if build is not None:
        m = re.search(r"(\d{1,12})\s*$", build)
        _set(host, "build", m.group(1) if m else None)
    elif isinstance(row.get("build"), int) and not isinstance(row.get("build"), bool):
        _set(host, "build", str(row["build"]) if row["build"] >= 0 else None)
    for key in ("update", "patch"):
        value = row.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        _set(host, key, text(value, 32))
    if host["version"] is None:
        raise ParseError("no Version field")


def _hostname(facts, rows, params, capture):
    row = rows[0] if rows else {}
    name = text(row.get("hostname"), 63)
    fqdn = text(row.get("fullyqualifieddomainname"), 253)
    _set(facts["host"], "hostname", name if name and _HOSTNAME.match(name) else None)
    _set(facts["host"], "fqdn", fqdn if fqdn and _FQDN.match(fqdn) else None)
    if facts["host"]["hostname"] is None:
        raise ParseError("no Host Name field")


def _port_id(value):
    """A DVPort key (digits in every sample) as printed."""
    value = text(value, 64)
    return value if value is not None and re.match(r"^[A-Za-z0-9_.-]{1,64}$", value) else None


_INTERFACE_FIELDS = (("enabled", to_bool, "enabled"), ("netstack", netstack_name,
                                                       "netstackinstance"),
                     ("mtu", mtu, "mtu"), ("portgroup", text, "portgroup"),
                     ("portset", text, "portset"), ("vds_name", text, "vdsname"),
                     ("dvport", _port_id, "vdsport"),
                     ("opaque_network", text, "opaquenetworkid"),
                     ("mac", mac, "macaddress"))
_ESXCFG_VMKNIC_FIELDS = (("enabled", to_bool, "enabled"), ("netstack", netstack_name, "netstack"),
                         ("mtu", mtu, "mtu"), ("mac", mac, "macaddress"))


def _speed(value):
    """Mbit/s from ``10000`` or esxcfg-nics' ``10000Mbps``."""
    if isinstance(value, str):
        m = re.match(r"^\s*(\d{1,9})\s*(?:Mbps)?\s*$", value, re.I)
        value = m.group(1) if m else None
    return to_int(value, 0, 10000000)


# esxcli network nic list (``Link Status``, 5.x ``Link``), and esxcfg-nics -l (Link, ``1000Mbps``)
_NIC_FIELDS = (("link_up", to_bool, "linkstatus", "link"), ("admin_up", to_bool, "adminstatus"),
               ("speed_mbps", _speed, "speed"), ("mtu", mtu, "mtu"), ("driver", text, "driver"),
               ("mac", mac, "macaddress"), ("duplex", text, "duplex"),
               ("description", text, "description"))


def _interfaces(facts, rows, params, capture):
    read = 0
    for row in rows:
        v = _vmknic_of(facts, rows, row.get("name"))
        if v is not None:
            _fill(v, row, _INTERFACE_FIELDS)
            read += 1
    if rows and not read:
        _none_read(rows, "interface")
    if not params.get("netstack") and _complete(rows):
        facts["known"].add("interfaces")


def _ipv4(facts, rows, params, capture):
    """``ipv4 get`` and (7.0+) ``ipv4 address list``: the same columns. Without a Gateway column
    (5.5/6.0) the gateway is unknown, not none; a row whose address cell is missing or not an
    address leaves the vmknic's IPv4 unknown."""
    read = 0
    for row in rows:
        v = _vmknic_of(facts, rows, row.get("name"))
        if v is None:
            continue
        if v["ipv4_known"]:
            read += 1
            continue
        if "ipv4address" not in row:
            _skip(rows, "%s: the IPv4 address cell was cut" % v["name"])
            continue
        raw = na(row.get("ipv4address"))
        if raw is None or raw == "0.0.0.0":
            v["ipv4_known"] = True  # N/A (Type NONE) or 0.0.0.0: no IPv4
            read += 1
            continue
        address = ipv4_address(raw)
        if address is None:
            _skip(rows, "%s: %r is not an IPv4 address" % (v["name"], str(raw)[:40]))
            continue
        found = _gateway_value(row.get("gateway")) if "gateway" in row else None
        v["ipv4_known"] = True
        v["ipv4"] = {"address": address, "netmask": netmask(row.get("ipv4netmask")),
                     "gateway": None if found is _NO_GATEWAY else found,
                     "gateway_known": found is not None,
                     "type": text(row.get("addresstype"), 32)}
        read += 1
    if rows and not read:
        _none_read(rows, "IPv4 address row")
    if not params.get("vmknic") and not params.get("netstack") and _complete(rows):
        facts["known"].add("ipv4")


def _ipv6_entry(address, prefix, kind, status):
    address = text(address, 80)
    if address is None:
        return None
    if "/" in address and prefix is None:
        address, _, length = address.partition("/")
        prefix = to_int(length, 0, 128)
    if not cells.is_ipv6(address):
        return None
    return {"address": address, "prefix_length": prefix, "type": text(kind, 32),
            "status": text(status, 32)}


def _ipv6(facts, rows, params, capture):
    for row in rows:
        v = _vmknic_of(facts, rows, row.get("interface", row.get("name")))
        if v is None:
            continue
        if na(row.get("address")) is None and "address" in row:
            v["ipv6_known"] = True
            continue
        entry = _ipv6_entry(row.get("address"), to_int(row.get("netmask"), 0, 128),
                            row.get("type"), row.get("status"))
        if entry is None:
            _skip(rows, "%s: an IPv6 address that is not one" % v["name"])
            continue
        v["ipv6_known"] = True
        if all(e["address"] != entry["address"] for e in v["ipv6"]):
            v["ipv6"].append(entry)
    if _complete(rows):
        facts["known"].add("ipv6")


_TAG = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")


def _tags(facts, rows, params, capture):
    name = vmknic_name(params.get("vmknic"))
    if not name:
        raise ParseError("tag output without the interface it belongs to")
    raw = rows[0].get("tags") if rows else []
    if not isinstance(raw, list):
        raise ParseError("the Tags value is not a list")
    tags = []
    for tag in raw:
        tag = text(tag, 64)
        if tag is None or not _TAG.match(tag):
            _skip(rows, "a tag that is not one")
            continue
        tags.append(tag)
    if not _complete(rows):
        raise ParseError("the tag list was edited or cut: " + rows.cut[0])
    v = facts["vmknics"].setdefault(name, new_vmknic(name))
    if v["tags"] is None:
        v["tags"] = tags


def _netstacks(facts, rows, params, capture):
    names = []
    for row in rows:
        name = netstack_name(row.get("key")) or netstack_name(row.get("name"))
        if name is None:
            _skip(rows, "a netstack without a valid name")
            continue
        if name not in names:
            names.append(name)
    if rows and not names:
        _none_read(rows, "netstack")
    if facts["netstacks"] is None and _complete(rows):
        facts["netstacks"] = names


def _routes(facts, rows, params, capture):
    stack = netstack_name(params.get("netstack")) or DEFAULT_NETSTACK
    if stack in facts["routes"]:
        return
    routes = []
    for row in rows:
        network = text(row.get("network"), 64)
        mask = row.get("netmask")
        if network is not None and network.lower() == "default":
            network, mask = "0.0.0.0", "0.0.0.0"
        network, mask = ipv4_address(network), netmask(mask)
        found = _gateway_value(row.get("gateway")) if "gateway" in row else None
        interface = na(row.get("interface"))
        if network is None or mask is None or found is None or (
                interface is not None and vmknic_name(interface) is None):
            _skip(rows, "a route that could not be read")
            continue
        routes.append({"netstack": stack, "network": network, "netmask": mask,
                       "gateway": None if found is _NO_GATEWAY else found,
                       "interface": vmknic_name(interface), "source": text(row.get("source"), 32)})
    if rows and not routes:
        _none_read(rows, "route")
    if _complete(rows):
        facts["routes"][stack] = routes
        facts["partial_routes"].pop(stack, None)
    else:  # a cut table is not the table: routing must not conclude from what is missing
        facts["partial_routes"].setdefault(stack, routes)


def _routes6(facts, rows, params, capture):
    """IPv6 routes of one netstack. The text layout is UNVERIFIED: columns are read by name
    (Network or Destination, Netmask or Prefix Length, Gateway, Interface), a network may carry
    its own /prefix, ``default`` or ``::`` with prefix 0 is the default route, and a gateway of
    ``::`` is on-link."""
    stack = params.get("netstack") or DEFAULT_NETSTACK
    if stack in facts["routes6"]:
        return
    routes = []
    for row in rows:
        network = na(row.get("network", row.get("destination")))
        if network is None:
            continue
        prefix = to_int(row.get("netmask", row.get("prefixlength", row.get("prefix"))))
        network = str(network)
        if "/" in network:
            network, _, length = network.partition("/")
            prefix = to_int(length) if prefix is None else prefix
        if network.lower() == "default":
            network, prefix = "::", 0
        if prefix is None or not 0 <= prefix <= 128:
            continue  # a row whose prefix cannot be read is not a route we can use
        routes.append({"netstack": stack, "network": network, "prefix_length": prefix,
                       "gateway": gateway(row.get("gateway", row.get("nexthop"))),
                       "interface": na(row.get("interface")), "source": na(row.get("source"))})
    facts["routes6"][stack] = routes


def _secureboot(facts, rows, params, capture):
    _set(facts["host"], "secure_boot", rows[0].get("enabled") if rows else None)


def _encryption(facts, rows, params, capture):
    """``esxcli system settings encryption get`` (7.0 U2 and later)."""
    row = rows[0] if rows else {}
    if "mode" not in row and "requiresecureboot" not in row:
        raise ParseError("no Mode or Require Secure Boot field")
    if facts["host"]["encryption"] is None:
        facts["host"]["encryption"] = {
            "mode": na(row.get("mode")),
            "require_secure_boot": to_bool(row.get("requiresecureboot")),
            "require_installed_vibs": to_bool(row.get("requireexecutablesonlyfrominstalledvibs"))}


def _default_gateway(facts, rows, params, capture):
    value = rows[0].get("gateway") if rows else None
    if value is not None and ip_address(value) is None:
        raise ParseError("%r is not a gateway address" % (str(value)[:40],))
    _set(facts, "default_gateway", gateway(value))


def _nic(facts, rows, value):
    name = nic_name(value)
    if name is None:
        _skip(rows, "a NIC row without a valid name")
        return None
    return facts["nics"].setdefault(name, {"name": name, "link_up": None, "admin_up": None,
                                           "speed_mbps": None, "mtu": None, "driver": None,
                                           "mac": None, "duplex": None, "description": None})


def _nics(facts, rows, params, capture):
    read = 0
    for row in rows:
        n = _nic(facts, rows, row.get("name"))
        if n is not None:
            _fill(n, row, _NIC_FIELDS)
            read += 1
    if rows and not read:
        _none_read(rows, "NIC")
    if _complete(rows):
        facts["known"].add("nics")


def _switch(facts, rows, value, kind):
    name = text(value, 128)
    if name is None:
        _skip(rows, "a switch without a name")
        return None
    return facts["vswitches"].setdefault(name, {"name": name, "type": kind, "mtu": None,
                                                "uplinks": None, "portgroups": None})


def _name_list(value, check=None):
    """A list value (XML list, or 'a, b' text) of valid names, or None when it is not one."""
    if value is not None and not isinstance(value, (str, list)):
        return None
    names = []
    for item in human.split_list(value):
        item = text(item, 128)
        if item is None or (check is not None and check(item) is None):
            return None
        names.append(item)
    return names


def _standard_switches(facts, rows, params, capture):
    read = 0
    for row in rows:
        s = _switch(facts, rows, row.get("name"), "standard")
        if s is None:
            continue
        read += 1
        _set(s, "mtu", mtu(row.get("mtu")))
        if s["uplinks"] is None and "uplinks" in row:
            s["uplinks"] = _name_list(row.get("uplinks"), nic_name)
        if s["portgroups"] is None and "portgroups" in row:
            s["portgroups"] = _name_list(row.get("portgroups"))
    if rows and not read:
        _none_read(rows, "switch")
    if not params.get("vswitch") and _complete(rows):
        facts["known"].add("standard-switches")


def _distributed_switches(facts, rows, params, capture):
    read = 0
    for row in rows:
        s = _switch(facts, rows, row.get("name"), "distributed")
        if s is None:
            continue
        read += 1
        _set(s, "mtu", mtu(row.get("mtu")))
        if s["uplinks"] is None and "uplinks" in row:
            s["uplinks"] = _name_list(row.get("uplinks"), nic_name)
    if rows and not read:
        _none_read(rows, "switch")
    if _complete(rows):
        facts["known"].add("distributed-switches")


def _portgroups(facts, rows, params, capture):
    read = 0
    for row in rows:
        name = text(row.get("name"), 128)
        if name is None:
            _skip(rows, "a port group without a name")
            continue
        read += 1
        if name not in facts["portgroups"]:
            facts["portgroups"][name] = {"name": name,
                                         "vswitch": text(row.get("virtualswitch"), 128),
                                         "vlan_id": to_int(row.get("vlanid"), 0, 4095)}
    if rows and not read:
        _none_read(rows, "port group")
    if _complete(rows):
        facts["known"].add("portgroups")


def _option_values(row, current, default, minimum, maximum):
    return {"current": to_int(row.get(current)), "default": to_int(row.get(default)),
            "min": to_int(row.get(minimum)), "max": to_int(row.get(maximum))}


def _apply_option(facts, path, values):
    tuning = facts["tuning"]
    if not isinstance(path, str):
        return
    if path.lower() == kinds.LINE_RATE_OPTION.lower():
        if tuning["net_expected_line_rate_mbps"] is None:
            tuning["net_expected_line_rate_mbps"] = values
    elif path.lower() == kinds.LATENCY_OPTION.lower():
        if tuning["latency_mode_threshold_ms"] is None:
            tuning["latency_mode_threshold_ms"] = values["current"]


def _advanced(facts, rows, params, capture):
    seen = False
    for row in rows:
        path = text(row.get("path"), 128) or text(params.get("option"), 128)
        if not path or not kinds.valid_option(path):
            continue
        seen = True
        _apply_option(facts, path, _option_values(row, "intvalue", "defaultintvalue", "minvalue",
                                                  "maxvalue"))
    if not seen:
        raise ParseError("no Path field")


def _vsish_int(value):
    return to_int(value, -(2 ** 63), 2 ** 63 - 1)


def _vsish_config(facts, rows, params, capture):
    value = rows[0]["value"]
    if not isinstance(value, dict):
        values = {"current": _vsish_int(value), "default": None, "min": None, "max": None}
    else:
        values = {"current": _vsish_int(vsish.current_value(value)),
                  "default": _vsish_int(value.get("defaultvalue", value.get("def"))),
                  "min": _vsish_int(value.get("minvalue", value.get("min"))),
                  "max": _vsish_int(value.get("maxvalue", value.get("max")))}
    if values["current"] is None:
        raise ParseError("no current value in the vsish output")
    _apply_option(facts, params.get("option"), values)


def _sbmax(facts, rows, params, capture):
    parsed = rows[0]["value"]
    value = to_int(vsish.current_value(parsed), 0, 2 ** 63 - 1)
    stack = netstack_name(params.get("netstack"))
    if value is None or stack is None:
        raise ParseError("no number in the sbMax node")
    facts["tuning"]["sbmax"].setdefault(stack, value)
    if isinstance(parsed, dict):  # a node that shows its limits (the format is unverified)
        limits = {"min": to_int(parsed.get("minvalue", parsed.get("min")), 0),
                  "max": to_int(parsed.get("maxvalue", parsed.get("max")), 0)}
        if any(isinstance(v, int) for v in limits.values()):
            facts["tuning"]["sbmax_limits"].setdefault(stack, limits)


def _port_group_cell(facts, value):
    """esxcfg-vmknic's Port Group/DVPort/Opaque Network cell: ('portgroup' | 'dvport' |
    'opaque_network', value). A standard-switch port group is a name; a vmknic on a distributed
    switch shows its DVPort (a number), on NSX its opaque network (a UUID)."""
    value = text(value, 128)
    if value is None:
        return None, None
    if value in facts["portgroups"]:
        return "portgroup", value
    if value.isdigit():
        return "dvport", value
    if _UUID.match(value):
        return "opaque_network", value
    return "portgroup", value


def _esxcfg_vmknics(facts, rows, params, capture):
    read = 0
    for row in rows:
        v = _vmknic_of(facts, rows, row.get("interface"))
        if v is None:
            continue
        read += 1
        _fill(v, row, _ESXCFG_VMKNIC_FIELDS)
        field, value = _port_group_cell(facts, row.get(
            "portgroupdvportopaquenetwork", row.get("portgroupdvport", row.get("portgroup"))))
        if field is not None:
            _set(v, field, value)
        if "ipaddress" not in row:
            _skip(rows, "%s: the IP address cell was cut" % v["name"])
            continue
        raw = na(row.get("ipaddress"))
        family = (text(row.get("ipfamily"), 8) or "").lower()
        if not family and raw is not None:  # the oldest layout has no IP Family column
            family = "ipv4" if cells.is_ipv4(raw) else ("ipv6" if cells.is_ipv6(raw) else "")
        if family == "ipv4" and not v["ipv4_known"]:
            if raw is None or raw == "0.0.0.0":
                v["ipv4_known"] = True  # IPv4 N/A (Type NONE): no IPv4
                continue
            address = ipv4_address(raw)
            if address is None:
                _skip(rows, "%s: %r is not an IPv4 address" % (v["name"], str(raw)[:40]))
                continue
            v["ipv4_known"] = True
            v["ipv4"] = {"address": address, "netmask": netmask(row.get("netmask")),
                         "gateway": None, "gateway_known": False,
                         "type": text(row.get("type"), 32)}
        elif family == "ipv6" and raw is not None:
            # esxcfg prints the address type and status in one cell: "STATIC, PREFERRED"
            kind, _, status = (text(row.get("type"), 64) or "").partition(",")
            entry = _ipv6_entry(raw, to_int(row.get("netmask"), 0, 128), kind.strip() or None,
                                status.strip() or None)
            if entry is None:
                _skip(rows, "%s: an IPv6 address that is not one" % v["name"])
            elif all(e["address"] != entry["address"] for e in v["ipv6"]):
                v["ipv6"].append(entry)
        elif family not in ("ipv4", "ipv6"):
            _skip(rows, "%s: an address row of unknown family" % v["name"])
    if rows and not read:
        _none_read(rows, "interface")
    if _complete(rows):
        facts["known"].add("interfaces")


def _esxcfg_vswitch(facts, rows, params, capture):
    """esxcfg-vswitch -l: standard and distributed switches (MTU, uplinks), the port groups of
    standard switches (VLAN ID), and which vmknic sits on which DVPort."""
    read = 0
    members = {}
    for row in rows:
        section = row.get("section")
        if section in ("standard", "distributed"):
            s = _switch(facts, rows, row.get("switchname", row.get("dvsname")), section)
            if s is None:
                continue
            read += 1
            _set(s, "mtu", mtu(row.get("mtu")))
            if s["uplinks"] is None and "uplinks" in row:
                s["uplinks"] = _name_list(row.get("uplinks"), nic_name)
            if section == "standard":
                members.setdefault(s["name"], [])
        elif section == "portgroup":
            name = text(row.get("portgroupname"), 128)
            switch = text(row.get("switch"), 128)
            if name is None:
                _skip(rows, "a port group without a name")
                continue
            read += 1
            if switch is not None and switch in members:
                members[switch].append(name)
            if name not in facts["portgroups"]:
                facts["portgroups"][name] = {"name": name, "vswitch": switch,
                                             "vlan_id": to_int(row.get("vlanid"), 0, 4095)}
        elif section == "dvport":
            client = vmknic_name(row.get("client"))
            switch = text(row.get("switch"), 128)
            port = _port_id(row.get("dvportid"))
            if client is not None and port is not None:  # a vmknic on this DVPort
                v = facts["vmknics"].setdefault(client, new_vmknic(client))
                _set(v, "dvport", port)
                _set(v, "vds_name", switch)
            read += 1
    if rows and not read:
        _none_read(rows, "switch")
    complete = _complete(rows)
    for name, portgroups in members.items():
        s = facts["vswitches"][name]
        if s["portgroups"] is None and complete:
            s["portgroups"] = portgroups
    if complete:
        facts["known"].update(("standard-switches", "distributed-switches", "portgroups"))


def _vmware_version(facts, rows, params, capture):
    _version(facts, rows, params, capture)


def _rtt(value):
    """A round-trip summary of three numbers, or None (a cut summary is not one)."""
    if not isinstance(value, dict):
        return None
    for key in ("min", "avg", "max"):
        number = value.get(key)
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            return None
    return value


VMKPING_DEFAULT_COUNT = 3  # vmkping's own default (its help text)


def probe_record(params, rows, command, exit_code=None, kind="ping"):
    """One ping's probe dict (the report's ``probes`` shape) from its parameters and rows.
    ``count`` is the number of probes the command asked for (vmkping's default 3 when it gave
    no ``-c``), ``replies`` the reply lines it printed, ``complete`` whether its statistics were
    printed: the judge counts a probe only on that evidence."""
    result = rows[0] if rows else {}
    size = to_int(params.get("size"))
    count = to_int(params.get("count"))
    if count is None and kind == "ping":
        count = VMKPING_DEFAULT_COUNT
    return {
        "source_vmknic": params.get("vmknic"),
        "netstack": params.get("netstack") or DEFAULT_NETSTACK,
        "target": params.get("target") or result.get("target"),
        "payload_bytes": size if size is not None else (result.get("payload_bytes") or 56),
        "df": bool(params.get("df")),
        "count": count,
        "sent": result.get("sent"),
        "received": result.get("received"),
        "replies": len(result.get("replies") or []),
        "complete": bool(result.get("complete")),
        "loss_pct": result.get("loss_pct"),
        "rtt_ms": _rtt(result.get("rtt_ms")),
        "error": result.get("error"),
        "exit_code": exit_code,
        "command": command,
    }


def _probe(facts, rows, params, capture):
    facts["probes"].append(probe_record(params, rows, capture.command, capture.exit_code,
                                        capture.kind))


EXTRACTORS = {
    "system.version": _version,
    "system.hostname": _hostname,
    "ip.interface.list": _interfaces,
    "ip.interface.ipv4": _ipv4,
    "ip.interface.ipv6": _ipv6,
    "ip.interface.tags": _tags,
    "ip.netstack.list": _netstacks,
    "ip.route.ipv4": _routes,
    "ip.route.ipv6": _routes6,
    "system.encryption": _encryption,
    "system.secureboot": _secureboot,
    "nic.list": _nics,
    "vswitch.standard.list": _standard_switches,
    "vswitch.portgroup.list": _portgroups,
    "vswitch.dvs.list": _distributed_switches,
    "advanced.option": _advanced,
    "vsish.config": _vsish_config,
    "vsish.sbmax": _sbmax,
    "esxcfg.vmknic": _esxcfg_vmknics,
    "esxcfg.route": _routes,
    "esxcfg.defaultgw": _default_gateway,
    "esxcfg.nics": _nics,
    "vmware.version": _vmware_version,
    "ping": _probe,
    "diag.ping": _probe,
}
# Command forms read from pasted sessions (issue 10).
EXTRACTORS.update({
    "ip.interface.ipv4.address": _ipv4,
    "esxcfg.vswitch": _esxcfg_vswitch,
})

# Preferred sources first: esxcli's own listings win over esxcfg's and vsish's.
_ORDER = ("system.version", "system.hostname", "system.encryption", "system.secureboot",
          "ip.interface.list", "ip.interface.ipv4", "ip.interface.ipv4.address",
          "ip.interface.ipv6", "ip.interface.tags", "ip.netstack.list", "ip.route.ipv4",
          "ip.route.ipv6", "nic.list", "vswitch.standard.list", "vswitch.portgroup.list",
          "vswitch.dvs.list", "advanced.option", "vsish.config", "vsish.sbmax", "esxcfg.vswitch",
          "esxcfg.vmknic", "esxcfg.route", "esxcfg.defaultgw", "esxcfg.nics", "vmware.version",
          "ping", "diag.ping")
_PROBES = ("ping", "diag.ping")


_DENIED = re.compile(r"permission denied|not permitted|access denied|EPERM|EACCES", re.I)
_NO_COMMAND = re.compile(r"Unknown command or namespace", re.I)


def _vsish_failure(c):
    """Why a vsish read failed: (status, reason, note), or None when it did not fail."""
    text = (c.stdout or "") + "\n" + (c.stderr or "")
    first = (text.strip().splitlines() or [""])[0][:200]
    if c.timed_out:
        return cap.FAILED, "timed-out", "timed out"
    if c.error == runner.ERR_OUTPUT_CUT:
        return cap.FAILED, "output-cut", c.error
    if c.error == "not-found":
        return cap.UNAVAILABLE, "no-vsish", "vsish is not on this host (or not in PATH)"
    if c.error == "permission-denied" or _DENIED.search(text):
        return cap.UNAVAILABLE, "not-root", "not readable: %s (vsish needs root)" % (
            first or "permission denied")
    if c.error is not None:
        return cap.UNAVAILABLE, "no-vsish", "vsish could not run: %s" % c.error
    if c.exit_code not in (0, None) or vsish.looks_missing(text):
        return cap.UNAVAILABLE, "no-node", "node not present%s" % (
            (": " + first) if first else "")
    return None


def _judge_failure(c, facts):
    """Set the status of a capture whose command did not succeed; True when it is settled."""
    if c.kind.startswith("vsish."):
        failed = _vsish_failure(c)
        if failed is None:
            return False
        c.status, reason, c.note = failed
        if c.kind == "vsish.sbmax":
            stack = c.params.get("netstack")
            facts["tuning"]["sbmax_status"].setdefault(stack, {"reason": reason,
                                                               "detail": c.note})
            if c.status == cap.UNAVAILABLE:
                facts["tuning"]["sbmax"].setdefault(stack, None)
        return True
    if c.kind == "system.secureboot":
        if c.error == "not-found":
            c.status, c.note = cap.UNAVAILABLE, "secureBoot.py is not on this host"
            return True
        if c.error is None and not c.timed_out:
            return False  # its exit codes are unverified: the word it prints decides

    if c.kind in _PROBES and c.error is None and not c.timed_out:
        return False  # vmkping exits non-zero on loss: its output still tells what happened
    if not c.ran_ok:
        c.status = cap.FAILED
        if c.timed_out:
            c.note = "timed out after %.1f s" % (c.duration or 0)
        elif c.error:
            c.note = "command not found" if c.error == "not-found" else c.error
        else:
            text_lines = (c.stderr.strip() or c.stdout.strip()).splitlines()
            c.note = "exit %s%s" % (c.exit_code, (": " + text_lines[0][:200]) if text_lines
                                    else "")
        return True
    error = human.esxcli_error(c.stdout) if c.kind in kinds.ESXCLI_KINDS else None
    if error:
        c.status, c.note = cap.FAILED, error
        return True
    return False


def _not_on_this_release(c):
    """esxcli answered that it has no such command: the data does not exist on this release
    (``system settings encryption get`` before 7.0 U2), which is not a failed collection."""
    if c.kind not in kinds.ESXCLI_KINDS:
        return False
    text = (c.stdout or "") + "\n" + (c.stderr or "")
    if not _NO_COMMAND.search(text):
        return False
    c.status, c.note = cap.UNAVAILABLE, "this esxcli has no such command (an older release)"
    return True


def _partial_note(cut):
    """One line about what was left out of an output (the first reasons, then a count)."""
    reasons = []
    for reason in cut:
        if reason not in reasons:
            reasons.append(reason)
    text_value = "; ".join(reasons[:3])
    if len(reasons) > 3:
        text_value += "; and %d more" % (len(reasons) - 3)
    return text_value


def build_facts(captures, hints=None):
    """The facts of one host from its captures (each capture's status and note are set)."""
    facts = new_facts()
    add_captures(facts, captures)
    hints = hints or {}
    if facts["host"]["hostname"] is None and hints.get("hostname"):
        facts["host"]["hostname"] = hints["hostname"]
        facts["host"]["hostname_from"] = hints.get("hostname_from", "hint")
    return facts


def add_captures(facts, captures):
    """Read ``captures`` into ``facts``, the preferred sources first (a field once set is kept);
    each capture's status and note are set. Also used for the vmkping runs of a check, which join
    the facts of the collection they were planned from."""
    rank = dict((k, i) for i, k in enumerate(_ORDER))
    ordered = sorted(enumerate(captures), key=lambda p: (rank.get(p[1].kind, len(rank)), p[0]))
    for _, c in ordered:
        if _not_on_this_release(c) or _judge_failure(c, facts):
            continue
        try:
            rows = c.rows if c.rows is not None else kinds.parse(c.kind, c.stdout)
            # a copy: the extractor adds what it leaves out
            rows = Rows(rows, cut_of(rows) + list(getattr(c, "cut", None) or []))
            superseded = getattr(c, "superseded", None)
            if superseded:  # parsed (so that garbage shows), not used
                c.status, c.note = cap.PARSED, superseded
                continue
            EXTRACTORS[c.kind](facts, rows, c.params, c)
            if c.source != "transcript":  # kept for a second look (apply, bundle); a pasted
                c.rows = rows             # output is read once: its rows need no memory
            c.status, c.note = cap.PARSED, None
            if rows.cut:
                c.note = "partial: " + _partial_note(rows.cut)
                facts["notes"].append(
                    "the output of '%s' was edited or cut, so what it lists may be incomplete "
                    "(%s)" % (c.command[:120], _partial_note(rows.cut)))
        except ParseError as exc:
            c.status, c.note = cap.UNPARSED, str(exc) or "output not understood"
        except Exception as exc:  # a parser bug must not take the report down with it
            c.status = cap.UNPARSED
            c.note = "output not understood (%s: %s)" % (type(exc).__name__, exc)
    for c in captures:
        if getattr(c, "repeats", None):
            _repeated_note(facts, c)


def _repeated_note(facts, later):
    """A command pasted several times with different outputs (the transcript marks the last):
    the last one is used, and the note says what its facts say differently."""
    count, earlier = later.repeats
    diffs = _differences(earlier, later)
    note = "'%s' was pasted %d times with different outputs: the last one is used" % (
        later.command[:120], count)
    if diffs:
        note += " (%s%s)" % ("; ".join(diffs[:4]),
                             "; and %d more" % (len(diffs) - 4) if len(diffs) > 4 else "")
    facts["notes"].append(note)


def _flatten(facts):
    """{label: value} of the facts a repeated command can change (for the note on it)."""
    out = {}
    host = facts["host"]
    for key in ("hostname", "fqdn", "version", "build"):
        if host.get(key) is not None:
            out["host %s" % key] = host[key]
    for family in ("vmknics", "nics", "vswitches", "portgroups"):
        for name, record in facts[family].items():
            for key, value in record.items():
                if key == "name" or value in (None, [], False):
                    continue
                if isinstance(value, dict):
                    for sub, subvalue in value.items():
                        if subvalue not in (None, False) and sub != "gateway_known":
                            out["%s %s %s" % (name, key, sub)] = subvalue
                elif isinstance(value, list):
                    out["%s %s" % (name, key)] = ", ".join(
                        str(v.get("address") if isinstance(v, dict) else v) for v in value)
                else:
                    out["%s %s" % (name, key)] = value
    for stack, routes in facts["routes"].items():
        out["routes of %s" % stack] = "; ".join(
            "%s/%s via %s" % (r["network"], r["netmask"], r["gateway"] or "on-link")
            for r in routes)
    if facts.get("default_gateway"):
        out["default gateway"] = facts["default_gateway"]
    rate = facts["tuning"]["net_expected_line_rate_mbps"]
    if rate and rate.get("current") is not None:
        out["NetExpectedLineRateMBps"] = rate["current"]
    if facts["tuning"]["latency_mode_threshold_ms"] is not None:
        out["NetLatencyModeThreshold"] = facts["tuning"]["latency_mode_threshold_ms"]
    for stack, value in facts["tuning"]["sbmax"].items():
        out["sbMax of %s" % stack] = value
    return out


def _differences(earlier, later):
    """What the facts of two runs of one command say differently (a few, for a note)."""

    def facts_of(c):
        copy = cap.Capture(c.kind, c.params, argv=c.argv, command=c.command, stdout=c.stdout,
                       exit_code=None, source=c.source)
        copy.cut = list(c.cut)
        return _flatten(build_facts([copy]))

    a, b = facts_of(earlier), facts_of(later)
    out = []
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            out.append("%s: %s, then %s" % (key, "?" if a.get(key) is None else a[key],
                                             "?" if b.get(key) is None else b[key]))
    return out
