"""Every real fixture must still stand, byte for byte, in the reference it was copied from."""
import io
import os

import pytest

from conftest import FIXTURES, ROOT

REFERENCE = os.path.join(os.path.dirname(ROOT), "shared", "reference", "esxi-output-formats.md")


def test_real_fixtures_are_verbatim_copies_of_the_reference():
    if not os.path.exists(REFERENCE):
        pytest.skip("shared/reference is not beside this checkout")
    with io.open(REFERENCE, encoding="utf-8", newline="") as handle:
        reference = handle.read()
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
