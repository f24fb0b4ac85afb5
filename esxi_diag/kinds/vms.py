"""Kinds of the virtual machines registered on the host: the inventory (``vim-cmd
vmsvc/getallvms``), each VM's ``.vmx`` (its NICs' networks, its Encrypted vMotion mode and whether
it is an encrypted VM), the running VMs (``esxcli network vm list``) and the ports of some of them
(``esxcli network vm port list -w <World ID>``). Formats: shared/reference/
esxi-output-formats-vm-and-security.md, sections 1 to 3.

The ``.vmx`` is not a command: the collector reads the file itself (bounded in size and time,
sources/collect.py) and keeps the lines that ``grep -i -E VMX_PATTERN <file>`` prints, which is the
command line it records and the one a person types for a transcript. A transcript may also hold
``cat <file>`` or another grep of one .vmx: what its pattern cannot show stays unknown
(``vmx_command``).

Bounds: the .vmx of at most ``MAX_VMX_READS`` VMs are read (ESXi 7 and 8 register at most 1024
per host) and the port lists of at most ``MAX_PORT_LISTS`` running VMs (one esxcli call each: the
VM list already gives every running VM's networks).
"""

import re

from esxi_diag.analysis.model import (complete, mac, none_read, port_id, skip, text, to_int,
                                      uuid_hex)
from esxi_diag.kinds.base import GATE, Kind
from esxi_diag.names import valid_vmx_path, valid_world
from esxi_diag.parsers import ParseError, Rows, cells, human
from esxi_diag.parsers.vms import (ENCRYPTION_MODES, MAX_VMX_BYTES, VMX_PATTERN, grep_vmx,
                                   parse_getallvms, parse_vmx, vm_from_vmx, vmx_path)
from esxi_diag.message import msg

MAX_VMX_READS = 1024
MAX_PORT_LISTS = 8

# what a read of a .vmx can tell, and the lines a grep's pattern must match to tell it
NICS, MIGRATE, ENCRYPTION = "nics", "migrate", "encryption"
EVERYTHING = (NICS, MIGRATE, ENCRYPTION)
_PROBES = {
    NICS: ('ethernet0.present = "TRUE"', 'ethernet0.networkName = "VM Network"',
           'ethernet0.dvs.switchId = "50 1e 5b ad"', 'ethernet0.dvs.portgroupId = "dvportgroup-1"'),
    MIGRATE: ('migrate.encryptionMode = "required"',),
    ENCRYPTION: ('encryption.keySafe = "vmware:key/list"', 'encryption.data = "x"'),
}


# -- vim-cmd vmsvc/getallvms ------------------------------------------------------------------

def _recognise_getallvms(program, args):
    return {} if args == ["vmsvc/getallvms"] else None


def _parse_getallvms(text_value):
    parsed = parse_getallvms(text_value)
    rows = Rows([dict(vm) for vm in parsed["vms"]])
    rows.extend({"skipped": vmid} for vmid in parsed["skipped"])
    return rows


_VMID = re.compile(r"^\d{1,10}$")
_SKIPPED = re.compile(r"^\s*Skipping invalid VM '([^']{1,32})'", re.I | re.M)


def annotation(value, limit=4096):
    """A VM's notes as printed (lines kept), or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = re.sub(r"[\x00-\x09\x0b-\x1f\x7f]", " ", value.strip())
    return value[:limit]


def _inventory(facts, rows, params, capture):
    vm = facts["vm"]
    if vm["inventory"] is not None:
        return
    listed, skipped = [], []
    for row in rows:
        if "skipped" in row:
            skipped.append(text(row["skipped"], 32) or "?")
            continue
        vmid, name = text(row.get("vmid"), 10), text(row.get("name"), 256)
        if vmid is None or not _VMID.match(vmid) or name is None:
            skip(rows, msg("cut.vm-row"))
            continue
        vmx = text(row.get("vmx"), 1024)
        path = vmx_path(vmx)
        listed.append({"vmid": vmid, "name": name, "vmx": vmx,
                       "path": path if valid_vmx_path(path) else None,
                       "datastore": text(row.get("datastore"), 256),
                       "guest": text(row.get("guest"), 64), "version": text(row.get("version"), 16),
                       "annotation": annotation(row.get("annotation"))})
    for found in _SKIPPED.findall(getattr(capture, "stderr", "") or ""):
        if found not in skipped:  # said on stderr when the collector ran it
            skipped.append(found)
    vm["inventory"] = listed
    vm["skipped"] = skipped
    if complete(rows):
        facts["known"].add("vm-inventory")


def _discovers_vmx(rows):
    paths = []
    for row in rows:
        path = vmx_path(row.get("vmx")) if isinstance(row.get("vmx"), str) else None
        if valid_vmx_path(path) and path not in paths:
            paths.append(path)
    return {"vmx": paths[:MAX_VMX_READS]}


# -- a VM's .vmx ---------------------------------------------------------------------------------

def vmx_argv(params):
    return ["grep", "-i", "-E", VMX_PATTERN, params["path"]]


def _pattern_regex(pattern, extended, fixed, icase):
    """A grep pattern as a Python regex that matches the same lines, or None when that cannot be
    told (POSIX classes, back-references, intervals, word boundaries...)."""
    flags = re.I if icase else 0
    if fixed:
        return re.compile(re.escape(pattern), flags)
    if not re.match(r'^[A-Za-z0-9_.^$|()\[\]\\*+?=" \-]*$', pattern) or \
            re.search(r"\\[^.\[\]()|*+?^$\\]", pattern):
        return None
    if not extended:  # basic regex: \| \( \) \+ \? are operators, bare | ( ) + ? are literal
        out, i = [], 0
        while i < len(pattern):
            ch = pattern[i]
            if ch == "\\" and i + 1 < len(pattern) and pattern[i + 1] in "|()+?":
                out.append(pattern[i + 1])
                i += 2
                continue
            if ch == "\\" and i + 1 < len(pattern):
                out.append(pattern[i:i + 2])
                i += 2
                continue
            out.append("\\" + ch if ch in "|()+?" else ch)
            i += 1
        pattern = "".join(out)
    try:
        return re.compile(pattern, flags)
    except re.error:
        return None


def _grep(args, extended):
    """(patterns, files, extended, fixed, icase) of grep's arguments, or None when an option
    changes what it prints (-v, -n, -c, -l, -o, -H...) or is not known."""
    patterns, files = [], []
    fixed = icase = False
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            files.extend(args[i + 1:])
            break
        if arg.startswith("--"):
            name, eq, value = arg.partition("=")
            if name in ("--ignore-case",):
                icase = True
            elif name == "--extended-regexp":
                extended = True
            elif name == "--fixed-strings":
                fixed = True
            elif name == "--regexp":
                if not eq:
                    i += 1
                    if i >= len(args):
                        return None
                    value = args[i]
                patterns.append(value)
            elif name in ("--no-messages", "--no-filename"):
                pass
            else:
                return None
        elif arg.startswith("-") and len(arg) > 1:
            flags = arg[1:]
            for j, ch in enumerate(flags):
                if ch == "i":
                    icase = True
                elif ch == "E":
                    extended = True
                elif ch == "F":
                    fixed = True
                elif ch in "sh":
                    pass
                elif ch == "e":
                    value = flags[j + 1:]
                    if not value:
                        i += 1
                        if i >= len(args):
                            return None
                        value = args[i]
                    patterns.append(value)
                    break
                else:
                    return None
        else:
            files.append(arg)
        i += 1
    if not patterns:
        if not files:
            return None
        patterns.append(files.pop(0))
    return patterns, files, extended, fixed, icase


def vmx_command(argv):
    """(path, what it shows) of a command line that prints one .vmx or part of it: ``cat
    <file>`` shows everything; ``grep``/``egrep`` [-i] [-E] [-F] [-e] PATTERN <file> shows what
    its pattern matches (NICS, MIGRATE, ENCRYPTION: a fact whose lines it may not print is not
    shown). None for anything else (several files, an option that changes the output, a path
    that is not a datastore's .vmx)."""
    if not argv or not isinstance(argv[0], str):
        return None
    program, args = argv[0].rsplit("/", 1)[-1], list(argv[1:])
    if program == "cat":
        if len(args) == 1 and valid_vmx_path(args[0]):
            return args[0], EVERYTHING
        return None
    if program not in ("grep", "egrep"):
        return None
    parsed = _grep(args, program == "egrep")
    if parsed is None:
        return None
    patterns, files, extended, fixed, icase = parsed
    if len(files) != 1 or not valid_vmx_path(files[0]):
        return None
    regexes = [_pattern_regex(p, extended, fixed, icase) for p in patterns]
    shows = []
    if all(r is not None for r in regexes):
        for fact in EVERYTHING:
            if all(any(r.search(line) for r in regexes) for line in _PROBES[fact]):
                shows.append(fact)
    return files[0], tuple(shows)


def grep_lines(argv, text_value):
    """The lines ``argv`` (a grep of one file, as vmx_command reads it) prints of
    ``text_value``, or None when its pattern cannot be read here (the simulator's grep)."""
    if not argv:
        return None
    parsed = _grep(list(argv[1:]), argv[0].rsplit("/", 1)[-1] == "egrep")
    if parsed is None:
        return None
    patterns, _, extended, fixed, icase = parsed
    regexes = [_pattern_regex(p, extended, fixed, icase) for p in patterns]
    if any(r is None for r in regexes):
        return None
    lines = [line for line in (text_value or "").splitlines(True)
             if any(r.search(line) for r in regexes)]
    out = "".join(lines)
    return out if not out or out.endswith("\n") else out + "\n"


def _recognise_vmx(program, args):
    found = vmx_command([program] + list(args))
    return {"path": found[0]} if found else None


def _parse_vmx(text_value):
    if "No such file or directory" in (text_value or "") and "=" not in (text_value or ""):
        raise ParseError(msg("parse.vmx-missing"))
    return Rows([parse_vmx(text_value)])


def _nic(raw):
    """A NIC of a .vmx as the report holds it, its values checked."""
    device = raw["nic"]
    network = text(raw.get("network"), 256)
    return {"device": device, "network": network,
            "dvs_switch": uuid_hex(raw.get("dvs_switch")),
            "dvs_portgroup": port_id(raw.get("dvs_portgroup")),
            "dvs_port": port_id(raw.get("dvs_port")),
            "opaque_network": text(raw.get("opaque_network"), 128),
            "mac": mac(raw.get("mac")),
            "start_connected": (raw.get("start_connected") or "TRUE").upper() != "FALSE"}


def _vmx(facts, rows, params, capture):
    path = params.get("path")
    if not valid_vmx_path(path):
        raise ParseError(msg("parse.vmx-without-path"))
    keys = rows[0] if rows else {}
    found = vmx_command(getattr(capture, "argv", None) or [])
    shows = found[1] if found else ()
    info = vm_from_vmx(keys)
    mode = info["migrate_encryption"]
    record = {"display_name": text(info["display_name"], 256),
              "nics": [_nic(n) for n in info["nics"]] if NICS in shows else None,
              "migrate_encryption": None, "migrate_encryption_raw": None,
              "encrypted": True if info["encrypted"] else (False if ENCRYPTION in shows
                                                            else None)}
    if mode in ENCRYPTION_MODES:
        record["migrate_encryption"] = mode
    elif mode is not None:  # a value this tool does not know: unknown, and said
        record["migrate_encryption_raw"] = text(mode, 64) or "?"
    elif MIGRATE in shows:
        record["migrate_encryption"] = "opportunistic"  # absent: the default (reference, 1)
    known = facts["vm"]["vmx"].setdefault(path, record)
    if known is not record:  # the same file shown twice (cat, then a grep): what is unknown
        for key, value in record.items():
            if known.get(key) is None:
                known[key] = value


# -- esxcli network vm list / port list ---------------------------------------------------------

def _running(facts, rows, params, capture):
    vm = facts["vm"]
    if vm["running"] is not None:
        return
    running = {}
    for row in rows:
        world = to_int(row.get("worldid"), 0, 10 ** 12)
        name = text(row.get("name"), 256)
        if world is None or name is None:
            skip(rows, msg("cut.running-vm"))
            continue
        networks = row.get("networks")
        running[str(world)] = {"world_id": str(world), "name": name,
                               "num_ports": to_int(row.get("numports"), 0, 10000),
                               "networks": [n for n in (text(x, 256) for x in
                                                        human.split_list(networks)) if n]}
    if rows and not running:
        none_read(rows, msg("parse.item.running-vm"))
    vm["running"] = running
    if complete(rows):
        facts["known"].add("vm-running")


def _discovers_worlds(rows):
    worlds = []
    for row in rows:
        world = to_int(row.get("worldid"), 0, 10 ** 12)
        if world is not None and valid_world(str(world)) and str(world) not in worlds:
            worlds.append(str(world))
    return {"world": worlds[:MAX_PORT_LISTS]}


def _port(value):
    """A port number or key: an integer (XML) or its text."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return port_id(value)


def _ports(facts, rows, params, capture):
    world = params.get("world")
    if not valid_world(world):
        raise ParseError(msg("parse.ports-without-world"))
    ports = []
    for row in rows:
        ports.append({"port_id": _port(row.get("portid")),
                      "vswitch": text(row.get("vswitch"), 128),
                      "portgroup": text(row.get("portgroup"), 256),
                      "dvport": _port(row.get("dvportid")),
                      "mac": mac(row.get("macaddress")),
                      "team_uplink": text(row.get("teamuplink"), 64)})
    if complete(rows):
        facts["vm"]["ports"].setdefault(world, ports)


_VM_TABLE = {"worldid": cells.INT, "name": cells.TEXT, "numports": cells.INT,
             "networks": cells.TEXT_OR_EMPTY}

KINDS = (
    Kind("vm.list", programs=("vim-cmd",), argv=lambda p: ["vim-cmd", "vmsvc/getallvms"],
         recognise=_recognise_getallvms, parse=_parse_getallvms, extract=_inventory, order=70,
         collect=GATE, discovers=_discovers_vmx, manual="once"),
    Kind("vm.vmx", programs=("cat", "grep", "egrep"), argv=vmx_argv, recognise=_recognise_vmx,
         parse=_parse_vmx, extract=_vmx, order=71, each=("vmx",), needs="path",
         file=lambda p: p["path"], file_filter=grep_vmx, file_limit=MAX_VMX_BYTES),
    Kind("vm.network.list", esxcli=("network", "vm", "list"), shape="table", table=_VM_TABLE,
         extract=_running, order=72, collect=GATE, discovers=_discovers_worlds,
         manual="once"),
    Kind("vm.port.list", esxcli=("network", "vm", "port", "list"), shape="stanzas",
         options={"-w": "world", "--world-id": "world"}, extract=_ports, order=73,
         each=("world",), needs="world"),
)
