"""The simulated site (simulator/site.py): several hosts and the links between them."""

import json

import pytest

from esxi_diag.simulator import site as simsite
from esxi_diag.simulator.profile import ProfileError, load_builtin


def paths_by_target(report):
    return dict((p["target"], p) for p in report["reachability"]["paths"])


def test_check_on_a_site_host_tests_every_other_host_with_the_links_rtt(cli):
    r = cli("check", "--simulate", "twosite", "--host", "dc1-esx01", "--json", "--quiet")
    assert r.code == 2, r.err  # dc2-esx01's vMotion vmknic drops jumbo frames (planted)
    report = r.json
    assert report["source"]["site_host"] == "dc1-esx01"
    paths = paths_by_target(report)
    # the three other hosts' hot (vmk1) and cold (vmk2) addresses, and nothing else
    assert sorted(paths) == ["10.1.20.12", "10.1.30.12", "10.2.20.11", "10.2.20.12",
                             "10.2.30.11", "10.2.30.12"]
    assert paths["10.1.20.12"]["roles"] == ["hot"] and paths["10.1.30.12"]["roles"] == ["cold"]
    assert paths["10.1.20.12"]["vmknic"] == "vmk1" and paths["10.1.30.12"]["vmknic"] == "vmk2"
    # inside the site: a LAN; between the sites: 60 ms, Long Distance vMotion
    assert paths["10.1.20.12"]["latency_class"] == "lan"
    assert paths["10.1.20.12"]["rtt_ms"]["avg"] < 1
    for target in ("10.2.20.12", "10.2.30.11", "10.2.30.12"):
        assert paths[target]["latency_class"] == "long-distance"
        assert 57 <= paths[target]["rtt_ms"]["avg"] <= 63
        assert paths[target]["routing"]["kind"] == "netstack-gateway"
        assert paths[target]["verdict"] == "ok"
    assert paths["10.1.20.12"]["routing"]["kind"] == "on-link"
    assert report["reachability"]["summary"]["long_distance"] is True
    # the link's path MTU meets the receiving vmknic's MTU (1500 on dc2-esx01)
    assert paths["10.2.20.11"]["verdict"] == "path-mtu"
    assert [p["label"] for p in report["reachability"]["peers"]][:2] == [
        "dc1-esx02 vmk1", "dc1-esx02 vmk2"]


def test_site_host_answers_its_other_addresses_when_asked(cli):
    # dc1-esx02's management vmknic: not a default peer, but it answers, at its own MTU (1500)
    r = cli("check", "--simulate", "twosite", "--host", "dc2-esx02", "--peer",
            "10.1.10.12:hot", "--json", "--quiet")
    paths = r.json["reachability"]["paths"]
    assert [(p["target"], p["verdict"], p["latency_class"], p["jumbo_ok"]) for p in paths] == [
        ("10.1.10.12", "path-mtu", "long-distance", True)]


def test_a_site_without_host_is_one_line_listing_the_hosts(cli):
    r = cli("inspect", "--simulate", "twosite")
    assert r.code == 3 and r.out == ""
    assert r.err.strip().splitlines() == [
        "esxi-diag: twosite is a simulated site: give --host NAME, one of: dc1-esx01, "
        "dc1-esx02, dc2-esx01, dc2-esx02"]
    r = cli("check", "--simulate", "twosite", "--host", "dc3-esx01")
    assert r.code == 3 and "no host 'dc3-esx01'" in r.err and "dc2-esx02" in r.err
    r = cli("inspect", "--simulate", "lan", "--host", "dc1-esx01")
    assert r.code == 3 and "--host goes with a simulated site" in r.err
    r = cli("inspect", "--host", "dc1-esx01")
    assert r.code == 3 and "--host goes with --simulate SITE" in r.err


def test_single_host_profiles_are_unchanged(cli):
    r = cli("inspect", "--simulate", "ldvm", "--json")
    assert r.code == 1 and "site_host" not in r.json["source"]
    assert r.json["host"]["hostname"] == "esx-dc1-07"


def test_simulator_list_show_and_transcript_know_the_site(cli):
    r = cli("simulator", "list")
    assert "twosite" in r.out and "dc2-esx02 (dc2)" in r.out
    r = cli("simulator", "show", "twosite")
    assert [h["name"] for h in r.json["hosts"]] == ["dc1-esx01", "dc1-esx02", "dc2-esx01",
                                                    "dc2-esx02"]
    r = cli("simulator", "show", "twosite", "--host", "dc2-esx01")
    assert r.json["host"]["hostname"] == "dc2-esx01"
    assert {p["site_host"] for p in r.json["network"]["peers"]} == {"dc1-esx01", "dc1-esx02",
                                                                     "dc2-esx02"}
    r = cli("simulator", "transcript", "twosite", "--host", "dc1-esx02")
    assert r.code == 0 and "[root@dc1-esx02:~] esxcli network ip interface list" in r.out


def _host(name, address, site=None):
    profile = json.loads(json.dumps(load_builtin("lan")))
    profile["host"]["hostname"] = name
    profile["network"] = {"seed": 1}
    profile["vmknics"][1]["ipv4"]["address"] = address
    profile["vmknics"][0]["ipv4"]["address"] = address.replace(".30.", ".10.")
    entry = {"name": name, "profile": profile}
    if site:
        entry["site"] = site
    return entry


def _site(tmp_path, document):
    path = tmp_path / "site.json"
    path.write_text(json.dumps(document))
    return str(path)


def test_links_between_hosts_override_links_between_sites(cli, tmp_path):
    doc = {"hosts": [_host("a1", "10.10.30.11", "a"), _host("a2", "10.10.30.12", "a"),
                     _host("b1", "10.10.30.21", "b")],
           "links": [{"between": ["a", "b"], "rtt_ms": 20},
                     {"between": ["a1", "b1"], "rtt_ms": 90, "loss_pct": 0}]}
    site = simsite.validate(doc)
    assert simsite.link(site, "a1", "b1")["rtt_ms"] == 90
    assert simsite.link(site, "a2", "b1")["rtt_ms"] == 20
    assert simsite.link(site, "a1", "a2")["rtt_ms"] == simsite.LAN["rtt_ms"]
    r = cli("check", "--simulate", _site(tmp_path, doc), "--host", "a1", "--json", "--quiet")
    rtts = dict((p["target"], p["rtt_ms"]["avg"]) for p in r.json["reachability"]["paths"])
    assert 85 < rtts["10.10.30.21"] < 95 and rtts["10.10.30.12"] < 1


def test_sites_without_a_link_do_not_reach_each_other(tmp_path):
    doc = {"hosts": [_host("a1", "10.10.30.11", "a"), _host("b1", "10.10.30.21", "b")]}
    site = simsite.validate(doc)
    assert simsite.link(site, "a1", "b1") is None
    assert simsite.peers_of(site, "a1") == []


def test_a_host_profile_may_be_a_file_beside_the_site(cli, tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(_host("one", "10.10.30.11")["profile"]))
    doc = {"hosts": [{"file": "one.json"}, _host("two", "10.10.30.12")]}
    r = cli("inspect", "--simulate", _site(tmp_path, doc), "--host", "one", "--json")
    assert r.code in (0, 1) and r.json["host"]["hostname"] == "one"


@pytest.mark.parametrize("doc, words", [
    ({"hosts": []}, "non-empty list of hosts"),
    ({"hosts": [7]}, "hosts[0] must be an object"),
    ({"hosts": [{"profile": {"host": {}}}]}, "needs a name"),
    ({"hosts": [{"name": "x", "profile": {"host": {"hostname": "y"}}}]}, "differ"),
    ({"hosts": [{"name": "x", "profile": {"vmknics": [{"name": "eth0"}]}}]},
     "hosts[0] (x): every vmknic needs a name like vmk1"),
    ({"hosts": [{"name": "x", "profile": {}}, {"name": "x", "profile": {}}]}, "used twice"),
    ({"hosts": [{"name": "x", "profile": {}}], "links": [{"between": ["x", "nowhere"]}]},
     "'nowhere' is neither a host nor a site"),
    ({"hosts": [{"name": "x", "profile": {}}], "links": [{"between": ["x"]}]},
     "two host or site names"),
    ({"hosts": [{"name": "x", "profile": {}}, {"name": "y", "profile": {}}],
      "links": [{"between": ["x", "y"], "loss_pct": 150}]}, "loss_pct must be a number"),
    ({"hosts": [{"name": "x", "profile": {}}, {"name": "y", "profile": {}}],
      "links": [{"between": ["x", "y"], "path_mtu": 9000.5}]}, "path_mtu must be a whole"),
    ({"hosts": [{"name": "x", "file": "../nope.json"}]}, "no such file"),
    ({"hosts": [{"name": "x", "profile": {}}], "sites": []}, "sites must be an object"),
])
def test_bad_sites_are_one_line(cli, tmp_path, doc, words):
    r = cli("inspect", "--simulate", _site(tmp_path, doc), "--host", "x")
    assert r.code == 3 and r.out == ""
    assert len(r.err.strip().splitlines()) == 1 and words in r.err, r.err
    assert "Traceback" not in r.err


def test_builtin_site_is_valid_and_its_hosts_are_what_the_docs_say():
    site = simsite.validate(simsite.load_builtin("twosite"), name="twosite")
    assert [(h["name"], h["site"]) for h in site["hosts"]] == [
        ("dc1-esx01", "dc1"), ("dc1-esx02", "dc1"), ("dc2-esx01", "dc2"), ("dc2-esx02", "dc2")]
    assert simsite.link(site, "dc1-esx01", "dc2-esx02")["rtt_ms"] == 60.0
    roles = simsite.data_roles(site["hosts"][0]["profile"])
    assert roles == {"vmk1": ["hot"], "vmk2": ["cold"]}
    with pytest.raises(ProfileError):
        simsite.load("twosite")
