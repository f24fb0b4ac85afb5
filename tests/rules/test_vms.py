"""The VMs of a host and its firewall (issue 12): the parsers over the reference's real samples and
bad input, the collector's bounded reads of the .vmx files, each finding from both sides, a pasted
session and a bundle giving the same VM facts as a (simulated) live run."""
import copy
import glob
import json

import pytest

from conftest import fixture_text
from esxi_diag import kinds
from esxi_diag.analysis.facts import build_facts
from esxi_diag.analysis.pipeline import analyse
from esxi_diag.kinds import vms as vmkinds
from esxi_diag.parsers import ParseError
from esxi_diag.message import plain
from esxi_diag.parsers.vms import (MAX_VMX_BYTES, VMX_PATTERN, grep_vmx, parse_getallvms,
                                   parse_vmx, vm_from_vmx, vmx_path)
from esxi_diag.simulator.host import SimHost, load_builtin
from esxi_diag.sources import collect, transcript
from esxi_diag.sources.runner import Runner


def report_for(profile, **collector):
    sim = SimHost(profile, speed=0)
    captures = collect.Collector(Runner(sim), **collector).collect()
    return analyse(captures, {"type": "simulated", "name": "test"})


def variant(name, change):
    profile = copy.deepcopy(load_builtin(name))
    change(profile)
    return profile


def ids(report):
    return dict((f["id"], f) for f in report["findings"])


def by_name(report):
    return dict((v["name"], v) for v in report["vms"]["list"])


# -- vim-cmd vmsvc/getallvms --------------------------------------------------------------------

def test_getallvms_of_the_65_sample_rows_in_string_order_and_a_skipped_vm():
    text = fixture_text("esxi65-getallvms-session.txt").split("\n", 1)[1]  # without the prompt
    parsed = parse_getallvms(text)
    assert parsed["skipped"] == ["6"]
    assert [(v["vmid"], v["name"], v["vmx"], v["guest"], v["version"], v["annotation"])
            for v in parsed["vms"]] == [
        ("1", "ubuntu-desktop", "[HDD] ubuntu-desktop/ubuntu-desktop.vmx", "ubuntu64Guest",
         "vmx-13", None),
        ("11", "ubuntu-server-1710", "[HDD] ubuntu-server-1710/ubuntu-server-1710.vmx",
         "ubuntu64Guest", "vmx-13", None),
        ("2", "ubuntu-server", "[HDD] ubuntu-server/ubuntu-server.vmx", "ubuntu64Guest",
         "vmx-13", None),
        ("3", "windows-7", "[HDD] windows-7/windows-7.vmx", "windows7_64Guest", "vmx-13", None)]


def test_getallvms_row_ending_with_a_blank_and_the_empty_90_listing():
    (vm,) = parse_getallvms(fixture_text("getallvms-vmx21-row.txt"))["vms"]
    assert (vm["name"], vm["datastore"], vm["path"], vm["version"], vm["annotation"]) == (
        "rocky8.5", "ESXI-NFS-Share1", "rocky8.5/rocky8.5.vmx", "vmx-21", None)
    empty = fixture_text("esxi90-getallvms-empty-session.txt").split("\n", 1)[1]
    assert parse_getallvms(empty) == {"vms": [], "skipped": []}


def test_a_name_and_a_datastore_with_blanks_and_brackets():
    # synthetic, to the rules of section 1: columns of the longest value plus 3 blanks
    text = ("Vmid   Name   File   Guest OS   Version   Annotation\n"
            "12     web 01 [old]   [SAN DS 1] web 01 [old]/web 01.vmx   ubuntu64Guest   vmx-19\n")
    (vm,) = parse_getallvms(text)["vms"]
    assert (vm["name"], vm["datastore"], vm["path"]) == ("web 01 [old]", "SAN DS 1",
                                                        "web 01 [old]/web 01.vmx")
    assert vmx_path(vm["vmx"]) == "/vmfs/volumes/SAN DS 1/web 01 [old]/web 01.vmx"


def test_an_annotation_over_several_lines_stays_with_its_vm():
    # synthetic: the reference's model of a multi-line note (UNVERIFIED): the text goes on,
    # verbatim, on the next lines, without a Vmid
    text = ("Vmid   Name   File   Guest OS   Version   Annotation\n"
            "1      app   [ds1] app/app.vmx   otherGuest64   vmx-19   owner: team A\n"
            "backup: nightly\n"
            "2      db    [ds1] db/db.vmx     otherGuest64   vmx-19\n")
    vms = parse_getallvms(text)["vms"]
    assert [(v["name"], v["annotation"]) for v in vms] == [
        ("app", "owner: team A\nbackup: nightly"), ("db", None)]


@pytest.mark.parametrize("text", ["", "garbage\n", "Error: Unknown command\n",
                                  "\x00\x01binary\n"])
def test_getallvms_garbage_is_a_parse_error(text):
    with pytest.raises(ParseError):
        parse_getallvms(text)


def test_vmx_paths_never_leave_the_datastore():
    assert vmx_path("[ds] ../../etc/x.vmx") is None
    assert vmx_path("[ds] a/./x.vmx") is None
    assert vmx_path("[ds] notes.txt") is None
    rows = [{"vmx": "[ds] ../etc/x.vmx"}, {"vmx": "[ds] a/a.vmx"}, {"vmx": 7}]
    assert kinds.discoveries("vm.list", rows) == {"vmx": ["/vmfs/volumes/ds/a/a.vmx"]}


def test_the_per_vm_reads_and_port_lists_are_bounded():
    rows = [{"vmx": "[ds] vm%d/vm%d.vmx" % (i, i)} for i in range(3000)]
    assert len(kinds.discoveries("vm.list", rows)["vmx"]) == vmkinds.MAX_VMX_READS
    rows = [{"worldid": 2100000 + i, "name": "vm%d" % i} for i in range(500)]
    assert len(kinds.discoveries("vm.network.list", rows)["world"]) == vmkinds.MAX_PORT_LISTS


# -- .vmx --------------------------------------------------------------------------------------

def test_the_vmx_lines_of_the_reference():
    keys = parse_vmx(fixture_text("vmx-sitea-vm1-nic.txt"))
    vm = vm_from_vmx(keys)
    assert vm["display_name"] == "sitea_vm1"
    assert [(n["nic"], n["network"], n["mac"]) for n in vm["nics"]] == [
        ("ethernet0", "VM Network", "00:50:56:a5:97:d5")]
    vds = vm_from_vmx(parse_vmx(fixture_text("vmx-vds-nic-placeholders-edited.txt")))
    (nic,) = vds["nics"]
    assert (nic["dvs_switch"], nic["dvs_portgroup"], nic["dvs_port"]) == (
        "aa bb cc dd ...", "dvportgroup-1", "1")


def test_keys_are_read_whatever_their_case_and_the_mode_spellings():
    keys = parse_vmx('DisplayName = "a"\nMIGRATE.ENCRYPTIONMODE = "Required"\n')
    assert vm_from_vmx(keys)["migrate_encryption"] == "required"
    assert vm_from_vmx(parse_vmx('migrate.encryptionMode = "sometimes"\n'))[
        "migrate_encryption"] == "sometimes"  # the caller says unknown


@pytest.mark.parametrize("text", ["", "not a vmx file\n", "\x01\x02\x03 binary\n",
                                  "x" * (MAX_VMX_BYTES + 1)])
def test_a_vmx_that_is_not_one_is_a_parse_error(text):
    with pytest.raises(ParseError):
        parse_vmx(text)


def test_the_collectors_grep_is_the_command_line_it_records():
    text = ('.encoding = "UTF-8"\ndisplayName = "a"\nmemSize = "4096"\n'
            'ethernet0.networkName = "VM Network"\nethernet10.present = "TRUE"\n'
            'sched.mem.min = "0"\nmigrate.encryptionMode = "disabled"\nmigrate.hostLog = "x"\n'
            'encryption.keySafe = "k"\n')
    assert grep_vmx(text) == ('displayName = "a"\nethernet0.networkName = "VM Network"\n'
                              'ethernet10.present = "TRUE"\nmigrate.encryptionMode = "disabled"\n'
                              'encryption.keySafe = "k"\n')
    argv = kinds.argv("vm.vmx", {"path": "/vmfs/volumes/ds/a/a.vmx"}, xml=False)
    assert argv[:4] == ["grep", "-i", "-E", VMX_PATTERN]
    assert vmkinds.grep_lines(argv, text) == grep_vmx(text)
    assert vmkinds.vmx_command(argv) == ("/vmfs/volumes/ds/a/a.vmx", vmkinds.EVERYTHING)


@pytest.mark.parametrize("line,shows", [
    ("cat /vmfs/volumes/ds/a/a.vmx", ("nics", "migrate", "encryption")),
    ("grep -i -E 'ethernet|encryption' /vmfs/volumes/ds/a/a.vmx",
     ("nics", "migrate", "encryption")),
    ("grep -i ethernet /vmfs/volumes/ds/a/a.vmx", ("nics",)),
    ("grep networkName /vmfs/volumes/ds/a/a.vmx", ()),  # a NIC on a VDS would not show
    ("egrep -i 'migrate|keysafe|encryption.data' /vmfs/volumes/ds/a/a.vmx",
     ("migrate", "encryption")),
    ("grep -e ethernet -e migrate /vmfs/volumes/ds/a/a.vmx", ("nics", "migrate")),
    ("grep -e Ethernet -e migrate /vmfs/volumes/ds/a/a.vmx", ("migrate",)),  # case matters
    ("grep '[[:alpha:]]' /vmfs/volumes/ds/a/a.vmx", ()),  # a pattern not read here
])
def test_what_a_pasted_vmx_command_can_show(line, shows):
    assert kinds.recognise(line) == ("vm.vmx", {"path": "/vmfs/volumes/ds/a/a.vmx"})
    assert vmkinds.vmx_command(__import__("shlex").split(line))[1] == shows


@pytest.mark.parametrize("line", [
    "grep -v ethernet /vmfs/volumes/ds/a/a.vmx", "grep -n ethernet /vmfs/volumes/ds/a/a.vmx",
    "grep ethernet /vmfs/volumes/ds/a/a.vmx /vmfs/volumes/ds/b/b.vmx",
    "cat /vmfs/volumes/ds/a/a.vmx | grep ethernet", "cat /etc/vmware/esx.conf", "cat a.vmx",
    "cat /vmfs/volumes/ds/../../etc/x.vmx"])
def test_a_command_that_does_not_print_one_vmx_as_it_is_is_not_read(line):
    assert kinds.recognise(line) is None


# -- collection: every .vmx read, bounded; an unreadable one is one unknown VM -------------------

def _odd_vms(profile):
    ds = "[datastore1] %s/%s.vmx"
    profile["vms"] = [
        {"name": "good", "vmx": ds % ("good", "good"), "networks": ["VM Network"]},
        {"name": "gone", "vmx": ds % ("gone", "gone"), "vmx_missing": True,
         "networks": ["VM Network"]},
        {"name": "garbage", "vmx": ds % ("garbage", "garbage"),
         "vmx_text": "\x00\x01\x02 not text at all\n"},
        {"name": "huge", "vmx": ds % ("huge", "huge"),
         "vmx_text": 'displayName = "huge"\n' + "x" * (MAX_VMX_BYTES + 10)}]


def test_an_unreadable_vmx_is_one_unknown_vm_not_a_failed_run():
    r = report_for(variant("lan", _odd_vms))
    vms = by_name(r)
    assert vms["good"]["vmx_read"] and vms["good"]["migrate_encryption"] == "opportunistic"
    for name in ("gone", "garbage", "huge"):
        assert not vms[name]["vmx_read"] and vms[name]["migrate_encryption"] is None
        assert vms[name]["encrypted"] is None and vms[name]["nics"] == []
    assert r["vms"]["inventory"] == "partial"
    notes = dict((c["params"].get("path", "").split("/")[-1], c["note"])
                 for c in r["commands"] if c["kind"] == "vm.vmx")
    assert notes["gone.vmx"] == "no such file"
    assert notes["huge.vmx"].startswith("larger than %d bytes" % MAX_VMX_BYTES)
    assert "no 'key = \"value\"' line" in notes["garbage.vmx"]  # no line of it is .vmx
    assert r["summary"]["exit_status"] == 1  # COLLECT-INCOMPLETE: a warning, not "nothing read"
    posture = ids(r)["VM-VMOTION-ENCRYPTION"]
    assert posture["severity"] == "info" and "Not known for 3" in posture["detail"]


def test_why_a_vmx_was_not_read_is_said_in_japanese_live_and_replayed(cli, tmp_path):
    """A file read's error is a message: a Japanese report says it in Japanese, on the host and
    from its bundle; the manifest keeps the English words with the message beside them."""
    import glob
    import json
    import tarfile
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(variant("lan", _odd_vms)))
    live = cli("inspect", "--simulate", str(path), "--lang", "ja")
    r = cli("bundle", "--simulate", str(path), "--quiet", "-o", str(tmp_path))
    (bundle,) = glob.glob(str(tmp_path / "*.tgz"))
    replay = cli("analyze", bundle, "--lang", "ja")
    for out in (live.out, replay.out):
        assert "ファイルがありません" in out and "バイトを超えるため、読み取っていません" in out
        assert "no such file" not in out and "larger than" not in out
    with tarfile.open(bundle) as tar:
        member = [m for m in tar.getmembers() if m.name.endswith("/manifest.json")][0]
        manifest = json.loads(tar.extractfile(member).read().decode())
    gone = [c for c in manifest["commands"] if c["params"].get("path", "").endswith("gone.vmx")]
    assert gone[0]["error"] == "no such file"
    assert gone[0]["error_message"] == {"id": "file.no-such-file", "params": {}}
    assert r.code in (0, 1, 2)


def test_a_datastore_that_hangs_costs_one_time_limit_and_the_others_are_read():
    def change(p):
        p["vms"] = [{"name": "a", "vmx": "[nfs-dead] a/a.vmx", "vmx_delay_s": 30},
                    {"name": "b", "vmx": "[nfs-dead] b/b.vmx", "vmx_delay_s": 30},
                    {"name": "c", "vmx": "[nfs-dead] c/c.vmx", "vmx_delay_s": 30},
                    {"name": "d", "vmx": "[local] d/d.vmx"}]
        p["timing"] = {"esxcli_s": 0, "other_s": 0}
    sim = SimHost(variant("lan", change), speed=1)
    collector = collect.Collector(Runner(sim), jobs=1, file_timeout=0.2)
    try:
        captures = collector.collect()
    finally:
        sim.terminate_all()  # the abandoned read wakes up
    reads = dict((c.params["path"].split("/")[-1], c) for c in captures if c.kind == "vm.vmx")
    assert reads["a.vmx"].timed_out
    for name in ("b.vmx", "c.vmx"):  # not tried: the datastore did not answer
        assert not reads[name].timed_out and "did not finish" in plain(reads[name].error)
    assert reads["d.vmx"].ran_ok
    facts = build_facts(captures)
    assert list(facts["vm"]["vmx"]) == ["/vmfs/volumes/local/d/d.vmx"]


# -- findings: both sides -----------------------------------------------------------------------

def test_a_vm_on_a_port_group_this_host_lacks():
    r = report_for(load_builtin("broken"))
    f = ids(r)["VM-NETWORK-MISSING"]
    assert f["severity"] == "warn" and f["subjects"] == ["fileserver"]
    assert f["params"]["network"] == "VM Network"
    assert "esxcli network vswitch standard portgroup add -p 'VM Network' -v <vSwitch>" in \
        f["remedy"]
    assert "VM-NETWORK-MISSING" not in ids(report_for(load_builtin("lan")))


def test_no_missing_network_is_claimed_when_the_port_groups_are_not_known():
    profile = variant("broken", lambda p: p["faults"]["commands"].append(
        {"match": "portgroup list", "exit_code": 1, "stdout": "Error: simulated\n"}))
    profile["faults"]["commands"].append({"match": "esxcfg-vswitch", "missing": True})
    assert "VM-NETWORK-MISSING" not in ids(report_for(profile))


def test_a_vm_on_a_distributed_switch_this_host_is_not_on():
    def change(p):
        p["vms"].append({"name": "moved-in", "networks": [
            {"dvs": "DSwitch-DC2", "portgroup": "dvportgroup-77"}]})
    r = report_for(variant("ldvm", change))
    f = ids(r)["VM-NETWORK-MISSING"]
    assert f["message_id"] == "VM-NETWORK-MISSING.dvs" and f["subjects"] == ["moved-in"]
    assert "VM-NETWORK-MISSING" not in ids(report_for(load_builtin("ldvm")))  # its own DVS


def test_clear_text_vmotion_over_routed_long_distance_paths(cli):
    r = cli("check", "--simulate", "ldvm", "--json", "--quiet").json
    f = ids(r)["VM-VMOTION-CLEARTEXT"]
    assert f["severity"] == "warn" and f["subjects"] == ["legacy-ftp"]
    assert "172.21.120.18" in f["detail"] and "clear text" in f["detail"]
    assert "IPsec" in f["remedy"] and "Required" in f["remedy"]


def test_no_clear_text_finding_without_tested_peers_or_on_a_lan(cli):
    assert "VM-VMOTION-CLEARTEXT" not in ids(cli("inspect", "--simulate", "ldvm", "--json").json)
    lan = variant("lan", lambda p: p["vms"][0].update(migrate_encryption="disabled"))
    sim = SimHost(lan, speed=0)
    captures = collect.Collector(Runner(sim)).collect()
    from esxi_diag.analysis import pipeline, reach
    a = pipeline.HostAnalysis(captures)
    pairs, _ = reach.plan_pairs(a.facts, a.paths, [{"address": "10.10.30.12", "role": "hot",
                                                    "label": None, "mtu": None}])
    from esxi_diag.sources import prober
    prober.Prober(Runner(sim), count=3, interval=0.2).run(pairs)
    r = pipeline.report(a, {"type": "simulated", "name": "lan"}, reach_run={"pairs": pairs})
    assert r["reachability"]["paths"][0]["routing"]["kind"] == "on-link"
    assert "VM-VMOTION-CLEARTEXT" not in ids(r)  # an on-link LAN path: nothing to say


def test_an_encrypted_vm_is_never_said_to_migrate_in_clear_text(cli, tmp_path):
    p = variant("ldvm", lambda p: p["vms"][2].update(encrypted=True))
    path = tmp_path / "p.json"
    path.write_text(json.dumps(p))
    r = cli("check", "--simulate", str(path), "--json", "--quiet").json
    assert "VM-VMOTION-CLEARTEXT" not in ids(r)


def test_the_posture_counts_every_mode_and_lists_the_vms():
    f = ids(report_for(load_builtin("ldvm")))["VM-VMOTION-ENCRYPTION"]
    assert f["severity"] == "info"
    assert "required: 2 (erp-app-01, erp-db-01)" in f["detail"]
    assert "opportunistic: 1 (tmpl-rhel8)" in f["detail"]
    assert "disabled: 1 (legacy-ftp)" in f["detail"]
    assert "Encrypted VMs, whose vMotion is always encrypted: erp-db-01." in f["detail"]
    assert "TLS" in f["detail"]


def test_the_posture_list_is_bounded():
    def many(p):
        p["vms"] = [{"name": "vm%03d" % i, "networks": ["VM Network"]} for i in range(40)]
    f = ids(report_for(variant("lan", many)))["VM-VMOTION-ENCRYPTION"]
    assert "opportunistic: 40 (vm000, vm001" in f["detail"] and "; and 30 more" in f["detail"]
    assert "vm039" not in f["detail"]


def test_no_vm_no_posture():
    r = report_for(variant("lan", lambda p: p.pop("vms")))
    assert r["vms"] == {"inventory": "read", "list": []}
    assert "VM-VMOTION-ENCRYPTION" not in ids(r)


def test_a_disabled_vmotion_or_nfc_ruleset():
    r = report_for(load_builtin("broken"))
    f = ids(r)["FIREWALL-RULESET-DISABLED"]
    assert f["severity"] == "fail" and f["subjects"] == ["vMotion"]
    assert "(TCP 8000)" in f["detail"]
    assert f["remedy"] == "esxcli network firewall ruleset set -r vMotion -e true"
    nfc = report_for(variant("lan", lambda p: p.update(firewall={"rulesets": {"NFC": False}})))
    assert ids(nfc)["FIREWALL-RULESET-DISABLED"]["subjects"] == ["NFC"]
    assert "cold data" in ids(nfc)["FIREWALL-RULESET-DISABLED"]["detail"]
    assert "FIREWALL-RULESET-DISABLED" not in ids(report_for(load_builtin("lan")))


def test_a_disabled_ruleset_while_the_firewall_is_off_is_a_warning():
    r = report_for(variant("broken", lambda p: p["firewall"].update(enabled=False)))
    f = ids(r)["FIREWALL-RULESET-DISABLED"]
    assert f["severity"] == "warn" and f["message_id"] == "FIREWALL-RULESET-DISABLED.firewall-off"


def test_the_firewall_and_the_vm_facts_when_nothing_about_them_was_read():
    r = report_for(variant("lan", lambda p: p.update(faults={"commands": [
        {"match": "vim-cmd", "missing": True}, {"match": "network vm list", "hang": True},
        {"match": "firewall", "exit_code": 1, "stdout": "Error: simulated\n"}]})),
        esxcli_timeout=0.5)
    assert r["vms"]["inventory"] == "failed"
    assert r["firewall"]["read"] is False and r["firewall"]["rulesets"] == []
    assert not [f for f in r["findings"] if f["id"].startswith(("VM-", "FIREWALL-"))]


# -- the report contract ------------------------------------------------------------------------

def test_the_contract_of_vms_and_firewall(cli):
    r = cli("inspect", "--simulate", "ldvm", "--json").json
    assert r["vms"]["inventory"] == "read"
    db = by_name(r)["erp-db-01"]
    assert set(db) >= {"vmid", "name", "vmx", "power_state", "vmx_read", "nics",
                       "migrate_encryption", "encrypted"}
    assert (db["vmid"], db["vmx"], db["power_state"], db["vmx_read"], db["migrate_encryption"],
            db["encrypted"]) == ("2", "[datastore1] erp-db-01/erp-db-01.vmx", "on", True,
                                 "required", True)
    dvs = [s for s in r["vswitches"] if s["type"] == "distributed"][0]
    assert dvs["uuid"] == "501e5bade3b4af2518f31c4cfa983dbb"
    assert [(n["device"], n["network"], n["dvs_switch"], n["dvs_portgroup"],
             n["opaque_network"]) for n in db["nics"]] == [
        ("ethernet0", None, dvs["uuid"], "dvportgroup-2001", None),
        ("ethernet1", None, dvs["uuid"], "dvportgroup-2002", None)]
    assert by_name(r)["tmpl-rhel8"]["power_state"] == "off"
    assert {"name": "vMotion", "enabled": True, "allowed_all": None} == dict(
        (k, v) for k, v in [x for x in r["firewall"]["rulesets"] if x["name"] == "vMotion"][0]
        .items() if k in ("name", "enabled", "allowed_all"))
    assert r["firewall"]["read"] is True and r["firewall"]["enabled"] is True


def test_a_running_vm_whose_only_adapter_cannot_connect_is_of_unknown_power_state():
    vms = by_name(report_for(load_builtin("broken")))
    assert vms["fileserver"]["power_state"] is None  # not listed: off, or on without a port


# -- the same VM facts from a pasted session and from a bundle ---------------------------------

def _vm_facts(report):
    return {"vms": report["vms"], "firewall": report["firewall"],
            "uuids": sorted((s["name"], s["uuid"]) for s in report["vswitches"])}


@pytest.mark.parametrize("profile", ["lan", "ldvm", "broken"])
def test_a_pasted_session_gives_the_vm_facts_of_a_live_run(cli, tmp_path, profile):
    session = cli("simulator", "transcript", profile).out
    assert "grep -i -E" in session and "vim-cmd vmsvc/getallvms" in session
    path = tmp_path / "session.txt"
    path.write_text(session)
    pasted = cli("analyze", "--transcript", str(path), "--json").json
    live = cli("inspect", "--simulate", profile, "--json").json
    assert _vm_facts(pasted) == _vm_facts(live)
    vm_ids = lambda r: sorted(f["id"] for f in r["findings"] if f["id"].startswith(("VM-", "FI")))
    assert vm_ids(pasted) == vm_ids(live)


def test_a_pasted_cat_of_a_whole_vmx_reads_like_the_grep(cli, tmp_path):
    sim = SimHost(load_builtin("ldvm"), speed=0)
    path = "/vmfs/volumes/datastore1/legacy-ftp/legacy-ftp.vmx"
    lines = [["vim-cmd", "vmsvc/getallvms"], ["cat", path]]
    session = tmp_path / "cat.txt"
    session.write_text(sim.transcript(lines))
    grep = tmp_path / "grep.txt"
    grep.write_text(sim.transcript([lines[0], kinds.argv("vm.vmx", {"path": path}, xml=False)]))
    a, b = [by_name(cli("analyze", "--transcript", str(p), "--json").json)["legacy-ftp"]
            for p in (session, grep)]
    assert a == b and a["migrate_encryption"] == "disabled" and a["vmx_read"]


def test_a_narrow_grep_leaves_the_rest_unknown(cli, tmp_path):
    sim = SimHost(load_builtin("ldvm"), speed=0)
    path = "/vmfs/volumes/datastore1/legacy-ftp/legacy-ftp.vmx"
    session = tmp_path / "s.txt"
    session.write_text(sim.transcript([["vim-cmd", "vmsvc/getallvms"],
                                       ["grep", "-i", "migrate", path]]))
    vm = by_name(cli("analyze", "--transcript", str(session), "--json").json)["legacy-ftp"]
    assert vm["migrate_encryption"] == "disabled"
    assert (vm["vmx_read"], vm["nics"], vm["encrypted"]) == (False, [], None)


def test_a_pasted_vmx_under_the_datastores_uuid_is_matched_by_name(cli, tmp_path):
    sim = SimHost(load_builtin("ldvm"), speed=0)
    path = "/vmfs/volumes/datastore1/legacy-ftp/legacy-ftp.vmx"
    _, text, _ = sim.respond(kinds.argv("vm.vmx", {"path": path}, xml=False))
    _, inventory, _ = sim.respond(["vim-cmd", "vmsvc/getallvms"])
    session = tmp_path / "s.txt"
    session.write_text("[root@h:~] vim-cmd vmsvc/getallvms\n%s[root@h:~] cat /vmfs/volumes/"
                       "5a1b2c3d-0e1f2a3b-4c5d-001b21aabbcc/legacy-ftp/legacy-ftp.vmx\n%s" % (
                           inventory, text))
    r = cli("analyze", "--transcript", str(session), "--json").json
    assert len(r["vms"]["list"]) == 4
    assert by_name(r)["legacy-ftp"]["migrate_encryption"] == "disabled"


def test_a_bundle_replays_to_the_same_vm_facts(cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert cli("bundle", "--quiet", "-o", str(out), "--simulate", "ldvm").code in (0, 1, 2)
    (path,) = glob.glob(str(out / "*.tgz"))
    replay = cli("analyze", path, "--json").json
    live = cli("inspect", "--simulate", "ldvm", "--json").json
    assert _vm_facts(replay) == _vm_facts(live)


def test_a_redacted_bundle_replays_to_the_same_vm_posture(cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert cli("bundle", "--quiet", "-o", str(out), "--simulate", "ldvm", "--redact").code in (
        0, 1, 2)
    (path,) = glob.glob(str(out / "*.tgz"))
    replay = cli("analyze", path, "--json").json
    live = cli("inspect", "--simulate", "ldvm", "--json").json
    shape = lambda r: sorted((v["vmid"], v["power_state"], v["vmx_read"], v["migrate_encryption"],
                              v["encrypted"], len(v["nics"])) for v in r["vms"]["list"])
    assert shape(replay) == shape(live)
    assert not set(by_name(live)) & set(by_name(replay))  # every name masked
    assert all(v["name"].startswith("vm-") for v in replay["vms"]["list"])


# -- the commands list --------------------------------------------------------------------------

def test_the_commands_list_asks_for_each_vmx_and_a_few_port_lists(cli):
    lines = cli("commands", "--simulate", "ldvm").out.splitlines()
    assert "vim-cmd vmsvc/getallvms" in lines and "esxcli network vm list" in lines
    assert "esxcli network firewall ruleset list" in lines
    greps = [l for l in lines if l.startswith("grep -i -E")]
    assert len(greps) == 4 and greps[0].endswith(
        "/vmfs/volumes/datastore1/erp-app-01/erp-app-01.vmx")
    assert len([l for l in lines if l.startswith("esxcli network vm port list -w")]) == 3


def test_transcript_reader_takes_the_vm_commands():
    data = fixture_text("notes-vm-list-and-port-list-edited-session.txt").encode()
    captures, unrecognised, _, _ = transcript.read(data)
    assert [(c.kind, c.params) for c in captures] == [
        ("vm.network.list", {}), ("vm.port.list", {"world": "221168"})]
    assert unrecognised == []
