#!/usr/bin/env python3
"""Benchmark of ``esxi-diag check`` on a simulated mesh: wall time against the floor.

The mesh: a host with 3 data-path vmknics (2 hot on the vmotion netstack, 1 cold on the
vSphereProvisioning netstack) and 16 peers at 80 ms RTT, every peer tested from every vmknic:
48 paths. Each path runs the same probes as on a real host (warm-up, 10-probe latency series at
0.2 s, 3-probe don't-fragment test), and the simulated vmkping takes the time the real one would
(probes x interval + RTT), times --speed (1 = real time).

Printed: the wall time of the whole mesh, the floor (the slowest single path's own probe time),
their ratio, and the same mesh with --parallel 1. Goals (docs/performance.md): wall within 1.3x the
floor, and at least 10x faster than one path at a time.

Usage: python3 bench/check_mesh.py [--speed 1.0] [--peers 16] [--rtt 80] [--skip-serial]
"""

import argparse
import copy
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from esxi_diag.sources import collect
from esxi_diag.analysis import datapaths, reach
from esxi_diag.sources import prober
from esxi_diag.sources import peers as peers_mod
from esxi_diag.analysis.facts import build_facts  # noqa: E402
from esxi_diag.sources.runner import Runner  # noqa: E402
from esxi_diag.simulator.host import SimHost, load_builtin  # noqa: E402


def mesh_profile(peers, rtt):
    profile = copy.deepcopy(load_builtin("ldvm"))
    profile["timing"] = {"esxcli_s": 0.25, "other_s": 0.05}
    extra = copy.deepcopy([v for v in profile["vmknics"] if v["name"] == "vmk1"][0])
    extra.update(name="vmk3", mac="00:50:56:68:11:23")
    extra["ipv4"] = dict(extra["ipv4"], address="172.20.120.27")
    profile["vmknics"].append(extra)
    profile["network"] = {"seed": 2, "peers": [
        {"address": "172.21.%d.%d" % (120 + i % 2 * 10, 100 + i), "rtt_ms": rtt,
         "jitter_ms": 1.0, "path_mtu": 9000} for i in range(peers)]}
    return profile


def run(profile, speed, parallel):
    runner = Runner(SimHost(profile, speed=speed))
    facts = build_facts(collect.Collector(runner).collect())
    paths = datapaths.resolve(facts)
    pairs, _ = reach.plan_pairs(facts, paths, [peers_mod.new_peer(p["address"])
                                               for p in profile["network"]["peers"]])
    probing = prober.Prober(runner, parallel=parallel)
    t0 = time.monotonic()
    probing.run(pairs)
    wall = time.monotonic() - t0
    own = {}
    for c in probing.captures:
        key = (c.params.get("vmknic"), c.params.get("target"))
        own[key] = own.get(key, 0.0) + (c.duration or 0.0)
    verdicts = sorted(set(p["result"]["verdict"] for p in pairs))
    return len(pairs), wall, max(own.values()), verdicts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=1.0,
                        help="simulated time factor (1 = as long as the real vmkping)")
    parser.add_argument("--peers", type=int, default=16)
    parser.add_argument("--rtt", type=float, default=80.0, help="ms")
    parser.add_argument("--skip-serial", action="store_true", help="skip the --parallel 1 run")
    args = parser.parse_args(argv)
    profile = mesh_profile(args.peers, args.rtt)
    n, wall, floor, verdicts = run(profile, args.speed, reach.DEFAULT_PARALLEL)
    print("mesh: %d paths (3 vmknics x %d peers) at %.0f ms RTT, speed factor %g, Python %s" % (
        n, args.peers, args.rtt, args.speed, sys.version.split()[0]))
    print("verdicts: %s" % ", ".join(verdicts))
    print("parallel %-3d wall %7.2f s   floor (slowest path's own probe time) %6.2f s   "
          "ratio %.2f" % (reach.DEFAULT_PARALLEL, wall, floor, wall / floor))
    if not args.skip_serial:
        _, serial, _, _ = run(profile, args.speed, 1)
        print("parallel 1   wall %7.2f s   speed-up of the default over one path at a time: "
              "%.1fx" % (serial, serial / wall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
