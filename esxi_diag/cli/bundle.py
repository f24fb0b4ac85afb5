"""``esxi-diag bundle``: one archive for the support case: both reports, the manifest and every
raw output."""

import os

from esxi_diag.cli import help_of
from esxi_diag.analysis import tuning
from esxi_diag.analysis import pipeline
from esxi_diag.report import build
from esxi_diag.cli import common
from esxi_diag.cli.output import Parser
from esxi_diag.cli.output import PROG, UsageError, lang_option, say, write_out
from esxi_diag.status import EXIT_CANNOT
from esxi_diag.output import bundle as bundle_mod
from esxi_diag.render.safe import terminal_safe
from esxi_diag import render as render_mod
from esxi_diag.sources import hostfiles
from esxi_diag.render.messages import label

HELP = help_of("bundle")


def parser():
    p = Parser(prog="esxi-diag bundle", description=HELP)
    common.source_options(p, json_output=False)
    lang_option(p)
    common.peer_options(p)
    p.add_argument("--pmtu", action="store_true",
                   help="when full-size packets are lost, search the largest payload that passes")
    common.tune_value_options(p, "; for the tuning report")
    p.add_argument("-o", "--output-dir", metavar="DIR",
                   help="where the archive goes (default: /scratch/esxi-diag when /scratch is on "
                        "a datastore, else a writable datastore; never /tmp unless given; with "
                        "--simulate, the current folder)")
    p.add_argument("--case", metavar="ID", help="support case ID: in the name and the manifest")
    return p


def run(args):
    redactor = common.redactor(args)
    line_rate, rtt = common.tune_values(args)
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
    collected = common.collect_host(args)
    if collected is None:
        return EXIT_CANNOT
    runner, backend, captures, source, meta = collected
    analysis = pipeline.HostAnalysis(captures)
    reach_run = common.probe_peers(args, runner, backend, analysis, source, meta,
                                   pmtu=args.pmtu)
    inputs = common.tune_inputs(args, analysis, line_rate, rtt, reach_run)
    plan = tuning.plan_from(analysis.facts, analysis.paths, inputs)
    probes = reach_run.pop("captures") if reach_run else []
    analysis.add(probes)
    report = pipeline.report(analysis, source, meta=meta, reach_run=reach_run, plan=plan)
    report["tune"] = build.recommended_tune(plan)
    recorded = {"tune_inputs": build.recorded_texts(inputs, ("line_rate_basis", "rtt_basis")),
                "reachability": build.recorded_reachability(reach_run)}
    masked = common.masked(report, redactor)
    if redactor is not None:
        recorded = redactor.value(recorded)
    lang = render_mod.language(args.lang, os.environ)
    members = bundle_mod.build_members(masked, render_mod.output(masked, "text", "bundle", lang),
                                       captures + probes, [PROG] + args.argv, args.case, recorded,
                                       redactor, render_mod.output(masked, "html", "bundle", lang))
    name = bundle_mod.archive_name(masked["host"].get("hostname"), args.case)
    try:
        path, size, digest = bundle_mod.write_archive(folder, name, members)
    except bundle_mod.BundleError as exc:
        say(str(exc))
        return EXIT_CANNOT
    common.save_map(args, redactor, default=path[:-len(".tgz")] + ".redact-map.json")
    s = report["summary"]
    write_out(terminal_safe(label("t.bundle-written", lang, path=path, size=size, digest=digest,
                                  host=masked["host"].get("hostname"), fail=s["fail"],
                                  warn=s["warn"], info=s["info"],
                                  commands=len(captures) + len(probes),
                                  redacted=label("t.bundle-redacted", lang) if redactor else "")
                            + "\n"))
    return s["exit_status"]
