"""The command line end to end, on every built-in profile."""
import json
import os

import pytest

from conftest import ROOT, fixture_path
from esxi_diag.simulator.host import BUILTIN

EXPECTED_EXIT = {"lan": 0, "ldvm": 1, "wan-faults": 0, "broken": 2, "vsan-nsx": 2, "multinic": 0,
                 "ipv6": 0}


@pytest.mark.parametrize("profile", BUILTIN)
def test_inspect_text_report(cli, profile):
    r = cli("inspect", "--simulate", profile)
    assert r.code == EXPECTED_EXIT[profile]
    for heading in ("VMkernel interfaces", "vMotion data paths", "Long Distance vMotion tuning",
                    "Findings:", "Result:"):
        assert heading in r.out
    assert "(exit %d)" % r.code in r.out
    assert max(len(line) for line in r.out.splitlines()) <= 100
    assert r.err == ""


@pytest.mark.parametrize("profile", BUILTIN)
def test_inspect_json_contract(cli, profile):
    r = cli("inspect", "--simulate", profile, "--json")
    report = r.json
    assert report["schema"] == "esxi-diag/1" and r.code == report["summary"]["exit_status"]
    assert set(report["host"]) >= {"hostname", "version", "build"}
    for v in report["vmknics"]:
        assert set(v) >= {"name", "enabled", "netstack", "mtu", "portgroup", "portset",
                          "vds_name", "mac", "tags", "ipv4", "ipv6"}
        assert isinstance(v["enabled"], bool) and isinstance(v["mtu"], int)
        assert v["ipv4"] is None or set(v["ipv4"]) == {"address", "netmask", "gateway",
                                                       "gateway_known", "type"}
        assert v["ipv4"] is None or v["ipv4"]["gateway"] != "0.0.0.0"
    for n in report["nics"]:
        assert set(n) >= {"name", "link_up", "speed_mbps", "mtu"}
        assert isinstance(n["link_up"], bool) and isinstance(n["speed_mbps"], int)
    for route in report["routes"]:
        assert set(route) >= {"netstack", "network", "netmask", "gateway", "interface"}
        assert route["gateway"] not in ("0.0.0.0", "Local Subnet")
    for role, bases in (("hot", ("vmotion-netstack", "vmotion-tag", "none", "unknown")),
                        ("cold", ("provisioning-netstack", "provisioning-tag", "management",
                                  "none", "unknown"))):
        path = report["data_paths"][role]
        assert set(path) >= {"vmknics", "netstack", "basis"} and path["basis"] in bases
    rate = report["tuning"]["net_expected_line_rate_mbps"]
    assert set(rate) == {"current", "default", "min", "max"} and isinstance(rate["current"], int)
    assert isinstance(report["tuning"]["latency_mode_threshold_ms"], int)
    assert isinstance(report["tuning"]["sbmax"], dict)
    for f in report["findings"]:
        assert set(f) >= {"id", "severity", "title", "detail", "remedy"}
    for c in report["commands"]:
        assert set(c) >= {"command", "exit_code", "duration_s", "timed_out", "parsed"}
    assert report["probes"] == []


def test_ldvm_facts(cli):
    report = cli("inspect", "--simulate", "ldvm", "--json").json
    hot, cold = report["data_paths"]["hot"], report["data_paths"]["cold"]
    assert (hot["vmknics"], hot["netstack"], hot["basis"]) == (["vmk1"], "vmotion",
                                                               "vmotion-netstack")
    assert (cold["vmknics"], cold["basis"]) == (["vmk2"], "provisioning-netstack")
    assert report["tuning"]["sbmax"]["vmotion"] == 268435456
    assert report["tuning"]["net_expected_line_rate_mbps"] == {"current": 2000, "default": 133,
                                                               "min": 1, "max": 2000}
    vmk1 = [v for v in report["vmknics"] if v["name"] == "vmk1"][0]
    assert vmk1["vds_name"] == "DSwitch-WAN" and vmk1["tags"] == []


@pytest.mark.parametrize("profile", BUILTIN)
def test_transcript_and_simulator_agree(cli, tmp_path, profile):
    transcript = cli("simulator", "transcript", profile).out
    path = tmp_path / "session.txt"
    path.write_text(transcript)
    a = cli("analyze", "--transcript", str(path), "--json")
    i = cli("inspect", "--simulate", profile, "--json")
    analysed, inspected = a.json, i.json
    for key in ("host", "vmknics", "nics", "vswitches", "portgroups", "netstacks", "routes",
                "data_paths", "tuning"):
        assert analysed[key] == inspected[key], key
    strip = lambda r: [(f["id"], f["severity"], f["subjects"]) for f in r["findings"]]
    assert strip(analysed) == strip(inspected)
    assert a.code == i.code


def test_analyze_reads_standard_input(cli):
    with open(fixture_path("esxi67-blog-session.txt"), "rb") as handle:
        data = handle.read()
    r = cli("analyze", "--transcript", "-", "--json", stdin=data)
    # no tag get in the session: the data paths are unknown, which is never "OK" (exit 1)
    assert r.code == 1 and r.json["vmknics"][0]["name"] == "vmk0"
    assert r.json["source"]["name"] == "standard input"


def test_analyze_lists_unrecognised_commands(cli):
    r = cli("analyze", "--transcript", fixture_path("synthetic-transcript-crlf-mixed.txt"))
    assert "not recognised (skipped): 1" in r.out and "ls /vmfs/volumes" in r.out


@pytest.mark.parametrize("argv,message", [
    (["inspect", "--simulate", "no-such-profile"], "no built-in profile"),
    (["inspect", "--jobs", "0"], "not between 1 and 64"),
    (["inspect", "--timeout", "abc"], "not a number"),
    (["analyze"], "--transcript"),
    (["analyze", "--transcript", "/nonexistent/file"], "cannot read"),
    (["frobnicate"], "unknown command 'frobnicate': one of inspect, check"),
    ([], ""),
])
def test_bad_input_is_one_clear_line_and_exit_3(cli, argv, message):
    r = cli(*argv)
    assert r.code == 3 and r.out == ""
    assert "Traceback" not in r.err and message in r.err
    if argv:
        assert len(r.err.strip().splitlines()) == 1


def test_binary_and_empty_transcripts(cli, tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x7fELF\x00\x00\x01")
    r = cli("analyze", "--transcript", str(binary))
    assert r.code == 3 and "binary file" in r.err and r.out == ""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = cli("analyze", "--transcript", str(empty))
    assert r.code == 3 and "empty" in r.err


def test_transcript_with_nothing_usable(cli, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("[root@h:~] ls\nfoo\n")
    r = cli("analyze", "--transcript", str(path))
    assert r.code == 3 and "none of its 1 command" in r.err


def test_bad_profile_file(cli, tmp_path):
    path = tmp_path / "p.json"
    path.write_text("{not json")
    r = cli("inspect", "--simulate", str(path))
    assert r.code == 3 and "not a JSON profile" in r.err
    path.write_text(json.dumps({"host": {"hostname": "h"}, "vmknics": [{"name": "eth0"}]}))
    r = cli("inspect", "--simulate", str(path))
    assert r.code == 3 and "vmk1" in r.err


def test_user_profile_file(cli, tmp_path):
    profile = {"host": {"hostname": "mine", "version": "8.0.3"},
               "vmknics": [{"name": "vmk0", "tags": ["Management", "VMotion"],
                            "ipv4": {"address": "10.1.1.5", "netmask": "255.255.255.0"}}]}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(profile))
    report = cli("inspect", "--simulate", str(path), "--json").json
    assert report["host"]["hostname"] == "mine"
    assert report["data_paths"]["hot"]["vmknics"] == ["vmk0"]


def test_simulator_list_and_show(cli):
    r = cli("simulator", "list")
    assert r.code == 0 and all(name in r.out for name in BUILTIN) and "(default)" in r.out
    r = cli("simulator", "show", "ldvm")
    assert json.loads(r.out)["host"]["hostname"] == "esx-dc1-07"


def test_not_on_esxi_exits_3_pointing_to_simulate_and_transcript(cli, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    r = cli("inspect")
    assert r.code == 3 and r.out == ""
    assert "--simulate" in r.err and "analyze --transcript" in r.err
    assert len(r.err.strip().splitlines()) <= 2  # the root warning may precede it


def test_builtin_profiles_are_all_listed():
    folder = os.path.join(ROOT, "esxi_diag", "simulator", "profiles")
    from esxi_diag.simulator.site import BUILTIN_SITES
    assert sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".json")) == sorted(
        list(BUILTIN) + list(BUILTIN_SITES))


def test_the_documented_profile_example_runs(cli, tmp_path):
    import io
    import re
    doc = io.open(os.path.join(ROOT, "docs", "simulator.md"), encoding="utf-8").read()
    example = re.search(r"```json\n(.*?)```", doc, re.S).group(1)
    profile = json.loads(example)
    profile["faults"]["commands"] = [f for f in profile["faults"]["commands"]
                                     if not f.get("hang") and not f.get("delay_s")]
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(profile))
    r = cli("inspect", "--simulate", str(path), "--json")
    report = r.json
    assert report["data_paths"]["hot"] == dict(report["data_paths"]["hot"], vmknics=["vmk1"],
                                               basis="vmotion-netstack")
    statuses = dict((c["command"], c["status"]) for c in report["commands"])
    assert statuses["esxcli --formatter=xml network nic list"] == "failed"
    # the example's "vsish": missing fault: sbMax is unavailable, not an error
    assert statuses["vsish -e get /net/tcpip/instances/vmotion/sbMax"] == "unavailable"
    assert report["tuning"]["sbmax"]["vmotion"] is None


def test_options_a_command_would_ignore_are_refused(cli):
    r = cli("tune", "--simulate", "ldvm", "--redact")  # tune's output is not masked
    assert r.code == 3 and "unrecognized arguments: --redact" in r.err
    r = cli("commands", "--simulate", "ldvm", "--json")  # commands prints a command list
    assert r.code == 3 and "unrecognized arguments: --json" in r.err


def test_peers_file_from_standard_input(cli):
    r = cli("check", "--simulate", "lan", "--peers", "-", "--json", "--quiet",
            stdin=b"10.10.30.12 hot esx-lan-02\n")
    paths = r.json["reachability"]["paths"]
    assert [(p["vmknic"], p["target"], p["label"]) for p in paths] == [
        ("vmk1", "10.10.30.12", "esx-lan-02")]
