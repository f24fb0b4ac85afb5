"""Parsers: real captures read right, unknown fields ignored, missing fields tolerated, garbage
turned into ParseError (never another exception)."""
import pytest

from conftest import fixture_text
from esxi_diag import kinds
from esxi_diag.parsers import ParseError, esxcfg, human, ping, vsish
from esxi_diag.parsers import xml as xmlparse
from esxi_diag.message import plain


# -- default formatter: tables ----------------------------------------------------------------

def test_nic_list_table_keeps_spaces_inside_values():
    rows = human.parse_table(fixture_text("esxi67-nic-list.txt"))
    assert [r["name"] for r in rows] == ["vmnic0", "vmnic1", "vmnic2"]
    assert rows[0]["speed"] == "10000" and rows[1]["linkstatus"] == "Down"
    assert rows[2]["description"] == "Intel Corporation Ethernet Server Adapter I350-T2"
    assert rows[0]["macaddress"] == "7c:d3:0a:00:00:00"


def test_portgroup_table_reads_names_with_spaces_and_right_aligned_vlan():
    rows = human.parse_table(fixture_text("esxi67-portgroup-list.txt"))
    assert rows[2] == {"name": "WAN network", "virtualswitch": "vSwitch0", "activeclients": "1",
                       "vlanid": "98"}


def test_ipv4_get_reads_gateway_and_right_aligned_boolean():
    (row,) = human.parse_table(fixture_text("esxi67-ipv4-get.txt"))
    assert row["ipv4address"] == "192.168.1.11" and row["gateway"] == "192.168.1.1"
    assert row["dhcpdns"] == "false" and row["addresstype"] == "STATIC"


def test_route_table_703():
    rows = human.parse_table(fixture_text("esxi703-route-ipv4-list.txt"))
    assert rows[0]["network"] == "default" and rows[0]["gateway"] == "172.26.64.1"
    assert rows[1]["netmask"] == "255.255.255.192" and rows[1]["source"] == "MANUAL"


def test_table_without_dash_line_is_unparsed():
    with pytest.raises(ParseError):
        human.parse_table("Name  MTU\nvmk0  1500\n")


def test_esxcli_error_text_is_not_a_table():
    with pytest.raises(ParseError) as exc:
        human.parse_table("Error: Unknown command or namespace network ip dns server get\n")
    assert "Unknown command" in str(exc.value)


# -- default formatter: stanzas ---------------------------------------------------------------

def test_interface_list_stanza_splits_on_first_colon_space_only():
    ((name, fields),) = human.parse_stanzas(fixture_text("esxi67-interface-list.txt"))
    assert name == "vmk0"
    assert fields["macaddress"] == "00:50:56:6c:01:11"
    assert fields["netstackinstance"] == "defaultTcpipStack"
    assert fields["rxdispqueuesize"] == "1"  # a field from 6.7 on: read, then ignored


def test_vswitch_stanza_empty_value_and_lists():
    ((name, fields),) = human.parse_stanzas(fixture_text("esxi67-vswitch-standard-list.txt"))
    assert fields["beaconrequiredby"] == ""
    assert human.split_list(fields["portgroups"]) == ["WAN network", "Management"]


def test_value_with_colons_and_spaces_is_kept_whole():
    ((_, fields),) = human.parse_stanzas(
        "DSwitch\n   Name: DSwitch\n   VDS ID: 50 1e 5b ad e3 b4 af 25-18 f3 1c 4c fa 98 3d bb\n")
    assert fields["vdsid"] == "50 1e 5b ad e3 b4 af 25-18 f3 1c 4c fa 98 3d bb"


def test_nameless_stanzas_follow_each_other_as_records():
    text = fixture_text("advanced-list-o-enableblockdelete.txt")
    stanzas = human.parse_stanzas(text + "\n" + text.replace("EnableBlockDelete", "Other"))
    assert [f["path"] for _, f in stanzas] == ["/VMFS3/EnableBlockDelete", "/VMFS3/Other"]
    assert stanzas[0][1]["maxvalue"] == "1"


def test_garbage_and_binary_are_unparsed():
    for garbage in ("\x00\x01\xff garbage\n", "just one word\n", "Segmentation fault\n",
                    "a line\nanother line\n   not a field either\n"):
        with pytest.raises(ParseError):
            human.parse_stanzas(garbage)


def test_windows_line_endings_are_tolerated():
    text = fixture_text("esxi67-nic-list.txt").replace("\n", "\r\n")
    assert len(human.parse_table(text)) == 3
    ((_, fields),) = human.parse_stanzas(fixture_text("esxi67-interface-list.txt")
                                         .replace("\n", "\r\n"))
    assert fields["mtu"] == "1500"


# -- esxcfg tables ----------------------------------------------------------------------------

def test_esxcfg_vmknic_one_row_per_family_with_multiword_type():
    rows = esxcfg.parse_vmknic_list(fixture_text("esxi703-esxcfg-vmknic-l.txt"))
    assert len(rows) == 2
    assert rows[0]["portgroupdvportopaquenetwork"] == "Management Network"
    assert rows[0]["ipfamily"] == "IPv4" and rows[0]["ipaddress"] == "172.26.64.10"
    assert rows[1]["type"] == "STATIC, PREFERRED" and rows[1]["netmask"] == "64"
    assert rows[1]["broadcast"] == "" and rows[1]["netstack"] == "defaultTcpipStack"


def test_esxcfg_route_local_subnet_and_default():
    rows = esxcfg.parse_route_list(fixture_text("esxi703-esxcfg-route-l.txt"))
    assert rows[0]["gateway"] == "Local Subnet" and rows[1]["network"] == "default"
    assert esxcfg.parse_default_gateway(fixture_text("esxi703-esxcfg-route.txt")) == "172.26.64.1"


def test_esxcfg_nics_splits_link_and_speed():
    rows = esxcfg.parse_nics_list(fixture_text("synthetic-esxcfg-nics-l.txt"))
    assert rows[0]["link"] == "Up" and rows[0]["speed"] == "10000Mbps"
    assert rows[1]["link"] == "Down" and rows[1]["mtu"] == "9000"
    assert rows[0]["description"].startswith("Intel Corporation 82599EB")


# -- XML --------------------------------------------------------------------------------------

def test_xml_namespace_with_slash_bool_element_and_unknown_field():
    value = xmlparse.parse_esxcli_xml(fixture_text("synthetic-esxcli-xml-interface-list.txt"))
    (row,) = xmlparse.as_rows(value)
    assert row["enabled"] is True and row["mtu"] == 9000
    assert row["netstackinstance"] == "vmotion" and row["vdsname"] == "DSwitch-WAN"


@pytest.mark.parametrize("text", ["", "<output><nothing/></output>", "<html></html>", "<<<",
                                  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><output/>'])
def test_bad_xml_is_unparsed(text):
    with pytest.raises(ParseError):
        xmlparse.parse_esxcli_xml(text)


# -- vsish and advanced options ---------------------------------------------------------------

def test_vsish_config_block_without_space_after_colon():
    parsed = vsish.parse_vsish(fixture_text("vsish-config-option-block.txt"))
    assert parsed["currentvalue"] == 0 and parsed["maxvalue"] == 1
    assert parsed["description"] == "Whether to enable UPT/CDPT"
    assert vsish.current_value(parsed) == 0


def test_vsish_config_block_with_spaced_colons():
    parsed = vsish.parse_vsish(fixture_text("synthetic-vsish-config-option-spaced.txt"))
    assert vsish.current_value(parsed) == 1250 and parsed["defaultvalue"] == 133


def test_vsish_pe_dict_with_hex_and_trailing_comma():
    parsed = vsish.parse_vsish(fixture_text("synthetic-vsish-pe-config-option.txt"))
    assert parsed["cur"] == 1250 and parsed["max"] == 2000 and parsed["def"] == 133
    assert vsish.current_value(parsed) == 1250


@pytest.mark.parametrize("text,value", [("2097152\n", 2097152), ("0x200000", 2097152),
                                        ("  268435456  \n", 268435456)])
def test_vsish_bare_number(text, value):
    assert vsish.current_value(vsish.parse_vsish(text)) == value


@pytest.mark.parametrize("text", ["", "hello world", "\x00\x01"])
def test_vsish_garbage(text):
    with pytest.raises(ParseError):
        vsish.parse_vsish(text)


def test_advanced_list_stanza():
    (row,) = kinds.parse("advanced.option", fixture_text("advanced-list-o-enableblockdelete.txt"))
    assert row["path"] == "/VMFS3/EnableBlockDelete" and row["defaultintvalue"] == "0"


# -- ping -------------------------------------------------------------------------------------

def test_vmkping_success_real_67():
    r = ping.parse_vmkping(fixture_text("esxi67-vmkping-ok.txt"))
    assert (r["sent"], r["received"], r["loss_pct"], r["error"]) == (2, 2, 0.0, None)
    assert r["rtt_ms"] == {"min": 0.406, "avg": 0.494, "max": 0.583}
    assert r["payload_bytes"] == 56 and r["target"] == "192.168.1.22"


def test_vmkping_success_real_703():
    r = ping.parse_vmkping(fixture_text("esxi703-vmkping-ok.txt"))
    assert r["sent"] == 3 and r["rtt_ms"]["max"] == 0.986


def test_vmkping_message_too_long_has_no_rtt():
    r = ping.parse_vmkping(fixture_text("synthetic-vmkping-message-too-long.txt"))
    assert r["error"] == "message-too-long" and r["loss_pct"] == 100.0 and r["rtt_ms"] is None
    assert r["payload_bytes"] == 8972


def test_vmkping_silent_drop_and_partial_loss_and_unreachable():
    r = ping.parse_vmkping(fixture_text("synthetic-vmkping-silent-drop.txt"))
    assert r["error"] is None and r["received"] == 0 and r["rtt_ms"] is None
    r = ping.parse_vmkping(fixture_text("synthetic-vmkping-partial-loss.txt"))
    assert (r["sent"], r["received"], r["loss_pct"]) == (3, 2, 33.3)
    assert r["rtt_ms"]["avg"] == 81.09
    r = ping.parse_vmkping(fixture_text("synthetic-vmkping-network-unreachable.txt"))
    assert r["error"] == "network-unreachable"


def test_vmkping_empty_output_is_no_output():
    assert ping.parse_vmkping("")["error"] == "no-output"


def test_vmkping_short_host_message_is_kept_as_the_error():
    r = ping.parse_vmkping("Unknown interface 'vmk9': Invalid argument\n")
    assert r["error"] == "Unknown interface 'vmk9': Invalid argument"


def test_vmkping_long_garbage_is_unparsed():
    with pytest.raises(ParseError):
        ping.parse_vmkping("\n".join("line %d of something else" % i for i in range(10)))


def test_diag_ping_real_edited_microseconds_and_misspelling():
    text = fixture_text("diag-ping-vmware-doc-edited.txt").replace("         ...\n", "")
    r = ping.parse_diag_ping(text)
    assert (r["sent"], r["received"], r["loss_pct"]) == (3, 3, 0.0)
    assert r["rtt_ms"] == {"min": 1.824, "avg": 1.84, "max": 1.864}
    assert r["target"] == "172.40.0.10"


# -- catalog dispatch -------------------------------------------------------------------------

def test_tags_default_formatter_one_several_none():
    assert kinds.parse("ip.interface.tags", fixture_text("synthetic-tag-get-two.txt")) == [
        {"tags": ["Management", "VMotion"]}]
    assert kinds.parse("ip.interface.tags", fixture_text("synthetic-tag-get-none.txt")) == [
        {"tags": []}]
    assert kinds.parse("ip.interface.tags", "   Tags: VSAN\n") == [{"tags": ["VSAN"]}]


def test_tags_xml_as_plain_string_list():
    text = ('<?xml version="1.0" ?><output xmlns="http://www.vmware.com/Products/ESX/5.0/esxcli">'
            '<root><list type="string"><string>VMotion</string></list></root></output>')
    assert kinds.parse("ip.interface.tags", text) == [{"tags": ["VMotion"]}]


def test_empty_listing_is_an_empty_list_not_garbage():
    assert kinds.parse("vswitch.dvs.list", "") == []
    assert kinds.parse("ip.interface.ipv6", "\n") == []
    with pytest.raises(ParseError):
        kinds.parse("system.version", "")


def test_vsish_single_name_value_line():
    assert vsish.current_value(vsish.parse_vsish("sbMax:2097152\n")) == 2097152


# -- damaged values: one fact unknown, never an exception, never a wrong fact (issue 9.5) --------

_XML_HEAD = ('<?xml version="1.0" ?><output xmlns="http://www.vmware.com/Products/ESX/5.0/esxcli">'
             '<root>')


def _facts_of(kind, text, params=None):
    from esxi_diag.sources.capture import Capture
    from esxi_diag.analysis.facts import build_facts
    capture = Capture(kind, params or {}, stdout=text, exit_code=None, source="transcript")
    return build_facts([capture]), capture


def test_xml_values_of_the_wrong_type_are_unknown():
    text = (_XML_HEAD + '<list type="structure">'
            '<structure typeName="IPInterface"><field name="Name"><integer>5</integer></field>'
            '</structure><structure typeName="IPInterface">'
            '<field name="Name"><string>vmk1</string></field>'
            '<field name="MTU"><integer>99999999</integer></field>'
            '<field name="MACAddress"><integer>3</integer></field>'
            '<field name="Enabled"><string>maybe</string></field>'
            '<field name="NetstackInstance"><list type="string"><string>x</string></list></field>'
            '<field name="Portgroup"><structure typeName="x"><field name="a"><string>b</string>'
            '</field></structure></field></structure></list></root></output>')
    facts, capture = _facts_of("ip.interface.list", text)
    assert list(facts["vmknics"]) == ["vmk1"]  # the row named 5 is left out
    vmk1 = facts["vmknics"]["vmk1"]
    assert [vmk1[k] for k in ("mtu", "mac", "enabled", "netstack", "portgroup")] == [None] * 5
    assert capture.status == "parsed" and plain(capture.note).startswith("partial: ")
    assert "interfaces" not in facts["known"]


def test_xml_version_that_is_not_a_version_string_is_unknown():
    text = (_XML_HEAD + '<structure typeName="VersionGet"><field name="Version"><integer>7'
            '</integer></field></structure></root></output>')
    facts, capture = _facts_of("system.version", text)
    assert facts["host"]["version"] is None and capture.status == "unparsed"


def test_vsish_number_with_garbage_is_not_a_number():
    text = fixture_text("vsish-config-option-block.txt").replace("Default value:1",
                                                                 "Default value:133E")
    facts, capture = _facts_of("vsish.config", text,
                               {"option": "/Migrate/NetExpectedLineRateMBps"})
    rate = facts["tuning"]["net_expected_line_rate_mbps"]
    assert rate["default"] is None and rate["current"] == 0 and rate["max"] == 1


def test_stanza_field_at_an_odd_indent_stays_a_field():
    ((name, fields),) = human.parse_stanzas(
        "vmk0\n   Name: vmk0\n     MAC Address: 00:50:56:00:00:01\n  MTU: 9000\n"
        "   Netstack Instance: vmotion\n")
    assert fields == {"name": "vmk0", "macaddress": "00:50:56:00:00:01", "mtu": "9000",
                      "netstackinstance": "vmotion"}


def test_nested_block_opens_only_under_an_empty_value():
    ((_, fields),) = human.parse_stanzas(fixture_text("esxi90-dvs-list-session.txt")
                                         .split("\n", 1)[1])
    assert fields["uplinks"] == "" and fields["mtu"] == "1500"
    assert [p["portid"] for p in fields["dvport"]] == ["0", "1"]


def test_collapsed_stanzas_are_read():
    stanzas = human.parse_stanzas("vmk0\nName: vmk0\nMTU: 1500\n\nvmk1\nName: vmk1\nMTU: 9000\n")
    assert [(n, f["mtu"]) for n, f in stanzas] == [("vmk0", "1500"), ("vmk1", "9000")]
    assert not stanzas.cut


@pytest.mark.parametrize("value,expected", [("1500", 1500), ("133E", None), (" 9000 ", 9000),
                                            ("1500 bytes", None), (True, None), ([1], None),
                                            ("-1", None), ("70000", None)])
def test_mtu_values_are_checked(value, expected):
    from esxi_diag.analysis.model import mtu
    assert mtu(value) == expected


def test_esxcfg_default_gateway_that_is_not_an_address_is_not_a_fact():
    facts, capture = _facts_of("esxcfg.defaultgw", "VMkernel default gateway is not set\n")
    assert facts["default_gateway"] is None and capture.status == "unparsed"


# -- edits and tokens ----------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["...", "  ...", "<<truncated>>", "[snip]", "[...]", "(snip)",
                                  "--- snip ---", "<output truncated>", "[3 lines omitted]",
                                  "\u2026", "//output hidden//"])
def test_edit_marks(line):
    from esxi_diag.parsers import is_edit_mark
    assert is_edit_mark(line)


@pytest.mark.parametrize("line", ["", "vmk0", "   MTU: 1500", "Name  MTU", "-----  ---"])
def test_not_edit_marks(line):
    from esxi_diag.parsers import is_edit_mark
    assert not is_edit_mark(line)


def test_fit_reads_tokens_only_when_one_way_fits():
    from esxi_diag.parsers import cells
    columns = [cells.TEXT, cells.INT, cells.INT, cells.UPLINKS]
    assert cells.fit("VM Network 0 2 vmnic0,vmnic1".split(), columns) == [
        "VM Network", "0", "2", "vmnic0,vmnic1"]
    assert cells.fit("VM Network 0 2".split(), columns) == ["VM Network", "0", "2", ""]
    assert cells.fit("A B C 1".split(), [cells.TEXT, cells.TEXT, cells.INT]) is None  # A B|C, A|B C
    assert cells.fit(["x"] * 100, [cells.TEXT]) is None  # too many tokens: not fitted


def test_a_netmask_gives_its_prefix_only_when_it_is_one():
    from esxi_diag.parsers.cells import prefix_length
    assert [prefix_length(m) for m in ("255.255.255.0", "255.255.252.0", "0.0.0.0",
                                       "255.255.255.255")] == [24, 22, 0, 32]
    for damaged in ("255.0.255.0", "255.255.255", "300.0.0.0", "24", "", None, 24):
        assert prefix_length(damaged) is None, damaged
