"""Guarantee 7: front matter that is not valid YAML (or not front matter at all) fails the
build with file:line and a hint; it is never taken as part of the body and rendered."""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite
from tests.reliability.front_matter_site import BODY, build_root, refused

BROKEN = [
    ("---\ntitle: [A\n---\n", 2),                      # unclosed flow list
    ("---\ntitle: A\n  author: B\n---\n", 3),          # bad indentation
    ('---\ntitle: "A\nauthor: B\n---\n', 3),           # unclosed quote
    ("---\ntitle: A\n\tauthor: B\n---\n", 3),          # tab indentation
    ("---\ntitle: A: B: C\n---\n", 2),                 # a colon needing quotes
    ("---\ntitle: A\nsummary: {a: 1\n---\n", 3),        # unclosed flow mapping
    ("---\njust some words\n---\n", 2),                 # not `key: value`
    ("---\n- title\n- A\n---\n", 2),                    # a list, not a mapping
    ("---\ntitle: A\n@author: B\n---\n", 3),           # reserved indicator
    ("---\ntitle: A\n", 1),                             # never closed
    ("title: A\n---\n", 1),                             # never opened
    ("--- \ntitle: A\n----\n", 1),                      # closing fence mistyped
]


@pytest.mark.parametrize(("head", "line"), BROKEN)
def test_broken_front_matter_is_an_error_with_line_and_hint(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], head: str, line: int) -> None:
    root = make_site(files={"content/a.md": head + "\n" + BODY})
    outcome = build_root(root, capsys)
    refused(outcome, line, "hint: ")


def test_an_unclosed_quote_names_the_line_it_was_opened_on(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files={"content/a.md": '---\ntitle: "A\nauthor: B\n---\n\n' + BODY})
    refused(build_root(root, capsys), 3, "starts on line 2")


def test_a_good_article_beside_a_broken_one_is_not_published_either(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files={"content/a.md": "---\ntitle: [A\n---\n\n" + BODY,
                            "content/b.md": "---\ntitle: B\n---\n\nFine.\n"})
    refused(build_root(root, capsys), 2, "invalid YAML")


def test_check_reports_it_the_same_way(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    from readsite.cli import main

    root = make_site(files={"content/a.md": "---\ntitle: A\n  author: B\n---\n\n" + BODY})
    assert main(["--site", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "content/a.md:3: invalid YAML" in err and "hint: " in err
    assert "BODYMARKER" not in err
