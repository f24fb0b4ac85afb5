"""esxcli's default (human) formatter: stanzas and dash-line tables.

Stanza: an optional name at column 0, then ``   Key: value`` lines; nested blocks are indented
further (``esxcli network diag ping``'s Trace/Summary, a DVS's DVPort list). Split on the first ": "
only; an empty value may have lost its trailing space. Stanzas are separated by blank lines and start
at their name line.

Table: a header, a dash line with one dash run per column, then rows. Cells are cut at the dash runs'
start columns (values contain spaces; numbers are right-aligned), never split on whitespace.
"""

import re

from esxi_diag.parsers import ParseError, check_text
from esxi_diag.parsers.keys import norm_key

_KEY_LINE = re.compile(r"^( *)([^:\s][^:]*?):(?: (.*))?\s*$")
_DASH_LINE = re.compile(r"^\s*-+(?:\s+-+)*\s*$")
_ERROR = re.compile(r"^(Error|Usage):", re.IGNORECASE)


def esxcli_error(text):
    """The error line when esxcli answered with an error or usage text instead of output."""
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:200] if _ERROR.match(line.strip()) else None
    return None


def check_error(text):
    """Raise ParseError when esxcli printed an error (or binary data) instead of output."""
    check_text(text)
    error = esxcli_error(text)
    if error:
        raise ParseError(error)


def _entries(lines):
    """(indent, key, value, blank_before) for each key line; raises on a line that is neither."""
    out = []
    gap = False
    for line in lines:
        if not line.strip():
            gap = True
            continue
        match = _KEY_LINE.match(line.rstrip("\r\n"))
        if not match:
            raise ParseError("not a 'Key: value' line: %r" % line.strip()[:80])
        value = (match.group(3) or "").strip()
        out.append((len(match.group(1)), match.group(2).strip(), value, gap))
        gap = False
    return out


def _block(entries, split_on_gap):
    """Records (dicts) of one indentation level; deeper entries become a key's nested records."""
    if not entries:
        return []
    base = min(e[0] for e in entries)
    records = [{}]
    i = 0
    while i < len(entries):
        indent, key, value, gap = entries[i]
        j = i + 1
        while j < len(entries) and entries[j][0] > base:
            j += 1
        nkey = norm_key(key)
        current = records[-1]
        if current and (nkey in current or (split_on_gap and gap)):
            current = {}
            records.append(current)
        children = entries[i + 1:j]
        current[nkey] = _block(children, True) if children else value
        i = j
    return records


def parse_stanzas(text):
    """A list of (name, fields) pairs. ``name`` is None for a stanza without a name line."""
    check_error(text)
    stanzas = []
    name = None
    body = []
    started = False

    def flush():
        if started:
            records = _block(_entries(body), False)
            if name is not None and not any(records):
                raise ParseError("a name line without fields: %r" % name[:80])
            if name is None:  # nameless stanzas (advanced list) follow each other: one per record
                stanzas.extend((None, fields) for fields in records if fields)
                return
            fields = records[0] if records else {}
            for extra in records[1:]:
                for key, value in extra.items():
                    fields.setdefault(key, value)
            stanzas.append((name, fields))

    for raw in (text or "").splitlines():
        line = raw.rstrip("\r")
        if line.strip() and not line[0].isspace() and not _KEY_LINE.match(line):
            flush()
            name = line.strip()
            body = []
            started = True
            continue
        if line.strip():
            if name is not None and not line[0].isspace():
                raise ParseError("a field line at column 0 inside stanza %r" % name[:80])
            started = True
        body.append(line)
    flush()
    if not stanzas:
        raise ParseError("no stanza found")
    return stanzas


def parse_stanza(text):
    """The fields of the first stanza (for ``get`` commands, which print one nameless stanza)."""
    return parse_stanzas(text)[0][1]


def column_starts(dash_line):
    return [m.start() for m in re.finditer(r"-+", dash_line)]


def cut(line, starts):
    cells = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else None
        cells.append(line[start:end].strip() if end is not None else line[start:].strip())
    return cells


def parse_table(text):
    """Rows of the first dash-line table, as dicts keyed by the normalised header names."""
    check_error(text)
    lines = [l.rstrip("\r") for l in (text or "").splitlines()]
    for idx, line in enumerate(lines):
        if _DASH_LINE.match(line) and line.strip():
            header_idx = idx - 1
            while header_idx >= 0 and not lines[header_idx].strip():
                header_idx -= 1
            if header_idx < 0:
                raise ParseError("dash line without a header")
            starts = column_starts(line)
            keys = [norm_key(h) for h in cut(lines[header_idx], starts)]
            rows = []
            for row_line in lines[idx + 1:]:
                if not row_line.strip():
                    if rows:
                        break
                    continue
                rows.append(dict(zip(keys, cut(row_line, starts))))
            return rows
    raise ParseError("no table (header and dash line) found")


def split_list(value):
    """A comma-separated esxcli list value ('vmnic0, vmnic1', 'Management, VMotion') as a list."""
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if value is None:
        return []
    return [part.strip() for part in str(value).split(",") if part.strip()]
