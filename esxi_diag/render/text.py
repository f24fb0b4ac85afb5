"""The text report: what a support engineer reads over SSH and pastes into a case.

Made from the JSON report only (report/build.py), in the report's language: every fixed word from
the LABELS of render/catalogs/<lang>.py, every text of the report (findings, reasons, verdicts,
notes) from its message (render/messages.py). Within 100 display columns (render/width.py: a
Japanese character takes two), plain ASCII in English apart from the host's own names. No
control character of the input reaches the terminal: every string of the report is passed
through ``terminal_safe`` first (an escape sequence pasted into a transcript prints as
``\\x1b]0;...``, never as a title change or a cleared screen).
"""

from esxi_diag import status as status_mod
from esxi_diag.parsers.cells import prefix_length
from esxi_diag.analysis.tuning import mbit_text
from esxi_diag.render import messages, width
from esxi_diag.render.safe import safe_report, terminal_safe
from esxi_diag.report.build import command_counts

WIDTH = 100


class Words(object):
    """The words of one language: labels, and the texts of a report."""

    def __init__(self, lang):
        self.lang = lang

    def __call__(self, key, **params):
        return messages.label(key, self.lang, **params)

    def text(self, node, key):
        return messages.text_of(node, key, self.lang)

    def texts(self, node, key):
        return messages.texts_of(node, key, self.lang)

    def finding(self, f, part):
        return messages.finding_text(f, part, self.lang)

    def value(self, value, unknown="?"):
        if value is None:
            return unknown
        if value is True:
            return self("t.yes")
        if value is False:
            return self("t.no")
        return str(value)

    def labelled(self, prefix, value):
        """The label ``prefix + value`` when the catalog has one, else the value as it is."""
        key = prefix + str(value)
        return self(key) if messages.has_label(key) else str(value)


def table(headers, rows, indent="  "):
    widths = [max([width.width(h)] + [width.width(r[i]) for r in rows])
              for i, h in enumerate(headers)]
    lines = [indent + "  ".join(width.ljust(h, widths[i])
                                for i, h in enumerate(headers)).rstrip()]
    for r in rows:
        lines.append(indent + "  ".join(width.ljust(c, widths[i])
                                        for i, c in enumerate(r)).rstrip())
    return lines


def wrap_lines(text, indent, subsequent=None):
    """``text`` wrapped to the report's width: its first line at ``indent``, the others at
    ``subsequent`` (the same by default); one blank line for an empty text."""
    return width.wrap(text, WIDTH, indent, indent if subsequent is None else subsequent) or \
        [indent.rstrip()]


_wrap = wrap_lines


def _host_line(report, w):
    h = report["host"]
    name = h.get("fqdn") or h.get("hostname") or w("t.unknown-host")
    if h.get("version"):
        version = w("t.esxi-version", version=h["version"])
        if h.get("update") not in (None, "", "0"):
            version += w("t.esxi-update", update=h["update"])
        if h.get("build"):
            version += w("t.esxi-build", build=h["build"])
    else:
        version = w("t.esxi-unknown")
    return w("t.host-line", name=name, version=version)


def _source_line(report, w):
    s = report["source"]
    if s.get("type") == "simulated":
        text = w("source.simulated", name=s.get("name"))
    elif s.get("type") == "transcript":
        text = w("source.transcript", name=s.get("name"))
    elif s.get("type") == "bundle":
        recorded = s.get("recorded") or {}
        text = w("t.source-bundle", name=s.get("name"),
                 created=s.get("created") or w("t.unknown-time"),
                 written_by=s.get("written_by") or "?",
                 origin=w("t.from-simulated", name=recorded.get("name"))
                 if recorded.get("type") == "simulated" else w("t.from-host"))
        if s.get("case"):
            text += w("t.case", case=s["case"])
    else:
        text = w("source.live")
    if s.get("localcli"):
        text += w("t.localcli")
    return text


def _source_lines(report, w):
    return _wrap(w("t.source-line", source=_source_line(report, w),
                   generated=report["generated_at"]), "", "  ")


def _vmknic_lines(report, w):
    """Two lines per vmknic: addressing, then attachment and tags (fits 100 columns)."""
    rows = []
    for v in report["vmknics"]:
        ipv4 = v.get("ipv4")
        if ipv4:
            prefix = prefix_length(ipv4.get("netmask"))
            addr = ipv4["address"] + ("/%d" % prefix if prefix is not None else "")
        elif v.get("ipv6"):  # IPv6 only: its routable address first
            six = sorted(v["ipv6"], key=lambda a: str(a.get("address")).lower().startswith(
                "fe80"))[0]
            addr = "%s/%s" % (six["address"], six.get("prefix_length") or "?")
        else:
            addr = w("t.none") if v.get("ipv4_known") else "?"
        gateway = (ipv4 or {}).get("gateway") or (
            "?" if ipv4 and ipv4.get("gateway_known") is False else "-")
        roles = "+".join(w("t.role." + r) for r in v.get("roles") or []) or "-"
        rows.append([v["name"], w.value(v.get("enabled")), w.value(v.get("netstack")),
                     w.value(v.get("mtu")), addr, gateway, roles])
    lines = table([w("t.col." + c) for c in ("vmk", "on", "netstack", "mtu", "address",
                                             "gateway", "role")], rows)
    out = [lines[0]]
    for v, line in zip(report["vmknics"], lines[1:]):
        where = v.get("vds_name") or v.get("portset") or "?"
        if v.get("dvport"):
            where += w("t.dvport", port=v["dvport"])
        if v.get("opaque_network"):
            where += w("t.opaque", network=v["opaque_network"])
        if v.get("portgroup"):
            where += " / " + v["portgroup"]
        tags = w("t.not-known") if v.get("tags") is None else (
            w("t.list-sep").join(v["tags"]) or w("t.none"))
        out.append(line)
        out.extend(_wrap(w("t.switch-tags", where=where, tags=tags), " " * 8))
    return out


def _path_lines(report, w):
    lines = []
    labels = dict((r, w("t.path." + r)) for r in ("hot", "cold"))
    column = max(width.width(t) for t in labels.values())
    for role in ("hot", "cold"):
        p = report["data_paths"][role]
        vmks = w("t.list-sep").join(p["vmknics"]) or w("t.none")
        where = w("t.on-netstack", vmknics=vmks, netstack=p["netstack"]) \
            if p.get("netstack") else vmks
        lines.append("  %s  %s" % (width.ljust(labels[role], column), where))
        lines.extend(_wrap(w("t.rule", basis=w.labelled("t.basis.", p["basis"]),
                             reason=w.text(p, "reason")), " " * 12))
    return lines


def _switch_lines(report, w):
    nics = dict((n["name"], n) for n in report["nics"])
    lines = []
    for s in report["vswitches"]:
        parts = []
        for u in s.get("uplinks") or []:
            n = nics.get(u)
            if n is None:
                parts.append("%s ?" % u)
            elif n.get("link_up"):
                parts.append(w("t.uplink-up", nic=u, speed=w.value(n.get("speed_mbps")),
                               mtu=w.value(n.get("mtu"))))
            else:
                parts.append(w("t.uplink-down", nic=u))
        head = w("t.switch-head", name=s["name"], type=w.labelled("sw.", s.get("type")),
                 mtu=w.value(s.get("mtu")))
        lines.extend(_wrap("  " + head + (w("t.list-sep2").join(parts) if parts else
                                          w("t.no-uplinks")), "", " " * 6))
    return lines


def _route_lines(report, w):
    lines = []
    by_stack = {}
    for r in report["routes"] + [dict(r, netmask=None) for r in report.get("routes_ipv6", [])]:
        by_stack.setdefault(r["netstack"], []).append(r)
    for stack in sorted(by_stack):
        parts = []
        for r in by_stack[stack]:
            if (r["network"] == "0.0.0.0" and r["netmask"] == "0.0.0.0") or (
                    r.get("prefix_length") == 0):
                dest = w("t.route-default") + (w("t.route-ipv6") if "prefix_length" in r
                                               else "")
            elif "prefix_length" in r:
                dest = "%s/%s" % (r["network"], r["prefix_length"])
            else:
                prefix = prefix_length(r["netmask"])
                dest = r["network"] + ("/%d" % prefix if prefix is not None else "")
            how = w("t.route-via", gateway=r["gateway"]) if r.get("gateway") else \
                w("t.route-on-link")
            if r.get("partial"):
                how += w("t.route-cut")
            parts.append(w("t.route", dest=dest, how=how, vmknic=w.value(r.get("interface"))))
        lines.extend(_wrap("  " + w("t.route-stack", netstack=stack,
                                     routes=w("t.list-sep2").join(parts)), "", " " * 6))
    return lines


MAX_VM_ROWS = 20  # the text report lists this many VMs; --json and the HTML report list all


def _vm_network(nic, switches, w):
    """A VM adapter's network as a person reads it: the port group, or the distributed port
    group key on its switch (named when this host has it)."""
    if nic.get("network"):
        return nic["network"]
    if nic.get("dvs_portgroup") or nic.get("dvs_switch"):
        return w("t.vm-dvs", portgroup=w.value(nic.get("dvs_portgroup")),
                 switch=switches.get(nic.get("dvs_switch")) or w.value(nic.get("dvs_switch")))
    if nic.get("opaque_network"):
        return w("t.vm-opaque", network=nic["opaque_network"])
    return "?"


def _short(text, columns):
    """``text`` cut to ``columns`` display columns, ending in ``...`` when cut."""
    if width.width(text) <= columns:
        return text
    while text and width.width(text) > columns - 3:
        text = text[:-1]
    return text + "..."


def _vm_lines(report, w):
    """The VMs: how many in each power state and Encrypted vMotion mode, then the first ones."""
    vms = report.get("vms") or {}
    listed = vms.get("list") or []
    inventory = vms.get("inventory") or "not-read"
    lines = []
    if listed:
        power = [sum(1 for v in listed if v.get("power_state") == p) for p in ("on", "off")]
        lines.append("  " + w("t.vms.count", count=len(listed), on=power[0], off=power[1],
                              unknown=len(listed) - sum(power)))
        modes = [w("t.vms.mode", mode=w("t.mode." + m), count=sum(
            1 for v in listed if v.get("migrate_encryption") == m))
            for m in ("required", "opportunistic", "disabled")]
        modes.append(w("t.vms.mode", mode=w("t.not-known"), count=sum(
            1 for v in listed if v.get("migrate_encryption") is None)))
        lines.extend(_wrap("  " + w("t.vms.modes", modes=w("t.list-sep").join(modes),
                                    encrypted=sum(1 for v in listed if v.get("encrypted"))),
                           "", " " * 4))
    if inventory != "read":
        lines.append("  " + w("t.vms.inventory." + inventory))
    elif not listed:
        lines.append("  " + w("t.vms.none"))
    switches = dict((s.get("uuid"), s.get("name")) for s in report.get("vswitches") or []
                    if s.get("uuid"))
    rows = []
    for v in listed[:MAX_VM_ROWS]:
        mode = w.labelled("t.mode.", v.get("migrate_encryption")) \
            if v.get("migrate_encryption") else "?"
        if v.get("encrypted"):
            mode += w("t.vm-encrypted")
        nets = [_vm_network(n, switches, w) for n in v.get("nics") or []]
        if not v.get("vmx_read"):
            nets = [w("t.vm-vmx-not-read")]
        rows.append([_short(v.get("name") or "?", 32),
                     w.labelled("t.power.", v.get("power_state"))
                     if v.get("power_state") else "?", mode,
                     w("t.list-sep").join(nets) or w("t.none")])
    if rows:  # the networks wrap within the width, under their own column
        headers = [w("t.vcol." + c) for c in ("vm", "power", "mode", "networks")]
        widths = [max([width.width(h)] + [width.width(r[i]) for r in rows]) for i, h in
                  enumerate(headers[:3])]
        for r in [headers] + rows:
            head = "  " + "".join(width.ljust(c, widths[i] + 2) for i, c in enumerate(r[:3]))
            lines.extend(_wrap(r[3], head, " " * width.width(head)))
    if len(listed) > MAX_VM_ROWS:
        lines.append("  " + w("t.vms.more", count=len(listed) - MAX_VM_ROWS))
    fw = report.get("firewall") or {}
    if fw.get("read") or fw.get("enabled") is not None:
        state = {True: w("t.fw.on"), False: w("t.fw.off")}.get(fw.get("enabled"), "?")
        by_name = dict((r.get("name", "").lower(), r) for r in fw.get("rulesets") or [])
        sets = []
        for name in ("vMotion", "NFC"):
            r = by_name.get(name.lower())
            enabled = None if r is None else r.get("enabled")
            sets.append(w("t.fw.ruleset", name=name, state={
                True: w("t.fw.enabled"), False: w("t.fw.disabled")}.get(enabled, "?")))
        lines.append("  " + w("t.fw.line", state=state, rulesets=w("t.list-sep2").join(sets)))
    return lines


def _bytes(n, w):
    if n is None:
        return w("unavailable")
    return w("t.bytes", n=n, mib=n / 1048576.0)


def _tuning_lines(report, w):
    t = report["tuning"]
    rate = t["net_expected_line_rate_mbps"]
    if rate.get("current") is None:
        rate_text = w("unknown")
    else:
        rate_text = w("t.rate", current=rate["current"], gbit=rate["current"] * 8 / 1000.0)
        if rate.get("default") is not None:
            rate_text += w("t.rate-default", default=rate["default"])
        if rate.get("min") is not None and rate.get("max") is not None:
            rate_text += w("t.rate-range", min=rate["min"], max=rate["max"])
    lines = ["  /Migrate/NetExpectedLineRateMBps   %s" % rate_text,
             "  /Migrate/NetLatencyModeThreshold   %s" % (
                 w("unknown") if t["latency_mode_threshold_ms"] is None else
                 w("t.ms", ms=t["latency_mode_threshold_ms"]))]
    hot_stack = report["data_paths"]["hot"].get("netstack")
    for stack in sorted(t["sbmax"]):
        mark = w("t.hot-mark") if stack == hot_stack else ""
        lines.append("  sbMax %-28s %s%s" % (stack, _bytes(t["sbmax"][stack], w), mark))
    if not t["sbmax"]:
        lines.append("  sbMax                              %s" % w("not_read"))
    return lines


def _probe_lines(report, w):
    rows = []
    for p in report["probes"]:
        rtt = p.get("rtt_ms")
        rtt_text = "%.3f/%.3f/%.3f" % (rtt["min"], rtt["avg"], rtt["max"]) if rtt else "-"
        rows.append([w.value(p.get("source_vmknic"), "-"), w.value(p.get("netstack")),
                     w.value(p.get("target")),
                     "%s%s" % (w.value(p.get("payload_bytes")), " DF" if p.get("df") else ""),
                     "%s/%s" % (w.value(p.get("received")), w.value(p.get("sent"))),
                     "-" if p.get("loss_pct") is None else "%g%%" % p["loss_pct"], rtt_text,
                     p.get("error") or "-"])
    return table([w("t.pcol." + c) for c in ("from", "netstack", "to", "payload", "recv", "loss",
                                             "rtt", "error")], rows)


def _reach_lines(report, w):
    reach = report["reachability"]
    s = reach["summary"]
    state = {True: w("t.reach-all-ok"), False: w("t.reach-failing"), None: w("not_tested")}
    ldvm = {True: w("t.yes"), False: w("t.no"), None: w("not_tested")}[s["long_distance"]]
    if s["worst_rtt_ms"] is not None:
        ldvm += w("t.reach-worst", rtt=s["worst_rtt_ms"], threshold=s["latency_threshold_ms"])
    lines = _wrap(w("t.reach-summary", paths=s["paths"], peers=s["peers"], ldvm=ldvm,
                    hot=state[s["hot_ok"]], cold=state[s["cold_ok"]]), "  ")
    return lines + _peer_path_lines(reach, w)


def _peer_path_lines(reach, w):
    """Two or three lines per tested path (vmknic -> peer): verdict, measurements, detail."""
    lines = []
    for p in reach["paths"]:
        label = " (%s)" % p["label"] if p.get("label") else ""
        roles = "+".join(w("t.role." + r) for r in p["roles"])
        head = "  %s %s -> %s%s" % (width.ljust(roles, 8), p["vmknic"], p["target"], label)
        verdict = w.labelled("t.verdict.", p["verdict"])
        lines.append(head + " " * max(2, WIDTH - width.width(head) - width.width(verdict)) +
                     verdict)
        parts = [w("t.via", netstack=p.get("netstack") or "?",
                   routing=w.labelled("t.routing.", p["routing"]["kind"]))]
        if p["routing"].get("gateway"):
            parts[-1] += " %s" % p["routing"]["gateway"]
        if p.get("rtt_ms"):
            parts.append(w("t.rtt", avg=p["rtt_ms"]["avg"], min=p["rtt_ms"]["min"],
                           max=p["rtt_ms"]["max"], count=p["rtt_count"],
                           loss=p.get("loss_pct") or 0))
        if p.get("df_payload") is not None:
            parts.append(w("t.df", size=p["df_payload"],
                           result=w("t.passed" if p["df_ok"] else "t.lost")))
        if p.get("jumbo_ok") is not None:
            parts.append(w("t.df-1472", result=w("t.passed" if p["jumbo_ok"] else "t.lost")))
        if p.get("pmtu_payload") is not None:
            parts.append(w("t.largest-df", size=p["pmtu_payload"]))
        if p.get("peer_mtu"):
            parts.append(w("re.peer_mtu", mtu=p.get("mtu"), peer_mtu=p["peer_mtu"]))
        if p.get("latency_class"):
            parts.append(w.labelled("re.latency.", p["latency_class"]))
        lines.extend(_wrap(w("t.list-sep2").join(parts), " " * 11))
        if p["verdict"] != "ok":
            lines.extend(_wrap(w.text(p, "detail"), " " * 11))
        for note in w.texts(p, "notes"):
            lines.extend(_wrap(w("t.note", text=note), " " * 11))
    for note in w.texts(reach, "notes"):
        lines.extend(_wrap(w("t.note", text=note), "  "))
    return lines


def _shell_lines(command, lead, indent):
    """A command on its own lines: never wrapped inside a word, long ones continued with a
    trailing backslash so that the lines still paste into a shell as one command."""
    lines, current, empty = [], lead, True
    for word in command.split(" "):
        if not empty and width.width(current) + 1 + len(word) > WIDTH - 2:
            lines.append(current + " \\")
            current = indent + "  " + word
        else:
            current = current + ("" if empty else " ") + word
        empty = False
    lines.append(current)
    return lines


def remedy_lines(remedy, indent, steps=None, w=None):
    """A remedy: one or more lines, each prose (wrapped) or one command (kept whole). With its
    steps (``remedy_steps``) each line is known to be a command or prose; without (a report
    written before them) a line is a command when it reads as one."""
    w = w or Words(messages.DEFAULT)
    items = messages.remedy_items(remedy, steps, w.lang)
    out = []
    fix = w("t.fix")
    for i, (is_command, line) in enumerate(items):
        lead = indent + (fix if i == 0 else "  ")
        if is_command:
            out.extend(_shell_lines(line, lead if i == 0 else indent + "  ", indent + "  "))
        else:
            out.extend(width.wrap(line, WIDTH, lead, indent + "  ") or [lead.rstrip()])
    return out


def _finding_lines(report, w):
    lines = []
    for f in report["findings"]:
        severity = w.labelled("sev.", f["severity"])
        lines.extend(_wrap("  %s %s  %s" % (width.ljust(severity, 5), f["id"],
                                            w.finding(f, "title")), "", " " * 8))
        if f["severity"] == "ok":
            continue
        lines.extend(_wrap(w.finding(f, "detail") or "", " " * 8))
        remedy = w.finding(f, "remedy")
        if remedy:
            lines.extend(remedy_lines(remedy, " " * 8, f.get("remedy_steps"), w))
    return lines


def _command_lines(report, w):
    counts = command_counts(report)
    total = len(report["commands"])
    duration = sum(c["duration_s"] or 0 for c in report["commands"] if c["kind"] != "ping")
    pings = [c for c in report["commands"] if c["kind"] == "ping"]
    head = w("t.commands-read", total=total, parsed=counts["parsed"],
             unparsed=counts["unparsed"], failed=counts["failed"],
             unavailable=counts["unavailable"])
    wall = report["source"].get("collection_wall_s")
    if wall is not None:
        head += w("t.commands-time", duration=duration, wall=wall,
                  jobs=report["source"].get("jobs") or 1)
    probe_wall = report["source"].get("probe_wall_s")
    if pings and probe_wall is not None:
        at_once = min(report["source"].get("parallel") or 1,
                      len(report["reachability"]["paths"]) or 1)
        head += w("t.commands-probes", runs=len(pings),
                  duration=sum(c["duration_s"] or 0 for c in pings), wall=probe_wall,
                  at_once=at_once)
    lines = _wrap(head.strip(), "  ")
    for c in report["commands"]:
        if c["status"] in ("unparsed", "failed", "unavailable"):
            lines.extend(_wrap(w("t.command-status", command=c["command"],
                                 status=w.labelled("status.", c["status"]),
                                 note=w("t.command-note", note=w.text(c, "note")) if c.get("note")
                                 else ""), " " * 4))
    if report.get("unrecognised"):
        lines.append("  " + w("t.unrecognised", count=len(report["unrecognised"])))
        for cmd in report["unrecognised"][:10]:
            lines.extend(_wrap(cmd, " " * 4))
        if len(report["unrecognised"]) > 10:
            lines.append("    " + w("t.and-more", count=len(report["unrecognised"]) - 10))
    return lines


def render(report, command="inspect", lang=messages.DEFAULT):
    """The text report of ``command`` in ``lang``."""
    return terminal_safe(_render(safe_report(report), command, Words(lang)))


def _render(report, command, w):
    s = report["summary"]
    out = [w("t.title", version=report["tool"]["version"], command=command,
             host=_host_line(report, w))]
    out += _source_lines(report, w) + [""]
    notes = w.texts(report, "notes")
    for note in notes:
        out.extend(_wrap(w("t.note", text=note), ""))
    if notes:
        out.append("")
    out.append(w("t.h.vmknics"))
    if report["vmknics"]:
        out.extend(_vmknic_lines(report, w))
    else:
        out.append("  " + w("t.none-known"))
    out += ["", w("t.h.paths")] + _path_lines(report, w)
    if report["vswitches"]:
        out += ["", w("t.h.switches")] + _switch_lines(report, w)
    if report["routes"] or report.get("routes_ipv6"):
        out += ["", w("t.h.routes")] + _route_lines(report, w)
    if (report.get("vms") or {}).get("inventory", "not-read") != "not-read" or \
            (report.get("vms") or {}).get("list") or (report.get("firewall") or {}).get("read"):
        out += ["", w("t.h.vms")] + _vm_lines(report, w)
    out += ["", w("t.h.tuning")] + _tuning_lines(report, w)
    reach = report.get("reachability") or {}
    if reach.get("paths") or reach.get("notes"):
        out += ["", w("t.h.peers")] + _reach_lines(report, w)
    elif report["probes"]:
        out += ["", w("t.h.pings")] + _probe_lines(report, w)
    plan = (report.get("tune") or {}).get("plan")
    if plan:
        out += ["", w("t.h.recommended")]
        out += _tune_plan_lines(plan, w)
        out += ["  " + w("t.plan-commands")] + ["    " + c for c in plan["commands"]] \
            if plan["commands"] else ["  " + w("t.nothing-to-change")]
    out += ["", w("t.h.findings", fail=s["fail"], warn=s["warn"], info=s["info"], ok=s["ok"])]
    out += _finding_lines(report, w)
    out += ["", w("t.h.commands")] + _command_lines(report, w)
    out += [""] + _wrap(_result_line(s, w), "", "  ")
    return "\n".join(out) + "\n"


def _result_line(s, w):
    if s.get("nothing_read"):
        return w("t.result", text=w("t.result.nothing-read"), code=s["exit_status"])
    key = "t.result.%s" % s["exit_status"]
    text = w(key) if messages.has_label(key) else w("t.result.other", code=s["exit_status"])
    if s.get("undetermined") and s["exit_status"] < 2:
        text = w("t.result.undetermined", roles=w("t.and").join(
            w("t.role." + r) for r in s["undetermined"]))
    return w("t.result", text=text, code=s["exit_status"])


def _tune_plan_lines(plan, w):
    lines = []
    lr = plan["line_rate"]
    lines.append("  " + w("t.line-rate", value=w("t.rate-mbit", rate=mbit_text(lr["mbit"]),
                                                 mbytes=lr["mbit"] / 8.0)
                          if lr["mbit"] else w("unknown")))
    if lr.get("basis"):
        lines.extend(_wrap(w("tu.basis", basis=w.text(lr, "basis")), " " * 4))
    rtt = plan["rtt"]
    lines.append("  " + w("t.rtt-line", value=w("t.ms2", ms=rtt["ms"]) if rtt["ms"] is not None
                          else w("unknown")))
    if rtt.get("basis"):
        lines.extend(_wrap(w("tu.basis", basis=w.text(rtt, "basis")), " " * 4))
    lines.append("")
    rows = [["/Migrate/NetExpectedLineRateMBps", w.value(lr["current"]),
             w.value(lr["recommended"], "-"), w("tu.change" if lr["change"] else "tu.keep")]]
    sb = plan["sbmax"]
    if sb.get("netstack"):
        name = w("t.sbmax-of", netstack=sb["netstack"])
    else:
        name = w("t.sbmax-hot")
    current = w("unavailable") if sb.get("available") is False else w.value(sb.get("current"))
    rows.append([name, current, w.value(sb.get("recommended"), "-"),
                 w("tu.change" if sb.get("change") else "tu.keep")])
    lines += table([w("t.tcol.setting"), w("t.tcol.current"), w("t.tcol.recommended"), ""],
                   rows)
    lines.append("")
    lines.append("  " + w("t.why"))
    for reason in w.texts(lr, "reasons"):
        lines.extend(_wrap("NetExpectedLineRateMBps: " + reason, " " * 4))
    for reason in w.texts(sb, "reasons"):
        lines.extend(_wrap("sbMax: " + reason, " " * 4))
    for note in w.texts(plan, "notes"):
        lines.extend(_wrap(w("t.note", text=note), " " * 4))
    return lines


def render_tune(report, lang=messages.DEFAULT):
    """The text of ``tune``: the plan, the commands, what was done, in ``lang``."""
    return terminal_safe(_render_tune(safe_report(report), Words(lang)))


def _kept_lower(plan):
    """Whether the plan keeps a current value because lowering it needs --allow-decrease."""
    for part in (plan["line_rate"], plan["sbmax"] or {}):
        found = part.get("reasons_message") or []
        if any(messages.is_message(m) and m["id"] == "tune.kept-lower" for m in found):
            return True
        if not found and any("--allow-decrease" in r for r in part.get("reasons") or []):
            return True  # a report written before messages
    return False


def _tune_result(tune, outcome, w):
    key = status_mod.tune_result_key(tune["exit_status"], outcome["action"])
    return w(key) if messages.has_label(key) else tune.get("result") or ""


def _render_tune(report, w):
    tune = report["tune"]
    plan = tune["plan"]
    outcome = tune["outcome"]
    out = [w("t.title", version=report["tool"]["version"], command="tune",
             host=_host_line(report, w))]
    out += _source_lines(report, w) + [""]
    if plan is not None:
        hot = report["data_paths"]["hot"]
        vmknics = w("t.list-sep").join(hot["vmknics"]) or w("t.none")
        out.append(w("t.tune-hot", vmknics=vmknics, netstack=hot["netstack"])
                   if hot.get("netstack") else w("t.tune-hot-nowhere", vmknics=vmknics))
        out += _tune_plan_lines(plan, w)
        if report["reachability"]["paths"]:
            out += ["", w("t.h.measured")] + _peer_path_lines(report["reachability"], w)
        out.append("")
        if outcome["action"] == "report" and plan["commands"]:
            out.append(w("t.dry-run"))
            out += ["  " + c for c in plan["commands"]]
            if plan.get("persist_commands"):
                out.append("  " + w("t.with-persist"))
                out += ["    " + c for c in plan["persist_commands"]]
                out.append("  " + w("t.then-backup"))
        elif outcome["action"] == "report":
            out.append(w("t.nothing-kept") if _kept_lower(plan) else w("t.nothing-same"))
    tune_findings = [f for f in report["findings"] if f["id"].startswith("TUNE-")]
    if tune_findings:
        out += ["", w("sec.findings")] + _finding_lines({"findings": tune_findings}, w)
    if outcome["action"] in ("apply", "rollback"):
        out.extend(_wrap(w("t.outcome." + outcome["action"], message=w.text(outcome, "message")),
                         ""))
        if outcome.get("journal"):
            out.append(w("tu.journal", journal=outcome["journal"]))
    out += [""] + _wrap(w("t.result", text=_tune_result(tune, outcome, w),
                          code=tune["exit_status"]), "", "  ")
    return "\n".join(out) + "\n"
