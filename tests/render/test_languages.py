"""Every word a reader sees comes from a catalog: the text and HTML reports rendered in a pseudo
language (every template of render/catalogs/en.py wrapped in ⟦ ⟧) show nothing English outside
the brackets but the host's own values; --lang and the locale choose the language; Japanese
text is wrapped by display width.
"""
import io
import json
import re

import pytest

from conftest import fixture_path, report_of
from pseudo_language import TECHNICAL as _TECHNICAL, host_values as _host_values, \
    left_over as _left_over, page
from esxi_diag import render
from esxi_diag.render import messages, width
from esxi_diag.render.catalogs import en
from esxi_diag.simulator.host import builtin_names



def _cases():
    cases = []
    for profile in builtin_names():
        cases.append(("inspect", ("inspect", "--simulate", profile)))
        cases.append(("check", ("check", "--simulate", profile, "--quiet")))
    cases.append(("tune", ("tune", "--simulate", "lan", "--quiet", "--line-rate", "10G",
                           "--rtt", "80")))
    cases.append(("tune", ("tune", "--simulate", "ldvm", "--quiet")))
    for name in ("esxi67-blog-session.txt", "synthetic-transcript-edited.txt",
                 "hx-vmkping-timeout-session.txt"):
        cases.append(("analyze", ("analyze", "--transcript", fixture_path(name))))
    return cases


def _page(report, fmt, command, lang):
    """What a reader sees of a report: the text, or the page's text without its markup."""
    return page(render.output(report, fmt, command, lang), fmt)


@pytest.mark.parametrize("command,argv", _cases(), ids=lambda c: "-".join(c) if isinstance(
    c, tuple) else c)
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_no_word_reaches_the_reader_without_a_catalog(pseudo, command, argv, fmt):
    report = report_of(*argv)
    shown = _page(report, fmt, command, pseudo)
    values = _host_values(report) | {command}
    if fmt == "html":  # the page keeps the English word of an unknown verdict or kind
        values |= {"esxi", "diag"}
    left = _left_over(shown, values)
    assert left == [], (left[:20], shown[:3000])


@pytest.mark.parametrize("command,argv", _cases(), ids=lambda c: "-".join(c) if isinstance(
    c, tuple) else c)
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_no_english_reaches_the_reader_as_a_param(wordless, command, argv, fmt):
    """The same pages in a language without words: every word left is the host's own."""
    report = report_of(*argv)
    shown = _page(report, fmt, command, wordless)
    shown = re.sub(" \\\\\n +", " ", shown).replace("\u27e6", "").replace("\u27e7", "")
    shown = " ".join(shown.split())  # a value wrapped over two lines reads as one again
    values = set(" ".join(v.split()) for v in _host_values(report) | {command})
    for v in sorted(values, key=len, reverse=True):
        if len(v) > 1:
            shown = shown.replace(v, " ")
    left = [w for w in re.findall(r"[A-Za-z]{2,}", shown) if w not in _TECHNICAL]
    assert left == [], (left[:20], shown[:3000])


def test_lang_option_and_locale_choose_the_language(cli, monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert render.language(None, {}) == "en"
    assert render.language(None, {"LANG": "ja_JP.UTF-8"}) == "ja"
    assert render.language(None, {"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}) == "en"
    assert render.language(None, {"LC_MESSAGES": "ja_JP.eucJP", "LANG": "en_US.UTF-8"}) == "ja"
    assert render.language("en", {"LANG": "ja_JP.UTF-8"}) == "en"
    english = cli("inspect", "--simulate", "ldvm").out
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    timeless = lambda text: [line for line in text.splitlines()[3:]  # noqa: E731
                             if "command time" not in line and not line.startswith("  time)")]
    assert timeless(cli("inspect", "--simulate", "ldvm", "--lang", "en").out) == \
        timeless(english)
    # the JSON report is the same contract whatever the language
    assert json.loads(cli("inspect", "--simulate", "ldvm", "--json").out)["findings"][0][
        "title"] == json.loads(cli("inspect", "--simulate", "ldvm", "--json", "--lang",
                                   "en").out)["findings"][0]["title"]


def test_json_and_format_must_agree(cli):
    r = cli("inspect", "--simulate", "lan", "--json", "--format", "html")
    assert r.code == 3 and "disagree" in r.err and r.out == ""
    r = cli("inspect", "--simulate", "lan", "--format", "json")
    assert json.loads(r.out)["schema"] == "esxi-diag/1"
    r = cli("inspect", "--simulate", "lan", "--format", "xml")
    assert r.code == 3 and "xml" in r.err


def test_format_html_is_one_page_even_for_several_inputs(cli):
    one = cli("inspect", "--simulate", "broken", "--format", "html").out
    assert one.startswith("<!DOCTYPE html>") and one.count("<html") == 1
    two = cli("analyze", "--format", "html", "--transcript",
              fixture_path("esxi67-blog-session.txt"),
              fixture_path("synthetic-transcript-two-hosts.txt")).out
    assert two.count("<html") == 1 and two.count('<main class="page">') >= 2
    ids = re.findall(r' id="([^"]+)"', two)
    assert len(ids) == len(set(ids))  # every anchor of the page is unique
    for anchor in re.findall(r'href="#([^"]+)"', two):
        assert anchor in ids


def test_remedy_commands_are_their_own_lines(cli):
    """Each command of a remedy is printed whole on its own line (continued with a backslash
    when long), never run together with the prose around it."""
    report = json.loads(cli("inspect", "--simulate", "broken", "--json").out)
    text = cli("inspect", "--simulate", "broken").out
    joined = re.sub(r" \\\n +", " ", text)  # a long command continued on the next line
    lines = [line.strip() for line in joined.splitlines()]
    commands = [s["command"] for f in report["findings"] for s in f.get("remedy_steps") or []
                if "command" in s]
    assert commands
    for c in commands:
        assert c in lines or "Fix: " + c in lines, c
    assert "\\x0a" not in text


def test_japanese_wraps_by_display_width():
    text = ("vmk1 はホット データを伝送しますが、IPv4 アドレスも、ルーティング可能な IPv6 アドレスも"
            "ありません（リンクローカル fe80::1 のみ）。esxcli network ip interface list を実行し"
            "ます。")
    lines = width.wrap(text, 40, "  ", "    ")
    assert all(width.width(line) <= 40 for line in lines)
    assert "".join(line.strip().replace(" ", "") for line in lines) == text.replace(" ", "")
    for line in lines[1:]:
        assert line.strip()[0] not in "、。）", line  # no line starts with a closing mark
    for line in lines[:-1]:
        assert line.rstrip()[-1] not in "（", line  # none ends with an opening one
    assert "esxcli" in " ".join(lines) and "interface list" in " ".join(lines) or \
        "interface" in " ".join(lines)
    for word in ("esxcli", "network", "interface", "fe80::1"):  # Latin words never cut
        assert any(word in line for line in lines), word
    assert width.width("ホット") == 6 and width.width("vmk1") == 4
    assert width.wrap("a b", 10) == ["a b"]  # ASCII wraps as textwrap does


_NUMBER_AT_END = re.compile(r"(?<![\w.:/-])\d+(?:\.\d+)?$")
_UNIT_AT_START = re.compile(r"^(?:ms|s|MB/s|Mb/s|Mbit/s|Gbit/s|KiB|MiB|GiB|%|[秒台個件回行分日]|バイト)"
                            r"(?![A-Za-z])")


def test_a_number_and_its_unit_stay_on_one_line():
    """"80.3 ms", "2 台" and "16 バイト" are never split over two lines of a Japanese report, at
    any width."""
    text = ("測定された最大のラウンドトリップ時間 80.3 ms（ホット データ：80.0 ms）は、4 ms のしきい値"
            "を超えています。仮想マシン 4 台、sbMax 2097152 バイト（2.0 MiB）、25 Gbit/s の 3125 MB/s")
    for columns in range(12, 70):
        lines = width.wrap(text, columns)
        assert "".join(line.replace(" ", "") for line in lines) == text.replace(" ", "")
        for first, second in zip(lines, lines[1:]):
            assert not (_NUMBER_AT_END.search(first.rstrip()) and
                        _UNIT_AT_START.match(second.lstrip())), (columns, first, second)
    report = report_of("check", "--simulate", "ldvm", "--quiet")
    lines = render.output(report, "text", "check", "ja").splitlines()
    for first, second in zip(lines, lines[1:]):
        assert not (_NUMBER_AT_END.search(first.rstrip()) and
                    _UNIT_AT_START.match(second.lstrip())), (first, second)


def test_every_english_template_renders():
    for key, text in en.MESSAGES.items():
        fields = re.findall(r"{(\w+)(?::([^}]*))?}", text)
        params = dict((name, 1.5 if spec else "x") for name, spec in fields)
        out = messages.render(messages.msg(key, **params))
        assert "{" not in out, key
    for key, text in en.LABELS.items():
        fields = re.findall(r"{(\w+)(?::([^}]*))?}", text)
        params = dict((name, 1.5 if spec else "x") for name, spec in fields)
        assert "{" not in messages.label(key, **params), key


# outputs that are not what their command prints (the wrong thing pasted, or damage): why each one
# was not understood is the parsers' reason, shown in the report's language
_GARBLED = """[root@esx-garbled:~] esxcli network ip interface list
this is not what esxcli prints
[root@esx-garbled:~] esxcli network ip route ipv4 list
Network  Netmask  Gateway  Interface  Source
[root@esx-garbled:~] esxcfg-route -l
nothing useful here
[root@esx-garbled:~] esxcli system version get
   Product: VMware ESXi
[root@esx-garbled:~] vsish -e get /config/Migrate/intOpts/NetExpectedLineRateMBps
not a vsish node
"""


def test_why_an_output_was_not_understood_reads_in_the_reports_language(cli, tmp_path, pseudo,
                                                                        wordless):
    path = tmp_path / "garbled.txt"
    path.write_text(_GARBLED)
    r = cli("analyze", "--transcript", str(path), "--json")
    assert r.code == 3  # nothing could be read: said, with the report
    report = r.json
    unparsed = [c for c in report["commands"] if c["status"] == "unparsed"]
    assert len(unparsed) == 5
    # the JSON keeps the English words, the message beside them
    version = [c for c in unparsed if c["command"] == "esxcli system version get"][0]
    assert version["note"] == "no Version field"
    assert version["note_message"] == {"id": "parse.no-field", "params": {"field": "Version"}}
    for fmt in ("text", "html"):
        shown = _page(report, fmt, "analyze", pseudo)
        assert _left_over(shown, _host_values(report) | {"analyze"}) == [], shown
        japanese = _page(report, fmt, "analyze", "ja")
        assert "Version フィールドがありません" in japanese
        assert "表（ヘッダーと区切り線）が見つかりません" in japanese
        assert "「Network」列を含む esxcfg の表が見つかりません" in japanese
        for english in ("no Version field", "no table", "no stanza found", "not vsish output"):
            assert english not in japanese
        skeleton = _page(report, fmt, "analyze", wordless)  # no English reaches it as a param
        for v in sorted(_host_values(report) | {"analyze"}, key=len, reverse=True):
            skeleton = skeleton.replace(v, " ") if len(v) > 1 else skeleton
        assert not re.findall(r"\b(?:field|found|table|output|stanza)\b", skeleton), skeleton


def test_a_damaged_or_unknown_message_never_crashes():
    assert messages.render({"id": "NO-SUCH.title", "params": {}}) == "NO-SUCH.title"
    assert messages.render({"id": "reach.beyond", "params": {"rtt": "x", "limit": []}})
    assert messages.render({"id": "reach.beyond", "params": {}}) is not None
    assert not messages.valid({"id": "x", "params": {"a": {"b": 1}}})  # not a message
    deep = "x"
    for _ in range(40):
        deep = [deep]
    assert not messages.valid({"id": "x", "params": {"a": deep}})
    assert not messages.valid({"id": "x", "params": {"a": 10 ** 400}})
    # a report read from a file: a param of the wrong type for its format never crashes
    assert messages.render({"id": "REACH-RTT-BEYOND.title",
                            "params": {"where": "x", "rtt": {"a": 1}, "limit": 1}})
    assert messages.label("t.ms", ms={"a": 1}) is not None
    finding = {"id": "HOT-PATH", "message_id": "HOT-PATH", "params": ["x"], "title": "T",
               "remedy_steps": [{"command": ["x"]}], "remedy": "R"}
    assert messages.finding_text(finding, "title") == "T"
    assert messages.finding_text(finding, "remedy") == "R"
    assert messages.text_of({"detail": "D", "detail_message": {"id": "x", "params": {
        "a": {"b": 1}}}}, "detail") == "D"
    assert messages.valid({"id": "x", "params": {"a": [1, "b", None]}})
    assert not messages.valid({"id": "x", "params": {"a": object()}})


# words of a Japanese report that stay as they are: units, option and node names, product and
# feature names, the severity tokens (see render/catalogs/ja.py)
_JA_TECHNICAL = {"esxi", "diag", "VMware", "ESXi", "Update", "MTU", "Mb", "MB", "Gbit", "MiB",
                 "ms", "s", "DVPort", "sbMax", "Migrate", "NetExpectedLineRateMBps",
                 "NetLatencyModeThreshold", "VMkernel", "vMotion", "VMotion", "Long", "Distance",
                 "vmk", "vmknic", "netstack", "FAIL", "WARN", "INFO", "OK", "IPv4", "TCP", "IP",
                 "LAN", "L2", "inspect",
                 # issue 12: as the Japanese KB writes them (NFC, TLS, IPsec), vCenter, a UUID
                 "NFC", "TLS", "IPsec", "vCenter", "UUID"}


def _names_of(report):
    """The host's own names in a report: interfaces, switches, port groups, netstacks, tags,
    NICs, the host, the profile, the finding IDs."""
    names = {report["host"].get("fqdn"), report["host"].get("hostname"),
             report["source"].get("name"), report["tool"]["version"], report["generated_at"]}
    for v in report["vmknics"]:
        names.update([v.get("name"), v.get("netstack"), v.get("portgroup"), v.get("vds_name"),
                      v.get("portset")] + list(v.get("tags") or []))
    for s in report["vswitches"]:
        names.update([s.get("name")] + list(s.get("uplinks") or []) +
                     list(s.get("portgroups") or []))
    for n in report["nics"]:
        names.add(n.get("name"))
    names.update(f["id"] for f in report["findings"])
    names.update(r["netstack"] for r in report["routes"])
    for vm in (report.get("vms") or {}).get("list") or []:  # issue 12: the VMs, their networks
        names.add(vm.get("name"))
        for nic in vm.get("nics") or []:
            names.update([nic.get("network"), nic.get("dvs_portgroup")])
    names.update(r.get("name") for r in (report.get("firewall") or {}).get("rulesets") or [])
    return set(str(n) for n in names if n)


def test_japanese_text_report_fits_the_terminal_and_reads_japanese(cli):
    """inspect --lang ja: every line within 100 display columns (a Japanese character takes two)
    but a command word too long for any line; headings, findings' severities and the result line
    are the Japanese catalog's; no English word outside commands, the host's own names and the
    technical words every language keeps."""
    from esxi_diag.render.catalogs import ja
    report = json.loads(cli("inspect", "--simulate", "ldvm", "--json").out)
    r = cli("inspect", "--simulate", "ldvm", "--lang", "ja")
    assert r.code == 1, r.err
    lines = r.out.splitlines()
    for line in lines:
        if width.width(line) > 100:  # only one word on the line (after its indent and lead)
            assert len(line.replace(ja.LABELS["t.fix"], " ").split()) == 1, line
    assert not any(width.width(line) > 100 for line in lines)  # ldvm has no such word
    s = report["summary"]
    for heading in ("t.h.vmknics", "t.h.paths", "t.h.switches", "t.h.routes", "t.h.tuning",
                    "t.h.commands"):
        assert ja.LABELS[heading] in lines, heading
    assert ja.LABELS["t.h.findings"].format(**s) in lines
    assert lines[-1] == ja.LABELS["t.result"].format(text=ja.LABELS["t.result.1"], code=1)
    assert lines[-1] == "結果：警告あり（終了ステータス 1）"
    assert any(line.startswith("  WARN  TAG-VMOTION-INACTIVE  ") for line in lines)
    assert any(line.strip().startswith(ja.LABELS["t.path.hot"]) for line in lines)
    assert any(line.strip().startswith(ja.LABELS["t.path.cold"]) for line in lines)
    # no English words: commands and names out, what is left is Japanese and technical words
    joined = re.sub(r" \\\n +", " ", r.out)  # a long command continued on the next line
    prose = []
    for line in joined.splitlines():
        text = line.strip()
        if text.startswith(ja.LABELS["t.fix"]):
            text = text[len(ja.LABELS["t.fix"]):]
        if text.startswith(("esxcli ", "vsish ", "vmkping ", "localcli ", "/sbin/")):
            continue
        prose.append(text)
    prose = "\n".join(prose)
    for name in sorted(_names_of(report), key=len, reverse=True):
        prose = prose.replace(name, " ")
    # the run's own times (the JSON came from another run, maybe a second earlier)
    prose = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", " ", prose)
    english = set(re.findall(r"[A-Za-z][A-Za-z0-9]*", prose)) - _JA_TECHNICAL
    assert english == set(), (sorted(english), prose)
    # and the English report of the same host is English (the check above can fail)
    english_out = cli("inspect", "--simulate", "ldvm").out
    assert "Result: WARNINGS (exit 1)" in english_out.splitlines()


def test_a_c_locale_stdout_gets_utf8_and_a_japanese_locale_its_own(monkeypatch):
    """Python 3.5/3.6 under the C locale (an SSH session to ESXi without LANG) call stdout ASCII:
    the report is written in UTF-8 rather than escaped; a real encoding (EUC-JP) is kept."""
    from esxi_diag.cli import output
    for encoding, expected in (("ANSI_X3.4-1968", "utf-8"), ("ascii", "utf-8"),
                               ("euc_jp", "euc_jp"), ("UTF-8", "utf-8")):
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding=encoding)
        monkeypatch.setattr(output.sys, "stdout", stream)
        output.write_out("ホット データ vmk1\n")
        assert raw.getvalue() == "ホット データ vmk1\n".encode(expected)
