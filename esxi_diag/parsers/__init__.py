"""Pure parsers, one module per output shape. No I/O; garbage raises ParseError.

Every parser returns generic Python values (lists of dicts with normalised keys, see keys.py); the
meaning of the fields is applied later, in facts.py.

Pasted outputs are edited by people: a ``<<truncated>>``, ``...`` or ``[snip]`` line, a value
highlighted as ``->value<-``, a stray line. A parser skips what it cannot read (one line, or one
record) and says so in the ``cut`` list of what it returns (``Rows`` or ``Fields``): a listing with
a cut is not complete, and facts.py never takes it for one.
"""

import re

from esxi_diag.message import is_message, msg, plain


class ParseError(ValueError):
    """The text is not the shape the parser reads. ``message`` says why, as a message of the
    catalogs (``msg("parse.*")``), so that a report in any language says it in its words;
    ``str()`` is its English words."""

    def __init__(self, message):
        self.message = message if is_message(message) else None
        ValueError.__init__(self, message)

    def __str__(self):
        return plain(self.message) if self.message is not None else ValueError.__str__(self)


class Rows(list):
    """A parser's rows, with ``cut``: why the listing may be incomplete (empty when complete)."""

    def __init__(self, items=(), cut=None):
        list.__init__(self, items)
        self.cut = list(cut or [])


class Fields(dict):
    """One stanza's fields, with ``cut`` like Rows."""

    def __init__(self, items=(), cut=None):
        dict.__init__(self, items)
        self.cut = list(cut or [])


def cut_of(value):
    """The cut list of a parser result (empty for plain lists and dicts)."""
    return list(getattr(value, "cut", None) or [])


def check_text(text):
    """Raise ParseError when the output holds control characters (binary data is no output)."""
    for ch in text or "":
        if ch < " " and ch not in "\t\n\r":
            raise ParseError(msg("parse.binary", code="0x%02x" % ord(ch)))


# A line a person put in place of what was cut.
_EDIT_MARK = re.compile(
    r"^\s*(?:"
    r"<<?\s*(?:truncated|snip(?:ped)?|cut|output (?:truncated|omitted|hidden|removed))\s*>>?"
    r"|\.{3,}|\u2026+|(?:\.\s){2,}\."
    r"|\[\s*(?:\.{2,}|\u2026|snip(?:ped)?|cut|truncated|output (?:truncated|omitted|hidden|removed)"
    r"|\d+ (?:more )?(?:lines?|rows?|entries) (?:omitted|removed|snipped|hidden|cut))\s*\]"
    r"|\(\s*(?:\.{2,}|\u2026|snip(?:ped)?|cut|truncated"
    r"|output (?:truncated|omitted|hidden|removed))\s*\)"
    r"|-{1,}\s*(?:snip|cut)\s*-{1,}|8<-*|-*>8"
    r"|//\s*output hidden\s*//"
    r")\s*$", re.IGNORECASE)
# A value a person marked by hand: ->00:0c:29:2c:54:17<- (or with longer arrows, or ==> <==).
_HIGHLIGHT = re.compile(r"(?:-{1,3}>|={1,3}>)\s?(\S(?:[^<>\n]{0,200}?\S)?)\s?(?:<-{1,3}|<={1,3})")
# A value cut by hand: it ends with an ellipsis.
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|\u2026)\s*$")


def is_edit_mark(line):
    return bool(_EDIT_MARK.match(line or "")) and bool((line or "").strip())


def unhighlight(line):
    """The line without hand-made highlight arrows, and whether it had any."""
    if ">" not in line or "<" not in line:
        return line, False
    new = _HIGHLIGHT.sub(lambda m: m.group(1), line)
    return new, new != line


def ends_cut(value):
    """True when a value ends with an ellipsis (cut by hand or by a narrow terminal)."""
    return bool(_ELLIPSIS_END.search(value or ""))


def describe(line, limit=60):
    line = (line or "").strip()
    return repr(line if len(line) <= limit else line[:limit] + "...")
