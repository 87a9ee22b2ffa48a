"""Rules tuned on real select-all pastes (whole pages copied from a browser): a long header
above the story (`leadchrome`), run-on bylines (`runon`), a tail marker in the header's menu
(`tails.story_below`), a long footer under the story (`longtail`), headings a contents box
vouches for (`tocheads`), a whole page's outlet (`pagesource`), a pasted slideshow
(`gallery`), and the caption, date, control, dek, rights-notice and "Name 3 hours ago" shapes
met on real pages.

All text here is invented, in the shape of real pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from readsite.normalise import RULES, normalise
from readsite.normalise.blocks import Block
from readsite.normalise.byline import parse_byline
from readsite.normalise.captions import is_caption
from readsite.normalise.controls import control_rule
from readsite.normalise.dates import parse_date, without_age
from readsite.normalise.gallery import gallery_slides, strip_gallery
from readsite.normalise.headerfields import NAME_LINE, name_line
from readsite.normalise.headerlines import is_header_fact, is_story_line
from readsite.normalise.headline import headline_index
from readsite.normalise.leadchrome import long_lead, story_run, strip_long_lead
from readsite.normalise.longtail import long_tail, strip_long_tail
from readsite.normalise.pagesource import UNCONFIRMED_MASTHEAD, confirm_source
from readsite.normalise.runon import parse_run_on_byline
from readsite.normalise.selfnames import self_name
from readsite.normalise.sitemenu import SITE_MENU
from readsite.normalise.tails import story_below
from readsite.normalise.tocheads import contents_headings, contents_run, entry
from readsite.normalise.trace import Trace

STORY = [
    "The council agreed on Tuesday to keep the east ferry running through the winter, after "
    "a petition signed by more than four thousand residents asked it to think again.",
    "Officers had proposed cutting the service from November to March to save money, saying "
    "the crossings were often half empty in the dark months of the year.",
    "Residents on the far bank said the ferry was the only way to reach the surgery and the "
    "school without a forty-minute drive around the estuary on narrow roads.",
    "The decision will be reviewed next spring, when the council sets its budget for the "
    "following year and looks again at how many people use each crossing.",
]
MENU = ["News", "Sport", "Business", "Opinion", "Culture", "Travel", "Weather", "Podcasts",
        "Puzzles", "Newsletters", "Local", "Council", "Courts", "Transport", "Schools",
        "Health", "Sign in", "Subscribe"]


def blocks(lines: Sequence[str]) -> list[Block]:
    return [Block(text, line=number) for number, text in enumerate(lines, 1)]


def page(lead: Sequence[str], tail: Sequence[str] = ()) -> list[str]:
    """A pasted page: `lead`, a headline and its run-on byline, the story, `tail`."""
    return [*lead, "East ferry to keep running through the winter", "By Ana Ruiz March 4, 2026",
            *STORY, *tail]


# run-on-byline

def test_run_on_bylines_give_the_name_and_the_date() -> None:
    assert parse_run_on_byline("By Jane Doe March 18 at 12:22 PM Follow @janedoe") == (
        "Jane Doe", None)
    assert parse_run_on_byline("by Ana Ruiz @anaruiz February 1, 2016: 12:41 PM ET") == (
        "Ana Ruiz", dt.date(2016, 2, 1))
    assert parse_run_on_byline("By JANE DOE JULY 29, 2016") == ("JANE DOE", dt.date(2016, 7, 29))
    assert parse_run_on_byline("By Kim Lee and Tom Park 3 March 2026") == (
        "Kim Lee and Tom Park", dt.date(2026, 3, 3))


def test_run_on_byline_leaves_out_the_photographer() -> None:
    found = parse_run_on_byline("by Kim Lee (reporting) and Tom Park (photography)")
    assert found == ("Kim Lee", None)


def test_sentences_starting_with_by_are_not_bylines() -> None:
    assert parse_run_on_byline("By 2030 the city will have grown by a third") is None
    assert parse_run_on_byline("By the way, this was never the plan.") is None
    assert parse_run_on_byline("By Monday Night the river had risen over the old quay.") is None
    assert parse_run_on_byline("Jane Doe March 18, 2026") is None  # no "By": not this rule


def test_parse_byline_falls_back_to_the_run_on_form() -> None:
    assert parse_byline("By Jane Doe | May 5, 2026") == ("Jane Doe", dt.date(2026, 5, 5))
    assert parse_byline("By Jane Doe May 5, 2026 7:12 PM Follow @janedoe") == (
        "Jane Doe", dt.date(2026, 5, 5))


# story-below-marker

def test_a_marker_with_the_story_below_it_is_a_menu_link() -> None:
    lines = ["Harbour Post", "Editor's picks", "Headline over the story", *STORY]
    assert story_below(blocks(lines), 1)


def test_a_marker_under_the_story_is_its_end() -> None:
    lines = [*STORY, "Comments", "Nice piece, thanks for writing it.", STORY[0]]
    assert not story_below(blocks(lines), 4)


# long-lead-chrome

def test_story_run_skips_a_lone_menu_blurb() -> None:
    lines = ["Sport", STORY[0], "Football", "Rugby", "Headline", *STORY]
    assert story_run(blocks(lines)) == 5


def test_a_long_header_is_cut_at_the_headline() -> None:
    lines = page(["Skip to main content", *MENU])
    assert long_lead(blocks(lines)) == len(MENU) + 1
    kept, source, traces = strip_long_lead(blocks(lines))
    assert kept[0].text == "East ferry to keep running through the winter"
    assert source == ""
    assert {t.rule for t in traces} == {"long-lead-chrome"}


def test_a_short_header_is_left_to_the_header_model() -> None:
    lines = page(MENU[:5])
    assert long_lead(blocks(lines)) == 0


def test_prose_above_the_headline_is_never_cut() -> None:
    lines = page([*MENU, STORY[0], STORY[1], *MENU[:4]])
    assert long_lead(blocks(lines)) == 0


def test_no_byline_under_the_headline_no_cut() -> None:
    lines = [*MENU, "East ferry to keep running through the winter", *STORY]
    assert long_lead(blocks(lines)) == 0


def test_the_masthead_repeated_in_the_footer_is_the_outlet() -> None:
    lines = page(["Skip to main content", "The Estuary Herald", *MENU],
                 ["© 2026 The Estuary Herald. All rights reserved."])
    _, source, traces = strip_long_lead(blocks(lines))
    assert source == "The Estuary Herald"
    assert any(t.rule == "long-lead-outlet" and t.field == "source" for t in traces)


def test_a_menu_item_with_an_outlet_word_is_not_the_outlet() -> None:
    lines = page(["Skip to main content", "Breaking News", *MENU])
    assert strip_long_lead(blocks(lines))[1] == ""


def test_whole_page_paste_end_to_end() -> None:
    raw = "\n".join(page(["Skip to main content", "The Estuary Herald", *MENU],
                         ["© 2026 The Estuary Herald. All rights reserved."]))
    found = normalise(raw + "\n")
    assert found.title == "East ferry to keep running through the winter"
    assert found.author == "Ana Ruiz"
    assert found.date == dt.date(2026, 3, 4)
    assert found.source == "The Estuary Herald"
    assert "Podcasts" not in found.body
    assert all(paragraph in found.body for paragraph in STORY)


# long-tail-chrome

FOOTER = ["Harbour dredging to start after summer", "New bus timetable for the villages",
          "Lifeboat called out twice in one day", "School farm wins county award",
          "Coastal path reopens after landslip", "Site map", "Advertise with us",
          "Accessibility", "Cookie settings", "United Kingdom (English)", "France (Français)"]


def test_a_long_run_of_short_lines_under_the_story_is_the_footer() -> None:
    lines = [*STORY, "The next review is due in spring.", *FOOTER]
    assert long_tail(blocks(lines)) == len(STORY) + 1
    kept, traces = strip_long_tail(blocks(lines))
    assert kept[-1].text == "The next review is due in spring."
    assert len(traces) == len(FOOTER) and {t.rule for t in traces} == {"long-tail-chrome"}


def test_a_short_tail_or_one_with_prose_stays() -> None:
    assert long_tail(blocks([*STORY, *FOOTER[:5]])) == len(STORY) + 5
    prose = [*FOOTER[:4], "This is a finished sentence.", "So is this one.", "And this.",
             "And a fourth one.", *FOOTER[4:]]
    assert long_tail(blocks([*STORY, *prose])) == len(STORY) + len(prose)


def test_a_reference_list_ending_in_stops_is_not_a_footer() -> None:
    refs = [f"Author {n}, A. (2001). A Book About Things {n}. Publisher." for n in range(12)]
    assert long_tail(blocks([*STORY, "Further reading", *refs])) == len(STORY) + 13


def test_new_rules_are_listed_for_explain() -> None:
    for name in ("long-lead-chrome", "long-lead-outlet", "run-on-byline", "story-below-marker",
                 "long-tail-chrome"):
        assert name in RULES and RULES[name].doc


_SHORT = st.sampled_from([*MENU, *FOOTER, "Share", "Email", "Follow us", "Log in"])


@settings(max_examples=60, deadline=None)
@given(lead=st.lists(_SHORT, min_size=0, max_size=40), tail=st.lists(_SHORT, max_size=30))
def test_no_story_paragraph_is_ever_cut(lead: list[str], tail: list[str]) -> None:
    lines = page(lead, tail)
    kept, _, _ = strip_long_lead(blocks(lines))
    kept, _ = strip_long_tail(kept)
    texts = [b.text for b in kept]
    assert all(paragraph in texts for paragraph in STORY)
    assert all(is_story_line(b) is False or b.text in texts for b in blocks(lines))


# toc-heading, contents-run

SECTIONS = ["Background", "The old queue", "Moving Kestrel", "What we learned"]


def test_an_unlabelled_contents_run_vouches_for_the_headings_below() -> None:
    lines = ["Introduction", *SECTIONS, STORY[0]]
    for section, paragraph in zip(SECTIONS, STORY, strict=True):
        lines += [section, paragraph]
    assert contents_run(blocks(lines)) == range(0, 5)
    kept, traces = contents_headings(blocks(lines))
    assert [b.text for b in kept if b.heading] == SECTIONS
    assert "Introduction" not in [b.text for b in kept]
    assert {t.rule for t in traces} == {"contents-run", "toc-heading"}


def test_a_labelled_box_dropped_by_chrome_vouches_too_numbered_and_wiki_style() -> None:
    assert entry("2.1 Moving Kestrel") == entry("Moving Kestrel[edit]") == "moving kestrel"
    lines = [STORY[0], "Moving Kestrel", STORY[1]]
    kept, _ = contents_headings(blocks(lines), ["Contents", "2.1 Moving Kestrel"])
    assert kept[1].heading and kept[1].text == "Moving Kestrel"


def test_a_menu_repeated_in_the_footer_is_not_a_contents_box() -> None:
    menu = ["News", "Sport", "Business", "Opinion", "Culture"]
    assert contents_run(blocks([*menu, *STORY, *menu])) == range(0)


def test_a_line_listed_nowhere_stays_a_paragraph() -> None:
    lines = [STORY[0], "Moving Kestrel", STORY[1]]
    kept, traces = contents_headings(blocks(lines), ["Background"])
    assert not any(b.heading for b in kept) and not traces


# captions and dates met on real pages

def test_a_photographers_role_in_a_byline_is_not_a_caption_credit() -> None:
    assert not is_caption("by Kim Lee (reporting) and Tom Park (photography)")
    assert is_caption("Sheep on the hill above the bay. (Photo Jane Doe)")


def test_a_date_with_its_last_modified_stamp() -> None:
    assert parse_date("Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST") == (
        dt.date(2019, 1, 3))


def test_a_date_with_a_dotted_month() -> None:
    assert parse_date("21.dez.2025 às 12h55") == dt.date(2025, 12, 21)
    assert parse_date("21 dez 2025") == dt.date(2025, 12, 21)


def test_skip_link_rows_and_screen_reader_link_labels_are_chrome() -> None:
    for line in ("Skip to main content Skip to navigation", "Jump to navigation Skip navigation",
                 "Main content", "Jump to content",
                 "External link, opens the Ribeira Post page on Facebook",
                 "Link externo, abre página da Ribeira no Twitter"):
        rule = control_rule(line)
        assert rule is not None and rule.name == "accessibility-link", line
    assert control_rule("An external link can be slow to open.") is None
    assert control_rule("External link") is None
    assert control_rule("Main content of the report") is None


def test_a_longer_line_under_a_share_link_is_no_dek() -> None:
    head = blocks(["Follow the Ribeira Post", "Old iron bridge will reopen to walkers in spring",
                   "After three years of repairs the iron bridge reopens to walkers and cyclists",
                   "21.dez.2025 às 12h55"])
    story = ("The old iron bridge, closed since an inspection found corroded rivets, will "
             "reopen to walkers and cyclists in the spring.")
    assert headline_index(head, set(), story) == 1


def test_the_headline_comes_before_its_caption_and_dek_in_a_long_lead() -> None:
    lines = ["Skip to main content", *MENU,
             "Ferry crossing to keep running through the winter months",
             "A ferry leaving the north quay. Photograph: Jo Bell",
             "The council changed its mind after residents on the far bank petitioned it",
             "By Ana Ruiz March 4, 2026", "Share", *STORY]
    assert long_lead(blocks(lines)) == len(MENU) + 1


# unconfirmed-masthead, self-named

def test_a_whole_pages_menu_label_is_not_its_outlet() -> None:
    lines = ["Skip to content", "Design", *MENU * 6, *STORY, "© 2026 Harbour Media Group"]
    traces = [SITE_MENU.found("source", "Design", 2)]
    assert confirm_source("Design", traces, lines) == ("", [UNCONFIRMED_MASTHEAD.dropped("Design")])


def test_a_confirmed_or_stated_outlet_stays() -> None:
    lines = ["Northbank", *MENU * 6, *STORY, "Subscribe to Northbank"]
    traces = [SITE_MENU.found("source", "Northbank", 1)]
    assert confirm_source("Northbank", traces, lines) == ("Northbank", [])
    byline = [Trace("found", "byline-outlet", "Design", "source", 3)]
    assert confirm_source("Design", byline, ["Design", *MENU * 6])[0] == "Design"


def test_a_clipping_keeps_its_masthead_unconfirmed() -> None:
    lines = ["Northbank", *MENU, *STORY]  # one article, not a whole page
    traces = [SITE_MENU.found("source", "Northbank", 1)]
    assert confirm_source("Northbank", traces, lines) == ("Northbank", [])


def test_a_rights_notice_is_not_a_self_given_name() -> None:
    assert self_name("All Rights Reserved © 2020") == ""
    assert self_name("Northbank © 2026") == "Northbank"


# gallery-slides

def test_gallery_counters_their_captions_and_title_go() -> None:
    slides = ["Business news in pictures", "1/40 Port traffic rises", "Traffic rose a tenth.",
              "HARBOUR BOARD", "2/40 Bakery expands", "Six new shops open.", "3/40 Mill reopens",
              "The old mill reopened."]
    lines = [*STORY, *slides, STORY[0]]
    assert gallery_slides(blocks(lines)) == set(range(len(STORY), len(STORY) + len(slides)))
    kept, traces = strip_gallery(blocks(lines))
    assert [b.text for b in kept] == [*STORY, STORY[0]]
    assert {t.rule for t in traces} == {"gallery-slides"}


def test_fractions_and_broken_counts_are_no_gallery() -> None:
    assert gallery_slides(blocks(["3/4 of members voted for it.", *STORY])) == set()
    assert gallery_slides(blocks(["1/40 One", "x", "2/40 Two", "y", "4/40 Four", "z"])) == set()
    assert gallery_slides(blocks(["1/40 One", "x", "2/30 Two", "y", "3/30 Three"])) == set()


# a name with a relative time

def test_a_name_with_a_relative_time_is_a_header_fact_and_the_author() -> None:
    assert without_age("Alex Perry 1 day ago") == "Alex Perry"
    assert without_age("Alex Perry · 3 hours ago") == "Alex Perry"
    assert without_age("Jane Doe") == "Jane Doe"
    assert is_header_fact("Ines Okafor 3 hours ago")
    assert not is_header_fact("Prices rose 2 days ago")
    found, _ = name_line("Ines Okafor 3 hours ago", "SHARE")
    assert found == [("author", "Ines Okafor", NAME_LINE)]
