"""What each ESXi release has, for the rules and the tuning: one place, so that every finding
says the same thing about the same release. Pure.

- the ``sbMax`` node of ``/net/tcpip/instances/<netstack>/`` exists from vSphere 6.7 U1 (KB);
- ``esxcli system settings encryption get`` (Secure Boot enforcement) exists from 7.0 U2;
- ``/etc/rc.local.d/local.sh`` is not run when UEFI Secure Boot is enabled (its own header says
  so, on every release this tool supports, 6.5 and later).

Each question answers True, False, or None when the release is not known.
"""


def version_tuple(host):
    """(major, minor, patch, update) of a facts ``host`` record, or None when not known."""
    version = (host or {}).get("version")
    if not version:
        return None
    try:
        parts = [int(p) for p in str(version).split(".")[:3]]
    except ValueError:
        return None
    parts += [0] * (3 - len(parts))
    try:
        update = int(str((host or {}).get("update") or 0))
    except ValueError:
        update = 0
    return tuple(parts) + (update,)


def at_least(host, major, minor, patch=0, update=0):
    found = version_tuple(host)
    if found is None:
        return None
    return found >= (major, minor, patch, update)


def has_sbmax(host):
    """The sbMax node exists from 6.7 U1 (6.7.0 Update 1)."""
    return at_least(host, 6, 7, 0, 1)


def describe(host):
    """'6.7.0 Update 1', '8.0.3', or 'an unknown release'."""
    found = version_tuple(host)
    if found is None:
        return "an unknown release"
    text = "%d.%d.%d" % found[:3]
    if found[3]:
        text += " Update %d" % found[3]
    return text


def local_sh_runs_at_boot(host):
    """False when UEFI Secure Boot is enabled (local.sh is then skipped at boot), True when it is
    known to be disabled, None when the Secure Boot state was not read."""
    secure = (host or {}).get("secure_boot")
    if secure is None:
        encryption = (host or {}).get("encryption") or {}
        if encryption.get("require_secure_boot"):
            return False  # enforced: Secure Boot is on
        return None
    return not secure
