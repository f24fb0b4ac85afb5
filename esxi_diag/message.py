"""A message: an ID of the catalogs (render/catalogs/) and the values its words are made from, as
plain JSON data, ``{"id": "HOT-NONE.detail", "params": {"reason": ...}}``. Every layer that
writes a text for the reader (parsers' notes on what was cut, the analysis, the rules) makes one
with ``msg()``; only render/messages.py turns it into words, in the report's language.

A param may be a number, a string shown as it is (a vmknic, an address, a command), a list
(joined the language's way; ``series()`` for another separator), None (shown as nothing: an
optional part left out) or another message. ``command()`` marks a remedy step that is a command,
never translated. No imports: the lowest layer may use it.
"""


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


def is_message(value):
    """A message is exactly ``{"id", "params"}`` (a finding, which has more, is not one)."""
    return isinstance(value, dict) and len(value) == 2 and isinstance(value.get("id"), str) \
        and isinstance(value.get("params"), dict)


MAX_DEPTH = 16  # levels of lists, params and messages: real texts use about 10


def valid(value, depth=0):
    """Whether ``value`` is a text a report may hold: a string, or a message whose params are
    numbers, strings, None, lists, ``series`` and messages, nested at most ``MAX_DEPTH`` deep
    (what a bundle or a report read from a file must pass before it is rendered)."""
    if isinstance(value, str):
        return True
    return is_message(value) and _valid_params(value["params"], depth)


def _valid_params(params, depth):
    return all(isinstance(k, str) and _valid_param(v, depth + 1) for k, v in params.items())


def _valid_param(value, depth):
    if depth > MAX_DEPTH:
        return False
    if value is None or isinstance(value, (str, bool)):
        return True
    if isinstance(value, (int, float)):
        return value == value and abs(value) < 1e18  # a count, a size, a time: never 10**400
    if isinstance(value, list):
        return all(_valid_param(v, depth + 1) for v in value)
    if isinstance(value, dict):
        if is_message(value):
            return _valid_params(value["params"], depth + 1)
        if set(value) == {"items", "join"} and isinstance(value["items"], list):
            return _valid_param(value["items"], depth + 1)
        return False  # any other object is not something a text is made from
    return False


def plain(value):
    """The English words of a text (a message or a string), for the few places that must hold a
    string (an exception's text, a record read by older tools). The catalogs are loaded only
    when a message is given."""
    if not is_message(value):
        return value
    from esxi_diag.render.messages import render
    return render(value)
