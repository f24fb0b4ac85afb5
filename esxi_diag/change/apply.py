"""Changing the host, only when asked: ``tune --apply``, ``--persist`` and ``--rollback``.

The order is always: write the journal (host, time, tool version, previous and intended values)
to persistent storage; make one change; record it; ...; read every value back and compare. When a
step fails, a value reads back wrong, or the user presses Ctrl-C, the steps already done are undone
in reverse order (Ctrl-C is ignored while undoing), read back again, and the journal says what
happened. ``--rollback`` restores a journal's previous values the same way.

Outcomes (and exit statuses, see cli.py): applied and verified; failed and restored; failed and NOT
fully restored (the journal lists what is left); nothing to do.

Before the first change: the whole plan is known (local.sh included), a lock in the state
directory says that no other tune is changing this host, and for ``--rollback`` the whole journal
has been validated (types, ranges, netstack names, and that its ``local.sh`` lines are exactly the
tool's own ``vsish -e set /net/tcpip/instances/<netstack>/sbMax <bytes>``): journal text never
reaches local.sh except rebuilt in that format. Undo touches only what was done.
"""

import errno
import json
import os
import re
import signal
import time

from esxi_diag import __version__, kinds
from esxi_diag.sources import collect, inputs
from esxi_diag.analysis import tuning
from esxi_diag.change import localsh
from esxi_diag.parsers import vsish
from esxi_diag.message import msg, series

JOURNAL_SCHEMA = "esxi-diag-journal/1"
LOCAL_SH = "/etc/rc.local.d/local.sh"
JOURNAL_PREFIX = "tune-"
LOCK_STALE_S = 1800  # a lock older than this is stale even when its pid exists (pid reuse)

APPLIED = "applied"
NOT_PERSISTENT = "applied-not-persistent"
RESTORED = "failed-restored"
PARTIAL = "failed-not-restored"
ROLLED_BACK = "rolled-back"
STARTED = "started"
STATES = (STARTED, APPLIED, RESTORED, PARTIAL, ROLLED_BACK)

# What a journal may hold: 1 MB/s .. 1 Tbit/s for the line rate option, 1 byte .. 1 TiB for sbMax.
LINE_RATE_RANGE = (1, int(tuning.LINE_RATE_MAX_MBIT / 8))
SBMAX_RANGE = (1, 1 << 40)
_PERSIST_LINE = re.compile(r"^vsish -e set /net/tcpip/instances/([^/\s]+)/sbMax ([0-9]{1,13})$")
_NAME = re.compile(r"-(\d{8}T\d{6}Z)(?:-(\d+))?\.json$")


class ApplyError(Exception):
    """Could not even start (nothing was changed); one line for the user."""


def now_iso():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def journal_name(host, n=1):
    """``tune-<host>-<UTC time>.json``; ``-2``, ``-3``... for more in the same second."""
    return "%s%s-%s%s.json" % (JOURNAL_PREFIX, _safe_host(host),
                               time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()),
                               "-%d" % n if n > 1 else "")


def _name_order(name):
    """Sort key of journal names: time, then the same-second number."""
    m = _NAME.search(name)
    if not m:
        return ("", 0, name)
    return (m.group(1), int(m.group(2) or 1), name)


class Host(object):
    """The operations apply needs, over the runner (commands) and the host's files."""

    def __init__(self, runner, files):
        self.runner = runner
        self.files = files
        self.collector = collect.Collector(runner, jobs=1)

    def run(self, argv):
        result = self.runner.run(argv, collect.ESXCLI_TIMEOUT)
        return result.ok, result.describe_failure()

    def read_line_rate(self):
        c = self.collector.run_one("advanced.option", {"option": kinds.LINE_RATE_OPTION})
        for row in c.rows or []:
            try:
                return int(row.get("intvalue"))
            except (TypeError, ValueError):
                pass
        return None

    def read_sbmax(self, netstack):
        c = self.collector.run_one("vsish.sbmax", {"netstack": netstack})
        if not c.ran_ok or not c.rows:
            return None
        return vsish.current_value(c.rows[0]["value"])


class Journal(object):
    def __init__(self, files, path, record):
        self.files = files
        self.path = path
        self.record = record

    def save(self):
        self.files.write_atomic(self.path, json.dumps(self.record, indent=2, sort_keys=True) +
                                "\n")

    def step(self, action, argv, result):
        self.record["steps"].append({"action": action, "command": kinds.display(argv)
                                     if argv else None, "result": result, "at": now_iso()})


def _set_commands(values, netstack):
    """[(action, argv)] that put ``values`` (line_rate_mbps, sbmax) in place."""
    out = []
    if values.get("line_rate_mbps") is not None:
        out.append(("set-line-rate", kinds.advanced_set_argv(kinds.LINE_RATE_OPTION,
                                                               values["line_rate_mbps"])))
    if values.get("sbmax") is not None and netstack:
        out.append(("set-sbmax", kinds.sbmax_set_argv(netstack, values["sbmax"])))
    return out


def _verify(host, values, netstack):
    """Mismatches between ``values`` and what the host reads back."""
    bad = []
    if values.get("line_rate_mbps") is not None:
        got = host.read_line_rate()
        if got != values["line_rate_mbps"]:
            bad.append("NetExpectedLineRateMBps reads back %s, expected %d" % (
                got, values["line_rate_mbps"]))
    if values.get("sbmax") is not None and netstack:
        got = host.read_sbmax(netstack)
        if got != values["sbmax"]:
            bad.append("sbMax of %s reads back %s, expected %d" % (netstack, got,
                                                                   values["sbmax"]))
    return bad


class _NoInterrupt(object):
    """Ctrl-C is ignored while the host is being put back."""

    def __enter__(self):
        try:
            self.old = signal.signal(signal.SIGINT, signal.SIG_IGN)
        except ValueError:  # not the main thread
            self.old = None
        return self

    def __exit__(self, *exc):
        if self.old is not None:
            signal.signal(signal.SIGINT, self.old)
        return False


def _write_local_sh(host, journal, text, action):
    host.files.write_atomic(LOCAL_SH, text)
    journal.step(action, None, "ok")


def _auto_backup(host, journal):
    """Save the configuration (local.sh included) so that it survives a reboot."""
    ok, why = host.run(kinds.AUTO_BACKUP)
    journal.step("auto-backup", kinds.AUTO_BACKUP, "ok" if ok else "failed: " + why)
    if not ok:
        raise _StepFailed("/sbin/auto-backup.sh failed: %s" % why)


class _StepFailed(Exception):
    pass


def _read(host, key, netstack):
    return host.read_line_rate() if key == "line_rate_mbps" else host.read_sbmax(netstack)


def _restore(host, journal, attempted, previous, netstack, local_before, backed_up):
    """Undo: each value that does not read back as before is set back (in reverse order), then
    local.sh; True when everything reads back right. A step whose command failed is only redone
    when the host shows it took effect after all."""
    problems = []
    with _NoInterrupt():
        if local_before is not None:
            try:
                _write_local_sh(host, journal, local_before, "restore-local.sh")
                if backed_up:  # the new local.sh reached the backup: save the old one again
                    _auto_backup(host, journal)
            except (OSError, _StepFailed) as exc:
                problems.append("local.sh: %s" % exc)
        for key in reversed(attempted):
            want = previous.get(key)
            if want is None:
                continue
            now = _read(host, key, netstack)
            (action, argv), = _set_commands({key: want}, netstack)
            if now == want:
                journal.step("undo-" + action, None, "not needed: reads back %s" % now)
                continue
            ok, why = host.run(argv)
            journal.step("undo-" + action, argv, "ok" if ok else "failed: " + why)
            if not ok:
                problems.append("%s: %s" % (kinds.display(argv), why))
        problems += _verify(host, dict((k, previous.get(k)) for k in attempted
                                       if previous.get(k) is not None), netstack)
    journal.record["undo_problems"] = problems
    return not problems


# ---------------------------------------------------------------------------------------------
# the lock: one tune changing a host at a time

class Lock(object):
    """``<state dir>/.tune-<host>.lock``, created exclusively, holding the pid, host and time.
    A lock whose process is gone (same host), or older than LOCK_STALE_S, is stale and taken
    over. Per host, so that hosts sharing a datastore do not wait for each other."""

    def __init__(self, files, state_dir, host_name):
        self.files = files
        self.path = "%s/.tune-%s.lock" % (state_dir, _safe_host(host_name))
        self.host = host_name
        self.content = json.dumps({"pid": os.getpid(), "host": host_name, "since": time.time(),
                                   "token": "%d-%f" % (os.getpid(), time.time())})
        self.note = None

    def acquire(self):
        for _ in range(2):
            if self._create():
                return self
            holder = self._holder()
            if holder is None or self._stale(holder):
                self.note = "a stale lock %s was taken over" % self.path
                self._remove()
                continue
            raise ApplyError("another esxi-diag tune is changing this host (pid %s, since %s): "
                             "nothing was changed; run again when it is done (if it is not "
                             "running, remove %s)" % (
                                 holder.get("pid"), time.strftime(
                                     "%H:%M:%S", time.localtime(holder.get("since") or 0)),
                                 self.path))
        raise ApplyError("cannot take the lock %s: nothing was changed" % self.path)

    def release(self):
        try:
            if self.files.read(self.path) == self.content:
                self._remove()
        except (OSError, IOError, ValueError):
            pass

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()
        return False

    def _create(self):
        create = getattr(self.files, "create_new", None)
        try:
            if create is not None:
                return create(self.path, self.content)
            # a backend without exclusive creation (the simulator: one process per state)
            if self._holder() is not None:
                return False
            self.files.write_atomic(self.path, self.content)
            return True
        except (OSError, IOError) as exc:
            raise ApplyError("cannot take the lock %s: %s (nothing was changed; choose another "
                             "place with --state-dir)" % (self.path, exc.strerror or exc))

    def _holder(self):
        """The lock's content, or None when there is none (or it is released or unreadable)."""
        try:
            text = self.files.read(self.path)
        except (OSError, IOError):
            return {"pid": "?", "since": time.time()}  # cannot tell: not stale
        if not text:
            return None
        try:
            holder = inputs.loads(text, self.path)
        except inputs.InputError:
            return None  # garbage: not a lock of ours
        return holder if isinstance(holder, dict) else None

    def _stale(self, holder):
        since = holder.get("since")
        if not inputs.is_number(since) or time.time() - since > LOCK_STALE_S or \
                since > time.time() + 60:
            return True
        pid = holder.get("pid")
        if holder.get("host") != self.host or not inputs.is_int(pid):
            return False  # another host's process: only its age tells
        if pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)
        except OSError as exc:
            return exc.errno == errno.ESRCH
        return False

    def _remove(self):
        remove = getattr(self.files, "remove", None)
        try:
            if remove is not None:
                remove(self.path)
            else:
                self.files.write_atomic(self.path, "")
        except (OSError, IOError):
            pass


def _safe_host(host):
    return "".join(c if c.isalnum() or c in "-." else "_" for c in host or "host")[:64]


def _new_journal(files, state_dir, host_name, record):
    """Write the first version of a journal under a name no other journal has. Returns its
    path. OSError when it cannot be written."""
    text = json.dumps(record, indent=2, sort_keys=True) + "\n"
    create = getattr(files, "create_new", None)
    for n in range(1, 1000):
        path = "%s/%s" % (state_dir, journal_name(host_name, n))
        if create is not None:
            if create(path, text):
                return path
        elif files.read(path) is None:  # under the lock: nobody else names journals now
            files.write_atomic(path, text)
            return path
    raise OSError(errno.EEXIST, "a thousand journals of this second exist", state_dir)


# ---------------------------------------------------------------------------------------------
# apply

def apply_plan(host, plan, state_dir, persist=False, host_name=None):
    """Apply ``plan`` (tune's recommendation). Returns (state, message, journal path)."""
    netstack = plan["netstack"]
    previous = {"line_rate_mbps": plan["line_rate"]["current"],
                "sbmax": plan["sbmax"]["current"] if plan["sbmax"] else None}
    intended = {}
    if plan["line_rate"]["change"]:
        intended["line_rate_mbps"] = plan["line_rate"]["recommended"]
    if plan["sbmax"] and plan["sbmax"]["change"]:
        intended["sbmax"] = plan["sbmax"]["recommended"]
    local_sh = None
    new_local_sh = None
    not_at_boot = persist and bool(plan.get("persist_commands")) and \
        (plan.get("persist") or {}).get("runs_at_boot") is False
    if not_at_boot:  # Secure Boot: local.sh is not run at boot, writing it would persist nothing
        persist = False
    if persist and plan.get("persist_commands"):
        try:
            local_sh = host.files.read(LOCAL_SH)
        except (OSError, IOError) as exc:
            raise ApplyError("cannot read %s: %s (nothing was changed)" % (
                LOCAL_SH, exc.strerror or exc))
        if local_sh is None:
            raise ApplyError("%s does not exist: nothing to persist into" % LOCAL_SH)
        try:
            new_local_sh = localsh.with_block(local_sh, plan["persist_commands"])
        except localsh.LocalShError as exc:
            raise ApplyError(str(exc))
        if new_local_sh == local_sh:
            new_local_sh = None
        elif not host.files.writable(os.path.dirname(LOCAL_SH)):
            raise ApplyError("%s cannot be written (read-only or full): nothing was changed; "
                             "run without --persist to set the values until the next reboot" %
                             os.path.dirname(LOCAL_SH))
    if not intended and new_local_sh is None:
        if not_at_boot:
            return NOT_PERSISTENT, msg("apply.nothing-not-persistent"), None
        return None, msg("apply.nothing"), None
    try:
        host.files.makedirs(state_dir)
    except OSError as exc:
        raise ApplyError("cannot use %s for the journal: %s (choose another with --state-dir)" %
                         (state_dir, exc.strerror or exc))
    runs_at_boot = (plan.get("persist") or {}).get("runs_at_boot")
    with Lock(host.files, state_dir, host_name) as lock:
        return _apply_locked(host, state_dir, host_name, netstack, previous, intended, local_sh,
                             new_local_sh, lock, not_at_boot, runs_at_boot)


def _apply_locked(host, state_dir, host_name, netstack, previous, intended, local_sh,
                  new_local_sh, lock, not_at_boot=False, runs_at_boot=None):
    record = {
        "schema": JOURNAL_SCHEMA, "tool_version": __version__, "host": host_name,
        "created": now_iso(), "state": STARTED, "netstack": netstack,
        "previous": previous, "intended": intended,
        "persist": {"file": LOCAL_SH, "changed": new_local_sh is not None,
                    "previous_block": localsh.block_commands(local_sh) if local_sh else None},
        "steps": []}
    if lock.note:
        record["lock"] = lock.note
    try:  # before any change: no journal, no change
        path = _new_journal(host.files, state_dir, host_name, record)
    except OSError as exc:
        raise ApplyError("cannot write the journal in %s: %s (choose another place with "
                         "--state-dir)" % (state_dir, exc.strerror or exc))
    journal = Journal(host.files, path, record)
    attempted = []
    local_before = None
    backed_up = False
    try:
        for action, argv in _set_commands(intended, netstack):
            attempted.append("line_rate_mbps" if action == "set-line-rate" else "sbmax")
            ok, why = host.run(argv)
            journal.step(action, argv, "ok" if ok else "failed: " + why)
            journal.save()
            if not ok:
                raise _StepFailed("%s failed: %s" % (kinds.display(argv), why))
        mismatches = _verify(host, intended, netstack)
        if mismatches:
            journal.step("verify", None, "failed: " + "; ".join(mismatches))
            raise _StepFailed("; ".join(mismatches))
        journal.step("verify", None, "ok")
        if new_local_sh is not None:
            _write_local_sh(host, journal, new_local_sh, "write-local.sh")
            local_before = local_sh  # only now is there something to put back
            _auto_backup(host, journal)
            backed_up = True
        if not_at_boot:
            journal.record["state"] = APPLIED
            journal.record["persist"]["not_at_boot"] = "UEFI Secure Boot is enabled"
            journal.save()
            return NOT_PERSISTENT, msg("apply.not-persistent"), journal.path
        journal.record["state"] = APPLIED
        journal.save()
        if new_local_sh is not None and runs_at_boot is None:
            return APPLIED, msg("apply.persist-unsure"), journal.path
        return APPLIED, msg("apply.applied"), journal.path
    except (_StepFailed, OSError, KeyboardInterrupt) as exc:
        why = "interrupted (Ctrl-C)" if isinstance(exc, KeyboardInterrupt) else str(exc)
        journal.record["failure"] = why
        restored = _restore(host, journal, attempted, previous, netstack, local_before,
                            backed_up)
        journal.record["state"] = RESTORED if restored else PARTIAL
        saved = _save_quietly(journal)
        text = msg("apply.failed", why=why, outcome=msg("apply.restored") if restored else msg(
            "apply.not-restored", problems=series(journal.record["undo_problems"], "semicolon")),
            journal=None if saved else msg("apply.journal-not-updated", path=journal.path))
        return journal.record["state"], text, journal.path


def _save_quietly(journal):
    try:
        journal.save()
        return True
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------
# rollback

def find_journal(files, state_dir, name=None, host_name=None):
    """(path, record, skipped): the named journal, or the latest valid applied journal of
    ``host_name`` in ``state_dir``; ``skipped`` says which newer or older journals were passed
    over as unusable. Raises ApplyError (nothing was changed) when there is none."""
    if name:
        return name, _load(files, name), []
    skipped = []
    names = [n for n in files.listdir(state_dir) if n.startswith(JOURNAL_PREFIX) and
             n.endswith(".json")]
    found = None
    for n in sorted(names, key=_name_order, reverse=True):
        path = "%s/%s" % (state_dir, n)
        try:
            record = _load(files, path)
        except ApplyError as exc:
            skipped.append(str(exc))
            continue
        if host_name is not None and record["host"] != host_name:
            continue  # another host's journal on a shared datastore
        if record["state"] == APPLIED and found is None:
            found = (path, record)
    if found is None:
        error = ApplyError("no applied journal in %s: nothing to roll back%s" % (
            state_dir, " (%d unusable journal(s) skipped)" % len(skipped) if skipped else ""))
        error.skipped = skipped
        raise error
    return found[0], found[1], skipped


def _load(files, path):
    """A journal, validated whole. ApplyError (one line) when it cannot be used."""
    try:
        text = files.read(path)
    except (OSError, IOError) as exc:
        raise ApplyError("cannot read the journal %s: %s" % (path, exc.strerror or exc))
    if text is None:
        raise ApplyError("the journal %s does not exist" % path)
    if len(text) > inputs.JOURNAL_BYTES:  # a backend that does not bound its reads
        raise ApplyError("the journal %s is larger than %s: not a journal of esxi-diag" % (
            path, inputs.size_text(inputs.JOURNAL_BYTES)))
    try:
        record = inputs.loads(text, path)
    except inputs.InputError:
        raise ApplyError("the journal %s is corrupt (not JSON)" % path)
    if not isinstance(record, dict) or record.get("schema") != JOURNAL_SCHEMA:
        raise ApplyError("%s is not an esxi-diag journal" % path)
    why = journal_problem(record)
    if why:
        raise ApplyError("the journal %s is damaged (%s): nothing was changed" % (path, why))
    return record


def _value_ok(key, value):
    low, high = LINE_RATE_RANGE if key == "line_rate_mbps" else SBMAX_RANGE
    return inputs.is_int(value) and low <= value <= high


def journal_problem(record):
    """What makes a journal unusable for a rollback, or None. Everything a rollback uses is
    checked here, before it changes anything."""
    for key in ("host", "state", "previous", "netstack"):
        if key not in record:
            return "no %s" % key
    if not isinstance(record["host"], str) or not record["host"]:
        return "the host is not a name"
    if record["state"] not in STATES:
        return "unknown state %s" % inputs.one_line(repr(record["state"]), 40)
    netstack = record["netstack"]
    if netstack is not None and not kinds.valid_netstack(netstack):
        return "invalid netstack name"
    for part, allow_none in (("previous", True), ("intended", False)):
        values = record.get(part, {}) if part == "intended" else record[part]
        if not isinstance(values, dict):
            return "%s is not an object" % part
        for key, value in values.items():
            if key not in ("line_rate_mbps", "sbmax"):
                return "%s holds an unknown setting %s" % (part, inputs.one_line(key, 40))
            if value is None and allow_none:
                continue
            if not _value_ok(key, value):
                return "%s %s is not a whole number in range" % (part, key)
    intended = record.get("intended") or {}
    if "sbmax" in intended and netstack is None:
        return "sbMax was set but no netstack is named"
    for key in intended:
        if record["previous"].get(key) is None:
            return "no previous %s to restore" % key
    persist = record.get("persist")
    if persist is not None:
        if not isinstance(persist, dict):
            return "persist is not an object"
        if persist.get("file", LOCAL_SH) != LOCAL_SH:
            return "persist names another file than %s" % LOCAL_SH
        if not isinstance(persist.get("changed", False), bool):
            return "persist.changed is not true or false"
        block = persist.get("previous_block")
        if block is not None:
            if not isinstance(block, list) or len(block) > 64:
                return "the previous local.sh block is not a list of lines"
            for line in block:
                if _persist_line(line) is None:
                    return "the previous local.sh block holds a line that is not the tool's " \
                           "own sbMax setting"
    for key, kind in (("steps", list), ("rollback", dict), ("created", str),
                      ("tool_version", str), ("failure", str), ("undo_problems", list)):
        if record.get(key) is not None and not isinstance(record[key], kind):
            return "%s is not a %s" % (key, "list" if kind is list else
                                       "string" if kind is str else "object")
    return None


def _persist_line(line):
    """The tool's own local.sh line rebuilt from a journal's line, or None when the line is not
    exactly one (a valid netstack, a whole number of bytes in range)."""
    if not isinstance(line, str):
        return None
    m = _PERSIST_LINE.match(line)
    if not m or not kinds.valid_netstack(m.group(1)) or \
            not _value_ok("sbmax", int(m.group(2))):
        return None
    rebuilt = kinds.display(kinds.sbmax_set_argv(m.group(1), int(m.group(2))))
    return rebuilt if rebuilt == line else None  # "sbMax 0050" is not how the tool writes it


def rollback(host, path, record, host_name):
    """Restore the previous values of a (validated) journal. Returns (state, message)."""
    why = journal_problem(record)
    if why:  # callers pass what _load returned; this keeps the promise for any other caller
        raise ApplyError("the journal %s is damaged (%s): nothing was changed" % (path, why))
    if record["host"] != host_name:
        raise ApplyError("the journal %s is from host %s, this is %s: not rolled back" % (
            path, record["host"], host_name))
    if record["state"] == ROLLED_BACK:
        raise ApplyError("the journal %s was already rolled back on %s" % (
            path, (record.get("rollback") or {}).get("at", "an earlier run")))
    if record["state"] != APPLIED:
        raise ApplyError("the journal %s records a failed apply (%s) that was already undone "
                         "then; nothing to roll back" % (path, record["state"]))
    netstack = record["netstack"]
    intended = record.get("intended") or {}
    back = dict((k, record["previous"][k]) for k in intended)
    persist = record.get("persist") or {}
    text = restored_text = None
    if persist.get("changed"):  # decided before any change: a broken block stops here
        try:
            text = host.files.read(LOCAL_SH) or ""
        except (OSError, IOError) as exc:
            raise ApplyError("cannot read %s: %s (nothing was changed)" % (
                LOCAL_SH, exc.strerror or exc))
        block = [_persist_line(line) for line in persist.get("previous_block") or []]
        try:
            restored_text = localsh.with_block(text, block) if block else \
                localsh.without_block(text)
        except localsh.LocalShError as exc:
            raise ApplyError("%s (nothing was changed)" % exc)
    state_dir = path.rsplit("/", 1)[0] if "/" in path else "."
    with Lock(host.files, state_dir, host_name):
        return _rollback_locked(host, path, record, netstack, intended, back, text,
                                restored_text)


def _rollback_locked(host, path, record, netstack, intended, back, text, restored_text):
    journal = Journal(host.files, path, record)
    record.setdefault("steps", [])
    problems = []
    record["rollback"] = {"at": now_iso(), "tool_version": __version__}
    changed_since = []
    for key, value in sorted(intended.items()):
        now = _read(host, key, netstack)
        if now != value:
            changed_since.append("%s is %s, not the %s this journal set" % (
                "NetExpectedLineRateMBps" if key == "line_rate_mbps" else "sbMax", now, value))
    record["rollback"]["changed_since"] = changed_since
    with _NoInterrupt():
        if restored_text is not None and restored_text != text:
            try:
                _write_local_sh(host, journal, restored_text, "rollback-local.sh")
                _auto_backup(host, journal)
            except (OSError, _StepFailed) as exc:
                problems.append("local.sh: %s" % exc)
        for action, argv in _set_commands(back, netstack):
            ok, why = host.run(argv)
            journal.step("rollback-" + action, argv, "ok" if ok else "failed: " + why)
            if not ok:
                problems.append("%s: %s" % (kinds.display(argv), why))
        problems += _verify(host, back, netstack)
    record["rollback"]["problems"] = problems
    if not problems:
        record["state"] = ROLLED_BACK
    saved = _save_quietly(journal)
    if problems:
        return PARTIAL, msg("apply.rollback-incomplete", problems=series(problems, "semicolon"))
    return ROLLED_BACK, msg(
        "apply.rolled-back",
        changed=msg("apply.changed-since", what=series(changed_since, "semicolon"))
        if changed_since else None,
        journal=None if saved else msg("apply.rollback-journal-not-updated"))
