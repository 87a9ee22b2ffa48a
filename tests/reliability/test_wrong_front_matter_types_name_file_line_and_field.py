"""Guarantee 8: a value of the wrong type or an impossible one fails with file, line and the
field; a number where text is expected is kept as typed (the documented coercion); a key
given twice is an error; a likely typo of a known key is a warning with "did you mean"."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, MakeSite
from tests.reliability.front_matter_site import build, refused

WRONG = [
    ("date: 2024-13-45", "date"), ("date: 2024-02-30", "date"),
    ('date: "2024-01-01garbage"', "date"), ("date: 20240101", "date"),
    ("updated: next week", "updated"), ("title: !!int abc", "title"),
    ("summary: !!float", "summary"), ("date: !!timestamp nope", "date"),
    ("draft: maybe", "draft"), ('draft: "true"', "draft"), ("draft: 1", "draft"),
    ("topics: 5", "topics"), ("topics: {ipo: 1}", "topics"), ("topics: [ipo, [x]]", "topics"),
    ("tags: {a: 1}", "tags"), ("tags: [[a]]", "tags"), ("tags: [true]", "tags"),
    ("tags: 2024-01-01", "tags"), ("slug: 0x1F", "slug"), ("slug: [a]", "slug"),
    ("author: [a, b]", "author"), ("summary: {a: b}", "summary"), ("source: true", "source"),
    ("extra: [a]", "extra"), ("aliases: {a: b}", "aliases"), ("title: 2024-01-01", "title"),
]


@pytest.mark.parametrize(("line", "field"), WRONG)
def test_wrong_type_or_impossible_value_names_file_line_and_field(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], line: str, field: str) -> None:
    title = "" if line.startswith("title:") else "title: A\n"
    where = 3 if title else 2
    named = "slug" if field == "slug" else f"`{field}`"  # "slug `0x1F` must be ..."
    refused(build(make_site, capsys, f"{title}{line}\n"), where, named)


@pytest.mark.parametrize(("front", "shown"), [
    ("title: 2024\n", "<h1>2024</h1>"), ("title: 1e3\n", "<h1>1e3</h1>"),
    ("title: 0x1F\n", "<h1>0x1F</h1>"), ("title: A\nauthor: 007\n", "007"),
])
def test_a_number_where_text_is_expected_is_kept_as_typed(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], front: str, shown: str) -> None:
    outcome = build(make_site, capsys, front)
    assert outcome.code == 0, outcome.err
    page = (outcome.root / "_site/articles/a/index.html").read_text(encoding="utf-8")
    assert shown in page


def test_one_topic_as_a_word_is_a_list_of_one(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = build(make_site, capsys, "title: A\ntopics: ipo\n")
    assert outcome.code == 0, outcome.err
    assert "BODYMARKER" in (outcome.root / "_site/topics/ipo/index.html").read_text(
        encoding="utf-8") or (outcome.root / "_site/topics/ipo/index.html").is_file()


@pytest.mark.parametrize(("front", "line", "key"), [
    ("title: A\ntitle: B\n", 3, "title"),
    ("title: A\ndate: 2024-01-01\nsummary: s\ndate: 2024-01-02\n", 5, "date"),
    ("title: A\nextra:\n  a: 1\n  a: 2\n", 5, "a"),
])
def test_a_key_given_twice_is_an_error(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], front: str, line: int,
        key: str) -> None:
    refused(build(make_site, capsys, front), line, f"the key `{key}` is given a second time")


@pytest.mark.parametrize(("key", "meant"), [
    ("autor", "author"), ("tittle", "title"), ("tag", "tags"), ("topic", "topics"),
    ("Draft", "draft"), ("sumary", "summary"), ("alias", "aliases"),
])
def test_a_likely_typo_of_a_known_key_is_a_warning_with_did_you_mean(
        make_site: MakeSite, key: str, meant: str) -> None:
    root = make_site(files={"content/a.md": f"---\ntitle: A\n{key}: x\n---\n\nBody.\n"})
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build"], cwd=root, capture_output=True,
        text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assert f"warning: content/a.md:3: unknown front matter key `{key}`" in result.stderr
    assert f"did you mean `{meant}`?" in result.stderr
    assert (root / "_site/articles/a/index.html").is_file()


def test_an_unknown_key_far_from_any_known_one_is_kept_for_templates_quietly(
        make_site: MakeSite) -> None:
    root = make_site(files={"content/a.md": "---\ntitle: A\nlayout: wide\n---\n\nBody.\n"})
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build"], cwd=root, capture_output=True,
        text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
