"""Support bundles: one ``esxi-diag-<host>[-<case>]-<UTC time>.tgz`` per host: the format (schema,
caps, member names) and the writer. sources/bundle.py reads them back for replay.

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
from esxi_diag.message import is_message, plain
from esxi_diag.sources.hostfiles import LiveFiles

SCHEMA = "esxi-diag-bundle/1"
SCHEMA_VERSION = 1
MIB = 1024 * 1024
CHUNK = 64 * 1024
MAX_MEMBER_BYTES = 64 * MIB     # one raw output (the runner cuts a command at 4 MiB)
MAX_TOTAL_BYTES = 256 * MIB     # the whole archive, uncompressed: not read past this
MAX_MANIFEST_BYTES = 16 * MIB   # ~22,000 commands: a 4,096-path check with its vmkping runs
MAX_HEADER_BYTES = 1 * MIB      # one pax or long-name header
MAX_MEMBERS = 100000            # files in the archive
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
    digest = hashlib.sha256()
    with open(archive, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def safe(text):
    return _SAFE.sub("_", text or "unknown").strip("_")[:64] or "unknown"


def archive_name(host, case=None, when=None):
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(when))
    parts = ["esxi-diag", safe(host)] + ([safe(case)] if case else []) + [stamp]
    return "-".join(parts)


def _file_name(index, kind, params):
    """``commands/NNN-<kind>[-<vmknic|netstack|world|ruleset|option>][-<target>]`` (a .vmx's
    path is not in its name: ``NNN-vm.vmx``), from the parameters as
    they are written (masked first when redacted: a name is made safe only after masking, so
    that ``2001:db8::5`` is masked before it becomes ``2001_db8__5``)."""
    def text(key):
        value = params.get(key)
        return value if isinstance(value, str) else None
    extra = text("vmknic") or text("netstack") or text("world") or text("ruleset") or (
        text("option") or "").strip("/").replace("/", ".")
    target = text("target")
    name = "%03d-%s" % (index, safe(kind))
    if extra:
        name += "-" + safe(extra)
    if target:
        name += "-" + safe(target)
    return "commands/" + name


def build_members(report, text_report, captures, command_line, case, extra=None, redactor=None,
                  html_report=None):
    """[(name, bytes)] of the archive: ``manifest.json`` first (so that an archive cut short
    still says what it holds and the digest of every file), then the raw outputs in command
    order, then ``report.json``, ``report.txt`` and (when given) ``report.html``."""
    mask = redactor.text if redactor else (lambda t: t)
    outputs = []
    entries = []
    for i, c in enumerate(captures, 1):
        # masked exactly once: masking is not idempotent (a masked address would move again)
        entry = c.to_dict()
        entry.update(index=i, error=plain(c.error))  # a string, as older readers expect,
        if is_message(c.error):                        # and the message beside it
            entry["error_message"] = c.error
        if redactor:
            entry = redactor.value(entry)
        base = _file_name(i, c.kind, entry.get("params") or {})
        for stream, text in (("stdout", c.stdout), ("stderr", c.stderr)):
            data = mask(text or "").encode("utf-8")
            outputs.append((base + "." + stream, data))
            entry[stream] = {"file": base + "." + stream, "sha256": sha256(data),
                             "bytes": len(data)}
        entries.append(entry)
    report_json = (json.dumps(report, indent=2, sort_keys=True) + "\n").encode("utf-8")
    report_txt = text_report.encode("utf-8")
    reports = [("report.json", report_json), ("report.txt", report_txt)]
    if html_report is not None:
        reports.append(("report.html", html_report.encode("utf-8")))
    manifest = {
        "schema": SCHEMA,
        "tool": {"name": "esxi-diag", "version": __version__, "sha256": tool_sha256(),
                 "python": sys.version.split()[0]},
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "host": (report.get("host") or {}).get("hostname"),
        "case": case,
        "command_line": list(command_line) if redactor is None else
        redactor.command_line(command_line),
        "redacted": redactor is not None,
        "source": report.get("source"),
        "files": dict((name, sha256(data)) for name, data in reports),
        "commands": entries,
    }
    manifest.update(extra or {})
    manifest_bytes = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")
    return [("manifest.json", manifest_bytes)] + outputs + reports


def _language(members):
    """The language the bundle's reports were written in: its HTML page's, else Japanese when
    its text report has Japanese characters, else English."""
    html = members.get("report.html") or b""
    m = re.search(br'<html lang="([a-z]+)"', html[:4096])
    if m:
        return m.group(1).decode("ascii")
    text = (members.get("report.txt") or b"").decode("utf-8", "replace")
    return "ja" if re.search(u"[\u3040-\u30ff\u4e00-\u9fff]", text) else "en"


def masked_members(manifest, members, redactor, note):
    """The members of a finished bundle masked off-host (``esxi-diag redact``): every raw
    output, the reports and the manifest, named and digested as ``bundle --redact`` names and
    digests them. ``manifest`` is the manifest as written, ``members`` its files as bytes (every
    one present and sound: cli/redact.py refuses a damaged bundle); ``note`` is recorded as the
    manifest's ``redaction``. Names must be learned first (the redactor masks what it knows).
    The text and HTML reports are made again from the masked ``report.json`` (in the language
    they were written in), as ``bundle --redact`` makes them: masking their text instead could
    miss a name that the text report wrapped or the page escaped."""
    from esxi_diag import render
    mask = redactor.text
    outputs = []
    entries = []
    for i, entry in enumerate(manifest.get("commands") or [], 1):
        refs = dict((stream, entry[stream]["file"]) for stream in ("stdout", "stderr"))
        entry = redactor.value(dict((k, v) for k, v in entry.items()
                                    if k not in ("stdout", "stderr")))
        index = entry.get("index") if isinstance(entry.get("index"), int) else i
        base = _file_name(index, entry["kind"], entry.get("params") or {})
        for stream in ("stdout", "stderr"):
            data = mask(members[refs[stream]].decode("utf-8", "replace")).encode("utf-8")
            outputs.append((base + "." + stream, data))
            entry[stream] = {"file": base + "." + stream, "sha256": sha256(data),
                             "bytes": len(data)}
        entries.append(entry)
    plain_json = members["report.json"]
    report = redactor.value(json.loads(plain_json.decode("utf-8")))
    lang = _language(members)
    reports = [("report.json", (json.dumps(report, indent=2, sort_keys=True) + "\n").encode(
        "utf-8")), ("report.txt", render.output(report, "text", "bundle", lang).encode("utf-8"))]
    if "report.html" in members:
        reports.append(("report.html", render.output(report, "html", "bundle", lang).encode(
            "utf-8")))
    out = {}
    for key, value in manifest.items():
        if key in ("schema", "tool", "created", "case"):
            out[key] = value
        elif key == "command_line":
            out[key] = redactor.command_line(value or [])
        elif key not in ("commands", "files", "redacted", "host"):
            out[key] = redactor.value(value)
    out.update(host=(report.get("host") or {}).get("hostname"), redacted=True, commands=entries,
               redaction=note, files=dict((name, sha256(data)) for name, data in reports))
    manifest_bytes = (json.dumps(out, indent=2, sort_keys=True) + "\n").encode("utf-8")
    return [("manifest.json", manifest_bytes)] + outputs + reports


def archive_bytes(name, members):
    """The .tgz of ``members`` under the folder ``name``, in memory (every raw output is capped
    by the runner, so a bundle is at most a few tens of MiB)."""
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
    """Write ``folder/name.tgz`` atomically and never over an existing file (a bundle of the same
    host in the same second becomes ``name-2.tgz``). Returns (path, size, sha256). Raises
    BundleError."""
    if not os.path.isdir(folder):
        raise BundleError("%s is not a folder" % folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BundleError("%s is not writable" % folder)
    needed = sum(len(data) for _, data in members) + 65536
    free = _free(folder)
    if free is not None and free < needed:
        raise BundleError("not enough room in %s: %d bytes free, up to %d needed" % (
            folder, free, needed))
    try:
        data = archive_bytes(name, members)
        final = LiveFiles().write_new(os.path.join(folder, name + ".tgz"), data)
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
#
# Never extracted, never trusted: the archive is read as a stream through a guard that refuses to
# go past MAX_TOTAL_BYTES of uncompressed data or to read any single header larger than
# MAX_HEADER_BYTES (tarfile reads pax and long-name headers whole), and only the members the
# manifest refers to are held in memory (each at most MAX_MEMBER_BYTES). The manifest is the
# first member of bundles written since it moved there, the last one before: for those, the
# archive is read twice rather than holding members before knowing which ones count.


# -- the manifest, checked at the boundary -----------------------------------------------------


