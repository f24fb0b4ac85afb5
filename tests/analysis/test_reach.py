"""Reachability: vmkping command lines, routing pre-flight, verdicts from probe records, peers."""

from esxi_diag.render.messages import render
import pytest

from esxi_diag import kinds
from esxi_diag.analysis import datapaths, reach, routing
from esxi_diag.sources import peers as peers_mod
from esxi_diag.analysis.model import new_facts, new_vmknic


# -- vmkping command lines --------------------------------------------------------------------

@pytest.mark.parametrize("netstack,expected", [
    ("defaultTcpipStack", ["vmkping", "-I", "vmk1", "-c", "3", "10.0.0.2"]),
    (None, ["vmkping", "-I", "vmk1", "-c", "3", "10.0.0.2"]),
    ("vmotion", ["vmkping", "-I", "vmk1", "-S", "vmotion", "-c", "3", "10.0.0.2"]),
    ("vSphereProvisioning", ["vmkping", "-I", "vmk1", "-S", "vSphereProvisioning", "-c", "3",
                             "10.0.0.2"]),
    ("custom_stack-1", ["vmkping", "-I", "vmk1", "-S", "custom_stack-1", "-c", "3", "10.0.0.2"]),
])
def test_netstack_flag_exactly_when_not_default(netstack, expected):
    assert kinds.vmkping_argv("vmk1", netstack, "10.0.0.2") == expected


def test_df_size_interval_wait_and_ipv6():
    argv = kinds.vmkping_argv("vmk2", "vmotion", "2001:db8::2", count=10, interval=0.2,
                                size=8952, df=True, wait=1, ipv6=True)
    assert argv == ["vmkping", "-6", "-I", "vmk2", "-S", "vmotion", "-c", "10", "-i", "0.2",
                    "-W", "1", "-d", "-s", "8952", "2001:db8::2"]
    # what the tool runs is what the transcript reader recognises
    kind, params = kinds.recognise(kinds.display(argv))
    assert kind == "ping" and params["netstack"] == "vmotion" and params["df"] is True


@pytest.mark.parametrize("vmk,stack", [("vmk1; reboot", None), ("vmk1", "bad stack"),
                                       ("vmk1", "../x"), ("eth0", None)])
def test_odd_names_never_reach_vmkping(vmk, stack):
    with pytest.raises(ValueError):
        kinds.vmkping_argv(vmk, stack, "10.0.0.2")


# -- routing pre-flight -----------------------------------------------------------------------

def _facts():
    f = new_facts()
    f["known"].update(["interfaces", "ipv4", "ipv6"])
    for name, stack, addr, gw in (("vmk0", "defaultTcpipStack", "10.0.0.11", "10.0.0.1"),
                                  ("vmk1", "vmotion", "10.1.0.11", None),
                                  ("vmk2", "vSphereProvisioning", "10.2.0.11", None),
                                  ("vmk3", "defaultTcpipStack", "10.3.0.11", "10.3.0.1")):
        v = new_vmknic(name)
        v.update(netstack=stack, ipv4_known=True, mtu=9000, enabled=True,
                 ipv4={"address": addr, "netmask": "255.255.255.0", "gateway": gw,
                       "gateway_known": True, "type": "STATIC"})
        f["vmknics"][name] = v
    f["routes"] = {
        "defaultTcpipStack": [{"network": "0.0.0.0", "netmask": "0.0.0.0",
                               "gateway": "10.0.0.1", "interface": "vmk0"}],
        "vmotion": [{"network": "0.0.0.0", "netmask": "0.0.0.0", "gateway": "10.1.0.1",
                     "interface": "vmk1"},
                    {"network": "10.9.0.0", "netmask": "255.255.0.0", "gateway": "10.1.0.254",
                     "interface": "vmk1"},
                    {"network": "10.9.9.0", "netmask": "255.255.255.0", "gateway": "10.1.0.253",
                     "interface": "vmk1"}],
        "vSphereProvisioning": [],
    }
    return f


@pytest.mark.parametrize("vmk,target,kind,gateway", [
    ("vmk1", "10.1.0.99", "on-link", None),
    ("vmk1", "10.9.9.5", "static-route", "10.1.0.253"),   # the most specific route wins
    ("vmk1", "10.9.1.5", "static-route", "10.1.0.254"),
    ("vmk1", "172.16.0.5", "netstack-gateway", "10.1.0.1"),
    ("vmk3", "172.16.0.5", "vmknic-gateway", "10.3.0.1"),
    ("vmk2", "172.16.0.5", "not-routable", None),
    ("vmk2", "10.2.0.7", "on-link", None),
    ("vmk1", "2001:db8::5", "not-routable", None),        # IPv6 peer, IPv4-only vmknic
    ("vmk9", "10.1.0.99", "not-routable", None),          # vanished vmknic
])
def test_preflight(vmk, target, kind, gateway):
    r = routing.preflight(_facts(), vmk, target)
    assert (r["kind"], r["gateway"]) == (kind, gateway), r["detail"]


def test_preflight_default_route_through_another_vmknic_says_so():
    f = _facts()
    f["vmknics"]["vmk3"]["ipv4"]["gateway"] = None
    r = routing.preflight(f, "vmk3", "172.16.0.5")
    assert r["kind"] == "netstack-gateway" and "through vmk0" in render(r["detail"])


def test_a_vmknic_is_not_said_missing_when_the_interface_list_was_not_read():
    f = _facts()
    f["known"].discard("interfaces")  # e.g. a bundle whose interface list failed its checksum
    r = routing.preflight(f, "vmk9", "10.1.0.99")
    assert r["kind"] == "unknown" and "does not exist" not in render(r["detail"])


def test_multi_nic_vmotion_gateway_is_on_link_for_every_vmknic_of_its_subnet():
    f = _facts()
    v = new_vmknic("vmk4")
    v.update(netstack="vmotion", ipv4_known=True, mtu=9000, enabled=True,
             ipv4={"address": "10.1.0.12", "netmask": "255.255.255.0", "gateway": None,
                   "gateway_known": True, "type": "STATIC"})
    f["vmknics"]["vmk4"] = v
    r = routing.preflight(f, "vmk4", "172.16.0.5")  # the default route names vmk1
    assert r["kind"] == "netstack-gateway" and r["interface"] == "vmk4"
    assert "own subnet" in render(r["detail"])


def test_static_route_behind_another_vmknic_leaves_through_it():
    f = _facts()
    f["routes"]["defaultTcpipStack"].append({"network": "10.50.0.0", "netmask": "255.255.0.0",
                                             "gateway": "10.0.0.254", "interface": "vmk0"})
    r = routing.preflight(f, "vmk3", "10.50.1.1")
    assert r["kind"] == "static-route" and r["interface"] == "vmk0"


def test_ipv6_preflight_reads_the_ipv6_route_table():
    f = _facts()
    v = f["vmknics"]["vmk1"]
    v.update(ipv6=[{"address": "fe80::1", "prefix_length": 64},
                   {"address": "2001:db8:1::11", "prefix_length": 64}], ipv6_known=True)
    assert routing.preflight(f, "vmk1", "2001:db8:1::12")["kind"] == "on-link"
    assert routing.preflight(f, "vmk1", "2001:db8:2::12")["kind"] == "unknown"  # not read
    f["routes6"]["vmotion"] = []
    assert routing.preflight(f, "vmk1", "2001:db8:2::12")["kind"] == "not-routable"
    f["routes6"]["vmotion"] = [{"network": "::", "prefix_length": 0, "gateway": "2001:db8:1::1",
                                "interface": "vmk1"}]
    r = routing.preflight(f, "vmk1", "2001:db8:2::12")
    assert (r["kind"], r["gateway"], r["interface"]) == ("netstack-gateway", "2001:db8:1::1",
                                                         "vmk1")
    # an IPv6-only vmknic cannot reach an IPv4 peer; a link-local address routes nothing
    v["ipv4"], v["ipv4_known"] = None, True
    assert routing.preflight(f, "vmk1", "10.1.0.5")["kind"] == "not-routable"
    v["ipv6"] = [{"address": "fe80::1", "prefix_length": 64}]
    assert "only link-local" in render(routing.preflight(f, "vmk1", "2001:db8:1::12")["detail"])


def test_preflight_without_route_table_is_unknown_not_a_failure():
    f = _facts()
    del f["routes"]["vSphereProvisioning"]
    assert routing.preflight(f, "vmk2", "172.16.0.5")["kind"] == "unknown"


# -- verdicts, judged from probe records alone ------------------------------------------------

def pair(mtu=9000, routing_kind="netstack-gateway", probes=(), ipv6=False, **extra):
    p = {"roles": ["hot"], "vmknic": "vmk1", "netstack": "vmotion", "source_address": "10.1.0.11",
         "mtu": mtu, "target": "10.9.0.2", "label": None, "peer_mtu": None, "ipv6": ipv6,
         "routing": {"kind": routing_kind, "gateway": None, "interface": None,
                     "detail": "test routing"},
         "probes": list(probes), "error": None, "interrupted": False}
    p.update(extra)
    return p


def probe(sent=10, received=10, avg=1.0, df=False, size=56, error=None, netstack="vmotion"):
    rtt = {"min": avg * 0.9, "avg": avg, "max": avg * 1.1} if received else None
    return {"source_vmknic": "vmk1", "netstack": netstack, "target": "10.9.0.2",
            "payload_bytes": size, "df": df, "sent": sent, "received": received,
            "loss_pct": round(100.0 * (sent - received) / sent, 1), "rtt_ms": rtt,
            "error": error, "command": "vmkping ..."}


FULL = [probe(df=True, size=8972, sent=3, received=3)]


@pytest.mark.parametrize("desc,p,verdict", [
    ("all good", pair(probes=[probe(avg=0.3)] + FULL), "ok"),
    ("not routable", pair(routing_kind="not-routable"), "not-routable"),
    ("no reply", pair(probes=[probe(received=0)]), "unreachable"),
    ("network unreachable", pair(probes=[probe(received=0, error="network-unreachable")]),
     "unreachable"),
    ("local MTU", pair(mtu=1500, probes=[probe(), probe(df=True, size=8972, sent=3, received=0,
                                                        error="message-too-long")]),
     "local-mtu"),
    ("jumbo dropped", pair(probes=[probe(), probe(df=True, size=8972, sent=3, received=0),
                                   probe(df=True, size=1472, sent=3, received=3)]), "path-mtu"),
    ("below 1500", pair(mtu=1500, probes=[probe(), probe(df=True, size=1472, sent=3,
                                                         received=0)]), "path-mtu"),
    ("loss", pair(probes=[probe(received=7)] + FULL), "loss"),
    ("beyond 150 ms", pair(probes=[probe(avg=182.0)] + FULL), "beyond-150ms"),
    ("vmkping error", pair(error="vmkping: simulated: interface vmk1 does not exist"),
     "vmkping-error"),
    ("wrong netstack", pair(probes=[probe(netstack="defaultTcpipStack", received=0)]),
     "wrong-netstack"),
    ("interrupted", pair(probes=[probe()], interrupted=True), "interrupted"),
    ("nothing run", pair(), "not-measured"),
])
def test_every_verdict(desc, p, verdict):
    assert reach.judge(p)["verdict"] == verdict, desc


def test_path_mtu_tells_jumbo_from_below_1500():
    jumbo = reach.judge(pair(probes=[probe(), probe(df=True, size=8972, sent=3, received=0),
                                     probe(df=True, size=1472, sent=3, received=3)]))
    below = reach.judge(pair(probes=[probe(), probe(df=True, size=8972, sent=3, received=0),
                                     probe(df=True, size=1472, sent=3, received=0)]))
    assert "drops jumbo frames" in render(jumbo["detail"]) and jumbo["jumbo_ok"] is True
    assert "below 1500" in render(below["detail"]) and below["jumbo_ok"] is False


def test_ipv6_overhead_is_48():
    r = reach.judge(pair(ipv6=True, probes=[probe(), probe(df=True, size=8952, sent=3,
                                                           received=3)]))
    assert r["df_payload"] == 8952 and r["df_ok"] is True


@pytest.mark.parametrize("avg,cls", [(0.3, "lan"), (4.0, "lan"), (4.01, "long-distance"),
                                     (80.0, "long-distance"), (150.0, "long-distance"),
                                     (150.1, "beyond-supported")])
def test_latency_classes(avg, cls):
    assert reach.judge(pair(probes=[probe(avg=avg)] + FULL))["latency_class"] == cls


def test_loss_detail_and_rtt_statistics_are_kept():
    r = reach.judge(pair(probes=[probe(sent=10, received=8, avg=80.0)] + FULL))
    assert r["loss_pct"] == 20.0 and r["rtt_count"] == 8 and r["rtt_ms"]["avg"] == 80.0


def test_summary_worst_hot_rtt_and_long_distance():
    a = pair(probes=[probe(avg=80.0)] + FULL)
    b = pair(probes=[probe(avg=95.0)] + FULL, roles=["cold"], target="10.9.0.3")
    for p in (a, b):
        reach.judge(p)
    s = reach.summarize([a, b])
    assert s["long_distance"] is True and s["worst_hot_rtt_ms"] == 80.0
    assert s["worst_rtt_ms"] == 95.0 and s["hot_ok"] is True and s["cold_ok"] is True


# -- peers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,address,role", [
    ("10.0.0.2", "10.0.0.2", None), ("10.0.0.2:hot", "10.0.0.2", "hot"),
    ("10.0.0.2:COLD", "10.0.0.2", "cold"), ("2001:db8::2", "2001:db8::2", None),
    ("[2001:db8::2]:hot", "2001:db8::2", "hot"), ("2001:DB8:0::c", "2001:db8::c", None),
])
def test_peer_arguments(text, address, role):
    p = peers_mod.parse_peer_arg(text)
    assert (p["address"], p["role"]) == (address, role)


@pytest.mark.parametrize("text", ["esx02.example.com", "10.0.0.256", "10.0.0.2:warm", "",
                                  "0.0.0.0", "127.0.0.1", "fe80::1%vmk1", "10.0.0.2; reboot"])
def test_bad_peer_arguments(text):
    with pytest.raises(peers_mod.PeerError):
        peers_mod.parse_peer_arg(text)


def test_peers_file_with_comments_labels_and_junk():
    text = ("# site B\n10.0.0.2 hot esx-b-01 vmk1\n\n  10.0.0.3  cold   # trailing comment\n"
            "junk line here\n10.0.0.4 both\n2001:db8::9\n10.0.0.999 hot\n")
    found, errors = peers_mod.parse_peers_file(text, "peers.txt")
    assert [(p["address"], p["role"], p["label"]) for p in found] == [
        ("10.0.0.2", "hot", "esx-b-01 vmk1"), ("10.0.0.3", "cold", None), ("10.0.0.4", None, None),
        ("2001:db8::9", None, None)]
    assert len(errors) == 2 and errors[0].startswith("peers.txt:5:") and \
        errors[1].startswith("peers.txt:8:")


def test_peer_report_gives_addresses_roles_and_mtus(cli):
    report = cli("inspect", "--simulate", "ldvm", "--json").json
    found = peers_mod.peers_from_report(report, "esx-dc1-07.json")
    assert [(p["address"], p["role"], p["mtu"]) for p in found] == [
        ("172.20.120.17", "hot", 9000), ("172.20.130.17", "cold", 9000)]
    assert found[0]["label"] == "esx-dc1-07 vmk1"


def test_peer_report_of_another_schema_is_refused():
    with pytest.raises(peers_mod.PeerError):
        peers_mod.peers_from_report({"schema": "esxi-diag/99"}, "x.json")


def test_pairs_follow_roles():
    f = _facts()
    f["vmknics"]["vmk0"]["tags"] = ["Management"]
    for v in ("vmk1", "vmk2", "vmk3"):
        f["vmknics"][v]["tags"] = []
    f["known"].add("interfaces")
    paths = datapaths.resolve(f)
    peers = [peers_mod.new_peer("10.9.0.2", "hot"), peers_mod.new_peer("10.9.0.3", "cold"),
             peers_mod.new_peer("10.9.0.4")]
    pairs, notes = reach.plan_pairs(f, paths, peers)
    assert [(p["vmknic"], p["target"], p["roles"]) for p in pairs] == [
        ("vmk1", "10.9.0.2", ["hot"]), ("vmk1", "10.9.0.4", ["hot"]),
        ("vmk2", "10.9.0.3", ["cold"]), ("vmk2", "10.9.0.4", ["cold"])]
    assert notes == []


# -- evidence: what vmkping really printed, through the real parser ---------------------------

def from_text(command, text, exit_code=None):
    """The probe record of a vmkping command line and its output, as a transcript makes it."""
    from esxi_diag import kinds
    from esxi_diag.kinds.ping import probe_record
    kind, params = kinds.recognise(command)
    return probe_record(params, kinds.parse(kind, text), command, exit_code)


SERIES = "vmkping -I vmk1 -S vmotion -c 3 10.9.0.2"
HEAD = "PING 10.9.0.2 (10.9.0.2): 56 data bytes\n"
REPLY = "64 bytes from 10.9.0.2: icmp_seq=%d ttl=64 time=0.4%d0 ms\n"
STATS = ("\n--- 10.9.0.2 ping statistics ---\n3 packets transmitted, 3 packets received, "
         "0% packet loss\nround-trip min/avg/max = 0.400/0.410/0.420 ms\n")


@pytest.mark.parametrize("desc,text,exit_code", [
    ("empty output", "", None),
    ("vmkping exited non-zero printing nothing", "", 1),
    ("only the PING header", HEAD, None),
    ("cut by hand", HEAD + REPLY % (0, 0) + "<<truncated>>\n", None),
    ("cut after two replies", HEAD + REPLY % (0, 0) + REPLY % (1, 1), None),
])
def test_no_statistics_is_never_a_pass(desc, text, exit_code):
    r = reach.judge(pair(mtu=None, probes=[from_text(SERIES, text, exit_code)]))
    assert r["verdict"] == "not-measured" and r["severity"] == "warn", desc
    if "cut" in desc:  # what was shown is kept: the round trip of the replies printed
        assert r["rtt_ms"]["avg"] > 0 and "cut after" in render(r["detail"])
    if exit_code:
        assert "printed nothing (exit status 1)" in render(r["detail"])


def test_every_requested_reply_shown_is_evidence_even_without_statistics():
    text = HEAD + "".join(REPLY % (i, i) for i in range(3))
    r = reach.judge(pair(mtu=None, probes=[from_text(SERIES, text)]))
    assert r["verdict"] == "ok" and r["rtt_count"] == 3
    full = HEAD + "".join(REPLY % (i, i) for i in range(3)) + STATS
    assert reach.judge(pair(mtu=None, probes=[from_text(SERIES, full)]))["verdict"] == "ok"


def test_a_pure_timeout_is_no_reply():
    from conftest import fixture_text
    session = fixture_text("hx-vmkping-timeout-session.txt")  # REAL (HyperFlex project issue)
    command, output = session.split("\n", 1)
    p = from_text(command.split("] ", 1)[1], output)
    assert (p["sent"], p["received"], p["complete"]) == (3, 0, True)
    r = reach.judge(pair(vmknic="vmk2", netstack="defaultTcpipStack", mtu=9000, probes=[p]))
    assert r["df_ok"] is False and r["verdict"] != "ok"


def test_vmkernel_stack_not_configured_is_its_own_verdict():
    from conftest import fixture_text
    session = fixture_text("hx-vmkping-stack-not-configured-session.txt")  # REAL
    command, output = session.split("\n", 1)
    p = from_text(command.split("] ", 1)[1], output)
    assert p["error"] == "stack-not-configured"
    # the pasted command used -S vmotion, but the facts say vmk2 is on the default netstack
    r = reach.judge(pair(vmknic="vmk2", netstack="defaultTcpipStack", probes=[p]))
    assert r["verdict"] == "stack-not-configured" and r["severity"] == "fail"
    assert "use -S defaultTcpipStack" in render(r["detail"])
    # same netstack as the facts: the configuration changed since it was read
    r = reach.judge(pair(vmknic="vmk2", netstack="vmotion", probes=[p]))
    assert r["verdict"] == "stack-not-configured" and "changed since" in render(r["detail"])


def test_only_dont_fragment_probes_still_give_their_round_trip():
    r = reach.judge(pair(probes=[probe(df=True, size=8972, sent=3, received=3, avg=42.0)]))
    assert r["rtt_ms"]["avg"] == 42.0 and r["latency_class"] == "long-distance"
    assert r["verdict"] == "ok" and r["df_ok"] is True
