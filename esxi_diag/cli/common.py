"""What the subcommands share: the options of a command that reads a host, collecting it (live or
simulated), the peers and their probing, masking, and printing a report.
"""

import os
import sys
import time

from esxi_diag.cli.output import (PROG, UsageError, about, count, err_write, interval,
                                  positive_int, say, timeout, write_out)
from esxi_diag.cli import output as cli_output
from esxi_diag.output import redact
from esxi_diag.render.safe import terminal_safe
from esxi_diag import render
from esxi_diag.simulator import host as simhost
from esxi_diag.simulator import site as simsite
from esxi_diag.sources import collect, inputs, peers as peers_mod, prober
from esxi_diag.sources import transcript as transcript_mod
from esxi_diag.sources.inputs import InputError
from esxi_diag.sources.runner import Runner
from esxi_diag.sources.transcript import TranscriptError
from esxi_diag.analysis import reach, tuning
from esxi_diag.message import msg, plain


def redact_options(p):
    p.add_argument("--redact", action="store_true",
                   help="mask addresses (subnets kept), host, domain, port group, switch and "
                        "datastore names, MACs and UUIDs, consistently everywhere")
    p.add_argument("--redact-map", metavar="FILE",
                   help="the private map of the masking: read if it exists (to mask several "
                        "hosts of a site alike), written back; never attach it to a case")


def source_options(p, json_output=True, redact=True):
    """The options of every command that reads a host (live or simulated); --format/--json/--lang
    and --redact only where the command prints a report that honours them."""
    p.add_argument("--simulate", nargs="?", const=simhost.DEFAULT_PROFILE, metavar="PROFILE|FILE",
                   help="run against a simulated host (default profile: %s; '%s simulator list' "
                        "shows the built-ins)" % (simhost.DEFAULT_PROFILE, PROG))
    p.add_argument("--host", metavar="NAME", dest="sim_host",
                   help="with --simulate SITE: the host of the simulated site to run (without "
                        "--peer options, check tests every other host of the site)")
    p.add_argument("--sim-state", metavar="FILE",
                   help="with --simulate: keep the simulated host's changes (tune --apply) in "
                        "FILE, so that later runs see them")
    if json_output:
        output_options(p)
    p.add_argument("--jobs", type=positive_int, default=collect.DEFAULT_JOBS, metavar="N",
                   help="commands run at once while collecting (default %d)" %
                   collect.DEFAULT_JOBS)
    p.add_argument("--timeout", type=timeout, default=collect.ESXCLI_TIMEOUT, metavar="SECONDS",
                   help="time limit of each esxcli command (default %d s)" %
                   collect.ESXCLI_TIMEOUT)
    if redact:
        redact_options(p)


def tune_value_options(p, note=""):
    p.add_argument("--line-rate", metavar="RATE",
                   help="the line rate with units: 10G, 10Gbps, 25000Mbps, 1250MBps (default: "
                        "the slowest link-up uplink of the hot-data vmknics' switch)" + note)
    p.add_argument("--rtt", metavar="MS", help="the round-trip time in ms (default: measured "
                   "against --peer/--peers/--peer-report: the worst hot-path RTT)" + note)


def peer_options(p):
    p.add_argument("--peer", action="append", default=[], metavar="ADDRESS[:hot|:cold]",
                   help="a peer address; the role limits it to the hot or the cold data path "
                        "(repeatable; IPv6 with a role: [2001:db8::1]:hot)")
    p.add_argument("--peers", metavar="FILE",
                   help="peers, one a line: address [hot|cold] [label]; '#' comments")
    p.add_argument("--peer-report", action="append", default=[], metavar="FILE",
                   help="the peer host's 'inspect --json' report: its hot and cold addresses and "
                        "MTUs (repeatable)")
    p.add_argument("--count", type=count, default=reach.DEFAULT_COUNT, metavar="N",
                   help="latency probes per path (default %d)" % reach.DEFAULT_COUNT)
    p.add_argument("--interval", type=interval, default=reach.DEFAULT_INTERVAL,
                   metavar="SECONDS", help="between latency probes (default %g)" %
                   reach.DEFAULT_INTERVAL)
    p.add_argument("--parallel", type=positive_int, default=reach.DEFAULT_PARALLEL, metavar="N",
                   help="paths probed at once (default %d)" % reach.DEFAULT_PARALLEL)
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")


def redactor(args):
    """A Redactor when --redact was given (its map loaded when --redact-map exists), else None."""
    if not getattr(args, "redact", False):
        if getattr(args, "redact_map", None):
            raise UsageError("--redact-map goes with --redact")
        return None
    path = getattr(args, "redact_map", None)
    if path == "-":
        raise UsageError("--redact-map needs a file name (it is read and written back)")
    if path:
        redactor = open_map(path)
    else:
        redactor = redact.Redactor()
    # the files and folders named on the command line may name the site (-o: a datastore)
    redactor.command_line([PROG] + list(getattr(args, "argv", [])))
    return redactor


def open_map(path):
    """The redaction map at ``path``, created there (owner-only, exclusively: runs that start at
    the same moment share its key) when there is none. UsageError (one line) when it is bad."""
    try:
        redactor, created = redact.open_map(path)
    except redact.RedactMapError as exc:
        raise UsageError("%s: %s" % (path, exc))
    if created:
        say("a new redaction map (private: keep it, never attach it to the case): %s" % path)
    return redactor


def save_map(args, redactor, default=None):
    if redactor is None:
        return
    path = getattr(args, "redact_map", None) or default
    if not path:
        say("masked with a one-time key: give --redact-map FILE to keep the map (to mask "
            "other hosts of the site alike)")
        return
    write_map(path, redactor)


def write_map(path, redactor):
    """Merge what this run learned into the map at ``path`` (owner-only from its first byte: its
    key unmasks every address). Returns True when the map holds this run's masks unambiguously."""
    for name, other in redactor.collisions:
        say("redaction: %s and %s share the first characters of their masks; %s was given a "
            "longer one" % (name, other, name))
    try:
        conflicts = redact.save_map(path, redactor)
    except redact.RedactMapError as exc:
        say("the redaction map was not updated: %s" % exc)
        return False
    except OSError as exc:
        say("the redaction map could not be written to %s: %s" % (path, exc.strerror or exc))
        return False
    for line in conflicts:
        say("redaction map %s: %s: that name's mask is ambiguous in this output; mask the plain "
            "bundles again together with '%s redact'" % (path, line, PROG))
    say("redaction map (private: keep it, never attach it to the case): %s" % path)
    return not conflicts


def masked(report, redactor):
    if redactor is None:
        return report
    redactor.learn(report)
    return redactor.value(report)


output_options, output_format = cli_output.output_options, cli_output.output_format


def emit(report, args, command, redactor=None):
    """Print ``report`` (masked when asked) as --format/--lang say; its exit status."""
    fmt, lang = output_format(args)
    report = masked(report, redactor)
    write_out(render.output(report, fmt, command, lang))
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


def collect_host(args):
    """Collect the local host (live or simulated). Returns (runner, backend, captures, source,
    meta), or None when this is not an ESXi host (the message has been said)."""
    if args.simulate is not None:
        try:
            profile, site = simsite.load(args.simulate, args.sim_host)
            backend = simhost.SimHost(profile, speed=_speed(), state_file=args.sim_state)
        except simhost.ProfileError as exc:
            raise UsageError(str(exc))
        source = {"type": "simulated", "name": args.simulate}
        if site is not None:
            source["site_host"] = args.sim_host
    else:
        if args.sim_state:
            raise UsageError("--sim-state goes with --simulate")
        if args.sim_host:
            raise UsageError("--host goes with --simulate SITE")
        backend = None
        source = {"type": "live", "name": None}
        if not is_root(backend):
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


def gather_peers(args, backend):
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
            problems.append(about(args.peers, exc))
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
            if p.get("listed") is False:  # answers, but is not a data path to test
                continue
            found.append(peers_mod.new_peer(p["address"], p.get("role"), p.get("label"),
                                            origin="simulated network"))
    return peers_mod.merge(found), problems


class Progress(object):
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


def probe_peers(args, runner, backend, analysis, source, meta, roles=("hot", "cold"),
                 pmtu=False):
    """Gather the peers and probe the data paths of ``roles`` to them. Returns the reach run
    (pairs, notes, peers, interrupted, and the vmkping captures), or None when there is no peer.
    Skipped peer inputs are said on stderr and kept in ``meta["notes"]``."""
    peer_list, problems = gather_peers(args, backend)
    for problem in problems:
        say("skipped: %s" % problem)
    meta["notes"] = meta.get("notes", []) + [msg("note.peer-skipped", problem=p)
                                             for p in problems]
    peer_list = [p for p in peer_list if p["role"] is None or p["role"] in roles]
    if not peer_list:
        return None
    peer_list, peer_note = peers_mod.capped(peer_list)
    pairs, notes = reach.plan_pairs(analysis.facts, analysis.paths, peer_list, roles)
    pairs, path_note = peers_mod.capped(pairs, peers_mod.MAX_PATHS, "paths planned")
    for note in (peer_note, path_note):
        if note:
            say(plain(note))
            notes.append(note)
    progress = Progress(args.quiet)
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


def is_root(backend):
    if isinstance(backend, simhost.SimHost):
        return True  # the simulated host is run as root
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or geteuid() == 0


def tune_values(args):
    """(line rate in Mbit/s, RTT in ms) from --line-rate and --rtt, each None when not given."""
    try:
        return (tuning.parse_line_rate(args.line_rate) if args.line_rate is not None else None,
                tuning.parse_rtt(args.rtt) if args.rtt is not None else None)
    except tuning.TuningError as exc:
        raise UsageError(str(exc))


def tune_inputs(args, analysis, line_rate, rtt, reach_run):
    inputs = tuning.inputs(analysis.facts, analysis.paths, line_rate, args.line_rate, rtt,
                           args.rtt,
                           reach_run["pairs"] if reach_run else None,
                           getattr(args, "allow_decrease", False),
                           getattr(args, "peer_reports", ()))
    if inputs["rtt_ms"] is None and reach_run and reach_run["pairs"] and rtt is None:
        say("no hot path answered: the RTT could not be measured")
    return inputs


def read_input(path, limit=inputs.TRANSCRIPT_BYTES):
    """The bytes of an input file ('-': standard input), within ``limit``; UsageError (one line)
    when it cannot be read or is larger."""
    try:
        return inputs.read_file(path, limit)
    except InputError as exc:
        raise UsageError(str(exc))
