"""``esxi-diag tune``: compute, and with --apply set, persist and roll back, the Long Distance
vMotion line rate and sbMax."""


from esxi_diag.cli import help_of
from esxi_diag.analysis import tuning
from esxi_diag.analysis import pipeline
from esxi_diag.report import build
from esxi_diag.change import apply as apply_mod
from esxi_diag.cli import common
from esxi_diag.cli.output import Parser
from esxi_diag.cli.output import UsageError, say, write_out
from esxi_diag.status import (EXIT_CANNOT, TUNE_APPLIED, TUNE_NOT_PERSISTENT,
                                  TUNE_NOT_RESTORED, TUNE_NOTHING, TUNE_RECOMMENDED,
                                  TUNE_RESTORED, tune_section)
from esxi_diag import render as render_mod
from esxi_diag.simulator import host as simhost
from esxi_diag.sources import hostfiles
from esxi_diag.message import plain

HELP = help_of("tune")


def parser():
    p = Parser(prog="esxi-diag tune", description=HELP)
    common.source_options(p, redact=False)
    common.tune_value_options(p)
    common.peer_options(p)
    p.add_argument("--allow-decrease", action="store_true",
                   help="allow a recommended value below the current one (line rate or sbMax)")
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
    return p


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


def run(args):
    if args.persist and not args.apply:
        say("note: --persist takes effect with --apply; showing what it would do")
    if args.rollback is not None and args.apply:
        raise UsageError("--apply and --rollback do not go together")
    line_rate, rtt = common.tune_values(args)
    collected = common.collect_host(args)
    if collected is None:
        return EXIT_CANNOT
    runner, backend, captures, source, meta = collected
    files = backend if isinstance(backend, simhost.SimHost) else hostfiles.LiveFiles()
    host = apply_mod.Host(runner, files)
    analysis = pipeline.HostAnalysis(captures)
    host_name = analysis.facts["host"]["hostname"]
    outcome = {"action": "report"}
    if args.rollback is not None:
        if not common.is_root(backend):
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
        return _emit_tune(args, analysis, source, meta, None, outcome, status)
    reach_run = None
    if rtt is None:
        reach_run = common.probe_peers(args, runner, backend, analysis, source, meta,
                                       roles=("hot",))
    elif args.peer_report:  # the RTT is given: the peers' reports still tell their tuning
        for problem in common.gather_peers(args, backend)[1]:
            say("skipped: %s" % problem)
    inputs = common.tune_inputs(args, analysis, line_rate, rtt, reach_run)
    plan = tuning.plan_from(analysis.facts, analysis.paths, inputs)
    status = TUNE_RECOMMENDED if plan["change"] else TUNE_NOTHING
    if args.apply:
        if not common.is_root(backend):
            say("--apply changes the host: run it as root. Nothing was changed; the commands "
                "are below")
            return _emit_tune(args, analysis, source, meta, plan, outcome, EXIT_CANNOT,
                              reach_run)
        try:
            state, message, journal = apply_mod.apply_plan(
                host, plan, _state_dir(args, files), persist=args.persist, host_name=host_name)
        except apply_mod.ApplyError as exc:
            say(str(exc))
            return _emit_tune(args, analysis, source, meta, plan, outcome, EXIT_CANNOT,
                              reach_run)
        outcome = {"action": "apply", "state": state, "message": message, "journal": journal}
        status = {None: TUNE_NOTHING, apply_mod.APPLIED: TUNE_APPLIED,
                  apply_mod.NOT_PERSISTENT: TUNE_NOT_PERSISTENT,
                  apply_mod.RESTORED: TUNE_RESTORED,
                  apply_mod.PARTIAL: TUNE_NOT_RESTORED}[state]
        if state not in (None, apply_mod.APPLIED, apply_mod.NOT_PERSISTENT):
            say(plain(message))
    return _emit_tune(args, analysis, source, meta, plan, outcome, status, reach_run)


def _emit_tune(args, analysis, source, meta, plan, outcome, status, reach_run=None):
    if reach_run:
        analysis.add(reach_run.pop("captures"))
    report = pipeline.report(analysis, source, meta=meta, reach_run=reach_run, plan=plan)
    report["tune"] = tune_section(build.plan_json(plan), build.outcome_json(outcome), status)
    fmt, lang = common.output_format(args)
    write_out(render_mod.output(report, fmt, "tune", lang))
    return status
