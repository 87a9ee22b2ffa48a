"""A closing grid of teasers for the site's other stories leaves a saved page (`teasertail`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readsite.importers.html import read_page
from readsite.importers.teasertail import RULE, cut_teaser_grid

URL = "https://www.quay.example/news/harbour-lights"
STORY = [
    "The harbour board met on Tuesday and agreed to light the pier every night of the market.",
    "The lanterns will be lit at dusk by volunteers, and the board will pay for the oil.",
]
GRID = [
    "- [Ferry timetable changes for winter](https://www.quay.example/news/ferry)",
    "#### Sailings drop to two a day from November",
    "- [Fish market moves to the old customs shed](/news/market)",
    "#### Traders say the new hall is warmer",
    "![](https://cdn.quay.example/pier.jpg)",
    "[Lifeboat crew rescues three off the point](https://quay.example/news/lifeboat)",
]


def test_closing_grid_of_the_sites_stories_is_cut() -> None:
    kept, traces = cut_teaser_grid([*STORY, *GRID], URL)
    assert kept == STORY
    assert [t.text for t in traces] == GRID and {t.rule for t in traces} == {RULE}


def test_a_list_of_sources_on_other_sites_stays() -> None:
    sources = ["- [Harbour board minutes, March meeting](https://council.example/minutes)",
               "- [Tide tables for the estuary](https://tides.example/estuary)"]
    assert cut_teaser_grid([*STORY, *sources], URL) == ([*STORY, *sources], [])


@pytest.mark.parametrize("tail", [
    GRID[:2],  # one teaser is a link the story ends on, not a grid
    GRID[:4],  # nor are two: a story may end on a further-reading pair
    ["- [More](/more)", "- [Sport](/sport)", "- [Weather](/weather)"],  # a menu, not headlines
    [*GRID, "The board will meet again in March to decide on the lanterns of the north pier, "
            "which have been dark since the storm of 2019 broke the posts."],  # story after it
])
def test_what_is_not_a_closing_grid_stays(tail: list[str]) -> None:
    assert cut_teaser_grid([*STORY, *tail], URL)[0] == [*STORY, *tail]


def test_a_page_that_is_only_links_is_left_alone() -> None:
    assert cut_teaser_grid(GRID, URL)[0] == GRID


def test_saved_page_loses_its_grid_and_explains_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    markdown = "\n\n".join([*STORY, *GRID])
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: markdown)
    page = (f'<html><head><link rel="canonical" href="{URL}"><title>Harbour lights</title>'
            f"</head><body><article><h1>Harbour lights</h1>"
            f"{''.join(f'<p>{p}</p>' for p in STORY)}</article></body></html>")
    record = read_page(page, Path("harbour.html"))
    assert "Ferry timetable" not in record.body and "Lifeboat" not in record.body
    assert record.body.rstrip().endswith("will pay for the oil.")
    assert any(t.rule == RULE and "Lifeboat" in t.text for t in record.trace)


PARAGRAPH = st.one_of(st.sampled_from([*STORY, *GRID, "", "- [A b c](/x)", "![](/i.png)",
                                       "#### Short dek line", "[x](https://other.example/y)"]),
                      st.text(alphabet="[]()!#-/ abcxy.:", max_size=30))


@given(st.lists(PARAGRAPH, max_size=10))
def test_only_a_closing_run_leaves_and_every_line_of_it_is_traced(paragraphs: list[str]) -> None:
    kept, traces = cut_teaser_grid(paragraphs, URL)
    assert kept == paragraphs[:len(kept)]
    assert (not kept) == (not paragraphs)
    assert [t.text for t in traces] == [line.strip() for p in paragraphs[len(kept):]
                                        for line in p.split("\n") if line.strip()]
