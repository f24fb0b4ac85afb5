"""Transcripts: prompts, recognition, encodings, and the facts of real captures."""
import pytest

from conftest import fixture_path
from esxi_diag import catalog, transcript
from esxi_diag.report import analyse


def read_file(name):
    with open(fixture_path(name), "rb") as handle:
        return transcript.read(handle.read(), name)


def report_of(name):
    captures, unrecognised, hints, notes = read_file(name)
    return analyse(captures, {"type": "transcript", "name": name},
                   hints=hints, meta={"unrecognised": unrecognised, "notes": notes})


@pytest.mark.parametrize("line,expected", [
    ("esxcli network ip interface list", ("ip.interface.list", {})),
    ("esxcli --formatter=xml network ip interface list", ("ip.interface.list", {})),
    ("esxcli network ip interface tag get -i vmk1",
     ("ip.interface.tags", {"vmknic": "vmk1"})),
    ("esxcli network ip interface tag get --interface-name=vmk2",
     ("ip.interface.tags", {"vmknic": "vmk2"})),
    ("esxcli network ip route ipv4 list -N vmotion", ("ip.route.ipv4", {"netstack": "vmotion"})),
    ("localcli network nic list", ("nic.list", {})),
    ("esxcli system settings advanced list -o /Migrate/NetExpectedLineRateMBps",
     ("advanced.option", {"option": "/Migrate/NetExpectedLineRateMBps"})),
    ("vsish -e get /net/tcpip/instances/vmotion/sbMax",
     ("vsish.sbmax", {"netstack": "vmotion"})),
    ("vsish -pe get /config/Migrate/intOpts/NetExpectedLineRateMBps",
     ("vsish.config", {"option": "/Migrate/NetExpectedLineRateMBps"})),
    ("esxcfg-vmknic -l", ("esxcfg.vmknic", {})),
    ("esxcfg-route -l -N vmotion", ("esxcfg.route", {"netstack": "vmotion"})),
    ("esxcfg-route", ("esxcfg.defaultgw", {})),
    ("esxcfg-nics -l", ("esxcfg.nics", {})),
    ("vmware -vl", ("vmware.version", {})),
    ("vmkping -I vmk1 10.0.0.2", ("ping", {"vmknic": "vmk1", "target": "10.0.0.2"})),
    ("vmkping 10.0.0.2 -I vmk2 -S vmotion -d -s 8972 -c 5",
     ("ping", {"vmknic": "vmk2", "target": "10.0.0.2", "netstack": "vmotion", "df": True,
               "size": "8972", "count": "5"})),
    ("vmkping ++netstack=vmotion -I vmk2 -ds 1472 10.0.0.2",
     ("ping", {"vmknic": "vmk2", "target": "10.0.0.2", "netstack": "vmotion", "df": True,
               "size": "1472"})),
    ("ping -I vmk0 192.168.1.1", ("ping", {"vmknic": "vmk0", "target": "192.168.1.1"})),
    ("esxcli network diag ping -H 10.0.0.2 -I vmk1 --netstack=vmotion -s 8972 -d",
     ("diag.ping", {"target": "10.0.0.2", "vmknic": "vmk1", "netstack": "vmotion",
                    "size": "8972", "df": True})),
])
def test_recognised_command_lines(line, expected):
    assert catalog.recognise(line) == expected


@pytest.mark.parametrize("line", ["ls -l", "esxcli network ip dns server list", "vsish -e ls /",
                                  "esxcli --formatter=csv network nic list", "vmkping", "'"])
def test_unrecognised_command_lines(line):
    assert catalog.recognise(line) is None


def test_real_67_session_extracts_its_facts():
    r = report_of("esxi67-blog-session.txt")
    (vmk0,) = r["vmknics"]
    assert vmk0["netstack"] == "defaultTcpipStack" and vmk0["mtu"] == 1500
    assert vmk0["ipv4"] == {"address": "192.168.1.11", "netmask": "255.255.255.0",
                            "gateway": "192.168.1.1", "gateway_known": True, "type": "STATIC"}
    assert vmk0["tags"] is None  # the session has no tag get: unknown, not "none"
    assert [n["speed_mbps"] for n in r["nics"]] == [10000, 0, 1000]
    assert r["vswitches"][0]["uplinks"] == ["vmnic2"]
    assert [p["vlan_id"] for p in r["portgroups"]] == [0, 0, 98]
    assert r["netstacks"] == ["defaultTcpipStack"]
    (probe,) = r["probes"]
    assert probe["source_vmknic"] == "vmk0" and probe["netstack"] == "defaultTcpipStack"
    assert probe["rtt_ms"]["avg"] == 0.494 and probe["loss_pct"] == 0.0
    # unknown tags: no data path is guessed and nothing fails
    assert r["data_paths"]["hot"]["basis"] == "unknown"
    assert r["summary"]["fail"] == 0 and r["summary"]["warn"] == 0


def test_real_703_session_extracts_routes_and_probe():
    r = report_of("esxi703-vendor-readme-session.txt")
    assert r["host"]["hostname"] == "esxi"  # from the prompt
    default = [x for x in r["routes"] if x["network"] == "0.0.0.0"]
    assert default and default[0]["gateway"] == "172.26.64.1"
    local = [x for x in r["routes"] if x["network"] == "172.26.64.0"]
    assert local[0]["gateway"] is None  # 0.0.0.0 and Local Subnet are on-link
    assert r["default_gateway"] == "172.26.64.1"
    assert r["probes"][0]["sent"] == 3 and r["probes"][0]["target"] == "172.26.64.1"


def test_esxcfg_vmknic_alone_gives_interfaces_and_addresses():
    data = b"[root@esxi:~] esxcfg-vmknic -l\n" + open(fixture_path(
        "esxi703-esxcfg-vmknic-l.txt"), "rb").read()
    captures, _, _, _ = transcript.read(data)
    r = analyse(captures, {"type": "transcript", "name": "t"})
    (vmk0,) = r["vmknics"]
    assert vmk0["ipv4"]["address"] == "172.26.64.10" and vmk0["mtu"] == 1500
    assert vmk0["ipv6"][0]["address"] == "fe80::8ae9:a4ff:fe6b:b854"
    assert vmk0["portgroup"] == "Management Network"


def test_crlf_session_with_tilde_prompts_and_unrecognised_commands():
    captures, unrecognised, hints, notes = read_file("synthetic-transcript-crlf-mixed.txt")
    assert unrecognised == ["ls /vmfs/volumes"]
    r = analyse(captures, {"type": "transcript", "name": "t"}, hints=hints)
    assert r["host"]["hostname"] == "esx-dr-02"  # hostname get wins (the prompt has none)
    assert r["vmknics"][0]["netstack"] == "vmotion"
    (probe,) = r["probes"]
    assert probe["error"] == "message-too-long" and probe["df"] and probe["payload_bytes"] == 8972
    assert probe["netstack"] == "vmotion"
    assert r["data_paths"]["hot"]["vmknics"] == ["vmk2"]


def test_hostname_get_wins_over_prompt():
    text = (b"[root@prompt-name:~] esxcli system hostname get\n   Domain Name: x\n"
            b"   Fully Qualified Domain Name: real-name.x\n   Host Name: real-name\n")
    captures, _, hints, _ = transcript.read(text)
    assert hints["hostname"] == "prompt-name"
    r = analyse(captures, {"type": "transcript", "name": "t"}, hints=hints)
    assert r["host"]["hostname"] == "real-name"


@pytest.mark.parametrize("data,message", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02binary\x00", "binary"),
    (b"no prompts here\njust text\n", "no command lines"),
])
def test_unreadable_transcripts(data, message):
    with pytest.raises(transcript.TranscriptError) as exc:
        transcript.read(data)
    assert message in str(exc.value)


def test_utf16_and_latin1_transcripts():
    text = u"[root@h:~] esxcfg-route\nVMkernel default gateway is 10.0.0.1\n"
    captures, _, _, notes = transcript.read(text.encode("utf-16"))
    assert captures[0].kind == "esxcfg.defaultgw" and "UTF-16" in notes[0]
    captures, _, _, notes = transcript.read(text.encode("utf-8") + b"# caf\xe9\n")
    assert captures and "Latin-1" in notes[0]


def test_garbage_output_of_a_recognised_command_is_unparsed_not_fatal():
    data = b"~ # esxcli network ip interface list\nSegmentation fault\n~ # esxcfg-route\n" \
           b"VMkernel default gateway is 10.0.0.1\n"
    captures, _, _, _ = transcript.read(data)
    r = analyse(captures, {"type": "transcript", "name": "t"})
    statuses = dict((c["kind"], c["status"]) for c in r["commands"])
    assert statuses == {"ip.interface.list": "unparsed", "esxcfg.defaultgw": "parsed"}
    assert r["default_gateway"] == "10.0.0.1"


def test_hash_lines_in_output_are_not_prompts_in_a_bracket_session():
    data = (b"[root@esx1:~] cat /etc/rc.local.d/local.sh\n#!/bin/sh\n# local configuration options\n"
            b"exit 0\n[root@esx1:~] esxcfg-route\nVMkernel default gateway is 10.0.0.1\n")
    captures, unrecognised, hints, _ = transcript.read(data)
    assert unrecognised == ["cat /etc/rc.local.d/local.sh"]
    assert [c.kind for c in captures] == ["esxcfg.defaultgw"]
