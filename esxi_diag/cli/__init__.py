"""Command line: ``inspect``, ``check``, ``tune``, ``bundle``, ``analyze``, ``compare``,
``redact``, ``commands``, ``simulator``; one module per subcommand (its options and its ``run``), imported only when that
subcommand runs, so that ``--version`` and ``--help`` load nothing else. Every exit status is in
esxi_diag/status.py. Errors are one line on stderr, never a traceback (set ESXI_DIAG_DEBUG=1 to
see one).
"""

import importlib
import os
import sys

from esxi_diag.status import EXIT_CANNOT, EXIT_OK  # status.py imports nothing
from esxi_diag import __version__
from esxi_diag.cli.output import (PROG, OutputError, Parser, UsageError, err_write,
                                  output_format, say, write_out)

# (subcommand, one line of help): the modules esxi_diag.cli.<subcommand>
COMMANDS = (
    ("inspect", "read this host's vMotion data paths and check them"),
    ("check", "test every vMotion data path to its peers with vmkping"),
    ("tune", "compute (and with --apply set, persist, roll back) the Long Distance vMotion "
             "line rate and sbMax"),
    ("bundle", "write one archive for the support case: reports, manifest and every raw output"),
    ("analyze", "analyse bundles and pasted shell sessions off-host (one report per host)"),
    ("compare", "compare hosts' reports or bundles: can VMs move between every pair of them"),
    ("redact", "mask finished bundles off-host with one map, writing masked copies beside "
               "them"),
    ("commands", "the standard ESXi commands to run by hand and paste back for 'analyze "
                 "--transcript'"),
    ("simulator", "list, show or print the built-in simulated hosts"),
)


def help_of(name):
    """The one line of help of a subcommand (its module's description too)."""
    return dict(COMMANDS)[name]


def top_parser():
    """The top level: the subcommands and --version (their own options are theirs)."""
    parser = Parser(prog=PROG, description="vMotion and Long Distance vMotion diagnostics for "
                    "VMware ESXi hosts. Exit status: 0 no warnings, 1 warnings, 2 failures, "
                    "3 could not run ('%s COMMAND --help' for a command's options)." % PROG)
    parser.add_argument("--version", action="version", version="%s %s" % (PROG, __version__))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, text in COMMANDS:
        sub.add_parser(name, help=text, add_help=False)
    return parser


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if not argv or argv[0].startswith("-"):  # --help, --version, or nothing
            parser = top_parser()
            parser.parse_args(argv)  # prints help or version and exits, or says what is wrong
            err_write(parser.format_help())
            return EXIT_CANNOT
        name = argv[0]
        if name not in dict(COMMANDS):
            raise UsageError("unknown command %r: one of %s (see '%s --help')" % (
                name, ", ".join(n for n, _ in COMMANDS), PROG))
        module = importlib.import_module("esxi_diag.cli." + name)
        args = module.parser().parse_args(argv[1:])
        args.command, args.argv = name, argv
        if hasattr(args, "format"):
            output_format(args)  # --json and --format that disagree: said before any work
        return module.run(args)
    except SystemExit as exc:  # argparse after --help or --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except (UsageError, OutputError) as exc:
        say(str(exc))
        return EXIT_CANNOT
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_CANNOT
    except ImportError as exc:  # a trimmed host Python without a module this command needs
        err_write("%s: this Python (%s) lacks a module esxi-diag needs: %s\n" % (
            PROG, sys.version.split()[0], exc))
        return EXIT_CANNOT
    except Exception as exc:  # the last line of defence: one line, never a traceback
        from esxi_diag.sources.inputs import InputError
        if isinstance(exc, InputError):
            say(str(exc))
            return EXIT_CANNOT
        if os.environ.get("ESXI_DIAG_DEBUG"):
            raise
        say("internal error: %s: %s (set ESXI_DIAG_DEBUG=1 for details; please report it)" % (
            type(exc).__name__, exc))
        return EXIT_CANNOT


__all__ = ["main", "write_out"]
