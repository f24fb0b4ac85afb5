"""The simulated host's profile (docs/simulator.md): the built-in profiles, loading a profile by
name or from a JSON file (bounded and depth-checked), its validation, and what it describes of the
host's configuration (vmknics, netstacks, route tables, switches, version) for the other modules
of the simulator to read.

A profile is only read here, never changed: what ``tune --apply`` changes lives in files.py's
state.
"""

import ipaddress
import json
import os
import pkgutil

from esxi_diag import kinds
from esxi_diag.sources import inputs

BUILTIN = ("lan", "ldvm", "wan-faults", "broken", "vsan-nsx", "multinic", "ipv6")
DEFAULT_PROFILE = "lan"


class ProfileError(ValueError):
    pass


# -- the built-in profiles and loading ------------------------------------------------------------

def builtin_names():
    return list(BUILTIN)


def load_builtin(name):
    data = pkgutil.get_data("esxi_diag.simulator", "profiles/%s.json" % name)
    return json.loads(data.decode("utf-8"))


def load_profile(name_or_path):
    """A built-in profile by name, or a JSON profile file. Raises ProfileError with one line."""
    if name_or_path in BUILTIN:
        profile = load_builtin(name_or_path)
    else:
        profile = read_document(name_or_path, "profile")
    check_profile(profile)
    return profile


def check_profile(profile):
    """ProfileError (one line) unless ``profile`` is a sound host profile."""
    validate_profile(profile)
    _check_profile_types(profile)


def read_document(path, what="profile"):
    """The JSON document of a profile (or site) file: read within the size limit, depth-checked
    (never MemoryError or RecursionError); ProfileError with one line otherwise."""
    if not os.path.exists(path):
        raise ProfileError("no built-in profile %r and no such file; built-ins: %s" % (
            path, ", ".join(BUILTIN)))
    try:
        raw = inputs.read_file(path, inputs.JSON_BYTES)
    except inputs.InputError as exc:
        raise ProfileError("no built-in profile %r and %s; built-ins: %s" % (
            path, exc, ", ".join(BUILTIN)))
    try:
        return inputs.loads(raw, path)
    except inputs.InputError as exc:
        raise ProfileError("%s is not a JSON %s: %s" % (path, what, exc))


_PROFILE_TYPES = (("description", str), ("host", dict), ("nics", list), ("vswitches", list),
                  ("dvswitches", list), ("vmknics", list), ("netstacks", list),
                  ("routes", dict), ("advanced", dict), ("sbmax", dict), ("timing", dict),
                  ("network", dict), ("faults", dict), ("filesystem", dict), ("vms", list),
                  ("firewall", dict))


def _check_profile_types(profile):
    """The documented top-level fields, each of its documented type (docs/simulator.md):
    ProfileError (one line) otherwise, before the simulator reads any of it."""
    for key, kind in _PROFILE_TYPES:
        if profile.get(key) is not None and not isinstance(profile[key], kind):
            raise ProfileError("profile field %r must be a%s %s" % (
                key, "n" if kind is dict else "", {dict: "object", list: "list",
                                                   str: "string"}[kind]))
    for key in ("nics", "vswitches", "dvswitches", "vmknics", "vms"):
        for item in profile.get(key) or []:
            if not isinstance(item, dict):
                raise ProfileError("every entry of %r must be an object" % key)
    _check_vms(profile)
    rulesets = (profile.get("firewall") or {}).get("rulesets")
    if rulesets is not None and not (isinstance(rulesets, dict) and all(
            kinds.valid_ruleset(k) and isinstance(v, bool) for k, v in rulesets.items())):
        raise ProfileError("firewall.rulesets maps ruleset names to true or false")
    if not isinstance((profile.get("firewall") or {}).get("enabled", True), bool):
        raise ProfileError("firewall.enabled must be true or false")
    for key in ("advanced", "sbmax"):
        for name, value in (profile.get(key) or {}).items():
            if value is not None and not inputs.is_int(value):
                raise ProfileError("profile %s %r must be a whole number" % (key, name))


def validate_profile(profile):
    if not isinstance(profile, dict):
        raise ProfileError("a profile is a JSON object")
    host = profile.get("host")
    if not isinstance(host, dict) or not host.get("hostname"):
        raise ProfileError("the profile needs host.hostname")
    for key in ("nics", "vswitches", "dvswitches", "vmknics"):
        if not isinstance(profile.get(key, []), list):
            raise ProfileError("profile field %r must be a list" % key)
    for v in profile.get("vmknics", []):
        if not isinstance(v, dict) or not kinds.valid_vmknic(v.get("name")):
            raise ProfileError("every vmknic needs a name like vmk1: %r" % (v,))
        if not kinds.valid_netstack(v.get("netstack", kinds.DEFAULT_NETSTACK)):
            raise ProfileError("%s has an invalid netstack name" % v["name"])
        ipv4 = v.get("ipv4")
        if ipv4:
            try:
                ipaddress.IPv4Interface("%s/%s" % (ipv4["address"], ipv4["netmask"]))
            except (KeyError, ValueError) as exc:
                raise ProfileError("%s: bad ipv4 (%s)" % (v["name"], exc))


_VM_TEXT = ("name", "vmx", "guest", "version", "annotation", "migrate_encryption", "vmid",
            "world_id", "vmx_text")


def _check_vms(profile):
    """The ``vms`` entries (docs/simulator.md): ProfileError (one line) for one that is not."""
    for vm in profile.get("vms") or []:
        if not isinstance(vm.get("name"), str) or not vm["name"].strip():
            raise ProfileError("every VM needs a name: %r" % (vm,))
        for key in _VM_TEXT:
            if vm.get(key) is not None and not isinstance(vm[key], str):
                raise ProfileError("VM %s: %s must be a string" % (vm["name"], key))
        if vm.get("power_state", "on") not in ("on", "off"):
            raise ProfileError("VM %s: power_state is on or off" % vm["name"])
        for key in ("encrypted", "invalid", "vmx_missing"):
            if not isinstance(vm.get(key, False), bool):
                raise ProfileError("VM %s: %s must be true or false" % (vm["name"], key))
        if vm.get("vmx") is not None and vm_path(vm["vmx"]) is None:
            raise ProfileError("VM %s: vmx must be '[datastore] folder/name.vmx'" % vm["name"])
        if not isinstance(vm.get("networks", []), list):
            raise ProfileError("VM %s: networks must be a list" % vm["name"])
        for net in vm.get("networks", []):
            if isinstance(net, dict):
                if not isinstance(net.get("dvs"), str) or not isinstance(net.get("portgroup"),
                                                                         str):
                    raise ProfileError("VM %s: a distributed network is {\"dvs\": <switch "
                                       "name>, \"portgroup\": <its key>}" % vm["name"])
            elif not isinstance(net, str):
                raise ProfileError("VM %s: a network is a port group name or {\"dvs\", "
                                   "\"portgroup\"}" % vm["name"])
        delay = vm.get("vmx_delay_s", 0)
        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or delay < 0:
            raise ProfileError("VM %s: vmx_delay_s must be a number of seconds" % vm["name"])


def vm_path(datastore_path):
    """``[ds] dir/x.vmx`` -> ``/vmfs/volumes/ds/dir/x.vmx`` when that is a valid .vmx path."""
    from esxi_diag.parsers.vms import vmx_path
    path = vmx_path(datastore_path)
    return path if kinds.valid_vmx_path(path) else None


def version_tuple(text):
    """(major, minor, patch) of a version string like "7.0.3"; what is not a number counts 0."""
    parts = []
    for p in str(text or "0").split("."):
        try:
            parts.append(int(p))
        except ValueError:
            parts.append(0)
    return tuple(parts + [0] * (3 - len(parts)))


# -- what the profile describes of the host -------------------------------------------------------

def version(profile):
    return version_tuple(profile["host"].get("version", "7.0.3"))


def vmknics(profile):
    return list(profile.get("vmknics", []))


def vmknic(profile, name):
    """The vmknic called ``name``, or None."""
    for v in vmknics(profile):
        if v["name"] == name:
            return v
    return None


def netstacks(profile):
    """The default netstack, every vmknic's, then the profile's ``netstacks``: in that order."""
    names = [kinds.DEFAULT_NETSTACK]
    for v in vmknics(profile):
        stack = v.get("netstack", kinds.DEFAULT_NETSTACK)
        if stack not in names:
            names.append(stack)
    for stack in profile.get("netstacks", []):
        if stack not in names:
            names.append(stack)
    return names


def routes(profile, netstack):
    """The profile's IPv4 routes of a netstack, plus the connected subnets of its enabled
    vmknics."""
    out = []
    for r in profile.get("routes", {}).get(netstack, []):
        out.append(r)
    for v in vmknics(profile):
        if v.get("netstack", kinds.DEFAULT_NETSTACK) != netstack or not v.get("ipv4"):
            continue
        if v.get("enabled", True) is False:
            continue
        net = ipaddress.IPv4Interface("%s/%s" % (v["ipv4"]["address"],
                                                 v["ipv4"]["netmask"])).network
        out.append({"network": str(net.network_address), "netmask": str(net.netmask),
                    "gateway": "0.0.0.0", "interface": v["name"]})
    return out


def routes6(profile, netstack):
    """The profile's IPv6 routes of a netstack, plus the connected prefixes of its enabled
    vmknics' global (not link-local) addresses."""
    out = [dict(r) for r in (profile.get("routes6") or {}).get(netstack, [])]
    for v in vmknics(profile):
        if v.get("netstack", kinds.DEFAULT_NETSTACK) != netstack or \
                v.get("enabled", True) is False:
            continue
        for a in v.get("ipv6", []):
            iface = ipaddress.IPv6Interface("%s/%d" % (a["address"],
                                                       int(a.get("prefix_length", 64))))
            if iface.ip.is_link_local:
                continue
            out.append({"network": str(iface.network.network_address),
                        "prefix_length": iface.network.prefixlen, "gateway": "::",
                        "interface": v["name"]})
    return out


def vms(profile):
    """The profile's VMs with every default filled in: ``vmid`` (its place, from 1),
    ``world_id`` (running VMs), ``vmx`` (``[datastore1] <name>/<name>.vmx``) and ``path``,
    ``power_state`` (on), ``guest``, ``version``, ``networks``."""
    out = []
    for i, vm in enumerate(profile.get("vms") or []):
        vm = dict(vm)
        vm.setdefault("vmid", str(i + 1))
        vm.setdefault("vmx", "[datastore1] %s/%s.vmx" % (vm["name"], vm["name"]))
        vm["path"] = vm_path(vm["vmx"])
        vm["datastore"] = vm["vmx"][1:vm["vmx"].index("]")]
        vm.setdefault("power_state", "on")
        vm.setdefault("world_id", str(2099871 + 1117 * i))
        vm.setdefault("guest", "otherGuest64")
        vm.setdefault("version", "vmx-19")
        vm.setdefault("networks", [])
        out.append(vm)
    return out


def dvswitch(profile, name):
    """The ``dvswitches`` entry called ``name``, or None."""
    for s in profile.get("dvswitches") or []:
        if s.get("name") == name:
            return s
    return None


def vswitch_of_portgroup(profile, portgroup):
    """The standard switch that has a port group of that name, or None."""
    for s in profile.get("vswitches") or []:
        if any(p.get("name") == portgroup for p in s.get("portgroups", [])):
            return s
    return None


def switch_of(profile, vmknic):
    """The standard or distributed switch a vmknic is on, or None."""
    name = vmknic.get("switch")
    for s in profile.get("vswitches", []) + profile.get("dvswitches", []):
        if s["name"] == name:
            return s
    return None


def is_dvs(profile, switch):
    return switch is not None and switch in profile.get("dvswitches", [])
