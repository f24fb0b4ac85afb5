"""A bounded fuzz of every JSON and archive reader of the hardening work: whatever the input, a
reader returns a value or raises its own one-line error, never anything else. Bounded in
examples (derandomized, so a CI run is repeatable), not in time."""
import gzip
import io
import json
import tarfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esxi_diag.change import apply as apply_mod
from esxi_diag.output import bundle as bundle_writer
from esxi_diag.sources import bundle as bundle_mod
from esxi_diag.render import messages
from esxi_diag.sources import inputs, peers
from esxi_diag.output.redact import RedactMapError, Redactor
from esxi_diag.simulator import host as simhost

FAST = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])

scalars = st.none() | st.booleans() | st.integers(-2 ** 70, 2 ** 70) | \
    st.floats(allow_nan=False) | st.text(max_size=20)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5) |
                           st.dictionaries(st.text(max_size=12), inner, max_size=6),
                           max_leaves=40)
# Keys the readers look for, so that the fuzz reaches past the first check.
MANIFEST_KEYS = ["schema", "tool", "created", "host", "case", "command_line", "redacted",
                 "source", "files", "commands", "reachability", "tune_inputs", "kind", "params",
                 "argv", "stdout", "stderr", "file", "sha256", "exit_code", "planned", "vmknic",
                 "target", "roles", "peers", "line_rate_mbit", "rtt_ms", "netstack", "option"]
keyed = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.sampled_from(MANIFEST_KEYS) | st.text(max_size=6), inner, max_size=8), max_leaves=50)


@FAST
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_loads_returns_a_value_or_one_line(data):
    try:
        inputs.loads(data, "x")
    except inputs.InputError as exc:
        assert "\n" not in str(exc)


@FAST
@given(keyed)
def test_validate_manifest_never_raises(value):
    manifest = value if isinstance(value, dict) else {"commands": value}
    manifest["schema"] = "esxi-diag-bundle/1"
    problems = []
    clean = bundle_mod.validate_manifest(manifest, problems)
    bundle_mod.captures_from(clean, {}, problems)
    assert all(messages.valid(p) for p in problems)  # each one a text a report may hold
    # ... that each language of the catalogs has words for, down to the messages inside them
    assert all(_ids(p) <= set(messages.catalog(lang).MESSAGES) for p in problems
               for lang in ("en", "ja"))


def _ids(value):
    """The message IDs of a text, nested ones included."""
    if isinstance(value, dict) and messages.is_message(value):
        return {value["id"]}.union(*[_ids(v) for v in value["params"].values()])
    if isinstance(value, (list, dict)):
        items = value.values() if isinstance(value, dict) else value
        return set().union(*[_ids(v) for v in items])
    return set()


@FAST
@given(keyed)
def test_a_redaction_map_loads_whole_or_not_at_all(value):
    if isinstance(value, dict):
        value.setdefault("schema", "esxi-diag-redact-map/2")
        value.setdefault("key", "00" * 32)
    try:
        r = Redactor.load(json.dumps(value).encode())
    except RedactMapError:
        return
    r.text("esx01 10.0.0.1 00:50:56:ab:cd:ef")


_JOURNAL = {"schema": apply_mod.JOURNAL_SCHEMA, "tool_version": "0.1.0", "host": "esx01",
            "created": "2025-01-01T00:00:00Z", "state": "applied", "netstack": "vmotion",
            "previous": {"line_rate_mbps": 2000, "sbmax": 268435456},
            "intended": {"line_rate_mbps": 1250, "sbmax": 50003968},
            "persist": {"file": apply_mod.LOCAL_SH, "changed": True, "previous_block": None},
            "steps": []}


@FAST
@given(st.sampled_from(sorted(_JOURNAL)), json_values, st.sampled_from(
    [None, "previous", "intended", "persist"]))
def test_journal_validation_never_raises(key, value, inside):
    journal = json.loads(json.dumps(_JOURNAL))
    if inside and isinstance(journal.get(inside), dict):
        journal[inside][key] = value
    else:
        journal[key] = value
    why = apply_mod.journal_problem(journal)
    assert why is None or isinstance(why, str)


@FAST
@given(st.lists(st.text(max_size=80), max_size=4))
def test_a_persisted_block_line_is_the_tools_own_or_refused(lines):
    journal = json.loads(json.dumps(_JOURNAL))
    journal["persist"]["previous_block"] = lines
    if apply_mod.journal_problem(journal) is None:
        for line in lines:
            assert apply_mod._persist_line(line) == line


@FAST
@given(keyed)
def test_a_peer_report_gives_peers_or_one_line(value):
    report = value if isinstance(value, dict) else {}
    report["schema"] = "esxi-diag/1"
    try:
        found = peers.peers_from_report(report, "r.json")
    except peers.PeerError:
        return
    assert all(peers.parse_address(p["address"]) == p["address"] for p in found)


@FAST
@given(st.text(max_size=300))
def test_a_peers_file_gives_peers_and_errors(text):
    found, errors = peers.parse_peers_file(text, "p.txt")
    assert all(isinstance(e, str) for e in errors)


@FAST
@given(st.text(max_size=300))
def test_masking_never_raises_and_is_deterministic(text):
    r = Redactor(key=b"k" * 32)
    r.add_name("host", "esx01")
    assert r.text(text) == r.text(text)


@SLOW
@given(keyed)
def test_a_profile_or_state_loads_or_is_one_line(tmp_path, value):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(value))
    try:
        simhost.load_profile(str(path))
    except simhost.ProfileError as exc:
        assert "\n" not in str(exc)
    state = value if isinstance(value, dict) else {}
    state.update(schema=simhost.STATE_SCHEMA, host="esx-lan-01")
    path.write_text(json.dumps(state))
    try:
        simhost.SimHost(simhost.load_builtin("lan"), speed=0, state_file=str(path))
    except simhost.ProfileError:
        pass


def _archive(plain_items, flips, cut):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz") as tar:
        for info, data in plain_items:
            tar.addfile(info, io.BytesIO(data))
    data = bytearray(raw.getvalue())
    for at, value in flips:
        data[at % len(data)] = value
    return bytes(data[:cut]) if cut else bytes(data)


_ITEMS = None


def _items():
    global _ITEMS
    if _ITEMS is None:
        from esxi_diag.sources.capture import Capture
        captures = [Capture("system.version", {}, ["esxcli", "system", "version", "get"],
                            "   Product: VMware ESXi\n   Version: 8.0.3\n", "", 0)]
        members = bundle_writer.build_members({"host": {"hostname": "esx01"}, "source": {}},
                                           "report\n", captures, ["esxi-diag"], None)
        _ITEMS = []
        for name, data in members:
            info = tarfile.TarInfo("esxi-diag-esx01/" + name)
            info.size = len(data)
            _ITEMS.append((info, data))
    return _ITEMS


@SLOW
@given(st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 255)), max_size=6),
       st.integers(0, 4000))
def test_a_damaged_archive_reads_or_is_one_line(tmp_path, flips, cut):
    path = tmp_path / "b.tgz"
    path.write_bytes(_archive(_items(), flips, cut))
    try:
        manifest, members, problems = bundle_mod.read_archive(str(path))
    except bundle_mod.BundleError as exc:
        assert "\n" not in str(exc)
        return
    bundle_mod.captures_from(manifest, members, problems)


@SLOW
@given(st.binary(max_size=2000))
def test_random_bytes_are_not_an_archive(tmp_path, data):
    path = tmp_path / "r.tgz"
    path.write_bytes(gzip.compress(data) if data[:1] == b"g" else data)
    try:
        bundle_mod.read_archive(str(path))
    except bundle_mod.BundleError:
        pass


def _paths(value, prefix=()):
    """Every (path, value) inside a JSON value."""
    yield prefix, value
    if isinstance(value, dict):
        for k, v in value.items():
            for item in _paths(v, prefix + (k,)):
                yield item
    elif isinstance(value, list):
        for i, v in enumerate(value):
            for item in _paths(v, prefix + (i,)):
                yield item


_REAL = {}


def _real_bundle(tmp_path_factory):
    if "items" not in _REAL:
        from esxi_diag.cli import main
        import contextlib
        import glob
        folder = tmp_path_factory.mktemp("fuzz-bundle")
        with contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()):
            main(["bundle", "--simulate", "ldvm", "--quiet", "-o", str(folder)])
        (path,) = glob.glob(str(folder / "*.tgz"))
        with tarfile.open(path) as tar:
            _REAL["items"] = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    return _REAL["items"]


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10 ** 6), json_values)
def test_a_real_manifest_with_any_part_replaced_still_gives_a_report(
        cli, tmp_path, tmp_path_factory, where, value):
    items = _real_bundle(tmp_path_factory)
    manifest = json.loads(items[0][1].decode())
    spots = [p for p, _ in _paths(manifest) if p and p != ("schema",)]
    target = spots[where % len(spots)]
    node = manifest
    for key in target[:-1]:
        node = node[key]
    node[target[-1]] = value
    path = tmp_path / "m.tgz"
    with tarfile.open(str(path), "w:gz") as tar:
        for info, data in [(items[0][0], json.dumps(manifest).encode())] + items[1:]:
            info = tarfile.TarInfo(info.name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    r = cli("analyze", str(path))
    assert r.code in (0, 1, 2, 3) and "internal error" not in r.err, (target, r.err)
    assert "Result:" in r.out or (r.code == 3 and len(r.err.splitlines()) == 1)  # a refusal
