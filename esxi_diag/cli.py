"""Command line: ``inspect``, ``analyze --transcript``, ``simulator``. Exit status:

0 no warnings, 1 warnings, 2 failures, 3 could not run (bad input, not an ESXi host, interrupted).

Errors are one line on stderr, never a traceback (set ESXI_DIAG_DEBUG=1 to see one).
"""

import argparse
import json
import os
import sys
import time

from esxi_diag import __version__, catalog, collect
from esxi_diag.render_text import render
from esxi_diag.report import analyse
from esxi_diag.runner import Runner
from esxi_diag.simulator import host as simhost
from esxi_diag.transcript import TranscriptError
from esxi_diag import transcript as transcript_mod

EXIT_OK, EXIT_WARN, EXIT_FAIL, EXIT_CANNOT = 0, 1, 2, 3
PROG = "esxi-diag"


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError("%s (see '%s --help')" % (message, self.prog))


def say(message):
    sys.stderr.write("%s: %s\n" % (PROG, message))
    sys.stderr.flush()


def _positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not a whole number" % text)
    if value < 1 or value > 64:
        raise argparse.ArgumentTypeError("%r is not between 1 and 64" % text)
    return value


def _timeout(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not a number of seconds" % text)
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError("%r is not between 0 and 600 seconds" % text)
    return value


def build_parser():
    parser = _Parser(prog=PROG, description="vMotion and Long Distance vMotion diagnostics for "
                     "VMware ESXi hosts. Exit status: 0 no warnings, 1 warnings, 2 failures, "
                     "3 could not run.")
    parser.add_argument("--version", action="version", version="%s %s" % (PROG, __version__))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("inspect", help="read this host's vMotion data paths and check them")
    p.add_argument("--simulate", nargs="?", const=simhost.DEFAULT_PROFILE, metavar="PROFILE|FILE",
                   help="run against a simulated host (default profile: %s; '%s simulator list' "
                        "shows the built-ins)" % (simhost.DEFAULT_PROFILE, PROG))
    p.add_argument("--json", action="store_true", help="print the machine report (JSON)")
    p.add_argument("--jobs", type=_positive_int, default=collect.DEFAULT_JOBS, metavar="N",
                   help="commands run at once (default %d)" % collect.DEFAULT_JOBS)
    p.add_argument("--timeout", type=_timeout, default=collect.ESXCLI_TIMEOUT, metavar="SECONDS",
                   help="time limit of each command (default %d s)" % collect.ESXCLI_TIMEOUT)

    p = sub.add_parser("analyze", help="analyse command output pasted from an ESXi shell")
    p.add_argument("--transcript", required=True, metavar="FILE",
                   help="the text of an ESXi shell session ('-' reads standard input)")
    p.add_argument("--json", action="store_true", help="print the machine report (JSON)")

    p = sub.add_parser("simulator", help="list, show or print the built-in simulated hosts")
    p.add_argument("action", choices=("list", "show", "transcript"),
                   help="list: the built-in profiles; show: a profile's JSON; transcript: the "
                        "simulated host as a pasted shell session")
    p.add_argument("profile", nargs="?", default=simhost.DEFAULT_PROFILE, metavar="PROFILE|FILE")
    return parser


def _emit(report, as_json, command):
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(render(report, command))
    sys.stdout.flush()
    return report["summary"]["exit_status"]


def _speed():
    raw = os.environ.get(simhost.SPEED_ENV)
    if not raw:
        return 1.0
    try:
        value = float(raw)
    except ValueError:
        raise UsageError("%s must be a number (the simulator's time factor), not %r" % (
            simhost.SPEED_ENV, raw))
    if value < 0:
        raise UsageError("%s must not be negative" % simhost.SPEED_ENV)
    return value


def cmd_inspect(args):
    if args.simulate is not None:
        try:
            profile = simhost.load_profile(args.simulate)
        except simhost.ProfileError as exc:
            raise UsageError(str(exc))
        backend = simhost.SimHost(profile, speed=_speed())
        source = {"type": "simulated", "name": args.simulate}
    else:
        backend = None
        source = {"type": "live", "name": None}
        geteuid = getattr(os, "geteuid", None)
        if geteuid is not None and geteuid() != 0:
            say("warning: not running as root; commands that need root (vsish) may fail")
    runner = Runner(backend)
    collector = collect.Collector(runner, jobs=args.jobs, source=source["type"],
                                  esxcli_timeout=args.timeout,
                                  other_timeout=min(args.timeout, collect.OTHER_TIMEOUT))
    t0 = time.monotonic()
    try:
        captures = collector.collect()
    except collect.NotOnEsxi:
        say("esxcli not found: this is not an ESXi host. Try '%s inspect --simulate', or paste "
            "command output into '%s analyze --transcript FILE'" % (PROG, PROG))
        return EXIT_CANNOT
    source["collection_wall_s"] = round(time.monotonic() - t0, 3)
    source["jobs"] = args.jobs
    source["localcli"] = collector.localcli_reason
    meta = {"localcli": collector.localcli_reason}
    if collector.localcli_reason:
        say("esxcli failed (%s); data was read through localcli" % collector.localcli_reason)
    report = analyse(captures, source, meta=meta)
    return _emit(report, args.json, "inspect")


def _read_input(path):
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        return stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (IOError, OSError) as exc:
        raise UsageError("cannot read %s: %s" % (path, exc.strerror or exc))


def cmd_analyze(args):
    data = _read_input(args.transcript)
    name = "standard input" if args.transcript == "-" else args.transcript
    try:
        captures, unrecognised, hints, notes = transcript_mod.read(data, name)
    except TranscriptError as exc:
        say("%s: %s" % (name, exc))
        return EXIT_CANNOT
    for note in notes:
        say("%s: %s" % (name, note))
    if not captures:
        say("%s: none of its %d command(s) is one esxi-diag reads; '%s simulator transcript' "
            "shows the commands it uses" % (name, len(unrecognised), PROG))
        return EXIT_CANNOT
    source = {"type": "transcript", "name": name, "localcli": None}
    report = analyse(captures, source, hints=hints,
                     meta={"unrecognised": unrecognised, "notes": notes})
    return _emit(report, args.json, "analyze")


def cmd_simulator(args):
    if args.action == "list":
        for name in simhost.builtin_names():
            profile = simhost.load_builtin(name)
            sys.stdout.write("%-8s %s%s\n" % (name, profile.get("description", ""),
                                              "  (default)" if name == simhost.DEFAULT_PROFILE
                                              else ""))
        return EXIT_OK
    try:
        profile = simhost.load_profile(args.profile)
    except simhost.ProfileError as exc:
        raise UsageError(str(exc))
    if args.action == "show":
        sys.stdout.write(json.dumps(profile, indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    sim = simhost.SimHost(profile)
    plan = collect.manual_plan([v["name"] for v in sim.vmknics()], sim.netstacks())
    commands = [catalog.argv(kind, params, xml=False) for kind, params in plan]
    sys.stdout.write(sim.transcript(commands))
    return EXIT_OK


def main(argv=None):
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help(sys.stderr)
            return EXIT_CANNOT
        handler = {"inspect": cmd_inspect, "analyze": cmd_analyze,
                   "simulator": cmd_simulator}[args.command]
        return handler(args)
    except UsageError as exc:
        say(str(exc))
        return EXIT_CANNOT
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_CANNOT
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_CANNOT
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("ESXI_DIAG_DEBUG"):
            raise
        say("internal error: %s: %s (set ESXI_DIAG_DEBUG=1 for details; please report it)" % (
            type(exc).__name__, exc))
        return EXIT_CANNOT
