"""Kinds of the VMkernel interfaces: the interface list, their IPv4 and IPv6 addresses, their
service tags, and ``esxcfg-vmknic -l`` (every layout from 5.5 on)."""

import re

from esxi_diag import names
from esxi_diag.analysis.model import (NO_GATEWAY, UUID, complete, fill, gateway_value,
                                      ipv4_address, mac, mtu, na, netmask, netstack_name,
                                      new_vmknic, none_read, port_id, set_value, skip, text,
                                      to_bool, to_int, vmknic_name, vmknic_of)
from esxi_diag.kinds.base import FIRST, GATE, Kind
from esxi_diag.parsers import ParseError, cells, esxcfg
from esxi_diag.message import msg


_INTERFACE_FIELDS = (("enabled", to_bool, "enabled"), ("netstack", netstack_name,
                                                       "netstackinstance"),
                     ("mtu", mtu, "mtu"), ("portgroup", text, "portgroup"),
                     ("portset", text, "portset"), ("vds_name", text, "vdsname"),
                     ("dvport", port_id, "vdsport"),
                     ("opaque_network", text, "opaquenetworkid"),
                     ("mac", mac, "macaddress"))


_ESXCFG_VMKNIC_FIELDS = (("enabled", to_bool, "enabled"), ("netstack", netstack_name, "netstack"),
                         ("mtu", mtu, "mtu"), ("mac", mac, "macaddress"))


def _interfaces(facts, rows, params, capture):
    read = 0
    for row in rows:
        v = vmknic_of(facts, rows, row.get("name"))
        if v is not None:
            fill(v, row, _INTERFACE_FIELDS)
            read += 1
    if rows and not read:
        none_read(rows, msg("parse.item.interface"))
    if not params.get("netstack") and complete(rows):
        facts["known"].add("interfaces")


def _ipv4(facts, rows, params, capture):
    """``ipv4 get`` and (7.0+) ``ipv4 address list``: the same columns. Without a Gateway column
    (5.5/6.0) the gateway is unknown, not none; a row whose address cell is missing or not an
    address leaves the vmknic's IPv4 unknown."""
    read = 0
    for row in rows:
        v = vmknic_of(facts, rows, row.get("name"))
        if v is None:
            continue
        if v["ipv4_known"]:
            read += 1
            continue
        if "ipv4address" not in row:
            skip(rows, msg("cut.ipv4-cell", vmknic=v["name"]))
            continue
        raw = na(row.get("ipv4address"))
        if raw is None or raw == "0.0.0.0":
            v["ipv4_known"] = True  # N/A (Type NONE) or 0.0.0.0: no IPv4
            read += 1
            continue
        address = ipv4_address(raw)
        if address is None:
            skip(rows, msg("cut.not-ipv4", vmknic=v["name"], value=repr(str(raw)[:40])))
            continue
        found = gateway_value(row.get("gateway")) if "gateway" in row else None
        v["ipv4_known"] = True
        v["ipv4"] = {"address": address, "netmask": netmask(row.get("ipv4netmask")),
                     "gateway": None if found is NO_GATEWAY else found,
                     "gateway_known": found is not None,
                     "type": text(row.get("addresstype"), 32)}
        read += 1
    if rows and not read:
        none_read(rows, msg("parse.item.ipv4-row"))
    if not params.get("vmknic") and not params.get("netstack") and complete(rows):
        facts["known"].add("ipv4")


def _ipv6_entry(address, prefix, kind, status):
    address = text(address, 80)
    if address is None:
        return None
    if "/" in address and prefix is None:
        address, _, length = address.partition("/")
        prefix = to_int(length, 0, 128)
    if not cells.is_ipv6(address):
        return None
    return {"address": address, "prefix_length": prefix, "type": text(kind, 32),
            "status": text(status, 32)}


def _ipv6(facts, rows, params, capture):
    for row in rows:
        v = vmknic_of(facts, rows, row.get("interface", row.get("name")))
        if v is None:
            continue
        if na(row.get("address")) is None and "address" in row:
            v["ipv6_known"] = True
            continue
        entry = _ipv6_entry(row.get("address"), to_int(row.get("netmask"), 0, 128),
                            row.get("type"), row.get("status"))
        if entry is None:
            skip(rows, msg("cut.not-ipv6", vmknic=v["name"]))
            continue
        v["ipv6_known"] = True
        if all(e["address"] != entry["address"] for e in v["ipv6"]):
            v["ipv6"].append(entry)
    if complete(rows):
        facts["known"].add("ipv6")


_TAG = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")


def _tags(facts, rows, params, capture):
    name = vmknic_name(params.get("vmknic"))
    if not name:
        raise ParseError(msg("parse.tags-without-vmknic"))
    raw = rows[0].get("tags") if rows else []
    if not isinstance(raw, list):
        raise ParseError(msg("parse.tags-not-list"))
    tags = []
    for tag in raw:
        tag = text(tag, 64)
        if tag is None or not _TAG.match(tag):
            skip(rows, msg("cut.not-a-tag"))
            continue
        tags.append(tag)
    if not complete(rows):
        raise ParseError(msg("parse.tags-cut", reason=rows.cut[0]))
    v = facts["vmknics"].setdefault(name, new_vmknic(name))
    if v["tags"] is None:
        v["tags"] = tags


def _port_group_cell(facts, value):
    """esxcfg-vmknic's Port Group/DVPort/Opaque Network cell: ('portgroup' | 'dvport' |
    'opaque_network', value). A standard-switch port group is a name; a vmknic on a distributed
    switch shows its DVPort (a number), on NSX its opaque network (a UUID)."""
    value = text(value, 128)
    if value is None:
        return None, None
    if value in facts["portgroups"]:
        return "portgroup", value
    if value.isdigit():
        return "dvport", value
    if UUID.match(value):
        return "opaque_network", value
    return "portgroup", value


def _esxcfg_vmknics(facts, rows, params, capture):
    read = 0
    for row in rows:
        v = vmknic_of(facts, rows, row.get("interface"))
        if v is None:
            continue
        read += 1
        fill(v, row, _ESXCFG_VMKNIC_FIELDS)
        field, value = _port_group_cell(facts, row.get(
            "portgroupdvportopaquenetwork", row.get("portgroupdvport", row.get("portgroup"))))
        if field is not None:
            set_value(v, field, value)
        if "ipaddress" not in row:
            skip(rows, msg("cut.ip-cell", vmknic=v["name"]))
            continue
        raw = na(row.get("ipaddress"))
        family = (text(row.get("ipfamily"), 8) or "").lower()
        if not family and raw is not None:  # the oldest layout has no IP Family column
            family = "ipv4" if cells.is_ipv4(raw) else ("ipv6" if cells.is_ipv6(raw) else "")
        if family == "ipv4" and not v["ipv4_known"]:
            if raw is None or raw == "0.0.0.0":
                v["ipv4_known"] = True  # IPv4 N/A (Type NONE): no IPv4
                continue
            address = ipv4_address(raw)
            if address is None:
                skip(rows, msg("cut.not-ipv4", vmknic=v["name"], value=repr(str(raw)[:40])))
                continue
            v["ipv4_known"] = True
            v["ipv4"] = {"address": address, "netmask": netmask(row.get("netmask")),
                         "gateway": None, "gateway_known": False,
                         "type": text(row.get("type"), 32)}
        elif family == "ipv6" and raw is not None:
            # esxcfg prints the address type and status in one cell: "STATIC, PREFERRED"
            kind, _, status = (text(row.get("type"), 64) or "").partition(",")
            entry = _ipv6_entry(raw, to_int(row.get("netmask"), 0, 128), kind.strip() or None,
                                status.strip() or None)
            if entry is None:
                skip(rows, msg("cut.not-ipv6", vmknic=v["name"]))
            elif all(e["address"] != entry["address"] for e in v["ipv6"]):
                v["ipv6"].append(entry)
        elif family not in ("ipv4", "ipv6"):
            skip(rows, msg("cut.unknown-family", vmknic=v["name"]))
    if rows and not read:
        none_read(rows, msg("parse.item.interface"))
    if complete(rows):
        facts["known"].add("interfaces")


def _discovers(rows):
    """The vmknics of the interface list, and the netstacks they are on."""
    vmknics, stacks = [], []
    for row in rows:
        name, stack = row.get("name"), row.get("netstackinstance")
        if names.valid_vmknic(name) and name not in vmknics:
            vmknics.append(name)
        if names.valid_netstack(stack) and stack not in stacks:
            stacks.append(stack)
    return {"vmknic": vmknics, "netstack": stacks}


def _recognise_esxcfg_vmknic(program, args):
    return {} if "-l" in args or "--list" in args else None


_IPV4_OPTIONS = {"-i": "vmknic", "--interface-name": "vmknic", "-N": "netstack",
                 "--netstack": "netstack"}

KINDS = (
    Kind("ip.interface.list", esxcli=("network", "ip", "interface", "list"), shape="stanzas",
         options={"-N": "netstack", "--netstack": "netstack"}, extract=_interfaces, order=20,
         collect=GATE, discovers=_discovers, manual="once"),
    Kind("ip.interface.ipv4", esxcli=("network", "ip", "interface", "ipv4", "get"),
         shape="table", table=cells.IPV4_TABLE, options=_IPV4_OPTIONS, extract=_ipv4, order=21,
         collect=FIRST, manual="once"),
    # 7.0+: one row per vmknic, the same columns as ``ipv4 get`` (Gateway 0.0.0.0: none)
    Kind("ip.interface.ipv4.address",
         esxcli=("network", "ip", "interface", "ipv4", "address", "list"), shape="table",
         table=cells.IPV4_TABLE, options=_IPV4_OPTIONS, extract=_ipv4, order=22),
    Kind("ip.interface.ipv6", esxcli=("network", "ip", "interface", "ipv6", "address", "list"),
         shape="table", table=cells.IPV6_TABLE, extract=_ipv6, order=23, collect=FIRST,
         manual="once"),
    Kind("ip.interface.tags", esxcli=("network", "ip", "interface", "tag", "get"),
         shape="tags", options={"-i": "vmknic", "--interface-name": "vmknic"}, extract=_tags,
         order=24, each=("vmknic",), needs="vmknic"),
    Kind("esxcfg.vmknic", programs=("esxcfg-vmknic",), argv=lambda p: ["esxcfg-vmknic", "-l"],
         recognise=_recognise_esxcfg_vmknic, parse=esxcfg.parse_vmknic_list,
         extract=_esxcfg_vmknics, order=61),
)
