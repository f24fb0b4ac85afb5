"""Local findings: what is wrong (or right) with this host's vMotion data paths.

Every finding has a stable ID (listed with its meaning in docs/findings.md), a severity (ok, info,
warn, fail), a title, the evidence (``detail``) and a remedy naming the exact command that fixes it.
A rule that lacks the facts it needs stays silent: unknown is never reported as broken.
"""

from esxi_diag.sources import capture as cap
from esxi_diag import kinds
from esxi_diag.analysis import releases, routing, topology
from esxi_diag.rules import remedies
from esxi_diag.analysis.datapaths import (PROVISIONING_NETSTACK, TAG_PROVISIONING, TAG_VMOTION,
                                 VMOTION_NETSTACK)
from esxi_diag.analysis.model import natural_key

OK, INFO, WARN, FAIL = "ok", "info", "warn", "fail"
SEVERITY_ORDER = {FAIL: 0, WARN: 1, INFO: 2, OK: 3}

DEFAULT_LINE_RATE_MBPS = 133  # MB/s: the 1 Gbit/s LDVM assumes (ldvm-rules.md section 4)
MAX_LINE_RATE_MBPS = 2000


def finding(fid, severity, title, detail, remedy=None, subjects=None):
    return {"id": fid, "severity": severity, "title": title, "detail": detail,
            "remedy": remedy, "subjects": sorted(subjects or [], key=natural_key)}


def _paths_vmknics(facts, paths):
    """(role label, vmknic record) for every data-path vmknic, hot first, each vmknic once."""
    seen = []
    out = []
    for role in ("hot", "cold"):
        for name in paths[role]["vmknics"]:
            if name in facts["vmknics"] and name not in seen:
                seen.append(name)
                roles = [r for r in ("hot", "cold") if name in paths[r]["vmknics"]]
                out.append((" and ".join(roles), facts["vmknics"][name]))
    return out


# ---------------------------------------------------------------------------------------------

def _collect_remedy(path):
    if path["unknown_tags"]:
        return "\n".join(["Run these and include their output:"] + [
            "esxcli network ip interface tag get -i %s" % n for n in path["unknown_tags"]])
    return "Run this and include its output:\nesxcli network ip interface list"


def _hot_path(facts, paths):
    hot = paths["hot"]
    if hot["basis"] == "unknown":
        return [finding("HOT-UNKNOWN", WARN, "Hot-data path could not be determined",
                        "Not enough facts to say which vmknic carries vMotion hot data: %s. "
                        "Whether vMotion works cannot be said." % hot["reason"],
                        _collect_remedy(hot))]
    if hot["basis"] == "none":
        detail = "No VMkernel port carries vMotion hot data (memory, device state): %s. " \
                 "vMotion to or from this host fails." % hot["reason"]
        steps = []
        if hot["disabled_tagged"]:
            detail += " Tagged VMotion but disabled: %s." % ", ".join(hot["disabled_tagged"])
            steps.append("%s is tagged VMotion but disabled: enable it:" %
                         hot["disabled_tagged"][0])
            steps.append("esxcli network ip interface set -i %s -e true" %
                         hot["disabled_tagged"][0])
            steps.append("Or create a dedicated vMotion vmknic on the vmotion netstack:")
        else:
            steps.append("Create a dedicated vMotion vmknic on the vmotion netstack:")
        steps += remedies.dedicated_vmknic(facts, VMOTION_NETSTACK, "vMotion")
        unused = _unused_vmknics(facts)
        if unused and not hot["disabled_tagged"]:
            steps.append("Or tag %s, which carries no other service (only if it carries no "
                         "iSCSI or NFS traffic either):" % unused[0])
            steps.append("esxcli network ip interface tag add -i %s -t VMotion" % unused[0])
        return [finding("HOT-NONE", FAIL, "No vMotion (hot-data) VMkernel port", detail,
                        "\n".join(steps))]
    return [finding("HOT-PATH", OK, "Hot data: %s" % ", ".join(hot["vmknics"]),
                    "vMotion hot data uses %s (%s)." % (", ".join(hot["vmknics"]),
                                                        hot["reason"]),
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
        return [finding("COLD-UNKNOWN", WARN, "Cold-data path could not be determined",
                        "Not enough facts to say which vmknic carries vMotion cold data: %s. "
                        "Whether vMotion works cannot be said." % cold["reason"],
                        _collect_remedy(cold))]
    provisioning = "\n".join(
        ["Create a vmknic on the vSphereProvisioning netstack, on both hosts (source and "
         "destination: cold data goes between their provisioning vmknics):"] +
        remedies.dedicated_vmknic(facts, PROVISIONING_NETSTACK, "Provisioning"))
    if cold["basis"] == "none":
        return [finding("COLD-NONE", FAIL, "No VMkernel port for cold data",
                        "Cold data (snapshots, disks, logs) has no provisioning vmknic and no "
                        "enabled Management vmknic to fall back to: %s." % cold["reason"],
                        provisioning)]
    out = [finding("COLD-PATH", OK, "Cold data: %s" % ", ".join(cold["vmknics"]),
                   "vMotion cold data uses %s (%s)." % (", ".join(cold["vmknics"]),
                                                        cold["reason"]),
                   subjects=cold["vmknics"])]
    if cold["basis"] == "management":
        out.append(finding(
            "COLD-MANAGEMENT", INFO, "Cold data falls back to the management network",
            "No vmknic is on the vSphereProvisioning netstack or tagged vSphereProvisioning, so "
            "snapshots, disks and logs of a migrating VM travel over %s (Management). This is "
            "supported; for Long Distance vMotion VMware recommends the provisioning TCP/IP "
            "stack." % ", ".join(cold["vmknics"]), provisioning, subjects=cold["vmknics"]))
    return out


def _inactive_tags(facts, paths):
    out = []
    for role, tag, netstack, fid in (("hot", TAG_VMOTION, VMOTION_NETSTACK,
                                      "TAG-VMOTION-INACTIVE"),
                                     ("cold", TAG_PROVISIONING, PROVISIONING_NETSTACK,
                                      "TAG-PROVISIONING-INACTIVE")):
        names = paths[role]["inactive_tagged"]
        if not names:
            continue
        out.append(finding(
            fid, WARN, "%s tag on %s is inactive" % (tag, ", ".join(names)),
            "%s carries the %s tag, but %s on the %s netstack takes precedence: the tag does "
            "nothing and misleads whoever reads the configuration." % (
                ", ".join(names), tag, ", ".join(paths[role]["vmknics"]), netstack),
            "\n".join("esxcli network ip interface tag remove -i %s -t %s" % (n, tag)
                      for n in names), subjects=names))
    for role, tag, netstack in (("hot", TAG_VMOTION, VMOTION_NETSTACK),
                                ("cold", TAG_PROVISIONING, PROVISIONING_NETSTACK)):
        for name in paths[role]["ignored_tagged"]:
            stack = (facts["vmknics"].get(name) or {}).get("netstack")
            out.append(finding(
                "TAG-IGNORED-NETSTACK", WARN, "%s tag on %s has no effect (%s netstack)" % (
                    tag, name, stack),
                "%s carries the %s tag but is on the %s netstack: service tags take effect only "
                "on vmknics of the default netstack (defaultTcpipStack), so %s carries no vMotion "
                "%s data." % (name, tag, stack, name, role),
                "Carry %s data on a vmknic of the %s netstack (or a tagged vmknic of the default "
                "netstack). The tag on %s can go:\nesxcli network ip interface tag remove -i %s "
                "-t %s" % (role, netstack, name, name, tag), subjects=[name]))
    return out


def _disabled_or_unaddressed(facts, paths):
    out = []
    for role, v in _paths_vmknics(facts, paths):
        name = v["name"]
        if v.get("enabled") is False:
            out.append(finding(
                "PATH-VMK-DISABLED", FAIL, "%s (%s data) is disabled" % (name, role),
                "%s is on the %s netstack and so carries %s data, but it is disabled." % (
                    name, v.get("netstack"), role),
                "esxcli network ip interface set -i %s -e true" % name, subjects=[name]))
        if v.get("ipv4_known") and v.get("ipv4") is None:
            out.extend(_no_ipv4(facts, v, role))
    for role in ("hot", "cold"):
        for name in paths[role]["disabled_tagged"]:
            out.append(finding(
                "PATH-VMK-DISABLED", WARN, "%s is tagged for %s data but disabled" % (name, role),
                "%s carries the %s tag but is disabled, so it carries nothing." % (
                    name, TAG_VMOTION if role == "hot" else TAG_PROVISIONING),
                "Enable it:\nesxcli network ip interface set -i %s -e true\nOr remove the "
                "tag:\nesxcli network ip interface tag remove -i %s -t %s" % (
                    name, name, TAG_VMOTION if role == "hot" else TAG_PROVISIONING),
                subjects=[name]))
    return out


def _no_ipv4(facts, v, role):
    """A data-path vmknic without IPv4: IPv6-only is a supported configuration (info); without
    any routable address it carries nothing (fail)."""
    name = v["name"]
    global6 = [a["address"] for a in v.get("ipv6") or [] if routing.on_own_subnet(
        v, a["address"])]
    ipv6_known = v.get("ipv6_known") or "ipv6" in facts["known"]
    add = ("esxcli network ip interface ipv4 set -i %s -t static -I <address> -N <netmask>\n"
           "Or an IPv6 address:\nesxcli network ip interface ipv6 address add -i %s "
           "-I <address/prefix>" % (name, name))
    if global6:
        return [finding(
            "PATH-VMK-IPV6-ONLY", INFO, "%s (%s data) uses IPv6 only" % (name, role),
            "%s has no IPv4 address and carries %s data over IPv6 (%s): supported, as long as "
            "every peer of this path has IPv6 too." % (name, role, ", ".join(global6)),
            None, subjects=[name])]
    if not ipv6_known:
        return [finding(
            "PATH-VMK-NO-IPV4", WARN, "%s (%s data) has no IPv4 address" % (name, role),
            "%s carries %s data but has no IPv4 address, and its IPv6 addresses were not "
            "collected: whether it has any usable address is not known." % (name, role),
            "Run this and include its output:\nesxcli network ip interface ipv6 address list",
            subjects=[name])]
    local = [a["address"] for a in v.get("ipv6") or []]
    return [finding(
        "PATH-VMK-NO-IPV4", FAIL, "%s (%s data) has no usable IP address" % (name, role),
        "%s carries %s data but has no IPv4 address and no routable IPv6 address%s." % (
            name, role, " (only link-local %s)" % ", ".join(local) if local else ""),
        add, subjects=[name])]


_NOT_SHARED = (TAG_VMOTION.lower(), TAG_PROVISIONING.lower())


def _shared_services(facts, paths):
    out = []
    for name in paths["hot"]["vmknics"]:
        v = facts["vmknics"].get(name) or {}
        others = [t for t in (v.get("tags") or []) if t.lower() not in _NOT_SHARED]
        if not others:
            continue
        out.append(finding(
            "HOT-SHARED-SERVICES", WARN, "Hot-data vmknic %s also carries %s" % (
                name, ", ".join(others)),
            "vMotion moves memory at line rate and can starve %s on %s (and vice versa). VMware "
            "recommends a dedicated vMotion vmknic on its own network." % (", ".join(others),
                                                                           name),
            "\n".join(["Move vMotion to a dedicated vmknic on the vmotion netstack (once it "
                       "exists, the VMotion tag on %s no longer carries anything):" % name] +
                      remedies.dedicated_vmknic(facts, VMOTION_NETSTACK, "vMotion") +
                      ["Then take the tag off %s:" % name,
                       "esxcli network ip interface tag remove -i %s -t VMotion" % name]),
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
            family_name = "IPv%d" % family
            detail = "The %s netstack (%s data, %s) has no %s default gateway%s" % (
                stack, " and ".join(roles), ", ".join(names), family_name,
                " and no per-vmknic gateway" if family == 4 else "")
            if static:
                detail += "; it reaches other subnets only through its static routes (%s)" % (
                    ", ".join("%s via %s" % (r["network"] + ("/%s" % r.get(
                        "prefix_length") if family == 6 else "/%s" % r.get("netmask")),
                        r["gateway"]) for r in static))
            detail += (". vMotion between hosts on the same L2 segment works without one; peers "
                       "in other subnets are not reachable.")
            if offlink:
                detail += " Tested peers outside its subnets: %s." % ", ".join(
                    sorted(set(p["target"] for p in offlink)))
            out.append(finding(
                "NETSTACK-NO-GATEWAY", INFO, "No %s default gateway on the %s netstack" % (
                    family_name, stack), detail,
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
            "Routed hot data from %s would leave through %s" % (name, via),
            "%s carries hot data on the default netstack, whose default gateway %s is reached "
            "through %s. vMotion to a peer outside %s's own subnet would leave through %s, not "
            "%s. Peers on the same L2 segment are not affected." % (
                name, defaults[0]["gateway"], via, name, via, name),
            "Give %s a gateway of its own, on its subnet (ESXi 6.5 and later):\n%s\nOr move "
            "vMotion to the vmotion netstack." % (name, remedies.own_gateway(
                name, ipv4.get("address"), ipv4.get("netmask"))), subjects=[name]))
    return out


def _mtu(facts, paths):
    out = []
    for role, v in _paths_vmknics(facts, paths):
        mtu = v.get("mtu")
        switch = topology.switch_of(facts, v)
        if not mtu or switch is None:
            continue
        too_small_switch = bool(switch.get("mtu") and mtu > switch["mtu"])
        if too_small_switch:
            lower = "Or lower the vmknic:\n%s" % remedies.command([
                "esxcli", "network", "ip", "interface", "set", "-i", v["name"], "-m",
                str(switch["mtu"])])
            if switch["type"] == "standard":
                remedy = "%s\n%s" % (remedies.command([
                    "esxcli", "network", "vswitch", "standard", "set", "-v", switch["name"],
                    "-m", str(mtu)]), lower)
            else:
                remedy = "Raise the MTU of distributed switch %s to %d in vCenter.\n%s" % (
                    switch["name"], mtu, lower)
            out.append(finding(
                "MTU-EXCEEDS-VSWITCH", FAIL,
                "%s MTU %d is larger than %s's MTU %d" % (v["name"], mtu, switch["name"],
                                                           switch["mtu"]),
                "%s (%s data) sends frames of up to %d bytes, but %s only carries %d: large "
                "vMotion packets are dropped." % (v["name"], role, mtu, switch["name"],
                                                  switch["mtu"]),
                remedy, subjects=[v["name"]]))
        uplinks = topology.uplinks_of(facts, switch)
        small = [n for n in (uplinks or []) if n.get("mtu") and n["mtu"] < mtu]
        if small and not too_small_switch:  # a vSwitch MTU change sets its uplinks' too
            out.append(finding(
                "MTU-EXCEEDS-UPLINK", FAIL,
                "%s MTU %d is larger than uplink %s MTU %d" % (
                    v["name"], mtu, small[0]["name"], small[0]["mtu"]),
                "%s (%s data) on %s has MTU %d, but uplink(s) %s carry less: large vMotion "
                "packets are dropped when they leave through those uplinks." % (
                    v["name"], role, switch["name"], mtu,
                    ", ".join("%s (%d)" % (n["name"], n["mtu"]) for n in small)),
                ("Setting the switch's MTU sets its uplinks' too:\n%s" % remedies.command([
                    "esxcli", "network", "vswitch", "standard", "set", "-v", switch["name"],
                    "-m", str(mtu)])) if switch["type"] == "standard" else
                ("Raise the MTU of distributed switch %s to %d in vCenter." % (switch["name"],
                                                                              mtu)),
                subjects=[v["name"]]))
    return out


def _uplinks(facts, paths):
    out = []
    for role, v in _paths_vmknics(facts, paths):
        switch = topology.switch_of(facts, v)
        uplinks = topology.uplinks_of(facts, switch)
        if uplinks is None or len(uplinks) != len(switch["uplinks"]):
            continue  # some uplink is not in the NIC list: not enough facts
        if any(n.get("link_up") for n in uplinks):
            continue
        if not uplinks:
            detail = "%s (%s data) is on %s, which has no uplink: its traffic never leaves " \
                     "the host." % (v["name"], role, switch["name"])
        else:
            detail = "%s (%s data) is on %s, whose uplinks (%s) are all down." % (
                v["name"], role, switch["name"], ", ".join(n["name"] for n in uplinks))
        remedy = ("Add a working uplink:\n%s\nAnd check the cabling and the physical switch "
                  "port:\nesxcli network nic list" % remedies.command([
                      "esxcli", "network", "vswitch", "standard", "uplink", "add", "-u",
                      "<vmnic>", "-v", switch["name"]])) \
            if switch["type"] == "standard" else \
            ("Check the uplinks of distributed switch %s (in vCenter) and their links:\n"
             "esxcli network nic list" % switch["name"])
        out.append(finding("PATH-NO-UPLINK", FAIL, "%s has no working uplink" % v["name"], detail,
                           remedy, subjects=[v["name"]]))
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
        "LINERATE-DEFAULT", INFO, "NetExpectedLineRateMBps is at its 1 Gbit/s default",
        "/Migrate/NetExpectedLineRateMBps is %d MB/s (the default), but the hot-data uplinks run "
        "at %d Mbit/s (slowest: %s, %d MB/s). Long Distance vMotion sizes its socket buffers "
        "from this value; on a LAN it does not matter." % (rate["current"], speed, nic,
                                                           speed // 8),
        "esxcli system settings advanced set -o /Migrate/NetExpectedLineRateMBps -i %d" %
        suggested)]


def _sbmax(facts, paths):
    """Why the hot-data netstack's sbMax could not be read, said as it happened."""
    stack = paths["hot"]["netstack"]
    sbmax = facts["tuning"]["sbmax"]
    if stack is None or stack not in sbmax or sbmax[stack] is not None:
        return []
    status = facts["tuning"].get("sbmax_status", {}).get(stack) or {}
    reason = status.get("reason")
    host = facts["host"]
    release = releases.describe(host)
    node = "/net/tcpip/instances/%s/sbMax" % stack
    title = "sbMax of the %s netstack cannot be read" % stack
    only = " Only NetExpectedLineRateMBps can be tuned for Long Distance vMotion."
    if reason == "not-root":
        return [finding("SBMAX-UNAVAILABLE", WARN, title,
                        "%s is not readable: %s." % (node, status.get("detail")),
                        "Run esxi-diag as root (vsish needs it)")]
    if reason == "no-vsish":
        return [finding("SBMAX-UNAVAILABLE", INFO, title,
                        "%s: %s cannot be read or set here.%s" % (status.get("detail"), node,
                                                                  only), None)]
    has = releases.has_sbmax(host)
    if has is False:
        detail = "This host runs %s: the sbMax node exists from vSphere 6.7 U1.%s" % (release,
                                                                                     only)
        remedy = None
    elif has:
        detail = ("vsish has no %s node (%s), although %s should have it (it exists from 6.7 "
                  "U1). Check the netstack name and that the host is healthy.%s" % (
                      node, status.get("detail") or "no detail", release, only))
        remedy = "vsish -e ls /net/tcpip/instances/"
    else:
        detail = ("vsish has no %s node (%s) and the release is not known: the node exists "
                  "from vSphere 6.7 U1.%s" % (node, status.get("detail") or "no detail", only))
        remedy = "Run this and include its output:\nesxcli system version get"
    return [finding("SBMAX-UNAVAILABLE", INFO, title, detail, remedy)]


def _collection(facts, captures, meta):
    out = []
    bad = [c for c in captures if c.status in (cap.FAILED, cap.UNPARSED)]
    if bad:
        out.append(finding(
            "COLLECT-INCOMPLETE", WARN, "%d command(s) failed or were not understood" % len(bad),
            "; ".join("%s: %s %s" % (c.command, c.status, c.note or "") for c in bad[:8]) +
            ("; and %d more" % (len(bad) - 8) if len(bad) > 8 else "") +
            ". Facts from these commands are missing; checks that need them were skipped.",
            "Run the commands by hand to see their errors; the JSON report lists every command "
            "with its exit code."))
    partial = [c for c in captures if c.status == cap.PARSED and
               (c.note or "").startswith("partial:")]
    if partial:
        out.append(finding(
            "COLLECT-PARTIAL", WARN, "%d output(s) were edited or cut" % len(partial),
            "; ".join("%s: %s" % (c.command, c.note) for c in partial[:8]) +
            ("; and %d more" % (len(partial) - 8) if len(partial) > 8 else "") +
            ". What they list may be incomplete: what was cut is treated as unknown, not as "
            "absent.", "Run these commands again and paste their whole output:\n" +
            "\n".join(c.command for c in partial[:8])))
    if meta.get("localcli"):
        out.append(finding(
            "COLLECT-LOCALCLI", WARN, "esxcli failed: data read through localcli",
            "esxcli did not answer (%s), so the data was read with localcli, which bypasses "
            "hostd. vMotion needs hostd: check it before migrating." % meta["localcli"],
            "/etc/init.d/hostd status\nIf it is not running:\n/etc/init.d/hostd restart"))
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
    return sort_findings(findings)


def sort_findings(findings):
    """Most severe first, then by ID and subject: a stable order for reports and diffs."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f["severity"]], f["id"],
                                           f["subjects"], f["title"]))


