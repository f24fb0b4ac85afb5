"""What esxi-diag can read: each command kind, its command line, and the parser shape of its output.

A *kind* names one piece of host data (``ip.interface.list``, ``ip.route.ipv4`` for one netstack...).
For every kind this module knows:

- ``argv(kind, params, xml)``: the command line the collector runs (``--formatter=xml``) or the one a
  person types (default formatter), used by the ``commands`` list and the simulator's transcripts;
- ``recognise(argv)``: which kind a command line typed in a transcript is, with its parameters;
- ``parse(kind, text)``: the output as generic rows (dicts with normalised keys).

Names that reach a command line (vmknics, netstacks, advanced options) are validated here.
"""

import re
import shlex

from esxi_diag.parsers import ParseError, Rows, cells, cut_of, esxcfg, human, ping, vsish
from esxi_diag.parsers import xml as xmlparse

DEFAULT_NETSTACK = "defaultTcpipStack"
LINE_RATE_OPTION = "/Migrate/NetExpectedLineRateMBps"
LATENCY_OPTION = "/Migrate/NetLatencyModeThreshold"

_VMKNIC = re.compile(r"^vmk[0-9]{1,4}$")
_NETSTACK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_OPTION = re.compile(r"^(/[A-Za-z0-9_]+){2}$")


def valid_vmknic(name):
    return isinstance(name, str) and bool(_VMKNIC.match(name))


def valid_netstack(name):
    return isinstance(name, str) and bool(_NETSTACK.match(name))


def valid_option(path):
    return isinstance(path, str) and bool(_OPTION.match(path))


def sbmax_node(netstack):
    return "/net/tcpip/instances/%s/sbMax" % netstack


def config_node(option):
    """``/Migrate/NetExpectedLineRateMBps`` -> ``/config/Migrate/intOpts/NetExpectedLineRateMBps``."""
    module, name = option.strip("/").split("/", 1)
    return "/config/%s/intOpts/%s" % (module, name)


# esxcli kinds: namespace words, output shape of the default formatter, and the options that carry
# parameters (option spellings -> parameter name).
_ESXCLI = (
    ("system.version", ("system", "version", "get"), "stanza", {}),
    ("system.hostname", ("system", "hostname", "get"), "stanza", {}),
    ("ip.interface.list", ("network", "ip", "interface", "list"), "stanzas",
     {"-N": "netstack", "--netstack": "netstack"}),
    ("ip.interface.ipv4", ("network", "ip", "interface", "ipv4", "get"), "table",
     {"-i": "vmknic", "--interface-name": "vmknic", "-N": "netstack", "--netstack": "netstack"}),
    ("ip.interface.ipv6", ("network", "ip", "interface", "ipv6", "address", "list"), "table", {}),
    ("ip.interface.tags", ("network", "ip", "interface", "tag", "get"), "tags",
     {"-i": "vmknic", "--interface-name": "vmknic"}),
    ("ip.netstack.list", ("network", "ip", "netstack", "list"), "stanzas", {}),
    ("ip.route.ipv4", ("network", "ip", "route", "ipv4", "list"), "table",
     {"-N": "netstack", "--netstack": "netstack"}),
    ("ip.route.ipv6", ("network", "ip", "route", "ipv6", "list"), "table",
     {"-N": "netstack", "--netstack": "netstack"}),
    ("system.encryption", ("system", "settings", "encryption", "get"), "stanza", {}),
    ("nic.list", ("network", "nic", "list"), "table", {}),
    ("vswitch.standard.list", ("network", "vswitch", "standard", "list"), "stanzas",
     {"-v": "vswitch", "--vswitch-name": "vswitch"}),
    ("vswitch.portgroup.list", ("network", "vswitch", "standard", "portgroup", "list"), "table", {}),
    ("vswitch.dvs.list", ("network", "vswitch", "dvs", "vmware", "list"), "stanzas", {}),
    ("advanced.option", ("system", "settings", "advanced", "list"), "stanzas",
     {"-o": "option", "--option": "option"}),
    ("diag.ping", ("network", "diag", "ping"), "diagping",
     {"-H": "target", "--host": "target", "-I": "vmknic", "--interface": "vmknic",
      "--netstack": "netstack", "-s": "size", "--size": "size", "-c": "count",
      "--count": "count", "-d": "df", "--df": "df", "-i": "interval", "--interval": "interval",
      "-N": "nexthop", "--nexthop": "nexthop", "-W": "wait", "--wait": "wait", "-t": "ttl",
      "--ttl": "ttl", "-4": "ipv4", "--ipv4": "ipv4", "-6": "ipv6", "--ipv6": "ipv6"}),
)
# Command forms read from pasted sessions (issue 10): newer and older spellings of the same data.
_ESXCLI_FORMS = (
    # 7.0+: one row per vmknic, same columns as ``ipv4 get`` (Gateway 0.0.0.0 means none)
    ("ip.interface.ipv4.address", ("network", "ip", "interface", "ipv4", "address", "list"),
     "table", {"-i": "vmknic", "--interface-name": "vmknic", "-N": "netstack",
               "--netstack": "netstack"}),
)
_ESXCLI = _ESXCLI + _ESXCLI_FORMS
ESXCLI_KINDS = dict((k, (words, shape, opts)) for k, words, shape, opts in _ESXCLI)
_FLAG_PARAMS = ("df", "ipv4", "ipv6")

# Non-esxcli kinds (shape only).
OTHER_KINDS = {
    "vsish.sbmax": "vsish",
    "vsish.config": "vsish",
    "esxcfg.vmknic": "esxcfg-vmknic",
    "esxcfg.route": "esxcfg-route",
    "esxcfg.defaultgw": "esxcfg-defaultgw",
    "esxcfg.nics": "esxcfg-nics",
    "vmware.version": "vmware-vl",
    "ping": "vmkping",
    "system.secureboot": "secureboot",
}
# Command forms read from pasted sessions (issue 10).
OTHER_KINDS.update({
    "esxcfg.vswitch": "esxcfg-vswitch",
})

# What the cells of each table may hold (parsers/cells.py): a row that does not line up is read
# from its tokens only when they fit these one way.
_TABLE_SCHEMAS = {
    "ip.interface.ipv4": cells.IPV4_TABLE,
    "ip.interface.ipv4.address": cells.IPV4_TABLE,
    "ip.interface.ipv6": cells.IPV6_TABLE,
    "ip.route.ipv4": cells.ROUTE_TABLE,
    "nic.list": cells.NIC_TABLE,
    "vswitch.portgroup.list": cells.PORTGROUP_TABLE,
}

# A typed command line longer than this is not a command (it is read as not recognised, and
# never tokenised: shlex is quadratic on long tokens).
MAX_COMMAND_CHARS = 4096

# Prints "Enabled" or "Disabled" (REAL on ESXi 7: shared/reference/...-vm-and-security.md, 5).
SECUREBOOT = "/usr/lib/vmware/secureboot/bin/secureBoot.py"

_PARAM_FLAGS = {"vmknic": "-i", "netstack": "-N", "option": "-o"}


def esxcli_argv(kind, params=None, xml=True, cli="esxcli"):
    """The esxcli (or localcli) command line of an esxcli kind."""
    words, _, _ = ESXCLI_KINDS[kind]
    argv = [cli]
    if xml:
        argv.append("--formatter=xml")
    argv.extend(words)
    for name in ("vmknic", "netstack", "option"):
        value = (params or {}).get(name)
        if value is not None:
            argv.extend([_PARAM_FLAGS[name], value])
    return argv


def argv(kind, params=None, xml=True, cli="esxcli"):
    """The command line for a kind the collector runs (or, with xml=False, a person types)."""
    params = params or {}
    if kind in ESXCLI_KINDS:
        return esxcli_argv(kind, params, xml, cli)
    if kind == "vsish.sbmax":
        return ["vsish", "-e", "get", sbmax_node(params["netstack"])]
    if kind == "vsish.config":
        return ["vsish", "-e", "get", config_node(params["option"])]
    if kind == "esxcfg.vmknic":
        return ["esxcfg-vmknic", "-l"]
    if kind == "esxcfg.route":
        extra = ["-N", params["netstack"]] if params.get("netstack") not in (None, DEFAULT_NETSTACK) \
            else []
        return ["esxcfg-route", "-l"] + extra
    if kind == "esxcfg.nics":
        return ["esxcfg-nics", "-l"]
    if kind == "esxcfg.vswitch":
        return ["esxcfg-vswitch", "-l"]
    if kind == "esxcfg.defaultgw":
        return ["esxcfg-route"]
    if kind == "vmware.version":
        return ["vmware", "-vl"]
    if kind == "system.secureboot":
        return [SECUREBOOT, "-s"]
    raise KeyError(kind)


def display(argv_list):
    """A command line as a person would type it."""
    return " ".join(shlex.quote(a) for a in argv_list)


# ---------------------------------------------------------------------------------------------
# Recognising typed command lines (transcripts)

def _option_values(tokens, spec):
    """Parameters from esxcli-style options: ``-i vmk1``, ``--interface-name=vmk1``, flags."""
    params = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        name, value = token, None
        if token.startswith("--") and "=" in token:
            name, value = token.split("=", 1)
        param = spec.get(name)
        if param is None:
            i += 1
            continue
        if param in _FLAG_PARAMS:
            params[param] = True if value is None else value.lower() not in ("false", "0")
            i += 1
            continue
        if value is None:
            value = tokens[i + 1] if i + 1 < len(tokens) else None
            i += 1
        params[param] = value
        i += 1
    return params


def _recognise_esxcli(tokens):
    # skip global options (--formatter=..., --debug, --server ...) before the namespace
    i = 0
    fmt = None
    while i < len(tokens) and tokens[i].startswith("-"):
        if tokens[i].startswith("--formatter"):
            fmt = tokens[i].split("=", 1)[1] if "=" in tokens[i] else (
                tokens[i + 1] if i + 1 < len(tokens) else None)
            if "=" not in tokens[i]:
                i += 1
        i += 1
    words = []
    while i < len(tokens) and not tokens[i].startswith("-"):
        words.append(tokens[i].lower())
        i += 1
    rest = tokens[i:]
    for kind, (kwords, _, spec) in ESXCLI_KINDS.items():
        if tuple(words) == kwords:
            params = _option_values(rest, spec)
            if fmt not in (None, "xml"):
                return None  # csv/keyvalue are not read
            return kind, params
    return None


_VMKPING_VALUE_OPTS = {"-c": "count", "-i": "interval", "-I": "vmknic", "-N": "nexthop",
                       "-s": "size", "-t": "ttl", "-W": "wait", "-S": "netstack"}
_VMKPING_FLAGS = {"-d": "df", "-D": "debug", "-v": "verbose", "-X": "xml", "-4": "ipv4",
                  "-6": "ipv6"}


def _recognise_vmkping(tokens):
    """vmkping/ping options in getopt style (any order, clusters such as ``-ds 1472``), the
    target anywhere, and the old ``++netstack=name`` spelling."""
    params = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("++netstack="):
            params["netstack"] = token.split("=", 1)[1]
        elif token.startswith("-") and len(token) > 1:
            j = 1
            while j < len(token):
                opt = "-" + token[j]
                if opt in _VMKPING_FLAGS:
                    params[_VMKPING_FLAGS[opt]] = True
                    j += 1
                    continue
                if opt in _VMKPING_VALUE_OPTS:
                    value = token[j + 1:]
                    if not value and i + 1 < len(tokens):
                        i += 1
                        value = tokens[i]
                    params[_VMKPING_VALUE_OPTS[opt]] = value
                break  # a value option ends the cluster; an unknown letter is ignored
        elif "target" not in params:
            params["target"] = token
        i += 1
    if "target" not in params:
        return None
    return "ping", params


def recognise(command_line):
    """(kind, params) for a command line typed on an ESXi shell, or None when not recognised."""
    if not isinstance(command_line, str) or len(command_line) > MAX_COMMAND_CHARS:
        return None
    try:
        tokens = shlex.split(command_line)
    except ValueError:
        return None
    if not tokens:
        return None
    prog = tokens[0].rsplit("/", 1)[-1]
    args = tokens[1:]
    if prog in ("esxcli", "localcli"):
        return _recognise_esxcli(args)
    if prog in ("vmkping", "ping", "ping6"):
        found = _recognise_vmkping(args)
        if found and prog == "ping6":
            found[1]["ipv6"] = True
        return found
    if prog == "vsish":
        paths = [a for a in args if a.startswith("/")]
        if "get" not in args or len(paths) != 1:
            return None
        path = paths[0].rstrip("/")
        m = re.match(r"^/net/tcpip/instances/([^/]+)/sbMax$", path)
        if m:
            return "vsish.sbmax", {"netstack": m.group(1)}
        m = re.match(r"^/config/([^/]+)/intOpts/([^/]+)$", path)
        if m:
            return "vsish.config", {"option": "/%s/%s" % (m.group(1), m.group(2))}
        return None
    if prog == "esxcfg-vmknic" and ("-l" in args or "--list" in args):
        return "esxcfg.vmknic", {}
    if prog == "esxcfg-route":
        if "-l" in args or "--list" in args:
            params = _option_values(args, {"-N": "netstack", "--netstack": "netstack"})
            return "esxcfg.route", params
        if not args:
            return "esxcfg.defaultgw", {}
        return None
    if prog == "esxcfg-nics" and ("-l" in args or "--list" in args):
        return "esxcfg.nics", {}
    if prog == "esxcfg-vswitch" and ("-l" in args or "--list" in args):
        return "esxcfg.vswitch", {}
    if prog == "vmware" and args and args[0] in ("-vl", "-lv", "-v", "--version"):
        return "vmware.version", {}
    if prog in ("python", "python3") and args:  # "python .../secureBoot.py -s"
        prog, args = args[0].rsplit("/", 1)[-1], args[1:]
    if prog == "secureBoot.py" and args == ["-s"]:
        return "system.secureboot", {}
    return None


# ---------------------------------------------------------------------------------------------
# Parsing

def looks_like_xml(text):
    head = (text or "").lstrip()[:200]
    return head.startswith("<?xml") or head.startswith("<output")


def _tags_rows(value):
    """Tags from XML (a list of strings, or a structure with a Tags field) or default text."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [{"tags": [v.strip() for v in value if v.strip()]}]
    rows = xmlparse.as_rows(value) if not isinstance(value, str) else []
    for row in rows:
        if "tags" in row:
            return [{"tags": human.split_list(row["tags"])}]
    raise ParseError("no Tags field")


def parse(kind, text):
    """The output of one command as generic rows (a parsers.Rows: its ``cut`` lists what was left
    out of an edited or damaged output). Raises ParseError on garbage."""
    rows = _parse(kind, text)
    return rows if isinstance(rows, Rows) else Rows(rows, cut_of(rows))


def _parse(kind, text):
    if kind in ESXCLI_KINDS:
        shape = ESXCLI_KINDS[kind][1]
        if looks_like_xml(text):
            value = xmlparse.parse_esxcli_xml(text)
            if value is None:
                return []
            if shape == "tags":
                return _tags_rows(value)
            if shape == "diagping":
                return [ping.diag_ping_from_fields(value)]
            return xmlparse.as_rows(value)
        if shape in ("table", "stanzas") and not (text or "").strip():
            return []  # an empty listing: nothing of that kind on this host
        if shape == "table":
            return human.parse_table(text, _TABLE_SCHEMAS.get(kind))
        if shape == "stanza":
            fields = human.parse_stanza(text)
            return Rows([fields], fields.cut)
        if shape == "stanzas":
            stanzas = human.parse_stanzas(text)
            rows = Rows(cut=stanzas.cut)
            for name, fields in stanzas:
                if name is not None:
                    fields.setdefault("name", name)
                rows.append(fields)
            return rows
        if shape == "tags":
            human.check_error(text)
            if not text.strip():
                return [{"tags": []}]
            fields = human.parse_stanza(text)
            if "tags" not in fields:
                raise ParseError("no Tags field")
            return Rows([{"tags": human.split_list(fields["tags"])}], fields.cut)
        if shape == "diagping":
            return [ping.parse_diag_ping(text)]
    shape = OTHER_KINDS.get(kind)
    if shape == "vsish":
        return [{"value": vsish.parse_vsish(text)}]
    if shape == "esxcfg-vmknic":
        return esxcfg.parse_vmknic_list(text)
    if shape == "esxcfg-route":
        return esxcfg.parse_route_list(text)
    if shape == "esxcfg-nics":
        return esxcfg.parse_nics_list(text)
    if shape == "esxcfg-vswitch":
        return esxcfg.parse_vswitch_list(text)
    if shape == "esxcfg-defaultgw":
        return [{"gateway": esxcfg.parse_default_gateway(text)}]
    if shape == "vmware-vl":
        return _parse_vmware_vl(text)
    if shape == "vmkping":
        return [ping.parse_vmkping(text)]
    if shape == "secureboot":
        return [{"enabled": _parse_secureboot(text)}]
    raise ParseError("no parser for %s" % kind)


def _parse_secureboot(text):
    """``secureBoot.py -s`` prints one word: Enabled or Disabled."""
    words = (text or "").split()
    if len(words) == 1 and words[0].lower() in ("enabled", "disabled"):
        return words[0].lower() == "enabled"
    raise ParseError("not 'Enabled' or 'Disabled': %r" % (text or "").strip()[:80])


_VMWARE_VL = re.compile(r"^VMware ESXi\s+(\d+\.\d+(?:\.\d+)?)\s+build-(\d+)", re.I)
_VMWARE_UPDATE = re.compile(r"^VMware ESXi\s+\d+\.\d+(?:\.\d+)?\s+(?:Update\s+(\d+)|GA)", re.I)


def _parse_vmware_vl(text):
    row = {}
    for line in (text or "").splitlines():
        m = _VMWARE_VL.match(line.strip())
        if m:
            row["version"], row["build"] = m.group(1), m.group(2)
            continue
        m = _VMWARE_UPDATE.match(line.strip())
        if m and m.group(1):
            row["update"] = m.group(1)
    if "version" not in row:
        raise ParseError("no 'VMware ESXi <version> build-<n>' line")
    row["product"] = "VMware ESXi"
    return [row]


def vmkping_argv(vmknic, netstack, target, count=3, interval=None, size=None, df=False,
                 wait=None, ipv6=False):
    """A vmkping command line. ``-S`` exactly when the vmknic is not on the default netstack
    (without it vmkping uses the default netstack, and a vmknic of another netstack fails)."""
    if not valid_vmknic(vmknic):
        raise ValueError("invalid vmknic name %r" % (vmknic,))
    if netstack is not None and not valid_netstack(netstack):
        raise ValueError("invalid netstack name %r" % (netstack,))
    argv = ["vmkping"] + (["-6"] if ipv6 else []) + ["-I", vmknic]
    if netstack and netstack != DEFAULT_NETSTACK:
        argv += ["-S", netstack]
    argv += ["-c", str(int(count))]
    if interval is not None:
        argv += ["-i", _seconds(interval)]
    if wait is not None:
        argv += ["-W", _seconds(wait)]
    if df:
        argv.append("-d")
    if size is not None:
        argv += ["-s", str(int(size))]
    argv.append(target)
    return argv


def _seconds(value):
    text = ("%.3f" % float(value)).rstrip("0").rstrip(".")
    return text or "0"


# ---------------------------------------------------------------------------------------------
# Commands that change the host (only ``tune --apply`` and ``--rollback`` run them)

AUTO_BACKUP = ["/sbin/auto-backup.sh"]


def advanced_set_argv(option, value, cli="esxcli"):
    """Persists across reboots by itself."""
    if not valid_option(option):
        raise ValueError("invalid advanced option %r" % (option,))
    return [cli, "system", "settings", "advanced", "set", "-o", option, "-i", str(int(value))]


def sbmax_set_argv(netstack, value):
    """Changes the running value only: lost at reboot unless persisted in local.sh."""
    if not valid_netstack(netstack):
        raise ValueError("invalid netstack name %r" % (netstack,))
    return ["vsish", "-e", "set", sbmax_node(netstack), str(int(value))]
