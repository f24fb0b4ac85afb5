"""Which VMkernel ports carry vMotion's hot and cold data, and the rule that decided
(ldvm-rules.md, section 1).

hot data : the vmknics on the ``vmotion`` netstack if any exist (tags elsewhere are then inactive),
           else the enabled vmknics tagged VMotion.
cold data: the vmknics on the ``vSphereProvisioning`` netstack if any exist, else the enabled vmknics
           tagged for provisioning, else the Management-tagged vmknic(s).

Service tags take effect only on vmknics of the default netstack: a VMotion or vSphereProvisioning
tag on a vmknic of another netstack (an NSX ``vxlan`` TEP, a custom stack) carries nothing and is
listed as ``ignored_tagged``.

When the facts a rule needs are missing (no interface list, tags not collected) the basis is
``unknown``: never a guess, and no finding is raised on it.
"""

from esxi_diag.kinds import DEFAULT_NETSTACK
from esxi_diag.analysis.model import natural_key
from esxi_diag.message import msg

VMOTION_NETSTACK = "vmotion"
PROVISIONING_NETSTACK = "vSphereProvisioning"
TAG_VMOTION = "VMotion"
TAG_PROVISIONING = "vSphereProvisioning"
TAG_MANAGEMENT = "Management"


def has_tag(vmknic, tag):
    return any(t.lower() == tag.lower() for t in (vmknic.get("tags") or []))


def _sorted(vmknics):
    return sorted(vmknics, key=lambda v: natural_key(v["name"]))


def _path(basis, vmknics, reason, **extra):
    stacks = []
    for v in vmknics:
        if v.get("netstack") and v["netstack"] not in stacks:
            stacks.append(v["netstack"])
    path = {"basis": basis, "vmknics": [v["name"] for v in vmknics],
            "netstack": stacks[0] if stacks else None,
            "netstacks": stacks, "reason": reason, "inactive_tagged": [],
            "disabled_tagged": [], "unknown_tags": [], "ignored_tagged": []}
    path.update(extra)
    return path


def _by_netstack_or_tag(facts, netstack, tag, label, netstack_basis, tag_basis):
    """The netstack rule, then the tag rule. Returns (path or None, unknown_reason or None)."""
    vmknics = _sorted(facts["vmknics"].values())
    if "interfaces" not in facts["known"] and not vmknics:
        return None, msg("path.no-interface-list")
    on_stack = [v for v in vmknics if v.get("netstack") == netstack]
    tagged = [v for v in vmknics if has_tag(v, tag) and v.get("netstack") == DEFAULT_NETSTACK]
    ignored = [v["name"] for v in vmknics if has_tag(v, tag) and v.get("netstack") not in (
        None, DEFAULT_NETSTACK, netstack)]
    if on_stack:
        return _path(netstack_basis, on_stack,
                     msg("path.on-netstack", vmknics=[v["name"] for v in on_stack],
                         netstack=netstack, tag=label),
                     inactive_tagged=[v["name"] for v in tagged],
                     ignored_tagged=ignored), None
    if any(v.get("netstack") is None for v in vmknics):
        return None, msg("path.netstack-not-known", vmknics=[
            v["name"] for v in vmknics if v.get("netstack") is None])
    if "interfaces" not in facts["known"]:  # what follows rests on absence: a cut list cannot say
        return None, msg("path.interface-list-cut", netstack=netstack)
    # only vmknics of the default netstack can carry a service by tag
    unknown = [v["name"] for v in vmknics if v.get("tags") is None and
               v.get("netstack") == DEFAULT_NETSTACK]
    enabled = [v for v in tagged if v.get("enabled") is not False]
    disabled = [v["name"] for v in tagged if v.get("enabled") is False]
    if enabled:
        reason = msg("path.tagged", netstack=netstack, vmknics=[v["name"] for v in enabled],
                     tag=label, unknown=msg("path.maybe-more", vmknics=unknown) if unknown
                     else None)
        return _path(tag_basis, enabled, reason, disabled_tagged=disabled,
                     unknown_tags=unknown, ignored_tagged=ignored), None
    if unknown:
        return _unknown(msg("path.tags-not-collected", vmknics=unknown), unknown), None
    reason = msg("path.none", netstack=netstack, tag=label,
                 ignored=msg("path.ignored", tag=label, vmknics=ignored) if ignored else None)
    return _path("none", [], reason, disabled_tagged=disabled, ignored_tagged=ignored), None


def _unknown(reason, unknown_tags=()):
    return _path("unknown", [], reason, unknown_tags=list(unknown_tags))


def resolve_hot(facts):
    path, why = _by_netstack_or_tag(facts, VMOTION_NETSTACK, TAG_VMOTION, "VMotion",
                                    "vmotion-netstack", "vmotion-tag")
    return path if path is not None else _unknown(why)


def resolve_cold(facts):
    path, why = _by_netstack_or_tag(facts, PROVISIONING_NETSTACK, TAG_PROVISIONING,
                                    "vSphereProvisioning", "provisioning-netstack",
                                    "provisioning-tag")
    if path is None:
        return _unknown(why)
    if path["basis"] != "none":  # netstack, tag, or unknown
        return path
    vmknics = _sorted(facts["vmknics"].values())
    management = [v for v in vmknics if has_tag(v, TAG_MANAGEMENT) and v.get("enabled") is not False
                  and v.get("netstack") == DEFAULT_NETSTACK]
    if management:
        return _path("management", management,
                     msg("path.management", vmknics=[v["name"] for v in management]),
                     disabled_tagged=path["disabled_tagged"],
                     ignored_tagged=path["ignored_tagged"])
    return _path("none", [], msg("path.no-cold"),
                 disabled_tagged=path["disabled_tagged"], ignored_tagged=path["ignored_tagged"])


def resolve(facts):
    return {"hot": resolve_hot(facts), "cold": resolve_cold(facts)}
