"""contrib/ansible/esxi-diag.yml for real: over SSH (an sshd of the test's own on the loopback, its
own host key and authorized key) against the simulated site's four hosts, plus a host that is down,
one that refuses the key and one whose datastore cannot be written; and the simulated inventory as
README.md gives it. Select with `pytest -m ansible`; skipped, saying why, only when ansible-core or
sshd is not installed (.ci/run installs both) or sshd cannot start."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile

import pytest

from conftest import ROOT
from tools.loopback_sshd import LoopbackSshd, Unavailable, free_port

pytestmark = pytest.mark.ansible

CONTRIB = os.path.join(ROOT, "contrib", "ansible")
PLAYBOOK = os.path.join(CONTRIB, "esxi-diag.yml")
SITE = ["dc1-esx01", "dc1-esx02", "dc2-esx01", "dc2-esx02"]


def _ansible_playbook():
    path = shutil.which("ansible-playbook")
    if path is None:
        pytest.skip("ansible-core is not installed (python3 -m pip install -r "
                    "contrib/ansible/requirements.txt)")
    return path


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    """An sshd on 127.0.0.1 with its own config, host key and authorized key; stopped after."""
    _ansible_playbook()
    try:
        with LoopbackSshd(str(tmp_path_factory.mktemp("sshd"))) as server:
            yield server
    except Unavailable as exc:
        pytest.skip(str(exc))


def _run_playbook(inventory, cwd, tmp, extra=()):
    env = dict(os.environ, PWD=str(cwd), ANSIBLE_FORKS="8", ANSIBLE_NOCOLOR="1",
               ANSIBLE_LOCAL_TEMP=str(tmp / "ansible-local"),
               ANSIBLE_SSH_CONTROL_PATH_DIR=str(tmp / "cp"),
               ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=10s",
               ANSIBLE_HOME=str(tmp / "ansible-home"))
    r = subprocess.run([_ansible_playbook(), "-i", str(inventory), PLAYBOOK] + list(extra),
                       cwd=str(cwd), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=300)
    return r.returncode, r.stdout.decode("utf-8", "replace")


def _run_folder(cwd):
    (folder,) = glob.glob(os.path.join(str(cwd), "esxi-diag-*-*T*Z"))
    return folder


def _pairs_with(compare, finding):
    return [(p["source"], p["destination"]) for p in compare["pairs"]
            if any(f["id"] == finding for f in p["findings"])]


def test_the_playbook_over_ssh_reads_the_site_and_says_which_hosts_could_not_be(sshd, tmp_path):
    hosts_root = tmp_path / "datastores"
    not_a_folder = tmp_path / "full-datastore"
    not_a_folder.write_text("a file where the datastore's folder should be\n")
    common = dict(sshd.host_vars())
    common.update({
        "esxi_diag_python": sys.executable, "esxi_diag_simulate": "twosite",
        "esxi_diag_sim_host": "{{ inventory_hostname }}", "esxi_diag_sim_speed": 0,
        "esxi_diag_remote_dir": str(hosts_root) + "/{{ inventory_hostname }}",
        "esxi_diag_count": 3, "esxi_diag_interval": 0.05})
    hosts = dict((name, {}) for name in SITE)
    hosts["esx-down"] = {"ansible_port": free_port(), "esxi_diag_sim_host": "dc1-esx01"}
    hosts["esx-stranger"] = {"ansible_ssh_private_key_file": sshd.stranger_key,
                             "esxi_diag_sim_host": "dc1-esx02"}
    hosts["esx-full"] = {"esxi_diag_remote_dir": str(not_a_folder / "esxi-diag"),
                         "esxi_diag_sim_host": "dc2-esx01"}
    inventory = tmp_path / "inventory.yml"
    inventory.write_text(json.dumps({"all": {
        "vars": {"esxi_diag_case": "SR-4242", "esxi_diag_redact": True,
                 "esxi_diag_redact_map": str(tmp_path / "site.redact-map.json")},
        "children": {"esxi": {"vars": common, "hosts": hosts}}}}))
    cwd = tmp_path / "controller"
    cwd.mkdir()
    code, out = _run_playbook(inventory, cwd, tmp_path)
    assert code == 2, out[-3000:]  # the run ends failed: three hosts could not be read
    assert "could not be read: " in out and "Traceback" not in out
    run = _run_folder(cwd)
    assert re.match(r"^esxi-diag-SR-4242-\d{8}T\d{6}Z$", os.path.basename(run))
    summary = open(os.path.join(run, "summary.txt")).read()
    lines = dict((line.split(":", 1)[0].strip(), line) for line in summary.splitlines()
                 if ":" in line)
    assert "4 read, 3 could not be read" in summary
    assert "unreachable" in lines["esx-down"] and "refused" in lines["esx-down"].lower()
    assert "unreachable" in lines["esx-stranger"] and "Permission denied" in lines["esx-stranger"]
    assert "Create the work folder" in lines["esx-full"] and "Not a directory" in lines["esx-full"]
    for name in SITE:
        assert re.search(r"^  %s +exit [0-2] " % name, summary, re.M), summary
    # masked bundles to send, plain ones kept private, the map outside the run's folder
    masked = sorted(glob.glob(os.path.join(run, "bundles", "*.tgz")))
    plain = sorted(glob.glob(os.path.join(run, "private", "bundles", "*.tgz")))
    assert len(masked) == len(plain) == 4
    assert sorted(re.sub(r"-SR-4242-.*", "", os.path.basename(p)) for p in plain) == \
        ["esxi-diag-" + name for name in SITE]
    for path in masked:
        assert re.match(r"^esxi-diag-host-[a-z2-7]{10}-SR-4242-", os.path.basename(path))
        with tarfile.open(path) as tar:
            blob = b"".join(tar.extractfile(m).read() for m in tar.getmembers() if m.isfile())
        assert not any(name.encode() in blob for name in SITE)
    assert sorted(os.listdir(os.path.join(run, "private", "hosts"))) == SITE
    assert os.path.exists(str(tmp_path / "site.redact-map.json"))
    # the compare matrix of the masked bundles shows the planted differences
    compare = json.load(open(os.path.join(run, "compare.json")))
    assert compare["summary"]["hosts"] == 4 and compare["summary"]["pairs"] == 12
    site_map = json.load(open(str(tmp_path / "site.redact-map.json")))["names"]["host"]
    assert len(_pairs_with(compare, "COMPARE-MTU-MISMATCH")) == 6  # dc2-esx01 at 1500, both ways
    assert all(site_map["dc2-esx01"] in pair for pair in
               _pairs_with(compare, "COMPARE-MTU-MISMATCH"))
    assert all(site_map["dc2-esx02"] in pair for pair in
               _pairs_with(compare, "COMPARE-TUNING-DIFFERS"))  # dc2-esx02 untuned
    text = open(os.path.join(run, "compare.txt")).read()
    assert "Verdict per pair" in text and "dc2-esx01" not in text
    # nothing left on the hosts, nothing of the run's work files on the controller
    for name in SITE:
        assert os.listdir(str(hosts_root / name)) == []
    assert not os.path.exists(os.path.join(run, ".work"))


def test_the_simulated_inventory_as_the_readme_gives_it(tmp_path):
    _ansible_playbook()
    cwd = tmp_path / "here"
    cwd.mkdir()
    code, out = _run_playbook(os.path.join(CONTRIB, "inventory.sim.yml"), cwd, tmp_path,
                              ["-e", "esxi_diag_sim_speed=0"])
    assert code == 0, out[-3000:]
    run = _run_folder(cwd)
    assert sorted(os.listdir(run)) == ["bundles", "compare.html", "compare.json", "compare.txt",
                                       "hosts", "summary.txt"]
    assert len(glob.glob(os.path.join(run, "bundles", "esxi-diag-*-SIM-0001-*.tgz"))) == 4
    compare = json.load(open(os.path.join(run, "compare.json")))
    assert compare["schema"] == "esxi-diag-compare/1" and compare["summary"]["hosts"] == 4
    assert ("dc1-esx01", "dc2-esx01") in _pairs_with(compare, "COMPARE-MTU-MISMATCH")
    assert "4 read, 0 could not be read" in open(os.path.join(run, "summary.txt")).read()


def test_ansible_lint_passes_on_the_playbook():
    lint = shutil.which("ansible-lint")
    if lint is None:
        pytest.skip("ansible-lint is not installed (.ci/run installs it)")
    r = subprocess.run([lint, "--offline", "--nocolor", "--profile", "production",
                        "esxi-diag.yml", "inventory.sim.yml", "inventory.example.yml"], cwd=CONTRIB,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    assert r.returncode == 0, r.stdout.decode("utf-8", "replace")[-3000:]
