"""Messages: every text a report shows is data first, an ID and the values it is made from, and
words only when it is rendered, in the report's language, from that language's catalog
(render/catalogs/: ``en``, ``ja``).

A message is plain JSON: ``{"id": "HOT-NONE.detail", "params": {"reason": ...}}``. A param may be
a number, a string shown as it is (a vmknic, an address, a command), a list (joined the language's
way; ``series()`` for another separator), None (shown as nothing: an optional part left out) or another message (rendered in the same
language). Templates are ``str.format`` strings over the params (``{rtt:.1f}``).

A finding is data the same way: its ``message_id`` names ``<id>.title`` and ``<id>.detail`` in
the catalogs, its ``params`` fill them, and its ``remedy_steps`` are prose messages and commands
(``{"command": "esxcli ..."}``, never translated). The report builder adds the English ``title``,
``detail`` and ``remedy`` (schema esxi-diag/1); renderers render the chosen language.
"""

import re

LANGUAGES = ("en", "ja")
DEFAULT = "en"


def msg(message_id, **params):
    """A message: an ID of the catalogs and the values it is made from."""
    return {"id": message_id, "params": params}


def command(text):
    """A remedy step that is a command: shown as it is, in every language."""
    return {"command": text}


def series(values, join="comma"):
    """A list param joined another way than the language's usual separator: ``join`` is a key of
    the catalog's ``LIST_SEPARATORS`` (``comma``, ``semicolon``, ``and``)."""
    return {"items": list(values), "join": join}


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


def is_message(value):
    """A message is exactly ``{"id", "params"}`` (a finding, which has more, is not one)."""
    return isinstance(value, dict) and len(value) == 2 and isinstance(value.get("id"), str) \
        and isinstance(value.get("params"), dict)


MAX_DEPTH = 6


def valid(value, depth=0):
    """Whether ``value`` is a text a report may hold: a string, or a message whose params are
    numbers, strings, None, lists, ``series`` and messages, nested at most ``MAX_DEPTH`` deep
    (what a bundle or a report read from a file must pass before it is rendered)."""
    if isinstance(value, str):
        return True
    return is_message(value) and _valid_param(value["params"], depth)


def _valid_param(value, depth):
    if depth > MAX_DEPTH:
        return False
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    if isinstance(value, list):
        return all(_valid_param(v, depth + 1) for v in value)
    if isinstance(value, dict):
        if is_message(value):
            return all(isinstance(k, str) for k in value["params"]) and \
                _valid_param(value["params"], depth + 1)
        if set(value) == {"items", "join"} and isinstance(value["items"], list):
            return _valid_param(value["items"], depth + 1)
        return all(isinstance(k, str) and _valid_param(v, depth + 1) for k, v in value.items())
    return False


_CATALOGS = {}


def catalog(lang):
    """The catalog module of a language (English for one that is not known): MESSAGES, LABELS,
    LIST_SEPARATOR, LIST_SEPARATORS."""
    found = _CATALOGS.get(lang)
    if found is None:
        if lang == "ja":
            try:
                from esxi_diag.render.catalogs import ja as found
            except ImportError:  # a build without the Japanese catalog
                return catalog(DEFAULT)
        elif lang == DEFAULT:
            from esxi_diag.render.catalogs import en as found
        else:
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
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a catalog that lost a param: never a crash
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
    return value


def steps_text(steps, lang=DEFAULT):
    """Remedy steps as lines: prose rendered, commands as they are."""
    if not steps:
        return None
    lines = []
    for step in steps:
        if isinstance(step, dict) and "command" in step:
            lines.append(step["command"])
        else:
            lines.append(render(step, lang))
    return "\n".join(lines)


def finding_text(finding, part, lang=DEFAULT):
    """A finding's ``title``, ``detail`` or ``remedy`` in ``lang``: from its message when it has
    one, else the text the report holds."""
    message_id = finding.get("message_id")
    if not message_id or template(message_id + ".title", lang) is None:
        return finding.get(part)
    if part == "remedy":
        return steps_text(finding.get("remedy_steps"), lang)
    return render({"id": "%s.%s" % (message_id, part), "params": finding.get("params") or {}},
                  lang)


def text_of(node, key, lang=DEFAULT):
    """A text field of the report in ``lang``: ``node[key + "_message"]`` rendered when the
    report has it, else ``node[key]``."""
    message = node.get(key + "_message")
    return render(message, lang) if message is not None else node.get(key)


def texts_of(node, key, lang=DEFAULT):
    """A list of texts of the report in ``lang``: each from its message when the report has one
    (``node[key + "_message"][i]``), else the text it holds."""
    plain = node.get(key) or []
    found = node.get(key + "_message")
    if not isinstance(found, list) or len(found) != len(plain):
        return [v for v in plain]
    return [render(m, lang) if is_message(m) else v for v, m in zip(plain, found)]


def has_label(key):
    """Whether the reference catalog has the label ``key``."""
    return key in catalog(DEFAULT).LABELS


def label(key, lang=DEFAULT, **params):
    """A fixed text of the renderers (a heading, a column, a word)."""
    text = catalog(lang).LABELS.get(key)
    if text is None:
        text = catalog(DEFAULT).LABELS.get(key, key)
    return text.format(**params) if params else text
