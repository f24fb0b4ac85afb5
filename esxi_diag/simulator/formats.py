"""How the simulated host prints: esxcli's default formatter (stanzas, dash-line tables), esxcli's
``--formatter=xml``, and the esxcfg tables, following the format rules in
``shared/reference/esxi-output-formats.md``.

A record is a list of (field name as esxcli prints it, value) pairs; values are str, int, bool or
a list of str. ``esxcli(...)`` prints records.py's listings the way the command line asked.
"""

from xml.sax.saxutils import escape


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def stanzas(records, name_field="Name"):
    """Named stanzas: the name at column 0, then '   Key: value' lines; a blank line after each."""
    out = []
    for record in records:
        name = dict(record).get(name_field) if name_field else None
        if name is not None:
            out.append(str(name))
        for key, value in record:
            out.append(("   %s: %s" % (key, _text(value))).rstrip(" ") if value != "" else
                       "   %s: " % key)
        out.append("")
    return "\n".join(out) + "\n"


def table(records, fields):
    """A dash-line table; numbers and booleans right-aligned, two spaces between columns."""
    rows = [[_text(dict(r).get(f, "")) for f in fields] for r in records]
    right = [bool(records) and all(isinstance(dict(r).get(f), (int, bool)) for r in records)
             for f in fields]
    widths = [max([len(f)] + [len(row[i]) for row in rows]) for i, f in enumerate(fields)]

    def line(cells):
        parts = []
        for i, cell in enumerate(cells):
            parts.append(cell.rjust(widths[i]) if right[i] else cell.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    out = [line(fields), "  ".join("-" * w for w in widths)]  # headers align like their values
    out.extend(line(row) for row in rows)
    return "\n".join(out) + "\n"


def _xml_value(value, indent):
    pad = " " * indent
    if isinstance(value, bool):
        return "%s<boolean>%s</boolean>" % (pad, "true" if value else "false")
    if isinstance(value, int):
        return "%s<integer>%d</integer>" % (pad, value)
    if isinstance(value, list):
        inner = "\n".join("%s   <string>%s</string>" % (pad, escape(str(v))) for v in value)
        return "%s<list type=\"string\">\n%s\n%s</list>" % (pad, inner, pad) if value else \
            "%s<list type=\"string\">\n%s</list>" % (pad, pad)
    return "%s<string>%s</string>" % (pad, escape(str(value)))


def _xml_structure(record, type_name, indent):
    pad = " " * indent
    lines = ["%s<structure typeName=\"%s\">" % (pad, type_name)]
    for key, value in record:
        lines.append("%s   <field name=\"%s\">" % (pad, key.replace(" ", "")))
        lines.append(_xml_value(value, indent + 6))
        lines.append("%s   </field>" % pad)
    lines.append("%s</structure>" % pad)
    return "\n".join(lines)


_HEAD = '<?xml version="1.0" ?>\n<output xmlns="http://www.vmware.com/Products/ESX/5.0/esxcli">\n<root>\n'
_TAIL = "</root>\n</output>\n"


def xml_list(records, type_name):
    body = "\n".join(_xml_structure(r, type_name, 6) for r in records)
    return _HEAD + '   <list type="structure">\n' + (body + "\n" if body else "") + \
        "   </list>\n" + _TAIL


def xml_structure(record, type_name):
    return _HEAD + _xml_structure(record, type_name, 3) + "\n" + _TAIL


def esxcfg_table(records, columns):
    """An esxcfg table: columns of fixed width (name, width), no dash line, header ends with space."""
    out = ["".join(name.ljust(width) for name, width in columns)]
    for record in records:
        values = dict(record)
        out.append("".join(_text(values.get(name, "")).ljust(width) for name, width in columns)
                   .rstrip())
    return "\n".join(out) + "\n"


def esxcli(shape, type_name, records, fields, xml):
    """What esxcli prints for a listing of records: ``--formatter=xml`` (one structure for the
    ``stanza`` and ``tags`` shapes, else a list of ``type_name`` structures), or the default
    formatter of the shape (a ``table`` of ``fields``, named ``stanzas``, ``netstacks`` named by
    their Key, or one unnamed stanza)."""
    if xml:
        if shape in ("stanza", "tags"):
            return xml_structure(records[0], type_name)
        return xml_list(records, type_name)
    if shape == "table":
        return table(records, fields)
    if shape == "stanzas":
        return stanzas(records, "Name")
    if shape == "netstacks":
        return stanzas(records, "Key")
    return stanzas(records, None)
