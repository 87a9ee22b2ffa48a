"""Kinds of pasted-page furniture and metadata seen on unseen pages: foreign abbreviated
months, "Posted on <date> by <name>", lone-name bylines, video/share/recipe/newsletter chrome,
stats widgets, scorelines over a match report, press-release banners; with near misses."""

from __future__ import annotations

import datetime as dt

import pytest

from readsite.normalise import is_boilerplate, is_name, normalise, parse_byline, parse_date
from readsite.normalise.blocks import Block
from readsite.normalise.headings import mark_headings
from readsite.normalise.title import is_scoreline

STORY = ("The council voted seven to two on Tuesday to approve the riverside park, ending a "
         "dispute that began when a developer proposed flats on the same land.\n\n"
         "Residents who opposed the flats said the vote was a relief, and several of them "
         "promised to help plant the first trees in the spring.\n")


@pytest.mark.parametrize("text,expected", [
    ("12 mar 2025", dt.date(2025, 3, 12)), ("3 févr. 2025", dt.date(2025, 2, 3)),
    ("5. Okt. 2025", dt.date(2025, 10, 5)), ("14 dic 2024", dt.date(2024, 12, 14)),
    ("7 ene 2025", dt.date(2025, 1, 7)), ("9 sett. 2025", dt.date(2025, 9, 9)),
    ("2 déc. 2024", dt.date(2024, 12, 2)),
    ("Lyon - 12 mar 2025 - 07:30 CET", dt.date(2025, 3, 12)),
    ("Issue #87 · February 6, 2025", dt.date(2025, 2, 6)),
    ("Jane Doe - May 5, 2026", None),  # a byline: the header fields split it
    ("The vote is on 12 mar 2025", None),
])
def test_dates_in_more_shapes(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_posted_on_date_by_name_is_date_and_author() -> None:
    assert parse_byline("Posted on August 22, 2025 by Dana Whitfield") == (
        "Dana Whitfield", dt.date(2025, 8, 22))
    assert parse_byline("Report by Sam Toller") == ("Sam Toller", None)


@pytest.mark.parametrize("label", ["Print Recipe", "Save Recipe", "Share Video", "Play Video"])
def test_a_button_label_is_never_a_name(label: str) -> None:
    assert not is_name(label)


@pytest.mark.parametrize("line", [
    "Video player is loading.", "Play Video", "Watch:", "SMS", "Copiar enlace", "Copier le lien",
    "Jump to recipe", "Print Recipe", "Pin", "Rate",
    "Did you make this recipe? Tag @kitchenfolk on Instagram!",
    "Forward this email to a friend", "Was this forwarded to you? Sign up here.",
    "Get your first month free with code SPRING", "###",
    "An official website of the State of Lakeland", "Enjoying The Saltmarsh Letter?",
    "Home | Space | Health", "Most viewed in Local",
])
def test_furniture_lines_are_dropped(line: str) -> None:
    n = normalise("Council approves new riverside park after two-year fight\n\n" + STORY
                  + f"\n{line}\n")
    assert line not in n.body


@pytest.mark.parametrize("line", [
    "Watch: the council will vote on Monday.",
    "Ingredients for success, she said, are patience and a good map.",
    "They had 54% of possession but only two shots on target.",
    "Print editions will carry the full list on Sunday.",
])
def test_near_misses_stay(line: str) -> None:
    assert not is_boilerplate(line)
    n = normalise("Council approves new riverside park after two-year fight\n\n" + STORY
                  + f"\n{line}\n")
    assert line.replace("%", "") in n.body.replace("\\", "").replace("%", "")


def test_lone_name_line_under_the_headline_is_the_byline() -> None:
    n = normalise("Council approves new riverside park after two-year fight\nMarta Ellison\n\n"
                  + STORY)
    assert n.author == "Marta Ellison"
    assert "Marta Ellison" not in n.body


def test_name_then_posted_on_line_and_furniture() -> None:
    n = normalise("Kestrel Valley Gazette\nCouncil approves new riverside park after two-year "
                  "fight\nThe plan adds four hectares of green space along the old wharf.\n"
                  "Marta Ellison\nPosted on August 22, 2025 by Marta Ellison\nVideo player is "
                  "loading.\nPlay Video\nCopy link\nSMS\n\n" + STORY
                  + "\nPortrait of Marta Ellison\n\nHome | Space | Health\n")
    assert (n.title, n.author, n.date) == (
        "Council approves new riverside park after two-year fight", "Marta Ellison",
        dt.date(2025, 8, 22))
    assert "## " not in n.body
    assert "Play Video" not in n.body and "SMS" not in n.body


def test_scorelines_above_a_match_report_are_not_the_headline() -> None:
    assert is_scoreline("Harbour City 2 Kingsport Rovers 1")
    assert is_scoreline("Obi 34', Marchetti 88'")
    assert not is_scoreline("Arsenal 2-1 Chelsea")
    assert not is_scoreline("Council approves 3 new parks")
    n = normalise("Harbour City 2 Kingsport Rovers 1\nObi 34', Marchetti 88'\nLate Marchetti "
                  "header sends Harbour City top of the table\nReport by Sam Toller\n5. Okt. "
                  "2025\nPossession\n54%\n46%\nShots\n12\n7\nMarchetti rose highest in the 88th "
                  "minute to win it. They had 54% of possession.\n\nThe win puts City two points "
                  "clear.\n")
    assert n.title == "Late Marchetti header sends Harbour City top of the table"
    assert (n.author, n.date) == ("Sam Toller", dt.date(2025, 10, 5))
    assert "Possession\n" not in n.body and "46" not in n.body
    assert "They had 54" in n.body


def test_recipe_sections_are_headings_the_dish_name_is_not() -> None:
    blocks = [Block("This salad is the one I make every summer."), Block("Lemon Barley Salad"),
              Block("Ingredients"), Block("1 cup pearl barley"), Block("Instructions"),
              Block("Cook the barley until tender, about 30 minutes."), Block("Notes"),
              Block("Keeps for three days.")]
    marked = {b.text: b.heading for b in mark_headings(blocks)}
    assert marked["Ingredients"] and marked["Instructions"] and marked["Notes"]
    assert not marked["Lemon Barley Salad"]


def test_press_release_agency_is_the_source_banner_dropped() -> None:
    n = normalise("An official website of the State of Lakeland\nPress Releases\nSign in\n"
                  "Lakeland Department of Water Resources\nDepartment announces drought grants "
                  "for rural towns\nLakeland City - 12 mar 2025 - 07:30 CET\nThe department will "
                  "give 4 million dollars to towns hit by the drought.\n\nTowns may apply from "
                  "April.\n\n###\n")
    assert n.title == "Department announces drought grants for rural towns"
    assert n.source == "Lakeland Department of Water Resources"
    assert (n.author, n.date) == ("", dt.date(2025, 3, 12))
    assert "official website" not in n.body and "###" not in n.body


def test_newsletter_frame_names_the_newsletter() -> None:
    n = normalise("View in browser\nThis week: tides, taxes and a new ferry\nThe Saltmarsh "
                  "Letter\nIssue #87 · February 6, 2025\nWhy the ferry timetable matters more "
                  "than you think\nHello again. This week I went down to the terminal to ask why "
                  "the 7:10 keeps leaving late.\n\nThe answer, it turns out, is paperwork.\n\n"
                  "Get your first month free with code TIDES\n\nForward this email to a friend\n\n"
                  "Enjoying The Saltmarsh Letter?\n\nThe Saltmarsh Letter, 12 Quay Road, Portwell "
                  "PW1 2AB\n")
    assert n.title == "Why the ferry timetable matters more than you think"
    assert (n.source, n.author, n.date) == ("The Saltmarsh Letter", "", dt.date(2025, 2, 6))
    assert "This week:" not in n.body and "code TIDES" not in n.body
    assert "Quay Road" not in n.body


@pytest.mark.parametrize("line,dropped", [
    ("El alcalde durante la inauguración del parque. FOTO: JUAN PÉREZ (EFE)", True),
    ("Crowds at the opening on Saturday (Photo: Jane Roe/Reuters)", True),
    ("The mayor studied the photo: it was, he said, the best one (by far).", False),
])
def test_captions_with_agency_credits(line: str, dropped: bool) -> None:
    n = normalise("Council approves new riverside park after two-year fight\n\n" + STORY
                  + f"\n{line}\n")
    assert (line[:30] not in n.body) is dropped
