"""esxi-diag check end to end on the simulated host and its network."""
import copy
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, counting_host
from esxi_diag.sources import collect
from esxi_diag.analysis import reach
from esxi_diag.sources import prober
from esxi_diag.analysis.facts import build_facts
from esxi_diag.analysis import datapaths
from esxi_diag.sources import peers as peers_mod
from esxi_diag.sources.runner import Runner
from esxi_diag.simulator.host import SimHost, load_builtin


def verdicts(report):
    return dict(((p["vmknic"], p["target"]), p["verdict"])
                for p in report["reachability"]["paths"])


def test_healthy_lan(cli):
    r = cli("check", "--simulate", "lan", "--json", "--quiet")
    assert r.code == 0 and r.err == ""
    assert verdicts(r.json) == {("vmk1", "10.10.30.12"): "ok", ("vmk0", "10.10.10.12"): "ok"}
    s = r.json["reachability"]["summary"]
    assert s["long_distance"] is False and s["hot_ok"] and s["cold_ok"]
    hot = [p for p in r.json["reachability"]["paths"] if p["roles"] == ["hot"]][0]
    assert hot["df_payload"] == 8972 and hot["df_ok"] and hot["latency_class"] == "lan"
    assert hot["routing"]["kind"] == "on-link" and hot["rtt_count"] == 10


def test_long_distance_pair_near_80ms_routed(cli):
    r = cli("check", "--simulate", "ldvm", "--json", "--quiet")
    report = r.json
    assert set(verdicts(report).values()) == {"ok"}
    s = report["reachability"]["summary"]
    assert s["long_distance"] is True and 75 < s["worst_hot_rtt_ms"] < 85
    hot = [p for p in report["reachability"]["paths"] if "hot" in p["roles"]][0]
    assert hot["routing"]["kind"] == "netstack-gateway" and hot["netstack"] == "vmotion"
    assert hot["latency_class"] == "long-distance"
    ids = [f["id"] for f in report["findings"]]
    assert "REACH-LONG-DISTANCE" in ids and "REACH-OK" in ids
    # every vmkping ran on the right netstack
    pings = [c for c in report["commands"] if c["kind"] == "ping"]
    assert pings and all(("-S vmotion" in c["command"]) == ("-I vmk1" in c["command"])
                         for c in pings)
    assert all("-S vSphereProvisioning" in c["command"] for c in pings if "-I vmk2" in
               c["command"])


def test_faults(cli):
    r = cli("check", "--simulate", "wan-faults", "--json", "--quiet")
    assert r.code == 2
    assert verdicts(r.json) == {("vmk1", "172.21.120.31"): "path-mtu",
                                ("vmk1", "172.21.120.32"): "loss",
                                ("vmk1", "172.22.120.33"): "beyond-150ms",
                                ("vmk1", "172.21.120.34"): "unreachable",
                                ("vmk2", "172.21.130.35"): "not-routable"}
    ids = set(f["id"] for f in r.json["findings"])
    assert {"REACH-PATH-MTU", "REACH-LOSS", "REACH-RTT-BEYOND", "REACH-UNREACHABLE",
            "REACH-NOT-ROUTABLE"} <= ids
    jumbo = [p for p in r.json["reachability"]["paths"] if p["target"] == "172.21.120.31"][0]
    assert jumbo["df_ok"] is False and jumbo["jumbo_ok"] is True
    unroutable = [f for f in r.json["findings"] if f["id"] == "REACH-NOT-ROUTABLE"][0]
    assert "esxcli network ip route ipv4 add -N vSphereProvisioning" in unroutable["remedy"]
    # a path that is not routable is not probed
    assert not [c for c in r.json["commands"] if "172.21.130.35" in c["command"]]


def test_text_report_shows_the_path_table(cli):
    r = cli("check", "--simulate", "wan-faults", "--quiet")
    for text in ("vMotion paths to the peers", "PATH DROPS LARGE FRAMES", "NOT ROUTABLE",
                 "RTT BEYOND 150 MS", "UNREACHABLE", "LOSS", "vmotion, netstack gateway",
                 "DF 8972 bytes: LOST; DF 1472: passed"):
        assert text in r.out, text
    assert max(len(line) for line in r.out.splitlines()) <= 100


def test_pmtu_search_finds_the_path_mtu(cli):
    r = cli("check", "--simulate", "wan-faults", "--peer", "172.21.120.31:hot", "--pmtu",
            "--json", "--quiet")
    (path,) = r.json["reachability"]["paths"]
    assert path["pmtu_payload"] == 1472 and "path MTU 1500" in path["detail"]


def test_peer_report_tests_the_exact_pairs_and_compares_mtus(cli, tmp_path):
    peer = copy.deepcopy(load_builtin("ldvm"))
    peer["host"]["hostname"] = "esx-dc2-07"
    for v, addr in zip(peer["vmknics"], ("172.21.110.18", "172.21.120.18", "172.21.130.18")):
        v["ipv4"]["address"] = addr
    peer["vmknics"][2]["mtu"] = 1500  # the peer's provisioning vmknic runs 1500
    (tmp_path / "peer.json").write_text(json.dumps(peer))
    peer_report = cli("inspect", "--simulate", str(tmp_path / "peer.json"), "--json").out
    (tmp_path / "peer-report.json").write_text(peer_report)
    r = cli("check", "--simulate", "ldvm", "--peer-report", str(tmp_path / "peer-report.json"),
            "--json", "--quiet")
    paths = r.json["reachability"]["paths"]
    assert [(p["vmknic"], p["target"], p["peer_mtu"]) for p in paths] == [
        ("vmk1", "172.21.120.18", 9000), ("vmk2", "172.21.130.18", 1500)]
    mismatch = [f for f in r.json["findings"] if f["id"] == "REACH-MTU-MISMATCH"]
    assert len(mismatch) == 1 and "9000 here, 1500 on the peer" in mismatch[0]["title"]


def test_peers_file_with_junk_lines_still_tests_the_good_ones(cli, tmp_path):
    (tmp_path / "peers.txt").write_text("172.21.120.18 hot dc2\nnot-an-address\n"
                                        "172.21.130.18 cold\n")
    r = cli("check", "--simulate", "ldvm", "--peers", str(tmp_path / "peers.txt"), "--json",
            "--quiet")
    assert len(r.json["reachability"]["paths"]) == 2
    assert "peers.txt:2" in r.err and "Traceback" not in r.err
    assert any("peers.txt:2" in n for n in r.json["notes"])


def test_no_usable_peer_is_exit_3(cli):
    r = cli("check", "--simulate", "ldvm", "--peer", "esx02.example.com")
    assert r.code == 3 and "not an IPv4 or IPv6 address" in r.err and r.out == ""
    assert "no peer to test" in r.err


def test_ipv6_peer_from_ipv4_only_vmknic_is_not_routable(cli):
    r = cli("check", "--simulate", "ldvm", "--peer", "2001:db8::18:hot", "--json", "--quiet")
    (path,) = r.json["reachability"]["paths"]
    assert path["verdict"] == "not-routable" and "no IPv6 address" in path["detail"]


def test_peer_of_a_role_without_vmknic_is_a_note(cli, tmp_path):
    profile = copy.deepcopy(load_builtin("lan"))
    profile["vmknics"][1]["tags"] = []  # no hot-data vmknic at all
    (tmp_path / "p.json").write_text(json.dumps(profile))
    r = cli("check", "--simulate", str(tmp_path / "p.json"), "--peer", "10.10.30.12:hot",
            "--json", "--quiet")
    assert r.json["reachability"]["paths"] == []
    (note,) = r.json["reachability"]["notes"]
    assert note.startswith("hot data: no hot-data vmknic to test from")
    ids = [f["id"] for f in r.json["findings"]]
    assert "REACH-NOT-TESTED" in ids and "HOT-NONE" in ids and r.code == 2


def test_vmknic_vanished_since_collection(cli, tmp_path):
    profile = copy.deepcopy(load_builtin("ldvm"))
    profile["network"]["vanished"] = ["vmk1"]
    (tmp_path / "p.json").write_text(json.dumps(profile))
    r = cli("check", "--simulate", str(tmp_path / "p.json"), "--json", "--quiet")
    v = verdicts(r.json)
    assert v[("vmk1", "172.21.120.18")] == "vmkping-error" and v[("vmk2", "172.21.130.18")] == "ok"
    f = [f for f in r.json["findings"] if f["id"] == "REACH-VMKPING-ERROR"][0]
    assert "vmk1 does not exist" in f["detail"]


def test_a_hung_vmkping_is_killed_and_reported(cli, tmp_path):
    profile = copy.deepcopy(load_builtin("ldvm"))
    profile["faults"] = {"commands": [{"match": "vmkping -I vmk1", "hang": True}]}
    (tmp_path / "p.json").write_text(json.dumps(profile))
    t0 = time.monotonic()
    r = cli("check", "--simulate", str(tmp_path / "p.json"), "--count", "2", "--json", "--quiet")
    assert time.monotonic() - t0 < 30
    v = verdicts(r.json)
    assert v[("vmk1", "172.21.120.18")] == "vmkping-error"
    path = [p for p in r.json["reachability"]["paths"] if p["vmknic"] == "vmk1"][0]
    assert "killed" in path["detail"]


def _mesh(parallel, peers=12):
    profile = copy.deepcopy(load_builtin("ldvm"))
    profile["timing"] = {"esxcli_s": 0, "other_s": 0}
    profile["network"]["peers"] = [{"address": "172.21.120.%d" % (100 + i), "rtt_ms": 80}
                                   for i in range(peers)]
    backend = counting_host(profile, speed=0.2)  # each series lasts ~0.4 s: overlap is certain
    runner = Runner(backend)
    facts = build_facts(collect.Collector(runner).collect())
    pairs, _ = reach.plan_pairs(facts, datapaths.resolve(facts),
                                [peers_mod.new_peer(p["address"]) for p in
                                 profile["network"]["peers"]])
    backend.peak = 0
    prober.Prober(runner, parallel=parallel).run(pairs)
    return backend.peak, pairs


def test_paths_are_probed_concurrently_within_the_bound():
    peak, pairs = _mesh(parallel=8)
    assert len(pairs) == 24 and peak == 8
    assert all(p["result"]["verdict"] == "ok" for p in pairs)
    peak, _ = _mesh(parallel=1, peers=3)
    assert peak == 1


def test_ctrl_c_keeps_the_results_so_far_and_stops_the_rest():
    profile = copy.deepcopy(load_builtin("wan-faults"))
    backend = SimHost(profile, speed=1)
    runner = Runner(backend)
    facts = build_facts(collect.Collector(runner).collect())
    pairs, _ = reach.plan_pairs(facts, datapaths.resolve(facts),
                                [peers_mod.new_peer(p["address"], p["role"])
                                 for p in profile["network"]["peers"]])
    calls = []

    def progress(done, total, pair):
        calls.append(pair["target"])
        raise KeyboardInterrupt()  # the user presses Ctrl-C after the first path finished
    t0 = time.monotonic()
    interrupted = prober.Prober(runner, progress=progress).run(pairs)
    assert interrupted and time.monotonic() - t0 < 5
    finished = [p for p in pairs if p["target"] == calls[0]][0]
    assert finished["result"]["verdict"] == "not-routable"  # the one that needed no probe
    others = [p for p in pairs if p is not finished]
    assert others and all(p["result"]["verdict"] == "interrupted" for p in others)


def test_ctrl_c_on_the_command_line_prints_the_report(tmp_path):
    env = dict(os.environ, ESXI_DIAG_SIM_SPEED="1", PYTHONPATH=ROOT)
    proc = subprocess.Popen([sys.executable, "-m", "esxi_diag", "check", "--simulate",
                             "wan-faults", "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=str(tmp_path))
    first = proc.stderr.readline()  # the first path done (the unroutable one needs no probe)
    assert first.startswith(b"[1/5] "), first
    proc.send_signal(signal.SIGINT)  # while the other four are being probed
    out, rest = proc.communicate(timeout=20)
    err = first + rest
    assert proc.returncode == 3, err
    assert b"Traceback" not in err and b"interrupted" in err
    report = json.loads(out.decode("utf-8"))
    assert report["reachability"]["interrupted"] is True
    assert "interrupted" in [p["verdict"] for p in report["reachability"]["paths"]]


@pytest.mark.parametrize("profile", ["lan", "ldvm", "wan-faults"])
def test_pasted_vmkping_session_gets_the_same_verdicts(cli, tmp_path, profile):
    checked = cli("check", "--simulate", profile, "--json", "--quiet").json
    sim = SimHost(load_builtin(profile), speed=0)
    commands = [c["argv"] for c in checked["commands"]]
    (tmp_path / "s.txt").write_text(sim.transcript(commands))
    analysed = cli("analyze", "--transcript", str(tmp_path / "s.txt"), "--json").json
    a, c = verdicts(analysed), verdicts(checked)
    c = dict((k, v) for k, v in c.items() if v != "not-routable")  # nothing was pasted for these
    if profile == "wan-faults":  # random loss differs between two runs of the lossy link
        a.pop(("vmk1", "172.21.120.32"))
        c.pop(("vmk1", "172.21.120.32"))
    assert a == c


def test_odd_netstack_name_is_a_clear_path_error_not_a_crash():
    from esxi_diag.render.messages import render
    runner = Runner(SimHost(load_builtin("ldvm"), speed=0))
    pair = {"roles": ["hot"], "vmknic": "vmk1", "netstack": "vmotion; reboot",
            "source_address": None, "mtu": 9000, "target": "172.21.120.18", "label": None,
            "peer_mtu": None, "ipv6": False, "probes": [], "error": None, "interrupted": False,
            "routing": {"kind": "unknown", "gateway": None, "interface": None, "detail": "x"}}
    prober.Prober(runner).run([pair])
    assert pair["result"]["verdict"] == "vmkping-error" and "not passed to vmkping" in \
        render(pair["result"]["detail"])
    assert runner.history == []  # nothing ran


def test_progress_goes_to_stderr_as_plain_lines_when_not_a_tty(cli):
    r = cli("check", "--simulate", "lan")
    lines = r.err.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("[1/2] ") and lines[1].startswith("[2/2] ")
    assert "\r" not in r.err and "vMotion paths to the peers" in r.out
    assert cli("check", "--simulate", "lan", "--quiet").err == ""


def test_routed_hot_path_through_the_management_vmknic_is_a_warning(cli, tmp_path):
    profile = copy.deepcopy(load_builtin("lan"))
    profile["network"]["peers"] = [{"address": "10.20.30.12", "role": "hot", "rtt_ms": 1.2}]
    (tmp_path / "p.json").write_text(json.dumps(profile))
    r = cli("check", "--simulate", str(tmp_path / "p.json"), "--json", "--quiet")
    (f,) = [f for f in r.json["findings"] if f["id"] == "REACH-ROUTED-VIA-OTHER-VMKNIC"]
    assert f["severity"] == "warn" and "through vmk0, not vmk1" in f["title"]
    assert "esxcli network ip interface ipv4 set -i vmk1" in f["remedy"]


def test_an_unexpected_error_in_one_path_costs_that_path_only(monkeypatch):
    runner = Runner(SimHost(load_builtin("ldvm"), speed=0))
    facts = build_facts(collect.Collector(runner).collect())
    pairs, _ = reach.plan_pairs(facts, datapaths.resolve(facts),
                                [peers_mod.new_peer("172.21.120.18"),
                                 peers_mod.new_peer("172.21.130.18")])
    real = prober.Prober.probe

    def probe(self, pair):
        if pair["target"] == "172.21.130.18" and pair["vmknic"] == "vmk1":
            raise RuntimeError("simulated bug")
        return real(self, pair)
    monkeypatch.setattr(prober.Prober, "probe", probe)
    prober.Prober(runner).run(pairs)
    broken = [p for p in pairs if p["vmknic"] == "vmk1" and p["target"] == "172.21.130.18"][0]
    assert broken["result"]["verdict"] == "vmkping-error"
    from esxi_diag.render.messages import render
    assert "internal error while probing: RuntimeError" in render(broken["result"]["detail"])
    assert "テスト中に内部エラーが発生しました" in render(broken["result"]["detail"], "ja")
    assert [p["result"]["verdict"] for p in pairs if p is not broken].count("ok") >= 2
