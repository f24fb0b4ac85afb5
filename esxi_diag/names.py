"""The names that reach a command line, and the constants every layer shares. No imports of the
package: anything may import it.

A vmknic, netstack or advanced-option name read from a host (or a profile, a transcript, a bundle)
is passed to a command only when it matches these shapes; ``display`` shows an argv as a person
types it.
"""

import re
import shlex

DEFAULT_NETSTACK = "defaultTcpipStack"
LINE_RATE_OPTION = "/Migrate/NetExpectedLineRateMBps"
LATENCY_OPTION = "/Migrate/NetLatencyModeThreshold"

# A typed command line longer than this is not a command (it is read as not recognised, and
# never tokenised: shlex is quadratic on long tokens).
MAX_COMMAND_CHARS = 4096

_VMKNIC = re.compile(r"^vmk[0-9]{1,4}$")
_NETSTACK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_OPTION = re.compile(r"^(/[A-Za-z0-9_]+){2}$")
_WORLD = re.compile(r"^[0-9]{1,12}$")
_RULESET = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_VMX_PATH = re.compile(r"^/vmfs/volumes/[^/\x00-\x1f\x7f]{1,255}(?:/[^/\x00-\x1f\x7f]{1,255})+\.vmx$")
VOLUMES = "/vmfs/volumes"
MAX_PATH_CHARS = 1024


def valid_vmknic(name):
    return isinstance(name, str) and bool(_VMKNIC.match(name))


def valid_netstack(name):
    return isinstance(name, str) and bool(_NETSTACK.match(name))


def valid_option(path):
    return isinstance(path, str) and bool(_OPTION.match(path))


def valid_world(world):
    """A running VM's World ID (digits), as ``esxcli network vm port list -w`` takes it."""
    return isinstance(world, str) and bool(_WORLD.match(world))


def valid_ruleset(name):
    """A firewall ruleset name (``vMotion``, ``NFC``, ``sshServer``)."""
    return isinstance(name, str) and bool(_RULESET.match(name))


def valid_vmx_path(path):
    """An absolute ``.vmx`` path on a datastore: ``/vmfs/volumes/<datastore>/.../<name>.vmx``,
    without ``.`` or ``..`` parts or control characters (it is read, and passed to grep)."""
    if not isinstance(path, str) or len(path) > MAX_PATH_CHARS or not _VMX_PATH.match(path):
        return False
    return all(part not in (".", "..") for part in path.split("/")[3:])


def sbmax_node(netstack):
    return "/net/tcpip/instances/%s/sbMax" % netstack


def config_node(option):
    """``/Migrate/NetExpectedLineRateMBps`` -> ``/config/Migrate/intOpts/NetExpectedLineRateMBps``."""
    module, name = option.strip("/").split("/", 1)
    return "/config/%s/intOpts/%s" % (module, name)


def display(argv_list):
    """A command line as a person would type it."""
    return " ".join(shlex.quote(a) for a in argv_list)
