"""Peers to test, from the command line, a peers file, or the peer's own ``inspect --json`` report.

A peer is an IP address (IPv4 or IPv6; names are not accepted: what reaches vmkping is always a
validated address), an optional role (``hot``: test from the hot-data vmknics, ``cold``: from the
cold-data ones, none: from both), an optional label, and, from a peer report, the MTU of the peer's
vmknic on that path. Bad input is reported per line and skipped; it never stops the others.
"""

import ipaddress

from esxi_diag import SCHEMA
from esxi_diag.sources import inputs
from esxi_diag.message import msg

ROLES = ("hot", "cold")
MAX_PEERS = 1024  # peers tested at once; the first ones are kept (docs/reliability.md)
MAX_PATHS = 4096  # vmknic -> peer paths probed in one check; the first ones are kept


class PeerError(ValueError):
    pass


def new_peer(address, role=None, label=None, mtu=None, origin="command line"):
    return {"address": address, "role": role, "label": label, "mtu": mtu, "origin": origin}


def parse_address(text):
    """A normalised IP address string; PeerError (one line) when it is not one."""
    raw = (text or "").strip()
    if raw.startswith("[") and raw.endswith("]"):
        raw = raw[1:-1]
    if "%" in raw:
        raise PeerError("%r: scoped IPv6 addresses (with %%) are not supported; give a global "
                        "or unique-local address" % text)
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        raise PeerError("%r is not an IPv4 or IPv6 address" % text)
    if address.is_unspecified or address.is_multicast or address.is_loopback:
        raise PeerError("%r cannot be a vMotion peer (unspecified, multicast or loopback)" % text)
    return str(address)


def parse_peer_arg(text):
    """``ADDRESS``, ``ADDRESS:hot``, ``ADDRESS:cold``, ``[IPv6]:hot``."""
    value = (text or "").strip()
    role = None
    for r in ROLES:
        suffix = ":" + r
        if value.lower().endswith(suffix):
            value, role = value[:-len(suffix)], r
            break
    return new_peer(parse_address(value), role)


def parse_peers_file(text, name):
    """(peers, errors): one peer a line, ``address [role] [label...]``, ``#`` comments."""
    peers, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        words = body.split()
        origin = "%s:%d" % (name, number)
        try:
            address = parse_address(words[0])
        except PeerError as exc:
            errors.append("%s: %s" % (origin, exc))
            continue
        role = None
        rest = words[1:]
        if rest and rest[0].lower() in ROLES + ("both", "any", "-"):
            role = rest[0].lower() if rest[0].lower() in ROLES else None
            rest = rest[1:]
        label = " ".join(rest)[:64] or None
        peers.append(new_peer(address, role, label, origin=origin))
    return peers, errors


def _get(value, key, kind):
    """``value[key]`` when ``value`` is an object and the item is of ``kind``, else None: a peer
    report is read field by field, and a field of the wrong type is as good as absent."""
    item = value.get(key) if isinstance(value, dict) else None
    return item if isinstance(item, kind) and not (kind is int and isinstance(item, bool)) \
        else None


def peers_from_report(report, name):
    """Each hot and cold vmknic address of the peer's inspect --json report, with its MTU."""
    if not isinstance(report, dict) or report.get("schema") != SCHEMA:
        raise PeerError("%s is not an esxi-diag report of schema %s" % (name, SCHEMA))
    label = _get(_get(report, "host", dict), "hostname", str) or name
    vmknics = {}
    for v in _get(report, "vmknics", list) or []:
        if isinstance(_get(v, "name", str), str):
            vmknics.setdefault(v["name"], v)
    peers = []
    for role in ROLES:
        path = _get(_get(report, "data_paths", dict), role, dict)
        for vmk in _get(path, "vmknics", list) or []:
            if not isinstance(vmk, str):
                continue
            v = vmknics.get(vmk) or {}
            addresses = []
            ipv4 = _get(_get(v, "ipv4", dict), "address", str)
            if ipv4:
                addresses.append(ipv4)
            else:
                for a in _get(v, "ipv6", list) or []:
                    address = _get(a, "address", str)
                    if address and not address.lower().startswith("fe80"):
                        addresses.append(address)
            mtu = _get(v, "mtu", int)
            if mtu is not None and not 68 <= mtu <= 65535:
                mtu = None
            for address in addresses:
                try:
                    peers.append(new_peer(parse_address(address), role,
                                          ("%s %s" % (label, vmk))[:128], mtu, origin=name))
                except PeerError:
                    continue
    if not peers:
        raise PeerError("%s names no hot or cold vmknic with an address" % name)
    return peers


def load_report(data, name):
    try:
        return inputs.loads(data, name)
    except inputs.InputError as exc:
        raise PeerError(str(exc))


def merge(peers):
    """Drop exact duplicates (same address and role), keeping the first label and MTU."""
    seen = {}
    out = []
    for p in peers:
        key = (p["address"], p["role"])
        if key in seen:
            continue
        seen[key] = p
        out.append(p)
    return out


def capped(items, limit=MAX_PEERS, what="peers given"):
    """(the first ``limit`` items, a note (a message) or None); ``what``: "peers given" or
    "paths planned"."""
    if len(items) <= limit:
        return items, None
    note = "note.capped-paths-planned" if what == "paths planned" else "note.capped-peers-given"
    return items[:limit], msg(note, count=len(items), limit=limit)
