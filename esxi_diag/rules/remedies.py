"""The commands a finding recommends, fitted to the host: standard or distributed switch, which
netstacks exist, the next free vmknic name. Pure: reads facts, returns remedy steps: prose
messages and command lines that are valid ESXi syntax where a value is known, with
``<placeholders>`` where only the user knows it (an address, a VLAN ID, a free DVPort).

Never names a vmknic that carries another service or sits on another netstack: a new, dedicated
vmknic on the dedicated netstack is what VMware documents for vMotion and provisioning.
"""

import re

from esxi_diag import kinds
from esxi_diag.analysis.model import natural_key
from esxi_diag import message as messages
from esxi_diag.message import msg


def next_vmknic(facts):
    """The first vmknic name not used on this host (``vmk<N>`` when the list is unknown)."""
    if "interfaces" not in facts["known"] and not facts["vmknics"]:
        return "vmk<N>"
    numbers = [int(m.group(1)) for m in (re.match(r"^vmk(\d+)$", n) for n in facts["vmknics"])
               if m]
    return "vmk%d" % (max(numbers) + 1 if numbers else 0)


def _unused_portgroup(facts, base):
    names = set(n.lower() for n in facts["portgroups"])
    for s in facts["vswitches"].values():
        names.update(p.lower() for p in s.get("portgroups") or [])
    name, i = base, 2
    while name.lower() in names:
        name, i = "%s-%d" % (base, i), i + 1
    return name


def _switches(facts, kind):
    return sorted((s for s in facts["vswitches"].values() if s.get("type") == kind),
                  key=lambda s: natural_key(s["name"]))


def _choice(switches, placeholder):
    """The switch's name when there is one, else a placeholder naming the candidates."""
    if len(switches) == 1:
        return switches[0]["name"], None
    if switches:
        return placeholder, msg("remedy.one-of", switches=[s["name"] for s in switches])
    return placeholder, None


def command(argv):
    """A command line for a person: values quoted for the shell, ``<placeholders>`` left as they
    are (the user replaces them)."""
    return " ".join(a if a.startswith("<") and a.endswith(">") else kinds.display([a])
                    for a in argv)


def _run(argv):
    return messages.command(command(argv))


def read(kind, **params):
    """A step that runs a command kind as a person types it (the default formatter), for the
    output to be pasted back."""
    return messages.command(kinds.display(kinds.argv(kind, params, xml=False)))


def enable_vmknic(vmknic):
    return _run(["esxcli", "network", "ip", "interface", "set", "-i", vmknic, "-e", "true"])


def add_tag(vmknic, tag):
    return _run(["esxcli", "network", "ip", "interface", "tag", "add", "-i", vmknic, "-t", tag])


def remove_tag(vmknic, tag):
    return _run(["esxcli", "network", "ip", "interface", "tag", "remove", "-i", vmknic, "-t",
                 tag])


def set_vmknic_mtu(vmknic, mtu):
    return _run(["esxcli", "network", "ip", "interface", "set", "-i", vmknic, "-m", str(mtu)])


def say(message_id, **params):
    """A prose step of a remedy."""
    return msg("remedy." + message_id, **params)


def dedicated_vmknic(facts, netstack, portgroup_base):
    """Steps that create a vmknic on ``netstack`` (vmotion or vSphereProvisioning), for each
    kind of switch this host has."""
    steps = []
    stacks = facts.get("netstacks")
    add_stack = _run(["esxcli", "network", "ip", "netstack", "add", "-N", netstack])
    if stacks is None:
        steps += [say("if-netstack-missing", netstack=netstack), add_stack]
    elif netstack not in stacks:
        steps.append(add_stack)
    vmk = next_vmknic(facts)
    standard = _switches(facts, "standard")
    distributed = _switches(facts, "distributed")
    if standard or not distributed:
        switch, which = _choice(standard, "<vSwitch>")
        pg = _unused_portgroup(facts, portgroup_base)
        if distributed or which:
            steps.append(say("on-standard-switch", which=which))
        steps.append(_run(["esxcli", "network", "vswitch", "standard", "portgroup", "add",
                           "-p", pg, "-v", switch]))
        steps.append(say("if-vlan"))
        steps.append(_run(["esxcli", "network", "vswitch", "standard", "portgroup", "set",
                           "-p", pg, "--vlan-id", "<VLAN-ID>"]))
        steps.append(_run(["esxcli", "network", "ip", "interface", "add", "-i", vmk, "-p", pg,
                           "-N", netstack]))
    if distributed:
        switch, which = _choice(distributed, "<distributed-switch>")
        steps.append(say("or-on-distributed-switch" if standard else "on-distributed-switch",
                          which=which))
        steps.append(_run(["esxcli", "network", "ip", "interface", "add", "-i", vmk,
                           "--dvs-name", switch, "--dvport-id", "<free-DVPort-ID>", "-N",
                           netstack]))
    steps.append(say("then-its-address"))
    steps.append(_run(["esxcli", "network", "ip", "interface", "ipv4", "set", "-i", vmk, "-t",
                       "static", "-I", "<address>", "-N", "<netmask>"]))
    steps.append(say("for-routed-peers"))
    steps.append(messages.command(add_default_route(netstack)))
    return steps


def add_default_route(netstack, ipv6=False):
    if ipv6:
        return "esxcli network ip route ipv6 add -N %s -n ::/0 -g <gateway>" % netstack
    return "esxcli network ip route ipv4 add -N %s -n default -g <gateway>" % netstack


def own_gateway(vmknic, address=None, netmask=None):
    """The per-vmknic gateway (6.5 and later): ``ipv4 set`` restates the address."""
    return command(["esxcli", "network", "ip", "interface", "ipv4", "set", "-i", vmknic, "-t",
                    "static", "-I", address or "<address>", "-N", netmask or "<netmask>", "-g",
                    "<gateway>"])


def add_gateway(netstack, vmknic, ipv6=False):
    """Steps: a default route on the netstack, or (IPv4, 6.5 and later) the vmknic's own
    gateway."""
    if ipv6:
        return [messages.command(add_default_route(netstack, True))]
    return [messages.command(add_default_route(netstack)),
            say("or-own-gateway", vmknic=vmknic), messages.command(own_gateway(vmknic))]
