"""Consistent masking for support cases (``--redact``), in the spirit of ``sos clean``.

What is masked, everywhere (reports, raw outputs, the manifest, archive member names), the same
way each time, in one pass over each text (so that nothing is masked twice):

- IPv4 and IPv6 addresses, **prefix-preserving**: for every prefix length, two addresses share
  that prefix after masking exactly when they did before, so subnets stay subnets, a gateway stays
  in its vmknic's subnet, and the analysis of masked outputs gives the same findings. (A keyed
  Crypto-PAn-style scheme: bit i of the output is bit i of the input XOR a keyed hash of the bits
  before it.) Netmasks (contiguous ones, such as 255.255.255.192), 0.0.0.0 and loopback are kept;
  an IPv6 address keeps its first 16 bits (fe80::, 2001:...), so its kind stays visible; an
  IPv4-mapped address (``::ffff:10.1.2.3``) keeps its prefix and masks its IPv4 part like the
  plain address. An address followed by ``:`` (``64 bytes from 2001:db8::5: icmp_seq=0``) or
  after ``_`` is found as well.
- MAC addresses in every spelling (``00:50:56:ab:cd:ef``, ``00-50-56-AB-CD-EF``,
  ``0050.56ab.cdef``, ``005056abcdef``): the vendor prefix (OUI) is kept, the rest masked the same
  way whatever the spelling; separators and letter case are kept.
- UUIDs: ``8-4-4-4-12``, 32 hex digits, and the VDS form ``50 1e 5b ... -18 f3 ...``, in either
  case.
- Host names (of any length), FQDNs, domains and each label of a domain but its last, port group,
  switch, datastore and peer-label names, VM names and the folder and file names of their
  ``.vmx`` paths, VM notes (each line whole), and the files and folders named on the command
  line: replaced by ``host-01``, ``portgroup-01``, ``vm-01``, ``note-01``... wherever they stand
  between characters that are not letters or digits (so also before ``-``, ``_`` or ``.``).
- The values of a ``.vmx``'s ``encryption.keySafe`` and ``encryption.data`` (key provider and
  key identifiers): replaced whole by ``(masked)``.

What is never masked: dictionary keys, and the tool's own vocabulary (``VOCABULARY``: service tag
names, netstack names, esxcli field labels, the words of vmkping and vsish output, JSON keys,
finding IDs, verdicts...). A name made only of vocabulary words and numbers (a port group called
``Management``, ``VSAN``, ``VLAN 100`` or ``mtu``) is not masked at all: it identifies nothing,
and masking it would rename the tag, the field or the key that the analysis reads.

The private map (the key and every name mapping) is written beside the output, never inside it,
owner-only, and can be given back with ``--redact-map`` so that several hosts of one site mask
consistently.
"""

import hashlib
import hmac
import ipaddress
import json
import os
import re

from esxi_diag.render import messages
from esxi_diag.sources import inputs

MAP_SCHEMA = "esxi-diag-redact-map/1"
CATEGORIES = ("host", "domain", "portgroup", "switch", "datastore", "peer", "file", "vm", "note")
_BUILTIN_PROFILES = ("lan", "ldvm", "wan-faults", "broken")
_GENERIC = re.compile(r"^(vSwitch\d+|vmk\d+|vmnic\d+|vusb\d+|DvsPortset-\d+)$", re.I)

# The tool's own words, lower case: esxcli namespaces and options, field labels of every output
# it reads (XML field names run together, so both spellings), values it interprets, the words of
# vmkping, vsish and esxcfg output, the JSON keys and enumerations of its reports and manifests,
# finding IDs, service tags and netstacks. tests/test_masking.py checks that every word of every
# simulated output, report and manifest that is not a site's own value is listed here.
VOCABULARY = frozenset("""
activedirectoryall activefilters addresstype allowed allowedipconfigurable annotation begin cat
cimhttpserver cimhttpsserver cimslp cmd configurable connectionid defaultaction direction disable
disableconfigurable displayname drop dst dvportid egrep enable encrypted encryptionmode end
ethernet0 ethernet1 ethernet2 ethernet3 ethernet4 ethernet5 ethernet6 ethernet7 ethernet8 ethernet9
faulttolerance filters firewall generatedaddress getallvms grep guest inbound inventory ipaddress
iscsi keysafe loaded modes names networkname networks nfc nfs41client nfsclient ntpclient
opaquenetwork os otherguest64 outbound pass portbegin portend portgroupid portid porttype power
present protocol rule rules ruleset rulesets running skipping snmp src sshclient sshserver
startconnected switchid tcp team teamuplink udp updatemanager uplinkportid vim virtualdev vmfs vmid
vmport vms vmsvc vmx vmxnet3 volumes vpx vpxheartbeats vsphereclient webaccess world worldid
partial
base bdp how items join largest limit mbytes more offlink own release steps uncertain what where why
assumed boot complete decided ignored nothing read replies runs secure undetermined
bin encryptionsettings executables installed ipv6routeentry lib py require
requireexecutablesonlyfrominstalledvibs requiresecureboot secureboot usr vibs
150ms a above action active activeclients add addr address addresses addresstype admin adminstatus
advanced af affected all allow ap applied apply argv arp at auto available avg aware b backup basis
be beacon beaconenabled beaconinterval beaconrequiredby beaconthreshold beacontimeout beyond bool
boolean branded broadcast build by bytes c capped case cdp cdpstatus change characters check class
client clients code cold collect collection com command commands config configured configuredports
connect connection count created cswitch cur current d data default defaultintvalue
defaultstringvalue defaulttcpipstack description detail device df dhcp dhcpdns diag diagping
disabled distance dns domain domainname down driver dup duplex duplicated duration dvport
dvportgroup dvs dvsportset dvswitch e enabled encryption entry error esxcfg esxcli esxi etc
etherswitch exceeds exit expected external externalid f fail failed failure fallback false family
faulttolerancelogging field files findings for formatter found fqdn from full fully
fullyqualifieddomainname g ga gateway generated get gigabit group h half hidden host hostname
hostnameget hot http hyperbus i icmp id in inactive incomplete index info inputs instance instances
int integer interface interfacetags interrupted interval intopts intvalue invalid ip ipinterface
ipv4 ipv4address ipv4broadcast ipv4interface ipv4netmask ipv6 ipv6address is its jobs journal jumbo
key kind known l label lan latency length line linerate link linkstatus list listen local localcli
localhost long loss lost m mac macaddress maintenance management manual max maxvalue mb mbit mbps
message migrate min minvalue mismatch missing mode ms mss mtu n name namespace net
netexpectedlineratembps netlatencymodethreshold netmask netstack netstackinstance netstacks network
nic nics no node none not note notes num numports nvmerdma nvmetcp o of ok on opaque
opaquenetworkid opaquenetworktype option or origin other out outcome output packet packets parallel
params parsed patch path paths payload pci pcidevice pct pe peer peers persist ping ping6 plan
planned pmtu port portgroup portgroups portid ports portset preferred prefix probe probes problems
product products provisioning ptp python qualified r rate rc reachability reason reasons received
recieved recommended redacted releasebuild remedy replication required result role roles root round
routable route routed routeentry routes routing rtt rxdispqueue rxdispqueuesize s sbin sbmax schema
sendto sent seq services settings settingsadvancedoption severity sh sha256 shared simulated size
source speed stack standard started state static statistics status stderr stdout string stringvalue
structure subjects subnet summary supported switch switches system t tag tagged tags target tcpip
tested threshold time timed timeout title to too tool trace transmitted trip true tso tsomss ttl
tune tuning type typename u unavailable unknown unparsed unreachable unrecognised untested up
update uplink uplinks us usage use used usedports uuid v valid validcharacters value values vds
vdsconnection vdsid vdsname vdsport vdsuuid verdict verdicts version versionget via virtual
virtualswitch vl vlan vlanid vm vmk vmkernel vmknic vmknics vmkping vmnic vmotion vmware
vmwarebranded vsan vsanwitness vsish vsphere vspherebackupnfc vsphereprovisioning
vspherereplication vspherereplicationnfc vswitch vswitches vxlan w wait wall warm warn which worst
wrong www x xml xmlns
""".split())


def is_vocabulary(name):
    """True when ``name`` is made only of the tool's own words and numbers (nothing to mask)."""
    return all(w.isdigit() or w in VOCABULARY for w in re.findall(r"[a-z0-9]+", name.lower()))


# Address-like shapes, tried in this order at each position of the text (one pass).
_SHAPES = (
    ("vds", r"(?<![0-9A-Za-z])[0-9A-Fa-f]{2}(?: [0-9A-Fa-f]{2}){7}-[0-9A-Fa-f]{2}"
            r"(?: [0-9A-Fa-f]{2}){7}(?![0-9A-Za-z])"),
    ("uuid", r"(?<![0-9A-Za-z-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}"
             r"(?![0-9A-Za-z-])"),
    ("hex32", r"(?<![0-9A-Za-z])[0-9A-Fa-f]{32}(?![0-9A-Za-z])"),
    ("mac", r"(?<![0-9A-Za-z:])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}(?![0-9A-Za-z:])"),
    ("mac", r"(?<![0-9A-Za-z-])[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}(?![0-9A-Za-z-])"),
    ("mac", r"(?<![0-9A-Za-z.])[0-9A-Fa-f]{4}(?:\.[0-9A-Fa-f]{4}){2}(?![0-9A-Za-z.])"),
    ("ipv6", r"(?<![0-9A-Za-z:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}"
             r"(?:\.[0-9]{1,3}){0,3}"),
    ("ipv4", r"(?<![0-9A-Za-z.])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9A-Za-z]|\.[0-9])"),
    ("bare", r"(?<![0-9A-Za-z])[0-9A-Fa-f]{12}(?![0-9A-Za-z])"),
)
_HEX = "0123456789abcdefABCDEF"
# a .vmx's key-provider and key data: ``encryption.keySafe = "vmware:key/list/(pair/(fqid/..."``
VMX_SECRET = re.compile(r'(?im)^([ \t]*encryption\.(?:keysafe|data)[ \t]*=[ \t]*")[^"\n]*(")')


class RedactMapError(ValueError):
    pass


def _is_netmask(address):
    value = int(address)
    bits = address.max_prefixlen
    inverted = (~value) & ((1 << bits) - 1)
    return (inverted & (inverted + 1)) == 0  # ones then zeros only


def _respell(original, digits):
    """``digits`` (lower-case hex) laid out like ``original``: its separators where they were,
    upper case when it had upper-case letters."""
    if original != original.lower():
        digits = digits.upper()
    out = []
    i = 0
    for ch in original:
        if ch in _HEX:
            out.append(digits[i % len(digits)])
            i += 1
        else:
            out.append(ch)
    return "".join(out)


class Redactor(object):
    def __init__(self, key=None, names=None):
        self.key = key if key is not None else os.urandom(32)
        # category -> {original lower-case -> masked}
        self.names = dict((c, dict((names or {}).get(c, {}))) for c in CATEGORIES)
        self.macs = set()  # known MACs (12 lower-case hex digits): masked in any spelling
        self._cache = {}
        self._pattern = None

    # -- the map -------------------------------------------------------------------------------

    @classmethod
    def load(cls, data):
        """A redactor from the bytes (or text) of a map. RedactMapError (one line) when it is not
        a sound map: nothing of a bad map is used."""
        try:
            doc = inputs.loads(data, "the redaction map")
        except inputs.InputError as exc:
            raise RedactMapError(str(exc))
        if not isinstance(doc, dict) or doc.get("schema") != MAP_SCHEMA or \
                not isinstance(doc.get("key"), str):
            raise RedactMapError("not an esxi-diag redaction map")
        try:
            key = bytes(bytearray.fromhex(doc["key"]))
        except ValueError:
            raise RedactMapError("the redaction map's key is not hex")
        if len(key) < 16:
            raise RedactMapError("the redaction map's key is too short")
        names = doc.get("names")
        names = {} if names is None else names
        if not isinstance(names, dict):
            raise RedactMapError("the redaction map's names are not an object")
        clean = {}
        for category in CATEGORIES:
            table = names.get(category)
            table = {} if table is None else table
            if not isinstance(table, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) and k and v
                    for k, v in table.items()):
                raise RedactMapError("the redaction map's %s names are not a table of names" %
                                     category)
            clean[category] = dict((k.lower(), v) for k, v in table.items())
        return cls(key, clean)

    def dump(self):
        return json.dumps({"schema": MAP_SCHEMA, "key": "".join("%02x" % b for b in
                                                               bytearray(self.key)),
                           "names": self.names,
                           "note": "PRIVATE: maps masked names back to the real ones, and its "
                                   "key unmasks addresses. Keep it; never attach it to a case."},
                          indent=2, sort_keys=True) + "\n"

    # -- names ---------------------------------------------------------------------------------

    def add_name(self, category, name, always=False):
        """Mask ``name`` from now on, unless it is the tool's own vocabulary (``always``: file
        names, which are masked whatever they say)."""
        if not name or not isinstance(name, str):
            return
        name = name.strip()
        if not name or name == "-" or _GENERIC.match(name) or \
                not re.search("[0-9A-Za-z]", name):
            return
        if not always and is_vocabulary(name):
            return
        table = self.names[category]
        if name.lower() not in table:
            masked = "%s-%02d" % (category, len(table) + 1)
            if category == "domain":
                masked += ".invalid"
            table[name.lower()] = masked
            self._pattern = None

    def add_domain(self, domain):
        """A domain, and each of its labels but the last (``corp`` of ``corp.acme.example``)."""
        if not domain or not isinstance(domain, str):
            return
        self.add_name("domain", domain)
        labels = domain.strip(".").split(".")
        for label in labels[:-1]:
            self.add_name("domain", label)
        if len(labels) > 2:  # acme.example of corp.acme.example
            self.add_name("domain", ".".join(labels[1:]))

    def add_mac(self, text):
        if isinstance(text, str):
            digits = re.sub(r"[^0-9A-Fa-f]", "", text).lower()
            if len(digits) == 12:
                self.macs.add(digits)

    def learn(self, report):
        """Collect the names to mask from a report (facts of the host and its peers)."""
        host = report.get("host") or {}
        fqdn, hostname = host.get("fqdn"), host.get("hostname")
        if isinstance(fqdn, str) and isinstance(hostname, str) and hostname and \
                fqdn.lower().startswith(hostname.lower() + "."):
            self.add_domain(fqdn[len(hostname) + 1:])
        elif isinstance(fqdn, str) and "." in fqdn:
            self.add_name("host", fqdn.split(".", 1)[0])
            self.add_domain(fqdn.split(".", 1)[1])
        self.add_name("host", hostname)
        for pg in report.get("portgroups") or []:
            self.add_name("portgroup", pg.get("name"))
        for v in report.get("vmknics") or []:
            self.add_name("portgroup", v.get("portgroup"))
            self.add_name("switch", v.get("vds_name"))
            self.add_name("switch", v.get("portset"))
            self.add_mac(v.get("mac"))
        for n in report.get("nics") or []:
            self.add_mac(n.get("mac"))
        for s in report.get("vswitches") or []:
            self.add_name("switch", s.get("name"))
            for pg in s.get("portgroups") or []:
                self.add_name("portgroup", pg if isinstance(pg, str) else None)
        for p in (report.get("reachability") or {}).get("peers") or []:
            self.add_peer_label(p.get("label"))
        for path in (report.get("reachability") or {}).get("paths") or []:
            self.add_peer_label(path.get("label"))
        for path in re.findall(r"/vmfs/volumes/([^/\s\"']+)", json.dumps(report)):
            self.add_name("datastore", path)
        self.learn_vms(report.get("vms") or {})
        source = report.get("source") or {}
        if source.get("type") != "live":  # a file the user named: its path may name the site
            name = source.get("name")
            if isinstance(name, str) and name not in ("standard input",) and \
                    name not in _BUILTIN_PROFILES:
                self.learn_paths([name])

    def learn_vms(self, vms):
        """VM names, the datastore, folders and file name of each .vmx path, the networks the
        VMs' adapters and ports are on, and the VMs' notes."""
        for vm in vms.get("list") or [] if isinstance(vms, dict) else []:
            if not isinstance(vm, dict):
                continue
            self.add_name("vm", vm.get("name"))
            path = vm.get("vmx")
            if isinstance(path, str):
                m = re.match(r"^\[([^\]]*)\]\s*(.*)$", path)
                if m:
                    self.add_name("datastore", m.group(1))
                    path = m.group(2)
                elif path.startswith("/vmfs/volumes/"):
                    self.add_name("datastore", path.split("/")[3] if path.count("/") > 3 else None)
                    path = "/".join(path.split("/")[4:])
                parts = [p for p in path.split("/") if p]
                if parts and parts[-1].lower().endswith(".vmx"):
                    parts[-1] = parts[-1][:-4]
                for part in parts:
                    self.add_name("vm", part)
            for nic in vm.get("nics") or []:
                if isinstance(nic, dict):
                    self.add_name("portgroup", nic.get("network"))
            for network in vm.get("running_networks") or []:
                self.add_name("portgroup", network if isinstance(network, str) else None)
            for port in vm.get("ports") or []:
                if isinstance(port, dict):
                    self.add_name("portgroup", port.get("portgroup"))
                    self.add_name("switch", port.get("vswitch"))
            note = vm.get("annotation")
            if isinstance(note, str):
                for line in note.splitlines():
                    self.add_name("note", line)

    def add_peer_label(self, label):
        if not isinstance(label, str):
            return
        self.add_name("peer", label)
        for word in label.split():
            self.add_name("peer", word)

    def learn_paths(self, paths):
        """Files and folders named on the command line: the whole path, its last part, and the
        datastore it is on."""
        for path in paths or []:
            if not isinstance(path, str) or not path or path == "-":
                continue
            self.add_name("file", path, always=True)
            base = os.path.basename(path.rstrip("/"))
            if base:
                self.add_name("file", base, always=True)
            for store in re.findall(r"/vmfs/volumes/([^/\s]+)", path):
                self.add_name("datastore", store)

    _PATH_OPTIONS = ("-o", "--output-dir", "--redact-map", "--peers", "--peer-report",
                     "--sim-state", "--state-dir", "--transcript", "--simulate")

    def command_line(self, argv):
        """esxi-diag's own command line, masked: every file or folder it names is replaced as a
        whole (the -o folder names a datastore on a host), then the rest is masked as text."""
        argv = [a for a in argv if isinstance(a, str)]
        paths = []
        analyze = "analyze" in argv
        for i, arg in enumerate(argv):
            option, eq, value = arg.partition("=")
            if eq and option in self._PATH_OPTIONS:
                paths.append(value)
            elif i and argv[i - 1] in self._PATH_OPTIONS and not arg.startswith("-"):
                paths.append(arg)
            elif analyze and i > 1 and not arg.startswith("-"):
                paths.append(arg)
        paths = [p for p in paths if p not in _BUILTIN_PROFILES and p != "-"]
        self.learn_paths(paths)
        out = []
        for arg in argv:
            option, eq, value = arg.partition("=")
            if arg in paths:
                out.append(self.names["file"].get(arg.strip().lower(), arg))
            elif eq and value in paths:
                out.append(option + "=" + self.names["file"].get(value.strip().lower(), value))
            else:
                out.append(self.text(arg))
        return out

    # -- addresses -----------------------------------------------------------------------------

    def _bits(self, value, bits, keep):
        out = value >> (bits - keep) << (bits - keep) if keep else 0
        for i in range(keep, bits):
            prefix = value >> (bits - i)
            digest = hmac.new(self.key, ("%d/%d" % (bits, i)).encode("ascii") +
                              prefix.to_bytes(16, "big"), hashlib.sha256).digest()
            flip = bytearray(digest)[0] & 1
            bit = ((value >> (bits - 1 - i)) & 1) ^ flip
            out |= bit << (bits - 1 - i)
        return out

    def address(self, text):
        """The masked form of an address, or None when ``text`` is not one."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        try:
            addr = ipaddress.ip_address(text)
        except ValueError:
            return None
        if addr.version == 6 and addr.ipv4_mapped is not None and "." in text:
            inner = self.address(str(addr.ipv4_mapped))
            masked = text[:text.rindex(":") + 1] + inner
        elif addr.is_loopback or addr.is_unspecified or _is_netmask(addr) or (
                addr.version == 4 and str(addr) == "255.255.255.255"):
            masked = text
        elif addr.version == 4:
            masked = str(ipaddress.IPv4Address(self._bits(int(addr), 32, 0)))
        else:
            masked = str(ipaddress.IPv6Address(self._bits(int(addr), 128, 16)))
            if text != text.lower():
                masked = masked.upper()
        self._cache[text] = masked
        return masked

    def mac(self, text):
        """A MAC in any spelling: the same masked digits whatever the spelling, OUI kept."""
        digits = re.sub(r"[^0-9A-Fa-f]", "", text).lower()
        tail = ":".join(digits[i:i + 2] for i in range(6, 12, 2))
        digest = bytearray(hmac.new(self.key, b"mac" + tail.encode("ascii"),
                                    hashlib.sha256).digest())
        return _respell(text, digits[:6] + "".join("%02x" % b for b in digest[:3]))

    def _uuid(self, text):
        digest = hmac.new(self.key, b"uuid" + re.sub(r"[^0-9a-f]", "", text.lower())
                          .encode("ascii"), hashlib.sha256).hexdigest()
        return _respell(text, digest)

    # -- text ----------------------------------------------------------------------------------

    def _table(self):
        """original -> masked for text: names that are only vocabulary (a file called ``a``,
        given on the command line) are replaced there and nowhere else."""
        table = {}
        for category in CATEGORIES:
            for original, masked in self.names[category].items():
                if re.search("[0-9a-z]", original) and not is_vocabulary(original):
                    table.setdefault(original, masked)
        return table

    def _compiled(self):
        if self._pattern is None:
            self._lookup = self._table()
            names = sorted(self._lookup, key=lambda n: (-len(n), n))
            parts = ["(?P<%s_%d>%s)" % (kind, i, rx) for i, (kind, rx) in enumerate(_SHAPES)]
            if names:
                parts.append(r"(?P<name>(?<![0-9A-Za-z])(?:%s)(?![0-9A-Za-z]))" %
                             "|".join(re.escape(n) for n in names))
            self._pattern = re.compile("|".join(parts), re.IGNORECASE)
            names_only = r"(?<![0-9A-Za-z])(?:%s)(?![0-9A-Za-z])" % "|".join(
                re.escape(n) for n in names) if names else None
            self._names_only = re.compile(names_only, re.IGNORECASE) if names_only else None
        return self._pattern

    def _names_in(self, text):
        if self._names_only is None:
            return text
        return self._names_only.sub(lambda m: self._lookup.get(m.group(0).lower(), m.group(0)),
                                    text)

    def _one(self, m):
        kind = m.lastgroup
        found = m.group(0)
        if kind == "name":
            return self._lookup.get(found.lower(), found)
        kind = kind.split("_")[0]
        if kind in ("vds", "uuid", "hex32"):
            return self._uuid(found)
        if kind == "mac":
            return self.mac(found)
        if kind == "bare":
            if found.lower() in self.macs or re.search("[A-Fa-f]", found):
                return self.mac(found)
            return found
        if kind == "ipv4":
            masked = self.address(found)
            return masked if masked is not None else self._names_in(found)
        # ipv6: the longest valid address at the start of the candidate (a trailing ':' is the
        # punctuation of "from 2001:db8::5: icmp_seq")
        candidate = found
        while candidate:
            masked = self.address(candidate) if candidate.count(":") >= 2 else None
            if masked is not None:
                return masked + self._names_in(found[len(candidate):])
            if candidate.endswith(":"):
                candidate = candidate[:-1]
            else:
                break
        return self._names_in(found)

    def text(self, text):
        """Mask everything this redactor knows in ``text``, in one pass (after the secrets of a
        .vmx, which are replaced whole)."""
        if not text:
            return text
        if "ncryption" in text:
            text = VMX_SECRET.sub(r"\1(masked)\2", text)
        return self._compiled().sub(self._one, text)

    def value(self, value):
        """Mask a JSON-like value: strings inside dicts and lists. Keys are never masked: they
        are the tool's own; nor are message and finding IDs (render/messages.py)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return dict((k, v if k in ("id", "message_id") and messages.known(v) else
                         self.value(v)) for k, v in value.items())
        return value
