"""Kinds of the host firewall: whether it is on (``esxcli network firewall get``), its rulesets
and whether each is enabled (``esxcli network firewall ruleset list``; from 8.0 U2 with two more
columns), and the ports of each ruleset (``esxcli network firewall ruleset rule list``). vMotion's
ruleset is ``vMotion`` (TCP 8000), the cold data's ``NFC`` (TCP 902). Formats:
shared/reference/esxi-output-formats-vm-and-security.md, section 4.

Which addresses a ruleset admits (``ruleset allowedip list``) has no public capture: it is not
read, and the report says so (``allowed_all`` null).
"""

from esxi_diag.analysis.model import complete, none_read, skip, text, to_bool, to_int
from esxi_diag.kinds.base import FIRST, Kind
from esxi_diag.names import valid_ruleset
from esxi_diag.parsers import cells
from esxi_diag.message import msg


def _ruleset_name(rows, value):
    name = text(value, 64)
    if name is None or not valid_ruleset(name):
        skip(rows, msg("cut.ruleset-name"))
        return None
    return name


def _rulesets(facts, rows, params, capture):
    fw = facts["firewall"]
    found = []
    for row in rows:
        name = _ruleset_name(rows, row.get("name"))
        if name is None:
            continue
        found.append({"name": name, "enabled": to_bool(row.get("enabled")),
                      "allowed_all": None,
                      "enable_configurable": to_bool(row.get("enabledisableconfigurable")),
                      "allowed_ip_configurable": to_bool(row.get("allowedipconfigurable"))})
    if rows and not found:
        none_read(rows, msg("parse.item.ruleset"))
    if fw["rulesets"] is None:
        fw["rulesets"] = {}
    for ruleset in found:
        fw["rulesets"].setdefault(ruleset["name"], ruleset)
    if not params.get("ruleset") and complete(rows):
        facts["known"].add("firewall-rulesets")


def _rules(facts, rows, params, capture):
    found = {}
    for row in rows:
        name = _ruleset_name(rows, row.get("ruleset"))
        if name is None:
            continue
        found.setdefault(name, []).append({
            "direction": text(row.get("direction"), 16), "protocol": text(row.get("protocol"), 16),
            "port_type": text(row.get("porttype"), 16),
            "port_begin": to_int(row.get("portbegin"), 0, 65535),
            "port_end": to_int(row.get("portend"), 0, 65535)})
    if rows and not found:
        none_read(rows, msg("parse.item.firewall-rule"))
    if complete(rows):
        for name, rules in found.items():
            facts["firewall"]["rules"].setdefault(name, rules)


def _firewall(facts, rows, params, capture):
    row = rows[0] if rows else {}
    fw = facts["firewall"]
    if fw["enabled"] is None:
        fw["enabled"] = to_bool(row.get("enabled"))
    if fw["default_action"] is None:
        action = (text(row.get("defaultaction"), 16) or "").upper()
        fw["default_action"] = action if action in ("DROP", "PASS") else None


_RULESET_TABLE = {"name": cells.WORD, "enabled": cells.BOOL,
                  "enabledisableconfigurable": cells.BOOL, "allowedipconfigurable": cells.BOOL}
_RULE_TABLE = {"ruleset": cells.WORD, "direction": cells.WORD, "protocol": cells.WORD,
               "porttype": cells.WORD, "portbegin": cells.INT, "portend": cells.INT}
_RULESET_OPTION = {"-r": "ruleset", "--ruleset-id": "ruleset"}

KINDS = (
    Kind("firewall.get", esxcli=("network", "firewall", "get"), shape="stanza",
         extract=_firewall, order=80, collect=FIRST, manual="once"),
    Kind("firewall.ruleset.list", esxcli=("network", "firewall", "ruleset", "list"),
         shape="table", table=_RULESET_TABLE, options=_RULESET_OPTION, extract=_rulesets,
         order=81, collect=FIRST, manual="once"),
    Kind("firewall.rule.list", esxcli=("network", "firewall", "ruleset", "rule", "list"),
         shape="table", table=_RULE_TABLE, options=_RULESET_OPTION, extract=_rules, order=82,
         collect=FIRST, manual="once"),
)
