"""Every real fixture must still stand, byte for byte, in the reference it was copied from."""
import io
import os

import pytest

from conftest import FIXTURES, ROOT


def _reference_dir():
    """``shared/reference`` beside the checkout or beside one of its parents (worktrees)."""
    here = ROOT
    while True:
        parent = os.path.dirname(here)
        candidate = os.path.join(parent, "shared", "reference")
        if os.path.isdir(candidate) or parent == here:
            return candidate
        here = parent


REFERENCES = [os.path.join(_reference_dir(), name)
              for name in ("esxi-output-formats.md", "esxi-output-formats-vm-and-security.md")]


def test_real_fixtures_are_verbatim_copies_of_the_reference():
    if not all(os.path.exists(path) for path in REFERENCES):
        pytest.skip("shared/reference is not beside this checkout")
    reference = ""
    for path in REFERENCES:
        with io.open(path, encoding="utf-8", newline="") as handle:
            reference += handle.read() + "\n\x00\n"  # a copy never spans two files
    names = sorted(os.listdir(os.path.join(FIXTURES, "real")))
    assert len(names) >= 15
    for name in names:
        with io.open(os.path.join(FIXTURES, "real", name), encoding="utf-8", newline="") as handle:
            text = handle.read()
        assert text.strip(), name
        assert text in reference, "%s is not a verbatim copy of the reference" % name


def test_every_fixture_is_named_in_the_readme():
    with io.open(os.path.join(FIXTURES, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    for sub in ("real", "synthetic"):
        for name in os.listdir(os.path.join(FIXTURES, sub)):
            assert name in readme, "%s/%s has no source in tests/fixtures/README.md" % (sub, name)
            if sub == "synthetic":
                assert "synthetic" in name
