"""A third round tuned on real pages (both corpora of bench/real_pages.py): a teaser box in the
middle of the story that used to cut the rest of the story off as a related-stories tail (a
tabloid's dozen kicker/headline lines, or a saved page's box heading left alone by the
extractor), tail markers met under real stories, a clear headline at the end of a whole
page's header whose byline no rule reads, a header's facts split by slashes (read into the
front matter), and a story's dated list (tour dates) that a footer rule took for links.

All text here is invented, in the shape of real pages."""

from __future__ import annotations

import datetime as dt

from readsite.normalise import RULES, normalise
from readsite.normalise.blocks import Block
from readsite.normalise.factrow import fact_row_fields, is_fact_row
from readsite.normalise.headerlines import is_header_fact
from readsite.normalise.leadchrome import long_lead
from readsite.normalise.longtail import long_tail
from readsite.normalise.tails import is_tail_marker
from readsite.normalise.teaserbox import box_end
from tests.test_normalise_realpaste import MENU, STORY

MORE = [
    "Councillors voted by eleven to four to keep the service, and asked officers to look at "
    "cheaper fares for season ticket holders instead.",
    "The chain ferry carries up to twelve cars and sixty foot passengers on each crossing of "
    "the estuary, pulled on two steel chains.",
    "The crossing takes about seven minutes, and the ferry runs every twenty minutes from "
    "early morning until late in the evening.",
    "A ferry has crossed at this point of the river since the fourteenth century, when monks "
    "ran a rowing boat for travellers.",
]
"""More of the story, four finished paragraphs, to follow a box."""

KICKED = ["CLIFF HORROR", "Walkers rescued after being cut off by the tide below the cliffs",
          "PIER PRESSURE", "Seaside pier to close for a year while its legs are replaced",
          "ROAD RAGE", "Drivers face six weeks of delays as the coast road is dug up",
          "Exclusive", "BIN THERE", "Town hall admits bins were left unemptied for a month",
          "LOST AND FOUND", "Dog missing for two years turns up forty miles from home"]
"""A tabloid's "Most read" box: kickers over headlines, eleven short lines."""


def blocks(*texts: str, heading: int = -1) -> list[Block]:
    return [Block(text, heading=n == heading, markup=n == heading, line=n + 1)
            for n, text in enumerate(texts)]


def never(_: str) -> bool:
    return False


def test_new_rules_are_listed() -> None:
    for name in ("box-marker", "teaser-box", "long-lead-clear-headline", "fact-row-fields"):
        assert name in RULES, name


# ------------------------------------------------------------------ teaser box, longer


def test_a_long_kicker_headline_box_mid_story_is_dropped_and_the_story_kept() -> None:
    parts = [*STORY, "Most read in local news", *KICKED, *MORE]
    assert box_end(blocks(*parts), 4, never) == 5 + len(KICKED)
    text = "\n\n".join(["Villagers keep their winter ferry", "By Ana Ruiz", "4 March 2026",
                        *STORY, "Most read in local news", "\n".join(KICKED), *MORE])
    result = normalise(text + "\n")
    for paragraph in MORE:
        assert paragraph in result.body
    assert "CLIFF HORROR" not in result.body and "Most read" not in result.body
    assert any(t.rule == "teaser-box" for t in result.trace)


def test_a_footer_under_teasers_and_share_links_is_still_a_tail() -> None:
    """Teasers, then the page's share links and sign-up, then its legal notes: a footer's
    run of sentences is never the story going on."""
    teasers = ["Weight Loss", "Why the scales stop moving after a month", "Weight Loss",
               "Smart swaps for a lighter lunch", "Facebook", "Pinterest", "Instagram",
               "Join our newsletter"]
    legal = ["The information on this website is for general interest and is not a substitute "
             "for advice from your doctor or a qualified professional.",
             "Results vary depending on starting point, goals and effort, and exercise and a "
             "proper diet are needed to see any of them.",
             "These statements have not been evaluated by any regulator, and the products are "
             "not meant to diagnose, treat or cure any disease.",
             "© 2026 Wellbeing Media Ltd. All rights reserved, and all related designs and "
             "trademarks are the property of their owners."]
    social = {"Facebook", "Pinterest", "Instagram", "Join our newsletter"}
    page = blocks(*STORY, "Related Articles", *teasers, *legal)
    assert box_end(page, 4, social.__contains__) is None
    assert box_end(page, 4, never) == 5 + len(teasers)  # without the share links: a box


def test_teasers_with_deks_never_make_a_story_run() -> None:
    """Headline, dek, headline, dek: one short line may sit in a run of story, never two."""
    listed = ["Other opinion columns", "Doctor knows best", MORE[0], "Not buying it", MORE[1],
              "A man of contrasts", MORE[2], "Local issues first", MORE[3]]
    assert box_end(blocks(STORY[0], "More stories", *listed), 1, never) is None


# ------------------------------------------------------------------ box marker alone


def test_a_box_heading_alone_over_four_paragraphs_is_only_the_heading() -> None:
    """A saved page's extractor removed the box's links: its heading stands alone between
    the story's paragraphs, a subheading of the story among those after it."""
    parts = [*STORY, "Most read in local news", MORE[0], MORE[1], "How does the ferry work?",
             MORE[2], MORE[3]]
    found = blocks(*parts, heading=4)
    assert box_end(found, 4, never) == 5
    found[7] = Block(parts[7], heading=True, markup=True, line=8)
    assert box_end(found, 4, never) == 5


def test_a_linked_paragraph_of_a_saved_page_is_prose() -> None:
    linked = ("Councillors voted by eleven to four to keep the [service](https://example.test/x), "
              "and asked officers to look at cheaper fares.")
    parts = [*STORY, "Most read", linked, *MORE[1:]]
    found = [*blocks(*parts[:5], heading=4), Block(linked, markup=True, line=6),
             *blocks(*MORE[1:])]
    assert box_end(found, 4, never) == 5
    assert box_end([*found[:5], Block("![A ferry](https://example.test/f.jpg)", markup=True),
                    *found[6:]], 4, never) is None


def test_a_marker_alone_over_fewer_paragraphs_still_ends_the_story() -> None:
    """Two or three paragraphs under a lone marker may be a footer's blurbs or deks."""
    assert box_end(blocks(*STORY, "Most read", MORE[0], MORE[1]), 4, never) is None
    assert box_end(blocks(*STORY, "Most read", MORE[0], "Privacy", "Terms", MORE[1], MORE[2]),
                   4, never) is None
    assert box_end(blocks(*STORY, "Comments", *MORE), 4, never) is None


# ------------------------------------------------------------------ tail markers met on real pages


def test_markers_met_under_real_stories_end_the_article() -> None:
    for line in ("Read these next", "More like this", "Related Searches", "Last Comments",
                 "MORE FOR YOU", "On Our Radar", "Artigos relacionados",
                 "Вам также может быть интересно", "関連記事", "【関連記事】",
                 "您可能會有興趣的文章", "You may also like...", "You may also like…",
                 "Top stories in Nation", "Top Stories from the Valley",
                 "Related coverage from How to Do Everything", "Related coverage", "More World",
                 "MORE SPORT", "More Middle East", "Terkait", "Tinggalkan Balasan",
                 "Post navigation", "About this article", "Trending Now on The Courier",
                 "Trending Nowon Courier.com", "Trending on Estuary Daily",
                 '"In Case You Missed It..."', "View comments (27)", "Recommended Articles",
                 "Related News", "From around the web", "You might be interested in"):
        assert is_tail_marker(line), line


def test_sentences_and_headings_of_the_story_are_no_markers() -> None:
    for line in ("Read these next two paragraphs carefully.", "More like this, please.",
                 "Top stories in the town were about the ferry, as usual.",
                 "Related coverage of the ferry vote appeared in three papers this week.",
                 "You may also like the new timetable...", "Last comments from the mayor",
                 "More money", "More Food", "More world leaders arrived on Friday.",
                 "Trending on social media, the ferry video was seen a million times.",
                 "About this article, the council said nothing."):
        assert not is_tail_marker(line), line


def test_a_marker_in_brackets_cuts_the_teasers_under_the_story() -> None:
    text = "\n\n".join(["Villagers keep their winter ferry", "By Ana Ruiz", "4 March 2026",
                        *STORY, "【関連記事】", "Harbour master retires after forty years",
                        "New lifeboat named after a fisherman"])
    result = normalise(text + "\n")
    assert STORY[-1] in result.body and "Harbour master" not in result.body


# ------------------------------------------------------------------ long lead, clear headline

HEADLINE = "East ferry to keep running through the winter"
UNREAD = "Wire Desk Mar 4 2026 9:02 AM Wire Desk Mar 4 2026 9:02 AM"
"""A byline and date printed twice on one line: no rule reads it as the header's facts."""


def test_a_clear_headline_without_a_byline_ends_a_long_lead() -> None:
    lines = [*MENU, HEADLINE, UNREAD, *STORY]
    start = len(MENU)
    assert long_lead(blocks(*lines)) == start
    result = normalise("\n\n".join(lines) + "\n")
    assert result.title == HEADLINE
    assert "Newsletters" not in result.body and STORY[0] in result.body


def test_no_clear_headline_leaves_a_long_lead_alone() -> None:
    # a rival line just as good: nothing stands out
    rival = "Ferry crossings to run all winter on the east estuary route"
    assert long_lead(blocks(*MENU, rival, HEADLINE, UNREAD, *STORY)) == 0
    # a line sharing no words with the story is no headline of it
    assert long_lead(blocks(*MENU, "Seven quick recipes for cold evenings", UNREAD,
                            *STORY)) == 0


def test_a_clear_headline_needs_something_of_a_header_under_it() -> None:
    """A lone line over the story, with no year, time or repeat under it, is never cut at."""
    assert long_lead(blocks(*MENU, HEADLINE, "Share this story", *STORY)) == 0
    assert long_lead(blocks(*MENU, HEADLINE, HEADLINE, *STORY)) == len(MENU)


# ------------------------------------------------------------------ fact rows split at " / "


def test_a_date_time_and_outlet_split_by_slashes_is_a_fact_row() -> None:
    for line in ("Updated on: November 19, 2019 / 10:07 AM / CBS News",
                 "March 4, 2026 / 9:41 PM / Estuary Daily", "4 March 2026 / 21:05"):
        assert is_fact_row(line), line
        assert is_header_fact(line), line


def test_slashed_menus_and_headings_are_no_fact_rows() -> None:
    for line in ("Part 2 / March 4, 2026", "Home / News / March 4, 2026", "Ferry vote / 10:07 AM",
                 "Before / after: the ferry at 10:07 on March 4, 2026."):
        assert not is_fact_row(line), line


def test_a_fact_row_in_the_header_gives_its_date_and_leaves_the_body() -> None:
    assert fact_row_fields("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC") == [
        ("date", dt.date(2024, 12, 6)), ("updated", dt.date(2024, 12, 7))]
    assert fact_row_fields("March 4, 2026 | By: Ana Ruiz") == [
        ("author", "Ana Ruiz"), ("date", dt.date(2026, 3, 4))]
    row = "March 4, 2026 / 9:41 PM / Estuary Daily"
    result = normalise("\n\n".join([HEADLINE, row, *STORY]) + "\n")
    assert result.date == dt.date(2026, 3, 4) and row not in result.body
    assert any(t.rule == "fact-row-fields" for t in result.trace)


def test_a_fact_row_with_nothing_readable_stays() -> None:
    """A date without its year reads as no date: the row is left as it was."""
    assert fact_row_fields("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM") == []
    assert fact_row_fields("Part 2 / March 4, 2026") == []


# ------------------------------------------------------------------ a dated list under the story

TOUR = ["June 9 – Harbour Hall, Westport", "June 10 – The Old Customs House, Lydbrook",
        "June 14 – Quayside Arena, Eastmouth", "June 17 – Pier Pavilion, Wendham",
        "June 20 – Market Square, Northbank", "June 23 – Lifeboat Green, Saltby"]
FOOTER = ["Newsletters", "Podcasts", "Puzzles", "About us", "Contact", "Careers", "Privacy",
          "Terms", "Cookies", "Sitemap", "Advertise", "Help"]


def test_a_dated_list_under_the_story_is_no_footer() -> None:
    """Tour dates are short lines without a stop, like a footer's links: they stay, and the
    footer under them still goes."""
    page = blocks(*STORY, "The band's tour dates", *TOUR, *FOOTER)
    assert long_tail(page) == len(STORY) + 1 + len(TOUR)
    assert long_tail(blocks(*STORY, *TOUR, *FOOTER)) == len(STORY) + len(TOUR)


def test_a_footer_of_short_lines_is_still_dropped_whole() -> None:
    assert long_tail(blocks(*STORY, "Nov 18, 2026", *FOOTER)) == len(STORY)
    assert long_tail(blocks(*STORY, *TOUR[:3], *FOOTER)) == len(STORY)

