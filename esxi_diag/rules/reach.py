"""Findings of the reachability check (``esxi-diag check``, and vmkping probes in transcripts).

Same shape as the local rules: stable ID, severity, subjects, a message and remedy steps; all
listed in docs/findings.md. Every failing path's remedy ends with the vmkping command line that
reproduces it.
"""

from esxi_diag import kinds
from esxi_diag.analysis.reach import LDVM_MAX_MS, overhead
from esxi_diag.message import command, msg
from esxi_diag.rules import FAIL, INFO, OK, WARN, finding, role, say
from esxi_diag.rules import remedies


def _where(pair):
    return msg("reach.where", vmknic=pair["vmknic"], target=pair["target"],
               label=msg("reach.label", label=pair["label"]) if pair.get("label") else None)


def _vmkping(pair, size=None, df=False):
    """The vmkping line of a path ('' when its names cannot be passed to vmkping)."""
    if not kinds.valid_vmknic(pair["vmknic"]) or not kinds.valid_netstack(
            pair.get("netstack") or kinds.DEFAULT_NETSTACK):
        return ""
    return kinds.display(kinds.vmkping_argv(pair["vmknic"], pair.get("netstack"),
                                            pair["target"], count=10, size=size, df=df,
                                            ipv6=pair["ipv6"]))


def _reproduce(pair, size=None, df=False, lead="reproduce-it", **params):
    """Remedy steps that end with the vmkping line of the path (none when it has none)."""
    line = _vmkping(pair, size, df)
    return [say(lead, **params), command(line)] if line else []


def _path_finding(pair):
    r = pair["result"]
    verdict = r["verdict"]
    params = {"where": _where(pair), "role": role(pair["roles"]), "detail": r["detail"],
              "vmknic": pair["vmknic"]}
    subjects = [pair["vmknic"]]
    if verdict == "not-routable":
        return finding("REACH-NOT-ROUTABLE", FAIL, params,
                       remedies.add_gateway(pair["netstack"], pair["vmknic"], pair["ipv6"]),
                       subjects)
    if verdict == "unreachable":
        params["routing"] = pair["routing"]["detail"]
        return finding("REACH-UNREACHABLE", FAIL, params,
                       [say("check-peer-vlan-firewall")] + _reproduce(pair), subjects)
    if verdict == "local-mtu":
        return finding("REACH-LOCAL-MTU", FAIL, params,
                       [say("raise-vmknic-mtu"),
                        remedies.set_vmknic_mtu(pair["vmknic"], "<mtu>")], subjects)
    if verdict == "path-mtu":
        mtu = pair["mtu"] or 1500
        return finding("REACH-PATH-MTU", FAIL, params,
                       [say("raise-path-mtu", mtu=mtu),
                        remedies.set_vmknic_mtu(pair["vmknic"], 1500)] +
                       _reproduce(pair, mtu - overhead(pair["ipv6"]), True), subjects)
    if verdict == "beyond-150ms":
        params.update(rtt=r["rtt_ms"]["avg"], limit=LDVM_MAX_MS)
        return finding("REACH-RTT-BEYOND", FAIL, params,
                       [say("less-latency")] + _reproduce(pair), subjects)
    if verdict == "loss":
        return finding("REACH-LOSS", WARN, params, [say("find-lossy-link")] + _reproduce(pair),
                       subjects)
    if verdict == "vmkping-error":
        return finding("REACH-VMKPING-ERROR", FAIL, params,
                       [say("check-vmknic-exists", vmknic=pair["vmknic"]),
                        command("esxcli network ip interface list")], subjects)
    if verdict == "wrong-netstack":
        return finding("REACH-WRONG-NETSTACK", WARN, params, _reproduce(pair, lead="run"),
                       subjects)
    if verdict == "not-measured":
        return finding("REACH-NOT-MEASURED", WARN, params,
                       [say("run-again-whole")] + _reproduce(pair, lead="for-example"),
                       subjects)
    if verdict == "stack-not-configured":
        return finding("REACH-STACK-NOT-CONFIGURED", FAIL, params,
                       [say("check-netstack-of", vmknic=pair["vmknic"]),
                        command("esxcli network ip interface list")] +
                       _reproduce(pair, lead="then-if-on",
                                  netstack=pair.get("netstack") or kinds.DEFAULT_NETSTACK),
                       subjects)
    if verdict == "interrupted":
        return finding("REACH-INTERRUPTED", WARN, params, [say("run-check-again")], subjects)
    return None


def _routed_via_other_remedy(pair):
    """A gateway of the vmknic's own (IPv4 only: ``ipv4 set -g``), or a static route on its
    netstack in the target's family."""
    route = command("esxcli network ip route %s add -N %s -n <peer-network/prefix> -g <gateway>"
                    % ("ipv6" if pair["ipv6"] else "ipv4", pair["netstack"]))
    if pair["ipv6"]:
        return [say("static-route", netstack=pair["netstack"]), route]
    return [say("own-gateway", vmknic=pair["vmknic"]),
            command(remedies.own_gateway(pair["vmknic"], pair.get("source_address"))),
            say("or-static-route", netstack=pair["netstack"]), route]


def evaluate(pairs, summary, notes):
    out = []
    for pair in pairs:
        f = _path_finding(pair)
        if f is not None:
            out.append(f)
        if pair.get("peer_mtu") and pair.get("mtu") and pair["peer_mtu"] != pair["mtu"]:
            out.append(finding(
                "REACH-MTU-MISMATCH", WARN,
                {"where": _where(pair), "mtu": pair["mtu"], "peer_mtu": pair["peer_mtu"],
                 "role": role(pair["roles"])},
                [say("same-mtu-both-ends"),
                 remedies.set_vmknic_mtu(pair["vmknic"], pair["peer_mtu"])],
                [pair["vmknic"]]))
        route = pair["routing"]
        if route["kind"] in ("netstack-gateway", "static-route") and route.get("interface") \
                and route["interface"] != pair["vmknic"]:
            out.append(finding(
                "REACH-ROUTED-VIA-OTHER-VMKNIC", WARN,
                {"where": _where(pair), "vmknic": pair["vmknic"], "target": pair["target"],
                 "via": route["interface"], "gateway": route["gateway"],
                 "role": role(pair["roles"]),
                 "through": msg("REACH-ROUTED-VIA-OTHER-VMKNIC.static")
                 if route["kind"] == "static-route" else
                 msg("REACH-ROUTED-VIA-OTHER-VMKNIC.default", netstack=pair["netstack"])},
                _routed_via_other_remedy(pair),
                [pair["vmknic"]]))
        r = pair["result"]
        if r.get("loss_pct") and r["verdict"] not in ("loss", "unreachable"):
            out.append(finding("REACH-LOSS", WARN, {"where": _where(pair),
                                                    "loss": r["loss_pct"]},
                               _reproduce(pair) or None, [pair["vmknic"]], variant="also"))
    for note in notes:
        out.append(finding("REACH-NOT-TESTED", WARN, {"note": note}, [say("fix-path-first")]))
    if not pairs:
        return out
    if summary.get("long_distance"):
        out.append(_long_distance(pairs, summary))
    bad = [p for p in pairs if p["result"]["verdict"] != "ok"]
    if not bad:
        out.append(finding("REACH-OK", OK, {"count": len(pairs)}))
    return out


def _long_distance(pairs, summary):
    tuned_rtt = summary.get("worst_hot_rtt_ms") or summary["worst_rtt_ms"]
    supported = [p["result"]["rtt_ms"]["avg"] for p in pairs if "hot" in p["roles"] and
                 p["result"].get("rtt_ms") and p["result"]["rtt_ms"]["avg"] <= LDVM_MAX_MS]
    tune = "esxi-diag tune --rtt %.1f --line-rate <inter-site-bandwidth>"
    if tuned_rtt <= LDVM_MAX_MS:
        steps = [say("size-for-this-rtt"), command(tune % tuned_rtt)]
    elif supported:
        steps = [say("tune-only-within", limit=LDVM_MAX_MS), command(tune % max(supported))]
    else:
        steps = [say("none-by-tuning", rtt=tuned_rtt, limit=LDVM_MAX_MS)]
    hot = summary.get("worst_hot_rtt_ms")
    return finding("REACH-LONG-DISTANCE", INFO, {
        "worst": summary["worst_rtt_ms"], "limit": LDVM_MAX_MS,
        "hot": msg("reach.ms", ms=hot) if hot is not None else msg("reach.not-measured"),
        "threshold": summary["latency_threshold_ms"]}, steps)
