"""Local findings: what is wrong (or right) with this host's vMotion data paths.

Every finding is data: a stable ID (listed with its meaning in docs/findings.md), a severity (ok,
info, warn, fail), the vmknics it concerns, and the message it is told with (``message_id`` and
``params``: its title and evidence in the catalogs of render/catalogs/) and its remedy steps (prose
and the exact commands). A rule that lacks the facts it needs stays silent: unknown is never
reported as broken.
"""

from esxi_diag.sources import capture as cap
from esxi_diag import kinds
from esxi_diag.analysis import releases, routing, topology
from esxi_diag.rules import remedies
from esxi_diag.analysis.datapaths import (PROVISIONING_NETSTACK, TAG_PROVISIONING, TAG_VMOTION,
                                 VMOTION_NETSTACK)
from esxi_diag.analysis.model import natural_key
from esxi_diag.message import command, msg, series

OK, INFO, WARN, FAIL = "ok", "info", "warn", "fail"
SEVERITY_ORDER = {FAIL: 0, WARN: 1, INFO: 2, OK: 3}

DEFAULT_LINE_RATE_MBPS = 133  # MB/s: the 1 Gbit/s LDVM assumes (ldvm-rules.md section 4)
MAX_LINE_RATE_MBPS = 2000


def finding(fid, severity, params=None, remedy=None, subjects=None, variant=None):
    """A finding: its ID, severity, subjects, and the message it is told with: ``<fid>`` (or
    ``<fid>.<variant>``) ``.title`` and ``.detail`` filled from ``params``; ``remedy`` is a list of
    steps (prose messages and ``command()``s) or None."""
    return {"id": fid, "severity": severity,
            "subjects": sorted(subjects or [], key=natural_key),
            "message_id": fid + ("." + variant if variant else ""),
            "params": dict(params or {}), "remedy_steps": list(remedy) if remedy else None}


def role(roles):
    """The message of a data role: hot, cold, or both."""
    if isinstance(roles, str):
        roles = [roles]
    return msg("role." + "+".join(r for r in ("hot", "cold") if r in roles))


def _paths_vmknics(facts, paths):
    """(role message, vmknic record) for every data-path vmknic, hot first, each vmknic once."""
    seen = []
    out = []
    for r in ("hot", "cold"):
        for name in paths[r]["vmknics"]:
            if name in facts["vmknics"] and name not in seen:
                seen.append(name)
                roles = [x for x in ("hot", "cold") if name in paths[x]["vmknics"]]
                out.append((role(roles), facts["vmknics"][name]))
    return out


say = remedies.say  # a prose step of a remedy


# ---------------------------------------------------------------------------------------------

def _collect_remedy(path):
    if path["unknown_tags"]:
        return [say("run-and-include-these")] + [
            remedies.read("ip.interface.tags", vmknic=n) for n in path["unknown_tags"]]
    return [say("run-and-include-this"), remedies.read("ip.interface.list")]


def _hot_path(facts, paths):
    hot = paths["hot"]
    if hot["basis"] == "unknown":
        return [finding("HOT-UNKNOWN", WARN, {"reason": hot["reason"]}, _collect_remedy(hot))]
    if hot["basis"] == "none":
        steps = []
        if hot["disabled_tagged"]:
            vmk = hot["disabled_tagged"][0]
            steps += [say("tagged-but-disabled", vmknic=vmk, tag=TAG_VMOTION),
                      remedies.enable_vmknic(vmk),
                      say("or-create-vmotion-vmknic")]
        else:
            steps.append(say("create-vmotion-vmknic"))
        steps += remedies.dedicated_vmknic(facts, VMOTION_NETSTACK, "vMotion")
        unused = _unused_vmknics(facts)
        if unused and not hot["disabled_tagged"]:
            steps += [say("or-tag-unused", vmknic=unused[0]),
                      remedies.add_tag(unused[0], TAG_VMOTION)]
        params = {"reason": hot["reason"],
                  "disabled": msg("HOT-NONE.disabled", vmknics=hot["disabled_tagged"])
                  if hot["disabled_tagged"] else None}
        return [finding("HOT-NONE", FAIL, params, steps)]
    return [finding("HOT-PATH", OK, {"vmknics": hot["vmknics"], "reason": hot["reason"]},
                    subjects=hot["vmknics"])]


def _unused_vmknics(facts):
    """Enabled, addressed vmknics of the default netstack whose tags are known to be none: the
    only ones a service tag could be added to without taking it from another service."""
    out = []
    for v in sorted(facts["vmknics"].values(), key=lambda v: natural_key(v["name"])):
        if v.get("netstack") != kinds.DEFAULT_NETSTACK or v.get("enabled") is not True:
            continue
        if v.get("tags") != [] or not (v.get("ipv4") or routing.own_networks(v, 6)):
            continue
        out.append(v["name"])
    return out


def _cold_path(facts, paths):
    cold = paths["cold"]
    if cold["basis"] == "unknown":
        return [finding("COLD-UNKNOWN", WARN, {"reason": cold["reason"]}, _collect_remedy(cold))]
    provisioning = [say("create-provisioning-vmknic")] + remedies.dedicated_vmknic(
        facts, PROVISIONING_NETSTACK, "Provisioning")
    if cold["basis"] == "none":
        return [finding("COLD-NONE", FAIL, {"reason": cold["reason"]}, provisioning)]
    out = [finding("COLD-PATH", OK, {"vmknics": cold["vmknics"], "reason": cold["reason"]},
                   subjects=cold["vmknics"])]
    if cold["basis"] == "management":
        out.append(finding("COLD-MANAGEMENT", INFO, {"vmknics": cold["vmknics"]}, provisioning,
                           subjects=cold["vmknics"]))
    return out


def _inactive_tags(facts, paths):
    out = []
    for r, tag, netstack, fid in (("hot", TAG_VMOTION, VMOTION_NETSTACK, "TAG-VMOTION-INACTIVE"),
                                  ("cold", TAG_PROVISIONING, PROVISIONING_NETSTACK,
                                   "TAG-PROVISIONING-INACTIVE")):
        names = paths[r]["inactive_tagged"]
        if not names:
            continue
        out.append(finding(
            fid, WARN, {"tag": tag, "vmknics": names, "active": paths[r]["vmknics"],
                        "netstack": netstack},
            [remedies.remove_tag(n, tag) for n in names], subjects=names))
    for r, tag, netstack in (("hot", TAG_VMOTION, VMOTION_NETSTACK),
                             ("cold", TAG_PROVISIONING, PROVISIONING_NETSTACK)):
        for name in paths[r]["ignored_tagged"]:
            stack = (facts["vmknics"].get(name) or {}).get("netstack")
            out.append(finding(
                "TAG-IGNORED-NETSTACK", WARN,
                {"tag": tag, "vmknic": name, "netstack": stack, "role": role(r)},
                [say("carry-on-dedicated", role=role(r), netstack=netstack, vmknic=name),
                 remedies.remove_tag(name, tag)],
                subjects=[name]))
    return out


def _disabled_or_unaddressed(facts, paths):
    out = []
    for r, v in _paths_vmknics(facts, paths):
        name = v["name"]
        if v.get("enabled") is False:
            out.append(finding(
                "PATH-VMK-DISABLED", FAIL, {"vmknic": name, "role": r,
                                            "netstack": v.get("netstack")},
                [remedies.enable_vmknic(name)],
                subjects=[name]))
        if v.get("ipv4_known") and v.get("ipv4") is None:
            out.extend(_no_ipv4(facts, v, r))
    for r in ("hot", "cold"):
        tag = TAG_VMOTION if r == "hot" else TAG_PROVISIONING
        for name in paths[r]["disabled_tagged"]:
            out.append(finding(
                "PATH-VMK-DISABLED", WARN, {"vmknic": name, "role": role(r), "tag": tag},
                [say("enable-it"), remedies.enable_vmknic(name), say("or-remove-the-tag"),
                 remedies.remove_tag(name, tag)],
                subjects=[name], variant="tagged"))
    return out


def _no_ipv4(facts, v, r):
    """A data-path vmknic without IPv4: IPv6-only is a supported configuration (info); without
    any routable address it carries nothing (fail)."""
    name = v["name"]
    global6 = [a["address"] for a in v.get("ipv6") or [] if routing.on_own_subnet(
        v, a["address"])]
    ipv6_known = v.get("ipv6_known") or "ipv6" in facts["known"]
    if global6:
        return [finding("PATH-VMK-IPV6-ONLY", INFO, {"vmknic": name, "role": r,
                                                     "addresses": global6}, subjects=[name])]
    if not ipv6_known:
        return [finding("PATH-VMK-NO-IPV4", WARN, {"vmknic": name, "role": r},
                        [say("run-and-include-this"), remedies.read("ip.interface.ipv6")],
                        subjects=[name], variant="unknown")]
    local = [a["address"] for a in v.get("ipv6") or []]
    return [finding(
        "PATH-VMK-NO-IPV4", FAIL,
        {"vmknic": name, "role": r,
         "local": msg("PATH-VMK-NO-IPV4.local", addresses=local) if local else None},
        [command("esxcli network ip interface ipv4 set -i %s -t static -I <address> "
                 "-N <netmask>" % name),
         say("or-ipv6-address"),
         command("esxcli network ip interface ipv6 address add -i %s -I <address/prefix>" %
                 name)], subjects=[name])]


_NOT_SHARED = (TAG_VMOTION.lower(), TAG_PROVISIONING.lower())


def _shared_services(facts, paths):
    out = []
    for name in paths["hot"]["vmknics"]:
        v = facts["vmknics"].get(name) or {}
        others = [t for t in (v.get("tags") or []) if t.lower() not in _NOT_SHARED]
        if not others:
            continue
        out.append(finding(
            "HOT-SHARED-SERVICES", WARN, {"vmknic": name, "services": others},
            [say("move-vmotion-to-dedicated", vmknic=name)] +
            remedies.dedicated_vmknic(facts, VMOTION_NETSTACK, "vMotion") +
            [say("then-take-the-tag-off", vmknic=name),
             remedies.remove_tag(name, TAG_VMOTION)],
            subjects=[name]))
    return out


def _has_default(facts, stack, family):
    table = (facts["routes"] if family == 4 else facts["routes6"]).get(stack) or []
    for r in table:
        zero = r.get("netmask") == "0.0.0.0" if family == 4 else r.get("prefix_length") == 0
        if zero and r.get("gateway"):
            return True
    return family == 4 and stack == kinds.DEFAULT_NETSTACK and bool(facts.get(
        "default_gateway"))


def _gateways(facts, paths, pairs=None):
    """A data-path netstack without a default gateway reaches only its own subnets (and its
    static routes): fine for L2 vMotion (the KB: L2 or L3), impossible for routed peers. Info in
    ``inspect``; with tested peers (``pairs``) only when one of them is off-link, and then its
    path's verdict already says not routable."""
    out = []
    data = paths["hot"]["vmknics"] + paths["cold"]["vmknics"]
    for stack in sorted(set(paths["hot"]["netstacks"] + paths["cold"]["netstacks"]),
                        key=natural_key):
        members = [facts["vmknics"][n] for n in data if n in facts["vmknics"] and
                   facts["vmknics"][n].get("netstack") == stack]
        names = sorted(set(v["name"] for v in members), key=natural_key)
        roles = [r for r in ("hot", "cold") if stack in paths[r]["netstacks"]]
        for family in (4, 6):
            table = (facts["routes"] if family == 4 else facts["routes6"]).get(stack)
            users = [v for v in members if routing.own_networks(v, family)]
            if table is None or not users or _has_default(facts, stack, family):
                continue
            if family == 4 and any((v.get("ipv4") or {}).get("gateway") or not (
                    v.get("ipv4") or {}).get("gateway_known") for v in users):
                continue  # a per-vmknic gateway, or one that could not be read
            offlink = None
            if pairs is not None:
                offlink = [p for p in pairs if p["vmknic"] in names and
                           p["routing"]["kind"] == "not-routable" and
                           (6 if p["ipv6"] else 4) == family and not routing.on_own_subnet(
                               facts["vmknics"][p["vmknic"]], p["target"])]
                if not offlink:
                    continue  # every tested peer is on-link (or behind a static route): L2 is fine
            static = [r for r in table if r.get("gateway")]
            params = {
                "netstack": stack, "role": role(roles), "vmknics": names,
                "family": "IPv%d" % family,
                "no_own": msg("NETSTACK-NO-GATEWAY.no-own") if family == 4 else None,
                "static": msg("NETSTACK-NO-GATEWAY.static", routes=[
                    msg("NETSTACK-NO-GATEWAY.route", network=r["network"] + (
                        "/%s" % r.get("prefix_length") if family == 6 else
                        "/%s" % r.get("netmask")), gateway=r["gateway"]) for r in static])
                if static else None,
                "offlink": msg("NETSTACK-NO-GATEWAY.offlink", peers=sorted(set(
                    p["target"] for p in offlink))) if offlink else None}
            out.append(finding(
                "NETSTACK-NO-GATEWAY", INFO, params,
                remedies.add_gateway(stack, names[0] if names else "<vmk>", family == 6),
                subjects=names))
    return out


def _default_route_elsewhere(facts, paths):
    """Hot data on the default netstack whose default route leaves through another vmknic (not
    on the hot vmknic's own subnet)."""
    out = []
    routes = facts["routes"].get(kinds.DEFAULT_NETSTACK)
    if not routes:
        return out
    defaults = [r for r in routes if r["network"] == "0.0.0.0" and r["netmask"] == "0.0.0.0"
                and r["gateway"] and r["interface"]]
    if not defaults:
        return out
    via = defaults[0]["interface"]
    for name in paths["hot"]["vmknics"]:
        v = facts["vmknics"].get(name) or {}
        ipv4 = v.get("ipv4") or {}
        if v.get("netstack") != kinds.DEFAULT_NETSTACK or name == via:
            continue
        if not ipv4.get("gateway_known") or ipv4.get("gateway"):
            continue
        if routing.on_own_subnet(v, defaults[0]["gateway"]):
            continue  # the gateway is on this vmknic's own subnet: routed traffic leaves here
        out.append(finding(
            "HOT-ROUTES-VIA-OTHER-VMKNIC", INFO,
            {"vmknic": name, "via": via, "gateway": defaults[0]["gateway"]},
            [say("own-gateway", vmknic=name),
             command(remedies.own_gateway(name, ipv4.get("address"), ipv4.get("netmask"))),
             say("or-move-to-vmotion-netstack")], subjects=[name]))
    return out


def _mtu(facts, paths):
    out = []
    for r, v in _paths_vmknics(facts, paths):
        mtu = v.get("mtu")
        switch = topology.switch_of(facts, v)
        if not mtu or switch is None:
            continue
        too_small_switch = bool(switch.get("mtu") and mtu > switch["mtu"])
        if too_small_switch:
            lower = [say("or-lower-the-vmknic"), remedies.set_vmknic_mtu(v["name"], switch["mtu"])]
            if switch["type"] == "standard":
                steps = [command(remedies.command([
                    "esxcli", "network", "vswitch", "standard", "set", "-v", switch["name"],
                    "-m", str(mtu)]))] + lower
            else:
                steps = [say("raise-dvs-mtu", switch=switch["name"], mtu=mtu)] + lower
            out.append(finding(
                "MTU-EXCEEDS-VSWITCH", FAIL,
                {"vmknic": v["name"], "mtu": mtu, "switch": switch["name"],
                 "switch_mtu": switch["mtu"], "role": r}, steps, subjects=[v["name"]]))
        uplinks = topology.uplinks_of(facts, switch)
        small = [n for n in (uplinks or []) if n.get("mtu") and n["mtu"] < mtu]
        if small and not too_small_switch:  # a vSwitch MTU change sets its uplinks' too
            steps = [say("switch-mtu-sets-uplinks"), command(remedies.command([
                "esxcli", "network", "vswitch", "standard", "set", "-v", switch["name"],
                "-m", str(mtu)]))] if switch["type"] == "standard" else \
                [say("raise-dvs-mtu", switch=switch["name"], mtu=mtu)]
            out.append(finding(
                "MTU-EXCEEDS-UPLINK", FAIL,
                {"vmknic": v["name"], "mtu": mtu, "uplink": small[0]["name"],
                 "uplink_mtu": small[0]["mtu"], "role": r, "switch": switch["name"],
                 "uplinks": ["%s (%d)" % (n["name"], n["mtu"]) for n in small]},
                steps, subjects=[v["name"]]))
    return out


def _uplinks(facts, paths):
    out = []
    for r, v in _paths_vmknics(facts, paths):
        switch = topology.switch_of(facts, v)
        uplinks = topology.uplinks_of(facts, switch)
        if uplinks is None or len(uplinks) != len(switch["uplinks"]):
            continue  # some uplink is not in the NIC list: not enough facts
        if any(n.get("link_up") for n in uplinks):
            continue
        if switch["type"] == "standard":
            steps = [say("add-uplink"), command(remedies.command([
                "esxcli", "network", "vswitch", "standard", "uplink", "add", "-u", "<vmnic>",
                "-v", switch["name"]])), say("check-cabling"), remedies.read("nic.list")]
        else:
            steps = [say("check-dvs-uplinks", switch=switch["name"]), remedies.read("nic.list")]
        out.append(finding(
            "PATH-NO-UPLINK", FAIL,
            {"vmknic": v["name"], "role": r, "switch": switch["name"],
             "uplinks": [n["name"] for n in uplinks]},
            steps, subjects=[v["name"]], variant="down" if uplinks else None))
    return out


def _line_rate(facts, paths):
    rate = facts["tuning"]["net_expected_line_rate_mbps"]
    if not rate or rate.get("current") is None:
        return []
    default = rate.get("default") or DEFAULT_LINE_RATE_MBPS
    speed, nic = topology.hot_uplink_speed(facts, paths)
    if rate["current"] != default or not speed or speed <= 1000:
        return []
    maximum = rate.get("max") or MAX_LINE_RATE_MBPS
    suggested = min(speed // 8, maximum)
    return [finding(
        "LINERATE-DEFAULT", INFO, {"current": rate["current"], "speed": speed, "nic": nic,
                                   "speed_mbytes": speed // 8},
        [command("esxcli system settings advanced set -o /Migrate/NetExpectedLineRateMBps "
                 "-i %d" % suggested)])]


def _sbmax(facts, paths):
    """Why the hot-data netstack's sbMax could not be read, said as it happened."""
    stack = paths["hot"]["netstack"]
    sbmax = facts["tuning"]["sbmax"]
    if stack is None or stack not in sbmax or sbmax[stack] is not None:
        return []
    status = facts["tuning"].get("sbmax_status", {}).get(stack) or {}
    reason = status.get("reason")
    host = facts["host"]
    params = {"netstack": stack, "node": "/net/tcpip/instances/%s/sbMax" % stack,
              "detail": status.get("detail"), "release": releases.describe(host)}
    if reason == "not-root":
        return [finding("SBMAX-UNAVAILABLE", WARN, params, [say("run-as-root")],
                        variant="not-root")]
    if reason == "no-vsish":
        return [finding("SBMAX-UNAVAILABLE", INFO, params, variant="no-vsish")]
    has = releases.has_sbmax(host)
    if params["detail"] is None:
        params["detail"] = msg("SBMAX-UNAVAILABLE.no-detail")
    if has is False:
        return [finding("SBMAX-UNAVAILABLE", INFO, params, variant="release")]
    if has:
        return [finding("SBMAX-UNAVAILABLE", INFO, params,
                        [command("vsish -e ls /net/tcpip/instances/")], variant="missing")]
    return [finding("SBMAX-UNAVAILABLE", INFO, params,
                    [say("run-and-include-this"), remedies.read("system.version")],
                    variant="unknown-release")]


def _collection(facts, captures, meta):
    out = []
    bad = [c for c in captures if c.status in (cap.FAILED, cap.UNPARSED)]
    if bad:
        out.append(finding(
            "COLLECT-INCOMPLETE", WARN,
            {"count": len(bad), "commands": series([
                msg("COLLECT-INCOMPLETE.command", command=c.command,
                    status=msg("COLLECT-INCOMPLETE." + c.status),
                    note=msg("COLLECT-INCOMPLETE.note", note=c.note) if c.note else None)
                for c in bad[:8]], "semicolon"),
             "more": msg("list.more", count=len(bad) - 8) if len(bad) > 8 else None},
            [say("run-by-hand")]))
    partial = [c for c in captures if c.status == cap.PARSED and
               getattr(c, "partial", False)]
    if partial:
        out.append(finding(
            "COLLECT-PARTIAL", WARN,
            {"count": len(partial), "commands": series([
                msg("COLLECT-PARTIAL.command", command=c.command, note=c.note)
                for c in partial[:8]], "semicolon"),
             "more": msg("list.more", count=len(partial) - 8) if len(partial) > 8 else None},
            [say("paste-again")] + [command(c.command) for c in partial[:8]]))
    if meta.get("localcli"):
        out.append(finding(
            "COLLECT-LOCALCLI", WARN, {"why": meta["localcli"]},
            [command("/etc/init.d/hostd status"), say("if-not-running"),
             command("/etc/init.d/hostd restart")]))
    return out


def evaluate(facts, paths, captures=(), meta=None, pairs=None):
    """All local findings, most severe first. ``pairs``: the tested paths, when peers were
    tested (check, or a transcript's pasted vmkping runs); None for inspect."""
    meta = meta or {}
    findings = []
    for rule in (_hot_path, _cold_path, _inactive_tags, _disabled_or_unaddressed,
                 _shared_services, _default_route_elsewhere, _mtu, _uplinks,
                 _line_rate, _sbmax):
        findings.extend(rule(facts, paths))
    findings.extend(_gateways(facts, paths, pairs))
    findings.extend(_collection(facts, captures, meta))
    from esxi_diag.rules import vms  # the VMs and the firewall (imports this module)
    findings.extend(vms.evaluate(facts, paths, pairs))
    return sort_findings(findings)


def sort_findings(findings):
    """Most severe first, then by ID, subject and title: a stable order for reports and diffs."""
    from esxi_diag.render.messages import finding_text
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f["severity"]], f["id"],
                                           f["subjects"], finding_text(f, "title") or ""))
