"""The one command runner: every external command of esxi-diag goes through here.

argv lists only (never a shell), a timeout on every call (the whole process group is killed when it
expires), an output cap on every call (a command that prints more than MAX_OUTPUT_BYTES, stdout
and stderr together, is cut there and its process group killed: its result says so), and exit
code, stdout, stderr, start time and duration recorded in a CommandResult.

The backend is replaceable: LiveBackend starts real processes; the simulator provides a backend with
the same ``execute(argv, timeout)`` method, so collection code cannot tell the two apart.
"""

import errno
import os
import selectors
import shutil
import signal
import subprocess
import threading
import time

from esxi_diag.message import msg

DEFAULT_TIMEOUT = 30.0
# The largest esxcli XML answer of a big host is ~100 KB; a vmkping series ~1 KB a probe.
MAX_OUTPUT_BYTES = 4 * 1024 * 1024
_CHUNK = 65536
_DRAIN_S = 5.0  # after a kill, how long the pipes are read before giving up on them

# Errors the runner itself reports (exit_code is None for these).
ERR_NOT_FOUND = "not-found"
ERR_PERMISSION = "permission-denied"
ERR_OS = "os-error"
# Said in the capture's note: a command that never stops printing is cut, never parsed.
ERR_OUTPUT_CUT = "output cut at %d MiB: the command printed more and was stopped" % (
    MAX_OUTPUT_BYTES // (1024 * 1024))


def error_note(error):
    """What a capture's ``error`` says, as a message: the runner's codes (not-found,
    permission-denied, output cut, os-error), or the message a file read made; another string as
    it is."""
    if error == ERR_NOT_FOUND:
        return msg("note.not-found")
    if error == ERR_PERMISSION:
        return msg("note.permission")
    if error == ERR_OUTPUT_CUT:
        return msg("note.output-cut", limit=MAX_OUTPUT_BYTES // (1024 * 1024))
    if isinstance(error, str) and error.startswith(ERR_OS + ": "):
        return msg("note.os-error", error=error[len(ERR_OS) + 2:])
    return error


class CommandResult(object):
    """What one command did. ``exit_code`` is None when it never ran or was killed."""

    __slots__ = ("argv", "exit_code", "stdout", "stderr", "started", "duration", "timed_out",
                 "error")

    def __init__(self, argv, exit_code=None, stdout="", stderr="", started=0.0, duration=0.0,
                 timed_out=False, error=None):
        self.argv = list(argv)
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.started = started
        self.duration = duration
        self.timed_out = timed_out
        self.error = error

    @property
    def ok(self):
        return self.exit_code == 0 and not self.timed_out and self.error is None

    def describe_failure(self):
        """One line saying why this command did not succeed ('' when it did)."""
        if self.ok:
            return ""
        if self.timed_out:
            return "timed out after %.1f s and was killed" % self.duration
        if self.error == ERR_NOT_FOUND:
            return "command not found"
        if self.error == ERR_PERMISSION:
            return "permission denied"
        if self.error:
            return self.error
        text = first_line(self.stderr) or first_line(self.stdout)
        if text:
            return "exit %s: %s" % (self.exit_code, text)
        return "exit %s" % self.exit_code


def first_line(text):
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            return line[:200]
    return ""


def decode(data):
    if data is None:
        return ""
    if isinstance(data, str):
        return data
    return data.decode("utf-8", "replace")


class LiveBackend(object):
    """Runs real processes. Tracks the running ones so that Ctrl-C can end them all."""

    def __init__(self, max_output=MAX_OUTPUT_BYTES):
        self._lock = threading.Lock()
        self._running = set()
        self.max_output = max_output

    def which(self, program):
        """True when ``program`` can be started (looked up in PATH, as the OS will)."""
        return shutil.which(program) is not None

    def execute(self, argv, timeout):
        started = time.time()
        t0 = time.monotonic()
        try:
            proc = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, start_new_session=True)
        except FileNotFoundError:
            return CommandResult(argv, started=started, error=ERR_NOT_FOUND)
        except PermissionError:
            return CommandResult(argv, started=started, error=ERR_PERMISSION)
        except OSError as exc:
            return CommandResult(argv, started=started, error="%s: %s" % (ERR_OS, exc))
        with self._lock:
            self._running.add(proc)
        try:
            try:
                out, err, timed_out, cut = self._collect(proc, t0 + timeout)
            finally:
                for pipe in (proc.stdout, proc.stderr):
                    try:
                        pipe.close()
                    except (IOError, OSError):
                        pass
            if timed_out or cut:
                _kill_group(proc)
            try:
                proc.wait(timeout=_DRAIN_S)
            except subprocess.TimeoutExpired:  # unkillable (D state): do not wait for it
                pass
        except BaseException:
            _kill_group(proc)
            raise
        finally:
            with self._lock:
                self._running.discard(proc)
        return CommandResult(argv, exit_code=None if (timed_out or cut) else proc.returncode,
                             stdout=decode(out), stderr=decode(err), started=started,
                             duration=time.monotonic() - t0, timed_out=timed_out,
                             error=ERR_OUTPUT_CUT if cut and not timed_out else None)

    def _collect(self, proc, deadline):
        """Read stdout and stderr as they come, up to ``max_output`` bytes together, until both
        close or ``deadline``. Returns (stdout, stderr, timed_out, cut). Memory never holds more
        than the cap plus one chunk, whatever the command prints."""
        buffers = {proc.stdout: [], proc.stderr: []}
        total = 0
        timed_out = cut = False
        selector = selectors.DefaultSelector()
        try:
            for pipe in (proc.stdout, proc.stderr):
                selector.register(pipe, selectors.EVENT_READ)
            open_pipes = 2
            while open_pipes:
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                for key, _ in selector.select(min(left, 1.0)):
                    try:
                        chunk = os.read(key.fileobj.fileno(), _CHUNK)
                    except (IOError, OSError) as exc:
                        if exc.errno in (errno.EINTR, errno.EAGAIN):
                            continue
                        chunk = b""
                    if not chunk:
                        selector.unregister(key.fileobj)
                        open_pipes -= 1
                        continue
                    room = self.max_output - total
                    buffers[key.fileobj].append(chunk[:room])
                    total += min(len(chunk), room)
                    if len(chunk) > room:
                        cut = True
                        break
                if cut:
                    break
        finally:
            selector.close()
        return (b"".join(buffers[proc.stdout]), b"".join(buffers[proc.stderr]), timed_out,
                cut)

    def terminate_all(self):
        with self._lock:
            procs = list(self._running)
        for proc in procs:
            _kill_group(proc)


def _kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        try:
            proc.kill()
        except OSError:
            pass


class Runner(object):
    """Runs argv lists through a backend, each with a timeout, and keeps the record of every call."""

    def __init__(self, backend=None, timeout=DEFAULT_TIMEOUT):
        self.backend = backend if backend is not None else LiveBackend()
        self.timeout = timeout
        self._lock = threading.Lock()
        self.history = []

    def run(self, argv, timeout=None):
        if not isinstance(argv, (list, tuple)) or not argv:
            raise ValueError("the runner takes a non-empty argv list")
        for arg in argv:
            if not isinstance(arg, str) or "\0" in arg:
                raise ValueError("argv holds something that is not a plain string: %r" % (arg,))
        limit = self.timeout if timeout is None else timeout
        if not limit or limit <= 0:
            raise ValueError("every command needs a positive timeout")
        result = self.backend.execute(list(argv), limit)
        with self._lock:
            self.history.append(result)
        return result

    def terminate_all(self):
        stop = getattr(self.backend, "terminate_all", None)
        if stop is not None:
            stop()
