"""``esxi-diag simulator``: list, show or print the built-in simulated hosts and sites."""

import json
import textwrap

from esxi_diag.cli import help_of
from esxi_diag import kinds
from esxi_diag.cli.output import Parser
from esxi_diag.cli.output import UsageError, write_out
from esxi_diag.status import EXIT_OK
from esxi_diag.render.safe import terminal_safe
from esxi_diag.simulator import host as simhost
from esxi_diag.simulator import site as simsite
from esxi_diag.sources import collect

HELP = help_of("simulator")


def parser():
    p = Parser(prog="esxi-diag simulator", description=HELP)
    p.add_argument("action", choices=("list", "show", "transcript"),
                   help="list: the built-in profiles; show: a profile's JSON; transcript: the "
                        "simulated host as a pasted shell session")
    p.add_argument("profile", nargs="?", default=simhost.DEFAULT_PROFILE,
                   metavar="PROFILE|SITE|FILE")
    p.add_argument("--host", metavar="NAME", dest="sim_host",
                   help="transcript of a simulated site: the host of the site")
    return p


def run(args):
    if args.action == "list":
        for name in simhost.builtin_names():
            profile = simhost.load_builtin(name)
            text = "%-11s %s%s" % (name, profile.get("description", ""),
                                   " (default)" if name == simhost.DEFAULT_PROFILE else "")
            write_out(terminal_safe("\n".join(textwrap.wrap(text, 100,
                                                           subsequent_indent=" " * 12)) + "\n"))
        for name in simsite.builtin_names():
            site = simsite.validate(simsite.load_builtin(name), name=name)
            text = "%-11s site: %s. Hosts (--host): %s" % (name, site["description"], ", ".join(
                simsite.summary(site)))
            write_out(terminal_safe("\n".join(textwrap.wrap(text, 100,
                                                           subsequent_indent=" " * 12)) + "\n"))
        return EXIT_OK
    if args.action == "show" and args.profile in simsite.BUILTIN_SITES and not args.sim_host:
        write_out(json.dumps(simsite.load_builtin(args.profile), indent=2, sort_keys=True) +
                  "\n")
        return EXIT_OK
    try:
        profile = simsite.load(args.profile, args.sim_host)[0]
    except simhost.ProfileError as exc:
        raise UsageError(str(exc))
    if args.action == "show":
        write_out(json.dumps(profile, indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    sim = simhost.SimHost(profile)
    plan = collect.manual_plan([v["name"] for v in sim.vmknics()], sim.netstacks(),
                               sim.vmx_paths(), sim.worlds())
    commands = [kinds.argv(kind, params, xml=False) for kind, params in plan]
    write_out(sim.transcript(commands))
    return EXIT_OK
