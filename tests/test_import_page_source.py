"""A page's publication and author when its metadata names neither: the `<title>` suffix, the
site logo, `application-name`, a footer copyright line, `twitter:site`, and a byline
element; each with a near miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.importers.html import read_page
from readsite.importers.page import read_page_info
from readsite.importers.pagesite import (
    byline_author,
    footer_name,
    logo_name,
    name_like,
    read_shown,
    title_suffix,
)
from readsite.importers.record import Imported

HEADLINE = "Ferry timetable changes for winter"
STORY = ("The harbour ferry will run every forty minutes instead of every half hour from the "
         "first week of November, the operator said on Tuesday, citing the cost of fuel.")
MORE = ("Commuters who use the seven o'clock crossing will see no change, but the last "
        "evening sailing moves forward by twenty minutes and the Sunday service is cut.")
LAST = ("The operator expects to restore the summer timetable in April, once its second "
        "vessel returns from a refit at the yard across the estuary.")


def page(title: str = HEADLINE, head: str = "", header: str = "", byline: str = "",
         footer: str = "") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body>"
            f"<header>{header}<nav><a href='/news'>News</a> <a href='/about'>About</a></nav>"
            f"</header><main><article><h1>{HEADLINE}</h1>{byline}"
            f"<p>{STORY}</p><p>{MORE}</p><p>{LAST}</p></article></main>"
            f"<footer>{footer}</footer></body></html>")


def rules(record: Imported) -> dict[str, str]:
    return {t.field: t.rule for t in record.trace if t.action == "found"}


# ------------------------------------------------------------------ name-like


@pytest.mark.parametrize("text,expected", [
    ("The Harbour Gazette", True), ("Voice of the Estuary", True), ("Home", False),
    ("Blog", False), ("My Blog", False), ("Jane's Kitchen", True), ("News", False),
    ("Part Two", False),
    ("the harbour gazette", False), ("A Very Long Name That Goes On Forever More", False),
])
def test_name_like(text: str, expected: bool) -> None:
    assert name_like(text) is expected


# ------------------------------------------------------------------ title suffix


@pytest.mark.parametrize("title", [f"{HEADLINE} – Harbour Gazette",
                                   f"{HEADLINE} | Harbour Gazette",
                                   f"{HEADLINE} : Harbour Gazette"])
def test_the_title_suffix_gives_the_source(tmp_path: Path, title: str) -> None:
    record = read_page(page(title), tmp_path / "ferry.html")
    assert record.source == "Harbour Gazette"
    assert record.title == HEADLINE
    assert rules(record)["source"] == "html: title suffix"


def test_an_outlet_before_the_headline_needs_the_page_to_show_it(tmp_path: Path) -> None:
    record = read_page(page(f"Harbour Gazette: {HEADLINE}", footer="<p>Harbour Gazette</p>"),
                       tmp_path / "ferry.html")
    assert record.source == "Harbour Gazette"
    assert title_suffix(read_page_info(page(f"Harbour Gazette: {HEADLINE}"))) == ""


def test_a_title_that_is_only_the_headline_gives_no_source(tmp_path: Path) -> None:
    record = read_page(page(HEADLINE), tmp_path / "ferry.html")
    assert record.source == ""
    assert title_suffix(read_page_info(page(f"Ferry timetable changes: {HEADLINE}"))) == ""


def test_home_is_never_the_source() -> None:
    info = read_page_info(page("Home | My Blog", footer="<p>My Blog</p>"))
    assert title_suffix(info) != "Home"
    shows = page("Home | Jane's Kitchen", footer="<p>Jane's Kitchen</p>")
    assert title_suffix(read_page_info(shows)) == "Jane's Kitchen"
    assert title_suffix(read_page_info(page(f"{HEADLINE} | Home"))) == ""
    assert title_suffix(read_page_info(page(f"{HEADLINE} - Part Two"))) == ""


# ------------------------------------------------------------------ logo


def test_the_logo_alt_gives_the_source(tmp_path: Path) -> None:
    header = "<a href='/' class='logo'><img src='/img/mark.png' alt='Harbour Gazette logo'></a>"
    record = read_page(page(header=header), tmp_path / "ferry.html")
    assert record.source == "Harbour Gazette"
    assert rules(record)["source"] == "html: logo alt"


def test_the_site_title_link_gives_the_source(tmp_path: Path) -> None:
    header = "<p class='site-title'><a href='/' rel='home'>Estuary Notes</a></p>"
    record = read_page(page(header=header), tmp_path / "ferry.html")
    assert record.source == "Estuary Notes"


def test_a_logo_alt_of_home_or_logo_is_no_source() -> None:
    shown = read_shown(page(header="<a href='/' rel='home'><img src='/logo.svg' alt='Home'>"
                                   "</a><div class='logo'><img src='x.png' alt='logo'></div>"))
    assert logo_name(shown, [HEADLINE]) == ""


def test_a_social_icon_in_the_header_is_no_logo() -> None:
    shown = read_shown(page(header="<a href='https://social.example/gazette'>"
                                   "<img src='/icons/social.svg' alt='Mastodon'></a>"))
    assert logo_name(shown, [HEADLINE]) == ""
    shown = read_shown(page(header="<a href='https://gazette.example/'>"
                                   "<img src='/img/mark.png' alt='Harbour Gazette'></a>"))
    assert logo_name(shown, [HEADLINE]) == "Harbour Gazette"


def test_application_name_comes_after_the_title_suffix(tmp_path: Path) -> None:
    head = "<meta name='application-name' content='Gazette App'>"
    record = read_page(page(head=head), tmp_path / "a.html")
    assert record.source == "Gazette App"
    assert rules(record)["source"] == "html: application-name"
    record = read_page(page(f"{HEADLINE} | Harbour Gazette", head=head), tmp_path / "b.html")
    assert record.source == "Harbour Gazette"


# ------------------------------------------------------------------ footer, twitter:site


@pytest.mark.parametrize("line,name", [
    ("© 2025 Harbour Gazette", "Harbour Gazette"),
    ("Copyright 2025 Harbour Gazette Ltd. All rights reserved.", "Harbour Gazette"),
    ("Copyright © 2019–2025 Harbour Gazette Inc. All rights reserved.", "Harbour Gazette"),
    ("© 2025 All rights reserved.", ""),
    ("© 2025 · Privacy · Terms", ""),
])
def test_footer_copyright_names(line: str, name: str) -> None:
    assert footer_name(read_page_info(page(footer=f"<p>{line}</p>"))) == name


def test_the_footer_copyright_gives_the_source(tmp_path: Path) -> None:
    record = read_page(page(footer="<p>Copyright 2025 Harbour Gazette. All rights reserved."
                                   "</p>"), tmp_path / "ferry.html")
    assert record.source == "Harbour Gazette"
    assert rules(record)["source"] == "html: footer copyright"


def test_a_personal_copyright_is_a_source_only_without_a_better_one(tmp_path: Path) -> None:
    record = read_page(page(footer="<p>© 2025 Jane Doe</p>"), tmp_path / "a.html")
    assert record.source == "Jane Doe" and record.author == ""
    record = read_page(page(f"{HEADLINE} | Jane's Kitchen", footer="<p>© 2025 Jane Doe</p>"),
                       tmp_path / "b.html")
    assert record.source == "Jane's Kitchen" and record.author == ""


def test_twitter_site_is_the_last_resort_without_its_at(tmp_path: Path) -> None:
    head = "<meta name='twitter:site' content='@harbourgazette'>"
    record = read_page(page(head=head), tmp_path / "a.html")
    assert record.source == "harbourgazette"
    record = read_page(page(head=head, footer="<p>© 2025 Harbour Gazette</p>"),
                       tmp_path / "b.html")
    assert record.source == "Harbour Gazette"


# ------------------------------------------------------------------ byline element


@pytest.mark.parametrize("byline", [
    "<p class='byline'>Jane Doe</p>",
    "<div><span class='author'>Jane Doe</span></div>",
    "<div>Words: <a rel='author' href='/people/jd'>Jane Doe</a></div>",
    "<address>Jane Doe</address>",
])
def test_a_byline_element_gives_the_author(tmp_path: Path, byline: str) -> None:
    record = read_page(page(byline=byline), tmp_path / "ferry.html")
    assert record.author == "Jane Doe"
    assert rules(record)["author"] == "html: byline element"


def test_a_byline_element_yields_to_metadata_and_never_takes_an_address(
        tmp_path: Path) -> None:
    head = "<meta name='author' content='Tom Hale'>"
    record = read_page(page(head=head, byline="<p class='byline'>Jane Doe</p>"),
                       tmp_path / "a.html")
    assert record.author == "Tom Hale"
    shown = read_shown(page(byline="<address>12 Quay Street, Porthaven</address>"))
    assert byline_author(shown) == ""
    shown = read_shown(page(footer="<address>Harbour Gazette Ltd</address>"
                                   "<div class='comments'><span class='comment-author'>Ann Lee"
                                   "</span></div>"))
    assert byline_author(shown) == ""
    shown = read_shown(page(byline="<p class='byline'>By Jane Doe and Tom Hale | 3 May</p>"))
    assert byline_author(shown) == "Jane Doe, Tom Hale"
