"""The one analysis pipeline, from captures to the JSON report:

    captures -> facts (once) -> data paths (once) -> reachability verdicts -> findings -> report

Every subcommand goes through here, and nothing else calls the facts builder, the data-path
resolution, the judge or the rules: a run builds its facts and resolves its data paths exactly
once. A check's vmkping runs join the facts they were planned from (``HostAnalysis.add``).
"""

from esxi_diag.status import EXIT_CANNOT
from esxi_diag.analysis import datapaths, reach
from esxi_diag.analysis.facts import add_captures, build_facts
from esxi_diag.report.build import build_report, reachability_json
from esxi_diag.rules import evaluate, sort_findings
from esxi_diag.rules import reach as reach_rules
from esxi_diag.rules import tuning as tuning_rules


class HostAnalysis(object):
    """One host: its captures, its facts and its data paths, each made once."""

    def __init__(self, captures, hints=None):
        self.captures = list(captures)
        self.facts = build_facts(self.captures, hints)
        self.paths = datapaths.resolve(self.facts)

    def add(self, captures):
        """The vmkping runs of a check: their probe records join the facts (they change no
        other fact, so the data paths stay as resolved)."""
        captures = list(captures)
        add_captures(self.facts, captures)
        self.captures.extend(captures)


def report(analysis, source, meta=None, reach_run=None, plan=None):
    """The full report of one host: facts, data paths, reachability verdicts, findings (the
    tuning plan's too, when there is one).

    ``reach_run`` holds the pairs probed by ``check`` (with ``peers``, ``notes``, ``interrupted``)
    or, from a bundle, the ``planned`` pairs; without pairs, the vmkping probes found among the
    captures (a transcript) are attached to the data paths and judged the same way."""
    facts, paths = analysis.facts, analysis.paths
    meta = dict(meta or {})
    reach_run = dict(reach_run or {})
    if "pairs" not in reach_run:  # a transcript, or a bundle replaying its planned pairs
        reach_run["pairs"] = reach.pairs_from_probes(facts, paths, facts["probes"],
                                                     reach_run.get("planned"))
    threshold = facts["tuning"]["latency_mode_threshold_ms"] or reach.LAN_MAX_MS
    for pair in reach_run["pairs"]:
        reach.judge(pair, threshold)
    summary = reach.summarize(reach_run["pairs"], threshold)
    findings = sort_findings(
        evaluate(facts, paths, analysis.captures, meta, reach_run["pairs"] or None) +
        (tuning_rules.findings(plan) if plan else []) +
        reach_rules.evaluate(reach_run["pairs"], summary, reach_run.get("notes", [])))
    out = build_report(facts, paths, findings, analysis.captures, source, meta)
    out["reachability"] = reachability_json(reach_run, summary)
    if reach_run.get("interrupted"):  # part of the check never ran: the input is incomplete
        out["summary"]["exit_status"] = EXIT_CANNOT
    return out


def described_paths(facts):
    """The data paths of a host known only by its description, not by a run: the other hosts of
    a simulated site, whose hot and cold addresses are what ``check`` tests there. The same rules
    as a run's, once per described host."""
    return datapaths.resolve(facts)


def analyse(captures, source, hints=None, meta=None, reach_run=None, plan=None):
    """Captures -> the report, for callers with nothing else to do with the analysis."""
    return report(HostAnalysis(captures, hints), source, meta, reach_run, plan)
