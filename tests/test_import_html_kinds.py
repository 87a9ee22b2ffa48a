"""Kinds of saved pages the HTML importer used to misread: headings written as links, in
bold or with permalink marks; a standfirst repeating the description; a byline with a job
title; the outlet first in `<title>`; a site name with its tagline; a JSON-LD `WebSite`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from readsite.importers.headingtext import heading_words, plain_headings
from readsite.importers.html import read_page
from readsite.importers.pagesite import Shown, byline_author
from readsite.importers.standfirst import drop_standfirst
from readsite.importers.titleparts import headline_in_title, without_tagline
from readsite.normalise import normalise_markdown

STORY = ("<p>The council voted on Thursday to keep the harbour market open for another "
         "decade, and the traders who packed the public gallery cheered the result.</p>")
MORE = ("<p>Fishing crews said the market was the only place left in the county where they "
        "could sell straight off the boat without a middleman taking a cut.</p>")


def page(head: str = "", body: str = "", title: str = "Council keeps harbour market open"
         ) -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body><article>"
            f"<h1>Council keeps harbour market open</h1>{body}</article></body></html>")


def headings_of(body: str) -> list[str]:
    return [line for line in body.split("\n") if line.startswith("#")]


@pytest.mark.parametrize(("markup", "want"), [
    ('<h2 id="x"><a href="#x">Market hours</a></h2>', "## Market hours"),
    ('<h2><a href="https://example.com/hours">Market hours</a></h2>', "## Market hours"),
    ("<h2><strong>Market hours</strong></h2>", "## Market hours"),
    ("<h2>Market <em>hours</em></h2>", "## Market hours"),
    ('<h2 id="x">Market hours <a class="anchor" href="#x">¶</a></h2>', "## Market hours"),
    ('<h2 id="x">Market hours <a class="anchor" href="#x">#</a></h2>', "## Market hours"),
    ('<h2 id="x"><a class="anchor" href="#x"><svg><path d="M0"/></svg></a>Market hours</h2>',
     "## Market hours"),
    ("<h2>Market hours<br>and fees</h2>", "## Market hours and fees"),
])
def test_page_headings_come_out_plain_and_once(markup: str, want: str) -> None:
    record = read_page(page(body=f"{STORY}{markup}{MORE}"), Path("a.html"))
    assert headings_of(record.body) == [want]
    assert "harbour market open for another decade" in record.body
    assert "straight off the boat" in record.body


def test_heading_words_keep_escapes_and_snake_case() -> None:
    assert heading_words(r"Using \*args in snake_case_names") == r"Using \*args in snake_case_names"
    assert heading_words("[**Costs**](#costs) [🔗](#costs)") == "Costs"


def test_plain_headings_drop_an_empty_heading_and_keep_paragraphs() -> None:
    assert plain_headings(["## ", "Body text.", "## [Fees](#fees)"]) == ["Body text.", "## Fees"]
    assert plain_headings(["## Fees", "and charges"], ["Fees and charges"]) == [
        "## Fees and charges"]
    assert plain_headings(["## Fees", "and charges"]) == ["## Fees", "and charges"]


DEK = "Traders say the vote saves two hundred jobs on the quay."


def test_standfirst_repeating_the_description_above_the_byline_leaves_the_body() -> None:
    story = "The council voted on Thursday to keep the harbour market open."
    found = replace(normalise_markdown(story), body=f"Business\n\n{DEK}\n\n{story}")
    blocks = ["Business", "Council keeps harbour market open", DEK,
              "By Ann Lee · 3 March 2026", story]
    kept, traces = drop_standfirst(found, DEK, blocks, "")
    assert kept.body == f"Business\n\n{story}"
    assert [t.rule for t in traces] == ["html: standfirst (the summary)"]
    # no byline under it on the page: the story's opening, kept
    kept, traces = drop_standfirst(found, DEK, [b for b in blocks if "Ann" not in b], "")
    assert kept.body == found.body and not traces


def test_description_repeating_the_opening_under_the_byline_stays() -> None:
    opening = ("The council voted on Thursday to keep the harbour market open for another "
               "decade, and the traders who packed the public gallery cheered the result.")
    body = f'<p class="byline">By Ann Lee</p>{STORY}{MORE}'
    record = read_page(page(f'<meta name="description" content="{opening}">', body),
                       Path("a.html"))
    assert "harbour market open for another decade" in record.body


def test_byline_job_title_after_the_name_is_left_out() -> None:
    assert byline_author(Shown(bylines=["By Colin Reed, Chief Reporter"])) == "Colin Reed"
    assert byline_author(Shown(bylines=["By Ann Lee and Tom Hale"])) == "Ann Lee, Tom Hale"
    assert byline_author(Shown(bylines=["Ann Lee, Staff Writer"])) == "Ann Lee"


@pytest.mark.parametrize("title", [
    "The Harbour Gazette » Council keeps harbour market open",
    "The Harbour Gazette | Council keeps harbour market open",
    "Council keeps harbour market open / The Harbour Gazette",
    "Council keeps harbour market open | News | The Harbour Gazette",
])
def test_h1_found_whole_in_title_is_the_headline_and_the_rest_the_outlet(title: str) -> None:
    footer = "<p>The Harbour Gazette · 2 Quay Street</p>"
    record = read_page(page(body=f"{STORY}{MORE}{footer}", title=title), Path("a.html"))
    assert record.title == "Council keeps harbour market open"
    assert record.source == "The Harbour Gazette"


def test_headline_in_title_needs_names_before_a_last_part() -> None:
    assert headline_in_title("Evolve: the story so far — Evolve docs", ["Evolve docs"]) == ""
    assert headline_in_title("Gazette | Rates rise again", ["Rates rise again"]) == (
        "Rates rise again")
    assert headline_in_title("Rates rise again", ["Rates rise again"]) == ""


def test_site_name_tagline_is_cut() -> None:
    assert without_tagline("The Harbour Gazette - News for the whole coast") == (
        "The Harbour Gazette")
    assert without_tagline("Mill & Quay | your local paper since 1902") == "Mill & Quay"
    assert without_tagline("Wind - Rain - Sun") == "Wind - Rain - Sun"
    assert without_tagline("The Harbour Gazette") == "The Harbour Gazette"
    head = '<meta property="og:site_name" content="The Harbour Gazette - News for the coast">'
    record = read_page(page(head, f"{STORY}{MORE}"), Path("a.html"))
    assert record.source == "The Harbour Gazette"


def test_json_ld_website_name_is_the_outlet_when_no_publisher_is_stated() -> None:
    head = ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
            '{"@type":"WebSite","name":"The Harbour Gazette","url":"https://hg.example/"},'
            '{"@type":"NewsArticle","headline":"Council keeps harbour market open"}]}</script>')
    record = read_page(page(head, f"{STORY}{MORE}"), Path("a.html"))
    assert record.source == "The Harbour Gazette"
