"""The live path with real ICMP: real processes through LiveBackend, real replies, real frame drops.

Two veth links from a "host" namespace: vmk1 (MTU 9000, vmotion netstack) to a peer whose
interface runs MTU 1500 (jumbo frames are dropped on that link), and vmk2 (MTU 9000, default
netstack) to a peer at 9000. ``tests/live/vmkping`` stands in for ESXi's vmkping (see its
docstring). Only namespaces this test creates receive traffic. Skipped without root, ip or ping.
"""
from esxi_diag.render.messages import render
import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from esxi_diag.sources import prober
from esxi_diag.sources.runner import LiveBackend, Runner

PREFIX = "edt%d" % (os.getpid() % 100000)


def _ip(*args):
    subprocess.check_call(["ip"] + list(args), stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def netns():
    if os.geteuid() != 0 or not shutil.which("ip") or not shutil.which("ping"):
        pytest.skip("needs root, ip and ping (iputils)")
    host, jumbo_peer, peer = PREFIX + "h", PREFIX + "p1", PREFIX + "p2"
    try:
        for ns in (host, jumbo_peer, peer):
            _ip("netns", "add", ns)
        for n, (ns, mtu_peer) in enumerate(((jumbo_peer, 1500), (peer, 9000)), 1):
            a, b = "%sa%d" % (PREFIX, n), "%sb%d" % (PREFIX, n)
            _ip("link", "add", a, "type", "veth", "peer", "name", b)
            _ip("link", "set", a, "netns", host)
            _ip("link", "set", b, "netns", ns)
            _ip("-n", host, "link", "set", a, "mtu", "9000", "up")
            _ip("-n", ns, "link", "set", b, "mtu", str(mtu_peer), "up")
            _ip("-n", host, "addr", "add", "10.213.%d.1/24" % n, "dev", a)
            _ip("-n", ns, "addr", "add", "10.213.%d.2/24" % n, "dev", b)
    except (subprocess.CalledProcessError, OSError):
        for ns in (host, jumbo_peer, peer):
            subprocess.call(["ip", "netns", "del", ns], stderr=subprocess.DEVNULL)
        pytest.skip("network namespaces are not available here")
    yield host
    for ns in (host, jumbo_peer, peer):
        subprocess.call(["ip", "netns", "del", ns], stderr=subprocess.DEVNULL)


def pair(vmknic, netstack, target):
    return {"roles": ["hot"], "vmknic": vmknic, "netstack": netstack, "source_address": None,
            "mtu": 9000, "target": target, "label": None, "peer_mtu": None, "ipv6": False,
            "routing": {"kind": "on-link", "gateway": None, "interface": vmknic, "detail": ""},
            "probes": [], "error": None, "interrupted": False}


def test_real_probes_through_the_live_backend(netns, monkeypatch):
    monkeypatch.setenv("PATH", os.path.join(ROOT, "tests", "live") + os.pathsep +
                       os.environ.get("PATH", ""))
    monkeypatch.setenv("ESXI_DIAG_TEST_VMKNICS", "vmk1=%s:vmotion,vmk2=%s:defaultTcpipStack" % (
        netns, netns))
    pairs = [pair("vmk1", "vmotion", "10.213.1.2"),           # jumbo dropped on the link
             pair("vmk2", "defaultTcpipStack", "10.213.2.2"),  # clean 9000 path
             pair("vmk2", "defaultTcpipStack", "10.213.2.9")]  # nobody there
    runner = Runner(LiveBackend())
    interrupted = prober.Prober(runner, count=3, interval=0.2, parallel=8).run(pairs)
    assert not interrupted
    verdicts = [p["result"]["verdict"] for p in pairs]
    assert verdicts == ["path-mtu", "ok", "unreachable"], [p["result"] for p in pairs]
    assert "drops jumbo frames" in render(pairs[0]["result"]["detail"])
    assert pairs[1]["result"]["rtt_count"] == 3 and pairs[1]["result"]["df_ok"] is True
    # the -S flag reached the stand-in exactly for the vmknic on the vmotion netstack
    commands = [" ".join(r.argv) for r in runner.history]
    assert all(("-S vmotion" in c) == ("-I vmk1" in c) for c in commands)
    assert all(r.duration > 0 and r.exit_code is not None for r in runner.history)
