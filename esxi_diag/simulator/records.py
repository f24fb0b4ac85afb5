"""What the simulated host prints for each command kind (esxi_diag/kinds/).

``ANSWERS`` maps each kind name to the function that answers it: ``answer(profile, state,
params)``, where ``profile`` is the host's configuration (profile.py), ``state`` what ``tune
--apply`` changed (files.py: the advanced option values, sbMax) and ``params`` the kind's
parameters as ``kinds.recognise`` found them on the command line. An answer is either

- a ``Listing`` (shape, esxcli typeName, records, table fields) for an esxcli kind: formats.py
  prints it in the default formatter or in XML, as the command line asked; or
- (exit code, stdout, stderr): an esxcli error, or the text of another program (secureBoot.py,
  vmware, vsish, esxcfg-*).

A kind with no entry here is not simulated. The vmkping of a data path (kind ``ping``) is not a
record of the host: network.py answers it. ``advanced_values`` gives an advanced option's value
and bounds, which the set command of ``tune --apply`` checks too.
"""

import base64
import collections
import hashlib
import ipaddress

from esxi_diag import kinds
from esxi_diag.simulator import formats
from esxi_diag.simulator import profile as prof

Listing = collections.namedtuple("Listing", "shape type_name records fields")
# a file of the host printed by cat or grep (host.py reads it from files.py)
FileAnswer = collections.namedtuple("FileAnswer", "path")

# what a DVS is called when the profile gives it no uuid
_DVS_UUID = "50 1e 5b ad e3 b4 af 25-18 f3 1c 4c fa 98 3d bb"


# -- esxcli: system ---------------------------------------------------------------------------

def system_version(profile, state, params):
    h = profile["host"]
    rec = [("Product", "VMware ESXi"), ("Version", h.get("version", "7.0.3")),
           ("Build", "Releasebuild-%s" % h.get("build", "0")),
           ("Update", str(h.get("update", "0"))), ("Patch", str(h.get("patch", "0")))]
    return Listing("stanza", "VersionGet", [rec], None)


def system_hostname(profile, state, params):
    h = profile["host"]
    domain = h.get("domain", "")
    fqdn = "%s.%s" % (h["hostname"], domain) if domain else h["hostname"]
    rec = [("Domain Name", domain), ("Fully Qualified Domain Name", fqdn),
           ("Host Name", h["hostname"])]
    return Listing("stanza", "HostnameGet", [rec], None)


def system_encryption(profile, state, params):
    """``esxcli system settings encryption get``: 7.0 U2 (7.0.2) and later only."""
    if prof.version(profile) < (7, 0, 2):
        return 1, "Error: Unknown command or namespace system settings encryption get\n", ""
    h = profile["host"]
    enc = h.get("encryption") or {}
    secure = bool(h.get("secure_boot", False))
    rec = [("Mode", enc.get("mode", "TPM" if enc.get("require_secure_boot") else "NONE")),
           ("Require Executables Only From Installed VIBs",
            bool(enc.get("require_installed_vibs", False))),
           ("Require Secure Boot", bool(enc.get("require_secure_boot", False) and secure))]
    return Listing("stanza", "EncryptionSettings", [rec], None)


# -- esxcli: interfaces -----------------------------------------------------------------------

def ip_interface_list(profile, state, params):
    records = []
    for v in prof.vmknics(profile):
        stack = v.get("netstack", kinds.DEFAULT_NETSTACK)
        if params.get("netstack") and params["netstack"] != stack:
            continue
        switch = prof.switch_of(profile, v)
        dvs = prof.is_dvs(profile, switch)
        rec = [("Name", v["name"]), ("MAC Address", v.get("mac", "00:50:56:00:00:00")),
               ("Enabled", bool(v.get("enabled", True))),
               ("Portset", ("DvsPortset-0" if dvs else (switch or {}).get("name", "N/A"))),
               ("Portgroup", "N/A" if dvs else v.get("portgroup", "N/A")),
               ("Netstack Instance", stack),
               ("VDS Name", switch["name"] if dvs else "N/A"),
               ("VDS UUID", dvs_uuid(profile, switch) if dvs else "N/A"),
               ("VDS Port", str(v.get("dvport", "10")) if dvs else "N/A"),
               ("VDS Connection", int(v.get("dvconnection", 1234)) if dvs else -1),
               ("Opaque Network ID", "N/A"), ("Opaque Network Type", "N/A"),
               ("External ID", "N/A"), ("MTU", int(v.get("mtu", 1500))),
               ("TSO MSS", 65535)]
        if prof.version(profile) >= (6, 7, 0):
            rec.append(("RXDispQueue Size", 1))
        rec.append(("Port ID", int(v.get("port_id", 33554432 + len(records) + 10))))
        records.append(rec)
    return Listing("stanzas", "IPInterface", records, None)


def ip_interface_ipv4(profile, state, params):
    fields = ["Name", "IPv4 Address", "IPv4 Netmask", "IPv4 Broadcast", "Address Type"]
    if prof.version(profile) >= (6, 5, 0):
        fields.append("Gateway")
    fields.append("DHCP DNS")
    records = []
    for v in prof.vmknics(profile):
        if params.get("vmknic") and params["vmknic"] != v["name"]:
            continue
        ip = v.get("ipv4")
        if ip:
            net = ipaddress.IPv4Interface("%s/%s" % (ip["address"], ip["netmask"])).network
            rec = [("Name", v["name"]), ("IPv4 Address", ip["address"]),
                   ("IPv4 Netmask", ip["netmask"]),
                   ("IPv4 Broadcast", str(net.broadcast_address)),
                   ("Address Type", ip.get("type", "STATIC")),
                   ("Gateway", ip.get("gateway") or "0.0.0.0"), ("DHCP DNS", False)]
        else:
            rec = [("Name", v["name"]), ("IPv4 Address", "0.0.0.0"),
                   ("IPv4 Netmask", "0.0.0.0"), ("IPv4 Broadcast", "0.0.0.0"),
                   ("Address Type", "NONE"), ("Gateway", "0.0.0.0"), ("DHCP DNS", False)]
        records.append([(k, val) for k, val in rec if k in fields])
    return Listing("table", "IPv4Interface", records, fields)


def ip_interface_ipv4_address(profile, state, params):
    """``ipv4 address list`` (7.0+): the columns of ``ipv4 get``, Gateway always there."""
    if prof.version(profile) < (7, 0, 0):
        return (1, "Error: Unknown command or namespace network ip interface ipv4 address "
                "list\n", "")
    shape, type_name, records, fields = ip_interface_ipv4(profile, state, params)
    if "Gateway" not in fields:
        fields = fields[:5] + ["Gateway"] + fields[5:]
    return Listing(shape, "IPv4Address", records, fields)


def ip_interface_ipv6(profile, state, params):
    fields = ["Interface", "Address", "Netmask", "Type", "Status"]
    records = []
    for v in prof.vmknics(profile):
        for a in v.get("ipv6", []):
            records.append([("Interface", v["name"]), ("Address", a["address"]),
                            ("Netmask", int(a.get("prefix_length", 64))),
                            ("Type", a.get("type", "STATIC")),
                            ("Status", a.get("status", "PREFERRED"))])
    return Listing("table", "IPv6Address", records, fields)


def ip_interface_tags(profile, state, params):
    v = prof.vmknic(profile, params.get("vmknic"))
    if v is None:
        return 1, "Error: Invalid interface %s\n" % params.get("vmknic"), ""
    return Listing("tags", "InterfaceTags", [[("Tags", list(v.get("tags", [])))]], None)


# -- esxcli: netstacks and routes -------------------------------------------------------------

def ip_netstack_list(profile, state, params):
    records = [[("Key", n), ("Name", n), ("State", 4660)] for n in prof.netstacks(profile)]
    return Listing("netstacks", "Netstack", records, None)


def ip_route_ipv4(profile, state, params):
    stack = params.get("netstack") or kinds.DEFAULT_NETSTACK
    if stack not in prof.netstacks(profile):
        return 1, "Error: Netstack %s does not exist\n" % stack, ""
    records = []
    for r in prof.routes(profile, stack):
        records.append([("Network", r["network"]), ("Netmask", r["netmask"]),
                        ("Gateway", r.get("gateway") or "0.0.0.0"),
                        ("Interface", r.get("interface", "vmk0")),
                        ("Source", r.get("source", "MANUAL"))])
    return Listing("table", "RouteEntry", records, ["Network", "Netmask", "Gateway", "Interface",
                                                    "Source"])


def ip_route_ipv6(profile, state, params):
    """SYNTHETIC layout (no public capture): the IPv4 route table's columns, the prefix
    length in Netmask, ``::`` for on-link."""
    stack = params.get("netstack") or kinds.DEFAULT_NETSTACK
    if stack not in prof.netstacks(profile):
        return 1, "Error: Netstack %s does not exist\n" % stack, ""
    records = []
    for r in prof.routes6(profile, stack):
        network = r.get("network", "::")
        records.append([("Network", "default" if network in ("default", "::") and
                         int(r.get("prefix_length", 0)) == 0 else network),
                        ("Netmask", int(r.get("prefix_length", 0))),
                        ("Gateway", r.get("gateway") or "::"),
                        ("Interface", r.get("interface", "vmk0")),
                        ("Source", r.get("source", "MANUAL"))])
    return Listing("table", "IPv6RouteEntry", records, ["Network", "Netmask", "Gateway",
                                                        "Interface", "Source"])


# -- esxcli: NICs and switches ----------------------------------------------------------------

def nic_list(profile, state, params):
    fields = ["Name", "PCI Device", "Driver", "Admin Status", "Link Status", "Speed",
              "Duplex", "MAC Address", "MTU", "Description"]
    records = []
    for n in profile.get("nics", []):
        up = bool(n.get("link_up", True))
        records.append([("Name", n["name"]), ("PCI Device", n.get("pci", "0000:00:00.0")),
                        ("Driver", n.get("driver", "ixgben")), ("Admin Status", "Up"),
                        ("Link Status", "Up" if up else "Down"),
                        ("Speed", int(n.get("speed_mbps", 10000)) if up else 0),
                        ("Duplex", "Full" if up else "Half"),
                        ("MAC Address", n.get("mac", "00:00:00:00:00:00")),
                        ("MTU", int(n.get("mtu", 1500))),
                        ("Description", n.get("description", "Network adapter"))])
    return Listing("table", "Nic", records, fields)


def vswitch_standard_list(profile, state, params):
    records = []
    for s in profile.get("vswitches", []):
        records.append([("Name", s["name"]), ("Class", "cswitch"), ("Num Ports", 10496),
                        ("Used Ports", 4 + len(s.get("uplinks", []))),
                        ("Configured Ports", 128), ("MTU", int(s.get("mtu", 1500))),
                        ("CDP Status", "listen"), ("Beacon Enabled", False),
                        ("Beacon Interval", 1), ("Beacon Threshold", 3),
                        ("Beacon Required By", ""), ("Uplinks", list(s.get("uplinks", []))),
                        ("Portgroups", [p["name"] for p in s.get("portgroups", [])])])
    return Listing("stanzas", "VirtualSwitch", records, None)


def vswitch_portgroup_list(profile, state, params):
    records = []
    for s in profile.get("vswitches", []):
        for p in s.get("portgroups", []):
            clients = sum(1 for v in prof.vmknics(profile) if v.get("portgroup") == p["name"])
            records.append([("Name", p["name"]), ("Virtual Switch", s["name"]),
                            ("Active Clients", clients), ("VLAN ID", int(p.get("vlan_id", 0)))])
    records.sort(key=lambda r: r[0][1])
    return Listing("table", "Portgroup", records, ["Name", "Virtual Switch", "Active Clients",
                                                   "VLAN ID"])


def dvs_uuid(profile, switch):
    """A distributed switch's UUID as the host prints it: the profile's ``uuid``, else one made
    from its name (the first switch keeps the one the simulator always printed)."""
    if switch.get("uuid"):
        return switch["uuid"]
    if (profile.get("dvswitches") or [None])[0] is switch:
        return _DVS_UUID
    digest = hashlib.sha256(switch["name"].encode("utf-8")).hexdigest()[:32]
    pairs = [digest[i:i + 2] for i in range(0, 32, 2)]
    return " ".join(pairs[:8]) + "-" + " ".join(pairs[8:])


def vswitch_dvs_list(profile, state, params):
    records = []
    for s in profile.get("dvswitches", []):
        records.append([("Name", s["name"]), ("VDS ID", dvs_uuid(profile, s)),
                        ("Class", "etherswitch"), ("Num Ports", 2560), ("Used Ports", 8),
                        ("Configured Ports", 512), ("MTU", int(s.get("mtu", 1500))),
                        ("CDP Status", "listen"), ("Beacon Timeout", -1),
                        ("Uplinks", list(s.get("uplinks", []))), ("VMware Branded", True)])
    return Listing("stanzas", "DVSwitch", records, None)


# -- esxcli: advanced options -----------------------------------------------------------------

# the advanced options the simulated host has: path -> (default, min, max, description)
ADVANCED_OPTIONS = {
    kinds.LINE_RATE_OPTION: (133, 1, 2000, "Expected line rate of the vMotion network, in MB/s"),
    kinds.LATENCY_OPTION: (4, 0, 100, "Round-trip time in ms above which vMotion switches to "
                                      "its latency-aware mode"),
}


def advanced_values(state, option):
    """(path, current, default, min, max, description) of an advanced option (any case), or
    None when the host has no such option."""
    for path, (default, lo, hi, description) in ADVANCED_OPTIONS.items():
        if path.lower() == option.lower():
            current = state["advanced"].get(path, default)
            return path, current, default, lo, hi, description
    return None


def advanced_option(profile, state, params):
    option = params.get("option")
    if option is None:
        options = [kinds.LINE_RATE_OPTION, kinds.LATENCY_OPTION]
    else:
        options = [option]
    records = []
    for opt in options:
        values = advanced_values(state, opt)
        if values is None:
            return 1, "Error: Unable to find option %s\n" % opt.strip("/").split("/")[-1], ""
        path, current, default, lo, hi, description = values
        records.append([("Path", path), ("Type", "integer"), ("Int Value", int(current)),
                        ("Default Int Value", default), ("Min Value", lo),
                        ("Max Value", hi), ("String Value", ""),
                        ("Default String Value", ""), ("Valid Characters", ""),
                        ("Description", description)])
    return Listing("stanzas", "SettingsAdvancedOption", records, None)


# -- other programs: their text ---------------------------------------------------------------

def system_secureboot(profile, state, params):
    """``secureBoot.py -s``: one word (REAL on ESXi 7)."""
    return 0, "%s\n" % ("Enabled" if profile["host"].get("secure_boot") else "Disabled"), ""


def vmware_version(profile, state, params):
    h = profile["host"]
    version = h.get("version", "7.0.3")
    short = ".".join(version.split(".")[:2])
    update = str(h.get("update", "0"))
    second = "VMware ESXi %s GA" % short if update in ("0", "") else \
        "VMware ESXi %s Update %s" % (short, update)
    return 0, "VMware ESXi %s build-%s\n%s\n" % (version, h.get("build", "0"), second), ""


def vsish_sbmax(profile, state, params):
    values = state["sbmax"] or {}
    stack = params["netstack"]
    if stack not in prof.netstacks(profile) or values.get(stack) is None:
        # The real wording for a missing node is unverified: say plainly it is simulated.
        return 1, "", "vsish: node /net/tcpip/instances/%s/sbMax not found (simulated)\n" % stack
    return 0, "%d\n" % int(values[stack]), ""


def vsish_config(profile, state, params):
    values = advanced_values(state, params["option"])
    if values is None:
        return 1, "", "vsish: node not found (simulated)\n"
    path, current, default, lo, hi, description = values
    return 0, ("Vmkernel Config Option {\n   Default value:%d\n   Min value:%d\n"
               "   Max value:%d\n   Current value:%d\n   hidden config option:0\n"
               "   Description:%s\n}\n" % (default, lo, hi, int(current), description)), ""


def esxcfg_vmknic(profile, state, params):
    columns = [("Interface", 11), ("Port Group/DVPort/Opaque Network", 40), ("IP Family", 10),
               ("IP Address", 40), ("Netmask", 16), ("Broadcast", 16), ("MAC Address", 18),
               ("MTU", 8), ("TSO MSS", 10), ("Enabled", 8), ("Type", 20), ("NetStack", 1)]
    records = []
    for v in prof.vmknics(profile):
        switch = prof.switch_of(profile, v)
        pg = str(v.get("dvport", "10")) if prof.is_dvs(profile, switch) else \
            v.get("portgroup", "")
        base = [("Interface", v["name"]), ("Port Group/DVPort/Opaque Network", pg),
                ("MAC Address", v.get("mac", "00:50:56:00:00:00")),
                ("MTU", v.get("mtu", 1500)), ("TSO MSS", 65535),
                ("Enabled", bool(v.get("enabled", True))),
                ("NetStack", v.get("netstack", kinds.DEFAULT_NETSTACK))]
        ip = v.get("ipv4")
        if ip:
            net = ipaddress.IPv4Interface("%s/%s" % (ip["address"], ip["netmask"])).network
            records.append(base + [("IP Family", "IPv4"), ("IP Address", ip["address"]),
                                   ("Netmask", ip["netmask"]),
                                   ("Broadcast", str(net.broadcast_address)),
                                   ("Type", ip.get("type", "STATIC"))])
        for a in v.get("ipv6", []):
            records.append(base + [("IP Family", "IPv6"), ("IP Address", a["address"]),
                                   ("Netmask", a.get("prefix_length", 64)),
                                   ("Type", "STATIC, PREFERRED")])
    return 0, formats.esxcfg_table(records, columns), ""


def esxcfg_vswitch(profile, state, params):
    """``esxcfg-vswitch -l``: a table per switch, then its port groups (standard) or DVPorts
    (distributed). The layout is UNVERIFIED (no public capture in the reference)."""
    head = [("Switch Name", 17), ("Num Ports", 12), ("Used Ports", 12),
            ("Configured Ports", 18), ("MTU", 8), ("Uplinks", 1)]
    blocks = []
    for s in profile.get("vswitches", []):
        pgs = s.get("portgroups", [])
        table = formats.esxcfg_table([[
            ("Switch Name", s["name"]), ("Num Ports", 10496),
            ("Used Ports", 4 + len(s.get("uplinks", []))), ("Configured Ports", 128),
            ("MTU", int(s.get("mtu", 1500))), ("Uplinks", ",".join(s.get("uplinks", [])))]],
            head)
        rows = []
        for p in pgs:
            used = sum(1 for v in prof.vmknics(profile) if v.get("portgroup") == p["name"])
            rows.append([("  PortGroup Name", "  " + p["name"]),
                         ("VLAN ID", int(p.get("vlan_id", 0))), ("Used Ports", used),
                         ("Uplinks", ",".join(s.get("uplinks", [])))])
        pg_table = formats.esxcfg_table(rows, [("  PortGroup Name", 42), ("VLAN ID", 9),
                                               ("Used Ports", 12), ("Uplinks", 1)])
        blocks.append(table + "\n" + pg_table)
    for s in profile.get("dvswitches", []):
        dhead = [("DVS Name", 17)] + head[1:]
        table = formats.esxcfg_table([[
            ("DVS Name", s["name"]), ("Num Ports", 2560), ("Used Ports", 8),
            ("Configured Ports", 512), ("MTU", int(s.get("mtu", 1500))),
            ("Uplinks", ",".join(s.get("uplinks", [])))]], dhead)
        rows = [[("  DVPort ID", "  %d" % i), ("In Use", 1), ("Client", u)]
                for i, u in enumerate(s.get("uplinks", []))]
        for v in prof.vmknics(profile):
            if v.get("switch") == s["name"]:
                rows.append([("  DVPort ID", "  %s" % v.get("dvport", "10")),
                             ("In Use", 1), ("Client", v["name"])])
        port_table = formats.esxcfg_table(rows, [("  DVPort ID", 40), ("In Use", 12),
                                                 ("Client", 1)])
        blocks.append(table + "\n" + port_table)
    return 0, "\n".join(blocks), ""


def esxcfg_route(profile, state, params):
    stack = params.get("netstack") or kinds.DEFAULT_NETSTACK
    columns = [("Network", 17), ("Netmask", 17), ("Gateway", 17), ("Interface", 1)]
    records = []
    for r in prof.routes(profile, stack):
        gw = r.get("gateway") or "0.0.0.0"
        records.append([("Network", r["network"]), ("Netmask", r["netmask"]),
                        ("Gateway", "Local Subnet" if gw == "0.0.0.0" else gw),
                        ("Interface", r.get("interface", "vmk0"))])
    return 0, "VMkernel Routes:\n" + formats.esxcfg_table(records, columns), ""


def esxcfg_defaultgw(profile, state, params):
    for r in prof.routes(profile, kinds.DEFAULT_NETSTACK):
        if r["network"] == "default" and r.get("gateway"):
            return 0, "VMkernel default gateway is %s\n" % r["gateway"], ""
    return 0, "VMkernel default gateway is not set\n", ""


def esxcfg_nics(profile, state, params):
    columns = [("Name", 8), ("PCI", 13), ("Driver", 12), ("Link", 5), ("Speed", 11),
               ("Duplex", 7), ("MAC Address", 18), ("MTU", 7), ("Description", 1)]
    records = []
    for n in profile.get("nics", []):
        up = bool(n.get("link_up", True))
        records.append([("Name", n["name"]), ("PCI", n.get("pci", "0000:00:00.0")),
                        ("Driver", n.get("driver", "ixgben")),
                        ("Link", "Up" if up else "Down"),
                        ("Speed", "%dMbps" % (int(n.get("speed_mbps", 10000)) if up else 0)),
                        ("Duplex", "Full" if up else "Half"),
                        ("MAC Address", n.get("mac", "00:00:00:00:00:00")),
                        ("MTU", n.get("mtu", 1500)),
                        ("Description", n.get("description", "Network adapter"))])
    return 0, formats.esxcfg_table(records, columns), ""


# -- virtual machines ---------------------------------------------------------------------------

def _vm_nics(profile, vm, index):
    """Each NIC of a profile VM: (device, standard port group or None, dvs entry or None, the
    dvs port group key, DVPort, MAC). A distributed switch the profile does not have (the host
    is not on it) gets a UUID made from its name."""
    out = []
    for n, net in enumerate(vm.get("networks", [])):
        mac = "00:50:56:%02x:%02x:%02x" % (0x80 + (index >> 8) % 64, index % 256, n)
        if isinstance(net, dict):  # a switch the host is not on: its UUID from its name
            dvs = prof.dvswitch(profile, net["dvs"]) or {"name": net["dvs"]}
            out.append(("ethernet%d" % n, None, dvs,
                        net["portgroup"], str(net.get("port", 100 + 10 * index + n)), mac))
        else:
            out.append(("ethernet%d" % n, net, None, None, None, mac))
    return out


def vmx_text(profile, vm, index):
    """The .vmx of a profile VM: the keys in the order of the real files of the reference
    (section 2); a VDS NIC carries the switch UUID, port and port group key instead of a
    network name. An encrypted VM's keySafe follows the vSphere key-locator form of the
    reference (its place in a .vmx is UNVERIFIED)."""
    if vm.get("vmx_text") is not None:
        return vm["vmx_text"]
    hw = vm.get("version", "vmx-19").split("-")[-1]
    lines = ['.encoding = "UTF-8"', 'config.version = "8"', 'virtualHW.version = "%s"' % hw,
             'displayName = "%s"' % vm["name"], 'guestOS = "%s"' % vm.get("guest"),
             'memSize = "4096"']
    for device, network, dvs, key, port, mac in _vm_nics(profile, vm, index):
        lines.append('%s.virtualDev = "vmxnet3"' % device)
        if dvs is not None:
            lines += ['%s.dvs.switchId = "%s"' % (device, dvs_uuid(profile, dvs)),
                      '%s.dvs.portId = "%s"' % (device, port),
                      '%s.dvs.portgroupId = "%s"' % (device, key),
                      '%s.dvs.connectionId = "%d"' % (device, 1000000 + 7 * index)]
        else:
            lines.append('%s.networkName = "%s"' % (device, network))
        lines += ['%s.addressType = "vpx"' % device, '%s.generatedAddress = "%s"' % (device, mac),
                  '%s.present = "TRUE"' % device]
    if vm.get("migrate_encryption") is not None:
        lines.append('migrate.encryptionMode = "%s"' % vm["migrate_encryption"])
    if vm.get("encrypted"):
        digest = hashlib.sha256(vm["name"].encode("utf-8")).digest()
        blob = base64.b64encode(digest * 2).decode("ascii")
        lines.append('encryption.keySafe = "vmware:key/list/(pair/(fqid/<VMWARE-NULL>/local/'
                     '%s,HMAC%%2dSHA%%2d256,%s))"' % (digest[:16].hex(), blob))
        lines.append('encryption.data = "%s"' % blob)
    return "\n".join(lines) + "\n"


def vm_files(profile):
    """{path: text} of the profile VMs' .vmx files (a VM with ``vmx_missing`` has none)."""
    out = {}
    for i, vm in enumerate(prof.vms(profile)):
        if vm["path"] and not vm.get("vmx_missing"):
            out[vm["path"]] = vmx_text(profile, vm, i)
    return out


def vm_list(profile, state, params):
    """``vim-cmd vmsvc/getallvms`` as the 6.5 sample prints it (reference, section 1): a header
    with 3-blank gaps, rows in string order of Vmid, Vmid 7 wide, each other column its longest
    value plus 3 blanks, the annotation after Version (its lines as they are). ``Skipping invalid
    VM`` goes to stderr (ghettoVCB's filter suggests it; the stream is UNVERIFIED)."""
    head = "Vmid   Name   File   Guest OS   Version   Annotation"
    listed = [vm for vm in prof.vms(profile) if not vm.get("invalid")]
    skipped = "".join("Skipping invalid VM '%s'\n" % vm["vmid"] for vm in prof.vms(profile)
                      if vm.get("invalid"))
    if not listed:
        return 0, head + "\n", skipped
    listed.sort(key=lambda vm: vm["vmid"])
    widths = [max(len(vm[k]) for vm in listed) + 3 for k in ("name", "vmx", "guest", "version")]
    rows = []
    for vm in listed:
        row = vm["vmid"].ljust(7) + "".join(vm[k].ljust(w) for k, w in zip(
            ("name", "vmx", "guest"), widths))
        note = vm.get("annotation") or ""
        row += (vm["version"].ljust(widths[3]) + note) if note else vm["version"]
        rows.append(row.rstrip(" ") if not note else row)
    return 0, head + "\n" + "\n".join(rows) + "\n", skipped


def _connects(profile, net):
    """Whether a NIC's network exists on the host (a port group of a standard switch, or a
    distributed switch of the profile): only then does a running VM get a port for it."""
    if isinstance(net, dict):
        return prof.dvswitch(profile, net["dvs"]) is not None
    return prof.vswitch_of_portgroup(profile, net) is not None


def running_vms(profile):
    """(index, VM) of the running VMs with at least one port (a NIC on a network the host
    has): those ``esxcli network vm list`` shows."""
    return [(i, vm) for i, vm in enumerate(prof.vms(profile))
            if vm["power_state"] == "on" and not vm.get("invalid") and
            any(_connects(profile, n) for n in vm["networks"])]


def _network_label(net):
    """What the VM list and port list show for a NIC's network. For a VDS port group the
    reference has no capture (UNVERIFIED): the simulator shows the profile's port group value."""
    return net["portgroup"] if isinstance(net, dict) else net


def vm_network_list(profile, state, params):
    records = []
    for _, vm in running_vms(profile):
        nets = [n for n in vm["networks"] if _connects(profile, n)]
        records.append([("World ID", int(vm["world_id"])), ("Name", vm["name"]),
                        ("Num Ports", len(nets)), ("Networks", [_network_label(n) for n in nets])])
    return Listing("table", "VM", records, ["World ID", "Name", "Num Ports", "Networks"])


def vm_port_list(profile, state, params):
    """One stanza per port, as the REAL samples (reference, section 3). A VDS port's vSwitch,
    Portgroup and DVPort ID values are UNVERIFIED: the switch name, the port group key, the
    port."""
    for i, vm in running_vms(profile):
        if vm["world_id"] != params.get("world"):
            continue
        records = []
        for n, (device, network, dvs, key, port, mac) in enumerate(_vm_nics(profile, vm, i)):
            if not _connects(profile, vm["networks"][n]):
                continue
            switch = dvs if dvs is not None else prof.vswitch_of_portgroup(profile, network)
            uplinks = (switch or {}).get("uplinks") or []
            records.append([("Port ID", 33554440 + 20 * i + n),
                            ("vSwitch", (switch or {}).get("name", "")),
                            ("Portgroup", key if dvs is not None else network),
                            ("DVPort ID", port if dvs is not None else ""),
                            ("MAC Address", mac), ("IP Address", "0.0.0.0"),
                            ("Team Uplink", uplinks[0] if uplinks else ""),
                            ("Uplink Port ID", 33554434 if uplinks else 0),
                            ("Active Filters", "")])
        return Listing("stanzas", "VMPort", records, None)
    # the real answer to a World ID without a VM is UNVERIFIED: say plainly it is simulated
    return 1, "Error: no running VM has World ID %s (simulated)\n" % params.get("world"), ""


def vm_vmx(profile, state, params):
    return FileAnswer(params["path"])


# -- the firewall ---------------------------------------------------------------------------------

# the rulesets of the REAL 6.x sample (reference, section 4), with its Enabled values
_RULESETS = (("sshServer", True), ("sshClient", False), ("nfsClient", False),
             ("nfs41Client", False), ("dhcp", True), ("dns", True), ("snmp", True),
             ("ntpClient", False), ("CIMHttpServer", True), ("CIMHttpsServer", True),
             ("CIMSLP", True), ("iSCSI", False), ("vpxHeartbeats", True), ("updateManager", True),
             ("faultTolerance", True), ("webAccess", True), ("vMotion", True),
             ("vSphereClient", True), ("activeDirectoryAll", False), ("NFC", True))
# 8.0 U2 and later: the rulesets the STIG excerpt shows as not Enable/Disable configurable
_FIXED = ("vMotion", "activeDirectoryAll", "NFC")
# the rules of the rulesets whose ports the reference shows (5.0 era: vMotion, NFC) or that
# are well known (SSH); the others are not printed by the simulator
_RULES = (("sshServer", "Inbound", "TCP", 22), ("sshClient", "Outbound", "TCP", 22),
          ("vMotion", "Inbound", "TCP", 8000), ("vMotion", "Outbound", "TCP", 8000),
          ("NFC", "Inbound", "TCP", 902), ("NFC", "Outbound", "TCP", 902))


def _rulesets(profile):
    """The rulesets and whether each is enabled: the sample's, as the profile's ``firewall.
    rulesets`` changes them, then the profile's others (custom rulesets)."""
    wanted = (profile.get("firewall") or {}).get("rulesets") or {}
    known = [name for name, _ in _RULESETS]
    return [(name, wanted.get(name, enabled)) for name, enabled in _RULESETS] + \
        [(name, wanted[name]) for name in sorted(wanted) if name not in known]


def firewall_get(profile, state, params):
    enabled = (profile.get("firewall") or {}).get("enabled", True)
    return Listing("stanza", "Firewall", [[("Default Action", "DROP"), ("Enabled", enabled),
                                           ("Loaded", True)]], None)


def firewall_ruleset_list(profile, state, params):
    four = prof.version(profile) >= (8, 0, 2)
    fields = ["Name", "Enabled"] + (["Enable/Disable configurable", "Allowed IP configurable"]
                                    if four else [])
    records = []
    for name, enabled in _rulesets(profile):
        if params.get("ruleset") and params["ruleset"] != name:
            continue
        rec = [("Name", name), ("Enabled", enabled)]
        if four:
            rec += [("Enable/Disable configurable", name not in _FIXED),
                    ("Allowed IP configurable", True)]
        records.append(rec)
    if params.get("ruleset") and not records:  # the real wording is UNVERIFIED
        return 1, "Error: Invalid ruleset %s (simulated)\n" % params["ruleset"], ""
    return Listing("table", "Ruleset", records, fields)


def firewall_rule_list(profile, state, params):
    fields = ["Ruleset", "Direction", "Protocol", "Port Type", "Port Begin", "Port End"]
    records = [[("Ruleset", name), ("Direction", direction), ("Protocol", protocol),
                ("Port Type", "Dst"), ("Port Begin", port), ("Port End", port)]
               for name, direction, protocol, port in _RULES
               if not params.get("ruleset") or params["ruleset"] == name]
    return Listing("table", "Rule", records, fields)


# -- the table --------------------------------------------------------------------------------

ANSWERS = {
    # esxcli: a Listing (or an esxcli error)
    "system.version": system_version,
    "system.hostname": system_hostname,
    "system.encryption": system_encryption,
    "ip.interface.list": ip_interface_list,
    "ip.interface.ipv4": ip_interface_ipv4,
    "ip.interface.ipv4.address": ip_interface_ipv4_address,
    "ip.interface.ipv6": ip_interface_ipv6,
    "ip.interface.tags": ip_interface_tags,
    "ip.netstack.list": ip_netstack_list,
    "ip.route.ipv4": ip_route_ipv4,
    "ip.route.ipv6": ip_route_ipv6,
    "nic.list": nic_list,
    "vswitch.standard.list": vswitch_standard_list,
    "vswitch.portgroup.list": vswitch_portgroup_list,
    "vswitch.dvs.list": vswitch_dvs_list,
    "advanced.option": advanced_option,
    "vm.network.list": vm_network_list,
    "vm.port.list": vm_port_list,
    "firewall.get": firewall_get,
    "firewall.ruleset.list": firewall_ruleset_list,
    "firewall.rule.list": firewall_rule_list,
    # other programs: (exit code, stdout, stderr)
    "system.secureboot": system_secureboot,
    "vmware.version": vmware_version,
    "vsish.sbmax": vsish_sbmax,
    "vsish.config": vsish_config,
    "esxcfg.vmknic": esxcfg_vmknic,
    "esxcfg.vswitch": esxcfg_vswitch,
    "esxcfg.route": esxcfg_route,
    "esxcfg.defaultgw": esxcfg_defaultgw,
    "esxcfg.nics": esxcfg_nics,
    "vm.list": vm_list,
    # a file of the host (cat or grep of it): host.py prints it from files.py
    "vm.vmx": vm_vmx,
    # not here: "ping" (vmkping: network.py) and "diag.ping" (esxcli network diag ping: not
    # simulated)
}
