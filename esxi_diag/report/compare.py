"""Both ends of a migration: several hosts' reports compared, every ordered pair of hosts (source ->
destination) judged for vMotion (``esxi-diag compare``; docs/compare.md). Pure: reads report dicts
(schema esxi-diag/1, from ``inspect``/``check --json`` or a bundle analysed like ``analyze``)
and returns the comparison (schema esxi-diag-compare/1).

A report is first read into a *view*: what the comparison needs of one host, each fact None when
the report does not hold it (an older report without VM facts, a command that was not read): a
rule that lacks a fact says ``unknown``, never OK. Then for every ordered pair:

- data paths: a hot and a cold path at both ends, a common address family, and a route both
  ways by each host's own routing pre-flight (analysis/routing.py over the report's vmknics and
  route tables); the check results either report holds towards the other's addresses;
- MTU: the frame each end's data-path vmknic can send (its MTU and its switch's), the same at
  both ends;
- VM networks: every port group a powered-on VM of the source uses exists on the destination
  with the same VLAN ID (standard switches: by label, as vCenter maps them), and a VM on a
  distributed switch finds the same switch (UUID) there;
- tuning: NetExpectedLineRateMBps, the hot netstack's sbMax and NetLatencyModeThreshold alike at
  both ends (the value most hosts have is the reference; the host that differs is told the
  command that aligns it);
- encryption: VMs that require Encrypted vMotion, and those that would cross in clear text;
- releases: sbMax (6.7 U1) or Encrypted vMotion (6.5) that one end lacks.

Findings are data like the others (rules.finding; words in render/catalogs/en.py); a compare
finding may also have the severity ``unknown``. A pair's verdict is its worst finding: fail, warn,
unknown, else ok.
"""

import gc
import ipaddress

from esxi_diag import SCHEMA as REPORT_SCHEMA, __version__, kinds
from esxi_diag.analysis import releases, routing, topology
from esxi_diag.analysis.model import natural_key
from esxi_diag.analysis.reach import LAN_MAX_MS
from esxi_diag.render.messages import command, msg, render, valid
from esxi_diag.report.build import finding_json
from esxi_diag.rules import FAIL, INFO, WARN, finding, say
from esxi_diag.rules import role as roles_message
from esxi_diag.rules import remedies

SCHEMA = "esxi-diag-compare/1"
UNKNOWN = "unknown"
OK = "ok"
# a pair's verdict: its worst finding
_RANK = {FAIL: 0, WARN: 1, UNKNOWN: 2, INFO: 3, OK: 4}
VERDICTS = (OK, WARN, FAIL, UNKNOWN)
ROLES = ("hot", "cold")
DEFAULT_LINE_RATE = 133
DEFAULT_THRESHOLD = 4


class CompareInputError(ValueError):
    """A report that cannot be compared: one line for the user."""


# -- reading a report ------------------------------------------------------------------------------

def _get(value, key, kind, default=None):
    """``value[key]`` when ``value`` is an object and the item is of ``kind`` (an int is never a
    bool), else ``default``: a report read from a file is trusted field by field."""
    item = value.get(key) if isinstance(value, dict) else None
    if isinstance(item, kind) and not (kind is int and isinstance(item, bool)):
        return item
    return default


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value):
    """A text of the report as a message param: a sound message, or a string, else None."""
    if isinstance(value, str) or (isinstance(value, dict) and valid(value)):
        return value
    return None


def _report_text(node, key):
    return _text(_get(node, key + "_message", dict)) or _text(_get(node, key, str))


def _parsed(report):
    """{kind: [params of each complete, parsed output]}; None when the report lists no commands
    (nothing can then be said complete)."""
    commands = _get(report, "commands", list)
    if commands is None:
        return None
    out = {}
    for c in commands:
        if _get(c, "status", str) != "parsed":
            continue
        if (_get(c, "note", str) or "").startswith("partial:"):
            continue
        out.setdefault(_get(c, "kind", str), []).append(_get(c, "params", dict, {}))
    return out


def _complete(parsed, *names):
    return parsed is not None and any(n in parsed for n in names)


def _netstack_param(params):
    """The netstack a route command named (the default one when none), None when it is not a
    name (a damaged report)."""
    stack = params.get("netstack") if isinstance(params, dict) else None
    if stack is None:
        return kinds.DEFAULT_NETSTACK
    return stack if kinds.valid_netstack(stack) else None


def _route_tables(report, parsed):
    """(IPv4 tables, IPv6 tables) per netstack, only for the tables that were read whole."""
    read4, read6 = set(), set()
    for name in ("ip.route.ipv4", "esxcfg.route"):
        for params in (parsed or {}).get(name, []):
            read4.add(_netstack_param(params))
    for params in (parsed or {}).get("ip.route.ipv6", []):
        read6.add(_netstack_param(params))
    read4.discard(None)
    read6.discard(None)
    routes4 = dict((s, []) for s in read4)
    routes6 = dict((s, []) for s in read6)
    for r in _get(report, "routes", list, []):
        stack = _get(r, "netstack", str)
        if stack is None or _get(r, "partial", bool):
            continue
        if parsed is None:  # no command record: the tables listed are taken as read
            routes4.setdefault(stack, [])
        if stack in routes4:
            routes4[stack].append({"network": _get(r, "network", str),
                                   "netmask": _get(r, "netmask", str),
                                   "gateway": _get(r, "gateway", str),
                                   "interface": _get(r, "interface", str)})
    for r in _get(report, "routes_ipv6", list, []):
        stack = _get(r, "netstack", str)
        if stack is None:
            continue
        if parsed is None:
            routes6.setdefault(stack, [])
        if stack in routes6:
            routes6[stack].append({"network": _get(r, "network", str),
                                   "prefix_length": _int(_get(r, "prefix_length", int)),
                                   "gateway": _get(r, "gateway", str),
                                   "interface": _get(r, "interface", str)})
    return routes4, routes6


def _vmknic(v, ipv6_known):
    ipv4 = _get(v, "ipv4", dict)
    six = []
    for a in _get(v, "ipv6", list, []):
        if _get(a, "address", str):
            six.append({"address": a["address"],
                        "prefix_length": _int(_get(a, "prefix_length", int)) or 64})
    return {"name": v["name"], "enabled": _get(v, "enabled", bool),
            "netstack": _get(v, "netstack", str), "mtu": _int(_get(v, "mtu", int)),
            "portgroup": _get(v, "portgroup", str), "portset": _get(v, "portset", str),
            "vds_name": _get(v, "vds_name", str),
            "ipv4": None if not _get(ipv4, "address", str) else {
                "address": ipv4["address"], "netmask": _get(ipv4, "netmask", str),
                "gateway": _get(ipv4, "gateway", str)},
            "ipv4_known": bool(_get(v, "ipv4_known", bool)) or bool(ipv4),
            "ipv6": six, "ipv6_known": ipv6_known or bool(six)}


def _addresses(v):
    """The vmknic's addresses another host would use: IPv4, then global IPv6."""
    out = []
    if v.get("ipv4"):
        out.append(v["ipv4"]["address"])
    for a in v.get("ipv6") or []:
        try:
            if not ipaddress.ip_address(a["address"]).is_link_local:
                out.append(a["address"])
        except ValueError:
            continue
    return out


def _vms(report):
    """The report's VMs (schema esxi-diag/1, ``vms``), or None when it holds no VM facts."""
    vms = _get(report, "vms", dict)
    if vms is None:
        return None
    inventory = _get(vms, "inventory", str)
    out = {"inventory": inventory if inventory in ("read", "not-read", "failed", "partial")
           else "not-read", "list": []}
    for vm in _get(vms, "list", list, []):
        name = _get(vm, "name", str) or _get(vm, "vmx", str)
        if name is None:
            continue
        nics = []
        for n in _get(vm, "nics", list, []):
            if not isinstance(n, dict):
                continue
            nics.append({"device": _get(n, "device", str),
                         "network": _get(n, "network", str),
                         "dvs_switch": _norm_uuid(_get(n, "dvs_switch", str)),
                         "dvs_portgroup": _get(n, "dvs_portgroup", str),
                         "opaque_network": _get(n, "opaque_network", str)})
        state = _get(vm, "power_state", str)
        mode = _get(vm, "migrate_encryption", str)
        out["list"].append({
            "name": name, "power_state": state if state in ("on", "off") else None,
            "vmx_read": _get(vm, "vmx_read", bool, False), "nics": nics,
            "migrate_encryption": mode if mode in ("disabled", "opportunistic", "required")
            else None,
            "encrypted": _get(vm, "encrypted", bool)})
    return out


def _norm_uuid(text):
    """A DVS UUID as lower-case hex digits only (``50 1e 5b ... -18 f3 ...`` and the same value
    in another spelling compare equal), or None."""
    if not isinstance(text, str):
        return None
    digits = "".join(ch for ch in text.lower() if ch in "0123456789abcdef")
    return digits if len(digits) >= 16 else None


def host_view(report, name):
    """What the comparison needs of one host's report. CompareInputError (one line) when it is
    not a host report of schema esxi-diag/1 or nothing was read."""
    if not isinstance(report, dict):
        raise CompareInputError("%s is not an esxi-diag host report (a JSON object of schema "
                                "%s)" % (name, REPORT_SCHEMA))
    schema = report.get("schema")
    if schema != REPORT_SCHEMA:
        raise CompareInputError("%s is not an esxi-diag host report: its schema is %s, not %s" % (
            name, repr(schema)[:60] if schema is not None else "missing", REPORT_SCHEMA))
    summary = _get(report, "summary", dict, {})
    if _get(summary, "nothing_read", bool):
        raise CompareInputError("%s: nothing of its host could be read" % name)
    host = _get(report, "host", dict, {})
    hostname = _get(host, "hostname", str)
    fqdn = _get(host, "fqdn", str)
    parsed = _parsed(report)
    ipv6_known = _complete(parsed, "ip.interface.ipv6")
    vmknics = {}
    for v in _get(report, "vmknics", list, []):
        if kinds.valid_vmknic(_get(v, "name", str)) and v["name"] not in vmknics:
            vmknics[v["name"]] = _vmknic(v, ipv6_known)
    switches, uuids = {}, {}
    for s in _get(report, "vswitches", list, []):
        sname = _get(s, "name", str)
        if sname and sname not in switches:
            kind = _get(s, "type", str)
            switches[sname] = {"name": sname, "type": kind, "mtu": _int(_get(s, "mtu", int))}
            if kind == "distributed":
                uuids[sname] = _norm_uuid(_get(s, "uuid", str))
    portgroups = {}
    for p in _get(report, "portgroups", list, []):
        pname = _get(p, "name", str)
        if pname and pname not in portgroups:
            portgroups[pname] = {"name": pname, "vswitch": _get(p, "vswitch", str),
                                 "vlan_id": _int(_get(p, "vlan_id", int))}
    for s in _get(report, "vswitches", list, []):  # a name listed by its switch: VLAN unknown
        for pname in _get(s, "portgroups", list, []):
            if isinstance(pname, str) and pname and pname not in portgroups:
                portgroups[pname] = {"name": pname, "vswitch": _get(s, "name", str),
                                     "vlan_id": None}
    routes4, routes6 = _route_tables(report, parsed)
    known = set()
    if _complete(parsed, "ip.interface.list", "esxcfg.vmknic"):
        known.add("interfaces")
    if ipv6_known:
        known.add("ipv6")
    facts = {"vmknics": vmknics, "routes": routes4, "routes6": routes6, "known": known,
             "vswitches": switches, "portgroups": portgroups}
    paths = {}
    for role in ROLES:
        path = _get(_get(report, "data_paths", dict), role, dict, {})
        basis = _get(path, "basis", str) or "unknown"
        names = [n for n in _get(path, "vmknics", list, []) if isinstance(n, str) and
                 n in vmknics]
        if basis not in ("none", "unknown") and not names:
            basis = "unknown"
        paths[role] = {"basis": basis, "vmknics": names,
                       "netstack": _get(path, "netstack", str),
                       "reason": _report_text(path, "reason")}
    tuning = _get(report, "tuning", dict, {})
    hot_stack = paths["hot"]["netstack"]
    sbmax = _get(tuning, "sbmax", dict, {})
    status = _get(_get(tuning, "sbmax_status", dict, {}), hot_stack or "", dict, {})
    view = {
        "id": (_get(host, "uuid", str) or fqdn or hostname or name).lower(),
        "name": hostname or fqdn or name, "input": name,
        "host": {"hostname": hostname, "fqdn": fqdn, "version": _get(host, "version", str),
                 "update": _get(host, "update", str), "build": _get(host, "build", str)},
        "source": _get(_get(report, "source", dict), "type", str),
        "facts": facts, "paths": paths, "addresses": dict(
            (n, _addresses(v)) for n, v in vmknics.items()),
        "portgroups": portgroups if _complete(parsed, "vswitch.portgroup.list",
                                              "esxcfg.vswitch") else None,
        "portgroups_seen": portgroups,
        "dvs": uuids, "dvs_complete": _complete(parsed, "vswitch.dvs.list", "esxcfg.vswitch"),
        "vms": _vms(report),
        "tuning": {
            "line_rate": _int(_get(_get(tuning, "net_expected_line_rate_mbps", dict), "current",
                                   int)),
            "threshold": _int(_get(tuning, "latency_mode_threshold_ms", int)),
            "sbmax": _int(sbmax.get(hot_stack)) if hot_stack else None,
            "sbmax_netstack": hot_stack if kinds.valid_netstack(hot_stack) else None,
            "sbmax_reason": _get(status, "reason", str)},
        "checks": _checks(report),
    }
    view["richness"] = (1 if view["vms"] is not None else 0) + (1 if view["checks"] else 0)
    _prepare(view)
    return view


def _prepare(view):
    """What every pair asks of a host, worked out once (500 hosts are 249,500 pairs): the address
    families of each vmknic, the frame each data-path vmknic sends, the networks its VMs need,
    its checks by target."""
    view["families"] = dict((n, set(_family(a) for a in found) - {None})
                            for n, found in view["addresses"].items())
    view["address_set"] = set(a for found in view["addresses"].values() for a in found)
    # per data path: (vmknic, its one address family or None, its address when it has one)
    view["ends"] = dict((role, [
        (vmk, list(view["families"][vmk])[0] if len(view["addresses"][vmk]) == 1 else None,
         view["addresses"][vmk][0] if len(view["addresses"][vmk]) == 1 else None)
        for vmk in view["paths"][role]["vmknics"]]) for role in ROLES)
    view["mtus"] = dict((role, [(vmk,) + _effective_mtu(view, vmk)
                                for vmk in view["paths"][role]["vmknics"]]) for role in ROLES)
    view["usable"] = dict((role, view["paths"][role]["basis"] not in ("none", "unknown"))
                          for role in ROLES)
    view["mtu_single"] = {}
    for role in ROLES:
        values = set(m[1] for m in view["mtus"][role])
        view["mtu_single"][role] = values.pop() if len(values) == 1 else None
    by_target = {}
    for p in view["checks"]:
        by_target.setdefault(p["target"], []).append(p)
    view["checks_by_target"] = by_target
    view["networks_key"] = (view["portgroups"] is not None, tuple(sorted(
        (n, p["vlan_id"] if p["vlan_id"] is not None else -1)
        for n, p in view["portgroups_seen"].items())), view["dvs_complete"],
        tuple(sorted(u or "" for u in view["dvs"].values())))
    view["tuning_key"] = (view["tuning"]["line_rate"], view["tuning"]["threshold"],
                          view["tuning"]["sbmax"])
    view["encrypts"] = releases.at_least(view["host"], 6, 5)
    view["has_sbmax"] = releases.has_sbmax(view["host"])
    needs = {"standard": {}, "dvs": {}, "opaque": [], "vmx": [], "disabled": [],
             "required": [], "opportunistic": []}
    for vm in (view["vms"] or {}).get("list", []):
        moving = vm["power_state"] != "off"
        if moving and vm["migrate_encryption"] == "disabled":
            needs["disabled"].append(vm)
        if moving and (vm["migrate_encryption"] == "required" or vm["encrypted"]):
            needs["required"].append(vm)
        if moving and vm["vmx_read"] and not vm["encrypted"] and \
                vm["migrate_encryption"] in ("opportunistic", None):
            needs["opportunistic"].append(vm)
        if not vm["vmx_read"]:
            needs["vmx"].append(vm)
            continue
        for nic in vm["nics"]:
            if nic["network"]:
                found = needs["standard"].setdefault(nic["network"], [])
                if vm not in found:
                    found.append(vm)
            elif nic["dvs_switch"]:
                found = needs["dvs"].setdefault(nic["dvs_switch"], [])
                if vm not in found:
                    found.append(vm)
            elif nic["opaque_network"] and vm not in needs["opaque"]:
                needs["opaque"].append(vm)
    view["needs"] = needs


def _checks(report):
    """The report's tested paths (``check``): target, verdict, severity, RTT."""
    out = []
    for p in _get(_get(report, "reachability", dict), "paths", list, []):
        target, verdict = _get(p, "target", str), _get(p, "verdict", str)
        if not target or not verdict or verdict == "untested":
            continue
        rtt = _get(_get(p, "rtt_ms", dict), "avg", (int, float))
        reproduce = None
        for probe in _get(p, "probes", list, []):
            line = _get(probe, "command", str)
            sent, received = _int(_get(probe, "sent", int)), _int(_get(probe, "received", int))
            failed = _get(probe, "error", str) or (sent is not None and received is not None and
                                                   received < sent)
            if failed and line and line.startswith("vmkping ") and len(line) < 300:
                reproduce = line
                break
        out.append({"target": target, "vmknic": _get(p, "vmknic", str), "reproduce": reproduce,
                    "roles": [r for r in _get(p, "roles", list, []) if r in ROLES],
                    "verdict": verdict, "severity": _get(p, "severity", str),
                    "label": _get(p, "label", str), "detail": _report_text(p, "detail"),
                    "rtt": None if isinstance(rtt, bool) else rtt,
                    "latency_class": _get(p, "latency_class", str)})
    return out


# -- the pairs -------------------------------------------------------------------------------------

def _unknown(fid, params, variant=None, subjects=None):
    return finding(fid, UNKNOWN, params, None, subjects, variant)


def _release(view):
    return releases.describe(view["host"])


class Pair(object):
    """One ordered pair (source -> destination) and what both directions share."""

    def __init__(self, comparison, src, dst, shared):
        self.c = comparison
        self.src, self.dst = src, dst
        self.shared = shared  # what a -> b and b -> a both ask (the routes both ways)
        self.findings = []
        self.routed = None
        self.rtt = None
        self.long_distance = None

    def add(self, items):
        self.findings.extend(items)


class Comparison(object):
    def __init__(self, views):
        self.views = views
        self.reference = _references(views)
        self._keys = {}  # (host id, vmknic) -> the number of its routing signature
        self._signatures = {}
        self._routes = {}  # (signature number, target) -> the pre-flight's kind
        self._clean_networks = set()
        self._networks = {}
        self._network_ids = {}  # (source id, networks key): every VM network found

    def networks_id(self, view):
        """A number per distinct set of port groups and distributed switches."""
        number = self._network_ids.get(view["id"])
        if number is None:
            number = self._network_ids[view["id"]] = self._networks.setdefault(
                view["networks_key"], len(self._networks))
        return number

    def signature(self, view, vmk):
        key = (view["id"], vmk)
        number = self._keys.get(key)
        if number is None:
            signature = _route_signature(view["facts"], vmk)
            number = self._keys[key] = self._signatures.setdefault(signature,
                                                                  len(self._signatures))
        return number

    def route(self, view, vmk, target):
        """routing.preflight of ``vmk`` of ``view`` to ``target``. Hosts whose vmknic has the
        same routing signature (its netstack, subnets, gateway, route tables and what is known of
        them: everything preflight reads but the vmknic's own address) get the same kind of
        answer, so the kind is worked out once per signature and target; the words of an answer
        that becomes a finding are the host's own."""
        number = self.signature(view, vmk)
        found = self._routes.get((number, target))
        if found is None:
            found = self._routes[(number, target)] = routing.preflight(view["facts"], vmk,
                                                                       target)["kind"]
        if found in ("not-routable", "unknown"):
            return routing.preflight(view["facts"], vmk, target)
        return {"kind": found}


def _route_table(table):
    if table is None:
        return None
    return tuple((r.get("network"), r.get("netmask"), r.get("prefix_length"), r.get("gateway"),
                  r.get("interface")) for r in table)


def _route_signature(facts, vmk):
    """Everything routing.preflight reads of a host for one vmknic, but its own address."""
    v = facts["vmknics"][vmk]
    stack = v.get("netstack")
    return (vmk, stack, tuple(str(n) for n, _ in routing.own_networks(v, 4)),
            tuple(str(n) for n, _ in routing.own_networks(v, 6)),
            (v.get("ipv4") or {}).get("gateway"), bool(v.get("ipv4_known")),
            bool(v.get("ipv6_known")), bool(v.get("ipv6")), "interfaces" in facts["known"],
            "ipv6" in facts["known"], _route_table(facts["routes"].get(stack)),
            _route_table((facts.get("routes6") or {}).get(stack)))


def _family(address):
    try:
        return ipaddress.ip_address(address).version
    except ValueError:
        return None


def _target_for(view_from, vmk_from, view_to, vmk_to):
    """(the address of ``vmk_to`` that ``vmk_from`` would use, or None; whether that is
    unknown)."""
    mine = view_from["families"].get(vmk_from, ())
    theirs = view_to["addresses"].get(vmk_to, [])
    if len(theirs) == 1 and len(mine) == 1 and len(view_to["families"][vmk_to]) == 1 and \
            view_to["families"][vmk_to] == mine:
        return theirs[0], False
    for address in theirs:
        if _family(address) in mine:
            return address, False
    v_from = view_from["facts"]["vmknics"][vmk_from]
    v_to = view_to["facts"]["vmknics"][vmk_to]
    unknown = not (v_from["ipv4_known"] and v_from["ipv6_known"] and v_to["ipv4_known"] and
                   v_to["ipv6_known"])
    if not theirs and not v_to["ipv4_known"]:
        unknown = True
    return None, unknown


def _families(view, vmk):
    found = sorted(set("IPv%d" % _family(a) for a in view["addresses"].get(vmk, [])
                       if _family(a)))
    return found or [msg("compare.no-address")]


def _one_way(c, a, b, role, cache):
    """Findings of role data from host a to host b (a's routing to b's addresses), and whether
    it is routed (None: not known). Memoised: the pair b -> a asks it again."""
    key = (a["id"], role)
    found = cache.get(key)  # asked twice: by a -> b and by b -> a
    if found is not None:
        return found
    out, routed = [], False
    routes = c._routes
    for vmk_a, family_a, _ in a["ends"][role]:
        for vmk_b, family_b, address_b in b["ends"][role]:
            if family_a is not None and family_a == family_b:
                target, unknown = address_b, False  # one address each, of one family
            else:
                target, unknown = _target_for(a, vmk_a, b, vmk_b)
            if target is None:
                if unknown:
                    out.append(_unknown("COMPARE-ADDRESS-UNKNOWN", {
                        "role": role_msg(role), "from_host": a["name"], "vmknic": vmk_a,
                        "to_host": b["name"], "target_vmknic": vmk_b}, subjects=[a["name"]]))
                    routed = None
                else:
                    out.append(finding("COMPARE-FAMILY-MISMATCH", FAIL, {
                        "role": role_msg(role), "from_host": a["name"], "vmknic": vmk_a,
                        "families": _families(a, vmk_a), "to_host": b["name"],
                        "target_vmknic": vmk_b, "target_families": _families(b, vmk_b)},
                        [say("compare-same-family")], [a["name"], b["name"]]))
                continue
            if target in a["address_set"]:
                out.append(finding("COMPARE-DUPLICATE-ADDRESS", FAIL, {
                    "address": target, "from_host": a["name"], "vmknic": vmk_a,
                    "to_host": b["name"], "target_vmknic": vmk_b},
                    [say("compare-readdress")], [a["name"], b["name"]]))
                continue
            kind = routes.get((c.signature(a, vmk_a), target))
            result = c.route(a, vmk_a, target) if kind is None or kind in (
                "not-routable", "unknown") else None
            kind = kind if result is None else result["kind"]
            if kind == "on-link":
                continue
            if kind == "unknown":
                out.append(_unknown("COMPARE-ROUTING-UNKNOWN", {
                    "role": role_msg(role), "from_host": a["name"], "vmknic": vmk_a,
                    "to_host": b["name"], "target": target, "why": result["detail"]},
                    subjects=[a["name"]]))
                routed = None
                continue
            if routed is not None:
                routed = True
            if kind == "not-routable":
                v = a["facts"]["vmknics"][vmk_a]
                out.append(finding("COMPARE-NOT-ROUTABLE", FAIL, {
                    "role": role_msg(role), "from_host": a["name"], "vmknic": vmk_a,
                    "to_host": b["name"], "target": target, "why": result["detail"]},
                    [say("on-host", host=a["name"])] + remedies.add_gateway(
                        v.get("netstack") or "<netstack>", vmk_a, _family(target) == 6),
                    [a["name"]]))
    found = cache[key] = (out, routed)
    return found


def role_msg(role):
    return msg("role." + role)


def _paths(c, pair):
    """Hot and cold paths at both ends, the address family, routes both ways."""
    src, dst = pair.src, pair.dst
    routed = False
    for role in ROLES:
        if src["usable"][role] and dst["usable"][role]:
            there, r1 = _one_way(c, src, dst, role, pair.shared)
            back, r2 = _one_way(c, dst, src, role, pair.shared)
            if there or back:
                pair.findings.extend(there + back)
            if role == "hot":
                routed = None if (r1 is None or r2 is None) else (r1 or r2)
            continue
        missing = False  # one end (at least) has no such path, or it is not known
        for view in (src, dst):
            path = view["paths"][role]
            if path["basis"] == "none":
                pair.add([finding("COMPARE-PATH-MISSING", FAIL, {
                    "role": role_msg(role), "host": view["name"], "source": src["name"],
                    "destination": dst["name"], "reason": msg("compare.reason", reason=path[
                        "reason"]) if path["reason"] else None},
                    [say("compare-see-host-report", host=view["name"],
                         fid="HOT-NONE" if role == "hot" else "COLD-NONE")], [view["name"]])])
                missing = True
            elif path["basis"] == "unknown":
                pair.add([_unknown("COMPARE-PATH-UNKNOWN", {
                    "role": role_msg(role), "host": view["name"], "source": src["name"],
                    "destination": dst["name"], "reason": msg("compare.reason", reason=path[
                        "reason"]) if path["reason"] else None},
                    subjects=[view["name"]])])
                missing = True
        if missing and role == "hot":
            routed = None
    pair.routed = routed


def _effective_mtu(view, vmk):
    """(the frame the vmknic can send: the smaller of its MTU and its switch's, None when not
    known; a message saying of what)."""
    facts = view["facts"]
    v = facts["vmknics"][vmk]
    switch = topology.switch_of(facts, v)
    mtu = v.get("mtu")
    if mtu is None:
        return None, None, None
    if switch is None or switch.get("mtu") is None:
        return mtu, msg("compare.mtu-switch-unknown", vmknic=vmk, mtu=mtu), switch
    return min(mtu, switch["mtu"]), msg("compare.mtu-end", vmknic=vmk, mtu=mtu,
                                        switch=switch["name"], switch_mtu=switch["mtu"]), switch


def _mtu(c, pair):
    src, dst = pair.src, pair.dst
    for role in ROLES:
        single = src["mtu_single"][role]
        if single is not None and single == dst["mtu_single"][role]:
            continue  # one MTU at both ends
        if src["paths"][role]["basis"] in ("none", "unknown") or \
                dst["paths"][role]["basis"] in ("none", "unknown"):
            continue
        for vmk_s, ms, text_s, sw_s in src["mtus"][role]:
            for vmk_d, md, text_d, sw_d in dst["mtus"][role]:
                if ms == md and ms is not None:
                    continue
                if ms is None or md is None:
                    which = src if ms is None else dst
                    pair.add([_unknown("COMPARE-MTU-UNKNOWN", {
                        "role": role_msg(role), "host": which["name"],
                        "vmknic": vmk_s if ms is None else vmk_d}, subjects=[which["name"]])])
                    continue
                high, low = (src, vmk_s, ms, sw_s), (dst, vmk_d, md, sw_d)
                if md > ms:
                    high, low = low, high
                pair.add([finding("COMPARE-MTU-MISMATCH", WARN, {
                    "role": role_msg(role), "source": src["name"], "destination": dst["name"],
                    "src_vmknic": vmk_s, "dst_vmknic": vmk_d, "src_mtu": ms, "dst_mtu": md,
                    "src_end": text_s, "dst_end": text_d}, _mtu_remedy(high, low, role),
                    [src["name"], dst["name"]])])


def _mtu_remedy(high, low, role):
    hview, hvmk, hmtu, _ = high
    lview, lvmk, lmtu, lswitch = low
    steps = [say("compare-mtu-raise", host=lview["name"], mtu=hmtu)]
    if lswitch is not None and lswitch.get("type") == "standard" and \
            (lswitch.get("mtu") or 0) < hmtu:
        steps.append(command(remedies.command(["esxcli", "network", "vswitch", "standard", "set",
                                               "-v", lswitch["name"], "-m", str(hmtu)])))
    elif lswitch is not None and lswitch.get("type") == "distributed" and \
            (lswitch.get("mtu") or 0) < hmtu:
        steps.append(say("raise-dvs-mtu", switch=lswitch["name"], mtu=hmtu))
    steps.append(command(remedies.command(["esxcli", "network", "ip", "interface", "set", "-i",
                                           lvmk, "-m", str(hmtu)])))
    steps.append(say("compare-mtu-lower", host=hview["name"], mtu=lmtu))
    steps.append(command(remedies.command(["esxcli", "network", "ip", "interface", "set", "-i",
                                           hvmk, "-m", str(lmtu)])))
    target = (lview["addresses"].get(lvmk) or [None])[0]
    stack = hview["facts"]["vmknics"][hvmk].get("netstack")
    if target and kinds.valid_netstack(stack or kinds.DEFAULT_NETSTACK):
        ipv6 = _family(target) == 6
        steps.append(say("compare-mtu-verify", host=hview["name"]))
        steps.append(command(kinds.display(kinds.vmkping_argv(
            hvmk, stack, target, count=3, size=hmtu - (48 if ipv6 else 28), df=True,
            ipv6=ipv6))))
    return steps


def _checks_between(a, b):
    """a's tested paths whose target is one of b's addresses."""
    if not a["checks"]:
        return []
    out = []
    for found in b["addresses"].values():
        for address in found:
            out.extend(a["checks_by_target"].get(address, ()))
    return out


def _measured(c, pair):
    """The check results of both reports towards the other host: failed paths become findings;
    the round trip and whether the pair is long distance are kept for the other rules."""
    src, dst = pair.src, pair.dst
    if not src["checks"] and not dst["checks"]:
        return
    rtts, classes = [], []
    for tester, other in ((src, dst), (dst, src)):
        for p in _checks_between(tester, other):
            if p["rtt"] is not None and ("hot" in p["roles"] or not p["roles"]):
                rtts.append(p["rtt"])
            if p["latency_class"]:
                classes.append(p["latency_class"])
            if p["verdict"] == "ok" or p["severity"] not in (FAIL, WARN):
                continue
            pair.add([finding("COMPARE-CHECK-FAILED", p["severity"], {
                "tester": tester["name"], "vmknic": p["vmknic"], "target": p["target"],
                "label": p["label"] or other["name"], "verdict": p["verdict"],
                "detail": p["detail"], "role_part": msg(
                    "compare.check-role", role=roles_message(p["roles"])) if p["roles"] else None},
                [say("compare-see-check", host=tester["name"])] + (
                    [say("compare-reproduce", host=tester["name"]), command(p["reproduce"])]
                    if p["reproduce"] else []), [tester["name"]])])
    if not rtts:
        rtts = [p["rtt"] for t, o in ((src, dst), (dst, src)) for p in _checks_between(t, o)
                if p["rtt"] is not None]
    if rtts:
        pair.rtt = max(rtts)
        # long distance as soon as either end's NetLatencyModeThreshold is exceeded
        threshold = min(src["tuning"]["threshold"] or LAN_MAX_MS,
                        dst["tuning"]["threshold"] or LAN_MAX_MS)
        pair.long_distance = pair.rtt > threshold or any(
            k in ("long-distance", "beyond-supported") for k in classes)
    elif classes:
        pair.long_distance = any(k in ("long-distance", "beyond-supported") for k in classes)


# -- VM networks -------------------------------------------------------------------------------

def _vm_severity(vms):
    """fail when a powered-on (or unknown state) VM is concerned: its vMotion fails; warn when
    only powered-off VMs are: a cold migration lets vCenter pick another network."""
    return FAIL if any(vm["power_state"] != "off" for vm in vms) else WARN


def _names(vms):
    return sorted(set(vm["name"] for vm in vms), key=natural_key)


def _vm_networks(c, pair):
    src, dst = pair.src, pair.dst
    vms = src["vms"]
    if vms is None:
        pair.add([_unknown("COMPARE-VMS-UNKNOWN", {"host": src["name"]}, "absent",
                           [src["name"]])])
        return
    if vms["inventory"] in ("not-read", "failed"):
        pair.add([_unknown("COMPARE-VMS-UNKNOWN", {"host": src["name"]}, "not-read",
                           [src["name"]])])
        return
    if vms["inventory"] == "partial":
        pair.add([_unknown("COMPARE-VMS-UNKNOWN", {"host": src["name"]}, "partial",
                           [src["name"]])])
    needs = src["needs"]
    if not needs["standard"] and not needs["dvs"] and not needs["vmx"] and not needs["opaque"]:
        return
    key = (src["id"], c.networks_id(dst))
    if key in c._clean_networks:
        return  # the same source against the same port groups and switches: nothing to say
    missing, vlans, dvs_missing = {}, {}, {}
    unknown = {"vmx": needs["vmx"], "opaque": needs["opaque"], "destination": [], "dvs": []}
    theirs, seen_there = dst["portgroups"], dst["portgroups_seen"]
    for network, users in needs["standard"].items():
        seen = seen_there.get(network)
        if seen is None:
            if theirs is None:
                unknown["destination"].extend(users)
            else:
                missing[network] = users
            continue
        mine = (src["portgroups_seen"].get(network) or {}).get("vlan_id")
        if mine is not None and seen["vlan_id"] is not None and mine != seen["vlan_id"]:
            vlans[network] = (users, mine, seen["vlan_id"])
    if needs["dvs"]:
        uuids = set(dst["dvs"].values())
        whole = dst["dvs_complete"] and None not in uuids
        for uuid, users in needs["dvs"].items():
            if uuid in uuids:
                continue
            if whole:
                dvs_missing[uuid] = users
            else:
                unknown["dvs"].extend(users)
    for network in sorted(missing, key=natural_key):
        found = missing[network]
        pg = src["portgroups_seen"].get(network) or {}
        switch = pg.get("vswitch")
        dst_switch = switch if switch and (dst["facts"]["vswitches"].get(switch) or {}).get(
            "type") == "standard" else "<vSwitch>"
        steps = [say("on-host", host=dst["name"]),
                 command(remedies.command(["esxcli", "network", "vswitch", "standard",
                                           "portgroup", "add", "-p", network, "-v",
                                           dst_switch]))]
        if pg.get("vlan_id"):
            steps.append(command(remedies.command([
                "esxcli", "network", "vswitch", "standard", "portgroup", "set", "-p", network,
                "--vlan-id", str(pg["vlan_id"])])))
        severity = _vm_severity(found)
        pair.add([finding("COMPARE-VM-NETWORK-MISSING", severity, {
            "network": network, "vms": _names(found), "count": len(_names(found)),
            "source": src["name"], "destination": dst["name"],
            "vlan": msg("compare.vlan", vlan=pg["vlan_id"]) if pg.get("vlan_id") is not None
            else None}, steps, [dst["name"]], None if severity == FAIL else "off")])
    for network in sorted(vlans, key=natural_key):
        found, src_vlan, dst_vlan = vlans[network]
        severity = _vm_severity(found)
        ref = c.reference["vlans"].get(network)
        pair.add([finding("COMPARE-VLAN-MISMATCH", severity, {
            "network": network, "vms": _names(found), "source": src["name"],
            "destination": dst["name"], "src_vlan": src_vlan, "dst_vlan": dst_vlan,
            "reference": _reference_note(ref)},
            _align(ref, src_vlan, dst_vlan, src, dst, lambda host, value: [
                command(remedies.command(["esxcli", "network", "vswitch", "standard",
                                          "portgroup", "set", "-p", network, "--vlan-id",
                                          str(value)]))]),
            [dst["name"]], None if severity == FAIL else "off")])
    for uuid in sorted(dvs_missing):
        found = dvs_missing[uuid]
        severity = _vm_severity(found)
        switch = _dvs_name(src, uuid)
        pair.add([finding("COMPARE-VM-DVS-MISSING", severity, {
            "switch": switch or uuid, "uuid": uuid, "vms": _names(found),
            "source": src["name"], "destination": dst["name"]},
            [say("compare-join-dvs", host=dst["name"], switch=switch or uuid)], [dst["name"]],
            None if severity == FAIL else "off")])
    if not (missing or vlans or dvs_missing or any(unknown.values())):
        c._clean_networks.add(key)
    for variant in ("vmx", "opaque", "destination", "dvs"):
        if unknown[variant]:
            pair.add([_unknown("COMPARE-VM-NETWORK-UNKNOWN", {
                "vms": _names(unknown[variant]), "source": src["name"],
                "destination": dst["name"]}, variant, [src["name"]])])


def _dvs_name(view, uuid):
    for name, value in view["dvs"].items():
        if value == uuid:
            return name
    return None


# -- tuning and releases ---------------------------------------------------------------------

# (view key, finding variant, advanced option, its default, the setting's words)
_SETTINGS = (("line_rate", "rate", kinds.LINE_RATE_OPTION, DEFAULT_LINE_RATE,
              "compare.setting.rate"),
             ("threshold", "threshold", kinds.LATENCY_OPTION, DEFAULT_THRESHOLD,
              "compare.setting.threshold"),
             ("sbmax", "sbmax", None, None, "compare.setting.sbmax"))


def _majority(values, default=None):
    """(the value most hosts have, how many have it) of the known values; a tie goes to the one
    that is not the default (a tuned value), then to the larger."""
    counts = {}
    for v in values:
        if v is not None:
            counts[v] = counts.get(v, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda v: (counts[v], v != default, v))
    return {"value": best, "hosts": counts[best], "of": sum(counts.values()),
            "unique": list(counts.values()).count(counts[best]) == 1}


def _references(views):
    out = {"vlans": {}}
    for key, _, _, default, _ in _SETTINGS:
        out[key] = _majority([v["tuning"][key] for v in views], default)
    seen = {}
    for v in views:
        for name, pg in v["portgroups_seen"].items():
            seen.setdefault(name, []).append(pg["vlan_id"])
    for name, values in seen.items():
        out["vlans"][name] = _majority(values)
    return out


def _reference_note(ref):
    """'; N of the M hosts have V' when a value is the clear majority, else None."""
    if ref is None or not ref["unique"] or ref["of"] <= 2 or ref["hosts"] * 2 <= ref["of"]:
        return None
    return msg("compare.reference", hosts=ref["hosts"], of=ref["of"], value=ref["value"])


def _align(ref, src_value, dst_value, src, dst, steps_for):
    """Remedy steps: the host of the pair whose value differs from the clear majority is told
    the command that aligns it; without a clear majority, either way."""
    clear = ref is not None and ref["unique"] and ref["of"] > 2 and \
        ref["hosts"] * 2 > ref["of"] and ref["value"] in (src_value, dst_value)
    steps = []
    if clear:
        for view, value in ((src, src_value), (dst, dst_value)):
            if value != ref["value"]:
                steps += [say("on-host", host=view["name"])] + steps_for(view, ref["value"])
        return steps
    steps += [say("compare-either", host=dst["name"], value=src_value)] + \
        steps_for(dst, src_value)
    steps += [say("compare-or", host=src["name"], value=dst_value)] + steps_for(src, dst_value)
    return steps


def _tuning_steps(key, option):
    def steps(view, value):
        if key == "sbmax":
            stack = view["tuning"]["sbmax_netstack"]
            if not stack:
                return []
            return [command(kinds.display(kinds.sbmax_set_argv(stack, value))),
                    say("compare-sbmax-persist")]
        return [command(kinds.display(kinds.advanced_set_argv(option, value)))]
    return steps


def _distance_severity(pair):
    """warn on a long-distance pair (or one whose distance is not measured), info on a LAN."""
    return INFO if pair.long_distance is False else WARN


def _tuning(c, pair):
    src, dst = pair.src, pair.dst
    if src["tuning_key"] == dst["tuning_key"] and None not in src["tuning_key"]:
        return
    severity = None
    for key, variant, option, _, words in _SETTINGS:
        a, b = src["tuning"][key], dst["tuning"][key]
        if a == b and a is not None:
            continue
        if severity is None:
            severity = _distance_severity(pair)
            where = msg("compare.lan-pair") if pair.long_distance is False else (
                msg("compare.long-pair", rtt=pair.rtt) if pair.long_distance and
                pair.rtt is not None else msg("compare.unmeasured-pair")
                if pair.long_distance is None else None)
        if key == "sbmax":
            lacks = [v for v in (src, dst) if v["tuning"]["sbmax"] is None and
                     v["has_sbmax"] is False]
            if lacks:
                _release_sbmax(pair, lacks, severity)
                continue
        if a is None or b is None:
            which = [v for v, value in ((src, a), (dst, b)) if value is None]
            pair.add([_unknown("COMPARE-TUNING-UNKNOWN", {
                "setting": msg(words), "hosts": [v["name"] for v in which]},
                subjects=[v["name"] for v in which])])
            continue
        ref = c.reference[key]
        params = {"setting": msg(words), "source": src["name"],
                  "destination": dst["name"], "src_value": a, "dst_value": b, "where": where,
                  "reference": _reference_note(ref),
                  "src_netstack": src["tuning"]["sbmax_netstack"],
                  "dst_netstack": dst["tuning"]["sbmax_netstack"]}
        pair.add([finding("COMPARE-TUNING-DIFFERS", severity, params,
                          _align(ref, a, b, src, dst, _tuning_steps(key, option)),
                          [src["name"], dst["name"]], variant)])


def _release_sbmax(pair, lacks, severity):
    src, dst = pair.src, pair.dst
    if len(lacks) == 2:
        return  # neither end has sbMax: nothing to match
    view = lacks[0]
    other = dst if view is src else src
    if other["tuning"]["sbmax"] is None:
        return
    pair.add([finding("COMPARE-RELEASE-NO-SBMAX", severity, {
        "host": view["name"], "release": _release(view), "other": other["name"],
        "value": other["tuning"]["sbmax"], "netstack": other["tuning"]["sbmax_netstack"]},
        [say("compare-upgrade", host=view["name"], release="6.7 Update 1")], [view["name"]])])


def _encryption(c, pair):
    src, dst = pair.src, pair.dst
    vms = src["vms"]
    if vms is None or vms["inventory"] in ("not-read", "failed"):
        return  # said once by the VM network rule
    needs = src["needs"]
    disabled, required, opportunistic = needs["disabled"], needs["required"], \
        needs["opportunistic"]
    can = dst["encrypts"]
    if disabled:
        how = None
        if pair.routed:
            how = msg("compare.over-routed")
        elif pair.long_distance:
            how = msg("compare.over-long", rtt=pair.rtt)
        if how is not None:
            pair.add([finding("COMPARE-CLEARTEXT-VMOTION", WARN, {
                "vms": _names(disabled), "source": src["name"], "destination": dst["name"],
                "how": how}, [say("compare-encrypt-vms")], [src["name"]])])
        elif pair.routed is None or pair.long_distance is None:
            pair.add([_unknown("COMPARE-CLEARTEXT-VMOTION", {
                "vms": _names(disabled), "source": src["name"], "destination": dst["name"]},
                "unmeasured", [src["name"]])])
    if opportunistic and can is False:
        pair.add([finding("COMPARE-CLEARTEXT-VMOTION", WARN, {
            "vms": _names(opportunistic), "source": src["name"], "destination": dst["name"],
            "release": _release(dst)}, [say("compare-upgrade", host=dst["name"],
                                            release="6.5")], [dst["name"]], "opportunistic")])
    if required:
        if can is False:
            pair.add([finding("COMPARE-ENCRYPTION-REQUIRED", FAIL, {
                "vms": _names(required), "source": src["name"], "destination": dst["name"],
                "release": _release(dst)}, [say("compare-upgrade", host=dst["name"],
                                                release="6.5")], [dst["name"]],
                "unsupported")])
        else:
            pair.add([finding("COMPARE-ENCRYPTION-REQUIRED", INFO, {
                "vms": _names(required), "source": src["name"], "destination": dst["name"],
                "release": _release(dst) if can else None}, None, [src["name"]],
                None if can else "unknown-release")])


_RULES = (_paths, _measured, _mtu, _vm_networks, _tuning, _encryption)


def _sorted(findings):
    """Most severe first, then by ID and subjects; the rules' own order after that (stable)."""
    return sorted(findings, key=lambda f: (_RANK[f["severity"]], f["id"], f["subjects"],
                                           f["message_id"]))


def verdict_of(findings):
    worst = min([_RANK[f["severity"]] for f in findings] + [_RANK[OK]])
    return {0: FAIL, 1: WARN, 2: UNKNOWN}.get(worst, OK)


def dedupe(views):
    """(the views to compare, notes, the inputs left out): the same host given twice is compared
    once, from the input that says the most (VM facts, check results), else the first."""
    kept, notes, order, dropped_inputs = {}, [], [], []
    for view in views:
        first = kept.get(view["id"])
        if first is None:
            kept[view["id"]] = view
            order.append(view["id"])
            continue
        better = view["richness"] > first["richness"]
        used, dropped = (view, first) if better else (first, view)
        kept[view["id"]] = used
        dropped_inputs.append(dropped["input"])
        notes.append(msg("compare.same-host", host=used["name"], used=used["input"],
                         dropped=dropped["input"]))
    return [kept[i] for i in order], notes, dropped_inputs


def compare(views, notes=(), inputs=(), generated_at=None):
    """The comparison (schema esxi-diag-compare/1) of the host views, every ordered pair."""
    views, same, dropped = dedupe(list(views))
    notes = list(notes) + same
    inputs = [dict(i, status="duplicate") if i.get("status") == "compared" and
              i.get("input") in dropped else dict(i) for i in inputs]
    c = Comparison(views)
    pairs = []
    n = len(views)
    matrix = [[None] * n for _ in range(n)]
    counts = dict((v, 0) for v in VERDICTS)
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects and no cycle: collecting is waste
    try:
        for i in range(n):
            for j in range(i + 1, n):
                shared = {}
                for s, d in ((i, j), (j, i)):
                    pair = Pair(c, views[s], views[d], shared)
                    for rule in _RULES:
                        rule(c, pair)
                    verdict = OK
                    if pair.findings:
                        found = _sorted(pair.findings)
                        verdict = verdict_of(found)
                        pairs.append(((s, d), {
                            "source": views[s]["name"], "destination": views[d]["name"],
                            "verdict": verdict, "rtt_ms": pair.rtt,
                            "long_distance": pair.long_distance, "routed": pair.routed,
                            "findings": found}))
                    counts[verdict] += 1
                    matrix[s][d] = verdict
        pairs.sort(key=lambda p: p[0])
        pairs = [p for _, p in pairs]
        for p in pairs:
            p["findings"] = [finding_json(f) for f in p["findings"]]
    finally:
        if enabled:
            gc.enable()
    if len(views) < 2:
        status = 3
    elif counts[FAIL]:
        status = 2
    elif counts[WARN] or counts[UNKNOWN]:
        status = 1
    else:
        status = 0
    return {
        "schema": SCHEMA,
        "tool": {"name": "esxi-diag", "version": __version__},
        "generated_at": generated_at,
        "inputs": inputs,
        "hosts": [{"name": v["name"], "id": v["id"], "input": v["input"],
                   "version": v["host"]["version"], "release": _release(v),
                   "source": v["source"],
                   "vms": None if v["vms"] is None else v["vms"]["inventory"],
                   "checked": bool(v["checks"])} for v in views],
        "matrix": matrix,
        "pairs": pairs,
        "reference": {
            "line_rate_mbps": _ref_value(c.reference["line_rate"]),
            "latency_mode_threshold_ms": _ref_value(c.reference["threshold"]),
            "sbmax": _ref_value(c.reference["sbmax"])},
        "summary": {"hosts": len(views), "pairs": sum(counts.values()), "verdicts": counts,
                    "exit_status": status},
        "notes": [render(n) for n in notes],
        "notes_message": notes,
    }


def _ref_value(ref):
    return None if ref is None else ref["value"]

