"""The text of ``esxi-diag compare``: the hosts, a matrix of verdicts (row: source, column:
destination), then the findings of every pair that has any, within 100 columns. Made from the
comparison (schema esxi-diag-compare/1) only; every fixed word comes from the catalog's LABELS
(render.messages.label), every value is made terminal-safe before it is printed.
"""

import textwrap

from esxi_diag.render.messages import label
from esxi_diag.render.messages import render as render_message
from esxi_diag.render.safe import terminal_safe

WIDTH = 100
MATRIX_MAX = 16  # hosts shown as a matrix; beyond, one line per host with its counts
_COMMAND_WORDS = ("esxcli ", "localcli ", "vsish ", "vmkping ", "esxi-diag ", "/etc/init.d/",
                  "/sbin/")


def _safe(value):
    return terminal_safe("" if value is None else str(value), keep_newlines=False)


def _wrap(text, indent, first=None):
    return textwrap.wrap(text, WIDTH, initial_indent=indent if first is None else first,
                         subsequent_indent=indent, break_on_hyphens=False,
                         break_long_words=False) or [(first or indent).rstrip()]


def _table(headers, rows, indent="  "):
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = [indent + "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    for r in rows:
        lines.append(indent + "  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
    return lines


def _verdict(verdict):
    return label("compare.verdict." + verdict) if verdict else "-"


def _shell(command, lead, indent):
    """A command kept whole: long ones continued with a trailing backslash."""
    lines, current, empty = [], lead, True
    for word in command.split(" "):
        if not empty and len(current) + 1 + len(word) > WIDTH - 2:
            lines.append(current + " \\")
            current = indent + "  " + word
        else:
            current = current + ("" if empty else " ") + word
        empty = False
    lines.append(current)
    return lines


def _remedy(f, indent):
    steps = f.get("remedy_steps")
    if steps:
        texts = [(True, s["command"]) if isinstance(s, dict) and "command" in s else
                 (False, render_message(s)) for s in steps]
    elif f.get("remedy"):
        texts = [(line.startswith(_COMMAND_WORDS), line) for line in f["remedy"].split("\n")]
    else:
        return []
    out = []
    for i, (is_command, text) in enumerate(texts):
        lead = indent + (label("compare.fix") + " " if i == 0 else "  ")
        text = _safe(text)
        if is_command:
            out.extend(_shell(text, lead, indent + "  "))
        else:
            out.extend(_wrap(text, indent + "  ", lead))
    return out


def _finding(f):
    sev = label("compare.severity." + f["severity"])
    out = _wrap("%-7s %s  %s" % (sev, _safe(f["id"]), _safe(f["title"])), " " * 10, "    ")
    out += _wrap(_safe(f["detail"]), " " * 10)
    out += _remedy(f, " " * 10)
    return out


def _hosts(result):
    rows = []
    for i, h in enumerate(result["hosts"], 1):
        rows.append([str(i), _safe(h["name"]), _safe(h["release"]), _safe(h["input"]),
                     label("compare.vms." + (h["vms"] or "absent")),
                     label("compare.yes" if h["checked"] else "compare.no")])
    return _table([label("compare.col.n"), label("compare.col.host"),
                   label("compare.col.release"), label("compare.col.input"),
                   label("compare.col.vms"), label("compare.col.checked")], rows)


def _matrix(result):
    hosts = result["hosts"]
    if len(hosts) > MATRIX_MAX:
        rows = []
        for i, h in enumerate(hosts):
            counts = dict((v, 0) for v in ("ok", "warn", "fail", "unknown"))
            for j, cell in enumerate(result["matrix"][i]):
                if cell:
                    counts[cell] += 1
            rows.append([_safe(h["name"])] + [str(counts[v]) for v in
                                              ("fail", "warn", "unknown", "ok")])
        return [label("compare.per-source", count=len(hosts))] + _table(
            [label("compare.col.source")] + [_verdict(v) for v in
                                             ("fail", "warn", "unknown", "ok")], rows)
    headers = [label("compare.col.source-destination")] + [
        "%d" % (i + 1) for i in range(len(hosts))]
    rows = []
    for i, h in enumerate(hosts):
        rows.append(["%d %s" % (i + 1, _safe(h["name"]))] + [
            _verdict(cell) for cell in result["matrix"][i]])
    return [label("compare.matrix-intro")] + _table(headers, rows)


def _pair_head(p):
    facts = []
    if p.get("routed") is True:
        facts.append(label("compare.routed"))
    elif p.get("routed") is False:
        facts.append(label("compare.on-link"))
    if p.get("rtt_ms") is not None:
        facts.append(label("compare.rtt", rtt=p["rtt_ms"]))
    if p.get("long_distance") is True:
        facts.append(label("compare.long-distance"))
    elif p.get("long_distance") is False:
        facts.append(label("compare.lan"))
    else:
        facts.append(label("compare.not-measured"))
    return "%s -> %s: %s (%s)" % (_safe(p["source"]), _safe(p["destination"]),
                                  _verdict(p["verdict"]), ", ".join(facts))


def _reference(result):
    ref = result.get("reference") or {}
    parts = []
    for key, word in (("line_rate_mbps", "compare.ref.rate"),
                      ("latency_mode_threshold_ms", "compare.ref.threshold"),
                      ("sbmax", "compare.ref.sbmax")):
        if ref.get(key) is not None:
            parts.append(label(word, value=ref[key]))
    return _wrap(label("compare.reference", values="; ".join(parts)), "  ", "") if parts else []


def render(result):
    s = result["summary"]
    out = [label("compare.head", version=_safe((result.get("tool") or {}).get("version")),
                 hosts=s["hosts"], pairs=s["pairs"])]
    refused = [i for i in result.get("inputs") or [] if i.get("status") != "compared"]
    out += ["", label("compare.sec.hosts")] + _hosts(result)
    for i in refused:
        out.extend(_wrap(label("compare.input." + i["status"], input=_safe(i["input"]),
                               reason=_safe(i.get("reason") or "")), "    ", "  "))
    if s["hosts"] >= 2:
        out += [""] + _matrix(result)
        out += [""] + _reference(result) if _reference(result) else []
    for note in result.get("notes") or []:
        out += _wrap(label("compare.note", note=_safe(note)), "  ", "")
    if result["pairs"]:
        out += ["", label("compare.sec.pairs")]
    for p in result["pairs"]:
        out += [""] + _wrap(_pair_head(p), "    ", "  ")
        for f in p["findings"]:
            out += _finding(f)
    out += ["", _result(s)]
    return terminal_safe("\n".join(out) + "\n")


def _result(s):
    v = s["verdicts"]
    return label("compare.result.%d" % s["exit_status"], ok=v["ok"], warn=v["warn"],
                 fail=v["fail"], unknown=v["unknown"], status=s["exit_status"])

