"""A saved page's source indentation never turns its prose into code blocks (`indents`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readsite.importers.html import read_page
from readsite.importers.indents import plain_indents
from readsite.markdown import render

PAD = " " * 28
"""The white space a template's source leaves before an element's tail text."""


def page(body: str) -> str:
    return (f"<html><head><title>Harbour lights</title></head><body><article>"
            f"<h1>Harbour lights</h1>{body}</article></body></html>")


PROSE = ("The harbour board met on Tuesday and talked about lanterns, the tide tables and the "
         "winter market at length, as it does every year.")
STORY = "".join(f"<p>The harbour board met on the {n}th day and talked about lanterns, the "
                f"tide tables and the winter market at length.</p>" for n in range(4, 9))


def code_blocks(markdown: str) -> list[str]:
    return re.findall(r"<pre><code[^>]*>(.*?)</code></pre>", render(markdown).html, re.S)


def extracted(monkeypatch: pytest.MonkeyPatch, markdown: str) -> str:
    """The body `read_page` makes when the extractor returns `markdown` (the shapes below are
    what trafilatura returned for real saved pages, with invented words)."""
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: markdown)
    return read_page(page(STORY), Path("saved.html")).body


def test_text_after_a_code_sample_stays_a_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    body = extracted(monkeypatch, f"{PROSE}\n\nWhich number stands out?\n\n```\n2, 3, 12, 5\n"
                                  f"```\n{PAD}The number that stands out is twelve.\n\n{PROSE}")
    assert code_blocks(body) == ["2, 3, 12, 5\n"]
    assert "\nThe number that stands out is twelve." in body


def test_list_of_links_with_indented_items_is_a_list_not_code(
        monkeypatch: pytest.MonkeyPatch) -> None:
    items = "".join(f"-\n{PAD}[Lantern story number {n}](https://quay.example/{n})\n"
                    for n in range(1, 4))
    body = extracted(monkeypatch, f"{PROSE}\n\n{items}\n{PROSE}")
    assert not code_blocks(body)
    for n in range(1, 4):
        assert f">Lantern story number {n}</a></li>" in render(body).html


def test_paragraph_indented_in_the_source_is_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    body = extracted(monkeypatch, f"{PROSE}\n\n{PAD}The board also voted to light the pier "
                                  f"every night of the winter market.\n\n{PROSE}")
    assert not code_blocks(body)
    assert re.search(r"<p[^>]*>The board also voted", render(body).html)


def test_bare_marker_takes_the_line_under_it() -> None:
    assert plain_indents(f"Intro.\n\n-\n{PAD}[One](/a)\n-\n{PAD}[Two](/b)") == \
        "Intro.\n\n- [One](/a)\n- [Two](/b)"


def test_nested_lists_and_fenced_code_keep_their_indentation() -> None:
    nested = "- a\n  - b\n    - c\n      1. d"
    fenced = "```\ndef f():\n        return 1\n```\n~~~~\n    x = 1\n~~~~"
    assert plain_indents(nested) == nested
    assert plain_indents(fenced) == fenced
    assert plain_indents(f"```\ncode\n```\n{PAD}After.") == "```\ncode\n```\nAfter."


def test_unclosed_fence_keeps_everything_after_it() -> None:
    text = f"Before.\n```\n{PAD}still code"
    assert plain_indents(text) == text


LINE = st.one_of(
    st.sampled_from(["```", "~~~", "-", "1.", "- item", "  - nested", "    - deep", "\t tab",
                     PAD + "tail text", "", "    ", "plain"]),
    st.text(alphabet=" \t-*1.`~ab#", max_size=12))


@given(st.lists(LINE, max_size=12))
def test_only_white_space_and_line_breaks_change(lines: list[str]) -> None:
    text = "\n".join(lines)
    once = plain_indents(text)
    assert plain_indents(once) == once
    assert re.sub(r"\s", "", once) == re.sub(r"\s", "", text)
