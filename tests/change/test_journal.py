"""tune --apply / --rollback that never half-runs: the whole journal is validated before the first
change, journal text never reaches local.sh but in the tool's own format, undo touches only what
was done, one tune at a time per host (a lock), journal names never collide."""
import copy
import errno
import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import ROOT
from esxi_diag.change import apply as apply_mod
from esxi_diag.change import localsh
from esxi_diag.sources.hostfiles import LiveFiles
from esxi_diag.simulator.host import load_builtin
from esxi_diag.message import plain

APPLY = ("--line-rate", "10G", "--rtt", "40", "--allow-decrease", "--apply")
LOCKER = "/vmfs/volumes/datastore1/.locker/esxi-diag"


def tune(cli, tmp_path, *extra, **kw):
    return cli("tune", "--simulate", kw.get("profile", "ldvm"), "--sim-state",
               str(tmp_path / "state.json"), "--quiet", "--json", *extra)


def state(tmp_path):
    return json.loads((tmp_path / "state.json").read_text())


def save(tmp_path, s):
    (tmp_path / "state.json").write_text(json.dumps(s))


def journals(s):
    return dict((k, v) for k, v in s["files"].items() if k.startswith(LOCKER + "/tune-"))


def applied(cli, tmp_path):
    r = tune(cli, tmp_path, *(APPLY + ("--persist",)))
    assert r.code == 4, r.err
    (path,) = journals(state(tmp_path))
    return path, json.loads(state(tmp_path)["files"][path])


def host_view(s):
    """What a rollback could change: the values, local.sh, the backups."""
    return (s["advanced"], s["sbmax"], s["files"]["/etc/rc.local.d/local.sh"],
            s["auto_backups"])


ATTACKS = [
    ("injected local.sh line", lambda j: j["persist"].update(previous_block=[
        "vsish -e set /net/tcpip/instances/vmotion/sbMax 1; rm -rf /"]), "not the tool's own"),
    ("a second command", lambda j: j["persist"].update(previous_block=[
        "vsish -e set /net/tcpip/instances/vmotion/sbMax 1", "reboot"]), "not the tool's own"),
    ("a bad netstack in the block", lambda j: j["persist"].update(previous_block=[
        "vsish -e set /net/tcpip/instances/-x/sbMax 1"]), "not the tool's own"),
    ("block is a string", lambda j: j["persist"].update(previous_block="reboot"), "block"),
    ("persist elsewhere", lambda j: j["persist"].update(file="/etc/shadow"), "another file"),
    ("changed not boolean", lambda j: j["persist"].update(changed="yes"), "persist.changed"),
    ("persist is a list", lambda j: j.update(persist=[1]), "persist is not"),
    ("netstack with a slash", lambda j: j.update(netstack="../x"), "netstack"),
    ("netstack an integer", lambda j: j.update(netstack=7), "netstack"),
    ("previous line rate a string", lambda j: j["previous"].update(line_rate_mbps="2000"),
     "previous line_rate_mbps"),
    ("previous sbmax negative", lambda j: j["previous"].update(sbmax=-1), "previous sbmax"),
    ("previous sbmax huge", lambda j: j["previous"].update(sbmax=10 ** 30), "previous sbmax"),
    ("previous sbmax a boolean", lambda j: j["previous"].update(sbmax=True), "previous sbmax"),
    ("previous line rate zero", lambda j: j["previous"].update(line_rate_mbps=0), "previous"),
    ("previous a list", lambda j: j.update(previous=[2000]), "previous is not"),
    ("intended unknown setting", lambda j: j["intended"].update(shell="reboot"), "unknown"),
    ("intended a float", lambda j: j["intended"].update(sbmax=1.5), "intended sbmax"),
    ("no previous for an intended value", lambda j: j["previous"].update(sbmax=None),
     "no previous sbmax"),
    ("unknown state", lambda j: j.update(state="applied; reboot"), "unknown state"),
    ("host a number", lambda j: j.update(host=42), "host"),
    ("no netstack", lambda j: j.pop("netstack"), "no netstack"),
    ("steps an object", lambda j: j.update(steps={}), "steps"),
]


@pytest.mark.parametrize("name,damage,words", ATTACKS, ids=[a[0] for a in ATTACKS])
def test_a_damaged_journal_changes_nothing(cli, tmp_path, name, damage, words):
    path, journal = applied(cli, tmp_path)
    s = state(tmp_path)
    damage(journal)
    s["files"][path] = json.dumps(journal)
    save(tmp_path, s)
    before = host_view(state(tmp_path))
    r = tune(cli, tmp_path, "--rollback")
    assert r.code == 3, r.err
    assert words in r.err and "damaged" in r.err and "Traceback" not in r.err
    assert host_view(state(tmp_path)) == before  # not a byte of local.sh, no auto-backup


@pytest.mark.parametrize("content,words", [
    ("[" * 5000 + "]" * 5000, "corrupt"), ("{", "corrupt"), ("null", "not an esxi-diag journal"),
    ('{"schema": "esxi-diag-journal/1"}', "no host"), ("x" * (1024 * 1024 + 1), "larger"),
], ids=["deep", "cut", "null", "empty", "huge"])
def test_an_unreadable_named_journal_changes_nothing(cli, tmp_path, content, words):
    path, _ = applied(cli, tmp_path)
    s = state(tmp_path)
    s["files"][path] = content
    save(tmp_path, s)
    before = host_view(state(tmp_path))
    r = tune(cli, tmp_path, "--rollback", path.replace(
        "/vmfs/volumes/datastore1/.locker", "/scratch"))
    assert r.code == 3 and words in r.err, r.err
    assert host_view(state(tmp_path)) == before


def test_the_block_written_back_is_rebuilt_in_the_tools_own_format(cli, tmp_path):
    """A valid previous block is written back from its parsed values, never copied."""
    block = localsh.block_lines(["vsish -e set /net/tcpip/instances/vmotion/sbMax 4194304"])
    local_sh = "#!/bin/sh\n" + "\n".join(block) + "\nexit 0\n"
    profile = copy.deepcopy(load_builtin("ldvm"))
    profile["filesystem"] = {"local_sh": local_sh}
    pfile = tmp_path / "p.json"
    pfile.write_text(json.dumps(profile))
    r = tune(cli, tmp_path, *(APPLY + ("--persist",)), profile=str(pfile))
    assert r.code == 4, r.err
    r = tune(cli, tmp_path, "--rollback", profile=str(pfile))
    assert r.code == 4, r.err
    assert state(tmp_path)["files"]["/etc/rc.local.d/local.sh"] == local_sh


def test_unusable_newer_and_older_journals_do_not_block_the_latest_applied(cli, tmp_path):
    path, journal = applied(cli, tmp_path)
    s = state(tmp_path)
    stamp = path.rsplit("-", 1)[1][:-len(".json")]
    newer = path.replace(stamp, "29991231T235959Z")
    older = path.replace(stamp, "20000101T000000Z")
    s["files"][newer] = "{ corrupt"
    bad = dict(journal, previous={"sbmax": "lots"})
    s["files"][older] = json.dumps(bad)
    other = dict(journal, host="esx-other")  # another host's, on a shared datastore
    s["files"][path.replace(stamp, "29990101T000000Z")] = json.dumps(other)
    save(tmp_path, s)
    r = tune(cli, tmp_path, "--rollback")
    assert r.code == 4, r.err
    assert r.json["tune"]["outcome"]["journal"].endswith(os.path.basename(path))
    skipped = [l for l in r.err.splitlines() if "skipped:" in l]
    assert len(skipped) == 2 and "29991231T235959Z" in skipped[0] and "corrupt" in skipped[0]
    assert "20000101T000000Z" in skipped[1] and "esx-other" not in r.err
    assert state(tmp_path)["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000


def test_journal_names_never_collide_within_a_second(tmp_path):
    files = LiveFiles()
    record = {"schema": apply_mod.JOURNAL_SCHEMA}
    paths = [apply_mod._new_journal(files, str(tmp_path), "esx01", record) for _ in range(3)]
    assert len(set(paths)) == 3
    names = sorted(os.path.basename(p) for p in paths)
    latest = sorted(names, key=apply_mod._name_order)[-1]
    assert latest.endswith("Z-3.json")  # the latest of the second sorts last


def test_apply_rollback_apply_in_one_second_keeps_every_journal(cli, tmp_path):
    assert tune(cli, tmp_path, *APPLY).code == 4
    assert tune(cli, tmp_path, "--rollback").code == 4
    assert tune(cli, tmp_path, *APPLY).code == 4
    records = [json.loads(v) for v in journals(state(tmp_path)).values()]
    assert sorted(r["state"] for r in records) == ["applied", "rolled-back"]


def test_persist_on_a_read_only_rc_local_d_changes_nothing(cli, tmp_path):
    profile = copy.deepcopy(load_builtin("ldvm"))
    profile["filesystem"] = {"readonly": ["/etc/rc.local.d"]}
    pfile = tmp_path / "p.json"
    pfile.write_text(json.dumps(profile))
    r = tune(cli, tmp_path, *(APPLY + ("--persist",)), profile=str(pfile))
    assert r.code == 3 and "cannot be written" in r.err and "NOT" not in r.err
    assert not (tmp_path / "state.json").exists() or \
        state(tmp_path)["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000


class ReadOnlyLocalSh(object):
    """Files that accept everything but the write of local.sh (a disk that turned read-only
    between the check and the write)."""

    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def write_atomic(self, path, text, *args):
        if path == apply_mod.LOCAL_SH:
            raise OSError(errno.EROFS, "Read-only file system", path)
        return self.inner.write_atomic(path, text)


def test_undo_touches_only_what_was_done(tmp_path):
    """local.sh could not be written: the values are put back, local.sh is not "restored" (it
    never changed), and the result is 'restored' (exit 2), not 'NOT restored' (exit 5)."""
    from esxi_diag.sources import collect
    from esxi_diag.analysis import tuning as tuning_mod
    from esxi_diag.analysis import datapaths
    from esxi_diag.analysis.facts import build_facts
    from esxi_diag.sources.runner import Runner
    from esxi_diag.simulator.host import SimHost
    sim = SimHost(load_builtin("ldvm"), speed=0)
    runner = Runner(sim)
    facts = build_facts(collect.Collector(runner).collect())
    paths = datapaths.resolve(facts)
    plan = tuning_mod.plan_from(facts, paths, tuning_mod.inputs(
        facts, paths, 10000.0, "10G", 40.0, "40", None, True))
    host = apply_mod.Host(runner, ReadOnlyLocalSh(sim))
    state_, message, path = apply_mod.apply_plan(host, plan, "/scratch/esxi-diag", persist=True,
                                                 host_name="esx-dc1-07")
    assert state_ == apply_mod.RESTORED, message
    assert "previous values are back" in plain(message)
    record = json.loads(sim.read(path))
    actions = [s["action"] for s in record["steps"]]
    assert "restore-local.sh" not in actions and record["undo_problems"] == []
    assert sim.state["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000


# -- one tune at a time ------------------------------------------------------------------------

def test_a_live_lock_stops_a_second_apply(cli, tmp_path):
    from esxi_diag.simulator.host import SimHost
    SimHost(load_builtin("ldvm"), speed=0, state_file=str(tmp_path / "state.json")).makedirs(
        LOCKER)
    s = state(tmp_path)
    lock = LOCKER + "/.tune-esx-dc1-07.lock"
    s["files"][lock] = json.dumps({"pid": os.getpid(), "host": "esx-dc1-07",
                                   "since": time.time()})
    save(tmp_path, s)
    r = tune(cli, tmp_path, *APPLY)
    assert r.code == 3 and "another esxi-diag tune is changing this host" in r.err
    assert state(tmp_path)["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000
    assert not journals(state(tmp_path))


@pytest.mark.parametrize("holder", [
    {"pid": 2 ** 22 + 12345, "host": "esx-dc1-07"},  # a process that is gone
    {"pid": 1, "host": "esx-dc1-07", "age": apply_mod.LOCK_STALE_S + 60},  # too old
])
def test_a_stale_lock_is_taken_over(tmp_path, holder):
    files = LiveFiles()
    lock = apply_mod.Lock(files, str(tmp_path), "esx-dc1-07")
    content = dict(holder, since=time.time() - holder.pop("age", 0))
    with open(lock.path, "w") as handle:
        json.dump(content, handle)
    with lock:
        assert "stale lock" in lock.note and files.read(lock.path) == lock.content
    assert not os.path.exists(lock.path)


_CONCURRENT = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, %(root)r)
    from esxi_diag.analysis import tuning
    from esxi_diag.analysis import datapaths
    from esxi_diag.analysis.facts import build_facts
    from esxi_diag.change import apply
    from esxi_diag.sources import collect
    from esxi_diag.sources.hostfiles import LiveFiles
    from esxi_diag.sources.runner import Runner
    from esxi_diag.simulator.host import SimHost, load_builtin
    profile = load_builtin("ldvm")
    profile["faults"] = {"commands": [{"match": "vsish -e set", "delay_s": 3}]}
    sim = SimHost(profile, speed=1)
    runner = Runner(sim)
    facts = build_facts(collect.Collector(runner).collect())
    paths = datapaths.resolve(facts)
    plan = tuning.plan_from(facts, paths, tuning.inputs(facts, paths, 10000.0, "10G", 40.0, "40",
                                                        None, True))
    # a barrier: both processes reach the lock together, however slowly each one started
    open(os.path.join(sys.argv[2], "ready-%%d" %% os.getpid()), "w").close()
    deadline = time.time() + 30
    while len(os.listdir(sys.argv[2])) < 2 and time.time() < deadline:
        time.sleep(0.01)
    try:
        print(json.dumps(apply.apply_plan(apply.Host(runner, LiveFiles()), plan, sys.argv[1],
                                          host_name="esx-dc1-07")[0]))
    except apply.ApplyError as exc:
        print(json.dumps(str(exc)))
""")


def test_two_applies_at_once_one_waits_its_turn(tmp_path):
    """Two processes apply to the same host with journals in the same (real) folder: one applies,
    the other is refused before any change."""
    script = tmp_path / "apply.py"
    script.write_text(_CONCURRENT % {"root": ROOT})
    env = dict(os.environ, ESXI_DIAG_SIM_SPEED="1")
    state_dir = str(tmp_path / "journals")
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    procs = [subprocess.Popen([sys.executable, str(script), state_dir, str(barrier)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
             for _ in range(2)]
    results = sorted(json.loads(p.communicate(timeout=60)[0].decode()) for p in procs)
    assert results[1] == "applied" and "another esxi-diag tune" in results[0], results
    names = os.listdir(state_dir)
    assert len([n for n in names if n.startswith("tune-")]) == 1 and not [
        n for n in names if n.endswith(".lock")]
