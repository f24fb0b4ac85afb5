"""--redact: what is masked, in every spelling, and what never is (the tool's own vocabulary,
dictionary keys), so that masking leaks nothing and changes no analysis."""
import json
import re

import pytest

from esxi_diag import catalog, collect
from esxi_diag.parsers import ping
from esxi_diag.redact import VOCABULARY, RedactMapError, Redactor, is_vocabulary
from esxi_diag.simulator import host as simhost


def redactor():
    r = Redactor(key=b"k" * 32)
    r.add_name("host", "acme-prod-esx42")
    r.add_domain("corp.acme-bank.example")
    r.add_name("portgroup", "PG-Blue")
    r.add_name("host", "h1")  # a host name of two characters
    return r


@pytest.mark.parametrize("text,gone", [
    ("64 bytes from 2001:db8::5: icmp_seq=0 ttl=64 time=0.5 ms", "2001:db8::5"),
    ("--- 2001:db8::5 ping statistics ---", "db8::5"),
    ("mapped ::ffff:10.77.1.23 here", "10.77.1.23"),
    ("mapped ::ffff:10.77.1.23 here", "77.1.23"),
    ("vmk1_10.20.30.40.stdout", "10.20.30.40"),
    ("VDS UUID: 50 1E 5B AD E3 B4 AF 25-18 F3 1C 4C FA 98 3D BB", "50 1E 5B AD"),
    ("uuid 5D4F2C3A-1B2C-4D5E-8F90-A1B2C3D4E5F6", "A1B2C3D4E5F6"),
    ("system 5d4f2c3a1b2c4d5e8f90a1b2c3d4e5f6", "a1b2c3d4e5f6"),
    ("mac 00-50-56-AB-CD-EF", "AB-CD-EF"), ("mac 0050.56ab.cdef", "56ab.cdef"),
    ("mac 005056abcdef", "abcdef"), ("mac 00:50:56:AB:CD:EF", "AB:CD:EF"),
    ("acme-prod-esx42-backup and acme-prod-esx42_vmk1", "acme-prod-esx42"),
    ("search corp only", "corp"), ("acme-bank.example alone", "acme-bank"),
    ("[root@h1:~] esxcli", "h1"), ("PG-Blue-2 and PG-Blue_old", "PG-Blue"),
])
def test_leaks_found_by_the_hardening_issue(text, gone):
    masked = redactor().text(text)
    assert gone.lower() not in masked.lower(), masked


def test_every_spelling_of_a_mac_masks_alike_keeping_the_vendor_prefix():
    r = redactor()
    spellings = ["00:50:56:ab:cd:ef", "00-50-56-AB-CD-EF", "0050.56ab.cdef", "005056abcdef"]
    digits = set(re.sub("[^0-9a-f]", "", r.text(s).lower()) for s in spellings)
    assert len(digits) == 1 and digits.pop().startswith("005056")
    assert r.text("00-50-56-AB-CD-EF").count("-") == 5 and r.text("0050.56ab.cdef").count(".") == 2


def test_an_address_masks_alike_wherever_it_stands():
    r = redactor()
    alone = r.text("10.77.1.23")
    assert r.text("::ffff:10.77.1.23") == "::ffff:" + alone
    assert r.text("x_10.77.1.23_y") == "x_%s_y" % alone
    v6 = r.text("2001:db8::5")
    line = r.text("64 bytes from 2001:db8::5: icmp_seq=0 ttl=64 time=0.5 ms")
    assert line == "64 bytes from %s: icmp_seq=0 ttl=64 time=0.5 ms" % v6
    assert v6.startswith("2001:")  # the kind of address stays visible


def test_masked_vmkping_output_parses_to_the_masked_target():
    text = ("PING 2001:db8::5 (2001:db8::5): 56 data bytes\n"
            "64 bytes from 2001:db8::5: icmp_seq=0 ttl=64 time=0.500 ms\n"
            "64 bytes from 2001:db8::5: icmp_seq=1 ttl=64 time=0.700 ms\n\n"
            "--- 2001:db8::5 ping statistics ---\n"
            "2 packets transmitted, 2 packets received, 0% packet loss\n"
            "round-trip min/avg/max = 0.500/0.600/0.700 ms\n")
    r = redactor()
    plain, masked = ping.parse_vmkping(text), ping.parse_vmkping(r.text(text))
    assert masked["target"] == r.text("2001:db8::5")
    assert dict(plain, target=None) == dict(masked, target=None)


def test_what_is_kept():
    r = redactor()
    for text in ("255.255.255.192", "0.0.0.0", "127.0.0.1", "::1", "::", "N/A", "12:34:56",
                 "Releasebuild-8169922", "VMware ESXi 7.0.3 build-22348816"):
        assert r.text(text) == text


@pytest.mark.parametrize("name", [
    "Management", "VSAN", "vMotion", "VMotion", "vSphereProvisioning", "faultToleranceLogging",
    "defaultTcpipStack", "name", "mtu", "vmknics", "data_paths", "Port ID", "N", "A", "VLAN 100",
    "100", "Management Network", "esxi-diag", "static", "on-link", "ok"])
def test_the_tools_own_vocabulary_is_never_masked(name):
    r = Redactor()
    for category in ("host", "portgroup", "switch", "peer"):
        r.add_name(category, name)
    assert all(not table for table in r.names.values())
    text = "   Portgroup: %s\n   Tags: Management, VMotion\n   MTU: 9000\n   VDS Name: N/A" % name
    assert r.text(text) == text


def test_keys_are_never_masked():
    r = Redactor()
    r.add_name("portgroup", "blue-net")
    report = {"blue-net": {"portgroup": "blue-net"}, "list": ["blue-net", 3, None]}
    assert r.value(report) == {"blue-net": {"portgroup": "portgroup-01"},
                               "list": ["portgroup-01", 3, None]}


def test_paths_on_the_command_line_are_masked_whole():
    r = Redactor()
    argv = ["esxi-diag", "bundle", "-o", "/vmfs/volumes/ACME-DS1/cases", "--redact-map",
            "/root/acme/site.map.json", "--peers=acme-peers.txt", "--simulate", "ldvm"]
    masked = r.command_line(argv)
    blob = " ".join(masked)
    assert "acme" not in blob.lower() and "ACME-DS1" not in blob
    assert masked[:3] == ["esxi-diag", "bundle", "-o"] and masked[-1] == "ldvm"
    assert r.text("/vmfs/volumes/ACME-DS1/x") == "/vmfs/volumes/datastore-01/x"


def test_a_file_called_like_a_word_is_masked_on_the_command_line_only():
    r = Redactor()
    assert r.command_line(["esxi-diag", "bundle", "-o", "a"]) == ["esxi-diag", "bundle", "-o",
                                                                   "file-01"]
    assert r.text("N/A, a host") == "N/A, a host"


@pytest.mark.parametrize("content,words", [
    ("[" * 5000 + "]" * 5000, "nested"), ("{}", "not an esxi-diag redaction map"),
    ('{"schema": "esxi-diag-redact-map/1", "key": "zz"}', "not hex"),
    ('{"schema": "esxi-diag-redact-map/1", "key": "00"}', "too short"),
    ('{"schema": "esxi-diag-redact-map/1", "key": "%s", "names": []}' % ("00" * 32), "names"),
    ('{"schema": "esxi-diag-redact-map/1", "key": "%s", "names": {"host": {"a": 1}}}' % (
        "00" * 32), "host names"),
])
def test_a_damaged_map_is_refused_whole(content, words):
    with pytest.raises(RedactMapError) as err:
        Redactor.load(content.encode())
    assert words in str(err.value)


def test_a_map_round_trips():
    r = redactor()
    again = Redactor.load(r.dump().encode())
    assert again.text("acme-prod-esx42 10.1.2.3") == r.text("acme-prod-esx42 10.1.2.3")


# -- the vocabulary covers what the tool reads and writes ---------------------------------------

def _strings(value, out):
    if isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)
    elif isinstance(value, str):
        out.add(value)


def _keys(value, out):
    if isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            _keys(v, out)
    elif isinstance(value, list):
        for v in value:
            _keys(v, out)


def _words(text):
    return set(w.lower() for w in re.findall("[A-Za-z0-9]+", text))


def _noise(word):
    return word.isdigit() or (len(word) <= 4 and re.match("^[0-9a-f]+$", word) and (
        re.search("[0-9]", word) or len(word) <= 2))


def test_every_word_of_every_simulated_output_and_report_key_is_vocabulary(cli):
    """A port group named like any label, value or key the tool reads must not be masked: this
    fails when an output or the report gains a word that VOCABULARY lacks."""
    site, seen, keys = set(), set(), set()
    for name in simhost.BUILTIN:
        profile = simhost.load_builtin(name)
        values = set()
        _strings(profile, values)
        for v in values:
            site |= _words(v)
        sim = simhost.SimHost(profile, speed=0)
        plan = collect.manual_plan([v["name"] for v in sim.vmknics()], sim.netstacks())
        for kind, params in plan:
            for xml in (True, False):
                argv = catalog.argv(kind, params, xml=xml)
                _, out, err = sim.respond(argv)
                seen |= _words(out + " " + err + " " + " ".join(argv))
        for argv in (("inspect", "--simulate", name, "--json"),
                     ("check", "--simulate", name, "--json", "--quiet"),
                     ("tune", "--simulate", name, "--json", "--quiet", "--line-rate", "10G",
                      "--rtt", "40")):
            _keys(json.loads(cli(*argv).out), keys)
    missing = sorted(w for w in seen - site if w not in VOCABULARY and not _noise(w))
    assert missing == []
    missing = sorted(w for k in keys for w in _words(k) if w not in VOCABULARY and
                     not w.isdigit())
    assert missing == []


def test_every_tag_and_netstack_of_the_reference_is_vocabulary():
    for name in ("Management", "VMotion", "faultToleranceLogging", "VSAN", "NVMeTCP",
                 "vSphereProvisioning", "vSphereReplication", "vSphereReplicationNFC",
                 "vsanWitness", "vSphereBackupNFC", "ptp", "nvmeRdma", "defaultTcpipStack",
                 "vmotion", "vxlan", "hyperbus"):
        assert is_vocabulary(name), name
