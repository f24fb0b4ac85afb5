"""Masking a fleet with one map: every host gives a value the same mask, two values never share
one, even when hosts mask at the same time (no coordination between them); and `esxi-diag redact`
masks finished bundles off-host to the same result."""
import glob
import hashlib
import ipaddress
import json
import multiprocessing
import os
import random
import re
import shutil
import stat
import subprocess
import sys
import tarfile

import pytest

from conftest import ROOT
from esxi_diag.output import redact
from esxi_diag.output.redact import RedactMapError, Redactor

from test_masking import PLANT, assert_no_needle, planted_profile

WORKERS = 4
SHARED_NAMES = ["esx-%02d.site" % i for i in range(150)] + ["PG-%d" % i for i in range(100)]
SHARED_V4 = ["10.%d.%d.%d" % (a, b, c) for a in (1, 2) for b in range(3) for c in range(1, 40)]
SHARED_V6 = ["2001:db8:%x::%x" % (a, b) for a in range(3) for b in range(1, 30)]
SHARED_MACS = ["00:50:56:%02x:%02x:%02x" % (a, b, c) for a in range(2) for b in range(4)
               for c in range(0, 256, 7)]


def _own(worker):
    rng = random.Random(worker)
    names = ["w%d-host-%d" % (worker, i) for i in range(150)]
    v4 = ["172.%d.%d.%d" % (16 + worker, rng.randrange(256), rng.randrange(1, 255))
          for _ in range(150)]
    macs = ["00:50:56:%02x:%02x:%02x" % (rng.randrange(256), rng.randrange(256),
                                         rng.randrange(256)) for _ in range(150)]
    return names, v4, macs


def _mask_in_a_process(args):
    """One 'host': opens the shared map, masks shared and own values in its own order, at the
    same moment as the others (a barrier), and saves what it learned into the map."""
    path, worker, barrier = args
    site, _ = redact.open_map(path)
    names, v4, macs = _own(worker)
    names = SHARED_NAMES + names
    addresses = SHARED_V4 + SHARED_V6 + v4
    macs = SHARED_MACS + macs
    for values in (names, addresses, macs):
        random.Random(worker * 7 + 1).shuffle(values)
    barrier.wait(30)
    for name in names:
        site.add_name("host", name)
    out = {"names": dict((n, site.text(n)) for n in names),
           "addresses": dict((a, site.text(a)) for a in addresses),
           "macs": dict((m, site.text(m)) for m in macs)}
    out["conflicts"] = redact.save_map(path, site)
    return out


def test_hosts_masking_at_the_same_time_with_one_map_agree_and_never_collide(tmp_path):
    path = str(tmp_path / "site.map.json")
    redact.open_map(path)  # the map is made once, before the hosts start
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(WORKERS)
        with ctx.Pool(WORKERS) as pool:
            results = pool.map(_mask_in_a_process, [(path, w, barrier) for w in range(WORKERS)])
    for kind in ("names", "addresses", "macs"):
        seen = {}
        for result in results:
            for original, masked in result[kind].items():
                assert seen.setdefault(original, masked) == masked, (kind, original)
        # never two originals with one mask, across every host
        assert len(set(seen.values())) == len(seen), kind
        assert not any(original == masked for original, masked in seen.items()
                       if kind != "addresses"), kind
    assert all(result["conflicts"] == [] for result in results)
    saved = Redactor.load(open(path, "rb").read())  # every host's names, merged, one key
    table = saved.names["host"]
    for result in results:
        for original, masked in result["names"].items():
            assert table[original.lower()] == masked
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not os.path.exists(path + ".lock")


def test_runs_that_start_together_without_a_map_share_the_one_created(tmp_path):
    """No map yet: each run creates it exclusively or reads the one another run just created,
    so every run masks with the same key."""
    path = str(tmp_path / "new.map.json")
    env = dict(os.environ, PYTHONPATH=ROOT, ESXI_DIAG_SIM_SPEED="0")
    runs = [subprocess.Popen([sys.executable, "-m", "esxi_diag", "inspect", "--simulate", "ldvm",
                              "--json", "--redact", "--redact-map", path],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
            for _ in range(WORKERS)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode in (0, 1, 2) for run in runs), [e for _, e in outputs]
    reports = [json.loads(out.decode()) for out, _ in outputs]
    masked = set(json.dumps([r["host"], r["vmknics"]], sort_keys=True) for r in reports)
    assert len(masked) == 1  # one key: identical masks
    assert "esx-dc1-07" not in masked.pop()
    created = [e for _, e in outputs if b"a new redaction map" in e]
    assert len(created) == 1
    Redactor.load(open(path, "rb").read())


def _colliding_names(key, count):
    """``count`` names whose first token character is the same for ``key``."""
    first = {}
    for i in range(5000):
        name = "zq%d" % i
        token = Redactor(key)._digest(name)[0]
        first.setdefault(token, []).append(name)
        if len(first[token]) == count:
            return first[token]
    raise AssertionError("no collision found")


def test_a_token_collision_in_one_map_is_resolved_deterministically(monkeypatch):
    monkeypatch.setattr(redact, "TOKEN_CHARS", 1)
    key = b"c" * 32
    names = _colliding_names(key, 3)
    masks = []
    for _ in range(2):
        r = Redactor(key)
        for name in names:
            r.add_name("host", name)
        masks.append([r.names["host"][n] for n in names])
        assert len(r.collisions) == 2  # the 2nd and the 3rd each met the 1st
    assert masks[0] == masks[1] and len(set(masks[0])) == 3
    assert [len(m) for m in masks[0]] == [len("host-") + 1, len("host-") + 5,
                                          len("host-") + 5]
    again = Redactor.load(r.dump())  # a map with longer tokens loads and keeps them
    assert again.names == r.names


def test_hosts_that_could_collide_unseen_are_told_when_the_map_is_saved(tmp_path, monkeypatch):
    monkeypatch.setattr(redact, "TOKEN_CHARS", 1)
    path = str(tmp_path / "m.json")
    site, _ = redact.open_map(path)
    a, b = _colliding_names(site.key, 2)
    host1, host2 = Redactor.load(open(path).read()), Redactor.load(open(path).read())
    host1.add_name("host", a)
    host2.add_name("host", b)
    assert host1.text(a) == host2.text(b)  # neither could know
    assert redact.save_map(path, host1) == []
    conflicts = redact.save_map(path, host2)
    assert len(conflicts) == 1 and a in conflicts[0] and b in conflicts[0]
    saved = Redactor.load(open(path).read())
    assert saved.names["host"] == {a: host1.names["host"][a]}  # the map stays unambiguous


def test_a_map_whose_file_was_replaced_is_not_overwritten(tmp_path):
    path = str(tmp_path / "m.json")
    site, _ = redact.open_map(path)
    other = Redactor()
    with open(path, "w") as handle:
        handle.write(other.dump())
    with pytest.raises(RedactMapError) as err:
        redact.save_map(path, site)
    assert "another key" in str(err.value)
    assert Redactor.load(open(path).read()).key == other.key


def test_ipv4_masks_keep_each_addresss_kind_and_never_collide():
    r = Redactor(b"v" * 32)
    rng = random.Random(4)
    sample = set(rng.randrange(1 << 32) for _ in range(20000))
    sample |= set(o << 24 | rng.randrange(1 << 24) for o in range(256) for _ in range(20))
    sample |= set(169 << 24 | 254 << 16 | rng.randrange(1 << 16) for _ in range(50))
    masked = {}
    for value in sample:
        a = ipaddress.IPv4Address(value)
        m = ipaddress.IPv4Address(r.address(str(a)))
        masked[a] = m
        for kind in ("is_loopback", "is_multicast", "is_link_local", "is_unspecified",
                     "is_reserved"):
            assert getattr(a, kind) == getattr(m, kind), (a, m, kind)
    assert len(set(masked.values())) == len(masked)
    for prefix in ("255.255.255.192", "255.255.0.0", "0.0.0.0", "127.0.0.1", "169.254.3.4"):
        assert r.address(prefix) == prefix
    # subnets stay subnets: every prefix length from 8 (16 in 169/8)
    pairs = [(ipaddress.IPv4Address(x), ipaddress.IPv4Address(x ^ rng.randrange(1 << 24)))
             for x in (rng.randrange(1 << 32) for _ in range(3000))]
    for a, b in pairs:
        ma, mb = (int(ipaddress.IPv4Address(r.address(str(x)))) for x in (a, b))
        if a.is_loopback or a.is_multicast or a.is_reserved or int(a) >> 24 in (0, 169):
            continue
        for bits in range(8, 33):
            same = int(a) >> (32 - bits) == int(b) >> (32 - bits)
            assert same == (ma >> (32 - bits) == mb >> (32 - bits)), (a, b, bits)


def test_mac_masks_keep_the_vendor_prefix_and_never_collide():
    r = Redactor(b"m" * 32)
    tails = range(0, 1 << 24, 97)  # 173,000 MACs of one vendor
    masked = set(r.mac("005056%06x" % t) for t in tails)
    assert len(masked) == len(tails) and all(m.startswith("005056") for m in masked)


# -- esxi-diag redact: finished bundles, masked off-host ----------------------------------------

def _bundle(cli, folder, *args):
    os.makedirs(folder, exist_ok=True)
    r = cli("bundle", "--quiet", "-o", folder, *args)
    assert r.code in (0, 1, 2), r.err
    (path,) = glob.glob(os.path.join(folder, "*.tgz"))
    return path


def _members(path):
    with tarfile.open(path) as tar:
        return dict((m.name.split("/", 1)[1], tar.extractfile(m).read())
                    for m in tar.getmembers())


def _keys(report):
    return [(f["id"], f["severity"], f.get("subjects")) for f in report["findings"]]


def test_redact_masks_a_plain_bundle_beside_it_leaking_nothing(cli, tmp_path):
    folder = str(tmp_path / "ACME-DS9-cases")
    plain = _bundle(cli, folder, "--simulate", planted_profile(tmp_path), "--case", "SR-77",
                    "--peer", "[%s]:hot" % PLANT["peer_v6"], "--peer", "172.21.120.18:hot")
    before = hashlib.sha256(open(plain, "rb").read()).hexdigest()
    site_map = str(tmp_path / "acme-site.map.json")
    r = cli("redact", plain, "--redact-map", site_map)
    assert r.code == 0, r.err
    assert hashlib.sha256(open(plain, "rb").read()).hexdigest() == before  # input untouched
    (masked,) = [p for p in glob.glob(os.path.join(folder, "*.tgz")) if p != plain]
    assert re.match(r"^esxi-diag-host-[a-z2-7]{10}-SR-77-\d{8}T\d{6}Z\.tgz$",
                    os.path.basename(masked))
    assert masked in r.out
    with tarfile.open(masked) as tar:
        for m in tar.getmembers():
            assert_no_needle(m.name.encode(), m.name)
            assert_no_needle(tar.extractfile(m).read(), m.name)
    manifest = json.loads(_members(masked)["manifest.json"].decode())
    assert manifest["redacted"] is True and manifest["redaction"]["by"] == "esxi-diag redact"
    assert stat.S_IMODE(os.stat(site_map).st_mode) == 0o600
    assert PLANT["hostname"] in open(site_map).read()
    original = cli("analyze", plain, "--json").json
    replay = cli("analyze", masked, "--json").json
    assert replay["summary"]["exit_status"] == original["summary"]["exit_status"]
    assert _keys(replay) == [(i, s, [json.loads(cli_mask(site_map, json.dumps(x)))
                                     for x in subjects] if subjects else subjects)
                             for i, s, subjects in _keys(original)]
    assert replay["data_paths"].keys() == original["data_paths"].keys()
    assert [p["verdict"] for p in replay["reachability"]["paths"]] == \
        [p["verdict"] for p in original["reachability"]["paths"]]


def cli_mask(site_map, text):
    return Redactor.load(open(site_map).read()).text(text)


def test_redact_off_host_gives_what_bundle_redact_gives_on_the_host(cli, tmp_path):
    site_map = str(tmp_path / "site.map.json")
    on_host = _bundle(cli, str(tmp_path / "a"), "--simulate", "ldvm", "--redact",
                      "--redact-map", site_map)
    plain = _bundle(cli, str(tmp_path / "b"), "--simulate", "ldvm")
    assert cli("redact", plain, "--redact-map", site_map).code == 0
    (off_host,) = [p for p in glob.glob(str(tmp_path / "b" / "*.tgz")) if p != plain]
    a, b = (json.loads(_members(p)["report.json"].decode()) for p in (on_host, off_host))
    assert a["host"] == b["host"] and a["vmknics"] == b["vmknics"]
    assert _keys(a) == _keys(b) and a["data_paths"] == b["data_paths"]
    assert [p["target"] for p in a["reachability"]["paths"]] == \
        [p["target"] for p in b["reachability"]["paths"]]


def test_redact_gives_the_same_masks_whatever_the_order_of_the_bundles(cli, tmp_path):
    plains = [_bundle(cli, str(tmp_path / name), "--simulate", name) for name in ("lan", "ldvm")]
    key_only = str(tmp_path / "key.json")
    redact.open_map(key_only)
    reports = []
    for i, order in enumerate((plains, plains[::-1])):
        site_map = str(tmp_path / ("map%d.json" % i))
        shutil.copy(key_only, site_map)
        out = str(tmp_path / ("out%d" % i))
        os.mkdir(out)
        assert cli("redact", "-o", out, "--redact-map", site_map, *order).code == 0
        reports.append(sorted(_members(p)["report.json"] for p in glob.glob(out + "/*.tgz")))
        reports[-1] = [json.loads(d.decode()) for d in reports[-1]]
    for a, b in zip(*reports):
        a["source"] = b["source"] = None  # the input's path differs
        assert a == b


def test_redact_refuses_a_masked_or_damaged_bundle_and_masks_the_others(cli, tmp_path):
    site_map = str(tmp_path / "m.json")
    masked = _bundle(cli, str(tmp_path / "masked"), "--simulate", "lan", "--redact")
    plain = _bundle(cli, str(tmp_path / "plain"), "--simulate", "ldvm")
    damaged = str(tmp_path / "damaged.tgz")
    data = open(plain, "rb").read()
    open(damaged, "wb").write(data[:len(data) // 2])
    r = cli("redact", masked, damaged, plain, "--redact-map", site_map)
    assert r.code == 3
    lines = r.err.strip().splitlines()
    assert any("masked already" in line and masked in line for line in lines)
    assert any("damaged" in line and damaged in line for line in lines)
    assert "Traceback" not in r.err
    assert len(glob.glob(str(tmp_path / "plain" / "*.tgz"))) == 2  # the sound one was masked
    assert len(glob.glob(str(tmp_path / "masked" / "*.tgz"))) == 1
    assert sorted(os.listdir(str(tmp_path))) == sorted(["m.json", "masked", "plain",
                                                        "damaged.tgz"])


def test_redact_refuses_an_old_map_with_one_line(cli, tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"schema": "esxi-diag-redact-map/1", "key": "00" * 32,
                               "names": {"host": {"esx01": "host-01"}}}))
    plain = _bundle(cli, str(tmp_path / "p"), "--simulate", "lan")
    r = cli("redact", plain, "--redact-map", str(old))
    assert r.code == 3 and "older esxi-diag" in r.err and len(r.err.strip().splitlines()) == 1


def test_masked_bundles_of_a_site_compare_to_the_same_findings(cli, tmp_path):
    """The simulated site's four hosts, each checked against the others, collected plain and
    masked off-host with one map: compare finds the same in both, under masked names."""
    site = ["dc1-esx01", "dc1-esx02", "dc2-esx01", "dc2-esx02"]
    reports = {}
    for host in site:
        r = cli("inspect", "--simulate", "twosite", "--host", host, "--json")
        assert r.code in (0, 1, 2), r.err
        reports[host] = tmp_path / (host + ".json")
        reports[host].write_text(r.out)
    plain = str(tmp_path / "plain")
    os.mkdir(plain)
    for host in site:
        peers = [a for other in site if other != host
                 for a in ("--peer-report", str(reports[other]))]
        r = cli("bundle", "--quiet", "-o", plain, "--simulate", "twosite", "--host", host,
                "--count", "2", "--interval", "0.05", *peers)
        assert r.code in (0, 1, 2), r.err
    bundles = sorted(glob.glob(plain + "/*.tgz"))
    masked = str(tmp_path / "masked")
    os.mkdir(masked)
    site_map = str(tmp_path / "site.json")
    assert cli("redact", "-o", masked, "--redact-map", site_map, *bundles).code == 0
    a = cli("compare", "--json", *bundles)
    b = cli("compare", "--json", *sorted(glob.glob(masked + "/*.tgz")))
    assert a.code == b.code
    names = Redactor.load(open(site_map).read()).names["host"]

    def pairs(result, rename):
        return sorted((rename(p["source"]), rename(p["destination"]), p["verdict"],
                       sorted(f["id"] for f in p["findings"])) for p in result.json["pairs"])
    assert pairs(a, lambda h: names[h]) == pairs(b, lambda h: h)
    assert any("COMPARE-MTU-MISMATCH" in ids for _, _, _, ids in pairs(b, lambda h: h))
    assert not any(host in b.out for host in site)
