"""Guarantee 12: two articles with the same slug, or the same output URL (also through
`aliases:`), fail the build with a message naming both files, and nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, MakeSite


def build(root: Path) -> subprocess.CompletedProcess[str]:
    """`build.py build` in `root`, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=60)


def article(title: str, extra: str = "") -> str:
    """An article file with `extra` front matter lines."""
    return f"---\ntitle: {title}\n{extra}---\n\nSome text about {title}.\n"


@pytest.mark.parametrize(("first", "second"), [
    (article("One", "slug: same\n"), article("Two", "slug: same\n")),
    (article("One"), article("Two", "slug: one\n")),
    (article("One"), article("Two", "aliases: [/articles/one/]\n")),
    (article("One", "aliases: [/old/post/]\n"), article("Two", "aliases: [/old/post/]\n")),
    (article("One", "aliases: [/old/post/]\n"), article("Two", "aliases: [/old/post]\n")),
], ids=["same-slug", "slug-equals-file-name", "alias-on-article", "same-alias",
        "same-alias-without-slash"])
def test_two_claims_on_one_url_fail_naming_both_files(
        make_site: MakeSite, first: str, second: str) -> None:
    root = make_site(files={"content/one.md": first, "content/two.md": second})
    result = build(root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert "content/one.md" in result.stderr and "content/two.md" in result.stderr, result.stderr
    assert "hint:" in result.stderr
    assert not (root / "_site").exists(), "nothing is written"
    assert not [p.name for p in root.iterdir() if ".tmp-" in p.name]


def test_an_alias_on_a_site_page_fails_naming_the_file_and_the_page(make_site: MakeSite) -> None:
    root = make_site(files={"content/one.md": article("One", "aliases: [/topics/]\n")})
    result = build(root)
    assert result.returncode == 1
    assert "content/one.md" in result.stderr and "/topics/" in result.stderr, result.stderr
    assert not (root / "_site").exists()
