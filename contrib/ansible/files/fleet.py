#!/usr/bin/env python3
"""Controller-side helper of contrib/ansible/esxi-diag.yml (runs on the Ansible controller, never on
an ESXi host; standard library only).

  fleet.py receive DIR               files sent back by a host, from standard input, into DIR
  fleet.py peers ARCHIVE ROLES HOSTS_DIR HOST OTHER...
                                     for HOST: the other hosts' 'inspect --json' reports
                                     (HOSTS_DIR/<name>/inspect.json) as <name>.json and a peers file
                                     of their addresses of ROLES (hot,cold) as HOST.peers, in a tar
  fleet.py summary RUN_DIR STATES    summary.txt of a run (STATES: the hosts' states, JSON)

Files come back from an ESXi host through Ansible's 'raw' (no Python module runs on the host: ESXi
6.5 and 6.7 have Python 3.5, which current ansible-core's modules do not support) as text:

  === FILE <name> <size in bytes>
  <the file's bytes in base64, as 'python -m base64' prints them>

one block per file. Each file is checked (its size; a .json file must parse, a .tgz must
decompress) and written under a temporary name, then renamed: DIR never holds half a file.
Errors are one line on stderr, exit 1.
"""

import base64
import binascii
import gzip
import io
import ipaddress
import json
import os
import re
import sys
import tarfile
import time

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")
_EXIT = {0: "no warnings", 1: "warnings", 2: "failures", 3: "could not run"}
_VERDICTS = ("fail", "warn", "unknown", "ok")


class Refused(Exception):
    pass


def _write(path, data):
    tmp = "%s.tmp-%d" % (path, os.getpid())
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def _check(name, data):
    if name.endswith(".json"):
        try:
            json.loads(data.decode("utf-8"))
        except ValueError as exc:
            raise Refused("%s came back damaged: not JSON (%s)" % (name, exc))
    elif name.endswith(".tgz"):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
                while handle.read(1 << 20):
                    pass
        except (OSError, EOFError, ValueError) as exc:
            raise Refused("%s came back damaged: %s" % (name, exc))


def receive(folder, stream):
    """Write every file of ``stream`` into ``folder``; returns their names."""
    blocks = []
    current = None
    for raw in stream:
        line = raw.strip()
        if line.startswith("=== FILE "):
            parts = line.split()
            if len(parts) != 4 or not _NAME.match(parts[2]) or not parts[3].isdigit():
                raise Refused("a damaged file header: %r" % line[:120])
            current = [parts[2], int(parts[3]), []]
            blocks.append(current)
        elif current is not None and line:
            current[2].append(line)
    if not blocks:
        raise Refused("the host sent no file back")
    os.makedirs(folder, exist_ok=True)
    names = []
    for name, size, lines in blocks:
        try:
            data = base64.b64decode("".join(lines).encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            raise Refused("%s came back damaged (not base64: was the SSH session given a "
                          "terminal? keep ansible_ssh_use_tty false)" % name)
        if len(data) != size:
            raise Refused("%s came back with %d bytes, not %d" % (name, len(data), size))
        _check(name, data)
        _write(os.path.join(folder, name), data)
        names.append(name)
    return names


def _addresses(report, roles):
    """(address, role, label) of each hot/cold vmknic of ``report``, for the roles asked."""
    host = (report.get("host") or {}).get("hostname") or "?"
    vmknics = dict((v.get("name"), v) for v in report.get("vmknics") or [] if isinstance(v, dict))
    found = []
    for role in roles:
        path = (report.get("data_paths") or {}).get(role) or {}
        for vmk in path.get("vmknics") or []:
            v = vmknics.get(vmk) or {}
            addresses = [((v.get("ipv4") or {}).get("address"))]
            if not addresses[0]:
                addresses = [a.get("address") for a in v.get("ipv6") or []
                             if isinstance(a, dict)]
            for address in addresses:
                try:
                    parsed = ipaddress.ip_address(address or "")
                except ValueError:
                    continue
                if not parsed.is_link_local:
                    found.append((str(parsed), role, "%s %s" % (host, vmk)))
    return found


def peers(archive, roles, hosts_dir, host, others):
    roles = [r for r in roles.split(",") if r]
    if not roles or any(r not in ("hot", "cold") for r in roles):
        raise Refused("peer roles must be hot, cold or hot,cold, not %r" % ",".join(roles))
    lines = ["# the other hosts' %s addresses (contrib/ansible/esxi-diag.yml)" %
             " and ".join(roles)]
    members = []
    for name in [host] + list(others):
        if not _NAME.match(name) or name in (".", ".."):
            raise Refused("%r cannot name a file" % name)
    for name in others:
        with open(os.path.join(hosts_dir, name, "inspect.json"), "rb") as handle:
            data = handle.read()
        members.append((name + ".json", data))
        lines += ["%s %s %s" % entry for entry in _addresses(json.loads(data.decode("utf-8")),
                                                              roles)]
    members.append((host + ".peers", ("\n".join(lines) + "\n").encode("utf-8")))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for member, data in members:
            info = tarfile.TarInfo(member)
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
            tar.addfile(info, io.BytesIO(data))
    _write(archive, buffer.getvalue())


def _table(rows):
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip()
            for row in rows]


def summary(run_dir, states_path):
    with open(states_path) as handle:
        states = json.load(handle)
    hosts = states["hosts"]
    lines = ["esxi-diag fleet run %s" % states["run_id"],
             "case: %s" % (states.get("case") or "(none)"),
             "hosts: %d in the inventory, %d read, %d could not be read" % (
                 len(hosts), sum(1 for h in hosts if h["status"] == "done"),
                 sum(1 for h in hosts if h["status"] != "done")), ""]
    rows = [("host", "result", "bundle")]
    for h in hosts:
        if h["status"] == "done":
            rows.append((h["name"], "exit %s (%s)" % (h["exit"], _EXIT.get(h["exit"], "?")),
                         h.get("bundle") or "-"))
        else:
            rows.append((h["name"], "NOT READ", "-"))
    lines += _table(rows)
    unread = [h for h in hosts if h["status"] != "done"]
    if unread:
        lines += ["", "Could not be read:"]
        for h in unread:
            lines.append("  %s: %s" % (h["name"], h.get("reason") or "did not complete (the "
                                        "connection was lost? Ansible's output says)"))
    lines.append("")
    compare_json = os.path.join(run_dir, "compare.json")
    compare = None
    if os.path.exists(compare_json):
        try:
            with open(compare_json) as handle:
                compare = json.load(handle)
        except ValueError:
            compare = None
    if compare and isinstance(compare.get("summary"), dict):
        s = compare["summary"]
        counts = s.get("verdicts") or {}
        lines.append("compare: %d host(s), %d pair(s): %s; exit %s" % (
            s.get("hosts", 0), s.get("pairs", 0), ", ".join(
                "%d %s" % (counts.get(v, 0), v) for v in _VERDICTS), s.get("exit_status")))
    else:
        lines.append("compare: not made (%s)" % (states.get("compare_note") or
                                                 "fewer than two bundles"))
    redacted = states.get("redacted")
    lines += ["", "In this folder:",
              "  bundles/       one bundle per host read%s" % (
                  " (masked: these, compare.txt and compare.json can leave the site)"
                  if redacted else ""),
              "  compare.txt    every pair of hosts: can VMs move between them (compare.json: "
              "the same, schema esxi-diag-compare/1; compare.html: a page)",
              "  hosts/         each host's inspect --json report%s" % (
                  " (plain: keep on site)" if redacted else "")]
    if redacted:
        lines += ["  private/       the plain bundles (keep on site)",
                  "  the redaction map (private, keep it, never attach it): %s" %
                  states.get("redact_map")]
    if states.get("remote_left"):
        lines += ["", "Left on the hosts (cleanup is off): %s" % states["remote_left"]]
    text = "\n".join(lines) + "\n"
    _write(os.path.join(run_dir, "summary.txt"), text.encode("utf-8"))
    sys.stdout.write(text)


def main(argv):
    try:
        if len(argv) == 2 and argv[0] == "receive":
            names = receive(argv[1], sys.stdin)
            sys.stdout.write(json.dumps(names) + "\n")
        elif len(argv) >= 5 and argv[0] == "peers":
            peers(argv[1], argv[2], argv[3], argv[4], argv[5:])
        elif len(argv) == 3 and argv[0] == "summary":
            summary(argv[1], argv[2])
        else:
            sys.stderr.write(__doc__)
            return 2
    except (Refused, OSError, ValueError) as exc:
        sys.stderr.write("fleet.py: %s\n" % exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
