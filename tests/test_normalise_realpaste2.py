"""A second round tuned on real select-all pastes (whole pages copied from a browser): the
header's facts on one glued line (`factrow`), a headline whose byline stands over it
(`headerlines.FACT_ABOVE`), a headline the page repeats or a topic kicker over it in a long
lead (`leadchrome`), 'Back to overview' and 'Search for:' rows, a blog's '34 responses to
"Title"' comment marker, and bylines in German or French ('Von', 'Par ... et ...').

All text here is invented, in the shape of real pages."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from readsite.normalise import RULES, normalise
from readsite.normalise.factrow import is_fact_row, without_handle
from readsite.normalise.headerlines import has_fact_above, is_header_fact
from readsite.normalise.headline import headline_score
from readsite.normalise.leadchrome import long_lead, strip_long_lead
from readsite.normalise.linerules import is_boilerplate
from readsite.normalise.runon import parse_run_on_byline
from readsite.normalise.tails import is_responses_marker
from tests.test_normalise_realpaste import MENU, STORY, blocks

HEADLINE = "East ferry to keep running through the winter"


# fact-row

def test_glued_bylines_and_dates_are_fact_rows() -> None:
    for line in ("Updated Mar 4, 9:41 AM;Posted Mar 3, 8:19 PM",
                 "March 4, 2026 | BY: Harbourside Kitchen",
                 "Von Lena Brandt publiziert am 4. März 2026",
                 "Last Updated : Mar 4, 2026 01:41 PM IST | Source: Estuary Daily",
                 "Updated Mar 4, 9:41 AM"):
        assert is_fact_row(line), line
        assert is_header_fact(line), line


def test_menus_headlines_and_bare_dates_are_no_fact_rows() -> None:
    for line in ("Home | News | Sport", HEADLINE, "The March 3 meeting | Agenda", "Jan 5",
                 "Ferry saved: the council agreed on March 4, 2026 to keep it running.",
                 "Tickets | Timetable | Fares | Season passes for the winter months ahead"):
        assert not is_fact_row(line), line


def test_a_fact_row_is_never_the_headline() -> None:
    lines = ["Updated Mar 4, 9:41 AM;Posted Mar 3, 8:19 PM", "By Ana Ruiz", STORY[0]]
    assert headline_score(blocks(lines), 0, STORY[0]) is None


def test_a_three_sentence_quip_is_a_headline_only_over_its_date() -> None:
    quip = "Ferry saved. Again. Nobody is surprised."
    over_date = blocks([quip, "Updated Mar 4, 9:41 AM;Posted Mar 3, 8:19 PM", STORY[0]])
    assert headline_score(over_date, 0, STORY[0]) is not None
    assert headline_score(blocks([quip, STORY[0]]), 0, STORY[0]) is None


# fact-above-headline, navigation rows

def test_a_byline_over_the_headline_proves_it() -> None:
    lines = ["Von Lena Brandt publiziert am 4. März 2026", HEADLINE, STORY[0]]
    assert has_fact_above(blocks(lines), 1)
    assert not has_fact_above(blocks(lines), 0)


def test_back_to_overview_and_search_rows_are_chrome() -> None:
    for line in ("Zurück zur Übersicht", "Back to overview", "Search for:",
                 "Search for: Search", "Return to all posts"):
        assert is_boilerplate(line), line
    for line in ("Back to the list of things we did", "Search for meaning"):
        assert not is_boilerplate(line), line


def test_back_link_and_byline_above_the_headline_end_to_end() -> None:
    raw = "\n".join(["Zurück zur Übersicht", "Von Lena Brandt publiziert am 4. März 2026",
                     HEADLINE, *STORY])
    found = normalise(raw + "\n")
    assert found.title == HEADLINE
    assert found.author == "Lena Brandt"
    assert found.date == dt.date(2026, 3, 4)
    assert "Übersicht" not in found.body
    assert all(paragraph in found.body for paragraph in STORY)


def test_bylines_in_german_and_french_with_two_writers() -> None:
    assert parse_run_on_byline("Von Lena Brandt publiziert am 4. März 2026") == (
        "Lena Brandt", dt.date(2026, 3, 4))
    assert parse_run_on_byline("Par Claire Morel et Hugo Petit — 4 mars 2026 à 18:42") == (
        "Claire Morel and Hugo Petit", dt.date(2026, 3, 4))
    assert parse_run_on_byline("Von Berlin aus fährt der Zug jeden Morgen nach Hamburg") is None


# long-lead-repeat, long-lead-kicker, long-lead-chrome with the fact above

def test_a_headline_the_page_repeats_beats_a_menu_line_over_it() -> None:
    lines = [*MENU, "Places near me  Random place", HEADLINE, "By Ana Ruiz March 4, 2026",
             HEADLINE, *STORY]
    assert long_lead(blocks(lines)) == len(MENU) + 1
    kept, _, traces = strip_long_lead(blocks(lines))
    assert kept[0].text == HEADLINE
    assert "long-lead-chrome" in {t.rule for t in traces}


def test_a_topic_kicker_does_not_make_the_headline_its_dek() -> None:
    kicker = "Winter Ferry"
    headline = "Council votes to keep the Winter Ferry running until spring after petition"
    lines = [*MENU, kicker, headline, "By Ana Ruiz | Estuary Daily", *STORY]
    assert long_lead(blocks(lines)) == len(MENU) + 1


def test_a_headline_under_its_byline_in_a_long_lead() -> None:
    lines = [*MENU, "Last Updated : Mar 4, 2026 01:41 PM IST | Source: Estuary Daily",
             HEADLINE, *STORY]
    assert long_lead(blocks(lines)) == len(MENU) + 1


def test_a_caption_under_a_byline_under_the_headline_is_not_taken() -> None:
    lines = [*MENU, "Winter crossings: what the council decided and why",
             "Par Claire Morel et Hugo Petit — 4 mars 2026 à 18:42",
             "The east ferry at dawn, seen from the harbour wall DR", *STORY]
    assert long_lead(blocks(lines)) != len(MENU) + 2


def test_whole_page_with_glued_facts_end_to_end() -> None:
    raw = "\n".join(["Skip to main content", *MENU, "Sign in", "Edit profile",
                     "Ferry saved. Again. Nobody is surprised.",
                     "Updated Mar 4, 9:41 AM;Posted Mar 3, 8:19 PM",
                     "By Ana Ruiz | Estuary Daily", *STORY])
    found = normalise(raw + "\n")
    assert found.title == "Ferry saved. Again. Nobody is surprised."
    assert found.author == "Ana Ruiz"
    assert "Podcasts" not in found.body
    assert all(paragraph in found.body for paragraph in STORY)


# handle-name

def test_a_name_with_its_handle_is_a_header_fact_and_the_author() -> None:
    assert without_handle("Ana Ruiz @anaruiz") == "Ana Ruiz"
    assert without_handle("Ana Ruiz, @ana_ruiz") == "Ana Ruiz"
    assert is_header_fact("Ana Ruiz @anaruiz")
    assert not is_header_fact("Follow @estuarydaily")
    raw = "\n".join([HEADLINE, "Ana Ruiz @anaruiz", *STORY])
    found = normalise(raw + "\n")
    assert found.title == HEADLINE
    assert found.author == "Ana Ruiz"
    assert all(paragraph in found.body for paragraph in STORY)


# related-tail: a blog's comment count

def test_a_blogs_responses_line_naming_the_headline_is_where_comments_start() -> None:
    for line in ("34 responses to “East ferry to keep running through the winter”",
                 '12 thoughts on "East ferry to keep running through the winter"',
                 "One response to “East ferry to keep running through the winter”"):
        assert is_responses_marker(blocks([HEADLINE, *STORY, line, "harbourfan says:"]), 5)
        assert not is_responses_marker(blocks([HEADLINE, *STORY, line, STORY[0]]), 5)
    for line in ("34 responses to “Another story altogether”",
                 "3 replies to the council, who said no"):
        assert not is_responses_marker(blocks([HEADLINE, *STORY, line, "Jo says:"]), 5), line


def test_comments_under_a_responses_line_leave() -> None:
    raw = "\n".join([HEADLINE, "By Ana Ruiz", *STORY, "34 responses to “" + HEADLINE + "”",
                     "harbourfan says:", "March 4, 2026 at 6:34 am",
                     "Good news for the far bank, though it should never have been in doubt."])
    found = normalise(raw + "\n")
    assert "harbourfan" not in found.body
    assert all(paragraph in found.body for paragraph in STORY)


def test_new_rules_are_listed_for_explain() -> None:
    for name in ("fact-row", "fact-above-headline", "long-lead-repeat", "long-lead-kicker",
                 "handle-name", "responses-tail"):
        assert name in RULES and RULES[name].doc


_SHORT = st.sampled_from([*MENU, "Share", "Email", "Follow us", "Log in", "Zurück zur Übersicht",
                          "Search for:", "Updated Mar 4, 9:41 AM", "Winter Ferry",
                          "March 4, 2026 | BY: Harbourside Kitchen"])


@settings(max_examples=60, deadline=None)
@given(lead=st.lists(_SHORT, min_size=0, max_size=40))
def test_no_story_paragraph_is_ever_cut_by_the_lead(lead: list[str]) -> None:
    lines = [*lead, HEADLINE, "By Ana Ruiz March 4, 2026", *STORY]
    kept, _, _ = strip_long_lead(blocks(lines))
    texts = [b.text for b in kept]
    assert all(paragraph in texts for paragraph in STORY)
    found = normalise("\n".join(lines) + "\n")
    assert all(paragraph in found.body for paragraph in STORY)
