"""The fault corpus, run the way a user runs the tool: in a subprocess whose address space is
capped (RLIMIT_AS, 512 MiB), so that a reader that stops respecting its cap fails here instead of
eating the machine. Endless inputs (/dev/zero on every input option, a command on PATH that never
stops printing), archives of huge unreferenced members, JSON nested 5,000 deep in every JSON
input. Each must end with the documented status and one-line errors; none with an internal
error, a traceback or a MemoryError."""
import gzip
import io
import json
import os
import resource
import stat
import subprocess
import sys
import tarfile
import textwrap

import pytest

from conftest import ROOT

MEMORY_LIMIT = 512 * 1024 * 1024
DEEP = "[" * 5000 + "]" * 5000


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(args, stdin=None, env=None, cwd=None):
    """esxi-diag in a memory-capped subprocess: (exit status, stdout, stderr)."""
    full_env = dict(os.environ, ESXI_DIAG_SIM_SPEED="0", PYTHONPATH=ROOT,
                    MALLOC_ARENA_MAX="2")
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "esxi_diag"] + list(args), stdin=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env,
                          cwd=cwd, preexec_fn=_limit, timeout=180)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), \
        proc.stderr.decode("utf-8", "replace")


def clean(err):
    assert "Traceback" not in err and "internal error" not in err, err
    assert "MemoryError" not in err and "RecursionError" not in err, err
    assert all(line.startswith("esxi-diag: ") or line.startswith("[") for line in
               err.splitlines()), err
    return err


# -- /dev/zero on every input ------------------------------------------------------------------

@pytest.mark.parametrize("args,code,said", [
    (("analyze", "--transcript", "/dev/zero"), 3, "larger than 64 MiB"),
    (("analyze", "/dev/zero"), 3, "larger than 64 MiB"),
    (("check", "--simulate", "lan", "--peers", "/dev/zero", "--quiet"), 3, "larger than 1 MiB"),
    (("check", "--simulate", "lan", "--peer-report", "/dev/zero", "--quiet"), 3,
     "larger than 8 MiB"),
    (("inspect", "--simulate", "lan", "--redact", "--redact-map", "/dev/zero"), 3,
     "larger than 8 MiB"),
    (("inspect", "--simulate", "/dev/zero"), 3, "larger than 8 MiB"),
    (("inspect", "--simulate", "lan", "--sim-state", "/dev/zero"), 3, "larger than 8 MiB"),
])
def test_dev_zero_on_every_input(args, code, said):
    status, out, err = run(args)
    assert status == code and said in clean(err)


def test_dev_zero_on_standard_input():
    with open("/dev/zero", "rb") as zero:
        status, out, err = run(("analyze", "--transcript", "-"), stdin=zero)
    assert status == 3 and "standard input is larger than 64 MiB" in clean(err)


# -- JSON nested 5,000 deep in every JSON input ------------------------------------------------

@pytest.mark.parametrize("option", ["--peer-report", "--redact-map", "--simulate", "--sim-state"])
def test_deep_json_on_every_json_option(tmp_path, option):
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP)
    args = {"--peer-report": ("check", "--simulate", "lan", "--peer-report", str(deep),
                              "--quiet"),
            "--redact-map": ("inspect", "--simulate", "lan", "--redact", "--redact-map",
                             str(deep)),
            "--simulate": ("inspect", "--simulate", str(deep)),
            "--sim-state": ("inspect", "--simulate", "lan", "--sim-state", str(deep))}[option]
    status, out, err = run(args)
    assert status == 3 and "nested more than 64 levels" in clean(err)


# -- a fake host on PATH: commands that answer like the simulator, or never stop printing ------

SHIM = textwrap.dedent("""\
    #!%(python)s
    import os, sys
    sys.path.insert(0, %(root)r)
    name = os.path.basename(sys.argv[0])
    if name in os.environ.get("FAKE_ENDLESS", "").split(","):
        chunk = ("%%s prints forever\\n" %% name) * 4096
        while True:
            sys.stdout.write(chunk)
    from esxi_diag.simulator.host import SimHost, load_builtin
    profile = load_builtin(os.environ.get("FAKE_PROFILE", "lan"))
    profile.pop("vms", None)  # their .vmx would be read from this machine's /vmfs: none here
    sim = SimHost(profile, speed=0)
    code, out, err = sim.respond([name] + sys.argv[1:])
    sys.stdout.write(out)
    sys.stderr.write(err)
    sys.exit(code)
    """)


@pytest.fixture
def fake_host(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in ("esxcli", "vsish", "vmkping", "vim-cmd"):
        path = folder / name
        path.write_text(SHIM % {"python": sys.executable, "root": ROOT})
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return {"PATH": "%s:%s" % (folder, os.environ.get("PATH", "/usr/bin:/bin"))}


def test_the_fake_host_answers_like_the_simulator(fake_host):
    status, out, err = run(("inspect", "--json"), env=fake_host)
    assert status == 0, err
    assert json.loads(out)["host"]["hostname"] == "esx-lan-01"


def test_esxcli_and_vsish_that_never_stop_printing(fake_host):
    env = dict(fake_host, FAKE_ENDLESS="esxcli,vsish,vim-cmd")
    status, out, err = run(("inspect", "--timeout", "60"), env=env)
    clean(err)
    # every esxcli, vsish and vim-cmd output was cut: nothing could be read, which is never a verdict
    assert status == 3 and "output cut at 4 MiB" in out
    assert "COLLECT-INCOMPLETE" in out and "Result: NOTHING COULD BE READ" in out


def test_vmkping_that_never_stops_printing(fake_host):
    env = dict(fake_host, FAKE_ENDLESS="vmkping")
    status, out, err = run(("check", "--peer", "10.10.30.12:hot", "--json", "--quiet"), env=env)
    clean(err)
    report = json.loads(out)
    assert status in (1, 2, 3)
    pings = [c for c in report["commands"] if c["kind"] == "ping"]
    assert pings and all(c["status"] == "failed" and "output cut" in c["note"] for c in pings)
    assert report["reachability"]["paths"][0]["verdict"] != "ok"


def test_a_rollback_journal_from_dev_zero(fake_host, tmp_path):
    status, out, err = run(("tune", "--rollback", "/dev/zero", "--quiet"), env=fake_host)
    assert status == 3 and "larger than" in clean(err)


def test_a_live_journal_nested_5000_deep(fake_host, tmp_path):
    journal = tmp_path / "tune-esx-lan-01-20250101T000000Z.json"
    journal.write_text(DEEP)
    status, out, err = run(("tune", "--rollback", str(journal), "--quiet"), env=fake_host)
    assert status == 3 and "corrupt" in clean(err)


# -- archives whose small size hides huge members ----------------------------------------------

def _bundle(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    status, out, err = run(("bundle", "--simulate", "lan", "--quiet", "-o", str(folder)))
    assert status == 0, err
    return str(folder / os.listdir(str(folder))[0])


def _zeros_member(tar, name, size):
    info = tarfile.TarInfo(name)
    info.size = size

    class Zeros(io.RawIOBase):
        def __init__(self):
            self.left = size

        def readable(self):
            return True

        def readinto(self, buffer):
            n = min(len(buffer), self.left)
            buffer[:n] = b"\0" * n
            self.left -= n
            return n
    tar.addfile(info, io.BufferedReader(Zeros(), 1024 * 1024))


def test_huge_unreferenced_members_are_not_held(tmp_path):
    """Ten 60 MiB members of zeros (each under the per-member cap; under 1 MiB compressed
    together) among a bundle's files: a reader that held them would pass the 512 MiB limit."""
    plain = _bundle(tmp_path)
    with tarfile.open(plain) as tar:
        items = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    folder = items[0][0].name.split("/")[0]
    bomb = str(tmp_path / "bomb.tgz")
    with gzip.open(bomb, "wb", compresslevel=1) as raw:
        with tarfile.open(fileobj=raw, mode="w|") as tar:
            for m, data in items[:-2]:  # manifest and raw outputs
                tar.addfile(m, io.BytesIO(data))
            for n in range(10):
                _zeros_member(tar, "%s/junk-%d.bin" % (folder, n), 60 * 1024 * 1024)
            for m, data in items[-2:]:
                tar.addfile(m, io.BytesIO(data))
    assert os.path.getsize(bomb) < 4 * 1024 * 1024
    status, out, err = run(("analyze", bomb, "--json"))
    clean(err)
    report = json.loads(out)
    assert status == 3 and "the rest was not read" in err  # the 256 MiB total cap
    assert report["host"]["hostname"] == "esx-lan-01" and report["vmknics"]


def test_a_deep_report_json_inside_a_bundle_is_only_digested(tmp_path):
    plain = _bundle(tmp_path)
    with tarfile.open(plain) as tar:
        items = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    damaged = str(tmp_path / "deep.tgz")
    with tarfile.open(damaged, "w:gz") as tar:
        for m, data in items:
            if m.name.endswith("report.json"):
                data = DEEP.encode()
                m.size = len(data)
            tar.addfile(m, io.BytesIO(data))
    status, out, err = run(("analyze", damaged))
    assert status == 3 and "report.json does not match" in clean(err) and "Result:" in out
