"""Every word a reader sees comes from a catalog: the text and HTML reports rendered in a pseudo
language (every template of render/catalogs/en.py wrapped in ⟦ ⟧) show nothing English outside
the brackets but the host's own values; --lang and the locale choose the language; Japanese
text is wrapped by display width.
"""
import json
import re
import types

import pytest

from conftest import fixture_path, report_of
from esxi_diag import render
from esxi_diag.render import messages, width
from esxi_diag.render.catalogs import en
from esxi_diag.simulator.host import builtin_names



def _mark(text):
    return "\u27e6" + text + "\u27e7"


@pytest.fixture
def pseudo(monkeypatch):
    """A language "qps" whose every template is the English one in brackets."""
    catalog = types.SimpleNamespace(
        MESSAGES=dict((k, _mark(v)) for k, v in en.MESSAGES.items()),
        LABELS=dict((k, _mark(v)) for k, v in en.LABELS.items()),
        LIST_SEPARATOR=_mark(", "),
        LIST_SEPARATORS=dict((k, _mark(v)) for k, v in en.LIST_SEPARATORS.items()))
    monkeypatch.setitem(messages._CATALOGS, "qps", catalog)
    return "qps"


def _host_values(report):
    """The strings of a report that are the host's own (names, addresses, commands, params),
    not the tool's English: texts that have a message, and findings' words, are left out."""
    values = set()

    def walk(v, skip=()):
        if isinstance(v, dict):
            if messages.is_message(v):
                walk(v["params"])
                return
            own = set(k[:-len("_message")] for k in v if k.endswith("_message"))
            if v.get("message_id"):
                own |= {"title", "detail", "remedy"}
            for k, x in v.items():
                if k in own or k in skip or k.endswith("_message") and x is None:
                    continue
                if k == "remedy_steps":
                    for step in x or []:
                        if isinstance(step, dict) and "command" in step:
                            values.add(step["command"])
                        else:
                            walk(step)
                    continue
                values.add(str(k))
                walk(x, ("result",) if k == "tune" else ())
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif v is not None and not isinstance(v, bool):
            values.add(str(v))
            values.update(str(v).split("\n"))
    walk(report)
    return values


# fixed technical words: option and node names printed as they are, in every language
_TECHNICAL = {"Migrate", "NetExpectedLineRateMBps", "NetLatencyModeThreshold", "sbMax", "DF"}


def _left_over(text, values):
    text = re.sub(r" \\\n +", " ", text)  # a long command continued on the next line
    # a text shortened to fit a box of the diagram ends with an ellipsis before its closing
    # brackets: the ellipsis closes them
    text = text.replace("\u2026", "\u27e7" * 4)
    before = None
    while text != before:  # innermost first: a label may hold a message
        before, text = text, re.sub("\u27e6[^\u27e6\u27e7]*\u27e7", " ", text)
    for v in sorted(values, key=len, reverse=True):
        if len(v) > 1:
            text = text.replace(v, " ")
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in _TECHNICAL]


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


@pytest.mark.parametrize("command,argv", _cases(), ids=lambda c: "-".join(c) if isinstance(
    c, tuple) else c)
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_no_word_reaches_the_reader_without_a_catalog(pseudo, command, argv, fmt):
    report = report_of(*argv)
    shown = render.output(report, fmt, command, pseudo)
    if fmt == "html":
        shown = re.sub(r"<style>.*?</style>", " ", shown, flags=re.S)
        shown = re.sub(r"<[^>]*>", " ", shown)
        import html
        shown = html.unescape(shown)
    values = _host_values(report) | {command}
    if fmt == "html":  # the page keeps the English word of an unknown verdict or kind
        values |= {"esxi", "diag"}
    left = _left_over(shown, values)
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
    assert cli("inspect", "--simulate", "ldvm", "--lang", "en").out.splitlines()[3:] == \
        english.splitlines()[3:]
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


def test_a_damaged_or_unknown_message_never_crashes():
    assert messages.render({"id": "NO-SUCH.title", "params": {}}) == "NO-SUCH.title"
    assert messages.render({"id": "reach.beyond", "params": {"rtt": "x", "limit": []}})
    assert messages.render({"id": "reach.beyond", "params": {}}) is not None
    assert not messages.valid({"id": "x", "params": {"a": {"b": [[[[[[[["deep"]]]]]]]]}}})
    assert messages.valid({"id": "x", "params": {"a": [1, "b", None]}})
    assert not messages.valid({"id": "x", "params": {"a": object()}})
