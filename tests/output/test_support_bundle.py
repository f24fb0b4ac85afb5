"""bundle, analyze of bundles, commands, and --redact."""
import copy
import errno
import glob
import gzip
import io
import json
import os
import re
import shlex
import tarfile

import pytest

from esxi_diag.output import bundle as bundle_mod
from esxi_diag.simulator.host import BUILTIN, SimHost, load_builtin


def make_bundle(cli, folder, *extra):
    r = cli("bundle", "--quiet", "-o", str(folder), *extra)
    assert r.code in (0, 1, 2), r.err
    (path,) = glob.glob(str(folder / "*.tgz"))
    return r, path


def members(path):
    out = {}
    with tarfile.open(path) as tar:
        for m in tar.getmembers():
            out[m.name.split("/", 1)[1]] = tar.extractfile(m).read()
    return out


def finding_keys(report):
    return [(f["id"], f["severity"], f["subjects"], f["title"], f["detail"], f["remedy"])
            for f in report["findings"]]


def masked_finding_keys(report):
    """finding_keys, but blind to the order of names within a finding: the analysis lists VMs
    and networks sorted by name, and masked names sort otherwise than the real ones (a mask is a
    keyed hash), so the masked report and the analysis of the masked outputs list them in
    different orders; the words are the same."""
    return sorted((f["id"], f["severity"], sorted(f["subjects"] or []),
                   sorted(re.findall(r"[\w.:-]+", f["title"] + " " + f["detail"])),
                   f["remedy"] and sorted(re.findall(r"[\w.:-]+", f["remedy"])))
                  for f in report["findings"])


def test_archive_layout_and_manifest(cli, tmp_path):
    r, path = make_bundle(cli, tmp_path, "--simulate", "ldvm", "--case", "SR 123/45")
    name = os.path.basename(path)
    assert name.startswith("esxi-diag-esx-dc1-07-SR_123_45-") and name.endswith("Z.tgz")
    assert path in r.out and "sha256" in r.out
    files = members(path)
    assert {"manifest.json", "report.json", "report.txt"} <= set(files)
    manifest = json.loads(files["manifest.json"].decode())
    assert manifest["schema"] == "esxi-diag-bundle/1" and manifest["case"] == "SR 123/45"
    assert manifest["tool"]["version"] and "sha256" in manifest["tool"]
    assert manifest["command_line"][:2] == ["esxi-diag", "bundle"]
    assert manifest["host"] == "esx-dc1-07" and manifest["redacted"] is False
    entries = manifest["commands"]
    # 26 collected about the network, 12 about the VMs and the firewall (the VM list, 4 .vmx, the
    # running VMs and the ports of 3, the firewall and its rulesets and rules), 6 vmkping runs
    assert len(entries) == 44
    for e in entries:
        assert set(e) >= {"argv", "exit_code", "started", "duration_s", "timed_out", "stdout",
                          "stderr", "command", "kind"}
        for stream in ("stdout", "stderr"):
            data = files[e[stream]["file"]]
            assert bundle_mod.sha256(data) == e[stream]["sha256"]
            assert len(data) == e[stream]["bytes"]
    for doc in ("report.json", "report.txt"):
        assert bundle_mod.sha256(files[doc]) == manifest["files"][doc]
    report = json.loads(files["report.json"].decode())
    assert report["reachability"]["paths"] and report["tune"]["plan"]
    assert "Recommended Long Distance vMotion tuning" in files["report.txt"].decode()
    assert not [f for f in os.listdir(str(tmp_path)) if f.startswith(".")]  # no leftovers


@pytest.mark.parametrize("profile", BUILTIN)
def test_replay_gives_the_same_findings_as_on_the_host(cli, tmp_path, profile):
    _, path = make_bundle(cli, tmp_path, "--simulate", profile)
    original = json.loads(members(path)["report.json"].decode())
    replay = cli("analyze", path, "--json")
    assert replay.code == original["summary"]["exit_status"], replay.err
    assert finding_keys(replay.json) == finding_keys(original)
    for key in ("host", "vmknics", "data_paths", "tuning", "routes"):
        assert replay.json[key] == original[key], key
    assert [p["verdict"] for p in replay.json["reachability"]["paths"]] == \
        [p["verdict"] for p in original["reachability"]["paths"]]
    assert replay.json["source"]["type"] == "bundle"


@pytest.mark.parametrize("fault,said", [
    ({"missing": True}, "vmkping を実行できませんでした"),
    ({"hang": True}, "強制終了しました")], ids=["vmkping-missing", "vmkping-hangs"])
def test_a_bundle_whose_probes_could_not_run_replays_the_same(cli, tmp_path, fault, said):
    """A planned path records why it was not probed (a message): the replay reads it back, in
    the report's language, instead of refusing the path as damaged."""
    profile = load_builtin("ldvm")
    profile.setdefault("faults", {}).setdefault("commands", []).insert(
        0, dict(fault, match="vmkping"))
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile))
    r, bundle = make_bundle(cli, tmp_path, "--simulate", str(path), "--timeout", "1")
    original = json.loads(members(bundle)["report.json"].decode())
    assert [p["verdict"] for p in original["reachability"]["paths"]] == ["vmkping-error"] * 2
    manifest = json.loads(members(bundle)["manifest.json"].decode())
    planned = manifest["reachability"]["planned"]
    assert all(isinstance(p["error"], str) and p["error_message"]["id"].startswith("reach.")
               for p in planned)  # English words for older readers, the message beside them
    replay = cli("analyze", bundle, "--json")
    assert replay.code == original["summary"]["exit_status"] == 2, replay.err
    assert replay.err == ""
    assert finding_keys(replay.json) == finding_keys(original)
    assert replay.json["reachability"]["paths"] == original["reachability"]["paths"]
    japanese = cli("analyze", bundle, "--lang", "ja").out
    assert said in japanese
    assert "vmkping could not" not in japanese and "did not finish" not in japanese


def test_several_inputs_one_report_each(cli, tmp_path):
    _, path = make_bundle(cli, tmp_path, "--simulate", "lan")
    transcript = tmp_path / "other.txt"
    transcript.write_text(cli("simulator", "transcript", "broken").out)
    r = cli("analyze", path, str(transcript), "--json")
    assert [x["host"]["hostname"] for x in r.json] == ["esx-lan-01", "esx-old-03"]
    assert r.code == 2  # the worst of the two
    text = cli("analyze", path, str(transcript))
    assert text.out.count("Result:") == 2


def _repack(path, change, out):
    with tarfile.open(path) as tar:
        items = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    with tarfile.open(out, "w:gz") as tar:
        for m, data in items:
            data = change(m.name, data)
            if data is None:
                continue
            m.size = len(data)
            tar.addfile(m, io.BytesIO(data))
    return out


def test_tampered_raw_output_is_left_out_and_said(cli, tmp_path):
    _, path = make_bundle(cli, tmp_path, "--simulate", "ldvm")
    bad = _repack(path, lambda n, d: d.replace(b"9000", b"1500") if n.endswith(
        "-ip.interface.list.stdout") else d, str(tmp_path / "tampered.tgz"))
    r = cli("analyze", bad, "--json")
    assert "does not match its SHA-256" in r.err and "Traceback" not in r.err
    assert r.json["data_paths"]["hot"]["basis"] == "unknown"  # not a wrong answer from bad data
    assert any("SHA-256" in n for n in r.json["notes"])


def test_missing_raw_output(cli, tmp_path):
    _, path = make_bundle(cli, tmp_path, "--simulate", "lan")
    bad = _repack(path, lambda n, d: None if n.endswith("nic.list.stdout") else d,
                  str(tmp_path / "missing.tgz"))
    r = cli("analyze", bad, "--json")
    assert "is missing" in r.err
    assert r.json["nics"] == [] and r.json["vmknics"]  # the rest is analysed


def test_truncated_archive(cli, tmp_path):
    """The manifest is the first member: an archive cut half way is analysed from the raw outputs
    before the cut, says what is missing, and ends with exit 3 (damaged input)."""
    _, path = make_bundle(cli, tmp_path, "--simulate", "lan")
    raw = gzip.decompress(open(path, "rb").read())
    cut = tmp_path / "cut.tgz"
    cut.write_bytes(gzip.compress(raw[:len(raw) // 2]))
    r = cli("analyze", str(cut), "--json")
    assert r.code == 3 and "truncated" in r.err and "Traceback" not in r.err
    assert r.json["summary"]["exit_status"] == 3 and r.json["host"]["hostname"] == "esx-lan-01"
    assert any("is missing" in n for n in r.json["notes"])
    cut.write_bytes(open(path, "rb").read()[:300])
    r = cli("analyze", str(cut))
    assert r.code == 3 and "Traceback" not in r.err and r.err.count("\n") == 1


def test_bundle_from_a_future_schema(cli, tmp_path):
    _, path = make_bundle(cli, tmp_path, "--simulate", "lan")

    def bump(name, data):
        if name.endswith("manifest.json"):
            m = json.loads(data.decode())
            m["schema"] = "esxi-diag-bundle/7"
            return json.dumps(m).encode()
        return data
    r = cli("analyze", _repack(path, bump, str(tmp_path / "future.tgz")))
    assert r.code == 3 and "newer esxi-diag" in r.err


def test_full_disk_leaves_nothing(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_mod, "_free", lambda folder: 1000)
    r = cli("bundle", "--simulate", "lan", "--quiet", "-o", str(tmp_path))
    assert r.code == 3 and "not enough room" in r.err and os.listdir(str(tmp_path)) == []


def test_disk_filling_up_while_writing_leaves_nothing(cli, tmp_path, monkeypatch):
    from esxi_diag.sources import hostfiles
    written = []

    def write(fd, data):  # the disk fills up after the first block
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(len(data))
        return real_write(fd, data[:4096])
    real_write = os.write
    monkeypatch.setattr(hostfiles.os, "write", write)
    r = cli("bundle", "--simulate", "lan", "--quiet", "-o", str(tmp_path))
    assert written and r.code == 3 and "is full" in r.err
    assert os.listdir(str(tmp_path)) == []  # not even the temporary file


def test_output_folder_that_is_not_a_folder(cli, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = cli("bundle", "--simulate", "lan", "--quiet", "-o", str(f))
    assert r.code == 3 and "is not a folder" in r.err


# -- redaction --------------------------------------------------------------------------------

PLANTED = {"hostname": "acme-prod-esx42", "domain": "corp.acme-bank.example",
           "mgmt_ip": "198.51.100.42", "gateway": "198.51.100.1", "vmotion_ip": "203.0.113.42",
           "peer_ip": "203.0.113.77", "mac": "00:50:56:ab:cd:ef", "nic_mac": "3c:fd:fe:12:34:56",
           "portgroup": "ACME-vMotion-PG", "dvs": "ACME-DVS-01", "v6": "2001:db8:ace::42"}


def planted_profile(tmp_path):
    p = copy.deepcopy(load_builtin("ldvm"))
    p["host"].update(hostname=PLANTED["hostname"], domain=PLANTED["domain"])
    p["nics"][0]["mac"] = PLANTED["nic_mac"]
    p["dvswitches"][0]["name"] = PLANTED["dvs"]
    p["vswitches"][0]["portgroups"].append({"name": PLANTED["portgroup"], "vlan_id": 5})
    vmk0, vmk1, vmk2 = p["vmknics"]
    vmk0["ipv4"].update(address=PLANTED["mgmt_ip"], gateway=PLANTED["gateway"])
    vmk0["ipv6"] = [{"address": PLANTED["v6"], "prefix_length": 64}]
    vmk1["switch"] = vmk2["switch"] = PLANTED["dvs"]
    vmk1["ipv4"]["address"] = PLANTED["vmotion_ip"]
    vmk1["mac"] = PLANTED["mac"]
    p["routes"]["defaultTcpipStack"][0]["gateway"] = PLANTED["gateway"]
    p["routes"]["vmotion"][0]["gateway"] = "203.0.113.1"
    p["network"]["peers"][0]["address"] = PLANTED["peer_ip"]
    p["network"]["peers"][0]["label"] = "acme-dr-esx07 vmk1"
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(p))
    return str(path)


def test_redacted_bundle_leaves_no_planted_value_in_any_byte(cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    _, path = make_bundle(cli, out, "--simulate", planted_profile(tmp_path), "--redact",
                          "--peer", PLANTED["peer_ip"] + ":hot")
    blob = b""
    with tarfile.open(path) as tar:
        for m in tar.getmembers():
            blob += m.name.encode() + b"\n" + tar.extractfile(m).read() + b"\n"
    assert re.match("^esxi-diag-host-[a-z2-7]{10}-", os.path.basename(path))
    needles = list(PLANTED.values()) + ["acme-dr-esx07", "ab:cd:ef", "12:34:56", "acme",
                                        "198.51.100.", "203.0.113."]
    for value in needles:
        assert value.lower().encode() not in blob.lower(), value
    # the private map is beside the archive, not in it
    maps = glob.glob(str(out / "*.redact-map.json"))
    assert len(maps) == 1 and b"redact-map" not in blob and b"PRIVATE" not in blob
    assert PLANTED["hostname"] in open(maps[0]).read()


def test_masked_bundle_still_analyses_to_the_same_findings(cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    _, path = make_bundle(cli, out, "--simulate", planted_profile(tmp_path), "--redact")
    original = json.loads(members(path)["report.json"].decode())
    replay = cli("analyze", path, "--json").json
    assert masked_finding_keys(replay) == masked_finding_keys(original)
    assert replay["data_paths"] == original["data_paths"]
    hot = replay["reachability"]["paths"][0]
    assert hot["verdict"] == "ok" and hot["routing"] == \
        original["reachability"]["paths"][0]["routing"]


def test_a_reused_map_masks_hosts_of_one_site_alike(cli, tmp_path):
    shared_map = str(tmp_path / "site.map.json")
    a = cli("check", "--simulate", "ldvm", "--quiet", "--json", "--redact", "--redact-map",
            shared_map)
    b = cli("check", "--simulate", "ldvm", "--quiet", "--json", "--redact", "--redact-map",
            shared_map)
    assert a.json["reachability"]["paths"][0]["target"] == \
        b.json["reachability"]["paths"][0]["target"]
    assert a.json["host"]["hostname"] == b.json["host"]["hostname"]
    assert re.match("^host-[a-z2-7]{10}$", a.json["host"]["hostname"])
    c = cli("check", "--simulate", "ldvm", "--quiet", "--json", "--redact")
    assert c.json["reachability"]["paths"][0]["target"] != \
        a.json["reachability"]["paths"][0]["target"]  # a one-time key differs
    assert "one-time key" in c.err


def test_redacted_inspect_keeps_subnets(cli):
    report = cli("inspect", "--simulate", "ldvm", "--json", "--redact").json
    import ipaddress
    vmk1 = [v for v in report["vmknics"] if v["name"] == "vmk1"][0]
    gw = [r for r in report["routes"] if r["netstack"] == "vmotion" and r["gateway"]][0]
    net = ipaddress.ip_network("%s/%s" % (vmk1["ipv4"]["address"], vmk1["ipv4"]["netmask"]),
                               strict=False)
    assert ipaddress.ip_address(gw["gateway"]) in net
    assert not vmk1["ipv4"]["address"].startswith("172.20.")


def test_analyze_redact_of_a_transcript(cli, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(cli("simulator", "transcript", "ldvm").out)
    r = cli("analyze", "--transcript", str(path), "--redact")
    assert "esx-dc1-07" not in r.out and "172.20.120.17" not in r.out
    assert re.search("host-[a-z2-7]{10}", r.out)


def test_bad_redaction_map(cli, tmp_path):
    bad = tmp_path / "map.json"
    bad.write_text("{}")
    r = cli("inspect", "--simulate", "lan", "--redact", "--redact-map", str(bad))
    assert r.code == 3 and "not an esxi-diag redaction map" in r.err
    r = cli("inspect", "--simulate", "lan", "--redact-map", str(bad))
    assert r.code == 3 and "goes with --redact" in r.err


# -- commands ---------------------------------------------------------------------------------

def test_commands_without_a_host_list_the_generic_set(cli, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    r = cli("commands")
    lines = [l for l in r.out.splitlines() if not l.startswith("#")]
    assert r.code == 0 and lines[0] == "esxcli system version get"
    assert "esxcli network ip interface tag get -i vmk0" in lines
    assert not any("--formatter" in l for l in lines)


def test_commands_with_a_host_fill_in_names_and_vmkping(cli):
    r = cli("commands", "--simulate", "ldvm", "--peer", "172.21.120.18:hot")
    lines = [l for l in r.out.splitlines() if not l.startswith("#")]
    assert "esxcli network ip interface tag get -i vmk2" in lines
    assert "esxcli network ip route ipv4 list -N vSphereProvisioning" in lines
    i = lines.index("vmkping -I vmk1 -S vmotion -c 1 172.21.120.18")  # the warm-up first
    assert lines[i + 1:i + 3] == ["vmkping -I vmk1 -S vmotion -c 10 172.21.120.18",
                                  "vmkping -I vmk1 -S vmotion -c 3 -d -s 8972 172.21.120.18"]


def test_pasting_the_listed_commands_gives_the_inspect_report(cli, tmp_path):
    r = cli("commands", "--simulate", "ldvm")
    commands = [shlex.split(l) for l in r.out.splitlines() if l and not l.startswith("#")]
    path = tmp_path / "pasted.txt"
    path.write_text(SimHost(load_builtin("ldvm"), speed=0).transcript(commands))
    analysed = cli("analyze", "--transcript", str(path), "--json").json
    inspected = cli("inspect", "--simulate", "ldvm", "--json").json
    assert finding_keys(analysed) == finding_keys(inspected)
