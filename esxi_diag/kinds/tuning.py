"""Kinds of the Long Distance vMotion tuning: the advanced options (``esxcli system settings
advanced list -o``, ``vsish -e get /config/...``) and the sbMax node of each netstack in use; and the
command lines that change them (only ``tune --apply`` and ``--rollback`` run those)."""

import re

from esxi_diag import names
from esxi_diag.analysis.model import netstack_name, text, to_int
from esxi_diag.kinds.base import FIRST, Kind
from esxi_diag.names import LATENCY_OPTION, LINE_RATE_OPTION, config_node, sbmax_node
from esxi_diag.parsers import ParseError, vsish
from esxi_diag.message import msg


def _option_values(row, current, default, minimum, maximum):
    return {"current": to_int(row.get(current)), "default": to_int(row.get(default)),
            "min": to_int(row.get(minimum)), "max": to_int(row.get(maximum))}


def _apply_option(facts, path, values):
    tuning = facts["tuning"]
    if not isinstance(path, str):
        return
    if path.lower() == LINE_RATE_OPTION.lower():
        if tuning["net_expected_line_rate_mbps"] is None:
            tuning["net_expected_line_rate_mbps"] = values
    elif path.lower() == LATENCY_OPTION.lower():
        if tuning["latency_mode_threshold_ms"] is None:
            tuning["latency_mode_threshold_ms"] = values["current"]


def _advanced(facts, rows, params, capture):
    seen = False
    for row in rows:
        path = text(row.get("path"), 128) or text(params.get("option"), 128)
        if not path or not names.valid_option(path):
            continue
        seen = True
        _apply_option(facts, path, _option_values(row, "intvalue", "defaultintvalue", "minvalue",
                                                  "maxvalue"))
    if not seen:
        raise ParseError(msg("parse.no-field", field="Path"))


def _vsish_int(value):
    return to_int(value, -(2 ** 63), 2 ** 63 - 1)


def _vsish_config(facts, rows, params, capture):
    value = rows[0]["value"]
    if not isinstance(value, dict):
        values = {"current": _vsish_int(value), "default": None, "min": None, "max": None}
    else:
        values = {"current": _vsish_int(vsish.current_value(value)),
                  "default": _vsish_int(value.get("defaultvalue", value.get("def"))),
                  "min": _vsish_int(value.get("minvalue", value.get("min"))),
                  "max": _vsish_int(value.get("maxvalue", value.get("max")))}
    if values["current"] is None:
        raise ParseError(msg("parse.vsish-no-current"))
    _apply_option(facts, params.get("option"), values)


def _sbmax(facts, rows, params, capture):
    parsed = rows[0]["value"]
    value = to_int(vsish.current_value(parsed), 0, 2 ** 63 - 1)
    stack = netstack_name(params.get("netstack"))
    if value is None or stack is None:
        raise ParseError(msg("parse.sbmax-no-number"))
    facts["tuning"]["sbmax"].setdefault(stack, value)
    if isinstance(parsed, dict):  # a node that shows its limits (the format is unverified)
        limits = {"min": to_int(parsed.get("minvalue", parsed.get("min")), 0),
                  "max": to_int(parsed.get("maxvalue", parsed.get("max")), 0)}
        if any(isinstance(v, int) for v in limits.values()):
            facts["tuning"]["sbmax_limits"].setdefault(stack, limits)


def _parse_vsish(text_value):
    return [{"value": vsish.parse_vsish(text_value)}]


def _vsish_path(args):
    paths = [a for a in args if a.startswith("/")]
    if "get" not in args or len(paths) != 1:
        return None
    return paths[0].rstrip("/")


def _recognise_sbmax(program, args):
    m = re.match(r"^/net/tcpip/instances/([^/]+)/sbMax$", _vsish_path(args) or "")
    return {"netstack": m.group(1)} if m else None


def _recognise_config(program, args):
    m = re.match(r"^/config/([^/]+)/intOpts/([^/]+)$", _vsish_path(args) or "")
    return {"option": "/%s/%s" % (m.group(1), m.group(2))} if m else None


KINDS = (
    Kind("advanced.option", esxcli=("system", "settings", "advanced", "list"), shape="stanzas",
         options={"-o": "option", "--option": "option"}, extract=_advanced, order=50,
         collect=FIRST, manual="once", needs="option",
         instances=({"option": LINE_RATE_OPTION}, {"option": LATENCY_OPTION})),
    Kind("vsish.config", programs=("vsish",),
         argv=lambda p: ["vsish", "-e", "get", config_node(p["option"])],
         recognise=_recognise_config, parse=_parse_vsish, extract=_vsish_config, order=51,
         needs="option"),
    Kind("vsish.sbmax", programs=("vsish",),
         argv=lambda p: ["vsish", "-e", "get", sbmax_node(p["netstack"])],
         recognise=_recognise_sbmax, parse=_parse_vsish, extract=_sbmax, order=52,
         each=("netstack",), needs="netstack"),
)

# -- the commands that change the host (only ``tune --apply`` and ``--rollback`` run them) --

AUTO_BACKUP = ["/sbin/auto-backup.sh"]


def advanced_set_argv(option, value, cli="esxcli"):
    """Persists across reboots by itself."""
    if not names.valid_option(option):
        raise ValueError("invalid advanced option %r" % (option,))
    return [cli, "system", "settings", "advanced", "set", "-o", option, "-i", str(int(value))]


def sbmax_set_argv(netstack, value):
    """Changes the running value only: lost at reboot unless persisted in local.sh."""
    if not names.valid_netstack(netstack):
        raise ValueError("invalid netstack name %r" % (netstack,))
    return ["vsish", "-e", "set", sbmax_node(netstack), str(int(value))]
