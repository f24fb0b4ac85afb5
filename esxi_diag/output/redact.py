"""Consistent masking for support cases (``--redact``), in the spirit of ``sos clean``.

What is masked, everywhere (reports, raw outputs, the manifest, archive member names), the same
way each time, in one pass over each text (so that nothing is masked twice):

- IPv4 and IPv6 addresses, **prefix-preserving**: for every prefix length of 8 bits or more
  (16 in 169.0.0.0/8), two addresses share that prefix after masking exactly when they did
  before, so subnets stay subnets, a gateway stays in its vmknic's subnet, and the analysis of
  masked outputs gives the same findings. (A keyed Crypto-PAn-style scheme: bit i of the output
  is bit i of the input XOR a keyed hash of the bits before it.) It is a keyed permutation: two
  addresses never share a mask. An IPv4 address keeps its kind: 0.0.0.0/8, loopback, link-local
  169.254.0.0/16 and 224.0.0.0/3 (multicast, reserved, and so every netmask of /3 or longer,
  such as 255.255.255.192) are kept as they are, and every other address masks to another such
  address (its first octet through a keyed permutation of the other first octets), so that a
  masked address never reads as loopback, multicast or link-local. An IPv6 address keeps its
  first 16 bits (fe80::, 2001:...), so its kind stays visible; ``::``, ``::1`` and contiguous
  netmasks are kept; an IPv4-mapped address (``::ffff:10.1.2.3``) keeps its prefix and masks its
  IPv4 part like the plain address. An address followed by ``:`` (``64 bytes from 2001:db8::5:
  icmp_seq=0``) or after ``_`` is found as well.
- MAC addresses in every spelling (``00:50:56:ab:cd:ef``, ``00-50-56-AB-CD-EF``,
  ``0050.56ab.cdef``, ``005056abcdef``): the vendor prefix (OUI) is kept, the other 24 bits go
  through a keyed permutation (so two MACs never share a mask), the same whatever the spelling;
  separators and letter case are kept.
- UUIDs: ``8-4-4-4-12``, 32 hex digits, and the VDS form ``50 1e 5b ... -18 f3 ...``, in either
  case (128 bits of a keyed hash).
- Host names (of any length), FQDNs, domains and each label of a domain but its last, port group,
  switch and datastore names, the words of peer labels (host names), VM names and the folder and
  file names of their ``.vmx`` paths, VM notes (each line whole), and the files and folders named
  on the command line: replaced by ``host-<token>``, ``portgroup-<token>``, ``vm-<token>``,
  ``note-<token>``... wherever they stand between characters that are not letters or digits (so
  also before ``-``, ``_`` or ``.``).
- The values of a ``.vmx``'s ``encryption.keySafe`` and ``encryption.data`` (key provider and
  key identifiers): replaced whole by ``(masked)``.

What is never masked: dictionary keys, and the tool's own vocabulary (``VOCABULARY``: service tag
names, netstack names, esxcli field labels, the words of vmkping and vsish output, JSON keys,
finding IDs, verdicts...). A name made only of vocabulary words and numbers (a port group called
``Management``, ``VSAN``, ``VLAN 100`` or ``mtu``) is not masked at all: it identifies nothing,
and masking it would rename the tag, the field or the key that the analysis reads.

One map for a whole fleet, with no coordination between hosts: every mask is a function of the
map's key and the original value alone, so hosts that mask at the same time with copies of one
map give each value the same mask. Addresses and MACs are keyed permutations (never two originals
with one mask). A name's token is the first TOKEN_CHARS characters (50 bits) of the base32 of a
keyed HMAC of the name (whatever its category, so ``host-x`` and ``peer`` uses of one name agree);
when two names of one map would share a token, the later one takes a longer prefix of its own
digest (in one process, deterministically); two hosts that never see each other's names could
only collide with odds of 2^-50 per pair of names, and saving the map (which merges every run's
names under a lock) says so if it ever happens. ``esxi-diag redact`` masks finished bundles
off-host, learning every name of every bundle first and giving them their tokens in sorted order.

The private map (the key and every name mapping) is written beside the output, never inside it,
owner-only, and can be given back with ``--redact-map`` so that several hosts of one site mask
consistently. Maps of schema ``esxi-diag-redact-map/1`` (numbered masks, which hosts masking at
the same time would give to different names) are refused with a line that says so.
"""

import base64
import errno
import hashlib
import hmac
import ipaddress
import json
import os
import re
import time

from esxi_diag.render import messages
from esxi_diag.sources import inputs

MAP_SCHEMA = "esxi-diag-redact-map/2"
OLD_MAP_SCHEMA = "esxi-diag-redact-map/1"
CATEGORIES = ("host", "domain", "portgroup", "switch", "datastore", "file", "vm", "note")
TOKEN_CHARS = 10  # base32 characters of a name's token: 50 bits
TOKEN_STEP = 4    # more characters each time a token is taken by another name of the map
LOCK_WAIT_S = 10.0
LOCK_STALE_S = 60.0
_GENERIC = re.compile(r"^(vSwitch\d+|vmk\d+|vmnic\d+|vusb\d+|DvsPortset-\d+)$", re.I)

def _builtin_profiles():
    """The names ``--simulate`` takes for its built-in hosts and sites: the tool's own, never a
    file of the user's (imported when asked: masking a live report needs no simulator)."""
    from esxi_diag.simulator.profile import BUILTIN
    from esxi_diag.simulator.site import BUILTIN_SITES
    return BUILTIN + BUILTIN_SITES


# The tool's own words, lower case: esxcli namespaces and options, field labels of every output
# it reads (XML field names run together, so both spellings), values it interprets, the words of
# vmkping, vsish and esxcfg output, the JSON keys and enumerations of its reports and manifests,
# finding IDs, service tags and netstacks. tests/output/test_masking.py checks that every word of every
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
base bdp display how items join largest vmids limit mbytes more offlink own release steps uncertain what where why
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


def _b32(digest):
    return base64.b32encode(digest).decode("ascii").rstrip("=").lower()


def _shuffled(key, label, items):
    """A keyed permutation of ``items``: {item: image}."""
    order = sorted(items, key=lambda i: hmac.new(key, label + bytes(bytearray([i])),
                                                 hashlib.sha256).digest())
    return dict(zip(sorted(items), order))


# IPv4 first octets masked among themselves: every octet but 0, 127, 169 and 224-255 (169 keeps
# its octet: 169.254.0.0/16 is link-local, the rest of 169 is masked from the second octet on)
_ORDINARY_OCTETS = tuple(o for o in range(1, 224) if o not in (127, 169))
_OCTETS_169 = tuple(o for o in range(256) if o != 254)


def _kept_ipv4(value):
    first = value >> 24
    return first in (0, 127) or first >= 224 or (value >> 16) == (169 << 8 | 254)


class Redactor(object):
    def __init__(self, key=None, names=None):
        self.key = key if key is not None else os.urandom(32)
        # category -> {original lower-case -> masked}
        self.names = dict((c, {}) for c in CATEGORIES)
        self.tokens = {}      # original lower-case -> its token (whatever its category)
        self.owners = {}      # token -> original lower-case
        self.collisions = []  # (name, other name): resolved here by a longer token
        self.macs = set()  # known MACs (12 lower-case hex digits): masked in any spelling
        self._cache = {}
        self._pattern = None
        self._octets = None
        for category, table in sorted((names or {}).items()):
            for original, masked in sorted(table.items()):
                self._record(category, original.lower(), masked)

    # -- the map -------------------------------------------------------------------------------

    @classmethod
    def load(cls, data):
        """A redactor from the bytes (or text) of a map. RedactMapError (one line) when it is not
        a sound map: nothing of a bad map is used."""
        try:
            doc = inputs.loads(data, "the redaction map")
        except inputs.InputError as exc:
            raise RedactMapError(str(exc))
        if isinstance(doc, dict) and doc.get("schema") == OLD_MAP_SCHEMA:
            raise RedactMapError("a redaction map of an older esxi-diag (%s): its numbered masks "
                                 "cannot stay consistent when hosts mask at the same time; give "
                                 "a new file name to start a new map (what was masked with the "
                                 "old one keeps its masks)" % OLD_MAP_SCHEMA)
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

    def _digest(self, lower):
        return _b32(hmac.new(self.key, b"name\x00" + lower.encode("utf-8"),
                             hashlib.sha256).digest())

    def _record(self, category, lower, masked):
        """An entry of a loaded map, checked: its token is a prefix of this key's digest of the
        name, one token per name, one name per token."""
        if category not in self.names:
            raise RedactMapError("the redaction map has an unknown category %r" % category)
        suffix = ".invalid" if category == "domain" else ""
        prefix = category + "-"
        token = masked[len(prefix):len(masked) - len(suffix)] if masked.startswith(prefix) and \
            masked.endswith(suffix) else ""
        if len(token) < TOKEN_CHARS or not self._digest(lower).startswith(token):
            raise RedactMapError("the redaction map's mask %r for a %s name was not made with "
                                 "its key" % (masked[:80], category))
        if self.tokens.get(lower, token) != token or self.owners.get(token, lower) != lower:
            raise RedactMapError("the redaction map gives two names one mask, or one name two "
                                 "masks (%r)" % masked[:80])
        self.tokens[lower] = token
        self.owners[token] = lower
        self.names[category][lower] = masked

    def _token(self, lower):
        """The name's token: the shortest prefix of its digest (TOKEN_CHARS, then TOKEN_STEP more
        at a time) that no other name of this map has."""
        token = self.tokens.get(lower)
        if token is not None:
            return token
        digest = self._digest(lower)
        n = TOKEN_CHARS
        token = digest[:n]
        while self.owners.get(token, lower) != lower and n < len(digest):
            self.collisions.append((lower, self.owners[token]))
            n += TOKEN_STEP
            token = digest[:n]
        self.tokens[lower] = token
        self.owners[token] = lower
        return token

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
        lower = name.lower()
        if lower not in table:
            masked = "%s-%s" % (category, self._token(lower))
            if category == "domain":
                masked += ".invalid"
            table[lower] = masked
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
        for note in report.get("notes_message") or []:  # names only a note holds
            if isinstance(note, dict) and note.get("id") == "note.hostname-changed" and \
                    isinstance(note.get("params"), dict):
                for key in ("old", "new"):
                    self.add_name("host", note["params"].get(key))
            if isinstance(note, dict) and note.get("id") == "note.several-hosts" and \
                    isinstance(note.get("params"), dict):
                for host in note["params"].get("hosts") or []:
                    self.add_name("host", host)
        source = report.get("source") or {}
        if source.get("type") != "live":  # a file the user named: its path may name the site
            name = source.get("name")
            if isinstance(name, str) and name not in ("standard input",) and \
                    name not in _builtin_profiles():
                self.learn_paths([name])

    def learn_vms(self, vms):
        """VM names, the datastore, folders and file name of each .vmx path, the networks the
        VMs' adapters and ports are on, and the VMs' notes."""
        for vm in vms.get("list") or [] if isinstance(vms, dict) else []:
            if not isinstance(vm, dict):
                continue
            self.add_name("vm", vm.get("name"))
            self.add_name("vm", vm.get("display_name"))
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
        """The words of a peer's label (``esx02 vmk1``: the peer's host name, read from its
        report), masked as host names, so that a host's name masks alike in its own report and
        as another host's peer."""
        if not isinstance(label, str):
            return
        for word in label.split():
            self.add_name("host", word)

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
        paths = [p for p in paths if p not in _builtin_profiles() and p != "-"]
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
        elif addr.version == 4:
            masked = str(ipaddress.IPv4Address(self._ipv4(int(addr))))
        elif addr.is_loopback or addr.is_unspecified or _is_netmask(addr):
            masked = text
        else:
            masked = str(ipaddress.IPv6Address(self._bits(int(addr), 128, 16)))
            if text != text.lower():
                masked = masked.upper()
        self._cache[text] = masked
        return masked

    def _ipv4(self, value):
        """A keyed permutation of the IPv4 addresses that keeps each address's kind (module
        docstring): the first octet through a keyed permutation of the ordinary octets (in
        169.0.0.0/8, the second octet through one of every octet but 254), the rest
        prefix-preserving under the original prefix."""
        if _kept_ipv4(value):
            return value
        if self._octets is None:
            self._octets = (_shuffled(self.key, b"ipv4-octet", _ORDINARY_OCTETS),
                            _shuffled(self.key, b"ipv4-169", _OCTETS_169))
        first = value >> 24
        if first == 169:
            second = self._octets[1][(value >> 16) & 0xff]
            return (169 << 24) | (second << 16) | (self._bits(value, 32, 16) & 0xffff)
        return (self._octets[0][first] << 24) | (self._bits(value, 32, 8) & 0xffffff)

    def mac(self, text):
        """A MAC in any spelling: the same masked digits whatever the spelling, OUI kept, the
        other 24 bits through a keyed permutation (a 4-round Feistel network on two 12-bit
        halves), so that two MACs never share a mask."""
        digits = re.sub(r"[^0-9A-Fa-f]", "", text).lower()
        tail = int(digits[6:12], 16)
        left, right = tail >> 12, tail & 0xfff
        for round_ in range(4):
            digest = bytearray(hmac.new(self.key, ("mac%d:%d" % (round_, right)).encode("ascii"),
                                        hashlib.sha256).digest())
            left, right = right, left ^ ((digest[0] << 8 | digest[1]) & 0xfff)
        return _respell(text, digits[:6] + "%06x" % (left << 12 | right))

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


# -- the map file: created once, shared, merged under a lock ------------------------------------

def _files():
    from esxi_diag.sources import hostfiles  # the live file system (imported when a map is used)
    return hostfiles.LiveFiles()


def _read_map(path):
    """The Redactor of the map at ``path``, or None when there is none. A map being created by
    another process at this moment (an empty placeholder) is waited for, briefly."""
    for _ in range(50):
        try:
            data = inputs.read_file(path, inputs.JSON_BYTES)
        except inputs.InputError as exc:
            if not os.path.exists(path):
                return None
            raise RedactMapError(str(exc))
        if data.strip():
            return Redactor.load(data)
        time.sleep(0.02)
    raise RedactMapError("%s is empty" % path)


def open_map(path):
    """(redactor, created): the map at ``path``, or a new one created there exclusively (owner
    only, complete or absent) so that runs starting at the same moment share one key."""
    found = _read_map(path)
    if found is not None:
        return found, False
    fresh = Redactor()
    try:
        created = _files().create_atomic(path, fresh.dump(), mode=0o600)
    except OSError as exc:
        raise RedactMapError("cannot create %s: %s" % (path, exc.strerror or exc))
    if created:
        return fresh, True
    found = _read_map(path)  # another run created it first: its key is the site's
    if found is None:
        raise RedactMapError("%s vanished while it was being read" % path)
    return found, False


class _Lock(object):
    """``<map>.lock``, created exclusively (any file system: no flock), removed after; a lock
    older than LOCK_STALE_S is a crashed run's and is taken over."""

    def __init__(self, path):
        self.path = path + ".lock"

    def __enter__(self):
        files = _files()
        deadline = time.time() + LOCK_WAIT_S
        while True:
            if files.create_new(self.path, "%d\n" % os.getpid(), mode=0o600):
                return self
            try:
                age = time.time() - os.stat(self.path).st_mtime
            except OSError:
                age = 0.0
            if age > LOCK_STALE_S:
                files.remove(self.path)
                continue
            if time.time() > deadline:
                raise OSError(errno.EAGAIN, "locked by another run for more than %d s (%s)" % (
                    LOCK_WAIT_S, self.path))
            time.sleep(0.02)

    def __exit__(self, *exc):
        try:
            os.unlink(self.path)
        except OSError:
            pass
        return False


def merge(saved, ours):
    """Merge the names ``ours`` learned into ``saved`` (the map as it is on disk now; the same
    key). Returns one line per conflict: a name ``ours`` masked otherwise than the map already
    does, or a mask the map already gives another name (possible only when runs that never saw
    each other's names both needed a longer token, or with odds of 2^-50 per pair of names).
    The map keeps its entry; what ``ours`` wrote for that name is ambiguous and is said."""
    conflicts = []
    for category in CATEGORIES:
        for lower, masked in sorted(ours.names[category].items()):
            known = saved.names[category].get(lower)
            if known == masked:
                continue
            token = ours.tokens[lower]
            if known is not None or saved.tokens.get(lower, token) != token:
                conflicts.append("%s was masked %s here, but %s by another run" % (
                    lower, masked, known or saved.tokens[lower]))
                continue
            owner = saved.owners.get(token)
            if owner is not None and owner != lower:
                conflicts.append("%s and %s were both masked %s (by different runs)" % (
                    lower, owner, masked))
                continue
            saved.tokens[lower] = token
            saved.owners[token] = lower
            saved.names[category][lower] = masked
    return conflicts


def save_map(path, ours):
    """Write what ``ours`` learned into the map at ``path`` (owner-only, atomically), merged with
    what other runs wrote there meanwhile, under the map's lock. Returns the conflicts (merge).
    RedactMapError when the file now holds another key (it is then left alone); OSError when it
    cannot be written."""
    with _Lock(path):
        saved = _read_map(path)
        conflicts = []
        if saved is None:
            saved = ours
        elif saved.key != ours.key:
            raise RedactMapError("%s now holds another key (it was replaced during this run)" %
                                 path)
        else:
            conflicts = merge(saved, ours)
        _files().write_atomic(path, saved.dump(), mode=0o600)
    return conflicts
