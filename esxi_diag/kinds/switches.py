"""Kinds of the physical NICs and the switches: ``esxcli network nic list`` and ``esxcfg-nics
-l``, standard switches and their port groups, distributed switches, and ``esxcfg-vswitch -l``."""

import re

from esxi_diag.analysis.model import (complete, fill, mac, mtu, new_vmknic, nic_name, none_read,
                                      port_id, set_value, skip, text, to_bool, to_int,
                                      uuid_hex, vmknic_name)
from esxi_diag.kinds.base import FIRST, Kind
from esxi_diag.parsers import cells, esxcfg, human
from esxi_diag.message import msg


def _speed(value):
    """Mbit/s from ``10000`` or esxcfg-nics' ``10000Mbps``."""
    if isinstance(value, str):
        m = re.match(r"^\s*(\d{1,9})\s*(?:Mbps)?\s*$", value, re.I)
        value = m.group(1) if m else None
    return to_int(value, 0, 10000000)


# esxcli network nic list (``Link Status``, 5.x ``Link``), and esxcfg-nics -l (Link, ``1000Mbps``)
_NIC_FIELDS = (("link_up", to_bool, "linkstatus", "link"), ("admin_up", to_bool, "adminstatus"),
               ("speed_mbps", _speed, "speed"), ("mtu", mtu, "mtu"), ("driver", text, "driver"),
               ("mac", mac, "macaddress"), ("duplex", text, "duplex"),
               ("description", text, "description"))


def _nic(facts, rows, value):
    name = nic_name(value)
    if name is None:
        skip(rows, msg("cut.nic-name"))
        return None
    return facts["nics"].setdefault(name, {"name": name, "link_up": None, "admin_up": None,
                                           "speed_mbps": None, "mtu": None, "driver": None,
                                           "mac": None, "duplex": None, "description": None})


def _nics(facts, rows, params, capture):
    read = 0
    for row in rows:
        n = _nic(facts, rows, row.get("name"))
        if n is not None:
            fill(n, row, _NIC_FIELDS)
            read += 1
    if rows and not read:
        none_read(rows, msg("parse.item.nic"))
    if complete(rows):
        facts["known"].add("nics")


def _switch(facts, rows, value, kind):
    name = text(value, 128)
    if name is None:
        skip(rows, msg("cut.switch-name"))
        return None
    return facts["vswitches"].setdefault(name, {"name": name, "type": kind, "mtu": None,
                                                "uplinks": None, "portgroups": None,
                                                "uuid": None})


def _name_list(value, check=None):
    """A list value (XML list, or 'a, b' text) of valid names, or None when it is not one."""
    if value is not None and not isinstance(value, (str, list)):
        return None
    names = []
    for item in human.split_list(value):
        item = text(item, 128)
        if item is None or (check is not None and check(item) is None):
            return None
        names.append(item)
    return names


def _standard_switches(facts, rows, params, capture):
    read = 0
    for row in rows:
        s = _switch(facts, rows, row.get("name"), "standard")
        if s is None:
            continue
        read += 1
        set_value(s, "mtu", mtu(row.get("mtu")))
        if s["uplinks"] is None and "uplinks" in row:
            s["uplinks"] = _name_list(row.get("uplinks"), nic_name)
        if s["portgroups"] is None and "portgroups" in row:
            s["portgroups"] = _name_list(row.get("portgroups"))
    if rows and not read:
        none_read(rows, msg("parse.item.switch"))
    if not params.get("vswitch") and complete(rows):
        facts["known"].add("standard-switches")


def _distributed_switches(facts, rows, params, capture):
    read = 0
    for row in rows:
        s = _switch(facts, rows, row.get("name"), "distributed")
        if s is None:
            continue
        read += 1
        set_value(s, "mtu", mtu(row.get("mtu")))
        set_value(s, "uuid", uuid_hex(row.get("vdsid")))  # "50 33 8c ... cd 73-bc 4f ..."
        if s["uplinks"] is None and "uplinks" in row:
            s["uplinks"] = _name_list(row.get("uplinks"), nic_name)
    if rows and not read:
        none_read(rows, msg("parse.item.switch"))
    if complete(rows):
        facts["known"].add("distributed-switches")


def _portgroups(facts, rows, params, capture):
    read = 0
    for row in rows:
        name = text(row.get("name"), 128)
        if name is None:
            skip(rows, msg("cut.portgroup-name"))
            continue
        read += 1
        if name not in facts["portgroups"]:
            facts["portgroups"][name] = {"name": name,
                                         "vswitch": text(row.get("virtualswitch"), 128),
                                         "vlan_id": to_int(row.get("vlanid"), 0, 4095)}
    if rows and not read:
        none_read(rows, msg("parse.item.portgroup"))
    if complete(rows):
        facts["known"].add("portgroups")


def _esxcfg_vswitch(facts, rows, params, capture):
    """esxcfg-vswitch -l: standard and distributed switches (MTU, uplinks), the port groups of
    standard switches (VLAN ID), and which vmknic sits on which DVPort."""
    read = 0
    members = {}
    for row in rows:
        section = row.get("section")
        if section in ("standard", "distributed"):
            s = _switch(facts, rows, row.get("switchname", row.get("dvsname")), section)
            if s is None:
                continue
            read += 1
            set_value(s, "mtu", mtu(row.get("mtu")))
            if s["uplinks"] is None and "uplinks" in row:
                s["uplinks"] = _name_list(row.get("uplinks"), nic_name)
            if section == "standard":
                members.setdefault(s["name"], [])
        elif section == "portgroup":
            name = text(row.get("portgroupname"), 128)
            switch = text(row.get("switch"), 128)
            if name is None:
                skip(rows, msg("cut.portgroup-name"))
                continue
            read += 1
            if switch is not None and switch in members:
                members[switch].append(name)
            if name not in facts["portgroups"]:
                facts["portgroups"][name] = {"name": name, "vswitch": switch,
                                             "vlan_id": to_int(row.get("vlanid"), 0, 4095)}
        elif section == "dvport":
            client = vmknic_name(row.get("client"))
            switch = text(row.get("switch"), 128)
            port = port_id(row.get("dvportid"))
            if client is not None and port is not None:  # a vmknic on this DVPort
                v = facts["vmknics"].setdefault(client, new_vmknic(client))
                set_value(v, "dvport", port)
                set_value(v, "vds_name", switch)
            read += 1
    if rows and not read:
        none_read(rows, msg("parse.item.switch"))
    whole = complete(rows)
    for name, portgroups in members.items():
        s = facts["vswitches"][name]
        if s["portgroups"] is None and whole:
            s["portgroups"] = portgroups
    if whole:
        facts["known"].update(("standard-switches", "distributed-switches", "portgroups"))


def _listing(program, args):
    """recognise() of an ``esxcfg-* -l`` listing."""
    return {} if "-l" in args or "--list" in args else None


KINDS = (
    Kind("nic.list", esxcli=("network", "nic", "list"), shape="table", table=cells.NIC_TABLE,
         extract=_nics, order=40, collect=FIRST, manual="once"),
    Kind("vswitch.standard.list", esxcli=("network", "vswitch", "standard", "list"),
         shape="stanzas", options={"-v": "vswitch", "--vswitch-name": "vswitch"},
         extract=_standard_switches, order=41, collect=FIRST, manual="once"),
    Kind("vswitch.portgroup.list", esxcli=("network", "vswitch", "standard", "portgroup", "list"),
         shape="table", table=cells.PORTGROUP_TABLE, extract=_portgroups, order=42,
         collect=FIRST, manual="once"),
    Kind("vswitch.dvs.list", esxcli=("network", "vswitch", "dvs", "vmware", "list"),
         shape="stanzas", extract=_distributed_switches, order=43, collect=FIRST,
         manual="once"),
    Kind("esxcfg.vswitch", programs=("esxcfg-vswitch",), argv=lambda p: ["esxcfg-vswitch", "-l"],
         recognise=_listing, parse=esxcfg.parse_vswitch_list, extract=_esxcfg_vswitch,
         order=60),
    Kind("esxcfg.nics", programs=("esxcfg-nics",), argv=lambda p: ["esxcfg-nics", "-l"],
         recognise=_listing, parse=esxcfg.parse_nics_list, extract=_nics, order=64),
)
