"""The self-contained HTML report (esxi_diag/render/html.py): what a reader of the page sees.

Structural checks with html.parser for every built-in profile (inspect and check), a tune report
and a transcript; hostile values; unknowns; the labels (every text in every language:
tests/render/test_languages.py); and a real headless Chromium that
must parse and paint the page (skipped only when no chromium binary exists).
"""
import copy
import io
import os
import pathlib
import re
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from html.parser import HTMLParser

import pytest

from conftest import fixture_path, report_of
from esxi_diag.render import html as html_report
from esxi_diag.render.catalogs.en import LABELS
from esxi_diag.render.html import label, render_html, severity_class
from esxi_diag.simulator.host import builtin_names

PROFILES = builtin_names()


def transcript_report():
    return report_of("analyze", "--transcript",
                     fixture_path("esxi67-blog-session.txt"))


def all_cases():
    cases = []
    for profile in PROFILES:
        cases.append(("inspect", ("inspect", "--simulate", profile)))
        cases.append(("check", ("check", "--simulate", profile, "--quiet")))
    cases.append(("tune", ("tune", "--simulate", "lan", "--quiet", "--line-rate", "10G",
                           "--rtt", "80")))
    cases.append(("analyze", ("analyze", "--transcript",
                              fixture_path("esxi67-blog-session.txt"))))
    return cases


CASES = all_cases()
CASE_IDS = ["%s-%s" % (c, a[2] if a[1] == "--simulate" else "transcript") for c, a in CASES]

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Page(HTMLParser):
    """The parsed page: a well-formedness check (every element opened is closed in order), every
    element with its attributes and text, and the text of the page."""

    def __init__(self, text):
        HTMLParser.__init__(self, convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.elements = []  # [tag, attrs dict, text inside, ancestor tags, ancestor elements]
        self.texts = []  # every text node, in order
        self.doctype = None
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append("never closed: %s" % [e[0] for e in self.stack])

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        element = [tag, dict(attrs), [], [e[0] for e in self.stack], list(self.stack)]
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append([tag, dict(attrs), [], [e[0] for e in self.stack],
                              list(self.stack)])

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append("end tag of a void element: %s" % tag)
        elif not self.stack or self.stack[-1][0] != tag:
            self.errors.append("</%s> closes %s" % (tag, self.stack[-1][0] if self.stack
                                                     else "nothing"))
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.texts.append(data)
        for element in self.stack:
            element[2].append(data)

    def find(self, tag, cls=None):
        return [e for e in self.elements if e[0] == tag and (
            cls is None or cls in (e[1].get("class") or "").split())]

    def inside(self, outer, tag):
        return [e for e in self.elements if e[0] == tag and any(a is outer for a in e[4])]

    def rows(self, table_class):
        """The text of each cell of each body row of the table of that class."""
        table = self.find("table", table_class)[0]
        return [[Page.text(td).strip() for td in self.inside(tr, "td")]
                for tr in self.inside(table, "tr") if self.inside(tr, "td")]

    @staticmethod
    def text(element):
        return "".join(element[2])


def parse(text):
    page = Page(text)
    assert page.errors == [], page.errors[:5]
    return page


def assert_self_contained(text, page):
    assert page.doctype and page.doctype.lower() == "doctype html"
    assert not page.find("script") and "<script" not in text.lower()
    for tag in ("link", "iframe", "object", "embed", "frame", "base", "form", "img", "audio",
                "video", "source"):
        assert not page.find(tag), tag
    for tag, attrs, _, _, _ in page.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "xlink:href", "action", "formaction", "poster", "data",
                        "background"):
                assert value is not None and "//" not in value and ":" not in value.split(
                    "#")[0], (tag, name, value)
    for url in re.findall(r"url\(([^)]*)\)", text):
        assert url.strip("'\" ").startswith("#"), url
    assert "http://" not in text and "https://" not in text
    assert "@import" not in text


def diagram(page):
    svgs = page.find("svg", "diagram")
    assert len(svgs) == 1
    return svgs[0]


def path_lines(page):
    return [e for e in page.elements if e[0] == "line" and "pl" in (e[1].get("class") or "")
            .split()]


@pytest.mark.parametrize("command,argv", CASES, ids=CASE_IDS)
def test_every_report_gives_a_self_contained_page(command, argv):
    report = report_of(*argv)
    text = render_html(report, command)
    page = parse(text)
    assert_self_contained(text, page)
    text.encode("ascii")  # writable to any stdout, whatever the host's locale
    assert page.find("html")[0][1]["lang"] == "en"
    assert page.find("style") and "@media print" in Page.text(page.find("style")[0])
    # the header: host, result with its exit status
    host = report["host"].get("fqdn") or report["host"].get("hostname") or "unknown host"
    assert Page.text(page.find("h1")[0]) == host
    result = Page.text(page.find("div", "result")[0])
    status = report["tune"]["exit_status"] if command == "tune" else \
        report["summary"]["exit_status"]
    assert "(exit %d)" % status in result
    # the diagram: one line per tested path and data role, coloured by the path's severity
    diagram(page)
    lines = path_lines(page)
    paths = report["reachability"]["paths"]
    assert len(lines) == sum(len([r for r in p["roles"] if r in ("hot", "cold")])
                             for p in paths)
    for line in lines:
        p = paths[int(line[1]["data-path"])]
        sev = severity_class(p["severity"])
        assert "sev-%s" % sev in line[1]["class"].split()
        assert line[1]["stroke"] == html_report._COLOUR[sev]
        verdict = label("verdict." + p["verdict"])
        assert verdict in Page.text(line)  # its tooltip says it in words
    svg_text = Page.text(diagram(page))
    for p in paths:
        assert p["target"] in svg_text
        assert label("verdict." + p["verdict"]) in svg_text
    # with no peers, the diagram stops at the uplinks
    assert (label("diagram.col.peers") in svg_text) == bool(paths)
    # every finding, by ID, with every remedy command verbatim in a <pre> block
    rows = page.find("tr", "finding")
    assert len(rows) == len(report["findings"])
    assert [Page.text(r).split(label("sev." + f["severity"]), 1)[1].startswith(f["id"])
            for r, f in zip(rows, report["findings"])] == [True] * len(report["findings"])
    pres = [Page.text(e) for e in page.find("pre", "cmd")]
    for f in report["findings"]:
        for line in (f.get("remedy") or "").split("\n"):
            if html_report.is_command(line):
                assert any(line in pre.split("\n") for pre in pres), line
    # the appendix: every command as it was run
    cells = [Page.text(e) for e in page.find("code", "wrap")]
    assert cells == [c["command"] for c in report["commands"]]
    # reachability table when there are paths: one row per path, verdict coloured
    prow = page.find("tr", "path")
    assert len(prow) == len(paths)
    for row, p in zip(prow, paths):
        assert "sev-%s" % severity_class(p["severity"]) in row[1]["class"].split()
        assert p["target"] in Page.text(row)


def test_data_paths_without_a_vmknic_are_drawn_not_omitted():
    nsx = parse(render_html(report_of("inspect", "--simulate", "vsan-nsx")))
    svg = Page.text(diagram(nsx))
    assert label("diagram.no_vmknic.hot") in svg  # basis "none": said in the hot section
    assert svg.index(label("diagram.hot")) < svg.index(label("diagram.no_vmknic.hot")) < \
        svg.index(label("diagram.cold"))
    missing = [r for r in nsx.find("rect") if "missing" in r[1]["class"].split()]
    assert missing
    page = parse(render_html(transcript_report(), "analyze"))
    svg = Page.text(diagram(page))
    assert label("diagram.undetermined.hot") in svg and label("diagram.undetermined.cold") in svg
    assert "the service tags of vmk0 were not collected" in svg
    assert "Not determined" in Page.text(page.find("div", "result")[0])


def test_header_names_the_source():
    report = report_of("check", "--simulate", "ldvm", "--quiet")
    report["source"] = {"type": "bundle", "name": "esxi-diag-esx01-SR-7-20260101T000000Z.tgz",
                        "created": "2026-01-01T00:00:00Z", "written_by": "0.1.0",
                        "case": "SR-7", "localcli": None,
                        "recorded": {"type": "simulated", "name": "ldvm"}}
    page = parse(render_html(report, "analyze"))
    head = Page.text(page.find("header")[0])
    assert "esxi-diag-esx01-SR-7-20260101T000000Z.tgz" in head and "SR-7" in head
    assert "profile ldvm" in head and "2026-01-01T00:00:00Z" in head
    report["source"] = {"type": "live", "localcli": "esxcli exited 1 (hostd not running)"}
    head = Page.text(parse(render_html(report)).find("header")[0])
    assert label("source.live") in head and "hostd not running" in head


def test_diagram_columns_hold_the_report_facts():
    report = report_of("check", "--simulate", "wan-faults", "--quiet")
    svg = Page.text(diagram(parse(render_html(report, "check"))))
    for name in ("vmk1", "172.20.120.19/24", "MTU 9000", "vmotion", "vSphereProvisioning",
                 "DSwitch-WAN", "distributed", "vmnic4", "25 Gb/s", "jumbo dropped on",
                 "lossy link", "unreachable", "not routable", "path drops large frames"):
        assert name in svg, name
    broken = parse(render_html(report_of("inspect", "--simulate", "broken")))
    svg = Page.text(diagram(broken))
    assert "vmnic1" in svg and label("diagram.link_down") in svg  # the down uplink, in words


def test_twenty_paths_stay_readable():
    report = report_of("check", "--simulate", "ldvm", "--quiet")
    hot = [p for p in report["reachability"]["paths"] if p["roles"] == ["hot"]][0]
    paths = []
    for i in range(20):
        p = copy.deepcopy(hot)
        p["target"] = "172.21.120.%d" % (100 + i)
        p["severity"], p["verdict"] = [("ok", "ok"), ("warn", "loss"), ("fail", "unreachable"),
                                       ("info", "untested")][i % 4]
        paths.append(p)
    report["reachability"]["paths"] = paths
    page = parse(render_html(report, "check"))
    svg = diagram(page)
    lines = path_lines(page)
    assert len(lines) == 20
    ys = sorted(int(line[1]["y1"]) for line in lines)
    assert min(b - a for a, b in zip(ys, ys[1:])) >= html_report._PEER_H  # no overlapping rows
    peers = [r for r in page.find("rect") if "peer" in r[1]["class"].split()]
    assert len(peers) == 20
    assert int(svg[1]["height"]) >= max(int(r[1]["y"]) + int(r[1]["height"]) for r in peers)
    assert svg[1]["viewbox"] == "0 0 %s %s" % (svg[1]["width"], svg[1]["height"])
    small = parse(render_html(report_of("check", "--simulate", "ldvm", "--quiet"), "check"))
    assert int(svg[1]["height"]) > int(diagram(small)[1]["height"]) + 15 * html_report._ROW


HOSTILE = "<script>alert(1)</script>"
OSC = "\x1b]0;owned\x07evil\x9b31m"


def test_hostile_values_come_out_inert():
    report = report_of("check", "--simulate", "wan-faults", "--quiet")
    report["host"]["fqdn"] = OSC + HOSTILE
    report["vmknics"][0]["portgroup"] = HOSTILE
    report["vswitches"][0]["name"] = '" onmouseover="alert(1)'
    report["vmknics"][1]["vds_name"] = '" onmouseover="alert(1)'
    report["reachability"]["paths"][0]["label"] = "</title><script>alert(2)</script>"
    report["reachability"]["paths"][0]["target"] = "1.2.3.4\u202egnp.exe"
    report["reachability"]["paths"][1]["target"] = "</title><script>alert(5)</script>"
    report["data_paths"]["hot"]["basis"] = "none"  # drawn as a box with the reason as tooltip
    report["data_paths"]["hot"]["reason"] = "</title><script>alert(6)</script>"
    report["data_paths"]["hot"].pop("reason_message", None)  # the text, not its message
    report["findings"][0].pop("message_id")  # a report written before messages: its own words
    report["findings"][0].pop("remedy_steps", None)
    report["findings"][1]["params"] = dict(report["findings"][1]["params"],
                                           where="<img src=x onerror=alert(7)>")
    report.pop("notes_message", None)
    report["findings"][0]["title"] = "<img src=x onerror=alert(3)>"
    report["findings"][0]["remedy"] = "esxcli network ip interface set -i vmk1 -m 1500 " \
                                      "<b onclick=alert(4)>\n" + OSC
    report["commands"][0]["command"] = "esxcli " + HOSTILE + "\x00\x7f"
    report["notes"] = [HOSTILE]
    report["vmknics"][2]["portgroup"] = "vMotion-\u6771\u4eac \ud800"  # Tokyo, lone surrogate
    text = render_html(report, "check")
    text.encode("ascii")
    page = parse(text)
    assert_self_contained(text, page)
    for bad in ("\x1b", "\x07", "\x9b", "\x00", "\x7f", "\u202e"):
        assert bad not in text
    assert "\\x1b]0;owned\\x07evil\\x9b31m" in text  # shown, not executed by a terminal or UI
    assert "\\u202e" in text
    shown = "".join(page.texts)
    assert HOSTILE in shown and "<img src=x onerror=alert(3)>" in shown
    assert "<img src=x onerror=alert(7)>" in shown  # a param of a message: escaped too
    assert "vMotion-\u6771\u4eac \\ud800" in shown
    assert text.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4
    assert not [e for e in page.elements if e[0] in ("img", "b", "script")]
    # the switch name lands in attributes and SVG titles: still one attribute, still text
    assert all(set(e[1]) <= {"class", "x", "y", "x1", "x2", "y1", "y2", "width", "height",
                             "rx", "stroke", "stroke-width", "stroke-dasharray", "data-path",
                             "text-anchor", "role", "aria-labelledby", "viewbox", "font-family",
                             "font-size", "id", "href", "aria-label", "lang", "charset",
                             "http-equiv", "content", "name", "aria-hidden"}
               for e in page.elements), set(k for e in page.elements for k in e[1])


def test_nulls_are_shown_as_unknown():
    report = report_of("check", "--simulate", "lan", "--quiet")
    unknown = label("unknown")
    vmk = report["vmknics"][1]
    vmk["mtu"] = None
    vmk["netstack"] = None
    vmk["tags"] = None
    nic = report["nics"][0]
    nic["speed_mbps"] = nic["mtu"] = nic["driver"] = nic["link_up"] = None
    report["tuning"]["net_expected_line_rate_mbps"]["current"] = None
    report["tuning"]["latency_mode_threshold_ms"] = None
    report["commands"][0]["exit_code"] = None
    report["commands"][0]["duration_s"] = None
    report["reachability"]["paths"][0]["rtt_ms"] = None
    report["reachability"]["paths"][0]["loss_pct"] = None
    report["host"]["version"] = None
    page = parse(render_html(report, "check"))

    def row_cells(table_class, first):
        for cells in page.rows(table_class):
            if cells and cells[0].startswith(first):
                return cells
        raise AssertionError("no row %s in %s" % (first, table_class))

    vmk_row = row_cells("vmknics", "vmk1")
    assert vmk_row[2] == unknown and vmk_row[3] == unknown and vmk_row[6] == unknown
    nic_row = row_cells("nics", "vmnic0")
    assert nic_row[1] == unknown and nic_row[3] == unknown and nic_row[5] == unknown \
        and nic_row[6] == unknown
    tuning = row_cells("tuning", "/Migrate/NetExpectedLineRateMBps")
    assert tuning[1] == unknown
    assert row_cells("tuning", "/Migrate/NetLatencyModeThreshold")[1] == unknown
    cmd = row_cells("commands", "1")
    assert cmd[3] == unknown and cmd[4] == unknown
    path = row_cells("paths", label("role.hot"))
    assert path[2] == unknown and path[3] == unknown
    esxi = [e for e in page.find("dd")][0]
    assert Page.text(esxi) == unknown
    # never an empty cell or a 0 in their place
    assert "" not in vmk_row[:8] and "0" not in nic_row
    svg = Page.text(diagram(page))
    assert "MTU " + unknown in svg  # vmk1's box
    assert "vmnic0  " + unknown in svg  # its uplink, in the cold-data lane


def test_remedy_lines_prose_and_commands():
    out = html_report.remedy_html(
        "Raise the MTU on every switch:\nesxcli network vswitch standard set -v vSwitch1 -m "
        "9000\nesxcli network ip interface set -i vmk1 -m 9000\n\nReproduce it:\n"
        "vmkping -I vmk1 -S vmotion -c 10 -d -s 8972 10.0.0.2\n/etc/init.d/hostd restart")
    page = parse(out)
    pres = [Page.text(e) for e in page.find("pre")]
    assert pres == ["esxcli network vswitch standard set -v vSwitch1 -m 9000\n"
                    "esxcli network ip interface set -i vmk1 -m 9000",
                    "vmkping -I vmk1 -S vmotion -c 10 -d -s 8972 10.0.0.2\n"
                    "/etc/init.d/hostd restart"]
    assert [Page.text(e) for e in page.find("p")] == ["Raise the MTU on every switch:",
                                                      "Reproduce it:"]


def test_tune_section_current_recommended_and_commands():
    report = report_of("tune", "--simulate", "lan", "--quiet", "--line-rate", "10G", "--rtt",
                       "80")
    page = parse(render_html(report, "tune"))
    table = Page.text(page.find("table", "tune")[0])
    assert "133" in table and "1250" in table and "100007936" in table
    assert label("tu.change") in table
    shown = "".join(page.texts)
    for reason in report["tune"]["plan"]["line_rate"]["reasons"] + \
            report["tune"]["plan"]["sbmax"]["reasons"]:
        assert reason in shown
    pres = "\n".join(Page.text(e) for e in page.find("pre", "cmd"))
    for cmd in report["tune"]["plan"]["commands"] + report["tune"]["plan"]["persist_commands"]:
        assert cmd in pres.split("\n")
    assert "changes recommended" in Page.text(page.find("div", "result")[0])


def test_labels_are_plain_text_with_balanced_fields():
    for key, text in LABELS.items():
        # never empty, but a separator between parts of the page (sep.*), which may be a blank
        assert isinstance(text, str) and (text.strip() or key.startswith("sep.") and text), key
        assert "<" not in text and ">" not in text, key  # escaped anyway; markup is not a label
        fields = re.findall(r"{(\w*)(?::[^{}]*)?}", text)
        assert all(fields) and text.count("{") == len(fields) == text.count("}"), key
    assert label("no.such.label") == "no.such.label"  # never a crash: the key says what


# ---------------------------------------------------------------------------------------------
# a real browser

def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def artifacts_dir(tmp_path_factory):
    where = os.environ.get("ESXI_DIAG_ARTIFACTS")
    if where:
        os.makedirs(where, exist_ok=True)
        return where
    return str(tmp_path_factory.mktemp("html-artifacts"))


def chromium(binary, url, *args):
    profile = tempfile.mkdtemp(prefix="esxi-diag-chromium-")
    try:
        return subprocess.run(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--user-data-dir=" + profile] + list(args) + [url],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            timeout=60, universal_newlines=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def read_png(path, max_rows):
    """(width, height, rows of RGB(A) bytes) of a PNG: 8-bit RGB or RGBA, the first rows only."""
    with open(path, "rb") as handle:
        data = handle.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + size])
        elif kind == b"IDAT":
            idat.append(data[pos + 8:pos + 8 + size])
        pos += 12 + size
    width, height, depth, ctype = ihdr[:4]
    assert depth == 8 and ctype in (2, 6), ihdr
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(min(height, max_rows)):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) \
                    & 255
        rows.append((line, bpp))
        prev = line
    return width, height, rows


def count_colour(rows, rgb, tolerance=10):
    n = 0
    for line, bpp in rows:
        for i in range(0, len(line), bpp):
            if abs(line[i] - rgb[0]) <= tolerance and abs(line[i + 1] - rgb[1]) <= tolerance \
                    and abs(line[i + 2] - rgb[2]) <= tolerance:
                n += 1
    return n


def test_headless_chromium_parses_and_paints_the_page(tmp_path_factory):
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no chromium binary (apt-get install chromium): the browser check needs one")
    started = time.time()
    out = artifacts_dir(tmp_path_factory)
    for profile in ("ldvm", "wan-faults"):
        report = report_of("check", "--simulate", profile, "--quiet")
        path = os.path.join(out, "check-%s.html" % profile)
        with io.open(path, "w", encoding="utf-8") as handle:
            handle.write(render_html(report, "check"))
        url = pathlib.Path(path).resolve().as_uri()
        dom = chromium(binary, url, "--dump-dom")
        assert dom.returncode == 0, dom.stderr[-2000:]
        # what Chromium built from the page: the diagram and its path lines, every finding
        assert dom.stdout.count('<svg class="diagram"') == 1
        lines = re.findall(r'<line class="pl sev-(\w+)"', dom.stdout)
        paths = report["reachability"]["paths"]
        assert sorted(lines) == sorted(severity_class(p["severity"]) for p in paths)
        for f in report["findings"]:
            assert f["id"] in dom.stdout
        assert "<script" not in dom.stdout
        png = os.path.join(out, "check-%s.png" % profile)
        shot = chromium(binary, url, "--screenshot=" + png, "--window-size=1280,2400",
                        "--hide-scrollbars")
        assert shot.returncode == 0, shot.stderr[-2000:]
        assert os.path.getsize(png) > 20000, "an empty screenshot"
        width, height, rows = read_png(png, 900)  # the header and the diagram
        assert (width, height) == (1280, 2400)
        assert len(set(bytes(line[:len(line)]) for line, _ in rows)) > 50  # not a blank page
        for sev in set(severity_class(p["severity"]) for p in paths):
            colour = html_report._COLOUR[sev]
            rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
            assert count_colour(rows, rgb) > 100, (profile, sev, "path colour not painted")
    assert time.time() - started < 60
