"""A pasted ESXi shell session -> captures, for sites that forbid running scripts.

A command starts on a line that begins with a prompt; its output is every line up to the next
prompt line. Prompts as customers paste them:

- ``[user@host:dir] `` (any release), also with leading blanks, colours or a window-title sequence
  around it, or with its first characters lost in the copy (``ot@omega-1:~] ``);
- ``~ # `` and ``/vmfs/volumes # `` (5.x and older);
- a bare ``# `` (documents and blogs): a prompt only when a known program (or a path to one)
  follows it, else it is output (a comment in a file being shown); an empty ``#`` line is a prompt
  only in a session whose prompts are ``# ``.

Recognised commands (kinds.recognise) become captures with source ``transcript`` and no exit code;
every other command line is listed as not recognised: no command vanishes. The terminal's echo of
the command (the same line again as the first output line) is dropped; a command wrapped onto two
lines (a trailing ``\\``, or a line cut by the terminal) is joined.

Several hosts in one paste: when the prompt's hostname changes without ``esxcli system hostname
set`` before it, the session is split, one per host (``read_sessions``). A command pasted twice with
different outputs: the later one is used, the earlier one is kept in the command list and a note
says what differs.

Bounds: the input size (``decode``), the number of commands (``MAX_COMMANDS``), prompt lines and
prompt-like lines read, the length of a command line (kinds.MAX_COMMAND_CHARS) and of one output
(``MAX_OUTPUT_CHARS``). Lines are
never split into a list: the reader walks the text by offsets, so memory stays a small multiple of
the input.
"""

import re
import shlex

from esxi_diag import kinds
from esxi_diag.sources import inputs
from esxi_diag.sources.capture import Capture
from esxi_diag.message import msg, plain

MAX_COMMANDS = 5000
MAX_PROMPTS = 100000  # prompt lines, empty ones included
MAX_CANDIDATES = 1000000  # lines that start like a prompt (a time bound: each is examined)
MAX_OUTPUT_CHARS = 4 * 1024 * 1024  # of one command's output (real ones are kilobytes)

# Terminal control sequences: OSC (window title) ending in BEL or ST, CSI (colours, cursor),
# charset designations, other two-byte escapes, a lone ESC or BEL.
_TERMINAL = re.compile(r"\x1b\][^\x07\x1b\n]{0,4096}(?:\x07|\x1b\\)?|\x1b\[[0-?]{0,64}[ -/]{0,8}"
                       r"[@-~]|\x1b[()*+][0-9A-Za-z]|\x1b[@-_]|\x1b|\x07")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

# A line that may be a prompt (cheap, C speed); _prompt() decides.
_CANDIDATE = re.compile(r"^[ \t]{0,64}(?:\[|~|/|#|[^\s\[\]:]{0,320}:[^\]\s]{0,1024}\] )", re.M)
_BRACKET = re.compile(r"\[(?P<user>[^\]\[@\s]{1,64})@(?P<host>[^\]\[:\s@]{1,253}):"
                      r"(?P<dir>[^\]\n]{0,1024})\][ \t]?(?P<cmd>.*)$")
_BROKEN = re.compile(r"(?:(?P<user>[^\]\[@\s:]{0,64})(?P<at>@))?(?P<host>[^\]\[:\s@]{1,253}):"
                     r"(?P<dir>[^\]\s]{0,1024})\] (?P<cmd>\S.*)$")
_PATH = re.compile(r"(?:~|/[^\s#]{0,1024}) #(?:[ \t](?P<cmd>.*))?$")
_HASH = re.compile(r"#(?:[ \t](?P<cmd>.*))?$")
_HOSTNAME_SET = re.compile(r"(?:\bsystem\s+hostname\s+set\b|^hostname\s+\S|"
                           r"\besxcfg-advcfg\b.*\b/Misc/hostname\b)")
_WS = re.compile(r"\s+")

# Programs a person types on an ESXi shell (for prompts that are ambiguous on their own).
_PROGRAMS = frozenset((
    "esxcli", "localcli", "vmkping", "ping", "ping6", "vsish", "vmware", "vim-cmd", "net-dvs",
    "vmkchdev", "vmkvsitools", "pktcap-uw", "tcpdump-uw", "nc", "traceroute", "esxtop", "cat",
    "ls", "cd", "grep", "egrep", "less", "more", "tail", "head", "vi", "df", "du", "uptime",
    "hostname", "date", "ps", "echo", "python", "python3", "ssh", "scp", "configstorecli",
    "vdf", "vdu", "vmkfstools", "esxupdate", "software", "clear", "exit", "history", "which",
    "uname", "find", "awk", "sed", "sort", "wc", "dmesg", "services.sh", "auto-backup.sh",
    "secureboot.py", "secureBoot.py", "vmkerrcode", "nslookup", "vmkload_mod", "sh",
    "crypto-util", "esxi-diag", "esxi-diag.pyz"))


class TranscriptError(ValueError):
    """The input cannot be read as a transcript at all (one line, for the user)."""


class Session(object):
    """The commands of one host in a transcript."""

    def __init__(self, name):
        self.name = name          # what the report calls it: "session.txt (host esx02)"
        self.host = None          # the hostname the prompts show (as shown)
        self.key = None           # its first label, lower case (to compare prompts)
        self.captures = []
        self.unrecognised = []
        self.notes = []
        self.input_notes = []  # the notes on the whole input (also in ``notes``)

    @property
    def hints(self):
        return {"hostname": self.host, "hostname_from": "prompt"} if self.host else {}


def decode(data):
    """Text from the bytes of a transcript: UTF-8 (with or without BOM), UTF-16 with a BOM, or
    Latin-1 as the last resort. Returns (text, note or None)."""
    if len(data) > inputs.TRANSCRIPT_BYTES:
        raise TranscriptError("the transcript is larger than %s" % inputs.size_text(
            inputs.TRANSCRIPT_BYTES))
    note = None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
            note = msg("note.utf16")
        except UnicodeDecodeError:
            raise TranscriptError("the file starts like UTF-16 but is not valid UTF-16")
    else:
        if b"\x00" in data:
            raise TranscriptError("this is a binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            note = msg("note.latin1")
    if "\x00" in text:
        raise TranscriptError("this is a binary file, not text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, note


def _clean_command(cmd):
    return _CONTROL.sub("", cmd).strip()


def _plausible(cmd):
    """A known program (or a path to one) starts this command line."""
    if not cmd or len(cmd) > kinds.MAX_COMMAND_CHARS:
        return False
    first = cmd.split(None, 1)[0]
    prog = first.rsplit("/", 1)[-1]
    return prog in _PROGRAMS or prog.startswith("esxcfg-") or first.startswith(("/", "./"))


def _prompt(line, style):
    """(style, host or None, command) when the line is a prompt, else None. ``style`` is the
    session's first prompt style (None before the first prompt)."""
    stripped = line.lstrip(" \t")
    if not stripped:
        return None
    first = stripped[0]
    if first == "[":
        m = _BRACKET.match(stripped)
        if m:
            return "bracket", m.group("host"), _clean_command(m.group("cmd") or "")
    if "] " in stripped[:1400]:
        m = _BROKEN.match(stripped)
        if m:
            cmd = _clean_command(m.group("cmd"))
            if _plausible(cmd):
                return "bracket", (m.group("host") if m.group("at") else None), cmd
    if first in "~/":
        m = _PATH.match(stripped)
        if m:
            return "path", None, _clean_command(m.group("cmd") or "")
    if first == "#":
        m = _HASH.match(stripped)
        if m:
            cmd = _clean_command(m.group("cmd") or "")
            if _plausible(cmd) or (not cmd and style == "hash"):
                return "hash", None, cmd
    return None


_TARGET = re.compile(r"^(?:[0-9A-Fa-f:.]{2,45}|[A-Za-z0-9][A-Za-z0-9.-]{0,252})$")


def _sane(found):
    """A recognised command whose parameters look like what they name (a joined line must not
    turn output into a ping target)."""
    if found is None:
        return False
    kind, params = found
    if kind == "ping" and not _TARGET.match(params.get("target") or ""):
        return False
    for key in ("vmknic",):
        if params.get(key) is not None and not kinds.valid_vmknic(params[key]):
            return False
    return True


def _lines_from(text, pos, count):
    """Up to ``count`` lines starting at offset ``pos``: [(start, end)] (end excludes '\\n')."""
    out = []
    while pos < len(text) and len(out) < count:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        out.append((pos, end))
        pos = end + 1
    return out


def _same_command(a, b):
    return _WS.sub(" ", a).strip() == _WS.sub(" ", b).strip()


def _dedent(output, indent):
    """Remove the prompt's own indentation (a blog's code-block markup) from its output."""
    if not indent:
        return output
    lines = output.split("\n")
    if all(not l.strip() or l[:indent] == " " * indent for l in lines):
        return "\n".join(l[indent:] for l in lines)
    return output


def _display(cmd):
    """A command line as listed in the report: whole up to the command-line cap; beyond it only
    its program name (a cut in the middle of a value could leave a fragment that masking no
    longer recognises)."""
    if len(cmd) <= kinds.MAX_COMMAND_CHARS:
        return cmd
    program = re.match(r"^[\w./-]{1,40}", cmd)
    return "%s ... (%d characters: too long to be a command line)" % (
        program.group(0) if program else "?", len(cmd))


class _Reader(object):
    """Walks the text once, prompt to prompt."""

    def __init__(self, text, name):
        self.text = text
        self.name = name
        self.style = None
        self.sessions = [Session(name)]
        self.current = self.sessions[0]
        self.rename_pending = False
        self.prompts = 0
        self.commands = 0
        self.notes = []
        self.pending = None  # (session, command line, output start, indent, cut)

    # -- prompts -------------------------------------------------------------------------------

    def _host_change(self, host):
        """The session this prompt belongs to (a new one when another host's prompt appears)."""
        session = self.current
        if host is None:
            return session
        key = host.split(".", 1)[0].lower()
        if session.key is None:
            session.key, session.host = key, host
        elif key != session.key:
            if self.rename_pending:
                session.notes.append(msg("note.hostname-changed", old=session.host, new=host))
                session.key, session.host = key, host
                self.rename_pending = False
            else:  # another host: its own session (the same one when it comes back)
                known = [x for x in self.sessions if x.key == key]
                if known:
                    session = known[0]
                else:
                    session = Session(self.name)
                    session.key, session.host = key, host
                    self.sessions.append(session)
        self.current = session
        return session

    def _flush(self, end, why=None):
        """Close the pending command: its output is the text up to ``end`` (``why``: the reason
        it may go on beyond that point)."""
        if self.pending is None:
            return
        session, cmd, start, indent, cut = self.pending
        if why:
            cut = cut + [why]
        self.pending = None
        found = kinds.recognise(cmd)
        if found is None:
            session.unrecognised.append(_display(cmd))
            return
        output = self.text[start:end] if start < end else ""
        if end == len(self.text) and output and not output.endswith("\n"):
            # the text ends inside this output without a newline: its last line may be cut
            last = output.rfind("\n")
            if output[last + 1:].strip():
                cut = cut + [msg("cut.transcript-end", line=repr(output[last + 1:][:60]))]
            output = output[:last + 1]
        if len(output) > MAX_OUTPUT_CHARS:
            output = output[:output.rfind("\n", 0, MAX_OUTPUT_CHARS) + 1]
            cut = cut + [msg("cut.too-long", limit=MAX_OUTPUT_CHARS)]
        output = _dedent(output, indent).strip("\n") + "\n"
        kind, params = found
        try:
            argv = shlex.split(cmd)
        except ValueError:
            argv = [cmd]
        capture = Capture(kind, params, argv=argv, command=cmd, stdout=output, exit_code=None,
                          source="transcript")
        capture.cut = list(cut)
        session.captures.append(capture)

    def read(self):
        text = self.text
        matches = _CANDIDATE.finditer(text)
        skip_to = 0
        candidates = 0
        for m in matches:
            start = m.start()
            if start < skip_to:
                continue
            candidates += 1
            if candidates > MAX_CANDIDATES:
                self._flush(start, msg("cut.not-read-beyond"))
                self.notes.append(msg("note.too-many-prompt-like", limit=MAX_CANDIDATES))
                return
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            found = _prompt(text[start:end], self.style)
            if found is None:
                continue
            style, host, cmd = found
            self.prompts += 1
            if self.prompts > MAX_PROMPTS:
                self._flush(start)
                self.notes.append(msg("note.too-many-prompts", limit=MAX_PROMPTS))
                return
            if self.style is None:
                self.style = "hash" if style == "hash" else "other"
            self._flush(start)
            session = self._host_change(host)
            if not cmd:
                continue
            self.commands += 1
            if self.commands > MAX_COMMANDS:
                self.notes.append(msg("note.too-many-commands", limit=MAX_COMMANDS))
                return
            out_start = min(end + 1, len(text))
            cmd, out_start = self._whole_command(cmd, out_start)
            if _HOSTNAME_SET.search(cmd[:kinds.MAX_COMMAND_CHARS]):
                self.rename_pending = True
            indent = len(text[start:end]) - len(text[start:end].lstrip(" \t"))
            out_start = self._skip_echo(cmd, out_start)
            self.pending = (session, cmd, out_start, indent, [])
            skip_to = out_start
        self._flush(len(text))

    def _whole_command(self, cmd, out_start):
        """A command wrapped onto the next line(s): a trailing backslash, or a line cut by the
        terminal (the command is only recognised with the next line joined to it)."""
        text = self.text
        for _ in range(8):
            nxt = _lines_from(text, out_start, 1)
            if not nxt:
                break
            line = text[nxt[0][0]:nxt[0][1]]
            if _prompt(line, self.style) is not None or len(cmd) > kinds.MAX_COMMAND_CHARS:
                break
            if cmd.endswith("\\"):
                cont = line[2:] if line.startswith("> ") else line
                cmd = _clean_command(cmd[:-1] + cont)
                out_start = nxt[0][1] + 1
                continue
            if kinds.recognise(cmd) is None and line.strip() and not line[0].isspace() and \
                    len(line) < 200:
                for joined in (cmd + line.strip(), cmd + " " + line.strip()):
                    if _sane(kinds.recognise(joined)):
                        cmd = _clean_command(joined)
                        out_start = nxt[0][1] + 1
                        break
            break
        return cmd, min(out_start, len(text))

    def _skip_echo(self, cmd, out_start):
        """The terminal echoed the command as the first output line: skip it."""
        nxt = _lines_from(self.text, out_start, 1)
        if nxt:
            line = _clean_command(self.text[nxt[0][0]:nxt[0][1]])
            if line and _same_command(line, cmd):
                return min(nxt[0][1] + 1, len(self.text))
        return out_start


def _normalised(output):
    return "\n".join(l.rstrip() for l in output.strip().splitlines())


def _repeated(session):
    """A command pasted several times with different outputs: the last one is used, the earlier
    ones stay in the command list with a note, and the session's notes say what differs."""
    groups = {}
    for c in session.captures:
        if c.kind in ("ping", "diag.ping"):
            continue  # each ping is its own measurement
        key = (c.kind, tuple(sorted((k, str(v)) for k, v in c.params.items())))
        groups.setdefault(key, []).append(c)
    for runs in groups.values():
        if len(runs) < 2:
            continue
        last = runs[-1]
        outputs = set(_normalised(c.stdout) for c in runs)
        if len(outputs) == 1:
            continue
        try:
            kinds.parse(last.kind, last.stdout)
        except Exception:  # the later one cannot be read: the earlier ones stay in use
            session.notes.append(msg("note.repeated-unreadable", command=last.command[:120],
                                     count=len(runs)))
            continue
        for c in runs[:-1]:
            if _normalised(c.stdout) != _normalised(last.stdout):
                c.superseded = msg("note.superseded")
        last.repeats = (len(runs), runs[-2])  # the facts say what differs (analysis/facts.py)


def read_sessions(data, name="transcript"):
    """The sessions of a transcript, one per host (several when the prompts name several hosts).
    Raises TranscriptError when the input is not a transcript at all."""
    text, note = decode(data)
    if not text.strip():
        raise TranscriptError("the transcript is empty")
    if "\x1b" in text or "\x07" in text:
        text = _TERMINAL.sub("", text)
    reader = _Reader(text, name)
    reader.read()
    sessions = [s for s in reader.sessions if s.captures or s.unrecognised]
    if not sessions:
        raise TranscriptError("no command lines found%s: each command must follow a shell prompt "
                              "such as '[root@host:~] ' or '~ # '" % (
                                  " (%s)" % plain(reader.notes[0]) if reader.notes else ""))
    common = ([note] if note else []) + reader.notes
    if len(sessions) > 1:
        hosts = [s.host or "?" for s in sessions]
        common.append(msg("note.several-hosts", count=len(sessions), hosts=hosts))
        for s in sessions:
            s.name = "%s (host %s)" % (name, s.host or "?")
    for s in sessions:
        s.input_notes = list(common)
        s.notes = common + s.notes
        _repeated(s)
    return sessions


def read(data, name="transcript"):
    """(captures, unrecognised command lines, hints, notes) of a transcript of one host. When it
    holds several hosts, those of the first, with a note (``read_sessions`` gives them all)."""
    sessions = read_sessions(data, name)
    first = sessions[0]
    notes = list(first.notes)
    if len(sessions) > 1:
        notes.append(msg("note.first-host-only", host=first.host or "?"))
    return first.captures, first.unrecognised, first.hints, notes
