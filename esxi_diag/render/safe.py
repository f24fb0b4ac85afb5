r"""Text that is safe to print: every control character of the input (C0, C1, DEL, and the Unicode
controls that reorder or hide text) escaped as ``\xNN``/``\uNNNN``, so that a pasted window-title
sequence or a right-to-left override prints as what it is. Light: the command line's error path
imports it.
"""

import re


# C0 and C1 control characters, DEL, and the Unicode controls that reorder or hide text.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                                  "\u2066-\u2069\ufeff]")


def _escape(match):
    code = ord(match.group(0))
    return "\\x%02x" % code if code < 0x100 else "\\u%04x" % code


def terminal_safe(text, keep_newlines=True):
    """``text`` with every control character escaped (``\x1b``, ``\u202e``), so that it prints
    as what it is. Newlines are kept unless ``keep_newlines`` is false (one-line messages)."""
    pattern = _CONTROL_BUT_NEWLINE if keep_newlines else _CONTROL
    return pattern.sub(_escape, text)


def safe_report(value, key=None):
    """A copy of a report (or any JSON-like value) whose strings are all ``terminal_safe`` on one
    line, except a finding's ``remedy``, whose lines are its steps; keys are left as they are
    (they are the tool's own)."""
    if isinstance(value, str):
        return terminal_safe(value, keep_newlines=key == "remedy")
    if isinstance(value, list):
        return [safe_report(v) for v in value]
    if isinstance(value, dict):
        return dict((k, safe_report(v, k)) for k, v in value.items())
    return value
