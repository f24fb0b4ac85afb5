"""Runs the probes of many vMotion paths concurrently: each vmkping through the runner, in a
bounded pool, with progress and Ctrl-C (the running vmkping processes are ended and what was
measured is kept). Each output is parsed into a probe record; analysis/reach.py judges them.

A host that refuses a sub-second ``-i`` gets the series again with ``-i 1`` (once; every later
series uses ``-i 1``), and the path says so.
"""

import re
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from esxi_diag import kinds
from esxi_diag.kinds.ping import probe_record
from esxi_diag.analysis.reach import (DEFAULT_COUNT, DEFAULT_INTERVAL, DEFAULT_PARALLEL, DF_COUNT,
                                      PROBE_WAIT, _passed, judge, overhead, probe_steps)
from esxi_diag.parsers import ParseError
from esxi_diag.message import msg
from esxi_diag.sources.capture import FAILED, UNPARSED, Capture
from esxi_diag.sources.runner import error_note


class Interrupted(Exception):
    pass


_INTERVAL = re.compile(r"interval", re.I)


def interval_refused(result):
    """True when vmkping refused its ``-i`` value (sub-second intervals need root on some
    systems; ESXi's exact wording is unverified): it failed, printed no PING line, and its
    message speaks of the interval."""
    text = (result.stdout or "") + "\n" + (result.stderr or "")
    return (result.exit_code not in (0, None) and not re.search(r"^PING", text, re.M)
            and bool(_INTERVAL.search(text)))


class Prober(object):
    """Runs the probes of many pairs concurrently; each vmkping through the runner."""

    def __init__(self, runner, count=DEFAULT_COUNT, interval=DEFAULT_INTERVAL,
                 parallel=DEFAULT_PARALLEL, pmtu=False, progress=None, source="live"):
        self.runner = runner
        self.count = count
        self.interval = interval
        self.parallel = max(1, int(parallel))
        self.pmtu = pmtu
        self.progress = progress
        self.source = source
        self.captures = []
        self.slow_interval = False  # set when the host refuses sub-second intervals
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def _ping(self, pair, count, interval=None, size=None, df=False):
        if self._stop.is_set():
            raise Interrupted()
        if interval is not None and interval < 1 and self.slow_interval:
            interval = 1.0  # this host refused a sub-second interval before
        argv = kinds.vmkping_argv(pair["vmknic"], pair["netstack"], pair["target"],
                                    count=count, interval=interval, size=size, df=df,
                                    wait=PROBE_WAIT, ipv6=pair["ipv6"])
        timeout = (count - 1) * (interval or 1.0) + PROBE_WAIT + 5.0
        result = self.runner.run(argv, timeout)
        if self._stop.is_set():
            raise Interrupted()
        capture = Capture.from_result("ping", kinds.recognise(kinds.display(argv))[1], result,
                                      self.source)
        if interval is not None and interval < 1 and interval_refused(result):
            capture.status = FAILED
            capture.note = msg("note.refused-interval", value=argv[argv.index("-i") + 1])
            with self._lock:
                self.slow_interval = True
                self.captures.append(capture)
            pair.setdefault("notes", []).append(msg("note.interval-retried", interval=interval))
            return self._ping(pair, count, 1.0, size, df)
        capture.rows = None
        if result.timed_out:
            pair["error"] = msg("reach.vmkping-killed", seconds=timeout,
                                command=kinds.display(argv))
            capture.status, capture.note = FAILED, msg("note.timed-out-short")
        elif result.error:
            why = error_note(result.error)
            pair["error"] = msg("reach.vmkping-failed", why=why)
            capture.status, capture.note = FAILED, why
        else:
            try:
                capture.rows = kinds.parse("ping", result.stdout + result.stderr)
            except ParseError as exc:
                capture.status, capture.note = UNPARSED, exc.message or str(exc)
        with self._lock:
            self.captures.append(capture)
        if capture.rows is None:
            return None
        probe = probe_record(capture.params, capture.rows, capture.command, result.exit_code)
        err = probe["error"]
        if err and err not in ("message-too-long", "network-unreachable", "host-down",
                               "no-output", "stack-not-configured"):
            pair["error"] = "vmkping: %s" % err
        pair["probes"].append(probe)
        return probe

    def _search_pmtu(self, pair, low, high):
        """Largest DF payload in [low, high] that passes (low is known to pass)."""
        while low < high:
            mid = (low + high + 1) // 2
            probe = self._ping(pair, 1, size=mid, df=True)
            if probe is not None and _passed(probe):
                low = mid
            else:
                high = mid - 1
        return low

    def probe(self, pair):
        if pair["routing"]["kind"] == "not-routable":
            return pair
        if not kinds.valid_vmknic(pair["vmknic"]) or not kinds.valid_netstack(
                pair.get("netstack") or kinds.DEFAULT_NETSTACK):
            pair["error"] = msg("reach.bad-name", names="%r/%r" % (pair["vmknic"],
                                                                    pair.get("netstack")))
            return pair
        try:
            for step, count, size, df_flag in probe_steps(pair, self.count):
                probe = self._ping(pair, count, interval=None if step == "warm-up" else
                                   self.interval, size=size, df=df_flag)
                if pair.get("error"):
                    return pair
                if step == "series" and (probe is None or not _passed(probe)):
                    return pair  # nothing comes back: no size test to make
            if pair.get("mtu"):
                full = pair["mtu"] - overhead(pair["ipv6"])
                df = probe  # the last step: don't-fragment at the full size
                base = 1500 - overhead(pair["ipv6"])
                if df is not None and not _passed(df) and df.get("error") is None:
                    if pair["mtu"] > 1500:
                        base_probe = self._ping(pair, DF_COUNT, interval=self.interval,
                                                size=base, df=True)
                        high = full - 1
                        low_ok = base_probe is not None and _passed(base_probe)
                    else:
                        low_ok, high = False, full - 1
                    if self.pmtu:  # below 1472 when even that was lost
                        self._search_pmtu(pair, base if low_ok else 0,
                                          high if low_ok else min(high, base - 1))
        except Interrupted:
            pair["interrupted"] = True
        return pair

    def run(self, pairs):
        """Probe every pair and judge it. On Ctrl-C the running vmkping processes are ended, the
        paths not finished are marked interrupted, and True is returned."""
        done = 0
        pool = ThreadPoolExecutor(max_workers=min(self.parallel, max(1, len(pairs))))
        futures = dict((pool.submit(self.probe, p), p) for p in pairs)
        interrupted = False
        try:
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    pair = futures[future]
                    error = future.exception()
                    if error is not None:  # a bug must cost one path, not the whole report
                        pair["error"] = msg("reach.internal-error", error="%s: %s" % (
                            type(error).__name__, error))
                    judge(pair)
                    done += 1
                    if self.progress:
                        self.progress(done, len(pairs), pair)
        except KeyboardInterrupt:
            interrupted = True
            self._stop.set()
            for future in futures:
                future.cancel()
            self.runner.terminate_all()
        finally:
            pool.shutdown(wait=True)
        for pair in pairs:
            if "result" not in pair or interrupted:
                if interrupted and "result" not in pair:
                    pair["interrupted"] = True
                judge(pair)
        return interrupted
