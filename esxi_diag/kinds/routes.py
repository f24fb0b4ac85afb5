"""Kinds of the netstacks and their routes: the netstack list, the IPv4 and IPv6 route table of
each netstack, and ``esxcfg-route`` (the default gateway) and ``esxcfg-route -l``."""

from esxi_diag import names
from esxi_diag.analysis.model import (NO_GATEWAY, complete, gateway, gateway_value, ip_address,
                                      ipv4_address, na, netmask, netstack_name, none_read,
                                      set_value, skip, text, to_int, vmknic_name)
from esxi_diag.kinds.base import GATE, Kind, option_values
from esxi_diag.names import DEFAULT_NETSTACK
from esxi_diag.parsers import ParseError, cells, esxcfg
from esxi_diag.message import msg


def _netstacks(facts, rows, params, capture):
    names = []
    for row in rows:
        name = netstack_name(row.get("key")) or netstack_name(row.get("name"))
        if name is None:
            skip(rows, msg("cut.netstack-name"))
            continue
        if name not in names:
            names.append(name)
    if rows and not names:
        none_read(rows, msg("parse.item.netstack"))
    if facts["netstacks"] is None and complete(rows):
        facts["netstacks"] = names


def _routes(facts, rows, params, capture):
    stack = netstack_name(params.get("netstack")) or DEFAULT_NETSTACK
    if stack in facts["routes"]:
        return
    routes = []
    for row in rows:
        network = text(row.get("network"), 64)
        mask = row.get("netmask")
        if network is not None and network.lower() == "default":
            network, mask = "0.0.0.0", "0.0.0.0"
        network, mask = ipv4_address(network), netmask(mask)
        found = gateway_value(row.get("gateway")) if "gateway" in row else None
        interface = na(row.get("interface"))
        if network is None or mask is None or found is None or (
                interface is not None and vmknic_name(interface) is None):
            skip(rows, msg("cut.route"))
            continue
        routes.append({"netstack": stack, "network": network, "netmask": mask,
                       "gateway": None if found is NO_GATEWAY else found,
                       "interface": vmknic_name(interface), "source": text(row.get("source"), 32)})
    if rows and not routes:
        none_read(rows, msg("parse.item.route"))
    if complete(rows):
        facts["routes"][stack] = routes
        facts["partial_routes"].pop(stack, None)
    else:  # a cut table is not the table: routing must not conclude from what is missing
        facts["partial_routes"].setdefault(stack, routes)


def _routes6(facts, rows, params, capture):
    """IPv6 routes of one netstack. The text layout is UNVERIFIED: columns are read by name
    (Network or Destination, Netmask or Prefix Length, Gateway, Interface), a network may carry
    its own /prefix, ``default`` or ``::`` with prefix 0 is the default route, and a gateway of
    ``::`` is on-link."""
    stack = params.get("netstack") or DEFAULT_NETSTACK
    if stack in facts["routes6"]:
        return
    routes = []
    for row in rows:
        network = na(row.get("network", row.get("destination")))
        if network is None:
            continue
        prefix = to_int(row.get("netmask", row.get("prefixlength", row.get("prefix"))))
        network = str(network)
        if "/" in network:
            network, _, length = network.partition("/")
            prefix = to_int(length) if prefix is None else prefix
        if network.lower() == "default":
            network, prefix = "::", 0
        if prefix is None or not 0 <= prefix <= 128:
            continue  # a row whose prefix cannot be read is not a route we can use
        routes.append({"netstack": stack, "network": network, "prefix_length": prefix,
                       "gateway": gateway(row.get("gateway", row.get("nexthop"))),
                       "interface": na(row.get("interface")), "source": na(row.get("source"))})
    facts["routes6"][stack] = routes


def _default_gateway(facts, rows, params, capture):
    value = rows[0].get("gateway") if rows else None
    if value is not None and ip_address(value) is None:
        raise ParseError(msg("parse.not-gateway", value=repr(str(value)[:40])))
    set_value(facts, "default_gateway", gateway(value))


def _discovers(rows):
    """The netstacks the host has instantiated."""
    stacks = []
    for row in rows:
        stack = row.get("key") or row.get("name")
        if names.valid_netstack(stack) and stack not in stacks:
            stacks.append(stack)
    return {"instantiated-netstack": stacks}


def _esxcfg_route_argv(params):
    extra = ["-N", params["netstack"]] if params.get("netstack") not in (None, DEFAULT_NETSTACK) \
        else []
    return ["esxcfg-route", "-l"] + extra


def _recognise_esxcfg_route(program, args):
    if "-l" in args or "--list" in args:
        return option_values(args, {"-N": "netstack", "--netstack": "netstack"})
    return None


def _recognise_default_gateway(program, args):
    return {} if not args else None


def _parse_default_gateway(text_value):
    return [{"gateway": esxcfg.parse_default_gateway(text_value)}]


_NETSTACK_OPTION = {"-N": "netstack", "--netstack": "netstack"}
_EVERY_NETSTACK = ("netstack", "instantiated-netstack")

KINDS = (
    Kind("ip.netstack.list", esxcli=("network", "ip", "netstack", "list"), shape="stanzas",
         extract=_netstacks, order=30, collect=GATE, discovers=_discovers, manual="once"),
    Kind("ip.route.ipv4", esxcli=("network", "ip", "route", "ipv4", "list"), shape="table",
         table=cells.ROUTE_TABLE, options=_NETSTACK_OPTION, extract=_routes, order=31,
         each=_EVERY_NETSTACK),
    Kind("ip.route.ipv6", esxcli=("network", "ip", "route", "ipv6", "list"), shape="table",
         options=_NETSTACK_OPTION, extract=_routes6, order=32, each=_EVERY_NETSTACK),
    Kind("esxcfg.route", programs=("esxcfg-route",), argv=_esxcfg_route_argv,
         recognise=_recognise_esxcfg_route, parse=esxcfg.parse_route_list, extract=_routes,
         order=62),
    Kind("esxcfg.defaultgw", programs=("esxcfg-route",), argv=lambda p: ["esxcfg-route"],
         recognise=_recognise_default_gateway, parse=_parse_default_gateway,
         extract=_default_gateway, order=63),
)
