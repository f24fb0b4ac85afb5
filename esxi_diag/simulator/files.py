"""The simulated host's files and mutable state: what ``tune --apply`` changes.

``HostFiles`` keeps one state (a JSON-able dict): the advanced option values, sbMax per netstack,
the count of ``auto-backup.sh`` runs, and the host's files, folders and links (``/scratch``), with
the folders that are read-only or full (from the profile's ``filesystem``). It answers the
hostfiles interface (esxi_diag/sources/hostfiles.py: read, write_atomic, makedirs, isdir, listdir,
realpath, writable, free_bytes), failing like the real host does (ENOENT, EROFS, ENOSPC). With a
state file (``--sim-state FILE``) the state is loaded from it at the start and saved to it after
every change.
"""

import errno
import json
import os
import threading

from esxi_diag.simulator.profile import ProfileError
from esxi_diag.sources import inputs

STATE_SCHEMA = "esxi-diag-simstate/1"
LOCAL_SH = "/etc/rc.local.d/local.sh"
DEFAULT_LOCAL_SH = ("#!/bin/sh\n\n# local configuration options (simulated host)\n\n"
                    "# Note: This script will not be run when UEFI secure boot is enabled.\n\n"
                    "exit 0\n")


def initial_state(profile):
    """The state a profile starts with (the VMs' .vmx files among its files)."""
    from esxi_diag.simulator import records
    fs = profile.get("filesystem") or {}
    datastores = list(fs.get("datastores", ["datastore1"]))
    vm_files = records.vm_files(profile)
    for path in vm_files:
        store = path.split("/")[3]
        if store not in datastores:
            datastores.append(store)
    scratch = fs.get("scratch", "%s/%s/.locker" % ("/vmfs/volumes", datastores[0])
                     if datastores else "/tmp/scratch")
    files = {LOCAL_SH: fs.get("local_sh", DEFAULT_LOCAL_SH)}
    files.update(vm_files)
    files.update(fs.get("files", {}))
    return {"schema": STATE_SCHEMA, "host": profile["host"]["hostname"],
            "advanced": dict(profile.get("advanced") or {}),
            "sbmax": dict(profile.get("sbmax") or {}) if profile.get("sbmax")
            is not None else None,
            "files": files,
            "dirs": sorted(set(["/vmfs/volumes", "/etc/rc.local.d", "/tmp", scratch] +
                               ["/vmfs/volumes/%s" % d for d in datastores] +
                               [os.path.dirname(p) for p in vm_files])),
            "links": {"/scratch": scratch},
            "readonly": list(fs.get("readonly", [])), "full": list(fs.get("full", [])),
            "auto_backups": 0}


def _state_problem(saved):
    """What makes a saved simulator state unusable, or None: every field a load takes."""
    def str_map(value, values):
        return isinstance(value, dict) and all(
            isinstance(k, str) and values(v) for k, v in value.items())
    checks = (
        ("advanced", lambda v: str_map(v, inputs.is_int)),
        ("sbmax", lambda v: v is None or str_map(v, lambda x: x is None or inputs.is_int(x))),
        ("files", lambda v: str_map(v, lambda x: isinstance(x, str))),
        ("dirs", inputs.is_str_list),
        ("links", lambda v: str_map(v, lambda x: isinstance(x, str))),
        ("readonly", inputs.is_str_list),
        ("full", inputs.is_str_list),
        ("auto_backups", inputs.is_int),
    )
    for key, ok in checks:
        if key in saved and not ok(saved[key]):
            return "%s is not what the simulator writes" % key
    return None


class HostFiles(object):
    """The host's files and state. Thread-safe where it changes: the collector and apply call it
    from a pool."""

    def __init__(self, profile, state_file=None):
        self.lock = threading.Lock()
        self.state_file = state_file
        self.state = initial_state(profile)
        if state_file:
            self._load()

    # -- --sim-state ---------------------------------------------------------------------------

    def _load(self):
        if not os.path.exists(self.state_file):
            return  # no state yet: start from the profile
        try:
            saved = inputs.load_file(self.state_file, "simulator state %s" % self.state_file)
        except inputs.InputError as exc:
            raise ProfileError(str(exc))
        if not isinstance(saved, dict) or saved.get("schema") != STATE_SCHEMA or \
                saved.get("host") != self.state["host"]:
            raise ProfileError("simulator state %s belongs to another profile or format" %
                               self.state_file)
        problem = _state_problem(saved)
        if problem:
            raise ProfileError("simulator state %s is damaged (%s)" % (self.state_file, problem))
        self.state.update(saved)

    def _save(self):
        """Called with the lock held."""
        if not self.state_file:
            return
        tmp = self.state_file + ".tmp"
        with open(tmp, "w") as handle:
            handle.write(json.dumps(self.state, indent=1, sort_keys=True))
        os.rename(tmp, self.state_file)

    # -- what the set commands change ----------------------------------------------------------

    def set_value(self, section, name, value):
        """state[section][name] = value ("advanced" or "sbmax"), saved."""
        with self.lock:
            self.state[section][name] = value
            self._save()

    def count_auto_backup(self):
        with self.lock:
            self.state["auto_backups"] += 1
            self._save()

    # -- the hostfiles interface ---------------------------------------------------------------

    def _resolve(self, path):
        for link, target in self.state["links"].items():
            if path == link or path.startswith(link + "/"):
                return target + path[len(link):]
        return path.rstrip("/") or "/"

    def _check_writable(self, path):
        for ro in self.state["readonly"]:
            if path == ro or path.startswith(ro + "/"):
                raise OSError(errno.EROFS, "Read-only file system", path)
        for full in self.state["full"]:
            if path == full or path.startswith(full + "/"):
                raise OSError(errno.ENOSPC, "No space left on device", path)

    def read(self, path, limit=None):
        """The text of a file, or None when it does not exist; OSError (EFBIG) when it is larger
        than ``limit`` bytes, as the live files say."""
        with self.lock:
            text = self.state["files"].get(self._resolve(path))
        if text is not None and limit is not None and len(text.encode("utf-8")) > limit:
            raise OSError(errno.EFBIG, "larger than %d bytes: not read" % limit, path)
        return text

    def write_atomic(self, path, text):
        real = self._resolve(path)
        with self.lock:
            if os.path.dirname(real) not in self.state["dirs"]:
                raise OSError(errno.ENOENT, "No such file or directory", path)
            self._check_writable(real)
            self.state["files"][real] = text
            self._save()

    def makedirs(self, path):
        real = self._resolve(path)
        with self.lock:
            if real in self.state["dirs"]:
                return
            self._check_writable(real)
            parts = real.strip("/").split("/")
            for i in range(1, len(parts) + 1):
                folder = "/" + "/".join(parts[:i])
                if folder not in self.state["dirs"]:
                    self.state["dirs"].append(folder)
            self._save()

    def isdir(self, path):
        return self._resolve(path) in self.state["dirs"]

    def listdir(self, path):
        real = self._resolve(path).rstrip("/")
        names = set()
        for entry in list(self.state["dirs"]) + list(self.state["files"]):
            if entry.startswith(real + "/"):
                names.add(entry[len(real) + 1:].split("/")[0])
        return sorted(names)

    def realpath(self, path):
        return self._resolve(path)

    def writable(self, path):
        real = self._resolve(path)
        try:
            self._check_writable(real + "/x")
        except OSError:
            return False
        return real in self.state["dirs"]

    def free_bytes(self, path):
        try:
            self._check_writable(self._resolve(path) + "/x")
        except OSError as exc:
            return 0 if exc.errno == errno.ENOSPC else None
        return 10 * 1024 ** 3
