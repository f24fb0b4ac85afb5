"""``esxi-diag check``: test every vMotion data path to its peers with vmkping."""

from esxi_diag.cli import help_of
from esxi_diag.analysis import pipeline
from esxi_diag.cli import common
from esxi_diag.cli.output import Parser
from esxi_diag.cli.output import say
from esxi_diag.status import EXIT_CANNOT

HELP = help_of("check")


def parser():
    p = Parser(prog="esxi-diag check", description=HELP)
    common.source_options(p)
    common.peer_options(p)
    p.add_argument("--pmtu", action="store_true",
                   help="when full-size packets are lost, search the largest payload that passes")
    return p


def run(args):
    redactor = common.redactor(args)
    collected = common.collect_host(args)
    if collected is None:
        return EXIT_CANNOT
    runner, backend, captures, source, meta = collected
    analysis = pipeline.HostAnalysis(captures)
    reach_run = common.probe_peers(args, runner, backend, analysis, source, meta,
                                   pmtu=args.pmtu)
    if reach_run is None:
        say("no peer to test: give --peer ADDRESS, --peers FILE or --peer-report FILE")
        return EXIT_CANNOT
    analysis.add(reach_run.pop("captures"))
    report = pipeline.report(analysis, source, meta=meta, reach_run=reach_run)
    status = common.emit(report, args, "check", redactor)
    common.save_map(args, redactor)
    return status
