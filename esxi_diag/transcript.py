"""A pasted ESXi shell session -> captures, for sites that forbid running scripts.

A command starts on a line that begins with a prompt (``[user@host:dir] ``, ``~ # ``, ``# ``); its
output is every line up to the next prompt line. Recognised commands (catalog.recognise) become
captures with source ``transcript`` and no exit code; the others are listed as not recognised. The
hostname comes from ``esxcli system hostname get`` when the session has it, else from the prompt.
"""

import re
import shlex

from esxi_diag import catalog
from esxi_diag.capture import Capture

_PROMPT = re.compile(r"^(?:\[(?P<user>[^\]@\s]+)@(?P<host>[^\]:\s]+):[^\]]*\]|~ #|#)(?: (?P<cmd>.*))?$")
_MAX_BYTES = 64 * 1024 * 1024


class TranscriptError(ValueError):
    """The input cannot be read as a transcript at all (one line, for the user)."""


def decode(data):
    """Text from the bytes of a transcript: UTF-8 (with or without BOM), UTF-16 with a BOM, or
    Latin-1 as the last resort. Returns (text, note or None)."""
    if len(data) > _MAX_BYTES:
        raise TranscriptError("the transcript is larger than %d MiB" % (_MAX_BYTES // 1048576))
    note = None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
            note = "decoded as UTF-16"
        except UnicodeDecodeError:
            raise TranscriptError("the file starts like UTF-16 but is not valid UTF-16")
    else:
        if b"\x00" in data:
            raise TranscriptError("this is a binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            note = "not valid UTF-8: decoded as Latin-1"
    if "\x00" in text:
        raise TranscriptError("this is a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def split_session(text):
    """[(command line, output text)] and the hostname seen in the first prompt that names one."""
    commands = []
    hostname = None
    current = None
    style = None  # the session's prompt style, fixed by its first prompt
    for line in text.split("\n"):
        m = _PROMPT.match(line.rstrip())
        if m:
            this = "bracket" if m.group("host") else line.lstrip()[:1]
            if style is None:
                style = this
            elif this != style:  # e.g. a "# comment" line in the output of a [root@h:~] session
                m = None
        if m:
            if hostname is None and m.group("host"):
                hostname = m.group("host")
            if current is not None:
                commands.append(current)
            cmd = (m.group("cmd") or "").strip()
            current = (cmd, []) if cmd else None
            continue
        if current is not None:
            current[1].append(line)
    if current is not None:
        commands.append(current)
    return [(cmd, "\n".join(lines).strip("\n") + "\n") for cmd, lines in commands], hostname


def read(data, name="transcript"):
    """(captures, unrecognised command lines, hints, notes) from the bytes of a transcript."""
    text, note = decode(data)
    notes = [note] if note else []
    if not text.strip():
        raise TranscriptError("the transcript is empty")
    pairs, hostname = split_session(text)
    if not pairs:
        raise TranscriptError("no command lines found: each command must follow a shell prompt "
                              "such as '[root@host:~] ' or '~ # '")
    captures = []
    unrecognised = []
    for command_line, output in pairs:
        found = catalog.recognise(command_line)
        if found is None:
            unrecognised.append(command_line)
            continue
        kind, params = found
        try:
            argv = shlex.split(command_line)
        except ValueError:
            argv = [command_line]
        captures.append(Capture(kind, params, argv=argv, command=command_line, stdout=output,
                                exit_code=None, source="transcript"))
    hints = {"hostname": hostname, "hostname_from": "prompt"} if hostname else {}
    return captures, unrecognised, hints, notes
