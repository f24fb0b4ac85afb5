"""``esxcfg-*`` tables: no dash line, single spaces inside header names, cut at header positions.

``esxcfg-vmknic -l`` has one row per interface and address family and a header with trailing spaces;
``esxcfg-route -l`` starts with a ``VMkernel Routes:`` title; ``esxcfg-nics -l`` prints link state and
speed (``1000Mbps``) in separate columns.
"""

import re

from esxi_diag.parsers import ParseError, check_text
from esxi_diag.parsers.keys import norm_key

# Header names that contain a single space; everything else is one word.
_PHRASES = ("Port Group/DVPort/Opaque Network", "Port Group/DVPort", "IP Family", "IP Address",
            "MAC Address", "TSO MSS")

_DEFAULT_GW = re.compile(r"default gateway is\s+(\S+)", re.IGNORECASE)


def header_columns(header):
    """[(start, name)] for a header line, keeping the known multi-word names together."""
    columns = []
    pos = 0
    while pos < len(header):
        if header[pos] == " ":
            pos += 1
            continue
        for phrase in _PHRASES:
            if header.startswith(phrase, pos):
                columns.append((pos, phrase))
                pos += len(phrase)
                break
        else:
            end = header.find(" ", pos)
            end = len(header) if end < 0 else end
            columns.append((pos, header[pos:end]))
            pos = end
    return columns


def _cut_aligned(line, starts):
    """Cut at the header starts; a cut that falls inside a word moves back to the word's start."""
    bounds = []
    for start in starts:
        pos = min(start, len(line))
        while 0 < pos < len(line) and line[pos] != " " and line[pos - 1] != " " and (
                not bounds or pos - 1 > bounds[-1]):
            pos -= 1
        bounds.append(pos)
    cells = []
    for i, start in enumerate(bounds):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(line)
        cells.append(line[start:end].strip())
    return cells


def parse_esxcfg_table(text, first_column):
    """Rows of an esxcfg table whose header line starts with ``first_column``."""
    check_text(text)
    lines = [l.rstrip("\r") for l in (text or "").splitlines()]
    for idx, line in enumerate(lines):
        if line.lstrip().startswith(first_column) and line.strip() != first_column:
            columns = header_columns(line)
            if len(columns) < 2:
                continue
            starts = [c[0] for c in columns]
            keys = [norm_key(c[1]) for c in columns]
            rows = []
            for row_line in lines[idx + 1:]:
                if not row_line.strip():
                    continue
                rows.append(dict(zip(keys, _cut_aligned(row_line, starts))))
            return rows
    raise ParseError("no esxcfg table with a %r column found" % first_column)


def parse_vmknic_list(text):
    return parse_esxcfg_table(text, "Interface")


def parse_route_list(text):
    return parse_esxcfg_table(text, "Network")


def parse_nics_list(text):
    return parse_esxcfg_table(text, "Name")


def parse_default_gateway(text):
    """``esxcfg-route`` without options: 'VMkernel default gateway is 172.26.64.1'."""
    match = _DEFAULT_GW.search(text or "")
    if not match:
        raise ParseError("no 'default gateway is' line")
    return match.group(1)
