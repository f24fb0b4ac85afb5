#!/usr/bin/env python3
"""Benchmark: ``inspect``'s collection against its longest chain of dependent commands.

Every esxcli call of the simulated host costs ``--esxcli`` seconds (default 0.5), every other
command (vsish, secureBoot.py) ``--other`` seconds. The longest dependency chain is a gating
command (the interface list) then one of its follow-ups (a route table): two esxcli calls. The
goal (issue 11): collection within 1.3x that chain. Prints one line per --jobs value.

    python3 bench/collect_chain.py                    # ldvm, jobs 4 6 8 10 12 16
    python3 bench/collect_chain.py --profile lan --jobs 6 12
"""

import argparse
import copy
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from esxi_diag import kinds  # noqa: E402
from esxi_diag.simulator.host import SimHost, load_builtin  # noqa: E402
from esxi_diag.sources import collect  # noqa: E402
from esxi_diag.sources.runner import Runner  # noqa: E402


def run(profile, jobs, esxcli, other):
    profile = copy.deepcopy(profile)
    profile["timing"] = {"esxcli_s": esxcli, "other_s": other}
    runner = Runner(SimHost(profile, speed=1))
    t0 = time.monotonic()
    captures = collect.Collector(runner, jobs=jobs).collect()
    wall = time.monotonic() - t0
    esxcli_calls = sum(1 for c in captures if kinds.is_esxcli(c.kind))
    return wall, len(captures), esxcli_calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", default="ldvm")
    parser.add_argument("--jobs", type=int, nargs="+", default=[4, 6, 8, 10, 12, 16])
    parser.add_argument("--esxcli", type=float, default=0.5)
    parser.add_argument("--other", type=float, default=0.05)
    args = parser.parse_args()
    profile = load_builtin(args.profile)
    chain = 2 * args.esxcli
    print("profile %s, esxcli %.2f s a call, other commands %.2f s; longest chain %.2f s" % (
        args.profile, args.esxcli, args.other, chain))
    for jobs in args.jobs:
        wall, count, calls = run(profile, jobs, args.esxcli, args.other)
        print("--jobs %2d: %d commands (%d esxcli, %.1f s of esxcli time) in %.2f s = %.2fx the "
              "chain" % (jobs, count, calls, calls * args.esxcli, wall, wall / chain))


if __name__ == "__main__":
    main()
