"""--redact: what is masked, in every spelling, and what never is (the tool's own vocabulary,
dictionary keys), so that masking leaks nothing and changes no analysis."""
import json
import re

import pytest

from esxi_diag import kinds
from esxi_diag.sources import collect
from esxi_diag.parsers import ping
from esxi_diag.output.redact import (VMX_SECRET, VOCABULARY, RedactMapError, Redactor,
                                    is_vocabulary)
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
    masked = r.names["portgroup"]["blue-net"]
    assert re.match("^portgroup-[a-z2-7]{10}$", masked)
    assert r.value(report) == {"blue-net": {"portgroup": masked}, "list": [masked, 3, None]}


def test_paths_on_the_command_line_are_masked_whole():
    r = Redactor()
    argv = ["esxi-diag", "bundle", "-o", "/vmfs/volumes/ACME-DS1/cases", "--redact-map",
            "/root/acme/site.map.json", "--peers=acme-peers.txt", "--simulate", "ldvm"]
    masked = r.command_line(argv)
    blob = " ".join(masked)
    assert "acme" not in blob.lower() and "ACME-DS1" not in blob
    assert masked[:3] == ["esxi-diag", "bundle", "-o"] and masked[-1] == "ldvm"
    assert re.match("^/vmfs/volumes/datastore-[a-z2-7]{10}/x$", r.text("/vmfs/volumes/ACME-DS1/x"))


def test_every_built_in_host_and_site_name_is_the_tools_own_on_the_command_line():
    from esxi_diag.simulator.profile import BUILTIN
    from esxi_diag.simulator.site import BUILTIN_SITES
    for name in BUILTIN + BUILTIN_SITES:
        masked = Redactor().command_line(["esxi-diag", "bundle", "--simulate", name, "-o", "x"])
        assert masked[3] == name and masked[5] != "x"


def test_a_file_called_like_a_word_is_masked_on_the_command_line_only():
    r = Redactor()
    masked = r.command_line(["esxi-diag", "bundle", "-o", "a"])
    assert masked[:3] == ["esxi-diag", "bundle", "-o"] and re.match("^file-[a-z2-7]{10}$",
                                                                     masked[3])
    assert r.text("N/A, a host") == "N/A, a host"


@pytest.mark.parametrize("content,words", [
    ("[" * 5000 + "]" * 5000, "nested"), ("{}", "not an esxi-diag redaction map"),
    ('{"schema": "esxi-diag-redact-map/2", "key": "zz"}', "not hex"),
    ('{"schema": "esxi-diag-redact-map/2", "key": "00"}', "too short"),
    ('{"schema": "esxi-diag-redact-map/2", "key": "%s", "names": []}' % ("00" * 32), "names"),
    ('{"schema": "esxi-diag-redact-map/2", "key": "%s", "names": {"host": {"a": 1}}}' % (
        "00" * 32), "host names"),
    ('{"schema": "esxi-diag-redact-map/2", "key": "%s", "names": {"host": {"a": "host-01"}}}'
     % ("00" * 32), "was not made with its key"),
    ('{"schema": "esxi-diag-redact-map/1", "key": "%s", "names": {}}' % ("00" * 32),
     "older esxi-diag"),
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
        plan = collect.manual_plan([v["name"] for v in sim.vmknics()], sim.netstacks(),
                                   sim.vmx_paths(), sim.worlds())
        for kind, params in plan:
            for xml in (True, False):
                argv = kinds.argv(kind, params, xml=xml)
                _, out, err = sim.respond(argv)
                out = VMX_SECRET.sub(r"\1\2", out)  # masked whole: no word of it matters
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


# -- end to end: planted values, every byte of every output ------------------------------------

import copy  # noqa: E402
import glob  # noqa: E402
import os  # noqa: E402
import stat  # noqa: E402
import tarfile  # noqa: E402

from esxi_diag.simulator.host import load_builtin  # noqa: E402

PLANT = {
    "hostname": "acme-prod-esx42", "domain": "zq7corp.acme-bank.example",
    "mgmt_ip": "198.51.100.42", "gateway": "198.51.100.1", "vmotion_ip": "203.0.113.42",
    "peer_v6": "2001:db8:ace::77", "mac": "00:50:56:ab:cd:ef", "nic_mac": "3c:fd:fe:12:34:56",
    "portgroup": "ACME-vMotion-PG", "dvs": "ACME-DVS-01", "v6": "2001:db8:ace::42",
}
# Spellings the hardening issue found leaking, planted in a raw output.
ODD = {"dash_mac": "00-50-56-AB-CD-EF", "dot_mac": "0050.56ab.cdef", "bare_mac": "005056abcdef",
       "mapped": "::ffff:10.77.1.23", "under": "vmk1_10.77.1.24",
       "vds": "50 1E 5B AD E3 B4 AF 25-18 F3 1C 4C FA 98 3D BB",
       "uuid": "5D4F2C3A-1B2C-4D5E-8F90-A1B2C3D4E5F6", "host_dash": "acme-prod-esx42-old",
       "host_under": "acme-prod-esx42_x", "label": "zq7corp", "ping6": "2001:db8:ace::99"}
# VMs (issue 12): a name, a datastore, a folder and file name that differ from the name, a VM
# network, notes over two lines, and an encrypted VM's key provider in its .vmx
VM_PLANT = {"vm": "zq7-payroll db", "datastore": "ZQ7 Gold DS", "folder": "zq7folder",
            "file": "zq7file", "vm_pg": "zq7-vm-net", "note": "zq7note line one",
            "note2": "owner zq7owner", "kms": "zq7kms"}
NEEDLES = list(PLANT.values()) + list(VM_PLANT.values()) + [
    "AB-CD-EF", "56ab.cdef", "abcdef", "10.77.1.23", "10.77.1.24", "1E 5B AD", "A1B2C3D4E5F6",
    "acme", "zq7", "198.51.100.", "203.0.113.", "db8:ace", "ab:cd:ef", "12:34:56", "payroll"]


def planted_profile(tmp_path):
    p = copy.deepcopy(load_builtin("ldvm"))
    p["host"].update(hostname=PLANT["hostname"], domain=PLANT["domain"])
    p["nics"][0]["mac"] = PLANT["nic_mac"]
    p["dvswitches"][0]["name"] = PLANT["dvs"]
    p["vswitches"][0]["portgroups"].append({"name": PLANT["portgroup"], "vlan_id": 5})
    vmk0, vmk1, vmk2 = p["vmknics"]
    vmk0["ipv4"].update(address=PLANT["mgmt_ip"], gateway=PLANT["gateway"])
    vmk0["ipv6"] = [{"address": PLANT["v6"], "prefix_length": 64}]
    vmk1["switch"] = vmk2["switch"] = PLANT["dvs"]
    vmk1["ipv4"]["address"] = PLANT["vmotion_ip"]
    vmk1["mac"] = PLANT["mac"]
    vmk1["ipv6"] = [{"address": "2001:db8:ace::43", "prefix_length": 64}]  # reaches peer_v6
    p["routes"]["defaultTcpipStack"][0]["gateway"] = PLANT["gateway"]
    p["routes"]["vmotion"][0]["gateway"] = "203.0.113.1"
    p["network"]["peers"][0]["label"] = "acme-dr-esx07 vmk1"
    odd = " ".join(ODD.values()) + "\n64 bytes from %s: icmp_seq=0 ttl=64 time=1 ms\n" % (
        ODD["ping6"])
    p["faults"] = {"commands": [{"match": "NetLatencyModeThreshold", "exit_code": 0,
                                 "stdout": odd}]}
    p["vswitches"][0]["portgroups"].append({"name": VM_PLANT["vm_pg"], "vlan_id": 6})
    p["vms"] = [{"name": VM_PLANT["vm"], "networks": [VM_PLANT["vm_pg"]],
                 "vmx": "[%s] %s/%s.vmx" % (VM_PLANT["datastore"], VM_PLANT["folder"],
                                            VM_PLANT["file"]),
                 "annotation": "%s\n%s" % (VM_PLANT["note"], VM_PLANT["note2"]),
                 "migrate_encryption": "disabled"},
                {"name": "zq7-vault", "networks": [{"dvs": PLANT["dvs"], "portgroup": "dvportgroup-9"}],
                 "vmx": "[%s] zq7-vault/zq7-vault.vmx" % VM_PLANT["datastore"],
                 "vmx_text": '.encoding = "UTF-8"\ndisplayName = "zq7-vault"\n'
                             'ethernet0.present = "TRUE"\n'
                             'encryption.keySafe = "vmware:key/list/(pair/(fqid/<VMWARE-NULL>/%s/'
                             '0a1b,HMAC%%2dSHA%%2d256,QUJD))"\nencryption.data = "QUJD"\n'
                             % VM_PLANT["kms"]}]
    path = tmp_path / "acme-site.json"
    path.write_text(json.dumps(p))
    return str(path)


def assert_no_needle(blob, where):
    low = blob.lower()
    for value in NEEDLES:
        assert value.lower().encode() not in low, (value, where)


def test_a_redacted_bundle_leaks_no_planted_value_anywhere(cli, tmp_path):
    out = tmp_path / "ACME-DS9-cases"
    out.mkdir()
    site_map = tmp_path / "acme-site.map.json"
    r = cli("bundle", "--quiet", "-o", str(out), "--simulate", planted_profile(tmp_path),
            "--redact", "--redact-map", str(site_map), "--peer", "[%s]:hot" % PLANT["peer_v6"],
            "--peer", "172.21.120.18:hot")
    assert r.code in (0, 1, 2), r.err
    (path,) = glob.glob(str(out / "*.tgz"))
    assert re.match("^esxi-diag-host-[a-z2-7]{10}-", os.path.basename(path))
    names = []
    with tarfile.open(path) as tar:
        for m in tar.getmembers():
            names.append(m.name)
            assert_no_needle(m.name.encode(), "member name %s" % m.name)
            assert_no_needle(tar.extractfile(m).read(), m.name)
    assert [n for n in names if "ping" in n and "2001" in n]  # an IPv6 target's file, masked
    manifest = json.loads(tarfile.open(path).extractfile(
        [n for n in names if n.endswith("manifest.json")][0]).read().decode())
    assert "ACME-DS9" not in json.dumps(manifest) and "file-" in " ".join(
        manifest["command_line"])
    assert stat.S_IMODE(os.stat(str(site_map)).st_mode) == 0o600
    assert PLANT["hostname"] in site_map.read_text()  # the private map has them, outside


def test_analyze_redact_json_of_a_planted_transcript_leaks_nothing(cli, tmp_path):
    session = cli("simulator", "transcript", planted_profile(tmp_path)).out
    session += "[root@%s:~] echo %s\n%s\n" % (PLANT["hostname"], " ".join(ODD.values()),
                                              " ".join(ODD.values()))
    session += ("[root@%s:~] vmkping -6 -I vmk0 %s\nPING %s (%s): 56 data bytes\n"
                "64 bytes from %s: icmp_seq=0 ttl=64 time=0.500 ms\n\n--- %s ping statistics "
                "---\n1 packets transmitted, 1 packets received, 0%% packet loss\n"
                "round-trip min/avg/max = 0.500/0.500/0.500 ms\n") % ((PLANT["hostname"],) +
                                                                     (ODD["ping6"],) * 5)
    path = tmp_path / "acme-session.txt"
    path.write_text(session)
    for extra in (("--json",), ()):
        r = cli("analyze", "--transcript", str(path), "--redact", *extra)
        assert r.code in (0, 1, 2), r.err
        assert_no_needle(r.out.encode(), "analyze %s" % (extra,))
    assert re.search("host-[a-z2-7]{10}", r.out)


@pytest.mark.parametrize("name", ["Management", "VSAN", "VMotion", "name", "mtu", "vmknics",
                                  "defaultTcpipStack", "tags"])
def test_a_portgroup_named_like_the_tools_words_changes_no_finding(cli, tmp_path, name):
    p = copy.deepcopy(load_builtin("ldvm"))
    p["vswitches"][0]["portgroups"].append({"name": name, "vlan_id": 7})
    p["vmknics"][0]["portgroup"] = name
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(p))
    plain = cli("inspect", "--simulate", str(profile), "--json").json
    masked = cli("inspect", "--simulate", str(profile), "--json", "--redact").json
    # the subjects of VM findings are VM names, masked like every name: compared by count
    keys = lambda r: [(f["id"], f["severity"], len(f["subjects"]) if f["id"].startswith("VM-")
                       else f["subjects"]) for f in r["findings"]]
    assert keys(masked) == keys(plain)
    replays = []
    for extra in ((), ("--redact",)):
        out = tmp_path / ("out%d" % len(extra))
        out.mkdir()
        assert cli("bundle", "--quiet", "-o", str(out), "--simulate", str(profile),
                   *extra).code in (0, 1, 2)
        (path,) = glob.glob(str(out / "*.tgz"))
        replay = cli("analyze", path, "--json")
        assert replay.code in (0, 1, 2), replay.err
        assert cli("analyze", path).code == replay.code  # and the text report renders
        replays.append(replay)
    assert keys(replays[1].json) == keys(replays[0].json)
    assert replays[1].code == replays[0].code


def test_names_only_a_note_or_another_host_holds_are_masked(cli, tmp_path):
    """A host renamed during the session, and the other hosts of one transcript, are masked in
    every report of it, even with a fresh map."""
    from conftest import fixture_text
    renamed = ("[root@oldname-acme:~] esxcli system hostname set --host=newname-zeta\n" +
               "[root@newname-zeta:~] " +
               fixture_text("synthetic-transcript-two-hosts.txt").split("] ", 1)[1])
    path = tmp_path / "renamed.txt"
    path.write_text(renamed)
    r = cli("analyze", "--transcript", str(path), "--redact", "--redact-map",
            str(tmp_path / "m1.json"), "--json")
    assert "oldname-acme" not in r.out and "newname-zeta" not in r.out
    from conftest import fixture_path
    r = cli("analyze", "--transcript", fixture_path("synthetic-transcript-two-hosts.txt"),
            "--redact", "--redact-map", str(tmp_path / "m2.json"), "--json")
    assert r.code in (0, 1, 2) and not re.search(r"\besx0[12]\b", r.out)


def test_a_vmx_display_name_unlike_the_vm_name_is_masked_in_the_raw_outputs(cli, tmp_path):
    import tarfile
    profile = simhost.load_builtin("lan")
    vm = dict(profile["vms"][0])
    vm.update(name="fin-app", vmx="[datastore1] fin-app/fin-app.vmx",
              vmx_text='displayName = "PayrollSecret"\nethernet0.present = "TRUE"\n'
                       'ethernet0.networkName = "VM Network"\n')
    profile["vms"] = [vm]
    source = tmp_path / "prof.json"
    source.write_text(json.dumps(profile))
    r = cli("bundle", "--simulate", str(source), "--redact", "-o", str(tmp_path), "--quiet")
    assert r.code in (0, 1, 2), r.err
    archive = [p for p in tmp_path.iterdir() if p.name.endswith(".tgz")][0]
    with tarfile.open(str(archive)) as tar:
        for member in tar.getmembers():
            if member.isfile():
                data = tar.extractfile(member).read()
                assert b"PayrollSecret" not in data and b"fin-app" not in data, member.name
