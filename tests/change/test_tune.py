"""tune: the arithmetic, apply with every failure point, persist, rollback, on the simulator."""
from esxi_diag.render.messages import render
import copy
import json

import pytest

from esxi_diag.analysis import tuning
from esxi_diag.change import localsh
from esxi_diag.simulator.host import load_builtin


# -- arithmetic -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,mbit", [
    ("10G", 10000), ("10Gbps", 10000), ("10Gb/s", 10000), ("10gbit/s", 10000),
    ("25000Mbps", 25000), ("25000M", 25000), ("1250MBps", 10000), ("1250MB/s", 10000),
    ("1.25GB/s", 10000), ("100G", 100000), ("1G", 1000), ("40 Gbps", 40000)])
def test_line_rate_units(text, mbit):
    assert tuning.parse_line_rate(text) == mbit


@pytest.mark.parametrize("text", ["10", "1250", "fast", "", "0G", "-10G", "2T", "10Gx"])
def test_line_rate_without_units_or_out_of_range(text):
    with pytest.raises(tuning.TuningError):
        tuning.parse_line_rate(text)


@pytest.mark.parametrize("text", ["0", "-4", "abc", "1001", "nan"])
def test_bad_rtt(text):
    with pytest.raises(tuning.TuningError):
        tuning.parse_rtt(text)


# (Gbit/s, ms) -> expected sbMax: ceil(Gbit/s * 1e9 / 8 * ms / 1000 / 65536) * 65536
BDP = [(1, 4, 524288), (1, 40, 5046272), (1, 150, 18808832),
       (10, 4, 5046272), (10, 40, 50003968), (10, 150, 187564032),
       (25, 4, 12517376), (25, 40, 125042688), (25, 150, 468779008),
       (100, 4, 50003968), (100, 40, 500039680), (100, 150, 1875050496)]


@pytest.mark.parametrize("gbit,ms,expected", BDP)
def test_sbmax_is_the_bdp_rounded_up_to_64k(gbit, ms, expected):
    value, reasons, decided = tuning.sbmax_value(gbit * 1000.0, ms, current=None)
    assert decided
    assert value == expected and value % 65536 == 0
    assert value >= gbit * 1e9 / 8 * ms / 1000 > value - 65536
    assert "bandwidth-delay product" in render(reasons[0])


def test_the_reference_example_10g_at_80ms():
    assert tuning.sbmax_value(10000, 80, None)[0] == 100007936  # BDP 100 MB


def test_sbmax_never_decreases_unless_allowed():
    assert tuning.sbmax_value(1000, 4, current=2097152)[0] == 2097152
    assert tuning.sbmax_value(1000, 4, current=2097152, allow_decrease=True)[0] == 524288


def test_sbmax_node_limits():
    assert tuning.sbmax_value(100000, 150, None, node_max=1 << 30)[0] == 1 << 30


@pytest.mark.parametrize("gbit,expected,capped", [(1, 133, False), (10, 1250, False),
                                                   (16, 2000, False), (25, 2000, True),
                                                   (100, 2000, True)])
def test_line_rate_option(gbit, expected, capped):
    value, reasons, was_capped = tuning.line_rate_option(gbit * 1000.0, 133, 133, 1, 2000)
    assert (value, was_capped) == (expected, capped)


# -- local.sh block ---------------------------------------------------------------------------

STOCK = "#!/bin/sh\n\n# local configuration options\n\nexit 0\n"


def test_block_goes_above_the_final_exit_and_is_idempotent():
    once = localsh.with_block(STOCK, ["vsish -e set /net/tcpip/instances/vmotion/sbMax 1"])
    assert once.index(localsh.BLOCK_BEGIN) < once.rindex("exit 0")
    assert localsh.with_block(once, ["vsish -e set /net/tcpip/instances/vmotion/sbMax 1"]) == once
    changed = localsh.with_block(once, ["vsish -e set /net/tcpip/instances/vmotion/sbMax 2"])
    assert changed.count(localsh.BLOCK_BEGIN) == 1 and "sbMax 2" in changed
    assert localsh.without_block(changed) == STOCK


def test_hand_edits_around_the_block_are_kept():
    once = localsh.with_block(STOCK, ["cmd"])
    edited = once.replace("exit 0", "esxcli system syslog reload\nexit 0")
    edited = edited.replace("# local configuration options", "# mine\necho hello")
    again = localsh.with_block(edited, ["cmd2"])
    assert "echo hello" in again and "esxcli system syslog reload" in again
    assert localsh.without_block(again) == edited.replace(
        "\n".join(localsh.block_lines(["cmd"])) + "\n", "")


def test_a_broken_block_is_refused():
    broken = localsh.with_block(STOCK, ["cmd"]).replace(localsh.BLOCK_END, "# end (edited)")
    with pytest.raises(localsh.LocalShError):
        localsh.with_block(broken, ["cmd"])


def test_no_exit_line_appends_at_the_end():
    assert localsh.with_block("#!/bin/sh\n", ["cmd"]).endswith(localsh.BLOCK_END + "\n")


# -- end to end on the simulator --------------------------------------------------------------

def profile_file(tmp_path, change=None, name="ldvm"):
    profile = copy.deepcopy(load_builtin(name))
    if change:
        change(profile)
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile))
    return str(path)


def state(tmp_path):
    """The simulated host's state; absent when nothing was ever changed."""
    path = tmp_path / "state.json"
    if not path.exists():
        profile = load_builtin("ldvm")
        return {"advanced": profile["advanced"], "sbmax": profile["sbmax"], "files": {}}
    return json.loads(path.read_text())


def tune(cli, tmp_path, profile, *extra):
    return cli("tune", "--simulate", profile, "--sim-state", str(tmp_path / "state.json"),
               "--quiet", "--json", *extra)


APPLY = ("--line-rate", "10G", "--rtt", "40", "--allow-decrease", "--apply")


def test_report_shows_current_recommended_and_arithmetic(cli):
    r = cli("tune", "--simulate", "ldvm", "--quiet", "--line-rate", "10G", "--rtt", "80",
            "--allow-decrease")
    assert r.code == 1
    assert "10 Gbit/s x 80 ms = 100000000 bytes" in r.out and "100007936" in r.out
    assert "esxcli system settings advanced set -o /Migrate/NetExpectedLineRateMBps -i 1250" \
        in r.out
    assert "vsish -e set /net/tcpip/instances/vmotion/sbMax 100007936" in r.out
    assert "nothing was changed" in r.out


def test_defaults_come_from_the_uplinks_and_the_measured_rtt(cli):
    r = cli("tune", "--simulate", "ldvm", "--quiet", "--json")
    plan = r.json["tune"]["plan"]
    assert "vmnic4 at 25 Gbit/s" in plan["line_rate"]["basis"]
    assert plan["rtt"]["basis"].startswith("measured: the worst hot-path round trip") and 75 < plan["rtt"]["ms"] < 85
    assert "TUNE-LINERATE-CAPPED" in [f["id"] for f in r.json["findings"]]


def test_sbmax_unavailable_still_tunes_the_line_rate(cli):
    r = cli("tune", "--simulate", "broken", "--quiet", "--json", "--line-rate", "10G",
            "--rtt", "50")
    plan = r.json["tune"]["plan"]
    assert plan["sbmax"]["available"] is False and "6.7 U1" in plan["sbmax"]["reasons"][0]
    assert plan["line_rate"]["recommended"] == 1250 and plan["line_rate"]["change"]
    assert r.code == 1


def test_apply_second_apply_and_rollback(cli, tmp_path):
    r = tune(cli, tmp_path, "ldvm", *(APPLY + ("--persist",)))
    assert r.code == 4, r.err
    s = state(tmp_path)
    assert s["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 1250
    assert s["sbmax"]["vmotion"] == 50003968 and s["auto_backups"] == 1
    local_sh = s["files"]["/etc/rc.local.d/local.sh"]
    assert "vsish -e set /net/tcpip/instances/vmotion/sbMax 50003968" in local_sh
    journal_path = r.json["tune"]["outcome"]["journal"]
    journal = json.loads(s["files"][journal_path.replace(
        "/scratch", "/vmfs/volumes/datastore1/.locker")])
    assert journal["state"] == "applied" and journal["host"] == "esx-dc1-07"
    assert journal["previous"] == {"line_rate_mbps": 2000, "sbmax": 268435456}
    assert journal["intended"] == {"line_rate_mbps": 1250, "sbmax": 50003968}

    r = tune(cli, tmp_path, "ldvm", *(APPLY + ("--persist",)))
    assert r.code == 0 and state(tmp_path)["auto_backups"] == 1  # nothing done twice

    r = tune(cli, tmp_path, "ldvm", "--rollback")
    assert r.code == 4, r.err
    s = state(tmp_path)
    assert s["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000
    assert s["sbmax"]["vmotion"] == 268435456
    assert localsh.BLOCK_BEGIN not in s["files"]["/etc/rc.local.d/local.sh"]
    r = tune(cli, tmp_path, "ldvm", "--rollback")
    assert r.code == 3 and "nothing to roll back" in r.err


@pytest.mark.parametrize("fault,where", [
    ({"match": "vsish -e set", "exit_code": 1, "stderr": "vsish: set failed\n"}, "set failed"),
    ({"match": "vsish -e set", "ignore": True}, "reads back"),
    ({"match": "advanced set", "exit_code": 1, "stdout": "Error: denied\n"}, "denied"),
    ({"match": "vsish -e set", "interrupt": True}, "interrupted"),
    ({"match": "auto-backup", "exit_code": 1, "stderr": "backup failed\n"}, "auto-backup"),
])
def test_every_failure_point_restores_the_previous_values(cli, tmp_path, fault, where):
    path = profile_file(tmp_path, lambda p: p.update(faults={"commands": [fault]}))
    r = tune(cli, tmp_path, path, *(APPLY + ("--persist",)))
    assert r.code == 2, (r.code, r.err)
    assert where in r.err and "previous values are back" in r.err
    s = state(tmp_path)
    assert s["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000
    assert s["sbmax"]["vmotion"] == 268435456
    assert localsh.BLOCK_BEGIN not in s["files"]["/etc/rc.local.d/local.sh"]
    journal = [v for k, v in s["files"].items() if "/esxi-diag/tune-" in k]
    record = json.loads(journal[0])
    assert record["state"] == "failed-restored" and where.split()[0] in json.dumps(record)


def test_apply_without_a_writable_persistent_place_changes_nothing(cli, tmp_path):
    path = profile_file(tmp_path, lambda p: p.update(filesystem={
        "readonly": ["/vmfs/volumes/datastore1"]}))
    r = tune(cli, tmp_path, path, *APPLY)
    assert r.code == 3 and "give --state-dir" in r.err
    assert state(tmp_path)["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000


def test_apply_to_a_full_disk_changes_nothing(cli, tmp_path):
    path = profile_file(tmp_path, lambda p: p.update(filesystem={
        "full": ["/vmfs/volumes/datastore1"]}))
    r = tune(cli, tmp_path, path, *(APPLY + ("--state-dir", "/vmfs/volumes/datastore1/x")))
    assert r.code == 3 and "No space left" in r.err
    assert state(tmp_path)["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000


def test_state_dir_on_tmp_only_when_asked(cli, tmp_path):
    r = tune(cli, tmp_path, "ldvm", *(APPLY + ("--state-dir", "/tmp/j")))
    assert r.code == 4 and "ramdisk" in r.err


def test_rollback_refuses_missing_corrupt_and_foreign_journals(cli, tmp_path):
    r = tune(cli, tmp_path, "ldvm", "--rollback", "/scratch/esxi-diag/nope.json")
    assert r.code == 3 and "does not exist" in r.err
    r = tune(cli, tmp_path, "ldvm", *APPLY)
    journal = r.json["tune"]["outcome"]["journal"]
    s = state(tmp_path)
    real = journal.replace("/scratch", "/vmfs/volumes/datastore1/.locker")
    record = json.loads(s["files"][real])
    s["files"][real] = "{ not json"
    (tmp_path / "state.json").write_text(json.dumps(s))
    r = tune(cli, tmp_path, "ldvm", "--rollback", journal)
    assert r.code == 3 and "corrupt" in r.err
    record["host"] = "another-host"
    s["files"][real] = json.dumps(record)
    (tmp_path / "state.json").write_text(json.dumps(s))
    r = tune(cli, tmp_path, "ldvm", "--rollback", journal)
    assert r.code == 3 and "from host another-host" in r.err
    assert state(tmp_path)["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 1250


def test_a_hand_broken_block_stops_persist_before_any_change(cli, tmp_path):
    broken = "#!/bin/sh\n" + localsh.BLOCK_BEGIN + "\nvsish ...\nexit 0\n"
    path = profile_file(tmp_path, lambda p: p.update(filesystem={"local_sh": broken}))
    r = tune(cli, tmp_path, path, *(APPLY + ("--persist",)))
    assert r.code == 3 and "edited by hand" in r.err
    assert state(tmp_path)["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000


@pytest.mark.parametrize("args,message", [
    (("--line-rate", "10"), "needs units"), (("--rtt", "0"), "out of range"),
    (("--rtt", "-5"), "out of range"), (("--apply", "--rollback"), "do not go together")])
def test_bad_tune_input(cli, args, message):
    r = cli("tune", "--simulate", "ldvm", "--quiet", *args)
    assert r.code == 3 and message in r.err and r.out == ""


def test_an_undo_that_fails_is_said_plainly_and_journaled(cli, tmp_path):
    faults = [{"match": "vsish -e set", "exit_code": 1, "stderr": "vsish: set failed\n"},
              {"match": "NetExpectedLineRateMBps -i 2000", "exit_code": 1,
               "stdout": "Error: denied\n"}]
    path = profile_file(tmp_path, lambda p: p.update(faults={"commands": faults}))
    r = tune(cli, tmp_path, path, *APPLY)
    assert r.code == 5 and "could NOT all be restored" in r.err
    s = state(tmp_path)
    assert s["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 1250  # what is left, said
    (journal,) = [json.loads(v) for k, v in s["files"].items() if "/esxi-diag/tune-" in k]
    assert journal["state"] == "failed-not-restored"
    assert any("-i 2000" in p for p in journal["undo_problems"])


def test_apply_as_non_root_is_a_dry_run(monkeypatch):
    from esxi_diag.cli import common
    monkeypatch.setattr(common.os, "geteuid", lambda: 1000, raising=False)
    assert common.is_root(None) is False
    monkeypatch.setattr(common.os, "geteuid", lambda: 0, raising=False)
    assert common.is_root(None) is True


def test_sbmax_limits_shown_by_the_node_are_honoured(cli, tmp_path):
    path = profile_file(tmp_path, lambda p: p.update(faults={"commands": [
        {"match": "vsish -e get /net/tcpip/instances/vmotion/sbMax", "exit_code": 0,
         "stdout": '{ "min":0x10000, "max":0x8000000, "cur":0x200000,}\n'}]}))
    r = tune(cli, tmp_path, path, "--line-rate", "100G", "--rtt", "150")
    sb = r.json["tune"]["plan"]["sbmax"]
    assert sb["current"] == 0x200000 and sb["recommended"] == 0x8000000  # 1.9 GB BDP, capped
    assert any("node's maximum" in reason for reason in sb["reasons"])


def test_rollback_says_when_a_value_was_changed_by_hand_since(cli, tmp_path):
    assert tune(cli, tmp_path, "ldvm", *APPLY).code == 4
    s = state(tmp_path)
    s["advanced"]["/Migrate/NetExpectedLineRateMBps"] = 500  # someone typed esxcli since
    (tmp_path / "state.json").write_text(json.dumps(s))
    r = tune(cli, tmp_path, "ldvm", "--rollback")
    assert r.code == 4 and "changed by hand since the apply" in r.json["tune"]["outcome"][
        "message"] and "NetExpectedLineRateMBps is 500" in r.json["tune"]["outcome"]["message"]
    assert state(tmp_path)["advanced"]["/Migrate/NetExpectedLineRateMBps"] == 2000
