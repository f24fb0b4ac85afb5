import io
import json
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

FIXTURES = os.path.join(ROOT, "tests", "fixtures")
HERE = os.path.join(ROOT, "tests")  # the helpers every folder of tests shares live here
if HERE not in sys.path:
    sys.path.insert(0, HERE)

# the pseudo languages' fixtures (pseudo, wordless) for every report's tests
pytest_plugins = ["pseudo_language"]

# Simulated commands take no time in tests, unless a test measures time and says so.
os.environ.setdefault("ESXI_DIAG_SIM_SPEED", "0")


def fixture_text(name):
    """A fixture's text as the parsers get it (newline translation off: bytes as captured)."""
    for sub in ("real", "synthetic"):
        path = os.path.join(FIXTURES, sub, name)
        if os.path.exists(path):
            with io.open(path, encoding="utf-8", newline="") as handle:
                return handle.read()
    raise IOError("no fixture %s" % name)


def fixture_path(name):
    for sub in ("real", "synthetic"):
        path = os.path.join(FIXTURES, sub, name)
        if os.path.exists(path):
            return path
    raise IOError("no fixture %s" % name)


_REPORTS = {}


def report_of(*argv):
    """The JSON report of one esxi-diag run (in-process, cached for the session: a report of the
    simulator or of a fixture does not change). Exit 3 fails the test."""
    import contextlib
    from esxi_diag.cli import main
    if argv not in _REPORTS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(list(argv) + ["--json"])
        assert code in (0, 1, 2), (argv, code)
        _REPORTS[argv] = out.getvalue()
    return json.loads(_REPORTS[argv])


class CliResult(object):
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    @property
    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run esxi-diag in-process: cli("inspect", "--simulate") -> CliResult."""
    from esxi_diag.cli import main

    def run(*argv, **kw):
        if "stdin" in kw:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(kw["stdin"])))
        code = main(list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)
    return run


def counting_host(profile, speed):
    """A simulated host that counts how many of its commands run at the same moment."""
    import threading
    from esxi_diag.simulator.host import SimHost

    class CountingHost(SimHost):
        def __init__(self):
            SimHost.__init__(self, profile, speed=speed)
            self.active = self.peak = 0
            self.guard = threading.Lock()

        def execute(self, argv, timeout):
            with self.guard:
                self.active += 1
                self.peak = max(self.peak, self.active)
            try:
                return SimHost.execute(self, argv, timeout)
            finally:
                with self.guard:
                    self.active -= 1
    return CountingHost()
