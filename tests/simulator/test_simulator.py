"""The simulator answers through one explicit table (simulator/records.py ANSWERS): every kind the
collector can run has an entry there, or is answered by the host itself (vmkping: network.py)."""
import pytest

from esxi_diag import kinds
from esxi_diag.simulator import records
from esxi_diag.simulator.host import SimHost, load_builtin

# kinds that are not in the table, and why
ANSWERED_BY_THE_HOST = {"ping": "vmkping: simulator/network.py"}
NOT_SIMULATED = {"diag.ping": "esxcli network diag ping: read from transcripts, never run"}


def _collectable():
    """(kind, params) of everything the collector and the commands list can run."""
    plan = list(kinds.initial_plan())
    plan += kinds.manual_plan(["vmk0", "vmk1"], ["defaultTcpipStack", "vmotion"])
    categories = set(c for k in kinds.all_kinds() for c in k.each)
    sample = {"vmknic": "vmk1", "vmx": "/vmfs/volumes/datastore1/app-01/app-01.vmx",
              "world": "2099871"}
    for category in sorted(categories):
        plan += kinds.follow_ups(category, sample.get(category, "vmotion"))
    return plan


def _has_answer(kind):
    return kind in records.ANSWERS or kind in ANSWERED_BY_THE_HOST


def test_every_kind_the_collector_can_run_has_a_simulator_answer():
    missing = sorted(set(k for k, _ in _collectable() if not _has_answer(k)))
    assert not missing, (
        "the collector can run %s but the simulator has no answer for it: add a function to "
        "esxi_diag/simulator/records.py and its entry to records.ANSWERS" % ", ".join(missing))


def test_every_kind_is_answered_or_said_not_simulated():
    for kind in kinds.kind_names():
        assert _has_answer(kind) or kind in NOT_SIMULATED, (
            "kind %s has no answer in esxi_diag/simulator/records.py ANSWERS (nor is it listed "
            "as not simulated in this test)" % kind)
    for kind in NOT_SIMULATED:
        assert kind not in records.ANSWERS, "%s is simulated now: drop it from NOT_SIMULATED" % kind


def test_the_table_names_only_registered_kinds():
    stale = sorted(k for k in records.ANSWERS if not kinds.exists(k))
    assert not stale, "records.ANSWERS names kinds that esxi_diag/kinds/ does not: %s" % stale


@pytest.mark.parametrize("kind,params", _collectable())
def test_an_esxcli_kind_answers_records_and_another_its_text(kind, params):
    answer = records.ANSWERS.get(kind)
    if answer is None:
        return
    sim = SimHost(load_builtin("ldvm"))
    result = answer(sim.profile, sim.state, params)
    if kinds.is_esxcli(kind):
        assert isinstance(result, records.Listing), (kind, result)
    elif kinds.get(kind).file is not None:  # a file of the host: printed by host.py
        assert isinstance(result, records.FileAnswer), (kind, result)
    else:
        assert isinstance(result, tuple) and len(result) == 3 and \
            isinstance(result[0], int), (kind, result)


def test_a_kind_without_an_answer_is_said_not_simulated():
    sim = SimHost(load_builtin("lan"))
    code, out, err = sim.respond(["esxcli", "network", "diag", "ping", "-H", "10.0.0.2"])
    assert (code, out, err) == (1, "", "esxcli: not simulated\n")
