"""Command line: ``inspect``, ``check``, ``tune``, ``bundle``, ``analyze``, ``commands``,
``simulator``. Argument parsing, wiring of the pieces, exit statuses; no domain logic of its own.

Exit status of inspect, check, bundle, analyze: 0 no warnings, 1 warnings, 2 failures, 3 could
not run (bad input, not an ESXi host, no peer, interrupted). tune: see TUNE_* below and README.md.
Errors are one line on stderr, never a traceback (set ESXI_DIAG_DEBUG=1 to see one).
"""

import argparse
import json
import os
import sys
import textwrap
import time

from esxi_diag import __version__, kinds
from esxi_diag.sources import collect, hostfiles, inputs
from esxi_diag.analysis import datapaths, reach, tuning
from esxi_diag.sources import prober
from esxi_diag.rules import tuning as tuning_rules
from esxi_diag.change import apply as apply_mod
from esxi_diag.output import bundle as bundle_mod
from esxi_diag.sources import bundle as bundle_reader
from esxi_diag.output import redact
from esxi_diag.sources.inputs import InputError
from esxi_diag.analysis.facts import build_facts, natural_key
from esxi_diag.sources import peers as peers_mod
from esxi_diag.render.text import render, render_tune, terminal_safe
from esxi_diag.report import analyse
from esxi_diag.sources.runner import LiveBackend, Runner
from esxi_diag.simulator import host as simhost
from esxi_diag.sources.transcript import TranscriptError
from esxi_diag.sources import transcript as transcript_mod

EXIT_OK, EXIT_CANNOT = 0, 3  # and 1, 2 from the findings (rules.exit_status)
PROG = "esxi-diag"


class UsageError(Exception):
    pass


class OutputError(Exception):
    """Standard output cannot be written (a full disk, a closed pipe): one line, exit 3."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError("%s (see '%s --help')" % (message, self.prog))

    def _print_message(self, message, file=None):  # --help, --version: the same safe writes
        if not message:
            return
        if file is None or file is sys.stdout:
            write_out(message)
        else:
            err_write(message)


def say(message):
    """One line on stderr, control characters escaped. Never raises: a full or closed stderr
    loses the message, not the run."""
    err_write("%s: %s\n" % (PROG, terminal_safe(str(message), keep_newlines=False)))


def _about(name, exc):
    """'name: message', unless the message already starts with the name."""
    message = str(exc)
    return message if message.startswith(name) else "%s: %s" % (name, message)


def err_write(text):
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (IOError, OSError, ValueError, UnicodeError):
        pass


def write_out(text):
    """Write ``text`` to stdout and flush. OutputError (one line) when stdout is full, closed or
    gone; characters its encoding cannot show are escaped rather than fatal."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed: the report could not be written")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(text.encode(getattr(stream, "encoding", None) or "utf-8",
                                     "backslashreplace"))
            buffer.flush()
        else:
            stream.write(text)
            stream.flush()
    except (IOError, OSError, ValueError) as exc:
        _drop_stdout()
        if isinstance(exc, BrokenPipeError):
            raise OutputError("standard output was closed before the report was written")
        raise OutputError("cannot write the report to standard output: %s" % (
            getattr(exc, "strerror", None) or exc))


def _drop_stdout():
    """After a failed write: nothing more goes to stdout, and the interpreter's own flush at exit
    finds nothing to fail on."""
    try:
        sys.stdout = open(os.devnull, "w")
    except (IOError, OSError):
        sys.stdout = None


def _ranged(convert, low, high, what):
    """An argparse type: a number of the given kind within [low, high], or a one-line error."""
    def parse(text):
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError("%r is not %s" % (text, what))
        if not low <= value <= high:
            raise argparse.ArgumentTypeError("%r is not between %g and %g" % (text, low, high))
        return value
    return parse


_positive_int = _ranged(int, 1, 64, "a whole number")
_count = _ranged(int, 2, 1000, "a whole number of probes (at least 2)")
_timeout = _ranged(float, 0.001, 600, "a number of seconds")
_interval = _ranged(float, 0.01, 10, "a number of seconds")


def _redact_options(p):
    p.add_argument("--redact", action="store_true",
                   help="mask addresses (subnets kept), host, domain, port group, switch and "
                        "datastore names, MACs and UUIDs, consistently everywhere")
    p.add_argument("--redact-map", metavar="FILE",
                   help="the private map of the masking: read if it exists (to mask several "
                        "hosts of a site alike), written back; never attach it to a case")


def _source_options(p, json_output=True, redact=True):
    """The options of every command that reads a host (live or simulated); --json and --redact
    only where the command prints a report that honours them."""
    p.add_argument("--simulate", nargs="?", const=simhost.DEFAULT_PROFILE, metavar="PROFILE|FILE",
                   help="run against a simulated host (default profile: %s; '%s simulator list' "
                        "shows the built-ins)" % (simhost.DEFAULT_PROFILE, PROG))
    p.add_argument("--sim-state", metavar="FILE",
                   help="with --simulate: keep the simulated host's changes (tune --apply) in "
                        "FILE, so that later runs see them")
    if json_output:
        p.add_argument("--json", action="store_true", help="print the machine report (JSON)")
    p.add_argument("--jobs", type=_positive_int, default=collect.DEFAULT_JOBS, metavar="N",
                   help="commands run at once while collecting (default %d)" %
                   collect.DEFAULT_JOBS)
    p.add_argument("--timeout", type=_timeout, default=collect.ESXCLI_TIMEOUT, metavar="SECONDS",
                   help="time limit of each esxcli command (default %d s)" %
                   collect.ESXCLI_TIMEOUT)
    if redact:
        _redact_options(p)


def _tune_value_options(p, note=""):
    p.add_argument("--line-rate", metavar="RATE",
                   help="the line rate with units: 10G, 10Gbps, 25000Mbps, 1250MBps (default: "
                        "the slowest link-up uplink of the hot-data vmknics' switch)" + note)
    p.add_argument("--rtt", metavar="MS", help="the round-trip time in ms (default: measured "
                   "against --peer/--peers/--peer-report: the worst hot-path RTT)" + note)


def _peer_options(p):
    p.add_argument("--peer", action="append", default=[], metavar="ADDRESS[:hot|:cold]",
                   help="a peer address; the role limits it to the hot or the cold data path "
                        "(repeatable; IPv6 with a role: [2001:db8::1]:hot)")
    p.add_argument("--peers", metavar="FILE",
                   help="peers, one a line: address [hot|cold] [label]; '#' comments")
    p.add_argument("--peer-report", action="append", default=[], metavar="FILE",
                   help="the peer host's 'inspect --json' report: its hot and cold addresses and "
                        "MTUs (repeatable)")
    p.add_argument("--count", type=_count, default=reach.DEFAULT_COUNT, metavar="N",
                   help="latency probes per path (default %d)" % reach.DEFAULT_COUNT)
    p.add_argument("--interval", type=_interval, default=reach.DEFAULT_INTERVAL,
                   metavar="SECONDS", help="between latency probes (default %g)" %
                   reach.DEFAULT_INTERVAL)
    p.add_argument("--parallel", type=_positive_int, default=reach.DEFAULT_PARALLEL, metavar="N",
                   help="paths probed at once (default %d)" % reach.DEFAULT_PARALLEL)
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")


def build_parser():
    parser = _Parser(prog=PROG, description="vMotion and Long Distance vMotion diagnostics for "
                     "VMware ESXi hosts. Exit status: 0 no warnings, 1 warnings, 2 failures, "
                     "3 could not run.")
    parser.add_argument("--version", action="version", version="%s %s" % (PROG, __version__))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("inspect", help="read this host's vMotion data paths and check them")
    _source_options(p)

    p = sub.add_parser("check", help="test every vMotion data path to its peers with vmkping")
    _source_options(p)
    _peer_options(p)
    p.add_argument("--pmtu", action="store_true",
                   help="when full-size packets are lost, search the largest payload that passes")

    p = sub.add_parser("tune", help="compute (and with --apply set, persist, roll back) the "
                       "Long Distance vMotion line rate and sbMax")
    _source_options(p, redact=False)
    _tune_value_options(p)
    _peer_options(p)
    p.add_argument("--allow-decrease", action="store_true",
                   help="allow a recommended sbMax below the current value")
    p.add_argument("--apply", action="store_true",
                   help="make the changes (root only): journal first, set, read back, undo on "
                        "any failure")
    p.add_argument("--persist", action="store_true",
                   help="with --apply: keep sbMax across reboots (a marked block in "
                        "/etc/rc.local.d/local.sh, then /sbin/auto-backup.sh)")
    p.add_argument("--rollback", nargs="?", const="", metavar="JOURNAL",
                   help="restore the previous values of the latest (or the named) journal")
    p.add_argument("--state-dir", metavar="DIR",
                   help="where journals are kept (default: /scratch/esxi-diag when /scratch is "
                        "on a datastore, else a writable datastore; never /tmp)")

    p = sub.add_parser("bundle", help="write one archive for the support case: reports, "
                       "manifest and every raw output")
    _source_options(p)
    _peer_options(p)
    p.add_argument("--pmtu", action="store_true",
                   help="when full-size packets are lost, search the largest payload that passes")
    _tune_value_options(p, "; for the tuning report")
    p.add_argument("-o", "--output-dir", metavar="DIR",
                   help="where the archive goes (default: /scratch/esxi-diag when /scratch is on "
                        "a datastore, else a writable datastore; never /tmp unless given; with "
                        "--simulate, the current folder)")
    p.add_argument("--case", metavar="ID", help="support case ID: in the name and the manifest")

    p = sub.add_parser("analyze", help="analyse bundles and pasted shell sessions off-host "
                       "(one report per host)")
    p.add_argument("inputs", nargs="*", metavar="BUNDLE|TRANSCRIPT",
                   help="esxi-diag bundles (.tgz) and transcripts, several at once")
    p.add_argument("--transcript", metavar="FILE",
                   help="the text of an ESXi shell session ('-' reads standard input)")
    p.add_argument("--json", action="store_true", help="print the machine report (JSON; a list "
                   "when there are several inputs)")
    _redact_options(p)

    p = sub.add_parser("commands", help="the standard ESXi commands to run by hand and paste "
                       "back for 'analyze --transcript'")
    _source_options(p, json_output=False, redact=False)
    p.add_argument("--peer", action="append", default=[], metavar="ADDRESS[:hot|:cold]",
                   help="add the vmkping commands that test the data paths to this peer")

    p = sub.add_parser("simulator", help="list, show or print the built-in simulated hosts")
    p.add_argument("action", choices=("list", "show", "transcript"),
                   help="list: the built-in profiles; show: a profile's JSON; transcript: the "
                        "simulated host as a pasted shell session")
    p.add_argument("profile", nargs="?", default=simhost.DEFAULT_PROFILE, metavar="PROFILE|FILE")
    return parser


def _redactor(args):
    """A Redactor when --redact was given (its map loaded when --redact-map exists), else None."""
    if not getattr(args, "redact", False):
        if getattr(args, "redact_map", None):
            raise UsageError("--redact-map goes with --redact")
        return None
    path = getattr(args, "redact_map", None)
    if path == "-":
        raise UsageError("--redact-map needs a file name (it is read and written back)")
    redactor = redact.Redactor()
    if path and os.path.exists(path):
        try:
            redactor = redact.Redactor.load(inputs.read_file(path, inputs.JSON_BYTES))
        except InputError as exc:
            raise UsageError("the redaction map: %s" % exc)
        except redact.RedactMapError as exc:
            raise UsageError("%s: %s" % (path, exc))
    # the files and folders named on the command line may name the site (-o: a datastore)
    redactor.command_line([PROG] + list(getattr(args, "argv", [])))
    return redactor


def _save_map(args, redactor, default=None):
    if redactor is None:
        return
    path = getattr(args, "redact_map", None) or default
    if not path:
        say("masked with a one-time key: give --redact-map FILE to keep the map (to mask "
            "other hosts of the site alike)")
        return
    try:  # owner-only from its first byte: its key unmasks every address
        hostfiles.LiveFiles().write_atomic(path, redactor.dump(), mode=0o600)
    except OSError as exc:
        say("the redaction map could not be written to %s: %s" % (path, exc.strerror or exc))
        return
    say("redaction map (private: keep it, never attach it to the case): %s" % path)


def _masked(report, redactor):
    if redactor is None:
        return report
    redactor.learn(report)
    return redactor.value(report)


def _emit(report, as_json, command, redactor=None):
    report = _masked(report, redactor)
    if as_json:
        write_out(json.dumps(report, indent=2, sort_keys=True) + "\n")
    else:
        write_out(render(report, command))
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


def _collect(args):
    """Collect the local host (live or simulated). Returns (runner, backend, captures, source,
    meta), or None when this is not an ESXi host (the message has been said)."""
    if args.simulate is not None:
        try:
            backend = simhost.SimHost(simhost.load_profile(args.simulate), speed=_speed(),
                                      state_file=args.sim_state)
        except simhost.ProfileError as exc:
            raise UsageError(str(exc))
        source = {"type": "simulated", "name": args.simulate}
    else:
        if args.sim_state:
            raise UsageError("--sim-state goes with --simulate")
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
        say("esxcli not found: this is not an ESXi host. Try '%s %s --simulate', or paste "
            "command output into '%s analyze --transcript FILE'" % (PROG, args.command, PROG))
        return None
    source["collection_wall_s"] = round(time.monotonic() - t0, 3)
    source["jobs"] = args.jobs
    source["localcli"] = collector.localcli_reason
    if collector.localcli_reason:
        say("esxcli failed (%s); data was read through localcli" % collector.localcli_reason)
    return runner, backend, captures, source, {"localcli": collector.localcli_reason}


def cmd_inspect(args):
    redactor = _redactor(args)  # bad --redact options fail before anything runs
    collected = _collect(args)
    if collected is None:
        return EXIT_CANNOT
    runner, backend, captures, source, meta = collected
    status = _emit(analyse(captures, source, meta=meta), args.json, "inspect", redactor)
    _save_map(args, redactor)
    return status


def _gather_peers(args, backend):
    """(peers, problems): every peer input; each bad line is a problem, not the end."""
    found, problems = [], []
    for text in args.peer:
        try:
            found.append(peers_mod.parse_peer_arg(text))
        except peers_mod.PeerError as exc:
            problems.append("--peer %s" % exc)
    if args.peers:
        try:
            text = transcript_mod.decode(inputs.read_file(args.peers, inputs.PEERS_BYTES))[0]
        except (TranscriptError, InputError) as exc:
            problems.append(_about(args.peers, exc))
            text = ""
        more, errors = peers_mod.parse_peers_file(text, args.peers)
        found += more
        problems += errors
    args.peer_reports = []  # (name, report): tune compares the peers' tuning with its plan
    for path in args.peer_report:
        try:
            report = peers_mod.load_report(inputs.read_file(path, inputs.JSON_BYTES), path)
            found += peers_mod.peers_from_report(report, path)
            args.peer_reports.append((path, report))
        except peers_mod.PeerError as exc:
            problems.append(str(exc))
        except InputError as exc:
            problems.append(str(exc))
    if not found and not args.peer and not args.peers and not args.peer_report and \
            isinstance(backend, simhost.SimHost):
        for p in backend.peers():  # the simulated host's own neighbours
            found.append(peers_mod.new_peer(p["address"], p.get("role"), p.get("label"),
                                            origin="simulated network"))
    return peers_mod.merge(found), problems


class _Progress(object):
    """One updating line on a TTY, plain lines otherwise, nothing when quiet (stderr only)."""

    def __init__(self, quiet):
        self.quiet = quiet
        try:
            self.tty = sys.stderr is not None and sys.stderr.isatty()
        except (AttributeError, ValueError, OSError):
            self.tty = False

    def __call__(self, done, total, pair):
        if self.quiet:
            return
        r = pair["result"]
        rtt = (" %.1f ms" % r["rtt_ms"]["avg"]) if r.get("rtt_ms") else ""
        text = terminal_safe("[%d/%d] %s -> %s: %s%s" % (done, total, pair["vmknic"],
                                                         pair["target"], r["verdict"], rtt),
                             keep_newlines=False)
        if self.tty:
            err_write("\r\033[K" + text + ("\n" if done == total else ""))
        else:
            err_write(text + "\n")

    def interrupted(self):
        if self.tty and not self.quiet:
            err_write("\n")


def _probe_peers(args, runner, backend, facts, source, meta, roles=("hot", "cold"),
                 pmtu=False):
    """Gather the peers and probe the data paths of ``roles`` to them. Returns the reach run
    (pairs, notes, peers, interrupted, and the vmkping captures), or None when there is no peer.
    Skipped peer inputs are said on stderr and kept in ``meta["notes"]``."""
    peer_list, problems = _gather_peers(args, backend)
    for problem in problems:
        say("skipped: %s" % problem)
    meta["notes"] = meta.get("notes", []) + ["peer input skipped: %s" % p for p in problems]
    peer_list = [p for p in peer_list if p["role"] is None or p["role"] in roles]
    if not peer_list:
        return None
    peer_list, peer_note = peers_mod.capped(peer_list)
    pairs, notes = reach.plan_pairs(facts, datapaths.resolve(facts), peer_list, roles)
    pairs, path_note = peers_mod.capped(pairs, peers_mod.MAX_PATHS, "paths planned")
    for note in (peer_note, path_note):
        if note:
            say(note)
            notes.append(note)
    progress = _Progress(args.quiet)
    probing = prober.Prober(runner, count=args.count, interval=args.interval,
                            parallel=args.parallel, pmtu=pmtu, progress=progress,
                            source=source["type"])
    t0 = time.monotonic()
    interrupted = probing.run(pairs)
    if interrupted:
        progress.interrupted()
        say("interrupted: reporting the paths measured so far")
    source["probe_wall_s"] = round(time.monotonic() - t0, 3)
    source["parallel"] = args.parallel
    return {"pairs": pairs, "notes": notes, "peers": peer_list, "interrupted": interrupted,
            "captures": probing.captures}


def cmd_check(args):
    redactor = _redactor(args)
    collected = _collect(args)
    if collected is None:
        return EXIT_CANNOT
    runner, backend, captures, source, meta = collected
    reach_run = _probe_peers(args, runner, backend, build_facts(captures), source, meta,
                             pmtu=args.pmtu)
    if reach_run is None:
        say("no peer to test: give --peer ADDRESS, --peers FILE or --peer-report FILE")
        return EXIT_CANNOT
    report = analyse(captures + reach_run.pop("captures"), source, meta=meta,
                     reach_run=reach_run)
    if reach_run["interrupted"]:  # the report says the status the process really ends with
        report["summary"]["exit_status"] = EXIT_CANNOT
    status = _emit(report, args.json, "check", redactor)
    _save_map(args, redactor)
    return status


TUNE_NOTHING, TUNE_RECOMMENDED, TUNE_RESTORED, TUNE_APPLIED, TUNE_NOT_RESTORED = 0, 1, 2, 4, 5
TUNE_NOT_PERSISTENT = 6
_TUNE_RESULT = {TUNE_NOTHING: "nothing to change", TUNE_RECOMMENDED: "changes recommended (dry "
                "run: nothing was changed)", TUNE_RESTORED: "FAILED, previous values restored",
                TUNE_APPLIED: "applied and verified", TUNE_NOT_RESTORED:
                "FAILED, previous values NOT fully restored", EXIT_CANNOT: "could not run",
                TUNE_NOT_PERSISTENT: "applied and verified, but NOT persistent: sbMax returns to "
                "its previous value at the next reboot (Secure Boot: local.sh does not run)"}


def _is_root(backend):
    if isinstance(backend, simhost.SimHost):
        return True  # the simulated host is run as root
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or geteuid() == 0


def _state_dir(args, files):
    if args.state_dir:
        if hostfiles.is_ramdisk(args.state_dir):
            say("warning: %s is on the /tmp ramdisk: the journal is lost at reboot" %
                args.state_dir)
        return args.state_dir
    found = hostfiles.default_state_dir(files)
    if found is None:
        raise UsageError("no persistent, writable place for the journal (/scratch is not on a "
                         "datastore and no datastore is writable): give --state-dir DIR")
    return found


def _tune_values(args):
    """(line rate in Mbit/s, RTT in ms) from --line-rate and --rtt, each None when not given."""
    try:
        return (tuning.parse_line_rate(args.line_rate) if args.line_rate is not None else None,
                tuning.parse_rtt(args.rtt) if args.rtt is not None else None)
    except tuning.TuningError as exc:
        raise UsageError(str(exc))


def cmd_tune(args):
    if args.persist and not args.apply:
        say("note: --persist takes effect with --apply; showing what it would do")
    if args.rollback is not None and args.apply:
        raise UsageError("--apply and --rollback do not go together")
    line_rate, rtt = _tune_values(args)
    collected = _collect(args)
    if collected is None:
        return EXIT_CANNOT
    runner, backend, captures, source, meta = collected
    files = backend if isinstance(backend, simhost.SimHost) else hostfiles.LiveFiles()
    host = apply_mod.Host(runner, files)
    facts = build_facts(captures)
    host_name = facts["host"]["hostname"]
    outcome = {"action": "report"}
    if args.rollback is not None:
        if not _is_root(backend):
            raise UsageError("--rollback changes the host: run it as root")
        try:
            path, record, skipped = apply_mod.find_journal(
                files, _state_dir(args, files) if not args.rollback else None,
                args.rollback or None, host_name)
            for why in skipped:
                say("skipped: %s" % why)
            state, message = apply_mod.rollback(host, path, record, host_name)
        except apply_mod.ApplyError as exc:
            for why in getattr(exc, "skipped", []):
                say("skipped: %s" % why)
            say(str(exc))
            return EXIT_CANNOT
        outcome = {"action": "rollback", "state": state, "message": message, "journal": path}
        status = TUNE_APPLIED if state == apply_mod.ROLLED_BACK else TUNE_NOT_RESTORED
        return _emit_tune(args, captures, source, meta, None, outcome, status)
    reach_run = None
    if rtt is None:
        reach_run = _probe_peers(args, runner, backend, facts, source, meta, roles=("hot",))
    elif args.peer_report:  # the RTT is given: the peers' reports still tell their tuning
        for problem in _gather_peers(args, backend)[1]:
            say("skipped: %s" % problem)
    inputs = _tune_inputs(args, facts, line_rate, rtt, reach_run)
    plan = tuning.plan_from(facts, inputs)
    status = TUNE_RECOMMENDED if plan["change"] else TUNE_NOTHING
    if args.apply:
        if not _is_root(backend):
            say("--apply changes the host: run it as root. Nothing was changed; the commands "
                "are below")
            return _emit_tune(args, captures, source, meta, plan, outcome, EXIT_CANNOT,
                              reach_run)
        try:
            state, message, journal = apply_mod.apply_plan(
                host, plan, _state_dir(args, files), persist=args.persist, host_name=host_name)
        except apply_mod.ApplyError as exc:
            say(str(exc))
            return _emit_tune(args, captures, source, meta, plan, outcome, EXIT_CANNOT,
                              reach_run)
        outcome = {"action": "apply", "state": state, "message": message, "journal": journal}
        status = {None: TUNE_NOTHING, apply_mod.APPLIED: TUNE_APPLIED,
                  apply_mod.NOT_PERSISTENT: TUNE_NOT_PERSISTENT,
                  apply_mod.RESTORED: TUNE_RESTORED,
                  apply_mod.PARTIAL: TUNE_NOT_RESTORED}[state]
        if state not in (None, apply_mod.APPLIED, apply_mod.NOT_PERSISTENT):
            say(message)
    return _emit_tune(args, captures, source, meta, plan, outcome, status, reach_run)


def _tune_inputs(args, facts, line_rate, rtt, reach_run):
    inputs = tuning.inputs(facts, line_rate, args.line_rate, rtt, args.rtt,
                           reach_run["pairs"] if reach_run else None,
                           getattr(args, "allow_decrease", False),
                           getattr(args, "peer_reports", ()))
    if inputs["rtt_ms"] is None and reach_run and reach_run["pairs"] and rtt is None:
        say("no hot path answered: the RTT could not be measured")
    return inputs


def _emit_tune(args, captures, source, meta, plan, outcome, status, reach_run=None):
    extra = list(reach_run.pop("captures")) if reach_run else []
    report = analyse(captures + extra, source, meta=meta, reach_run=reach_run,
                     more_findings=tuning_rules.findings(plan) if plan else [])
    report["tune"] = _tune_section(plan, outcome, status)
    if args.json:
        write_out(json.dumps(report, indent=2, sort_keys=True) + "\n")
    else:
        write_out(render_tune(report))
    return status


def _read_input(path, limit=inputs.TRANSCRIPT_BYTES):
    """The bytes of an input file ('-': standard input), within ``limit``; UsageError (one line)
    when it cannot be read or is larger."""
    try:
        return inputs.read_file(path, limit)
    except InputError as exc:
        raise UsageError(str(exc))


def _sniff(path):
    """None when ``path`` is a bundle (read later by bundle.py, member by member), else the bytes
    of the transcript (within the transcript cap)."""
    if path == "-":
        data = _read_input(path)
        if _is_bundle(data):
            raise UsageError("a bundle cannot be read from standard input: give its file name")
        return data
    try:
        with open(path, "rb") as handle:  # one open: a pipe (<(...)) cannot be read twice
            regular = os.path.isfile(path)
            head = handle.read(512)
            if _is_bundle(head):
                if not regular:
                    raise UsageError("a bundle must be a file (it is read twice): %s is not "
                                     "one" % path)
                return None
            too_big = "%s is larger than %s: not read (the limit for this input)" % (
                path, inputs.size_text(inputs.TRANSCRIPT_BYTES))
            if regular and os.fstat(handle.fileno()).st_size > inputs.TRANSCRIPT_BYTES:
                raise UsageError(too_big)
            try:
                return head + inputs.read_stream(handle, inputs.TRANSCRIPT_BYTES - len(head),
                                                 path)
            except InputError:
                raise UsageError(too_big)
    except (IOError, OSError) as exc:
        raise UsageError("cannot read %s: %s" % (path, exc.strerror or exc))


def _analyze_transcript(data, name):
    """(reports, problems) of a transcript: one report per host it holds; a host session with no
    command esxi-diag reads is one problem line (saying which commands it saw), not a report."""
    sessions = transcript_mod.read_sessions(data, name)
    for note in sessions[0].input_notes:
        say("%s: %s" % (name, note))
    reports, problems = [], []
    for session in sessions:
        if not session.captures:
            if len(sessions) == 1:
                raise TranscriptError(_nothing_read(session.unrecognised))
            problems.append("%s: %s" % (session.name, _nothing_read(session.unrecognised)))
            continue
        source = {"type": "transcript", "name": session.name, "localcli": None}
        reports.append(analyse(session.captures, source, hints=session.hints,
                               meta={"unrecognised": session.unrecognised,
                                     "notes": session.notes}))
    if not reports:  # several hosts, none with a command esxi-diag reads
        raise TranscriptError("; ".join(problems))
    return reports, problems


def _nothing_read(unrecognised):
    """One line: none of these commands is one esxi-diag reads, and which they were."""
    seen = []
    for cmd in unrecognised:
        cmd = cmd if len(cmd) <= 60 else cmd[:57] + "..."
        if cmd not in seen:
            seen.append(cmd)
    listed = "; ".join(seen[:6]) + ("; and %d more" % (len(seen) - 6) if len(seen) > 6 else "")
    return ("none of its %d command(s) is one esxi-diag reads (it has: %s); '%s commands' lists "
            "the ones it uses" % (len(unrecognised), listed, PROG))


def _analyze_bundle(path):
    """Replay a bundle through the same parsers and rules (the tool at hand, not the one that
    wrote it). What is damaged is left out and said."""
    manifest, members, problems = bundle_reader.read_archive(path)
    captures = bundle_reader.captures_from(manifest, members, problems)
    for problem in problems:
        say("%s: %s" % (path, problem))
    recorded = manifest.get("source") or {}
    source = {"type": "bundle", "name": path, "localcli": recorded.get("localcli"),
              "recorded": recorded, "case": manifest.get("case"),
              "written_by": (manifest.get("tool") or {}).get("version"),
              "created": manifest.get("created")}
    facts = build_facts(captures)
    r = manifest.get("reachability") or {}
    reach_run = {"planned": r.get("planned") or [], "notes": r.get("notes") or [],
                 "peers": r.get("peers") or [], "interrupted": r.get("interrupted")}
    tune_values = manifest.get("tune_inputs")
    plan = tuning.plan_from(facts, tune_values) if tune_values else None
    report = analyse(captures, source, meta={"localcli": recorded.get("localcli"),
                                             "notes": problems}, reach_run=reach_run,
                     more_findings=tuning_rules.findings(plan) if plan else [], facts=facts)
    if plan is not None:
        report["tune"] = _tune_section(plan, {"action": "report"},
                                       TUNE_RECOMMENDED if plan["change"] else TUNE_NOTHING)
    if problems:  # a damaged bundle is bad input: its report is printed, and says exit 3
        report["summary"]["exit_status"] = EXIT_CANNOT
    return report


def _is_bundle(data):
    return data[:2] == b"\x1f\x8b" or data[257:262] == b"ustar"


def cmd_analyze(args):
    items = list(args.inputs) + ([args.transcript] if args.transcript else [])
    if not items:
        raise UsageError("give one or more bundles (.tgz) or transcripts, or --transcript FILE")
    redactor = _redactor(args)
    reports, failed = [], 0
    for item in items:
        name = "standard input" if item == "-" else item
        try:
            data = _sniff(item)
            if data is None:
                found = [_analyze_bundle(item)]
            else:
                found, problems = _analyze_transcript(data, name)
                for problem in problems:  # a host of the transcript with nothing to read
                    say(problem)
                    failed += 1
        except (TranscriptError, bundle_mod.BundleError, UsageError) as exc:
            say(_about(name, exc))
            failed += 1
            continue
        reports.extend(_masked(report, redactor) for report in found)
    if not reports:
        return EXIT_CANNOT
    if args.json:
        body = reports[0] if len(reports) == 1 else reports
        write_out(json.dumps(body, indent=2, sort_keys=True) + "\n")
    else:
        write_out(("\n" + "=" * 100 + "\n\n").join(render(r, "analyze") for r in reports))
    _save_map(args, redactor)
    worst = max(r["summary"]["exit_status"] for r in reports)
    return EXIT_CANNOT if failed else worst


def _tune_section(plan, outcome, status):
    result = _TUNE_RESULT.get(status, "")
    if outcome["action"] == "rollback":
        result = "rolled back and verified" if status == TUNE_APPLIED else \
            "rollback FAILED: previous values NOT fully restored"
    return {"plan": plan, "outcome": outcome, "exit_status": status, "result": result}


def cmd_bundle(args):
    redactor = _redactor(args)
    line_rate, rtt = _tune_values(args)
    folder = args.output_dir
    if folder is None and args.simulate is None:
        folder = hostfiles.default_state_dir(hostfiles.LiveFiles())
        if folder is None:
            raise UsageError("no persistent, writable place with room for the archive "
                             "(/scratch is not on a datastore): give -o DIR")
        try:
            hostfiles.LiveFiles().makedirs(folder)
        except OSError as exc:
            raise UsageError("cannot create %s: %s (give -o DIR)" % (folder, exc.strerror or exc))
    folder = folder or "."
    if hostfiles.is_ramdisk(os.path.abspath(folder)) and args.output_dir is None:
        raise UsageError("refusing the /tmp ramdisk by default: give -o DIR")
    collected = _collect(args)
    if collected is None:
        return EXIT_CANNOT
    runner, backend, captures, source, meta = collected
    facts = build_facts(captures)
    reach_run = _probe_peers(args, runner, backend, facts, source, meta, pmtu=args.pmtu)
    inputs = _tune_inputs(args, facts, line_rate, rtt, reach_run)
    plan = tuning.plan_from(facts, inputs)
    probes = reach_run.pop("captures") if reach_run else []
    report = analyse(captures + probes, source, meta=meta, reach_run=reach_run,
                     more_findings=tuning_rules.findings(plan))
    report["tune"] = _tune_section(plan, {"action": "report"},
                                   TUNE_RECOMMENDED if plan["change"] else TUNE_NOTHING)
    recorded = {"tune_inputs": inputs,
                "reachability": {"planned": reach.planned(reach_run["pairs"]) if reach_run else [],
                                 "notes": reach_run["notes"] if reach_run else [],
                                 "peers": reach_run["peers"] if reach_run else [],
                                 "interrupted": bool(reach_run and reach_run["interrupted"])}}
    masked = _masked(report, redactor)
    if redactor is not None:
        recorded = redactor.value(recorded)
    members = bundle_mod.build_members(masked, render(masked, "bundle"), captures + probes,
                                       [PROG] + args.argv, args.case, recorded,
                                       redactor)
    name = bundle_mod.archive_name(masked["host"].get("hostname"), args.case)
    try:
        path, size, digest = bundle_mod.write_archive(folder, name, members)
    except bundle_mod.BundleError as exc:
        say(str(exc))
        return EXIT_CANNOT
    _save_map(args, redactor, default=path[:-len(".tgz")] + ".redact-map.json")
    s = report["summary"]
    write_out(terminal_safe("Bundle: %s\n  %d bytes, sha256 %s\n  %s: %d fail, %d warn, %d "
                            "info; %d commands%s\n" % (
                                path, size, digest, masked["host"].get("hostname"), s["fail"],
                                s["warn"], s["info"], len(captures) + len(probes),
                                "; redacted" if redactor else "")))
    return s["exit_status"]


def cmd_commands(args):
    """The commands a customer can type and paste back, in order, names filled in when a host is
    at hand (simulated, or this one when esxcli is here)."""
    names, stacks, pairs = None, None, []
    if args.simulate is not None or LiveBackend().which("esxcli"):
        collected = _collect(args)
        if collected is not None:
            facts = build_facts(collected[2])
            names = sorted(facts["vmknics"], key=natural_key)
            stacks = sorted(set(v.get("netstack") for v in facts["vmknics"].values()
                                if v.get("netstack")), key=natural_key)
            peer_list = []
            for text in args.peer:
                try:
                    peer_list.append(peers_mod.parse_peer_arg(text))
                except peers_mod.PeerError as exc:
                    raise UsageError(str(exc))
            pairs = reach.plan_pairs(facts, datapaths.resolve(facts), peer_list)[0]
    out = ["# esxi-diag %s: run these on the ESXi host (as root) and paste the whole session," %
           __version__,
           "# prompts included, into the case; 'esxi-diag analyze --transcript FILE' reads it."]
    if names is None:
        plan = collect.manual_plan([], [])
        out += [kinds.display(kinds.argv(k, p, xml=False)) for k, p in plan]
        out += ["# then, for each vmknic that 'esxcli network ip interface list' shows:",
                "esxcli network ip interface tag get -i vmk0",
                "# and for each netstack that 'esxcli network ip netstack list' shows:",
                "esxcli network ip route ipv4 list -N defaultTcpipStack",
                "vsish -e get /net/tcpip/instances/defaultTcpipStack/sbMax"]
        if args.peer:
            out.append("# (vmkping lines need the host's vmknics: run this on the host, or "
                       "with --simulate)")
    else:
        plan = collect.manual_plan(names, stacks)
        out += [kinds.display(kinds.argv(k, p, xml=False)) for k, p in plan]
    for pair in pairs:
        if pair["routing"]["kind"] == "not-routable" or not kinds.valid_netstack(
                pair.get("netstack") or kinds.DEFAULT_NETSTACK):
            continue
        for _, count, size, df in reach.probe_steps(pair, reach.DEFAULT_COUNT):
            out.append(kinds.display(kinds.vmkping_argv(
                pair["vmknic"], pair["netstack"], pair["target"], count=count, size=size, df=df,
                ipv6=pair["ipv6"])))
    write_out(terminal_safe("\n".join(out) + "\n"))
    return EXIT_OK


def cmd_simulator(args):
    if args.action == "list":
        for name in simhost.builtin_names():
            profile = simhost.load_builtin(name)
            text = "%-11s %s%s" % (name, profile.get("description", ""),
                                   " (default)" if name == simhost.DEFAULT_PROFILE else "")
            write_out(terminal_safe("\n".join(textwrap.wrap(text, 100,
                                                           subsequent_indent=" " * 12)) + "\n"))
        return EXIT_OK
    try:
        profile = simhost.load_profile(args.profile)
    except simhost.ProfileError as exc:
        raise UsageError(str(exc))
    if args.action == "show":
        write_out(json.dumps(profile, indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    sim = simhost.SimHost(profile)
    plan = collect.manual_plan([v["name"] for v in sim.vmknics()], sim.netstacks())
    commands = [kinds.argv(kind, params, xml=False) for kind, params in plan]
    write_out(sim.transcript(commands))
    return EXIT_OK


def main(argv=None):
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        args.argv = list(sys.argv[1:] if argv is None else argv)
        if not args.command:
            err_write(parser.format_help())
            return EXIT_CANNOT
        handler = {"inspect": cmd_inspect, "check": cmd_check, "tune": cmd_tune,
                   "analyze": cmd_analyze, "bundle": cmd_bundle, "commands": cmd_commands,
                   "simulator": cmd_simulator}[args.command]
        return handler(args)
    except (UsageError, InputError, OutputError) as exc:
        say(str(exc))
        return EXIT_CANNOT
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_CANNOT
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("ESXI_DIAG_DEBUG"):
            raise
        say("internal error: %s: %s (set ESXI_DIAG_DEBUG=1 for details; please report it)" % (
            type(exc).__name__, exc))
        return EXIT_CANNOT
