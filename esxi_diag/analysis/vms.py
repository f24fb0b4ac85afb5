"""The virtual machines of one host, as the report holds them (``vms`` of schema esxi-diag/1,
docs/report.md): the inventory joined with each VM's .vmx, the running VMs and their ports.

- ``inventory``: ``read`` (the list and every VM's .vmx were read), ``partial`` (the list was cut,
  the host skipped invalid entries, or some .vmx was not read), ``failed`` (``vim-cmd vmsvc/
  getallvms`` ran but could not be read), ``not-read`` (it was not collected or pasted);
- a VM's ``.vmx`` is matched by its path (``[ds] dir/x.vmx`` is ``/vmfs/volumes/ds/dir/x.vmx``);
  a pasted .vmx under another path (the datastore's UUID) is matched by its display name and
  file name; one that matches no listed VM is listed on its own (``vmid`` null, ``vmx`` its
  path as ``[datastore] dir/x.vmx``, ``name`` its displayName or else its file name), and so is a
  running VM of ``esxcli network vm list`` when the VM list was not read;
- ``power_state``: ``on`` when the VM is among the running VMs of ``esxcli network vm list``
  (matched by display name; a name two VMs share matches neither); ``off`` when that complete
  list does not show it although its .vmx gives it an adapter that connects at power on to a
  port group or distributed switch of this host (a running VM has a port for such an adapter;
  the reference marks the absence of powered-off VMs as unverified, so any other VM missing
  from the list stays unknown); else null;
- ``migrate_encryption``: the .vmx value; the default ``opportunistic`` when the key is absent
  from a .vmx that was read where it would show; null when not known (or a spelling this tool
  does not know: a note says which).
"""

from esxi_diag.analysis.model import natural_key
from esxi_diag.sources import capture as cap
from esxi_diag.message import msg

MAX_LISTED = 10  # VM names a finding lists before "and N more"


def _status(captures, kind):
    """(read, failed): whether any capture of ``kind`` was parsed, or all of them failed."""
    mine = [c for c in captures if c.kind == kind]
    parsed = any(c.status == cap.PARSED for c in mine)
    return parsed, bool(mine) and not parsed


def _nics(record):
    if record is None or record.get("nics") is None:
        return []
    return [dict((k, n.get(k)) for k in ("device", "network", "dvs_switch", "dvs_portgroup",
                                         "dvs_port", "opaque_network", "mac"))
            for n in record["nics"]]


def _gets_a_port(facts, nic):
    """Whether a running VM would show this NIC in ``esxcli network vm list``: it connects at
    power on, to a port group or distributed switch this host is known to have."""
    if not nic.get("start_connected", True):
        return False
    if nic.get("dvs_switch"):
        return any(s.get("uuid") == nic["dvs_switch"] for s in facts["vswitches"].values())
    return bool(nic.get("network")) and nic["network"] in facts["portgroups"]


def _vm(entry, record, running, ports, facts):
    """One VM of the report from its inventory entry (or None) and its .vmx record (or None)."""
    name = entry["name"] if entry else record.get("display_name")
    vmx_read = record is not None and record.get("nics") is not None
    out = {"vmid": entry["vmid"] if entry else None, "name": name,
           "vmx": entry["vmx"] if entry else None,
           "power_state": None, "vmx_read": vmx_read, "nics": _nics(record),
           "migrate_encryption": (record or {}).get("migrate_encryption"),
           "encrypted": (record or {}).get("encrypted"),
           "world_id": None, "running_networks": None, "ports": None,
           "display_name": (record or {}).get("display_name"),  # the .vmx's own, may differ
           "guest": entry.get("guest") if entry else None,
           "annotation": entry.get("annotation") if entry else None}
    if running is not None:
        out["power_state"] = "on"
        out["world_id"] = running["world_id"]
        out["running_networks"] = list(running["networks"])
        if running["world_id"] in ports:
            out["ports"] = [dict(p) for p in ports[running["world_id"]]]
    elif "vm-running" in facts["known"] and vmx_read and any(
            _gets_a_port(facts, n) for n in (record or {}).get("nics") or []):
        out["power_state"] = "off"
    if out["ports"] is None:  # a port list pasted without the VM list: matched by MAC
        macs = set(n["mac"].lower() for n in out["nics"] if n.get("mac"))
        for world, listed in sorted(ports.items()):
            if macs and any((p.get("mac") or "").lower() in macs for p in listed):
                out["ports"] = [dict(p) for p in listed]
                out["world_id"] = out["world_id"] or world
                out["power_state"] = "on"
                break
    return out


def inventory(facts, captures):
    """The report's ``vms``: {"inventory", "list"} (and notes added to the facts)."""
    vm = facts["vm"]
    failed = _status(captures, "vm.list")[1]
    if vm["inventory"] is None:
        inventory = "failed" if failed else "not-read"
    else:
        inventory = "read"
    by_name = {}
    for world in (vm["running"] or {}).values():
        by_name.setdefault(world["name"], []).append(world)
    listed = vm["inventory"] or []
    records = vm["vmx"]
    used = set()
    out = []
    for entry in listed:
        record = records.get(entry["path"]) if entry.get("path") else None
        if record is not None:
            used.add(entry["path"])
        running = by_name.get(entry["name"])
        out.append(_vm(entry, record, running[0] if running and len(running) == 1 else None,
                       vm["ports"], facts))
    for path in sorted(p for p in records if p not in used):
        record = records[path]
        base = path.rsplit("/", 1)[-1]
        twins = [i for i, e in enumerate(listed) if not out[i]["vmx_read"] and
                 (e.get("vmx") or "").rsplit("/", 1)[-1] == base and
                 e["name"] == record.get("display_name")]
        if len(twins) == 1:  # the same file pasted under the datastore's UUID
            i = twins[0]
            running = by_name.get(listed[i]["name"])
            out[i] = _vm(listed[i], record, running[0] if running and len(running) == 1
                         else None, vm["ports"], facts)
            continue
        running = by_name.get(record.get("display_name"))
        alone = _vm(None, record, running[0] if running and len(running) == 1 else None,
                    vm["ports"], facts)
        alone["vmx"] = _datastore_form(path)
        if alone["name"] is None:  # no displayName among the lines shown: its file's name
            alone["name"] = base[:-len(".vmx")]
        out.append(alone)
    if vm["inventory"] is None:  # the running VMs of a session without the VM list
        shown = set(v["name"] for v in out)
        for world in sorted((vm["running"] or {}).values(), key=lambda w: natural_key(w["name"])):
            if world["name"] not in shown and len(by_name[world["name"]]) == 1:
                out.append(_vm({"vmid": None, "name": world["name"], "vmx": None}, None, world,
                               vm["ports"], facts))
    for path, record in sorted(records.items()):
        if record.get("migrate_encryption_raw"):
            facts["notes"].append(msg(
                "note.unknown-encryption-mode", vm=record.get("display_name") or path,
                value=repr(record["migrate_encryption_raw"])))
    if vm["skipped"]:
        facts["notes"].append(msg("note.invalid-vms", count=len(vm["skipped"]),
                                  vmids=vm["skipped"][:10]))
    if inventory == "read" and ("vm-inventory" not in facts["known"] or vm["skipped"] or
                                any(not v["vmx_read"] for v in out)):
        inventory = "partial"
    out.sort(key=lambda v: (v["vmid"] is None, natural_key(v["vmid"] or ""),
                            natural_key(v["name"] or "")))
    return {"inventory": inventory, "list": out}


def _datastore_form(path):
    """``/vmfs/volumes/ds/dir/x.vmx`` -> ``[ds] dir/x.vmx``, as getallvms names a .vmx."""
    parts = path.split("/", 4)
    return "[%s] %s" % (parts[3], parts[4]) if len(parts) == 5 else path


def listed(names, limit=MAX_LISTED):
    """(the first ``limit`` names in natural order, how many more)."""
    names = sorted(names, key=natural_key)
    return names[:limit], max(0, len(names) - limit)
