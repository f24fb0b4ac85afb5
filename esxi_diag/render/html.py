"""The HTML report: one self-contained page for a support case, read in a browser.

Made from the JSON report only (report.py, schema esxi-diag/1), like render_text.py. The page has
no script, no external resource (inline <style> only; a Content-Security-Policy says so to the
browser as well) and prints cleanly. The vMotion data paths are drawn as inline SVG: for hot and
cold data, each VMkernel port through its netstack, switch and uplinks to the peers tested from
it, one line per tested path, coloured by its verdict and labelled in words.

Every value taken from the report goes through ``esc`` (control characters shown as \\xNN, then
html.escape with quote=True). Every fixed text of the page comes from the LABELS of the language's
catalog (render/catalogs/) through ``label``, and every text of the report (findings, reasons,
notes) from its message (render/messages.py), so that another language is a catalog.

On-host code: Python 3.5, standard library only.
"""

import html
import re

from esxi_diag import status as status_mod
from esxi_diag.parsers.cells import prefix_length
from esxi_diag.render import messages, width as _width

_LABELS = messages.catalog("en").LABELS


def label(key, lang="en"):
    """The fixed text ``key`` of the page in ``lang`` (render/catalogs/, English when that catalog
    lacks it)."""
    return messages.label(key, lang)


# Shown as \xNN: C0 controls except \t and \n, DEL and C1 (ESC and CSI/OSC sequences go inert).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Shown as \uNNNN: bidirectional overrides (text that reads other than it is) and lone surrogates
# (a JSON report may hold them; they cannot be written as UTF-8).
_INVISIBLE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(value):
    """A report value as text a person can read: control characters made visible."""
    text = value if isinstance(value, str) else str(value)
    text = _CONTROL.sub(lambda m: "\\x%02x" % ord(m.group()), text)
    return _INVISIBLE.sub(lambda m: "\\u%04x" % ord(m.group()), text)


class Html(str):
    """A fragment of markup already escaped: ``esc`` passes it through."""


def esc(value):
    if isinstance(value, Html):
        return value
    return Html(html.escape(clean(value), quote=True))


def _num(value, digits=1):
    """A number for display: integers as they are, others with ``digits`` decimals."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return "%.*f" % (digits, value)
    return clean(value)


is_command = messages.is_command_line  # a remedy line shown to be copied


_SEVERITIES = ("ok", "info", "warn", "fail")
# Diagram line colour, pattern and width per severity (the CSS has the same colours).
_COLOUR = {"ok": "#2e7d32", "warn": "#c77700", "fail": "#c62828", "info": "#6b7280"}
_DASH = {"ok": "", "warn": "9 5", "fail": "14 4 3 4", "info": "3 4"}
_WIDTH = {"ok": 2.5, "warn": 2.5, "fail": 3.5, "info": 2}


def severity_class(severity):
    """ok, warn and fail as they are; info and anything unknown: info (grey)."""
    return severity if severity in ("ok", "warn", "fail") else "info"


class _Page(object):
    def __init__(self, report, command, lang):
        self.r = report
        self.command = command
        self.lang = lang

    # -- text
    def L(self, key, **values):
        """A label as escaped HTML, its {names} filled with escaped values."""
        text = label(key, self.lang)
        if not values:
            return esc(text)
        return Html(esc(text).format(**dict((k, esc(v)) for k, v in values.items())))

    def P(self, key, **values):
        """A label as plain text (for SVG text, which is escaped later, and titles)."""
        text = label(key, self.lang)
        return text.format(**values) if values else text

    def unknown(self):
        return Html('<span class="unknown">%s</span>' % self.L("unknown"))

    def t(self, node, key):
        """A text of the report (a reason, a detail, a note) in the page's language, escaped."""
        value = messages.text_of(node, key, self.lang)
        return self.unknown() if value is None else esc(value)

    def ts(self, node, key):
        """A list of texts of the report in the page's language, escaped."""
        return [esc(v) for v in messages.texts_of(node, key, self.lang)]

    def f(self, finding, part):
        """A finding's title, detail or remedy in the page's language (plain text)."""
        return messages.finding_text(finding, part, self.lang)

    def v(self, value):
        """A report value: null is "unknown", booleans yes/no, numbers as numbers."""
        if value is None:
            return self.unknown()
        if value is True:
            return self.L("yes")
        if value is False:
            return self.L("no")
        if isinstance(value, (int, float)):
            return esc(_num(value))
        return esc(value)

    def unit(self, key, value, digits=1):
        if value is None:
            return self.unknown()
        return self.L(key, value=_num(value, digits))

    def speed(self, mbps, plain=False):
        if mbps is None:
            return self.P("unknown") if plain else self.unknown()
        if mbps >= 1000 and mbps % 100 == 0:
            key, value = "unit.gbit", "%g" % (mbps / 1000.0)
        else:
            key, value = "unit.mbit", _num(mbps)
        return self.P(key, value=value) if plain else self.L(key, value=value)

    def names(self, items):
        return Html(self.L("list.sep").join(esc(i) for i in items))


def _code(value):
    return Html('<code>%s</code>' % esc(value))


def _table(cls, headers, rows):
    out = ['<div class="table-wrap"><table class="%s">' % cls, "<thead><tr>"]
    out.extend("<th>%s</th>" % h for h in headers)
    out.append("</tr></thead><tbody>")
    for row in rows:
        attrs = ""
        if isinstance(row, tuple):
            attrs, row = row
        out.append("<tr%s>" % attrs + "".join("<td>%s</td>" % c for c in row) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _badge(page, severity):
    sev = severity_class(severity)
    text = page.L("sev." + severity) if severity in _SEVERITIES else page.v(severity)
    return Html('<span class="badge sev-%s">%s</span>' % (sev, text))


def _verdict_text(page, verdict, plain=False):
    key = "verdict.%s" % verdict
    if key in _LABELS:
        return page.P(key) if plain else page.L(key)
    if verdict is None:
        return page.P("unknown") if plain else page.unknown()
    return clean(verdict) if plain else esc(verdict)


# ---------------------------------------------------------------------------------------------
# header

def _host_name(report):
    h = report.get("host") or {}
    return h.get("fqdn") or h.get("hostname")


def _version(page):
    h = page.r.get("host") or {}
    if not h.get("version"):
        return page.unknown()
    parts = [esc("%s %s" % (h.get("product") or page.P("head.product"), h["version"]))]
    if h.get("update") not in (None, "", "0"):
        parts.append(page.L("version.update", update=h["update"]))
    text = " ".join(parts)
    if h.get("build"):
        text += page.L("version.build", build=h["build"])
    return Html(text)


def _source(page):
    s = page.r.get("source") or {}
    kind = s.get("type")
    if kind == "simulated":
        text = page.L("source.simulated", name=s.get("name") or page.P("unknown"))
    elif kind == "transcript":
        text = page.L("source.transcript", name=s.get("name") or page.P("unknown"))
    elif kind == "bundle":
        text = page.L("source.bundle", name=s.get("name") or page.P("unknown"),
                      created=s.get("created") or page.P("unknown"),
                      written_by=s.get("written_by") or page.P("unknown"))
        recorded = s.get("recorded") or {}
        if recorded.get("type") == "simulated":
            text = Html(text + " " + page.L("source.recorded_sim", name=recorded.get("name") or
                                            page.P("unknown")))
        elif recorded:
            text = Html(text + " " + page.L("source.recorded_live"))
        if s.get("case"):
            text = Html(text + page.L("sep.clause") + page.L("source.case", case=s["case"]))
    else:
        text = page.L("source.live")
    if s.get("localcli"):
        text = Html(text + page.L("sep.clause") + page.L("source.localcli") + page.L(
            "paren", text=s["localcli"]))
    return text


def _result(page):
    """(severity class, text) of the result the page leads with."""
    s = page.r.get("summary") or {}
    tune = page.r.get("tune")
    if page.command == "tune" and tune:
        status = tune.get("exit_status")
        sev = {status_mod.TUNE_NOTHING: "ok", status_mod.TUNE_RECOMMENDED: "info",
               status_mod.TUNE_APPLIED: "ok", status_mod.TUNE_NOT_PERSISTENT: "warn"}.get(
                   status, "fail")
        text = page.L("tune.result", result=_tune_result(page, tune))
        return sev, Html(text + page.L("head.exit", status=_num(status)))
    status = s.get("exit_status")
    if s.get("nothing_read"):
        text = page.L("result.nothing_read")
    elif s.get("undetermined") and (status or 0) < 2:
        text = page.L("result.undetermined", paths=page.P("result.and").join(
            page.P("role." + r) if r in ("hot", "cold") else r for r in s["undetermined"]))
    elif status in (0, 1, 2, 3):
        text = page.L("result.%d" % status)
    else:
        text = page.L("result.other", status=_num(status))
    sev = {0: "ok", 1: "warn"}.get(status, "fail")
    if s.get("undetermined") and sev == "ok":
        sev = "warn"
    return sev, Html(text + page.L("head.exit", status=_num(status)))


def _tune_result(page, tune):
    """The result of ``tune`` in the page's language (the text report's words for it)."""
    key = status_mod.tune_result_key(tune.get("exit_status"),
                                     (tune.get("outcome") or {}).get("action"))
    return page.P(key) if key in _LABELS else tune.get("result") or page.P("unknown")


def _header(page):
    r = page.r
    s = r.get("summary") or {}
    host = _host_name(r)
    h = r.get("host") or {}
    sev, text = _result(page)
    meta = [("head.esxi", _version(page)), ("head.source", _source(page)),
            ("head.generated", page.v(r.get("generated_at")))]
    if "secure_boot" in h:
        meta.append(("head.secure_boot", page.v(h.get("secure_boot"))))
    out = ['<header class="head">',
           '<p class="kicker">%s</p>' % page.L("head.kicker", version=(r.get("tool") or {}).get(
               "version") or page.P("unknown"), command=page.command),
           '<h1>%s</h1>' % (esc(host) if host else page.L("head.host_unknown")),
           '<dl class="meta">']
    for key, value in meta:
        out.append("<div><dt>%s</dt><dd>%s</dd></div>" % (page.L(key), value))
    out.append("</dl>")
    out.append('<div class="result sev-%s"><span class="badge sev-%s">%s</span> '
               '<strong>%s</strong><span class="counts">%s</span></div>' % (
                   sev, sev, page.L("head.result"), text, page.L(
                       "head.counts", fail=_num(s.get("fail", 0)), warn=_num(s.get("warn", 0)),
                       info=_num(s.get("info", 0)), ok=_num(s.get("ok", 0)))))
    out.append("</header>")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# the diagram (inline SVG)

_CHAR = 7.0  # average width of a 12px character, for truncating text to a box
_X = {"vmk": 16, "ns": 218, "sw": 418, "up": 620, "peer": 828}
_W = {"vmk": 170, "ns": 168, "sw": 170, "up": 176, "peer": 288}
_ROW = 46  # one tested path
_PEER_H = 38
_LINE = 16  # text line height inside a box
_GAP = 10  # between lanes


def _fit(text, width, char=_CHAR):
    """Truncate ``text`` (already cleaned) to about ``width`` pixels, with an ellipsis. A wide
    (Japanese) character counts as two average characters (render/width.py)."""
    n = max(3, int((width - 16) / char))
    if _width.width(text) <= n:
        return text
    kept, used = [], 0
    for ch in text:
        used += _width.char_width(ch)
        if used > n - 1:
            break
        kept.append(ch)
    return "".join(kept) + "\u2026"


class _Svg(object):
    def __init__(self):
        self.back = []  # lines, drawn first (behind the boxes)
        self.front = []

    def text(self, x, y, parts, cls="", anchor=None):
        """One text line from (text, class) parts, each its own tspan (already fitted)."""
        spans = "".join('<tspan class="%s">%s</tspan>' % (c, esc(t)) if c else
                        "<tspan>%s</tspan>" % esc(t) for t, c in parts if t != "")
        self.front.append('<text x="%d" y="%d"%s%s>%s</text>' % (
            x, y, ' class="%s"' % cls if cls else "",
            ' text-anchor="%s"' % anchor if anchor else "", spans))

    def box(self, x, y, w, h, cls, title=None):
        self.front.append('<rect class="%s" x="%d" y="%d" width="%d" height="%d" rx="6">%s</rect>'
                          % (cls, x, y, w, h, "<title>%s</title>" % esc(title) if title else ""))

    def line(self, x1, x2, y, sev, index=None, title=None):
        colour = _COLOUR[sev]
        attrs = 'x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="%s"' % (
            x1, y, x2, y, colour, _WIDTH[sev])
        if _DASH[sev]:
            attrs += ' stroke-dasharray="%s"' % _DASH[sev]
        if index is None:
            cls = "link"
        else:
            cls = "pl sev-%s" % sev
            attrs += ' data-path="%d"' % index
        self.back.append('<line class="%s" %s>%s</line>' % (
            cls, attrs, "<title>%s</title>" % esc(title) if title else ""))


def _switch_of(report, vmknic):
    """The vswitch record a vmknic sits on, or a stand-in with what the vmknic says."""
    name = None
    if vmknic:
        name = vmknic.get("vds_name") or vmknic.get("portset")
    for s in report.get("vswitches") or []:
        if name is not None and s.get("name") == name:
            return s, name
    return None, name


def _vmk_address(page, v):
    """The vmknic's address for the diagram: IPv4/prefix, else its routable IPv6."""
    ipv4 = v.get("ipv4")
    if ipv4 and ipv4.get("address"):
        prefix = prefix_length(ipv4.get("netmask"))
        return clean(ipv4["address"]) + ("/%d" % prefix if prefix is not None else "")
    six = sorted(v.get("ipv6") or [], key=lambda a: str(a.get("address")).lower().startswith(
        "fe80"))
    if six and six[0].get("address"):
        return "%s/%s" % (clean(six[0]["address"]), _num(six[0].get("prefix_length"))
                          if six[0].get("prefix_length") is not None else "?")
    if v.get("ipv4_known") and ipv4 is None:
        return page.P("vmk.no_ipv4")
    return page.P("unknown")


def _section_rows(report, role):
    """The vmknic lanes of one data path: [(netstack, switch key, vmknic name, [path index])],
    grouped so that vmknics sharing a netstack, then a switch, are adjacent."""
    vmks = dict((v.get("name"), v) for v in report.get("vmknics") or [])
    dp = (report.get("data_paths") or {}).get(role) or {}
    names = list(dp.get("vmknics") or [])
    paths = (report.get("reachability") or {}).get("paths") or []
    by_vmk = {}
    for i, p in enumerate(paths):
        if role in (p.get("roles") or []):
            if p.get("vmknic") not in names:
                names.append(p.get("vmknic"))
            by_vmk.setdefault(p.get("vmknic"), []).append(i)
    lanes, stacks, pairs = [], [], []
    for name in names:
        v = vmks.get(name) or {}
        stack = v.get("netstack") or (paths[by_vmk[name][0]].get("netstack") if by_vmk.get(name)
                                      else dp.get("netstack"))
        _, switch = _switch_of(report, v)
        if stack not in stacks:
            stacks.append(stack)
        if (stack, switch) not in pairs:
            pairs.append((stack, switch))
        lanes.append((stack, switch, name, by_vmk.get(name, [])))
    # stable: the order of the data path within a group, groups in order of first appearance
    lanes.sort(key=lambda lane: (stacks.index(lane[0]), pairs.index(lane[:2])))
    return lanes


def _uplink_lines(page, switch):
    """[(text, class)] lines of the uplinks box of a switch record (None: unknown switch)."""
    if switch is None:
        return [[(page.P("diagram.uplinks_unknown"), "muted")]]
    uplinks = switch.get("uplinks")
    if uplinks is None:
        return [[(page.P("diagram.uplinks_unknown"), "muted")]]
    if not uplinks:
        return [[(page.P("diagram.no_uplinks"), "state-fail")]]
    nics = dict((n.get("name"), n) for n in page.r.get("nics") or [])
    lines = []
    for u in uplinks:
        n = nics.get(u)
        name = (_fit(clean(u), 90), "mono")
        if n is None or n.get("link_up") is None:
            lines.append([name, ("  " + page.P("unknown"), "muted")])
        elif n.get("link_up"):
            lines.append([name, ("  " + page.P("diagram.link_up"), "state-ok"),
                          ("  " + page.speed(n.get("speed_mbps"), plain=True), "")])
        else:
            lines.append([name, ("  " + page.P("diagram.link_down"), "state-fail")])
    return lines


def _diagram(page):
    r = page.r
    paths = (r.get("reachability") or {}).get("paths") or []
    with_peers = bool(paths)
    width = (_X["peer"] + _W["peer"] + 16) if with_peers else (_X["up"] + _W["up"] + 16)
    svg = _Svg()
    y = 8
    heads = [("vmk", "diagram.col.vmknic"), ("ns", "diagram.col.netstack"),
             ("sw", "diagram.col.switch"), ("up", "diagram.col.uplinks")]
    if with_peers:
        heads.append(("peer", "diagram.col.peers"))
    for col, key in heads:
        svg.text(_X[col] + 2, y + 12, [(page.P(key), "")], cls="colhead")
    y += 24
    vmks = dict((v.get("name"), v) for v in r.get("vmknics") or [])
    for role in ("hot", "cold"):
        dp = (r.get("data_paths") or {}).get(role) or {}
        basis = dp.get("basis")
        svg.front.append('<line class="rule" x1="8" y1="%d" x2="%d" y2="%d"/>' % (
            y, width - 8, y))
        basis_text = page.P("basis." + basis) if ("basis.%s" % basis) in _LABELS else (
            clean(basis) if basis is not None else page.P("unknown"))
        svg.text(_X["vmk"], y + 22, [(page.P("diagram." + role), "section"),
                                      ("  " + page.P("diagram.%s.what" % role), "muted")])
        svg.text(width - 16, y + 22, [(page.P("diagram.rule", basis=basis_text), "muted")],
                 anchor="end")
        y += 36
        lanes = _section_rows(r, role)
        if basis in ("none", "unknown", None) or not dp.get("vmknics"):
            key = "diagram.undetermined." if basis in ("unknown", None) else "diagram.no_vmknic."
            box_w = _X["up"] + _W["up"] - _X["vmk"]
            svg.box(_X["vmk"], y, box_w, 50, "node missing", title=messages.text_of(dp, "reason", page.lang))
            svg.text(_X["vmk"] + 12, y + 20, [(page.P(key + role), "strong")])
            svg.text(_X["vmk"] + 12, y + 38, [(_fit(clean(messages.text_of(dp, "reason", page.lang) or ""), box_w,
                                                    6.4), "muted")])
            y += 50 + _GAP
        y = _lanes(page, svg, lanes, vmks, y, with_peers)
        y += 8
    height = y + 4
    title = page.P("diagram.title", host=clean(_host_name(r) or page.P("head.host_unknown")))
    return ('<svg class="diagram" role="img" '
            'aria-labelledby="diagram-title" viewBox="0 0 %d %d" width="%d" height="%d" '
            'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, '
            'sans-serif" font-size="12"><title id="diagram-title">%s</title>%s%s</svg>' % (
                width, height, width, height, esc(title), "".join(svg.back),
                "".join(svg.front)))


def _lanes(page, svg, lanes, vmks, y, with_peers):
    """Draw the lanes of one section from ``y``; returns the y below them."""
    paths = (page.r.get("reachability") or {}).get("paths") or []
    # lane heights: the rows of its paths, the vmknic box, and the uplinks of its switch group
    heights = []
    for stack, switch, name, idx in lanes:
        heights.append(max(len(idx) * _ROW, 3 * _LINE + 14))
    groups = []  # (first lane, last lane) sharing netstack and switch
    for i, lane in enumerate(lanes):
        if groups and lanes[groups[-1][0]][:2] == lane[:2]:
            groups[-1][1] = i
        else:
            groups.append([i, i])
    switch_records = {}
    for first, last in groups:
        rec, _ = _switch_of(page.r, vmks.get(lanes[first][2]))
        switch_records[first] = rec
        need = len(_uplink_lines(page, rec)) * _LINE + 14
        need = max(need, 3 * _LINE + 14)
        have = sum(heights[first:last + 1]) + _GAP * (last - first)
        if have < need:
            heights[last] += need - have
    tops = []
    for i, h in enumerate(heights):
        tops.append(y)
        y += h + _GAP
    # netstack spans: consecutive lanes with the same netstack
    spans = []
    for i, lane in enumerate(lanes):
        if spans and lanes[spans[-1][0]][0] == lane[0]:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    for first, last in spans:
        top, bottom = tops[first], tops[last] + heights[last]
        stack = lanes[first][0]
        svg.box(_X["ns"], top, _W["ns"], bottom - top, "node")
        svg.text(_X["ns"] + 10, top + 20, [(_fit(clean(stack) if stack else page.P("unknown"),
                                                  _W["ns"]), "strong")])
        svg.text(_X["ns"] + 10, top + 20 + _LINE, [(page.P("diagram.netstack"), "muted")])
    for first, last in groups:
        top, bottom = tops[first], tops[last] + heights[last]
        rec = switch_records[first]
        name = lanes[first][1]
        if rec is None:
            svg.box(_X["sw"], top, _W["sw"], bottom - top, "node missing")
            svg.text(_X["sw"] + 10, top + 20, [(_fit(clean(name), _W["sw"]) if name else
                                                 page.P("unknown"), "strong")])
            svg.text(_X["sw"] + 10, top + 20 + _LINE, [(page.P("diagram.switch_unknown"),
                                                        "muted")])
        else:
            kind = rec.get("type")
            kind_text = page.P("sw." + kind) if kind in ("standard", "distributed") else (
                clean(kind) if kind else page.P("unknown"))
            svg.box(_X["sw"], top, _W["sw"], bottom - top, "node")
            svg.text(_X["sw"] + 10, top + 20, [(_fit(clean(rec.get("name")), _W["sw"]),
                                                 "strong")])
            svg.text(_X["sw"] + 10, top + 20 + _LINE, [(kind_text, "muted")])
            svg.text(_X["sw"] + 10, top + 20 + 2 * _LINE, [(page.P(
                "unit.mtu", value=_num(rec.get("mtu")) if rec.get("mtu") is not None
                else page.P("unknown")), "")])
        lines = _uplink_lines(page, rec)
        svg.box(_X["up"], top, _W["up"], bottom - top, "node")
        for k, parts in enumerate(lines):
            svg.text(_X["up"] + 10, top + 20 + k * _LINE, parts)
    for i, (stack, switch, name, idx) in enumerate(lanes):
        top, h = tops[i], heights[i]
        v = vmks.get(name) or {}
        disabled = v.get("enabled") is False
        svg.box(_X["vmk"], top, _W["vmk"], h, "node vmk" + (" missing" if disabled else ""))
        vname = clean(name) if name else page.P("unknown")
        head = [(_fit(vname, _W["vmk"] - 60), "strong")]
        if disabled:
            head.append(("  " + page.P("enabled.false"), "state-fail"))
        svg.text(_X["vmk"] + 10, top + 20, head)
        svg.text(_X["vmk"] + 10, top + 20 + _LINE, [(_fit(_vmk_address(page, v), _W["vmk"],
                                                          7.2), "mono")])
        svg.text(_X["vmk"] + 10, top + 20 + 2 * _LINE, [(page.P(
            "unit.mtu", value=_num(v.get("mtu")) if v.get("mtu") is not None
            else page.P("unknown")), "")])
        x1 = _X["vmk"] + _W["vmk"]
        if not idx:
            mid = top + min(h, 3 * _LINE + 14) // 2
            svg.line(x1, _X["up"], mid, "info")
            if with_peers:
                svg.text(_X["peer"] + 10, mid + 4, [(page.P("diagram.not_tested"), "muted")])
            continue
        for k, index in enumerate(idx):
            p = paths[index]
            sev = severity_class(p.get("severity"))
            cy = int(top + (k + 0.5) * h / len(idx))
            verdict = _verdict_text(page, p.get("verdict"), plain=True)
            target = clean(p.get("target")) if p.get("target") is not None else page.P(
                "unknown")
            if p.get("label"):
                title = page.P("diagram.path_title_label", vmknic=vname, target=target,
                               label=clean(p["label"]), verdict=verdict)
            else:
                title = page.P("diagram.path_title", vmknic=vname, target=target,
                               verdict=verdict)
            svg.line(x1, _X["peer"], cy, sev, index=index, title=title)
            svg.box(_X["peer"], cy - _PEER_H // 2, _W["peer"], _PEER_H, "peer sev-%s" % sev,
                    title=title)
            first = [(_fit(target, 160, 7.2), "mono strong")]
            if p.get("label"):
                first.append(("  " + _fit(clean(p["label"]), _W["peer"] - 10 - 7.2 * min(
                    len(target), 20), 6.7), "muted"))
            svg.text(_X["peer"] + 9, cy - 4, first)
            second = [(verdict, "verdict-%s" % sev)]
            rtt = p.get("rtt_ms") or {}
            if rtt.get("avg") is not None:
                second.append(("  " + page.P("unit.ms", value="%.1f" % rtt["avg"]), ""))
            svg.text(_X["peer"] + 9, cy + 12, second)
    return y


def _legend(page, with_peers):
    items = []
    for sev in ("ok", "warn", "fail", "info") if with_peers else ("info",):
        colour = _COLOUR[sev]
        dash = ' stroke-dasharray="%s"' % _DASH[sev] if _DASH[sev] else ""
        items.append('<li><svg class="swatch" width="44" height="10" viewBox="0 0 44 10" '
                     'aria-hidden="true"><line x1="0" y1="5" x2="44" y2="5" stroke="%s" '
                     'stroke-width="%s"%s/></svg> %s %s</li>' % (
                         colour, _WIDTH[sev], dash, _badge(page, sev),
                         page.L("legend.%s" % sev) if with_peers or sev != "info"
                         else page.L("legend.link")))
    return '<ul class="legend" aria-label="%s">%s</ul>' % (page.L("legend.title"),
                                                          "".join(items))


def _datapath_table(page):
    rows = []
    for role in ("hot", "cold"):
        dp = (page.r.get("data_paths") or {}).get(role) or {}
        basis = dp.get("basis")
        basis_text = page.L("basis." + basis) if ("basis.%s" % basis) in _LABELS else page.v(
            basis)
        remarks = []
        for field, key in (("inactive_tagged", "dp.inactive"), ("disabled_tagged", "dp.disabled"),
                           ("unknown_tags", "dp.unknown_tags"), ("ignored_tagged", "dp.ignored")):
            if dp.get(field):
                remarks.append(page.L(key, names=page.names(dp[field])))
        vmknics = dp.get("vmknics")
        known = basis not in (None, "unknown")  # an empty list is "none" only when determined
        rows.append([page.L("dp." + role),
                     Html("<code>%s</code>" % page.names(vmknics)) if vmknics else
                     page.L("none") if known else page.unknown(),
                     page.v(dp.get("netstack")) if dp.get("netstack") or not known
                     else page.L("none"),
                     basis_text, page.t(dp, "reason"),
                     Html("<br>".join(remarks)) if remarks else page.L("none")])
    return _table("datapaths", [page.L(k) for k in ("dp.role", "dp.vmknics", "dp.netstack",
                                                     "dp.rule", "dp.reason", "dp.remarks")], rows)


def _paths_section(page):
    with_peers = bool(((page.r.get("reachability") or {}).get("paths")))
    return ('<section id="paths"><h2>%s</h2><p class="intro">%s</p><figure class="diagram-wrap">'
            '%s<figcaption>%s</figcaption></figure>%s</section>' % (
                page.L("sec.paths"), page.L("diagram.intro"), _diagram(page),
                _legend(page, with_peers), _datapath_table(page)))


# ---------------------------------------------------------------------------------------------
# findings

def remedy_html(remedy, steps=None, lang="en"):
    """A remedy: prose lines as paragraphs, runs of command lines as one <pre> to copy. With its
    steps (``remedy_steps``) each line is known to be a command or prose; without (a report
    written before them) a line is a command when it reads as one."""
    blocks = []
    lines = [("pre" if command else "p", line)
             for command, line in messages.remedy_items(remedy, steps, lang)]
    for kind, line in lines:
        if not (line or "").strip():
            blocks.append(("gap", None))
            continue
        if kind == "pre" and blocks and blocks[-1][0] == "pre":
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    out = []
    for kind, lines in blocks:
        if kind == "pre":
            out.append('<pre class="cmd"><code>%s</code></pre>' % "\n".join(
                esc(line) for line in lines))
        elif kind == "p":
            out.append("<p>%s</p>" % esc(lines[0]))
    return "".join(out)


def _findings_section(page):
    findings = page.r.get("findings") or []
    s = page.r.get("summary") or {}
    rows = []
    for f in findings:
        sev = f.get("severity")
        cell = ['<div class="f-title">%s</div>' % page.v(page.f(f, "title"))]
        if page.f(f, "detail"):
            cell.append('<p class="f-detail">%s</p>' % esc(page.f(f, "detail")))
        if f.get("subjects"):
            cell.append('<p class="f-subjects">%s</p>' % page.L(
                "f.subjects", names=Html("<code>%s</code>" % page.names(f["subjects"]))))
        if page.f(f, "remedy"):
            cell.append('<div class="remedy"><div class="remedy-head">%s</div>%s</div>' % (
                page.L("f.remedy"), remedy_html(page.f(f, "remedy"), f.get("remedy_steps"), page.lang)))
        rows.append((' class="finding sev-%s"' % severity_class(sev),
                     [_badge(page, sev), '<code class="fid">%s</code>' % page.v(f.get("id")),
                      "".join(cell)]))
    body = _table("findings", [page.L("f.severity"), page.L("f.id"), page.L("f.finding")],
                  rows) if rows else "<p>%s</p>" % page.L("f.none")
    return '<section id="findings"><h2>%s</h2><p class="intro">%s</p>%s</section>' % (
        page.L("sec.findings"), page.L("head.counts", fail=_num(s.get("fail", 0)),
                                       warn=_num(s.get("warn", 0)), info=_num(s.get("info", 0)),
                                       ok=_num(s.get("ok", 0))), body)


# ---------------------------------------------------------------------------------------------
# facts tables

def _vmknics_section(page):
    rows = []
    for v in page.r.get("vmknics") or []:
        addr = []
        ipv4 = v.get("ipv4")
        if ipv4:
            prefix = prefix_length(ipv4.get("netmask"))
            text = _code(("%s/%d" % (clean(ipv4.get("address")), prefix)) if prefix is not None
                         and ipv4.get("address") else ipv4.get("address") or page.P("unknown"))
            gw = ipv4.get("gateway")
            addr.append(text + '<br><span class="small">%s</span>' % page.L(
                "vmk.gateway", gateway=_code(gw) if gw else page.L("none")))
        elif v.get("ipv4_known"):
            addr.append(page.L("vmk.no_ipv4"))
        else:
            addr.append(Html('<span class="unknown">%s</span>' % page.L("vmk.ipv4_unknown")))
        for a in v.get("ipv6") or []:
            addr.append(_code("%s/%s" % (clean(a.get("address")), _num(a.get("prefix_length"))
                                         if a.get("prefix_length") is not None else "?")))
        where = v.get("vds_name") or v.get("portset")
        pg = v.get("portgroup")
        if pg is not None:
            pg_text = esc(pg)
        elif v.get("vds_name"):
            pg_text = page.L("na_distributed")
        else:
            pg_text = page.unknown()
        tags = v.get("tags")
        roles = v.get("roles") or []
        name = _code(v.get("name") if v.get("name") is not None else page.P("unknown"))
        if v.get("mac"):
            name = Html(name + '<br><span class="small mono">%s</span>' % esc(v["mac"]))
        rows.append([name,
                     Html(" ".join('<span class="role">%s</span>' % page.L("role." + r)
                                   for r in roles if r in ("hot", "cold"))) or page.L("none"),
                     page.v(v.get("netstack")), page.v(v.get("mtu")), Html("<br>".join(addr)),
                     Html("%s<br>%s" % (page.v(where), pg_text)),
                     page.unknown() if tags is None else (page.names(tags) if tags else
                                                          page.L("none")),
                     page.v(v.get("enabled"))])
    body = _table("vmknics", [page.L("vmk." + k) for k in (
        "name", "role", "netstack", "mtu", "addresses", "switch", "tags", "enabled")], rows) \
        if rows else "<p>%s</p>" % page.L("vmk.none_known")
    return '<section id="vmknics"><h2>%s</h2>%s</section>' % (page.L("sec.vmknics"), body)


def _switches_section(page):
    nics = dict((n.get("name"), n) for n in page.r.get("nics") or [])
    rows = []
    for s in page.r.get("vswitches") or []:
        ups = []
        for u in s.get("uplinks") or []:
            n = nics.get(u)
            if n is None or n.get("link_up") is None:
                state = page.unknown()
            elif n.get("link_up"):
                state = Html('<span class="state-ok">%s</span> %s' % (
                    page.L("nic.up"), page.speed(n.get("speed_mbps"))))
            else:
                state = Html('<span class="state-fail">%s</span>' % page.L("nic.down"))
            ups.append("%s %s" % (_code(u), state))
        if s.get("uplinks") is None:
            ups_html = page.unknown()
        else:
            ups_html = Html("<br>".join(ups)) if ups else Html(
                '<span class="state-fail">%s</span>' % page.L("diagram.no_uplinks"))
        kind = s.get("type")
        pgs = s.get("portgroups")
        rows.append([_code(s.get("name")), page.L("sw." + kind) if kind in (
            "standard", "distributed") else page.v(kind), page.v(s.get("mtu")), ups_html,
            page.names(pgs) if pgs else (page.L("na_distributed") if kind == "distributed"
                                         else page.unknown() if pgs is None else page.L("none"))])
    out = ['<section id="switches"><h2>%s</h2>' % page.L("sec.switches")]
    out.append(_table("switches", [page.L("sw." + k) for k in (
        "name", "type", "mtu", "uplinks", "portgroups")], rows) if rows else
        "<p>%s</p>" % page.L("sw.none_known"))
    nrows = []
    for n in page.r.get("nics") or []:
        link = n.get("link_up")
        nrows.append([_code(n.get("name")), page.unknown() if link is None else Html(
            '<span class="state-%s">%s</span>' % ("ok" if link else "fail",
                                                  page.L("nic.up" if link else "nic.down"))),
            page.unknown() if n.get("admin_up") is None else page.L(
                "nic.up" if n.get("admin_up") else "nic.down"),
            page.speed(n.get("speed_mbps")), page.v(n.get("duplex")), page.v(n.get("mtu")),
            page.v(n.get("driver")), Html('<span class="mono">%s</span>' % page.v(n.get("mac"))),
            page.v(n.get("description"))])
    out.append("<h3>%s</h3>" % page.L("sec.nics"))
    out.append(_table("nics", [page.L("nic." + k) for k in (
        "name", "link", "admin", "speed", "duplex", "mtu", "driver", "mac", "description")],
        nrows) if nrows else "<p>%s</p>" % page.L("nic.none_known"))
    out.append("</section>")
    return "".join(out)


def _routes_section(page):
    rows = []
    for r in page.r.get("routes") or []:
        if r.get("network") == "0.0.0.0" and r.get("netmask") == "0.0.0.0":
            dest = page.L("default_route")
        else:
            prefix = prefix_length(r.get("netmask"))
            dest = _code("%s/%d" % (clean(r.get("network")), prefix) if prefix is not None
                         else "%s %s" % (clean(r.get("network")), clean(r.get("netmask"))))
        rows.append((r.get("netstack"), dest, r))
    for r in page.r.get("routes_ipv6") or []:
        if r.get("prefix_length") == 0:
            dest = page.L("default_route_v6")
        else:
            dest = _code("%s/%s" % (clean(r.get("network")), _num(r.get("prefix_length"))))
        rows.append((r.get("netstack"), dest, r))
    trs = [[page.v(stack), dest, _code(r["gateway"]) if r.get("gateway") else page.L("on_link"),
            _code(r["interface"]) if r.get("interface") else page.unknown(), page.v(
                r.get("source"))] for stack, dest, r in rows]
    out = ['<section id="routes"><h2>%s</h2>' % page.L("sec.routes")]
    out.append(_table("routes", [page.L("rt." + k) for k in (
        "netstack", "destination", "gateway", "interface", "source")], trs) if trs else
        "<p>%s</p>" % page.L("rt.none"))
    if page.r.get("default_gateway"):
        out.append("<p>%s</p>" % page.L("rt.default_gateway",
                                        gateway=_code(page.r["default_gateway"])))
    out.append("</section>")
    return "".join(out)


def _vm_network(page, nic, switches):
    if nic.get("network"):
        return _code(nic["network"])
    if nic.get("dvs_portgroup") or nic.get("dvs_switch"):
        switch = switches.get(nic.get("dvs_switch")) or nic.get("dvs_switch")
        return page.L("vm.dvs", portgroup=nic.get("dvs_portgroup") or page.P("unknown"),
                      switch=switch or page.P("unknown"))
    if nic.get("opaque_network"):
        return page.L("vm.opaque", network=nic["opaque_network"])
    return page.unknown()


def _vms_section(page):
    """The VMs (every one) and the host firewall's vMotion and NFC rulesets."""
    vms = page.r.get("vms") or {}
    fw = page.r.get("firewall") or {}
    listed = vms.get("list") or []
    inventory = vms.get("inventory") or "not-read"
    if inventory == "not-read" and not listed and not fw.get("read"):
        return ""
    switches = dict((s.get("uuid"), s.get("name")) for s in page.r.get("vswitches") or []
                    if s.get("uuid"))
    rows = []
    for v in listed:
        mode = v.get("migrate_encryption")
        if mode is None:
            mode_html = page.unknown()
        else:
            mode_html = page.L("vm.mode." + mode) if mode in (
                "required", "opportunistic", "disabled") else esc(mode)
            if mode in ("required", "disabled"):  # always encrypted, never encrypted
                mode_html = Html('<span class="state-%s">%s</span>' % (
                    "ok" if mode == "required" else "fail", mode_html))
        if v.get("vmx_read"):
            nets = [_vm_network(page, n, switches) for n in v.get("nics") or []]
            nets_html = Html("<br>".join(nets)) if nets else page.L("none")
        else:
            nets_html = Html('<span class="unknown">%s</span>' % page.L("vm.vmx_not_read"))
        power = v.get("power_state")
        rows.append([page.v(v.get("vmid")), esc(v.get("name")), page.unknown() if power is None
                     else page.L("vm.power." + power) if power in ("on", "off") else esc(power),
                     mode_html, page.v(v.get("encrypted")), nets_html,
                     _code(v["vmx"]) if v.get("vmx") else page.unknown()])
    out = ['<section id="vms"><h2>%s</h2>' % page.L("sec.vms")]
    if inventory != "read":
        out.append("<p>%s</p>" % page.L("vm.inventory." + inventory) if inventory in (
            "partial", "failed", "not-read") else "")
    out.append(_table("vms", [page.L("vm.col." + k) for k in (
        "vmid", "name", "power", "mode", "encrypted", "networks", "vmx")], rows) if rows else
        "<p>%s</p>" % page.L("vm.none"))
    if fw.get("read") or fw.get("enabled") is not None:
        out.append("<h3>%s</h3>" % page.L("sec.firewall"))
        state = fw.get("enabled")
        out.append("<p>%s</p>" % page.L("fw.state", state=page.P(
            "fw.on" if state else "fw.off") if state is not None else page.P("unknown")))
        frows = []
        for r in fw.get("rulesets") or []:
            if r.get("name", "").lower() not in ("vmotion", "nfc"):
                continue
            enabled = r.get("enabled")
            ports = ", ".join("%s %s %s" % (x.get("direction"), x.get("protocol"), x.get(
                "port_begin") if x.get("port_begin") == x.get("port_end") else "%s-%s" % (
                    x.get("port_begin"), x.get("port_end"))) for x in r.get("rules") or [])
            frows.append([_code(r.get("name")), page.unknown() if enabled is None else Html(
                '<span class="state-%s">%s</span>' % ("ok" if enabled else "fail", page.L(
                    "fw.enabled" if enabled else "fw.disabled"))),
                esc(ports) if ports else page.unknown()])
        if frows:
            out.append(_table("firewall", [page.L("fw.col." + k) for k in (
                "ruleset", "enabled", "rules")], frows))
    out.append("</section>")
    return "".join(out)


def _reach_section(page):
    reach = page.r.get("reachability") or {}
    paths = reach.get("paths") or []
    probes = page.r.get("probes") or []
    if not paths and not reach.get("notes"):
        if probes:
            return _probes_section(page, probes)
        return ""
    s = reach.get("summary") or {}
    out = ['<section id="reachability"><h2>%s</h2>' % page.L("sec.reach")]
    if paths:
        ldvm = {True: page.L("yes"), False: page.L("no")}.get(s.get("long_distance"),
                                                               page.L("not_tested"))
        if s.get("worst_rtt_ms") is not None:
            ldvm = page.L("re.worst", value=ldvm, rtt=page.P("unit.ms", value="%.1f" % s[
                "worst_rtt_ms"]), threshold=page.P("unit.ms", value=_num(
                    s.get("latency_threshold_ms"))))
        state = lambda ok: {True: page.L("re.all_ok"), False: Html(
            '<strong class="state-fail">%s</strong>' % page.L("re.failing"))}.get(
                ok, page.L("not_tested"))
        out.append('<p class="intro">%s</p>' % page.L("sep.sentence").join((
            page.L("re.summary", paths=_num(s.get("paths", len(paths))),
                   peers=_num(s.get("peers", len(reach.get("peers") or [])))),
            page.L("re.ldvm", value=ldvm), page.L("re.hot", value=state(s.get("hot_ok"))),
            page.L("re.cold", value=state(s.get("cold_ok"))))))
    if reach.get("interrupted"):
        out.append('<p class="note">%s</p>' % page.L("re.interrupted"))
    rows = []
    for i, p in enumerate(paths):
        sev = severity_class(p.get("severity"))
        routing = p.get("routing") or {}
        kind = routing.get("kind")
        kind_text = page.P("routing." + kind) if ("routing.%s" % kind) in _LABELS else (
            clean(kind) if kind else page.P("unknown"))
        route = page.L("routing.via", kind=kind_text, gateway=_code(routing["gateway"])) \
            if routing.get("gateway") else esc(kind_text)
        rtt = p.get("rtt_ms")
        if rtt and rtt.get("avg") is not None:
            rtt_html = Html("%s<br><span class=\"small\">%s</span>" % (
                page.L("unit.ms", value="%.2f" % rtt["avg"]),
                page.L("re.rtt_value", min="%.2f" % rtt["min"], max="%.2f" % rtt["max"],
                       count=_num(p.get("rtt_count")))))
        elif p.get("loss_pct") == 100:
            rtt_html = page.L("no_reply")
        else:
            rtt_html = page.unknown()
        df = []
        if p.get("df_payload") is not None:
            df.append(page.L("re.df_value", payload=_num(p["df_payload"]), result=page.P(
                "re.passed" if p.get("df_ok") else "re.lost") if p.get("df_ok") is not None
                else page.P("unknown")))
        if p.get("jumbo_ok") is not None:
            df.append(page.L("re.df_1472", result=page.P("re.passed" if p["jumbo_ok"] else
                                                          "re.lost")))
        if p.get("pmtu_payload") is not None:
            df.append(page.L("re.pmtu", payload=_num(p["pmtu_payload"])))
        notes = []
        if p.get("verdict") != "ok" and p.get("detail"):
            notes.append(page.t(p, "detail"))
        if p.get("latency_class"):
            key = "re.latency.%s" % p["latency_class"]
            notes.append(page.L(key) if key in _LABELS else esc(p["latency_class"]))
        if p.get("peer_mtu"):
            notes.append(page.L("re.peer_mtu", mtu=_num(p.get("mtu")) if p.get("mtu") is not None
                                else page.P("unknown"), peer_mtu=_num(p["peer_mtu"])))
        notes.extend(page.ts(p, "notes"))
        roles = Html(" ".join('<span class="role">%s</span>' % page.L("role." + r) for r in
                              p.get("roles") or [] if r in ("hot", "cold"))) or page.unknown()
        what = page.L("re.path_value", vmknic=_code(p.get("vmknic") or page.P("unknown")),
                      target=_code(p.get("target") if p.get("target") is not None
                                   else page.P("unknown")))
        where = [page.L("re.via", netstack=page.v(p.get("netstack")), routing=route)]
        if p.get("label"):
            where.insert(0, esc(p["label"]))
        rows.append((' class="path sev-%s" data-path="%d"' % (sev, i), [
            Html('%s %s<br><span class="small">%s</span>' % (roles, what, "<br>".join(where))),
            Html('<span class="badge sev-%s">%s</span>' % (sev, _verdict_text(page, p.get(
                "verdict")))),
            rtt_html, page.unit("unit.pct", p.get("loss_pct"), 0) if p.get("loss_pct")
            is not None else page.unknown(),
            Html("<br>".join(df)) if df else page.L("not_tested"),
            Html("<br>".join(notes)) if notes else page.L("none")]))
    if rows:
        out.append(_table("paths", [page.L("re." + k) for k in (
            "path", "verdict", "rtt", "loss", "df", "notes")], rows))
    for note in page.ts(reach, "notes"):
        out.append('<p class="note">%s</p>' % note)
    out.append("</section>")
    return "".join(out)


def _probes_section(page, probes):
    rows = []
    for p in probes:
        rtt = p.get("rtt_ms")
        rows.append([_code(p.get("source_vmknic")) if p.get("source_vmknic") else page.unknown(),
                     page.v(p.get("netstack")), _code(p.get("target") or page.P("unknown")),
                     page.unit("unit.bytes", p.get("payload_bytes")), page.v(p.get("df")),
                     Html("%s / %s" % (page.v(p.get("received")), page.v(p.get("sent")))),
                     page.unit("unit.pct", p.get("loss_pct"), 0),
                     esc("%.3f / %.3f / %.3f" % (rtt["min"], rtt["avg"], rtt["max"])) if rtt
                     else (page.L("no_reply") if p.get("received") == 0 else page.unknown()),
                     page.v(p.get("error")) if p.get("error") else page.L("none")])
    return '<section id="probes"><h2>%s</h2>%s</section>' % (page.L("sec.probes"), _table(
        "probes", [page.L("pr." + k) for k in ("from", "netstack", "to", "payload", "df",
                                                "received", "loss", "rtt", "error")], rows))


# ---------------------------------------------------------------------------------------------
# tuning

def _bytes(page, n):
    if n is None:
        return page.L("unavailable")
    return page.L("unit.bytes_mib", value=_num(n), mib="%.1f" % (n / 1048576.0))


def _tuning_section(page):
    t = page.r.get("tuning") or {}
    rate = t.get("net_expected_line_rate_mbps") or {}
    cur = rate.get("current")
    if cur is None:
        rate_html = page.unknown()
    else:
        rate_html = page.L("unit.MBps_gbit", value=_num(cur), gbit="%.1f" % (cur * 8 / 1000.0))
        if rate.get("default") is not None and rate.get("min") is not None and \
                rate.get("max") is not None:
            rate_html = Html(rate_html + page.L("sep.clause") + page.L(
                "tu.range", default=_num(rate["default"]), min=_num(rate["min"]),
                max=_num(rate["max"])))
        elif rate.get("default") is not None:
            rate_html = Html(rate_html + page.L("sep.clause") + page.L(
                "tu.default", default=_num(rate["default"])))
    rows = [[_code("/Migrate/NetExpectedLineRateMBps"), rate_html],
            [_code("/Migrate/NetLatencyModeThreshold"),
             page.unit("unit.ms", t.get("latency_mode_threshold_ms"))]]
    hot_stack = ((page.r.get("data_paths") or {}).get("hot") or {}).get("netstack")
    sbmax = t.get("sbmax")
    if sbmax:
        for stack in sorted(sbmax):
            name = page.L("tu.sbmax_hot" if stack == hot_stack else "tu.sbmax", netstack=stack)
            rows.append([name, _bytes(page, sbmax[stack])])
    else:
        rows.append([page.L("tu.sbmax_any"), page.unknown() if sbmax is None else
                     page.L("not_read")])
    out = ['<section id="tuning"><h2>%s</h2>' % page.L("sec.tuning"),
           _table("tuning", [page.L("tu.setting"), page.L("tu.value")], rows)]
    tune = page.r.get("tune")
    if tune is not None:
        out.append(_tune_html(page, tune))
    out.append("</section>")
    return "".join(out)


def _tune_html(page, tune):
    plan = tune.get("plan")
    out = ['<h3 id="tune">%s</h3>' % page.L("sec.tune")]
    if not plan:
        out.append("<p>%s</p>" % page.L("tu.no_plan"))
    else:
        lr = plan.get("line_rate") or {}
        rtt = plan.get("rtt") or {}
        facts = []
        mbit = lr.get("mbit")
        rate = page.speed(mbit) if mbit else page.unknown()
        facts.append("<li><strong>%s</strong>%s%s%s</li>" % (
            page.L("tu.line_rate"), page.L("sep.label"), rate, page.L("paren", text=page.L(
                "tu.basis", basis=page.t(lr, "basis"))) if lr.get("basis") else ""))
        facts.append("<li><strong>%s</strong>%s%s%s</li>" % (
            page.L("tu.rtt"), page.L("sep.label"), page.unit("unit.ms", rtt.get("ms"), 2)
            if rtt.get("ms") is not None else page.unknown(),
            page.L("paren", text=page.L("tu.basis", basis=page.t(rtt, "basis")))
            if rtt.get("basis") else ""))
        out.append('<ul class="facts">%s</ul>' % "".join(facts))
        sb = plan.get("sbmax") or {}
        change = lambda c: Html('<span class="badge sev-%s">%s</span>' % (
            "warn" if c else "ok", page.L("tu.change" if c else "tu.keep")))
        sb_current = page.L("unavailable") if sb.get("available") is False else page.v(
            sb.get("current"))
        rows = [[_code("/Migrate/NetExpectedLineRateMBps"), page.v(lr.get("current")),
                 page.v(lr.get("recommended")), change(lr.get("change"))],
                [page.L("tu.sbmax", netstack=sb["netstack"]) if sb.get("netstack") else
                 page.L("tu.sbmax_any"), sb_current, page.v(sb.get("recommended")),
                 change(sb.get("change"))]]
        out.append(_table("tune", [page.L(k) for k in ("tu.setting", "tu.current",
                                                        "tu.recommended", "tu.action")], rows))
        reasons = ["<li><code>NetExpectedLineRateMBps</code>%s%s</li>" % (page.L("sep.label"), x)
                   for x in page.ts(lr, "reasons")]
        reasons += ["<li><code>sbMax</code>%s%s</li>" % (page.L("sep.label"), x)
                    for x in page.ts(sb, "reasons")]
        if reasons:
            out.append("<h4>%s</h4><ul>%s</ul>" % (page.L("tu.why"), "".join(reasons)))
        if plan.get("notes"):
            out.append("<h4>%s</h4><ul>%s</ul>" % (page.L("tu.notes"), "".join(
                "<li>%s</li>" % n for n in page.ts(plan, "notes"))))
        if plan.get("commands"):
            out.append('<h4>%s</h4><pre class="cmd"><code>%s</code></pre>' % (
                page.L("tu.commands"), "\n".join(esc(c) for c in plan["commands"])))
            if plan.get("persist_commands"):
                out.append('<p>%s</p><pre class="cmd"><code>%s</code></pre>' % (
                    page.L("tu.persist"), "\n".join(esc(c) for c in plan["persist_commands"])))
        else:
            out.append("<p>%s</p>" % page.L("tu.nothing"))
    outcome = tune.get("outcome") or {}
    if outcome.get("action") in ("apply", "rollback"):
        out.append("<p>%s</p>" % page.L("tu.outcome", action=outcome["action"],
                                         message=messages.text_of(outcome, "message", page.lang)
                                         or page.P("unknown")))
        if outcome.get("journal"):
            out.append("<p>%s</p>" % page.L("tu.journal", journal=_code(outcome["journal"])))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# commands

def _commands_section(page):
    cmds = page.r.get("commands") or []
    counts = dict((k, 0) for k in ("parsed", "unparsed", "failed", "unavailable"))
    for c in cmds:
        if c.get("status") in counts:
            counts[c["status"]] += 1
    status_sev = {"parsed": "ok", "unparsed": "warn", "failed": "fail", "unavailable": "info"}
    rows = []
    for i, c in enumerate(cmds):
        status = c.get("status")
        st = Html('<span class="badge sev-%s">%s</span>' % (
            status_sev.get(status, "info"), page.L("status." + status) if status in status_sev
            else page.v(status)))
        notes = []
        if c.get("timed_out"):
            notes.append(page.L("cmd.timed_out"))
        if c.get("via") == "localcli":
            notes.append(page.L("cmd.via_localcli"))
        if c.get("note"):
            notes.append(page.t(c, "note"))
        dur = c.get("duration_s")
        rows.append([_num(i + 1), Html('<code class="wrap">%s</code>' % esc(
            c.get("command") or " ".join(clean(a) for a in c.get("argv") or []))), st,
            page.v(c.get("exit_code")),
            page.unit("unit.ms", dur * 1000.0, 0) if dur is not None else page.unknown(),
            Html("; ".join(notes)) if notes else ""])
    out = ['<section id="commands"><h2>%s</h2>' % page.L("sec.commands")]
    if cmds:
        out.append('<p class="intro">%s</p>' % page.L(
            "cmd.counts", total=_num(len(cmds)), parsed=_num(counts["parsed"]),
            unparsed=_num(counts["unparsed"]), failed=_num(counts["failed"]),
            unavailable=_num(counts["unavailable"])))
        out.append(_table("commands", [page.L("cmd." + k) for k in (
            "n", "command", "status", "exit", "duration", "note")], rows))
    else:
        out.append("<p>%s</p>" % page.L("cmd.none"))
    if page.r.get("unrecognised"):
        out.append('<h3>%s</h3><pre class="cmd"><code>%s</code></pre>' % (
            page.L("cmd.unrecognised"), "\n".join(esc(u) for u in page.r["unrecognised"])))
    out.append("</section>")
    return "".join(out)


# ---------------------------------------------------------------------------------------------

_CSS = """
:root { --fg: #1f2933; --muted: #5f6b7a; --line: #d9dee5; --zebra: #f6f8fa; --accent: #1d4f91;
  --ok: #1b5e20; --ok-bg: #e7f4ea; --warn: #7a4300; --warn-bg: #fdf1dc; --fail: #9b1c1c;
  --fail-bg: #fbe7e7; --info: #414b57; --info-bg: #eef0f3; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0; color: var(--fg); background: #fff; font: 14px/1.45 system-ui, -apple-system,
  "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
.page { max-width: 1140px; margin: 0 auto; padding: 24px 28px 40px; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono",
  "DejaVu Sans Mono", monospace; font-size: 12.5px; }
h1 { font-size: 24px; margin: 2px 0 10px; font-weight: 650; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 30px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line);
  font-weight: 650; }
h3 { font-size: 15px; margin: 18px 0 6px; }
h4 { font-size: 13.5px; margin: 12px 0 4px; }
p { margin: 4px 0; }
.kicker { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .02em; }
.head { border-bottom: 1px solid var(--line); padding-bottom: 14px; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0 0 12px; }
.meta div { min-width: 0; }
.meta dt { color: var(--muted); font-size: 12px; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.result { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; padding: 10px 14px;
  border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 6px;
  background: var(--info-bg); }
.result.sev-ok { border-left-color: #2e7d32; background: var(--ok-bg); }
.result.sev-warn { border-left-color: #c77700; background: var(--warn-bg); }
.result.sev-fail { border-left-color: #c62828; background: var(--fail-bg); }
.result .counts { color: var(--muted); margin-left: auto; }
nav.toc { display: flex; flex-wrap: wrap; gap: 2px 16px; margin: 12px 0 0; font-size: 13px; }
nav.toc a { color: var(--accent); text-decoration: none; white-space: nowrap; }
nav.toc a:hover { text-decoration: underline; }
.intro { color: var(--muted); margin-bottom: 8px; }
.note { border-left: 3px solid var(--line); padding-left: 8px; }
.badge { display: inline-block; min-width: 3.4em; padding: 1px 7px; border-radius: 10px;
  border: 1px solid currentColor; font-size: 11.5px; font-weight: 700; text-align: center;
  letter-spacing: .03em; white-space: nowrap; }
.badge.sev-ok { color: var(--ok); background: var(--ok-bg); }
.badge.sev-warn { color: var(--warn); background: var(--warn-bg); }
.badge.sev-fail { color: var(--fail); background: var(--fail-bg); }
.badge.sev-info { color: var(--info); background: var(--info-bg); }
.state-ok { color: var(--ok); font-weight: 600; }
.state-fail { color: var(--fail); font-weight: 700; }
.unknown { color: var(--muted); font-style: italic; }
.small { font-size: 12px; color: var(--muted); }
.role { display: inline-block; padding: 0 6px; border: 1px solid var(--line); border-radius: 4px;
  font-size: 12px; margin-right: 3px; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 10px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid
  var(--line); overflow-wrap: break-word; }
th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line);
  white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--zebra); }
table.findings td:first-child, table.findings td:nth-child(2) { white-space: nowrap; }
table.findings td:nth-child(2) { overflow-wrap: normal; }
tr.finding.sev-fail td:first-child { box-shadow: inset 4px 0 0 #c62828; }
tr.finding.sev-warn td:first-child { box-shadow: inset 4px 0 0 #c77700; }
table.paths th:nth-child(1) { width: 27%; }
table.paths th:nth-child(2) { width: 17%; }
table.paths th:nth-child(3) { width: 13%; }
table.paths th:nth-child(4) { width: 6%; }
table.paths th:nth-child(5) { width: 14%; }
table.paths .badge { white-space: normal; }
.f-title { font-weight: 600; }
.f-detail { margin-top: 3px; }
.f-subjects { color: var(--muted); font-size: 12px; }
.remedy { margin-top: 6px; padding: 6px 10px; border-left: 3px solid var(--accent);
  background: rgba(29, 79, 145, .04); }
.remedy-head { font-size: 11.5px; font-weight: 700; color: var(--accent); text-transform:
  uppercase; letter-spacing: .05em; }
pre.cmd { margin: 4px 0 6px; padding: 6px 10px; background: #f3f5f8; border: 1px solid var(--line);
  border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
code.wrap { overflow-wrap: anywhere; }
.diagram-wrap { margin: 8px 0 4px; padding: 8px; border: 1px solid var(--line);
  border-radius: 8px; }
svg.diagram { display: block; max-width: 100%; height: auto; }
svg.diagram text { fill: #1f2933; }
svg.diagram .colhead { fill: #5f6b7a; font-size: 11px; font-weight: 600; letter-spacing: .04em; }
svg.diagram .section { font-size: 14px; font-weight: 700; }
svg.diagram .strong { font-weight: 700; }
svg.diagram .muted { fill: #5f6b7a; }
svg.diagram .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono",
  "DejaVu Sans Mono", monospace; font-size: 11.5px; }
svg.diagram .state-ok { fill: #1b5e20; font-weight: 600; }
svg.diagram .state-fail { fill: #9b1c1c; font-weight: 700; }
svg.diagram rect.node { fill: #fff; stroke: #9aa5b1; stroke-width: 1.2; }
svg.diagram rect.node.vmk { fill: #f4f7fb; }
svg.diagram rect.missing { fill: #f6f7f9; stroke: #6b7280; stroke-dasharray: 5 4; }
svg.diagram rect.peer { fill: #fff; stroke-width: 2; }
svg.diagram rect.peer.sev-ok { stroke: #2e7d32; }
svg.diagram rect.peer.sev-warn { stroke: #c77700; }
svg.diagram rect.peer.sev-fail { stroke: #c62828; }
svg.diagram rect.peer.sev-info { stroke: #6b7280; }
svg.diagram .verdict-ok { fill: #1b5e20; font-weight: 700; }
svg.diagram .verdict-warn { fill: #8a4b00; font-weight: 700; }
svg.diagram .verdict-fail { fill: #9b1c1c; font-weight: 700; }
svg.diagram .verdict-info { fill: #4b5563; font-weight: 700; }
svg.diagram line.rule { stroke: #e3e7ec; stroke-width: 1; }
figcaption { margin-top: 6px; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0; padding: 0;
  font-size: 12.5px; color: var(--muted); }
ul.legend li { display: flex; align-items: center; gap: 6px; }
ul.facts { padding-left: 18px; }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color:
  var(--muted); font-size: 12px; }
@media print {
  @page { margin: 14mm 12mm; }
  html, body { background: #fff !important; color: #000; font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  nav.toc { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: #000; text-decoration: underline; }
  .result, .remedy, pre.cmd, .diagram-wrap { background: #fff !important; }
  .badge { background: #fff !important; color: #000 !important; border-width: 1.5px; }
  .badge.sev-fail { border-style: double; border-width: 3px; }
  .badge.sev-warn { border-style: dashed; }
  .state-fail { color: #000; text-decoration: underline; }
  .unknown, .small, .intro, .meta dt, th, .result .counts { color: #333; }
  tbody tr:nth-child(even) { background: #f2f2f2 !important; }
  tr, td, th, .finding, pre.cmd, .remedy, .result, .f-title { break-inside: avoid;
    page-break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .diagram-wrap { break-inside: avoid; page-break-inside: avoid; border-color: #999; }
  pre.cmd { border-color: #999; }
  .table-wrap { overflow: visible; }
}
"""

# Rules for one language only (the English page's style stays as it is). Japanese text may break
# between any two characters, so a table column of short words ("なし") would be squeezed to one
# character per line: give every cell a few characters' width.
_CSS_LANG = {"ja": """
th, td { min-width: 4.5em; }
"""}


def _nav(page, sections):
    return '<nav class="toc" aria-label="%s">%s</nav>' % (page.L("nav.label"), "".join(
        '<a href="#%s">%s</a>' % (anchor, page.L(key)) for anchor, key in sections))


def _body(report, command, lang):
    """(title, the page's body) of one report."""
    page = _Page(report, command, lang)
    host = _host_name(report)
    sections = [("paths", "sec.paths"), ("findings", "sec.findings"),
                ("vmknics", "sec.vmknics"), ("switches", "sec.switches"), ("routes", "sec.routes")]
    vms = _vms_section(page)
    if vms:
        sections.append(("vms", "sec.vms"))
    reach = _reach_section(page)
    if reach.startswith('<section id="reachability"'):
        sections.append(("reachability", "sec.reach"))
    elif reach:
        sections.append(("probes", "sec.probes"))
    sections += [("tuning", "sec.tuning"), ("commands", "sec.commands")]
    notes = page.ts(report, "notes")
    body = [_header(page), _nav(page, sections)]
    if notes:
        body.append('<section id="notes"><h2>%s</h2>%s</section>' % (page.L("sec.notes"), "".join(
            '<p class="note">%s</p>' % n for n in notes)))
    body += [_paths_section(page), _findings_section(page), _vmknics_section(page),
             _switches_section(page), _routes_section(page), vms, reach, _tuning_section(page),
             _commands_section(page)]
    body.append("<footer>%s</footer>" % page.L(
        "footer.made", version=(report.get("tool") or {}).get("version") or page.P("unknown"),
        schema=report.get("schema") or page.P("unknown")))
    title = page.P("doc.title", command=clean(command),
                   host=clean(host) if host else page.P("head.host_unknown"))
    return title, "\n".join(b for b in body if b)


_ANCHOR = re.compile(r'( id="| href="#|url\(#)')


def render_html(report, command="inspect", lang="en"):
    """The report as one self-contained HTML5 page (a str): no script, no external resource.

    The string is plain ASCII (other characters as &#x...; references), so that it can be
    written to any stdout or file, whatever the host's locale."""
    return render_html_many([report], command, lang)


def render_html_many(reports, command="inspect", lang="en"):
    """Several reports (``analyze`` of several inputs) on one page, one after another; the
    anchors of the second and later ones carry a prefix, so that each link finds its own."""
    titles, bodies = [], []
    for i, report in enumerate(reports):
        title, body = _body(report, command, lang)
        if i:
            body = _ANCHOR.sub(lambda m, n=i: m.group(1) + "h%d-" % n, body)
        titles.append(title)
        bodies.append('<main class="page">\n%s\n</main>' % body)
    version = (reports[0].get("tool") or {}).get("version") if reports else ""
    page_text = "".join([
        '<html lang="%s">\n<head>\n<meta charset="utf-8">\n' % esc(lang),
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; img-src data:">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="esxi-diag %s">\n' % esc(version or ""),
        "<title>%s</title>\n" % esc(" | ".join(titles)),
        "<style>%s</style>\n</head>\n<body>\n" % (_CSS + _CSS_LANG.get(lang, "")),
        "\n".join(bodies),
        "\n</body>\n</html>\n"])
    return "<!DOCTYPE html>\n" + page_text.encode("ascii", "xmlcharrefreplace").decode("ascii")
