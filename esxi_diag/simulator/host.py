"""A simulated ESXi host, described by a JSON profile (docs/simulator.md), answering the command
lines the collector runs, in the real output formats, so the real parsers run.

``SimHost.execute(argv, timeout)`` is a runner backend: the runner records simulated commands exactly
as it records live ones. The profile (loading, validation, what it describes) is profile.py, the
host's files and state files.py, the network beyond the host (vmkping) network.py.
"""

import ipaddress
import threading
import time

from esxi_diag import kinds
from esxi_diag.simulator import files as simfiles
from esxi_diag.simulator import formats
from esxi_diag.simulator import profile as prof
from esxi_diag.simulator.network import Network
from esxi_diag.simulator.profile import (BUILTIN, DEFAULT_PROFILE, ProfileError,
                                         builtin_names, load_builtin, load_profile,
                                         validate_profile)
from esxi_diag.simulator.files import STATE_SCHEMA
from esxi_diag.sources.runner import CommandResult

# what the cli, tools/ and tests import from here (the profile's names live in profile.py)
__all__ = ["SimHost", "SPEED_ENV", "ESXCLI_DOWN", "STATE_SCHEMA", "BUILTIN", "DEFAULT_PROFILE",
           "ProfileError", "builtin_names", "load_builtin", "load_profile", "validate_profile"]

SPEED_ENV = "ESXI_DIAG_SIM_SPEED"
# Printed by esxcli when hostd does not answer.
ESXCLI_DOWN = "Connect to localhost failed: Connection failure."


class SimHost(object):
    """The simulated host. Thread-safe: the collector calls it from a pool."""

    def __init__(self, profile, speed=1.0, state_file=None):
        validate_profile(profile)
        self.profile = profile
        self.speed = speed
        self._stop = threading.Event()
        self.state_file = state_file
        self.files = simfiles.HostFiles(profile, state_file)
        self.network = Network(profile)

    @property
    def state(self):
        """What the set commands and file writes changed (files.py)."""
        return self.files.state

    # -- runner backend ------------------------------------------------------------------------

    def which(self, program):
        return True

    def terminate_all(self):
        self._stop.set()

    def execute(self, argv, timeout):
        started = time.time()
        t0 = time.monotonic()
        fault = self._fault(argv)
        delay = float(fault.get("delay_s", self._latency(argv))) * self.speed
        if fault.get("hang"):
            delay = float("inf")
        if delay > timeout:
            self._stop.wait(timeout)
            return CommandResult(argv, started=started, duration=time.monotonic() - t0,
                                 timed_out=True)
        if delay > 0:
            self._stop.wait(delay)
        if fault.get("missing"):
            return CommandResult(argv, started=started, duration=time.monotonic() - t0,
                                 error="not-found")
        if argv[0] in ("vmkping", "ping") and not fault:
            code, out, err, seconds = self.ping(argv)
            seconds *= self.speed
            if seconds > timeout:
                self._stop.wait(timeout)
                return CommandResult(argv, started=started, duration=time.monotonic() - t0,
                                     timed_out=True)
            if self._stop.wait(seconds):  # Ctrl-C: the process was killed mid-way
                return CommandResult(argv, started=started, duration=time.monotonic() - t0,
                                     error="interrupted")
        else:
            code, out, err = self.respond(argv)
        return CommandResult(argv, exit_code=code, stdout=out, stderr=err, started=started,
                             duration=time.monotonic() - t0)

    def respond(self, argv):
        """(exit code, stdout, stderr) with the profile's faults applied, without any delay."""
        fault = self._fault(argv)
        if fault.get("missing"):
            return 127, "", "sh: %s: not found\n" % argv[0]
        if fault.get("hang"):
            return 130, "", ""  # a session where the user gave up with Ctrl-C
        if fault.get("interrupt"):
            raise KeyboardInterrupt()  # the user pressed Ctrl-C while this command ran
        if "exit_code" in fault or "stdout" in fault:
            return fault.get("exit_code", 0), fault.get("stdout", ""), fault.get("stderr", "")
        if fault.get("ignore"):
            return 0, "", ""  # accepted, but nothing changes: a read-back will differ
        if argv[0] in ("vmkping", "ping"):
            return self.ping(argv)[:3]
        changed = self._change(argv)
        if changed is not None:
            return changed
        return self.answer(argv)


    def _change(self, argv):
        """The commands that change the host: (exit, stdout, stderr), or None for others."""
        if argv == kinds.AUTO_BACKUP:
            self.files.count_auto_backup()
            return 0, "", ""
        if argv[0] in ("esxcli", "localcli") and argv[1:5] == ["system", "settings", "advanced",
                                                               "set"]:
            opts = dict(zip(argv[5::2], argv[6::2]))
            values = self._advanced_values(opts.get("-o", ""))
            if values is None:
                return 1, "Error: Unable to find option %s\n" % opts.get("-o"), ""
            path, _, _, lo, hi, _ = values
            try:
                value = int(opts.get("-i", ""))
            except ValueError:
                return 1, "Error: Invalid value for option -i\n", ""
            if not lo <= value <= hi:
                return 1, "Error: Invalid value %d: the range is %d to %d\n" % (value, lo, hi), ""
            self.files.set_value("advanced", path, value)
            return 0, "", ""
        if argv[0] == "vsish" and len(argv) == 5 and argv[1:3] == ["-e", "set"]:
            found = kinds.recognise("vsish -e get %s" % argv[3])
            if found is None or found[0] != "vsish.sbmax":
                return 1, "", "vsish: cannot set %s (simulated)\n" % argv[3]
            stack = found[1]["netstack"]
            if (self.state["sbmax"] or {}).get(stack) is None:
                return 1, "", "vsish: node %s not found (simulated)\n" % argv[3]
            try:
                value = int(argv[4])
            except ValueError:
                return 1, "", "vsish: bad value (simulated)\n"
            self.files.set_value("sbmax", stack, value)
            return 0, "", ""
        return None

    # -- files (the hostfiles interface) ---------------------------------------------------------

    def read(self, path):
        return self.files.read(path)

    def write_atomic(self, path, text):
        self.files.write_atomic(path, text)

    def makedirs(self, path):
        self.files.makedirs(path)

    def isdir(self, path):
        return self.files.isdir(path)

    def listdir(self, path):
        return self.files.listdir(path)

    def realpath(self, path):
        return self.files.realpath(path)

    def writable(self, path):
        return self.files.writable(path)

    def free_bytes(self, path):
        return self.files.free_bytes(path)

    def _latency(self, argv):
        timing = self.profile.get("timing", {})
        if argv[0] in ("esxcli", "localcli"):
            return timing.get("esxcli_s", 0.0)
        return timing.get("other_s", 0.0)

    def _fault(self, argv):
        """The first fault whose 'match' is a part of the command line (faults in the profile)."""
        line = " ".join(argv)
        faults = self.profile.get("faults", {})
        if faults.get("esxcli_down") and argv[0] == "esxcli":
            return {"exit_code": 1, "stdout": "", "stderr": ESXCLI_DOWN + "\n"}
        for fault in faults.get("commands", []):
            if fault.get("match") and fault["match"] in line:
                return fault
        return {}

    # -- answering -----------------------------------------------------------------------------

    def answer(self, argv):
        """(exit code, stdout, stderr) for one command line."""
        prog = argv[0]
        if prog in ("esxcli", "localcli"):
            xml = any(a == "--formatter=xml" for a in argv[1:3])
            found = kinds.recognise(kinds.display(argv))
            if found is None:
                words = " ".join(a for a in argv[1:] if not a.startswith("-"))
                return 1, "Error: Unknown command or namespace %s\n" % words, ""
            kind, params = found
            return self._esxcli(kind, params, xml)
        found = kinds.recognise(kinds.display(argv))
        if found is None:
            return 127, "", "sh: %s: not found\n" % prog
        kind, params = found
        handler = getattr(self, "_" + kind.replace(".", "_"), None)
        if handler is None:
            return 1, "", "%s: not simulated\n" % prog
        return handler(params)

    def _esxcli(self, kind, params, xml):
        method = getattr(self, "_rec_" + kind.replace(".", "_"))
        result = method(params)
        if isinstance(result[0], int):  # an error: (exit code, stdout, stderr)
            return result
        shape, type_name, records, fields = result
        if xml:
            if shape in ("stanza", "tags"):
                text = formats.xml_structure(records[0], type_name)
            else:
                text = formats.xml_list(records, type_name)
            return 0, text, ""
        if shape == "table":
            return 0, formats.table(records, fields), ""
        if shape == "stanzas":
            return 0, formats.stanzas(records, "Name"), ""
        if shape == "netstacks":
            return 0, formats.stanzas(records, "Key"), ""
        return 0, formats.stanzas(records, None), ""

    # -- model ---------------------------------------------------------------------------------

    @property
    def version(self):
        return prof.version(self.profile)

    def vmknics(self):
        return prof.vmknics(self.profile)

    def _vmknic(self, name):
        return prof.vmknic(self.profile, name)

    def netstacks(self):
        return prof.netstacks(self.profile)

    def routes(self, netstack):
        return prof.routes(self.profile, netstack)

    def routes6(self, netstack):
        """The profile's IPv6 routes of a netstack, plus the connected prefixes of its enabled
        vmknics' global (not link-local) addresses."""
        return prof.routes6(self.profile, netstack)

    def _switch_of(self, vmknic):
        return prof.switch_of(self.profile, vmknic)

    def _is_dvs(self, switch):
        return prof.is_dvs(self.profile, switch)

    # -- esxcli records ------------------------------------------------------------------------

    def _rec_system_version(self, params):
        h = self.profile["host"]
        rec = [("Product", "VMware ESXi"), ("Version", h.get("version", "7.0.3")),
               ("Build", "Releasebuild-%s" % h.get("build", "0")),
               ("Update", str(h.get("update", "0"))), ("Patch", str(h.get("patch", "0")))]
        return "stanza", "VersionGet", [rec], None

    def _rec_system_hostname(self, params):
        h = self.profile["host"]
        domain = h.get("domain", "")
        fqdn = "%s.%s" % (h["hostname"], domain) if domain else h["hostname"]
        rec = [("Domain Name", domain), ("Fully Qualified Domain Name", fqdn),
               ("Host Name", h["hostname"])]
        return "stanza", "HostnameGet", [rec], None

    def _rec_ip_interface_list(self, params):
        records = []
        for v in self.vmknics():
            stack = v.get("netstack", kinds.DEFAULT_NETSTACK)
            if params.get("netstack") and params["netstack"] != stack:
                continue
            switch = self._switch_of(v)
            dvs = self._is_dvs(switch)
            rec = [("Name", v["name"]), ("MAC Address", v.get("mac", "00:50:56:00:00:00")),
                   ("Enabled", bool(v.get("enabled", True))),
                   ("Portset", ("DvsPortset-0" if dvs else (switch or {}).get("name", "N/A"))),
                   ("Portgroup", "N/A" if dvs else v.get("portgroup", "N/A")),
                   ("Netstack Instance", stack),
                   ("VDS Name", switch["name"] if dvs else "N/A"),
                   ("VDS UUID", switch.get("uuid", "50 1e 5b ad e3 b4 af 25-18 f3 1c 4c fa 98 3d bb")
                    if dvs else "N/A"),
                   ("VDS Port", str(v.get("dvport", "10")) if dvs else "N/A"),
                   ("VDS Connection", int(v.get("dvconnection", 1234)) if dvs else -1),
                   ("Opaque Network ID", "N/A"), ("Opaque Network Type", "N/A"),
                   ("External ID", "N/A"), ("MTU", int(v.get("mtu", 1500))),
                   ("TSO MSS", 65535)]
            if self.version >= (6, 7, 0):
                rec.append(("RXDispQueue Size", 1))
            rec.append(("Port ID", int(v.get("port_id", 33554432 + len(records) + 10))))
            records.append(rec)
        return "stanzas", "IPInterface", records, None

    def _rec_ip_interface_ipv4(self, params):
        fields = ["Name", "IPv4 Address", "IPv4 Netmask", "IPv4 Broadcast", "Address Type"]
        if self.version >= (6, 5, 0):
            fields.append("Gateway")
        fields.append("DHCP DNS")
        records = []
        for v in self.vmknics():
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
        return "table", "IPv4Interface", records, fields

    def _rec_ip_interface_ipv4_address(self, params):
        """``ipv4 address list`` (7.0+): the columns of ``ipv4 get``, Gateway always there."""
        if self.version < (7, 0, 0):
            return (1, "Error: Unknown command or namespace network ip interface ipv4 address "
                    "list\n", "")
        shape, type_name, records, fields = self._rec_ip_interface_ipv4(params)
        if "Gateway" not in fields:
            fields = fields[:5] + ["Gateway"] + fields[5:]
        return shape, "IPv4Address", records, fields

    def _rec_ip_interface_ipv6(self, params):
        fields = ["Interface", "Address", "Netmask", "Type", "Status"]
        records = []
        for v in self.vmknics():
            for a in v.get("ipv6", []):
                records.append([("Interface", v["name"]), ("Address", a["address"]),
                                ("Netmask", int(a.get("prefix_length", 64))),
                                ("Type", a.get("type", "STATIC")),
                                ("Status", a.get("status", "PREFERRED"))])
        return "table", "IPv6Address", records, fields

    def _rec_ip_interface_tags(self, params):
        v = self._vmknic(params.get("vmknic"))
        if v is None:
            return 1, "Error: Invalid interface %s\n" % params.get("vmknic"), ""
        return "tags", "InterfaceTags", [[("Tags", list(v.get("tags", [])))]], None

    def _rec_ip_netstack_list(self, params):
        records = [[("Key", n), ("Name", n), ("State", 4660)] for n in self.netstacks()]
        return "netstacks", "Netstack", records, None

    def _rec_ip_route_ipv4(self, params):
        stack = params.get("netstack") or kinds.DEFAULT_NETSTACK
        if stack not in self.netstacks():
            return 1, "Error: Netstack %s does not exist\n" % stack, ""
        records = []
        for r in self.routes(stack):
            records.append([("Network", r["network"]), ("Netmask", r["netmask"]),
                            ("Gateway", r.get("gateway") or "0.0.0.0"),
                            ("Interface", r.get("interface", "vmk0")),
                            ("Source", r.get("source", "MANUAL"))])
        return "table", "RouteEntry", records, ["Network", "Netmask", "Gateway", "Interface",
                                                "Source"]

    def _rec_ip_route_ipv6(self, params):
        """SYNTHETIC layout (no public capture): the IPv4 route table's columns, the prefix
        length in Netmask, ``::`` for on-link."""
        stack = params.get("netstack") or kinds.DEFAULT_NETSTACK
        if stack not in self.netstacks():
            return 1, "Error: Netstack %s does not exist\n" % stack, ""
        records = []
        for r in self.routes6(stack):
            network = r.get("network", "::")
            records.append([("Network", "default" if network in ("default", "::") and
                             int(r.get("prefix_length", 0)) == 0 else network),
                            ("Netmask", int(r.get("prefix_length", 0))),
                            ("Gateway", r.get("gateway") or "::"),
                            ("Interface", r.get("interface", "vmk0")),
                            ("Source", r.get("source", "MANUAL"))])
        return "table", "IPv6RouteEntry", records, ["Network", "Netmask", "Gateway",
                                                    "Interface", "Source"]

    def _rec_system_encryption(self, params):
        """``esxcli system settings encryption get``: 7.0 U2 (7.0.2) and later only."""
        if self.version < (7, 0, 2):
            return 1, "Error: Unknown command or namespace system settings encryption get\n", ""
        h = self.profile["host"]
        enc = h.get("encryption") or {}
        secure = bool(h.get("secure_boot", False))
        rec = [("Mode", enc.get("mode", "TPM" if enc.get("require_secure_boot") else "NONE")),
               ("Require Executables Only From Installed VIBs",
                bool(enc.get("require_installed_vibs", False))),
               ("Require Secure Boot", bool(enc.get("require_secure_boot", False) and secure))]
        return "stanza", "EncryptionSettings", [rec], None

    def _system_secureboot(self, params):
        """``secureBoot.py -s``: one word (REAL on ESXi 7)."""
        return 0, "%s\n" % ("Enabled" if self.profile["host"].get("secure_boot") else
                            "Disabled"), ""

    def _rec_nic_list(self, params):
        fields = ["Name", "PCI Device", "Driver", "Admin Status", "Link Status", "Speed",
                  "Duplex", "MAC Address", "MTU", "Description"]
        records = []
        for n in self.profile.get("nics", []):
            up = bool(n.get("link_up", True))
            records.append([("Name", n["name"]), ("PCI Device", n.get("pci", "0000:00:00.0")),
                            ("Driver", n.get("driver", "ixgben")), ("Admin Status", "Up"),
                            ("Link Status", "Up" if up else "Down"),
                            ("Speed", int(n.get("speed_mbps", 10000)) if up else 0),
                            ("Duplex", "Full" if up else "Half"),
                            ("MAC Address", n.get("mac", "00:00:00:00:00:00")),
                            ("MTU", int(n.get("mtu", 1500))),
                            ("Description", n.get("description", "Network adapter"))])
        return "table", "Nic", records, fields

    def _rec_vswitch_standard_list(self, params):
        records = []
        for s in self.profile.get("vswitches", []):
            records.append([("Name", s["name"]), ("Class", "cswitch"), ("Num Ports", 10496),
                            ("Used Ports", 4 + len(s.get("uplinks", []))),
                            ("Configured Ports", 128), ("MTU", int(s.get("mtu", 1500))),
                            ("CDP Status", "listen"), ("Beacon Enabled", False),
                            ("Beacon Interval", 1), ("Beacon Threshold", 3),
                            ("Beacon Required By", ""), ("Uplinks", list(s.get("uplinks", []))),
                            ("Portgroups", [p["name"] for p in s.get("portgroups", [])])])
        return "stanzas", "VirtualSwitch", records, None

    def _rec_vswitch_portgroup_list(self, params):
        records = []
        for s in self.profile.get("vswitches", []):
            for p in s.get("portgroups", []):
                clients = sum(1 for v in self.vmknics() if v.get("portgroup") == p["name"])
                records.append([("Name", p["name"]), ("Virtual Switch", s["name"]),
                                ("Active Clients", clients), ("VLAN ID", int(p.get("vlan_id", 0)))])
        records.sort(key=lambda r: r[0][1])
        return "table", "Portgroup", records, ["Name", "Virtual Switch", "Active Clients",
                                               "VLAN ID"]

    def _rec_vswitch_dvs_list(self, params):
        records = []
        for s in self.profile.get("dvswitches", []):
            records.append([("Name", s["name"]),
                            ("VDS ID", s.get("uuid", "50 1e 5b ad e3 b4 af 25-18 f3 1c 4c fa 98 3d bb")),
                            ("Class", "etherswitch"), ("Num Ports", 2560), ("Used Ports", 8),
                            ("Configured Ports", 512), ("MTU", int(s.get("mtu", 1500))),
                            ("CDP Status", "listen"), ("Beacon Timeout", -1),
                            ("Uplinks", list(s.get("uplinks", []))), ("VMware Branded", True)])
        return "stanzas", "DVSwitch", records, None

    def _advanced_values(self, option):
        known = {kinds.LINE_RATE_OPTION: (133, 1, 2000, "Expected line rate of the vMotion "
                                            "network, in MB/s"),
                 kinds.LATENCY_OPTION: (4, 0, 100, "Round-trip time in ms above which vMotion "
                                          "switches to its latency-aware mode")}
        for path, (default, lo, hi, description) in known.items():
            if path.lower() == option.lower():
                current = self.state["advanced"].get(path, default)
                return path, current, default, lo, hi, description
        return None

    def _rec_advanced_option(self, params):
        option = params.get("option")
        if option is None:
            options = [kinds.LINE_RATE_OPTION, kinds.LATENCY_OPTION]
        else:
            options = [option]
        records = []
        for opt in options:
            values = self._advanced_values(opt)
            if values is None:
                return 1, "Error: Unable to find option %s\n" % opt.strip("/").split("/")[-1], ""
            path, current, default, lo, hi, description = values
            records.append([("Path", path), ("Type", "integer"), ("Int Value", int(current)),
                            ("Default Int Value", default), ("Min Value", lo),
                            ("Max Value", hi), ("String Value", ""),
                            ("Default String Value", ""), ("Valid Characters", ""),
                            ("Description", description)])
        return "advanced", "SettingsAdvancedOption", records, None

    # -- other commands ------------------------------------------------------------------------

    def _vsish_sbmax(self, params):
        values = self.state["sbmax"] or {}
        stack = params["netstack"]
        if stack not in self.netstacks() or values.get(stack) is None:
            # The real wording for a missing node is unverified: say plainly it is simulated.
            return 1, "", "vsish: node /net/tcpip/instances/%s/sbMax not found (simulated)\n" % stack
        return 0, "%d\n" % int(values[stack]), ""

    def _vsish_config(self, params):
        values = self._advanced_values(params["option"])
        if values is None:
            return 1, "", "vsish: node not found (simulated)\n"
        path, current, default, lo, hi, description = values
        return 0, ("Vmkernel Config Option {\n   Default value:%d\n   Min value:%d\n"
                   "   Max value:%d\n   Current value:%d\n   hidden config option:0\n"
                   "   Description:%s\n}\n" % (default, lo, hi, int(current), description)), ""

    def _esxcfg_vmknic(self, params):
        columns = [("Interface", 11), ("Port Group/DVPort/Opaque Network", 40), ("IP Family", 10),
                   ("IP Address", 40), ("Netmask", 16), ("Broadcast", 16), ("MAC Address", 18),
                   ("MTU", 8), ("TSO MSS", 10), ("Enabled", 8), ("Type", 20), ("NetStack", 1)]
        records = []
        for v in self.vmknics():
            switch = self._switch_of(v)
            pg = str(v.get("dvport", "10")) if self._is_dvs(switch) else v.get("portgroup", "")
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

    def _esxcfg_vswitch(self, params):
        """``esxcfg-vswitch -l``: a table per switch, then its port groups (standard) or DVPorts
        (distributed). The layout is UNVERIFIED (no public capture in the reference)."""
        head = [("Switch Name", 17), ("Num Ports", 12), ("Used Ports", 12),
                ("Configured Ports", 18), ("MTU", 8), ("Uplinks", 1)]
        blocks = []
        for s in self.profile.get("vswitches", []):
            pgs = s.get("portgroups", [])
            table = formats.esxcfg_table([[
                ("Switch Name", s["name"]), ("Num Ports", 10496),
                ("Used Ports", 4 + len(s.get("uplinks", []))), ("Configured Ports", 128),
                ("MTU", int(s.get("mtu", 1500))), ("Uplinks", ",".join(s.get("uplinks", [])))]],
                head)
            rows = []
            for p in pgs:
                used = sum(1 for v in self.vmknics() if v.get("portgroup") == p["name"])
                rows.append([("  PortGroup Name", "  " + p["name"]),
                             ("VLAN ID", int(p.get("vlan_id", 0))), ("Used Ports", used),
                             ("Uplinks", ",".join(s.get("uplinks", [])))])
            pg_table = formats.esxcfg_table(rows, [("  PortGroup Name", 42), ("VLAN ID", 9),
                                                   ("Used Ports", 12), ("Uplinks", 1)])
            blocks.append(table + "\n" + pg_table)
        for s in self.profile.get("dvswitches", []):
            dhead = [("DVS Name", 17)] + head[1:]
            table = formats.esxcfg_table([[
                ("DVS Name", s["name"]), ("Num Ports", 2560), ("Used Ports", 8),
                ("Configured Ports", 512), ("MTU", int(s.get("mtu", 1500))),
                ("Uplinks", ",".join(s.get("uplinks", [])))]], dhead)
            rows = [[("  DVPort ID", "  %d" % i), ("In Use", 1), ("Client", u)]
                    for i, u in enumerate(s.get("uplinks", []))]
            for v in self.vmknics():
                if v.get("switch") == s["name"]:
                    rows.append([("  DVPort ID", "  %s" % v.get("dvport", "10")),
                                 ("In Use", 1), ("Client", v["name"])])
            port_table = formats.esxcfg_table(rows, [("  DVPort ID", 40), ("In Use", 12),
                                                     ("Client", 1)])
            blocks.append(table + "\n" + port_table)
        return 0, "\n".join(blocks), ""

    def _esxcfg_route(self, params):
        stack = params.get("netstack") or kinds.DEFAULT_NETSTACK
        columns = [("Network", 17), ("Netmask", 17), ("Gateway", 17), ("Interface", 1)]
        records = []
        for r in self.routes(stack):
            gw = r.get("gateway") or "0.0.0.0"
            records.append([("Network", r["network"]), ("Netmask", r["netmask"]),
                            ("Gateway", "Local Subnet" if gw == "0.0.0.0" else gw),
                            ("Interface", r.get("interface", "vmk0"))])
        return 0, "VMkernel Routes:\n" + formats.esxcfg_table(records, columns), ""

    def _esxcfg_defaultgw(self, params):
        for r in self.routes(kinds.DEFAULT_NETSTACK):
            if r["network"] == "default" and r.get("gateway"):
                return 0, "VMkernel default gateway is %s\n" % r["gateway"], ""
        return 0, "VMkernel default gateway is not set\n", ""

    def _esxcfg_nics(self, params):
        columns = [("Name", 8), ("PCI", 13), ("Driver", 12), ("Link", 5), ("Speed", 11),
                   ("Duplex", 7), ("MAC Address", 18), ("MTU", 7), ("Description", 1)]
        records = []
        for n in self.profile.get("nics", []):
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

    def _vmware_version(self, params):
        h = self.profile["host"]
        version = h.get("version", "7.0.3")
        short = ".".join(version.split(".")[:2])
        update = str(h.get("update", "0"))
        second = "VMware ESXi %s GA" % short if update in ("0", "") else \
            "VMware ESXi %s Update %s" % (short, update)
        return 0, "VMware ESXi %s build-%s\n%s\n" % (version, h.get("build", "0"), second), ""

    # -- the network beyond the host -------------------------------------------------------------

    def peers(self):
        return self.network.peers()

    def ping(self, argv):
        """(exit code, stdout, stderr, seconds it takes) of a simulated vmkping."""
        return self.network.ping(argv)

    # -- transcript ----------------------------------------------------------------------------

    def transcript(self, commands):
        """The host as a pasted shell session: each command typed at the prompt, then its output."""
        prompt = "[root@%s:~] " % self.profile["host"]["hostname"]
        out = []
        for argv in commands:
            code, stdout, stderr = self.respond(argv)
            out.append(prompt + kinds.display(argv))
            text = stdout + stderr
            out.append(text.rstrip("\n") if text.strip() else "")
        out.append(prompt.rstrip())
        return "\n".join(out) + "\n"
