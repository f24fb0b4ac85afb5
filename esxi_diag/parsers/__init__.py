"""Pure parsers, one module per output shape. No I/O; garbage raises ParseError.

Every parser returns generic Python values (lists of dicts with normalised keys, see keys.py); the
meaning of the fields is applied later, in facts.py.
"""


class ParseError(ValueError):
    """The text is not the shape the parser reads."""


def check_text(text):
    """Raise ParseError when the output holds control characters (binary data is no output)."""
    for ch in text or "":
        if ch < " " and ch not in "\t\n\r":
            raise ParseError("binary data (control character 0x%02x)" % ord(ch))
