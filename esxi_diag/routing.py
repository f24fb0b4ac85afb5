"""Routing pre-flight: can a vmknic reach a peer address on its netstack, and how?
(ldvm-rules.md section 2: L2, or routed through the netstack's default gateway, a static route, or
the vmknic's own gateway.) Pure: reads facts only.

Result: {"kind", "gateway", "interface", "detail"} with kind one of
``on-link``, ``static-route``, ``vmknic-gateway``, ``netstack-gateway``, ``not-routable``,
``unknown`` (the facts needed were not collected).
"""

import ipaddress


def _result(kind, detail, gateway=None, interface=None):
    return {"kind": kind, "gateway": gateway, "interface": interface, "detail": detail}


def _network(address, netmask):
    try:
        return ipaddress.ip_network("%s/%s" % (address, netmask), strict=False)
    except ValueError:
        return None


def preflight(facts, vmknic_name, target):
    """How ``vmknic_name`` reaches ``target`` (an address string)."""
    v = facts["vmknics"].get(vmknic_name)
    if v is None:
        return _result("not-routable", "%s does not exist on this host" % vmknic_name)
    try:
        address = ipaddress.ip_address(target)
    except ValueError:
        return _result("not-routable", "%r is not an address" % target)
    stack = v.get("netstack")
    if address.version == 6:
        return _preflight_v6(v, address)
    ipv4 = v.get("ipv4")
    if ipv4 is None:
        if v.get("ipv4_known"):
            return _result("not-routable", "%s has no IPv4 address, so it cannot reach the IPv4 "
                           "peer %s" % (vmknic_name, target))
        return _result("unknown", "the IPv4 address of %s was not collected" % vmknic_name)
    own = _network(ipv4.get("address"), ipv4.get("netmask"))
    # named by the vmknic's own address/prefix, not the computed network address, so that a
    # masked report (redact.py) reads the same as the analysis of masked raw outputs
    subnet = "%s/%d" % (ipv4.get("address"), own.prefixlen) if own is not None else "?"
    if own is not None and address in own:
        return _result("on-link", "%s is in %s's subnet %s" % (target, vmknic_name, subnet),
                       interface=vmknic_name)
    routes = facts["routes"].get(stack)
    statics = []
    default = None
    for r in routes or []:
        net = _network(r["network"], r["netmask"])
        if net is None or not r.get("gateway"):
            continue
        if net.prefixlen == 0:
            default = default or r
        elif address in net:
            statics.append((net.prefixlen, r))
    if statics:
        statics.sort(key=lambda p: -p[0])
        r = statics[0][1]
        return _result("static-route", "static route %s/%s via %s on the %s netstack" % (
            r["network"], r["netmask"], r["gateway"], stack), r["gateway"], r.get("interface"))
    if ipv4.get("gateway"):
        return _result("vmknic-gateway", "%s's own gateway %s" % (vmknic_name, ipv4["gateway"]),
                       ipv4["gateway"], vmknic_name)
    if default is not None:
        via = default.get("interface")
        detail = "the %s netstack's default gateway %s" % (stack, default["gateway"])
        if via and via != vmknic_name:
            detail += " (reached through %s)" % via
        return _result("netstack-gateway", detail, default["gateway"], via)
    if routes is None:
        return _result("unknown", "%s is outside %s's subnet and the %s route table was not "
                       "collected" % (target, vmknic_name, stack))
    return _result("not-routable", "%s is outside %s's subnet %s and the %s netstack has no "
                   "default gateway, static route or per-vmknic gateway that reaches it" % (
                       target, vmknic_name, subnet, stack))


def _preflight_v6(v, address):
    name = v["name"]
    if not v.get("ipv6"):
        if v.get("ipv6_known") or v.get("ipv4_known"):
            return _result("not-routable", "%s has no IPv6 address, so it cannot reach the IPv6 "
                           "peer %s" % (name, address))
        return _result("unknown", "the IPv6 addresses of %s were not collected" % name)
    for a in v["ipv6"]:
        net = _network(a.get("address"), a.get("prefix_length") or 64)
        if net is not None and address in net and not net.network_address.is_link_local:
            return _result("on-link", "%s is in %s's prefix %s/%d" % (
                address, name, a.get("address"), net.prefixlen), interface=name)
    return _result("unknown", "IPv6 routes are not collected: %s may or may not route to %s" % (
        name, address))


def add_gateway_remedy(netstack, vmknic):
    return ("esxcli network ip route ipv4 add -N %s -n default -g <gateway>  (or a per-vmknic "
            "gateway: esxcli network ip interface ipv4 set -i %s -t static -I <address> "
            "-N <netmask> -g <gateway>)" % (netstack, vmknic))
