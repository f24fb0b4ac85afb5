"""Every exit status of esxi-diag, in one place, and the tuning outcome as reports record it.

inspect, check, bundle, analyze: 0 no warnings, 1 warnings, 2 failures (from the findings:
``exit_status``), 3 could not run or nothing could be read (bad input, not an ESXi host, no peer,
interrupted, a damaged bundle). tune: the TUNE_* statuses below (README.md has the table).
"""

EXIT_OK, EXIT_WARNINGS, EXIT_FAILURES, EXIT_CANNOT = 0, 1, 2, 3

TUNE_NOTHING, TUNE_RECOMMENDED, TUNE_RESTORED, TUNE_APPLIED, TUNE_NOT_RESTORED = 0, 1, 2, 4, 5
TUNE_NOT_PERSISTENT = 6


def tune_result_key(status, action):
    """The catalog label that says what ``tune`` did (``t.tune.<status>``, or how a rollback
    ended)."""
    if action == "rollback":
        return "t.tune.rollback-ok" if status == TUNE_APPLIED else "t.tune.rollback-failed"
    return "t.tune.%s" % status


def tune_section(plan, outcome, status):
    """A report's ``tune``: the plan, what was done, the status and its words in English."""
    from esxi_diag.render.messages import has_label, label  # only when a report is made
    key = tune_result_key(status, outcome["action"])
    return {"plan": plan, "outcome": outcome, "exit_status": status,
            "result": label(key) if has_label(key) else ""}


def exit_status(findings):
    """0 no warnings, 1 warnings, 2 failures."""
    severities = set(f["severity"] for f in findings)
    if "fail" in severities:
        return EXIT_FAILURES
    if "warn" in severities:
        return EXIT_WARNINGS
    return EXIT_OK
