"""The command line's own input and output: one-line messages on stderr, reports on stdout
(a full, closed or missing stdout is one line and exit 3, never a traceback), its errors and its
argument parser. Light: ``--version`` and ``--help`` need nothing more.
"""

import argparse
import codecs
import os
import sys

from esxi_diag import render
from esxi_diag.render.safe import terminal_safe

PROG = "esxi-diag"


class UsageError(Exception):
    pass


class OutputError(Exception):
    """Standard output cannot be written (a full disk, a closed pipe): one line, exit 3."""


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError("%s (see '%s --help')" % (message, self.prog))

    def _print_message(self, message, file=None):  # --help, --version: the same safe writes
        if not message:
            return
        if file is None or file is sys.stdout:
            write_out(message)
        else:
            err_write(message)


def say(message):
    """One line on stderr, control characters escaped. Never raises: a full or closed stderr
    loses the message, not the run."""
    err_write("%s: %s\n" % (PROG, terminal_safe(str(message), keep_newlines=False)))


def about(name, exc):
    """'name: message', unless the message already starts with the name."""
    message = str(exc)
    return message if message.startswith(name) else "%s: %s" % (name, message)


def err_write(text):
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (IOError, OSError, ValueError, UnicodeError):
        pass


def write_out(text):
    """Write ``text`` to stdout and flush. OutputError (one line) when stdout is full, closed or
    gone; characters its encoding cannot show are escaped rather than fatal."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed: the report could not be written")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(text.encode(_encoding(stream), "backslashreplace"))
            buffer.flush()
        else:
            stream.write(text)
            stream.flush()
    except (IOError, OSError, ValueError) as exc:
        _drop_stdout()
        if isinstance(exc, BrokenPipeError):
            raise OutputError("standard output was closed before the report was written")
        raise OutputError("cannot write the report to standard output: %s" % (
            getattr(exc, "strerror", None) or exc))


def _encoding(stream):
    """The encoding to write in: the stream's, except that the C/POSIX locale's ASCII (an SSH
    session to ESXi usually has no LANG, and Python 3.5/3.6 then say ASCII) means "not said", not
    "this terminal shows only ASCII": UTF-8 then, so that a Japanese report or a host's own
    non-ASCII names read as they are on the engineer's terminal."""
    name = getattr(stream, "encoding", None) or "utf-8"
    try:
        if codecs.lookup(name).name == "ascii":
            return "utf-8"
    except LookupError:
        return "utf-8"
    return name


def _drop_stdout():
    """After a failed write: nothing more goes to stdout, and the interpreter's own flush at exit
    finds nothing to fail on."""
    try:
        sys.stdout = open(os.devnull, "w")
    except (IOError, OSError):
        sys.stdout = None


def ranged(convert, low, high, what):
    """An argparse type: a number of the given kind within [low, high], or a one-line error."""
    def parse(text):
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError("%r is not %s" % (text, what))
        if not low <= value <= high:
            raise argparse.ArgumentTypeError("%r is not between %g and %g" % (text, low, high))
        return value
    return parse


positive_int = ranged(int, 1, 64, "a whole number")
count = ranged(int, 2, 1000, "a whole number of probes (at least 2)")
timeout = ranged(float, 0.001, 600, "a number of seconds")
interval = ranged(float, 0.01, 10, "a number of seconds")


def output_options(p, json_help="print the machine report (JSON); the same as --format json"):
    """--format, --json and --lang: how a report is printed."""
    p.add_argument("--format", choices=render.FORMATS, default=None,
                   help="text (the default), json (the machine report) or html (one "
                        "self-contained page)")
    p.add_argument("--json", action="store_true", help=json_help)
    lang_option(p)


def lang_option(p):
    p.add_argument("--lang", choices=render.LANGUAGES, default=None,
                   help="the language of the text and HTML reports (default: ja when the locale "
                        "is ja_JP.*, else en)")


def output_format(args):
    """(format, language) of a report from --format, --json and --lang."""
    fmt = getattr(args, "format", None)
    if getattr(args, "json", False):
        if fmt not in (None, "json"):
            raise UsageError("--json and --format %s disagree: give one of them" % fmt)
        fmt = "json"
    return fmt or "text", render.language(getattr(args, "lang", None), os.environ)
