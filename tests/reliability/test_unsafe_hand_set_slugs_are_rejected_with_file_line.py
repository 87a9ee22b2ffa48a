"""Guarantee 13: a hand-set `slug:` that could not safely name an output folder (a path
escape, a device name, too long, uppercase, not ASCII) is refused at its file:line, and
nothing is written anywhere, least of all outside the output folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MakeSite
from tests.reliability.front_matter_site import build, build_root, refused

UNSAFE = [
    "../../x", "..", ".", "../escape", "a/b", "a\\b", "/etc/x", "CON", "con", "nul", "com1",
    "lpt9", "a" * 300, "a" * 101, "Uppercase", "café", "naïve-slug", "日本", "a b", "a--b",
    "-a", "a-", "a.b", "a\x00b", "a\nb", "%2e%2e", "~root", "0x1F",
]


@pytest.mark.parametrize("slug", UNSAFE)
def test_an_unsafe_hand_set_slug_is_refused_at_its_line(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        slug: str) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    outcome = build(make_site, capsys, f"title: A\nslug: {json.dumps(slug)}\n")
    refused(outcome, 3, "slug")
    assert sorted(p.name for p in tmp_path.iterdir()) == [*before, "site"]  # nothing beside it
    assert sorted(p.name for p in outcome.root.iterdir()) == ["content", "site.yaml"]


@pytest.mark.parametrize("slug", ["a", "2024", "a-b-c", "x" * 100, "ipo-2026"])
def test_a_safe_slug_names_the_page(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], slug: str) -> None:
    outcome = build(make_site, capsys, f"title: A\nslug: {slug}\n")
    assert outcome.code == 0, outcome.err
    assert (outcome.root / "_site/articles" / slug / "index.html").is_file()


@pytest.mark.parametrize("name", ["Café.md", "con.md", "Big Name.md"])
def test_a_file_name_that_is_no_safe_slug_is_refused_at_line_1(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], name: str) -> None:
    root = make_site(files={f"content/{name}": "---\ntitle: A\n---\n\nBody.\n"})
    outcome = build_root(root, capsys)
    assert outcome.code == 1 and f"content/{name}:1: slug" in outcome.err, outcome.err
    assert "hint: " in outcome.err and not (root / "_site").exists()
