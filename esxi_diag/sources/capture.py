"""The Capture: one command's raw output and how it was obtained, the unit every source produces.

Live collection, the simulator, transcripts and (later) bundle replay all produce captures; facts.py
reads nothing else. After parsing, ``status`` says what became of it:

- ``parsed``: the output was read;
- ``unparsed``: the command ran but its output was not understood (``note`` says why);
- ``failed``: the command did not succeed (``note`` has its error);
- ``unavailable``: the data does not exist on this host (a vsish node absent before 6.7 U1, say).
"""

from esxi_diag import kinds
from esxi_diag.message import is_message, plain

PARSED = "parsed"
UNPARSED = "unparsed"
FAILED = "failed"
UNAVAILABLE = "unavailable"


class Capture(object):
    def __init__(self, kind, params=None, argv=None, stdout="", stderr="", exit_code=0,
                 started=None, duration=None, timed_out=False, error=None, source="live",
                 via=None, command=None):
        self.kind = kind
        self.params = dict(params or {})
        self.argv = list(argv or [])
        self.command = command if command is not None else kinds.display(self.argv)
        self.stdout = stdout or ""
        self.stderr = stderr or ""
        self.exit_code = exit_code
        self.started = started
        self.duration = duration
        self.timed_out = timed_out
        self.error = error
        self.source = source
        self.via = via
        self.fallback_from = None  # why esxcli was not used for this one (localcli fallback)
        self.status = None
        self.note = None  # why it is not parsed, or what to know about it: a message or a string
        self.partial = False  # parsed, but edited or cut: what it lists may be incomplete
        self.rows = None
        # transcripts: what the reader knows was cut from this output (facts.py adds it to the
        # parser's own cut), and why an earlier run of a repeated command is not used
        self.cut = []
        self.superseded = None
        self.repeats = None  # (times pasted, the earlier capture) when it repeats a command

    @classmethod
    def from_result(cls, kind, params, result, source, via=None):
        return cls(kind, params, argv=result.argv, stdout=result.stdout, stderr=result.stderr,
                   exit_code=result.exit_code, started=result.started, duration=result.duration,
                   timed_out=result.timed_out, error=result.error, source=source, via=via)

    @property
    def ran_ok(self):
        """True unless the command is known to have failed (a transcript has no exit codes)."""
        return self.exit_code in (0, None) and not self.timed_out and self.error is None

    def to_dict(self):
        out = {
            "kind": self.kind,
            "params": dict(self.params),
            "command": self.command,
            "argv": list(self.argv),
            "source": self.source,
            "via": self.via,
            "fallback_from": self.fallback_from,
            "exit_code": self.exit_code,
            "started": self.started,
            "duration_s": None if self.duration is None else round(self.duration, 3),
            "timed_out": bool(self.timed_out),
            "status": self.status,
            "parsed": self.status == PARSED,
            "note": plain(self.note),
        }
        if is_message(self.note):
            out["note_message"] = self.note
        return out
