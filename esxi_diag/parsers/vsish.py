"""vsish output: a ``Name { key:value }`` block, a ``-pe`` Python-literal dict, or a bare number.

Config options (``/config/<Module>/intOpts/<Option>``) print a block with ``Current value:``; ``-pe``
prints ``{ "cur":0x85, ... ,}`` with unquoted hex numbers. Spacing after the colon varies.
"""

import re

from esxi_diag.parsers import ParseError, check_text
from esxi_diag.parsers.keys import norm_key
from esxi_diag.message import msg

_NUMBER = re.compile(r"^\s*(0x[0-9a-fA-F]+|-?\d+)\s*$")
_BLOCK_LINE = re.compile(r"^\s*([^:{}]+?)\s*:\s*(.*?)\s*$")
_PE_PAIR = re.compile(r'"([^"]+)"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\s]+)')
_MISSING = re.compile(r"(not found|no such|extraneous|invalid|does not exist|unable to|error)",
                      re.IGNORECASE)


def to_number(text):
    m = _NUMBER.match(str(text))
    if not m:
        return None
    token = m.group(1)
    return int(token, 16) if token.lower().startswith("0x") else int(token)


def parse_vsish(text):
    """A number, or a dict with normalised keys (numbers converted). Raises ParseError."""
    check_text(text)
    body = (text or "").strip()
    if not body:
        raise ParseError(msg("parse.vsish-empty"))
    number = to_number(body)
    if number is not None:
        return number
    if body.startswith("{"):
        pairs = _PE_PAIR.findall(body)
        if not pairs:
            raise ParseError(msg("parse.vsish-no-pairs"))
        out = {}
        for key, raw in pairs:
            value = raw[1:-1] if raw.startswith('"') else raw
            num = to_number(value)
            out[norm_key(key)] = num if num is not None else value
        return out
    lines = body.splitlines()
    if len(lines) == 1 and "{" not in body:  # a lone "name:value" line
        m = _BLOCK_LINE.match(body)
        if m and to_number(m.group(2)) is not None:
            return {norm_key(m.group(1)): to_number(m.group(2))}
    if "{" in lines[0] and body.rstrip().endswith("}"):
        out = {}
        for line in lines[1:]:
            if line.strip() == "}":
                break
            m = _BLOCK_LINE.match(line)
            if m:
                num = to_number(m.group(2))
                out[norm_key(m.group(1))] = num if num is not None else m.group(2)
        if out:
            return out
    raise ParseError(msg("parse.not-shape", shape="vsish", line=repr(body.splitlines()[0][:80])))


def current_value(parsed):
    """The current value of a config option or node: the number itself, or its cur/current field."""
    if isinstance(parsed, int):
        return parsed
    if isinstance(parsed, dict):
        for key in ("currentvalue", "cur", "current", "value"):
            if isinstance(parsed.get(key), int):
                return parsed[key]
        numbers = [v for v in parsed.values() if isinstance(v, int)]
        if len(numbers) == 1:
            return numbers[0]
    return None


def looks_missing(text):
    """True when vsish's text says the node does not exist (the exact wording is unverified)."""
    return bool(_MISSING.search(text or ""))
