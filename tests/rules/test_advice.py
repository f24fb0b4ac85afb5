"""Advice that fits the host (issue 8): each situation is a simulated host (a built-in profile or a
variant of one) driven through the command line; findings, remedies and exit status come out.
The simulator's output is synthetic (docs/simulator.md)."""
import copy
import json
import re

import pytest

from esxi_diag.simulator.host import load_builtin


def variant(name, change=None):
    profile = copy.deepcopy(load_builtin(name))
    if change:
        change(profile)
    return profile


def vmknic(profile, name):
    return [v for v in profile["vmknics"] if v["name"] == name][0]


@pytest.fixture
def run(cli, tmp_path):
    """run(profile_or_name, "inspect"|"check"|"tune", *args) -> (exit code, JSON report)."""
    counter = [0]

    def go(profile, command, *args):
        if isinstance(profile, dict):
            counter[0] += 1
            path = tmp_path / ("profile-%d.json" % counter[0])
            path.write_text(json.dumps(profile))
            profile = str(path)
        extra = ["--quiet"] if command in ("check", "tune") else []
        r = cli(command, "--simulate", profile, "--json", *(extra + list(args)))
        assert r.err.count("internal error") == 0, r.err
        return r.code, r.json
    return go


def findings(report, fid=None):
    out = [f for f in report["findings"] if fid is None or f["id"] == fid]
    return out


def one(report, fid):
    found = findings(report, fid)
    assert len(found) == 1, [f["id"] for f in report["findings"]]
    return found[0]


def commands_of(remedy):
    return [line for line in remedy.split("\n") if line.startswith(("esxcli ", "vsish "))]


def vmknics_named(remedy):
    return set(re.findall(r"-i (vmk\d+)", "\n".join(commands_of(remedy))))


# -- 1. HOT-NONE: never a vmknic of another service or netstack ------------------------------

def test_hot_none_creates_a_vmotion_netstack_vmknic_and_names_no_service_vmknic(run):
    code, r = run("vsan-nsx", "inspect")
    f = one(r, "HOT-NONE")
    assert code == 2 and f["severity"] == "fail"
    # vmk0 Management, vmk1 VSAN, vmk2 faultToleranceLogging, vmk10 NSX TEP on vxlan
    assert vmknics_named(f["remedy"]) == {"vmk11"}
    cmds = commands_of(f["remedy"])
    assert cmds[0] == "esxcli network ip netstack add -N vmotion"  # the stack does not exist yet
    assert "esxcli network vswitch standard portgroup add -p vMotion -v vSwitch0" in cmds
    assert "esxcli network ip interface add -i vmk11 -p vMotion -N vmotion" in cmds
    assert ("esxcli network ip interface add -i vmk11 --dvs-name DSwitch-Compute --dvport-id "
            "<free-DVPort-ID> -N vmotion") in cmds
    assert ("esxcli network ip interface ipv4 set -i vmk11 -t static -I <address> -N <netmask>"
            in cmds)
    assert "tag add" not in f["remedy"]


def test_hot_none_when_the_vmotion_stack_exists_and_only_a_distributed_switch():
    from esxi_diag.rules import remedies
    from esxi_diag.analysis.model import new_facts
    from esxi_diag.render.messages import steps_text
    facts = new_facts()
    facts["known"].add("interfaces")
    facts["netstacks"] = ["defaultTcpipStack", "vmotion"]
    facts["vswitches"] = {"DSwitch": {"name": "DSwitch", "type": "distributed"}}
    steps = steps_text(remedies.dedicated_vmknic(facts, "vmotion", "vMotion")).split("\n")
    assert not any("netstack add" in s or "portgroup add" in s for s in steps)
    assert "esxcli network ip interface add -i vmk0 --dvs-name DSwitch --dvport-id " \
           "<free-DVPort-ID> -N vmotion" in steps


def test_hot_none_may_offer_an_untagged_vmknic_but_never_one_with_a_service(run):
    def change(p):
        vmknic(p, "vmk1").update(tags=[])                       # spare, untagged, default stack
        p["vmknics"].append(dict(vmknic(p, "vmk1"), name="vmk2", tags=["VSAN"],
                                 ipv4={"address": "10.10.31.11", "netmask": "255.255.255.0"}))
    code, r = run(variant("lan", change), "inspect")
    f = one(r, "HOT-NONE")
    assert vmknics_named(f["remedy"]) == {"vmk3", "vmk1"}
    assert "esxcli network ip interface tag add -i vmk1 -t VMotion" in f["remedy"]
    assert "-i vmk2" not in f["remedy"] and "-i vmk0" not in f["remedy"]


def test_a_disabled_tagged_vmknic_is_enabled_first(run):
    code, r = run(variant("lan", lambda p: vmknic(p, "vmk1").update(enabled=False)), "inspect")
    f = one(r, "HOT-NONE")
    assert commands_of(f["remedy"])[0] == "esxcli network ip interface set -i vmk1 -e true"


# -- 2. COLD-MANAGEMENT: the provisioning stack, on both hosts -------------------------------

@pytest.mark.parametrize("profile", ["lan", "multinic"])
def test_cold_management_recommends_the_provisioning_stack_on_both_hosts(run, profile):
    code, r = run(profile, "inspect")
    f = one(r, "COLD-MANAGEMENT")
    assert f["severity"] == "info" and "both hosts" in f["remedy"]
    assert "esxcli network ip netstack add -N vSphereProvisioning" in f["remedy"]
    hot = set(r["data_paths"]["hot"]["vmknics"])
    assert not (vmknics_named(f["remedy"]) & hot) and "tag add" not in f["remedy"]


# -- 3. NETSTACK-NO-GATEWAY: L2 vMotion is a supported design --------------------------------

def _l2_only(p, keep_routed=False):
    p["routes"].pop("vmotion")
    if not keep_routed:
        p["network"]["peers"] = [x for x in p["network"]["peers"] if "routed" not in x["label"]]


def test_l2_vmotion_without_gateway_is_info_in_inspect_and_silent_in_a_passing_check(run):
    profile = variant("multinic", _l2_only)
    code, r = run(profile, "inspect")
    assert code == 0 and one(r, "NETSTACK-NO-GATEWAY")["severity"] == "info"
    code, r = run(profile, "check")
    assert code == 0 and r["reachability"]["summary"]["hot_ok"] is True
    assert not findings(r, "NETSTACK-NO-GATEWAY") and findings(r, "REACH-OK")


def test_an_off_link_peer_brings_it_back_beside_the_failing_path(run):
    code, r = run(variant("multinic", lambda p: _l2_only(p, keep_routed=True)), "check")
    assert code == 2
    f = one(r, "NETSTACK-NO-GATEWAY")
    assert f["severity"] == "info" and "192.168.31.42" in f["detail"]
    assert {p["verdict"] for p in r["reachability"]["paths"] if p["target"] == "192.168.31.42"} \
        == {"not-routable"}


# -- 4. multi-NIC vMotion: the gateway is on-link for every vmknic of its subnet --------------

def test_multi_nic_vmotion_sharing_a_gateway_has_no_routed_via_warning(run):
    code, r = run("multinic", "check")
    assert code == 0 and not findings(r, "REACH-ROUTED-VIA-OTHER-VMKNIC")
    routed = [p for p in r["reachability"]["paths"] if p["target"] == "192.168.31.42"]
    assert {p["routing"]["interface"] for p in routed} == {"vmk1", "vmk2"}


def test_a_vmknic_outside_the_gateway_subnet_is_still_warned(run):
    def change(p):
        vmknic(p, "vmk2")["ipv4"] = {"address": "192.168.32.23", "netmask": "255.255.255.0"}
    code, r = run(variant("multinic", change), "check")
    found = findings(r, "REACH-ROUTED-VIA-OTHER-VMKNIC")
    assert found and all(f["subjects"] == ["vmk2"] and f["severity"] == "warn" for f in found)


# -- 5. tags outside the default netstack ----------------------------------------------------

def test_a_vmotion_tag_on_another_netstack_is_reported_as_ignored(run):
    code, r = run("vsan-nsx", "inspect")
    f = one(r, "TAG-IGNORED-NETSTACK")
    assert f["severity"] == "warn" and f["subjects"] == ["vmk10"] and "vxlan" in f["detail"]
    assert r["data_paths"]["hot"]["vmknics"] == [] and \
        r["data_paths"]["hot"]["ignored_tagged"] == ["vmk10"]


def test_an_ignored_tag_beside_a_real_vmotion_vmknic(run):
    def change(p):
        p["vmknics"].append(dict(vmknic(p, "vmk1"), name="vmk3", netstack="vSphereProvisioning",
                                 tags=["VMotion"],
                                 ipv4={"address": "10.10.40.11", "netmask": "255.255.255.0"}))
    code, r = run(variant("lan", change), "inspect")
    assert r["data_paths"]["hot"]["vmknics"] == ["vmk1"]
    assert one(r, "TAG-IGNORED-NETSTACK")["subjects"] == ["vmk3"]


# -- 6. IPv6 is a first-class configuration ---------------------------------------------------

def test_ipv6_only_vmotion_with_an_ipv6_gateway(run):
    code, r = run("ipv6", "inspect")
    assert code == 0
    assert not findings(r, "PATH-VMK-NO-IPV4") and not findings(r, "NETSTACK-NO-GATEWAY")
    assert one(r, "PATH-VMK-IPV6-ONLY")["severity"] == "info"
    assert {"netstack": "vmotion", "network": "::", "prefix_length": 0,
            "gateway": "2001:db8:30::1", "interface": "vmk1", "source": "MANUAL"} \
        in r["routes_ipv6"]
    code, r = run("ipv6", "check")
    (hot,) = [p for p in r["reachability"]["paths"] if "hot" in p["roles"]]
    assert hot["routing"]["kind"] == "netstack-gateway" and hot["verdict"] == "ok"
    assert code == 0


def test_ipv6_netstack_without_a_gateway(run):
    profile = variant("ipv6", lambda p: p.pop("routes6"))
    code, r = run(profile, "inspect")
    f = one(r, "NETSTACK-NO-GATEWAY")
    assert "IPv6" in f["title"] and f["remedy"] == \
        "esxcli network ip route ipv6 add -N vmotion -n ::/0 -g <gateway>"
    code, r = run(profile, "check")
    assert code == 2 and one(r, "REACH-NOT-ROUTABLE")["remedy"].startswith(
        "esxcli network ip route ipv6 add -N vmotion")


# -- 7. Secure Boot and --persist --------------------------------------------------------------

def _state(tmp_path, name):
    return str(tmp_path / name)


def _local_sh(path):
    with open(path) as handle:
        return json.load(handle)["files"]["/etc/rc.local.d/local.sh"]


def test_persist_under_secure_boot_says_applied_not_persistent(run, tmp_path):
    state = _state(tmp_path, "sb.json")
    code, r = run("ipv6", "tune", "--sim-state", state, "--line-rate", "10G", "--apply",
                  "--persist")
    assert code == 6 and "NOT persistent" in r["tune"]["outcome"]["message"]
    assert "esxi-diag" not in _local_sh(state)  # local.sh does not run at boot: left alone
    assert r["tune"]["plan"]["persist"]["runs_at_boot"] is False


def test_persist_without_secure_boot_writes_local_sh(run, tmp_path):
    state = _state(tmp_path, "nosb.json")
    code, r = run("lan", "tune", "--sim-state", state, "--line-rate", "10G", "--rtt", "80",
                  "--apply", "--persist")
    assert code == 4 and r["tune"]["outcome"]["message"] == "applied and verified"
    assert "sbMax 100007936" in _local_sh(state)


def test_persist_with_an_unknown_secure_boot_state_says_so(run, tmp_path):
    profile = variant("lan", lambda p: p.update(faults={"commands": [
        {"match": "secureBoot.py", "missing": True}]}))
    code, r = run(profile, "tune", "--sim-state", _state(tmp_path, "u.json"), "--line-rate",
                  "10G", "--rtt", "80", "--apply", "--persist")
    assert code == 4 and "could not be read" in r["tune"]["outcome"]["message"]
    assert r["host"]["secure_boot"] is None


# -- 8. why sbMax cannot be read ---------------------------------------------------------------

def test_sbmax_before_67u1_names_the_release(run):
    code, r = run("broken", "inspect")
    f = one(r, "SBMAX-UNAVAILABLE")
    assert "6.7.0" in f["detail"] and "6.7 U1" in f["detail"] and f["severity"] == "info"


def test_sbmax_not_readable_is_not_blamed_on_the_release(run):
    profile = variant("lan", lambda p: p.update(faults={"commands": [
        {"match": "sbMax", "exit_code": 1, "stderr": "vsish: Permission denied (simulated)\n"}]}))
    code, r = run(profile, "inspect")
    f = one(r, "SBMAX-UNAVAILABLE")
    assert f["severity"] == "warn" and "6.7 U1" not in f["detail"]
    assert "not readable" in f["detail"] and "root" in f["remedy"]


def test_vsish_missing_is_said(run):
    profile = variant("lan", lambda p: p.update(faults={"commands": [
        {"match": "vsish", "missing": True}]}))
    f = one(run(profile, "inspect")[1], "SBMAX-UNAVAILABLE")
    assert "vsish is not on this host" in f["detail"] and "6.7 U1" not in f["detail"]


def test_sbmax_is_not_tuned_before_67u1_even_when_a_node_answers(run):
    profile = variant("lan", lambda p: p["host"].update(version="6.7.0", update="0"))
    code, r = run(profile, "tune", "--line-rate", "10G", "--rtt", "40")
    sb = r["tune"]["plan"]["sbmax"]
    assert sb["available"] is False and sb["recommended"] is None
    assert "6.7 U1" in " ".join(sb["reasons"]) and not any(
        "sbMax" in c for c in r["tune"]["plan"]["commands"])


# -- 9. the line rate: assumed, too low, never lowered silently --------------------------------

def test_an_assumed_line_rate_over_a_long_distance_asks_for_the_real_one(run):
    code, r = run("ldvm", "tune", "--rtt", "80")
    f = one(r, "TUNE-LINE-RATE-ASSUMED")
    assert f["severity"] == "warn" and "--line-rate" in f["remedy"]
    assert r["tune"]["plan"]["line_rate"]["basis"].startswith("assumed")
    code, r = run("lan", "tune", "--rtt", "0.5")
    assert one(r, "TUNE-LINE-RATE-ASSUMED")["severity"] == "info"


def test_a_line_rate_below_250_mbit_is_a_warning(run):
    code, r = run("lan", "tune", "--line-rate", "200M", "--rtt", "40")
    assert one(r, "TUNE-LINE-RATE-LOW")["severity"] == "warn"


def test_the_line_rate_is_never_lowered_without_allow_decrease(run):
    code, r = run("ldvm", "tune", "--line-rate", "1G", "--rtt", "20")
    lr = r["tune"]["plan"]["line_rate"]
    assert (lr["current"], lr["recommended"], lr["change"]) == (2000, 2000, False)
    assert code == 0 and r["tune"]["plan"]["persist_commands"] == []  # sbMax kept: not decided
    code, r = run("ldvm", "tune", "--line-rate", "1G", "--rtt", "20", "--allow-decrease")
    assert r["tune"]["plan"]["line_rate"]["recommended"] == 125 and code == 1


def test_sbmax_on_the_default_netstack_says_it_is_shared(run):
    code, r = run("lan", "tune", "--line-rate", "10G", "--rtt", "80")
    assert "every socket on that stack" in " ".join(r["tune"]["plan"]["sbmax"]["reasons"])
    code, r = run("ldvm", "tune", "--line-rate", "10G", "--rtt", "80")
    assert "every socket" not in " ".join(r["tune"]["plan"]["sbmax"]["reasons"])


def test_beyond_150_ms_is_never_advised_as_tunable(run):
    code, r = run("wan-faults", "check")
    f = one(r, "REACH-LONG-DISTANCE")
    assert "--rtt 181" not in f["remedy"] and "within 150 ms" in f["remedy"]
    only_far = variant("wan-faults", lambda p: p["network"].update(
        peers=[x for x in p["network"]["peers"] if x.get("label") == "other continent"]))
    code, r = run(only_far, "check")
    assert one(r, "REACH-LONG-DISTANCE")["remedy"].startswith("None by tuning")


# -- 10. unknown is never OK -------------------------------------------------------------------

def _transcript(tmp_path, lines):
    path = tmp_path / "session.txt"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def test_undetermined_data_paths_never_exit_0(cli, tmp_path):
    from esxi_diag.simulator.host import SimHost
    sim = SimHost(load_builtin("lan"))
    session = sim.transcript([["esxcli", "network", "ip", "interface", "list"],
                              ["esxcli", "network", "ip", "interface", "ipv4", "get"]])
    path = _transcript(tmp_path, [session])
    r = cli("analyze", "--transcript", path)
    assert r.code == 1 and "NOT DETERMINED: the hot and cold-data path" in r.out


def test_nothing_read_is_exit_3_not_ok(cli, tmp_path):
    path = _transcript(tmp_path, ["[root@esx:~] esxcli network ip interface list",
                                  "\x01\x02 binary junk"])
    r = cli("analyze", "--transcript", path)
    assert r.code == 3 and "NOTHING COULD BE READ" in r.out


def test_dont_fragment_probes_alone_still_give_round_trip_times(cli, tmp_path):
    from esxi_diag.simulator.host import SimHost
    sim = SimHost(load_builtin("ldvm"))
    commands = [["esxcli", "network", "ip", "interface", "list"],
                ["esxcli", "network", "ip", "interface", "ipv4", "get"],
                ["esxcli", "network", "ip", "interface", "tag", "get", "-i", "vmk0"],
                ["vmkping", "-I", "vmk1", "-S", "vmotion", "-c", "3", "-d", "-s", "8972",
                 "172.21.120.18"]]
    r = cli("analyze", "--transcript", _transcript(tmp_path, [sim.transcript(commands)]),
            "--json")
    (path,) = r.json["reachability"]["paths"]
    assert path["rtt_ms"]["avg"] > 70 and path["latency_class"] == "long-distance"
    assert path["verdict"] == "ok" and path["df_ok"] is True


# -- 11. vmkping as a real host prints it ------------------------------------------------------

def test_vmkernel_stack_not_configured_in_a_live_check(run):
    profile = variant("multinic", lambda p: p["network"].update(
        moved={"vmk2": "defaultTcpipStack"}))  # vmk2 moved since the facts were read
    code, r = run(profile, "check")
    f = [f for f in findings(r, "REACH-STACK-NOT-CONFIGURED")]
    assert f and all(x["subjects"] == ["vmk2"] and x["severity"] == "fail" for x in f)
    assert "esxcli network ip interface list" in f[0]["remedy"] and code == 2
    assert all(p["verdict"] == "ok" for p in r["reachability"]["paths"] if p["vmknic"] != "vmk2")


def test_a_refused_sub_second_interval_is_retried_with_one_second(run):
    profile = variant("lan", lambda p: p["network"].update(min_interval_s=1))
    code, r = run(profile, "check", "--count", "3")
    assert code == 0 and all(p["verdict"] == "ok" for p in r["reachability"]["paths"])
    notes = [n for p in r["reachability"]["paths"] for n in p["notes"]]
    assert notes and "-i 1" in notes[0]
    refused = [c for c in r["commands"] if c["kind"] == "ping" and c["exit_code"] == 64]
    assert len(refused) == 1 and "-i 0.2" in refused[0]["command"]  # once, then -i 1 for all


# -- 12. both ends ----------------------------------------------------------------------------

def test_the_peer_is_told_to_match_and_a_differing_peer_is_named(run, cli, tmp_path):
    peer = variant("ldvm", lambda p: (p["host"].update(hostname="esx-dc2-07"),
                                      p["advanced"].update({"/Migrate/NetExpectedLineRateMBps":
                                                            133}),
                                      p["sbmax"].update(vmotion=2097152)))
    code, report = run(peer, "inspect")
    peer_path = tmp_path / "peer.json"
    peer_path.write_text(json.dumps(report))
    code, r = run("ldvm", "tune", "--line-rate", "25G", "--rtt", "80", "--peer-report",
                  str(peer_path))
    f = one(r, "TUNE-PEER-DIFFERS")
    assert f["severity"] == "warn" and "esx-dc2-07" in f["title"]
    assert f["remedy"].split("\n") == [
        "On esx-dc2-07:",
        "esxcli system settings advanced set -o /Migrate/NetExpectedLineRateMBps -i 2000",
        "vsish -e set /net/tcpip/instances/vmotion/sbMax 268435456"]
    code, r = run("lan", "tune", "--line-rate", "10G", "--rtt", "80")
    assert any("every peer host the same values" in n for n in r["tune"]["plan"]["notes"])


def test_an_ipv6_path_routed_through_another_vmknic_gets_ipv6_steps(run):
    """A second vmotion vmknic outside the subnet of the IPv6 gateway: its path leaves through
    vmk1, and the remedy is an IPv6 static route (``ipv4 set -g`` has no IPv6 twin), never an
    IPv4 command carrying an IPv6 address."""
    def change(p):
        p["vmknics"].append(dict(vmknic(p, "vmk1"), name="vmk3", dvport="41",
                                 mac="00:50:56:63:70:03",
                                 ipv6=[{"address": "fe80::250:56ff:fe63:7003",
                                        "prefix_length": 64},
                                       {"address": "2001:db8:32::11", "prefix_length": 64}]))
    code, r = run(variant("ipv6", change), "check")
    (f,) = [f for f in findings(r, "REACH-ROUTED-VIA-OTHER-VMKNIC") if f["subjects"] == ["vmk3"]]
    commands = commands_of(f["remedy"])
    assert commands == ["esxcli network ip route ipv6 add -N vmotion -n <peer-network/prefix> "
                        "-g <gateway>"]
    (path,) = [p for p in r["reachability"]["paths"] if p["vmknic"] == "vmk3"]
    assert path["source_address"] == "2001:db8:32::11"  # the routable one, not fe80::
