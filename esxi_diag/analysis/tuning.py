"""Long Distance vMotion tuning arithmetic (ldvm-rules.md section 4). Pure: no I/O.

- NetExpectedLineRateMBps = the line rate in MB/s (10 Gbit/s = 1250), within the option's bounds
  read from the host (1..2000); above the maximum it is capped, and the report says so.
- sbMax of the hot-data netstack = bandwidth (bytes/s) x RTT (s), the bandwidth-delay product,
  rounded up to a multiple of 64 KiB, within the node's limits when the host shows them, and never
  lower than the current value unless allowed.

Units are decimal, as the option's own unit is: 1 MB/s = 10^6 bytes/s, 1 Gbit/s = 125 MB/s.
"""

import math
import re

from esxi_diag import kinds
from esxi_diag.analysis import reach, releases, topology
from esxi_diag.message import msg

SBMAX_QUANTUM = 65536
RTT_MAX_MS = 1000.0
LDVM_MIN_MBIT = 250.0  # VMware's minimum bandwidth per concurrent Long Distance vMotion
LINE_RATE_MAX_MBIT = 1000000.0  # 1 Tbit/s: anything above is a typo

_RATE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgGtT])?\s*(b|B|bit|bits|Bytes?|bytes?)?"
                   r"\s*(?:/\s*s|ps|/sec)?\s*$")
_PREFIX = {"k": 1e-3, "m": 1.0, "g": 1e3, "t": 1e6}


class TuningError(ValueError):
    """Bad tuning input, in one line for the user."""


def parse_line_rate(text):
    """Mbit/s from '10G', '10Gbps', '10Gb/s', '25000Mbps', '1250MBps', '1.25GB/s'.
    A capital B means bytes; a bare prefix (10G) means bits. Units are required."""
    if (text or "").strip().startswith("-"):
        raise TuningError("line rate %r is out of range (above 0, at most 1 Tbit/s)" % (text,))
    m = _RATE.match(text or "")
    if not m or (m.group(2) is None and m.group(3) is None):
        raise TuningError("line rate %r needs units, e.g. 10G, 10Gbps, 25000Mbps or 1250MBps" %
                          (text,))
    number, prefix, unit = float(m.group(1)), m.group(2), m.group(3) or "b"
    if prefix is None:
        raise TuningError("line rate %r needs a prefix: 10Gbps, 25000Mbps, 1250MBps" % (text,))
    mbit = number * _PREFIX[prefix.lower()]
    if unit.startswith("B"):
        mbit *= 8
    if not 0 < mbit <= LINE_RATE_MAX_MBIT:
        raise TuningError("line rate %r is out of range (above 0, at most 1 Tbit/s)" % (text,))
    return mbit


def parse_rtt(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise TuningError("RTT %r is not a number of milliseconds" % (text,))
    if not 0 < value <= RTT_MAX_MS or value != value:
        raise TuningError("RTT %r ms is out of range (above 0, at most %d ms)" % (
            text, RTT_MAX_MS))
    return value


def mbit_text(mbit):
    if mbit >= 1000 and mbit % 1000 == 0:
        return "%d Gbit/s" % (mbit // 1000)
    if mbit >= 1000:
        return "%.3g Gbit/s" % (mbit / 1000.0)
    return "%g Mbit/s" % mbit


def line_rate_option(mbit, current, default, minimum, maximum, allow_decrease=False):
    """(recommended value, reasons, capped) for /Migrate/NetExpectedLineRateMBps. Like sbMax,
    never lower than the current value unless allowed."""
    mbytes = mbit / 8.0
    value = int(round(mbytes))
    reasons = [msg("tune.rate-mbytes", rate=mbit_text(mbit), mbytes=mbytes)]
    lo = minimum if minimum is not None else 1
    hi = maximum if maximum is not None else 2000
    capped = False
    if value > hi:
        reasons.append(msg("tune.rate-capped", max=hi, gbit=hi * 8 / 1000.0))
        value, capped = hi, True
    if value < lo:
        value = lo
    if default is not None and current == default and value <= default:
        reasons.append(msg("tune.rate-default", default=default))
        value = current
    elif current is not None and value < current and not allow_decrease:
        reasons.append(msg("tune.kept-lower", current=current))
        value = current
    return value, reasons, capped


def sbmax_value(mbit, rtt_ms, current, node_min=None, node_max=None, allow_decrease=False):
    """(recommended bytes, reasons, decided) for sbMax: the bandwidth-delay product, rounded up.
    ``decided`` is False when the current value is kept because it would be lowered."""
    bdp = mbit * 1e6 / 8.0 * rtt_ms / 1000.0
    value = int(math.ceil(bdp / SBMAX_QUANTUM)) * SBMAX_QUANTUM
    reasons = [msg("tune.bdp", rate=mbit_text(mbit), rtt=rtt_ms, bdp=int(round(bdp)),
                   value=value)]
    if node_max is not None and value > node_max:
        reasons.append(msg("tune.sbmax-capped", max=node_max))
        value = node_max
    if node_min is not None and value < node_min:
        value = node_min
    if current is not None and value < current and not allow_decrease:
        reasons.append(msg("tune.kept-lower", current=current))
        return current, reasons, False
    return value, reasons, True


# ---------------------------------------------------------------------------------------------
# the plan: current, recommended, why, and the commands

def make_plan(facts, paths, line_rate_mbit, line_rate_basis, rtt_ms, rtt_basis,
              allow_decrease=False, line_rate_assumed=False, peers=None):
    """What tune recommends for this host. Pure: reads facts and data paths only.
    ``peers``: the tuning the peer hosts' reports show (see ``peer_tuning``)."""
    hot = paths["hot"]
    host = facts["host"]
    netstack = hot["netstack"] if hot["basis"] not in ("none", "unknown") else None
    opt = facts["tuning"]["net_expected_line_rate_mbps"] or {}
    threshold = facts["tuning"].get("latency_mode_threshold_ms") or reach.LAN_MAX_MS
    plan = {"netstack": netstack, "hot_basis": hot["basis"],
            "line_rate": {"mbit": line_rate_mbit, "basis": line_rate_basis,
                          "assumed": bool(line_rate_assumed and line_rate_mbit is not None),
                          "current": opt.get("current"), "default": opt.get("default"),
                          "min": opt.get("min"), "max": opt.get("max"), "recommended": None,
                          "change": False, "capped": False, "reasons": []},
            "rtt": {"ms": rtt_ms, "basis": rtt_basis,
                    "long_distance": None if rtt_ms is None else rtt_ms > threshold},
            "sbmax": None, "commands": [], "persist_commands": [], "notes": [],
            "persist": {"runs_at_boot": releases.local_sh_runs_at_boot(host)},
            "peers": list(peers or [])}
    lr = plan["line_rate"]
    if line_rate_mbit is None:
        lr["reasons"].append(msg("tune.no-line-rate"))
    else:
        value, reasons, capped = line_rate_option(line_rate_mbit, opt.get("current"),
                                                  opt.get("default"), opt.get("min"),
                                                  opt.get("max"), allow_decrease)
        lr.update(recommended=value, reasons=reasons, capped=capped)
        if opt.get("current") is None:
            lr["reasons"].append(msg("tune.current-unread"))
        else:
            lr["change"] = value != opt["current"]
    if lr["change"]:
        plan["commands"].append(kinds.display(kinds.advanced_set_argv(
            kinds.LINE_RATE_OPTION, lr["recommended"])))
    sb = {"netstack": netstack, "current": None, "recommended": None, "change": False,
          "available": None, "decided": False, "reasons": []}
    plan["sbmax"] = sb
    values = facts["tuning"]["sbmax"]
    has_node = releases.has_sbmax(host)
    if netstack is None:
        sb["reasons"].append(msg("tune.hot-netstack-unknown", reason=hot["reason"]))
    elif has_node is False:
        sb["available"] = False
        sb["reasons"].append(msg("tune.sbmax-release", release=releases.describe(host)))
    elif netstack in values and values[netstack] is None:
        sb["available"] = False
        status = facts["tuning"].get("sbmax_status", {}).get(netstack) or {}
        sb["reasons"].append(msg("tune.sbmax-unreadable",
                                 node="/net/tcpip/instances/%s/sbMax" % netstack,
                                 detail=status.get("detail") or msg("tune.unavailable")))
    elif netstack not in values:
        sb["reasons"].append(msg("tune.sbmax-not-read", netstack=netstack))
    elif has_node is None:
        sb["reasons"].append(msg("tune.release-unknown"))
    else:
        sb["available"] = True
        sb["current"] = values[netstack]
        if rtt_ms is None or line_rate_mbit is None:
            sb["reasons"].append(msg("tune.needs-both"))
        else:
            limits = facts["tuning"].get("sbmax_limits", {}).get(netstack) or {}
            value, reasons, decided = sbmax_value(line_rate_mbit, rtt_ms, sb["current"],
                                                  node_min=limits.get("min"),
                                                  node_max=limits.get("max"),
                                                  allow_decrease=allow_decrease)
            sb.update(recommended=value, reasons=reasons, change=value != sb["current"],
                      decided=decided)
            if netstack == kinds.DEFAULT_NETSTACK:
                sb["reasons"].append(msg("tune.default-stack"))
            if sb["change"]:
                plan["commands"].append(kinds.display(kinds.sbmax_set_argv(netstack, value)))
            if decided:  # --persist writes only a value this run decided
                plan["persist_commands"] = [kinds.display(kinds.sbmax_set_argv(netstack,
                                                                                    value))]
    if rtt_ms is not None and rtt_ms > reach.LDVM_MAX_MS:
        plan["notes"].append(msg("tune.rtt-beyond", rtt=rtt_ms))
    if plan["persist_commands"]:
        runs = plan["persist"]["runs_at_boot"]
        if runs is False:
            plan["notes"].append(msg("tune.secure-boot"))
        elif runs is None:
            plan["notes"].append(msg("tune.secure-boot-unknown"))
    if plan["commands"] or plan["persist_commands"]:
        plan["notes"].append(msg("tune.same-on-peers"))
    plan["change"] = bool(plan["commands"])
    return plan


def _int_or_none(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def peer_tuning(report, name):
    """What a peer host's ``inspect --json`` report says of its tuning: {host, line_rate_mbps,
    netstack, sbmax}; a value that is missing or of the wrong type is None (unknown)."""
    if not isinstance(report, dict):
        return None
    host = report.get("host") if isinstance(report.get("host"), dict) else {}
    tuning = report.get("tuning") if isinstance(report.get("tuning"), dict) else {}
    paths = report.get("data_paths") if isinstance(report.get("data_paths"), dict) else {}
    hot = paths.get("hot") if isinstance(paths.get("hot"), dict) else {}
    rate = tuning.get("net_expected_line_rate_mbps")
    rate = rate.get("current") if isinstance(rate, dict) else None
    stack = hot.get("netstack") if kinds.valid_netstack(hot.get("netstack")) else None
    sbmax = tuning.get("sbmax") if isinstance(tuning.get("sbmax"), dict) else {}
    label = host.get("hostname") if isinstance(host.get("hostname"), str) else name
    return {"host": label, "line_rate_mbps": _int_or_none(rate), "netstack": stack,
            "sbmax": _int_or_none(sbmax.get(stack)) if stack else None}


def inputs(facts, paths, line_rate, line_rate_text, rtt, rtt_text, pairs, allow_decrease=False,
           peer_reports=()):
    """The line rate and RTT a plan uses, each with its basis: the values given, else the
    slowest link-up uplink of the hot-data switch (an assumption: over a WAN the inter-site link
    is usually slower) and the worst measured hot-path RTT; and the peers' tuning from their
    reports. Recorded in bundles, so that a replay computes the same plan."""
    out = {"line_rate_mbit": line_rate, "rtt_ms": rtt, "allow_decrease": bool(allow_decrease),
           "line_rate_basis": "--line-rate %s" % line_rate_text if line_rate is not None
           else None, "line_rate_assumed": False,
           "rtt_basis": "--rtt %s" % rtt_text if rtt is not None else None,
           "peers": [t for t in (peer_tuning(r, n) for n, r in peer_reports) if t]}
    if line_rate is None:
        speed, nic = topology.hot_uplink_speed(facts, paths)
        if speed:
            out["line_rate_mbit"] = float(speed)
            out["line_rate_assumed"] = True
            out["line_rate_basis"] = msg("tune.basis-assumed", nic=nic,
                                         rate=mbit_text(float(speed)))
    if rtt is None and pairs:
        measured = [p for p in pairs if "hot" in p["roles"] and p["result"].get("rtt_ms")]
        if measured:
            worst = max(measured, key=lambda p: p["result"]["rtt_ms"]["avg"])
            out["rtt_ms"] = worst["result"]["rtt_ms"]["avg"]
            out["rtt_basis"] = msg("tune.basis-measured", vmknic=worst["vmknic"],
                                   target=worst["target"], rtt=out["rtt_ms"],
                                   count=worst["result"]["rtt_count"])
    return out


def plan_from(facts, paths, values):
    """make_plan from recorded inputs (see ``inputs``)."""
    return make_plan(facts, paths, values["line_rate_mbit"],
                     values["line_rate_basis"], values["rtt_ms"], values["rtt_basis"],
                     values.get("allow_decrease", False), values.get("line_rate_assumed", False),
                     values.get("peers"))


