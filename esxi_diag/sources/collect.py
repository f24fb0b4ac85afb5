"""Collection from a live or simulated host: the plan, run concurrently through the runner.

Independent commands run at once in a bounded thread pool (esxcli takes from a fraction of a second
to seconds per call). The plan is the kinds' own (kinds/): follow-ups are planned as soon as the
command that reveals their names is parsed (``tag get`` for each vmknic, ``sbMax`` and the route
tables for each netstack in use after the interface list, the route tables of every instantiated
netstack after the netstack list), and take the next free slot. Each capture is parsed once, here,
and keeps its rows for facts.py.

When esxcli itself fails (hostd down: a connection error or a timeout rather than an esxcli error
message), the command is retried through ``localcli`` and every later esxcli command goes straight to
localcli; the report says so.

A kind that is a file of the host (a VM's ``.vmx``: kinds/vms.py) is read by the collector itself,
through the host's files (sources/hostfiles.py, or the simulator's), bounded in size (the kind's
``file_limit``) and in time (``FILE_TIMEOUT``: the read runs in a thread that is abandoned when a
datastore does not answer). After one read on a datastore has hung, the other files of that
datastore are not tried: a dead NFS datastore costs one time limit, not one per VM.
"""

import errno
import heapq
import re
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from esxi_diag import kinds
from esxi_diag.message import msg
from esxi_diag.sources import hostfiles
from esxi_diag.sources.capture import Capture

DEFAULT_JOBS = 16  # bench/collect_chain.py: 1.08x the longest dependency chain (12: 1.51x)
ESXCLI_TIMEOUT = 30.0
OTHER_TIMEOUT = 15.0
FILE_TIMEOUT = 5.0  # a local .vmx is read in milliseconds; beyond this its datastore is stalled

# esxcli's own answers (the command ran, the host said no): not a reason to try localcli.
_ESXCLI_ANSWER = re.compile(r"^(Error|Usage):|Unknown command|Invalid option|Missing required|"
                            r"does not exist|not found|Invalid (data|value|interface)", re.I | re.M)


_GATING, _FOLLOW_UP, _LATER = 0, 1, 2  # the order commands take a free slot in


class NotOnEsxi(Exception):
    """esxcli is not here: this is not an ESXi host."""


def initial_plan():
    """(kind, params) of the commands that depend on nothing, those that gate follow-ups first
    (declared by the kinds: kinds/)."""
    return kinds.initial_plan()


def follow_ups(kind, rows):
    """(kind, params) that a parsed capture makes possible: the kinds that run once per vmknic or
    netstack its rows reveal. Invalid names are dropped (kinds' ``discovers`` validate them)."""
    out = []
    for category, names in sorted(kinds.discoveries(kind, rows).items()):
        for name in names:
            out.extend(kinds.follow_ups(category, name))
    return out


def manual_plan(vmknics, netstacks, vmx=(), worlds=()):
    """The whole plan with names filled in, in order (for transcripts and the commands list)."""
    return kinds.manual_plan(vmknics, netstacks, vmx, worlds)


def _key(kind, params):
    return (kind, tuple(sorted(params.items())))


class Collector(object):
    def __init__(self, runner, jobs=DEFAULT_JOBS, source="live", esxcli_timeout=ESXCLI_TIMEOUT,
                 other_timeout=OTHER_TIMEOUT, files=None, file_timeout=FILE_TIMEOUT):
        self.runner = runner
        # the host's files: the simulated host answers them itself, a live one is this machine
        backend = getattr(runner, "backend", None)
        self.files = files if files is not None else (
            backend if callable(getattr(backend, "read", None)) else hostfiles.LiveFiles())
        self.file_timeout = file_timeout
        self._stalled = {}  # datastore -> the read that did not finish
        self.jobs = max(1, int(jobs))
        self.source = source
        self.esxcli_timeout = esxcli_timeout
        self.other_timeout = other_timeout
        self._lock = threading.Lock()
        self.localcli_reason = None  # why esxcli was bypassed (for the report), or None
        self._sticky = False  # esxcli refuses connections: every later call goes to localcli

    def _use_localcli(self):
        with self._lock:
            return self._sticky

    def _mark_esxcli_broken(self, why, sticky):
        with self._lock:
            if self.localcli_reason is None:
                self.localcli_reason = why
            self._sticky = self._sticky or sticky

    def run_one(self, kind, params):
        """Run one planned command (with the localcli fallback) and parse it. Never raises."""
        if kinds.get(kind).file is not None:
            capture = self.read_file(kind, params)
        elif kinds.is_esxcli(kind):
            cli = "localcli" if self._use_localcli() else "esxcli"
            result = self.runner.run(kinds.argv(kind, params, xml=True, cli=cli),
                                     self.esxcli_timeout)
            fallback_from = None
            if cli == "esxcli" and _esxcli_broken(result):
                retry = self.runner.run(kinds.argv(kind, params, xml=True, cli="localcli"),
                                        self.esxcli_timeout)
                if retry.error != "not-found":
                    fallback_from = result.describe_failure()
                    # a refused connection is hostd down for good; a timeout may be one namespace
                    self._mark_esxcli_broken(fallback_from, sticky=not result.timed_out)
                    result, cli = retry, "localcli"
            capture = Capture.from_result(kind, params, result, self.source, via=cli)
            capture.fallback_from = fallback_from
        else:
            result = self.runner.run(kinds.argv(kind, params), self.other_timeout)
            capture = Capture.from_result(kind, params, result, self.source)
        if capture.ran_ok:
            try:
                capture.rows = kinds.parse(kind, capture.stdout)
            except Exception:  # garbage, or a parser bug: facts.py records it as unparsed
                capture.rows = None
        return capture

    def read_file(self, kind, params):
        """A file of the host as the capture of its kind: what the kind's command line would print
        of it (kinds.get(kind).file_filter), read within the kind's size limit and
        ``file_timeout``. A file that is missing, too large, unreadable or on a stalled datastore
        is a failed capture saying so. Never raises."""
        spec = kinds.get(kind)
        argv = kinds.argv(kind, params, xml=False)
        path = spec.file(params)
        store = _datastore(path)
        started, t0 = time.time(), time.monotonic()

        def capture(stdout="", error=None, timed_out=False):
            return Capture(kind, params, argv=argv, stdout=stdout, exit_code=None if (
                error or timed_out) else 0, started=started, duration=time.monotonic() - t0,
                timed_out=timed_out, error=error, source=self.source, via="file")

        with self._lock:
            stalled = self._stalled.get(store)
        if stalled is not None:
            return capture(error=msg("file.stalled", datastore=store,
                                     seconds=self.file_timeout, path=stalled))
        outcome = {}

        def read():
            try:
                outcome["text"] = self.files.read(path, spec.file_limit)
            except Exception as exc:  # OSError mostly; whatever it is, it is this file's
                outcome["error"] = exc
        reader = threading.Thread(target=read, name="esxi-diag read")
        reader.daemon = True  # a read stuck in the kernel must not keep the process alive
        reader.start()
        reader.join(self.file_timeout)
        if reader.is_alive():
            with self._lock:
                self._stalled.setdefault(store, path)
            return capture(timed_out=True)
        exc = outcome.get("error")
        if exc is not None:
            return capture(error=_file_error(exc, spec.file_limit))
        if outcome.get("text") is None:
            return capture(error=msg("file.no-such-file"))
        text = outcome["text"]
        return capture(spec.file_filter(text) if spec.file_filter else text)

    def collect(self):
        """All captures of the plan, in plan order (the same whatever finished first). Raises
        NotOnEsxi when esxcli is absent.

        At most ``jobs`` commands run at once. The commands that gate follow-ups (the interface
        and netstack lists) start first, and each follow-up takes the next free slot before the
        remaining independent commands, so that the whole takes little more than its longest
        chain of dependent commands."""
        which = getattr(self.runner.backend, "which", None)
        if which is not None and not which("esxcli"):
            raise NotOnEsxi()
        order = []
        scheduled = set()
        captures = {}
        waiting = []  # heap of (priority, sequence, kind, params)
        running = {}  # future -> key
        # where each command stands in the plan: (its place in the initial plan,) or its
        # discoverer's place + (its place among that one's follow-ups,). The captures are
        # returned in this order, whichever command finished first.
        place = {}
        pool = ThreadPoolExecutor(max_workers=self.jobs)

        def plan(kind, params, priority, where):
            key = _key(kind, params)
            place[key] = min(place.get(key, where), where)
            if key not in scheduled:
                scheduled.add(key)
                order.append(key)
                heapq.heappush(waiting, (priority, len(order), kind, params))

        try:
            for i, (kind, params) in enumerate(initial_plan()):
                plan(kind, params, _GATING if kinds.get(kind).collect == kinds.GATE else _LATER,
                     (i,))
            while waiting or running:
                while waiting and len(running) < self.jobs:
                    _, _, kind, params = heapq.heappop(waiting)
                    running[pool.submit(self.run_one, kind, params)] = _key(kind, params)
                done, _ = wait(list(running), return_when=FIRST_COMPLETED)
                for future in done:
                    key = running.pop(future)
                    capture = future.result()
                    captures[key] = capture
                    if capture.rows is not None:
                        for j, (kind, params) in enumerate(follow_ups(capture.kind,
                                                                      capture.rows)):
                            plan(kind, params, _FOLLOW_UP, place[key] + (j,))
        except BaseException:
            for future in running:
                future.cancel()
            self.runner.terminate_all()
            raise
        finally:
            pool.shutdown(wait=True)
        return [captures[k] for k in sorted(order, key=lambda k: place[k]) if k in captures]


def _datastore(path):
    """The datastore part of ``/vmfs/volumes/<datastore>/...`` (the whole path otherwise)."""
    parts = (path or "").split("/")
    return parts[3] if len(parts) > 4 and parts[1:3] == ["vmfs", "volumes"] else path


def _file_error(exc, limit):
    number = getattr(exc, "errno", None)
    if number == errno.ENOENT:
        return msg("file.no-such-file")
    if number == errno.EFBIG:
        return msg("file.too-large", limit=limit)
    if number in (errno.EACCES, errno.EPERM):
        return msg("file.permission")
    return msg("file.unreadable", error=str(getattr(exc, "strerror", None) or exc))


def _esxcli_broken(result):
    """True when esxcli itself did not work (as opposed to esxcli answering with an error)."""
    if result.ok:
        return False
    if result.error == "not-found":
        return True
    if result.timed_out:
        return True
    text = (result.stdout or "") + "\n" + (result.stderr or "")
    return not _ESXCLI_ANSWER.search(text)
