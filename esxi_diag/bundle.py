"""Support bundles: one ``esxi-diag-<host>[-<case>]-<UTC time>.tgz`` per host, and their replay.

The archive holds one folder with ``manifest.json``, ``report.txt``, ``report.json`` and
``commands/NNN-<kind>.stdout|.stderr`` (every raw output). The manifest records the tool, the command
line, and every command with its argv, exit code, start time, duration, timeout, and the name and
SHA-256 of its output files: enough to replay the analysis off-host through the same parsers, with
a newer tool, and to tell a sound file from a damaged one. Layout: docs/bundle.md.

Writing is atomic (a temporary name in the same folder, fsync, rename) and checks the free space
first; a full disk or an unwritable folder is one clear error that leaves nothing half-written.
"""

import errno
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import time

import esxi_diag
from esxi_diag import __version__
from esxi_diag.capture import Capture
from esxi_diag.hostfiles import LiveFiles

SCHEMA = "esxi-diag-bundle/1"
SCHEMA_VERSION = 1
MAX_MEMBER_BYTES = 64 * 1024 * 1024
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class BundleError(Exception):
    """The bundle cannot be written or read at all (one line for the user)."""


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def tool_sha256():
    """SHA-256 of the zipapp this code runs from, or None from a checkout."""
    archive = getattr(getattr(esxi_diag, "__loader__", None), "archive", None)
    if not archive or not os.path.isfile(archive):
        return None
    with open(archive, "rb") as handle:
        return sha256(handle.read())


def safe(text):
    return _SAFE.sub("_", text or "unknown").strip("_")[:64] or "unknown"


def safe_path(path):
    return "/".join(safe(part) for part in path.split("/"))


def archive_name(host, case=None, when=None):
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(when))
    parts = ["esxi-diag", safe(host)] + ([safe(case)] if case else []) + [stamp]
    return "-".join(parts)


def _file_name(index, capture):
    extra = capture.params.get("vmknic") or capture.params.get("netstack") or \
        (capture.params.get("option") or "").strip("/").replace("/", ".")
    target = capture.params.get("target")
    name = "%03d-%s" % (index, capture.kind)
    if extra:
        name += "-" + safe(extra)
    if target:
        name += "-" + safe(target)
    return "commands/" + name


def build_members(report, text_report, captures, command_line, case, extra=None, redactor=None):
    """[(name, bytes)] of the archive, the manifest last."""
    mask = redactor.text if redactor else (lambda t: t)
    members = []
    entries = []
    for i, c in enumerate(captures, 1):
        # masked exactly once: masking is not idempotent (a masked address would move again)
        entry = c.to_dict()
        entry.update(index=i, error=c.error)
        if redactor:
            entry = redactor.value(entry)
        base = safe_path(mask(_file_name(i, c)))
        for stream, text in (("stdout", c.stdout), ("stderr", c.stderr)):
            data = mask(text or "").encode("utf-8")
            members.append((base + "." + stream, data))
            entry[stream] = {"file": base + "." + stream, "sha256": sha256(data),
                             "bytes": len(data)}
        entries.append(entry)
    report_json = (json.dumps(report, indent=2, sort_keys=True) + "\n").encode("utf-8")
    report_txt = text_report.encode("utf-8")
    members.append(("report.json", report_json))
    members.append(("report.txt", report_txt))
    manifest = {
        "schema": SCHEMA,
        "tool": {"name": "esxi-diag", "version": __version__, "sha256": tool_sha256(),
                 "python": sys.version.split()[0]},
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "host": (report.get("host") or {}).get("hostname"),
        "case": case,
        "command_line": [mask(a) for a in command_line],
        "redacted": redactor is not None,
        "source": report.get("source"),
        "files": {"report.json": sha256(report_json), "report.txt": sha256(report_txt)},
        "commands": entries,
    }
    manifest.update(extra or {})
    members.append(("manifest.json", (json.dumps(manifest, indent=2, sort_keys=True) + "\n")
                    .encode("utf-8")))
    return members


def archive_bytes(name, members):
    """The .tgz of ``members`` under the folder ``name``, in memory (bundles are small)."""
    buffer = io.BytesIO()
    now = time.time()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for member, data in members:
            info = tarfile.TarInfo("%s/%s" % (name, member))
            info.size = len(data)
            info.mtime = now
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def write_archive(folder, name, members):
    """Write ``folder/name.tgz`` atomically. Returns (path, size, sha256). Raises BundleError."""
    if not os.path.isdir(folder):
        raise BundleError("%s is not a folder" % folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BundleError("%s is not writable" % folder)
    needed = sum(len(data) for _, data in members) + 65536
    free = _free(folder)
    if free is not None and free < needed:
        raise BundleError("not enough room in %s: %d bytes free, up to %d needed" % (
            folder, free, needed))
    final = os.path.join(folder, name + ".tgz")
    try:
        data = archive_bytes(name, members)
        LiveFiles().write_atomic(final, data)
    except (OSError, IOError) as exc:
        if exc.errno == errno.ENOSPC:
            raise BundleError("%s is full: no archive was written" % folder)
        raise BundleError("cannot write in %s: %s (no archive was written)" % (
            folder, exc.strerror or exc))
    return final, len(data), sha256(data)


def _free(folder):
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    return st.f_bavail * st.f_frsize


# ---------------------------------------------------------------------------------------------
# reading

def read_archive(path):
    """(manifest, {member: bytes}, problems). Reads what is sound; raises BundleError when it is
    not an esxi-diag bundle at all."""
    problems = []
    members = {}
    try:
        tar = tarfile.open(path, "r:*")
    except (tarfile.TarError, EOFError, OSError, IOError) as exc:
        raise BundleError("%s is not a readable .tgz archive (%s)" % (path, exc))
    try:
        while True:
            try:
                info = tar.next()
            except (tarfile.TarError, EOFError, OSError, IOError, ValueError) as exc:
                problems.append("the archive is truncated or corrupt after %d file(s) (%s): "
                                "the rest could not be read" % (len(members), exc))
                break
            if info is None:
                break
            if not info.isfile():
                continue
            if info.size > MAX_MEMBER_BYTES:
                problems.append("%s is too large (%d bytes): skipped" % (info.name, info.size))
                continue
            try:
                data = tar.extractfile(info).read()
            except (tarfile.TarError, EOFError, OSError, IOError, ValueError) as exc:
                problems.append("%s could not be read (%s): the archive is truncated" % (
                    info.name, exc))
                break
            members[info.name.split("/", 1)[1] if "/" in info.name else info.name] = data
    finally:
        tar.close()
    if "manifest.json" not in members:
        raise BundleError("%s holds no manifest.json: not an esxi-diag bundle, or truncated "
                          "before its end%s" % (path, "" if not problems else
                                                " (%s)" % problems[0]))
    try:
        raw_manifest = bytes(members["manifest.json"])
        manifest = json.loads(raw_manifest.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BundleError("%s: manifest.json is not valid JSON" % path)
    schema = manifest.get("schema") if isinstance(manifest, dict) else None
    m = re.match(r"^esxi-diag-bundle/(\d+)$", schema or "")
    if not m:
        raise BundleError("%s is not an esxi-diag bundle (schema %r)" % (path, schema))
    if int(m.group(1)) > SCHEMA_VERSION:
        raise BundleError("%s was written by a newer esxi-diag (schema %s); this one (%s) reads "
                          "schema %d: use a newer esxi-diag" % (path, schema, __version__,
                                                                SCHEMA_VERSION))
    for name, digest in sorted((manifest.get("files") or {}).items()):
        if name in members and sha256(members[name]) != digest:
            problems.append("%s does not match its SHA-256 in the manifest (tampered or "
                            "corrupt)" % name)
    return manifest, members, problems


def captures_from(manifest, members, problems):
    """The captures of a bundle, each raw output checked against its SHA-256. A command whose
    output is missing or damaged is left out, and ``problems`` says so."""
    captures = []
    for entry in manifest.get("commands") or []:
        try:
            texts = {}
            for stream in ("stdout", "stderr"):
                ref = entry[stream]
                data = members.get(ref["file"])
                if data is None:
                    raise ValueError("raw output %s is missing" % ref["file"])
                if sha256(data) != ref["sha256"]:
                    raise ValueError("raw output %s does not match its SHA-256 (tampered or "
                                     "corrupt)" % ref["file"])
                texts[stream] = data.decode("utf-8", "replace")
            c = Capture(entry["kind"], entry.get("params") or {}, argv=entry.get("argv"),
                        stdout=texts["stdout"], stderr=texts["stderr"],
                        exit_code=entry.get("exit_code"), started=entry.get("started"),
                        duration=entry.get("duration_s"), timed_out=entry.get("timed_out"),
                        error=entry.get("error"), source="bundle", via=entry.get("via"),
                        command=entry.get("command"))
            c.fallback_from = entry.get("fallback_from")
            captures.append(c)
        except (KeyError, TypeError, AttributeError) as exc:
            problems.append("a command entry of the manifest is incomplete (%s): left out" % exc)
        except ValueError as exc:
            problems.append("%s: %s; left out of the analysis" % (entry.get("command"), exc))
    return captures
