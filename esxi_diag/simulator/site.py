"""A simulated site (docs/simulator.md): several host profiles and the links between them, so that
``check`` on one simulated host tests the other simulated hosts' real addresses and ``compare``
can be shown end to end.

A site is a JSON object with ``hosts`` (each a host profile, by value or by file, in a named
``site``), ``links`` (RTT, jitter, loss and path MTU between two hosts or two sites) and the
default link inside a site (``lan``). ``--simulate SITE --host NAME`` runs one of its hosts: the
host's own profile, whose network also answers vmkping to every other host's vmknic addresses
with the properties of the link between them (network.py decides each probe). The other hosts'
hot- and cold-data addresses (chosen by the tool's own data-path rules, through the pipeline) are
the default peers of ``check``; their other addresses answer but are not tested by default.

Read like a profile (profile.py): bounded and depth-checked, each field of its documented type,
and a one-line ProfileError for anything else.
"""

import copy
import ipaddress
import os

from esxi_diag import kinds
from esxi_diag.analysis.model import HOSTNAME
from esxi_diag.simulator import profile as prof
from esxi_diag.simulator.profile import ProfileError
from esxi_diag.sources import inputs

BUILTIN_SITES = ("twosite",)
DEFAULT_SITE = "site"
# the link between two hosts of one site when the site names none: a switched LAN
LAN = {"rtt_ms": 0.25, "jitter_ms": 0.05, "loss_pct": 0, "path_mtu": 9000}
_LINK_FIELDS = ("rtt_ms", "jitter_ms", "loss_pct", "path_mtu", "unreachable")


def builtin_names():
    return list(BUILTIN_SITES)


load_builtin = prof.load_builtin  # sites and hosts share the profiles folder


def is_site(document):
    """A site has ``hosts`` (a list) where a host profile has ``host``."""
    return isinstance(document, dict) and "hosts" in document and "host" not in document


def load(name_or_path, host=None):
    """(the profile of the host to simulate, the site's name or None) from ``--simulate`` and
    ``--host``: a built-in profile or site, or a JSON file of either. ProfileError (one line):
    a site without ``host``, a host the site lacks, ``host`` with a single-host profile."""
    if name_or_path in prof.BUILTIN:
        document, base = prof.load_builtin(name_or_path), None
    elif name_or_path in BUILTIN_SITES:
        document, base = load_builtin(name_or_path), None
    else:
        if not os.path.exists(name_or_path):
            raise ProfileError("no built-in profile or site %r and no such file; built-in "
                               "profiles: %s; sites: %s" % (name_or_path, ", ".join(prof.BUILTIN),
                                                            ", ".join(BUILTIN_SITES)))
        document = prof.read_document(name_or_path, "profile or site")
        base = os.path.dirname(os.path.abspath(name_or_path))
    if not is_site(document):
        if host is not None:
            raise ProfileError("--host goes with a simulated site; %s is a single host's "
                               "profile" % name_or_path)
        prof.check_profile(document)
        return document, None
    site = validate(document, base, name_or_path)
    names = [h["name"] for h in site["hosts"]]
    if host is None:
        raise ProfileError("%s is a simulated site: give --host NAME, one of: %s" % (
            name_or_path, ", ".join(names)))
    if host not in names:
        raise ProfileError("%s has no host %r; its hosts: %s" % (name_or_path, host,
                                                                 ", ".join(names)))
    return host_profile(site, host), name_or_path


# -- validation -----------------------------------------------------------------------------------

def _number(value, low, high, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            not low <= value <= high:
        raise ProfileError("%s must be a number from %g to %g" % (what, low, high))
    return value


def _link(props, what):
    """A link's properties, checked; the fields it does not give are left out."""
    if not isinstance(props, dict):
        raise ProfileError("%s must be an object" % what)
    out = {}
    for key in _LINK_FIELDS:
        if props.get(key) is None:
            continue
        if key == "unreachable":
            if not isinstance(props[key], bool):
                raise ProfileError("%s unreachable must be true or false" % what)
            out[key] = props[key]
        elif key == "path_mtu":
            if not inputs.is_int(props[key]) or not 68 <= props[key] <= 65535:
                raise ProfileError("%s path_mtu must be a whole number from 68 to 65535" % what)
            out[key] = props[key]
        else:
            out[key] = _number(props[key], 0, 100 if key == "loss_pct" else 60000,
                               "%s %s" % (what, key))
    return out


def validate(document, base=None, name="the site"):
    """The site, checked and normalised: every host with its ``name``, ``site`` and ``profile``
    (a file is read, relative to the site's folder), the links by pair, the LAN of each site."""
    if not isinstance(document.get("hosts"), list) or not document["hosts"]:
        raise ProfileError("%s: a site needs a non-empty list of hosts" % name)
    if document.get("description") is not None and not isinstance(document["description"], str):
        raise ProfileError("%s: description must be a string" % name)
    sites = {} if document.get("sites") is None else document["sites"]
    if not isinstance(sites, dict):
        raise ProfileError("%s: sites must be an object (site name -> its lan)" % name)
    lan = dict(LAN, **_link({} if document.get("lan") is None else document["lan"],
                            "%s: lan" % name))
    out = {"description": document.get("description") or "", "hosts": [], "lans": {},
           "links": []}
    for site_name, props in sites.items():
        if not isinstance(props, dict):
            raise ProfileError("%s: site %s must be an object" % (name, site_name))
        out["lans"][site_name] = dict(lan, **_link({} if props.get("lan") is None else
                                                   props["lan"],
                                                   "%s: site %s lan" % (name, site_name)))
    for i, entry in enumerate(document["hosts"]):
        where = "%s: hosts[%d]" % (name, i)
        if not isinstance(entry, dict):
            raise ProfileError("%s must be an object" % where)
        profile = entry.get("profile")
        if entry.get("file") is not None:
            if profile is not None or not isinstance(entry["file"], str) or base is None:
                raise ProfileError("%s: give either a profile or a file (a file only in a site "
                                   "file)" % where)
            profile = prof.read_document(os.path.join(base, entry["file"]))
        if not isinstance(profile, dict):
            raise ProfileError("%s needs a profile (an object) or a file" % where)
        profile = copy.deepcopy(profile)
        host = profile.setdefault("host", {})
        if not isinstance(host, dict):
            raise ProfileError("%s: profile field 'host' must be an object" % where)
        host_name = entry.get("name") or host.get("hostname")
        if not isinstance(host_name, str) or not HOSTNAME.match(host_name):
            raise ProfileError("%s needs a name (a host name without dots)" % where)
        if host.get("hostname") not in (None, host_name):
            raise ProfileError("%s: name %r and host.hostname %r differ" % (
                where, host_name, host.get("hostname")))
        host["hostname"] = host_name
        try:
            prof.check_profile(profile)
        except ProfileError as exc:
            raise ProfileError("%s (%s): %s" % (where, host_name, exc))
        site_name = entry.get("site", DEFAULT_SITE)
        if not isinstance(site_name, str) or not site_name:
            raise ProfileError("%s: site must be a name" % where)
        if any(h["name"] == host_name for h in out["hosts"]):
            raise ProfileError("%s: the host name %s is used twice" % (name, host_name))
        out["lans"].setdefault(site_name, dict(lan))
        out["hosts"].append({"name": host_name, "site": site_name, "profile": profile})
    known = set(h["name"] for h in out["hosts"]) | set(out["lans"])
    links = [] if document.get("links") is None else document["links"]
    if not isinstance(links, list):
        raise ProfileError("%s: links must be a list" % name)
    for i, entry in enumerate(links):
        where = "%s: links[%d]" % (name, i)
        between = entry.get("between") if isinstance(entry, dict) else None
        if not isinstance(between, list) or len(between) != 2 or \
                not all(isinstance(b, str) for b in between):
            raise ProfileError("%s needs between: [two host or site names]" % where)
        for end in between:
            if end not in known:
                raise ProfileError("%s: %r is neither a host nor a site of this site file" % (
                    where, end))
        out["links"].append({"between": list(between), "props": _link(entry, where)})
    return out


# -- the network of one host of the site ----------------------------------------------------------

def _host(site, name):
    for h in site["hosts"]:
        if h["name"] == name:
            return h
    return None


def link(site, a, b):
    """The properties of the link between hosts ``a`` and ``b`` (names): a link between the two
    hosts, else one between a host and the other's site, else between their sites, else the LAN
    of their site when they share one; None when nothing joins them (nothing answers)."""
    ha, hb = _host(site, a), _host(site, b)
    ranks = []
    for entry in site["links"]:
        ends = set(entry["between"])
        if ends == {a, b}:
            ranks.append((0, entry))
        elif ends in ({a, hb["site"]}, {b, ha["site"]}):
            ranks.append((1, entry))
        elif ends == {ha["site"], hb["site"]}:
            ranks.append((2, entry))
    if ranks:
        return dict(LAN, **min(ranks, key=lambda r: r[0])[1]["props"])
    if ha["site"] == hb["site"]:
        return dict(site["lans"][ha["site"]])
    return None


def _facts(profile):
    """Just enough facts for the data-path rules: every vmknic, its netstack, tags and state."""
    vmknics = {}
    for v in prof.vmknics(profile):
        vmknics[v["name"]] = {"name": v["name"], "enabled": v.get("enabled", True),
                              "netstack": v.get("netstack", kinds.DEFAULT_NETSTACK),
                              "tags": list(v.get("tags") or [])}
    return {"vmknics": vmknics, "known": {"interfaces"}}


def data_roles(profile):
    """vmknic name -> its roles (``hot``, ``cold``), by the tool's own data-path rules."""
    from esxi_diag.analysis import pipeline  # only when a site is simulated
    paths = pipeline.described_paths(_facts(profile))
    roles = {}
    for role in ("hot", "cold"):
        for name in paths[role]["vmknics"]:
            roles.setdefault(name, []).append(role)
    return roles


def _addresses(v):
    out = []
    if (v.get("ipv4") or {}).get("address"):
        out.append(v["ipv4"]["address"])
    for a in v.get("ipv6") or []:
        try:
            if not ipaddress.ip_address(a["address"]).is_link_local:
                out.append(a["address"])
        except (KeyError, ValueError):
            continue
    return out


def peers_of(site, name):
    """The network peers host ``name`` sees: every enabled vmknic address of every other host it
    has a link to. A hot- or cold-data address has that role (both: no role) and is in check's
    default list; another address answers but is ``listed: false``. A don't-fragment probe
    passes up to the smallest of the link's path MTU, the vmknic's MTU and its switch's."""
    out = []
    for other in site["hosts"]:
        if other["name"] == name:
            continue
        props = link(site, name, other["name"])
        if props is None:
            continue
        profile = other["profile"]
        roles = data_roles(profile)
        for v in prof.vmknics(profile):
            if v.get("enabled", True) is False:
                continue
            switch = prof.switch_of(profile, v) or {}
            mtu = min(int(props.get("path_mtu", 9000)), int(v.get("mtu", 1500)),
                      int(switch.get("mtu", 65535)))
            role = roles.get(v["name"])
            for address in _addresses(v):
                peer = {"address": address, "label": "%s %s" % (other["name"], v["name"]),
                        "rtt_ms": props.get("rtt_ms", LAN["rtt_ms"]),
                        "jitter_ms": props.get("jitter_ms", 0), "loss_pct": props.get(
                            "loss_pct", 0), "path_mtu": mtu, "site_host": other["name"]}
                if props.get("unreachable"):
                    peer["unreachable"] = True
                if role and len(role) == 1:
                    peer["role"] = role[0]
                elif not role:
                    peer["listed"] = False
                out.append(peer)
    return out


def host_profile(site, name):
    """The profile of host ``name``, its network joined to the rest of the site: its own peers
    first, then every other host's addresses (``peers_of``)."""
    entry = _host(site, name)
    profile = copy.deepcopy(entry["profile"])
    network = dict(profile.get("network") or {})
    network["peers"] = list(network.get("peers") or []) + peers_of(site, name)
    profile["network"] = network
    return profile


def summary(site):
    """One line per host: its name and site, for ``simulator list`` and errors."""
    return ["%s (%s)" % (h["name"], h["site"]) for h in site["hosts"]]
