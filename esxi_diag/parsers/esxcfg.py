"""``esxcfg-*`` tables: no dash line, single spaces inside header names, cut at header positions.

``esxcfg-vmknic -l`` has one row per interface and address family and a header with trailing spaces;
older releases print ``Port Group`` (or ``Port_Group``) without ``IP Family`` or ``NetStack``.
``esxcfg-route -l`` starts with a ``VMkernel Routes:`` title; ``esxcfg-nics -l`` prints link state and
speed (``1000Mbps``) in separate columns, and a value wider than its column pushes the ones after it
(such a row is read from its tokens when they fit one way, see cells.py). ``esxcfg-vswitch -l``
prints a table per switch, each followed by an indented table of its port groups (standard) or
DVPorts (distributed).
"""

import re

from esxi_diag.parsers import ParseError, Rows, check_text, describe, is_edit_mark, unhighlight
from esxi_diag.parsers import cells as cellmod
from esxi_diag.parsers.human import RowReader
from esxi_diag.parsers.keys import norm_key
from esxi_diag.message import msg

# Header names that contain a single space; everything else is one word.
_PHRASES = ("Port Group/DVPort/Opaque Network", "Port Group/DVPort", "Port Group", "IP Family",
            "IP Address", "MAC Address", "TSO MSS", "Switch Name", "DVS Name", "Num Ports",
            "Used Ports", "Configured Ports", "PortGroup Name", "VLAN ID", "DVPort ID", "In Use")

_DEFAULT_GW = re.compile(r"default gateway is\s+(\S+)", re.IGNORECASE)


def header_columns(header):
    """[(start, name)] for a header line, keeping the known multi-word names together."""
    columns = []
    pos = 0
    while pos < len(header):
        if header[pos] in " \t":
            pos += 1
            continue
        for phrase in _PHRASES:
            if header.startswith(phrase, pos):
                columns.append((pos, phrase))
                pos += len(phrase)
                break
        else:
            end = pos
            while end < len(header) and header[end] not in " \t":
                end += 1
            columns.append((pos, header[pos:end]))
            pos = end
    return columns


def _is_header(line, first_column):
    stripped = line.strip()
    return stripped.startswith(first_column + " ") or stripped.startswith(first_column + "\t")


def parse_esxcfg_table(text, first_column, schema=None):
    """Rows of an esxcfg table whose header line starts with ``first_column``."""
    check_text(text)
    lines = [unhighlight(l.rstrip("\r"))[0] for l in (text or "").splitlines()]
    for idx, line in enumerate(lines):
        if _is_header(line, first_column):
            columns = header_columns(line)
            if len(columns) < 2:
                continue
            result = Rows()
            reader = RowReader([norm_key(c[1]) for c in columns], [c[0] for c in columns],
                               schema, 1, result.cut)
            result.extend(reader.rows(lines[idx + 1:]))
            return result
    raise ParseError(msg("parse.no-esxcfg-table", column=first_column))


def parse_vmknic_list(text):
    return parse_esxcfg_table(text, "Interface", cellmod.ESXCFG_VMKNIC_TABLE)


def parse_route_list(text):
    return parse_esxcfg_table(text, "Network", cellmod.ROUTE_TABLE)


def parse_nics_list(text):
    return parse_esxcfg_table(text, "Name", cellmod.NIC_TABLE)


def parse_default_gateway(text):
    """``esxcfg-route`` without options: 'VMkernel default gateway is 172.26.64.1'."""
    match = _DEFAULT_GW.search(text or "")
    if not match:
        raise ParseError(msg("parse.no-line", line="default gateway is"))
    return match.group(1)


# esxcfg-vswitch -l: the header that opens each table, the section it starts, and its schema.
_VSWITCH_SECTIONS = (("Switch Name", "standard", cellmod.VSWITCH_TABLE),
                     ("DVS Name", "distributed", cellmod.VSWITCH_TABLE),
                     ("PortGroup Name", "portgroup", cellmod.VSWITCH_PORTGROUP_TABLE),
                     ("DVPort ID", "dvport", cellmod.VSWITCH_DVPORT_TABLE))


def parse_vswitch_list(text):
    """``esxcfg-vswitch -l``: rows with a ``section`` (``standard``, ``distributed``,
    ``portgroup``, ``dvport``); port group and DVPort rows carry ``switch``, the switch row above
    them (None when that row could not be read: never the switch before it)."""
    check_text(text)
    result = Rows()
    reader = None
    section = None
    indent = 0  # of the section's header: its rows have the same (switch rows 0, ports 2)
    switch = None
    saw_header = False
    for raw in (text or "").splitlines():
        line = unhighlight(raw.rstrip("\r"))[0]
        stripped = line.strip()
        if not stripped:  # a blank line ends a table: the next rows need their header
            reader, section = None, None
            continue
        opened = False
        for title, name, schema in _VSWITCH_SECTIONS:
            if stripped.startswith(title):
                columns = header_columns(line)
                reader = RowReader([norm_key(c[1]) for c in columns], [c[0] for c in columns],
                                   schema, 1, result.cut)
                section = name
                indent = len(line) - len(line.lstrip(" "))
                saw_header = opened = True
                if name in ("standard", "distributed"):
                    switch = None
                break
        if opened:
            continue
        if is_edit_mark(line):
            result.cut.append(msg("cut.edit-mark", line=describe(line)))
            continue
        same_indent = len(line) - len(line.lstrip(" ")) == indent
        row = reader.read(line) if reader is not None and same_indent else None
        if row is None:
            result.cut.append(msg("cut.not-understood", line=describe(line)))
            if section not in ("portgroup", "dvport"):  # it may have been a switch row
                switch = None
            continue
        row["section"] = section
        if section in ("standard", "distributed"):
            switch = row.get("switchname") or row.get("dvsname")
        else:
            row["switch"] = switch
        result.append(row)
    if not saw_header:
        raise ParseError(msg("parse.no-switch-table"))
    return result
