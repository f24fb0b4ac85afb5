"""Pure parsers, one module per output shape. No I/O; garbage raises ParseError.

Every parser returns generic Python values (lists of dicts with normalised keys, see keys.py); the
meaning of the fields is applied later, in facts.py.
"""


class ParseError(ValueError):
    """The text is not the shape the parser reads."""
