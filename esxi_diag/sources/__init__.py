"""Where raw outputs come from: the command runner and collector, the prober, pasted transcripts, bundle replay, the host's files and bounded input readers."""
