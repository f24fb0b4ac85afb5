"""The HTML page of ``esxi-diag compare``: one self-contained page (no script, no external
resource, a Content-Security-Policy that says so), in the style of the host report
(render/html.py: its stylesheet, its escaping): the hosts, the matrix of verdicts (each cell links
to its pair), then every pair with findings. Made from the comparison (schema esxi-diag-compare/1)
only; every fixed word comes from the catalog's LABELS (render.messages.label); every value goes
through ``esc``.
"""

from esxi_diag.render import html as host_html
from esxi_diag.render.html import Html, esc, is_command
from esxi_diag.render.messages import label
from esxi_diag.render.messages import render as render_message

_SEV = {"ok": "ok", "warn": "warn", "fail": "fail", "unknown": "info", "info": "info"}
_CSS = """
table.matrix { width: auto; }
table.matrix td, table.matrix th { text-align: center; white-space: nowrap; }
table.matrix td:first-child, table.matrix th:first-child { text-align: left; }
table.matrix a { text-decoration: none; }
td.self { color: var(--muted); }
.pair { margin-top: 18px; }
.pair h3 { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; }
.pair .facts { color: var(--muted); font-size: 13px; font-weight: 400; }
"""


def _L(key, **values):
    """A label as escaped HTML, its {names} filled with escaped values."""
    text = label(key)
    if not values:
        return esc(text)
    return Html(esc(text).format(**dict((k, esc(v)) for k, v in values.items())))


def _badge(verdict):
    sev = _SEV.get(verdict, "info")
    return Html('<span class="badge sev-%s">%s</span>' % (
        sev, _L("compare.verdict." + verdict) if verdict in _SEV else esc(verdict)))


def _severity(severity):
    return Html('<span class="badge sev-%s">%s</span>' % (
        _SEV.get(severity, "info"), _L("compare.severity." + severity)
        if severity in _SEV else esc(severity)))


def _remedy(f):
    steps = f.get("remedy_steps")
    if steps:
        lines = [(True, s["command"]) if isinstance(s, dict) and "command" in s else
                 (False, render_message(s)) for s in steps]
    elif f.get("remedy"):
        lines = [(is_command(line), line) for line in f["remedy"].split("\n")]
    else:
        return ""
    out, run = [], []
    for is_cmd, text in lines + [(False, None)]:
        if is_cmd:
            run.append(esc(text))
            continue
        if run:
            out.append('<pre class="cmd"><code>%s</code></pre>' % "\n".join(run))
            run = []
        if text is not None:
            out.append("<p>%s</p>" % esc(text))
    return '<div class="remedy"><div class="remedy-head">%s</div>%s</div>' % (
        _L("compare.html.remedy"), "".join(out))


def _table(cls, headers, rows):
    out = ['<div class="table-wrap"><table class="%s"><thead><tr>' % cls]
    out.extend("<th>%s</th>" % h for h in headers)
    out.append("</tr></thead><tbody>")
    for attrs, row in rows:
        out.append("<tr%s>%s</tr>" % (attrs, "".join("<td>%s</td>" % c for c in row)))
    out.append("</tbody></table></div>")
    return "".join(out)


def _hosts(result):
    rows = []
    for i, h in enumerate(result["hosts"], 1):
        rows.append(("", [esc(i), esc(h["name"]), esc(h["release"]),
                          _L("compare.vms." + (h["vms"] or "absent")),
                          _L("compare.yes" if h["checked"] else "compare.no"),
                          Html("<code>%s</code>" % esc(h["input"]))]))
    notes = "".join('<p class="note">%s</p>' % _L("compare.input." + i["status"],
                                                   input=i["input"], reason=i.get("reason") or "")
                    for i in result.get("inputs") or [] if i.get("status") != "compared")
    return '<section id="hosts"><h2>%s</h2>%s%s</section>' % (
        _L("compare.sec.hosts"), _table("hosts", [
            _L("compare.col.n"), _L("compare.col.host"), _L("compare.col.release"),
            _L("compare.col.vms"), _L("compare.col.checked"), _L("compare.col.input")], rows),
        notes)


def _anchor(i, j):
    return "pair-%d-%d" % (i + 1, j + 1)


def _matrix(result):
    hosts = result["hosts"]
    if len(hosts) < 2:
        return ""
    with_findings = set((p["source"], p["destination"]) for p in result["pairs"])
    headers = [_L("compare.col.source-destination")] + [
        Html('<span title="%s">%d</span>' % (esc(h["name"]), i + 1)) for i, h in enumerate(hosts)]
    rows = []
    for i, h in enumerate(hosts):
        cells = [Html("%d %s" % (i + 1, esc(h["name"])))]
        for j, cell in enumerate(result["matrix"][i]):
            if cell is None:
                cells.append(Html('<span class="self">-</span>'))
            elif (h["name"], hosts[j]["name"]) in with_findings:
                cells.append(Html('<a href="#%s">%s</a>' % (_anchor(i, j), _badge(cell))))
            else:
                cells.append(_badge(cell))
        rows.append(("", cells))
    return '<section id="matrix"><h2>%s</h2><p class="intro">%s</p>%s%s</section>' % (
        _L("compare.html.matrix"), _L("compare.matrix-intro"), _table("matrix", headers, rows),
        _reference(result))


def _reference(result):
    ref = result.get("reference") or {}
    parts = [label(word, value=ref[key]) for key, word in (
        ("line_rate_mbps", "compare.ref.rate"), ("latency_mode_threshold_ms",
                                                 "compare.ref.threshold"),
        ("sbmax", "compare.ref.sbmax")) if ref.get(key) is not None]
    if not parts:
        return ""
    return '<p class="small">%s</p>' % _L("compare.reference", values="; ".join(parts))


def _facts(p):
    facts = []
    if p.get("routed") is True:
        facts.append(label("compare.routed"))
    elif p.get("routed") is False:
        facts.append(label("compare.on-link"))
    if p.get("rtt_ms") is not None:
        facts.append(label("compare.rtt", rtt=p["rtt_ms"]))
    facts.append(label("compare.long-distance") if p.get("long_distance") is True else
                 label("compare.lan") if p.get("long_distance") is False else
                 label("compare.not-measured"))
    return ", ".join(facts)


def _pairs(result):
    if not result["pairs"]:
        return ""
    index = dict((h["name"], i) for i, h in enumerate(result["hosts"]))
    out = ['<section id="pairs"><h2>%s</h2>' % _L("compare.sec.pairs")]
    for p in result["pairs"]:
        rows = []
        for f in p["findings"]:
            cell = ['<div class="f-title">%s</div>' % esc(f.get("title") or ""),
                    '<p class="f-detail">%s</p>' % esc(f.get("detail") or ""), _remedy(f)]
            rows.append((' class="finding sev-%s"' % _SEV.get(f["severity"], "info"),
                         [_severity(f["severity"]), Html('<code class="fid">%s</code>' %
                                                         esc(f["id"])), Html("".join(cell))]))
        out.append('<div class="pair" id="%s"><h3>%s &rarr; %s %s <span class="facts">%s'
                   '</span></h3>%s</div>' % (
                       _anchor(index.get(p["source"], 0), index.get(p["destination"], 0)),
                       esc(p["source"]), esc(p["destination"]), _badge(p["verdict"]),
                       esc(_facts(p)), _table("findings", [
                           _L("compare.html.severity"), _L("compare.html.id"),
                           _L("compare.html.finding")], rows)))
    out.append("</section>")
    return "".join(out)


def render_html(result):
    """The comparison as one self-contained HTML5 page (plain ASCII)."""
    s = result["summary"]
    sev = {0: "ok", 1: "warn", 2: "fail"}.get(s["exit_status"], "fail")
    v = s["verdicts"]
    version = (result.get("tool") or {}).get("version") or ""
    head = ['<header class="head">',
            '<p class="kicker">%s</p>' % _L("compare.html.kicker", version=version),
            "<h1>%s</h1>" % _L("compare.html.title", hosts=s["hosts"], pairs=s["pairs"]),
            '<dl class="meta"><div><dt>%s</dt><dd>%s</dd></div></dl>' % (
                _L("compare.html.generated"), esc(result.get("generated_at") or "")),
            '<div class="result sev-%s"><strong>%s</strong></div>' % (sev, esc(label(
                "compare.result.%d" % s["exit_status"], ok=v["ok"], warn=v["warn"],
                fail=v["fail"], unknown=v["unknown"], status=s["exit_status"]))),
            "</header>"]
    notes = "".join('<p class="note">%s</p>' % _L("compare.note", note=n)
                    for n in result.get("notes") or [])
    body = "".join(head) + _hosts(result) + _matrix(result) + notes + _pairs(result)
    body += "<footer>%s</footer>" % _L("compare.html.footer", version=version,
                                       schema=result.get("schema") or "")
    page = "".join([
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; img-src data:">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        "<title>%s</title>\n" % _L("compare.html.title", hosts=s["hosts"], pairs=s["pairs"]),
        "<style>%s%s</style>\n</head>\n<body>\n<main class=\"page\">\n" % (
            host_html._CSS, _CSS),
        body, "\n</main>\n</body>\n</html>\n"])
    return "<!DOCTYPE html>\n" + page.encode("ascii", "xmlcharrefreplace").decode("ascii")
