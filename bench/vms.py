#!/usr/bin/env python3
"""Benchmark: ``inspect``'s collection of a host with many VMs (issue 12).

The simulated host is the ldvm profile with ``--vms`` VMs (default 500; two thirds running, every
tenth with Encrypted vMotion disabled), each with a .vmx on one of four datastores. Every esxcli
call costs ``--esxcli`` seconds (default 0.5, as bench/collect_chain.py), every other command
(vsish, secureBoot.py) ``--other`` seconds, ``vim-cmd vmsvc/getallvms`` ``--vim-cmd`` seconds (it
walks the whole inventory) and each .vmx read ``--file`` seconds. Per VM the collector reads the
.vmx (no process: a bounded local read in the pool) and at most 8 port lists run (one esxcli call
each), so the VMs cost little more than the esxcli calls the host needs anyway. Prints one line
per --jobs value, with and without the VMs.

    python3 bench/vms.py                       # 500 VMs, jobs 12 (the default)
    python3 bench/vms.py --vms 1000 --jobs 6 12 16 --file 0.01
"""

import argparse
import copy
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from esxi_diag import kinds  # noqa: E402
from esxi_diag.analysis.pipeline import HostAnalysis  # noqa: E402
from esxi_diag.simulator.host import SimHost, load_builtin  # noqa: E402
from esxi_diag.sources import collect  # noqa: E402
from esxi_diag.sources.runner import Runner  # noqa: E402


def profile_with(count, args):
    profile = copy.deepcopy(load_builtin("ldvm"))
    stores = ["ds-gold-01", "ds-gold-02", "ds-silver-01", "nfs-archive"]
    profile["vms"] = [{
        "name": "app-%04d" % i, "vmx": "[%s] app-%04d/app-%04d.vmx" % (stores[i % 4], i, i),
        "power_state": "on" if i % 3 else "off",
        "networks": [{"dvs": "DSwitch-WAN", "portgroup": "dvportgroup-%d" % (2001 + i % 5)}],
        "migrate_encryption": "disabled" if i % 10 == 0 else "required" if i % 10 == 1
        else None} for i in range(count)]
    for vm in profile["vms"]:
        if vm["migrate_encryption"] is None:
            del vm["migrate_encryption"]
    profile["timing"] = {"esxcli_s": args.esxcli, "other_s": args.other, "file_s": args.file}
    profile["faults"] = {"commands": [{"match": "vim-cmd", "delay_s": args.vim_cmd}]}
    return profile


def run(profile, jobs):
    runner = Runner(SimHost(profile, speed=1))
    t0 = time.monotonic()
    captures = collect.Collector(runner, jobs=jobs).collect()
    wall = time.monotonic() - t0
    t1 = time.monotonic()
    analysis = HostAnalysis(captures)
    analysed = time.monotonic() - t1
    esxcli_calls = sum(1 for c in captures if kinds.is_esxcli(c.kind))
    reads = sum(1 for c in captures if c.kind == "vm.vmx")
    vms = analysis.facts["vms"]
    return wall, analysed, len(captures), esxcli_calls, reads, vms


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vms", type=int, default=500)
    parser.add_argument("--jobs", type=int, nargs="+", default=[collect.DEFAULT_JOBS])
    parser.add_argument("--esxcli", type=float, default=0.5)
    parser.add_argument("--other", type=float, default=0.05)
    parser.add_argument("--vim-cmd", type=float, default=1.0)
    parser.add_argument("--file", type=float, default=0.002)
    args = parser.parse_args()
    print("ldvm with %d VMs; esxcli %.2f s a call, vim-cmd %.2f s, other commands %.2f s, "
          "a .vmx read %.3f s" % (args.vms, args.esxcli, args.vim_cmd, args.other, args.file))
    for jobs in args.jobs:
        for count in (0, args.vms):
            wall, analysed, total, calls, reads, vms = run(profile_with(count, args), jobs)
            print("--jobs %2d, %4d VMs: %3d commands (%d esxcli, %d .vmx read) collected in "
                  "%.2f s, analysed in %.2f s; inventory %s, %d VMs listed" % (
                      jobs, count, total, calls, reads, wall, analysed, vms["inventory"],
                      len(vms["list"])))


if __name__ == "__main__":
    main()
