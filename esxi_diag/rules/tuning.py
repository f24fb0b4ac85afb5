"""Findings about a tuning plan (TUNE-*): the line rate it assumes or caps, what it lacks, and
whether the peers are tuned alike. Same shape as the other rules; listed in docs/findings.md.
"""

from esxi_diag import kinds
from esxi_diag.analysis.tuning import LDVM_MIN_MBIT, mbit_text
from esxi_diag.rules import INFO, WARN, finding


def _peer_findings(plan):
    """Both ends: the peers' line rate and sbMax against what this host will have."""
    out = []
    lr, sb = plan["line_rate"], plan["sbmax"]
    mine_rate = lr["recommended"] if lr["recommended"] is not None else lr["current"]
    mine_sbmax = sb["recommended"] if sb.get("decided") else sb.get("current")
    for peer in plan.get("peers") or []:
        differs, steps, unknown = [], [], []
        if peer["line_rate_mbps"] is None:
            unknown.append("NetExpectedLineRateMBps")
        elif mine_rate is not None and peer["line_rate_mbps"] != mine_rate:
            differs.append("NetExpectedLineRateMBps %d there, %d here" % (
                peer["line_rate_mbps"], mine_rate))
            steps.append(kinds.display(kinds.advanced_set_argv(kinds.LINE_RATE_OPTION,
                                                                   mine_rate)))
        if peer["sbmax"] is None:
            unknown.append("sbMax")
        elif mine_sbmax is not None and peer["sbmax"] != mine_sbmax:
            differs.append("sbMax (%s netstack) %d there, %d here" % (
                peer["netstack"], peer["sbmax"], mine_sbmax))
            steps.append(kinds.display(kinds.sbmax_set_argv(peer["netstack"], mine_sbmax)))
        if not differs:
            if unknown:
                plan["notes"].append("%s's report does not show its %s: compare by hand" % (
                    peer["host"], " and ".join(unknown)))
            continue
        out.append(finding(
            "TUNE-PEER-DIFFERS", WARN, "%s is tuned differently" % peer["host"],
            "vMotion between the two hosts sizes its buffers at both ends: %s%s." % (
                "; ".join(differs), " (this host's values are the ones this plan recommends)"
                if plan["change"] else ""),
            "\n".join(["On %s:" % peer["host"]] + steps)))
    return out


def findings(plan):
    """Findings about the recommendation itself (TUNE-*), in the rules' shape."""
    out = []
    lr = plan["line_rate"]
    if lr.get("capped"):
        out.append(finding(
            "TUNE-LINERATE-CAPPED", INFO, "The line rate is above what the option can express",
            "%s is %g MB/s, above the %s MB/s maximum of /Migrate/NetExpectedLineRateMBps: vMotion "
            "is told %s MB/s (%.0f Gbit/s)." % (mbit_text(lr["mbit"]), lr["mbit"] / 8.0,
                                                lr["max"] or 2000, lr["recommended"],
                                                lr["recommended"] * 8 / 1000.0), None))
    if lr["mbit"] is None:
        out.append(finding("TUNE-NO-LINE-RATE", WARN, "The line rate is not known",
                           "No link-up uplink speed of the hot-data switch was found.",
                           "Give it, e.g. --line-rate 10G:\nesxi-diag tune --line-rate <rate>"))
    elif lr.get("assumed"):
        ldvm = plan["rtt"].get("long_distance")
        out.append(finding(
            "TUNE-LINE-RATE-ASSUMED", WARN if ldvm else INFO,
            "The line rate is assumed from the local uplinks",
            "No --line-rate was given, so the plan assumes %s, the speed of the slowest link-up "
            "uplink of the hot-data switch.%s" % (
                mbit_text(lr["mbit"]), " The paths are long distance: the link between the sites "
                "is usually slower than the host's uplinks, and a line rate set too high makes "
                "vMotion's buffers too large for the real link." if ldvm else
                " On a LAN that is the real line rate."),
            "Give the bandwidth between the sites, e.g. --line-rate 10G:\n"
            "esxi-diag tune --line-rate <inter-site-bandwidth> --rtt %.1f" % plan["rtt"]["ms"]
            if ldvm else None))
    if lr["mbit"] is not None and lr["mbit"] < LDVM_MIN_MBIT:
        out.append(finding(
            "TUNE-LINE-RATE-LOW", WARN, "The line rate is below 250 Mbit/s",
            "%s is below the 250 Mbit/s VMware requires per concurrent Long Distance vMotion." %
            mbit_text(lr["mbit"]), "A faster link, or one vMotion at a time"))
    rtt = plan["rtt"]["ms"]
    if rtt is not None and rtt > 150:
        out.append(finding("TUNE-RTT-BEYOND", WARN, "The RTT is beyond the supported 150 ms",
                           "The sizing uses %g ms, beyond what Long Distance vMotion supports." %
                           rtt, None))
    if plan["sbmax"].get("available") and rtt is None:
        out.append(finding("TUNE-NO-RTT", WARN, "sbMax needs the round-trip time",
                           "Without an RTT the bandwidth-delay product cannot be computed.",
                           "esxi-diag tune --rtt <ms>\nOr measure it against a hot-data peer:\n"
                           "esxi-diag tune --peer <address>:hot"))
    return out + _peer_findings(plan)
