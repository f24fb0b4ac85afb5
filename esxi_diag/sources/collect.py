"""Collection from a live or simulated host: the plan, run concurrently through the runner.

Independent commands run at once in a bounded thread pool (esxcli takes from a fraction of a second
to seconds per call). Follow-ups are submitted as soon as the command they depend on is parsed:
``tag get`` for each vmknic and ``sbMax`` for each netstack in use after the interface list, the
route table of each netstack after the netstack list. Each capture is parsed once, here, and keeps
its rows for facts.py.

When esxcli itself fails (hostd down: a connection error or a timeout rather than an esxcli error
message), the command is retried through ``localcli`` and every later esxcli command goes straight to
localcli; the report says so.
"""

import re
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from esxi_diag import kinds
from esxi_diag.sources.capture import Capture

DEFAULT_JOBS = 6
ESXCLI_TIMEOUT = 30.0
OTHER_TIMEOUT = 15.0

# esxcli's own answers (the command ran, the host said no): not a reason to try localcli.
_ESXCLI_ANSWER = re.compile(r"^(Error|Usage):|Unknown command|Invalid option|Missing required|"
                            r"does not exist|not found|Invalid (data|value|interface)", re.I | re.M)


class NotOnEsxi(Exception):
    """esxcli is not here: this is not an ESXi host."""


def initial_plan():
    """(kind, params) of the commands that depend on nothing, in report order."""
    return [
        ("system.version", {}),
        ("system.hostname", {}),
        ("ip.interface.list", {}),
        ("ip.interface.ipv4", {}),
        ("ip.interface.ipv6", {}),
        ("ip.netstack.list", {}),
        ("nic.list", {}),
        ("vswitch.standard.list", {}),
        ("vswitch.portgroup.list", {}),
        ("vswitch.dvs.list", {}),
        ("advanced.option", {"option": kinds.LINE_RATE_OPTION}),
        ("advanced.option", {"option": kinds.LATENCY_OPTION}),
        ("system.encryption", {}),
        ("system.secureboot", {}),
    ]


def follow_ups(kind, rows):
    """(kind, params) that a parsed capture makes possible. Invalid names are dropped here."""
    out = []
    if kind == "ip.interface.list":
        stacks = []
        for row in rows:
            name = row.get("name")
            if kinds.valid_vmknic(name):
                out.append(("ip.interface.tags", {"vmknic": name}))
            stack = row.get("netstackinstance")
            if kinds.valid_netstack(stack) and stack not in stacks:
                stacks.append(stack)
        for stack in stacks:
            out.append(("vsish.sbmax", {"netstack": stack}))
            out.append(("ip.route.ipv4", {"netstack": stack}))
            out.append(("ip.route.ipv6", {"netstack": stack}))
    elif kind == "ip.netstack.list":
        for row in rows:
            stack = row.get("key") or row.get("name")
            if kinds.valid_netstack(stack):
                out.append(("ip.route.ipv4", {"netstack": stack}))
                out.append(("ip.route.ipv6", {"netstack": stack}))
    return out


def manual_plan(vmknics, netstacks):
    """The whole plan with names filled in, in order (for transcripts and the commands list)."""
    plan = initial_plan()
    plan.extend(("ip.interface.tags", {"vmknic": v}) for v in vmknics if kinds.valid_vmknic(v))
    stacks = [s for s in netstacks if kinds.valid_netstack(s)]
    plan.extend(("ip.route.ipv4", {"netstack": s}) for s in stacks)
    plan.extend(("ip.route.ipv6", {"netstack": s}) for s in stacks)
    plan.extend(("vsish.sbmax", {"netstack": s}) for s in stacks)
    return plan


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
        if kind in kinds.ESXCLI_KINDS:
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
        """All captures of the plan, in plan order. Raises NotOnEsxi when esxcli is absent."""
        which = getattr(self.runner.backend, "which", None)
        if which is not None and not which("esxcli"):
            raise NotOnEsxi()
        order = []
        captures = {}
        scheduled = set()
        pool = ThreadPoolExecutor(max_workers=self.jobs)
        pending = {}
        try:
            def submit(kind, params):
                key = _key(kind, params)
                if key in scheduled:
                    return
                scheduled.add(key)
                order.append(key)
                pending[pool.submit(self.run_one, kind, params)] = key

            for kind, params in initial_plan():
                submit(kind, params)
            while pending:
                done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                for future in done:
                    key = pending.pop(future)
                    capture = future.result()
                    captures[key] = capture
                    if capture.rows is not None:
                        for kind, params in follow_ups(capture.kind, capture.rows):
                            submit(kind, params)
        except BaseException:
            for future in pending:
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
