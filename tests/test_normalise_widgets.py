"""Widgets, shop buttons, support pitches and page prompts are dropped (traced); a story's own
numbered lists and labels are kept, its labels made headings; near-miss sentences stay."""

from __future__ import annotations

import pytest

from readsite.normalise import normalise
from readsite.normalise.blocks import Block
from readsite.normalise.chrome import numbered_tail
from readsite.normalise.headings import mark_headings

STORY = ("The orchard opened its gates on Saturday after a year of repairs, and the first "
         "visitors queued for an hour to walk between the rows of old pear trees.\n\n"
         "Volunteers rebuilt the stone walls by hand, and the trust says the work will let the "
         "orchard stay open every weekend through the autumn and winter.\n\n")
TITLE = "Old orchard reopens after a year of repairs\n\n"


def _dropped(raw: str) -> dict[str, str]:
    n = normalise(raw)
    return {t.text: t.rule for t in n.trace if t.action == "dropped"}


@pytest.mark.parametrize("line,rule", [
    ("XYZ 17.40 ▼ 1.2%", "market-widget"), ("Dow 42,310.55 -0.4%", "market-widget"),
    ("Market data provided by Tickerhouse", "market-widget"),
    ("$129 at Gearshop", "affiliate-button"), ("Check price at Gearshop", "affiliate-button"),
    ("Buy now", "affiliate-button"), ("Support independent journalism", "support-pitch"),
    ("Become a member", "support-pitch"), ("Give $10 a month", "support-pitch"),
    ("Donate now", "support-pitch"), ("Type your email…", "site-prompt"),
    ("Ready for more?", "site-prompt"), ("Write to Ann Lee at ann@example.org", "site-prompt"),
    ("Contact our Employment team", "site-prompt"), ("Get the app", "site-prompt"),
    ("Open in the app", "site-prompt"), ("You have 3 free articles left this month",
                                          "site-prompt"),
    ("Your privacy is important to us", "site-prompt"), ("Listen on Radiowave", "site-prompt"),
    ("Share by email", "site-prompt"),
])
def test_widget_and_pitch_lines_are_dropped_and_traced(line: str, rule: str) -> None:
    assert _dropped(TITLE + STORY + line + "\n\n" + STORY).get(line) in (rule, "notice",
                                                                     "page-chrome")


@pytest.mark.parametrize("line", [
    "Support for the bypass grew after the second crash on the bend.",
    "Donations rose 12% last year.",
    "Subscribe is the verb the app uses for following a feed.",
    "Buy now, pay later schemes worry the regulator.",
    "Give the trees time, the gardener said.",
])
def test_near_miss_sentences_stay(line: str) -> None:
    n = normalise(TITLE + STORY + line + "\n\n" + STORY)
    assert line in n.body


@pytest.mark.parametrize("tail", ["Les plus lus", "Best new albums", "Trending"])
def test_headline_tails_are_cut(tail: str) -> None:
    n = normalise(TITLE + STORY + tail + "\n\n1. A headline here\n\n2. Another headline\n\n"
                  "3. A third headline\n")
    assert "A headline here" not in n.body


@pytest.mark.parametrize("label", ["Tracklist", "Setlist", "Steps", "Contents of the box"])
def test_a_labelled_numbered_list_at_the_end_is_content(label: str) -> None:
    page = [Block(text, line=i + 1) for i, text in enumerate(
        [*STORY.split("\n\n")[:2], label, "1. Morning Tide", "2. Salt Road", "3. Cold Reel",
         "4. Last Light"])]
    assert numbered_tail(page) == set()
    n = normalise(TITLE + STORY + label + "\n\n1. Morning Tide\n\n2. Salt Road\n\n"
                  "3. Cold Reel\n\n4. Last Light\n")
    assert "Cold Reel" in n.body and label in n.body


def test_a_numbered_how_to_inside_the_story_stays() -> None:
    n = normalise(TITLE + STORY + "1. Prune in late winter\n\n2. Feed in spring\n\n"
                  "3. Water in dry spells\n\n" + STORY)
    assert "Feed in spring" in n.body


@pytest.mark.parametrize("label", ["Sources", "References", "Pros", "Cons", "Verdict",
                                   "The bottom line", "Tracklist"])
def test_story_labels_become_headings(label: str) -> None:
    n = normalise(TITLE + STORY + label + "\n\nThe trust's own survey of the orchard found "
                  "forty-one varieties of pear, many of them rare.\n\n" + STORY)
    assert f"## {label}" in n.body


@pytest.mark.parametrize("line", ["ABC 52.18 ▲ 3.4%", "Score: 7.8", "8/10", "Give $5 a month",
                                  "Words by Ann Lee"])
def test_figure_and_button_lines_are_never_headings(line: str) -> None:
    para = STORY.split("\n\n")[0]
    marked = mark_headings([Block(para, line=1), Block(line, line=2),
                            Block(para + " " + para, line=3)])
    assert not marked[1].heading


def test_a_firm_partner_bio_and_contact_pitch_at_the_end_are_dropped() -> None:
    raw = (TITLE + STORY + "Ann Lee is a partner in the firm's Employment practice, advising "
           "employers on workplace disputes.\n\nContact our Employment team\n")
    dropped = _dropped(raw)
    assert dropped.get("Contact our Employment team") in ("partner-bio", "site-prompt")
    assert any(text.startswith("Ann Lee is a partner") for text in dropped)


def test_a_partner_named_inside_the_story_stays() -> None:
    line = "Ann Lee is a partner at the firm and has argued such cases for a decade."
    n = normalise(TITLE + STORY + line + "\n\n" + STORY + STORY)
    assert line in n.body
