"""esxcli ``--formatter=xml`` output to Python values.

The document is ``<output><root>VALUE</root></output>``. A VALUE is ``<structure>`` (a dict of its
``<field name=...>`` children, keys normalised), ``<list>`` (a list), or a typed scalar:
``<string>``, ``<integer>``, ``<boolean>``/``<bool>``, ``<float>``... The namespace is matched loosely
(with or without trailing slash, or none at all).
"""

import re
import xml.etree.ElementTree as ET

from esxi_diag.parsers import ParseError
from esxi_diag.parsers.keys import norm_key
from esxi_diag.message import msg

_DTD = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _value(elem):
    tag = _local(elem.tag).lower()
    if tag == "structure":
        out = {}
        for field in elem:
            if _local(field.tag).lower() != "field":
                continue
            key = norm_key(field.get("name", ""))
            children = list(field)
            out[key] = _value(children[0]) if children else (field.text or "").strip()
        return out
    if tag == "list":
        return [_value(child) for child in elem]
    text = (elem.text or "").strip()
    if tag in ("integer", "int", "long", "short"):
        try:
            return int(text, 0) if text.lower().startswith("0x") else int(text)
        except ValueError:
            return text
    if tag in ("float", "double"):
        try:
            return float(text)
        except ValueError:
            return text
    if tag in ("boolean", "bool"):
        return text.lower() == "true"
    return text


def parse_esxcli_xml(text):
    """The value under ``<root>``. Raises ParseError on anything that is not esxcli XML."""
    if not text or not text.strip():
        raise ParseError(msg("parse.empty"))
    if _DTD.search(text):
        raise ParseError(msg("parse.xml-dtd"))
    try:
        top = ET.fromstring(text.strip().encode("utf-8"))
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", None) or (None, None)
        raise ParseError(msg("parse.not-xml", line=line, column=column))
    if _local(top.tag).lower() != "output":
        raise ParseError(msg("parse.xml-no-output"))
    root = None
    for child in top:
        if _local(child.tag).lower() == "root":
            root = child
            break
    if root is None:
        raise ParseError(msg("parse.xml-no-root"))
    children = list(root)
    if not children:
        return None
    return _value(children[0])


def as_rows(value):
    """A list of dicts from a parsed value (a single structure becomes one row)."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [row for row in value if isinstance(row, dict)]
    raise ParseError(msg("parse.xml-not-structures"))
