"""The one pipeline: a run builds its facts once and resolves its data paths once, and nothing
in the product but analysis/pipeline.py calls the facts builder or the data-path resolution."""
import io
import os
import re

import pytest

from conftest import ROOT
from esxi_diag.analysis import datapaths, pipeline


@pytest.mark.parametrize("argv", [
    ("inspect", "--simulate", "ldvm", "--json"),
    ("check", "--simulate", "ldvm", "--json", "--quiet"),
    ("tune", "--simulate", "ldvm", "--json", "--quiet"),
    ("tune", "--simulate", "ldvm", "--json", "--quiet", "--line-rate", "10G", "--rtt", "40"),
])
def test_facts_are_built_once_and_data_paths_resolved_once(cli, monkeypatch, argv):
    calls = {"facts": 0, "paths": 0}
    real_facts, real_paths = pipeline.build_facts, datapaths.resolve

    def facts(*a, **k):
        calls["facts"] += 1
        return real_facts(*a, **k)

    def paths(*a, **k):
        calls["paths"] += 1
        return real_paths(*a, **k)
    monkeypatch.setattr(pipeline, "build_facts", facts)
    monkeypatch.setattr(datapaths, "resolve", paths)
    r = cli(*argv)
    assert r.code in (0, 1, 2), r.err
    assert calls == {"facts": 1, "paths": 1}


def test_only_the_pipeline_builds_facts_and_resolves_data_paths():
    callers = []
    for folder, _, names in os.walk(os.path.join(ROOT, "esxi_diag")):
        for name in names:
            path = os.path.join(folder, name)
            if not name.endswith(".py") or path.endswith(os.path.join("analysis", "pipeline.py")):
                continue
            with io.open(path, encoding="utf-8") as handle:
                source = handle.read()
            if re.search(r"(?<!def )\bbuild_facts\(|datapaths\.resolve\(|\bresolve\(facts",
                         source) and not path.endswith(os.path.join("analysis", "facts.py")) \
                    and not path.endswith(os.path.join("analysis", "datapaths.py")):
                callers.append(os.path.relpath(path, ROOT))
    assert callers == []
