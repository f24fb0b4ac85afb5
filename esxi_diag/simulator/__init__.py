"""The simulated ESXi host (``--simulate``; docs/simulator.md): a runner backend that answers the
command lines esxi-diag runs, in the real output formats, from a JSON profile. One job a module:

- host.py: ``SimHost``, the runner backend: faults, timing, dispatch, the set commands of ``tune
  --apply``, transcripts; the names the rest of esxi_diag imports;
- profile.py: the built-in profiles, loading and validating a profile, what it describes;
- records.py: what each command kind prints (``ANSWERS``: kind name -> its answer);
- formats.py: how esxcli (default formatter, XML) and esxcfg print records;
- network.py: the network beyond the host: peers, routing, the vmkping model;
- files.py: the host's files and the state ``tune --apply`` changes (``--sim-state``).
"""
