"""Table cells that can be trusted: what each column may hold, and reading a row whose spacing is
lost.

A table row is normally cut at its column positions (human.py, esxcfg.py). A row can lose its
alignment: a web form collapsed every run of blanks into one, a ``100000Mbps`` pushed the columns
after it, a highlight was added by hand. Such a row is read from its blank-separated tokens only
when exactly one way of giving the tokens to the columns fits what every column may hold
(``fit``); otherwise the row is unknown. A value is never shifted into the wrong field.

A ``Column`` says what a cell may hold: a check of its text, whether it may be empty, whether it
may contain blanks. A *schema* maps normalised header keys (keys.norm_key) to columns; a column
the schema does not name may hold one blank-free word or nothing.
"""

import ipaddress
import re

MAX_TOKENS = 48  # a row with more blank-separated tokens than this is not fitted (time bound)

_INT = re.compile(r"^-?\d{1,12}$")
_MAC = re.compile(r"^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$")
_VMK = re.compile(r"^vmk\d{1,4}$")
_NIC = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,31}$")
_WORD = re.compile(r"^\S{1,256}$")
_UPPER_LIST = re.compile(r"^[A-Za-z]{1,20}(?:, ?[A-Za-z]{1,20}){0,5}$")
_COMMA_LIST = re.compile(r"^[A-Za-z][^\s,]{0,63}(?:,[A-Za-z][^\s,]{0,63}){0,63},?$")
_NA = ("N/A", "n/a", "-", "None", "none", "<none>")


def is_ipv4(text):
    try:
        ipaddress.IPv4Address(str(text))
        return True
    except (ValueError, ipaddress.AddressValueError):
        return False


def is_ipv6(text):
    text = str(text)
    if "%" in text:  # fe80::1%vmk0
        text = text.split("%", 1)[0]
    try:
        ipaddress.IPv6Address(text)
        return True
    except (ValueError, ipaddress.AddressValueError):
        return False


def is_ip(text):
    return is_ipv4(text) or is_ipv6(text)


def prefix_length(netmask):
    """The prefix length of a dotted IPv4 netmask (contiguous ones), else None."""
    text = netmask if isinstance(netmask, str) else None
    if not is_ipv4(text) or _INT.match(text) or not is_netmask(text):
        return None
    return bin(int(ipaddress.IPv4Address(text))).count("1")


def is_netmask(text):
    """A dotted IPv4 netmask (contiguous ones) or a prefix length."""
    if _INT.match(text or ""):
        return 0 <= int(text) <= 128
    if not is_ipv4(text):
        return False
    value = int(ipaddress.IPv4Address(text))
    inverted = (~value) & 0xFFFFFFFF
    return (inverted & (inverted + 1)) == 0


def is_mac(text):
    return bool(_MAC.match(text or ""))


def is_na(text):
    return text in _NA


class Column(object):
    __slots__ = ("check", "empty", "spaces")

    def __init__(self, check, empty=False, spaces=False):
        self.check = check
        self.empty = empty
        self.spaces = spaces

    def ok(self, value):
        if value == "":
            return self.empty
        if not self.spaces and " " in value:
            return False
        return bool(self.check(value))


def _re(pattern):
    return lambda v: bool(pattern.match(v))


def _or_na(check):
    return lambda v: is_na(v) or check(v)


def _one_of(*words):
    lowered = set(w.lower() for w in words)
    return lambda v: v.lower() in lowered


WORD = Column(_re(_WORD))
ANY_WORD = Column(_re(_WORD), empty=True)
TEXT = Column(lambda v: True, spaces=True)
TEXT_OR_EMPTY = Column(lambda v: True, empty=True, spaces=True)
INT = Column(_re(_INT))
VMK = Column(_re(_VMK))
NIC = Column(_re(_NIC))
BOOL = Column(_one_of("true", "false"))
IP = Column(_or_na(is_ip))
IP_OR_EMPTY = Column(_or_na(is_ip), empty=True)
NETMASK = Column(_or_na(is_netmask))
NETMASK_OR_EMPTY = Column(_or_na(is_netmask), empty=True)
MAC = Column(_or_na(is_mac))
ROUTE_NETWORK = Column(lambda v: v.lower() == "default" or is_ip(v))
ROUTE_GATEWAY = Column(lambda v: v.lower() == "local subnet" or is_na(v) or is_ip(v),
                       spaces=True)
ADDRESS_TYPE = Column(_re(_UPPER_LIST), spaces=True)
FAMILY = Column(_one_of("IPv4", "IPv6"))
SPEED_MBPS = Column(_re(re.compile(r"^\d{1,9}(?:Mbps)?$", re.I)))
UPLINKS = Column(_re(_COMMA_LIST), empty=True)
VLAN = Column(lambda v: bool(_INT.match(v)) and 0 <= int(v) <= 4095)


# Schemas of the tables esxi-diag reads (keys are keys.norm_key of the header names).
IPV4_TABLE = {"name": VMK, "ipv4address": IP, "ipv4netmask": NETMASK, "ipv4broadcast": IP,
              "addresstype": WORD, "gateway": IP, "dhcpdns": BOOL}
IPV6_TABLE = {"interface": VMK, "name": VMK, "address": WORD, "netmask": WORD, "type": WORD,
              "status": WORD}
ROUTE_TABLE = {"network": ROUTE_NETWORK, "netmask": NETMASK, "gateway": ROUTE_GATEWAY,
               "interface": WORD, "source": WORD}
NIC_TABLE = {"name": NIC, "pcidevice": WORD, "pci": WORD, "driver": WORD, "adminstatus": WORD,
             "linkstatus": WORD, "link": WORD, "speed": SPEED_MBPS, "duplex": WORD,
             "macaddress": MAC, "mtu": INT, "description": TEXT_OR_EMPTY}
PORTGROUP_TABLE = {"name": TEXT, "virtualswitch": TEXT, "activeclients": INT, "vlanid": VLAN}
ESXCFG_VMKNIC_TABLE = {
    "interface": VMK, "portgroupdvportopaquenetwork": TEXT, "portgroupdvport": TEXT,
    "portgroup": TEXT, "ipfamily": FAMILY, "ipaddress": IP, "netmask": NETMASK,
    "broadcast": IP_OR_EMPTY, "macaddress": MAC, "mtu": INT, "tsomss": INT, "enabled": BOOL,
    "type": ADDRESS_TYPE, "netstack": WORD}
VSWITCH_TABLE = {"switchname": TEXT, "dvsname": TEXT, "numports": INT, "usedports": INT,
                 "configuredports": INT, "mtu": INT, "uplinks": UPLINKS}
VSWITCH_PORTGROUP_TABLE = {"portgroupname": TEXT, "vlanid": VLAN, "usedports": INT,
                           "uplinks": UPLINKS}
VSWITCH_DVPORT_TABLE = {"dvportid": WORD, "inuse": INT, "client": ANY_WORD}

# Header names made of several words, for headers whose blanks were collapsed.
HEADER_PHRASES = (
    "Port Group/DVPort/Opaque Network", "Port Group/DVPort", "Port Group", "IP Family",
    "IP Address", "MAC Address", "TSO MSS", "IPv4 Address", "IPv4 Netmask", "IPv4 Broadcast",
    "Address Type", "DHCP DNS", "PCI Device", "Admin Status", "Link Status", "Virtual Switch",
    "Active Clients", "VLAN ID", "Switch Name", "Num Ports", "Used Ports", "Configured Ports",
    "PortGroup Name", "DVS Name", "DVPort ID", "In Use", "World ID",
    "Enable/Disable configurable", "Allowed IP configurable", "Port Type", "Port Begin",
    "Port End", "Guest OS")


def column_of(schema, key):
    if schema is None:
        return ANY_WORD
    return schema.get(key, ANY_WORD)


def valid_cells(keys, cells, schema):
    """True when every cell holds what its column may hold."""
    for key, cell in zip(keys, cells):
        if not column_of(schema, key).ok(cell):
            return False
    return True


def tokens_of(line):
    """(tokens, joinable): the blank-separated words of a line, and for each word whether a
    single blank separates it from the next (words of one cell never have more between them)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
    tokens = [line[a:b] for a, b in spans]
    joinable = [spans[i + 1][0] - spans[i][1] == 1 for i in range(len(spans) - 1)]
    return tokens, joinable


def fit(tokens, columns, joinable=None):
    """The cells of a row from its blank-separated tokens, or None unless exactly one way of
    giving the tokens (in order) to the columns fits every column. ``joinable[j]`` False: tokens
    j and j+1 cannot be in one cell."""
    n, m = len(columns), len(tokens)
    if n == 0 or m > MAX_TOKENS:
        return None
    # longest[j]: the most tokens a cell starting at token j can hold
    longest_from = [1] * (m + 1)
    for j in range(m - 2, -1, -1):
        if joinable is None or joinable[j]:
            longest_from[j] = longest_from[j + 1] + 1
    # ways[i][j]: in how many ways columns i.. take tokens j.. (counted up to 2)
    ways = [[0] * (m + 1) for _ in range(n + 1)]
    pick = [[None] * (m + 1) for _ in range(n + 1)]
    ways[n][m] = 1
    for i in range(n - 1, -1, -1):
        col = columns[i]
        for j in range(m, -1, -1):
            total = 0
            longest = min(m - j, longest_from[j]) if col.spaces else min(1, m - j)
            for k in range(0 if col.empty else 1, longest + 1):
                if not ways[i + 1][j + k]:
                    continue
                if not col.ok(" ".join(tokens[j:j + k])):
                    continue
                total += ways[i + 1][j + k]
                pick[i][j] = k
                if total > 1:
                    break
            ways[i][j] = min(total, 2)
    if ways[0][0] != 1:
        return None
    cells = []
    j = 0
    for i in range(n):
        k = pick[i][j]
        cells.append(" ".join(tokens[j:j + k]))
        j += k
    return cells


def split_header(tokens):
    """Header names from the blank-separated tokens of a collapsed header (known multi-word
    names kept together, the longest first)."""
    names = []
    i = 0
    phrases = sorted(((p.split(" "), p) for p in HEADER_PHRASES), key=lambda p: -len(p[0]))
    while i < len(tokens):
        for words, phrase in phrases:
            if tokens[i:i + len(words)] == words:
                names.append(phrase)
                i += len(words)
                break
        else:
            names.append(tokens[i])
            i += 1
    return names
