"""Local findings about the virtual machines and the host firewall (docs/findings.md):

- VM-NETWORK-MISSING: a VM's adapter is attached to a port group (or distributed switch) that
  this host does not have (ldvm-rules.md section 2: the VM network must exist where it runs);
- VM-VMOTION-CLEARTEXT: VMs whose Encrypted vMotion is ``disabled`` while a tested hot-data path
  is routed or long distance (section 5): their memory would cross that network in clear text;
- VM-VMOTION-ENCRYPTION: the posture, as information: cold data over TLS whatever the network,
  hot data per VM (counts per mode, the VMs listed);
- FIREWALL-RULESET-DISABLED: the ``vMotion`` (hot data) or ``NFC`` (cold data) ruleset of the
  host firewall is disabled.

The VM facts come from analysis/vms.py. A rule that lacks its facts says nothing: a VM whose
.vmx was not read is counted as unknown, never as fine, and no routing is assumed without tested
peers.
"""

from esxi_diag.analysis import reach
from esxi_diag.analysis.vms import listed
from esxi_diag.analysis.model import natural_key
from esxi_diag.render.messages import command, msg, series
from esxi_diag.rules import FAIL, INFO, WARN, finding, role, say
from esxi_diag.rules import remedies

ROUTED = ("static-route", "vmknic-gateway", "netstack-gateway")
MODES = ("required", "opportunistic", "disabled")
# the rulesets of the two data paths: hot data (vMotion) and cold data (NFC)
DATA_RULESETS = (("vMotion", "hot"), ("NFC", "cold"))


def _names(names):
    """A bounded list of VM names: the first ones and 'and N more'."""
    first, more = listed(names)
    return msg("vm.names", names=first, more=msg("list.more", count=more) if more else None)


def _missing_networks(facts):
    vms = facts["vms"]["list"]
    standard = set(facts["portgroups"])
    switches = [s for s in facts["vswitches"].values() if s["type"] == "distributed"]
    uuids = set(s["uuid"] for s in switches if s.get("uuid"))
    dvs_known = "distributed-switches" in facts["known"] and all(s.get("uuid") for s in switches)
    missing = {}
    for vm in vms:
        if not vm["vmx_read"]:
            continue
        for nic in vm["nics"]:
            if nic["dvs_switch"] or nic["dvs_portgroup"]:
                if dvs_known and nic["dvs_switch"] and nic["dvs_switch"] not in uuids:
                    missing.setdefault(("dvs", nic["dvs_switch"]), set()).add(vm["name"])
            elif nic["opaque_network"]:
                continue  # an NSX segment: this host's view of it is not read
            elif nic["network"] and "portgroups" in facts["known"] and \
                    nic["network"] not in standard:
                missing.setdefault(("standard", nic["network"]), set()).add(vm["name"])
    out = []
    vswitches = sorted(s["name"] for s in facts["vswitches"].values() if s["type"] == "standard")
    for (kind, network), names in sorted(missing.items()):
        params = {"network": network, "count": len(names), "vms": _names(names)}
        if kind == "dvs":
            steps = [say("add-host-to-dvs"), say("or-move-vms-network")]
        else:
            steps = [say("create-vm-portgroup", network=network),
                     command(remedies.command([
                         "esxcli", "network", "vswitch", "standard", "portgroup", "add", "-p",
                         network, "-v", vswitches[0] if len(vswitches) == 1 else "<vSwitch>"])),
                     command(remedies.command([
                         "esxcli", "network", "vswitch", "standard", "portgroup", "set", "-p",
                         network, "--vlan-id", "<VLAN>"])),
                     say("or-move-vms-network")]
        out.append(finding("VM-NETWORK-MISSING", WARN, params, steps, subjects=sorted(names),
                           variant="dvs" if kind == "dvs" else None))
    return out


def _hot_network(facts, pairs):
    """Why the hot data crosses a network that needs encryption, from the tested hot paths: a
    message, or None (no tested path is routed or long distance)."""
    hot = [p for p in pairs or [] if "hot" in p["roles"]]
    routed = sorted(set(p["target"] for p in hot if p["routing"]["kind"] in ROUTED))
    threshold = facts["tuning"]["latency_mode_threshold_ms"] or reach.LAN_MAX_MS
    far = [p["result"]["rtt_ms"]["avg"] for p in hot
           if (p["result"].get("rtt_ms") or {}).get("avg") is not None and
           p["result"]["rtt_ms"]["avg"] > threshold]
    if routed and far:
        return msg("VM-VMOTION-CLEARTEXT.routed-far", peers=routed, rtt=max(far),
                   threshold=threshold)
    if routed:
        return msg("VM-VMOTION-CLEARTEXT.routed", peers=routed)
    if far:
        return msg("VM-VMOTION-CLEARTEXT.far", rtt=max(far), threshold=threshold)
    return None


def _cleartext(facts, pairs):
    why = _hot_network(facts, pairs)
    if why is None:
        return []
    names = [vm["name"] for vm in facts["vms"]["list"]
             if vm["migrate_encryption"] == "disabled" and vm["encrypted"] is not True]
    if not names:
        return []
    return [finding("VM-VMOTION-CLEARTEXT", WARN,
                    {"count": len(names), "vms": _names(names), "why": why},
                    [say("isolate-or-ipsec"), say("or-encrypted-vmotion-required")],
                    subjects=sorted(names))]


def _posture(facts):
    vms = facts["vms"]
    if not vms["list"]:
        return []
    modes = []
    for mode in MODES:
        names = [vm["name"] for vm in vms["list"] if vm["migrate_encryption"] == mode]
        if names:
            modes.append(msg("VM-VMOTION-ENCRYPTION.mode", mode=msg("vm.mode." + mode),
                             count=len(names), vms=_names(names)))
    unknown = [vm["name"] for vm in vms["list"] if vm["migrate_encryption"] is None]
    encrypted = [vm["name"] for vm in vms["list"] if vm["encrypted"] is True]
    params = {"modes": series(modes, "semicolon") if modes else msg("vm.none-known"),
              "encrypted": msg("VM-VMOTION-ENCRYPTION.encrypted", count=len(encrypted),
                               vms=_names(encrypted)) if encrypted else None,
              "unknown": msg("VM-VMOTION-ENCRYPTION.unknown", count=len(unknown),
                             vms=_names(unknown)) if unknown else None,
              "partial": msg("VM-VMOTION-ENCRYPTION.partial")
              if vms["inventory"] != "read" else None,
              "count": len(vms["list"])}
    return [finding("VM-VMOTION-ENCRYPTION", INFO, params)]


def _firewall(facts):
    fw = facts["firewall"]
    out = []
    by_lower = dict((name.lower(), r) for name, r in (fw["rulesets"] or {}).items())
    for name, path in DATA_RULESETS:
        ruleset = by_lower.get(name.lower())
        if ruleset is None or ruleset["enabled"] is not False:
            continue
        rules = fw["rules"].get(ruleset["name"]) or []
        ports = sorted(set("%s %d" % (r["protocol"], r["port_begin"]) if r["port_begin"] ==
                           r["port_end"] else "%s %d-%d" % (r["protocol"], r["port_begin"],
                                                           r["port_end"])
                           for r in rules if r["protocol"] and r["port_begin"] is not None and
                           r["port_end"] is not None), key=natural_key)
        off = fw["enabled"] is False
        out.append(finding(
            "FIREWALL-RULESET-DISABLED", WARN if off else FAIL,
            {"ruleset": ruleset["name"], "role": role(path),
             "ports": msg("FIREWALL-RULESET-DISABLED.ports", ports=ports) if ports else None},
            [command("esxcli network firewall ruleset set -r %s -e true" % ruleset["name"])],
            subjects=[ruleset["name"]], variant="firewall-off" if off else None))
    return out


def evaluate(facts, paths, pairs=None):
    """The VM and firewall findings. ``pairs``: the tested paths, or None (no peer tested)."""
    return (_missing_networks(facts) + _cleartext(facts, pairs) + _posture(facts) +
            _firewall(facts))
