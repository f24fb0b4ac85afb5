"""Findings of the reachability check (``esxi-diag check``, and vmkping probes in transcripts).

Same shape as rules.py: stable ID, severity, title, evidence, remedy; all listed in
docs/findings.md. Every failing path names the vmkping command line that reproduces it.
"""

from esxi_diag import kinds
from esxi_diag.rules import remedies
from esxi_diag.analysis.reach import LDVM_MAX_MS, overhead
from esxi_diag.rules import FAIL, INFO, OK, WARN, finding


def _where(pair):
    label = " (%s)" % pair["label"] if pair.get("label") else ""
    return "%s -> %s%s" % (pair["vmknic"], pair["target"], label)


def _vmkping(pair, size=None, df=False):
    """The vmkping line of a path ('' when its names cannot be passed to vmkping)."""
    if not kinds.valid_vmknic(pair["vmknic"]) or not kinds.valid_netstack(
            pair.get("netstack") or kinds.DEFAULT_NETSTACK):
        return ""
    return kinds.display(kinds.vmkping_argv(pair["vmknic"], pair.get("netstack"),
                                                pair["target"], count=10, size=size, df=df,
                                                ipv6=pair["ipv6"]))


def _reproduce(pair, size=None, df=False, lead="Reproduce it:"):
    """Remedy lines that end with the vmkping line of the path."""
    line = _vmkping(pair, size, df)
    return ("\n%s\n%s" % (lead, line)) if line else ""


def _roles(pair):
    return " and ".join(pair["roles"])


def _path_finding(pair):
    r = pair["result"]
    verdict = r["verdict"]
    where = _where(pair)
    subjects = [pair["vmknic"]]
    if verdict == "not-routable":
        return finding("REACH-NOT-ROUTABLE", FAIL, "%s: no route (%s data)" % (where, _roles(pair)),
                       r["detail"] + ".", remedies.add_gateway(pair["netstack"], pair["vmknic"],
                                                                pair["ipv6"]), subjects)
    if verdict == "unreachable":
        return finding("REACH-UNREACHABLE", FAIL, "%s: unreachable (%s data)" % (where,
                                                                               _roles(pair)),
                       "%s. Routing: %s." % (r["detail"], pair["routing"]["detail"]),
                       "Check the peer's vmknic address, the VLAN of both port groups and any "
                       "firewall between the sites." + _reproduce(pair), subjects)
    if verdict == "local-mtu":
        return finding("REACH-LOCAL-MTU", FAIL, "%s: local MTU too small" % where,
                       r["detail"] + ".",
                       "Raise the vmknic's MTU (and its switch's and uplinks' to match):\n"
                       "esxcli network ip interface set -i %s -m <mtu>" % pair["vmknic"],
                       subjects)
    if verdict == "path-mtu":
        return finding("REACH-PATH-MTU", FAIL, "%s: the path drops large packets (%s data)" % (
            where, _roles(pair)), r["detail"] + ". vMotion sends full-size frames and stalls.",
            "Raise the MTU on every switch and router between the hosts to at least %d, or set "
            "both ends to 1500:\nesxcli network ip interface set -i %s -m 1500%s" % (
                pair["mtu"] or 1500, pair["vmknic"],
                _reproduce(pair, (pair["mtu"] or 1500) - overhead(pair["ipv6"]), True)),
            subjects)
    if verdict == "beyond-150ms":
        return finding("REACH-RTT-BEYOND", FAIL, "%s: %.1f ms round trip, beyond %d ms" % (
            where, r["rtt_ms"]["avg"], LDVM_MAX_MS), r["detail"] + ".",
            "vMotion between these hosts is not supported over this network; use a path with "
            "less latency." + _reproduce(pair), subjects)
    if verdict == "loss":
        return finding("REACH-LOSS", WARN, "%s: packet loss (%s data)" % (where, _roles(pair)),
                       r["detail"] + ". vMotion over a lossy link is slow and may time out.",
                       "Find the lossy link (interface errors, congestion, duplex) between the "
                       "hosts." + _reproduce(pair), subjects)
    if verdict == "vmkping-error":
        return finding("REACH-VMKPING-ERROR", FAIL, "%s: vmkping failed" % where,
                       r["detail"] + ".",
                       "Check that %s still exists:\nesxcli network ip interface list" %
                       pair["vmknic"], subjects)
    if verdict == "wrong-netstack":
        return finding("REACH-WRONG-NETSTACK", WARN, "%s: probed on the wrong netstack" % where,
                       r["detail"] + ".", _reproduce(pair, lead="Run:").lstrip("\n"),
                       subjects)
    if verdict == "not-measured":
        return finding("REACH-NOT-MEASURED", WARN, "%s: not measured (%s data)" % (
            where, _roles(pair)), r["detail"] + ". Without a count of the replies this path "
            "is neither passed nor failed.",
            "Run it again and paste the whole output, statistics included." +
            _reproduce(pair, lead="For example:"), subjects)
    if verdict == "stack-not-configured":
        return finding("REACH-STACK-NOT-CONFIGURED", FAIL, "%s: vmkernel stack not configured" %
                       where, r["detail"] + ".",
                       "Check the netstack of %s:\nesxcli network ip interface list%s" % (
                           pair["vmknic"], _reproduce(pair, lead="Then, if it is on %s:" %
                                                      pair.get("netstack"))), subjects)
    if verdict == "interrupted":
        return finding("REACH-INTERRUPTED", WARN, "%s: not finished" % where,
                       "The check was interrupted before this path's probes finished.",
                       "Run the check again.", subjects)
    return None


def evaluate(pairs, summary, notes, peer_mtu_known=False):
    out = []
    for pair in pairs:
        f = _path_finding(pair)
        if f is not None:
            out.append(f)
        if pair.get("peer_mtu") and pair.get("mtu") and pair["peer_mtu"] != pair["mtu"]:
            out.append(finding(
                "REACH-MTU-MISMATCH", WARN, "%s: MTU %d here, %d on the peer" % (
                    _where(pair), pair["mtu"], pair["peer_mtu"]),
                "The two ends of this %s-data path have different MTUs: the larger side's "
                "full-size frames do not fit the smaller side." % _roles(pair),
                "Set the same MTU at both ends (and on the switches between them), e.g. here:\n"
                "esxcli network ip interface set -i %s -m %d" % (pair["vmknic"],
                                                                 pair["peer_mtu"]),
                [pair["vmknic"]]))
        route = pair["routing"]
        if route["kind"] in ("netstack-gateway", "static-route") and route.get("interface") \
                and route["interface"] != pair["vmknic"]:
            out.append(finding(
                "REACH-ROUTED-VIA-OTHER-VMKNIC", WARN,
                "%s: routed through %s, not %s" % (_where(pair), route["interface"],
                                                   pair["vmknic"]),
                "%s reaches %s only through %s %s, which sits behind %s (not on %s's own "
                "subnet): this %s-data traffic leaves through %s's uplinks and network." % (
                    pair["vmknic"], pair["target"], "the static route's gateway" if
                    route["kind"] == "static-route" else "the %s netstack's default gateway" %
                    pair["netstack"], route["gateway"], route["interface"], pair["vmknic"],
                    _roles(pair), route["interface"]),
                "Give %s a gateway of its own, on its subnet (ESXi 6.5 and later):\n%s\n"
                "Or a static route on the %s netstack:\n"
                "esxcli network ip route ipv4 add -N %s -n <peer-network/prefix> -g <gateway>" % (
                    pair["vmknic"], remedies.own_gateway(pair["vmknic"], pair.get(
                        "source_address")), pair["netstack"], pair["netstack"]),
                [pair["vmknic"]]))
        r = pair["result"]
        if r.get("loss_pct") and r["verdict"] not in ("loss", "unreachable"):
            out.append(finding("REACH-LOSS", WARN, "%s: packet loss" % _where(pair),
                               "%g%% of the latency probes were lost." % r["loss_pct"],
                               _reproduce(pair).lstrip("\n") or None, [pair["vmknic"]]))
    for note in notes:
        out.append(finding("REACH-NOT-TESTED", WARN, "A data path could not be tested", note,
                           "Fix the data path first (see the other findings)."))
    if not pairs:
        return out
    if summary.get("long_distance"):
        tuned_rtt = summary.get("worst_hot_rtt_ms") or summary["worst_rtt_ms"]
        supported = [p["result"]["rtt_ms"]["avg"] for p in pairs if "hot" in p["roles"] and
                     p["result"].get("rtt_ms") and p["result"]["rtt_ms"]["avg"] <= LDVM_MAX_MS]
        if tuned_rtt <= LDVM_MAX_MS:
            remedy = ("Size the expected line rate and (from 6.7 U1) sbMax for this RTT, here "
                      "and on the peer; add --apply to set them:\nesxi-diag tune --rtt %.1f "
                      "--line-rate <inter-site-bandwidth>" % tuned_rtt)
        elif supported:
            remedy = ("Tune only for the peers within %d ms (those beyond it are not supported "
                      "at any setting):\nesxi-diag tune --rtt %.1f --line-rate "
                      "<inter-site-bandwidth>" % (LDVM_MAX_MS, max(supported)))
        else:
            remedy = ("None by tuning: %.1f ms is beyond the %d ms Long Distance vMotion "
                      "supports; use a path with less latency" % (tuned_rtt, LDVM_MAX_MS))
        out.append(finding(
            "REACH-LONG-DISTANCE", INFO,
            "Long Distance vMotion applies (worst round trip %.1f ms)" % summary["worst_rtt_ms"],
            "The worst measured round-trip time, %.1f ms (hot data: %s), is above the %g ms "
            "threshold (/Migrate/NetLatencyModeThreshold): vMotion runs in its latency-aware "
            "mode, supported up to %d ms, and the expected line rate and sbMax should match "
            "the bandwidth-delay product." % (
                summary["worst_rtt_ms"], "%.1f ms" % summary["worst_hot_rtt_ms"]
                if summary.get("worst_hot_rtt_ms") is not None else "not measured",
                summary["latency_threshold_ms"], LDVM_MAX_MS), remedy))
    bad = [p for p in pairs if p["result"]["verdict"] != "ok"]
    if not bad:
        out.append(finding("REACH-OK", OK, "All %d path(s) passed" % len(pairs),
                           "Every hot and cold data path tested reached its peer with full-size "
                           "don't-fragment packets and no loss.", None))
    return out
