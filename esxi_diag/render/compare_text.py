"""The text of ``esxi-diag compare``: the hosts, a matrix of verdicts (row: source, column:
destination), then the findings of every pair that has any, within 100 display columns. Made
from the comparison (schema esxi-diag-compare/1) only, in the comparison's language like the host
report (render/text.py, whose table, wrapping and remedy lines it uses): every fixed word from
the catalog's LABELS, every finding's words from its message. Every value is made terminal-safe
before it is printed.
"""

from esxi_diag.render import messages, width
from esxi_diag.render.safe import safe_report, terminal_safe
from esxi_diag.render.text import WIDTH, Words, remedy_lines, table, wrap_lines as _wrap

MATRIX_MAX = 16  # hosts shown as a matrix; beyond, one line per host with its counts
_CUT = "..."


def _verdict(w, verdict):
    return w("compare.verdict." + verdict) if verdict else "-"


def _finding(w, f):
    title = w.finding(f, "title") or f.get("title") or ""
    out = _wrap("%s %s  %s" % (width.ljust(w("compare.severity." + f["severity"]), 7), f["id"],
                               title), "    ", " " * 10)
    out += _wrap(w.finding(f, "detail") or f.get("detail") or "", " " * 10)
    if f.get("remedy") or f.get("remedy_steps"):
        out += remedy_lines(f.get("remedy") or "", " " * 10, f.get("remedy_steps"), w)
    return out


def _hosts(w, result):
    rows = []
    for i, h in enumerate(result["hosts"], 1):
        rows.append([str(i), h["name"], h["release"], w("compare.vms." + (h["vms"] or "absent")),
                     w("compare.yes" if h["checked"] else "compare.no"), h["input"]])
    lines = table([w("compare.col.n"), w("compare.col.host"), w("compare.col.release"),
                   w("compare.col.vms"), w("compare.col.checked"), w("compare.col.input")], rows)
    return [_fit(line) for line in lines]


def _fit(line, tail=20):
    """The input is the last column: a long path keeps its end (the file name) within the
    width, its middle cut."""
    if width.width(line) <= WIDTH:
        return line
    head = line[:len(line) - tail]
    while head and width.width(head) + len(_CUT) + tail > WIDTH:
        head = head[:-1]
    return head + _CUT + line[-tail:]


def _matrix(w, result):
    hosts = result["hosts"]
    if len(hosts) > MATRIX_MAX:
        rows = []
        for i, h in enumerate(hosts):
            counts = dict((v, 0) for v in ("ok", "warn", "fail", "unknown"))
            for cell in result["matrix"][i]:
                if cell:
                    counts[cell] += 1
            rows.append([h["name"]] + [str(counts[v]) for v in ("fail", "warn", "unknown", "ok")])
        return [w("compare.per-source", count=len(hosts))] + table(
            [w("compare.col.source")] + [_verdict(w, v) for v in ("fail", "warn", "unknown",
                                                                  "ok")], rows)
    headers = [w("compare.col.source-destination")] + ["%d" % (i + 1) for i in range(len(hosts))]
    rows = [["%d %s" % (i + 1, h["name"])] + [_verdict(w, cell) for cell in result["matrix"][i]]
            for i, h in enumerate(hosts)]
    return [w("compare.matrix-intro")] + table(headers, rows)


def _pair_head(w, p):
    facts = []
    if p.get("routed") is True:
        facts.append(w("compare.routed"))
    elif p.get("routed") is False:
        facts.append(w("compare.on-link"))
    if p.get("rtt_ms") is not None:
        facts.append(w("compare.rtt", rtt=p["rtt_ms"]))
    facts.append(w("compare.long-distance") if p.get("long_distance") is True else
                 w("compare.lan") if p.get("long_distance") is False else
                 w("compare.not-measured"))
    return w("compare.pair", source=p["source"], destination=p["destination"],
             verdict=_verdict(w, p["verdict"]), facts=w("compare.facts-sep").join(facts))


def _reference(w, result):
    ref = result.get("reference") or {}
    parts = [w(word, value=ref[key]) for key, word in (
        ("line_rate_mbps", "compare.ref.rate"),
        ("latency_mode_threshold_ms", "compare.ref.threshold"),
        ("sbmax", "compare.ref.sbmax")) if ref.get(key) is not None]
    if not parts:
        return []
    return _wrap(w("compare.reference", values=w("compare.facts-sep").join(parts)), "", "  ")


def render(result, lang=messages.DEFAULT):
    return terminal_safe(_render(safe_report(result), Words(lang)))


def _render(result, w):
    s = result["summary"]
    out = [w("compare.head", version=(result.get("tool") or {}).get("version") or "?",
             hosts=s["hosts"], pairs=s["pairs"])]
    out += ["", w("compare.sec.hosts")] + _hosts(w, result)
    for i in result.get("inputs") or []:
        if i.get("status") != "compared":
            out.extend(_wrap(w("compare.input." + i["status"], input=i["input"],
                               reason=i.get("reason") or ""), "  ", "    "))
    if s["hosts"] >= 2:
        out += [""] + _matrix(w, result)
        reference = _reference(w, result)
        if reference:
            out += [""] + reference
    for note in w.texts(result, "notes"):
        out += _wrap(w("compare.note", note=note), "", "  ")
    if result["pairs"]:
        out += ["", w("compare.sec.pairs")]
    for p in result["pairs"]:
        out += [""] + _wrap(_pair_head(w, p), "  ", "    ")
        for f in p["findings"]:
            out += _finding(w, f)
    v = s["verdicts"]
    out += ["", w("compare.result.%d" % s["exit_status"], ok=v["ok"], warn=v["warn"],
                  fail=v["fail"], unknown=v["unknown"], status=s["exit_status"])]
    return "\n".join(out) + "\n"
