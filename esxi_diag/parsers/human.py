"""esxcli's default (human) formatter: stanzas and dash-line tables.

Stanza: an optional name at column 0, then ``   Key: value`` lines; a key whose value is empty may
open a nested block, indented further (``esxcli network diag ping``'s Trace/Summary, a DVS's DVPort
list). Split on the first ": " only; an empty value may have lost its trailing space. Stanzas are
separated by blank lines and start at their name line. A field line at another indent belongs to the
stanza it is in (an odd indent is not a nested block), and a stanza whose indentation was collapsed
(every field at column 0) is read the same way.

Table: a header, a dash line with one dash run per column, then rows. Cells are cut at the dash runs'
start columns (values contain spaces; numbers are right-aligned), never split on whitespace. A row
that does not line up (collapsed blanks, a value highlighted by hand) is read from its tokens only
when they fit the columns one way (cells.fit); otherwise it is left out, and said.

What a parser skips (an edit mark, a line it does not understand, a value cut with ``...``) is listed
in the ``cut`` of what it returns: that listing is then not complete.
"""

import re

from esxi_diag.parsers import (Fields, ParseError, Rows, check_text, describe, ends_cut,
                               is_edit_mark, unhighlight)
from esxi_diag.parsers import cells as cellmod
from esxi_diag.parsers.keys import norm_key
from esxi_diag.message import msg

_KEY_LINE = re.compile(r"^([ \t]*)([^:\s][^:]{0,200}?):(?:[ \t](.*))?$")
_DASH_LINE = re.compile(r"^\s*-+(?:[ \t]+-+)*\s*$")
_ERROR = re.compile(r"^(Error|Usage):", re.IGNORECASE)
MAX_FITTED_ROWS = 500  # rows read token by token per table (time bound)


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
        raise ParseError(msg("parse.esxcli-error", error=error))


def _key_line(line):
    """(indent, key, value) of a ``Key: value`` line, or None."""
    m = _KEY_LINE.match(line)
    if not m:
        return None
    return len(m.group(1).expandtabs(8)), m.group(2).strip(), (m.group(3) or "").strip()


def _entries(lines, cut):
    """(indent, key, value, blank_before) for each key line; other lines are skipped into cut."""
    out = []
    gap = False
    for line in lines:
        if not line.strip():
            gap = True
            continue
        if is_edit_mark(line):
            cut.append(msg("cut.edit-mark", line=describe(line)))
            gap = True
            continue
        line = unhighlight(line)[0]
        parsed = _key_line(line)
        if parsed is None:
            cut.append(msg("cut.not-understood", line=describe(line)))
            continue
        indent, key, value = parsed
        if ends_cut(value):
            cut.append(msg("cut.value-cut", line=describe(line)))
            value = None  # the key is there, its value is not known
        out.append((indent, key, value, gap))
        gap = False
    return out


def _block(entries):
    """The records of the top level. A line indented under a key with an empty value opens that
    key's nested records (a list of dicts, split on blank lines and repeated keys); any other
    indentation is an odd indent and stays in the level it is in."""
    top = {"indent": None, "records": [{}], "nested": False}
    stack = [top]
    prev = None  # (indent, record, key, value) of the previous entry
    for indent, key, value, gap in entries:
        nkey = norm_key(key)
        if not nkey:
            continue
        if prev is not None and indent > prev[0] and prev[3] == "":
            level = {"indent": indent, "records": [{}], "nested": True}
            prev[1][prev[2]] = level["records"]
            stack.append(level)
        else:
            while len(stack) > 1 and indent < stack[-1]["indent"]:
                stack.pop()
        level = stack[-1]
        if level["indent"] is None:
            level["indent"] = indent
        current = level["records"][-1]
        if current and (nkey in current or (level["nested"] and gap)):
            current = {}
            level["records"].append(current)
        if value is None:  # cut by hand: the key is left out (unknown)
            prev = (indent, current, nkey, "-")
            continue
        current[nkey] = value
        prev = (indent, current, nkey, value)
    return [r for r in top["records"] if r] or [{}]


def parse_stanzas(text):
    """A list (Rows) of (name, fields) pairs. ``name`` is None for a stanza without a name
    line. Raises ParseError when no stanza is found."""
    check_error(text)
    stanzas = Rows()
    state = {"name": None, "body": [], "started": False}

    def flush():
        if not state["started"]:
            return
        cut = []
        records = _block(_entries(state["body"], cut))
        stanzas.cut.extend(cut)
        name = state["name"]
        if name is None:  # nameless stanzas (advanced list) follow each other: one per record
            stanzas.extend((None, Fields(f)) for f in records if f)
            return
        if not any(records):
            stanzas.cut.append(msg("cut.not-understood", line=describe(name)))
            return
        fields = Fields(records[0])
        for extra in records[1:]:
            for key, value in extra.items():
                fields.setdefault(key, value)
        stanzas.append((name, fields))

    for raw in (text or "").splitlines():
        line = raw.rstrip("\r")
        if not line.strip():
            state["body"].append(line)
            continue
        if is_edit_mark(line):
            state["body"].append(line)  # _entries records it
            state["started"] = True
            continue
        if not line[0].isspace() and _key_line(unhighlight(line)[0]) is None:
            flush()
            state.update(name=unhighlight(line)[0].strip(), body=[], started=True)
            continue
        state["body"].append(line)
        state["started"] = True
    flush()
    if not stanzas:
        raise ParseError(msg("parse.no-stanza", reason=msg("parse.because", reason=stanzas.cut[0])
                                  if stanzas.cut else None))
    return stanzas


def parse_stanza(text):
    """The fields of the first stanza (for ``get`` commands, which print one nameless stanza),
    with the cut of the whole output."""
    stanzas = parse_stanzas(text)
    fields = Fields(stanzas[0][1], stanzas.cut)
    return fields


def column_starts(dash_line):
    return [m.start() for m in re.finditer(r"-+", dash_line)]


def cut(line, starts):
    cells = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else None
        cells.append(line[start:end].strip() if end is not None else line[start:].strip())
    return cells


def aligned(line, starts, gap):
    """True when no cell boundary falls inside a word: the ``gap`` characters before every
    column start (that the line reaches) are blanks."""
    for start in starts[1:]:
        if start >= len(line):
            break
        if line[max(0, start - gap):start].strip():
            return False
    return True


class RowReader(object):
    """Reads the rows of one table, cell by cell at the column starts when the row lines up,
    else from its tokens when they fit the schema one way; records what it leaves out."""

    def __init__(self, keys, starts, schema, gap, cut):
        self.keys = keys
        self.starts = starts
        self.schema = schema
        # a column the schema does not name holds anything when the row lines up, one word or
        # nothing when it is fitted from tokens
        self.checks = [(schema or {}).get(k, cellmod.TEXT_OR_EMPTY) for k in keys]
        self.columns = [cellmod.column_of(schema, k) for k in keys]
        self.gap = gap
        self.cut = cut
        self.fitted = 0

    def _row(self, cells):
        row = {}
        for key, cell in zip(self.keys, cells):
            if ends_cut(cell):
                self.cut.append(msg("cut.value-cut-column", column=key, value=describe(cell)))
                continue  # unknown: left out of the row
            row[key] = cell
        return row

    def _valid(self, cells):
        for column, cell in zip(self.checks, cells):
            if not ends_cut(cell) and not column.ok(cell):
                return False
        return True

    def read(self, line):
        """The row of a line, or None (not recorded) when it does not fit."""
        line = unhighlight(line)[0]
        if self.starts is not None and aligned(line, self.starts, self.gap):
            cells = cut(line, self.starts)
            if self._valid(cells):
                return self._row(cells)
        if self.fitted >= MAX_FITTED_ROWS:
            return None
        self.fitted += 1
        tokens, joinable = cellmod.tokens_of(line)
        cells = cellmod.fit(tokens, self.columns, joinable)
        return None if cells is None else self._row(cells)

    def rows(self, lines):
        """The rows of the lines below a header. A blank line ends the table; a line after it is
        read only when it fits, and otherwise ignored (text pasted after the output)."""
        rows = []
        ended = False
        for line in lines:
            if not line.strip():
                ended = ended or bool(rows)
                continue
            if is_edit_mark(line):
                self.cut.append(msg("cut.edit-mark", line=describe(line)))
                continue
            row = self.read(line)
            if row is None:
                if not ended:
                    self.cut.append(msg("cut.not-understood", line=describe(line)))
                continue
            rows.append(row)
        return rows


def _header_keys(header, runs):
    """Keys of a table header for dash runs [(start, end)]: cut at the runs when both line up,
    else the collapsed header's words grouped into names (known multi-word names kept)."""
    starts = [r[0] for r in runs]
    spaced = all(runs[i + 1][0] - runs[i][1] >= 2 for i in range(len(runs) - 1))
    if spaced:
        names = cut(header, starts)
        if all(names) and aligned(header, starts, 1):
            return [norm_key(n) for n in names], starts
    names = cellmod.split_header(header.split())
    if len(names) != len(runs):
        raise ParseError(msg("parse.header-dash-mismatch"))
    return [norm_key(n) for n in names], (starts if spaced else None)


def parse_table(text, schema=None):
    """Rows of the first dash-line table, as dicts keyed by the normalised header names.
    ``schema`` (cells.py) says what each column may hold."""
    check_error(text)
    lines = [l.rstrip("\r") for l in (text or "").splitlines()]
    for idx, line in enumerate(lines):
        if line.strip() and _DASH_LINE.match(line):
            header_idx = idx - 1
            while header_idx >= 0 and not lines[header_idx].strip():
                header_idx -= 1
            if header_idx < 0:
                raise ParseError(msg("parse.dash-without-header"))
            runs = [(m.start(), m.end()) for m in re.finditer(r"-+", line)]
            result = Rows()
            keys, starts = _header_keys(unhighlight(lines[header_idx])[0], runs)
            reader = RowReader(keys, starts, schema, 2, result.cut)
            result.extend(reader.rows(lines[idx + 1:]))
            return result
    raise ParseError(msg("parse.no-table"))


def split_list(value):
    """A comma-separated esxcli list value ('vmnic0, vmnic1', 'Management, VMotion') as a list."""
    if isinstance(value, list):
        return [str(v).strip() for v in value if isinstance(v, (str, int)) and str(v).strip()]
    if value is None or not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(",") if part.strip()]
