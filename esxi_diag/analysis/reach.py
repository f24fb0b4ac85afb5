"""Reachability of the vMotion data paths, pure: which (vmknic, peer) pairs to test, which probes
each gets, and the verdict of each path, judged from its probe records alone, so a live check and a
pasted transcript with the same vmkping outputs get the same verdicts. The probes themselves are
run by sources/prober.py.

Per pair, in order: an uncounted warm-up probe (ARP), the latency series (default 10 probes at
0.2 s), a don't-fragment probe at exactly the vmknic MTU minus 28 (IPv4) or 48 (IPv6); when that
fails while small packets pass and the MTU is above 1500, a DF probe at 1472 (1452 for IPv6) tells a
jumbo-frame problem on the path from a smaller path MTU; ``--pmtu`` searches the largest payload that
passes.
"""

import ipaddress

from esxi_diag import kinds
from esxi_diag.analysis import routing
from esxi_diag.message import msg

DEFAULT_COUNT = 10
DEFAULT_INTERVAL = 0.2
PROBE_WAIT = 1.0  # -W: seconds to wait for a reply
DF_COUNT = 3
LAN_MAX_MS = 4.0  # NetLatencyModeThreshold's default: above it, Long Distance vMotion
LDVM_MAX_MS = 150.0  # the supported maximum round-trip time
DEFAULT_PARALLEL = 64

SEVERITY = {"ok": "ok", "not-measured": "warn", "interrupted": "warn", "loss": "warn",
            "wrong-netstack": "warn", "not-routable": "fail", "unreachable": "fail",
            "local-mtu": "fail", "path-mtu": "fail", "beyond-150ms": "fail",
            "vmkping-error": "fail", "stack-not-configured": "fail"}
_RANK = {"fail": 0, "warn": 1, "info": 2, "ok": 3}


def overhead(ipv6):
    return 48 if ipv6 else 28


def is_ipv6(address):
    try:
        return ipaddress.ip_address(address).version == 6
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# planning (pure)

def plan_pairs(facts, paths, peers, roles=("hot", "cold")):
    """One pair per (data-path vmknic of ``roles``, peer address). Returns (pairs, notes)."""
    pairs = {}
    order = []
    notes = []
    for role in roles:
        path = paths[role]
        wanted = [p for p in peers if p["role"] in (None, role)]
        if not wanted:
            continue
        if not path["vmknics"]:
            notes.append(msg("reach.no-vmknic-to-test", role=msg("role." + role),
                             reason=path["reason"]))
            continue
        for name in path["vmknics"]:
            for peer in wanted:
                key = (name, peer["address"])
                if key in pairs:
                    if role not in pairs[key]["roles"]:
                        pairs[key]["roles"].append(role)
                    continue
                pairs[key] = _new_pair(facts, name, peer["address"], [role], peer.get("label"),
                                       peer.get("mtu"))
                order.append(key)
    return [pairs[k] for k in order], notes


# ---------------------------------------------------------------------------------------------
# judging (pure: probe records -> verdict)

def probe_steps(pair, count):
    """The standard probes of a pair, in order: (step, count, payload, don't-fragment).

    A warm-up (the first probe to a peer is often lost to ARP; judge never counts it in the
    series), the latency series, and a don't-fragment probe at exactly the vmknic MTU minus 28
    (IPv4) or 48 (IPv6). The prober runs them (with the 1472 follow-up and --pmtu when the last
    one fails); ``commands`` lists them for a person to type."""
    steps = [("warm-up", 1, None, False), ("series", count, None, False)]
    if pair.get("mtu"):
        steps.append(("df", DF_COUNT, pair["mtu"] - overhead(pair["ipv6"]), True))
    return steps


def counted(p):
    """(sent, received) when the probe's outcome is known from its output: the statistics line,
    or every requested reply printed. None when it is not (empty output, only the PING line, an
    output cut before its statistics): such a probe proves nothing, it never passes."""
    if p.get("complete", True) and p.get("sent") is not None and p.get("received") is not None:
        return p["sent"], p["received"]
    replies = p.get("replies") or 0
    if p.get("count") and replies >= p["count"]:
        return p["count"], replies
    return None


def _passed(p):
    c = counted(p)
    return c is not None and c[1] > 0 and p.get("error") is None


def _series(probes):
    """The latency series: the counted non-DF probe run with the most probes (warm-ups of one
    probe are only used when nothing else was run)."""
    plain = [p for p in probes if not p["df"] and counted(p) and counted(p)[0]]
    longer = [p for p in plain if counted(p)[0] > 1]
    candidates = longer or plain
    return max(candidates, key=lambda p: counted(p)[0]) if candidates else None


def _df_results(probes):
    return sorted((p for p in probes if p["df"] and counted(p)),
                  key=lambda p: p["payload_bytes"] or 0)


def _rtt_of(probes):
    """min/avg/max over probes that printed round trips (weighted by their replies)."""
    rtts = [p for p in probes if p.get("rtt_ms") and (p.get("replies") or p.get("received"))]
    if not rtts:
        return None, 0
    n = sum(p.get("replies") or p.get("received") or 1 for p in rtts)
    avg = sum(p["rtt_ms"]["avg"] * (p.get("replies") or p.get("received") or 1)
              for p in rtts) / float(n)
    return {"min": min(p["rtt_ms"]["min"] for p in rtts), "avg": round(avg, 3),
            "max": max(p["rtt_ms"]["max"] for p in rtts)}, n


def _not_measured_detail(p):
    """Why a probe proves nothing, in one phrase."""
    what = p.get("command") or "vmkping"
    if p.get("replies"):
        return msg("reach.cut-after-replies", command=what, replies=p["replies"],
                   count=p.get("count") or "?")
    if p.get("error") == "no-output":
        code = p.get("exit_code")
        return msg("reach.printed-nothing", command=what,
                   status=None if code in (None, 0) else msg("reach.exit-status", code=code))
    return msg("reach.no-statistics", command=what)


def _error(code):
    """What a vmkping error the parser names means, in words (None when there is none)."""
    if code in ("network-unreachable", "host-down"):
        return msg("reach." + code)
    return code


def latency_class(avg_ms, threshold_ms=LAN_MAX_MS):
    if avg_ms is None:
        return None
    if avg_ms <= threshold_ms:
        return "lan"
    if avg_ms <= LDVM_MAX_MS:
        return "long-distance"
    return "beyond-supported"


def _stack_detail(pair, probe):
    used = probe.get("netstack") or kinds.DEFAULT_NETSTACK
    if pair.get("netstack") and used != pair["netstack"]:
        why = msg("reach.stack-wrong-s", used=used, vmknic=pair["vmknic"],
                  netstack=pair["netstack"])
    else:
        why = msg("reach.stack-changed")
    return msg("reach.stack-not-configured", used=used, vmknic=pair["vmknic"], why=why)


def judge(pair, threshold_ms=LAN_MAX_MS):
    """Verdict of one pair from its routing and probe records. Sets and returns the result.

    Evidence only: a probe counts when its statistics were printed (or every reply it asked for);
    a path with no counted probe is "not-measured", never "ok"."""
    probes = pair["probes"]
    problems = []
    result = {"rtt_ms": None, "rtt_count": 0, "loss_pct": None, "df_payload": None,
              "df_ok": None, "jumbo_ok": None, "pmtu_payload": None, "latency_class": None}
    full = pair["mtu"] - overhead(pair["ipv6"]) if pair.get("mtu") else None
    if pair["routing"]["kind"] == "not-routable":
        problems.append(("not-routable", pair["routing"]["detail"]))
    if pair.get("error"):
        problems.append(("vmkping-error", pair["error"]))
    stack = [p for p in probes if p.get("error") == "stack-not-configured"]
    if stack:
        problems.append(("stack-not-configured", _stack_detail(pair, stack[0])))
    probes = [p for p in probes if p not in stack]
    wrong = [p for p in probes if p.get("netstack") and pair.get("netstack")
             and p["netstack"] != pair["netstack"]]
    probes = [p for p in probes if p not in wrong]
    if wrong and not probes and not stack:
        problems.append(("wrong-netstack", msg(
            "reach.wrong-netstack", vmknic=pair["vmknic"], netstack=pair["netstack"],
            used=wrong[0]["netstack"])))
    series = _series(probes)
    if series is not None:
        sent, received = counted(series)
        result["loss_pct"] = series.get("loss_pct") if series.get("loss_pct") is not None \
            else round(100.0 * (sent - received) / sent, 1)
        if series.get("rtt_ms"):
            result["rtt_ms"] = dict(series["rtt_ms"])
            result["rtt_count"] = received
            result["latency_class"] = latency_class(series["rtt_ms"]["avg"], threshold_ms)
        if series.get("error") in ("network-unreachable", "host-down") or not received:
            problems.append(("unreachable", msg(
                "reach.unreachable", target=pair["target"], vmknic=pair["vmknic"],
                why=_error(series.get("error")) or msg("reach.no-reply", sent=sent))))
        elif result["loss_pct"]:
            problems.append(("loss", msg("reach.loss", loss=result["loss_pct"], sent=sent)))
    else:
        plain = [p for p in probes if not p["df"] and p.get("error") not in (
            "network-unreachable", "host-down", "message-too-long")]
        failed = [p for p in probes if not p["df"] and p.get("error") in (
            "network-unreachable", "host-down")]
        if failed:
            problems.append(("unreachable", msg(
                "reach.unreachable", target=pair["target"], vmknic=pair["vmknic"],
                why=_error(failed[0]["error"]))))
        elif plain:
            rtt, n = _rtt_of(plain)
            if rtt is not None:
                result.update(rtt_ms=rtt, rtt_count=n,
                              latency_class=latency_class(rtt["avg"], threshold_ms))
            problems.append(("not-measured", _not_measured_detail(plain[-1])))
    df = _df_results(probes)
    if series is None and result["rtt_ms"] is None:
        rtt, n = _rtt_of([p for p in df if _passed(p)])  # only don't-fragment probes were run
        if rtt is not None:
            result.update(rtt_ms=rtt, rtt_count=n,
                          latency_class=latency_class(rtt["avg"], threshold_ms))
    for p in df:
        if p.get("error") == "message-too-long":
            problems.append(("local-mtu", msg("reach.local-mtu", size=p["payload_bytes"],
                                              vmknic=pair["vmknic"])))
            break
    small_ok = series is not None and _passed(series)
    at_full = [p for p in df if full is not None and p["payload_bytes"] == full]
    if at_full:
        result["df_payload"] = full
        result["df_ok"] = _passed(at_full[0])
    elif df:
        result["df_payload"] = df[-1]["payload_bytes"]
        result["df_ok"] = _passed(df[-1])
    uncounted_df = [p for p in probes if p["df"] and not counted(p)
                    and p.get("error") != "message-too-long"]
    if uncounted_df and not at_full and series is not None:
        problems.append(("not-measured", msg("reach.df-proves-nothing",
                                             why=_not_measured_detail(uncounted_df[-1]))))
    base = 1500 - overhead(pair["ipv6"])
    at_base = [p for p in df if p["payload_bytes"] == base]
    if at_base and full != base:
        result["jumbo_ok"] = _passed(at_base[0])
    if result["df_ok"] is False and len(df) > 2:  # a --pmtu search (or a pasted series of sizes)
        passing = [p["payload_bytes"] for p in df if _passed(p)]
        result["pmtu_payload"] = max(passing) if passing else None
    if result["df_ok"] is False and small_ok and not any(p[0] == "local-mtu" for p in problems):
        tested = result["df_payload"]
        if (pair.get("mtu") or 0) > 1500 and result["jumbo_ok"] is True:
            what = msg("reach.drops-jumbo", size=tested, base=base)
        elif result["jumbo_ok"] is False:
            what = msg("reach.below-1500", base=base)
        else:
            what = msg("reach.smaller-path-mtu", size=tested,
                       mtu=tested + overhead(pair["ipv6"]))
        problems.append(("path-mtu", msg(
            "reach.path-mtu", what=what,
            uncertain=msg("reach.uncertain", loss=result["loss_pct"]) if result["loss_pct"]
            else None,
            largest=msg("reach.largest", size=result["pmtu_payload"],
                        mtu=result["pmtu_payload"] + overhead(pair["ipv6"]))
            if result["pmtu_payload"] is not None else None)))
    if result["df_ok"] is False and series is None and not any(
            v in ("local-mtu", "unreachable") for v, _ in problems):
        problems.append(("unreachable", msg(
            "reach.df-only-lost", size=result["df_payload"], target=pair["target"],
            mtu=result["df_payload"] + overhead(pair["ipv6"]))))
    if result["latency_class"] == "beyond-supported":
        problems.append(("beyond-150ms", msg("reach.beyond", rtt=result["rtt_ms"]["avg"],
                                             limit=LDVM_MAX_MS)))
    if pair.get("interrupted"):
        problems.append(("interrupted", msg("reach.interrupted")))
    if not problems and series is None and not df:
        problems.append(("not-measured", msg("reach.no-probe-run" if not pair["probes"]
                                             else "reach.no-probe-counted")))
    problems.sort(key=lambda p: _RANK[SEVERITY[p[0]]])
    verdict, detail = problems[0] if problems else ("ok", msg("reach.all-passed"))
    result.update(verdict=verdict, severity=SEVERITY[verdict], detail=detail,
                  problems=[{"verdict": v, "detail": d} for v, d in problems])
    pair["result"] = result
    return result


def summarize(pairs, threshold_ms=LAN_MAX_MS):
    def role_ok(role):
        mine = [p for p in pairs if role in p["roles"]]
        if not mine:
            return None
        return all(p["result"]["verdict"] == "ok" for p in mine)
    hot_rtts = [p["result"]["rtt_ms"]["avg"] for p in pairs
                if "hot" in p["roles"] and p["result"].get("rtt_ms")]
    rtts = [p["result"]["rtt_ms"]["avg"] for p in pairs if p["result"].get("rtt_ms")]
    worst = max(rtts) if rtts else None
    return {
        "paths": len(pairs),
        "peers": len(set(p["target"] for p in pairs)),
        "latency_threshold_ms": threshold_ms,
        "long_distance": None if worst is None else worst > threshold_ms,
        "hot_ok": role_ok("hot"),
        "cold_ok": role_ok("cold"),
        "worst_hot_rtt_ms": max(hot_rtts) if hot_rtts else None,
        "worst_rtt_ms": worst,
        "verdicts": dict((v, sum(1 for p in pairs if p["result"]["verdict"] == v))
                         for v in sorted(set(p["result"]["verdict"] for p in pairs))),
    }


# ---------------------------------------------------------------------------------------------
# transcripts: attach pasted probes to the data paths

def _source_address(vmknic, ipv6):
    """The vmknic's address in the target's family: for IPv6 a routable one before a link-local
    one."""
    if not ipv6:
        return (vmknic.get("ipv4") or {}).get("address")
    addresses = [a["address"] for a in vmknic.get("ipv6") or []]
    routable = [a for a in addresses if not a.lower().startswith("fe80:")]
    return (routable or addresses or [None])[0]


def _new_pair(facts, name, target, roles, label=None, peer_mtu=None):
    v = facts["vmknics"].get(name) or {}
    ipv6 = is_ipv6(target)
    return {"roles": list(roles), "vmknic": name, "netstack": v.get("netstack"),
            "source_address": _source_address(v, ipv6), "mtu": v.get("mtu"),
            "target": target, "label": label, "peer_mtu": peer_mtu, "ipv6": ipv6,
            "routing": routing.preflight(facts, name, target), "probes": [], "error": None,
            "interrupted": False}


def pairs_from_probes(facts, paths, probes, planned=None):
    """Pairs for recorded vmkping probes: those of a transcript whose source vmknic has a known
    role, or (``planned``, from a bundle) exactly the pairs the check had planned, with their
    labels, peer MTUs and recorded errors."""
    pairs = []
    index = {}
    for plan in planned or []:
        pair = _new_pair(facts, plan["vmknic"], plan["target"], plan["roles"], plan.get("label"),
                         plan.get("peer_mtu"))
        pair["error"] = plan.get("error")
        pair["interrupted"] = bool(plan.get("interrupted"))
        index[(plan["vmknic"], plan["target"])] = pair
        pairs.append(pair)
    for probe in probes:
        name = probe.get("source_vmknic")
        key = (name, probe.get("target"))
        if key not in index:
            roles = [r for r in ("hot", "cold") if name in paths[r]["vmknics"]]
            if planned is not None or not roles or not probe.get("target"):
                continue
            index[key] = _new_pair(facts, name, probe["target"], roles)
            pairs.append(index[key])
        index[key]["probes"].append(probe)
    return pairs


# ---------------------------------------------------------------------------------------------
# what a bundle records of the plan (the probing itself is sources/prober.py)

def planned(pairs):
    """What a bundle records of the planned pairs, so that a replay rebuilds them exactly."""
    return [dict((k, p.get(k)) for k in ("vmknic", "target", "roles", "label", "peer_mtu",
                                         "error", "interrupted")) for p in pairs]


