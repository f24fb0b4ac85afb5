"""Routing pre-flight: can a vmknic reach a peer address on its netstack, and how?
(ldvm-rules.md section 2: L2, or routed through the netstack's default gateway, a static route, or
the vmknic's own gateway.) Pure: reads facts only. IPv4 and IPv6 alike: IPv6 reads the netstack's
IPv6 route table (``esxcli network ip route ipv6 list -N <netstack>``).

Result: {"kind", "gateway", "interface", "detail"} (``detail`` a message, render/messages.py)
with kind one of
``on-link``, ``static-route``, ``vmknic-gateway``, ``netstack-gateway``, ``not-routable``,
``unknown`` (the facts needed were not collected).

``interface`` is the vmknic the traffic leaves through: the probing vmknic itself when the gateway
is in its own subnet (multi-NIC vMotion: two vmknics in one subnet share the gateway), else the
route's interface.
"""

import ipaddress

from esxi_diag.message import msg


def _result(kind, detail, gateway=None, interface=None):
    return {"kind": kind, "gateway": gateway, "interface": interface, "detail": detail}


def _network(address, netmask):
    try:
        return ipaddress.ip_network("%s/%s" % (address, netmask), strict=False)
    except (TypeError, ValueError):
        return None


def own_networks(vmknic, version):
    """[(network, label)] of a vmknic's own subnets of one address family (IPv6: global and
    unique-local prefixes; a link-local prefix routes nothing)."""
    out = []
    if version == 4:
        ipv4 = vmknic.get("ipv4") or {}
        net = _network(ipv4.get("address"), ipv4.get("netmask"))
        if net is not None:
            out.append((net, "%s/%d" % (ipv4.get("address"), net.prefixlen)))
        return out
    for a in vmknic.get("ipv6") or []:
        net = _network(a.get("address"), a.get("prefix_length") or 64)
        if net is not None and not net.network_address.is_link_local:
            out.append((net, "%s/%d" % (a.get("address"), net.prefixlen)))
    return out


def on_own_subnet(vmknic, address):
    """True when ``address`` (a string) is in one of the vmknic's own subnets."""
    try:
        addr = ipaddress.ip_address(address)
    except (TypeError, ValueError):
        return False
    return any(addr in net for net, _ in own_networks(vmknic, addr.version))


def _routes(facts, stack, version):
    """[(network, route)] of a netstack's route table for one family, or None when not read."""
    table = (facts.get("routes") if version == 4 else facts.get("routes6") or {}).get(stack)
    if table is None:
        return None
    out = []
    for r in table:
        mask = r.get("netmask") if version == 4 else r.get("prefix_length")
        net = _network(r.get("network"), mask)
        if net is not None and net.version == version:
            out.append((net, r))
    return out


def _leaves_through(v, route):
    """The vmknic a routed packet leaves through: this one when the gateway is on its own
    subnet, else the route's interface."""
    if route.get("gateway") and on_own_subnet(v, route["gateway"]):
        return v["name"]
    return route.get("interface")


def preflight(facts, vmknic_name, target):
    """How ``vmknic_name`` reaches ``target`` (an address string)."""
    v = facts["vmknics"].get(vmknic_name)
    if v is None:
        if "interfaces" not in facts["known"]:
            return _result("unknown", msg("routing.interfaces-not-read", vmknic=vmknic_name))
        return _result("not-routable", msg("routing.no-such-vmknic", vmknic=vmknic_name))
    try:
        address = ipaddress.ip_address(target)
    except ValueError:
        return _result("not-routable", msg("routing.not-an-address", target=repr(target)))
    family = "IPv%d" % address.version
    own = own_networks(v, address.version)
    if not own:
        if address.version == 4:
            known = v.get("ipv4_known")
        else:
            known = v.get("ipv6_known") or "ipv6" in facts["known"]
        if known:
            return _result("not-routable", msg(
                "routing.no-address-of-family", vmknic=vmknic_name, family=family, target=target,
                local=msg("routing.only-link-local") if v.get("ipv6") and address.version == 6
                else None))
        return _result("unknown", msg("routing.address-not-collected", family=family,
                                      vmknic=vmknic_name))
    for net, label in own:
        if address in net:
            return _result("on-link", msg("routing.on-link", target=target, vmknic=vmknic_name,
                                          subnet=label), interface=vmknic_name)
    # named by the vmknic's own address/prefix, not the computed network address, so that a
    # masked report (redact.py) reads the same as the analysis of masked raw outputs
    subnet = ", ".join(label for _, label in own)
    stack = v.get("netstack")
    routes = _routes(facts, stack, address.version)
    statics = []
    default = None
    for net, r in routes or []:
        if not r.get("gateway"):
            continue
        if net.prefixlen == 0:
            default = default or r
        elif address in net:
            statics.append((net.prefixlen, net, r))
    if statics:
        statics.sort(key=lambda p: -p[0])
        _, net, r = statics[0]
        return _result("static-route", msg(
            "routing.static-route", network=net.with_prefixlen if address.version == 6 else
            "%s/%s" % (r["network"], r["netmask"]), gateway=r["gateway"], netstack=stack),
            r["gateway"], _leaves_through(v, r))
    own_gateway = (v.get("ipv4") or {}).get("gateway") if address.version == 4 else None
    if own_gateway:
        return _result("vmknic-gateway", msg("routing.vmknic-gateway", vmknic=vmknic_name,
                                             gateway=own_gateway), own_gateway, vmknic_name)
    if default is not None:
        via = _leaves_through(v, default)
        how = None
        if via == vmknic_name and default.get("interface") not in (None, vmknic_name):
            how = msg("routing.on-own-subnet", vmknic=vmknic_name)
        elif via and via != vmknic_name:
            how = msg("routing.reached-through", via=via)
        return _result("netstack-gateway", msg("routing.netstack-gateway", netstack=stack,
                                               gateway=default["gateway"], how=how),
                       default["gateway"], via)
    if routes is None:
        return _result("unknown", msg("routing.table-not-collected", target=target,
                                      vmknic=vmknic_name, netstack=stack, family=family))
    return _result("not-routable", msg("routing.not-routable", target=target, vmknic=vmknic_name,
                                       subnet=subnet, netstack=stack))
