"""Bounded, validated input: every reader stops at its cap while reading, every JSON input is
depth-checked, and a document of the wrong shape is one line, never an internal error."""
import json
import os
import stat

import pytest

from esxi_diag.sources import hostfiles, inputs, peers
from esxi_diag.simulator import host as simhost
from esxi_diag.message import plain

DEEP = "[" * 5000 + "]" * 5000
DEEP_OBJECT = '{"a":' * 5000 + "1" + "}" * 5000


def test_dev_zero_stops_one_chunk_past_the_cap():
    with pytest.raises(inputs.InputError) as err:
        inputs.read_file("/dev/zero", 1024 * 1024)
    assert "larger than 1 MiB" in str(err.value) and "/dev/zero" in str(err.value)


def test_a_stream_is_never_read_past_the_cap():
    class Endless(object):
        def __init__(self):
            self.given = 0

        def read(self, n):
            self.given += n
            return b"x" * n
    stream = Endless()
    with pytest.raises(inputs.InputError):
        inputs.read_stream(stream, 100000, "endless")
    assert stream.given == 100001  # not a byte more than the cap plus one


def test_a_file_larger_than_the_cap_is_refused_without_reading(tmp_path):
    big = tmp_path / "big"
    with open(str(big), "wb") as handle:
        handle.truncate(10 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(inputs.InputError) as err:
        inputs.read_file(str(big), 1024)
    assert "10485760 bytes" in str(err.value)


def test_unreadable_inputs_are_one_line(tmp_path):
    for path, words in ((str(tmp_path), "Is a directory"), (str(tmp_path / "nope"), "No such")):
        with pytest.raises(inputs.InputError) as err:
            inputs.read_file(path, 1024)
        assert words in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("text,words", [
    (DEEP, "nested"), (DEEP_OBJECT, "nested"), ("[" * 100 + "]" * 100, "nested"),
    ("[NaN]", "not JSON"), ('{"a": Infinity}', "not JSON"), ("{", "not JSON"),
    (b"\xff\xfe{}", "not UTF-8"), ("[]," * 10, "not JSON"),
    ("[" + "[]," * 600000 + "[]]", "objects and arrays"),
])
def test_json_that_cannot_be_used_is_one_line(text, words):
    with pytest.raises(inputs.InputError) as err:
        inputs.loads(text, "x.json")
    message = str(err.value)
    assert words in message and "\n" not in message and len(message) < 400


def test_json_within_the_caps_loads():
    assert inputs.loads(b'\xef\xbb\xbf{"a": [1, 2.5, null, true]}', "x") == {
        "a": [1, 2.5, None, True]}
    assert inputs.depth(json.loads("[" * 64 + "]" * 64)) == 64


def test_one_line_escapes_control_characters():
    assert inputs.one_line("a\nb\x1b[2Jc") == "a\\x0ab\\x1b[2Jc"
    assert len(inputs.one_line("x" * 1000)) == 300


# -- host files ---------------------------------------------------------------------------------

def test_live_read_is_bounded(tmp_path):
    path = tmp_path / "journal.json"
    path.write_bytes(b"x" * (inputs.JOURNAL_BYTES + 1))
    with pytest.raises(OSError) as err:
        hostfiles.LiveFiles().read(str(path))
    assert "larger than" in str(err.value)
    assert hostfiles.LiveFiles().read(str(tmp_path / "absent")) is None


def test_write_new_never_replaces_a_file(tmp_path):
    files = hostfiles.LiveFiles()
    first = files.write_new(str(tmp_path / "a.tgz"), b"one")
    second = files.write_new(str(tmp_path / "a.tgz"), b"two")
    third = files.write_new(str(tmp_path / "a.tgz"), b"three")
    assert [os.path.basename(p) for p in (first, second, third)] == ["a.tgz", "a-2.tgz",
                                                                     "a-3.tgz"]
    assert [open(p, "rb").read() for p in (first, second, third)] == [b"one", b"two", b"three"]
    assert sorted(os.listdir(str(tmp_path))) == ["a-2.tgz", "a-3.tgz", "a.tgz"]  # no leftovers


def test_write_new_without_hard_links_still_never_replaces(tmp_path, monkeypatch):
    import errno

    def no_link(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")
    monkeypatch.setattr(hostfiles.os, "link", no_link)
    files = hostfiles.LiveFiles()
    assert files.write_new(str(tmp_path / "b.tgz"), b"1").endswith("b.tgz")
    assert files.write_new(str(tmp_path / "b.tgz"), b"2").endswith("b-2.tgz")
    assert open(str(tmp_path / "b.tgz"), "rb").read() == b"1"


def test_write_atomic_with_a_mode_is_never_readable_by_others(tmp_path):
    path = tmp_path / "map.json"
    path.write_text("old")
    os.chmod(str(path), 0o644)
    old = os.umask(0)
    try:
        hostfiles.LiveFiles().write_atomic(str(path), "secret", mode=0o600)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o600 and path.read_text() == "secret"


def test_create_new_is_exclusive(tmp_path):
    files = hostfiles.LiveFiles()
    assert files.create_new(str(tmp_path / "lock"), "me") is True
    assert files.create_new(str(tmp_path / "lock"), "you") is False
    assert files.read(str(tmp_path / "lock")) == "me"
    assert files.remove(str(tmp_path / "lock")) and not files.remove(str(tmp_path / "lock"))


# -- the simulator's profile and state -----------------------------------------------------------

@pytest.mark.parametrize("content,words", [
    (DEEP, "nested"), ('{"host": {"hostname": "h"}, "nics": {"a": 1}}', "'nics' must be a list"),
    ('{"host": {"hostname": "h"}, "network": []}', "'network' must be an object"),
    ('{"host": {"hostname": "h"}, "advanced": {"/Migrate/X": "many"}}', "whole number"),
    ('{"host": {"hostname": "h"}, "vmknics": ["vmk1"]}', "vmk1"),
    ('{"host": "h"}', "host.hostname"), ("[]", "JSON object"),
])
def test_bad_profiles_are_one_line(tmp_path, content, words):
    path = tmp_path / "p.json"
    path.write_text(content)
    with pytest.raises(simhost.ProfileError) as err:
        simhost.load_profile(str(path))
    assert words in str(err.value) and "\n" not in str(err.value)


def test_profile_from_dev_zero_is_refused():
    with pytest.raises(simhost.ProfileError) as err:
        simhost.load_profile("/dev/zero")
    assert "larger than" in str(err.value)


@pytest.mark.parametrize("change,words", [
    (lambda s: DEEP, "nested"),
    (lambda s: json.dumps(dict(s, files=["x"])), "damaged"),
    (lambda s: json.dumps(dict(s, advanced={"/Migrate/NetExpectedLineRateMBps": "1"})),
     "damaged"),
    (lambda s: json.dumps(dict(s, dirs="/tmp")), "damaged"),
    (lambda s: json.dumps(dict(s, host="other")), "another profile"),
])
def test_bad_simulator_states_are_one_line(tmp_path, change, words):
    sim = simhost.SimHost(simhost.load_builtin("lan"), speed=0)
    state = tmp_path / "state.json"
    state.write_text(change(sim.state))
    with pytest.raises(simhost.ProfileError) as err:
        simhost.SimHost(simhost.load_builtin("lan"), speed=0, state_file=str(state))
    assert words in str(err.value)


# -- peers ------------------------------------------------------------------------------------

def _report():
    return {"schema": "esxi-diag/1", "host": {"hostname": "esx02"},
            "vmknics": [{"name": "vmk1", "mtu": 9000, "ipv4": {"address": "10.0.0.2"}}],
            "data_paths": {"hot": {"vmknics": ["vmk1"]}, "cold": {"vmknics": []}}}


@pytest.mark.parametrize("damage", [
    lambda r: r.update(host="esx02"), lambda r: r.update(vmknics={"vmk1": 1}),
    lambda r: r["vmknics"][0].update(ipv4="10.0.0.2"), lambda r: r["vmknics"][0].update(mtu="big"),
    lambda r: r["vmknics"][0].update(mtu=True), lambda r: r["vmknics"][0].update(ipv6="fe80::1"),
    lambda r: r["vmknics"].append(7), lambda r: r.update(data_paths=[1]),
    lambda r: r["data_paths"].update(hot="vmk1"), lambda r: r["data_paths"]["hot"].update(
        vmknics=[["vmk1"]]), lambda r: r["vmknics"][0].update(name=3),
])
def test_a_peer_report_of_the_wrong_shape_never_crashes(damage):
    report = _report()
    damage(report)
    try:
        found = peers.peers_from_report(report, "r.json")
    except peers.PeerError as exc:
        assert "r.json" in str(exc)
    else:
        assert all(p["address"] == "10.0.0.2" and p["mtu"] in (None, 9000) for p in found)


def test_peers_and_paths_are_capped():
    many = [peers.new_peer("10.0.%d.%d" % (i // 250, i % 250 + 1)) for i in range(1500)]
    kept, note = peers.capped(many)
    assert len(kept) == peers.MAX_PEERS == 1024 and "1500 peers given" in plain(note)
    assert peers.capped(many[:10]) == (many[:10], None)
