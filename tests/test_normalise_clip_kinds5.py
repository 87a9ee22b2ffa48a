"""Fourth-round rules for pasted pages (cases 081-091): a title bar above the headline, sign-up
forms and their messages, "Follow <Outlet> on ..." and ownership footers, licensing buttons,
contact lines, long copyright notices, relative times beside a date, name-and-role lines and
new tail markers; each with the lines it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest

from readsite.normalise import RULES, normalise
from readsite.normalise.blocks import Block, is_hard_wrapped
from readsite.normalise.clipchrome import clip_chrome_rule
from readsite.normalise.dates import is_relative, parse_date
from readsite.normalise.masthead import copyright_name, named_tail
from readsite.normalise.metadata import parse_header_fields
from readsite.normalise.tails import is_tail_marker
from readsite.normalise.titlebar import strip_title_bar

LONG = ("The council approved the plan on Tuesday after a long debate, and work on the new "
        "bridge will start in the spring once the last contracts are signed.")
STORY = f"{LONG}\n\n{LONG}\n\nA third paragraph closes the story with a quote from the mayor.\n"
HEADLINE = "Council approves new footbridge over the river Arle"


def _blocks(*texts: str) -> list[Block]:
    return [Block(text=t, line=n) for n, t in enumerate(texts, 1)]


def test_new_rules_are_listed_for_explain() -> None:
    for name in ("title-bar", "licensing-button", "signup-form", "follow-line", "form-message",
                 "ownership-line", "copyright-notice", "contact-us"):
        assert name in RULES and RULES[name].doc


@pytest.mark.parametrize("bar", [f"{HEADLINE} | The Arle Post", f"{HEADLINE} - The Arle Post",
                                 f"{HEADLINE} — The Arle Post"])
def test_title_bar_over_its_headline_names_the_outlet(bar: str) -> None:
    blocks, source, traces = strip_title_bar(_blocks(bar, HEADLINE, LONG))
    assert source == "The Arle Post"
    assert [b.text for b in blocks] == [HEADLINE, LONG]
    assert traces[0].rule == "title-bar"


def test_lone_bar_title_is_cut_to_its_headline() -> None:
    blocks, source, _ = strip_title_bar(_blocks(f"{HEADLINE} | The Arle Post", LONG))
    assert source == "The Arle Post" and blocks[0].text == HEADLINE


@pytest.mark.parametrize("first", [
    "Bridge row - what happens next",  # a dash in a headline, no repeat below
    f"{HEADLINE} - and what it costs",  # the tail is not a name
    "Opinion | Why the footbridge matters to everyone in town",  # a section label first
    f"{HEADLINE} | Opinion",  # a section word is not an outlet
    "Jane Doe | March 3, 2026",  # a byline's fields
])
def test_title_bar_must_not_fire(first: str) -> None:
    blocks, source, traces = strip_title_bar(_blocks(first, LONG))
    assert source == "" and not traces and blocks[0].text == first


def test_title_bar_through_the_pipeline() -> None:
    raw = f"{HEADLINE} | The Arle Post\n{HEADLINE}\nBy Jo Bell\n3 March 2026\n{STORY}"
    result = normalise(raw)
    assert (result.title, result.source, result.author) == (HEADLINE, "The Arle Post", "Jo Bell")


@pytest.mark.parametrize(("line", "rule"), [
    ("Purchase Licensing Rights", "licensing-button"),
    ("Cranes at the port, May 2, 2026. AGENCY/Jo Vaz Purchase Licensing Rights",
     "licensing-button"),
    ("Enter your email address to subscribe and receive notifications of new posts by email.",
     "signup-form"),
    ("Invalid email", "form-message"),
    ("Something went wrong, please try again later.", "form-message"),
    ("Thanks for subscribing!", "form-message"),
    ("We use your sign-up to provide content in ways you've consented to and to improve our "
     "understanding of you. You can unsubscribe at any time.", "form-message"),
    ("Follow The Lantern on Instagram and X for more interviews like this one.", "follow-line"),
    ("Follow Arle Post on Facebook, X and Threads", "follow-line"),
    ("The Valley Courier is part of Hillcrest Media Group.", "ownership-line"),
    ("Arle Post is published by Riverside Publishing Ltd", "ownership-line"),
    ("Copyright 2026 The Arle Post. All Rights Reserved. This material may not be published, "
     "broadcast, rewritten, or redistributed.", "copyright-notice"),
    ("All content © The Arle Post 2026", "copyright-notice"),
    ("Contact us: newsdesk@arlepost.example", "contact-us"),
    ("Contact: newsdesk@arlepost.example", "contact-us"),
])
def test_clip_chrome(line: str, rule: str) -> None:
    found = clip_chrome_rule(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize("line", [
    "The agency said it would purchase licensing rights to the songs next year.",
    "Residents can read the new opening times in the council's newsletter next week.",
    "If you subscribe to a seed catalogue, look for early varieties; they force best.",
    "A few of you asked in the comments last year whether the crowns recover.",
    "Follow the river on foot for two miles until you reach the weir.",
    "Fans can follow the club on its website, where tickets go on sale today.",
    "The transport authority is part of the combined authority and gets the money in April.",
    "The school is part of the trust's plan for a new sixth form.",
    "Readers can write to the newsroom at tips@arlepost.example or call the news desk.",
    "Something went wrong with the boiler, she said, so please try again later was all he heard.",
    "Updated at 11.40am: The coastguard said a helicopter had flown medicines to the island.",
    "What does it mean for patients?",
])
def test_clip_chrome_leaves_story_lines(line: str) -> None:
    assert clip_chrome_rule(line) is None


@pytest.mark.parametrize(("line", "name"), [
    ("Follow The Lantern on Instagram and X for more interviews like this one.", "The Lantern"),
    ("The Valley Courier is part of Hillcrest Media Group.", "The Valley Courier"),
])
def test_outlet_named_by_follow_and_ownership_lines(line: str, name: str) -> None:
    found = named_tail([(9, line)])
    assert found is not None and found[0] == name


@pytest.mark.parametrize(("line", "name"), [
    ("(c) 2026 The Arle Post, a Hillcrest Media title", "The Arle Post"),
    ("All content © The Arle Post 2026", "The Arle Post"),
    ("Copyright 2026 The Arle Post. All Rights Reserved. This material may not be published, "
     "broadcast, rewritten, or redistributed.", "The Arle Post"),
])
def test_copyright_names_with_owner_or_notice(line: str, name: str) -> None:
    assert copyright_name(line) == name


@pytest.mark.parametrize(("line", "day"), [
    ("Tue 10 Nov 2026 // 09:32 UTC", dt.date(2026, 11, 10)),
    ("18 November 2026 · 3 hours ago", dt.date(2026, 11, 18)),
    ("Published 18 November 2026, 3 hours ago", dt.date(2026, 11, 18)),
    ("Updated 1 hour ago, Published 14:20, 18 November 2026", dt.date(2026, 11, 18)),
    ("Updated at 10.05am, 4 Nov 2026", dt.date(2026, 11, 4)),
    ("18th of November 2026", dt.date(2026, 11, 18)),
])
def test_more_date_shapes(line: str, day: dt.date) -> None:
    assert parse_date(line) == day


@pytest.mark.parametrize("line", ["3 hours ago", "Updated 2 hours ago", "Published 3 hours ago",
                                  "Updated at 11.40am: The coastguard flew medicines in",
                                  "He left 3 hours ago on 18 November 2026"])
def test_relative_times_are_never_dates(line: str) -> None:
    assert parse_date(line) is None


def test_relative_field_is_not_an_outlet() -> None:
    assert is_relative("Updated 2 hours ago")
    fields = parse_header_fields("10:42, 5 Feb 2026 | Updated 2 hours ago", frozenset())
    assert fields == [("date", dt.date(2026, 2, 5))]


@pytest.mark.parametrize(("header", "author", "day"), [
    ("Posted by Jo Bell on 3 March 2026", "Jo Bell", dt.date(2026, 3, 3)),
    ("Jo Bell, Political Editor\nTue 3 Mar 2026 09.32 GMT", "Jo Bell", dt.date(2026, 3, 3)),
    ("Jo Bell | Arle Post | 3 March 2026", "Jo Bell", dt.date(2026, 3, 3)),
])
def test_byline_shapes(header: str, author: str, day: dt.date) -> None:
    result = normalise(f"{HEADLINE}\n{header}\n{STORY}")
    assert (result.author, result.date) == (author, day)
    assert "Jo Bell" not in result.body


def test_footer_lines_are_not_a_wrapped_paragraph() -> None:
    assert not is_hard_wrapped(["All content © The Northgate Herald 2026",
                                "The Northgate Herald is part of Ashby Media Group.",
                                "Contact: newsdesk@northgate-herald.example"])


@pytest.mark.parametrize("line", ["More about", "Topics", "Tags", "More on this story"])
def test_new_tail_markers(line: str) -> None:
    assert is_tail_marker(line)


@pytest.mark.parametrize("line", ["Topics for the next meeting include parking.",
                                  "Tags were printed on every box.", "Tags: parking"])
def test_tail_markers_are_whole_lines(line: str) -> None:
    assert not is_tail_marker(line)


def test_section_labels_are_not_the_outlet() -> None:
    raw = (f"Culture\nInterviews\n{HEADLINE}\nInterview by Jo Bell\n12 October 2026\n{STORY}")
    assert normalise(raw).source == ""


def test_masthead_name_under_a_menu_is_not_the_headline() -> None:
    story = ("La rivière est sortie de son lit dans la nuit de mardi, pour la troisième fois "
             "depuis janvier, et la crue a touché les villages de la vallée de la Lèze.\n\n"
             "Les habitants ont sorti les meubles sur les trottoirs après la décrue.\n")
    raw = ("Menu\nSearch\nNews\nSport\nLe Courrier du Val\nCarnet de crue : trois jours au bord "
           "de la Lèze\nPar Mathilde Roussel\nPublié le 16 mars 2026\n" + story)
    result = normalise(raw)
    assert result.title == "Carnet de crue : trois jours au bord de la Lèze"
    assert result.source == "Le Courrier du Val"


def test_whats_on_section_is_not_the_outlet() -> None:
    raw = (f"News\nSport\nWhat's On\n{HEADLINE}\nBy Jo Bell\n3 March 2026\n{STORY}\n"
           "© 2026 The Arle Post. All rights reserved.\n")
    assert normalise(raw).source == "The Arle Post"


@pytest.mark.parametrize("line", ["More about that later.", "More on that in a moment.",
                                  "Más sobre esto, mañana.", "Plus de détails demain."])
def test_a_story_sentence_opening_like_a_tail_marker_is_not_one(line: str) -> None:
    """A tail marker cuts everything after it, so a sentence must never read as one."""
    assert not is_tail_marker(line)


@pytest.mark.parametrize("line", ["More from The Verge", "More in Politics", "Mehr aus Berlin",
                                  "More from U.S. News"])
def test_tail_markers_naming_a_section_or_outlet(line: str) -> None:
    assert is_tail_marker(line)
