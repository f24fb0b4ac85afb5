"""The one command runner, with real processes."""
import sys
import time

import pytest

from esxi_diag.sources.runner import CommandResult, LiveBackend, Runner

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


def test_a_command_that_never_stops_printing_is_cut_and_killed(tmp_path):
    """`yes` with a 30 s time limit: cut at the output cap within moments, its whole process group
    killed, and the result says why it failed instead of being parsed."""
    from esxi_diag.sources import runner as runner_mod
    marker = tmp_path / "grandchild-alive"
    late = tmp_path / "late.py"
    late.write_text("import sys, time\ntime.sleep(2)\nopen(sys.argv[1], 'w').write('x')\n")
    code = ("import subprocess, sys\n"
            "subprocess.Popen([sys.executable, sys.argv[1], sys.argv[2]])\n"
            "while True:\n"
            "    sys.stdout.write('y' * 65536)\n")
    t0 = time.monotonic()
    r = Runner().run([PY, "-c", code, str(late), str(marker)], timeout=30)
    assert time.monotonic() - t0 < 10
    assert len(r.stdout) == runner_mod.MAX_OUTPUT_BYTES and set(r.stdout) == {"y"}
    assert r.exit_code is None and not r.timed_out and not r.ok
    assert "output cut at 4 MiB" in r.describe_failure()
    time.sleep(2.5)
    assert not marker.exists()  # the grandchild went with the group


def test_stderr_counts_towards_the_cap():
    r = Runner(LiveBackend(max_output=1000)).run(
        [PY, "-c", "import sys\nwhile True: sys.stderr.write('e' * 100)"], timeout=30)
    assert len(r.stderr) == 1000 and r.error is not None


def test_the_time_limit_still_applies_to_a_command_that_prints_slowly():
    t0 = time.monotonic()
    r = Runner().run([PY, "-c", "import sys, time\nwhile True:\n    print('.', flush=True)\n"
                      "    time.sleep(0.05)"], timeout=1)
    assert r.timed_out and 0.9 < time.monotonic() - t0 < 10 and r.stdout.startswith(".")
