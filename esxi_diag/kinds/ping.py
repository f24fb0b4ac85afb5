"""Kinds of the probes: ``vmkping`` (and ``ping``/``ping6``, any option order, ``-S name`` or the
older ``++netstack=name``) and ``esxcli network diag ping``; their probe records; and the vmkping
command line of a data path."""

from esxi_diag import names
from esxi_diag.analysis.model import to_int
from esxi_diag.kinds.base import Kind
from esxi_diag.names import DEFAULT_NETSTACK
from esxi_diag.parsers import ping


def _rtt(value):
    """A round-trip summary of three numbers, or None (a cut summary is not one)."""
    if not isinstance(value, dict):
        return None
    for key in ("min", "avg", "max"):
        number = value.get(key)
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            return None
    return value


VMKPING_DEFAULT_COUNT = 3  # vmkping's own default (its help text)


def probe_record(params, rows, command, exit_code=None, kind="ping"):
    """One ping's probe dict (the report's ``probes`` shape) from its parameters and rows.
    ``count`` is the number of probes the command asked for (vmkping's default 3 when it gave
    no ``-c``), ``replies`` the reply lines it printed, ``complete`` whether its statistics were
    printed: the judge counts a probe only on that evidence."""
    result = rows[0] if rows else {}
    size = to_int(params.get("size"))
    count = to_int(params.get("count"))
    if count is None and kind == "ping":
        count = VMKPING_DEFAULT_COUNT
    return {
        "source_vmknic": params.get("vmknic"),
        "netstack": params.get("netstack") or DEFAULT_NETSTACK,
        "target": params.get("target") or result.get("target"),
        "payload_bytes": size if size is not None else (result.get("payload_bytes") or 56),
        "df": bool(params.get("df")),
        "count": count,
        "sent": result.get("sent"),
        "received": result.get("received"),
        "replies": len(result.get("replies") or []),
        "complete": bool(result.get("complete")),
        "loss_pct": result.get("loss_pct"),
        "rtt_ms": _rtt(result.get("rtt_ms")),
        "error": result.get("error"),
        "exit_code": exit_code,
        "command": command,
    }


def _probe(facts, rows, params, capture):
    facts["probes"].append(probe_record(params, rows, capture.command, capture.exit_code,
                                        capture.kind))


_VMKPING_VALUE_OPTS = {"-c": "count", "-i": "interval", "-I": "vmknic", "-N": "nexthop",
                       "-s": "size", "-t": "ttl", "-W": "wait", "-S": "netstack"}
_VMKPING_FLAGS = {"-d": "df", "-D": "debug", "-v": "verbose", "-X": "xml", "-4": "ipv4",
                  "-6": "ipv6"}


def _recognise_vmkping(program, tokens):
    """vmkping/ping options in getopt style (any order, clusters such as ``-ds 1472``), the
    target anywhere, and the old ``++netstack=name`` spelling."""
    params = {"ipv6": True} if program == "ping6" else {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("++netstack="):
            params["netstack"] = token.split("=", 1)[1]
        elif token.startswith("-") and len(token) > 1:
            j = 1
            while j < len(token):
                opt = "-" + token[j]
                if opt in _VMKPING_FLAGS:
                    params[_VMKPING_FLAGS[opt]] = True
                    j += 1
                    continue
                if opt in _VMKPING_VALUE_OPTS:
                    value = token[j + 1:]
                    if not value and i + 1 < len(tokens):
                        i += 1
                        value = tokens[i]
                    params[_VMKPING_VALUE_OPTS[opt]] = value
                break  # a value option ends the cluster; an unknown letter is ignored
        elif "target" not in params:
            params["target"] = token
        i += 1
    return params if "target" in params else None


def _parse_vmkping(text_value):
    return [ping.parse_vmkping(text_value)]


def vmkping_argv(vmknic, netstack, target, count=3, interval=None, size=None, df=False,
                 wait=None, ipv6=False):
    """A vmkping command line. ``-S`` exactly when the vmknic is not on the default netstack
    (without it vmkping uses the default netstack, and a vmknic of another netstack fails)."""
    if not names.valid_vmknic(vmknic):
        raise ValueError("invalid vmknic name %r" % (vmknic,))
    if netstack is not None and not names.valid_netstack(netstack):
        raise ValueError("invalid netstack name %r" % (netstack,))
    argv = ["vmkping"] + (["-6"] if ipv6 else []) + ["-I", vmknic]
    if netstack and netstack != DEFAULT_NETSTACK:
        argv += ["-S", netstack]
    argv += ["-c", str(int(count))]
    if interval is not None:
        argv += ["-i", _seconds(interval)]
    if wait is not None:
        argv += ["-W", _seconds(wait)]
    if df:
        argv.append("-d")
    if size is not None:
        argv += ["-s", str(int(size))]
    argv.append(target)
    return argv


def _seconds(value):
    out = ("%.3f" % float(value)).rstrip("0").rstrip(".")
    return out or "0"


def _vmkping_argv(params):
    return vmkping_argv(params["vmknic"], params.get("netstack"), params["target"],
                        count=int(params.get("count") or 3))


KINDS = (
    Kind("ping", programs=("vmkping", "ping", "ping6"), argv=_vmkping_argv,
         recognise=_recognise_vmkping, parse=_parse_vmkping, extract=_probe, order=95),
    Kind("diag.ping", esxcli=("network", "diag", "ping"), shape="diagping",
         options={"-H": "target", "--host": "target", "-I": "vmknic", "--interface": "vmknic",
                  "--netstack": "netstack", "-s": "size", "--size": "size", "-c": "count",
                  "--count": "count", "-d": "df", "--df": "df", "-i": "interval",
                  "--interval": "interval", "-N": "nexthop", "--nexthop": "nexthop",
                  "-W": "wait", "--wait": "wait", "-t": "ttl", "--ttl": "ttl", "-4": "ipv4",
                  "--ipv4": "ipv4", "-6": "ipv6", "--ipv6": "ipv6"},
         extract=_probe, order=96),
)
