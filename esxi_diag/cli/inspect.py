"""``esxi-diag inspect``: read this host's vMotion data paths and check them."""

from esxi_diag.cli import help_of
from esxi_diag.cli import common
from esxi_diag.cli.output import Parser
from esxi_diag.status import EXIT_CANNOT
from esxi_diag.analysis.pipeline import analyse

HELP = help_of("inspect")


def parser():
    p = Parser(prog="esxi-diag inspect", description=HELP)
    common.source_options(p)
    return p


def run(args):
    redactor = common.redactor(args)  # bad --redact options fail before anything runs
    collected = common.collect_host(args)
    if collected is None:
        return EXIT_CANNOT
    runner, backend, captures, source, meta = collected
    status = common.emit(analyse(captures, source, meta=meta), args, "inspect", redactor)
    common.save_map(args, redactor)
    return status
