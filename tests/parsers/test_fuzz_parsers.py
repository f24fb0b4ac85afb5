"""Fuzzing (off-host, hypothesis): every fixture truncated, whitespace-collapsed, edited by hand
(``<<truncated>>``, ``...``, ``[snip]``, ``->value<-``, stray lines) and interleaved with another,
through the parsers and the transcript reader.

Two properties: no exception escapes (a parser raises ParseError or nothing; the reader raises
TranscriptError or nothing; the analysis and both renderers never fail), and no fact appears that is
not in the input (every address, MAC and name in the facts occurs in the text read).

Bounded for CI: a fixed number of examples, derandomized (the same inputs on every run). For a
longer hunt:

    ESXI_DIAG_FUZZ_EXAMPLES=5000 ESXI_DIAG_FUZZ_RANDOM=1 python3 -m pytest tests/parsers/test_fuzz_parsers.py
"""
import json
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_corpus import BARE, FIXTURE_FILES, fixture_bytes, transcript_bytes
from esxi_diag import kinds
from esxi_diag.sources import transcript
from esxi_diag.parsers import ParseError, Rows, unhighlight
from esxi_diag.render.text import render
from esxi_diag.analysis.pipeline import analyse

EXAMPLES = int(os.environ.get("ESXI_DIAG_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                derandomize=not os.environ.get("ESXI_DIAG_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

EDITS = ("<<truncated>>", "...", "[snip]", "[...]", "<< output truncated >>", "\u2026",
         "Copied from https://example.com/esxi-notes", "Posted by admin at 10:32",
         "# esxcli network ip interface list", "~ # ", "vmk9", "   Name: vmk9", "")
PROMPTS = ("[root@esx99:~] ", "[root@esx99:~] esxcli network ip interface list", "~ # ",
           "# esxcfg-vmknic -l", "ot@esx01:~] esxcfg-route -l", "[root@other:~] vmkping 10.0.0.1",
           "[root@esx01:~] esxcli system hostname set --host=esx99")
TEXTS = dict((name, transcript_bytes(name).decode("utf-8", "replace")) for name in FIXTURE_FILES)
# the bare outputs and the kind their command is (for the parser-level fuzz)
KINDS = dict((name, kinds.recognise(line)[0]) for name, line in BARE.items())


def _mutate(data, text):
    """One variant of ``text``: a few random operations, as people and web pages do them."""
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 4), label="operations")):
        op = data.draw(st.sampled_from(("truncate", "collapse", "collapse-all", "edit",
                                        "highlight", "delete", "duplicate", "interleave",
                                        "indent", "cut-value", "chars", "tabs", "prompt",
                                        "crlf")), label="op")
        lines = lines or [""]
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        if op == "truncate":
            joined = "\n".join(lines)
            lines = joined[:data.draw(st.integers(0, len(joined)), label="at")].split("\n")
        elif op == "collapse":
            lines[i] = re.sub(r" +", " ", lines[i]).strip(" ")
        elif op == "collapse-all":
            lines = [re.sub(r" +", " ", l).strip(" ") for l in lines]
        elif op == "edit":
            lines.insert(i, data.draw(st.sampled_from(EDITS), label="edit"))
        elif op == "highlight":
            words = lines[i].split(" ")
            j = data.draw(st.integers(0, max(0, len(words) - 1)), label="word")
            if words and words[j]:
                words[j] = "->%s<-" % words[j]
            lines[i] = " ".join(words)
        elif op == "delete" and lines:
            del lines[i]
        elif op == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif op == "interleave":
            other = TEXTS[data.draw(st.sampled_from(FIXTURE_FILES), label="other")].split("\n")
            mixed = []
            while lines or other:
                source = lines if (lines and (not other or data.draw(st.booleans()))) else other
                mixed.append(source.pop(0))
            lines = mixed
        elif op == "indent":
            lines = [("    " + l) if l else l for l in lines]
        elif op == "cut-value":
            lines[i] = lines[i][:data.draw(st.integers(0, len(lines[i])), label="cut")] + "..."
        elif op == "chars":  # a few characters lost or mistyped
            a = data.draw(st.integers(0, len(lines[i])), label="from")
            b = data.draw(st.integers(a, min(len(lines[i]), a + 4)), label="to")
            lines[i] = lines[i][:a] + data.draw(st.sampled_from(("", " ", "x", "1", ":", "-")),
                                                label="typo") + lines[i][b:]
        elif op == "tabs":
            lines[i] = lines[i].replace("  ", "\t")
        elif op == "prompt":
            lines.insert(i, data.draw(st.sampled_from(PROMPTS), label="prompt"))
        elif op == "crlf":
            lines = [l + "\r" for l in lines]
    return "\n".join(lines)


_IPV4 = re.compile(r"^\d+\.\d+\.\d+\.\d+$")


def _facts_in_input(report, text):
    """Every address, MAC and name the report states as a fact occurs in the input text."""
    def seen(value, what):
        if value is None or value == "":
            return
        assert str(value) in text, "%s %r is not in the input" % (what, value)

    for v in report["vmknics"]:
        seen(v["name"], "vmknic")
        seen(v["mac"], "MAC")
        for key in ("portgroup", "portset", "vds_name", "dvport", "opaque_network"):
            seen(v[key], key)
        for key in ("netstack",):
            seen(v[key], key)
        if v["ipv4"]:
            for key in ("address", "netmask", "gateway"):
                seen(v["ipv4"][key], "IPv4 " + key)
        for a in v["ipv6"]:
            seen(a["address"], "IPv6 address")
        for tag in v["tags"] or []:
            seen(tag, "tag")
    for n in report["nics"]:
        for key in ("name", "mac", "driver", "description"):
            seen(n[key], "NIC " + key)
    for s in report["vswitches"]:
        seen(s["name"], "switch")
        for u in s["uplinks"] or []:
            seen(u, "uplink")
        for p in s["portgroups"] or []:
            seen(p, "port group")
    for p in report["portgroups"]:
        seen(p["name"], "port group")
        seen(p["vswitch"], "switch of a port group")
    for r in report["routes"]:
        if r["network"] != "0.0.0.0":
            seen(r["network"], "route network")
            seen(r["netmask"], "route netmask")
        seen(r["gateway"], "route gateway")
        seen(r["interface"], "route interface")
    seen(report["default_gateway"], "default gateway")
    for key in ("hostname", "fqdn", "version", "build"):
        seen(report["host"][key], "host " + key)


def _as_read(raw):
    """The text as the reader sees it: decoded, terminal sequences and hand-made highlight
    arrows removed (a highlighted value is in the input)."""
    text = transcript._TERMINAL.sub("", transcript.decode(raw)[0])
    return "\n".join(unhighlight(line)[0] for line in text.split("\n"))


def _analyse_all(data):
    """Read a transcript and analyse every host in it as analyze does; returns the reports."""
    try:
        sessions = transcript.read_sessions(data, "fuzz.txt")
    except transcript.TranscriptError:
        return []
    reports = []
    for session in sessions:
        if not session.captures:
            continue
        report = analyse(session.captures, {"type": "transcript", "name": session.name,
                                            "localcli": None},
                         hints=session.hints, meta={"unrecognised": session.unrecognised,
                                                    "notes": session.notes})
        json.dumps(report)
        render(report, "analyze")
        for c in report["commands"]:
            if c["kind"] in ("ping", "diag.ping"):
                continue  # parsers/ping.py is not fuzzed here (see the reachability issue)
            assert "output not understood (" not in (c["note"] or ""), c  # a parser bug
        reports.append(report)
    return reports


@FUZZ
@given(st.sampled_from(FIXTURE_FILES), st.data())
def test_fuzzed_transcripts_never_fail_and_state_only_what_they_show(name, data):
    text = _mutate(data, TEXTS[name])
    raw = text.encode("utf-8")
    read_text = _as_read(raw)
    for report in _analyse_all(raw):
        _facts_in_input(report, read_text)


@FUZZ
@given(st.sampled_from(sorted(KINDS)), st.data())
def test_fuzzed_outputs_parse_or_raise_parse_error(name, data):
    text = _mutate(data, fixture_bytes(name).decode("utf-8", "replace"))
    kind = KINDS[name]
    try:
        rows = kinds.parse(kind, text)
    except ParseError:
        return
    assert isinstance(rows, Rows)
    for row in rows:
        assert isinstance(row, dict)


@FUZZ
@given(st.lists(st.sampled_from(FIXTURE_FILES), min_size=2, max_size=4), st.data())
def test_fuzzed_sessions_of_several_fixtures_keep_every_command(names, data):
    """Sessions glued together (prompt styles changing between them): every command line of
    every piece is read or listed as not recognised (none vanishes)."""
    pieces = [TEXTS[n] for n in names]
    raw = "\n".join(pieces).encode("utf-8")
    try:
        sessions = transcript.read_sessions(raw, "glued.txt")
    except transcript.TranscriptError:
        return
    seen = sum(len(s.captures) + len(s.unrecognised) for s in sessions)
    expected = 0
    for piece in pieces:
        try:
            expected += sum(len(s.captures) + len(s.unrecognised)
                            for s in transcript.read_sessions(piece.encode("utf-8"), "p"))
        except transcript.TranscriptError:
            pass
    assert seen == expected
    _analyse_all(raw)


_XML_TYPES = ("string", "integer", "boolean", "bool", "float", "list", "structure")


@FUZZ
@given(st.sampled_from(sorted(k for k in kinds.kind_names() if kinds.is_esxcli(k) and
                              k != "diag.ping")), st.data())
def test_fuzzed_xml_types_are_checked_at_the_boundary(kind, data):
    """esxcli XML whose elements have the wrong types (an integer where a name belongs, a list
    where a number belongs): the capture is parsed or unparsed, the analysis never fails, and a
    value of the wrong type never becomes a fact."""
    from esxi_diag.sources.capture import Capture
    text = fixture_bytes("synthetic-esxcli-xml-interface-list.txt").decode("utf-8")
    elements = list(re.finditer(r"<(string|integer|boolean|bool)>([^<]*)</\1>", text))
    for _ in range(data.draw(st.integers(1, 6), label="swaps")):
        m = data.draw(st.sampled_from(elements), label="element")
        tag = data.draw(st.sampled_from(_XML_TYPES), label="type")
        value = data.draw(st.sampled_from((m.group(2), "5", "-1", "99999999999", "x", "")),
                          label="value")
        if tag in ("list", "structure"):
            new = "<%s><string>%s</string></%s>" % (tag, value, tag)
        else:
            new = "<%s>%s</%s>" % (tag, value, tag)
        text = text.replace(m.group(0), new, 1)
    capture = Capture(kind, {"vmknic": "vmk1", "netstack": "vmotion", "vswitch": "vSwitch0",
                             "option": "/Migrate/NetExpectedLineRateMBps"},
                      stdout=text, exit_code=None, source="transcript")
    report = analyse([capture], {"type": "transcript", "name": "x", "localcli": None})
    json.dumps(report)
    render(report, "analyze")
    assert "output not understood (" not in (report["commands"][0]["note"] or "")
    for v in report["vmknics"]:
        assert v["mtu"] is None or isinstance(v["mtu"], int)
        assert v["enabled"] in (None, True, False)
        for key in ("netstack", "portgroup", "portset", "vds_name", "mac"):
            assert v[key] is None or isinstance(v[key], str)
