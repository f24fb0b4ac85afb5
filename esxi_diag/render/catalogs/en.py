"""English: the reference catalog (the words of schema esxi-diag/1's title, detail and remedy).

Keys: ``<FINDING-ID>[.<variant>].title`` / ``.detail``, phrases of a finding (``<FINDING-ID>.<part>``),
``remedy.*`` (prose steps of remedies), ``path.*`` (why a data path is what it is),
``routing.*`` (how a peer is reached), ``reach.*`` (verdicts of probes), ``tune.*`` (the tuning
plan), ``role.*``, ``list.*``.
"""

LIST_SEPARATOR = ", "
LIST_SEPARATORS = {"comma": ", ", "semicolon": "; ", "and": " and "}

_ONLY_LINE_RATE = " Only NetExpectedLineRateMBps can be tuned for Long Distance vMotion."

MESSAGES = {
    # ---- words used inside other messages
    "role.hot": "hot",
    "role.cold": "cold",
    "role.hot+cold": "hot and cold",
    "list.more": "; and {count} more",

    # ---- data paths: why a path is what it is
    "path.no-interface-list": "the VMkernel interface list was not collected",
    "path.on-netstack": "{vmknics} on the {netstack} netstack, which takes precedence over {tag} "
                        "tags",
    "path.netstack-not-known": "the netstack of {vmknics} is not known",
    "path.interface-list-cut": "the interface list is incomplete (edited or cut): a vmknic on the "
                               "{netstack} netstack, which would take precedence, may be missing "
                               "from it",
    "path.tagged": "no vmknic on the {netstack} netstack; {vmknics} tagged {tag}{unknown}",
    "path.maybe-more": " (tags of {vmknics} not known: there may be more)",
    "path.tags-not-collected": "the service tags of {vmknics} were not collected",
    "path.none": "no vmknic on the {netstack} netstack and no enabled vmknic of the default "
                 "netstack tagged {tag}{ignored}",
    "path.ignored": " (the {tag} tag on {vmknics}, of another netstack, has no effect)",
    "path.management": "no provisioning vmknic: cold data falls back to the Management vmknic "
                       "({vmknics})",
    "path.no-cold": "no provisioning vmknic and no enabled Management vmknic",

    # ---- routing pre-flight: how this host would reach a peer
    "routing.interfaces-not-read": "the interface list was not read: whether {vmknic} exists is "
                                   "not known",
    "routing.no-such-vmknic": "{vmknic} does not exist on this host",
    "routing.not-an-address": "{target} is not an address",
    "routing.no-address-of-family": "{vmknic} has no {family} address{local}, so it cannot reach "
                                    "the {family} peer {target}",
    "routing.only-link-local": " (only link-local)",
    "routing.address-not-collected": "the {family} address of {vmknic} was not collected",
    "routing.on-link": "{target} is in {vmknic}'s subnet {subnet}",
    "routing.static-route": "static route {network} via {gateway} on the {netstack} netstack",
    "routing.vmknic-gateway": "{vmknic}'s own gateway {gateway}",
    "routing.netstack-gateway": "the {netstack} netstack's default gateway {gateway}{how}",
    "routing.on-own-subnet": " (on {vmknic}'s own subnet)",
    "routing.reached-through": " (reached through {via})",
    "routing.table-not-collected": "{target} is outside {vmknic}'s subnet and the {netstack} "
                                   "{family} route table was not collected",
    "routing.not-routable": "{target} is outside {vmknic}'s subnet {subnet} and the {netstack} "
                            "netstack has no default gateway, static route or per-vmknic "
                            "gateway that reaches it",

    # ---- reachability: planning and the verdict of a path's probes
    "reach.where": "{vmknic} -> {target}{label}",
    "reach.label": " ({label})",
    "reach.ms": "{ms:.1f} ms",
    "reach.not-measured": "not measured",
    "reach.no-vmknic-to-test": "{role} data: no {role}-data vmknic to test from ({reason})",
    "reach.cut-after-replies": "{command}: the output was cut after {replies} of {count} "
                               "replies, before its statistics: the round trip is from the "
                               "replies shown, the loss is not known",
    "reach.printed-nothing": "{command} printed nothing{status}",
    "reach.exit-status": " (exit status {code})",
    "reach.no-statistics": "{command}: the output ends before its statistics: no reply and no "
                           "count shown",
    "reach.stack-not-configured": "vmkping printed '*** vmkernel stack not configured ***' for "
                                  "-S {used}: {vmknic} is not on the {used} netstack, or that "
                                  "netstack does not exist on this host{why}",
    "reach.stack-wrong-s": " (the command used -S {used}, but {vmknic} is on {netstack}: use "
                           "-S {netstack})",
    "reach.stack-changed": " (the configuration changed since it was read: read the interface "
                           "list again)",
    "reach.wrong-netstack": "{vmknic} is on the {netstack} netstack, but the probe used {used}: "
                            "it says nothing about this path (vmkping needs -S {netstack})",
    "reach.unreachable": "{target} from {vmknic}: {why}",
    "reach.no-reply": "no reply to {sent} probes",
    "reach.loss": "{loss:g}% of {sent} probes lost",
    "reach.local-mtu": "a {size}-byte don't-fragment probe does not fit {vmknic}'s own MTU "
                       "(sendto() failed: Message too long)",
    "reach.df-proves-nothing": "the don't-fragment test proves nothing: {why}",
    "reach.drops-jumbo": "{size}-byte don't-fragment probes are lost while {base}-byte ones "
                         "pass: something on the path drops jumbo frames",
    "reach.below-1500": "even {base}-byte don't-fragment probes are lost: the path MTU is below "
                        "1500",
    "reach.smaller-path-mtu": "{size}-byte don't-fragment probes are lost while small packets "
                              "pass: the path MTU is smaller than {mtu}",
    "reach.path-mtu": "{what}{uncertain}{largest}",
    "reach.uncertain": " (uncertain: this link also loses {loss:g}% of small probes)",
    "reach.largest": "; the largest payload that passes is {size} bytes (path MTU {mtu})",
    "reach.df-only-lost": "no reply to the {size}-byte don't-fragment probes, and no "
                          "small-packet series was run: either {target} does not answer at all "
                          "or the path MTU is below {mtu}",
    "reach.beyond": "average round-trip time {rtt:.1f} ms is beyond the {limit:g} ms Long Distance "
                    "vMotion supports",
    "reach.interrupted": "interrupted before all probes ran",
    "reach.no-probe-run": "no probe of this path was run",
    "reach.no-probe-counted": "no probe of this path printed a count of its replies",
    "reach.all-passed": "all probes passed",

    # ---- findings: the data paths
    "HOT-UNKNOWN.title": "Hot-data path could not be determined",
    "HOT-UNKNOWN.detail": "Not enough facts to say which vmknic carries vMotion hot data: "
                          "{reason}. Whether vMotion works cannot be said.",
    "HOT-NONE.title": "No vMotion (hot-data) VMkernel port",
    "HOT-NONE.detail": "No VMkernel port carries vMotion hot data (memory, device state): "
                       "{reason}. vMotion to or from this host fails.{disabled}",
    "HOT-NONE.disabled": " Tagged VMotion but disabled: {vmknics}.",
    "HOT-PATH.title": "Hot data: {vmknics}",
    "HOT-PATH.detail": "vMotion hot data uses {vmknics} ({reason}).",
    "COLD-UNKNOWN.title": "Cold-data path could not be determined",
    "COLD-UNKNOWN.detail": "Not enough facts to say which vmknic carries vMotion cold data: "
                           "{reason}. Whether vMotion works cannot be said.",
    "COLD-NONE.title": "No VMkernel port for cold data",
    "COLD-NONE.detail": "Cold data (snapshots, disks, logs) has no provisioning vmknic and no "
                        "enabled Management vmknic to fall back to: {reason}.",
    "COLD-PATH.title": "Cold data: {vmknics}",
    "COLD-PATH.detail": "vMotion cold data uses {vmknics} ({reason}).",
    "COLD-MANAGEMENT.title": "Cold data falls back to the management network",
    "COLD-MANAGEMENT.detail": "No vmknic is on the vSphereProvisioning netstack or tagged "
                              "vSphereProvisioning, so snapshots, disks and logs of a migrating "
                              "VM travel over {vmknics} (Management). This is supported; for "
                              "Long Distance vMotion VMware recommends the provisioning TCP/IP "
                              "stack.",
    "TAG-VMOTION-INACTIVE.title": "{tag} tag on {vmknics} is inactive",
    "TAG-VMOTION-INACTIVE.detail": "{vmknics} carries the {tag} tag, but {active} on the "
                                   "{netstack} netstack takes precedence: the tag does nothing "
                                   "and misleads whoever reads the configuration.",
    "TAG-PROVISIONING-INACTIVE.title": "{tag} tag on {vmknics} is inactive",
    "TAG-PROVISIONING-INACTIVE.detail": "{vmknics} carries the {tag} tag, but {active} on the "
                                        "{netstack} netstack takes precedence: the tag does "
                                        "nothing and misleads whoever reads the configuration.",
    "TAG-IGNORED-NETSTACK.title": "{tag} tag on {vmknic} has no effect ({netstack} netstack)",
    "TAG-IGNORED-NETSTACK.detail": "{vmknic} carries the {tag} tag but is on the {netstack} "
                                   "netstack: service tags take effect only on vmknics of the "
                                   "default netstack (defaultTcpipStack), so {vmknic} carries no "
                                   "vMotion {role} data.",
    "PATH-VMK-DISABLED.title": "{vmknic} ({role} data) is disabled",
    "PATH-VMK-DISABLED.detail": "{vmknic} is on the {netstack} netstack and so carries {role} "
                                "data, but it is disabled.",
    "PATH-VMK-DISABLED.tagged.title": "{vmknic} is tagged for {role} data but disabled",
    "PATH-VMK-DISABLED.tagged.detail": "{vmknic} carries the {tag} tag but is disabled, so it "
                                       "carries nothing.",
    "PATH-VMK-IPV6-ONLY.title": "{vmknic} ({role} data) uses IPv6 only",
    "PATH-VMK-IPV6-ONLY.detail": "{vmknic} has no IPv4 address and carries {role} data over IPv6 "
                                 "({addresses}): supported, as long as every peer of this path "
                                 "has IPv6 too.",
    "PATH-VMK-NO-IPV4.title": "{vmknic} ({role} data) has no usable IP address",
    "PATH-VMK-NO-IPV4.detail": "{vmknic} carries {role} data but has no IPv4 address and no "
                               "routable IPv6 address{local}.",
    "PATH-VMK-NO-IPV4.local": " (only link-local {addresses})",
    "PATH-VMK-NO-IPV4.unknown.title": "{vmknic} ({role} data) has no IPv4 address",
    "PATH-VMK-NO-IPV4.unknown.detail": "{vmknic} carries {role} data but has no IPv4 address, "
                                       "and its IPv6 addresses were not collected: whether it "
                                       "has any usable address is not known.",
    "HOT-SHARED-SERVICES.title": "Hot-data vmknic {vmknic} also carries {services}",
    "HOT-SHARED-SERVICES.detail": "vMotion moves memory at line rate and can starve {services} "
                                  "on {vmknic} (and vice versa). VMware recommends a dedicated "
                                  "vMotion vmknic on its own network.",
    "NETSTACK-NO-GATEWAY.title": "No {family} default gateway on the {netstack} netstack",
    "NETSTACK-NO-GATEWAY.detail": "The {netstack} netstack ({role} data, {vmknics}) has no "
                                  "{family} default gateway{no_own}{static}. vMotion between "
                                  "hosts on the same L2 segment works without one; peers in "
                                  "other subnets are not reachable.{offlink}",
    "NETSTACK-NO-GATEWAY.no-own": " and no per-vmknic gateway",
    "NETSTACK-NO-GATEWAY.static": "; it reaches other subnets only through its static routes "
                                  "({routes})",
    "NETSTACK-NO-GATEWAY.route": "{network} via {gateway}",
    "NETSTACK-NO-GATEWAY.offlink": " Tested peers outside its subnets: {peers}.",
    "HOT-ROUTES-VIA-OTHER-VMKNIC.title": "Routed hot data from {vmknic} would leave through "
                                         "{via}",
    "HOT-ROUTES-VIA-OTHER-VMKNIC.detail": "{vmknic} carries hot data on the default netstack, "
                                          "whose default gateway {gateway} is reached through "
                                          "{via}. vMotion to a peer outside {vmknic}'s own "
                                          "subnet would leave through {via}, not {vmknic}. "
                                          "Peers on the same L2 segment are not affected.",
    "MTU-EXCEEDS-VSWITCH.title": "{vmknic} MTU {mtu} is larger than {switch}'s MTU {switch_mtu}",
    "MTU-EXCEEDS-VSWITCH.detail": "{vmknic} ({role} data) sends frames of up to {mtu} bytes, but "
                                  "{switch} only carries {switch_mtu}: large vMotion packets are "
                                  "dropped.",
    "MTU-EXCEEDS-UPLINK.title": "{vmknic} MTU {mtu} is larger than uplink {uplink} MTU "
                                "{uplink_mtu}",
    "MTU-EXCEEDS-UPLINK.detail": "{vmknic} ({role} data) on {switch} has MTU {mtu}, but "
                                 "uplink(s) {uplinks} carry less: large vMotion packets are "
                                 "dropped when they leave through those uplinks.",
    "PATH-NO-UPLINK.title": "{vmknic} has no working uplink",
    "PATH-NO-UPLINK.detail": "{vmknic} ({role} data) is on {switch}, which has no uplink: its "
                             "traffic never leaves the host.",
    "PATH-NO-UPLINK.down.title": "{vmknic} has no working uplink",
    "PATH-NO-UPLINK.down.detail": "{vmknic} ({role} data) is on {switch}, whose uplinks "
                                  "({uplinks}) are all down.",
    "LINERATE-DEFAULT.title": "NetExpectedLineRateMBps is at its 1 Gbit/s default",
    "LINERATE-DEFAULT.detail": "/Migrate/NetExpectedLineRateMBps is {current} MB/s (the "
                               "default), but the hot-data uplinks run at {speed} Mbit/s "
                               "(slowest: {nic}, {speed_mbytes} MB/s). Long Distance vMotion "
                               "sizes its socket buffers from this value; on a LAN it does not "
                               "matter.",
    "SBMAX-UNAVAILABLE.not-root.title": "sbMax of the {netstack} netstack cannot be read",
    "SBMAX-UNAVAILABLE.not-root.detail": "{node} is not readable: {detail}.",
    "SBMAX-UNAVAILABLE.no-vsish.title": "sbMax of the {netstack} netstack cannot be read",
    "SBMAX-UNAVAILABLE.no-vsish.detail": "{detail}: {node} cannot be read or set here." +
                                         _ONLY_LINE_RATE,
    "SBMAX-UNAVAILABLE.release.title": "sbMax of the {netstack} netstack cannot be read",
    "SBMAX-UNAVAILABLE.release.detail": "This host runs {release}: the sbMax node exists from "
                                        "vSphere 6.7 U1." + _ONLY_LINE_RATE,
    "SBMAX-UNAVAILABLE.missing.title": "sbMax of the {netstack} netstack cannot be read",
    "SBMAX-UNAVAILABLE.missing.detail": "vsish has no {node} node ({detail}), although {release} "
                                        "should have it (it exists from 6.7 U1). Check the "
                                        "netstack name and that the host is healthy." +
                                        _ONLY_LINE_RATE,
    "SBMAX-UNAVAILABLE.unknown-release.title": "sbMax of the {netstack} netstack cannot be read",
    "SBMAX-UNAVAILABLE.unknown-release.detail": "vsish has no {node} node ({detail}) and the "
                                                "release is not known: the node exists from "
                                                "vSphere 6.7 U1." + _ONLY_LINE_RATE,
    "SBMAX-UNAVAILABLE.no-detail": "no detail",

    # ---- findings: the collection
    "COLLECT-INCOMPLETE.title": "{count} command(s) failed or were not understood",
    "COLLECT-INCOMPLETE.detail": "{commands}{more}. Facts from these commands are missing; "
                                 "checks that need them were skipped.",
    "COLLECT-INCOMPLETE.command": "{command}: {status}{note}",
    "COLLECT-PARTIAL.title": "{count} output(s) were edited or cut",
    "COLLECT-PARTIAL.detail": "{commands}{more}. What they list may be incomplete: what was cut "
                              "is treated as unknown, not as absent.",
    "COLLECT-PARTIAL.command": "{command}: {note}",
    "COLLECT-LOCALCLI.title": "esxcli failed: data read through localcli",
    "COLLECT-LOCALCLI.detail": "esxcli did not answer ({why}), so the data was read with "
                               "localcli, which bypasses hostd. vMotion needs hostd: check it "
                               "before migrating.",

    # ---- findings: reachability (check)
    "REACH-NOT-ROUTABLE.title": "{where}: no route ({role} data)",
    "REACH-NOT-ROUTABLE.detail": "{detail}.",
    "REACH-UNREACHABLE.title": "{where}: unreachable ({role} data)",
    "REACH-UNREACHABLE.detail": "{detail}. Routing: {routing}.",
    "REACH-LOCAL-MTU.title": "{where}: local MTU too small",
    "REACH-LOCAL-MTU.detail": "{detail}.",
    "REACH-PATH-MTU.title": "{where}: the path drops large packets ({role} data)",
    "REACH-PATH-MTU.detail": "{detail}. vMotion sends full-size frames and stalls.",
    "REACH-RTT-BEYOND.title": "{where}: {rtt:.1f} ms round trip, beyond {limit:g} ms",
    "REACH-RTT-BEYOND.detail": "{detail}.",
    "REACH-LOSS.title": "{where}: packet loss ({role} data)",
    "REACH-LOSS.detail": "{detail}. vMotion over a lossy link is slow and may time out.",
    "REACH-LOSS.also.title": "{where}: packet loss",
    "REACH-LOSS.also.detail": "{loss:g}% of the latency probes were lost.",
    "REACH-VMKPING-ERROR.title": "{where}: vmkping failed",
    "REACH-VMKPING-ERROR.detail": "{detail}.",
    "REACH-WRONG-NETSTACK.title": "{where}: probed on the wrong netstack",
    "REACH-WRONG-NETSTACK.detail": "{detail}.",
    "REACH-NOT-MEASURED.title": "{where}: not measured ({role} data)",
    "REACH-NOT-MEASURED.detail": "{detail}. Without a count of the replies this path is neither "
                                 "passed nor failed.",
    "REACH-STACK-NOT-CONFIGURED.title": "{where}: vmkernel stack not configured",
    "REACH-STACK-NOT-CONFIGURED.detail": "{detail}.",
    "REACH-INTERRUPTED.title": "{where}: not finished",
    "REACH-INTERRUPTED.detail": "The check was interrupted before this path's probes finished.",
    "REACH-MTU-MISMATCH.title": "{where}: MTU {mtu} here, {peer_mtu} on the peer",
    "REACH-MTU-MISMATCH.detail": "The two ends of this {role}-data path have different MTUs: the "
                                 "larger side's full-size frames do not fit the smaller side.",
    "REACH-ROUTED-VIA-OTHER-VMKNIC.title": "{where}: routed through {via}, not {vmknic}",
    "REACH-ROUTED-VIA-OTHER-VMKNIC.detail": "{vmknic} reaches {target} only through {through} "
                                            "{gateway}, which sits behind {via} (not on "
                                            "{vmknic}'s own subnet): this {role}-data traffic "
                                            "leaves through {via}'s uplinks and network.",
    "REACH-ROUTED-VIA-OTHER-VMKNIC.static": "the static route's gateway",
    "REACH-ROUTED-VIA-OTHER-VMKNIC.default": "the {netstack} netstack's default gateway",
    "REACH-NOT-TESTED.title": "A data path could not be tested",
    "REACH-NOT-TESTED.detail": "{note}",
    "REACH-LONG-DISTANCE.title": "Long Distance vMotion applies (worst round trip {worst:.1f} "
                                 "ms)",
    "REACH-LONG-DISTANCE.detail": "The worst measured round-trip time, {worst:.1f} ms (hot data: "
                                  "{hot}), is above the {threshold:g} ms threshold "
                                  "(/Migrate/NetLatencyModeThreshold): vMotion runs in its "
                                  "latency-aware mode, supported up to {limit:g} ms, and the "
                                  "expected line rate and sbMax should match the "
                                  "bandwidth-delay product.",
    "REACH-OK.title": "All {count} path(s) passed",
    "REACH-OK.detail": "Every hot and cold data path tested reached its peer with full-size "
                       "don't-fragment packets and no loss.",

    # ---- remedies: the prose steps between commands
    "remedy.run-and-include-this": "Run this and include its output:",
    "remedy.run-and-include-these": "Run these and include their output:",
    "remedy.tagged-but-disabled": "{vmknic} is tagged {tag} but disabled: enable it:",
    "remedy.or-create-vmotion-vmknic": "Or create a dedicated vMotion vmknic on the vmotion "
                                       "netstack:",
    "remedy.create-vmotion-vmknic": "Create a dedicated vMotion vmknic on the vmotion netstack:",
    "remedy.or-tag-unused": "Or tag {vmknic}, which carries no other service (only if it "
                            "carries no iSCSI or NFS traffic either):",
    "remedy.create-provisioning-vmknic": "Create a vmknic on the vSphereProvisioning netstack, "
                                         "on both hosts (source and destination: cold data goes "
                                         "between their provisioning vmknics):",
    "remedy.carry-on-dedicated": "Carry {role} data on a vmknic of the {netstack} netstack (or a "
                                 "tagged vmknic of the default netstack). The tag on {vmknic} "
                                 "can go:",
    "remedy.enable-it": "Enable it:",
    "remedy.or-remove-the-tag": "Or remove the tag:",
    "remedy.or-ipv6-address": "Or an IPv6 address:",
    "remedy.move-vmotion-to-dedicated": "Move vMotion to a dedicated vmknic on the vmotion "
                                        "netstack (once it exists, the VMotion tag on {vmknic} "
                                        "no longer carries anything):",
    "remedy.then-take-the-tag-off": "Then take the tag off {vmknic}:",
    "remedy.own-gateway": "Give {vmknic} a gateway of its own, on its subnet (ESXi 6.5 and "
                          "later):",
    "remedy.or-move-to-vmotion-netstack": "Or move vMotion to the vmotion netstack.",
    "remedy.or-lower-the-vmknic": "Or lower the vmknic:",
    "remedy.raise-dvs-mtu": "Raise the MTU of distributed switch {switch} to {mtu} in vCenter.",
    "remedy.switch-mtu-sets-uplinks": "Setting the switch's MTU sets its uplinks' too:",
    "remedy.add-uplink": "Add a working uplink:",
    "remedy.check-cabling": "And check the cabling and the physical switch port:",
    "remedy.check-dvs-uplinks": "Check the uplinks of distributed switch {switch} (in vCenter) "
                                "and their links:",
    "remedy.run-as-root": "Run esxi-diag as root (vsish needs it)",
    "remedy.run-by-hand": "Run the commands by hand to see their errors; the JSON report lists "
                          "every command with its exit code.",
    "remedy.paste-again": "Run these commands again and paste their whole output:",
    "remedy.if-not-running": "If it is not running:",
    "remedy.one-of": " (one of {switches})",
    "remedy.if-netstack-missing": "If 'esxcli network ip netstack list' does not show "
                                  "{netstack} yet:",
    "remedy.on-standard-switch": "On a standard switch{which}:",
    "remedy.if-vlan": "If that network uses a VLAN:",
    "remedy.on-distributed-switch": "On the distributed switch{which}, on a free port of a port "
                                    "group made for it in vCenter:",
    "remedy.or-on-distributed-switch": "Or on a distributed switch{which}, on a free port of a "
                                       "port group made for it in vCenter:",
    "remedy.then-its-address": "Then its address:",
    "remedy.for-routed-peers": "For peers in other subnets (routed vMotion):",
    "remedy.or-own-gateway": "Or a gateway of {vmknic}'s own (ESXi 6.5 and later):",
    "remedy.reproduce-it": "Reproduce it:",
    "remedy.run": "Run:",
    "remedy.for-example": "For example:",
    "remedy.then-if-on": "Then, if it is on {netstack}:",
    "remedy.check-peer-vlan-firewall": "Check the peer's vmknic address, the VLAN of both port "
                                       "groups and any firewall between the sites.",
    "remedy.raise-vmknic-mtu": "Raise the vmknic's MTU (and its switch's and uplinks' to "
                               "match):",
    "remedy.raise-path-mtu": "Raise the MTU on every switch and router between the hosts to at "
                             "least {mtu}, or set both ends to 1500:",
    "remedy.less-latency": "vMotion between these hosts is not supported over this network; use "
                           "a path with less latency.",
    "remedy.find-lossy-link": "Find the lossy link (interface errors, congestion, duplex) "
                              "between the hosts.",
    "remedy.check-vmknic-exists": "Check that {vmknic} still exists:",
    "remedy.run-again-whole": "Run it again and paste the whole output, statistics included.",
    "remedy.check-netstack-of": "Check the netstack of {vmknic}:",
    "remedy.run-check-again": "Run the check again.",
    "remedy.same-mtu-both-ends": "Set the same MTU at both ends (and on the switches between "
                                 "them), e.g. here:",
    "remedy.static-route": "Add a static route on the {netstack} netstack:",
    "remedy.or-static-route": "Or a static route on the {netstack} netstack:",
    "remedy.fix-path-first": "Fix the data path first (see the other findings).",
    "remedy.size-for-this-rtt": "Size the expected line rate and (from 6.7 U1) sbMax for this "
                                "RTT, here and on the peer; add --apply to set them:",
    "remedy.tune-only-within": "Tune only for the peers within {limit:g} ms (those beyond it are "
                               "not supported at any setting):",
    "remedy.none-by-tuning": "None by tuning: {rtt:.1f} ms is beyond the {limit:g} ms Long "
                             "Distance vMotion supports; use a path with less latency",
    # ---- tuning: the plan's reasons and notes
    "tune.rate-mbytes": "{rate} = {mbytes:g} MB/s",
    "tune.rate-capped": "capped at the option's maximum, {max} MB/s ({gbit:.0f} Gbit/s): faster "
                        "links cannot be described to vMotion",
    "tune.rate-default": "at or below the default {default} MB/s (about 1 Gbit/s), which already "
                         "describes this link",
    "tune.kept-lower": "lower than the current {current}: kept (use --allow-decrease to lower "
                       "it)",
    "tune.bdp": "{rate} x {rtt:g} ms = {bdp} bytes (bandwidth-delay product), rounded up to a "
                "multiple of 64 KiB = {value}",
    "tune.sbmax-capped": "capped at the node's maximum, {max}",
    "tune.no-line-rate": "no line rate: give --line-rate (e.g. 10G)",
    "tune.current-unread": "the current value could not be read: not changed",
    "tune.hot-netstack-unknown": "the hot-data netstack is not known ({reason})",
    "tune.sbmax-release": "this host runs {release}: the sbMax node exists from vSphere 6.7 U1, "
                          "so only the line rate can be tuned",
    "tune.sbmax-unreadable": "{node} could not be read ({detail}): only the line rate can be "
                             "tuned",
    "tune.unavailable": "unavailable",
    "tune.sbmax-not-read": "sbMax of {netstack} was not read",
    "tune.release-unknown": "the release is not known: sbMax is tuned only on 6.7 U1 and later",
    "tune.needs-both": "needs both the line rate and the RTT (--rtt, or --peer to measure it)",
    "tune.default-stack": "sbMax of defaultTcpipStack caps the socket buffers of every socket on "
                          "that stack (management, NFS, iSCSI), not only vMotion's; a vmknic on "
                          "the vmotion netstack keeps the change to vMotion",
    "tune.rtt-beyond": "the RTT {rtt:g} ms is beyond the 150 ms Long Distance vMotion supports",
    "tune.secure-boot": "UEFI Secure Boot is enabled: /etc/rc.local.d/local.sh does not run at "
                        "boot, so --persist cannot keep sbMax across a reboot (set it again "
                        "after each reboot)",
    "tune.secure-boot-unknown": "the Secure Boot state could not be read: if it is enabled, "
                                "/etc/rc.local.d/local.sh does not run at boot and --persist "
                                "cannot keep sbMax",
    "tune.same-on-peers": "vMotion's receiving host sizes its buffers from the same settings: "
                          "give every peer host the same values (esxi-diag tune with the same "
                          "--line-rate and --rtt there)",
    "tune.basis-assumed": "assumed: the slowest link-up uplink of the hot-data switch, {nic} at "
                          "{rate} (over a WAN the inter-site link is usually slower: give "
                          "--line-rate)",
    "tune.basis-measured": "measured: the worst hot-path round trip, {vmknic} -> {target}, "
                           "{rtt:.2f} ms average of {count} probes",
    "tune.peer-unknown": "{host}'s report does not show its {what}: compare by hand",

    # ---- findings: the tuning plan (tune)
    "TUNE-PEER-DIFFERS.title": "{host} is tuned differently",
    "TUNE-PEER-DIFFERS.detail": "vMotion between the two hosts sizes its buffers at both ends: "
                                "{differs}{recommended}.",
    "TUNE-PEER-DIFFERS.rate": "NetExpectedLineRateMBps {there} there, {here} here",
    "TUNE-PEER-DIFFERS.sbmax": "sbMax ({netstack} netstack) {there} there, {here} here",
    "TUNE-PEER-DIFFERS.recommended": " (this host's values are the ones this plan recommends)",
    "TUNE-LINERATE-CAPPED.title": "The line rate is above what the option can express",
    "TUNE-LINERATE-CAPPED.detail": "{rate} is {mbytes:g} MB/s, above the {max} MB/s maximum of "
                                   "/Migrate/NetExpectedLineRateMBps: vMotion is told "
                                   "{recommended} MB/s ({gbit:.0f} Gbit/s).",
    "TUNE-NO-LINE-RATE.title": "The line rate is not known",
    "TUNE-NO-LINE-RATE.detail": "No link-up uplink speed of the hot-data switch was found.",
    "TUNE-LINE-RATE-ASSUMED.title": "The line rate is assumed from the local uplinks",
    "TUNE-LINE-RATE-ASSUMED.detail": "No --line-rate was given, so the plan assumes {rate}, the "
                                     "speed of the slowest link-up uplink of the hot-data "
                                     "switch.{why}",
    "TUNE-LINE-RATE-ASSUMED.wan": " The paths are long distance: the link between the sites is "
                                  "usually slower than the host's uplinks, and a line rate set "
                                  "too high makes vMotion's buffers too large for the real "
                                  "link.",
    "TUNE-LINE-RATE-ASSUMED.lan": " On a LAN that is the real line rate.",
    "TUNE-LINE-RATE-LOW.title": "The line rate is below 250 Mbit/s",
    "TUNE-LINE-RATE-LOW.detail": "{rate} is below the 250 Mbit/s VMware requires per concurrent "
                                 "Long Distance vMotion.",
    "TUNE-RTT-BEYOND.title": "The RTT is beyond the supported 150 ms",
    "TUNE-RTT-BEYOND.detail": "The sizing uses {rtt:g} ms, beyond what Long Distance vMotion "
                              "supports.",
    "TUNE-NO-RTT.title": "sbMax needs the round-trip time",
    "TUNE-NO-RTT.detail": "Without an RTT the bandwidth-delay product cannot be computed.",
    "remedy.on-host": "On {host}:",
    "remedy.give-line-rate": "Give it, e.g. --line-rate 10G:",
    "remedy.give-inter-site-rate": "Give the bandwidth between the sites, e.g. --line-rate 10G:",
    "remedy.faster-link": "A faster link, or one vMotion at a time",
    "remedy.or-measure-rtt": "Or measure it against a hot-data peer:",
    # ---- added with the Japanese catalog: words that were the host's or the runner's codes
    "reach.vmkping-killed": "vmkping did not finish within {seconds:.0f} s and was killed: "
                            "{command}",
    "reach.bad-name": "not probed: the vmknic or netstack name {names} has characters that are "
                      "not passed to vmkping",
    "reach.vmkping-failed": "vmkping could not run: {why}",
    "reach.network-unreachable": "network unreachable",
    "reach.host-down": "host down",
    "COLLECT-INCOMPLETE.failed": "failed",
    "COLLECT-INCOMPLETE.unparsed": "not understood",
    "COLLECT-INCOMPLETE.note": " ({note})",

    # ---- virtual machines and the host firewall (issue 12: rules/vms.py)
    "vm.names": "{names}{more}",
    "vm.mode.required": "required",
    "vm.mode.opportunistic": "opportunistic",
    "vm.mode.disabled": "disabled",
    "vm.none-known": "the setting of no VM is known",
    "VM-NETWORK-MISSING.title": "Port group {network} does not exist on this host",
    "VM-NETWORK-MISSING.detail": "The configuration (.vmx) of these VMs attaches a network "
                                 "adapter to the standard port group {network}, which this host "
                                 "does not have: "
                                 "{vms} ({count} in all). Such an adapter cannot connect here; a "
                                 "VM's network must exist, under the same name, on every host "
                                 "it runs on or migrates to.",
    "VM-NETWORK-MISSING.dvs.title": "VMs are attached to a distributed switch this host is not "
                                    "on",
    "VM-NETWORK-MISSING.dvs.detail": "The configuration (.vmx) of these VMs attaches a network "
                                     "adapter to the distributed switch with UUID {network}, "
                                     "which is not among "
                                     "this host's distributed switches: {vms} ({count} in all). "
                                     "Such an adapter cannot connect here.",
    "remedy.create-vm-portgroup": "Create the port group on this host, with the VLAN it has on "
                                  "the other hosts:",
    "remedy.add-host-to-dvs": "In vCenter, add this host to that distributed switch",
    "remedy.or-move-vms-network": "Or, in vCenter, attach those adapters to a network this host "
                                  "has (the VM's Edit Settings, Network adapter)",
    "VM-VMOTION-CLEARTEXT.title": "VMs would migrate in clear text over a routed or "
                                  "long-distance path",
    "VM-VMOTION-CLEARTEXT.detail": "Encrypted vMotion is disabled on {vms} ({count} in all), and "
                                   "the hot data crosses {why}. The memory of these VMs crosses "
                                   "the network in clear text when they migrate. (Cold data, "
                                   "over NFC, is encrypted with TLS whatever the network.)",
    "VM-VMOTION-CLEARTEXT.routed": "a routed path (to {peers})",
    "VM-VMOTION-CLEARTEXT.far": "a long-distance path ({rtt:.1f} ms round trip, above the "
                                "{threshold:g} ms of a LAN)",
    "VM-VMOTION-CLEARTEXT.routed-far": "a routed, long-distance path (to {peers}; {rtt:.1f} ms "
                                       "round trip, above the {threshold:g} ms of a LAN)",
    "remedy.isolate-or-ipsec": "Isolate the vMotion network from other traffic, or protect it "
                               "with IPsec",
    "remedy.or-encrypted-vmotion-required": "Or, in vCenter, set Encrypted vMotion to Required "
                                            "on these VMs (the VM's Edit Settings, VM Options, "
                                            "Encryption)",
    "VM-VMOTION-ENCRYPTION.title": "How vMotion protects the data of this host's VMs",
    "VM-VMOTION-ENCRYPTION.detail": "Cold data (disk contents, over NFC) is encrypted with TLS "
                                    "by default, whatever the network. Hot data (the memory of "
                                    "a VM) is encrypted as the VM's Encrypted vMotion setting "
                                    "says: "
                                    "required, always; opportunistic (the default), only when "
                                    "both hosts support it, else it is sent in clear text; "
                                    "disabled, never. VMs of this host ({count}): "
                                    "{modes}.{encrypted}{unknown}{partial}",
    "VM-VMOTION-ENCRYPTION.mode": "{mode}: {count} ({vms})",
    "VM-VMOTION-ENCRYPTION.encrypted": " Encrypted VMs, whose vMotion is always encrypted: "
                                       "{vms}.",
    "VM-VMOTION-ENCRYPTION.unknown": " Not known for {count}, whose configuration (.vmx) was "
                                     "not read: {vms}.",
    "VM-VMOTION-ENCRYPTION.partial": " The list of VMs itself is incomplete (see the commands).",
    "FIREWALL-RULESET-DISABLED.title": "The {ruleset} firewall ruleset is disabled",
    "FIREWALL-RULESET-DISABLED.detail": "The host firewall blocks the {role} data: its {ruleset} "
                                        "ruleset{ports} is disabled, so migrations to and from "
                                        "this host fail.",
    "FIREWALL-RULESET-DISABLED.ports": " ({ports})",
    "FIREWALL-RULESET-DISABLED.firewall-off.title": "The {ruleset} firewall ruleset is disabled "
                                                    "(the firewall is off)",
    "FIREWALL-RULESET-DISABLED.firewall-off.detail": "The {ruleset} ruleset{ports}, which lets "
                                                     "the {role} data through, is disabled. The "
                                                     "host firewall is off, so nothing is "
                                                     "blocked now; once it is turned on, "
                                                     "migrations to and from this host fail.",
    # ---- what was cut from an output (parsers, extractors, the transcript reader)
    "cut.edit-mark": "an edit mark {line}",
    "cut.not-understood": "a line not understood: {line}",
    "cut.value-cut": "a value cut by hand: {line}",
    "cut.value-cut-column": "a value cut by hand in column '{column}': {value}",
    "cut.interface-name": "a row without a valid interface name ({value})",
    "cut.ipv4-cell": "{vmknic}: the IPv4 address cell was cut",
    "cut.not-ipv4": "{vmknic}: {value} is not an IPv4 address",
    "cut.not-ipv6": "{vmknic}: an IPv6 address that is not one",
    "cut.not-a-tag": "a tag that is not one",
    "cut.ip-cell": "{vmknic}: the IP address cell was cut",
    "cut.unknown-family": "{vmknic}: an address row of unknown family",
    "cut.netstack-name": "a netstack without a valid name",
    "cut.route": "a route that could not be read",
    "cut.nic-name": "a NIC row without a valid name",
    "cut.switch-name": "a switch without a name",
    "cut.portgroup-name": "a port group without a name",
    "cut.ruleset-name": "a ruleset without a valid name",
    "cut.vm-row": "a VM row without a Vmid and a name",
    "cut.running-vm": "a running VM without a World ID and a name",
    "cut.transcript-end": "the transcript ends inside this output: its last line {line} was not "
                          "read",
    "cut.too-long": "the output is longer than {limit} characters: only its start was read",
    "cut.not-read-beyond": "the transcript was not read beyond this point (too many lines that "
                           "start like a prompt)",

    # ---- parsers: why an output was not understood (ParseError, parsers/ and kinds/)
    "parse.because": ": {reason}",
    "parse.no-field": "no {field} field",
    "parse.no-field-either": "no {field} or {other} field",
    "parse.no-line": "no '{line}' line",
    "parse.no-header": "no '{header}' header",
    "parse.not-enabled-disabled": "not 'Enabled' or 'Disabled': {value}",
    "parse.no-parser": "no parser for {kind}",
    "parse.tags-without-vmknic": "tag output without the interface it belongs to",
    "parse.tags-not-list": "the Tags value is not a list",
    "parse.tags-cut": "the tag list was edited or cut: {reason}",
    "parse.not-gateway": "{value} is not a gateway address",
    "parse.vmx-missing": "the file does not exist",
    "parse.vmx-without-path": "a VMX file without its path",
    "parse.vmx-size": "too large for a VMX file",
    "parse.ports-without-world": "a port list without the World ID it belongs to",
    "parse.vsish-no-current": "no current value in the vsish output",
    "parse.vsish-no-pairs": "vsish -pe output without key/value pairs",
    "parse.sbmax-no-number": "no number in the sbMax node",
    "parse.no-esxcfg-table": "no esxcfg table with a '{column}' column found",
    "parse.no-switch-table": "no 'Switch Name' or 'DVS Name' table found",
    "parse.binary": "binary data (control character {code})",
    "parse.empty": "empty output",
    "parse.not-shape": "not {shape} output: {line}",
    "parse.esxcli-error": "{error}",
    "parse.no-stanza": "no stanza found{reason}",
    "parse.header-dash-mismatch": "the table header does not match its dash line",
    "parse.dash-without-header": "dash line without a header",
    "parse.no-table": "no table (header and dash line) found",
    "parse.xml-dtd": "XML with a DTD is not esxcli output",
    "parse.not-xml": "not XML (line {line}, column {column})",
    "parse.xml-no-output": "XML without an <output> element",
    "parse.xml-no-root": "esxcli XML without <root>",
    "parse.xml-not-structures": "esxcli XML without structures where a list of them was expected",
    "parse.not-ping": "not ping output",
    "parse.diag-ping-shape": "esxcli network diag ping output without Trace or Summary",
    "parse.none-read": "no {what} could be read{reason}",
    "parse.item.interface": "interface",
    "parse.item.ipv4-row": "IPv4 address row",
    "parse.item.netstack": "netstack",
    "parse.item.route": "route",
    "parse.item.nic": "NIC",
    "parse.item.switch": "switch",
    "parse.item.portgroup": "port group",
    "parse.item.running-vm": "running VM",
    "parse.item.ruleset": "ruleset",
    "parse.item.firewall-rule": "firewall rule",

    # ---- a damaged bundle: what could not be read, and what is done without it (sources/bundle.py)
    "bundle.large-header": "a header of more than {size}",
    "bundle.large-uncompressed": "more than {size} uncompressed",
    "bundle.large-raw": "more than {limit} MiB of raw output",
    "bundle.seek-end": "an archive that asks to be read from its end",
    "bundle.limit-after": "the archive holds {what} after {count} file(s): the rest was not read "
                          "(the limit)",
    "bundle.limit": "the archive holds {what}: the rest was not read",
    "bundle.corrupt-after": "the archive is truncated or corrupt after {count} file(s) ({error}): "
                            "the rest could not be read",
    "bundle.too-many-files": "the archive holds more than {limit} files: the rest was not read",
    "bundle.member-unreadable": "{name} could not be read ({error}): the archive is truncated",
    "bundle.twice": "{name} appears twice in the archive: the first one is used",
    "bundle.member-missing": "{name} is missing (the archive ends, or its reading stopped, before "
                             "it)",
    "bundle.member-digest": "{name} does not match its SHA-256 in the manifest (tampered or "
                            "corrupt)",
    "bundle.member-too-large": "{name} is too large ({size} bytes, the limit is {limit} MiB): "
                               "skipped",
    "bundle.command-left-out": "{command}: {why}; left out of the analysis",
    "bundle.raw-missing": "raw output {file} is missing",
    "bundle.raw-digest": "raw output {file} does not match its SHA-256 (tampered or corrupt)",
    "bundle.manifest": "manifest: {what}: {action}",
    "bundle.action.ignored": "ignored",
    "bundle.action.left-out": "left out",
    "bundle.action.left-out-of-analysis": "left out of the analysis",
    "bundle.action.no-output-usable": "no command output can be used",
    "bundle.action.paths-unknown": "the planned paths are not known",
    "bundle.action.no-tuning": "no tuning report",
    "bundle.action.peer-left-out": "that peer left out of the comparison",
    "bundle.part.not-object": "'{key}' is not an object",
    "bundle.part.not-string": "'{key}' is not a string",
    "bundle.part.not-string-list": "'{key}' is not a list of strings",
    "bundle.part.not-text-list": "'{key}' is not a list of texts",
    "bundle.part.not-list": "'{key}' is not a list",
    "bundle.part.not-bool": "'{key}' is not true or false",
    "bundle.part.files-entry": "'files' entry {name}",
    "bundle.part.command": "command {index} {why}",
    "bundle.part.command-types": "command {index} ({kind}): {keys} of the wrong type",
    "bundle.part.planned": "planned path {index} is not a vmknic, an address and roles",
    "bundle.part.peer": "peer {index} is not an address with a role, label and MTU",
    "bundle.part.tune-inputs": "'tune_inputs' holds a value of the wrong type or out of range",
    "bundle.part.tune-peer": "a peer's tuning in 'tune_inputs' is damaged",
    "bundle.entry.not-object": "is not an object",
    "bundle.entry.unknown-kind": "has an unknown kind {kind}",
    "bundle.entry.bad-params": "({kind}) has parameters that are not simple values",
    "bundle.entry.kind": "({kind}) {why}",
    "bundle.entry.invalid-param": "has an invalid {key} {value}",
    "bundle.entry.missing-param": "has no {key}",
    "bundle.entry.bad-target": "has a target that is not an address",
    "bundle.entry.no-stream": "({kind}) does not name its {stream} file and its SHA-256",
    "parse.vsish-empty": "empty vsish output",
    "bundle.entry.no-kind": "has no kind",
    "bundle.err.truncated": "unexpected end of data",
    "bundle.err.compressed": "the compressed data is damaged",
    "bundle.err.header": "a damaged tar header",
    "file.no-such-file": "no such file",
    "file.too-large": "larger than {limit} bytes: not read",
    "file.permission": "permission denied",
    "file.unreadable": "could not be read: {error}",
    "file.stalled": "not read: a read on datastore {datastore} did not finish within {seconds:g} s "
                    "({path})",
    "note.output-cut": "output cut at {limit} MiB: the command printed more and was stopped",
    "note.os-error": "the command could not be started: {error}",
    "reach.internal-error": "internal error while probing: {error}",

    # ---- notes on a command and on the input
    "note.timed-out-short": "timed out",
    "note.timed-out": "timed out after {seconds:.1f} s",
    "note.not-found": "command not found",
    "note.permission": "permission denied",
    "note.exit": "exit {code}{text}",
    "note.exit-text": ": {text}",
    "note.no-vsish": "vsish is not on this host (or not in PATH)",
    "note.vsish-not-root": "not readable: {detail} (vsish needs root)",
    "note.vsish-failed": "vsish could not run: {why}",
    "note.node-missing": "node not present{detail}",
    "note.node-detail": ": {detail}",
    "note.no-secureboot": "secureBoot.py is not on this host",
    "note.no-such-command": "this esxcli has no such command (an older release)",
    "note.superseded": "not used: the same command was pasted again later with different output, "
                       "and the later one is used",
    "note.partial": "partial: {reasons}",
    "note.reasons": "{reasons}{more}",
    "note.edited": "the output of '{command}' was edited or cut, so what it lists may be "
                   "incomplete ({reasons})",
    "note.not-understood": "output not understood",
    "note.parser-bug": "output not understood ({error})",
    "note.repeated": "'{command}' was pasted {count} times with different outputs: the last one "
                     "is used{diffs}",
    "note.differences": " ({diffs}{more})",
    "note.difference": "{key}: {before}, then {after}",
    "diff.hostname": "host name",
    "diff.fqdn": "FQDN",
    "diff.version": "ESXi version",
    "diff.build": "build",
    "diff.routes": "routes of {netstack}",
    "diff.route": "{network} {how}",
    "diff.via": "via {gateway}",
    "diff.on-link": "on-link",
    "diff.default-gateway": "default gateway",
    "diff.sbmax": "sbMax of {netstack}",
    "note.repeated-unreadable": "'{command}' was pasted {count} times with different outputs; the "
                                "last one could not be read, so the earlier ones are used",
    "note.utf16": "decoded as UTF-16",
    "note.latin1": "not valid UTF-8: decoded as Latin-1",
    "note.hostname-changed": "the hostname changed from {old} to {new} during the session "
                             "(esxcli system hostname set)",
    "note.too-many-prompt-like": "more than {limit} lines that start like a prompt: the rest of "
                                 "the transcript was not read",
    "note.too-many-prompts": "more than {limit} prompt lines: the rest of the transcript was not "
                             "read",
    "note.too-many-commands": "more than {limit} commands: only the first {limit} were read",
    "note.several-hosts": "this transcript holds the sessions of {count} hosts ({hosts}): one "
                          "report each",
    "note.first-host-only": "only the first host ({host}) is read here",
    "note.unknown-encryption-mode": "{vm}: migrate.encryptionMode {value} is not a mode this tool "
                                    "knows (disabled, opportunistic, required): its Encrypted "
                                    "vMotion mode is unknown",
    "note.invalid-vms": "vim-cmd vmsvc/getallvms skipped {count} invalid VM(s) (Vmid {vmids}): "
                        "their configuration could not be read by the host",
    "note.refused-interval": "refused -i {value}",
    "note.interval-retried": "this host refused a {interval:g} s interval (-i): the series ran "
                             "again with -i 1",
    "note.peer-skipped": "peer input skipped: {problem}",
    "note.capped-peers-given": "{count} peers given: only the first {limit} are tested (the "
                               "limit)",
    "note.capped-paths-planned": "{count} paths planned: only the first {limit} are tested (the "
                                 "limit)",

    # ---- compare: both ends of a migration (esxi-diag compare, report/compare.py)
    "compare.no-address": "no address",
    "compare.reason": " ({reason})",
    "compare.mtu-end": "vmknic {vmknic} MTU {mtu}, switch {switch} MTU {switch_mtu}",
    "compare.mtu-switch-unknown": "vmknic {vmknic} MTU {mtu}, its switch's MTU not known",
    "compare.vlan": " (VLAN {vlan})",
    "compare.reference": " {hosts} of the {of} hosts compared have {value}.",
    "compare.setting.rate": "/Migrate/NetExpectedLineRateMBps",
    "compare.setting.threshold": "/Migrate/NetLatencyModeThreshold",
    "compare.setting.sbmax": "sbMax of the hot-data netstack",
    "compare.lan-pair": " These two hosts are on a LAN, where it has no effect; it matters on "
                        "their long-distance pairs.",
    "compare.long-pair": " The pair is long distance ({rtt:.1f} ms): Long Distance vMotion sizes "
                         "its socket buffers from it at each end, and the smaller end limits the "
                         "transfer.",
    "compare.unmeasured-pair": " The round trip between them was not measured ('esxi-diag check' "
                               "measures it); over a long distance the smaller end limits the "
                               "transfer.",
    "compare.over-routed": "a routed path",
    "compare.over-long": "a long-distance path ({rtt:.1f} ms)",
    "compare.same-host": "{host} was given twice: compared from {used}; {dropped} left out",
    "COMPARE-PATH-MISSING.title": "{host} has no {role}-data path",
    "COMPARE-PATH-MISSING.detail": "vMotion from {source} to {destination} needs a {role}-data "
                                   "vmknic at both ends; {host} has none{reason}.",
    "COMPARE-PATH-UNKNOWN.title": "The {role}-data path of {host} is not known",
    "COMPARE-PATH-UNKNOWN.detail": "{host}'s report could not determine its {role}-data "
                                   "vmknics{reason}: whether vMotion from {source} to "
                                   "{destination} works is not known.",
    "COMPARE-ADDRESS-UNKNOWN.title": "The addresses of {from_host} {vmknic} or {to_host} "
                                     "{target_vmknic} are not known",
    "COMPARE-ADDRESS-UNKNOWN.detail": "No common address family was found between {from_host} "
                                      "{vmknic} and {to_host} {target_vmknic} ({role} data), and "
                                      "the reports do not list all their addresses: whether "
                                      "they can reach each other is not known.",
    "COMPARE-FAMILY-MISMATCH.title": "{from_host} {vmknic} and {to_host} {target_vmknic} share "
                                     "no address family",
    "COMPARE-FAMILY-MISMATCH.detail": "{from_host} {vmknic} has {families} and {to_host} "
                                      "{target_vmknic} has {target_families}: {role} data cannot "
                                      "pass between them.",
    "COMPARE-DUPLICATE-ADDRESS.title": "{from_host} {vmknic} and {to_host} {target_vmknic} have "
                                       "the same address {address}",
    "COMPARE-DUPLICATE-ADDRESS.detail": "Two hosts answering at {address}: vMotion traffic "
                                        "between them goes to the wrong host, or nowhere.",
    "COMPARE-NOT-ROUTABLE.title": "{from_host} {vmknic} has no route to {to_host} {target} "
                                  "({role} data)",
    "COMPARE-NOT-ROUTABLE.detail": "By {from_host}'s own routing, {why}. vMotion needs {role} "
                                   "data to pass both ways between the two hosts.",
    "COMPARE-ROUTING-UNKNOWN.title": "Whether {from_host} {vmknic} reaches {to_host} {target} "
                                     "is not known",
    "COMPARE-ROUTING-UNKNOWN.detail": "{why} ({role} data).",
    "COMPARE-MTU-UNKNOWN.title": "The MTU of {host} {vmknic} is not known",
    "COMPARE-MTU-UNKNOWN.detail": "{host}'s report does not give the MTU of {vmknic}, its "
                                  "{role}-data vmknic: whether both ends use one MTU is not "
                                  "known.",
    "COMPARE-MTU-MISMATCH.title": "The {role}-data MTU differs: {source} {src_mtu}, "
                                  "{destination} {dst_mtu}",
    "COMPARE-MTU-MISMATCH.detail": "{source} sends {src_mtu}-byte frames ({src_end}) and "
                                   "{destination} {dst_mtu}-byte frames ({dst_end}). vMotion "
                                   "needs one MTU end to end: large frames from the bigger end "
                                   "are dropped by the smaller one or by the network between "
                                   "them, and the transfer stalls or crawls.",
    "compare.check-role": " ({role} data)",
    "COMPARE-CHECK-FAILED.title": "{tester}'s check of {vmknic} -> {target} ({label}) failed",
    "COMPARE-CHECK-FAILED.detail": "Measured by 'esxi-diag check' on {tester}{role_part}: "
                                   "{detail}.",
    "COMPARE-VMS-UNKNOWN.absent.title": "The VMs of {host} are not known",
    "COMPARE-VMS-UNKNOWN.absent.detail": "{host}'s report holds no VM facts (written by an "
                                         "older esxi-diag, or a transcript without the VM "
                                         "commands): whether its VMs find their networks on the "
                                         "other hosts is not known.",
    "COMPARE-VMS-UNKNOWN.not-read.title": "The VMs of {host} could not be read",
    "COMPARE-VMS-UNKNOWN.not-read.detail": "The VM inventory of {host} could not be read: "
                                           "whether its VMs find their networks on the other "
                                           "hosts is not known.",
    "COMPARE-VMS-UNKNOWN.partial.title": "The VM list of {host} is incomplete",
    "COMPARE-VMS-UNKNOWN.partial.detail": "Only part of {host}'s VM inventory was read: the VMs "
                                          "listed are compared, the others are not known.",
    "COMPARE-VM-NETWORK-MISSING.title": "Port group {network} is missing on {destination}",
    "COMPARE-VM-NETWORK-MISSING.detail": "The port group {network}{vlan} that these VMs of "
                                         "{source} use does not exist on {destination}: {vms}. "
                                         "vCenter maps a VM's network by its label, and the VM "
                                         "network must exist on the destination (L2 only): their "
                                         "vMotion to {destination} fails.",
    "COMPARE-VM-NETWORK-MISSING.off.title": "Port group {network} is missing on {destination} "
                                            "(powered-off VMs)",
    "COMPARE-VM-NETWORK-MISSING.off.detail": "The port group {network}{vlan} that these "
                                             "powered-off VMs of {source} use does not exist on "
                                             "{destination}: {vms}. A cold migration to "
                                             "{destination} must pick another network for them, "
                                             "and they would start without theirs.",
    "COMPARE-VLAN-MISMATCH.title": "Port group {network}: VLAN {src_vlan} on {source}, "
                                   "{dst_vlan} on {destination}",
    "COMPARE-VLAN-MISMATCH.detail": "These VMs of {source} keep the label {network} but land on "
                                    "VLAN {dst_vlan} after vMotion to {destination}, another L2 "
                                    "network, where they lose their connections: "
                                    "{vms}.{reference}",
    "COMPARE-VLAN-MISMATCH.off.title": "Port group {network}: VLAN {src_vlan} on {source}, "
                                       "{dst_vlan} on {destination} (powered-off VMs)",
    "COMPARE-VLAN-MISMATCH.off.detail": "These powered-off VMs of {source} would start on VLAN "
                                        "{dst_vlan} instead of {src_vlan} after a migration to "
                                        "{destination}: {vms}.{reference}",
    "COMPARE-VM-DVS-MISSING.title": "{destination} is not on the distributed switch {switch}",
    "COMPARE-VM-DVS-MISSING.detail": "These VMs of {source} are connected to the distributed "
                                     "switch {switch} (UUID {uuid}), which {destination} is not "
                                     "a member of: {vms}. Their vMotion to {destination} fails.",
    "COMPARE-VM-DVS-MISSING.off.title": "{destination} is not on the distributed switch {switch} "
                                        "(powered-off VMs)",
    "COMPARE-VM-DVS-MISSING.off.detail": "These powered-off VMs of {source} are connected to the "
                                         "distributed switch {switch} (UUID {uuid}), which "
                                         "{destination} is not a member of: {vms}. A cold "
                                         "migration must pick another network for them.",
    "COMPARE-VM-NETWORK-UNKNOWN.vmx.title": "The networks of {vms} on {source} are not known",
    "COMPARE-VM-NETWORK-UNKNOWN.vmx.detail": "Their configuration (.vmx) could not be read: "
                                             "whether their networks exist on {destination} is "
                                             "not known.",
    "COMPARE-VM-NETWORK-UNKNOWN.opaque.title": "NSX networks of {vms} on {source} are not "
                                               "compared",
    "COMPARE-VM-NETWORK-UNKNOWN.opaque.detail": "These VMs use NSX (opaque) networks, which the "
                                                "hosts' reports cannot match: whether "
                                                "{destination} has them is not known.",
    "COMPARE-VM-NETWORK-UNKNOWN.destination.title": "The port groups of {destination} are not "
                                                    "known",
    "COMPARE-VM-NETWORK-UNKNOWN.destination.detail": "{destination}'s port group list was not "
                                                     "read: whether the networks these VMs of "
                                                     "{source} use exist there is not known: "
                                                     "{vms}.",
    "COMPARE-VM-NETWORK-UNKNOWN.dvs.title": "The distributed switches of {destination} are not "
                                            "known",
    "COMPARE-VM-NETWORK-UNKNOWN.dvs.detail": "{destination}'s distributed switches (or their "
                                             "UUIDs) were not read: whether these VMs of "
                                             "{source} find their distributed switch there is "
                                             "not known: {vms}.",
    "COMPARE-TUNING-UNKNOWN.title": "{setting} of {hosts} is not known",
    "COMPARE-TUNING-UNKNOWN.detail": "The report does not give {setting} of {hosts}: whether "
                                     "both ends are tuned alike is not known.",
    "COMPARE-TUNING-DIFFERS.rate.title": "NetExpectedLineRateMBps differs: {source} {src_value}, "
                                         "{destination} {dst_value}",
    "COMPARE-TUNING-DIFFERS.rate.detail": "{setting} is {src_value} MB/s on {source} and "
                                          "{dst_value} MB/s on {destination}.{where}"
                                          "{reference}",
    "COMPARE-TUNING-DIFFERS.threshold.title": "NetLatencyModeThreshold differs: {source} "
                                              "{src_value} ms, {destination} {dst_value} ms",
    "COMPARE-TUNING-DIFFERS.threshold.detail": "{setting} is {src_value} ms on {source} and "
                                               "{dst_value} ms on {destination}: the two ends "
                                               "switch to the latency-aware mode at different "
                                               "round trips.{where}{reference}",
    "COMPARE-TUNING-DIFFERS.sbmax.title": "sbMax differs: {source} {src_value}, {destination} "
                                          "{dst_value}",
    "COMPARE-TUNING-DIFFERS.sbmax.detail": "The {setting} is {src_value} bytes on {source} "
                                           "({src_netstack}) and {dst_value} bytes on "
                                           "{destination} ({dst_netstack}).{where}{reference}",
    "COMPARE-RELEASE-NO-SBMAX.title": "{host} ({release}) has no sbMax",
    "COMPARE-RELEASE-NO-SBMAX.detail": "sbMax can be raised from vSphere 6.7 Update 1; {host} "
                                       "runs {release}, so its socket buffers cannot match the "
                                       "{value} bytes of {other} ({netstack} netstack): Long "
                                       "Distance vMotion between them runs with the smaller "
                                       "buffers.",
    "COMPARE-CLEARTEXT-VMOTION.title": "{vms} would cross from {source} to {destination} in "
                                       "clear text",
    "COMPARE-CLEARTEXT-VMOTION.detail": "Encrypted vMotion is disabled for {vms}: their memory "
                                        "and device state cross {how} unencrypted.",
    "COMPARE-CLEARTEXT-VMOTION.unmeasured.title": "{vms} would move from {source} to "
                                                  "{destination} in clear text",
    "COMPARE-CLEARTEXT-VMOTION.unmeasured.detail": "Encrypted vMotion is disabled for {vms}. "
                                                   "Whether the path between the hosts is "
                                                   "routed or long distance is not known (run "
                                                   "'esxi-diag check'): if it is, their memory "
                                                   "crosses it unencrypted.",
    "COMPARE-CLEARTEXT-VMOTION.opportunistic.title": "{vms} would cross from {source} to "
                                                     "{destination} in clear text",
    "COMPARE-CLEARTEXT-VMOTION.opportunistic.detail": "Encrypted vMotion is Opportunistic for "
                                                      "{vms}: it falls back to clear text when "
                                                      "the destination cannot encrypt, and "
                                                      "{destination} runs {release} (Encrypted "
                                                      "vMotion exists from 6.5).",
    "COMPARE-ENCRYPTION-REQUIRED.title": "Encrypted vMotion is required by VMs of {source}: {vms}",
    "COMPARE-ENCRYPTION-REQUIRED.detail": "These VMs migrate only with Encrypted vMotion "
                                          "(Required, or an encrypted VM); {destination} "
                                          "({release}) supports it. An encrypted VM also needs "
                                          "{destination} to reach its key provider.",
    "COMPARE-ENCRYPTION-REQUIRED.unknown-release.title": "Encrypted vMotion is required by VMs "
                                                         "of {source}: {vms}",
    "COMPARE-ENCRYPTION-REQUIRED.unknown-release.detail": "These VMs migrate only with Encrypted "
                                                          "vMotion (from ESXi 6.5); the release "
                                                          "of {destination} is not known.",
    "COMPARE-ENCRYPTION-REQUIRED.unsupported.title": "{vms} cannot move from {source} to "
                                                     "{destination}",
    "COMPARE-ENCRYPTION-REQUIRED.unsupported.detail": "These VMs require Encrypted vMotion, "
                                                      "which exists from ESXi 6.5; {destination} "
                                                      "runs {release}.",
    "remedy.compare-see-host-report": "Fix it on {host} first (its own report, finding {fid})",
    "remedy.compare-same-family": "Give both vmknics an address of one family (IPv4 or IPv6)",
    "remedy.compare-readdress": "Give one of them another address: every vMotion vmknic needs "
                                "its own",
    "remedy.compare-mtu-raise": "To use {mtu} end to end (every switch and router between the "
                                "hosts must carry it), on {host}:",
    "remedy.compare-mtu-lower": "Or, to use {mtu} end to end, on {host}:",
    "remedy.compare-mtu-verify": "Then test it from {host}:",
    "remedy.compare-see-check": "Its remedy is in the check report of {host}",
    "remedy.compare-reproduce": "Reproduce it on {host}:",
    "remedy.compare-join-dvs": "In vCenter, add {host} to the distributed switch {switch}, or "
                               "connect these VMs to a network {host} has",
    "remedy.compare-either": "To use {value} on both hosts, on {host}:",
    "remedy.compare-or": "Or, to use {value} on both, on {host}:",
    "remedy.compare-sbmax-persist": "(lost at the next reboot; 'esxi-diag tune --apply "
                                    "--persist' on that host keeps it)",
    "remedy.compare-upgrade": "Upgrade {host} to ESXi {release} or later",
    "remedy.compare-encrypt-vms": "Set Encrypted vMotion to Opportunistic or Required for these "
                                  "VMs (vSphere Client: Edit Settings > VM Options > "
                                  "Encryption), or carry vMotion over an isolated network or "
                                  "IPsec",
    # ---- what tune --apply and --rollback did (change/apply.py)
    "apply.nothing": "nothing to change",
    "apply.nothing-not-persistent": "nothing to change now, and NOT persistent: UEFI Secure Boot "
                                    "is enabled, so /etc/rc.local.d/local.sh does not run at boot; "
                                    "sbMax must be set again after each reboot",
    "apply.not-persistent": "applied and verified, but NOT persistent: UEFI Secure Boot is "
                            "enabled, so /etc/rc.local.d/local.sh does not run at boot and was "
                            "not changed; sbMax returns to its previous value at the next reboot",
    "apply.persist-unsure": "applied and verified; sbMax written to /etc/rc.local.d/local.sh, but "
                            "the Secure Boot state could not be read: if it is enabled, local.sh "
                            "does not run at boot",
    "apply.applied": "applied and verified",
    "apply.failed": "{why}; {outcome}{journal}",
    "apply.restored": "the previous values are back in place",
    "apply.not-restored": "the previous values could NOT all be restored: {problems}",
    "apply.journal-not-updated": " (and the journal {path} could not be updated)",
    "apply.rollback-incomplete": "rollback incomplete: {problems}",
    "apply.rolled-back": "rolled back and verified{changed}{journal}",
    "apply.changed-since": " (changed by hand since the apply: {what}; the journal's previous "
                           "values were restored all the same)",
    "apply.rollback-journal-not-updated": " (the journal could not be updated)",
}

# The renderers' fixed words: headings, column names, values. Texts with {names} are filled with
# str.format; a translation keeps the same {names}. Report values (finding titles, reasons) are
# never here.
LABELS = {
    # ---- the HTML page (render/html.py)
    # page frame
    "doc.title": "esxi-diag {command}: {host}",
    "head.kicker": "esxi-diag {version} \u00b7 {command} report",
    "head.host_unknown": "unknown host",
    "head.esxi": "ESXi",
    "head.product": "VMware ESXi",
    "head.source": "Source",
    "head.generated": "Generated",
    "head.secure_boot": "UEFI Secure Boot",
    "head.result": "Result",
    "head.exit": " (exit {status})",
    "head.counts": "Findings: {fail} fail, {warn} warn, {info} info, {ok} ok",
    "nav.label": "Sections",
    "footer.made": "Made by esxi-diag {version} from its JSON report (schema {schema}). This page "
                   "is self-contained: no scripts, no external resources.",
    # values
    "unknown": "unknown",
    "yes": "yes",
    "no": "no",
    "none": "none",
    "not_read": "not read",
    "unavailable": "unavailable",
    "not_tested": "not tested",
    "no_reply": "no reply",
    "on_link": "on-link",
    "default_route": "default",
    "default_route_v6": "default (IPv6)",
    "na_distributed": "n/a (distributed switch)",
    "enabled.false": "disabled",
    "list.sep": ", ",
    # punctuation the page puts between its parts
    "sep.sentence": " ",
    "sep.clause": "; ",
    "sep.label": ": ",
    "paren": " ({text})",
    # units
    "unit.ms": "{value} ms",
    "unit.mbit": "{value} Mb/s",
    "unit.gbit": "{value} Gb/s",
    "unit.MBps_gbit": "{value} MB/s ({gbit} Gbit/s)",
    "unit.bytes": "{value} bytes",
    "unit.bytes_mib": "{value} bytes ({mib} MiB)",
    "unit.pct": "{value}%",
    "unit.mtu": "MTU {value}",
    # version and source
    "version.update": "Update {update}",
    "version.build": " (build {build})",
    "source.live": "this host",
    "source.simulated": "simulated host (profile {name})",
    "source.transcript": "transcript {name}",
    "source.bundle": "support bundle {name}, written {created} by esxi-diag {written_by}",
    "source.recorded_sim": "from a simulated host (profile {name})",
    "source.recorded_live": "from the host itself",
    "source.case": "case {case}",
    "source.localcli": "esxcli failed, read through localcli",
    # results
    "result.0": "OK: no warnings",
    "result.1": "Warnings",
    "result.2": "Failures",
    "result.3": "Could not run",
    "result.other": "Exit status {status}",
    "result.nothing_read": "Nothing could be read: no command output was understood",
    "result.undetermined": "Not determined: the {paths} data path could not be determined",
    "result.and": " and ",
    "tune.result": "Tuning: {result}",
    # sections
    "sec.notes": "Notes on the input",
    "sec.paths": "vMotion data paths",
    "sec.findings": "Findings",
    "sec.vmknics": "VMkernel interfaces",
    "sec.switches": "Switches and uplinks",
    "sec.nics": "Physical NICs",
    "sec.routes": "Routes",
    "sec.reach": "vMotion paths to the peers",
    "sec.probes": "Pings",
    "sec.tuning": "Long Distance vMotion tuning",
    "sec.tune": "Recommended tuning",
    "sec.commands": "Appendix: commands",
    # diagram
    "diagram.intro": "Hot data (memory, device state) and cold data (snapshots, disks, logs): each "
                     "VMkernel port through its netstack, switch and uplinks to the peers tested "
                     "from it. One line per tested path, coloured and labelled by its verdict.",
    "diagram.title": "vMotion data paths of {host}",
    "diagram.col.vmknic": "VMkernel port",
    "diagram.col.netstack": "Netstack",
    "diagram.col.switch": "Switch",
    "diagram.col.uplinks": "Uplinks",
    "diagram.col.peers": "Peers (tested paths)",
    "diagram.hot": "Hot data",
    "diagram.hot.what": "memory, device state",
    "diagram.cold": "Cold data",
    "diagram.cold.what": "snapshots, disks, logs",
    "diagram.rule": "rule: {basis}",
    "diagram.netstack": "netstack",
    "diagram.no_vmknic.hot": "No hot-data vmknic",
    "diagram.no_vmknic.cold": "No cold-data vmknic",
    "diagram.undetermined.hot": "Hot data path: not determined",
    "diagram.undetermined.cold": "Cold data path: not determined",
    "diagram.switch_unknown": "switch unknown",
    "diagram.no_uplinks": "no uplinks",
    "diagram.uplinks_unknown": "uplinks unknown",
    "diagram.link_up": "up",
    "diagram.link_down": "DOWN",
    "diagram.not_tested": "no peer tested",
    "diagram.path_title": "{vmknic} to {target}: {verdict}",
    "diagram.path_title_label": "{vmknic} to {target} ({label}): {verdict}",
    "legend.title": "Legend",
    "legend.ok": "OK: the path works",
    "legend.warn": "Warning: works, with a problem",
    "legend.fail": "Failure: vMotion fails on this path",
    "legend.info": "Not tested or unknown",
    "legend.link": "Link (no peer tested)",
    # data paths table
    "dp.role": "Data",
    "dp.vmknics": "VMkernel ports",
    "dp.netstack": "Netstack",
    "dp.rule": "Rule",
    "dp.reason": "Why",
    "dp.remarks": "Remarks",
    "dp.hot": "hot (memory, device state)",
    "dp.cold": "cold (snapshots, disks, logs)",
    "dp.inactive": "tag inactive: {names}",
    "dp.disabled": "tagged but disabled: {names}",
    "dp.unknown_tags": "tags not collected: {names}",
    "dp.ignored": "tag has no effect: {names}",
    "basis.vmotion-netstack": "vmotion netstack",
    "basis.vmotion-tag": "VMotion tag",
    "basis.provisioning-netstack": "vSphereProvisioning netstack",
    "basis.provisioning-tag": "vSphereProvisioning tag",
    "basis.management": "management fallback",
    "basis.none": "none",
    "basis.unknown": "not determined",
    # severities and verdicts
    "sev.ok": "OK",
    "sev.info": "INFO",
    "sev.warn": "WARN",
    "sev.fail": "FAIL",
    "verdict.ok": "OK",
    "verdict.not-routable": "not routable",
    "verdict.unreachable": "unreachable",
    "verdict.local-mtu": "local MTU too small",
    "verdict.path-mtu": "path drops large frames",
    "verdict.loss": "packet loss",
    "verdict.beyond-150ms": "RTT beyond 150 ms",
    "verdict.vmkping-error": "vmkping error",
    "verdict.wrong-netstack": "wrong netstack",
    "verdict.interrupted": "interrupted",
    "verdict.untested": "not tested",
    "verdict.not-measured": "not measured",
    "verdict.stack-not-configured": "netstack not configured",
    # findings
    "f.severity": "Severity",
    "f.id": "ID",
    "f.finding": "Finding",
    "f.remedy": "Remedy",
    "f.subjects": "Concerns: {names}",
    "f.none": "No findings.",
    # vmknics
    "vmk.name": "Name",
    "vmk.role": "vMotion role",
    "vmk.netstack": "Netstack",
    "vmk.mtu": "MTU",
    "vmk.addresses": "Addresses",
    "vmk.gateway": "gateway {gateway}",
    "vmk.switch": "Switch / port group",
    "vmk.tags": "Tags",
    "vmk.enabled": "Enabled",
    "vmk.no_ipv4": "no IPv4",
    "vmk.ipv4_unknown": "IPv4 unknown",
    "vmk.none_known": "No VMkernel interface is known.",
    "role.hot": "hot",
    "role.cold": "cold",
    # switches and nics
    "sw.name": "Switch",
    "sw.type": "Type",
    "sw.mtu": "MTU",
    "sw.uplinks": "Uplinks",
    "sw.portgroups": "Port groups",
    "sw.standard": "standard",
    "sw.distributed": "distributed",
    "sw.none_known": "No switch is known.",
    "nic.name": "NIC",
    "nic.link": "Link",
    "nic.admin": "Admin",
    "nic.speed": "Speed",
    "nic.duplex": "Duplex",
    "nic.mtu": "MTU",
    "nic.driver": "Driver",
    "nic.mac": "MAC",
    "nic.description": "Description",
    "nic.up": "up",
    "nic.down": "down",
    "nic.none_known": "No physical NIC is known.",
    # routes
    "rt.netstack": "Netstack",
    "rt.destination": "Destination",
    "rt.gateway": "Gateway",
    "rt.interface": "Interface",
    "rt.source": "Source",
    "rt.none": "No routes in the report.",
    "rt.default_gateway": "Default gateway (esxcfg-route): {gateway}",
    # the virtual machines and the firewall (issue 12)
    "sec.vms": "Virtual machines",
    "sec.firewall": "Host firewall",
    "vm.col.vmid": "Vmid",
    "vm.col.name": "VM",
    "vm.col.power": "Power",
    "vm.col.mode": "Encrypted vMotion",
    "vm.col.encrypted": "Encrypted VM",
    "vm.col.networks": "Networks of its adapters",
    "vm.col.vmx": ".vmx",
    "vm.power.on": "on",
    "vm.power.off": "off",
    "vm.mode.required": "required",
    "vm.mode.opportunistic": "opportunistic",
    "vm.mode.disabled": "disabled",
    "vm.dvs": "{portgroup} on {switch}",
    "vm.opaque": "opaque network {network}",
    "vm.vmx_not_read": ".vmx not read",
    "vm.none": "No VM is registered on this host.",
    "vm.inventory.partial": "The list is incomplete: a VM, or the .vmx of some, could not be read.",
    "vm.inventory.failed": "The VM list (vim-cmd vmsvc/getallvms) could not be read.",
    "vm.inventory.not-read": "The VM list (vim-cmd vmsvc/getallvms) was not read.",
    "fw.state": "The firewall is {state}.",
    "fw.on": "on",
    "fw.off": "off",
    "fw.col.ruleset": "Ruleset",
    "fw.col.enabled": "State",
    "fw.col.rules": "Rules",
    "fw.enabled": "enabled",
    "fw.disabled": "disabled",
    # reachability
    "re.summary": "{paths} path(s) to {peers} peer(s).",
    "re.ldvm": "Long Distance vMotion: {value}.",
    "re.worst": "{value} (worst round trip {rtt}, threshold {threshold})",
    "re.hot": "Hot data: {value}.",
    "re.cold": "Cold data: {value}.",
    "re.all_ok": "all paths OK",
    "re.failing": "failing",
    "re.interrupted": "The check was interrupted: the paths not finished are marked.",
    "re.path": "Path",
    "re.path_value": "{vmknic} \u2192 {target}",
    "re.via": "{netstack} netstack, {routing}",
    "re.verdict": "Verdict",
    "re.rtt": "Round trip",
    "re.loss": "Loss",
    "re.df": "Don't fragment",
    "re.notes": "Detail",
    "re.rtt_value": "{min}\u2013{max}, {count} replies",
    "re.df_value": "{payload} bytes: {result}",
    "re.df_1472": "1472 bytes: {result}",
    "re.pmtu": "largest payload {payload}",
    "re.passed": "passed",
    "re.lost": "LOST",
    "re.peer_mtu": "MTU {mtu} here, {peer_mtu} on the peer",
    "re.latency.lan": "LAN latency",
    "re.latency.long-distance": "long distance",
    "re.latency.beyond-supported": "beyond 150 ms",
    "routing.on-link": "on-link",
    "routing.static-route": "static route",
    "routing.vmknic-gateway": "vmknic gateway",
    "routing.netstack-gateway": "netstack gateway",
    "routing.not-routable": "not routable",
    "routing.unknown": "routing unknown",
    "routing.via": "{kind} {gateway}",
    # probes
    "pr.from": "From",
    "pr.netstack": "Netstack",
    "pr.to": "To",
    "pr.payload": "Payload",
    "pr.df": "DF",
    "pr.received": "Received / sent",
    "pr.loss": "Loss",
    "pr.rtt": "RTT min / avg / max",
    "pr.error": "Error",
    # tuning
    "tu.setting": "Setting",
    "tu.value": "Value",
    "tu.range": "default {default}, range {min}\u2013{max}",
    "tu.default": "default {default}",
    "tu.sbmax": "sbMax ({netstack})",
    "tu.sbmax_hot": "sbMax ({netstack} netstack, hot data)",
    "tu.sbmax_any": "sbMax",
    "tu.current": "Current",
    "tu.recommended": "Recommended",
    "tu.action": "Action",
    "tu.change": "change",
    "tu.keep": "keep",
    "tu.line_rate": "Line rate",
    "tu.rtt": "Round-trip time",
    "tu.basis": "basis: {basis}",
    "tu.why": "Why",
    "tu.notes": "Notes",
    "tu.commands": "Commands (a dry run changed nothing; tune --apply runs them as root, with a "
                   "journal)",
    "tu.persist": "With --persist, in /etc/rc.local.d/local.sh above its final exit 0, then "
                  "/sbin/auto-backup.sh:",
    "tu.nothing": "Nothing to change.",
    "tu.outcome": "{action}: {message}",
    "tu.journal": "Journal: {journal}",
    "tu.no_plan": "No tuning plan in this report.",
    # commands
    "cmd.n": "#",
    "cmd.command": "Command",
    "cmd.status": "Status",
    "cmd.exit": "Exit code",
    "cmd.duration": "Duration",
    "cmd.note": "Note",
    "cmd.counts": "{total} read: {parsed} parsed, {unparsed} unparsed, {failed} failed, "
                  "{unavailable} unavailable.",
    "cmd.timed_out": "timed out",
    "cmd.via_localcli": "via localcli",
    "cmd.unrecognised": "Not recognised (skipped)",
    "cmd.none": "No command in the report.",
    "status.parsed": "parsed",
    "status.unparsed": "unparsed",
    "status.failed": "failed",
    "status.unavailable": "unavailable",
    # ---- the text report (render/text.py); shared words above are used too
    "t.title": "esxi-diag {version} {command}: {host}",
    "t.host-line": "{name}, {version}",
    "t.unknown-host": "unknown host",
    "t.esxi-version": "VMware ESXi {version}",
    "t.esxi-update": " Update {update}",
    "t.esxi-build": " (build {build})",
    "t.esxi-unknown": "ESXi version unknown",
    "t.source-line": "Source: {source}; generated {generated}",
    "t.source-bundle": "bundle {name}, written {created} by esxi-diag {written_by} from {origin}",
    "t.unknown-time": "at an unknown time",
    "t.from-simulated": "a simulated host (profile {name})",
    "t.from-host": "the host itself",
    "t.case": ", case {case}",
    "t.localcli": "; esxcli failed, read through localcli",
    "t.note": "Note: {text}",
    "t.yes": "yes",
    "t.no": "no",
    "t.none": "none",
    "t.none-known": "none known",
    "t.not-known": "not known",
    "t.list-sep": ", ",
    "t.list-sep2": "; ",
    "t.and": " and ",
    "t.role.hot": "hot",
    "t.role.cold": "cold",
    "t.h.vmknics": "VMkernel interfaces",
    "t.h.paths": "vMotion data paths",
    "t.h.switches": "Switches and uplinks",
    "t.h.routes": "Routes per netstack",
    "t.h.tuning": "Long Distance vMotion tuning",
    "t.h.peers": "vMotion paths to the peers",
    "t.h.pings": "Pings",
    "t.h.recommended": "Recommended Long Distance vMotion tuning ('tune' applies it)",
    "t.h.findings": "Findings: {fail} fail, {warn} warn, {info} info, {ok} ok",
    "t.h.commands": "Commands",
    "t.h.measured": "Measured hot paths",
    "t.col.vmk": "vmk",
    "t.col.on": "on",
    "t.col.netstack": "netstack",
    "t.col.mtu": "MTU",
    "t.col.address": "address",
    "t.col.gateway": "gateway",
    "t.col.role": "vMotion role",
    "t.dvport": " DVPort {port}",
    "t.opaque": " opaque network {network}",
    "t.switch-tags": "switch: {where}; tags: {tags}",
    "t.path.hot": "hot data  (memory, device state)",
    "t.path.cold": "cold data (snapshots, disks, logs)",
    "t.on-netstack": "{vmknics} on {netstack}",
    "t.rule": "rule: {basis} ({reason})",
    "t.basis.vmotion-netstack": "vmotion netstack",
    "t.basis.vmotion-tag": "VMotion tag",
    "t.basis.provisioning-netstack": "vSphereProvisioning netstack",
    "t.basis.provisioning-tag": "vSphereProvisioning tag",
    "t.basis.management": "management fallback",
    "t.basis.none": "none",
    "t.basis.unknown": "unknown",
    "t.uplink-up": "{nic} up {speed} Mb/s MTU {mtu}",
    "t.uplink-down": "{nic} DOWN",
    "t.switch-head": "{name} ({type}, MTU {mtu}): ",
    "t.no-uplinks": "no uplinks",
    "t.route": "{dest} {how} ({vmknic})",
    "t.route-stack": "{netstack}: {routes}",
    "t.route-default": "default",
    "t.route-ipv6": " (IPv6)",
    "t.route-via": "via {gateway}",
    "t.route-on-link": "on-link",
    "t.route-cut": ", from a cut table",
    "t.bytes": "{n} bytes ({mib:.1f} MiB)",
    "t.rate": "{current} MB/s ({gbit:.1f} Gbit/s)",
    "t.rate-default": ", default {default}",
    "t.rate-range": ", range {min}-{max}",
    "t.ms": "{ms:g} ms",
    "t.hot-mark": "  (hot data)",
    "t.pcol.from": "from",
    "t.pcol.netstack": "netstack",
    "t.pcol.to": "to",
    "t.pcol.payload": "payload",
    "t.pcol.recv": "recv/sent",
    "t.pcol.loss": "loss",
    "t.pcol.rtt": "rtt min/avg/max ms",
    "t.pcol.error": "error",
    # the virtual machines and the firewall (issue 12)
    "t.h.vms": "Virtual machines and the host firewall",
    "t.vms.count": "{count} VMs: {on} running, {off} powered off, {unknown} power state unknown",
    "t.vms.modes": "Encrypted vMotion: {modes}; encrypted VMs: {encrypted}",
    "t.vms.mode": "{mode} {count}",
    "t.vms.inventory.partial": "The list is incomplete: a VM, or the .vmx of some, could not be "
                               "read.",
    "t.vms.inventory.failed": "The VM list (vim-cmd vmsvc/getallvms) could not be read.",
    "t.vms.inventory.not-read": "The VM list (vim-cmd vmsvc/getallvms) was not read.",
    "t.vms.none": "No VM is registered on this host.",
    "t.vms.more": "... and {count} more (the JSON and HTML reports list them all)",
    "t.vcol.vm": "VM",
    "t.vcol.power": "power",
    "t.vcol.mode": "Encrypted vMotion",
    "t.vcol.networks": "networks",
    "t.power.on": "on",
    "t.power.off": "off",
    "t.mode.required": "required",
    "t.mode.opportunistic": "opportunistic",
    "t.mode.disabled": "disabled",
    "t.vm-encrypted": " (encrypted VM)",
    "t.vm-dvs": "{portgroup} on {switch}",
    "t.vm-opaque": "opaque network {network}",
    "t.vm-vmx-not-read": ".vmx not read",
    "t.fw.line": "Firewall: {state}; {rulesets}",
    "t.fw.ruleset": "{name} ruleset {state}",
    "t.fw.on": "on",
    "t.fw.off": "off",
    "t.fw.enabled": "enabled",
    "t.fw.disabled": "disabled",
    "t.reach-summary": "{paths} path(s) to {peers} peer(s). Long Distance vMotion: {ldvm}. Hot "
                       "data: {hot}. Cold data: {cold}.",
    "t.reach-worst": " (worst round trip {rtt:.1f} ms, threshold {threshold:g} ms)",
    "t.reach-all-ok": "all paths OK",
    "t.reach-failing": "FAILING",
    "t.verdict.ok": "OK",
    "t.verdict.not-routable": "NOT ROUTABLE",
    "t.verdict.unreachable": "UNREACHABLE",
    "t.verdict.local-mtu": "LOCAL MTU TOO SMALL",
    "t.verdict.path-mtu": "PATH DROPS LARGE FRAMES",
    "t.verdict.loss": "LOSS",
    "t.verdict.beyond-150ms": "RTT BEYOND 150 MS",
    "t.verdict.vmkping-error": "VMKPING ERROR",
    "t.verdict.wrong-netstack": "WRONG NETSTACK",
    "t.verdict.interrupted": "INTERRUPTED",
    "t.verdict.untested": "NOT TESTED",
    "t.verdict.not-measured": "NOT MEASURED",
    "t.verdict.stack-not-configured": "STACK NOT CONFIGURED",
    "t.routing.on-link": "on-link",
    "t.routing.static-route": "static route",
    "t.routing.vmknic-gateway": "vmknic gateway",
    "t.routing.netstack-gateway": "netstack gateway",
    "t.routing.not-routable": "not routable",
    "t.routing.unknown": "routing unknown",
    "t.via": "{netstack}, {routing}",
    "t.rtt": "rtt {avg:.2f} ms ({min:.2f}-{max:.2f}, {count} probes, {loss:g}% loss)",
    "t.df": "DF {size} bytes: {result}",
    "t.df-1472": "DF 1472: {result}",
    "t.passed": "passed",
    "t.lost": "LOST",
    "t.largest-df": "largest DF payload {size}",
    "t.fix": "Fix: ",
    "t.commands-read": "{total} read: {parsed} parsed, {unparsed} unparsed, {failed} failed, "
                       "{unavailable} unavailable",
    "t.commands-time": "; {duration:.1f} s of command time took {wall:.1f} s ({jobs} at a time)",
    "t.commands-probes": "; {runs} vmkping runs, {duration:.1f} s of probing took {wall:.1f} s "
                         "({at_once} path(s) at a time)",
    "t.command-status": "{command}: {status}{note}",
    "t.command-note": ", {note}",
    "t.unrecognised": "not recognised (skipped): {count}",
    "t.and-more": "... and {count} more",
    "t.plan-commands": "Commands:",
    "t.nothing-to-change": "Nothing to change.",
    "t.result": "Result: {text} (exit {code})",
    "t.result.0": "OK: no warnings",
    "t.result.1": "WARNINGS",
    "t.result.2": "FAILURES",
    "t.result.3": "INCOMPLETE: interrupted, or part of the input is missing or damaged",
    "t.result.other": "exit {code}",
    "t.result.nothing-read": "NOTHING COULD BE READ: no command output was understood",
    "t.result.undetermined": "NOT DETERMINED: the {roles}-data path could not be determined",
    "t.line-rate": "Line rate: {value}",
    "t.rate-mbit": "{rate} ({mbytes:g} MB/s)",
    "t.rtt-line": "Round-trip time: {value}",
    "t.ms2": "{ms:.2f} ms",
    "t.sbmax-of": "sbMax ({netstack} netstack)",
    "t.sbmax-hot": "sbMax (hot-data netstack)",
    "t.tcol.setting": "setting",
    "t.tcol.current": "current",
    "t.tcol.recommended": "recommended",
    "t.why": "Why:",
    "t.tune-hot": "Hot data: {vmknics} on the {netstack} netstack",
    "t.tune-hot-nowhere": "Hot data: {vmknics}",
    "t.dry-run": "Commands (dry run; --apply runs them, as root, with a journal):",
    "t.with-persist": "and with --persist, in /etc/rc.local.d/local.sh above 'exit 0':",
    "t.then-backup": "then /sbin/auto-backup.sh",
    "t.nothing-kept": "Nothing to change: the current values are kept (lowering them needs "
                      "--allow-decrease).",
    "t.nothing-same": "Nothing to change: the host already has the recommended values.",
    "t.outcome.apply": "Apply: {message}",
    "t.outcome.rollback": "Rollback: {message}",
    "t.tune.0": "nothing to change",
    "t.tune.1": "changes recommended (dry run: nothing was changed)",
    "t.tune.2": "FAILED, previous values restored",
    "t.tune.3": "could not run",
    "t.tune.4": "applied and verified",
    "t.tune.5": "FAILED, previous values NOT fully restored",
    "t.tune.6": "applied and verified, but NOT persistent: sbMax returns to its previous value at "
                "the next reboot (Secure Boot: local.sh does not run)",
    "t.tune.rollback-ok": "rolled back and verified",
    "t.tune.rollback-failed": "rollback FAILED: previous values NOT fully restored",

    # ---- compare (render/compare_text.py, render/compare_html.py)
    "compare.head": "esxi-diag {version} compare: {hosts} host(s), {pairs} pair(s) of source and "
                    "destination",
    "compare.sec.hosts": "Hosts",
    "compare.sec.pairs": "Pairs with findings",
    "compare.col.n": "#",
    "compare.col.host": "host",
    "compare.col.release": "release",
    "compare.col.input": "input",
    "compare.col.vms": "VMs",
    "compare.col.checked": "checked",
    "compare.col.source": "source",
    "compare.col.source-destination": "source \\ destination",
    "compare.vms.read": "read",
    "compare.vms.partial": "partial",
    "compare.vms.not-read": "not read",
    "compare.vms.failed": "not read",
    "compare.vms.absent": "unknown",
    "compare.yes": "yes",
    "compare.no": "no",
    "compare.input.refused": "left out: {reason}",
    "compare.input.duplicate": "{input}: the same host as another input, left out",
    "compare.matrix-intro": "Verdict per pair (row: source, column: destination)",
    "compare.per-source": "Verdicts per source host ({count} hosts: too many for a matrix)",
    "compare.verdict.ok": "ok",
    "compare.verdict.warn": "WARN",
    "compare.verdict.fail": "FAIL",
    "compare.verdict.unknown": "unknown",
    "compare.severity.fail": "FAIL",
    "compare.severity.warn": "WARN",
    "compare.severity.unknown": "UNKNOWN",
    "compare.severity.info": "INFO",
    "compare.severity.ok": "OK",
    "compare.pair": "{source} to {destination}: {verdict} ({facts})",
    "compare.facts-sep": ", ",
    "compare.routed": "routed",
    "compare.on-link": "same subnet",
    "compare.rtt": "{rtt:.1f} ms",
    "compare.long-distance": "long distance",
    "compare.lan": "LAN",
    "compare.not-measured": "round trip not measured",
    "compare.reference": "Most hosts have: {values}",
    "compare.ref.rate": "NetExpectedLineRateMBps {value}",
    "compare.ref.threshold": "NetLatencyModeThreshold {value}",
    "compare.ref.sbmax": "hot-data sbMax {value}",
    "compare.note": "Note: {note}",
    "compare.result.0": "Result: OK, every pair: {ok} ok (exit {status})",
    "compare.result.1": "Result: WARNINGS: {fail} fail, {warn} warn, {unknown} unknown, {ok} ok "
                        "(exit {status})",
    "compare.result.2": "Result: FAILURES: {fail} fail, {warn} warn, {unknown} unknown, {ok} ok "
                        "(exit {status})",
    "compare.result.3": "Result: NOTHING TO COMPARE: fewer than two hosts could be read "
                        "(exit {status})",
    "compare.html.kicker": "esxi-diag {version} \u00b7 compare",
    "compare.html.title": "{hosts} hosts, {pairs} pairs",
    "compare.html.generated": "Generated",
    "compare.html.matrix": "Verdicts",
    "compare.html.remedy": "Remedy",
    "compare.html.severity": "Severity",
    "compare.html.id": "ID",
    "compare.html.finding": "Finding",
    "compare.html.footer": "Made by esxi-diag {version} from its comparison (schema {schema}). "
                           "This page is self-contained: no scripts, no external resources.",
    "t.bundle-written": "Bundle: {path}\n  {size} bytes, sha256 {digest}\n  {host}: {fail} fail, "
                        "{warn} warn, {info} info; {commands} commands{redacted}",
    "t.bundle-redacted": "; redacted",
}
