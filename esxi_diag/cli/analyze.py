"""``esxi-diag analyze``: bundles and pasted shell sessions, off-host; one report per host."""

import os

from esxi_diag.cli import help_of
from esxi_diag.analysis import tuning
from esxi_diag.analysis import pipeline
from esxi_diag.report import build
from esxi_diag.cli import common
from esxi_diag.cli.output import Parser
from esxi_diag.cli.output import PROG, UsageError, about, say, write_out
from esxi_diag.status import EXIT_CANNOT
from esxi_diag.output import bundle as bundle_mod
from esxi_diag import render as render_mod
from esxi_diag.render.messages import render as render_text
from esxi_diag.sources import bundle as bundle_reader, inputs
from esxi_diag.sources import transcript as transcript_mod
from esxi_diag.sources.inputs import InputError
from esxi_diag.sources.transcript import TranscriptError

HELP = help_of("analyze")


def parser():
    p = Parser(prog="esxi-diag analyze", description=HELP)
    p.add_argument("inputs", nargs="*", metavar="BUNDLE|TRANSCRIPT",
                   help="esxi-diag bundles (.tgz) and transcripts, several at once")
    p.add_argument("--transcript", metavar="FILE",
                   help="the text of an ESXi shell session ('-' reads standard input)")
    common.output_options(p, json_help="print the machine report (JSON; a list when there "
                                       "are several inputs); the same as --format json")
    common.redact_options(p)
    return p


def _sniff(path):
    """None when ``path`` is a bundle (read later by bundle.py, member by member), else the bytes
    of the transcript (within the transcript cap)."""
    if path == "-":
        data = common.read_input(path)
        if is_bundle(data):
            raise UsageError("a bundle cannot be read from standard input: give its file name")
        return data
    try:
        with open(path, "rb") as handle:  # one open: a pipe (<(...)) cannot be read twice
            regular = os.path.isfile(path)
            head = handle.read(512)
            if is_bundle(head):
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


def _analyze_transcript(data, name, tell=say):
    """(reports, problems) of a transcript: one report per host it holds; a host session with no
    command esxi-diag reads is one problem line (saying which commands it saw), not a report.
    ``tell`` gets what is said about the input on stderr."""
    sessions = transcript_mod.read_sessions(data, name)
    for note in sessions[0].input_notes:
        tell("%s: %s" % (name, render_text(note)))
    reports, problems = [], []
    for session in sessions:
        if not session.captures:
            if len(sessions) == 1:
                raise TranscriptError(_nothing_read(session.unrecognised))
            problems.append("%s: %s" % (session.name, _nothing_read(session.unrecognised)))
            continue
        source = {"type": "transcript", "name": session.name, "localcli": None}
        reports.append(pipeline.analyse(session.captures, source, hints=session.hints,
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


def analyze_bundle(path, tell=say):
    """Replay a bundle through the same parsers and rules (the tool at hand, not the one that
    wrote it). What is damaged is left out and said."""
    manifest, members, problems = bundle_reader.read_archive(path)
    captures = bundle_reader.captures_from(manifest, members, problems)
    for problem in problems:
        tell("%s: %s" % (path, render_text(problem)))
    recorded = manifest.get("source") or {}
    source = {"type": "bundle", "name": path, "localcli": recorded.get("localcli"),
              "recorded": recorded, "case": manifest.get("case"),
              "written_by": (manifest.get("tool") or {}).get("version"),
              "created": manifest.get("created")}
    analysis = pipeline.HostAnalysis(captures)
    r = manifest.get("reachability") or {}
    reach_run = {"planned": r.get("planned") or [], "notes": r.get("notes") or [],
                 "peers": r.get("peers") or [], "interrupted": r.get("interrupted")}
    tune_values = manifest.get("tune_inputs")
    plan = tuning.plan_from(analysis.facts, analysis.paths, tune_values) if tune_values else None
    report = pipeline.report(analysis, source, meta={"localcli": recorded.get("localcli"),
                                                     "notes": problems},
                             reach_run=reach_run, plan=plan)
    if plan is not None:
        report["tune"] = build.recommended_tune(plan)
    if problems:  # a damaged bundle is bad input: its report is printed, and says exit 3
        report["summary"]["exit_status"] = EXIT_CANNOT
    return report


def is_bundle(data):
    return data[:2] == b"\x1f\x8b" or data[257:262] == b"ustar"


def run(args):
    items = list(args.inputs) + ([args.transcript] if args.transcript else [])
    if not items:
        raise UsageError("give one or more bundles (.tgz) or transcripts, or --transcript FILE")
    redactor = common.redactor(args)
    reports, failed = [], 0
    said = []  # stderr lines, said once every host's names are known to the masking
    tell = said.append if redactor is not None else say
    for item in items:
        name = "standard input" if item == "-" else item
        try:
            data = _sniff(item)
            if data is None:
                found = [analyze_bundle(item, tell)]
            else:
                found, problems = _analyze_transcript(data, name, tell)
                for problem in problems:  # a host of the transcript with nothing to read
                    tell(problem)
                    failed += 1
        except (TranscriptError, bundle_mod.BundleError, UsageError) as exc:
            tell(about(name, exc))
            failed += 1
            continue
        reports.extend(found)
    if redactor is not None:  # every host's names first: a report may name another host
        for report in reports:
            redactor.learn(report)
        for line in said:  # what stderr says about the inputs is masked too
            say(redactor.text(line))
    if not reports:
        return EXIT_CANNOT
    reports = [common.masked(report, redactor) for report in reports]
    fmt, lang = common.output_format(args)
    write_out(render_mod.output(reports, fmt, "analyze", lang))
    common.save_map(args, redactor)
    worst = max(r["summary"]["exit_status"] for r in reports)
    return EXIT_CANNOT if failed else worst
