"""The registry of command kinds: every kind is whole (command line, recognition of the typed line,
parser, extractor), and a kind's typed command line is recognised as that kind again."""
import pytest

from esxi_diag import kinds
from esxi_diag.simulator.host import SimHost, load_builtin

SAMPLE = {"vmknic": "vmk1", "netstack": "vmotion", "option": kinds.LINE_RATE_OPTION,
          "target": "10.0.0.2", "path": "/vmfs/volumes/datastore 1/web 01/web 01.vmx",
          "world": "2099871"}
PARAM_OF = {"vmknic": "vmknic", "netstack": "netstack", "instantiated-netstack": "netstack",
            "vmx": "path", "world": "world"}


def _params(kind):
    k = kinds.get(kind)
    out = {}
    for category in k.each:
        out[PARAM_OF[category]] = SAMPLE[PARAM_OF[category]]
    if k.needs:
        out[k.needs] = SAMPLE[k.needs]
    if kind in ("ping",):
        out.update(vmknic="vmk1", target="10.0.0.2")
    return out


@pytest.mark.parametrize("kind", kinds.kind_names())
def test_every_kind_is_whole_and_its_typed_line_is_recognised(kind):
    k = kinds.get(kind)
    assert callable(k.extract) and k.parse is not None
    if kind == "diag.ping":
        line = "esxcli network diag ping -H 10.0.0.2 -I vmk1"
    else:
        line = kinds.display(kinds.argv(kind, _params(kind), xml=False))
    found, params = kinds.recognise(line)
    assert found == kind, line
    for key, value in _params(kind).items():
        assert str(params.get(key)) == str(value), (line, params)


def test_the_collector_plan_gates_first_and_covers_every_follow_up():
    plan = kinds.initial_plan()
    gates = [k for k, _ in plan if kinds.get(k).collect == kinds.GATE]
    assert gates and [k for k, _ in plan[:len(gates)]] == gates
    follow = [k.name for k in kinds.all_kinds() if k.each]
    assert set(follow) >= {"ip.interface.tags", "ip.route.ipv4", "ip.route.ipv6", "vsish.sbmax"}


@pytest.mark.parametrize("kind,params", kinds.manual_plan(["vmk0", "vmk1"],
                                                          ["defaultTcpipStack", "vmotion"]))
def test_the_simulator_answers_every_kind_the_tool_asks_for(kind, params):
    sim = SimHost(load_builtin("ldvm"))
    for xml in (True, False):
        code, out, err = sim.respond(kinds.argv(kind, params, xml=xml))
        assert "not simulated" not in err and "Unknown command" not in out, (kind, out, err)
        if code == 0:
            assert kinds.parse(kind, out) is not None
