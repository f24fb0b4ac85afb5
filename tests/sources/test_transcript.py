"""Transcripts: prompts, recognition, encodings, and the facts of real captures."""
import subprocess
import sys
import time

import pytest

from conftest import ROOT, fixture_path
from esxi_diag import kinds
from esxi_diag.sources import transcript
from esxi_diag.analysis.facts import build_facts
from esxi_diag.analysis.pipeline import analyse
from esxi_diag.message import plain


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
    assert kinds.recognise(line) == expected


@pytest.mark.parametrize("line", ["ls -l", "esxcli network ip dns server list", "vsish -e ls /",
                                  "esxcli --formatter=csv network nic list", "vmkping", "'"])
def test_unrecognised_command_lines(line):
    assert kinds.recognise(line) is None


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
    # unknown tags: no data path is guessed, nothing fails, and it is not "OK" either
    assert r["data_paths"]["hot"]["basis"] == "unknown"
    warnings = sorted(f["id"] for f in r["findings"] if f["severity"] == "warn")
    assert r["summary"]["fail"] == 0 and warnings == ["COLD-UNKNOWN", "HOT-UNKNOWN"]
    assert r["summary"]["exit_status"] == 1


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
    assert captures[0].kind == "esxcfg.defaultgw" and "UTF-16" in plain(notes[0])
    captures, _, _, notes = transcript.read(text.encode("utf-8") + b"# caf\xe9\n")
    assert captures and "Latin-1" in plain(notes[0])


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


# -- issue 10: sessions as customers paste them ------------------------------------------------

def analyze_file(cli, name):
    return cli("analyze", "--transcript", fixture_path(name), "--json")


def test_echoed_command_is_not_an_interface_and_costs_nothing(cli):
    r = analyze_file(cli, "synthetic-transcript-echo.txt")
    report = r.json
    assert [v["name"] for v in report["vmknics"]] == ["vmk0"]
    assert all(c["status"] == "parsed" and c["note"] is None for c in report["commands"])
    assert report["notes"] == []


def test_edited_output_costs_the_line_or_record_and_is_said(cli):
    report = analyze_file(cli, "synthetic-transcript-edited.txt").json
    vmks = dict((v["name"], v) for v in report["vmknics"])
    assert vmks["vmk0"]["mac"] == "00:0c:29:2c:54:17"  # ->value<- highlight removed
    assert vmks["vmk1"]["ipv4"]["address"] == "172.20.120.21"  # a pushed row read from tokens
    nics = dict((n["name"], n) for n in report["nics"])
    assert nics["vmnic1"]["speed_mbps"] == 10000 and nics["vmnic1"]["description"] is None
    notes = dict((c["command"], c["note"]) for c in report["commands"])
    assert notes["esxcli network ip interface list"].startswith("partial: ")
    assert "'<<truncated>>'" in notes["esxcli network ip interface list"]
    assert "Share this post" in notes["esxcli network nic list"]
    assert notes["esxcli network ip route ipv4 list -N vmotion"] is None
    assert any("was edited or cut" in n and "esxcli network ip route ipv4 list'" in n
               for n in report["notes"])
    # the cut default table: its routes are shown as partial, and routing does not conclude
    # from what is missing
    assert sorted((r["netstack"], r["partial"]) for r in report["routes"]
                  if r["network"] == "0.0.0.0") == [("defaultTcpipStack", True),
                                                     ("vmotion", False)]


def test_what_is_cut_is_unknown_not_absent():
    data = (b"[root@h:~] esxcli network ip interface ipv4 get\n"
            b"Name  IPv4 Address  IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway  DHCP DNS\n"
            b"----  ------------  -------------  --------------  ------------  -------  --------\n"
            b"vmk0  10.0.0.5      255.255.255.0  10.0.0.255      STATIC        0.0.0.0     false\n"
            b"vmk1  10.0.1...\n"
            b"[root@h:~] esxcli network ip interface list\nvmk0\n   Name: vmk0\n   MTU: 1500\n"
            b"...\n")
    captures, _, hints, notes = transcript.read(data)
    r = analyse(captures, {"type": "transcript", "name": "t"}, hints=hints)
    vmks = dict((v["name"], v) for v in r["vmknics"])
    assert vmks["vmk0"]["ipv4"]["address"] == "10.0.0.5"
    assert "vmk1" not in vmks  # its row was cut: unknown, never "no IPv4"
    facts = build_facts(captures)
    assert "ipv4" not in facts["known"] and "interfaces" not in facts["known"]


def test_whitespace_collapsed_tables_read_when_unambiguous(cli):
    report = analyze_file(cli, "synthetic-transcript-collapsed-67.txt").json
    assert [p["name"] for p in report["portgroups"]] == ["Management"]  # the others: ambiguous
    assert report["nics"][0]["description"] == \
        "Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection"
    report = analyze_file(cli, "synthetic-transcript-collapsed-703.txt").json
    local = [r for r in report["routes"] if r["network"] == "172.26.64.0"]
    assert local and all(r["gateway"] is None for r in local)  # "Local Subnet" is two words
    (vmk0,) = report["vmknics"]
    assert vmk0["portgroup"] == "Management Network" and vmk0["ipv6"][0]["prefix_length"] == 64


def test_collapsed_row_never_shifts_values_into_other_fields():
    # a port group name and a switch name that could each take the middle word: unknown
    rows = kinds.parse("vswitch.portgroup.list",
                         "Name Virtual Switch Active Clients VLAN ID\n---- -------------- "
                         "-------------- -------\nVM network vSwitchLAN 1 0\n")
    assert list(rows) == [] and rows.cut


def test_prompts_as_pasted_every_command_read_or_listed(cli):
    report = analyze_file(cli, "synthetic-transcript-prompts.txt").json
    commands = [c["command"] for c in report["commands"]]
    assert commands == [
        "esxcli system hostname get", "esxcfg-vmknic -l",
        "esxcli  network  ip  interface  ipv4  get",
        "esxcli network ip route ipv4 list -N vmotion",
        "esxcli network ip interface ipv4 address list",  # wrapped by the terminal: joined
        "esxcli network ip interface tag get -i vmk1",  # continued with a backslash
        "esxcli system hostname get"]
    assert report["unrecognised"] == ["cat /etc/rc.local.d/local.sh",
                                      "esxcli system hostname set --host=omega-2"]
    assert report["host"]["hostname"] == "omega-2"  # renamed, not a second host
    assert any("hostname changed from omega-1 to omega-2" in n for n in report["notes"])
    assert "\x1b" not in r_text(cli, "synthetic-transcript-prompts.txt")


def r_text(cli, name):
    return cli("analyze", "--transcript", fixture_path(name)).out


def test_another_prompt_style_mid_session_is_not_output():
    data = (b"[root@h:~] esxcli network nic list\n"
            b"Name    PCI Device    Driver  Admin Status  Link Status  Speed  Duplex  MAC Address"
            b"         MTU  Description\n"
            b"------  ------------  ------  ------------  -----------  -----  ------  ----------"
            b"-------  ----  -----------\n"
            b"vmnic0  0000:81:00.0  ixgben  Up            Up           10000  Full    "
            b"7c:d3:0a:00:00:01  1500  Intel\n"
            b"~ # esxcfg-nics -l\n"
            b"Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    "
            b"Description\n"
            b"vmnic1  0000:81:00.1 ixgben      Up   10000Mbps  Full   00:1b:21:0a:00:02 9000   X\n")
    captures, unrecognised, _, _ = transcript.read(data)
    assert [c.kind for c in captures] == ["nic.list", "esxcfg.nics"] and not unrecognised
    assert len(kinds.parse("nic.list", captures[0].stdout)) == 1  # no fake rows


def test_two_hosts_pasted_together_give_one_report_each(cli):
    r = analyze_file(cli, "synthetic-transcript-two-hosts.txt")
    reports = r.json
    assert [x["source"]["name"].rsplit("/", 1)[-1] for x in reports] == [
        "synthetic-transcript-two-hosts.txt (host esx01)",
        "synthetic-transcript-two-hosts.txt (host esx02)"]
    assert [x["vmknics"][0]["mtu"] for x in reports] == [1500, 9000]
    text = cli("analyze", "--transcript", fixture_path("synthetic-transcript-two-hosts.txt")).out
    text = text.replace("\n  ", " ")  # the Source line wraps where the path makes it
    assert "(host esx01)" in text and "(host esx02)" in text


def test_repeated_command_later_wins_with_a_note_and_both_stay_visible(cli):
    report = analyze_file(cli, "synthetic-transcript-repeated.txt").json
    assert report["vmknics"][0]["mtu"] == 9000
    runs = [c for c in report["commands"] if c["command"] == "esxcli network ip interface list"]
    assert len(runs) == 2 and runs[0]["note"].startswith("not used") and runs[1]["note"] is None
    (note,) = [n for n in report["notes"] if "pasted 2 times" in n]
    assert "vmk1 mtu: 1500, then 9000" in note
    assert not any("esxcfg-route" in n for n in report["notes"])  # same output twice: no note


def test_what_a_repeated_command_changed_is_said_in_the_reports_language(cli):
    """The names of what changed ("host name", "routes of vmotion") are words of the catalogs:
    a Japanese report says them in Japanese; the facts' own names (vmk1 mtu) stay as they are."""
    from esxi_diag import render
    report = analyze_file(cli, "synthetic-transcript-prompts.txt").json
    japanese = "".join(render.output(report, "text", "analyze", "ja").split())  # unwrapped
    assert "ホスト名：omega-1からomega-2に変化" in japanese
    assert "hostfqdn" not in japanese and "hosthostname" not in japanese
    report = analyze_file(cli, "synthetic-transcript-repeated.txt").json
    assert "vmk1mtu：1500から9000に変化" in "".join(
        render.output(report, "text", "analyze", "ja").split())


def test_repeated_command_whose_later_output_is_garbage_keeps_the_earlier():
    data = (b"[root@h:~] esxcfg-route\nVMkernel default gateway is 10.0.0.1\n"
            b"[root@h:~] esxcfg-route\nSegmentation fault\n")
    captures, _, hints, notes = transcript.read(data)
    r = analyse(captures, {"type": "transcript", "name": "t"}, meta={"notes": notes})
    assert r["default_gateway"] == "10.0.0.1"
    assert any("could not be read" in n for n in r["notes"])


def test_no_command_it_reads_is_one_line_naming_what_it_saw(cli, tmp_path):
    path = tmp_path / "changes.txt"  # the two commands that change the firewall, as pasted
    path.write_bytes(b"    [root@hp:~] esxcli network firewall ruleset set -e true -r gdbserver\n"
                     b"    [root@hp:~] esxcli network firewall ruleset set -e false -r dns\n")
    r = cli("analyze", "--transcript", str(path))
    assert r.code == 3 and r.out == "" and len(r.err.strip().splitlines()) == 1
    assert "esxcli network firewall ruleset set -e true -r gdbserver" in r.err


def test_a_host_of_a_transcript_with_nothing_read_is_said_and_the_other_reported(cli, tmp_path):
    path = tmp_path / "two.txt"
    path.write_bytes(b"[root@a:~] ls\nx\n[root@b:~] esxcfg-route\n"
                     b"VMkernel default gateway is 10.0.0.1\n")
    r = cli("analyze", "--transcript", str(path), "--json")
    assert r.code == 3 and r.json["default_gateway"] == "10.0.0.1"
    assert "two.txt (host a): none of its 1 command(s)" in r.err


# -- issue 10.5: command forms from 5.5 to 9.0 -------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("esxcli network ip interface ipv4 address list", ("ip.interface.ipv4.address", {})),
    ("esxcfg-vswitch -l", ("esxcfg.vswitch", {})),
    ("/sbin/esxcfg-vswitch --list", ("esxcfg.vswitch", {})),
])
def test_new_command_forms_are_recognised(line, expected):
    assert kinds.recognise(line) == expected


def test_ipv4_address_list_zero_gateway_is_none_and_missing_gateway_column_is_unknown(cli):
    report = analyze_file(cli, "hp-ipv4-address-list-session.txt").json
    vmk0, vmk1 = report["vmknics"]
    assert vmk0["ipv4"]["gateway"] == "192.168.1.1"
    assert vmk1["ipv4"]["gateway"] is None and vmk1["ipv4"]["gateway_known"] is True
    report = analyze_file(cli, "synthetic-ipv4-get-no-gateway-60.txt").json
    assert all(v["ipv4"]["gateway"] is None and v["ipv4"]["gateway_known"] is False
               for v in report["vmknics"])


def test_port_group_column_holds_dvport_or_opaque_network(cli):
    report = analyze_file(cli, "synthetic-esxcfg-vmknic-l-dvport-nsx.txt").json
    vmks = dict((v["name"], v) for v in report["vmknics"])
    assert vmks["vmk0"]["portgroup"] == "Management Network" and vmks["vmk0"]["dvport"] is None
    assert vmks["vmk1"]["portgroup"] is None and vmks["vmk1"]["dvport"] == "12"
    assert vmks["vmk10"]["portgroup"] is None
    assert vmks["vmk10"]["opaque_network"] == "8a6f1c2e-3b4d-4e5f-9a0b-1c2d3e4f5a6b"


def test_esxcfg_vswitch_gives_switches_port_groups_and_dvports(cli):
    report = analyze_file(cli, "synthetic-unverified-esxcfg-vswitch-l.txt").json
    switches = dict((s["name"], s) for s in report["vswitches"])
    assert switches["vSwitch0"]["portgroups"] == ["VM Network", "Management Network"]
    assert switches["DSwitch-WAN"]["type"] == "distributed"
    assert switches["DSwitch-WAN"]["uplinks"] == ["vmnic4", "vmnic5"]
    vlans = dict((p["name"], p["vlan_id"]) for p in report["portgroups"])
    assert vlans == {"Management Network": 110, "VM Network": 0, "vMotion-A": 120}
    vmk2 = [v for v in report["vmknics"] if v["name"] == "vmk2"][0]
    assert (vmk2["vds_name"], vmk2["dvport"], vmk2["portgroup"]) == ("DSwitch-WAN", "12", None)


def test_esxcfg_vswitch_port_groups_never_go_to_the_switch_before_an_unreadable_one():
    text = ("Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n"
            "vSwitch0         5632        5           128               1500    vmnic0\n\n"
            "  PortGroup Name                            VLAN ID  Used Ports  Uplinks\n"
            "  A                                         10       0           vmnic0\n\n"
            "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n"
            "<<truncated>>\n\n"
            "  PortGroup Name                            VLAN ID  Used Ports  Uplinks\n"
            "  B                                         20       0           vmnic1\n")
    rows = kinds.parse("esxcfg.vswitch", text)
    assert [(r.get("portgroupname"), r.get("switch")) for r in rows if r["section"] ==
            "portgroup"] == [("A", "vSwitch0"), ("B", None)]
    assert rows.cut


# -- issue 9: bounded memory and time, merged sessions ------------------------------------------

def test_huge_command_line_is_linear_and_listed_not_read():
    data = b"[root@h:~] esxcli " + b"a" * (2 * 1024 * 1024) + b"\n[root@h:~] esxcfg-route\n" \
        b"VMkernel default gateway is 10.0.0.1\n"
    started = time.time()
    captures, unrecognised, _, _ = transcript.read(data)
    assert time.time() - started < 3
    assert [c.kind for c in captures] == ["esxcfg.defaultgw"]
    assert len(unrecognised) == 1 and "too long to be a command line" in unrecognised[0]
    assert len(unrecognised[0]) < 300


def test_huge_output_line_is_linear(cli, tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(b"[root@h:~] esxcli network ip interface list\n" + b"x: " * 700000 +
                     b"\n[root@h:~] esxcli network nic list\n" + b"- " * 1000000 + b"\n")
    started = time.time()
    r = cli("analyze", "--transcript", str(path), "--json")
    assert time.time() - started < 10 and "internal error" not in r.err


def test_command_count_is_capped_and_said():
    data = b"[root@h:~] esxcfg-route\nVMkernel default gateway is 10.0.0.1\n" + \
        b"[root@h:~] ls\n" * (transcript.MAX_COMMANDS + 10)
    captures, unrecognised, _, notes = transcript.read(data)
    assert len(captures) + len(unrecognised) == transcript.MAX_COMMANDS
    assert any("only the first %d" % transcript.MAX_COMMANDS in plain(n) for n in notes)


def test_prompt_lines_are_walked_without_a_list_per_line():
    """63 MiB of prompts in a modest multiple of the input (was 1.6 GB with '# ' prompts)."""
    code = ("import resource, sys; sys.path.insert(0, %r)\n"
            "from esxi_diag.sources import transcript\n"
            "data = b'# \\n' * (63 * 1024 * 1024 // 3) + b'# esxcfg-route\\nVMkernel default "
            "gateway is 10.0.0.1\\n'\n"
            "try:\n    transcript.read(data)\nexcept transcript.TranscriptError:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n" % ROOT)
    out = subprocess.check_output([sys.executable, "-c", code])
    assert int(out.strip()) < 400  # MiB: the input bytes, the text, and little else


def test_esxcfg_vswitch_row_without_its_header_is_not_a_port_group():
    text = ("Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n"
            "vSwitch0         5632        5           128               1500    vmnic0\n\n"
            "  PortGroup Name                            VLAN ID  Used Ports  Uplinks\n"
            "  A                                         10       0           vmnic0\n\n"
            "vSwitch1         5632        3           128               9000    vmnic2\n\n"
            "  PortGroup Name                            VLAN ID  Used Ports  Uplinks\n"
            "  B                                         20       0           vmnic2\n")
    rows = kinds.parse("esxcfg.vswitch", text)
    assert [(r.get("portgroupname"), r.get("switch")) for r in rows] == [
        (None, None), ("A", "vSwitch0"), ("B", None)]
    assert rows.cut


def test_a_host_that_comes_back_later_in_the_paste_is_one_report():
    data = (b"[root@esx01:~] esxcfg-route\nVMkernel default gateway is 10.0.0.1\n"
            b"[root@esx02:~] esxcfg-route\nVMkernel default gateway is 10.0.0.2\n"
            b"[root@esx01:~] esxcfg-route -l\nVMkernel Routes:\nNetwork          Netmask"
            b"          Gateway          Interface\ndefault          0.0.0.0          10.0.0.1"
            b"         vmk0\n")
    sessions = transcript.read_sessions(data, "s.txt")
    assert [(s.name, [c.command for c in s.captures]) for s in sessions] == [
        ("s.txt (host esx01)", ["esxcfg-route", "esxcfg-route -l"]),
        ("s.txt (host esx02)", ["esxcfg-route"])]


def test_one_output_is_read_up_to_its_limit_and_said(monkeypatch):
    monkeypatch.setattr(transcript, "MAX_OUTPUT_CHARS", 4096)
    rows = b"".join(b"vmk%-3d 10.0.%d.5  255.255.255.0  10.0.%d.255  STATIC  0.0.0.0  false\n"
                    % (i, i, i) for i in range(200))
    data = (b"[root@h:~] esxcli network ip interface ipv4 get\n"
            b"Name   IPv4 Address  IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway  DHCP DNS\n"
            b"-----  ------------  -------------  --------------  ------------  -------  --------\n"
            + rows)
    captures, _, _, _ = transcript.read(data)
    facts = build_facts(captures)
    assert 0 < len(facts["vmknics"]) < 200 and "ipv4" not in facts["known"]
    assert "longer than" in plain(captures[0].note)


def test_a_cut_interface_list_never_concludes_that_no_vmotion_port_exists(cli, tmp_path):
    """What is cut is unknown, not absent: vmk1 (on the vmotion netstack) was cut out of the
    pasted list, so neither 'no vMotion port' nor the tag rule may be concluded."""
    from esxi_diag.simulator.host import SimHost, load_builtin
    sim = SimHost(load_builtin("ldvm"))
    session = sim.transcript([["esxcli", "network", "ip", "interface", "list"],
                              ["esxcli", "network", "ip", "interface", "tag", "get", "-i",
                               "vmk0"]])
    start = session.index("\nvmk1\n")
    end = session.index("\n[root@", start)
    path = tmp_path / "cut.txt"
    path.write_text(session[:start] + "\n<<truncated>>\n" + session[end:])
    r = cli("analyze", "--transcript", str(path), "--json")
    hot = r.json["data_paths"]["hot"]
    assert hot["basis"] == "unknown" and "incomplete" in hot["reason"]
    ids = [f["id"] for f in r.json["findings"]]
    assert "HOT-NONE" not in ids and "HOT-UNKNOWN" in ids and r.code == 1
