"""``esxi-diag compare``: both ends of a migration. Several hosts' ``inspect``/``check --json``
reports or bundles (a mix is fine), compared off-host for every ordered pair of hosts
(report/compare.py; docs/compare.md)."""

import gc
import os
import time

from esxi_diag.cli import help_of
from esxi_diag import render
from esxi_diag.cli import analyze
from esxi_diag.cli import output as cli_output
from esxi_diag.cli.output import Parser
from esxi_diag.cli.output import PROG, UsageError, about, say, write_out
from esxi_diag.output import bundle as bundle_mod
from esxi_diag.report import compare as compare_mod
from esxi_diag.sources import hostfiles, inputs
from esxi_diag.sources.inputs import InputError

HELP = help_of("compare")


def parser():
    p = Parser(prog="esxi-diag compare", description=HELP + ". Give each host's 'inspect --json' "
               "or 'check --json' report, or its bundle (a mix is fine); 'check' reports add "
               "the measured round trips. Exit status: 0 every pair OK, 1 warnings or unknowns, "
               "2 failures, 3 fewer than two hosts could be compared.")
    p.add_argument("inputs", nargs="+", metavar="REPORT|BUNDLE",
                   help="a host's JSON report (or a list of them, as 'analyze --json' prints "
                        "for several inputs), or an esxi-diag bundle (.tgz); '-' reads a JSON "
                        "report from standard input")
    cli_output.output_options(p, json_help="print the comparison as JSON (schema %s); the same "
                              "as --format json" % compare_mod.SCHEMA)
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the comparison to FILE instead of standard output")
    return p


def _reports(item):
    """(name, [report dicts]) of one input; UsageError or InputError (one line) when it cannot
    be read."""
    name = "standard input" if item == "-" else item
    if item != "-":
        try:
            with open(item, "rb") as handle:
                head = handle.read(512)
                regular = os.path.isfile(item)
        except (IOError, OSError) as exc:
            raise UsageError("cannot read %s: %s" % (item, exc.strerror or exc))
        if analyze.is_bundle(head):
            if not regular:
                raise UsageError("a bundle must be a file (it is read twice): %s is not one" %
                                 item)
            problems = []
            report = analyze.analyze_bundle(item, problems.append)
            if problems:  # what is missing would read as a difference: not compared
                first = problems[0][len(item) + 2:] if problems[0].startswith(item + ": ") \
                    else problems[0]
                raise UsageError("%s is damaged (%s%s); '%s analyze %s' says what it holds" % (
                    item, first, "; and %d more" % (len(problems) - 1) if len(problems) > 1
                    else "", PROG, item))
            return name, [report]
    data = inputs.read_file(item, inputs.JSON_BYTES)
    if analyze.is_bundle(data[:512]):
        raise UsageError("a bundle cannot be read from standard input: give its file name")
    try:
        document = inputs.loads(data, name)
    except InputError as exc:
        raise UsageError("%s is neither an esxi-diag report (JSON) nor a bundle: %s" % (
            name, str(exc)[len(name) + 2:] if str(exc).startswith(name + ": ") else exc))
    if isinstance(document, list):
        return name, document
    return name, [document]


def gather(items):
    """(views, inputs): every input read and turned into a host view; each one that cannot be
    used is one line on stderr and an ``inputs`` entry saying why."""
    views, records = [], []
    for item in items:
        try:
            name, reports = _reports(item)
        except (UsageError, InputError, bundle_mod.BundleError) as exc:
            name = "standard input" if item == "-" else item
            say("%s; left out" % about(name, exc))
            records.append({"input": name, "status": "refused", "host": None,
                            "reason": about(name, exc)})
            continue
        for i, report in enumerate(reports):
            label = name if len(reports) == 1 else "%s [%d]" % (name, i)
            try:
                view = compare_mod.host_view(report, label)
            except compare_mod.CompareInputError as exc:
                say("%s; left out" % exc)
                records.append({"input": label, "status": "refused", "host": None,
                                "reason": str(exc)})
                continue
            views.append(view)
            records.append({"input": label, "status": "compared", "host": view["name"],
                            "reason": None})
    return views, records


def run(args):
    enabled = gc.isenabled()
    gc.disable()  # a batch of small objects and no cycle: collecting them is waste (500 hosts
    try:          # are 249,500 pairs; docs/performance.md)
        return _run(args)
    finally:
        if enabled:
            gc.enable()


def _run(args):
    fmt, lang = cli_output.output_format(args)
    views, records = gather(args.inputs)
    result = compare_mod.compare(views, inputs=records,
                                 generated_at=time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                            time.gmtime()))
    if result["summary"]["hosts"] < 2:
        say("nothing to compare: %s" % (
            "one host could be read (give at least two hosts' reports or bundles)"
            if result["summary"]["hosts"] == 1 else "no host report could be read"))
    text = render.compare_output(result, fmt, lang)
    if args.output and args.output != "-":
        try:
            hostfiles.LiveFiles().write_atomic(args.output, text)
        except OSError as exc:
            raise UsageError("cannot write %s: %s" % (args.output, exc.strerror or exc))
        say("comparison written to %s" % args.output)
    else:
        write_out(text)
    for note in result["notes"]:
        say(note)
    return result["summary"]["exit_status"]

