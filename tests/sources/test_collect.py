"""Collection: concurrency, follow-ups, the localcli fallback, timeouts, missing nodes."""
import copy
import time

import pytest

from conftest import counting_host
from esxi_diag.sources import collect
from esxi_diag.analysis.facts import build_facts
from esxi_diag.sources.runner import Runner
from esxi_diag.simulator.host import SimHost, load_builtin
from esxi_diag.message import plain


def collect_from(profile, jobs=collect.DEFAULT_JOBS, timeout=collect.ESXCLI_TIMEOUT, speed=0):
    sim = SimHost(profile, speed=speed)
    runner = Runner(sim)
    collector = collect.Collector(runner, jobs=jobs, source="simulated", esxcli_timeout=timeout,
                                  other_timeout=timeout)
    return collector, collector.collect(), runner


def with_latency(name, seconds):
    profile = copy.deepcopy(load_builtin(name))
    profile["timing"] = {"esxcli_s": seconds, "other_s": seconds}
    return profile


def test_plan_and_follow_ups_cover_every_vmknic_and_netstack():
    _, captures, runner = collect_from(load_builtin("ldvm"))
    commands = [c.command for c in captures]
    for vmk in ("vmk0", "vmk1", "vmk2"):
        assert "esxcli --formatter=xml network ip interface tag get -i %s" % vmk in commands
    for stack in ("defaultTcpipStack", "vmotion", "vSphereProvisioning"):
        assert "esxcli --formatter=xml network ip route ipv4 list -N %s" % stack in commands
        assert "esxcli --formatter=xml network ip route ipv6 list -N %s" % stack in commands
        assert "vsish -e get /net/tcpip/instances/%s/sbMax" % stack in commands
    assert "/usr/lib/vmware/secureboot/bin/secureBoot.py -s" in commands
    assert "esxcli --formatter=xml system settings encryption get" in commands
    assert len(commands) == len(set(commands))  # nothing run twice
    # every command through the runner; the .vmx files are read, not run
    assert len(runner.history) == len([c for c in captures if c.kind != "vm.vmx"])
    assert all(c.argv[0] in ("vsish", collect.kinds.SECUREBOOT, "vim-cmd", "grep") or
               "--formatter=xml" in c.argv for c in captures)


@pytest.mark.parametrize("jobs", [1, 4, 8])
def test_independent_commands_run_concurrently_within_the_bound(jobs):
    host = counting_host(with_latency("ldvm", 0.15), speed=1)
    captures = collect.Collector(Runner(host), jobs=jobs).collect()
    assert len(captures) == 38  # 26 about the network, 12 about the VMs and the firewall
    assert host.peak == jobs  # the 14 independent commands fill every slot, never more


def test_esxcli_down_falls_back_to_localcli_and_says_so():
    profile = copy.deepcopy(load_builtin("lan"))
    profile["faults"] = {"esxcli_down": True}
    collector, captures, runner = collect_from(profile)
    assert collector.localcli_reason and "Connection failure" in collector.localcli_reason
    esxcli = [c for c in captures if collect.kinds.is_esxcli(c.kind)]
    assert esxcli and all(c.via == "localcli" and c.argv[0] == "localcli" for c in esxcli)
    facts = build_facts(captures)
    assert sorted(facts["vmknics"]) == ["vmk0", "vmk1"]


def test_esxcli_error_answer_is_not_a_reason_for_localcli():
    profile = copy.deepcopy(load_builtin("lan"))
    profile["faults"] = {"commands": [{"match": "ipv6 address list", "exit_code": 1,
                                       "stdout": "Error: Unknown command or namespace network ip "
                                                 "interface ipv6 address list\n"}]}
    collector, captures, _ = collect_from(profile)
    assert collector.localcli_reason is None
    build_facts(captures)
    (bad,) = [c for c in captures if c.kind == "ip.interface.ipv6"]
    # esxcli has no such command: the data does not exist on this release, nothing failed
    assert bad.status == "unavailable" and "older release" in plain(bad.note)


def test_a_hanging_command_is_killed_and_recorded():
    profile = copy.deepcopy(load_builtin("lan"))
    profile["faults"] = {"commands": [{"match": "vswitch dvs vmware list", "hang": True}]}
    t0 = time.monotonic()
    collector, captures, _ = collect_from(profile, timeout=0.3, speed=1)
    assert time.monotonic() - t0 < 5
    build_facts(captures)
    (dvs,) = [c for c in captures if c.kind == "vswitch.dvs.list"]
    # esxcli timed out, localcli was tried for that one command and timed out too
    assert dvs.via == "localcli" and "timed out" in dvs.fallback_from
    assert dvs.timed_out and dvs.status == "failed"
    # one hung namespace does not send every other command to localcli
    others = [c for c in captures if collect.kinds.is_esxcli(c.kind) and c is not dvs]
    assert others and all(c.via == "esxcli" and c.status == "parsed" for c in others)


def test_missing_sbmax_node_is_unavailable_not_an_error():
    _, captures, _ = collect_from(load_builtin("broken"))
    facts = build_facts(captures)
    (sb,) = [c for c in captures if c.kind == "vsish.sbmax"]
    assert sb.status == "unavailable" and facts["tuning"]["sbmax"] == {"defaultTcpipStack": None}


def test_vsish_absent_is_unavailable():
    profile = copy.deepcopy(load_builtin("lan"))
    profile["faults"] = {"commands": [{"match": "vsish", "missing": True}]}
    _, captures, _ = collect_from(profile)
    build_facts(captures)
    (sb,) = [c for c in captures if c.kind == "vsish.sbmax"]
    assert sb.status == "unavailable" and "vsish is not on this host" in plain(sb.note)


def test_odd_names_from_the_host_never_reach_a_command_line():
    rows = [{"name": "vmk1; reboot", "netstackinstance": "../../etc"},
            {"name": "vmk2", "netstackinstance": "vmotion"}]
    planned = collect.follow_ups("ip.interface.list", rows)
    assert ("ip.interface.tags", {"vmknic": "vmk2"}) in planned
    assert all("reboot" not in str(p) and "etc" not in str(p) for p in planned)


def test_not_on_esxi():
    class NoEsxcli(object):
        def which(self, program):
            return False

        def execute(self, argv, timeout):
            raise AssertionError("nothing may run")
    with pytest.raises(collect.NotOnEsxi):
        collect.Collector(Runner(NoEsxcli())).collect()
