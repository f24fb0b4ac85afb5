"""Reading a support bundle back for replay (``analyze BUNDLE``): streamed member by member within
caps, the manifest validated part by part, each raw output checked against its SHA-256; what is
damaged is said and left out, and the sound rest becomes captures for the same parsers.
The format and its caps are output/bundle.py's.
"""

import gzip
import hashlib
import ipaddress
import re
import struct
import tarfile
import zlib

from esxi_diag import __version__, kinds
from esxi_diag.analysis import tuning
from esxi_diag.output.bundle import (CHUNK, MAX_HEADER_BYTES, MAX_MANIFEST_BYTES,
                                     MAX_MEMBER_BYTES, MAX_MEMBERS, MAX_TOTAL_BYTES, MIB,
                                     SCHEMA_VERSION, BundleError, sha256)
from esxi_diag import message as messages
from esxi_diag.message import msg
from esxi_diag.sources import inputs
from esxi_diag.sources.capture import Capture


class _TooLarge(Exception):
    """A cap reached while reading; ``message`` says which (a message of the catalogs)."""

    def __init__(self, message):
        self.message = message
        Exception.__init__(self, messages.plain(message))


class _Guard(object):
    """A read-only, seekable view of the uncompressed archive that stops at ``limit`` bytes and
    refuses single reads above ``max_read``."""

    def __init__(self, raw, limit, max_read):
        self.raw = raw
        self.limit = limit
        self.max_read = max_read

    def read(self, size=-1):
        if size is None or size < 0 or size > self.max_read:
            raise _TooLarge(msg("bundle.large-header", size=inputs.size_text(self.max_read)))
        if self.raw.tell() + size > self.limit:
            raise _TooLarge(msg("bundle.large-uncompressed", size=inputs.size_text(self.limit)))
        return self.raw.read(size)

    def seek(self, offset, whence=0):
        target = offset if whence == 0 else (self.raw.tell() + offset if whence == 1 else None)
        if target is None:
            raise _TooLarge(msg("bundle.seek-end"))
        if target > self.limit:
            raise _TooLarge(msg("bundle.large-uncompressed", size=inputs.size_text(self.limit)))
        return self.raw.seek(target)

    def tell(self):
        return self.raw.tell()


_READ_ERRORS = (tarfile.TarError, EOFError, OSError, IOError, ValueError, zlib.error,
                struct.error)


def _open_stream(path):
    """(raw file, decompressed stream) of a .tgz or .tar. BundleError when it is neither."""
    try:
        raw = open(path, "rb")
    except (IOError, OSError) as exc:
        raise BundleError("cannot read %s: %s" % (path, exc.strerror or exc))
    try:
        head = raw.read(512)
        raw.seek(0)
    except (IOError, OSError) as exc:
        raw.close()
        raise BundleError("cannot read %s: %s" % (path, exc.strerror or exc))
    if head[:2] == b"\x1f\x8b":
        return raw, gzip.GzipFile(fileobj=raw, mode="rb")
    if head[257:262] == b"ustar":
        return raw, raw
    raw.close()
    raise BundleError("%s is not a readable .tgz archive" % path)


def _member_name(info_name):
    """The name inside the bundle's folder (``esxi-diag-x/commands/001...`` -> ``commands/...``)."""
    return info_name.split("/", 1)[1] if "/" in info_name else info_name


class _Member(object):
    """One regular file of the archive, read only when asked: ``read(limit)`` (None when larger
    than ``limit``), or ``digest()`` (streamed, never held)."""

    def __init__(self, tar, info):
        self.tar = tar
        self.info = info
        self.size = info.size

    def _chunks(self):
        handle = self.tar.extractfile(self.info)
        left = self.info.size
        while left > 0:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                raise EOFError("the archive ends inside %s" % self.info.name)
            left -= len(chunk)
            yield chunk

    def read(self, limit):
        if self.info.size > limit:
            return None
        return b"".join(self._chunks())

    def digest(self):
        digest = hashlib.sha256()
        for chunk in self._chunks():
            digest.update(chunk)
        return digest.hexdigest()


def _scan(path, on_member, problems):
    """Read the archive's members in order; ``on_member(name, member)`` is called for every
    regular file (a _Member: nothing is read unless it asks). Returns the number of files seen.
    A cut, a damaged header or a cap reached is one entry in ``problems``; what came before is
    kept."""
    raw, stream = _open_stream(path)
    seen = 0
    try:
        guard = _Guard(stream, MAX_TOTAL_BYTES, MAX_HEADER_BYTES)
        try:
            tar = tarfile.open(fileobj=guard, mode="r:")
        except _TooLarge as exc:
            raise BundleError("%s is not a readable .tgz archive (%s)" % (path, exc))
        except _READ_ERRORS as exc:
            raise BundleError("%s is not a readable .tgz archive (%s)" % (
                path, inputs.one_line(exc, 160) or type(exc).__name__))
        while True:
            try:
                info = tar.next()
            except _TooLarge as exc:
                problems.append(msg("bundle.limit-after", what=exc.message, count=seen))
                break
            except _READ_ERRORS as exc:
                problems.append(msg("bundle.corrupt-after", count=seen, error=_short(exc)))
                break
            tar.members = []  # tarfile keeps every header it reads: not here
            if info is None:
                break
            if not info.isfile():
                continue
            seen += 1
            if seen > MAX_MEMBERS:
                problems.append(msg("bundle.too-many-files", limit=MAX_MEMBERS))
                break
            try:
                on_member(_member_name(info.name), _Member(tar, info))
            except _TooLarge as exc:
                problems.append(msg("bundle.limit", what=exc.message))
                break
            except _READ_ERRORS as exc:
                problems.append(msg("bundle.member-unreadable", name=info.name,
                                    error=_short(exc)))
                break
    finally:
        try:
            stream.close()
        finally:
            raw.close()
    return seen


def _short(exc):
    """Why the archive could not be read further, as a message where the cause is a known one
    (the reader's own words, in every language), else the library's words."""
    if isinstance(exc, EOFError) or "unexpected end" in str(exc) or \
            "end of file" in str(exc).lower():
        return msg("bundle.err.truncated")
    if isinstance(exc, (zlib.error, struct.error)) or "crc" in str(exc).lower() or \
            "not a gzipped file" in str(exc).lower():
        return msg("bundle.err.compressed")
    if isinstance(exc, tarfile.TarError):
        return msg("bundle.err.header")
    return inputs.one_line(exc, 160) or type(exc).__name__


REPORT_FILES = ("report.json", "report.txt", "report.html")


def read_archive(path):
    """(manifest, {member: bytes}, problems). Reads what is sound; raises BundleError when it is
    not an esxi-diag bundle at all. Only the raw outputs the manifest refers to are returned;
    the report files (``report.json``, ``report.txt``, ``report.html``) are checked against their
    digests as they stream by."""
    state, problems = _read(path, False)
    return state["manifest"], state["members"], problems


def read_whole(path):
    """(manifest as written, validated manifest, {member: bytes}, problems) for masking a bundle
    (cli/redact.py): as read_archive, and the report files are kept too."""
    state, problems = _read(path, True)
    return state["raw"], state["manifest"], state["members"], problems


def _read(path, keep_reports):
    problems = []
    state = {"manifest": None, "wanted": None, "before": set(), "members": {}, "digests": {},
             "held": 0, "seen": set(), "keep_reports": keep_reports, "raw": None}

    def on_member(name, member):
        if name in state["seen"]:
            problems.append(msg("bundle.twice", name=name))
            return
        state["seen"].add(name)
        if name == "manifest.json" and state["manifest"] is None:
            data = member.read(MAX_MANIFEST_BYTES)
            if data is None:
                raise BundleError("%s: manifest.json is larger than %d MiB: not an esxi-diag "
                                  "bundle" % (path, MAX_MANIFEST_BYTES // MIB))
            state["manifest"] = _load_manifest(path, data, problems)
            state["wanted"] = _referenced(state["manifest"])
            if keep_reports:
                state["raw"] = inputs.loads(data, "manifest.json")
            return
        if state["wanted"] is None:  # an archive of the old layout: the manifest comes last
            state["before"].add(name)
            return
        _take(name, member, state, problems)

    _scan(path, on_member, problems)
    if state["manifest"] is None:
        raise BundleError("%s holds no manifest.json: not an esxi-diag bundle, or truncated "
                          "before its end%s" % (path, "" if not problems else
                                                " (%s)" % messages.plain(problems[0])))
    if state["before"] & (state["wanted"] | set(state["manifest"]["files"])):
        # the old layout: read again, keeping what the manifest refers to
        state["seen"] = set()
        again = []

        def second(name, member):
            if name in state["seen"] or name == "manifest.json":
                return
            state["seen"].add(name)
            if name in state["before"]:
                _take(name, member, state, again)
        _scan(path, second, [])
        problems.extend(p for p in again if p not in problems)
    for name, digest in sorted(state["manifest"]["files"].items()):
        if name not in state["digests"]:
            problems.append(msg("bundle.member-missing", name=name))
        elif state["digests"][name] != digest:
            problems.append(msg("bundle.member-digest", name=name))
    return state, problems


def _take(name, member, state, problems):
    """Keep a referenced raw output (bounded), digest a report file, skip the rest unread."""
    if name in state["manifest"]["files"]:
        if state["keep_reports"]:
            data = member.read(MAX_MEMBER_BYTES)
            if data is None:
                problems.append(msg("bundle.member-too-large", name=name, size=member.size,
                                    limit=MAX_MEMBER_BYTES // MIB))
                return
            state["members"][name] = data
            state["digests"][name] = sha256(data)
            return
        state["digests"][name] = member.digest()
        return
    if name not in state["wanted"]:
        return  # unreferenced: never read into memory
    if member.size > MAX_MEMBER_BYTES:
        problems.append(msg("bundle.member-too-large", name=name, size=member.size,
                            limit=MAX_MEMBER_BYTES // MIB))
        return
    if state["held"] + member.size > MAX_TOTAL_BYTES:
        raise _TooLarge(msg("bundle.large-raw", limit=MAX_TOTAL_BYTES // MIB))
    data = member.read(MAX_MEMBER_BYTES)
    state["held"] += len(data)
    state["members"][name] = data


def _referenced(manifest):
    names = set()
    for entry in manifest["commands"]:
        for stream in ("stdout", "stderr"):
            names.add(entry[stream]["file"])
    return names


def _load_manifest(path, data, problems):
    try:
        manifest = inputs.loads(data, "manifest.json")
    except inputs.InputError as exc:
        raise BundleError("%s: %s" % (path, exc))
    schema = manifest.get("schema") if isinstance(manifest, dict) else None
    m = re.match(r"^esxi-diag-bundle/(\d+)$", schema if isinstance(schema, str) else "")
    if not m:
        raise BundleError("%s is not an esxi-diag bundle (schema %s)" % (
            path, inputs.one_line(repr(schema), 80)))
    if int(m.group(1)) > SCHEMA_VERSION:
        raise BundleError("%s was written by a newer esxi-diag (schema %s); this one (%s) reads "
                          "schema %d: use a newer esxi-diag" % (path, schema, __version__,
                                                                SCHEMA_VERSION))
    return validate_manifest(manifest, problems)


def _opt(value, types):
    return value is None or isinstance(value, types)


def _scalar(value):
    return value is None or isinstance(value, (str, bool)) or inputs.is_number(value)


def validate_manifest(manifest, problems):
    """A copy of ``manifest`` holding only parts of the right shape. Each part that is not is
    said in ``problems`` (``bundle.manifest``: the part and what is done without it) and left
    out; nothing here raises."""
    def bad(what, action="bundle.action.ignored"):
        problems.append(msg("bundle.manifest", what=what, action=msg(action)))

    out = {"schema": manifest["schema"]}
    tool = manifest.get("tool")
    if isinstance(tool, dict):
        out["tool"] = dict((k, v) for k, v in tool.items() if isinstance(v, str))
    else:
        out["tool"] = {}
        if tool is not None:
            bad(msg("bundle.part.not-object", key="tool"))
    for key in ("created", "host", "case"):
        value = manifest.get(key)
        if _opt(value, str):
            out[key] = value
        else:
            out[key] = None
            bad(msg("bundle.part.not-string", key=key))
    cl = manifest.get("command_line")
    if cl is None or inputs.is_str_list(cl):
        out["command_line"] = cl or []
    else:
        out["command_line"] = []
        bad(msg("bundle.part.not-string-list", key="command_line"))
    redacted = manifest.get("redacted")
    out["redacted"] = redacted if isinstance(redacted, bool) else None
    if not _opt(redacted, bool):
        bad(msg("bundle.part.not-bool", key="redacted"))
    source = manifest.get("source")
    if isinstance(source, dict):
        out["source"] = dict((k, v) for k, v in source.items() if _scalar(v))
    else:
        out["source"] = {}
        if source is not None:
            bad(msg("bundle.part.not-object", key="source"))
    files = manifest.get("files")
    out["files"] = {}
    if isinstance(files, dict):
        for name, digest in files.items():
            if name in REPORT_FILES and isinstance(digest, str):
                out["files"][name] = digest
            else:
                bad(msg("bundle.part.files-entry", name=inputs.one_line(repr(name), 60)))
    elif files is not None:
        bad(msg("bundle.part.not-object", key="files"))
    commands = manifest.get("commands")
    out["commands"] = []
    if isinstance(commands, list):
        for i, entry in enumerate(commands, 1):
            clean, why = _command_entry(entry)
            if clean is None:
                bad(msg("bundle.part.command", index=i, why=why),
                    "bundle.action.left-out-of-analysis")
                continue
            ignored = clean.pop("ignored")
            if ignored:
                bad(msg("bundle.part.command-types", index=i, kind=clean["kind"],
                        keys=ignored))
            out["commands"].append(clean)
    elif commands is not None:
        bad(msg("bundle.part.not-list", key="commands"), "bundle.action.no-output-usable")
    out["reachability"] = _reachability(manifest.get("reachability"), bad)
    out["tune_inputs"] = _tune_inputs(manifest.get("tune_inputs"), bad)
    return out


_ENTRY_TYPES = (("command", str), ("via", str), ("fallback_from", str), ("error", str))


def _command_entry(entry):
    """(clean entry, None) or (None, why)."""
    if not isinstance(entry, dict):
        return None, msg("bundle.entry.not-object")
    kind = entry.get("kind")
    if kind is None:
        return None, msg("bundle.entry.no-kind")
    if not kinds.exists(kind):
        return None, msg("bundle.entry.unknown-kind", kind=inputs.one_line(repr(kind), 60))
    params = entry.get("params")
    if params is None:
        params = {}
    if not isinstance(params, dict) or not all(
            isinstance(k, str) and _scalar(v) for k, v in params.items()):
        return None, msg("bundle.entry.bad-params", kind=kind)
    why = _params_problem(kind, params)
    if why:
        return None, msg("bundle.entry.kind", kind=kind, why=why)
    clean = {"kind": kind, "params": dict(params), "ignored": []}

    def take(key, ok):
        value = entry.get(key)
        if value is None or ok(value):
            return value
        clean["ignored"].append(key)
        return None
    for key, types in _ENTRY_TYPES:
        clean[key] = take(key, lambda v, types=types: isinstance(v, types))
    if clean["error"] is not None:  # a file read's error: its message, when recorded and sound
        clean["error"] = _recorded_text(entry, "error")
    clean["argv"] = take("argv", inputs.is_str_list) or []
    clean["exit_code"] = take("exit_code", inputs.is_int)
    for key in ("started", "duration_s"):
        clean[key] = take(key, lambda v: inputs.is_number(v) and v >= 0)
    clean["timed_out"] = take("timed_out", lambda v: isinstance(v, bool)) is True
    for stream in ("stdout", "stderr"):
        ref = entry.get(stream)
        if not isinstance(ref, dict) or not isinstance(ref.get("file"), str) or \
                not isinstance(ref.get("sha256"), str):
            return None, msg("bundle.entry.no-stream", kind=kind, stream=stream)
        clean[stream] = {"file": ref["file"], "sha256": ref["sha256"]}
    return clean, None


def _params_problem(kind, params):
    checks = (("vmknic", kinds.valid_vmknic), ("netstack", kinds.valid_netstack),
              ("option", kinds.valid_option), ("path", kinds.valid_vmx_path),
              ("world", kinds.valid_world), ("ruleset", kinds.valid_ruleset))
    for key, valid in checks:
        if key in params and params[key] is not None and not valid(params[key]):
            return msg("bundle.entry.invalid-param", key=key,
                       value=inputs.one_line(repr(params[key]), 60))
    needs = kinds.get(kind).needs
    if needs and not params.get(needs):
        return msg("bundle.entry.missing-param", key=needs)
    target = params.get("target")
    if target is not None and not _address(target):
        return msg("bundle.entry.bad-target")
    return None


def _address(text):
    try:
        ipaddress.ip_address(text)
        return True
    except ValueError:
        return False


def _reachability(value, bad):
    out = {"planned": [], "notes": [], "peers": [], "interrupted": False}
    if value is None:
        return out
    if not isinstance(value, dict):
        bad(msg("bundle.part.not-object", key="reachability"), "bundle.action.paths-unknown")
        return out
    planned = value.get("planned")
    if isinstance(planned, list):
        for i, plan in enumerate(planned, 1):
            clean = _planned(plan)
            if clean is None:
                bad(msg("bundle.part.planned", index=i), "bundle.action.left-out")
            else:
                out["planned"].append(clean)
    elif planned is not None:
        bad(msg("bundle.part.not-list", key="reachability.planned"))
    notes = value.get("notes")
    if isinstance(notes, list) and all(messages.valid(n) for n in notes):
        found = value.get("notes_message")
        if isinstance(found, list) and len(found) == len(notes):
            notes = [m if messages.is_message(m) and messages.valid(m) else n
                     for n, m in zip(notes, found)]
        out["notes"] = notes
    elif notes is not None:
        bad(msg("bundle.part.not-text-list", key="reachability.notes"))
    peers = value.get("peers")
    if isinstance(peers, list):
        for i, peer in enumerate(peers, 1):
            if isinstance(peer, dict) and isinstance(peer.get("address"), str) and \
                    peer.get("role") in (None, "hot", "cold") and \
                    _opt(peer.get("label"), str) and _opt(peer.get("origin"), str) and \
                    (peer.get("mtu") is None or inputs.is_int(peer.get("mtu"))):
                out["peers"].append(dict((k, peer.get(k)) for k in (
                    "address", "role", "label", "mtu", "origin")))
            else:
                bad(msg("bundle.part.peer", index=i), "bundle.action.left-out")
    elif peers is not None:
        bad(msg("bundle.part.not-list", key="reachability.peers"))
    interrupted = value.get("interrupted")
    out["interrupted"] = interrupted is True
    if not _opt(interrupted, bool):
        bad(msg("bundle.part.not-bool", key="reachability.interrupted"))
    return out


def _planned(plan):
    if not isinstance(plan, dict):
        return None
    roles = plan.get("roles")
    mtu = plan.get("peer_mtu")
    if not kinds.valid_vmknic(plan.get("vmknic")) or not isinstance(plan.get("target"), str) \
            or not _address(plan["target"]) or not isinstance(roles, list) or not roles or \
            not all(r in ("hot", "cold") for r in roles) or not _opt(plan.get("label"), str) \
            or not _opt(plan.get("error"), str) or not _opt(plan.get("interrupted"), bool) or \
            not (mtu is None or (inputs.is_int(mtu) and 68 <= mtu <= 65535)):
        return None
    return {"vmknic": plan["vmknic"], "target": plan["target"], "roles": list(roles),
            "label": plan.get("label"), "peer_mtu": mtu, "error": _recorded_text(plan, "error"),
            "interrupted": plan.get("interrupted") is True}


def _text(value):
    """None, a string or a message (render/messages.py)."""
    return value is None or messages.valid(value)


def _tune_inputs(value, bad):
    if value is None:
        return None
    if not isinstance(value, dict):
        bad(msg("bundle.part.not-object", key="tune_inputs"), "bundle.action.no-tuning")
        return None
    rate, rtt = value.get("line_rate_mbit"), value.get("rtt_ms")
    ok = (rate is None or (inputs.is_number(rate) and 0 < rate <= tuning.LINE_RATE_MAX_MBIT)) \
        and (rtt is None or (inputs.is_number(rtt) and 0 < rtt <= tuning.RTT_MAX_MS)) and \
        _text(value.get("line_rate_basis")) and _text(value.get("rtt_basis")) and \
        _opt(value.get("allow_decrease"), bool) and _opt(value.get("line_rate_assumed"), bool) \
        and _opt(value.get("peers"), list)
    if not ok:
        bad(msg("bundle.part.tune-inputs"), "bundle.action.no-tuning")
        return None
    peers = [p for p in (value.get("peers") or []) if _peer_tuning(p)]
    if len(peers) != len(value.get("peers") or []):
        bad(msg("bundle.part.tune-peer"), "bundle.action.peer-left-out")
    return {"line_rate_mbit": rate, "rtt_ms": rtt,
            "line_rate_basis": _recorded_text(value, "line_rate_basis"),
            "rtt_basis": _recorded_text(value, "rtt_basis"),
            "allow_decrease": value.get("allow_decrease") is True,
            "line_rate_assumed": value.get("line_rate_assumed") is True, "peers": peers}


def _recorded_text(node, key):
    """A text the manifest records: its message (``key + "_message"``) when that is sound, else
    the English words (a manifest written before messages, or by a tool that drops them)."""
    message = node.get(key + "_message")
    if message is not None and messages.is_message(message) and messages.valid(message):
        return message
    return node.get(key)


def _peer_tuning(p):
    """A peer's tuning as tuning.peer_tuning records it: every value of its own type."""
    return isinstance(p, dict) and isinstance(p.get("host"), str) and \
        (p.get("netstack") is None or kinds.valid_netstack(p.get("netstack"))) and \
        all(p.get(k) is None or inputs.is_int(p.get(k)) for k in ("line_rate_mbps", "sbmax"))


def captures_from(manifest, members, problems):
    """The captures of a (validated) bundle, each raw output checked against its SHA-256. A
    command whose output is missing or damaged is left out, and ``problems`` says so."""
    captures = []
    for entry in manifest.get("commands") or []:
        texts = {}
        why = None
        for stream in ("stdout", "stderr"):
            ref = entry[stream]
            data = members.get(ref["file"])
            if data is None:
                why = msg("bundle.raw-missing", file=ref["file"])
                break
            if sha256(data) != ref["sha256"]:
                why = msg("bundle.raw-digest", file=ref["file"])
                break
            texts[stream] = data.decode("utf-8", "replace")
        if why:
            problems.append(msg("bundle.command-left-out",
                                command=entry.get("command") or entry["kind"], why=why))
            continue
        c = Capture(entry["kind"], entry["params"], argv=entry["argv"],
                    stdout=texts["stdout"], stderr=texts["stderr"],
                    exit_code=entry["exit_code"], started=entry["started"],
                    duration=entry["duration_s"], timed_out=entry["timed_out"],
                    error=entry["error"], source="bundle", via=entry["via"],
                    command=entry["command"])
        c.fallback_from = entry["fallback_from"]
        captures.append(c)
    return captures
