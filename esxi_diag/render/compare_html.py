"""The HTML page of ``esxi-diag compare``: one self-contained page (no script, no external
resource, a Content-Security-Policy that says so), in the style of the host report
(render/html.py: its stylesheet, its escaping): the hosts, the matrix of verdicts (each cell links
to its pair), then every pair with findings. Made from the comparison (schema esxi-diag-compare/1)
only; every fixed word comes from the catalog's LABELS (render.messages.label); every value goes
through ``esc``.
"""

from esxi_diag.render import html as host_html
from esxi_diag.render import messages
from esxi_diag.render.html import Html, esc, remedy_html

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


class _Words(object):
    """The page's words in one language: labels as escaped HTML (``L``) or plain text (``P``)."""

    def __init__(self, lang):
        self.lang = lang

    def P(self, key, **values):
        return messages.label(key, self.lang, **values)

    L = host_html._Page.L  # a label as escaped HTML, as on the host page

    def badge(self, verdict):
        sev = _SEV.get(verdict, "info")
        return Html('<span class="badge sev-%s">%s</span>' % (
            sev, self.L("compare.verdict." + verdict) if verdict in _SEV else esc(verdict)))

    def severity(self, severity):
        return Html('<span class="badge sev-%s">%s</span>' % (
            _SEV.get(severity, "info"), self.L("compare.severity." + severity)
            if severity in _SEV else esc(severity)))

    def remedy(self, f):
        if not f.get("remedy") and not f.get("remedy_steps"):
            return ""
        return '<div class="remedy"><div class="remedy-head">%s</div>%s</div>' % (
            self.L("compare.html.remedy"), remedy_html(f.get("remedy") or "",
                                                       f.get("remedy_steps"), self.lang))


_table = host_html._table  # a table as on the host page ((attrs, row) rows)


def _hosts(w, result):
    rows = []
    for i, h in enumerate(result["hosts"], 1):
        rows.append(("", [esc(i), esc(h["name"]), esc(h["release"]),
                          w.L("compare.vms." + (h["vms"] or "absent")),
                          w.L("compare.yes" if h["checked"] else "compare.no"),
                          Html("<code>%s</code>" % esc(h["input"]))]))
    notes = "".join('<p class="note">%s</p>' % w.L("compare.input." + i["status"],
                                                    input=i["input"], reason=i.get("reason") or "")
                    for i in result.get("inputs") or [] if i.get("status") != "compared")
    return '<section id="hosts"><h2>%s</h2>%s%s</section>' % (
        w.L("compare.sec.hosts"), _table("hosts", [
            w.L("compare.col.n"), w.L("compare.col.host"), w.L("compare.col.release"),
            w.L("compare.col.vms"), w.L("compare.col.checked"), w.L("compare.col.input")], rows),
        notes)


def _anchor(i, j):
    return "pair-%d-%d" % (i + 1, j + 1)


def _matrix(w, result):
    hosts = result["hosts"]
    if len(hosts) < 2:
        return ""
    with_findings = set((p["source"], p["destination"]) for p in result["pairs"])
    headers = [w.L("compare.col.source-destination")] + [
        Html('<span title="%s">%d</span>' % (esc(h["name"]), i + 1)) for i, h in enumerate(hosts)]
    rows = []
    for i, h in enumerate(hosts):
        cells = [Html("%d %s" % (i + 1, esc(h["name"])))]
        for j, cell in enumerate(result["matrix"][i]):
            if cell is None:
                cells.append(Html('<span class="self">-</span>'))
            elif (h["name"], hosts[j]["name"]) in with_findings:
                cells.append(Html('<a href="#%s">%s</a>' % (_anchor(i, j), w.badge(cell))))
            else:
                cells.append(w.badge(cell))
        rows.append(("", cells))
    return '<section id="matrix"><h2>%s</h2><p class="intro">%s</p>%s%s</section>' % (
        w.L("compare.html.matrix"), w.L("compare.matrix-intro"), _table("matrix", headers, rows),
        _reference(w, result))


def _reference(w, result):
    ref = result.get("reference") or {}
    parts = [w.P(word, value=ref[key]) for key, word in (
        ("line_rate_mbps", "compare.ref.rate"), ("latency_mode_threshold_ms",
                                                 "compare.ref.threshold"),
        ("sbmax", "compare.ref.sbmax")) if ref.get(key) is not None]
    if not parts:
        return ""
    return '<p class="small">%s</p>' % w.L("compare.reference", values=w.P(
        "compare.facts-sep").join(parts))


def _facts(w, p):
    facts = []
    if p.get("routed") is True:
        facts.append(w.P("compare.routed"))
    elif p.get("routed") is False:
        facts.append(w.P("compare.on-link"))
    if p.get("rtt_ms") is not None:
        facts.append(w.P("compare.rtt", rtt=p["rtt_ms"]))
    facts.append(w.P("compare.long-distance") if p.get("long_distance") is True else
                 w.P("compare.lan") if p.get("long_distance") is False else
                 w.P("compare.not-measured"))
    return w.P("compare.facts-sep").join(facts)


def _pairs(w, result):
    if not result["pairs"]:
        return ""
    index = dict((h["name"], i) for i, h in enumerate(result["hosts"]))
    out = ['<section id="pairs"><h2>%s</h2>' % w.L("compare.sec.pairs")]
    for p in result["pairs"]:
        rows = []
        for f in p["findings"]:
            cell = ['<div class="f-title">%s</div>' % esc(
                messages.finding_text(f, "title", w.lang) or ""),
                '<p class="f-detail">%s</p>' % esc(messages.finding_text(f, "detail", w.lang) or
                                                   ""), w.remedy(f)]
            rows.append((' class="finding sev-%s"' % _SEV.get(f["severity"], "info"),
                         [w.severity(f["severity"]), Html('<code class="fid">%s</code>' %
                                                          esc(f["id"])), Html("".join(cell))]))
        out.append('<div class="pair" id="%s"><h3>%s &rarr; %s %s <span class="facts">%s'
                   '</span></h3>%s</div>' % (
                       _anchor(index.get(p["source"], 0), index.get(p["destination"], 0)),
                       esc(p["source"]), esc(p["destination"]), w.badge(p["verdict"]),
                       esc(_facts(w, p)), _table("findings", [
                           w.L("compare.html.severity"), w.L("compare.html.id"),
                           w.L("compare.html.finding")], rows)))
    out.append("</section>")
    return "".join(out)


def render_html(result, lang=messages.DEFAULT):
    """The comparison as one self-contained HTML5 page (plain ASCII), in ``lang``."""
    w = _Words(lang)
    s = result["summary"]
    sev = {0: "ok", 1: "warn", 2: "fail"}.get(s["exit_status"], "fail")
    v = s["verdicts"]
    version = (result.get("tool") or {}).get("version") or ""
    title = w.P("compare.html.title", hosts=s["hosts"], pairs=s["pairs"])
    head = ['<header class="head">',
            '<p class="kicker">%s</p>' % w.L("compare.html.kicker", version=version),
            "<h1>%s</h1>" % esc(title),
            '<dl class="meta"><div><dt>%s</dt><dd>%s</dd></div></dl>' % (
                w.L("compare.html.generated"), esc(result.get("generated_at") or "")),
            '<div class="result sev-%s"><strong>%s</strong></div>' % (sev, esc(w.P(
                "compare.result.%d" % s["exit_status"], ok=v["ok"], warn=v["warn"],
                fail=v["fail"], unknown=v["unknown"], status=s["exit_status"]))),
            "</header>"]
    notes = "".join('<p class="note">%s</p>' % w.L("compare.note", note=n)
                    for n in messages.texts_of(result, "notes", lang))
    body = "".join(head) + _hosts(w, result) + _matrix(w, result) + notes + _pairs(w, result)
    body += "<footer>%s</footer>" % w.L("compare.html.footer", version=version,
                                        schema=result.get("schema") or "")
    page = "".join([
        '<html lang="%s">\n<head>\n<meta charset="utf-8">\n' % esc(lang),
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; img-src data:">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        "<title>%s</title>\n" % esc(title),
        "<style>%s%s</style>\n</head>\n<body>\n<main class=\"page\">\n" % (
            host_html._CSS, _CSS),
        body, "\n</main>\n</body>\n</html>\n"])
    return "<!DOCTYPE html>\n" + page.encode("ascii", "xmlcharrefreplace").decode("ascii")
