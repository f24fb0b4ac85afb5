#!/usr/bin/env python3
"""Same answers: record the JSON reports of inspect, check, tune and analyze for every built-in
profile and every transcript fixture, and compare a later tree against the record.

    python3 tools/snapshot.py record DIR     # write DIR/<case>.json
    python3 tools/snapshot.py compare DIR    # exit 1 when a report lost or changed a field

"Additive only": every field of the recorded report must still be there with the same value;
new fields may appear. Volatile values (times, durations, journal names) are normalised away.
Off-host tool: runs the package from this checkout, in-process, on the simulator (no delays).
"""

import contextlib
import io
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ["ESXI_DIAG_SIM_SPEED"] = "0"

VOLATILE = {"generated_at", "started", "duration_s", "collection_wall_s", "probe_wall_s",
            "journal", "created"}


def _run(argv):
    from esxi_diag.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    try:
        body = json.loads(out.getvalue())
    except ValueError:
        body = {"unparsable_output": out.getvalue()[:2000]}
    return {"exit": code, "report": body}


UNORDERED = {"commands", "probes"}  # in the order the commands finished: not an answer


def _normalise(value, key=None):
    if isinstance(value, dict):
        return dict((k, "*" if k in VOLATILE else _normalise(v, k)) for k, v in value.items())
    if isinstance(value, list):
        items = [_normalise(v) for v in value]
        if key in UNORDERED:
            items.sort(key=lambda v: json.dumps(v, sort_keys=True))
        return items
    return value


def cases():
    from esxi_diag.simulator.host import builtin_names
    out = []
    for name in builtin_names():
        out.append(("inspect-%s" % name, ["inspect", "--simulate", name, "--json"]))
        out.append(("check-%s" % name, ["check", "--simulate", name, "--json", "--quiet"]))
        out.append(("tune-%s" % name, ["tune", "--simulate", name, "--json", "--quiet",
                                       "--line-rate", "10G", "--rtt", "40"]))
    fixtures = os.path.join(ROOT, "tests", "fixtures")
    for sub in ("real", "synthetic"):
        folder = os.path.join(fixtures, sub)
        for name in sorted(os.listdir(folder)):
            if "session" in name or "transcript" in name:
                out.append(("analyze-%s" % name, ["analyze", "--transcript",
                                                  os.path.join(folder, name), "--json"]))
    return out


def record(folder):
    os.makedirs(folder, exist_ok=True)
    for name, argv in cases():
        with open(os.path.join(folder, name + ".json"), "w") as handle:
            json.dump(_normalise(_run(argv)), handle, indent=1, sort_keys=True)
    print("recorded %d cases in %s" % (len(cases()), folder))


def _lost(old, new, where):
    """Paths where ``new`` lost or changed something ``old`` had."""
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return ["%s: was an object" % where]
        out = []
        for key, value in old.items():
            if key not in new:
                out.append("%s.%s: removed" % (where, key))
            else:
                out.extend(_lost(value, new[key], "%s.%s" % (where, key)))
        return out
    if isinstance(old, list):
        if not isinstance(new, list) or len(new) != len(old):
            return ["%s: list changed (%s -> %s items)" % (
                where, len(old), len(new) if isinstance(new, list) else "not a list")]
        out = []
        for i, (a, b) in enumerate(zip(old, new)):
            out.extend(_lost(a, b, "%s[%d]" % (where, i)))
        return out
    return [] if old == new else ["%s: %r -> %r" % (where, old, new)]


def compare(folder):
    problems = 0
    for name, argv in cases():
        path = os.path.join(folder, name + ".json")
        if not os.path.exists(path):
            print("%s: not recorded (new case)" % name)
            continue
        with open(path) as handle:
            old = json.load(handle)
        lost = _lost(old, _normalise(_run(argv)), name)
        for line in lost[:20]:
            print(line)
        problems += len(lost)
    print("%d difference(s) that are not additive" % problems)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("record", "compare"):
        sys.exit(__doc__)
    sys.exit(record(sys.argv[2]) if sys.argv[1] == "record" else compare(sys.argv[2]))
