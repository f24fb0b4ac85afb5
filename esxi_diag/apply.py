"""Changing the host, only when asked: ``tune --apply``, ``--persist`` and ``--rollback``.

The order is always: write the journal (host, time, tool version, previous and intended values)
to persistent storage; make one change; record it; ...; read every value back and compare. When a
step fails, a value reads back wrong, or the user presses Ctrl-C, the steps already done are undone
in reverse order (Ctrl-C is ignored while undoing), read back again, and the journal says what
happened. ``--rollback`` restores a journal's previous values the same way.

Outcomes (and exit statuses, see cli.py): applied and verified; failed and restored; failed and NOT
fully restored (the journal lists what is left); nothing to do.
"""

import json
import signal
import time

from esxi_diag import __version__, catalog, collect, tuning
from esxi_diag.parsers import vsish

JOURNAL_SCHEMA = "esxi-diag-journal/1"
LOCAL_SH = "/etc/rc.local.d/local.sh"
JOURNAL_PREFIX = "tune-"

APPLIED = "applied"
NOT_PERSISTENT = "applied-not-persistent"
RESTORED = "failed-restored"
PARTIAL = "failed-not-restored"
ROLLED_BACK = "rolled-back"
STARTED = "started"


class ApplyError(Exception):
    """Could not even start (nothing was changed); one line for the user."""


def now_iso():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def journal_name(host):
    return "%s%s-%s.json" % (JOURNAL_PREFIX, "".join(c if c.isalnum() or c in "-." else "_"
                                                     for c in host or "host"),
                             time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()))


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
        c = self.collector.run_one("advanced.option", {"option": catalog.LINE_RATE_OPTION})
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
        self.record["steps"].append({"action": action, "command": catalog.display(argv)
                                     if argv else None, "result": result, "at": now_iso()})


def _set_commands(values, netstack):
    """[(action, argv)] that put ``values`` (line_rate_mbps, sbmax) in place."""
    out = []
    if values.get("line_rate_mbps") is not None:
        out.append(("set-line-rate", catalog.advanced_set_argv(catalog.LINE_RATE_OPTION,
                                                               values["line_rate_mbps"])))
    if values.get("sbmax") is not None and netstack:
        out.append(("set-sbmax", catalog.sbmax_set_argv(netstack, values["sbmax"])))
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
    ok, why = host.run(catalog.AUTO_BACKUP)
    journal.step("auto-backup", catalog.AUTO_BACKUP, "ok" if ok else "failed: " + why)
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
                problems.append("%s: %s" % (catalog.display(argv), why))
        problems += _verify(host, dict((k, previous.get(k)) for k in attempted
                                       if previous.get(k) is not None), netstack)
    journal.record["undo_problems"] = problems
    return not problems


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
        local_sh = host.files.read(LOCAL_SH)
        if local_sh is None:
            raise ApplyError("%s does not exist: nothing to persist into" % LOCAL_SH)
        try:
            new_local_sh = tuning.with_block(local_sh, plan["persist_commands"])
        except tuning.LocalShError as exc:
            raise ApplyError(str(exc))
        if new_local_sh == local_sh:
            new_local_sh = None
    if not intended and new_local_sh is None:
        if not_at_boot:
            return NOT_PERSISTENT, ("nothing to change now, and NOT persistent: UEFI Secure Boot "
                                    "is enabled, so /etc/rc.local.d/local.sh does not run at "
                                    "boot; sbMax must be set again after each reboot"), None
        return None, "nothing to change", None
    try:
        host.files.makedirs(state_dir)
    except OSError as exc:
        raise ApplyError("cannot use %s for the journal: %s (choose another with --state-dir)" %
                         (state_dir, exc.strerror or exc))
    journal = Journal(host.files, "%s/%s" % (state_dir, journal_name(host_name)), {
        "schema": JOURNAL_SCHEMA, "tool_version": __version__, "host": host_name,
        "created": now_iso(), "state": STARTED, "netstack": netstack,
        "previous": previous, "intended": intended,
        "persist": {"file": LOCAL_SH, "changed": new_local_sh is not None,
                    "previous_block": tuning.block_commands(local_sh) if local_sh else None},
        "steps": []})
    try:
        journal.save()  # before any change: no journal, no change
    except OSError as exc:
        raise ApplyError("cannot write the journal %s: %s (choose another place with "
                         "--state-dir)" % (journal.path, exc.strerror or exc))
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
                raise _StepFailed("%s failed: %s" % (catalog.display(argv), why))
        mismatches = _verify(host, intended, netstack)
        if mismatches:
            journal.step("verify", None, "failed: " + "; ".join(mismatches))
            raise _StepFailed("; ".join(mismatches))
        journal.step("verify", None, "ok")
        if new_local_sh is not None:
            local_before = local_sh
            _write_local_sh(host, journal, new_local_sh, "write-local.sh")
            _auto_backup(host, journal)
            backed_up = True
        if not_at_boot:
            journal.record["state"] = APPLIED
            journal.record["persist"]["not_at_boot"] = "UEFI Secure Boot is enabled"
            journal.save()
            return NOT_PERSISTENT, ("applied and verified, but NOT persistent: UEFI Secure Boot "
                                    "is enabled, so /etc/rc.local.d/local.sh does not run at "
                                    "boot and was not changed; sbMax returns to its previous "
                                    "value at the next reboot"), journal.path
        journal.record["state"] = APPLIED
        journal.save()
        runs = (plan.get("persist") or {}).get("runs_at_boot")
        if new_local_sh is not None and runs is None:
            return APPLIED, ("applied and verified; sbMax written to /etc/rc.local.d/local.sh, "
                             "but the Secure Boot state could not be read: if it is enabled, "
                             "local.sh does not run at boot"), journal.path
        return APPLIED, "applied and verified", journal.path
    except (_StepFailed, OSError, KeyboardInterrupt) as exc:
        why = "interrupted (Ctrl-C)" if isinstance(exc, KeyboardInterrupt) else str(exc)
        journal.record["failure"] = why
        restored = _restore(host, journal, attempted, previous, netstack, local_before,
                            backed_up)
        journal.record["state"] = RESTORED if restored else PARTIAL
        saved = _save_quietly(journal)
        msg = "%s; %s" % (why, "the previous values are back in place" if restored else
                          "the previous values could NOT all be restored: %s" %
                          "; ".join(journal.record["undo_problems"]))
        if not saved:
            msg += " (and the journal %s could not be updated)" % journal.path
        return journal.record["state"], msg, journal.path


def _save_quietly(journal):
    try:
        journal.save()
        return True
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------
# rollback

def find_journal(files, state_dir, name=None):
    """The named journal, or the latest applied one in ``state_dir``. Raises ApplyError."""
    if name:
        path = name
    else:
        names = [n for n in files.listdir(state_dir) if n.startswith(JOURNAL_PREFIX) and
                 n.endswith(".json")]
        candidates = []
        for n in sorted(names, reverse=True):
            record = _load(files, "%s/%s" % (state_dir, n), strict=False)
            if record and record.get("state") == APPLIED:
                candidates.append(n)
        if not candidates:
            raise ApplyError("no applied journal in %s: nothing to roll back" % state_dir)
        path = "%s/%s" % (state_dir, candidates[0])
    return path, _load(files, path, strict=True)


def _load(files, path, strict):
    try:
        text = files.read(path)
    except OSError as exc:
        if strict:
            raise ApplyError("cannot read the journal %s: %s" % (path, exc.strerror or exc))
        return None
    if text is None:
        if strict:
            raise ApplyError("the journal %s does not exist" % path)
        return None
    try:
        record = json.loads(text)
    except ValueError:
        if strict:
            raise ApplyError("the journal %s is corrupt (not JSON)" % path)
        return None
    if not isinstance(record, dict) or record.get("schema") != JOURNAL_SCHEMA:
        if strict:
            raise ApplyError("%s is not an esxi-diag journal" % path)
        return None
    for key in ("host", "previous", "netstack", "state"):
        if key not in record:
            if strict:
                raise ApplyError("the journal %s is incomplete (no %s)" % (path, key))
            return None
    return record


def rollback(host, path, record, host_name):
    """Restore the previous values of a journal. Returns (state, message)."""
    if record["host"] != host_name:
        raise ApplyError("the journal %s is from host %s, this is %s: not rolled back" % (
            path, record["host"], host_name))
    if record["state"] == ROLLED_BACK:
        raise ApplyError("the journal %s was already rolled back on %s" % (
            path, (record.get("rollback") or {}).get("at", "an earlier run")))
    if record["state"] != APPLIED:
        raise ApplyError("the journal %s records a failed apply (%s) that was already undone "
                         "then; nothing to roll back" % (path, record["state"]))
    journal = Journal(host.files, path, record)
    netstack = record["netstack"]
    back = dict((k, record["previous"].get(k)) for k in (record.get("intended") or {}))
    problems = []
    record["rollback"] = {"at": now_iso(), "tool_version": __version__}
    changed_since = []
    for key, value in sorted((record.get("intended") or {}).items()):
        now = _read(host, key, netstack)
        if now != value:
            changed_since.append("%s is %s, not the %s this journal set" % (
                "NetExpectedLineRateMBps" if key == "line_rate_mbps" else "sbMax", now, value))
    record["rollback"]["changed_since"] = changed_since
    with _NoInterrupt():
        persist = record.get("persist") or {}
        if persist.get("changed"):
            try:
                text = host.files.read(LOCAL_SH) or ""
                previous_block = persist.get("previous_block")
                restored = tuning.with_block(text, previous_block) if previous_block else \
                    tuning.without_block(text)
                if restored != text:
                    _write_local_sh(host, journal, restored, "rollback-local.sh")
                    _auto_backup(host, journal)
            except (OSError, _StepFailed, tuning.LocalShError) as exc:
                problems.append("local.sh: %s" % exc)
        for action, argv in _set_commands(back, netstack):
            ok, why = host.run(argv)
            journal.step("rollback-" + action, argv, "ok" if ok else "failed: " + why)
            if not ok:
                problems.append("%s: %s" % (catalog.display(argv), why))
        problems += _verify(host, back, netstack)
    record["rollback"]["problems"] = problems
    if not problems:
        record["state"] = ROLLED_BACK
    saved = _save_quietly(journal)
    if problems:
        return PARTIAL, "rollback incomplete: %s" % "; ".join(problems)
    note = ""
    if changed_since:
        note = " (changed by hand since the apply: %s; the journal's previous values were " \
               "restored all the same)" % "; ".join(changed_since)
    return ROLLED_BACK, "rolled back and verified" + note + (
        "" if saved else " (the journal could not be updated)")

