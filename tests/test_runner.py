"""The one command runner, with real processes."""
import sys
import time

import pytest

from esxi_diag.runner import CommandResult, LiveBackend, Runner

PY = sys.executable


def test_records_exit_code_stdout_stderr_and_duration():
    r = Runner().run([PY, "-c", "import sys; print('out'); sys.stderr.write('err'); sys.exit(4)"])
    assert (r.exit_code, r.stdout.strip(), r.stderr, r.timed_out) == (4, "out", "err", False)
    assert r.duration > 0 and r.started > 0 and not r.ok
    assert r.describe_failure() == "exit 4: err"


def test_timeout_kills_the_whole_process_group():
    code = ("import subprocess, sys, time; "
            "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)']); "
            "time.sleep(30)")
    t0 = time.monotonic()
    r = Runner().run([PY, "-c", code], timeout=0.5)
    assert time.monotonic() - t0 < 10
    assert r.timed_out and r.exit_code is None
    assert "timed out" in r.describe_failure()


def test_argv_is_never_given_to_a_shell():
    r = Runner().run([PY, "-c", "import sys; print(sys.argv[1])", "$(echo hi); rm -rf /nothing"])
    assert r.stdout.strip() == "$(echo hi); rm -rf /nothing"


def test_missing_program_is_reported_not_raised():
    r = Runner().run(["esxi-diag-no-such-program"])
    assert r.error == "not-found" and r.describe_failure() == "command not found"
    assert not LiveBackend().which("esxi-diag-no-such-program")


@pytest.mark.parametrize("argv", ["ls -l", [], ["ls", None], ["ls", "a\0b"]])
def test_only_argv_lists_of_strings(argv):
    with pytest.raises(ValueError):
        Runner().run(argv)


def test_every_call_has_a_timeout():
    with pytest.raises(ValueError):
        Runner(timeout=0).run([PY, "-c", "pass"])


def test_history_keeps_every_call():
    runner = Runner()
    runner.run([PY, "-c", "pass"])
    runner.run(["esxi-diag-no-such-program"])
    assert [type(r) for r in runner.history] == [CommandResult, CommandResult]


def test_output_that_is_not_utf8_is_decoded_with_replacement():
    r = Runner().run([PY, "-c", "import sys; sys.stdout.buffer.write(b'ok \\xff\\xfe')"])
    assert r.stdout.startswith("ok ") and "\ufffd" in r.stdout
