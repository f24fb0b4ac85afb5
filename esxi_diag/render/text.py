"""The text report: what a support engineer reads over SSH and pastes into a case.

Made from the JSON report only (report.py), within 100 columns, plain ASCII apart from the host's
own names. No control character of the input reaches the terminal: every string of the report is
passed through ``terminal_safe`` first (an escape sequence pasted into a transcript prints as
``\x1b]0;...``, never as a title change or a cleared screen).
"""

import textwrap

from esxi_diag.render.safe import safe_report, terminal_safe
from esxi_diag.report.build import command_counts
from esxi_diag.analysis.tuning import mbit_text

WIDTH = 100
_BASIS = {
    "vmotion-netstack": "vmotion netstack",
    "vmotion-tag": "VMotion tag",
    "provisioning-netstack": "vSphereProvisioning netstack",
    "provisioning-tag": "vSphereProvisioning tag",
    "management": "management fallback",
    "none": "none",
    "unknown": "unknown",
}
_LABEL = {"fail": "FAIL", "warn": "WARN", "info": "INFO", "ok": "OK"}
_RESULT = {0: "OK: no warnings", 1: "WARNINGS", 2: "FAILURES",
           3: "INCOMPLETE: interrupted, or part of the input is missing or damaged"}


def _v(value, unknown="?"):
    if value is None:
        return unknown
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def _prefix(netmask):
    try:
        return sum(bin(int(o)).count("1") for o in str(netmask).split("."))
    except ValueError:
        return None


def table(headers, rows, indent="  "):
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = [indent + "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    for r in rows:
        lines.append(indent + "  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
    return lines


def _wrap(text, indent):
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_on_hyphens=False, break_long_words=False) or [indent.rstrip()]


def _host_line(report):
    h = report["host"]
    name = h.get("fqdn") or h.get("hostname") or "unknown host"
    if h.get("version"):
        version = "VMware ESXi %s" % h["version"]
        if h.get("update") not in (None, "", "0"):
            version += " Update %s" % h["update"]
        if h.get("build"):
            version += " (build %s)" % h["build"]
    else:
        version = "ESXi version unknown"
    return "%s, %s" % (name, version)


def _source_line(report):
    s = report["source"]
    if s.get("type") == "simulated":
        text = "simulated host (profile %s)" % s.get("name")
    elif s.get("type") == "transcript":
        text = "transcript %s" % s.get("name")
    elif s.get("type") == "bundle":
        recorded = s.get("recorded") or {}
        text = "bundle %s, written %s by esxi-diag %s from %s" % (
            s.get("name"), s.get("created") or "at an unknown time",
            s.get("written_by") or "?",
            "a simulated host (profile %s)" % recorded.get("name")
            if recorded.get("type") == "simulated" else "the host itself")
        if s.get("case"):
            text += ", case %s" % s["case"]
    else:
        text = "this host"
    if s.get("localcli"):
        text += "; esxcli failed, read through localcli"
    return text


def _source_lines(report):
    return textwrap.wrap("Source: %s; generated %s" % (_source_line(report),
                                                       report["generated_at"]), WIDTH,
                         subsequent_indent="  ", break_on_hyphens=False)


def _vmknic_lines(report):
    """Two lines per vmknic: addressing, then attachment and tags (fits 100 columns)."""
    rows = []
    for v in report["vmknics"]:
        ipv4 = v.get("ipv4")
        if ipv4:
            prefix = _prefix(ipv4.get("netmask"))
            addr = ipv4["address"] + ("/%d" % prefix if prefix is not None else "")
        elif v.get("ipv6"):  # IPv6 only: its routable address first
            six = sorted(v["ipv6"], key=lambda a: str(a.get("address")).lower().startswith(
                "fe80"))[0]
            addr = "%s/%s" % (six["address"], six.get("prefix_length") or "?")
        else:
            addr = "none" if v.get("ipv4_known") else "?"
        gateway = (ipv4 or {}).get("gateway") or (
            "?" if ipv4 and ipv4.get("gateway_known") is False else "-")
        rows.append([v["name"], _v(v.get("enabled")), _v(v.get("netstack")), _v(v.get("mtu")),
                     addr, gateway, "+".join(v.get("roles") or []) or "-"])
    lines = table(["vmk", "on", "netstack", "MTU", "address", "gateway", "vMotion role"], rows)
    out = [lines[0]]
    for v, line in zip(report["vmknics"], lines[1:]):
        where = v.get("vds_name") or v.get("portset") or "?"
        if v.get("dvport"):
            where += " DVPort %s" % v["dvport"]
        if v.get("opaque_network"):
            where += " opaque network %s" % v["opaque_network"]
        if v.get("portgroup"):
            where += " / " + v["portgroup"]
        tags = "not known" if v.get("tags") is None else (", ".join(v["tags"]) or "none")
        out.append(line)
        out.extend(_wrap("switch: %s; tags: %s" % (where, tags), " " * 8))
    return out


def _path_lines(report):
    lines = []
    labels = {"hot": "hot data  (memory, device state)  ",
              "cold": "cold data (snapshots, disks, logs)"}
    for role in ("hot", "cold"):
        p = report["data_paths"][role]
        vmks = ", ".join(p["vmknics"]) or "none"
        where = "%s on %s" % (vmks, p["netstack"]) if p.get("netstack") else vmks
        lines.append("  %s  %s" % (labels[role], where))
        lines.extend(_wrap("rule: %s (%s)" % (_BASIS.get(p["basis"], p["basis"]), p["reason"]),
                           " " * 12))
    return lines


def _switch_lines(report):
    nics = dict((n["name"], n) for n in report["nics"])
    lines = []
    for s in report["vswitches"]:
        parts = []
        for u in s.get("uplinks") or []:
            n = nics.get(u)
            if n is None:
                parts.append("%s ?" % u)
            elif n.get("link_up"):
                parts.append("%s up %s Mb/s MTU %s" % (u, _v(n.get("speed_mbps")), _v(n.get("mtu"))))
            else:
                parts.append("%s DOWN" % u)
        head = "  %s (%s, MTU %s): " % (s["name"], s.get("type"), _v(s.get("mtu")))
        lines.extend(textwrap.wrap(head + ("; ".join(parts) if parts else "no uplinks"), WIDTH,
                                   subsequent_indent=" " * 6, break_on_hyphens=False))
    return lines


def _route_lines(report):
    lines = []
    by_stack = {}
    for r in report["routes"] + [dict(r, netmask=None) for r in report.get("routes_ipv6", [])]:
        by_stack.setdefault(r["netstack"], []).append(r)
    for stack in sorted(by_stack):
        parts = []
        for r in by_stack[stack]:
            if (r["network"] == "0.0.0.0" and r["netmask"] == "0.0.0.0") or (
                    r.get("prefix_length") == 0):
                dest = "default" + (" (IPv6)" if "prefix_length" in r else "")
            elif "prefix_length" in r:
                dest = "%s/%s" % (r["network"], r["prefix_length"])
            else:
                prefix = _prefix(r["netmask"])
                dest = r["network"] + ("/%d" % prefix if prefix is not None else "")
            how = ("via %s" % r["gateway"]) if r.get("gateway") else "on-link"
            if r.get("partial"):
                how += ", from a cut table"
            parts.append("%s %s (%s)" % (dest, how, _v(r.get("interface"))))
        lines.extend(textwrap.wrap("  %s: %s" % (stack, "; ".join(parts)), WIDTH,
                                   subsequent_indent=" " * 6, break_on_hyphens=False))
    return lines


def _bytes(n):
    if n is None:
        return "unavailable"
    return "%d bytes (%.1f MiB)" % (n, n / 1048576.0)


def _tuning_lines(report):
    t = report["tuning"]
    rate = t["net_expected_line_rate_mbps"]
    if rate.get("current") is None:
        rate_text = "unknown"
    else:
        rate_text = "%d MB/s (%.1f Gbit/s)" % (rate["current"], rate["current"] * 8 / 1000.0)
        if rate.get("default") is not None:
            rate_text += ", default %d" % rate["default"]
        if rate.get("min") is not None and rate.get("max") is not None:
            rate_text += ", range %d-%d" % (rate["min"], rate["max"])
    lines = ["  /Migrate/NetExpectedLineRateMBps   %s" % rate_text,
             "  /Migrate/NetLatencyModeThreshold   %s" % (
                 "unknown" if t["latency_mode_threshold_ms"] is None else
                 "%d ms" % t["latency_mode_threshold_ms"])]
    hot_stack = report["data_paths"]["hot"].get("netstack")
    for stack in sorted(t["sbmax"]):
        mark = "  (hot data)" if stack == hot_stack else ""
        lines.append("  sbMax %-28s %s%s" % (stack, _bytes(t["sbmax"][stack]), mark))
    if not t["sbmax"]:
        lines.append("  sbMax                              not read")
    return lines


def _probe_lines(report):
    rows = []
    for p in report["probes"]:
        rtt = p.get("rtt_ms")
        rtt_text = "%.3f/%.3f/%.3f" % (rtt["min"], rtt["avg"], rtt["max"]) if rtt else "-"
        rows.append([_v(p.get("source_vmknic"), "-"), _v(p.get("netstack")), _v(p.get("target")),
                     "%s%s" % (_v(p.get("payload_bytes")), " DF" if p.get("df") else ""),
                     "%s/%s" % (_v(p.get("received")), _v(p.get("sent"))),
                     "-" if p.get("loss_pct") is None else "%g%%" % p["loss_pct"], rtt_text,
                     p.get("error") or "-"])
    return table(["from", "netstack", "to", "payload", "recv/sent", "loss", "rtt min/avg/max ms",
                  "error"], rows)


_VERDICT = {"ok": "OK", "not-routable": "NOT ROUTABLE", "unreachable": "UNREACHABLE",
            "local-mtu": "LOCAL MTU TOO SMALL", "path-mtu": "PATH DROPS LARGE FRAMES",
            "loss": "LOSS", "beyond-150ms": "RTT BEYOND 150 MS", "vmkping-error": "VMKPING ERROR",
            "wrong-netstack": "WRONG NETSTACK", "interrupted": "INTERRUPTED",
            "untested": "NOT TESTED"}
_ROUTING = {"on-link": "on-link", "static-route": "static route", "vmknic-gateway":
            "vmknic gateway", "netstack-gateway": "netstack gateway", "not-routable":
            "not routable", "unknown": "routing unknown"}


def _reach_lines(report):
    reach = report["reachability"]
    s = reach["summary"]
    yes_no = {True: "yes", False: "no", None: "not tested"}
    lines = []
    ldvm = yes_no[s["long_distance"]]
    if s["worst_rtt_ms"] is not None:
        ldvm += " (worst round trip %.1f ms, threshold %g ms)" % (s["worst_rtt_ms"],
                                                                s["latency_threshold_ms"])
    lines.extend(_wrap("%d path(s) to %d peer(s). Long Distance vMotion: %s. Hot data: %s. "
                       "Cold data: %s." % (
                           s["paths"], s["peers"], ldvm,
                           {True: "all paths OK", False: "FAILING", None: "not tested"}[s["hot_ok"]],
                           {True: "all paths OK", False: "FAILING", None: "not tested"}[
                               s["cold_ok"]]), "  "))
    return lines + _peer_path_lines(reach)


def _peer_path_lines(reach):
    """Two or three lines per tested path (vmknic -> peer): verdict, measurements, detail."""
    lines = []
    for p in reach["paths"]:
        label = " (%s)" % p["label"] if p.get("label") else ""
        head = "  %-8s %s -> %s%s" % ("+".join(p["roles"]), p["vmknic"], p["target"], label)
        verdict = _VERDICT.get(p["verdict"], p["verdict"])
        lines.append(head + " " * max(2, WIDTH - len(head) - len(verdict)) + verdict)
        parts = ["%s, %s" % (p.get("netstack") or "?", _ROUTING.get(p["routing"]["kind"],
                                                                      p["routing"]["kind"]))]
        if p["routing"].get("gateway"):
            parts[-1] += " %s" % p["routing"]["gateway"]
        if p.get("rtt_ms"):
            parts.append("rtt %.2f ms (%.2f-%.2f, %d probes, %g%% loss)" % (
                p["rtt_ms"]["avg"], p["rtt_ms"]["min"], p["rtt_ms"]["max"], p["rtt_count"],
                p.get("loss_pct") or 0))
        if p.get("df_payload") is not None:
            parts.append("DF %d bytes: %s" % (p["df_payload"], "passed" if p["df_ok"] else
                                              "LOST"))
        if p.get("jumbo_ok") is not None:
            parts.append("DF 1472: %s" % ("passed" if p["jumbo_ok"] else "LOST"))
        if p.get("pmtu_payload") is not None:
            parts.append("largest DF payload %d" % p["pmtu_payload"])
        if p.get("peer_mtu"):
            parts.append("MTU %s here, %s on the peer" % (p.get("mtu"), p["peer_mtu"]))
        if p.get("latency_class"):
            parts.append({"lan": "LAN latency", "long-distance": "long distance",
                          "beyond-supported": "beyond 150 ms"}[p["latency_class"]])
        lines.extend(_wrap("; ".join(parts), " " * 11))
        if p["verdict"] != "ok":
            lines.extend(_wrap(p["detail"], " " * 11))
        for note in p.get("notes") or []:
            lines.extend(_wrap("Note: " + note, " " * 11))
    for note in reach["notes"]:
        lines.extend(_wrap("Note: " + note, "  "))
    return lines


_COMMAND_WORDS = ("esxcli ", "localcli ", "vsish ", "vmkping ", "esxi-diag ", "/etc/init.d/",
                  "/sbin/")


def _shell_lines(command, lead, indent):
    """A command on its own lines: never wrapped inside a word, long ones continued with a
    trailing backslash so that the lines still paste into a shell as one command."""
    lines, current, empty = [], lead, True
    for word in command.split(" "):
        if not empty and len(current) + 1 + len(word) > WIDTH - 2:
            lines.append(current + " \\")
            current = indent + "  " + word
        else:
            current = current + ("" if empty else " ") + word
        empty = False
    lines.append(current)
    return lines


def remedy_lines(remedy, indent):
    """A remedy: one or more lines, each prose (wrapped) or one command (kept whole)."""
    out = []
    for i, line in enumerate(remedy.split("\n")):
        lead = indent + ("Fix: " if i == 0 else "  ")
        if line.startswith(_COMMAND_WORDS) and "  (" not in line and "; " not in line:
            out.extend(_shell_lines(line, lead if i == 0 else indent + "  ", indent + "  "))
        else:
            out.extend(textwrap.wrap(line, WIDTH, initial_indent=lead,
                                     subsequent_indent=indent + "  ", break_on_hyphens=False,
                                     break_long_words=False) or [lead.rstrip()])
    return out


def _finding_lines(report):
    lines = []
    for f in report["findings"]:
        lines.extend(textwrap.wrap("  %-5s %s  %s" % (_LABEL[f["severity"]], f["id"],
                                                      f["title"]), WIDTH,
                                   subsequent_indent=" " * 8, break_on_hyphens=False))
        if f["severity"] == "ok":
            continue
        lines.extend(_wrap(f["detail"], " " * 8))
        if f.get("remedy"):
            lines.extend(remedy_lines(f["remedy"], " " * 8))
    return lines


def _command_lines(report):
    counts = command_counts(report)
    total = len(report["commands"])
    duration = sum(c["duration_s"] or 0 for c in report["commands"] if c["kind"] != "ping")
    pings = [c for c in report["commands"] if c["kind"] == "ping"]
    head = "  %d read: %d parsed, %d unparsed, %d failed, %d unavailable" % (
        total, counts["parsed"], counts["unparsed"], counts["failed"], counts["unavailable"])
    wall = report["source"].get("collection_wall_s")
    if wall is not None:
        head += "; %.1f s of command time took %.1f s (%d at a time)" % (
            duration, wall, report["source"].get("jobs") or 1)
    probe_wall = report["source"].get("probe_wall_s")
    if pings and probe_wall is not None:
        at_once = min(report["source"].get("parallel") or 1,
                      len(report["reachability"]["paths"]) or 1)
        head += "; %d vmkping runs, %.1f s of probing took %.1f s (%d path(s) at a time)" % (
            len(pings), sum(c["duration_s"] or 0 for c in pings), probe_wall, at_once)
    lines = _wrap(head.strip(), "  ")
    for c in report["commands"]:
        if c["status"] in ("unparsed", "failed", "unavailable"):
            lines.extend(_wrap("%s: %s%s" % (c["command"], c["status"],
                                             (", " + c["note"]) if c.get("note") else ""),
                               " " * 4))
    if report.get("unrecognised"):
        lines.append("  not recognised (skipped): %d" % len(report["unrecognised"]))
        for cmd in report["unrecognised"][:10]:
            lines.extend(_wrap(cmd, " " * 4))
        if len(report["unrecognised"]) > 10:
            lines.append("    ... and %d more" % (len(report["unrecognised"]) - 10))
    return lines


def render(report, command="inspect"):
    return terminal_safe(_render(safe_report(report), command))


def _render(report, command):
    s = report["summary"]
    out = ["esxi-diag %s %s: %s" % (report["tool"]["version"], command, _host_line(report))]
    out += _source_lines(report) + [""]
    for note in report.get("notes") or []:
        out.extend(_wrap("Note: " + note, ""))
    if report.get("notes"):
        out.append("")
    out.append("VMkernel interfaces")
    if report["vmknics"]:
        out.extend(_vmknic_lines(report))
    else:
        out.append("  none known")
    out += ["", "vMotion data paths"] + _path_lines(report)
    if report["vswitches"]:
        out += ["", "Switches and uplinks"] + _switch_lines(report)
    if report["routes"] or report.get("routes_ipv6"):
        out += ["", "Routes per netstack"] + _route_lines(report)
    out += ["", "Long Distance vMotion tuning"] + _tuning_lines(report)
    reach = report.get("reachability") or {}
    if reach.get("paths") or reach.get("notes"):
        out += ["", "vMotion paths to the peers"] + _reach_lines(report)
    elif report["probes"]:
        out += ["", "Pings"] + _probe_lines(report)
    plan = (report.get("tune") or {}).get("plan")
    if plan:
        out += ["", "Recommended Long Distance vMotion tuning ('tune' applies it)"]
        out += _tune_plan_lines(plan)
        out += ["  Commands:"] + ["    " + c for c in plan["commands"]] if plan["commands"] \
            else ["  Nothing to change."]
    out += ["", "Findings: %d fail, %d warn, %d info, %d ok" % (s["fail"], s["warn"], s["info"],
                                                                s["ok"])]
    out += _finding_lines(report)
    out += ["", "Commands"] + _command_lines(report)
    out += ["", _result_line(s)]
    return "\n".join(out) + "\n"


def _result_line(s):
    if s.get("nothing_read"):
        return "Result: NOTHING COULD BE READ: no command output was understood (exit %d)" % (
            s["exit_status"])
    text = _RESULT.get(s["exit_status"], "exit %d" % s["exit_status"])
    if s.get("undetermined") and s["exit_status"] < 2:
        text = "NOT DETERMINED: the %s-data path could not be determined" % " and ".join(
            s["undetermined"])
    return "Result: %s (exit %d)" % (text, s["exit_status"])


def _tune_plan_lines(plan):
    lines = []
    lr = plan["line_rate"]
    lines.append("  Line rate: %s" % ("%s (%g MB/s)" % (mbit_text(lr["mbit"]), lr["mbit"] / 8.0)
                                      if lr["mbit"] else "unknown"))
    if lr.get("basis"):
        lines.extend(_wrap("basis: %s" % lr["basis"], " " * 4))
    rtt = plan["rtt"]
    lines.append("  Round-trip time: %s" % ("%.2f ms" % rtt["ms"] if rtt["ms"] is not None
                                            else "unknown"))
    if rtt.get("basis"):
        lines.extend(_wrap("basis: %s" % rtt["basis"], " " * 4))
    lines.append("")
    rows = [["/Migrate/NetExpectedLineRateMBps", _v(lr["current"]), _v(lr["recommended"], "-"),
             "change" if lr["change"] else "keep"]]
    sb = plan["sbmax"]
    if sb.get("netstack"):
        name = "sbMax (%s netstack)" % sb["netstack"]
    else:
        name = "sbMax (hot-data netstack)"
    current = "unavailable" if sb.get("available") is False else _v(sb.get("current"))
    rows.append([name, current, _v(sb.get("recommended"), "-"),
                 "change" if sb.get("change") else "keep"])
    lines += table(["setting", "current", "recommended", ""], rows)
    lines.append("")
    lines.append("  Why:")
    for reason in lr["reasons"]:
        lines.extend(_wrap("NetExpectedLineRateMBps: " + reason, " " * 4))
    for reason in sb.get("reasons") or []:
        lines.extend(_wrap("sbMax: " + reason, " " * 4))
    for note in plan.get("notes") or []:
        lines.extend(_wrap("Note: " + note, " " * 4))
    return lines


def render_tune(report):
    return terminal_safe(_render_tune(safe_report(report)))


def _render_tune(report):
    tune = report["tune"]
    plan = tune["plan"]
    outcome = tune["outcome"]
    out = ["esxi-diag %s tune: %s" % (report["tool"]["version"], _host_line(report))]
    out += _source_lines(report) + [""]
    if plan is not None:
        hot = report["data_paths"]["hot"]
        out.append("Hot data: %s%s" % (", ".join(hot["vmknics"]) or "none",
                                       " on the %s netstack" % hot["netstack"]
                                       if hot.get("netstack") else ""))
        out += _tune_plan_lines(plan)
        if report["reachability"]["paths"]:
            out += ["", "Measured hot paths"] + _peer_path_lines(report["reachability"])
        out.append("")
        if outcome["action"] == "report" and plan["commands"]:
            out.append("Commands (dry run; --apply runs them, as root, with a journal):")
            out += ["  " + c for c in plan["commands"]]
            if plan.get("persist_commands"):
                out.append("  and with --persist, in /etc/rc.local.d/local.sh above 'exit 0':")
                out += ["    " + c for c in plan["persist_commands"]]
                out.append("  then /sbin/auto-backup.sh")
        elif outcome["action"] == "report":
            kept = [r for r in plan["line_rate"]["reasons"] + (plan["sbmax"] or {}).get(
                "reasons", []) if "--allow-decrease" in r]
            out.append("Nothing to change: %s." % (
                "the current values are kept (lowering them needs --allow-decrease)" if kept
                else "the host already has the recommended values"))
    tune_findings = [f for f in report["findings"] if f["id"].startswith("TUNE-")]
    if tune_findings:
        out += ["", "Findings"] + _finding_lines({"findings": tune_findings})
    if outcome["action"] in ("apply", "rollback"):
        out.extend(_wrap("%s: %s" % (outcome["action"].capitalize(), outcome.get("message")), ""))
        if outcome.get("journal"):
            out.append("Journal: %s" % outcome["journal"])
    out += ["", "Result: %s (exit %d)" % (tune["result"], tune["exit_status"])]
    return "\n".join(out) + "\n"
