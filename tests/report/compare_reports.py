"""Hand-made host reports (schema esxi-diag/1) for the compare tests: only the fields compare
reads, each settable, so that every cross-host rule can be driven from either end."""

import copy
import ipaddress


def vm(name, networks=(), state="on", encryption=None, encrypted=False, vmx_read=True,
       dvs=None):
    """A VM as the report holds it (``vms.list[]``)."""
    nics = [{"device": "ethernet%d" % i, "network": n, "dvs_switch": None,
             "dvs_portgroup": None, "opaque_network": None} for i, n in enumerate(networks)]
    if dvs:
        nics.append({"device": "ethernet%d" % len(nics), "network": None, "dvs_switch": dvs,
                     "dvs_portgroup": "dvportgroup-11", "opaque_network": None})
    return {"vmid": "1", "name": name, "vmx": "[ds1] %s/%s.vmx" % (name, name),
            "power_state": state, "vmx_read": vmx_read, "nics": nics,
            "migrate_encryption": encryption, "encrypted": encrypted}


def _vmknic(name, netstack, cidr, mtu, switch, portgroup, gateway=None):
    out = {"name": name, "enabled": True, "netstack": netstack, "mtu": mtu,
           "portgroup": portgroup, "portset": switch, "vds_name": None, "dvport": None,
           "opaque_network": None, "mac": None, "tags": [], "ipv4": None, "ipv4_known": True,
           "ipv6": [], "roles": []}
    iface = ipaddress.ip_interface(cidr)
    if iface.version == 4:
        out["ipv4"] = {"address": str(iface.ip), "netmask": str(iface.netmask),
                       "gateway": gateway, "gateway_known": True, "type": "STATIC"}
    else:
        out["ipv6"] = [{"address": str(iface.ip), "prefix_length": iface.network.prefixlen,
                        "type": "STATIC", "status": "PREFERRED"}]
    return out


def report(name, hot="10.0.20.11/24", cold="10.0.30.11/24", hot_mtu=9000, switch_mtu=9000,
           gateways=True, portgroups=(("VM-A", 100), ("VM-B", 200)), vms=(), with_vms=True,
           rate=1250, threshold=4, sbmax=8388608, version="8.0.3", update="3", dvs=None,
           hot_basis="vmotion-netstack", checks=(), ipv6_read=True):
    """A host report: vmk1 (hot, vmotion netstack) and vmk2 (cold, vSphereProvisioning) on
    vSwitch1; port groups on vSwitch0; ``gateways``: a default route on both data netstacks."""
    vmk1 = _vmknic("vmk1", "vmotion", hot, hot_mtu, "vSwitch1", "vMotion")
    vmk2 = _vmknic("vmk2", "vSphereProvisioning", cold, 9000, "vSwitch1", "Provisioning")
    vmk1["roles"], vmk2["roles"] = ["hot"], ["cold"]
    routes = []
    commands = [{"kind": k, "params": p, "status": "parsed", "note": None} for k, p in (
        ("ip.interface.list", {}), ("vswitch.portgroup.list", {}), ("vswitch.dvs.list", {}),
        ("vswitch.standard.list", {}))]
    if ipv6_read:
        commands.append({"kind": "ip.interface.ipv6", "params": {}, "status": "parsed",
                         "note": None})
    for v in (vmk1, vmk2):
        iface = ipaddress.ip_interface(hot if v is vmk1 else cold)
        family = "ipv4" if iface.version == 4 else "ipv6"
        commands.append({"kind": "ip.route." + family, "params": {"netstack": v["netstack"]},
                         "status": "parsed", "note": None})
        if iface.version == 4:
            routes.append({"netstack": v["netstack"], "network": str(iface.network.network_address),
                           "netmask": str(iface.netmask), "gateway": None,
                           "interface": v["name"], "source": "MANUAL", "partial": False})
            if gateways:
                routes.append({"netstack": v["netstack"], "network": "0.0.0.0",
                               "netmask": "0.0.0.0", "gateway": str(iface.network[1]),
                               "interface": v["name"], "source": "MANUAL", "partial": False})
    routes6 = []
    for v in (vmk1, vmk2):
        iface = ipaddress.ip_interface(hot if v is vmk1 else cold)
        if iface.version == 6:
            routes6.append({"netstack": v["netstack"],
                            "network": str(iface.network.network_address),
                            "prefix_length": iface.network.prefixlen, "gateway": None,
                            "interface": v["name"]})
            if gateways:
                routes6.append({"netstack": v["netstack"], "network": "::", "prefix_length": 0,
                                "gateway": str(iface.network[1]), "interface": v["name"]})
    switches = [{"name": "vSwitch0", "type": "standard", "mtu": 1500, "uplinks": ["vmnic0"],
                 "portgroups": [p[0] for p in portgroups]},
                {"name": "vSwitch1", "type": "standard", "mtu": switch_mtu,
                 "uplinks": ["vmnic1"], "portgroups": ["vMotion", "Provisioning"]}]
    if dvs:
        switches.append({"name": dvs[0], "type": "distributed", "mtu": 9000, "uplinks": [],
                         "portgroups": None, "uuid": dvs[1]})
    out = {
        "schema": "esxi-diag/1", "tool": {"name": "esxi-diag", "version": "0.1.0"},
        "source": {"type": "simulated", "name": "test"},
        "host": {"hostname": name, "fqdn": name + ".example.com", "version": version,
                 "update": update, "build": "1"},
        "vmknics": [vmk1, vmk2],
        "vswitches": switches,
        "portgroups": [{"name": n, "vlan_id": vlan, "vswitch": "vSwitch0"}
                       for n, vlan in portgroups] +
        [{"name": "vMotion", "vlan_id": 11, "vswitch": "vSwitch1"},
         {"name": "Provisioning", "vlan_id": 12, "vswitch": "vSwitch1"}],
        "routes": routes, "routes_ipv6": routes6,
        "data_paths": {
            "hot": {"basis": hot_basis, "vmknics": [] if hot_basis in ("none", "unknown")
                    else ["vmk1"], "netstack": "vmotion", "reason": "test"},
            "cold": {"basis": "provisioning-netstack", "vmknics": ["vmk2"],
                     "netstack": "vSphereProvisioning", "reason": "test"}},
        "tuning": {"net_expected_line_rate_mbps": {"current": rate, "default": 133},
                   "latency_mode_threshold_ms": threshold,
                   "sbmax": {"vmotion": sbmax}, "sbmax_status": {}},
        "reachability": {"paths": list(checks)},
        "summary": {"nothing_read": False, "exit_status": 0},
        "commands": commands,
    }
    if with_vms:
        out["vms"] = {"inventory": "read", "list": [copy.deepcopy(v) for v in vms]}
    return out


def check(target, rtt, verdict="ok", severity="ok", roles=("hot",), vmknic="vmk1",
          latency_class=None):
    """A tested path of a check report."""
    return {"target": target, "vmknic": vmknic, "roles": list(roles), "verdict": verdict,
            "severity": severity, "label": None, "detail": "tested",
            "rtt_ms": {"min": rtt, "avg": rtt, "max": rtt} if rtt is not None else None,
            "latency_class": latency_class or ("lan" if rtt is not None and rtt <= 4 else
                                               "long-distance"),
            "probes": [{"command": "vmkping -I %s -S vmotion -c 3 %s" % (vmknic, target),
                        "sent": 3, "received": 0 if verdict != "ok" else 3, "error": None}]}
