"""Corpus: every fixture through ``analyze --transcript FILE --json``, facts compared.

A fixture with prompts is analysed as it is; a bare output (no prompt) is put behind a prompt
with the command that printed it (BARE). The facts compared include those that must stay unknown:
``None`` in an expectation is asserted, not skipped. A new fixture fails ``test_every_fixture_
has_an_expectation`` until its facts are written down here.
"""
import os

import pytest

from conftest import FIXTURES

SUBDIRS = ("real", "synthetic")
FIXTURE_FILES = sorted(n for sub in SUBDIRS for n in os.listdir(os.path.join(FIXTURES, sub)))

# Bare outputs: the command that printed each (the fixture is its output).
BARE = {
    "advanced-list-o-enableblockdelete.txt":
        "esxcli system settings advanced list -o /VMFS3/EnableBlockDelete",
    "diag-ping-vmware-doc-edited.txt": "esxcli network diag ping -H 172.40.0.10",
    "esxi67-interface-list.txt": "esxcli network ip interface list",
    "esxi67-ipv4-get.txt": "esxcli network ip interface ipv4 get",
    "esxi67-netstack-list.txt": "esxcli network ip netstack list",
    "esxi67-nic-list.txt": "esxcli network nic list",
    "esxi67-portgroup-list.txt": "esxcli network vswitch standard portgroup list",
    "esxi67-vmkping-ok.txt": "vmkping -I vmk0 192.168.1.22",
    "esxi67-vswitch-standard-list.txt": "esxcli network vswitch standard list",
    "esxi703-esxcfg-route-l.txt": "esxcfg-route -l",
    "esxi703-esxcfg-route.txt": "esxcfg-route",
    "esxi703-esxcfg-vmknic-l.txt": "esxcfg-vmknic -l",
    "esxi703-route-ipv4-list.txt": "esxcli network ip route ipv4 list",
    "esxi703-vmkping-ok.txt": "vmkping -I vmk0 172.26.64.1",
    "vsish-config-option-block.txt": "vsish -e get /config/Net/intOpts/UptEnable",
    "synthetic-esxcfg-nics-l.txt": "esxcfg-nics -l",
    "synthetic-esxcli-xml-interface-list.txt": "esxcli --formatter=xml network ip interface list",
    "synthetic-tag-get-none.txt": "esxcli network ip interface tag get -i vmk3",
    "synthetic-tag-get-two.txt": "esxcli network ip interface tag get -i vmk0",
    "synthetic-vmkping-message-too-long.txt": "vmkping -I vmk1 -d -s 8972 10.0.0.2",
    "synthetic-vmkping-network-unreachable.txt": "vmkping -I vmk1 10.0.0.2",
    "synthetic-vmkping-partial-loss.txt": "vmkping -I vmk1 10.0.0.2",
    "synthetic-vmkping-silent-drop.txt": "vmkping -I vmk1 -d -s 8972 10.0.0.2",
    "synthetic-vsish-config-option-spaced.txt":
        "vsish -e get /config/Migrate/intOpts/NetExpectedLineRateMBps",
    "synthetic-vsish-pe-config-option.txt":
        "vsish -pe get /config/Migrate/intOpts/NetExpectedLineRateMBps",
    "getallvms-vmx21-row.txt": "vim-cmd vmsvc/getallvms",
    # the lines of a .vmx: greps that show its NICs, not its encryption keys (a cat of the
    # fragment would claim the whole file)
    "vmx-sitea-vm1-nic.txt":
        "grep -i -E 'ethernet|displayName' /vmfs/volumes/datastore1/sitea_vm1/sitea_vm1.vmx",
    "vmx-vds-nic-placeholders-edited.txt":
        "grep -i ethernet /vmfs/volumes/datastore1/vic-vm/vic-vm.vmx",
    "esxi80u2-firewall-ruleset-list-header-edited.txt": "esxcli network firewall ruleset list",
}


def fixture_bytes(name):
    for sub in SUBDIRS:
        path = os.path.join(FIXTURES, sub, name)
        if os.path.exists(path):
            with open(path, "rb") as handle:
                return handle.read()
    raise IOError(name)


def transcript_bytes(name):
    data = fixture_bytes(name)
    if name in BARE:
        return ("[root@corpus:~] %s\n" % BARE[name]).encode("utf-8") + data
    return data


def _ipv4(v):
    ip = v["ipv4"]
    if ip is None:
        return None
    return (ip["address"], ip["netmask"], ip["gateway"], ip["gateway_known"], ip["type"])


def project(report):
    """The facts of a report that the corpus compares (unknown kept as None)."""
    return {
        "name": os.path.basename(report["source"]["name"]),
        "host": report["host"]["hostname"],
        "version": report["host"]["version"],
        "vmknics": dict((v["name"], {
            "enabled": v["enabled"], "netstack": v["netstack"], "mtu": v["mtu"],
            "portgroup": v["portgroup"], "portset": v["portset"], "vds": v["vds_name"],
            "dvport": v["dvport"], "opaque": v["opaque_network"], "mac": v["mac"],
            "tags": v["tags"], "ipv4": _ipv4(v), "ipv4_known": v["ipv4_known"],
            "ipv6": [(a["address"], a["prefix_length"]) for a in v["ipv6"]]})
            for v in report["vmknics"]),
        "nics": dict((n["name"], (n["link_up"], n["speed_mbps"], n["mtu"], n["duplex"],
                                  n["mac"], n["description"])) for n in report["nics"]),
        "vswitches": dict((s["name"], (s["type"], s["mtu"], s["uplinks"], s["portgroups"]))
                          for s in report["vswitches"]),
        "portgroups": dict((p["name"], (p["vswitch"], p["vlan_id"]))
                           for p in report["portgroups"]),
        "netstacks": report["netstacks"],
        "routes": sorted((r["netstack"], r["network"], r["netmask"], r["gateway"],
                          r["interface"], r["partial"]) for r in report["routes"]),
        "default_gateway": report["default_gateway"],
        "line_rate": report["tuning"]["net_expected_line_rate_mbps"]["current"],
        "probes": [(p["target"], p["sent"], p["received"], p["error"]) for p in report["probes"]],
        "partial": sorted(c["command"] for c in report["commands"]
                          if (c["note"] or "").startswith("partial")),
        "not_read": sorted(c["command"] for c in report["commands"]
                           if c["status"] in ("unparsed", "failed")),
        "superseded": sorted(c["command"] for c in report["commands"]
                             if (c["note"] or "").startswith("not used")),
        "unrecognised": report["unrecognised"],
        "vds_uuids": dict((s["name"], s["uuid"]) for s in report["vswitches"]
                          if s["type"] == "distributed" and s["uuid"]),
        "vm_inventory": report["vms"]["inventory"],
        "vms": dict((v["name"], _vm(v)) for v in report["vms"]["list"]),
        "firewall": (report["firewall"]["read"], report["firewall"]["complete"],
                     report["firewall"]["enabled"], report["firewall"]["default_action"]),
        "rulesets": dict((r["name"], (r["enabled"], None if r["rules"] is None else [
            (x["direction"], x["protocol"], x["port_begin"], x["port_end"]) for x in r["rules"]]))
            for r in report["firewall"]["rulesets"]),
    }


def _vm(v):
    """A VM's projected facts (unknown kept as None)."""
    return {"vmid": v["vmid"], "vmx": v["vmx"], "power": v["power_state"],
            "vmx_read": v["vmx_read"], "migrate": v["migrate_encryption"],
            "encrypted": v["encrypted"],
            "nics": [(n["device"], n["network"], n["dvs_switch"], n["dvs_portgroup"], n["mac"])
                     for n in v["nics"]],
            "running": v["running_networks"],
            "ports": None if v["ports"] is None else [
                (p["vswitch"], p["portgroup"], p["dvport"], p["mac"]) for p in v["ports"]]}


def vm(**fields):
    """A VM's projected facts: what is not given is unknown (None), no NIC known."""
    record = {"vmid": None, "vmx": None, "power": None, "vmx_read": False, "migrate": None,
              "encrypted": None, "nics": [], "running": None, "ports": None}
    record.update(fields)
    return record


def vmk(**fields):
    """A vmknic's projected facts: what is not given is unknown (None), or for ipv4_known False
    and ipv6 empty."""
    record = {"enabled": None, "netstack": None, "mtu": None, "portgroup": None, "portset": None,
              "vds": None, "dvport": None, "opaque": None, "mac": None, "tags": None, "ipv4": None,
              "ipv4_known": False, "ipv6": []}
    record.update(fields)
    return record


# The facts each fixture must give (a list: one report per host), or ("error", part of the one
# line said). Everything not listed must be empty or unknown (see defaults()).
EXPECTED = {
    'advanced-list-o-enableblockdelete.txt': {},
    'diag-ping-vmware-doc-edited.txt': {
        'probes': [('172.40.0.10', 3, 3, None)],
    },
    'esxi50-firewall-get-session.txt': {
        'firewall': (False, False, True, 'DROP'),
    },
    'esxi65-getallvms-session.txt': {
        'host': 'localhost',
        'vm_inventory': 'partial',  # a VM the host skipped, and no .vmx pasted
        'vms': {'ubuntu-desktop': vm(vmid='1', vmx='[HDD] ubuntu-desktop/ubuntu-desktop.vmx'),
                'ubuntu-server': vm(vmid='2', vmx='[HDD] ubuntu-server/ubuntu-server.vmx'),
                'ubuntu-server-1710': vm(
                    vmid='11', vmx='[HDD] ubuntu-server-1710/ubuntu-server-1710.vmx'),
                'windows-7': vm(vmid='3', vmx='[HDD] windows-7/windows-7.vmx')},
    },
    'esxi80u2-firewall-ruleset-list-header-edited.txt': {
        'firewall': (True, True, None, None),
        'rulesets': {'sshClient': (False, None), 'sshServer': (True, None)},
    },
    'esxi90-getallvms-empty-session.txt': {
        'host': 'esxinitya',
        'vm_inventory': 'read',  # nothing registered: known to be none
    },
    'esxi67-blog-session.txt': {
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management', portset='vSwitch0', mac='00:50:56:6c:01:11',
                        ipv4=('192.168.1.11', '255.255.255.0', '192.168.1.1', True, 'STATIC'),
                        ipv4_known=True),
        },
        'nics': {'vmnic0': (True, 10000, 1500, 'Full', '7c:d3:0a:00:00:00',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection'),
                 'vmnic1': (False, 0, 1500, 'Half', '7c:d3:0a:00:00:00',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection'),
                 'vmnic2': (True, 1000, 1500, 'Full', 'a0:36:9f:00:00:00',
                            'Intel Corporation Ethernet Server Adapter I350-T2')},
        'vswitches': {'vSwitch0': ('standard', 1500, ['vmnic2'], ['WAN network', 'Management'])},
        'portgroups': {'Management': ('vSwitch0', 0),
                       'VM network': ('vSwitchLAN', 0),
                       'WAN network': ('vSwitch0', 98)},
        'netstacks': ['defaultTcpipStack'],
        'probes': [('192.168.1.22', 2, 2, None)],
    },
    'esxi67-interface-list.txt': {
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management', portset='vSwitch0', mac='00:50:56:6c:01:11'),
        },
    },
    'esxi67-ipv4-get.txt': {
        'vmknics': {
            'vmk0': vmk(ipv4=('192.168.1.11', '255.255.255.0', '192.168.1.1', True, 'STATIC'),
                        ipv4_known=True),
        },
    },
    'esxi67-netstack-list.txt': {
        'netstacks': ['defaultTcpipStack'],
    },
    'esxi67-nic-list.txt': {
        'nics': {'vmnic0': (True, 10000, 1500, 'Full', '7c:d3:0a:00:00:00',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection'),
                 'vmnic1': (False, 0, 1500, 'Half', '7c:d3:0a:00:00:00',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection'),
                 'vmnic2': (True, 1000, 1500, 'Full', 'a0:36:9f:00:00:00',
                            'Intel Corporation Ethernet Server Adapter I350-T2')},
    },
    'esxi67-portgroup-list.txt': {
        'portgroups': {'Management': ('vSwitch0', 0),
                       'VM network': ('vSwitchLAN', 0),
                       'WAN network': ('vSwitch0', 98)},
    },
    'esxi67-vmkping-ok.txt': {
        'probes': [('192.168.1.22', 2, 2, None)],
    },
    'esxi67-vswitch-standard-list.txt': {
        'vswitches': {'vSwitch0': ('standard', 1500, ['vmnic2'], ['WAN network', 'Management'])},
    },
    'esxi703-esxcfg-route-l.txt': {
        'routes': [('defaultTcpipStack', '0.0.0.0', '0.0.0.0', '172.26.64.1', 'vmk0', False),
                   ('defaultTcpipStack', '172.26.64.0', '255.255.255.192', None, 'vmk0', False)],
    },
    'esxi703-esxcfg-route.txt': {
        'default_gateway': '172.26.64.1',
    },
    'esxi703-esxcfg-vmknic-l.txt': {
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management Network', mac='88:e9:a4:6b:b8:54',
                        ipv4=('172.26.64.10', '255.255.255.192', None, False, 'STATIC'),
                        ipv4_known=True, ipv6=[('fe80::8ae9:a4ff:fe6b:b854', 64)]),
        },
    },
    'esxi703-route-ipv4-list.txt': {
        'routes': [('defaultTcpipStack', '0.0.0.0', '0.0.0.0', '172.26.64.1', 'vmk0', False),
                   ('defaultTcpipStack', '172.26.64.0', '255.255.255.192', None, 'vmk0', False)],
    },
    'esxi703-vendor-readme-session.txt': {
        'host': 'esxi',
        'routes': [('defaultTcpipStack', '0.0.0.0', '0.0.0.0', '172.26.64.1', 'vmk0', False),
                   ('defaultTcpipStack', '172.26.64.0', '255.255.255.192', None, 'vmk0', False)],
        'default_gateway': '172.26.64.1',
        'probes': [('172.26.64.1', 3, 3, None)],
    },
    'esxi703-vmkping-ok.txt': {
        'probes': [('172.26.64.1', 3, 3, None)],
    },
    'esxi90-dvs-list-session.txt': {
        'host': 'esxinitya',
        'vswitches': {'VDS-Prod': ('distributed', 1500, [], None)},
        'vds_uuids': {'VDS-Prod': '50338c875f05cd73bc4f7c4f5523fcf8'},
    },
    'hx-vmkping-stack-not-configured-session.txt': {
        'host': 'hx-01-esxi-01',
        'probes': [('192.168.208.12', None, None, 'stack-not-configured')],
    },
    'hx-vmkping-timeout-session.txt': {
        'host': 'hci01p02rv',
        'probes': [('10.100.208.3', 3, 0, None)],
    },
    'getallvms-vmx21-row.txt': {
        'vm_inventory': 'partial',
        'vms': {'rocky8.5': vm(vmid='5', vmx='[ESXI-NFS-Share1] rocky8.5/rocky8.5.vmx')},
    },
    'hp-firewall-indented-session.txt': {
        'host': 'hp',
        'firewall': (True, False, None, None),  # one ruleset (-r): not the whole list
        'rulesets': {'gdbserver': (True, [('Inbound', 'TCP', 1000, 9999),
                                          ('Inbound', 'TCP', 50000, 50999)])},
        'unrecognised': ['esxcli network firewall ruleset set -e true -r gdbserver'],
    },
    'hp-firewall-rule-list-custom-session.txt': {
        'host': 'hp',
        'rulesets': {'custom-firewall': (None, [('Outbound', 'TCP', 5004, 5004)])},
    },
    'hp-ipv4-address-list-session.txt': {
        'host': 'hp',
        'vmknics': {
            'vmk0': vmk(ipv4=('192.168.1.109', '255.255.255.0', '192.168.1.1', True, 'STATIC'),
                        ipv4_known=True),
            'vmk1': vmk(ipv4=('10.1.0.12', '255.255.255.0', None, True, 'STATIC'), ipv4_known=True),
        },
    },
    'hp-portgroup-list-session.txt': {
        'host': 'hp',
        'portgroups': {'Management Network': ('vSwitch0', 0),
                       'VM Network': ('vSwitch0', 0),
                       'VM_VLAN1': ('vSwitch0', 0),
                       'VM_VLAN3': ('vSwitch0', 3),
                       'iscsi': ('storage', 0),
                       'nfs-for-vm': ('storage', 0)},
    },
    'itguruhub-network-vm-list-session.txt': {
        'host': 'vm1',
        'vms': {'FMC_Lab': vm(power='on', running=['VM Network']),
                'FTD_Lab': vm(power='on', running=[
                    'Security_Lab_Site1_VPN', 'Security_Lab_Site1_DMZ',
                    'Security_Lab_Site1_Inside', 'Security_Lab_Site1_Outside',
                    'Security_Lab_Site1_Inside', 'VM Network']),
                'MediaSrv-Debian11': vm(power='on', running=['VM Network']),
                'Win_Nor': vm(power='on', running=['Security_Lab_Site1_Inside', 'VM Network'])},
    },
    'itguruhub-vm-port-list-session.txt': {
        'host': 'vm1',  # the ports of a World ID that no pasted VM list names: not shown
    },
    'localhost-firewall-ruleset-list-session.txt': {
        'host': 'localhost',
        'firewall': (True, True, None, None),
        'rulesets': dict([(n, (True, None)) for n in (
            'CIMHttpServer', 'CIMHttpsServer', 'CIMSLP', 'NFC', 'dhcp', 'dns', 'faultTolerance',
            'snmp', 'sshServer', 'updateManager', 'vMotion', 'vSphereClient', 'vpxHeartbeats',
            'webAccess')] + [(n, (False, None)) for n in (
                'activeDirectoryAll', 'iSCSI', 'nfs41Client', 'nfsClient', 'ntpClient',
                'sshClient')]),
    },
    'notes-vm-list-and-port-list-edited-session.txt': {
        'vms': {'DPMP3.0': vm(power='on', running=['VM Network', 'VM Network']),
                'windows-25.158': vm(power='on', running=['VM Network']),
                'wzh-DPMP-3.0-25.157': vm(power='on', running=['VM Network'], ports=[
                    ('vSwitch0', 'VM Network', None, '00:50:56:ac:e2:16')]),
                'wzh-centos-25.155': vm(power='on', running=['VM Network'])},
    },
    'synthetic-esxcfg-nics-l-100g.txt': {
        'host': 'esx-nic-01',
        'nics': {'vmnic0': (True, 10000, 1500, 'Full', '00:1b:21:0a:10:01',
                            'Intel(R) 82599 10 Gigabit Dual Port Network Connection'),
                 'vmnic4': (True, 100000, 9000, 'Full', 'ec:0d:9a:00:10:04',
                            'Mellanox Technologies MT28800 Family [ConnectX-5 Ex]'),
                 'vmnic5': (False, 0, 9000, 'Half', 'ec:0d:9a:00:10:05',
                            'Mellanox Technologies MT28800 Family [ConnectX-5 Ex]')},
    },
    'synthetic-esxcfg-nics-l.txt': {
        'nics': {'vmnic0': (True, 10000, 1500, 'Full', '00:1b:21:0a:00:01',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection'),
                 'vmnic1': (False, 0, 9000, 'Half', '00:1b:21:0a:00:02',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection')},
    },
    'synthetic-esxcfg-vmknic-l-dvport-nsx.txt': {
        'host': 'esx-nsx-01',
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management Network', mac='00:50:56:20:00:11',
                        ipv4=('10.20.0.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
            'vmk1': vmk(enabled=True, netstack='vmotion', mtu=9000, dvport='12',
                        mac='00:50:56:20:00:12',
                        ipv4=('10.20.1.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
            'vmk10': vmk(enabled=True, netstack='vxlan', mtu=1600,
                         opaque='8a6f1c2e-3b4d-4e5f-9a0b-1c2d3e4f5a6b', mac='00:50:56:20:00:13',
                         ipv4=('10.20.2.11', '255.255.255.0', None, False, 'STATIC'),
                         ipv4_known=True),
        },
    },
    'synthetic-esxcli-xml-interface-list.txt': {
        'vmknics': {
            'vmk1': vmk(enabled=True, netstack='vmotion', mtu=9000, portset='DvsPortset-0',
                        vds='DSwitch-WAN', mac='00:50:56:68:11:21'),
        },
    },
    'synthetic-ipv4-get-no-gateway-60.txt': {
        'host': 'esx60-01',
        'vmknics': {
            'vmk0': vmk(ipv4=('10.0.60.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
            'vmk1': vmk(ipv4=('10.0.61.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
        },
    },
    'synthetic-tag-get-none.txt': {
        'vmknics': {
            'vmk3': vmk(tags=[]),
        },
    },
    'synthetic-tag-get-two.txt': {
        'vmknics': {
            'vmk0': vmk(tags=['Management', 'VMotion']),
        },
    },
    'synthetic-transcript-collapsed-67.txt': {
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management', portset='vSwitch0', mac='00:50:56:6c:01:11',
                        ipv4=('192.168.1.11', '255.255.255.0', '192.168.1.1', True, 'STATIC'),
                        ipv4_known=True),
        },
        'nics': {'vmnic0': (True, 10000, 1500, 'Full', '7c:d3:0a:00:00:00',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection'),
                 'vmnic1': (False, 0, 1500, 'Half', '7c:d3:0a:00:00:00',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection'),
                 'vmnic2': (True, 1000, 1500, 'Full', 'a0:36:9f:00:00:00',
                            'Intel Corporation Ethernet Server Adapter I350-T2')},
        'vswitches': {'vSwitch0': ('standard', 1500, ['vmnic2'], ['WAN network', 'Management'])},
        'portgroups': {'Management': ('vSwitch0', 0)},
        'netstacks': ['defaultTcpipStack'],
        'probes': [('192.168.1.22', 2, 2, None)],
        'partial': ['esxcli network vswitch standard portgroup list'],
    },
    'synthetic-transcript-collapsed-703.txt': {
        'host': 'esxi',
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management Network', mac='88:e9:a4:6b:b8:54',
                        ipv4=('172.26.64.10', '255.255.255.192', None, False, 'STATIC'),
                        ipv4_known=True, ipv6=[('fe80::8ae9:a4ff:fe6b:b854', 64)]),
        },
        'routes': [('defaultTcpipStack', '0.0.0.0', '0.0.0.0', '172.26.64.1', 'vmk0', False),
                   ('defaultTcpipStack', '172.26.64.0', '255.255.255.192', None, 'vmk0', False)],
        'default_gateway': '172.26.64.1',
        'probes': [('172.26.64.1', 3, 3, None)],
    },
    'synthetic-transcript-crlf-mixed.txt': {
        'host': 'esx-dr-02',
        'vmknics': {
            'vmk2': vmk(enabled=True, netstack='vmotion', mtu=9000, portgroup='vMotion-WAN',
                        portset='vSwitch2', mac='00:50:56:68:22:02'),
        },
        'probes': [('172.20.120.18', 1, 0, 'message-too-long')],
        'unrecognised': ['ls /vmfs/volumes'],
    },
    'synthetic-transcript-echo.txt': {
        'host': 'esx-lab-01',
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management', portset='vSwitch0', mac='00:50:56:6c:01:11',
                        ipv4=('192.168.1.11', '255.255.255.0', '192.168.1.1', True, 'STATIC'),
                        ipv4_known=True),
        },
        'default_gateway': '192.168.1.1',
    },
    'synthetic-transcript-edited.txt': {
        'host': 'esx-edit-01',
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management Network', portset='vSwitch0',
                        mac='00:0c:29:2c:54:17',
                        ipv4=('10.10.0.21', '255.255.255.0', '10.10.0.1', True, 'STATIC'),
                        ipv4_known=True),
            'vmk1': vmk(enabled=True, netstack='vmotion', mtu=9000, portgroup='vMotion-A',
                        portset='vSwitch1', mac='00:50:56:68:22:01',
                        ipv4=('172.20.120.21', '255.255.255.0', None, True, 'STATIC'),
                        ipv4_known=True),
        },
        'nics': {'vmnic0': (True, 10000, 1500, 'Full', '7c:d3:0a:00:00:01',
                            'Intel Corporation 82599EB 10-Gigabit SFI/SFP+ Network Connection'),
                 'vmnic1': (True, 10000, 9000, 'Full', '7c:d3:0a:00:00:02', None)},
        'routes': [('defaultTcpipStack', '0.0.0.0', '0.0.0.0', '10.10.0.1', 'vmk0', True),
                   ('vmotion', '0.0.0.0', '0.0.0.0', '172.20.120.1', 'vmk1', False),
                   ('vmotion', '172.20.120.0', '255.255.255.0', None, 'vmk1', False)],
        'partial': ['esxcli network ip interface ipv4 get', 'esxcli network ip interface list',
                    'esxcli network ip route ipv4 list', 'esxcli network nic list'],
    },
    'synthetic-transcript-prompts.txt': {
        'host': 'omega-2',
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management Network', mac='00:50:56:50:00:11',
                        ipv4=('10.50.0.11', '255.255.255.0', '10.50.0.1', True, 'STATIC'),
                        ipv4_known=True),
            'vmk1': vmk(enabled=True, netstack='vmotion', mtu=9000, portgroup='vMotion-A',
                        mac='00:50:56:50:00:12', tags=['VMotion'],
                        ipv4=('10.50.1.11', '255.255.255.0', None, True, 'STATIC'),
                        ipv4_known=True),
        },
        'routes': [('vmotion', '0.0.0.0', '0.0.0.0', '10.50.1.1', 'vmk1', False),
                   ('vmotion', '10.50.1.0', '255.255.255.0', None, 'vmk1', False)],
        'superseded': ['esxcli system hostname get'],
        'unrecognised': ['cat /etc/rc.local.d/local.sh',
                         'esxcli system hostname set --host=omega-2'],
    },
    'synthetic-transcript-repeated.txt': {
        'host': 'esx-rep-01',
        'vmknics': {
            'vmk1': vmk(enabled=True, netstack='vmotion', mtu=9000, portgroup='vMotion',
                        portset='vSwitch1', mac='00:50:56:68:33:01'),
        },
        'default_gateway': '10.3.0.1',
        'superseded': ['esxcli network ip interface list'],
        'unrecognised': ['esxcli network ip interface set -m 9000 -i vmk1'],
    },
    'synthetic-transcript-two-hosts.txt': [
        {
            'name': 'synthetic-transcript-two-hosts.txt (host esx01)',
            'host': 'esx01',
            'vmknics': {
                'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                            portgroup='Management Network', portset='vSwitch0',
                            mac='00:50:56:01:00:00',
                            ipv4=('10.1.0.11', '255.255.255.0', '10.1.0.1', True, 'STATIC'),
                            ipv4_known=True),
            },
            'unrecognised': ['exit'],
        },
        {
            'name': 'synthetic-transcript-two-hosts.txt (host esx02)',
            'host': 'esx02',
            'vmknics': {
                'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=9000,
                            portgroup='Management Network', portset='vSwitch0',
                            mac='00:50:56:02:00:00',
                            ipv4=('10.1.0.12', '255.255.255.0', '10.1.0.1', True, 'STATIC'),
                            ipv4_known=True),
            },
        },
    ],
    'synthetic-unverified-esxcfg-vmknic-l-55.txt': {
        'vmknics': {
            'vmk0': vmk(enabled=True, mtu=1500, portgroup='Management Network',
                        mac='00:50:56:55:00:11',
                        ipv4=('10.0.55.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
            'vmk1': vmk(enabled=True, mtu=9000, portgroup='vMotion', mac='00:50:56:55:00:12',
                        ipv4_known=True, ipv6=[('fe80::250:56ff:fe55:12', 64)]),
        },
    },
    'synthetic-unverified-esxcfg-vmknic-l-oldest.txt': {
        'vmknics': {
            'vmk0': vmk(enabled=True, mtu=1500, portgroup='Management Network',
                        mac='00:50:56:40:00:11',
                        ipv4=('10.0.40.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
            'vmk1': vmk(enabled=True, mtu=9000, portgroup='VMkernel', mac='00:50:56:40:00:12',
                        ipv4=('10.0.41.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
        },
    },
    'synthetic-unverified-esxcfg-vswitch-l.txt': {
        'host': 'esx-vs-01',
        'vmknics': {
            'vmk0': vmk(enabled=True, netstack='defaultTcpipStack', mtu=1500,
                        portgroup='Management Network', mac='00:50:56:70:00:11',
                        ipv4=('10.70.0.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
            'vmk1': vmk(enabled=True, netstack='vmotion', mtu=9000, portgroup='vMotion-A',
                        mac='00:50:56:70:00:12',
                        ipv4=('10.70.1.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
            'vmk2': vmk(enabled=True, netstack='vSphereProvisioning', mtu=9000, vds='DSwitch-WAN',
                        dvport='12', mac='00:50:56:70:00:13',
                        ipv4=('10.70.2.11', '255.255.255.0', None, False, 'STATIC'),
                        ipv4_known=True),
        },
        'vswitches': {'DSwitch-WAN': ('distributed', 9000, ['vmnic4', 'vmnic5'], None),
                      'vSwitch0': ('standard', 1500, ['vmnic0', 'vmnic1'],
                                   ['VM Network', 'Management Network']),
                      'vSwitch1': ('standard', 9000, ['vmnic2'], ['vMotion-A'])},
        'portgroups': {'Management Network': ('vSwitch0', 110),
                       'VM Network': ('vSwitch0', 0),
                       'vMotion-A': ('vSwitch1', 120)},
    },
    'synthetic-unverified-ipv6-address-list.txt': {
        'host': 'esx-v6-01',
        'vmknics': {
            'vmk0': vmk(ipv4=('10.6.0.11', '255.255.0.0', None, True, 'STATIC'), ipv4_known=True,
                        ipv6=[('fe80::250:56ff:fe6c:111', 64), ('2001:db8:10::11', 64)]),
            'vmk1': vmk(ipv4_known=True,
                        ipv6=[('fe80::250:56ff:fe68:2201', 64), ('2001:db8:20::21', 64)]),
        },
    },
    'synthetic-unverified-nic-list-link-55.txt': {
        'nics': {'vmnic0': (True, 1000, 1500, 'Full', '00:26:b9:00:00:01',
                            'Broadcom Corporation PowerEdge R710 BCM5709 Gigabit Ethernet'),
                 'vmnic1': (False, 0, 1500, 'Half', '00:26:b9:00:00:02',
                            'Broadcom Corporation PowerEdge R710 BCM5709 Gigabit Ethernet')},
    },
    'synthetic-vmkping-message-too-long.txt': {
        'probes': [('10.0.0.2', 3, 0, 'message-too-long')],
    },
    'synthetic-vmkping-network-unreachable.txt': {
        'probes': [('10.0.0.2', 1, 0, 'network-unreachable')],
    },
    'synthetic-vmkping-partial-loss.txt': {
        'probes': [('10.0.0.2', 3, 2, None)],
    },
    'synthetic-vmkping-silent-drop.txt': {
        'probes': [('10.0.0.2', 3, 0, None)],
    },
    'synthetic-vsish-config-option-spaced.txt': {
        'line_rate': 1250,
    },
    'synthetic-vsish-pe-config-option.txt': {
        'line_rate': 1250,
    },
    'vmx-sitea-vm1-nic.txt': {
        # a grep that shows the NICs: whether the VM is encrypted, and its mode, stay unknown
        'vms': {'sitea_vm1': vm(vmx='[datastore1] sitea_vm1/sitea_vm1.vmx',
                                vmx_read=True, nics=[('ethernet0', 'VM Network', None, None,
                                                      '00:50:56:a5:97:d5')])},
    },
    'vmx-vds-nic-placeholders-edited.txt': {
        # no displayName shown: named by its file; the placeholder switch ID is no UUID
        'vms': {'vic-vm': vm(vmx='[datastore1] vic-vm/vic-vm.vmx', vmx_read=True,
                             nics=[('ethernet1', None, None, 'dvportgroup-1', None)])},
    },
    'vsish-config-option-block.txt': {},
}


def defaults(name):
    return {"name": name, "host": "corpus" if name in BARE else None, "version": None,
            "vmknics": {}, "nics": {}, "vswitches": {}, "portgroups": {}, "netstacks": None,
            "routes": [], "default_gateway": None, "line_rate": None, "probes": [], "partial": [],
            "not_read": [], "superseded": [], "unrecognised": [], "vds_uuids": {},
            "vm_inventory": "not-read", "vms": {}, "firewall": (False, False, None, None),
            "rulesets": {}}


def test_every_fixture_has_an_expectation():
    assert sorted(EXPECTED) == FIXTURE_FILES


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_corpus_facts(name, cli, tmp_path):
    path = tmp_path / name
    path.write_bytes(transcript_bytes(name))
    r = cli("analyze", "--transcript", str(path), "--json")
    assert "internal error" not in r.err and "Traceback" not in r.err
    expected = EXPECTED[name]
    if isinstance(expected, tuple):  # nothing to read: one line, exit 3, no report
        assert r.code == 3 and r.out == ""
        assert len(r.err.strip().splitlines()) == 1 and expected[1] in r.err
        return
    body = r.json
    reports = body if isinstance(body, list) else [body]
    wanted = expected if isinstance(expected, list) else [expected]
    assert len(reports) == len(wanted)
    for report, want in zip(reports, wanted):
        full = defaults(name)
        full.update(want)
        assert project(report) == full
