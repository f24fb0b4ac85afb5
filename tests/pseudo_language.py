"""The pseudo languages of the language tests, shared by every report's test (render/, report/):
"qps" puts every English template in brackets, "qpz" keeps only the templates' fields. What is left
outside the brackets on a page is either the host's own values (``host_values``) or a word that
bypassed the catalogs (``left_over``). conftest.py makes ``pseudo`` and ``wordless`` fixtures for
every test.
"""
import html
import re
import string
import types

import pytest

from esxi_diag.render import messages
from esxi_diag.render.catalogs import en


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


def _skeleton(template):
    """Only the fields of a template, in brackets: a language with no words of its own."""
    return _mark("".join("{%s%s}" % (name, ":" + spec if spec else "")
                         for _, name, spec, _ in string.Formatter().parse(template) if name))


@pytest.fixture
def wordless(monkeypatch):
    """A language "qpz" whose templates keep their fields and lose every word: what is left on
    the page came from the report's values, never from English passed as a param."""
    catalog = types.SimpleNamespace(
        MESSAGES=dict((k, _skeleton(v)) for k, v in en.MESSAGES.items()),
        LABELS=dict((k, _skeleton(v)) for k, v in en.LABELS.items()),
        LIST_SEPARATOR=_mark(""),
        LIST_SEPARATORS=dict((k, _mark("")) for k in en.LIST_SEPARATORS))
    monkeypatch.setitem(messages._CATALOGS, "qpz", catalog)
    return "qpz"


def host_values(report):
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
            if v.get("status") in ("parsed", "unavailable"):
                own.add("note")  # the tool's own words about a command; an error is the host's
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
TECHNICAL = {"Migrate", "NetExpectedLineRateMBps", "NetLatencyModeThreshold", "sbMax", "DF"}


def left_over(text, values):
    text = re.sub(r" \\\n +", " ", text)  # a long command continued on the next line
    # a text shortened to fit a box of the diagram ends with an ellipsis before its closing
    # brackets: the ellipsis closes them
    text = text.replace("\u2026", "\u27e7" * 4)
    before = None
    while text != before:  # innermost first: a label may hold a message
        before, text = text, re.sub("\u27e6[^\u27e6\u27e7]*\u27e7", " ", text)
    for v in sorted(values, key=len, reverse=True):
        if len(v) > 1:  # a whole value, never the inside of a word ("rate" in "/Migrate")
            text = re.sub(r"(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(v), " ", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in TECHNICAL]


def page(shown, fmt):
    """What a reader sees of a rendered report: the text, or the page's text without its markup."""
    if fmt == "html":
        shown = re.sub(r"<style>.*?</style>", " ", shown, flags=re.S)
        shown = html.unescape(re.sub(r"<[^>]*>", " ", shown))
    return shown
