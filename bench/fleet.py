#!/usr/bin/env python3
"""Benchmark of contrib/ansible/esxi-diag.yml: a fleet of simulated hosts against one host.

The fleet: a simulated site of --hosts hosts (twosite's dc1-esx01 copied, half of them in each of
two sites 60 ms apart), each an inventory host reached over real SSH (an sshd of this script's own
on the loopback, tools/loopback_sshd.py; --connection local for none) and selecting its simulated
host with '--simulate site.json --host hNN'. Each host runs what it would on a real ESXi host:
inspect, then its bundle with the check against every other host (--hosts - 1 peers, hot and cold:
about 2 x (hosts - 1) paths, the simulated vmkping taking the time the real one would at --speed 1).

The single host: the same playbook with an inventory of one host, h01, whose check (no other host
in the inventory) tests the same site's other hosts by default: the same work on the host.

Printed: the wall time of each, their ratio, the forks used, and the CPU time ansible-playbook and
its descendants took (over SSH: the controller's share, without sshd and the simulated hosts, which
run on this machine too), and what that alone implies for a machine of this many cores. Goal (docs/performance.md): the fleet within 2x the single host at
forks >= the host count.

Usage: python3 bench/fleet.py [--hosts 32] [--forks N] [--connection ssh|local] [--speed 1.0]
"""

import argparse
import copy
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from esxi_diag.simulator import site as simsite  # noqa: E402
from tools.loopback_sshd import LoopbackSshd  # noqa: E402

PLAYBOOK = os.path.join(ROOT, "contrib", "ansible", "esxi-diag.yml")


def site_document(count):
    """A site of ``count`` copies of twosite's dc1-esx01: h01..hNN, the first half in dc1
    (10.1.x.y), the rest in dc2 (10.2.x.y), 60 ms apart."""
    twosite = simsite.load_builtin("twosite")
    template = twosite["hosts"][0]["profile"]
    hosts = []
    for i in range(1, count + 1):
        dc = 1 if i <= (count + 1) // 2 else 2
        name = "h%02d" % i
        text = json.dumps(template)
        for net in ("10", "20", "30"):
            text = text.replace('"10.1.%s.11"' % net, '"10.%d.%s.%d"' % (dc, net, 10 + i))
            text = text.replace('"10.1.%s.1"' % net, '"10.%d.%s.1"' % (dc, net))
        profile = json.loads(text)
        profile["description"] = "%s, site dc%d" % (name, dc)
        profile["host"] = dict(profile["host"], hostname=name, domain="dc%d.example.com" % dc)
        for v in profile["vmknics"]:
            v["mac"] = v["mac"][:-2] + "%02x" % i
        for n in profile["nics"]:
            n["mac"] = n["mac"][:-2] + "%02x" % i
        profile["network"] = {"seed": i}
        hosts.append({"name": name, "site": "dc%d" % dc, "profile": profile})
    return {"description": "bench/fleet.py: %d hosts in two sites 60 ms apart" % count,
            "sites": copy.deepcopy(twosite["sites"]), "links": copy.deepcopy(twosite["links"]),
            "hosts": hosts}


def inventory(names, connection, site_file, speed, work, sshd=None):
    common = {"esxi_diag_python": sys.executable, "esxi_diag_simulate": site_file,
              "esxi_diag_sim_host": "{{ inventory_hostname }}", "esxi_diag_sim_speed": speed,
              "esxi_diag_remote_dir": os.path.join(work, "hosts", "{{ inventory_hostname }}")}
    if connection == "local":
        common.update(ansible_connection="local",
                      ansible_python_interpreter="{{ ansible_playbook_python }}")
    else:
        common.update(sshd.host_vars())
    return {"all": {"vars": {"esxi_diag_case": "BENCH"}, "children": {"esxi": {
        "vars": common, "hosts": dict((n, {}) for n in names)}}}}


def run(names, args, site_file, work, sshd):
    folder = tempfile.mkdtemp(dir=work)
    path = os.path.join(folder, "inventory.yml")
    with open(path, "w") as handle:
        json.dump(inventory(names, args.connection, site_file, args.speed, work, sshd), handle)
    env = dict(os.environ, PWD=folder, ANSIBLE_FORKS=str(args.forks), ANSIBLE_NOCOLOR="1",
               ANSIBLE_SSH_CONTROL_PATH_DIR=os.path.join(folder, "cp"),
               ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=30s",
               ANSIBLE_HOME=os.path.join(work, "ansible-home"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    r = subprocess.run([shutil.which("ansible-playbook"), "-i", path, PLAYBOOK], cwd=folder,
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=1800)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out = r.stdout.decode("utf-8", "replace")
    if r.returncode != 0:
        sys.stderr.write(out[-4000:])
        raise SystemExit("the playbook failed (exit %d) with %d host(s)" % (r.returncode,
                                                                         len(names)))
    if args.show:
        sys.stdout.write(out[-6000:])
    runs = [d for d in os.listdir(folder) if d.startswith("esxi-diag-BENCH-")]
    bundles = os.listdir(os.path.join(folder, runs[0], "bundles"))
    return wall, cpu, len(bundles)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hosts", type=int, default=32)
    ap.add_argument("--forks", type=int, default=None, help="default: the host count")
    ap.add_argument("--connection", choices=("ssh", "local"), default="ssh")
    ap.add_argument("--speed", type=float, default=1.0,
                    help="simulated time factor (1: commands and probes take real time)")
    ap.add_argument("--show", action="store_true", help="print the end of Ansible's output")
    args = ap.parse_args()
    args.forks = args.forks or args.hosts
    if shutil.which("ansible-playbook") is None:
        raise SystemExit("ansible-playbook is not installed (pip install -r "
                         "contrib/ansible/requirements.txt)")
    work = tempfile.mkdtemp(prefix="esxi-diag-fleet-bench-")
    try:
        site_file = os.path.join(work, "site.json")
        with open(site_file, "w") as handle:
            json.dump(site_document(args.hosts), handle)
        names = ["h%02d" % i for i in range(1, args.hosts + 1)]
        sshd = LoopbackSshd(os.path.join(work, "sshd")) if args.connection == "ssh" else None
        if sshd is not None:
            sshd.__enter__()
        try:
            one = run(names[:1], args, site_file, work, sshd)
            fleet = run(names, args, site_file, work, sshd)
        finally:
            if sshd is not None:
                sshd.__exit__()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    cores = os.cpu_count() or 1
    print("esxi-diag fleet playbook: %d simulated hosts over %s, forks %d, speed %g, "
          "%d cores" % (args.hosts, args.connection, args.forks, args.speed, cores))
    print("  one host:  %6.1f s wall, %6.1f s CPU, %d bundle" % one)
    print("  the fleet: %6.1f s wall, %6.1f s CPU, %d bundles" % fleet)
    print("  fleet / one host: %.2fx (goal: within 2x)" % (fleet[0] / one[0]))
    print("  CPU is what ansible-playbook and its descendants used (its workers, the ssh clients, "
          "the controller-side steps%s): the controller's share; over %d cores the fleet's alone "
          "needs at least %.1f s" % (", and the simulated hosts" if args.connection == "local"
                                      else "; not sshd and the simulated hosts behind it",
                                      cores, fleet[1] / cores))


if __name__ == "__main__":
    main()
