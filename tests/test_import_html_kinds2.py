"""Kinds of saved pages whose headline, outlet or headings the HTML importer used to misread:
a stated title carrying the site's name, a section before the headline or SEO words after
it; an `og:title` that is the site's name; an `<h1>` that is the logo; a `<title>` tail
holding the outlet with its tagline; a teaser box's cut-short headline and a newsletter box
with generated class names kept as headings of the story; a byline whose name runs into its
job title or date, sits inside a wrapper with "author" in its class, is set in a heading, or
is a microdata author outside any article item."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.importers.bylineheads import drop_byline_headings
from readsite.importers.html import read_page
from readsite.importers.page import read_page_info
from readsite.importers.pagemeta import microdata_fields
from readsite.importers.pagesite import byline_author, read_shown, untagged, without_date_or_role
from readsite.importers.teasers import drop_cut_teasers, drop_signup_pitches, drop_signups
from readsite.importers.titlechoice import choose_title, visible_in, without_site

STORY = ("<p>The ferry from Tolland to the outer islands has run every morning for ninety "
         "years, and on Monday it ran for the last time before the new timetable.</p>"
         "<h2>What the council decided</h2>"
         "<p>The council said the route lost money every winter and that a smaller boat "
         "would carry the post and the few passengers who travel out of season.</p>")
HEADLINE = "Last morning ferry leaves Tolland quay"


def page(head: str, h1: str = f"<h1>{HEADLINE}</h1>", header: str = "") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{header}"
            f"<main><article>{h1}{STORY}</article></main></body></html>")


def headings_of(body: str) -> list[str]:
    return [line for line in body.split("\n") if line.startswith("#")]


@pytest.mark.parametrize("og_title", [
    f"{HEADLINE} | Harbour Ledger",
    f"Harbour Ledger: {HEADLINE}",
    f"Islands: {HEADLINE}",
    f"{HEADLINE} as council cuts winter sailings to the outer islands",
    "Harbour Ledger",
])
def test_stated_title_disagreeing_with_the_h1(og_title: str) -> None:
    html = page(f"<title>{HEADLINE} | Harbour Ledger</title>"
                f"<meta property='og:title' content='{og_title}'>"
                "<meta property='og:site_name' content='Harbour Ledger'>")
    found = read_page(html, Path("ferry.html"))
    assert found.title == HEADLINE
    assert found.source == "Harbour Ledger"
    assert headings_of(found.body) == ["## What the council decided"]


def test_og_title_that_is_the_whole_title_and_a_bare_name() -> None:
    html = page("<title>Harbour Ledger</title><meta property='og:title' content='Harbour Ledger'>")
    assert read_page(html, Path("ferry.html")).title == HEADLINE


def test_h1_logo_is_the_outlet_not_the_headline() -> None:
    html = page(f"<title>{HEADLINE} | Harbour Ledger</title>",
                h1=f"<h2 class='headline'>{HEADLINE}</h2>",
                header="<header><h1 class='logo'><a href='/'>Harbour Ledger</a></h1></header>")
    found = read_page(html, Path("ferry.html"))
    assert (found.title, found.source) == (HEADLINE, "Harbour Ledger")


def test_h1_logo_with_a_title_that_is_only_the_name() -> None:
    html = page("<title>Harbour Ledger</title>", h1=f"<h2 class='headline'>{HEADLINE}</h2>",
                header="<header><h1 class='logo'><a href='/'>Harbour Ledger</a></h1></header>")
    assert read_page(html, Path("ferry.html")).title == HEADLINE


def test_title_tail_with_tagline_names_the_outlet() -> None:
    html = page(f"<title>{HEADLINE} | Harbour Ledger – news from the northern isles</title>")
    found = read_page(html, Path("ferry.html"))
    assert (found.title, found.source) == (HEADLINE, "Harbour Ledger")


def test_untagged_keeps_a_plain_name() -> None:
    assert untagged("Harbour Ledger – news from the northern isles") == "Harbour Ledger"
    assert untagged("Harbour Ledger") == "Harbour Ledger"
    assert untagged("Smith & Jones - Pike & Sons") == "Smith & Jones - Pike & Sons"


def test_without_site_cuts_only_the_site_name() -> None:
    assert without_site("Headline here | Outlet", ["Outlet"]) == "Headline here"
    assert without_site("Outlet: Headline here", ["Outlet"]) == "Headline here"
    assert without_site("Rates rise: what it means", ["Outlet"]) == "Rates rise: what it means"


def test_visible_h1_only_as_a_whole_piece() -> None:
    title = "Village kiln fires again after sixty years as potters revive clay"
    assert visible_in(title, ["Village kiln fires again"], []) == "Village kiln fires again"
    assert visible_in(title, ["Kiln fires again"], []) == ""  # not its start or end
    assert visible_in(title, ["Pottery"], []) == ""  # a section name
    assert visible_in("Evolve: Shared History", ["Evolve: Shared History¶"], []) == (
        "Evolve: Shared History")


def test_stated_title_kept_when_the_h1_is_something_else() -> None:
    stated = [("Rates rise again as the bank acts", "html: og:title")]
    assert choose_title(stated, "", ["Markets live"], ["Outlet"]) == stated[0]
    assert choose_title([("Outlet", "html: og:title")], "", [], ["Outlet"]) is None


CUT = "## Friday's Best Deals: Socks, Lamps..."
PARAGRAPH = "The council said the route lost money every winter, and would run a smaller boat."


@pytest.mark.parametrize(("paragraphs", "blocks", "kept"), [
    ([CUT, "[Read more](/deals)", PARAGRAPH], [], [PARAGRAPH]),
    ([PARAGRAPH, CUT], [], [PARAGRAPH]),
    ([CUT, "## Next", PARAGRAPH], [], ["## Next", PARAGRAPH]),
    ([CUT, PARAGRAPH], ["Friday's Best Deals: Socks, Lamps, Towels and More"], [PARAGRAPH]),
    ([CUT, PARAGRAPH], [], [CUT, PARAGRAPH]),  # the story's own heading, its text after it
    (["## And then...", "[Read more](/x)"], [], ["## And then...", "[Read more](/x)"]),
])
def test_cut_short_teaser_heading(paragraphs: list[str], blocks: list[str],
                                  kept: list[str]) -> None:
    assert drop_cut_teasers(paragraphs, blocks)[0] == kept


FORM = "<form><input type='email' placeholder='Your email'><button>Join</button></form>"


def test_signup_box_lines_found_by_its_email_field() -> None:
    html = (f"<html><body><article><p>{PARAGRAPH}</p><div class='vx3'><h3>Get the letter</h3>"
            f"<p>Our stories every Sunday.</p>{FORM}</div></article></body></html>")
    assert read_page_info(html).signups == ["Get the letter", "Our stories every Sunday.", "Join"]


def test_story_in_the_same_div_as_a_form_is_no_signup_box() -> None:
    story = " ".join([PARAGRAPH] * 4)
    html = (f"<html><body><div><h2>Routes</h2><p>{story}</p>{FORM}</div></body></html>")
    assert read_page_info(html).signups == []


def test_box_without_a_heading_or_email_field_is_no_signup_box() -> None:
    search = "<form><input type='search' name='q'><button>Go</button></form>"
    assert read_page_info(f"<div><h3>Search</h3>{search}</div>").signups == []
    assert read_page_info(f"<div><p>Our stories every Sunday.</p>{FORM}</div>").signups == []


def test_signup_widgets_sent_and_failed_messages_are_box_lines() -> None:
    """A sign-up widget holds its form's box and, beside it, what it shows once the form is
    sent; a real page kept "Thanks for signing up!", "Sorry!" and "There was an error
    processing your subscription." as headings of the story."""
    pitch = ("Our best stories every Sunday morning: the week's ferry news, timetables and the "
             "harbour's history, in one short letter.")
    box = f"<div><h3>Get the letter</h3><p>{pitch}</p>{FORM}</div>"
    states = ("<div>Please check the opt-in box to acknowledge that you would like to subscribe."
              "</div><div><h3>Thanks for signing up!</h3><h4>Keep an eye on your inbox.</h4></div>"
              "<div><h3>Sorry!</h3><h4>There was an error processing your subscription.</h4>"
              "</div>")
    html = f"<html><body><article><p>{PARAGRAPH}</p><section>{box}{states}</section></article>"
    assert read_page_info(html).signups[3:] == [
        "Get the letter", pitch, "Join",
        "Please check the opt-in box to acknowledge that you would like to subscribe.",
        "Thanks for signing up!", "Keep an eye on your inbox.", "Sorry!",
        "There was an error processing your subscription."]
    story = f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>Thanks to the crew, it sailed on time!</p>"
    assert read_page_info(f"<html><body><div>{story}{box}</div></body></html>").signups == [
        "Get the letter", pitch, "Join"]  # the story beside it stays


def test_drop_signups_drops_only_box_lines() -> None:
    kept, traces = drop_signups(["### Get the letter", PARAGRAPH, "Our stories every Sunday."],
                                ["Get the letter", "Our stories every Sunday.", "Join"])
    assert kept == [PARAGRAPH] and len(traces) == 2


def test_newsletter_box_inside_story_leaves_the_body() -> None:
    html = page(f"<title>{HEADLINE}</title>").replace(
        "<h2>What", f"<div class='vx3'><h3>Get the letter</h3><p>Our stories every Sunday."
                    f"</p>{FORM}</div><h2>What")
    body = read_page(html, Path("ferry.html")).body
    assert "Get the letter" not in body and "every Sunday" not in body
    assert headings_of(body) == ["## What the council decided"]


@pytest.mark.parametrize(("text", "want"), [
    ("Ben Silverman Games Editor", "Ben Silverman"),
    ("Joshua Sokol May 20, 2019", "Joshua Sokol"),
    ("GILLIAN MOHNEY March 11, 2015 3:46 PM", "GILLIAN MOHNEY"),
    ("Ana de la Cruz", "Ana de la Cruz"),
])
def test_without_date_or_role(text: str, want: str) -> None:
    assert without_date_or_role(text) == want


@pytest.mark.parametrize(("markup", "want"), [
    ('<div class="author"><a class="author-link" href="/a">Ben Silverman</a>'
     '<div class="author-title">Games Editor</div></div>', "Ben Silverman"),
    ('<h6 class="byline"><em class="byline__by">By</em> <a href="/a">'
     '<span class="byline__author">Joshua Sokol</span></a> <time>May 20, 2019</time></h6>',
     "Joshua Sokol"),
    ('<div class="single-author"><nav>Home News</nav><p class="byline"><span class="by-author">'
     '<span class="by">by</span> <a href="/a">Lucas Nolan</a></span><span class="bydate">'
     '22 Dec 2016</span></p><p>A long story paragraph that is not a name.</p></div>',
     "Lucas Nolan"),
])
def test_byline_element_kinds(markup: str, want: str) -> None:
    assert byline_author(read_shown(f"<html><body>{markup}</body></html>")) == want


def test_microdata_author_outside_any_article_item() -> None:
    html = ('<html><body><span itemprop="author" itemscope itemtype="http://schema.org/Person">'
            '<span itemprop="name">Alex Perry</span></span></body></html>')
    found = microdata_fields(read_page_info(html))
    assert found["html: microdata itemprop=author"].value == "Alex Perry"


def test_article_item_author_wins_over_a_loose_one() -> None:
    html = ('<html><body><span itemprop="author">Loose Name</span>'
            '<div itemscope itemtype="http://schema.org/NewsArticle">'
            '<span itemprop="author">Item Name</span></div></body></html>')
    found = microdata_fields(read_page_info(html))
    assert found["html: microdata itemprop=author"].value == "Item Name"


def test_byline_headings_dropped_only_near_the_top() -> None:
    story = [PARAGRAPH] * 7
    kept, _ = drop_byline_headings(["## By", "## By Jane Doe May 3, 2026", *story,
                                    "## By the river"], ["Jane Doe"])
    assert kept == [*story, "## By the river"]
    assert drop_byline_headings(["## By the river", PARAGRAPH], ["Jane Doe"])[0] == [
        "## By the river", PARAGRAPH]


def test_stated_title_outvoted_when_h1_and_title_agree() -> None:
    stated = [("Wikimedia list article", "json-ld: headline")]
    page_title = "List of films featuring time loops - Wikipedia"
    h1 = ["List of films featuring time loops"]
    assert choose_title(stated, page_title, h1, []) == (
        h1[0], "html: <h1> in <title>, outvoting a stated title")
    close = [("Films featuring time loops: a list", "html: og:title")]
    assert choose_title(close, page_title, h1, []) == close[0]  # most words shared


@pytest.mark.parametrize("title", ["Harbour Ledger", "Ferry"])
def test_title_that_is_a_bare_name_gives_way_to_the_h1(title: str) -> None:
    html = page(f"<title>{title}</title>")
    assert read_page(html, Path("ferry.html")).title == HEADLINE


def test_heading_with_a_glued_permalink_mark_is_not_doubled() -> None:
    html = page(f"<title>{HEADLINE}</title>").replace(
        "<h2>What the council decided</h2>",
        "<h2 id='c'>What the council decided<a href='#c' class='anchor'>#</a></h2>")
    assert headings_of(read_page(html, Path("ferry.html")).body) == [
        "## What the council decided"]


@pytest.mark.parametrize("meta", ["publisher", "dc.publisher"])
def test_meta_publisher_names_the_outlet(meta: str) -> None:
    html = page(f"<title>{HEADLINE}</title><meta name='{meta}' content='Harbour Ledger'>")
    assert read_page(html, Path("ferry.html")).source == "Harbour Ledger"


def test_meta_publisher_address_is_no_outlet() -> None:
    html = page(f"<title>{HEADLINE}</title>"
                "<meta name='publisher' content='https://plus.example.com/ledger'>")
    assert read_page(html, Path("ferry.html")).source == ""


def test_title_with_tagline_as_its_own_last_part() -> None:
    title = f"{HEADLINE} - Harbour Ledger - news from the northern isles"
    found = read_page(page(f"<title>{title}</title>"), Path("ferry.html"))
    assert (found.title, found.source) == (HEADLINE, "Harbour Ledger")


@pytest.mark.parametrize(("paragraphs", "kept"), [
    (["## March 9, 2026", PARAGRAPH], ["March 9, 2026", PARAGRAPH]),
    (["## After ninety years the new timetable ends the daily sailing.", PARAGRAPH],
     ["After ninety years the new timetable ends the daily sailing.", PARAGRAPH]),
    ([PARAGRAPH, "## After ninety years the new timetable ends the daily sailing."],
     [PARAGRAPH, "## After ninety years the new timetable ends the daily sailing."]),
    (["## What the council decided", PARAGRAPH], ["## What the council decided", PARAGRAPH]),
    (["## Wait for it...", PARAGRAPH], ["## Wait for it...", PARAGRAPH]),
])
def test_header_lines_set_as_headings_lose_only_their_mark(paragraphs: list[str],
                                                           kept: list[str]) -> None:
    assert drop_byline_headings(paragraphs, [])[0] == kept


def test_standfirst_h2_under_the_headline_is_no_section() -> None:
    html = page(f"<title>{HEADLINE}</title>", h1=f"<h1>{HEADLINE}</h1><h2 class='dek'>After "
                "ninety years the council's new timetable ends the daily sailing.</h2>")
    found = read_page(html, Path("ferry.html"))
    assert headings_of(found.body) == ["## What the council decided"]
    assert "ends the daily sailing" in f"{found.body} {found.summary}"


@pytest.mark.parametrize(("paragraphs", "kept"), [
    (["## Sign up to the Island Post", "Our best stories, every Friday. [Sign up](/news)"], []),
    ([PARAGRAPH, "## Get our newsletter", "Every Friday. [Join](/n)", "## Next"],
     [PARAGRAPH, "## Next"]),
    (["## Subscribe to the Island Post", "Every Friday. [Sign up](/n)", PARAGRAPH],
     ["## Subscribe to the Island Post", "Every Friday. [Sign up](/n)", PARAGRAPH]),
    (["## Sign up day at the harbour", PARAGRAPH], ["## Sign up day at the harbour", PARAGRAPH]),
])
def test_signup_pitch_without_a_form(paragraphs: list[str], kept: list[str]) -> None:
    assert drop_signup_pitches(paragraphs)[0] == kept


def test_skip_links_go_wherever_they_stand() -> None:
    from readsite.importers.tidy import drop_lead_controls

    kept, traces = drop_lead_controls(
        ["The council met on Monday.", "[Jump to navigation](https://w.example/a#mw-head)",
         "[Skip to main content](#main)", "The vote was close.",
         "Read [Jump to search](https://w.example/a#s) here.",
         "[Skip to the recipe](https://w.example/r)"], "Council vote")
    assert kept == ["The council met on Monday.", "The vote was close.",
                    "Read [Jump to search](https://w.example/a#s) here.",
                    "[Skip to the recipe](https://w.example/r)"]
    assert [t.rule for t in traces] == ["extractor: skip link"] * 2
