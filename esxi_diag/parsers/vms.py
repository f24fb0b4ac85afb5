"""Virtual machines: ``vim-cmd vmsvc/getallvms`` and ``.vmx`` files. Pure; no I/O.

``getallvms`` (REAL samples: shared/reference/esxi-output-formats-vm-and-security.md, section 1):
a header ``Vmid Name File Guest OS Version Annotation`` padded differently from the rows (never cut
rows at header positions), then one row per VM: ``<vmid> <name> [<datastore>] <path>.vmx <guest>
<vmx-NN> [<annotation>]``. Names and paths may hold blanks: a row is anchored on its leading
number, the ``[datastore]`` that starts the file and the ``.vmx`` token that ends it. A line
without a leading Vmid continues the previous VM's annotation (multi-line annotations).
``Skipping invalid VM '<id>'`` may precede the header.

``.vmx`` (section 2): ``key = "value"`` lines, keys case-insensitive, values double-quoted.
"""

import re

from esxi_diag.parsers import ParseError, check_text
from esxi_diag.message import msg

_HEADER = re.compile(r"^\s*Vmid\s+Name\s+File\s+Guest OS\s+Version\s+Annotation\s*$", re.I)
_ROW = re.compile(r"^(\d+)\s+(.*?)\s+\[([^\]]*)\]\s+(.*?\.vmx)(?=\s|$)\s*(.*)$")
_COLUMNS = re.compile(r"\s{3,}")
_FILE = re.compile(r"^\[([^\]]*)\]\s*(.*\.vmx)$")
_SKIPPED = re.compile(r"^Skipping invalid VM '([^']*)'", re.I)
_VERSION = re.compile(r"^vmx-\d+$")
_VMX_LINE = re.compile(r'^\s*([A-Za-z0-9_.:\-]+)\s*=\s*"(.*)"\s*$')

MAX_VMX_BYTES = 1024 * 1024  # a .vmx is a few KiB; anything larger is not one


def parse_getallvms(text):
    """{"vms": [{"vmid", "name", "datastore", "path", "vmx", "guest", "version", "annotation"}],
    "skipped": [vmid, ...]}. Raises ParseError when there is neither a header nor a row."""
    check_text(text)
    vms, skipped = [], []
    header = False
    for raw in (text or "").splitlines():
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        m = _SKIPPED.match(line.strip())
        if m:
            skipped.append(m.group(1))
            continue
        if _HEADER.match(line):
            header = True
            continue
        m = _row(line.strip())
        if m and header:
            rest = m.group(5).split()
            guest = version = None
            if rest and not _VERSION.match(rest[0]):
                guest = rest.pop(0)
            if rest and _VERSION.match(rest[0]):
                version = rest.pop(0)
            annotation = " ".join(rest) or None
            datastore, path = m.group(3), m.group(4)
            vms.append({"vmid": m.group(1), "name": m.group(2).strip(), "datastore": datastore,
                        "path": path, "vmx": "[%s] %s" % (datastore, path), "guest": guest,
                        "version": version, "annotation": annotation})
            continue
        if header and vms:  # an annotation that goes on over several lines
            previous = vms[-1]
            previous["annotation"] = ((previous["annotation"] + "\n") if previous["annotation"]
                                      else "") + line.strip()
            continue
        if not header:
            raise ParseError(msg("parse.not-shape", shape="vim-cmd vmsvc/getallvms",
                                      line=repr(line.strip()[:80])))
    if not header:
        raise ParseError(msg("parse.no-header",
                             header="Vmid Name File Guest OS Version Annotation"))
    return {"vms": vms, "skipped": skipped}


class _Row(object):
    """The five parts of a row (vmid, name, datastore, path, the rest) like a regex match."""

    def __init__(self, parts):
        self.parts = parts

    def group(self, i):
        return self.parts[i - 1]


def _row(line):
    """A getallvms row: columns split on runs of three or more blanks, as the host prints them
    (names and paths may then hold single blanks and brackets); else, for a paste whose blanks
    were collapsed, anchored on the first ``[datastore]`` and the ``.vmx`` token."""
    cells = _COLUMNS.split(line)
    if len(cells) >= 3 and cells[0].isdigit():
        m = _FILE.match(cells[2])
        if m:
            return _Row([cells[0], cells[1], m.group(1), m.group(2), " ".join(cells[3:])])
    return _ROW.match(line)


def vmx_path(datastore_path):
    """``[ds] dir/x.vmx`` -> ``/vmfs/volumes/ds/dir/x.vmx``, or None when it is not that shape
    or would leave the datastore (``..``)."""
    m = re.match(r"^\[([^\]/]+)\]\s*(.+\.vmx)$", (datastore_path or "").strip())
    if not m:
        return None
    parts = m.group(2).split("/")
    if any(p in ("", ".", "..") for p in parts) or "\0" in datastore_path:
        return None
    return "/vmfs/volumes/%s/%s" % (m.group(1), m.group(2))


def parse_vmx(text):
    """The keys of a .vmx file, lower-cased, with their unquoted values. Lines that are not
    ``key = "value"`` (comments, blanks, damage) are skipped."""
    if text is None or len(text) > MAX_VMX_BYTES:
        raise ParseError(msg("parse.vmx-size"))
    check_text(text.replace("\x00", ""))
    out = {}
    for line in text.splitlines():
        m = _VMX_LINE.match(line)
        if m:
            out[m.group(1).lower()] = m.group(2)
    if not out:
        raise ParseError(msg("parse.no-line", line='key = "value"'))
    return out


ENCRYPTION_MODES = ("disabled", "opportunistic", "required")

# The lines of a .vmx that esxi-diag reads, as ``grep -i -E`` takes them (busybox grep on ESXi,
# and Python's re, read this pattern alike): the display name, every key of every virtual NIC,
# the Encrypted vMotion mode and the VM encryption keys. The collector reads the file itself and
# keeps these lines only (what the command prints); a person pastes the same command.
VMX_PATTERN = r"^(displayName|ethernet[0-9]+\.|migrate\.encryptionMode|encryption\.)"
_VMX_LINES = re.compile(VMX_PATTERN, re.I)


def grep_vmx(text):
    """What ``grep -i -E VMX_PATTERN`` prints of a .vmx: its matching lines, in order."""
    lines = [line for line in (text or "").splitlines(True) if _VMX_LINES.match(line)]
    out = "".join(lines)
    return out if not out or out.endswith("\n") else out + "\n"


def vm_from_vmx(keys):
    """What vMotion needs from a VM's .vmx: its NICs (network label, distributed switch and port
    group key, NSX opaque network, MAC) and its encryption posture. ``migrate_encryption`` is
    None when the key is absent (the default, opportunistic, applies) and the raw text when it
    is not a known mode. Values are as the file holds them (checked by the caller)."""
    nics = {}
    for key, value in keys.items():
        m = re.match(r"^ethernet(\d{1,3})\.(.+)$", key)
        if m:
            nics.setdefault(int(m.group(1)), {})[m.group(2)] = value
    out_nics = []
    for index in sorted(nics):
        fields = nics[index]
        if fields.get("present", "true").lower() != "true":
            continue
        out_nics.append({"nic": "ethernet%d" % index,
                         "network": fields.get("networkname"),
                         "dvs_switch": fields.get("dvs.switchid"),
                         "dvs_portgroup": fields.get("dvs.portgroupid"),
                         "dvs_port": fields.get("dvs.portid"),
                         "opaque_network": fields.get("opaquenetwork.id"),
                         "mac": fields.get("generatedaddress") or fields.get("address"),
                         "start_connected": fields.get("startconnected")})
    mode = keys.get("migrate.encryptionmode")
    encrypted = bool(keys.get("encryption.keysafe") or keys.get("encryption.data"))
    return {"display_name": keys.get("displayname"), "nics": out_nics,
            "migrate_encryption": mode.lower() if mode and mode.lower() in ENCRYPTION_MODES
            else mode, "encrypted": encrypted}
