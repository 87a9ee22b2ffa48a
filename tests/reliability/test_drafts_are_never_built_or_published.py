"""Guarantee 9: an article with `draft: true` is left out of the build (every page, feed,
sitemap and search index) unless `--drafts`, and `publish` never deploys it."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.cli import main
from tests.conftest import MakeSite
from tests.reliability.front_matter_site import build_root

DRAFT = "---\ntitle: Unfinished neocloud IPO notes\ndate: 2026-06-01\ndraft: true\n---\n\n" \
        "The neocloud IPO: DRAFTMARKER.\n"
PUBLIC = "---\ntitle: About GPUs\ndate: 2026-01-02\n---\n\nA neocloud rents GPU capacity.\n"


def mentions(folder: Path) -> list[str]:
    """Files below `folder` that mention the draft by its marker, title or slug."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes().decode("utf-8", errors="replace")
            if any(s in data for s in ("DRAFTMARKER", "Unfinished neocloud", "/secret/")):
                found.append(path.relative_to(folder).as_posix())
    return found


@pytest.fixture
def root(make_site: MakeSite) -> Path:
    return make_site(files={"content/secret.md": DRAFT, "content/public.md": PUBLIC})


def test_a_draft_is_not_built(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = build_root(root, capsys)
    assert outcome.code == 0, outcome.err
    assert (root / "_site/articles/public/index.html").is_file()
    assert not (root / "_site/articles/secret").exists()
    assert mentions(root / "_site") == []


def test_a_draft_is_built_with_drafts(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = build_root(root, capsys, ("--drafts",))
    assert outcome.code == 0, outcome.err
    assert "DRAFTMARKER" in (root / "_site/articles/secret/index.html").read_text(
        encoding="utf-8")


def test_a_draft_is_never_published(root: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    build_root(root, capsys, ("--drafts",))  # a local preview with drafts must not leak
    target = tmp_path / "deployed"
    code = main(["--site", str(root), "publish", "--target", f"dir:{target}"])
    assert code == 0, capsys.readouterr().err
    assert (target / "articles/public/index.html").is_file()
    assert mentions(target) == []


@pytest.mark.parametrize("value", ["True", "yes", "on"])
def test_yaml_spellings_of_true_keep_it_a_draft(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], value: str) -> None:
    """YAML (1.1, as PyYAML reads it) spells true `True`, `yes` or `on`: all keep it a draft."""
    outcome = build_root(make_site(files={"content/secret.md": DRAFT.replace(
        "draft: true", f"draft: {value}")}), capsys)
    assert outcome.code == 0, outcome.err
    assert mentions(outcome.root / "_site") == []


@pytest.mark.parametrize("value", ['"true"', "1", "maybe", "[true]"])
def test_anything_but_true_or_false_is_refused(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], value: str) -> None:
    """A guess either way could publish a draft by accident, so the build stops instead."""
    outcome = build_root(make_site(files={"content/secret.md": DRAFT.replace(
        "draft: true", f"draft: {value}")}), capsys)
    assert outcome.code == 1
    assert "content/secret.md:4: `draft` must be true or false" in outcome.err
    assert not (outcome.root / "_site").exists()
