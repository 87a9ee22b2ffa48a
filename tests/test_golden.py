"""Golden site: a fixed fixture site must build to exactly the committed output.

Any change to templates, CSS, Markdown rendering, classification or linking shows up here
as a diff.  When the change is intended, regenerate with `pytest --update-golden` and
review the diff of tests/fixtures/golden/expected/ like any other change.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from readsite.config import load_config
from readsite.pipeline import build_site
from tests.conftest import FIXTURES, broken_links, snapshot

GOLDEN = FIXTURES / "golden"


def test_golden_site(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    out = tmp_path / "out"
    build_site(load_config(GOLDEN / "site"), out)
    expected_dir = GOLDEN / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(out, expected_dir)
    actual, expected = snapshot(out), snapshot(expected_dir)
    assert sorted(actual) == sorted(expected), "the set of output files changed"
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diff = "\n".join(difflib.unified_diff(
                expected[name].decode().splitlines(), actual[name].decode().splitlines(),
                f"expected/{name}", f"actual/{name}", lineterm="", n=2))
            pytest.fail(f"{name} differs from the golden copy "
                        f"(pytest --update-golden if intended):\n{diff[:3000]}")
    assert broken_links(out) == []


def test_golden_build_is_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    config = load_config(GOLDEN / "site")
    build_site(config, first)
    build_site(config, second)
    assert snapshot(first) == snapshot(second)
