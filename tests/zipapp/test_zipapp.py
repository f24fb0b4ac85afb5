"""The built zipapp: reproducible, only the on-host code, runs under python -I -S on the
interpreters ESXi ships (3.6 stands in for 3.5, which cannot be had here)."""
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT

sys.path.insert(0, ROOT)
import build  # noqa: E402


def _pyenv_python(version):
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    for name in os.listdir(os.path.join(root, "versions")) if os.path.isdir(
            os.path.join(root, "versions")) else []:
        if name.startswith(version + "."):
            path = os.path.join(root, "versions", name, "bin", "python" + version)
            if os.path.exists(path):
                return path
    return None


@pytest.fixture(scope="module")
def pyz(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("dist") / "esxi-diag.pyz")
    build.build(out)
    return out


def test_build_is_byte_for_byte_reproducible(pyz, tmp_path):
    again = str(tmp_path / "again.pyz")
    build.build(again)
    digest = lambda p: hashlib.sha256(open(p, "rb").read()).hexdigest()
    assert digest(pyz) == digest(again)


def test_bundle_holds_only_the_on_host_code(pyz):
    names = zipfile.ZipFile(pyz).namelist()
    assert names[0] == "__main__.py" and names[1:] == sorted(names[1:])
    assert all(n == "__main__.py" or n.startswith(("esxi_diag/", "vendor/")) for n in names)
    assert "esxi_diag/simulator/profiles/ldvm.json" in names
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zipfile.ZipFile(pyz).infolist())


@pytest.mark.parametrize("version", ["3.6", "3.8", "3.11", "3.13"])
def test_bundle_runs_isolated_on_host_pythons(pyz, version, tmp_path):
    python = _pyenv_python(version)
    if python is None:
        pytest.skip("no Python %s here" % version)
    env = {"PATH": "/usr/bin:/bin", "ESXI_DIAG_SIM_SPEED": "0"}
    run = lambda *a: subprocess.run([python, "-I", "-S", pyz] + list(a), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=env, cwd=str(tmp_path),
                                    timeout=60)
    for profile, code in (("lan", 0), ("ldvm", 1), ("wan-faults", 0), ("broken", 2)):
        r = run("inspect", "--simulate", profile, "--json")
        assert r.returncode == code, r.stderr
        report = json.loads(r.stdout.decode("utf-8"))
        assert report["schema"] == "esxi-diag/1" and report["data_paths"]["hot"]["vmknics"]
    transcript = run("simulator", "transcript", "ldvm").stdout
    (tmp_path / "t.txt").write_bytes(transcript)
    r = run("analyze", "--transcript", "t.txt")
    assert r.returncode == 1 and b"TAG-VMOTION-INACTIVE" in r.stdout
    r = run("check", "--simulate", "wan-faults", "--json", "--quiet")
    assert r.returncode == 2, r.stderr
    verdicts = sorted(p["verdict"] for p in json.loads(r.stdout.decode("utf-8"))[
        "reachability"]["paths"])
    assert verdicts == ["beyond-150ms", "loss", "not-routable", "path-mtu", "unreachable"]
    state = str(tmp_path / "state.json")
    tune = ("tune", "--simulate", "ldvm", "--sim-state", state, "--quiet")
    r = run(*(tune + ("--line-rate", "10G", "--rtt", "40", "--allow-decrease", "--apply",
                      "--persist")))
    assert r.returncode == 4, r.stderr
    assert run(*(tune + ("--rollback",))).returncode == 4
    saved = json.loads(open(state).read())
    assert saved["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000
    r = run("bundle", "--simulate", "wan-faults", "--quiet", "--redact", "-o", str(tmp_path))
    assert r.returncode == 2, r.stderr
    (archive,) = [f for f in os.listdir(str(tmp_path)) if f.endswith(".tgz")]
    import tarfile
    with tarfile.open(str(tmp_path / archive)) as tar:
        (member,) = [m for m in tar.getmembers() if m.name.endswith("/manifest.json")]
        manifest = json.loads(tar.extractfile(member).read().decode("utf-8"))
    assert manifest["tool"]["sha256"] == hashlib.sha256(open(pyz, "rb").read()).hexdigest()
    r = run("analyze", archive, "--json")
    assert r.returncode == 2, r.stderr
    assert re.match("^host-[a-z2-7]{10}$", json.loads(r.stdout.decode("utf-8"))["host"]["hostname"])
    r = run("inspect")  # no esxcli on this machine
    assert r.returncode == 3 and b"--simulate" in r.stderr and b"Traceback" not in r.stderr


def test_a_missing_stdlib_module_is_one_line_not_a_traceback(pyz, tmp_path):
    shadow = tmp_path / "shadow" / "concurrent"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('No module named concurrent')\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path / "shadow")}
    r = subprocess.run([sys.executable, pyz, "inspect", "--simulate"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=60)
    assert r.returncode == 3 and r.stdout == b""
    assert r.stderr.decode().startswith("esxi-diag: this Python") and b"Traceback" not in r.stderr
    assert len(r.stderr.decode().strip().splitlines()) == 1


def test_vendor_is_importable_alike_from_a_checkout_and_from_the_pyz(tmp_path, monkeypatch):
    """esxi_diag/__init__.py puts vendor/ on sys.path: a vendored module imports the same way
    under ``python -m esxi_diag`` and inside the built zipapp."""
    import shutil
    tree = tmp_path / "tree"
    for top in build.PACKAGES:
        shutil.copytree(os.path.join(ROOT, top), str(tree / top),
                        ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "vendor" / "vendored_probe.py").write_text("WHERE = __file__\n")
    monkeypatch.setattr(build, "ROOT", str(tree))
    pyz = str(tmp_path / "probe.pyz")
    build.build(pyz)
    code = "import esxi_diag, vendored_probe; print(vendored_probe.WHERE)"
    from_tree = subprocess.run([sys.executable, "-I", "-c", "import sys; sys.path.insert(0, %r); "
                                "%s" % (str(tree), code)], cwd=str(tmp_path),
                               stdout=subprocess.PIPE, universal_newlines=True, timeout=60)
    from_pyz = subprocess.run([sys.executable, "-I", "-S", "-c",
                               "import sys; sys.path.insert(0, %r); %s" % (pyz, code)],
                              cwd=str(tmp_path), stdout=subprocess.PIPE,
                              universal_newlines=True, timeout=60)
    assert from_tree.stdout.strip() == str(tree / "vendor" / "vendored_probe.py")
    assert from_pyz.stdout.strip() == os.path.join(pyz, "vendor", "vendored_probe.py")
