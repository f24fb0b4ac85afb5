"""Findings about a tuning plan (TUNE-*): the line rate it assumes or caps, what it lacks, and
whether the peers are tuned alike. Same shape as the other rules; listed in docs/findings.md.
"""

from esxi_diag import kinds
from esxi_diag.analysis.reach import LDVM_MAX_MS
from esxi_diag.analysis.tuning import LDVM_MIN_MBIT, mbit_text
from esxi_diag.message import command, msg, series
from esxi_diag.rules import INFO, WARN, finding, say


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
            differs.append(msg("TUNE-PEER-DIFFERS.rate", there=peer["line_rate_mbps"],
                               here=mine_rate))
            steps.append(command(kinds.display(kinds.advanced_set_argv(kinds.LINE_RATE_OPTION,
                                                                       mine_rate))))
        if peer["sbmax"] is None:
            unknown.append("sbMax")
        elif mine_sbmax is not None and peer["sbmax"] != mine_sbmax:
            differs.append(msg("TUNE-PEER-DIFFERS.sbmax", netstack=peer["netstack"],
                               there=peer["sbmax"], here=mine_sbmax))
            steps.append(command(kinds.display(kinds.sbmax_set_argv(peer["netstack"],
                                                                    mine_sbmax))))
        if not differs:
            if unknown:
                plan["notes"].append(msg("tune.peer-unknown", host=peer["host"],
                                         what=series(unknown, "and")))
            continue
        out.append(finding(
            "TUNE-PEER-DIFFERS", WARN,
            {"host": peer["host"], "differs": series(differs, "semicolon"),
             "recommended": msg("TUNE-PEER-DIFFERS.recommended") if plan["change"] else None},
            [say("on-host", host=peer["host"])] + steps))
    return out


def findings(plan):
    """Findings about the recommendation itself (TUNE-*), in the rules' shape."""
    out = []
    lr = plan["line_rate"]
    if lr.get("capped"):
        out.append(finding(
            "TUNE-LINERATE-CAPPED", INFO,
            {"rate": mbit_text(lr["mbit"]), "mbytes": lr["mbit"] / 8.0, "max": lr["max"] or 2000,
             "recommended": lr["recommended"], "gbit": lr["recommended"] * 8 / 1000.0}))
    if lr["mbit"] is None:
        out.append(finding("TUNE-NO-LINE-RATE", WARN, {},
                           [say("give-line-rate"), command("esxi-diag tune --line-rate <rate>")]))
    elif lr.get("assumed"):
        ldvm = plan["rtt"].get("long_distance")
        out.append(finding(
            "TUNE-LINE-RATE-ASSUMED", WARN if ldvm else INFO,
            {"rate": mbit_text(lr["mbit"]),
             "why": msg("TUNE-LINE-RATE-ASSUMED.wan" if ldvm else "TUNE-LINE-RATE-ASSUMED.lan")},
            [say("give-inter-site-rate"),
             command("esxi-diag tune --line-rate <inter-site-bandwidth> --rtt %.1f" %
                     plan["rtt"]["ms"])] if ldvm else None))
    if lr["mbit"] is not None and lr["mbit"] < LDVM_MIN_MBIT:
        out.append(finding("TUNE-LINE-RATE-LOW", WARN, {"rate": mbit_text(lr["mbit"])},
                           [say("faster-link")]))
    rtt = plan["rtt"]["ms"]
    if rtt is not None and rtt > LDVM_MAX_MS:
        out.append(finding("TUNE-RTT-BEYOND", WARN, {"rtt": rtt}))
    if plan["sbmax"].get("available") and rtt is None:
        out.append(finding("TUNE-NO-RTT", WARN, {},
                           [command("esxi-diag tune --rtt <ms>"), say("or-measure-rtt"),
                            command("esxi-diag tune --peer <address>:hot")]))
    return out + _peer_findings(plan)
