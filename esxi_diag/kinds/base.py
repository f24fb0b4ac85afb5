"""A command kind: one piece of host data and everything esxi-diag knows about it, in one record.

A kind says how its command line is built (for the collector, with ``--formatter=xml``, or as a
person types it), how a typed line is recognised in a pasted session, how its output is parsed
into generic rows, how those rows become facts (its extractor), and where it stands in the
collection plan. The family modules of this package (system, interfaces, routes, switches,
tuning, ping) each declare their kinds with ``Kind(...)``; kinds/__init__.py keeps the registry.

esxcli kinds need no code of their own for the command line, the recognition and the parsing:
``esxcli=`` gives the namespace words, ``options=`` the options that carry parameters, ``shape=``
the layout of the default formatter (``stanza``, ``stanzas``, ``table``, ``tags``, ``diagping``).
"""

from esxi_diag.parsers import ParseError, Rows, human, ping
from esxi_diag.parsers import xml as xmlparse
from esxi_diag.message import msg

# parameters that reach a command line, and their esxcli option
PARAM_FLAGS = (("vmknic", "-i"), ("netstack", "-N"), ("option", "-o"), ("world", "-w"),
               ("ruleset", "-r"))
FLAG_PARAMS = ("df", "ipv4", "ipv6")

# collection phases: the commands that gate follow-ups run first (see collect.py)
GATE, FIRST = 0, 1


class Kind(object):
    """One command kind. Only ``name`` is required; see the module docstring.

    - ``esxcli``: namespace words (an esxcli kind); ``options``: {option spelling: parameter};
      ``shape``: the default formatter's layout; ``table``: what the cells of a table may hold
      (parsers/cells.py), so that a row that lost its alignment can still be read;
    - ``programs``, ``argv(params)``, ``recognise(program, args)`` (params or None) and
      ``parse(text)`` (rows): a kind that is not esxcli;
    - ``extract(facts, rows, params, capture)``: rows -> facts (analysis/model.py's helpers);
    - ``order``: the extraction order, preferred sources first (esxcli's own listings win over
      esxcfg's and vsish's: a field, once set, is kept);
    - ``collect``: None (not run by the collector on its own), GATE (runs first: the names its
      rows reveal start the follow-ups) or FIRST; ``instances``: the parameters it runs with
      (default: once, without any);
    - ``discovers(rows)``: {category: [names]} its parsed rows reveal ("vmknic", "netstack": the
      netstacks of the vmknics, "instantiated-netstack");
    - ``each``: the categories it runs once per name of (a follow-up of the kinds that discover
      them, and in the ``commands`` list once per vmknic or netstack of the host);
    - ``manual``: "once" when the ``commands`` list asks for it once (``each`` kinds are asked
      for per name);
    - ``needs``: the parameter it cannot run without (a bundle entry without it is refused);
    - ``file(params)``: for a kind that is a file of the host (a VM's ``.vmx``), the path the
      collector reads itself (no process), at most ``file_limit`` bytes, keeping what
      ``file_filter(text)`` keeps: what ``argv(params)`` would print. A person types ``argv``.
    """

    def __init__(self, name, esxcli=None, options=None, shape=None, table=None, programs=(),
                 argv=None, recognise=None, parse=None, extract=None, order=100, collect=None,
                 instances=None, discovers=None, each=None, manual=None, needs=None, file=None,
                 file_filter=None, file_limit=None):
        self.name = name
        self.esxcli = tuple(esxcli) if esxcli else None
        self.options = dict(options or {})
        self.shape = shape
        self.table = table
        self.programs = tuple(programs)
        self._argv = argv
        self._recognise = recognise
        self._parse = parse
        self.extract = extract
        self.order = order
        self.collect = collect
        self.instances = tuple(instances or ({},))
        self.discovers = discovers
        self.each = tuple(each or ())
        self.manual = manual
        self.needs = needs
        self.file = file
        self.file_filter = file_filter
        self.file_limit = file_limit

    # -- command line --------------------------------------------------------------------------

    def argv(self, params=None, xml=True, cli="esxcli"):
        params = params or {}
        if self.esxcli is None:
            return self._argv(params)
        out = [cli] + (["--formatter=xml"] if xml else []) + list(self.esxcli)
        for name, flag in PARAM_FLAGS:
            if params.get(name) is not None:
                out.extend([flag, params[name]])
        return out

    # -- recognising a typed line --------------------------------------------------------------

    def recognise(self, program, args):
        """The parameters of a typed command of this kind, or None when it is not one."""
        if self.esxcli is None:
            return self._recognise(program, args) if program in self.programs else None
        return None  # esxcli kinds are matched by their namespace (kinds.recognise)

    def esxcli_params(self, tokens):
        """Parameters from esxcli-style options: ``-i vmk1``, ``--interface-name=vmk1``, flags."""
        return option_values(tokens, self.options)

    # -- parsing -------------------------------------------------------------------------------

    def parse(self, text):
        """The output as generic rows. Raises ParseError on garbage."""
        if self.esxcli is None:
            return self._parse(text)
        return _parse_esxcli(self, text)


def option_values(tokens, spec):
    """Parameters from esxcli-style options: ``-i vmk1``, ``--interface-name=vmk1``, flags."""
    params = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        name, value = token, None
        if token.startswith("--") and "=" in token:
            name, value = token.split("=", 1)
        param = spec.get(name)
        if param is None:
            i += 1
            continue
        if param in FLAG_PARAMS:
            params[param] = True if value is None else value.lower() not in ("false", "0")
            i += 1
            continue
        if value is None:
            value = tokens[i + 1] if i + 1 < len(tokens) else None
            i += 1
        params[param] = value
        i += 1
    return params


def looks_like_xml(text):
    head = (text or "").lstrip()[:200]
    return head.startswith("<?xml") or head.startswith("<output")


def _tags_rows(value):
    """Tags from XML (a list of strings, or a structure with a Tags field)."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [{"tags": [v.strip() for v in value if v.strip()]}]
    rows = xmlparse.as_rows(value) if not isinstance(value, str) else []
    for row in rows:
        if "tags" in row:
            return [{"tags": human.split_list(row["tags"])}]
    raise ParseError(msg("parse.no-field", field="Tags"))


def _parse_esxcli(kind, text):
    shape = kind.shape
    if looks_like_xml(text):
        value = xmlparse.parse_esxcli_xml(text)
        if value is None:
            return []
        if shape == "tags":
            return _tags_rows(value)
        if shape == "diagping":
            return [ping.diag_ping_from_fields(value)]
        return xmlparse.as_rows(value)
    if shape in ("table", "stanzas") and not (text or "").strip():
        return []  # an empty listing: nothing of that kind on this host
    if shape == "table":
        return human.parse_table(text, kind.table)
    if shape == "stanza":
        fields = human.parse_stanza(text)
        return Rows([fields], fields.cut)
    if shape == "stanzas":
        stanzas = human.parse_stanzas(text)
        rows = Rows(cut=stanzas.cut)
        for name, fields in stanzas:
            if name is not None:
                fields.setdefault("name", name)
            rows.append(fields)
        return rows
    if shape == "tags":
        human.check_error(text)
        if not text.strip():
            return [{"tags": []}]
        fields = human.parse_stanza(text)
        if "tags" not in fields:
            raise ParseError(msg("parse.no-field", field="Tags"))
        return Rows([{"tags": human.split_list(fields["tags"])}], fields.cut)
    if shape == "diagping":
        return [ping.parse_diag_ping(text)]
    raise ParseError(msg("parse.no-parser", kind=kind.name))
