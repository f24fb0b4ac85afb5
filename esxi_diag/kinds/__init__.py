"""What esxi-diag can read: the registry of command kinds.

A *kind* names one piece of host data (``ip.interface.list``, ``ip.route.ipv4`` for one
netstack...). Each is declared once, with everything about it, by a family module of this package
(kinds/base.py says what a ``Kind`` holds): system, interfaces, routes, switches, tuning, ping,
vms (virtual machines), firewall. This
module answers for all of them:

- ``argv(kind, params, xml)``: the command line the collector runs (``--formatter=xml``) or the one
  a person types (default formatter), used by the ``commands`` list and the simulator's transcripts;
- ``recognise(line)``: which kind a command line typed in a transcript is, with its parameters;
- ``parse(kind, text)``: the output as generic rows (dicts with normalised keys);
- ``extractor(kind)``, ``extraction_rank()``: how rows become facts, preferred sources first;
- ``initial_plan()``, ``discoveries(kind, rows)``, ``follow_ups(discovered)``, ``manual_plan()``:
  the collection plan.

Adding a kind is one ``Kind(...)`` in its family module (and its answer in the simulator).
Names that reach a command line are validated by esxi_diag/names.py, re-exported here.
"""

import shlex

from esxi_diag.kinds.base import GATE, looks_like_xml
from esxi_diag.names import (DEFAULT_NETSTACK, LATENCY_OPTION, LINE_RATE_OPTION,
                             MAX_COMMAND_CHARS, config_node, display, sbmax_node, valid_netstack,
                             valid_option, valid_ruleset, valid_vmknic, valid_vmx_path,
                             valid_world)
from esxi_diag.parsers import Rows, cut_of

_REGISTRY = {}


def register(kinds):
    for kind in kinds:
        if kind.name in _REGISTRY:
            raise ValueError("kind %s declared twice" % kind.name)
        _REGISTRY[kind.name] = kind


def get(name):
    """The Kind called ``name``; KeyError when there is none."""
    return _REGISTRY[name]


def exists(name):
    return isinstance(name, str) and name in _REGISTRY


def is_esxcli(name):
    return exists(name) and _REGISTRY[name].esxcli is not None


def all_kinds():
    """Every kind, in extraction order."""
    return sorted(_REGISTRY.values(), key=lambda k: (k.order, k.name))


def kind_names():
    return [k.name for k in all_kinds()]


# -- command lines -------------------------------------------------------------------------------

def argv(kind, params=None, xml=True, cli="esxcli"):
    """The command line for a kind the collector runs (or, with xml=False, a person types)."""
    return get(kind).argv(params or {}, xml, cli)


def recognise(command_line):
    """(kind, params) for a command line typed on an ESXi shell, or None when not recognised."""
    if not isinstance(command_line, str) or len(command_line) > MAX_COMMAND_CHARS:
        return None
    try:
        tokens = shlex.split(command_line)
    except ValueError:
        return None
    if not tokens:
        return None
    program, args = tokens[0].rsplit("/", 1)[-1], tokens[1:]
    if program in ("esxcli", "localcli"):
        return _recognise_esxcli(args)
    if program in ("python", "python3") and args:  # "python .../secureBoot.py -s"
        program, args = args[0].rsplit("/", 1)[-1], args[1:]
    for kind in all_kinds():
        params = kind.recognise(program, args)
        if params is not None:
            return kind.name, params
    return None


def _recognise_esxcli(tokens):
    # skip global options (--formatter=..., --debug, --server ...) before the namespace
    i = 0
    fmt = None
    while i < len(tokens) and tokens[i].startswith("-"):
        if tokens[i].startswith("--formatter"):
            fmt = tokens[i].split("=", 1)[1] if "=" in tokens[i] else (
                tokens[i + 1] if i + 1 < len(tokens) else None)
            if "=" not in tokens[i]:
                i += 1
        i += 1
    words = []
    while i < len(tokens) and not tokens[i].startswith("-"):
        words.append(tokens[i].lower())
        i += 1
    for kind in all_kinds():
        if kind.esxcli == tuple(words):
            if fmt not in (None, "xml"):
                return None  # csv/keyvalue are not read
            return kind.name, kind.esxcli_params(tokens[i:])
    return None


# -- outputs and facts ---------------------------------------------------------------------------

def parse(kind, text):
    """The output of one command as generic rows (a parsers.Rows: its ``cut`` lists what was left
    out of an edited or damaged output). Raises ParseError on garbage."""
    rows = get(kind).parse(text)
    return rows if isinstance(rows, Rows) else Rows(rows, cut_of(rows))


def extractor(kind):
    return get(kind).extract


def extraction_rank():
    """{kind: rank}: captures are read into facts in this order, preferred sources first."""
    return dict((k.name, i) for i, k in enumerate(all_kinds()))


# -- the collection plan -------------------------------------------------------------------------

def initial_plan():
    """(kind, params) of the commands that depend on nothing, those that gate follow-ups first."""
    kinds = sorted((k for k in all_kinds() if k.collect is not None),
                   key=lambda k: (k.collect, k.order))
    return [(k.name, dict(params)) for k in kinds for params in k.instances]


def discoveries(kind, rows):
    """{category: [names]} that a parsed capture of ``kind`` reveals (vmknics, netstacks)."""
    found = get(kind).discovers
    return found(rows) if found is not None else {}


# the parameter a name of each category fills, and what a valid one looks like
_CATEGORIES = {"vmknic": ("vmknic", valid_vmknic), "netstack": ("netstack", valid_netstack),
               "instantiated-netstack": ("netstack", valid_netstack),
               "vmx": ("path", valid_vmx_path), "world": ("world", valid_world)}


def follow_ups(category, name):
    """(kind, params) of the kinds that run once per name of ``category``."""
    param = _CATEGORIES.get(category, ("netstack", None))[0]
    return [(k.name, {param: name}) for k in all_kinds() if category in k.each]


def manual_plan(vmknics, netstacks, vmx=(), worlds=()):
    """The whole plan with names filled in, in order (for transcripts and the commands list):
    the kinds asked for once, then those asked for per vmknic, netstack, VM (its .vmx path) and
    running VM (its World ID)."""
    plan = [(k.name, dict(p)) for k in all_kinds() if k.manual == "once" for p in k.instances]
    for category, names in (("vmknic", vmknics), ("netstack", netstacks), ("vmx", vmx),
                            ("world", worlds)):
        param, valid = _CATEGORIES[category]
        names = [n for n in names if valid(n)]
        for kind in all_kinds():
            if category in kind.each:
                plan.extend((kind.name, {param: n}) for n in names)
    return plan


def _families():
    from esxi_diag.kinds import (firewall, interfaces, ping, routes, switches, system, tuning,
                                 vms)
    for family in (system, interfaces, routes, switches, tuning, ping, vms, firewall):
        register(family.KINDS)


_families()

# the command lines that are not a kind of data: a data path's vmkping, and the changes tune makes
from esxi_diag.kinds.ping import vmkping_argv  # noqa: E402
from esxi_diag.kinds.system import SECUREBOOT  # noqa: E402
from esxi_diag.kinds.tuning import AUTO_BACKUP, advanced_set_argv, sbmax_set_argv  # noqa: E402

__all__ = [
    # the registry
    "register", "get", "exists", "is_esxcli", "all_kinds", "kind_names", "argv", "recognise",
    "parse", "extractor", "extraction_rank", "initial_plan", "discoveries", "follow_ups",
    "manual_plan", "GATE", "looks_like_xml",
    # names (esxi_diag/names.py) and command lines that are not kinds of data
    "DEFAULT_NETSTACK", "LATENCY_OPTION", "LINE_RATE_OPTION", "MAX_COMMAND_CHARS", "config_node",
    "display", "sbmax_node", "valid_netstack", "valid_option", "valid_vmknic", "valid_vmx_path",
    "valid_world", "valid_ruleset", "vmkping_argv",
    "SECUREBOOT", "AUTO_BACKUP", "advanced_set_argv", "sbmax_set_argv"]
