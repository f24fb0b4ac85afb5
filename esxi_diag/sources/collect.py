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
"""

import heapq
import re
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from esxi_diag import kinds
from esxi_diag.sources.capture import Capture

DEFAULT_JOBS = 12  # bench/collect_chain.py: 1.06x the longest dependency chain (6: 2.06x)
ESXCLI_TIMEOUT = 30.0
OTHER_TIMEOUT = 15.0

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


def manual_plan(vmknics, netstacks):
    """The whole plan with names filled in, in order (for transcripts and the commands list)."""
    return kinds.manual_plan(vmknics, netstacks)


def _key(kind, params):
    return (kind, tuple(sorted(params.items())))


class Collector(object):
    def __init__(self, runner, jobs=DEFAULT_JOBS, source="live", esxcli_timeout=ESXCLI_TIMEOUT,
                 other_timeout=OTHER_TIMEOUT):
        self.runner = runner
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
        if kinds.is_esxcli(kind):
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

    def collect(self):
        """All captures of the plan, in plan order. Raises NotOnEsxi when esxcli is absent.

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
        pool = ThreadPoolExecutor(max_workers=self.jobs)

        def plan(kind, params, priority):
            key = _key(kind, params)
            if key not in scheduled:
                scheduled.add(key)
                order.append(key)
                heapq.heappush(waiting, (priority, len(order), kind, params))

        try:
            for kind, params in initial_plan():
                plan(kind, params, _GATING if kinds.get(kind).collect == kinds.GATE else _LATER)
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
                        for kind, params in follow_ups(capture.kind, capture.rows):
                            plan(kind, params, _FOLLOW_UP)
        except BaseException:
            for future in running:
                future.cancel()
            self.runner.terminate_all()
            raise
        finally:
            pool.shutdown(wait=True)
        return [captures[k] for k in order if k in captures]


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
