#!/usr/bin/env python3
"""Benchmark of ``esxi-diag compare``: how long N hosts take (pairs grow as N^2).

The reports are generated from one simulated host's real ``inspect --json`` report (twosite's
dc1-esx01): N copies with their own host names and addresses, in sites of 50 hosts (one subnet
per site and data path, routed between sites), five VMs each, and a few planted differences (one
host per site untuned, a port group missing on one host, a VLAN that differs on another), so that
the comparison has findings to make, not only OK cells.

Printed, for each N: the pairs, the time to read the reports into views, to compare every
ordered pair, to write the JSON and to render the text; and, with --cli, the whole command
(``python3 -m esxi_diag compare --json`` over N files). Goal (docs/performance.md): 500 hosts in
seconds.

Usage: python3 bench/compare.py [--hosts 50,200,500] [--cli]
"""

import argparse
import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("ESXI_DIAG_SIM_SPEED", "0")

from esxi_diag.analysis.pipeline import analyse  # noqa: E402
from esxi_diag.cli import common  # noqa: E402
from esxi_diag.render import compare_output  # noqa: E402
from esxi_diag.report import compare as compare_mod  # noqa: E402
from esxi_diag.simulator import site as simsite  # noqa: E402
from esxi_diag.simulator.host import SimHost  # noqa: E402
from esxi_diag.sources import collect  # noqa: E402
from esxi_diag.sources.runner import Runner  # noqa: E402

SITE_SIZE = 50


def template():
    """The inspect --json report of twosite's dc1-esx01 (simulated, instant)."""
    profile, _ = simsite.load("twosite", "dc1-esx01")
    runner = Runner(SimHost(profile, speed=0))
    captures = collect.Collector(runner, jobs=12, source="simulated").collect()
    report = analyse(captures, {"type": "simulated", "name": "twosite"})
    assert common  # the cli's own imports load as in a real run
    return report


def _readdress(report, site, index):
    def move(address):
        parts = address.split(".")
        return "10.%d.%s.%d" % (site, parts[2], 10 + index)
    for v in report["vmknics"]:
        if v.get("ipv4"):
            v["ipv4"]["address"] = move(v["ipv4"]["address"])
            if v["ipv4"].get("gateway"):
                parts = v["ipv4"]["gateway"].split(".")
                v["ipv4"]["gateway"] = "10.%d.%s.1" % (site, parts[2])
    for r in report["routes"]:
        parts = r["network"].split(".")
        if r["network"] != "0.0.0.0":
            r["network"] = "10.%d.%s.0" % (site, parts[2])
        if r.get("gateway"):
            parts = r["gateway"].split(".")
            r["gateway"] = "10.%d.%s.1" % (site, parts[2])


def reports(n, base):
    out = []
    for i in range(n):
        site, index = i // SITE_SIZE + 1, i % SITE_SIZE
        r = copy.deepcopy(base)
        name = "s%02d-esx%03d" % (site, index)
        r["host"]["hostname"], r["host"]["fqdn"] = name, name + ".example.com"
        _readdress(r, site, index)
        r["vms"] = {"inventory": "read", "list": [
            {"vmid": str(k), "name": "%s-vm%d" % (name, k), "vmx": "[ds] x/x.vmx",
             "power_state": "on", "vmx_read": True, "migrate_encryption": "opportunistic",
             "encrypted": False,
             "nics": [{"device": "ethernet0", "network": net, "dvs_switch": None,
                       "dvs_portgroup": None, "opaque_network": None}]}
            for k, net in enumerate(("VM-Web", "VM-App", "VM-DB", "VM-Web", "VM-Batch"))]}
        if index == 7:  # untuned
            r["tuning"]["net_expected_line_rate_mbps"]["current"] = 133
        if index == 8:  # a port group missing
            r["portgroups"] = [p for p in r["portgroups"] if p["name"] != "VM-Batch"]
            for s in r["vswitches"]:
                s["portgroups"] = [p for p in s.get("portgroups") or [] if p != "VM-Batch"]
        if index == 9:  # a VLAN that differs
            for p in r["portgroups"]:
                if p["name"] == "VM-App":
                    p["vlan_id"] = 111
        out.append(r)
    return out


def run(n, base, with_cli):
    docs = reports(n, base)
    t0 = time.perf_counter()
    views = [compare_mod.host_view(r, r["host"]["hostname"]) for r in docs]
    t1 = time.perf_counter()
    cpu = time.process_time()
    result = compare_mod.compare(views)
    cpu = time.process_time() - cpu
    t2 = time.perf_counter()
    text_json = compare_output(result, "json")
    t3 = time.perf_counter()
    text = compare_output(result, "text")
    t4 = time.perf_counter()
    line = ("%4d hosts %7d pairs: views %.2f s, compare %.2f s (CPU %.2f s), JSON %.2f s (%.1f "
            "MB), text %.2f s (%.1f MB); %d pairs with findings" % (
                n, result["summary"]["pairs"], t1 - t0, t2 - t1, cpu, t3 - t2,
                len(text_json) / 1e6, t4 - t3, len(text) / 1e6, len(result["pairs"])))
    if with_cli:
        folder = tempfile.mkdtemp(prefix="esxi-diag-bench-")
        files = []
        for r in docs:
            path = os.path.join(folder, r["host"]["hostname"] + ".json")
            with open(path, "w") as handle:
                json.dump(r, handle)
            files.append(path)
        t5 = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run([sys.executable, "-m", "esxi_diag", "compare", "--json", "-o",
                               os.path.join(folder, "out.json")] + files, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        t6 = time.perf_counter()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_cli = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        line += "; the command over %d files: %.2f s (CPU %.2f s, exit %d)" % (
            n, t6 - t5, cpu_cli, proc.returncode)
        for path in files + [os.path.join(folder, "out.json")]:
            os.unlink(path)
        os.rmdir(folder)
    print(line)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hosts", default="50,200,500",
                        help="comma-separated host counts (default 50,200,500)")
    parser.add_argument("--cli", action="store_true",
                        help="also time the whole command over N report files")
    args = parser.parse_args()
    base = template()
    print("Python %s" % sys.version.split()[0])
    for n in [int(x) for x in args.hosts.split(",")]:
        run(n, base, args.cli)


if __name__ == "__main__":
    main()
