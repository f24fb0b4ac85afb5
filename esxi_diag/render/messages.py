"""Messages: every text a report shows is data first, an ID and the values it is made from, and
words only when it is rendered, in the report's language, from that language's catalog
(render/catalogs/: ``en``, ``ja``).

A message is plain JSON made by esxi_diag/message.py: ``{"id": "HOT-NONE.detail", "params":
{...}}``. Templates are ``str.format`` strings over the params (``{rtt:.1f}``); a param that is a
message is rendered in the same language, a list joined the language's way.

A finding is data the same way: its ``message_id`` names ``<id>.title`` and ``<id>.detail`` in
the catalogs, its ``params`` fill them, and its ``remedy_steps`` are prose messages and commands
(``{"command": "esxcli ..."}``, never translated). The report builder adds the English ``title``,
``detail`` and ``remedy`` (schema esxi-diag/1); renderers render the chosen language.
"""

import importlib
import re

from esxi_diag import message as _message
from esxi_diag.render import DEFAULT_LANG as DEFAULT, LANGUAGES

# the data side of messages lives in esxi_diag/message.py; these names stay here for the callers
# that render as well as make them
msg, command, series = _message.msg, _message.command, _message.series
is_message, valid, MAX_DEPTH = _message.is_message, _message.valid, _message.MAX_DEPTH


_CATALOGS = {}


def catalog(lang):
    """The catalog module of a language (English for one that is not known): MESSAGES, LABELS,
    LIST_SEPARATOR, LIST_SEPARATORS."""
    found = _CATALOGS.get(lang)
    if found is None:
        if lang not in LANGUAGES:
            return catalog(DEFAULT)
        try:
            found = importlib.import_module("esxi_diag.render.catalogs." + lang)
        except ImportError:  # a build without that catalog
            if lang == DEFAULT:
                raise
            return catalog(DEFAULT)
        _CATALOGS[lang] = found
    return found


def template(message_id, lang=DEFAULT):
    """The template of a message ID in ``lang``, else English, else None."""
    found = catalog(lang).MESSAGES.get(message_id)
    if found is None and lang != DEFAULT:
        found = catalog(DEFAULT).MESSAGES.get(message_id)
    return found


def render(message, lang=DEFAULT):
    """The words of a message in ``lang``; a plain string is returned as it is (a report written
    before messages, or a value of the host's own)."""
    if message is None or isinstance(message, str):
        return message
    if not is_message(message):
        return str(message)
    text = template(message["id"], lang)
    if text is None:  # a message this tool does not know (a newer report): its ID says what
        return message["id"]
    values = dict((k, _value(v, lang)) for k, v in message["params"].items())
    return _fill(text, values)


def _fill(text, values):
    """``text.format(**values)``; a catalog that lost a param, or a value of the wrong type for
    its format (a report read from a file), is filled loosely instead: never a crash."""
    try:
        return text.format(**values)
    except Exception:
        return _LOOSE.sub(lambda m: str(values.get(m.group(1), "")), text)


_LOOSE = re.compile(r"\{(\w+)(?:[^{}]*)\}")


def _value(value, lang):
    if is_message(value):
        return render(value, lang)
    if isinstance(value, list):
        return catalog(lang).LIST_SEPARATOR.join(str(_value(v, lang)) for v in value)
    if isinstance(value, dict) and isinstance(value.get("items"), list):
        separators = getattr(catalog(lang), "LIST_SEPARATORS", {})
        sep = separators.get(value.get("join"), catalog(lang).LIST_SEPARATOR)
        return sep.join(str(_value(v, lang)) for v in value["items"])
    if value is None:
        return ""
    if isinstance(value, dict):
        return ""  # not something a text is made from (valid() refuses it in files)
    return value


def valid_steps(steps):
    """Whether ``steps`` are remedy steps: a list of prose messages and ``{"command": str}``."""
    return isinstance(steps, list) and all(
        (isinstance(s, dict) and set(s) == {"command"} and isinstance(s["command"], str)) or
        (is_message(s) and valid(s)) for s in steps)


_COMMAND_WORDS = ("esxcli ", "localcli ", "vsish ", "vmkping ", "esxi-diag ", "/etc/init.d/",
                  "/sbin/")


def is_command_line(line):
    """Whether a remedy line of a report written before ``remedy_steps`` is one whole command."""
    return line.startswith(_COMMAND_WORDS) and "  (" not in line and "; " not in line


def remedy_items(remedy, steps=None, lang=DEFAULT):
    """A remedy as ``[(is_command, line)]``: from its steps when the report has them (each known
    to be a command or prose), else from its text, a line being a command when it reads as one."""
    if steps and valid_steps(steps):
        return [(True, s["command"]) if isinstance(s, dict) and "command" in s else
                (False, render(s, lang)) for s in steps]
    return [(is_command_line(line), line) for line in (remedy or "").split("\n")]


def steps_text(steps, lang=DEFAULT):
    """Remedy steps as lines: prose rendered, commands as they are."""
    if not steps:
        return None
    return "\n".join(line for _, line in remedy_items(None, steps, lang))


def finding_text(finding, part, lang=DEFAULT):
    """A finding's ``title``, ``detail`` or ``remedy`` in ``lang``: from its message when it has
    one, else the text the report holds."""
    message_id = finding.get("message_id")
    if not isinstance(message_id, str) or template(message_id + ".title", lang) is None:
        return finding.get(part)
    if part == "remedy":
        steps = finding.get("remedy_steps")
        return steps_text(steps, lang) if valid_steps(steps) else finding.get(part)
    message = {"id": "%s.%s" % (message_id, part), "params": finding.get("params") or {}}
    if not valid(message):  # a report read from a file that holds something else
        return finding.get(part)
    return render(message, lang)


def text_of(node, key, lang=DEFAULT):
    """A text field of the report in ``lang``: ``node[key + "_message"]`` rendered when the
    report has it, else ``node[key]``."""
    message = node.get(key + "_message")
    return render(message, lang) if message is not None and valid(message) else node.get(key)


def texts_of(node, key, lang=DEFAULT):
    """A list of texts of the report in ``lang``: each from its message when the report has one
    (``node[key + "_message"][i]``), else the text it holds."""
    plain = node.get(key) or []
    found = node.get(key + "_message")
    if not isinstance(found, list) or len(found) != len(plain):
        return [v for v in plain]
    return [render(m, lang) if is_message(m) and valid(m) else v for v, m in zip(plain, found)]


def known(message_id):
    """Whether ``message_id`` is a message or finding ID of the reference catalog."""
    if not isinstance(message_id, str):
        return False
    if not _KNOWN:
        for key in catalog(DEFAULT).MESSAGES:
            parts = key.split(".")
            _KNOWN.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return message_id in _KNOWN


_KNOWN = set()


def has_label(key):
    """Whether the reference catalog has the label ``key``."""
    return key in catalog(DEFAULT).LABELS


def label(key, lang=DEFAULT, **params):
    """A fixed text of the renderers (a heading, a column, a word)."""
    text = catalog(lang).LABELS.get(key)
    if text is None:
        text = catalog(DEFAULT).LABELS.get(key, key)
    return _fill(text, params) if params else text
