"""Findings, each driven through the whole pipeline: a simulated host (profile variant) ->
collector -> real parsers -> facts -> data paths -> rules."""
import copy
import io
import os
import re


from conftest import ROOT
from esxi_diag.sources import collect
from esxi_diag.analysis.pipeline import analyse
from esxi_diag.sources.runner import Runner
from esxi_diag.simulator.host import SimHost, load_builtin


def report_for(profile):
    sim = SimHost(profile, speed=0)
    captures = collect.Collector(Runner(sim)).collect()
    return analyse(captures, {"type": "simulated", "name": "test"})


def variant(name, change):
    profile = copy.deepcopy(load_builtin(name))
    change(profile)
    return profile


def vmknic(profile, name):
    return [v for v in profile["vmknics"] if v["name"] == name][0]


def ids(report):
    return dict((f["id"], f) for f in report["findings"])


def test_healthy_lan_has_no_warning():
    r = report_for(load_builtin("lan"))
    assert r["summary"]["exit_status"] == 0
    assert set(ids(r)) == {"HOT-PATH", "COLD-PATH", "COLD-MANAGEMENT", "LINERATE-DEFAULT",
                           "HOT-ROUTES-VIA-OTHER-VMKNIC", "VM-VMOTION-ENCRYPTION"}


def test_hot_none_when_no_vmotion_vmknic():
    p = variant("lan", lambda p: vmknic(p, "vmk1").update(tags=[]))
    f = ids(report_for(p))["HOT-NONE"]
    assert f["severity"] == "fail" and "tag add -i vmk1 -t VMotion" in f["remedy"]


def test_inactive_vmotion_tag():
    f = ids(report_for(load_builtin("ldvm")))["TAG-VMOTION-INACTIVE"]
    assert f["subjects"] == ["vmk0"]
    assert f["remedy"] == "esxcli network ip interface tag remove -i vmk0 -t VMotion"


def test_inactive_provisioning_tag():
    p = variant("ldvm", lambda p: vmknic(p, "vmk0").update(tags=["Management",
                                                                 "vSphereProvisioning"]))
    f = ids(report_for(p))["TAG-PROVISIONING-INACTIVE"]
    assert "tag remove -i vmk0 -t vSphereProvisioning" in f["remedy"]


def test_cold_falls_back_to_management():
    f = ids(report_for(load_builtin("lan")))["COLD-MANAGEMENT"]
    assert f["severity"] == "info" and f["subjects"] == ["vmk0"]


def test_disabled_data_path_vmknic_on_vmotion_netstack_fails():
    p = variant("ldvm", lambda p: vmknic(p, "vmk1").update(enabled=False))
    f = ids(report_for(p))["PATH-VMK-DISABLED"]
    assert f["severity"] == "fail" and f["remedy"] == \
        "esxcli network ip interface set -i vmk1 -e true"


def test_data_path_vmknic_without_address_fails():
    f = ids(report_for(load_builtin("broken")))["PATH-VMK-NO-IPV4"]
    assert f["subjects"] == ["vmk3"] and f["severity"] == "fail"


def test_ipv6_only_data_path_vmknic_is_supported_not_a_warning():
    def change(p):
        v = vmknic(p, "vmk1")
        del v["ipv4"]
        v["ipv6"] = [{"address": "2001:db8:30::11", "prefix_length": 64}]
    found = ids(report_for(variant("lan", change)))
    f = found["PATH-VMK-IPV6-ONLY"]
    assert f["severity"] == "info" and "2001:db8:30::11" in f["detail"] and f["remedy"] is None
    assert "PATH-VMK-NO-IPV4" not in found


def test_hot_vmknic_sharing_management():
    f = ids(report_for(load_builtin("broken")))["HOT-SHARED-SERVICES"]
    assert f["subjects"] == ["vmk0"] and "Management" in f["title"]


def test_provisioning_on_the_vmotion_vmknic_is_not_sharing():
    p = variant("lan", lambda p: vmknic(p, "vmk1").update(tags=["VMotion", "vSphereProvisioning"]))
    assert "HOT-SHARED-SERVICES" not in ids(report_for(p))


def test_vmotion_netstack_without_gateway_is_info_in_inspect():
    p = variant("ldvm", lambda p: p["routes"].pop("vmotion"))
    f = ids(report_for(p))["NETSTACK-NO-GATEWAY"]
    assert f["severity"] == "info" and f["subjects"] == ["vmk1"]  # L2 vMotion needs none
    assert "esxcli network ip route ipv4 add -N vmotion -n default -g <gateway>" in f["remedy"]


def test_netstack_with_static_route_only_is_info():
    p = variant("ldvm", lambda p: p["routes"].__setitem__("vmotion", [
        {"network": "172.21.120.0", "netmask": "255.255.255.0", "gateway": "172.20.120.1",
         "interface": "vmk1"}]))
    f = ids(report_for(p))["NETSTACK-NO-GATEWAY"]
    assert f["severity"] == "info" and "172.21.120.0" in f["detail"]


def test_per_vmknic_gateway_counts_as_a_gateway():
    def change(p):
        p["routes"].pop("vmotion")
        vmknic(p, "vmk1")["ipv4"]["gateway"] = "172.20.120.1"
    assert "NETSTACK-NO-GATEWAY" not in ids(report_for(variant("ldvm", change)))


def test_mtu_larger_than_vswitch():
    f = ids(report_for(load_builtin("broken")))["MTU-EXCEEDS-VSWITCH"]
    assert f["subjects"] == ["vmk1"]
    assert "esxcli network vswitch standard set -v vSwitch1 -m 9000" in f["remedy"]


def test_mtu_larger_than_uplink():
    def change(p):
        [n for n in p["nics"] if n["name"] == "vmnic3"][0]["mtu"] = 1500
    found = ids(report_for(variant("lan", change)))
    assert found["MTU-EXCEEDS-UPLINK"]["subjects"] == ["vmk1"]
    assert "vmnic3 (1500)" in found["MTU-EXCEEDS-UPLINK"]["detail"]
    assert "MTU-EXCEEDS-VSWITCH" not in found


def test_mtu_on_distributed_switch():
    p = variant("ldvm", lambda p: p["dvswitches"][0].update(mtu=1500))
    f = ids(report_for(p))["MTU-EXCEEDS-VSWITCH"]
    assert "distributed switch DSwitch-WAN" in f["remedy"]


def test_no_working_uplink():
    f = ids(report_for(load_builtin("broken")))["PATH-NO-UPLINK"]
    assert f["subjects"] == ["vmk1"] and "vmnic1" in f["detail"]


def test_line_rate_default_on_fast_uplinks():
    f = ids(report_for(load_builtin("lan")))["LINERATE-DEFAULT"]
    assert f["remedy"] == \
        "esxcli system settings advanced set -o /Migrate/NetExpectedLineRateMBps -i 1250"


def test_line_rate_default_on_1g_is_fine():
    def change(p):
        for n in p["nics"]:
            n["speed_mbps"] = 1000
    assert "LINERATE-DEFAULT" not in ids(report_for(variant("lan", change)))


def test_line_rate_suggestion_capped_at_option_maximum():
    def change(p):
        p["advanced"]["/Migrate/NetExpectedLineRateMBps"] = 133
        for n in p["nics"]:
            n["speed_mbps"] = 100000
    f = ids(report_for(variant("ldvm", change)))["LINERATE-DEFAULT"]
    assert f["remedy"].endswith("-i 2000")


def test_sbmax_unavailable_is_info_not_failure():
    f = ids(report_for(load_builtin("broken")))["SBMAX-UNAVAILABLE"]
    assert f["severity"] == "info"


def test_unparsed_command_makes_collection_incomplete():
    f = ids(report_for(load_builtin("broken")))["COLLECT-INCOMPLETE"]
    assert "vswitch dvs vmware list" in f["detail"] and f["severity"] == "warn"


def test_missing_facts_never_make_a_false_failure():
    # nic list and switch lists fail: the MTU and uplink rules must stay silent, not fail
    def change(p):
        p["faults"] = {"commands": [{"match": m, "exit_code": 1, "stdout": "Error: simulated\n"}
                                    for m in ("network nic list", "vswitch standard list",
                                              "interface tag get")]}
        vmknic(p, "vmk1")["mtu"] = 9000
    r = report_for(variant("broken", change))
    found = ids(r)
    for fid in ("MTU-EXCEEDS-VSWITCH", "MTU-EXCEEDS-UPLINK", "PATH-NO-UPLINK", "HOT-NONE",
                "HOT-SHARED-SERVICES"):
        assert fid not in found, fid
    assert "HOT-UNKNOWN" in found


def test_every_finding_id_is_documented():
    source = ""
    folder = os.path.join(ROOT, "esxi_diag", "rules")
    for name in sorted(os.listdir(folder)):  # every module that makes findings
        if name.endswith(".py"):
            with io.open(os.path.join(folder, name), encoding="utf-8") as handle:
                source += handle.read()
    with io.open(os.path.join(ROOT, "docs", "findings.md"), encoding="utf-8") as handle:
        doc = handle.read()
    emitted = set(re.findall(r'"([A-Z]+(?:-[A-Z0-9]+)+)"', source))
    assert len(emitted) >= 15
    for fid in emitted:
        assert "`%s`" % fid in doc, "%s is not in docs/findings.md" % fid
