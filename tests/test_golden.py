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
BUNDLE = "pagefind/"
"""Pagefind's index: binary, and Pagefind's to get right, so its files are not kept golden
(that the build makes it, and that it finds articles, is tested in test_search*)."""


def own_files(folder: Path) -> dict[str, bytes]:
    """The site's files but Pagefind's index."""
    return {name: data for name, data in snapshot(folder).items() if not name.startswith(BUNDLE)}


def test_golden_site(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    out = tmp_path / "out"
    build_site(load_config(GOLDEN / "site"), out)
    expected_dir = GOLDEN / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(out, expected_dir, ignore=shutil.ignore_patterns(BUNDLE.strip("/")))
    actual, expected = own_files(out), own_files(expected_dir)
    assert (out / BUNDLE / "pagefind.js").is_file()
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
    # Pagefind's filter and metadata files are named by a hash of a map it writes in no fixed
    # order (Pagefind/pagefind#638: its fragments became stable in 1.3, those not yet).
    assert own_files(first) == own_files(second)
    assert (sorted(p.name for p in (first / BUNDLE / "fragment").iterdir())
            == sorted(p.name for p in (second / BUNDLE / "fragment").iterdir()))
