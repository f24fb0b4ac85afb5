"""Every exit status of esxi-diag, in one place, and the tuning outcome as reports record it.

inspect, check, bundle, analyze: 0 no warnings, 1 warnings, 2 failures (from the findings:
``exit_status``), 3 could not run or nothing could be read (bad input, not an ESXi host, no peer,
interrupted, a damaged bundle). tune: the TUNE_* statuses below (README.md has the table).
"""

EXIT_OK, EXIT_WARNINGS, EXIT_FAILURES, EXIT_CANNOT = 0, 1, 2, 3

TUNE_NOTHING, TUNE_RECOMMENDED, TUNE_RESTORED, TUNE_APPLIED, TUNE_NOT_RESTORED = 0, 1, 2, 4, 5
TUNE_NOT_PERSISTENT = 6
_TUNE_RESULT = {TUNE_NOTHING: "nothing to change", TUNE_RECOMMENDED: "changes recommended (dry "
                "run: nothing was changed)", TUNE_RESTORED: "FAILED, previous values restored",
                TUNE_APPLIED: "applied and verified", TUNE_NOT_RESTORED:
                "FAILED, previous values NOT fully restored", EXIT_CANNOT: "could not run",
                TUNE_NOT_PERSISTENT: "applied and verified, but NOT persistent: sbMax returns to "
                "its previous value at the next reboot (Secure Boot: local.sh does not run)"}


def tune_section(plan, outcome, status):
    result = _TUNE_RESULT.get(status, "")
    if outcome["action"] == "rollback":
        result = "rolled back and verified" if status == TUNE_APPLIED else \
            "rollback FAILED: previous values NOT fully restored"
    return {"plan": plan, "outcome": outcome, "exit_status": status, "result": result}


def exit_status(findings):
    """0 no warnings, 1 warnings, 2 failures."""
    severities = set(f["severity"] for f in findings)
    if "fail" in severities:
        return EXIT_FAILURES
    if "warn" in severities:
        return EXIT_WARNINGS
    return EXIT_OK
