"""The network beyond the simulated host, as vmkping sees it.

``Network`` holds the profile's ``network``: its peers (who answers, with what RTT, jitter, loss
and path MTU, or not at all), the vmknics that vanished or moved since collection, the smallest
interval vmkping accepts, and the seed of loss and jitter. ``ping(argv)`` decides a vmkping like
the real one (no route or a disabled vmknic: Network is unreachable; a don't-fragment payload over
the vmknic's MTU: Message too long; a wrong ``-S``: silence) and returns its exit code, stdout,
stderr and how many seconds it takes; the host waits those seconds (scaled by its speed).
"""

import ipaddress
import random
import threading

from esxi_diag import kinds
from esxi_diag.simulator import profile as prof


class Network(object):
    """The simulated world around the host. Thread-safe: probes run from a pool."""

    def __init__(self, profile):
        self.profile = profile
        self._lock = threading.Lock()
        self._ping_counters = {}  # (vmknic, target, size, df) -> calls: varies loss and jitter

    def peers(self):
        return list((self.profile.get("network") or {}).get("peers", []))

    def peer(self, address, netstack):
        """The peer at ``address`` that answers on ``netstack``, or None."""
        for p in self.peers():
            if p.get("address") == address and p.get("netstack") in (None, netstack):
                return p
        return None

    def routable(self, v, target):
        """The simulated world's own routing: on-link, a gateway of the vmknic, or a route of its
        netstack that covers the target."""
        addr = ipaddress.ip_address(target)
        if addr.version == 6:
            if not any(not ipaddress.ip_address(a["address"]).is_link_local
                       for a in v.get("ipv6", [])):
                return False
            for r in prof.routes6(self.profile, v.get("netstack", kinds.DEFAULT_NETSTACK)):
                network = "::" if r.get("network") in ("default", "::") else r["network"]
                if addr in ipaddress.IPv6Network("%s/%d" % (network, int(r.get(
                        "prefix_length", 0))), strict=False):
                    return True
            return False
        ip = v.get("ipv4")
        if not ip:
            return False
        if addr in ipaddress.IPv4Interface("%s/%s" % (ip["address"], ip["netmask"])).network:
            return True
        if ip.get("gateway"):
            return True
        for r in self.profile.get("routes", {}).get(v.get("netstack", kinds.DEFAULT_NETSTACK),
                                                     []):
            network = "0.0.0.0" if r["network"] == "default" else r["network"]
            if addr in ipaddress.IPv4Network("%s/%s" % (network, r["netmask"]), strict=False):
                return True
        return False

    def _rng(self, key):
        """A random source per probe and per call: the same run gives the same answers."""
        with self._lock:
            self._ping_counters[key] = self._ping_counters.get(key, 0) + 1
            n = self._ping_counters[key]
        seed = (self.profile.get("network") or {}).get("seed", 1)
        return random.Random("%s|%s|%d" % (seed, key, n))

    def ping(self, argv):
        """(exit code, stdout, stderr, seconds it takes) of a simulated vmkping."""
        found = kinds.recognise(kinds.display(argv))
        if found is None:
            return 64, "", "usage: vmkping [args] hostname\n", 0.0
        params = found[1]
        target = params["target"]
        count = max(1, int(params.get("count", 3)))
        interval = float(params.get("interval", 1))
        wait = float(params.get("wait", 1))
        size = int(params.get("size", 56))
        network = self.profile.get("network") or {}
        if interval < float(network.get("min_interval_s", 0)):
            # the real wording is unverified (ESXi accepted -i 0.05 as root in the captures
            # the reference cites): say plainly that it is simulated
            return 64, "", ("vmkping: simulated: -i interval too short: Operation not "
                            "permitted\n"), 0.0
        v = prof.vmknic(self.profile, params.get("vmknic")) if params.get("vmknic") else \
            prof.vmknics(self.profile)[0]
        vanished = network.get("vanished", [])
        if v is None or v["name"] in vanished:
            # what vmkping prints for an unknown interface is unverified: say it is simulated
            return 1, "", "vmkping: simulated: interface %s does not exist\n" % params.get(
                "vmknic"), 0.0
        try:
            ipv6 = ipaddress.ip_address(target).version == 6
        except ValueError:
            return 2, "", "", 0.0  # a name that does not resolve prints nothing (REAL on 9.0)
        stack = params.get("netstack") or kinds.DEFAULT_NETSTACK
        own_stack = (network.get("moved") or {}).get(v["name"]) or \
            v.get("netstack", kinds.DEFAULT_NETSTACK)
        if params.get("netstack") and params["netstack"] != own_stack:
            return 1, "*** vmkernel stack not configured ***\n", "", 0.0  # REAL (reference)
        header = "PING %s (%s): %d data bytes" % (target, target, size)
        overhead = 48 if ipv6 else 28
        lines = [header]
        error = None
        if v.get("enabled", True) is False or not self.routable(v, target):
            error = "Network is unreachable"
        elif params.get("df") and size + overhead > int(v.get("mtu", 1500)):
            error = "Message too long"
        peer = self.peer(target, own_stack)
        rng = self._rng("%s|%s|%d|%s" % (v["name"], target, size, bool(params.get("df"))))
        replies = []
        for seq in range(count):
            if error:
                lines.append("sendto() failed (%s)" % error)
                continue
            if stack != own_stack or peer is None or peer.get("unreachable"):
                continue  # nothing answers: silent loss
            if params.get("df") and size + overhead > int(peer.get("path_mtu", 9000)):
                continue  # dropped on the path
            if rng.random() * 100.0 < float(peer.get("loss_pct", 0)):
                continue
            jitter = float(peer.get("jitter_ms", 0))
            rtt = max(0.01, float(peer.get("rtt_ms", 0.3)) + rng.uniform(-jitter, jitter))
            replies.append(rtt)
            lines.append("%d bytes from %s: icmp_seq=%d ttl=64 time=%.3f ms" % (
                size + 8, target, seq, rtt))
        lost = count - len(replies)
        loss = 100.0 * lost / count
        lines += ["", "--- %s ping statistics ---" % target,
                  "%d packets transmitted, %d packets received, %s%% packet loss" % (
                      count, len(replies), ("%d" % loss) if loss == int(loss) else "%.1f" % loss)]
        if replies:
            lines.append("round-trip min/avg/max = %.3f/%.3f/%.3f ms" % (
                min(replies), sum(replies) / len(replies), max(replies)))
        seconds = (count - 1) * interval
        seconds += wait if (lost and not error) else (replies[-1] / 1000.0 if replies else 0.0)
        return (0 if replies else 2), "\n".join(lines) + "\n", "", seconds
