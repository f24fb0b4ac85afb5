"""Parsed captures -> the facts model of one host.

Each command kind has an extractor that reads its generic rows (see catalog.parse) into the facts.
Several sources may describe the same thing (``esxcli network ip interface list`` and
``esxcfg-vmknic -l``): captures are applied in a fixed order of preference and a field, once set, is
kept. ``None`` means unknown; a family of facts is listed in ``facts["known"]`` only when a complete
listing of it was read, so that the rules never take "not collected" for "not there".
"""

import re

from esxi_diag import capture as cap
from esxi_diag import catalog, runner
from esxi_diag.parsers import ParseError
from esxi_diag.parsers import human, vsish

DEFAULT_NETSTACK = catalog.DEFAULT_NETSTACK


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
        "default_gateway": None,
        "tuning": {"net_expected_line_rate_mbps": None, "latency_mode_threshold_ms": None,
                   "sbmax": {}, "sbmax_limits": {}, "sbmax_status": {}},
        "probes": [],
        "known": set(),
    }


def new_vmknic(name):
    return {"name": name, "enabled": None, "netstack": None, "mtu": None, "portgroup": None,
            "portset": None, "vds_name": None, "mac": None, "tags": None, "ipv4": None,
            "ipv4_known": False, "ipv6": [], "ipv6_known": False}


def natural_key(name):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name or "")]


# ---------------------------------------------------------------------------------------------
# value helpers

def na(value):
    """None for the ways esxcli prints 'nothing'."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if value in ("", "N/A", "n/a", "-", "None", "<none>"):
            return None
    return value


def to_int(value):
    value = na(value)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    m = re.match(r"^\s*(-?\d+)", str(value))
    return int(m.group(1)) if m else None


def to_bool(value):
    value = na(value)
    if isinstance(value, bool):
        return value
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in ("true", "yes", "up", "enabled", "1"):
        return True
    if text in ("false", "no", "down", "disabled", "0"):
        return False
    return None


def gateway(value):
    """A gateway printed as 0.0.0.0, '::' or 'Local Subnet' is on-link: None."""
    value = na(value)
    if value is None or str(value).lower() in ("0.0.0.0", "::", "local subnet"):
        return None
    return str(value)


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


def _vmknic(facts, name):
    if not name:
        raise ParseError("a row without an interface name")
    return facts["vmknics"].setdefault(name, new_vmknic(name))


# ---------------------------------------------------------------------------------------------
# extractors: (facts, rows, params, capture) -> None

def _version(facts, rows, params, capture):
    row = rows[0] if rows else {}
    host = facts["host"]
    _set(host, "product", na(row.get("product")))
    _set(host, "version", na(row.get("version")))
    build = na(row.get("build"))
    if build is not None:
        m = re.search(r"(\d+)\s*$", str(build))
        _set(host, "build", m.group(1) if m else str(build))
    _set(host, "update", na(row.get("update")))
    _set(host, "patch", na(row.get("patch")))
    if host["version"] is None:
        raise ParseError("no Version field")


def _hostname(facts, rows, params, capture):
    row = rows[0] if rows else {}
    _set(facts["host"], "hostname", na(row.get("hostname")))
    _set(facts["host"], "fqdn", na(row.get("fullyqualifieddomainname")))
    if facts["host"]["hostname"] is None:
        raise ParseError("no Host Name field")


_INTERFACE_FIELDS = (("enabled", to_bool, "enabled"), ("netstack", na, "netstackinstance"),
                     ("mtu", to_int, "mtu"), ("portgroup", na, "portgroup"),
                     ("portset", na, "portset"), ("vds_name", na, "vdsname"),
                     ("mac", na, "macaddress"))
_ESXCFG_VMKNIC_FIELDS = (("enabled", to_bool, "enabled"), ("netstack", na, "netstack"),
                         ("mtu", to_int, "mtu"),
                         ("portgroup", na, "portgroupdvportopaquenetwork", "portgroup"),
                         ("mac", na, "macaddress"))
# esxcli network nic list, and esxcfg-nics -l (Link, Speed as "1000Mbps")
_NIC_FIELDS = (("link_up", to_bool, "linkstatus", "link"), ("admin_up", to_bool, "adminstatus"),
               ("speed_mbps", to_int, "speed"), ("mtu", to_int, "mtu"), ("driver", na, "driver"),
               ("mac", na, "macaddress"), ("duplex", na, "duplex"),
               ("description", na, "description"))


def _interfaces(facts, rows, params, capture):
    for row in rows:
        _fill(_vmknic(facts, na(row.get("name"))), row, _INTERFACE_FIELDS)
    if not params.get("netstack"):
        facts["known"].add("interfaces")


def _ipv4(facts, rows, params, capture):
    for row in rows:
        v = _vmknic(facts, na(row.get("name")))
        if v["ipv4_known"]:
            continue
        address = na(row.get("ipv4address"))
        v["ipv4_known"] = True
        if address is None or address == "0.0.0.0":
            continue
        v["ipv4"] = {"address": address, "netmask": na(row.get("ipv4netmask")),
                     "gateway": gateway(row.get("gateway")),
                     "gateway_known": "gateway" in row,
                     "type": na(row.get("addresstype"))}
    if not params.get("vmknic") and not params.get("netstack"):
        facts["known"].add("ipv4")


def _ipv6(facts, rows, params, capture):
    for row in rows:
        v = _vmknic(facts, na(row.get("interface")) or na(row.get("name")))
        v["ipv6_known"] = True
        address = na(row.get("address"))
        if address is None:
            continue
        entry = {"address": address, "prefix_length": to_int(row.get("netmask")),
                 "type": na(row.get("type")), "status": na(row.get("status"))}
        if all(e["address"] != address for e in v["ipv6"]):
            v["ipv6"].append(entry)
    facts["known"].add("ipv6")


def _tags(facts, rows, params, capture):
    name = params.get("vmknic")
    if not name:
        raise ParseError("tag output without the interface it belongs to")
    v = _vmknic(facts, name)
    if v["tags"] is None:
        v["tags"] = list(rows[0].get("tags") or []) if rows else []


def _netstacks(facts, rows, params, capture):
    names = []
    for row in rows:
        name = na(row.get("key")) or na(row.get("name"))
        if name and name not in names:
            names.append(name)
    if facts["netstacks"] is None:
        facts["netstacks"] = names


def _routes(facts, rows, params, capture):
    stack = params.get("netstack") or DEFAULT_NETSTACK
    if stack in facts["routes"]:
        return
    routes = []
    for row in rows:
        network = na(row.get("network"))
        if network is None:
            continue
        netmask = na(row.get("netmask"))
        if network.lower() == "default":
            network, netmask = "0.0.0.0", "0.0.0.0"
        routes.append({"netstack": stack, "network": network, "netmask": netmask,
                       "gateway": gateway(row.get("gateway")),
                       "interface": na(row.get("interface")), "source": na(row.get("source"))})
    facts["routes"][stack] = routes


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
    _set(facts, "default_gateway", gateway(rows[0].get("gateway")) if rows else None)


def _nic(facts, name):
    if not name:
        raise ParseError("a NIC row without a name")
    return facts["nics"].setdefault(name, {"name": name, "link_up": None, "admin_up": None,
                                           "speed_mbps": None, "mtu": None, "driver": None,
                                           "mac": None, "duplex": None, "description": None})


def _nics(facts, rows, params, capture):
    for row in rows:
        _fill(_nic(facts, na(row.get("name"))), row, _NIC_FIELDS)
    facts["known"].add("nics")


def _switch(facts, name, kind):
    if not name:
        raise ParseError("a switch without a name")
    return facts["vswitches"].setdefault(name, {"name": name, "type": kind, "mtu": None,
                                                "uplinks": None, "portgroups": None})


def _standard_switches(facts, rows, params, capture):
    for row in rows:
        s = _switch(facts, na(row.get("name")), "standard")
        _set(s, "mtu", to_int(row.get("mtu")))
        if s["uplinks"] is None:
            s["uplinks"] = human.split_list(row.get("uplinks"))
        if s["portgroups"] is None:
            s["portgroups"] = human.split_list(row.get("portgroups"))
    if not params.get("vswitch"):
        facts["known"].add("standard-switches")


def _distributed_switches(facts, rows, params, capture):
    for row in rows:
        s = _switch(facts, na(row.get("name")), "distributed")
        _set(s, "mtu", to_int(row.get("mtu")))
        if s["uplinks"] is None:
            s["uplinks"] = human.split_list(row.get("uplinks"))
    facts["known"].add("distributed-switches")


def _portgroups(facts, rows, params, capture):
    for row in rows:
        name = na(row.get("name"))
        if name and name not in facts["portgroups"]:
            facts["portgroups"][name] = {"name": name, "vswitch": na(row.get("virtualswitch")),
                                         "vlan_id": to_int(row.get("vlanid"))}
    facts["known"].add("portgroups")


def _option_values(row, current, default, minimum, maximum):
    return {"current": to_int(row.get(current)), "default": to_int(row.get(default)),
            "min": to_int(row.get(minimum)), "max": to_int(row.get(maximum))}


def _apply_option(facts, path, values):
    tuning = facts["tuning"]
    if path.lower() == catalog.LINE_RATE_OPTION.lower():
        if tuning["net_expected_line_rate_mbps"] is None:
            tuning["net_expected_line_rate_mbps"] = values
    elif path.lower() == catalog.LATENCY_OPTION.lower():
        if tuning["latency_mode_threshold_ms"] is None:
            tuning["latency_mode_threshold_ms"] = values["current"]


def _advanced(facts, rows, params, capture):
    seen = False
    for row in rows:
        path = na(row.get("path")) or params.get("option")
        if not path:
            continue
        seen = True
        _apply_option(facts, path, _option_values(row, "intvalue", "defaultintvalue", "minvalue",
                                                  "maxvalue"))
    if not seen:
        raise ParseError("no Path field")


def _vsish_config(facts, rows, params, capture):
    value = rows[0]["value"]
    if not isinstance(value, dict):
        values = {"current": value, "default": None, "min": None, "max": None}
    else:
        values = {"current": vsish.current_value(value),
                  "default": value.get("defaultvalue", value.get("def")),
                  "min": value.get("minvalue", value.get("min")),
                  "max": value.get("maxvalue", value.get("max"))}
    if values["current"] is None:
        raise ParseError("no current value in the vsish output")
    _apply_option(facts, params["option"], values)


def _sbmax(facts, rows, params, capture):
    parsed = rows[0]["value"]
    value = vsish.current_value(parsed)
    if value is None:
        raise ParseError("no number in the sbMax node")
    facts["tuning"]["sbmax"].setdefault(params["netstack"], value)
    if isinstance(parsed, dict):  # a node that shows its limits (the format is unverified)
        limits = {"min": parsed.get("minvalue", parsed.get("min")),
                  "max": parsed.get("maxvalue", parsed.get("max"))}
        if any(isinstance(v, int) for v in limits.values()):
            facts["tuning"]["sbmax_limits"].setdefault(params["netstack"], limits)


def _esxcfg_vmknics(facts, rows, params, capture):
    for row in rows:
        v = _vmknic(facts, na(row.get("interface")))
        _fill(v, row, _ESXCFG_VMKNIC_FIELDS)
        family = (na(row.get("ipfamily")) or "").lower()
        address = na(row.get("ipaddress"))
        if family == "ipv4" and not v["ipv4_known"]:
            v["ipv4_known"] = True
            if address and address != "0.0.0.0":
                v["ipv4"] = {"address": address, "netmask": na(row.get("netmask")),
                             "gateway": None, "gateway_known": False,
                             "type": na(row.get("type"))}
        elif family == "ipv6" and address:
            entry = {"address": address, "prefix_length": to_int(row.get("netmask")),
                     "type": na(row.get("type")), "status": None}
            if all(e["address"] != address for e in v["ipv6"]):
                v["ipv6"].append(entry)
    facts["known"].add("interfaces")


def _vmware_version(facts, rows, params, capture):
    _version(facts, rows, params, capture)


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
        "rtt_ms": result.get("rtt_ms"),
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

# Preferred sources first: esxcli's own listings win over esxcfg's and vsish's.
_ORDER = ("system.version", "system.hostname", "system.encryption", "system.secureboot",
          "ip.interface.list", "ip.interface.ipv4",
          "ip.interface.ipv6", "ip.interface.tags", "ip.netstack.list", "ip.route.ipv4",
          "ip.route.ipv6",
          "nic.list", "vswitch.standard.list", "vswitch.portgroup.list", "vswitch.dvs.list",
          "advanced.option", "vsish.config", "vsish.sbmax", "esxcfg.vmknic", "esxcfg.route",
          "esxcfg.defaultgw", "esxcfg.nics", "vmware.version", "ping", "diag.ping")
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
            text = (c.stderr.strip() or c.stdout.strip()).splitlines()
            c.note = "exit %s%s" % (c.exit_code, (": " + text[0][:200]) if text else "")
        return True
    error = human.esxcli_error(c.stdout) if c.kind in catalog.ESXCLI_KINDS else None
    if error:
        c.status, c.note = cap.FAILED, error
        return True
    return False


def _not_on_this_release(c):
    """esxcli answered that it has no such command: the data does not exist on this release
    (``system settings encryption get`` before 7.0 U2), which is not a failed collection."""
    if c.kind not in catalog.ESXCLI_KINDS:
        return False
    text = (c.stdout or "") + "\n" + (c.stderr or "")
    if not _NO_COMMAND.search(text):
        return False
    c.status, c.note = cap.UNAVAILABLE, "this esxcli has no such command (an older release)"
    return True


def build_facts(captures, hints=None):
    """The facts of one host from its captures (each capture's status and note are set)."""
    facts = new_facts()
    rank = dict((k, i) for i, k in enumerate(_ORDER))
    ordered = sorted(enumerate(captures), key=lambda p: (rank.get(p[1].kind, len(rank)), p[0]))
    for _, c in ordered:
        if _not_on_this_release(c) or _judge_failure(c, facts):
            continue
        try:
            rows = c.rows if c.rows is not None else catalog.parse(c.kind, c.stdout)
            EXTRACTORS[c.kind](facts, rows, c.params, c)
            c.rows = rows
            c.status, c.note = cap.PARSED, None
        except ParseError as exc:
            c.status, c.note = cap.UNPARSED, str(exc) or "output not understood"
        except Exception as exc:  # a parser bug must not take the report down with it
            c.status = cap.UNPARSED
            c.note = "output not understood (%s: %s)" % (type(exc).__name__, exc)
    hints = hints or {}
    if facts["host"]["hostname"] is None and hints.get("hostname"):
        facts["host"]["hostname"] = hints["hostname"]
        facts["host"]["hostname_from"] = hints.get("hostname_from", "hint")
    return facts
