"""Damaged bundles: the manifest is first, every part of it is checked at the boundary, a bad part
is said and skipped and the report is still printed; the archive is read within caps and never
holds what the manifest does not refer to."""
import glob
import gzip
import io
import json
import os
import tarfile

import pytest

from esxi_diag.sources import bundle as bundle_mod


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """One bundle of the ldvm profile (with its check and tuning report), written once."""
    from esxi_diag.cli import main
    import contextlib
    folder = tmp_path_factory.mktemp("plain")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(["bundle", "--simulate", "ldvm", "--quiet", "-o", str(folder)])
    (path,) = glob.glob(str(folder / "*.tgz"))
    return path


def read_members(path):
    with tarfile.open(path) as tar:
        return [(m, tar.extractfile(m).read()) for m in tar.getmembers()]


def write(path, items, order=None):
    with tarfile.open(path, "w:gz") as tar:
        for info, data in items:
            info = copy_info(info)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def copy_info(info):
    new = tarfile.TarInfo(info.name)
    new.mtime, new.mode = info.mtime, info.mode
    return new


def with_manifest(plain, tmp_path, change, name="damaged.tgz"):
    """The bundle with its manifest changed by ``change(manifest)`` (which may return raw bytes)."""
    items = []
    for info, data in read_members(plain):
        if info.name.endswith("/manifest.json"):
            manifest = json.loads(data.decode())
            result = change(manifest)
            data = result if isinstance(result, bytes) else json.dumps(manifest).encode()
        items.append((info, data))
    return write(str(tmp_path / name), items)


def test_the_manifest_is_the_first_member_and_lists_every_digest(plain):
    items = read_members(plain)
    assert items[0][0].name.endswith("/manifest.json")
    assert [i.name.rsplit("/", 1)[1] for i, _ in items[-3:]] == ["report.json", "report.txt",
                                                                 "report.html"]
    manifest = json.loads(items[0][1].decode())
    assert set(manifest["files"]) == {"report.json", "report.txt", "report.html"}


# -- 24 damaged manifests: each part said and skipped, the report still printed ----------------

def _first(m):
    return m["commands"][0]


DAMAGED = [
    ("tool is a string", lambda m: m.update(tool="esxi-diag"), "'tool'"),
    ("created is a number", lambda m: m.update(created=12), "'created'"),
    ("host is an object", lambda m: m.update(host={"a": 1}), "'host'"),
    ("case is a list", lambda m: m.update(case=["x"]), "'case'"),
    ("command line is a string", lambda m: m.update(command_line="esxi-diag"), "command_line"),
    ("redacted is a string", lambda m: m.update(redacted="no"), "'redacted'"),
    ("source is a list", lambda m: m.update(source=[1]), "'source'"),
    ("files is a list", lambda m: m.update(files=["report.json"]), "'files'"),
    ("a files digest is a number", lambda m: m["files"].update({"report.json": 5}), "'files'"),
    ("commands is an object", lambda m: m.update(commands={}), "'commands'"),
    ("a command is a string", lambda m: m["commands"].insert(0, "esxcli"), "command 1"),
    ("a command has no kind", lambda m: _first(m).pop("kind"), "has no kind"),
    ("a kind is a number", lambda m: _first(m).update(kind=7), "unknown kind"),
    ("an unknown kind", lambda m: _first(m).update(kind="rm -rf"), "unknown kind"),
    ("params is a list", lambda m: _first(m).update(params=["x"]), "parameters"),
    ("a param is an object", lambda m: _first(m).update(params={"vmknic": {}}), "parameters"),
    ("an invalid vmknic", lambda m: _first(m).update(params={"vmknic": "eth0; reboot"}),
     "invalid vmknic"),
    ("sbMax without a netstack", lambda m: [c.update(params={}) for c in m["commands"]
                                             if c["kind"] == "vsish.sbmax"], "no netstack"),
    ("stdout is a string", lambda m: _first(m).update(stdout="x"), "stdout"),
    ("stdout file is a number", lambda m: _first(m)["stdout"].update(file=1), "stdout"),
    ("argv and numbers of the wrong type", lambda m: _first(m).update(
        argv="esxcli", exit_code="0", started="now", duration_s=-1, timed_out="no"),
     "argv, exit_code, started, duration_s, timed_out of the wrong type"),
    ("reachability is a list", lambda m: m.update(reachability=[]), "'reachability'"),
    ("a planned path of the wrong type", lambda m: m["reachability"]["planned"][0].update(
        vmknic=1, roles="hot"), "planned path 1"),
    ("a planned target that is not an address", lambda m: m["reachability"]["planned"][0].update(
        target="$(reboot)"), "planned path 1"),
    ("peers of the wrong type", lambda m: m["reachability"].update(peers=[{"address": 1}]),
     "peer 1"),
    ("tune inputs out of range", lambda m: m["tune_inputs"].update(rtt_ms=-5), "'tune_inputs'"),
    ("tune inputs a string", lambda m: m.update(tune_inputs="10G"), "'tune_inputs'"),
    ("a line rate of the wrong type", lambda m: m["tune_inputs"].update(line_rate_mbit="10G"),
     "'tune_inputs'"),
]


@pytest.mark.parametrize("name,change,said", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_a_damaged_manifest_part_is_said_and_skipped(cli, plain, tmp_path, name, change, said):
    r = cli("analyze", with_manifest(plain, tmp_path, change), "--json")
    assert "internal error" not in r.err and "Traceback" not in r.err
    report = r.json  # the report is printed
    assert report["schema"] == "esxi-diag/1" and report["source"]["type"] == "bundle"
    assert said in r.err, r.err
    assert r.code == 3 and report["summary"]["exit_status"] == 3
    assert all(line.startswith("esxi-diag: ") for line in r.err.splitlines())


@pytest.mark.parametrize("raw,said", [
    (b"[]", "not an esxi-diag bundle"), (b'{"schema": 1}', "not an esxi-diag bundle"),
    (b"{}", "not an esxi-diag bundle"), (b"\xff\xfe", "not JSON"),
    (b'{"schema": "esxi-diag-bundle/1", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested"),
    (b'{"schema": "esxi-diag-bundle/1", "x": NaN}', "not JSON"),
])
def test_a_manifest_that_is_not_one_is_refused_in_one_line(cli, plain, tmp_path, raw, said):
    r = cli("analyze", with_manifest(plain, tmp_path, lambda m: raw))
    assert r.code == 3 and r.out == "" and said in r.err
    assert len(r.err.splitlines()) == 1 and "internal error" not in r.err


def test_a_bundle_of_the_old_layout_manifest_last_still_reads(cli, plain, tmp_path):
    items = read_members(plain)
    old = write(str(tmp_path / "old.tgz"), items[1:] + items[:1])
    assert cli("analyze", old, "--json").json["findings"] == \
        cli("analyze", plain, "--json").json["findings"]


def test_unreferenced_members_are_never_read(cli, plain, tmp_path, monkeypatch):
    reads = []
    real = bundle_mod._Member._chunks

    def spy(self):
        reads.append(self.info.name)
        return real(self)
    monkeypatch.setattr(bundle_mod._Member, "_chunks", spy)
    items = read_members(plain)
    junk = tarfile.TarInfo(items[0][0].name.rsplit("/", 1)[0] + "/junk.bin")
    archive = write(str(tmp_path / "junk.tgz"), items[:1] + [(junk, b"\0" * 2000000)] + items[1:])
    r = cli("analyze", archive, "--json")
    assert r.code == 1, r.err  # ldvm: warnings, nothing damaged
    assert reads and not [n for n in reads if n.endswith("junk.bin")]


def test_the_total_uncompressed_size_is_capped(cli, plain, tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_mod, "MAX_TOTAL_BYTES", 200000)
    items = read_members(plain)
    junk = tarfile.TarInfo(items[0][0].name.rsplit("/", 1)[0] + "/junk.bin")
    archive = write(str(tmp_path / "big.tgz"), items[:1] + [(junk, b"\0" * 300000)] + items[1:])
    r = cli("analyze", archive, "--json")
    assert r.code == 3 and "the rest was not read" in r.err and r.json["schema"]


def _raw_tar_header(name, size, typeflag):
    info = tarfile.TarInfo(name)
    info.size = size
    info.type = typeflag
    return info.tobuf(format=tarfile.USTAR_FORMAT)


@pytest.mark.parametrize("typeflag", [tarfile.XHDTYPE, tarfile.GNUTYPE_LONGNAME])
def test_a_huge_pax_or_long_name_header_is_not_read(cli, tmp_path, typeflag):
    """tarfile reads such headers whole: 64 MiB of zeros compress to 64 KiB."""
    size = 64 * 1024 * 1024
    path = tmp_path / "bomb.tgz"
    with gzip.open(str(path), "wb", compresslevel=1) as out:
        out.write(_raw_tar_header("x", size, typeflag))
        zeros = b"\0" * (1024 * 1024)
        for _ in range(size // len(zeros)):
            out.write(zeros)
        out.write(b"\0" * 1024)
    r = cli("analyze", str(path))
    assert r.code == 3 and "internal error" not in r.err and len(r.err.splitlines()) == 1


def test_a_cut_inside_the_manifest_is_one_line(cli, plain, tmp_path):
    raw = gzip.decompress(open(plain, "rb").read())
    cut = tmp_path / "cut.tgz"
    cut.write_bytes(gzip.compress(raw[:700]))
    r = cli("analyze", str(cut))
    assert r.code == 3 and r.out == "" and len(r.err.splitlines()) == 1
    assert "no manifest.json" in r.err or "not a readable .tgz archive" in r.err


def test_what_survives_a_cut_is_used(cli, plain, tmp_path):
    raw = gzip.decompress(open(plain, "rb").read())
    whole = cli("analyze", plain, "--json").json
    cut = tmp_path / "cut.tgz"
    last = raw.index(b"/report.json\x00")  # its tar header: cut inside the raw outputs
    cut.write_bytes(gzip.compress(raw[:last * 2 // 3]))
    r = cli("analyze", str(cut), "--json")
    assert r.code == 3 and "is missing" in r.err
    parsed = [c for c in r.json["commands"] if c["parsed"]]
    assert 0 < len(parsed) < len(whole["commands"])
    assert r.json["host"] == whole["host"]  # the first raw outputs are there


def test_a_tampered_report_is_said(cli, plain, tmp_path):
    items = [(i, d.replace(b"esx-dc1-07", b"esx-dc1-08") if i.name.endswith("report.txt") else d)
             for i, d in read_members(plain)]
    r = cli("analyze", write(str(tmp_path / "t.tgz"), items))
    assert r.code == 3 and "report.txt does not match its SHA-256" in r.err


def test_a_duplicate_member_is_said_and_the_first_one_used(cli, plain, tmp_path):
    items = read_members(plain)
    first = [x for x in items if x[0].name.endswith("-system.version.stdout")][0]
    archive = write(str(tmp_path / "dup.tgz"), items + [(first[0], b"garbage")])
    r = cli("analyze", archive, "--json")
    assert "appears twice" in r.err and r.json["host"]["version"] == "8.0.3"


@pytest.mark.parametrize("content", [b"", b"hello", b"\x1f\x8bnot gzip at all", b"PK\x03\x04"])
def test_not_an_archive(cli, tmp_path, content):
    path = tmp_path / "x.tgz"
    path.write_bytes(content)
    r = cli("analyze", str(path))
    assert r.code == 3 and len(r.err.splitlines()) == 1 and "internal error" not in r.err


def test_a_bundle_on_standard_input_is_one_line(cli, plain):
    r = cli("analyze", "-", stdin=open(plain, "rb").read())
    assert r.code == 3 and "give its file name" in r.err


def test_two_bundles_in_the_same_second_never_overwrite_each_other(cli, tmp_path, monkeypatch):
    import time as time_mod
    real = time_mod.gmtime
    monkeypatch.setattr(time_mod, "gmtime", lambda t=None: real(1767225600 if t is None else t))
    for _ in range(2):
        assert cli("bundle", "--simulate", "lan", "--quiet", "-o", str(tmp_path)).code == 0
    names = sorted(os.listdir(str(tmp_path)))
    assert names == ["esxi-diag-esx-lan-01-20260101T000000Z-2.tgz",
                     "esxi-diag-esx-lan-01-20260101T000000Z.tgz"]


# -- what a damaged bundle lost is said in the report's language ------------------------------

def _tampered_output(plain, tmp_path):
    items = [(i, d + b"x" if i.name.endswith("-system.version.stdout") else d)
             for i, d in read_members(plain)]
    return write(str(tmp_path / "tampered.tgz"), items)


def _duplicate(plain, tmp_path):
    items = read_members(plain)
    first = [x for x in items if x[0].name.endswith("-system.version.stdout")][0]
    return write(str(tmp_path / "dup.tgz"), items + [(first[0], b"garbage")])


LOST = [(name, lambda plain, tmp_path, change=change: with_manifest(plain, tmp_path, change))
        for name, change, _ in DAMAGED if name in (
            "tool is a string", "a command is a string", "an invalid vmknic",
            "sbMax without a netstack", "stdout is a string", "argv and numbers of the wrong type",
            "reachability is a list", "peers of the wrong type", "tune inputs out of range")]
def _cut(plain, tmp_path):
    raw = gzip.decompress(open(plain, "rb").read())
    last = raw.index(b"/report.json\x00")  # cut inside the raw outputs
    path = tmp_path / "cut.tgz"
    path.write_bytes(gzip.compress(raw[:last * 2 // 3]))
    return str(path)


LOST += [("a raw output tampered", _tampered_output), ("a member twice", _duplicate),
         ("an archive cut short", _cut)]


@pytest.mark.parametrize("name,damage", LOST, ids=[n for n, _ in LOST])
def test_what_a_damaged_bundle_lost_reads_in_the_reports_language(cli, plain, tmp_path, pseudo,
                                                                  name, damage):
    from esxi_diag import render
    from pseudo_language import host_values, left_over, page
    r = cli("analyze", damage(plain, tmp_path), "--json")
    report = r.json
    said = [line[len("esxi-diag: "):] for line in r.err.splitlines()]
    notes = report["notes"]
    assert said and all(any(s.endswith(n) for n in notes) for s in said)  # stderr: English
    # each note the reader gets is a message, so that it is said in the report's words
    assert all(m is not None for m, n in zip(report["notes_message"], notes)
               if any(s.endswith(n) for s in said))
    for fmt in ("text", "html"):
        shown = page(render.output(report, fmt, "analyze", pseudo), fmt)
        assert left_over(shown, host_values(report) | {"analyze"}) == [], shown
        japanese = page(render.output(report, fmt, "analyze", "ja"), fmt)
        for english in ("manifest:", "left out", "ignored", "does not match", "appears twice",
                        "is not", "wrong type", "unexpected end", "truncated", "is missing"):
            assert english not in japanese, english


def test_analyze_redact_masks_what_stderr_says_about_a_damaged_bundle(cli, plain, tmp_path):
    """The problems of a damaged bundle name its members (whose folder is named after the host)
    and the bundle's file: with --redact they are masked on stderr as in the report."""
    cut = _cut(plain, tmp_path)
    r = cli("analyze", cut, "--redact", "--redact-map", str(tmp_path / "map.json"))
    assert r.code == 3 and "could not be read" in r.err and "is missing" in r.err
    for planted in ("esx-dc1-07", "dc1.example"):
        assert planted not in r.err and planted not in r.out
    plain_run = cli("analyze", cut)
    assert "esx-dc1-07" in plain_run.err  # the same lines, unmasked without --redact
