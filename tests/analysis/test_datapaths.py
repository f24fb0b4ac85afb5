"""Data-path resolution (ldvm-rules.md section 1) as a table of cases."""
from esxi_diag.render.messages import render
import pytest

from esxi_diag.analysis import datapaths
from esxi_diag.analysis.model import new_facts, new_vmknic

D, VM, PROV = "defaultTcpipStack", "vmotion", "vSphereProvisioning"


def vmk(name, netstack=D, tags=(), enabled=True):
    v = new_vmknic(name)
    v.update(netstack=netstack, enabled=enabled, tags=None if tags is None else list(tags))
    return v


def facts_of(*vmknics, **kw):
    f = new_facts()
    for v in vmknics:
        f["vmknics"][v["name"]] = v
    if kw.get("interfaces_known", True):
        f["known"].add("interfaces")
    return f


CASES = [
    # (description, vmknics, hot (basis, vmknics), cold (basis, vmknics))
    ("vmotion netstack wins over a VMotion tag",
     [vmk("vmk0", tags=["Management", "VMotion"]), vmk("vmk1", VM)],
     ("vmotion-netstack", ["vmk1"]), ("management", ["vmk0"])),
    ("tag on the default netstack",
     [vmk("vmk0", tags=["Management"]), vmk("vmk1", tags=["VMotion"])],
     ("vmotion-tag", ["vmk1"]), ("management", ["vmk0"])),
    ("several tagged vmknics, tag case-insensitive",
     [vmk("vmk0", tags=["Management"]), vmk("vmk2", tags=["vmotion"]),
      vmk("vmk10", tags=["VMotion"])],
     ("vmotion-tag", ["vmk2", "vmk10"]), ("management", ["vmk0"])),
    ("disabled tagged vmknic carries nothing",
     [vmk("vmk0", tags=["Management"]), vmk("vmk1", tags=["VMotion"], enabled=False)],
     ("none", []), ("management", ["vmk0"])),
    ("no vMotion at all",
     [vmk("vmk0", tags=["Management"])], ("none", []), ("management", ["vmk0"])),
    ("provisioning netstack wins over provisioning tag",
     [vmk("vmk0", tags=["Management", "vSphereProvisioning"]), vmk("vmk1", VM),
      vmk("vmk2", PROV)],
     ("vmotion-netstack", ["vmk1"]), ("provisioning-netstack", ["vmk2"])),
    ("provisioning tag",
     [vmk("vmk0", tags=["Management"]), vmk("vmk1", tags=["VMotion", "vSphereProvisioning"])],
     ("vmotion-tag", ["vmk1"]), ("provisioning-tag", ["vmk1"])),
    ("no management and no provisioning",
     [vmk("vmk1", VM)], ("vmotion-netstack", ["vmk1"]), ("none", [])),
    ("tags not collected: unknown, never a guess",
     [vmk("vmk0", tags=None), vmk("vmk1", tags=None)], ("unknown", []), ("unknown", [])),
    ("vmotion netstack needs no tags; cold data still needs them",
     [vmk("vmk0", tags=None), vmk("vmk1", VM, tags=None)],
     ("vmotion-netstack", ["vmk1"]), ("unknown", [])),
    ("some tags unknown but a VMotion tag seen: the known ones, flagged",
     [vmk("vmk0", tags=["Management"]), vmk("vmk1", tags=["VMotion"]), vmk("vmk2", tags=None)],
     ("vmotion-tag", ["vmk1"]), ("unknown", [])),
]


@pytest.mark.parametrize("desc,vmknics,hot,cold", CASES, ids=[c[0] for c in CASES])
def test_resolution(desc, vmknics, hot, cold):
    paths = datapaths.resolve(facts_of(*vmknics))
    assert (paths["hot"]["basis"], paths["hot"]["vmknics"]) == hot
    assert (paths["cold"]["basis"], paths["cold"]["vmknics"]) == cold


def test_inactive_tags_are_reported_with_the_path():
    paths = datapaths.resolve(facts_of(vmk("vmk0", tags=["Management", "VMotion"]),
                                       vmk("vmk1", VM)))
    assert paths["hot"]["inactive_tagged"] == ["vmk0"]
    assert "precedence" in render(paths["hot"]["reason"])


def test_partial_tags_say_there_may_be_more():
    paths = datapaths.resolve(facts_of(vmk("vmk1", tags=["VMotion"]), vmk("vmk2", tags=None)))
    assert paths["hot"]["unknown_tags"] == ["vmk2"]
    assert "may be more" in render(paths["hot"]["reason"])


def test_nothing_collected_is_unknown():
    paths = datapaths.resolve(facts_of(interfaces_known=False))
    assert paths["hot"]["basis"] == "unknown" and paths["cold"]["basis"] == "unknown"
    assert "not collected" in render(paths["hot"]["reason"])


def test_unknown_netstack_is_unknown():
    v = vmk("vmk1", tags=["VMotion"])
    v["netstack"] = None
    assert datapaths.resolve(facts_of(v))["hot"]["basis"] == "unknown"


def test_netstack_of_path():
    paths = datapaths.resolve(facts_of(vmk("vmk0", tags=["Management"]), vmk("vmk1", VM)))
    assert paths["hot"]["netstack"] == VM and paths["cold"]["netstack"] == D
