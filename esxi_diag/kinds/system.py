"""Kinds of the host's identity: ESXi version and build, host name, and the Secure Boot state
(``secureBoot.py -s``; ``esxcli system settings encryption get`` from 7.0 U2)."""

import re

from esxi_diag.analysis.model import FQDN, HOSTNAME, VERSION, na, set_value, text, to_bool
from esxi_diag.kinds.base import FIRST, Kind
from esxi_diag.parsers import ParseError
from esxi_diag.message import msg

# Prints "Enabled" or "Disabled" (REAL on ESXi 7: shared/reference/...-vm-and-security.md, 5).
SECUREBOOT = "/usr/lib/vmware/secureboot/bin/secureBoot.py"


def _version(facts, rows, params, capture):
    row = rows[0] if rows else {}
    host = facts["host"]
    set_value(host, "product", text(row.get("product"), 64))
    version = text(row.get("version"), 32)
    set_value(host, "version", version if version and VERSION.match(version) else None)
    build = text(row.get("build"), 64)
    if build is not None:
        m = re.search(r"(\d{1,12})\s*$", build)
        set_value(host, "build", m.group(1) if m else None)
    elif isinstance(row.get("build"), int) and not isinstance(row.get("build"), bool):
        set_value(host, "build", str(row["build"]) if row["build"] >= 0 else None)
    for key in ("update", "patch"):
        value = row.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        set_value(host, key, text(value, 32))
    if host["version"] is None:
        raise ParseError(msg("parse.no-field", field="Version"))


def _hostname(facts, rows, params, capture):
    row = rows[0] if rows else {}
    name = text(row.get("hostname"), 63)
    fqdn = text(row.get("fullyqualifieddomainname"), 253)
    set_value(facts["host"], "hostname", name if name and HOSTNAME.match(name) else None)
    set_value(facts["host"], "fqdn", fqdn if fqdn and FQDN.match(fqdn) else None)
    if facts["host"]["hostname"] is None:
        raise ParseError(msg("parse.no-field", field="Host Name"))


def _secureboot(facts, rows, params, capture):
    set_value(facts["host"], "secure_boot", rows[0].get("enabled") if rows else None)


def _encryption(facts, rows, params, capture):
    """``esxcli system settings encryption get`` (7.0 U2 and later)."""
    row = rows[0] if rows else {}
    if "mode" not in row and "requiresecureboot" not in row:
        raise ParseError(msg("parse.no-field-either", field="Mode", other="Require Secure Boot"))
    if facts["host"]["encryption"] is None:
        facts["host"]["encryption"] = {
            "mode": na(row.get("mode")),
            "require_secure_boot": to_bool(row.get("requiresecureboot")),
            "require_installed_vibs": to_bool(row.get("requireexecutablesonlyfrominstalledvibs"))}


def _parse_secureboot(text_value):
    """``secureBoot.py -s`` prints one word: Enabled or Disabled."""
    words = (text_value or "").split()
    if len(words) == 1 and words[0].lower() in ("enabled", "disabled"):
        return [{"enabled": words[0].lower() == "enabled"}]
    raise ParseError(msg("parse.not-enabled-disabled", value=repr((text_value or "").strip()[:80])))


def _recognise_secureboot(program, args):
    return {} if args == ["-s"] else None


_VMWARE_VL = re.compile(r"^VMware ESXi\s+(\d+\.\d+(?:\.\d+)?)\s+build-(\d+)", re.I)
_VMWARE_UPDATE = re.compile(r"^VMware ESXi\s+\d+\.\d+(?:\.\d+)?\s+(?:Update\s+(\d+)|GA)", re.I)


def _parse_vmware_vl(text_value):
    row = {}
    for line in (text_value or "").splitlines():
        m = _VMWARE_VL.match(line.strip())
        if m:
            row["version"], row["build"] = m.group(1), m.group(2)
            continue
        m = _VMWARE_UPDATE.match(line.strip())
        if m and m.group(1):
            row["update"] = m.group(1)
    if "version" not in row:
        raise ParseError(msg("parse.no-line", line="VMware ESXi <version> build-<n>"))
    row["product"] = "VMware ESXi"
    return [row]


def _recognise_vmware(program, args):
    return {} if args and args[0] in ("-vl", "-lv", "-v", "--version") else None


KINDS = (
    Kind("system.version", esxcli=("system", "version", "get"), shape="stanza",
         extract=_version, order=10, collect=FIRST, manual="once"),
    Kind("system.hostname", esxcli=("system", "hostname", "get"), shape="stanza",
         extract=_hostname, order=11, collect=FIRST, manual="once"),
    Kind("system.encryption", esxcli=("system", "settings", "encryption", "get"),
         shape="stanza", extract=_encryption, order=12, collect=FIRST, manual="once"),
    Kind("system.secureboot", programs=("secureBoot.py",), argv=lambda p: [SECUREBOOT, "-s"],
         recognise=_recognise_secureboot, parse=_parse_secureboot, extract=_secureboot,
         order=13, collect=FIRST, manual="once"),
    Kind("vmware.version", programs=("vmware",), argv=lambda p: ["vmware", "-vl"],
         recognise=_recognise_vmware, parse=_parse_vmware_vl, extract=_version,
         order=90),
)
