"""Reading what the user gives, within bounds.

Every file esxi-diag reads has a size cap that is checked while reading (``/dev/zero``, a FIFO
that never ends, a 10 GB file: the read stops one chunk past the cap and says so in one line), and
every JSON document is loaded with a depth cap and without NaN/Infinity, so that no input can
exhaust memory or end in an internal error. The caps are listed in docs/reliability.md.

Validation of what a document holds (types, ranges) is done by each reader at its boundary; the
small helpers at the end make that uniform.
"""

import json
import os
import sys

MIB = 1024 * 1024
CHUNK = 64 * 1024

# Caps (bytes). Real inputs are far below them: a pasted session of every command is ~100 KB, an
# inspect --json report ~200 KB, a journal ~2 KB.
TRANSCRIPT_BYTES = 64 * MIB   # a pasted session (analyze, --transcript)
PEERS_BYTES = 1 * MIB         # --peers: 1024 lines of address, role and label fit in 100 KB
JSON_BYTES = 8 * MIB          # --peer-report, --redact-map, --simulate FILE, --sim-state
JOURNAL_BYTES = 1 * MIB       # tune journals and /etc/rc.local.d/local.sh
MAX_JSON_DEPTH = 64           # every document esxi-diag writes is less than 10 levels deep
# Objects and arrays in one document: each costs ~64 bytes of memory for 2-3 bytes of text, so
# this bounds what a small, hostile document can cost (a bundle manifest of 20,000 commands has
# about 100,000).
MAX_JSON_CONTAINERS = 500000


class InputError(ValueError):
    """An input cannot be used: one line for the user."""


def size_text(n):
    if n >= MIB and n % MIB == 0:
        return "%d MiB" % (n // MIB)
    if n >= 1024 and n % 1024 == 0:
        return "%d KiB" % (n // 1024)
    return "%d bytes" % n


def read_stream(stream, limit, name):
    """The bytes of ``stream``, at most ``limit``: one chunk past it raises InputError."""
    chunks = []
    total = 0
    while True:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            break
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8", "surrogateescape")
        total += len(chunk)
        chunks.append(chunk)
        if total > limit:
            del chunks[:]
            raise InputError("%s is larger than %s: not read (the limit for this input)" % (
                name, size_text(limit)))
    return b"".join(chunks)


def stdin_stream():
    return getattr(sys.stdin, "buffer", None) or sys.stdin


def read_file(path, limit, name=None):
    """The bytes of the file ``path`` ('-': standard input), at most ``limit``. InputError (one
    line) when it cannot be read or is larger."""
    name = name or ("standard input" if path == "-" else path)
    if path == "-":
        if sys.stdin is None:
            raise InputError("standard input is closed")
        return read_stream(stdin_stream(), limit, name)
    try:
        with open(path, "rb") as handle:
            try:
                size = os.fstat(handle.fileno()).st_size
            except OSError:
                size = 0
            if size > limit:
                raise InputError("%s is larger than %s (%d bytes): not read (the limit for this "
                                 "input)" % (name, size_text(limit), size))
            return read_stream(handle, limit, name)
    except (IOError, OSError) as exc:
        raise InputError("cannot read %s: %s" % (name, exc.strerror or exc))


def _no_constant(text):
    raise ValueError("%s is not a JSON number" % text)


def depth(value):
    """How deeply ``value`` nests (a scalar is 0), without recursion."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
            deepest = max(deepest, level + 1)
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
            deepest = max(deepest, level + 1)
    return deepest


def loads(data, name, max_depth=MAX_JSON_DEPTH):
    """A JSON document from bytes or text: InputError (one line) when it is not JSON, nests more
    than ``max_depth`` levels, or holds NaN/Infinity. Never RecursionError."""
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("%s is not JSON (not UTF-8 text)" % name)
    if data.count("[") + data.count("{") > MAX_JSON_CONTAINERS:
        raise InputError("%s is not usable JSON: more than %d objects and arrays" % (
            name, MAX_JSON_CONTAINERS))
    try:
        value = json.loads(data, parse_constant=_no_constant)
    except RecursionError:
        raise InputError("%s is not usable JSON: nested more than %d levels deep" % (
            name, max_depth))
    except (ValueError, TypeError) as exc:
        raise InputError("%s is not JSON: %s" % (name, one_line(exc)))
    if depth(value) > max_depth:
        raise InputError("%s is not usable JSON: nested more than %d levels deep" % (
            name, max_depth))
    return value


def load_file(path, name=None, limit=JSON_BYTES):
    """``loads(read_file(path))``."""
    name = name or ("standard input" if path == "-" else path)
    return loads(read_file(path, limit, name), name)


def one_line(value, limit=300):
    """``str(value)`` on one line, control characters escaped, at most ``limit`` characters."""
    text = str(value)
    out = []
    for ch in text:
        code = ord(ch)
        if code < 32 or code == 127 or 0x80 <= code < 0xa0:
            out.append("\\x%02x" % code)
        else:
            out.append(ch)
    text = "".join(out)
    return text if len(text) <= limit else text[:limit - 3] + "..."


# -- validation at the boundary ---------------------------------------------------------------

def is_int(value):
    """An integer that is not a boolean (JSON true is not 1 here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and \
        value == value and value not in (float("inf"), float("-inf"))


def is_str_list(value):
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
