"""esxi-diag compare: both ends of a migration (report/compare.py, cli/compare.py)."""

import copy
import json
import os
import re

import pytest

from compare_reports import check, report, vm
from conftest import ROOT
from pseudo_language import host_values as _host_values, left_over as _left_over
from esxi_diag.output import redact
from esxi_diag.report import compare as compare_mod

HOSTS = ("dc1-esx01", "dc1-esx02", "dc2-esx01", "dc2-esx02")
_SITE = {}


def site_reports(cli, tmp_path_factory=None):
    """The check --json reports of the four twosite hosts (made once per test run)."""
    if not _SITE:
        for host in HOSTS:
            r = cli("check", "--simulate", "twosite", "--host", host, "--json", "--quiet")
            assert r.code in (0, 1, 2), r.err
            _SITE[host] = r.json
    return copy.deepcopy(_SITE)


def compared(views_or_reports):
    views = [compare_mod.host_view(r, r["host"]["hostname"]) for r in views_or_reports]
    result = compare_mod.compare(views)
    for p in result["pairs"]:  # every finding has its words (a missing one renders its ID)
        for f in p["findings"]:
            assert not f["title"].startswith("COMPARE-") and f["detail"], f["message_id"]
            assert "{" not in f["title"] + f["detail"] + (f["remedy"] or "")
    return result


def ids(result):
    """{(source, destination, finding id, severity)} of a comparison."""
    return set((p["source"], p["destination"], f["id"], f["severity"])
               for p in result["pairs"] for f in p["findings"])


def pair(result, source, destination):
    for p in result["pairs"]:
        if (p["source"], p["destination"]) == (source, destination):
            return p
    return {"verdict": "ok", "findings": []}


def findings(result, source, destination, fid=None):
    return [f for f in pair(result, source, destination)["findings"]
            if fid is None or f["id"] == fid]


def write(tmp_path, name, value):
    path = tmp_path / name
    path.write_text(json.dumps(value) if not isinstance(value, str) else value)
    return str(path)


# -- the built-in site, end to end ---------------------------------------------------------------

PLANTED = {
    # VM-Batch is missing on dc2-esx01: batch01 (dc1-esx02) cannot move there
    ("dc1-esx02", "dc2-esx01", "COMPARE-VM-NETWORK-MISSING", "fail"),
    # VM-App is VLAN 111 on dc2-esx02, 110 elsewhere: app01 there, app02 from there
    ("dc1-esx01", "dc2-esx02", "COMPARE-VLAN-MISMATCH", "fail"),
    ("dc2-esx02", "dc1-esx01", "COMPARE-VLAN-MISMATCH", "fail"),
    ("dc2-esx02", "dc1-esx02", "COMPARE-VLAN-MISMATCH", "fail"),
    ("dc2-esx02", "dc2-esx01", "COMPARE-VLAN-MISMATCH", "fail"),
    # db01 (dc1-esx01) has Encrypted vMotion disabled: clear text to the other site
    ("dc1-esx01", "dc2-esx01", "COMPARE-CLEARTEXT-VMOTION", "warn"),
    ("dc1-esx01", "dc2-esx02", "COMPARE-CLEARTEXT-VMOTION", "warn"),
}
for _other in ("dc1-esx01", "dc1-esx02", "dc2-esx02"):
    # dc2-esx01's vMotion vmknic is MTU 1500: configured, and measured by the others' checks
    PLANTED |= {(_other, "dc2-esx01", "COMPARE-MTU-MISMATCH", "warn"),
                ("dc2-esx01", _other, "COMPARE-MTU-MISMATCH", "warn"),
                (_other, "dc2-esx01", "COMPARE-CHECK-FAILED", "fail"),
                ("dc2-esx01", _other, "COMPARE-CHECK-FAILED", "fail")}
for _other, _severity in (("dc1-esx01", "warn"), ("dc1-esx02", "warn"), ("dc2-esx01", "info")):
    # dc2-esx02 is untuned (line rate and sbMax); only informative on its own LAN
    PLANTED |= {(_other, "dc2-esx02", "COMPARE-TUNING-DIFFERS", _severity),
                ("dc2-esx02", _other, "COMPARE-TUNING-DIFFERS", _severity)}


def test_builtin_site_shows_every_planted_difference_and_nothing_else(cli, tmp_path):
    reports = site_reports(cli)
    # the VM facts come from the simulated hosts themselves (their vms[]), read like live ones
    assert all(reports[h]["vms"]["inventory"] == "read" for h in HOSTS)
    files = [write(tmp_path, h + ".json", reports[h]) for h in HOSTS]
    r = cli("compare", "--json", *files)
    assert r.code == 2, r.err
    result = r.json
    assert result["schema"] == "esxi-diag-compare/1"
    assert ids(result) == PLANTED
    # the tuning difference names dc2-esx02 and the commands that align it to the others
    f = findings(result, "dc1-esx01", "dc2-esx02", "COMPARE-TUNING-DIFFERS")
    assert {x["message_id"] for x in f} == {"COMPARE-TUNING-DIFFERS.rate",
                                            "COMPARE-TUNING-DIFFERS.sbmax"}
    remedy = "\n".join(x["remedy"] for x in f)
    assert "On dc2-esx02:" in remedy and "On dc1-esx01:" not in remedy
    assert "esxcli system settings advanced set -o /Migrate/NetExpectedLineRateMBps -i 1250" \
        in remedy
    assert "vsish -e set /net/tcpip/instances/vmotion/sbMax 78643200" in remedy
    # the VLAN difference says which VMs, and aligns dc2-esx02 (3 of 4 hosts have 110)
    f = findings(result, "dc2-esx02", "dc1-esx01", "COMPARE-VLAN-MISMATCH")[0]
    assert f["params"]["vms"] == ["app02"] and f["params"]["src_vlan"] == 111
    assert "On dc2-esx02:" in f["remedy"] and "--vlan-id 110" in f["remedy"]
    f = findings(result, "dc1-esx02", "dc2-esx01", "COMPARE-VM-NETWORK-MISSING")[0]
    assert f["params"]["vms"] == ["batch01"] and f["params"]["network"] == "VM-Batch"
    assert "portgroup add -p VM-Batch -v vSwitch0" in f["remedy"]
    assert "--vlan-id 130" in f["remedy"]
    f = findings(result, "dc1-esx01", "dc2-esx01", "COMPARE-CLEARTEXT-VMOTION")[0]
    assert f["params"]["vms"] == ["db01"]
    # the matrix: within dc1 every pair is fine
    names = [h["name"] for h in result["hosts"]]
    assert names == list(HOSTS)
    assert result["matrix"][0][1] == "ok" and result["matrix"][1][0] == "ok"
    assert result["summary"]["verdicts"] == {"ok": 2, "warn": 1, "fail": 9, "unknown": 0}
    # the text says the same
    t = cli("compare", *files)
    assert t.code == 2
    assert set(re.findall(r"\bCOMPARE-[A-Z-]+[A-Z]", t.out)) == set(f[2] for f in PLANTED)
    assert "dc1-esx02 to dc2-esx01: FAIL" in t.out
    assert "dc1-esx01 to dc1-esx02" not in t.out  # an ok pair has nothing to say
    assert "Result: FAILURES: 9 fail, 1 warn, 0 unknown, 2 ok (exit 2)" in t.out
    assert max(len(line) for line in t.out.splitlines()) <= 100


def test_reports_without_vm_facts_leave_vm_cells_unknown_never_ok(cli, tmp_path):
    reports = site_reports(cli)
    for r in reports.values():
        r.pop("vms", None)  # as an older esxi-diag wrote them
    files = [write(tmp_path, h + ".json", reports[h]) for h in HOSTS]
    r = cli("compare", "--json", *files[:2])
    assert r.code == 1
    assert r.json["matrix"] == [[None, "unknown"], ["unknown", None]]
    f = findings(r.json, "dc1-esx01", "dc1-esx02")
    assert [x["message_id"] for x in f] == ["COMPARE-VMS-UNKNOWN.absent"]


def test_masked_reports_compare_alike_with_one_shared_map(cli, tmp_path):
    reports = site_reports(cli)
    redactor = redact.Redactor()
    for h in HOSTS:
        redactor.learn(reports[h])
    masked = [redactor.value(reports[h]) for h in HOSTS]
    assert "dc1-esx01" not in json.dumps(masked) and "VM-Batch" not in json.dumps(masked)
    plain = compared([reports[h] for h in HOSTS])
    result = compared(masked)
    assert result["matrix"] == plain["matrix"]
    assert sorted((f[2], f[3]) for f in ids(result)) == sorted((f[2], f[3]) for f in ids(plain))


def test_bundles_and_reports_mixed(cli, tmp_path):
    reports = site_reports(cli)
    out = tmp_path / "b"
    out.mkdir()
    r = cli("bundle", "--simulate", "twosite", "--host", "dc2-esx01", "-o", str(out), "--quiet")
    assert r.code in (0, 1, 2), r.err
    bundle = [str(out / f) for f in os.listdir(str(out)) if f.endswith(".tgz")][0]
    files = [write(tmp_path, h + ".json", reports[h]) for h in ("dc1-esx01", "dc2-esx02")]
    r = cli("compare", "--json", bundle, *files)
    assert r.code == 2, r.err
    assert [h["name"] for h in r.json["hosts"]] == ["dc2-esx01", "dc1-esx01", "dc2-esx02"]
    assert r.json["hosts"][0]["source"] == "bundle"
    got = ids(r.json)
    assert ("dc1-esx01", "dc2-esx01", "COMPARE-MTU-MISMATCH", "warn") in got
    assert ("dc2-esx01", "dc1-esx01", "COMPARE-CHECK-FAILED", "fail") in got  # measured there


# -- bad input -----------------------------------------------------------------------------------

def test_a_bundle_with_a_damaged_part_is_left_out_not_compared_partly(cli, tmp_path):
    """A raw output that fails its SHA-256 would make facts unknown on that host only: the bundle
    is refused (one line, and the inputs entry says why), the sound ones are compared."""
    import glob
    import io
    import tarfile
    for host in ("dc1-esx01", "dc1-esx02", "dc2-esx01"):
        (tmp_path / host).mkdir()
        r = cli("bundle", "--simulate", "twosite", "--host", host, "--quiet", "-o",
                str(tmp_path / host))
        assert r.code in (0, 1, 2), r.err
    sound = [glob.glob(str(tmp_path / h / "*.tgz"))[0] for h in ("dc1-esx01", "dc1-esx02")]
    (original,) = glob.glob(str(tmp_path / "dc2-esx01" / "*.tgz"))
    with tarfile.open(original) as tar:
        items = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    damaged = str(tmp_path / "damaged.tgz")
    with tarfile.open(damaged, "w:gz") as tar:
        for member, data in items:
            if member.name.endswith("system.version.stdout"):
                data += b"x"
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    r = cli("compare", "--json", sound[0], damaged, sound[1])
    assert r.code == 0, r.err  # dc1-esx01 <-> dc1-esx02: nothing to say
    assert len(r.err.strip().splitlines()) == 1 and "damaged.tgz is damaged" in r.err
    assert "does not match its SHA-256" in r.err and "left out" in r.err
    refused = [i for i in r.json["inputs"] if i["status"] == "refused"]
    assert len(refused) == 1 and refused[0]["input"] == damaged
    assert "damaged" in refused[0]["reason"]
    assert sorted(h["name"] for h in r.json["hosts"]) == ["dc1-esx01", "dc1-esx02"]


def test_bad_inputs_are_one_line_each_and_the_rest_is_compared(cli, tmp_path):
    good = [write(tmp_path, "a.json", report("esx-a", hot="10.0.20.11/24")),
            write(tmp_path, "b.json", report("esx-b", hot="10.0.20.12/24",
                                             cold="10.0.30.12/24"))]
    other = write(tmp_path, "other.json", {"schema": "esxi-diag-journal/1", "state": "applied"})
    foreign = write(tmp_path, "foreign.json", {"hostname": "x", "vms": []})
    garbage = write(tmp_path, "garbage.json", "{not json")
    damaged = tmp_path / "damaged.tgz"
    damaged.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40)
    listed = write(tmp_path, "list.json", [42])
    r = cli("compare", "--json", good[0], other, foreign, garbage, str(damaged), listed,
            str(tmp_path / "missing.json"), good[1])
    assert r.code == 0, r.err
    assert "Traceback" not in r.err
    lines = r.err.strip().splitlines()
    assert len(lines) == 6
    assert all("left out" in line for line in lines)
    assert "esxi-diag-journal/1" in r.err
    statuses = [(i["input"].split("/")[-1], i["status"]) for i in r.json["inputs"]]
    assert statuses[0] == ("a.json", "compared") and statuses[-1] == ("b.json", "compared")
    assert [s for _, s in statuses].count("refused") == 6
    assert r.json["matrix"] == [[None, "ok"], ["ok", None]]


def test_nothing_comparable_is_exit_3(cli, tmp_path):
    one = write(tmp_path, "a.json", report("esx-a"))
    r = cli("compare", one)
    assert r.code == 3
    assert "nothing to compare" in r.err
    assert "NOTHING TO COMPARE" in r.out
    r = cli("compare", write(tmp_path, "x.json", "[]"))
    assert r.code == 3


def test_the_same_host_twice_is_said_once(cli, tmp_path):
    inspect_like = report("esx-a", with_vms=False)
    richer = report("esx-a", vms=[vm("web", ["VM-A"])])
    b = report("esx-b", hot="10.0.20.12/24", cold="10.0.30.12/24")
    files = [write(tmp_path, "a1.json", inspect_like), write(tmp_path, "b.json", b),
             write(tmp_path, "a2.json", richer)]
    r = cli("compare", "--json", *files)
    assert r.code == 0, r.err
    assert [h["name"] for h in r.json["hosts"]] == ["esx-a", "esx-b"]
    assert r.json["hosts"][0]["input"].endswith("a2.json")  # the one with VM facts
    assert [i["status"] for i in r.json["inputs"]] == ["duplicate", "compared", "compared"]
    assert r.err.count("given twice") == 1


def test_output_file_and_a_list_of_reports(cli, tmp_path):
    both = write(tmp_path, "both.json", [report("esx-a"), report(
        "esx-b", hot="10.0.20.12/24", cold="10.0.30.12/24")])
    out = tmp_path / "cmp.json"
    r = cli("compare", "--json", "-o", str(out), both)
    assert r.code == 0 and r.out == ""
    assert json.loads(out.read_text())["summary"]["pairs"] == 2


# -- each rule, from both directions -------------------------------------------------------------

A = dict(hot="10.0.20.11/24", cold="10.0.30.11/24")
B = dict(hot="10.0.20.12/24", cold="10.0.30.12/24")
FAR = dict(hot="10.9.20.12/24", cold="10.9.30.12/24")


def test_no_hot_path_at_either_end_fails_both_directions():
    result = compared([report("a", **A), report("b", hot_basis="none", **B)])
    for s, d in (("a", "b"), ("b", "a")):
        f = findings(result, s, d, "COMPARE-PATH-MISSING")
        assert [x["params"]["host"] for x in f] == ["b"] and f[0]["severity"] == "fail"
    result = compared([report("a", **A), report("b", hot_basis="unknown", **B)])
    assert result["matrix"] == [[None, "unknown"], ["unknown", None]]


def test_routes_are_judged_by_each_side_and_both_ways():
    # b has no gateway: a reaches b (a has one), but b cannot answer a
    result = compared([report("a", **A), report("b", gateways=False, **FAR)])
    for s, d in (("a", "b"), ("b", "a")):
        f = findings(result, s, d, "COMPARE-NOT-ROUTABLE")
        assert {x["params"]["from_host"] for x in f} == {"b"}
        assert sorted(x["params"]["role"]["id"] for x in f) == ["role.cold", "role.hot"]
        assert any("esxcli network ip route ipv4 add -N vmotion -n default -g <gateway>" in
                   x["remedy"] for x in f)
    assert compared([report("a", **A), report("b", **FAR)])["pairs"] == []


def test_address_family_mismatch_and_duplicates():
    result = compared([report("a", **A), report("b", hot="2001:db8:20::12/64", cold=B["cold"])])
    for s, d in (("a", "b"), ("b", "a")):
        assert findings(result, s, d, "COMPARE-FAMILY-MISMATCH")[0]["severity"] == "fail"
    result = compared([report("a", **A), report("b", hot=A["hot"], cold=B["cold"])])
    for s, d in (("a", "b"), ("b", "a")):
        assert findings(result, s, d, "COMPARE-DUPLICATE-ADDRESS")


def test_mtu_mismatch_is_seen_from_both_ends_with_the_smaller_switch():
    result = compared([report("a", **A), report("b", hot_mtu=9000, switch_mtu=1500, **B)])
    for s, d in (("a", "b"), ("b", "a")):
        f = findings(result, s, d, "COMPARE-MTU-MISMATCH")  # vSwitch1 carries hot and cold
        assert sorted(x["params"]["role"]["id"] for x in f) == ["role.cold", "role.hot"]
        assert all(x["severity"] == "warn" for x in f)
        assert "esxcli network vswitch standard set -v vSwitch1 -m 9000" in f[0]["remedy"]
        remedies = "\n".join(x["remedy"] for x in f)
        assert "vmkping -I vmk1 -S vmotion -c 3 -d -s 8972 10.0.20.12" in remedies
    assert findings(result, "a", "b", "COMPARE-MTU-MISMATCH")[0]["params"]["dst_mtu"] == 1500


def test_vm_network_missing_is_per_direction():
    a = report("a", portgroups=(("VM-A", 100), ("VM-X", 300)), vms=[vm("web", ["VM-X"])], **A)
    b = report("b", portgroups=(("VM-A", 100), ("VM-Y", 400)), vms=[vm("db", ["VM-Y"]),
                                                                     vm("off", ["VM-Y"], "off")],
               **B)
    result = compared([a, b])
    f = findings(result, "a", "b", "COMPARE-VM-NETWORK-MISSING")
    assert [(x["params"]["network"], x["params"]["vms"], x["severity"]) for x in f] == [
        ("VM-X", ["web"], "fail")]
    f = findings(result, "b", "a", "COMPARE-VM-NETWORK-MISSING")
    assert [(x["params"]["network"], x["params"]["vms"], x["severity"]) for x in f] == [
        ("VM-Y", ["db", "off"], "fail")]
    only_off = report("b", portgroups=(("VM-Y", 400),), vms=[vm("off", ["VM-Y"], "off")], **B)
    f = findings(compared([a, only_off]), "b", "a", "COMPARE-VM-NETWORK-MISSING")
    assert f[0]["severity"] == "warn" and f[0]["message_id"] == "COMPARE-VM-NETWORK-MISSING.off"


def test_vlan_mismatch_both_directions_and_either_way_without_a_majority():
    a = report("a", vms=[vm("web", ["VM-A"])], **A)
    b = report("b", portgroups=(("VM-A", 101), ("VM-B", 200)), vms=[vm("app", ["VM-A"])], **B)
    result = compared([a, b])
    for s, d, who in (("a", "b", ["web"]), ("b", "a", ["app"])):
        f = findings(result, s, d, "COMPARE-VLAN-MISMATCH")
        assert len(f) == 1 and f[0]["params"]["vms"] == who and f[0]["severity"] == "fail"
        # two hosts, two values: either way, never a guess of which is right
        assert "To use" in f[0]["remedy"] and "Or, to use" in f[0]["remedy"]


def test_distributed_switch_by_uuid():
    uuid = "50 1e 5b ad e3 b4 af 25-18 f3 1c 4c fa 98 3d bb"
    a = report("a", dvs=("DSwitch", uuid), vms=[vm("web", dvs=uuid.replace(" ", ""))], **A)
    same = report("b", dvs=("DSwitch-renamed", uuid.upper()), **B)
    assert findings(compared([a, same]), "a", "b") == []
    other = report("b", dvs=("DSwitch", "50 00 00 00 00 00 00 00-00 00 00 00 00 00 00 01"), **B)
    f = findings(compared([a, other]), "a", "b", "COMPARE-VM-DVS-MISSING")
    assert f and f[0]["params"]["switch"] == "DSwitch" and f[0]["severity"] == "fail"
    assert findings(compared([a, other]), "b", "a") == []  # b's VMs use no DVS


def test_tuning_differs_names_the_host_off_the_majority():
    reports = [report("a", rate=1250, **A), report("b", rate=1250, **B),
               report("c", rate=133, hot="10.0.20.13/24", cold="10.0.30.13/24",
                      checks=[check("10.0.20.11", 45.0)])]
    result = compared(reports)
    for s, d in (("a", "c"), ("c", "a")):
        f = findings(result, s, d, "COMPARE-TUNING-DIFFERS")
        assert [x["message_id"] for x in f] == ["COMPARE-TUNING-DIFFERS.rate"]
        assert f[0]["severity"] == "warn"  # long distance (45 ms, measured by c)
        assert f[0]["remedy"].splitlines()[0] == "On c:"
    # b -> c: not measured; a LAN pair is only informative
    assert findings(result, "b", "c", "COMPARE-TUNING-DIFFERS")[0]["severity"] == "warn"
    lan = compared([report("a", rate=1250, checks=[check("10.0.20.12", 0.3)], **A),
                    report("b", rate=133, **B)])
    assert findings(lan, "b", "a", "COMPARE-TUNING-DIFFERS")[0]["severity"] == "info"


def test_cleartext_vmotion_only_where_it_crosses_a_routed_or_long_path():
    vms = [vm("db", ["VM-A"], encryption="disabled")]
    routed = compared([report("a", vms=vms, **A), report("b", **FAR)])
    f = findings(routed, "a", "b", "COMPARE-CLEARTEXT-VMOTION")
    assert f[0]["severity"] == "warn" and f[0]["params"]["vms"] == ["db"]
    assert findings(routed, "b", "a", "COMPARE-CLEARTEXT-VMOTION") == []
    lan = compared([report("a", vms=vms, checks=[check("10.0.20.12", 0.2)], **A),
                    report("b", **B)])
    assert findings(lan, "a", "b") == []
    stretched = compared([report("a", vms=vms, checks=[check("10.0.20.12", 30.0)], **A),
                          report("b", **B)])
    assert findings(stretched, "a", "b", "COMPARE-CLEARTEXT-VMOTION")[0]["severity"] == "warn"
    unmeasured = compared([report("a", vms=vms, **A), report("b", **B)])
    f = findings(unmeasured, "a", "b", "COMPARE-CLEARTEXT-VMOTION")
    assert f[0]["severity"] == "unknown"
    assert pair(unmeasured, "a", "b")["verdict"] == "unknown"


def test_encryption_required_and_old_releases():
    vms = [vm("secret", ["VM-A"], encryption="required")]
    old = report("b", version="6.0.0", update="3", **B)
    result = compared([report("a", vms=vms, **A), old])
    f = findings(result, "a", "b", "COMPARE-ENCRYPTION-REQUIRED")
    assert f[0]["severity"] == "fail" and "6.0.0 Update 3" in f[0]["detail"]
    f = findings(result, "a", "b", "COMPARE-ENCRYPTION-REQUIRED")
    new = compared([report("a", vms=vms, **A), report("b", **B)])
    assert findings(new, "a", "b", "COMPARE-ENCRYPTION-REQUIRED")[0]["severity"] == "info"
    opportunistic = compared([report("a", vms=[vm("web", ["VM-A"])], **A), old])
    f = findings(opportunistic, "a", "b", "COMPARE-CLEARTEXT-VMOTION")
    assert f[0]["message_id"] == "COMPARE-CLEARTEXT-VMOTION.opportunistic"


def test_a_release_without_sbmax():
    old = report("b", version="6.7.0", update="0", sbmax=None, **B)
    result = compared([report("a", **A), old])
    for s, d in (("a", "b"), ("b", "a")):
        f = findings(result, s, d, "COMPARE-RELEASE-NO-SBMAX")
        assert f[0]["params"]["host"] == "b" and f[0]["params"]["release"] == "6.7.0"
    assert not findings(result, "a", "b", "COMPARE-TUNING-UNKNOWN")


def test_unknown_facts_are_unknown_not_ok():
    a = report("a", vms=[vm("web", ["VM-A"], vmx_read=False)], **A)
    b = report("b", **B)
    b["commands"] = [c for c in b["commands"] if c["kind"] != "vswitch.portgroup.list"]
    b["tuning"]["net_expected_line_rate_mbps"]["current"] = None
    result = compared([a, b])
    got = set((f["message_id"]) for f in findings(result, "a", "b"))
    assert got == {"COMPARE-VM-NETWORK-UNKNOWN.vmx", "COMPARE-TUNING-UNKNOWN"}
    a = report("a", vms=[vm("web", ["VM-Z"])], **A)
    result = compared([a, b])
    assert "COMPARE-VM-NETWORK-UNKNOWN.destination" in set(
        f["message_id"] for f in findings(result, "a", "b"))


@pytest.mark.parametrize("bad", [None, [], {"schema": "esxi-diag/1", "summary": {
    "nothing_read": True}}, {"schema": "esxi-diag-compare/1"}, "text"])
def test_host_view_refuses_with_one_line(bad):
    with pytest.raises(compare_mod.CompareInputError) as exc:
        compare_mod.host_view(bad, "x.json")
    assert "\n" not in str(exc.value) and "x.json" in str(exc.value)


def test_damaged_fields_are_unknown_not_a_crash():
    r = report("a", **A)
    r["vmknics"] = [{"name": 5}, "junk", {"name": "vmk1", "mtu": "9000", "ipv4": "x"}]
    r["portgroups"] = "junk"
    r["tuning"] = []
    r["vms"] = {"inventory": 3, "list": [{"name": ["x"]}, 7]}
    result = compared([r, report("b", **B)])
    assert result["matrix"][0][1] in ("unknown", "warn", "fail")


def test_html_page_is_self_contained_and_escapes_the_reports(cli, tmp_path):
    a = report("esx-a", vms=[vm("<script>alert(1)</script>", ["VM-X"])], **A)
    b = report("esx-b", **B)
    files = [write(tmp_path, "a.json", a), write(tmp_path, "b.json", b)]
    out = tmp_path / "cmp.html"
    r = cli("compare", "--format", "html", "-o", str(out), *files)
    assert r.code == 2, r.err
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "COMPARE-VM-NETWORK-MISSING" in page and 'href="#pair-1-2"' in page
    assert 'id="pair-1-2"' in page and "http" not in page.replace("http-equiv", "")
    r = cli("compare", "--format", "html", "--json", *files)
    assert r.code == 3 and "disagree" in r.err


def test_every_compare_finding_is_in_the_catalog_and_the_docs():
    from esxi_diag.render.catalogs import en
    root = ROOT
    with open(os.path.join(root, "esxi_diag", "report", "compare.py")) as handle:
        code = handle.read()
    with open(os.path.join(root, "docs", "compare.md")) as handle:
        docs = handle.read()
    with open(os.path.join(root, "docs", "findings.md")) as handle:
        findings_doc = handle.read()
    found = set(re.findall(r'"(COMPARE-[A-Z-]+)"', code))
    assert len(found) >= 20
    for fid in found:
        titles = [k for k in en.MESSAGES if k.startswith(fid + ".") and k.endswith(".title")]
        assert titles, fid
        for key in titles:
            assert key[:-len("title")] + "detail" in en.MESSAGES, key
        assert "`%s`" % fid in docs and "`%s`" % fid in findings_doc, fid


def test_many_hosts_text_is_one_line_per_source_host(cli, tmp_path):
    files = []
    for i in range(18):
        r = report("esx-%02d" % i, hot="10.0.20.%d/24" % (10 + i), cold="10.0.30.%d/24" % (10 + i),
                   rate=133 if i == 5 else 1250)
        files.append(write(tmp_path, "h%02d.json" % i, r))
    r = cli("compare", *files)
    assert r.code == 1, r.err
    assert "Verdicts per source host (18 hosts: too many for a matrix)" in r.out
    assert max(len(line) for line in r.out.splitlines()) <= 100
    row = [line for line in r.out.splitlines() if line.strip().startswith("esx-05")][0]
    assert row.split()[1:] == ["0", "17", "0", "0"]  # fail, warn, unknown, ok


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_no_word_of_compare_reaches_the_reader_without_a_catalog(cli, tmp_path, pseudo, fmt,
                                                                 monkeypatch):
    from esxi_diag import render
    from esxi_diag.cli.compare import gather
    reports = site_reports(cli)
    monkeypatch.chdir(str(tmp_path))  # short input names: the text cuts long ones in the middle
    write(tmp_path, "other.json", {"schema": "esxi-diag-journal/1"})
    for h in HOSTS:
        write(tmp_path, h + ".json", reports[h])
    views, records = gather([h + ".json" for h in HOSTS] + ["other.json"])
    result = compare_mod.compare(views + [views[0]], inputs=records)  # a host twice: a note
    shown = render.compare_output(result, fmt, pseudo)
    if fmt == "html":
        import html
        shown = re.sub(r"<style>.*?</style>", " ", shown, flags=re.S)
        shown = html.unescape(re.sub(r"<[^>]*>", " ", shown))
    values = _host_values(result) | {"compare"}
    left = _left_over(shown, values)
    assert left == [], (left[:20], shown[:3000])


def test_compare_in_japanese(cli, tmp_path):
    from esxi_diag.render import width
    from esxi_diag.render.catalogs import ja
    reports = site_reports(cli)
    files = [write(tmp_path, h + ".json", reports[h]) for h in HOSTS]
    r = cli("compare", "--lang", "ja", *files)
    assert r.code == 2, r.err
    lines = r.out.splitlines()
    assert ja.LABELS["compare.sec.hosts"] in lines and ja.LABELS["compare.sec.pairs"] in lines
    assert lines[-1] == ja.LABELS["compare.result.2"].format(ok=2, warn=1, fail=9, unknown=0,
                                                               status=2)
    assert "dc1-esx02 から dc2-esx01：FAIL" in r.out
    assert "ポートグループ VM-Batch が dc2-esx01 にない" in r.out
    long_lines = [line for line in lines if width.width(line) > 100]
    assert all(len(line.split()) == 1 for line in long_lines), long_lines
    assert "{" not in r.out
    page = cli("compare", "--format", "html", "--lang", "ja", *files).out
    assert '<html lang="ja">' in page and "&#31227;&#34892;&#20803;" in page  # 移行元


@pytest.mark.parametrize("damage", [
    lambda r: r["data_paths"]["hot"].update(vmknics=[["vmk1"]]),
    lambda r: [c.update(params={"netstack": ["x"]}) for c in r["commands"]
               if c["kind"] == "ip.route.ipv4"],
    lambda r: [p.update(detail_message={"id": "REACH-RTT-BEYOND.title", "params": {
        "where": "x", "rtt": {"a": 1}, "limit": 1}}, verdict="fail")
        for p in r["reachability"]["paths"]],
    lambda r: [p.update(rtt_ms={"avg": 10 ** 400, "min": 1, "max": 2})
               for p in r["reachability"]["paths"]],
    lambda r: [f.update(params=["x"]) for f in r["findings"]],
], ids=["list-vmknic", "list-netstack", "dict-param", "huge-rtt", "list-params"])
@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_a_damaged_report_field_is_never_a_traceback(cli, tmp_path, damage, fmt):
    """A hand-edited or hostile report: wrong types where names, numbers or messages belong."""
    reports = site_reports(cli)
    damaged = reports["dc1-esx01"]
    damage(damaged)
    r = cli("compare", "--format", fmt, "--lang", "ja", write(tmp_path, "d.json", damaged),
            write(tmp_path, "b.json", reports["dc2-esx01"]))
    assert r.code in (0, 1, 2, 3) and "internal error" not in r.err, r.err
    assert r.out
