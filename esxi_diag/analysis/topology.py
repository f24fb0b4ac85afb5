"""Which switch and uplinks a vmknic sits on, and the slowest link-up uplink of the hot data: the
topology the rules and the tuning read. Pure.
"""


def switch_of(facts, vmknic):
    """The vSwitch or DVS a vmknic is attached to, or None when not known."""
    switches = facts["vswitches"]
    if vmknic.get("vds_name") and vmknic["vds_name"] in switches:
        return switches[vmknic["vds_name"]]
    if vmknic.get("portset") and vmknic["portset"] in switches:
        return switches[vmknic["portset"]]
    pg = facts["portgroups"].get(vmknic.get("portgroup") or "")
    if pg and pg.get("vswitch") in switches:
        return switches[pg["vswitch"]]
    return None


def uplinks_of(facts, switch):
    """The known NIC records of a switch's uplinks (None when uplinks or NICs are unknown)."""
    if switch is None or switch.get("uplinks") is None or "nics" not in facts["known"]:
        return None
    return [facts["nics"][u] for u in switch["uplinks"] if u in facts["nics"]]


def hot_uplink_speed(facts, paths):
    """(slowest link-up uplink speed in Mbit/s, its name) of the hot-data vmknics' switches."""
    speeds = []
    for name in paths["hot"]["vmknics"]:
        v = facts["vmknics"].get(name)
        uplinks = uplinks_of(facts, switch_of(facts, v)) if v else None
        for n in uplinks or []:
            if n.get("link_up") and n.get("speed_mbps"):
                speeds.append((n["speed_mbps"], n["name"]))
    return min(speeds) if speeds else (None, None)
