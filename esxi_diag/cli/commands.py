"""``esxi-diag commands``: the standard ESXi commands to run by hand and paste back for
``analyze --transcript``, names filled in when a host is at hand."""

from esxi_diag.cli import help_of
from esxi_diag import __version__, kinds
from esxi_diag.kinds import vms as vmkinds
from esxi_diag.analysis import reach
from esxi_diag.analysis import pipeline
from esxi_diag.analysis.model import natural_key
from esxi_diag.cli import common
from esxi_diag.cli.output import Parser
from esxi_diag.cli.output import UsageError, write_out
from esxi_diag.status import EXIT_OK
from esxi_diag.render.safe import terminal_safe
from esxi_diag.sources import collect, peers as peers_mod
from esxi_diag.sources.runner import LiveBackend

_EXAMPLE_VMX = "/vmfs/volumes/datastore1/web-01/web-01.vmx"
HELP = help_of("commands")


def parser():
    p = Parser(prog="esxi-diag commands", description=HELP)
    common.source_options(p, json_output=False, redact=False)
    p.add_argument("--peer", action="append", default=[], metavar="ADDRESS[:hot|:cold]",
                   help="add the vmkping commands that test the data paths to this peer")
    return p


def run(args):
    """The commands a customer can type and paste back, in order, names filled in when a host is
    at hand (simulated, or this one when esxcli is here)."""
    names, stacks, pairs, vmx, worlds = None, None, [], [], []
    if args.simulate is not None or LiveBackend().which("esxcli"):
        collected = common.collect_host(args)
        if collected is not None:
            analysis = pipeline.HostAnalysis(collected[2])
            facts = analysis.facts
            names = sorted(facts["vmknics"], key=natural_key)
            stacks = sorted(set(v.get("netstack") for v in facts["vmknics"].values()
                                if v.get("netstack")), key=natural_key)
            vmx = [vm["path"] for vm in facts["vm"]["inventory"] or [] if vm.get("path")]
            vmx = vmx[:vmkinds.MAX_VMX_READS]
            worlds = sorted(facts["vm"]["running"] or {}, key=natural_key)
            worlds = worlds[:vmkinds.MAX_PORT_LISTS]
            peer_list = []
            for text in args.peer:
                try:
                    peer_list.append(peers_mod.parse_peer_arg(text))
                except peers_mod.PeerError as exc:
                    raise UsageError(str(exc))
            pairs = reach.plan_pairs(facts, analysis.paths, peer_list)[0]
    out = ["# esxi-diag %s: run these on the ESXi host (as root) and paste the whole session," %
           __version__,
           "# prompts included, into the case; 'esxi-diag analyze --transcript FILE' reads it."]
    if names is None:
        plan = collect.manual_plan([], [])
        out += [kinds.display(kinds.argv(k, p, xml=False)) for k, p in plan]
        out += ["# then, for each vmknic that 'esxcli network ip interface list' shows:",
                "esxcli network ip interface tag get -i vmk0",
                "# and for each netstack that 'esxcli network ip netstack list' shows:",
                "esxcli network ip route ipv4 list -N defaultTcpipStack",
                "vsish -e get /net/tcpip/instances/defaultTcpipStack/sbMax",
                "# and for each VM that 'vim-cmd vmsvc/getallvms' shows, the lines of its .vmx "
                "that esxi-diag reads",
                "# ([datastore1] web-01/web-01.vmx is /vmfs/volumes/datastore1/web-01/web-01.vmx):",
                kinds.display(kinds.argv("vm.vmx", {"path": _EXAMPLE_VMX}, xml=False)),
                "# and for a few running VMs that 'esxcli network vm list' shows (its World ID):",
                "esxcli network vm port list -w 2099871"]
        if args.peer:
            out.append("# (vmkping lines need the host's vmknics: run this on the host, or "
                       "with --simulate)")
    else:
        plan = collect.manual_plan(names, stacks, vmx, worlds)
        out += [kinds.display(kinds.argv(k, p, xml=False)) for k, p in plan]
    for pair in pairs:
        if pair["routing"]["kind"] == "not-routable" or not kinds.valid_netstack(
                pair.get("netstack") or kinds.DEFAULT_NETSTACK):
            continue
        for _, count, size, df in reach.probe_steps(pair, reach.DEFAULT_COUNT):
            out.append(kinds.display(kinds.vmkping_argv(
                pair["vmknic"], pair["netstack"], pair["target"], count=count, size=size, df=df,
                ipv6=pair["ipv6"])))
    write_out(terminal_safe("\n".join(out) + "\n"))
    return EXIT_OK
