"""Pure analysis: facts from captures, data paths, routing, reachability judging, tuning arithmetic, release knowledge. Never runs a command."""
