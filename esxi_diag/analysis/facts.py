"""Parsed captures -> the facts model of one host.

Each command kind has an extractor (declared with its kind in kinds/) that reads its generic rows
into the facts model (analysis/model.py).
Several sources may describe the same thing (``esxcli network ip interface list`` and
``esxcfg-vmknic -l``): captures are applied in a fixed order of preference and a field, once set, is
kept. ``None`` means unknown; a family of facts is listed in ``facts["known"]`` only when a complete
listing of it was read, so that the rules never take "not collected" for "not there".

Values are checked at this boundary (type and range): a value that is not what its field holds
(an integer where a name belongs, ``133E`` for a number, a MAC that is not one) is that one fact
unknown, and a row without a valid name is left out. A listing that was edited or cut (the parser's ``cut``)
or lost a row here is not complete: its family is not marked known, the capture's note says it was
partial, and the report's notes mention it.
"""

import re

from esxi_diag import kinds
from esxi_diag.analysis import vms
from esxi_diag.analysis.model import new_facts
from esxi_diag.parsers import ParseError, Rows, cut_of, human, vsish
from esxi_diag.sources import capture as cap
from esxi_diag.sources import runner
from esxi_diag.message import msg, series


_PROBES = ("ping", "diag.ping")


_DENIED = re.compile(r"permission denied|not permitted|access denied|EPERM|EACCES", re.I)
_NO_COMMAND = re.compile(r"Unknown command or namespace", re.I)


def _vsish_failure(c):
    """Why a vsish read failed: (status, reason, note), or None when it did not fail."""
    text = (c.stdout or "") + "\n" + (c.stderr or "")
    first = (text.strip().splitlines() or [""])[0][:200]
    if c.timed_out:
        return cap.FAILED, "timed-out", msg("note.timed-out-short")
    if c.error == runner.ERR_OUTPUT_CUT:
        return cap.FAILED, "output-cut", runner.error_note(c.error)
    if c.error == runner.ERR_NOT_FOUND:
        return cap.UNAVAILABLE, "no-vsish", msg("note.no-vsish")
    if c.error == runner.ERR_PERMISSION or _DENIED.search(text):
        return cap.UNAVAILABLE, "not-root", msg("note.vsish-not-root",
                                                detail=first or msg("note.permission"))
    if c.error is not None:
        return cap.UNAVAILABLE, "no-vsish", msg("note.vsish-failed", why=runner.error_note(c.error))
    if c.exit_code not in (0, None) or vsish.looks_missing(text):
        return cap.UNAVAILABLE, "no-node", msg("note.node-missing", detail=msg(
            "note.node-detail", detail=first) if first else None)
    return None


def _judge_failure(c, facts):
    """Set the status of a capture whose command did not succeed; True when it is settled."""
    if c.kind.startswith("vsish."):
        failed = _vsish_failure(c)
        if failed is None:
            return False
        c.status, reason, c.note = failed
        if c.kind == "vsish.sbmax":
            stack = c.params.get("netstack")
            facts["tuning"]["sbmax_status"].setdefault(stack, {"reason": reason,
                                                               "detail": c.note})
            if c.status == cap.UNAVAILABLE:
                facts["tuning"]["sbmax"].setdefault(stack, None)
        return True
    if c.kind == "system.secureboot":
        if c.error == runner.ERR_NOT_FOUND:
            c.status, c.note = cap.UNAVAILABLE, msg("note.no-secureboot")
            return True
        if c.error is None and not c.timed_out:
            return False  # its exit codes are unverified: the word it prints decides

    if c.kind in _PROBES and c.error is None and not c.timed_out:
        return False  # vmkping exits non-zero on loss: its output still tells what happened
    if not c.ran_ok:
        c.status = cap.FAILED
        if c.timed_out:
            c.note = msg("note.timed-out", seconds=c.duration or 0)
        elif c.error:
            c.note = runner.error_note(c.error)
        else:
            text_lines = (c.stderr.strip() or c.stdout.strip()).splitlines()
            c.note = msg("note.exit", code=c.exit_code,
                         text=msg("note.exit-text", text=text_lines[0][:200]) if text_lines
                         else None)
        return True
    error = human.esxcli_error(c.stdout) if kinds.is_esxcli(c.kind) else None
    if error:
        c.status, c.note = cap.FAILED, error
        return True
    return False


def _not_on_this_release(c):
    """esxcli answered that it has no such command: the data does not exist on this release
    (``system settings encryption get`` before 7.0 U2), which is not a failed collection."""
    if not kinds.is_esxcli(c.kind):
        return False
    text = (c.stdout or "") + "\n" + (c.stderr or "")
    if not _NO_COMMAND.search(text):
        return False
    c.status, c.note = cap.UNAVAILABLE, msg("note.no-such-command")
    return True


def _partial_note(cut):
    """What was left out of an output, as a message (the first reasons, then a count)."""
    reasons = []
    for reason in cut:
        if reason not in reasons:
            reasons.append(reason)
    return msg("note.reasons", reasons=series(reasons[:3], "semicolon"),
               more=msg("list.more", count=len(reasons) - 3) if len(reasons) > 3 else None)


def build_facts(captures, hints=None):
    """The facts of one host from its captures (each capture's status and note are set)."""
    facts = new_facts()
    add_captures(facts, captures)
    facts["vms"] = vms.inventory(facts, captures)
    hints = hints or {}
    if facts["host"]["hostname"] is None and hints.get("hostname"):
        facts["host"]["hostname"] = hints["hostname"]
        facts["host"]["hostname_from"] = hints.get("hostname_from", "hint")
    return facts


def add_captures(facts, captures):
    """Read ``captures`` into ``facts``, the preferred sources first (a field once set is kept);
    each capture's status and note are set. Also used for the vmkping runs of a check, which join
    the facts of the collection they were planned from."""
    rank = kinds.extraction_rank()
    ordered = sorted(enumerate(captures), key=lambda p: (rank.get(p[1].kind, len(rank)), p[0]))
    for _, c in ordered:
        if _not_on_this_release(c) or _judge_failure(c, facts):
            continue
        try:
            rows = c.rows if c.rows is not None else kinds.parse(c.kind, c.stdout)
            # a copy: the extractor adds what it leaves out
            rows = Rows(rows, cut_of(rows) + list(getattr(c, "cut", None) or []))
            superseded = getattr(c, "superseded", None)
            if superseded:  # parsed (so that garbage shows), not used
                c.status, c.note = cap.PARSED, superseded
                continue
            kinds.extractor(c.kind)(facts, rows, c.params, c)
            if c.source != "transcript":  # kept for a second look (apply, bundle); a pasted
                c.rows = rows             # output is read once: its rows need no memory
            c.status, c.note = cap.PARSED, None
            if rows.cut:
                c.partial = True
                c.note = msg("note.partial", reasons=_partial_note(rows.cut))
                facts["notes"].append(msg("note.edited", command=c.command[:120],
                                          reasons=_partial_note(rows.cut)))
        except ParseError as exc:
            c.status, c.note = cap.UNPARSED, exc.message or str(exc) or msg("note.not-understood")
        except Exception as exc:  # a parser bug must not take the report down with it
            c.status = cap.UNPARSED
            c.note = msg("note.parser-bug", error="%s: %s" % (type(exc).__name__, exc))
    for c in captures:
        if getattr(c, "repeats", None):
            _repeated_note(facts, c)


def _repeated_note(facts, later):
    """A command pasted several times with different outputs (the transcript marks the last):
    the last one is used, and the note says what its facts say differently."""
    count, earlier = later.repeats
    diffs = _differences(earlier, later)
    facts["notes"].append(msg(
        "note.repeated", command=later.command[:120], count=count,
        diffs=msg("note.differences", diffs=series(diffs[:4], "semicolon"),
                  more=msg("list.more", count=len(diffs) - 4) if len(diffs) > 4 else None)
        if diffs else None))


_HOST_LABELS = {"hostname": "diff.hostname", "fqdn": "diff.fqdn", "version": "diff.version",
                "build": "diff.build"}


def _flatten(facts):
    """{key: (label, value)} of the facts a repeated command can change (for the note on it): the
    label names the fact (a message where it has words), the key sorts and matches it."""
    out = {}
    host = facts["host"]
    for key in ("hostname", "fqdn", "version", "build"):
        if host.get(key) is not None:
            out["host %s" % key] = (msg(_HOST_LABELS[key]), host[key])
    for family in ("vmknics", "nics", "vswitches", "portgroups"):
        for name, record in facts[family].items():
            for key, value in record.items():
                if key == "name" or value in (None, [], False):
                    continue
                if isinstance(value, dict):
                    for sub, subvalue in value.items():
                        if subvalue not in (None, False) and sub != "gateway_known":
                            label = "%s %s %s" % (name, key, sub)  # names and fields only
                            out[label] = (label, subvalue)
                elif isinstance(value, list):
                    label = "%s %s" % (name, key)
                    out[label] = (label, series([
                        str(v.get("address") if isinstance(v, dict) else v) for v in value]))
                else:
                    out["%s %s" % (name, key)] = ("%s %s" % (name, key), value)
    for stack, routes in facts["routes"].items():
        out["routes of %s" % stack] = (msg("diff.routes", netstack=stack), series([
            msg("diff.route", network="%s/%s" % (r["network"], r["netmask"]),
                how=msg("diff.via", gateway=r["gateway"]) if r["gateway"] else
                msg("diff.on-link")) for r in routes]))
    if facts.get("default_gateway"):
        out["default gateway"] = (msg("diff.default-gateway"), facts["default_gateway"])
    rate = facts["tuning"]["net_expected_line_rate_mbps"]
    if rate and rate.get("current") is not None:
        out["NetExpectedLineRateMBps"] = ("NetExpectedLineRateMBps", rate["current"])
    if facts["tuning"]["latency_mode_threshold_ms"] is not None:
        out["NetLatencyModeThreshold"] = ("NetLatencyModeThreshold",
                                          facts["tuning"]["latency_mode_threshold_ms"])
    for stack, value in facts["tuning"]["sbmax"].items():
        out["sbMax of %s" % stack] = (msg("diff.sbmax", netstack=stack), value)
    return out


def _differences(earlier, later):
    """What the facts of two runs of one command say differently (a few, for a note)."""

    def facts_of(c):
        copy = cap.Capture(c.kind, c.params, argv=c.argv, command=c.command, stdout=c.stdout,
                       exit_code=None, source=c.source)
        copy.cut = list(c.cut)
        return _flatten(build_facts([copy]))

    a, b = facts_of(earlier), facts_of(later)
    out = []
    for key in sorted(set(a) | set(b)):
        before, after = a.get(key, (None, None))[1], b.get(key, (None, None))[1]
        if before != after:
            out.append(msg("note.difference", key=(a.get(key) or b.get(key))[0],
                           before="?" if before is None else before,
                           after="?" if after is None else after))
    return out
