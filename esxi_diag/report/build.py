"""The machine report (schema ``esxi-diag/1``): facts, data paths, findings and the command record.

Everything a renderer shows comes from this dict, so the text report and ``--json`` never disagree.
The contract is documented in docs/report.md.
"""

import time

from esxi_diag import SCHEMA, __version__
from esxi_diag import status as status_mod
from esxi_diag.analysis.model import natural_key
from esxi_diag.analysis.reach import planned as reach_planned
from esxi_diag.render.messages import finding_text, is_message, render
from esxi_diag.sources import capture as cap


def _text(out, key, value):
    """``out[key]``: the English words of ``value`` (a message or a plain string); a message is
    kept beside them as ``out[key + "_message"]``, for the renderers of other languages."""
    out[key] = render(value)
    if is_message(value):
        out[key + "_message"] = value
    return out


def _texts(key, values):
    """A list of texts: English words in ``key``, their messages in ``key + "_message"`` (None for
    a plain string)."""
    values = list(values or [])
    out = {key: [render(v) for v in values]}
    if any(is_message(v) for v in values):
        out[key + "_message"] = [v if is_message(v) else None for v in values]
    return out


def finding_json(f):
    """A finding as the report holds it: its data, and its English title, detail and remedy."""
    out = dict(f)
    for part in ("title", "detail", "remedy"):
        out[part] = finding_text(f, part)
    if out.get("remedy_steps") is None:
        out.pop("remedy_steps", None)
    return out


def _vmknic_json(v, paths):
    ipv4 = v.get("ipv4")
    roles = [r for r in ("hot", "cold") if v["name"] in paths[r]["vmknics"]]
    return {
        "name": v["name"], "enabled": v.get("enabled"), "netstack": v.get("netstack"),
        "mtu": v.get("mtu"), "portgroup": v.get("portgroup"), "portset": v.get("portset"),
        "vds_name": v.get("vds_name"), "dvport": v.get("dvport"),
        "opaque_network": v.get("opaque_network"), "mac": v.get("mac"),
        "tags": list(v["tags"]) if v.get("tags") is not None else None,
        "ipv4": None if not ipv4 else {"address": ipv4.get("address"),
                                       "netmask": ipv4.get("netmask"),
                                       "gateway": ipv4.get("gateway"),
                                       "gateway_known": bool(ipv4.get("gateway_known")),
                                       "type": ipv4.get("type")},
        "ipv4_known": bool(v.get("ipv4_known")),
        "ipv6": [dict(a) for a in v.get("ipv6", [])],
        "roles": roles,
    }


def _tuning_json(tuning):
    rate = tuning.get("net_expected_line_rate_mbps") or {}
    return {
        "net_expected_line_rate_mbps": {"current": rate.get("current"),
                                        "default": rate.get("default"),
                                        "min": rate.get("min"), "max": rate.get("max")},
        "latency_mode_threshold_ms": tuning.get("latency_mode_threshold_ms"),
        "sbmax": dict(tuning.get("sbmax") or {}),
        "sbmax_status": dict((stack, _text(dict(status), "detail", status.get("detail")))
                             for stack, status in (tuning.get("sbmax_status") or {}).items()),
    }


def _path_json(path):
    return _text({"vmknics": list(path["vmknics"]), "netstack": path["netstack"],
                  "basis": path["basis"],
                  "inactive_tagged": list(path["inactive_tagged"]),
                  "disabled_tagged": list(path["disabled_tagged"]),
                  "unknown_tags": list(path["unknown_tags"]),
                  "ignored_tagged": list(path["ignored_tagged"])}, "reason", path["reason"])


def _probe_json(p):
    keys = ("source_vmknic", "netstack", "target", "payload_bytes", "df", "sent", "received",
            "loss_pct", "rtt_ms", "error", "command")
    return dict((k, p.get(k)) for k in keys)


def _pair_json(pair):
    r = pair["result"]
    out = dict((k, pair.get(k)) for k in ("roles", "vmknic", "netstack", "source_address", "mtu",
                                          "target", "label", "peer_mtu"))
    out["routing"] = _text(dict(pair["routing"]), "detail", pair["routing"]["detail"])
    for key in ("verdict", "severity", "rtt_ms", "rtt_count", "loss_pct",
                "df_payload", "df_ok", "jumbo_ok", "pmtu_payload", "latency_class"):
        out[key] = r.get(key)
    _text(out, "detail", r.get("detail"))
    out["problems"] = [_text({"verdict": p["verdict"]}, "detail", p["detail"])
                       for p in r.get("problems") or []]
    out["probes"] = [dict(p) for p in pair["probes"]]
    out.update(_texts("notes", pair.get("notes")))
    return out


def plan_json(plan):
    """A tuning plan as the report holds it: its reasons, notes and bases in English, their
    messages beside them (``*_message``)."""
    if plan is None:
        return None
    out = dict(plan)
    out["line_rate"] = dict(plan["line_rate"])
    _text(out["line_rate"], "basis", plan["line_rate"].get("basis"))
    out["line_rate"].update(_texts("reasons", plan["line_rate"].get("reasons")))
    out["rtt"] = _text(dict(plan["rtt"]), "basis", plan["rtt"].get("basis"))
    if plan.get("sbmax") is not None:
        out["sbmax"] = dict(plan["sbmax"])
        out["sbmax"].update(_texts("reasons", plan["sbmax"].get("reasons")))
    out.update(_texts("notes", plan.get("notes")))
    return out


def recommended_tune(plan):
    """The ``tune`` section of a report that only recommends (bundle, analyze): the plan, and
    whether it would change anything."""
    return status_mod.tune_section(plan_json(plan), {"action": "report"},
                                   status_mod.TUNE_RECOMMENDED if plan["change"]
                                   else status_mod.TUNE_NOTHING)


def recorded_reachability(reach_run):
    """What a bundle's manifest records of a check so that a replay rebuilds it: the planned
    pairs, notes and peers, texts in English with their messages beside them."""
    run = reach_run or {"pairs": [], "notes": [], "peers": [], "interrupted": False}
    return {"planned": [recorded_texts(p, ("error",)) for p in reach_planned(run["pairs"])],
            "notes": [render(n) for n in run["notes"]], "notes_message": list(run["notes"]),
            "peers": run["peers"], "interrupted": bool(run["interrupted"])}


def recorded_texts(node, keys):
    """A copy of ``node`` (a record a bundle's manifest keeps) whose texts at ``keys`` are English
    strings, with their messages beside them (``key + "_message"``): a manifest keeps the types
    it had before messages, so that older tools still read it."""
    out = dict(node)
    for key in keys:
        if key in out:
            _text(out, key, out[key])
    return out


def outcome_json(outcome):
    """What ``tune`` did: its message in English, the message beside it."""
    out = dict(outcome)
    if "message" in out:
        _text(out, "message", out["message"])
    return out


def reachability_json(reach_run, summary):
    """The report's ``reachability``: the peers, every tested path with its verdict, the
    summary."""
    out = {"peers": list(reach_run.get("peers", [])),
           "paths": [_pair_json(p) for p in reach_run["pairs"]],
           "summary": summary, "interrupted": bool(reach_run.get("interrupted"))}
    out.update(_texts("notes", reach_run.get("notes")))
    return out


def _firewall_json(facts):
    """The host firewall as the report holds it (docs/report.md)."""
    fw = facts["firewall"]
    rulesets = []
    known = dict(fw["rulesets"] or {})
    for name in fw["rules"]:  # a ruleset whose rules were read, but not whether it is enabled
        known.setdefault(name, {"name": name, "enabled": None, "allowed_all": None,
                                "enable_configurable": None, "allowed_ip_configurable": None})
    for name in sorted(known, key=natural_key):
        r = known[name]
        rules = fw["rules"].get(name)
        rulesets.append({"name": name, "enabled": r["enabled"], "allowed_all": r["allowed_all"],
                         "enable_configurable": r["enable_configurable"],
                         "allowed_ip_configurable": r["allowed_ip_configurable"],
                         "rules": [dict(x) for x in rules] if rules is not None else None})
    return {"read": fw["rulesets"] is not None,
            "complete": "firewall-rulesets" in facts["known"], "enabled": fw["enabled"],
            "default_action": fw["default_action"], "rulesets": rulesets}


def _vms_json(facts):
    vms = facts.get("vms") or {"inventory": "not-read", "list": []}
    return {"inventory": vms["inventory"], "list": [dict(v) for v in vms["list"]]}


def build_report(facts, paths, findings, captures, source, meta):
    by_name = lambda d: sorted(d.values(), key=lambda x: natural_key(x["name"]))
    host = dict(facts["host"])
    routes, routes6 = [], []
    for stack in sorted(facts["routes"], key=natural_key):
        routes.extend(dict(r, partial=False) for r in facts["routes"][stack])
    partial = facts.get("partial_routes") or {}
    for stack in sorted(partial, key=natural_key):  # from a cut table: the table is not known
        routes.extend(dict(r, partial=True) for r in partial[stack])
    for stack in sorted(facts["routes6"], key=natural_key):
        routes6.extend(dict(r) for r in facts["routes6"][stack])
    counts = dict((s, 0) for s in ("fail", "warn", "info", "ok"))
    for f in findings:
        counts[f["severity"]] += 1
    status = status_mod.exit_status(findings)
    nothing_read = not any(c.status == cap.PARSED for c in captures)
    if nothing_read:
        status = status_mod.EXIT_CANNOT  # nothing could be read: no verdict at all, not "OK"
    undetermined = [r for r in ("hot", "cold") if paths[r]["basis"] == "unknown"]
    out = {
        "schema": SCHEMA,
        "tool": {"name": "esxi-diag", "version": __version__},
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "source": dict(source),
        "host": {"hostname": host.get("hostname"), "fqdn": host.get("fqdn"),
                 "product": host.get("product"), "version": host.get("version"),
                 "build": host.get("build"), "update": host.get("update"),
                 "patch": host.get("patch"), "secure_boot": host.get("secure_boot"),
                 "encryption": host.get("encryption")},
        "vmknics": [_vmknic_json(v, paths) for v in by_name(facts["vmknics"])],
        "nics": [dict(n) for n in by_name(facts["nics"])],
        "vswitches": [dict(s) for s in by_name(facts["vswitches"])],
        "portgroups": [dict(p) for p in by_name(facts["portgroups"])],
        "netstacks": facts["netstacks"],
        "routes": routes,
        "routes_ipv6": routes6,
        "default_gateway": facts.get("default_gateway"),
        "data_paths": {"hot": _path_json(paths["hot"]), "cold": _path_json(paths["cold"])},
        "probes": [_probe_json(p) for p in facts["probes"]],
        "tuning": _tuning_json(facts["tuning"]),
        "vms": _vms_json(facts),
        "firewall": _firewall_json(facts),
        "findings": [finding_json(f) for f in findings],
        "summary": {"fail": counts["fail"], "warn": counts["warn"], "info": counts["info"],
                    "ok": counts["ok"], "exit_status": status, "nothing_read": nothing_read,
                    "undetermined": undetermined},
        "commands": [c.to_dict() for c in captures],
        "unrecognised": list(meta.get("unrecognised", [])),
    }
    out.update(_texts("notes", list(meta.get("notes", [])) + list(facts.get("notes") or [])))
    return out


def command_counts(report):
    counts = dict((s, 0) for s in (cap.PARSED, cap.UNPARSED, cap.FAILED, cap.UNAVAILABLE))
    for c in report["commands"]:
        if c["status"] in counts:
            counts[c["status"]] += 1
    return counts
