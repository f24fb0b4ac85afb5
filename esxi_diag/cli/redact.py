"""``esxi-diag redact BUNDLE... --redact-map FILE``: mask finished bundles off-host, in the spirit
of ``sos clean``. A fleet is collected plain, brought to a trusted machine and masked there once, all
hosts with one map, before anything leaves the site. Each masked bundle is written beside its input
(or in ``-o DIR``) under its masked name; the input is never changed. Every name of every bundle is
learned first and given its mask in sorted order, so the result does not depend on the order of
the bundles on the command line.
"""

import calendar
import json
import os
import time

from esxi_diag.cli import help_of
from esxi_diag import __version__
from esxi_diag.message import plain
from esxi_diag.cli import common
from esxi_diag.cli.output import PROG, Parser, UsageError, say, write_out
from esxi_diag.output import bundle as bundle_mod
from esxi_diag.output import redact
from esxi_diag.render.safe import terminal_safe
from esxi_diag.sources import bundle as bundle_reader
from esxi_diag.status import EXIT_CANNOT, EXIT_OK

HELP = help_of("redact")


def parser():
    p = Parser(prog="esxi-diag redact", description=HELP + ". Exit status: 0 every bundle "
               "was masked, 3 one or more could not be (each is said).")
    p.add_argument("bundles", nargs="+", metavar="BUNDLE", help="esxi-diag bundles (.tgz)")
    p.add_argument("--redact-map", metavar="FILE", required=True,
                   help="the private map of the masking: read if it exists (the same one for "
                        "every host of the site), else created; written back; never attach it "
                        "to a case")
    p.add_argument("-o", "--output-dir", metavar="DIR",
                   help="where the masked bundles go (default: beside each input)")
    return p


def _read(path):
    """(manifest as written, {member: bytes}) of a sound, plain bundle; UsageError (one line)
    otherwise: a damaged bundle is not masked, since its masked copy would look sound."""
    try:
        raw, manifest, members, problems = bundle_reader.read_whole(path)
    except bundle_mod.BundleError as exc:
        raise UsageError(str(exc))
    if problems:
        raise UsageError("%s is damaged (%s%s): not masked ('%s analyze %s' says what can be "
                         "read)" % (path, plain(problems[0]), " and %d more" % (len(problems) - 1)
                                    if len(problems) > 1 else "", PROG, path))
    if manifest.get("redacted") is not False:
        raise UsageError("%s is %s: not masked again (masking twice would move every address "
                         "again)" % (path, "masked already" if manifest.get("redacted")
                                     else "of unknown masking (its manifest does not say)"))
    if not isinstance(raw, dict) or not all(name in members for name in
                                            ("report.json", "report.txt")):
        raise UsageError("%s lacks its reports: not masked" % path)
    data = members["report.json"]
    try:
        report = json.loads(data.decode("utf-8"))
    except ValueError as exc:
        raise UsageError("%s: report.json is not JSON (%s): not masked" % (path, exc))
    if not isinstance(report, dict):
        raise UsageError("%s: report.json is not an object: not masked" % path)
    return raw, members, report


def _when(created):
    try:
        return calendar.timegm(time.strptime(created, "%Y-%m-%dT%H:%M:%SZ"))
    except (TypeError, ValueError):
        return None


def run(args):
    site = common.open_map(args.redact_map)
    if args.output_dir is not None and not os.path.isdir(args.output_dir):
        raise UsageError("%s is not a folder" % args.output_dir)
    sound, failed = [], 0
    for path in args.bundles:
        try:
            sound.append((path,) + _read(path))
        except UsageError as exc:
            say(str(exc))
            failed += 1
    # learn every name of every bundle first (a scratch redactor with the same key), then give
    # them their masks in sorted order: the same masks whatever the order of the bundles
    scratch = redact.Redactor(site.key)
    for path, raw, members, report in sound:
        scratch.command_line(raw.get("command_line") or [])
        scratch.learn(report)
    site.command_line([PROG] + list(getattr(args, "argv", [])))
    for category in redact.CATEGORIES:
        for name in sorted(scratch.names[category]):
            site.add_name(category, name, always=True)
    site.macs |= scratch.macs
    note = {"by": "%s redact" % PROG, "version": __version__,
            "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    written = []
    for path, raw, members, report in sound:
        try:
            masked = bundle_mod.masked_members(raw, members, site, note)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            say("%s: its reports cannot be made again from the masked report by this esxi-diag "
                "(%s: %s): not masked" % (path, type(exc).__name__, exc))
            failed += 1
            continue
        manifest_bytes = masked[0][1]
        host = json.loads(manifest_bytes.decode("utf-8")).get("host")
        name = bundle_mod.archive_name(host, raw.get("case") if isinstance(raw.get("case"), str)
                                       else None, _when(raw.get("created")))
        folder = args.output_dir or os.path.dirname(os.path.abspath(path))
        try:
            out, size, digest = bundle_mod.write_archive(folder, name, masked)
        except bundle_mod.BundleError as exc:
            say("%s: %s" % (path, exc))
            failed += 1
            continue
        written.append(out)
        write_out(terminal_safe("%s -> %s\n  %d bytes, sha256 %s\n" % (path, out, size, digest)))
    if sound:
        common.write_map(args.redact_map, site)
    return EXIT_CANNOT if failed else EXIT_OK
