"""Second-round rules for pasted pages (cases 068-072): review bylines and ratings, a newswire's
issuing company, a one-word outlet under a menu, "Name at Venue" bylines, stats panel titles,
short sections in bodies that have headings, day-first numeric dates; each with the lines it
must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest

from readsite.normalise import normalise
from readsite.normalise.blocks import Block
from readsite.normalise.byline import parse_byline
from readsite.normalise.dates import parse_date
from readsite.normalise.headings import mark_headings
from readsite.normalise.linerules import line_rule
from readsite.normalise.masthead import named_in_chrome, provided_by, under_menu
from readsite.normalise.widgets import is_rating_line

LONG = ("The council approved the plan on Tuesday after a long debate, and work on the new "
        "bridge will start in the spring once the last contracts are signed.")


def _blocks(*texts: str) -> list[Block]:
    return [Block(text=t, line=n) for n, t in enumerate(texts, 1)]


def _headings(*texts: str) -> list[str]:
    return [b.text for b in mark_headings(_blocks(*texts)) if b.heading]


@pytest.mark.parametrize("line,name", [
    ("Reviewed by Tomasz Wielgosz", "Tomasz Wielgosz"),
    ("Review by Kim Park | 3 May 2026", "Kim Park"),
    ("Interview by Sam Oduya", "Sam Oduya"),
])
def test_review_and_interview_bylines(line: str, name: str) -> None:
    found = parse_byline(line)
    assert found is not None and found[0] == name


@pytest.mark.parametrize("line", [
    "Reviewed by Dr. Ann Lee, MD", "Reviewed by Ann Lee, PhD",
    "Reviewed by the planning committee last week",
])
def test_reviewers_with_credentials_are_not_the_author(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize("line", ["★★★★½", "★★★☆☆ (3/5)", "Rating: 8/10", "4.5 out of 5 stars",
                                  "Score: 7/10"])
def test_rating_lines(line: str) -> None:
    assert is_rating_line(line)


@pytest.mark.parametrize("line", ["It earns 4 out of 5 from me.", "Rating agencies cut the bonds",
                                  "Five stars for the soup, two for the service"])
def test_rating_prose_is_kept(line: str) -> None:
    assert not is_rating_line(line)


def test_app_alerts_and_like_loading_are_chrome() -> None:
    assert line_rule("Get Coastline Sport alerts on your phone") is not None
    assert line_rule("Like Loading...") is not None
    assert line_rule("Get alerts on your phone when the vote is called, says the minister") is None


def test_provided_by_names_the_issuing_company() -> None:
    found = provided_by([(7, "Kelbrook Foods plc"), (6, "NEWS PROVIDED BY")])
    assert found is not None and found[0] == "Kelbrook Foods plc"
    assert provided_by([(3, "Data provided by the ministry")]) is None


def test_newswire_issuer_outranks_the_wire_masthead() -> None:
    raw = ("PressPoint Wire\nNews\nIndustries\nSend a Release\n"
           "Kelbrook Foods to double oat milk output at Lindale plant\nNEWS PROVIDED BY\n"
           "Kelbrook Foods plc\n04 Mar, 2026, 08:30 GMT\nShare this article\n"
           f"LINDALE, England, March 4, 2026 /PressPoint Wire/ -- {LONG}\n\n{LONG}\n")
    assert normalise(raw).source == "Kelbrook Foods plc"


def test_one_word_outlet_under_a_breadcrumb() -> None:
    crumb = Block(text="Soundcheckr", line=2)
    assert under_menu(crumb, {1}, ["Home › Reviews › Audio"])
    assert not under_menu(Block(text="Audio", line=2), {1}, ["Home › Reviews › Audio"])
    assert not under_menu(crumb, {5}, ["Home › Reviews › Audio"])  # not right under the menu
    assert not under_menu(Block(text="OPINION", line=2), {1}, ["Home"])


def test_site_name_repeated_inside_chrome() -> None:
    assert named_in_chrome("Coastline Sport", ["Get Coastline Sport alerts on your phone"])
    assert not named_in_chrome("Football", ["Get Football alerts on your phone"])  # one word
    assert not named_in_chrome("Coastline Sport", ["Coastline Sport"])  # the line itself


def test_name_at_venue_byline_over_a_date() -> None:
    raw = ("Coastline Sport\nHarbourside hold on with ten men to beat Millbridge\n"
           "Roisin Delaney at Quay Park\nSaturday 14 March 2026\n"
           f"{LONG}\n\n{LONG}\n")
    assert normalise(raw).author == "Roisin Delaney"


def test_stats_panel_title_goes_with_the_panel() -> None:
    raw = (f"Harbourside beat Millbridge\n\n{LONG}\n\n{LONG}\n\nMatch stats\nPossession\n38%\n"
           "62%\nShots\n7\n19\n")
    n = normalise(raw)
    dropped = {t.text: t.rule for t in n.trace if t.action == "dropped"}
    assert dropped.get("Match stats") == "stats-widget"
    assert "Possession" not in n.body


def test_match_stats_sentence_stays() -> None:
    raw = f"Harbourside beat Millbridge\n\n{LONG}\n\nMatch stats\n\n{LONG}\n"
    assert "Match stats" in normalise(raw).body


def test_scoreline_is_not_a_heading() -> None:
    assert _headings("Harbourside 2-1 Millbridge", LONG, "Red card changes the game", LONG) == [
        "Red card changes the game"]


def test_item_labels_over_short_lines_are_headings() -> None:
    got = _headings(LONG, "Pros", "Light and foldable", "Cons", "No aptX support", LONG)
    assert got == ["Pros", "Cons"]
    assert _headings(LONG, "Tracklist", "1. Lantern Hours", "2. Salt in the Well") == [
        "Tracklist"]


def test_label_over_short_line_that_is_not_an_item_label() -> None:
    assert _headings(LONG, "Sources", "the ministry", LONG) == []


def test_short_section_when_the_body_has_headings() -> None:
    short = "Work starts in April 2027. The bridge opens in the summer of 2028."
    got = _headings(LONG, "Des riverains inquiets", LONG, "Le calendrier", short)
    assert got == ["Des riverains inquiets", "Le calendrier"]


@pytest.mark.parametrize("line", ["Photo of the bridge", "Words by Ana Gil", "Le temps qu’il fait,",
                                  "le calendrier"])
def test_short_section_must_not_fire(line: str) -> None:
    short = "Work starts in April 2027. The bridge opens in the summer of 2028."
    assert line not in _headings(LONG, "Des riverains inquiets", LONG, line, short)


def test_short_section_needs_a_finished_paragraph_of_eight_words() -> None:
    got = _headings(LONG, "Des riverains inquiets", LONG, "Why now", "Work starts in April")
    assert "Why now" not in got


def test_short_section_needs_other_headings() -> None:
    short = "Work starts in April 2027. The bridge opens in the summer of 2028."
    assert _headings(LONG, "Le calendrier", short) == []


@pytest.mark.parametrize("line,date", [
    ("Publié le 12/03/2026 à 18h20", dt.date(2026, 3, 12)),
    ("Pubblicato il 05/02/2026 alle 10:00", dt.date(2026, 2, 5)),
    ("Mis à jour le 01/04/2026", dt.date(2026, 4, 1)),
])
def test_day_first_numeric_dates_after_a_label(line: str, date: dt.date) -> None:
    assert parse_date(line) == date


@pytest.mark.parametrize("line", ["12/03/2026", "Published 03/12/2026", "Publié le 31/02/2026"])
def test_slashed_dates_without_a_day_first_label(line: str) -> None:
    assert parse_date(line) is None
