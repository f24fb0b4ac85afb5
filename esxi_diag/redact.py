"""Consistent masking for support cases (``--redact``), in the spirit of ``sos clean``.

What is masked, everywhere (reports and raw outputs alike), the same way each time:

- IPv4 and IPv6 addresses, **prefix-preserving**: for every prefix length, two addresses share
  that prefix after masking exactly when they did before, so subnets stay subnets, a gateway stays
  in its vmknic's subnet, and the analysis of masked outputs gives the same findings. (A keyed
  Crypto-PAn-style scheme: bit i of the output is bit i of the input XOR a keyed hash of the bits
  before it.) Netmasks (contiguous ones, such as 255.255.255.192), 0.0.0.0 and loopback are kept;
  an IPv6 address keeps its first 16 bits (fe80::, 2001:...), so its kind stays visible.
- MAC addresses: the vendor prefix (OUI, e.g. VMware's 00:50:56) is kept, the rest masked.
- Host names, FQDNs and domains (also inside other text), port group, distributed switch,
  datastore and peer-label names: replaced by ``host-01``, ``portgroup-01``... VMware's own
  default names (Management Network, VM Network, vSwitchN, defaultTcpipStack...) are kept.
- UUIDs (``8-4-4-4-12`` and the VDS form ``50 1e 5b ... -18 f3 ...``).

The private map (the key and every name mapping) is written beside the output, never inside it,
and can be given back with ``--redact-map`` so that several hosts of one site mask consistently.
"""

import hashlib
import hmac
import ipaddress
import json
import os
import re

MAP_SCHEMA = "esxi-diag-redact-map/1"

_IPV4 = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?![\w.]*\d)")
_IPV6 = re.compile(r"(?<![\w:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\w:])")
_MAC = re.compile(r"(?<![\w:])([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})(?![\w:])")
_UUID = re.compile(r"(?<![\w-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-"
                   r"[0-9A-Fa-f]{12}(?![\w-])")
_VDS_UUID = re.compile(r"(?<![\w])(?:[0-9a-f]{2} ){7}[0-9a-f]{2}-(?:[0-9a-f]{2} ){7}[0-9a-f]{2}"
                       r"(?![\w])")

_BUILTIN_PROFILES = ("lan", "ldvm", "wan-faults", "broken")
KEEP_NAMES = set(n.lower() for n in (
    "Management Network", "VM Network", "defaultTcpipStack", "vmotion", "vSphereProvisioning",
    "localhost", "N/A"))
_GENERIC = re.compile(r"^(vSwitch\d+|vmk\d+|vmnic\d+|vusb\d+|DvsPortset-\d+)$")
CATEGORIES = ("host", "domain", "portgroup", "switch", "datastore", "peer", "file")


class RedactMapError(ValueError):
    pass


def _is_netmask(address):
    value = int(address)
    bits = address.max_prefixlen
    inverted = (~value) & ((1 << bits) - 1)
    return (inverted & (inverted + 1)) == 0  # ones then zeros only


class Redactor(object):
    def __init__(self, key=None, names=None):
        self.key = key if key is not None else os.urandom(32)
        # category -> {original lower-case -> masked}
        self.names = dict((c, dict((names or {}).get(c, {}))) for c in CATEGORIES)
        self._cache = {}

    # -- the map -------------------------------------------------------------------------------

    @classmethod
    def load(cls, text):
        try:
            data = json.loads(text)
        except ValueError:
            raise RedactMapError("the redaction map is not JSON")
        if not isinstance(data, dict) or data.get("schema") != MAP_SCHEMA or \
                not isinstance(data.get("key"), str):
            raise RedactMapError("not an esxi-diag redaction map")
        try:
            key = bytes(bytearray.fromhex(data["key"]))
        except ValueError:
            raise RedactMapError("the redaction map's key is not hex")
        return cls(key, data.get("names") or {})

    def dump(self):
        return json.dumps({"schema": MAP_SCHEMA, "key": "".join("%02x" % b for b in
                                                               bytearray(self.key)),
                           "names": self.names,
                           "note": "PRIVATE: maps masked names back to the real ones, and its "
                                   "key unmasks addresses. Keep it; never attach it to a case."},
                          indent=2, sort_keys=True) + "\n"

    # -- names ---------------------------------------------------------------------------------

    def add_name(self, category, name):
        if not name or not isinstance(name, str):
            return
        name = name.strip()
        if len(name) < 3 or name.lower() in KEEP_NAMES or _GENERIC.match(name):
            return
        table = self.names[category]
        if name.lower() not in table:
            masked = "%s-%02d" % (category, len(table) + 1)
            if category == "domain":
                masked += ".invalid"
            table[name.lower()] = masked

    def learn(self, report):
        """Collect the names to mask from a report (facts of the host and its peers)."""
        host = report.get("host") or {}
        fqdn, hostname = host.get("fqdn"), host.get("hostname")
        if fqdn and hostname and fqdn.lower().startswith(hostname.lower() + "."):
            self.add_name("domain", fqdn[len(hostname) + 1:])
        self.add_name("host", hostname)
        for pg in report.get("portgroups") or []:
            self.add_name("portgroup", pg.get("name"))
        for v in report.get("vmknics") or []:
            self.add_name("portgroup", v.get("portgroup"))
            self.add_name("switch", v.get("vds_name"))
        for s in report.get("vswitches") or []:
            self.add_name("switch", s.get("name"))
        for p in (report.get("reachability") or {}).get("peers") or []:
            self.add_name("peer", p.get("label"))
        for path in re.findall(r"/vmfs/volumes/([^/\s\"']+)", json.dumps(report)):
            self.add_name("datastore", path)
        source = report.get("source") or {}
        if source.get("type") != "live":  # a file the user named: its path may name the site
            name = source.get("name")
            if name and name not in ("standard input",) and name not in _BUILTIN_PROFILES:
                self.add_name("file", name)
                self.add_name("file", os.path.basename(name))

    def learn_paths(self, paths):
        for path in paths or []:
            if path and path != "-":
                self.add_name("file", path)
                self.add_name("file", os.path.basename(path))

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
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        try:
            addr = ipaddress.ip_address(text)
        except ValueError:
            return text
        if addr.is_loopback or addr.is_unspecified or _is_netmask(addr) or (
                addr.version == 4 and str(addr) == "255.255.255.255"):
            masked = text
        elif addr.version == 4:
            masked = str(ipaddress.IPv4Address(self._bits(int(addr), 32, 0)))
        else:
            masked = str(ipaddress.IPv6Address(self._bits(int(addr), 128, 16)))
        self._cache[text] = masked
        return masked

    def mac(self, text):
        octets = text.lower().split(":")
        digest = bytearray(hmac.new(self.key, b"mac" + ":".join(octets[3:]).encode("ascii"),
                                    hashlib.sha256).digest())
        return ":".join(octets[:3] + ["%02x" % b for b in digest[:3]])

    def _uuid(self, text, sep_pattern):
        digest = hmac.new(self.key, b"uuid" + text.lower().encode("ascii"),
                          hashlib.sha256).hexdigest()
        out = []
        i = 0
        for ch in text:
            if ch in "0123456789abcdefABCDEF":
                out.append(digest[i % len(digest)])
                i += 1
            else:
                out.append(ch)
        return "".join(out)

    # -- text ----------------------------------------------------------------------------------

    def text(self, text):
        """Mask everything this redactor knows in ``text``."""
        if not text:
            return text
        text = _UUID.sub(lambda m: self._uuid(m.group(0), "-"), text)
        text = _VDS_UUID.sub(lambda m: self._uuid(m.group(0), " "), text)
        text = _MAC.sub(lambda m: self.mac(m.group(1)), text)
        text = _IPV6.sub(lambda m: self.address(m.group(1)) if m.group(1).count(":") >= 2
                         else m.group(1), text)
        text = _IPV4.sub(lambda m: self.address(m.group(1)), text)
        pairs = []
        for category in CATEGORIES:
            pairs.extend(self.names[category].items())
        # longest first: an FQDN before its host name, a domain before its parts
        for original, masked in sorted(pairs, key=lambda p: -len(p[0])):
            text = re.sub(r"(?<![\w-])%s(?![\w-])" % re.escape(original), masked, text,
                          flags=re.IGNORECASE)
        return text

    def value(self, value):
        """Mask a JSON-like value (strings inside dicts and lists)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return dict((self.text(k) if isinstance(k, str) else k, self.value(v))
                        for k, v in value.items())
        return value
