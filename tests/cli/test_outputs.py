"""Outputs: a full or closed stdout, a full stderr, every error on one line, the exit status an
interrupted check prints is the one it returns, and Ctrl-C at exit prints no traceback."""
import json
import os
import signal
import subprocess
import sys

import pytest

from conftest import ROOT

ENV = dict(os.environ, ESXI_DIAG_SIM_SPEED="0", PYTHONPATH=ROOT)


def run(args, **kw):
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "esxi_diag"] + list(args), env=ENV,
                          timeout=120, **kw)


def one_clean_line(err):
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text and "internal error" not in text, text
    assert "Exception ignored" not in text, text
    return text.strip().splitlines()


@pytest.mark.parametrize("args", [("inspect", "--simulate", "ldvm"),
                                  ("inspect", "--simulate", "ldvm", "--json"),
                                  ("simulator", "show", "ldvm"), ("--help",)])
def test_stdout_to_a_full_device(args):
    with open("/dev/full", "w") as full:
        r = run(args, stdout=full)
    lines = one_clean_line(r.stderr)
    assert r.returncode == 3 and lines == [
        "esxi-diag: cannot write the report to standard output: No space left on device"]


def test_stdout_a_closed_pipe():
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        r = run(("inspect", "--simulate", "ldvm"), stdout=write_end)
    finally:
        os.close(write_end)
    assert r.returncode == 3
    assert one_clean_line(r.stderr) == [
        "esxi-diag: standard output was closed before the report was written"]


def test_stdout_closed_altogether():
    """``esxi-diag inspect >&-``: Python starts without a stdout."""
    r = subprocess.run([sys.executable, "-m", "esxi_diag", "inspect", "--simulate"],
                       stderr=subprocess.PIPE, env=ENV, timeout=60,
                       preexec_fn=lambda: os.close(1))
    assert r.returncode == 3
    assert one_clean_line(r.stderr) == [
        "esxi-diag: standard output is closed: the report could not be written"]


@pytest.mark.parametrize("args,code", [(("inspect", "--simulate", "ldvm"), 1),
                                       (("inspect", "--simulate", "nope"), 3),
                                       (("check", "--simulate", "lan"), 0)])
def test_a_full_stderr_changes_nothing_else(args, code):
    with open("/dev/full", "w") as full:
        r = run(args, stderr=full)
    assert r.returncode == code and (code == 3 or b"Result:" in r.stdout)


def test_every_error_is_one_line(cli, tmp_path):
    name = tmp_path / "line one\nline two\x1b[2J.txt"
    name.write_bytes(b"\x00binary")
    r = cli("analyze", "--transcript", str(name))
    assert r.code == 3 and len(r.err.splitlines()) == 1 and "\x1b" not in r.err
    r = cli("analyze", str(tmp_path / "no\nsuch"))
    assert r.code == 3 and len(r.err.splitlines()) == 1


def test_an_interrupted_check_prints_the_status_it_returns(tmp_path):
    env = dict(ENV, ESXI_DIAG_SIM_SPEED="1")
    proc = subprocess.Popen([sys.executable, "-m", "esxi_diag", "check", "--simulate",
                             "wan-faults"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, cwd=str(tmp_path))
    first = proc.stderr.readline()  # the first path done (the unroutable one needs no probe)
    assert first.startswith(b"[1/5] "), first
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 3, err
    text = out.decode()
    assert "Result: INCOMPLETE" in text and text.rstrip().endswith("(exit 3)")
    one_clean_line(err)


def test_a_ctrl_c_at_exit_prints_no_traceback(tmp_path):
    """Ctrl-C while the interpreter winds down (where thread pools are joined): nothing but the
    report and the status it printed."""
    code = ("import atexit, os, runpy, signal, sys, time\n"
            "atexit.register(lambda: (os.kill(os.getpid(), signal.SIGINT), time.sleep(0.3)))\n"
            "sys.argv = ['esxi-diag', 'inspect', '--simulate', 'ldvm']\n"
            "runpy.run_module('esxi_diag', run_name='__main__')\n")
    r = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=ENV, timeout=60)
    assert r.returncode == 1 and b"Result: WARNINGS (exit 1)" in r.stdout
    assert r.stderr == b""


def test_json_of_an_interrupted_check_says_exit_3_too(cli):
    # the same, without a signal: the prober reports an interruption
    from esxi_diag.sources import prober
    real = prober.Prober.run

    def interrupted(self, pairs):
        real(self, pairs)
        return True
    import pytest as _pytest
    mp = _pytest.MonkeyPatch()
    mp.setattr(prober.Prober, "run", interrupted)
    try:
        r = cli("check", "--simulate", "lan", "--json", "--quiet")
    finally:
        mp.undo()
    assert r.code == 3 and r.json["summary"]["exit_status"] == 3


def test_a_transcript_from_a_pipe_is_read_whole(tmp_path):
    """analyze <(cat session.txt): one open, nothing lost to the sniffing of its first bytes."""
    from conftest import fixture_path
    r = subprocess.run(["bash", "-c", 'exec "$0" -m esxi_diag analyze --json <(cat "$1")',
                        sys.executable, fixture_path("esxi67-blog-session.txt")],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, timeout=60)
    assert r.returncode == 1, r.stderr  # read whole; no tag get in it: data paths unknown
    assert json.loads(r.stdout.decode())["nics"][0]["name"] == "vmnic0"  # the first command


def test_an_interrupted_bundle_says_exit_3_and_so_does_its_replay(cli, tmp_path):
    """Part of the check never ran: the bundle is written (what was measured is kept) and says
    exit 3 as check does; analysing it says the same."""
    import glob
    import json
    import tarfile
    from esxi_diag.sources import prober
    real = prober.Prober.run

    def interrupted(self, pairs):
        real(self, pairs)
        return True
    import pytest as _pytest
    mp = _pytest.MonkeyPatch()
    mp.setattr(prober.Prober, "run", interrupted)
    try:
        r = cli("bundle", "--simulate", "ldvm", "--quiet", "-o", str(tmp_path))
    finally:
        mp.undo()
    (path,) = glob.glob(str(tmp_path / "*.tgz"))
    with tarfile.open(path) as tar:
        member = [m for m in tar.getmembers() if m.name.endswith("/report.json")][0]
        report = json.loads(tar.extractfile(member).read().decode())
    assert r.code == 3 and report["summary"]["exit_status"] == 3
    assert cli("analyze", path, "--json").code == 3
