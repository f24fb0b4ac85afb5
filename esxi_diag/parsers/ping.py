"""Ping output: ``vmkping``/``ping`` (BSD style) and ``esxcli network diag ping`` (structured).

Both return the same shape::

    {"target", "payload_bytes", "sent", "received", "loss_pct",
     "rtt_ms": {"min", "avg", "max"} or None, "replies": [rtt_ms, ...], "complete", "error"}

``sent``/``received`` come from the statistics line only (``complete`` is True when it was
printed): an output cut before it (a paste, ``<<truncated>>``, a killed vmkping) keeps the replies
it shows but counts nothing, so it can never pass as "no loss". ``error`` is None,
``message-too-long``, ``network-unreachable``, ``host-down``, ``no-output``,
``stack-not-configured`` (vmkping's one line for a ``-S`` netstack the vmknic is not on, or that
does not exist), or the host's own text.
"""

import re

from esxi_diag.parsers import ParseError, check_text
from esxi_diag.parsers.human import parse_stanza
from esxi_diag.message import msg

_PING = re.compile(r"^PING\s+(\S+)\s+\(([^)]+)\)\s*:\s*(\d+)\s+data bytes", re.I)
_PING6 = re.compile(r"^PING6\((\d+)=\d+\+\d+\+(\d+) bytes\)\s+\S+\s+-->\s+(\S+)", re.I)
_REPLY = re.compile(r"^\d+\s+bytes from\s+\[?([^\]\s,:]+(?::[^\]\s,]+)*?)\]?[:,].*?time[=<]\s*"
                    r"(\d+(?:\.\d+)?)\s*ms", re.I)
_SENDTO = re.compile(r"sendto\(\)\s+failed\s*\(([^)]*)\)", re.I)
_STATS = re.compile(r"^---\s+(\S+)\s+ping6? statistics\s+---", re.I)
_NUM = r"(\d+(?:\.\d+)?)"
_COUNTS = re.compile(r"(\d+)\s+packets transmitted,\s*(\d+)\s+(?:packets\s+)?received"
                     r"(?:,\s*\+\d+\s+duplicates)?(?:,\s*" + _NUM + r"%\s+packet loss)?", re.I)
_RTT = re.compile(r"round-trip\s+min/avg/max(?:/\S+)?\s*=\s*" + _NUM + "/" + _NUM + "/" + _NUM +
                  r"(?![\d.])", re.I)
_STACK = re.compile(r"^\*+\s*vmkernel stack not configured\s*\*+$", re.I)

_KNOWN_ERRORS = {
    "message too long": "message-too-long",
    "network is unreachable": "network-unreachable",
    "host is down": "host-down",
    "no route to host": "network-unreachable",
}


def classify_error(text):
    return _KNOWN_ERRORS.get((text or "").strip().lower(), (text or "").strip() or None)


def _empty():
    return {"target": None, "payload_bytes": None, "sent": None, "received": None,
            "loss_pct": None, "rtt_ms": None, "replies": [], "complete": False, "error": None}


def _loss(sent, received):
    if not sent:
        return None
    return round(100.0 * (sent - received) / sent, 1)


def parse_vmkping(text):
    check_text(text)
    result = _empty()
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
    if not lines:
        result["error"] = "no-output"
        return result
    recognised = False
    for line in lines:
        if _STACK.match(line):
            result["error"] = "stack-not-configured"
            recognised = True
            continue
        m = _PING6.match(line)
        if m:
            result["payload_bytes"] = int(m.group(2))
            result["target"] = m.group(3)
            recognised = True
            continue
        m = _PING.match(line)
        if m:
            result["target"] = m.group(2) or m.group(1)
            result["payload_bytes"] = int(m.group(3))
            recognised = True
            continue
        m = _REPLY.match(line)
        if m:
            result["replies"].append(float(m.group(2)))
            recognised = True
            continue
        m = _SENDTO.search(line)
        if m:
            if result["error"] is None:
                result["error"] = classify_error(m.group(1))
            recognised = True
            continue
        m = _STATS.match(line)
        if m:
            result["target"] = result["target"] or m.group(1)
            recognised = True
            continue
        m = _COUNTS.search(line)
        if m:
            result["sent"] = int(m.group(1))
            result["received"] = int(m.group(2))
            result["loss_pct"] = float(m.group(3)) if m.group(3) else _loss(result["sent"],
                                                                             result["received"])
            result["complete"] = True
            recognised = True
            continue
        m = _RTT.search(line)
        if m:
            result["rtt_ms"] = {"min": float(m.group(1)), "avg": float(m.group(2)),
                                "max": float(m.group(3))}
            recognised = True
    if not recognised:
        if len(lines) <= 3 and all(len(l) < 200 for l in lines):
            result["error"] = lines[0]
            return result
        raise ParseError(msg("parse.not-ping"))
    if result["rtt_ms"] is None and result["replies"]:
        replies = result["replies"]
        result["rtt_ms"] = {"min": min(replies), "avg": round(sum(replies) / len(replies), 3),
                            "max": max(replies)}
    return result


def _us_to_ms(value):
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return round(value / 1000.0, 3)
    m = re.match(r"^\s*([\d.]+)\s*(us|ms)?\s*$", str(value))
    if not m:
        return None
    number = float(m.group(1))
    return round(number if m.group(2) == "ms" else number / 1000.0, 3)


def _int(value):
    try:
        return int(str(value).strip().rstrip("%"))
    except (TypeError, ValueError):
        try:
            return float(str(value).strip().rstrip("%"))
        except (TypeError, ValueError):
            return None


def diag_ping_from_fields(fields):
    """Shape a parsed ``esxcli network diag ping`` (default formatter or XML) like vmkping's."""
    result = _empty()
    if not isinstance(fields, dict):
        raise ParseError(msg("parse.diag-ping-shape"))
    summary = fields.get("summary")
    if isinstance(summary, list):
        summary = summary[0] if summary else None
    traces = fields.get("trace") or []
    if not isinstance(traces, list):
        traces = []
    if not isinstance(summary, dict) and not traces:
        raise ParseError(msg("parse.diag-ping-shape"))
    for trace in traces:
        if isinstance(trace, dict):
            rtt = _us_to_ms(trace.get("roundtriptime"))
            if rtt is not None and trace.get("receivedbytes") not in (None, "", 0, "0"):
                result["replies"].append(rtt)
            detail = trace.get("detail")
            if detail and isinstance(detail, str) and result["error"] is None:
                m = _SENDTO.search(detail)
                result["error"] = classify_error(m.group(1) if m else detail)
    if isinstance(summary, dict):
        result["complete"] = True
        result["target"] = summary.get("hostaddr") or None
        result["sent"] = _int(summary.get("transmitted"))
        received = summary.get("recieved", summary.get("received"))
        result["received"] = _int(received)
        if result["sent"] is not None and result["received"] is not None:
            result["loss_pct"] = _loss(result["sent"], result["received"])
        rtt = {"min": _us_to_ms(summary.get("roundtripmin")),
               "avg": _us_to_ms(summary.get("roundtripavg")),
               "max": _us_to_ms(summary.get("roundtripmax"))}
        if result["received"] and rtt["avg"] is not None:
            result["rtt_ms"] = rtt
    if result["received"] is None and result["complete"]:
        result["received"] = len(result["replies"])
    return result


def parse_diag_ping(text):
    return diag_ping_from_fields(parse_stanza(text))
