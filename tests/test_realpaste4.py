"""A fourth round tuned on real pages (readability's TRAIN half of bench/real_pages.py): the
metadata a whole pasted page states where no rule looked.  A date glued to the writer's name
and a comment count, a date line just under a header whose furniture ran into one block, a
copyright footer naming the site before its sign or before a blog engine's credit, the
site's name in its home links, an outlet's publication stamp under the story, and a blog
post's meta row (name, date, category, permalink) under the post.

All text here is invented, in the shape of real pages."""

from __future__ import annotations

import datetime as dt

from readsite.normalise import RULES, normalise
from readsite.normalise.blocks import Block
from readsite.normalise.copyrightforms import before_copyright, powered_footer
from readsite.normalise.headerdates import date_under_header, name_date
from readsite.normalise.homelinks import home_name
from readsite.normalise.postmeta import post_meta_row
from readsite.normalise.publishedline import outlet_published
from tests.test_normalise_realpaste import MENU, STORY

HEADLINE = "East ferry to keep running through the winter"


def test_new_rules_are_listed() -> None:
    for name in ("name-date", "date-under-header", "name-before-copyright", "powered-by-footer",
                 "home-link", "outlet-published", "post-meta-row"):
        assert name in RULES, name


def text(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


# ------------------------------------------------------------------ a date glued to the name

def test_a_name_glued_to_a_date_and_a_comment_count_is_read() -> None:
    assert name_date("Mara Quill March 9, 2026 13") == ("Mara Quill", "date", dt.date(2026, 3, 9))
    assert name_date("Mara Quill 9 March 2026") == ("Mara Quill", "date", dt.date(2026, 3, 9))
    assert name_date("Ana Maria Ruiz March 9, 2026") == ("Ana Maria Ruiz", "date",
                                                         dt.date(2026, 3, 9))


def test_labels_weekdays_and_places_before_a_date_are_no_names() -> None:
    for line in ("Last Updated March 9, 2026", "Posted On March 9, 2026",
                 "New York March 9, 2026", "Thursday March 9, 2026", "Mara Quill",
                 "Mara Quill wrote on March 9, 2026 about the ferry",
                 "Mara Quill March 9"):
        assert name_date(line) is None, line


def test_a_glued_name_and_date_in_the_header_give_author_and_date() -> None:
    result = normalise(text(HEADLINE, "Mara Quill March 9, 2026 13", *STORY))
    assert result.author == "Mara Quill" and result.date == dt.date(2026, 3, 9)
    assert "Mara Quill March 9" not in result.body
    assert any(t.rule == "name-date" and t.field == "date" for t in result.trace)


def test_a_glued_name_and_date_inside_the_story_is_story_text() -> None:
    body = [*STORY[:3], "Mara Quill March 9, 2026 13", STORY[3], *STORY[:3]]
    result = normalise(text(HEADLINE, "By Ana Ruiz", *body))
    assert result.date is None and "Mara Quill March 9, 2026 13" in result.body


# ------------------------------------------------------------------ a date under the header

FURNITURE = ("Main image: The east ferry at its slipway on a winter morning. Photograph: Tom "
             "Reed for the Estuary Daily East ferry to keep running through the winter The "
             "estuary at work is supported by Harbour Trust About this content")
"""A whole page's header lines run together into one block of 30+ words with no final stop."""


def blocks(*texts: str) -> list[Block]:
    return [Block(t, line=n) for n, t in enumerate(texts, 1)]


def test_a_date_right_under_run_together_furniture_is_the_date() -> None:
    page = blocks(FURNITURE, "Thu 5 Mar 2026 02.00 EST Last modified on Fri 6 Mar 2026 06.16 EST",
                  *STORY)
    assert date_under_header(page, 1) == ("date", dt.date(2026, 3, 5))
    lines = [HEADLINE, "A petition changed the council's mind about winter crossings",
             "by Ana Ruiz (reporting) and Tom Reed (photography)", FURNITURE,
             "Thu 5 Mar 2026 02.00 EST Last modified on Fri 6 Mar 2026 06.16 EST", *STORY]
    result = normalise(text(*lines))
    assert result.date == dt.date(2026, 3, 5) and result.author == "Ana Ruiz"
    assert "Last modified" not in result.body and STORY[0] in result.body
    assert any(t.rule == "date-under-header" for t in result.trace)


def test_a_date_under_a_finished_paragraph_or_over_no_story_is_not_read() -> None:
    finished = FURNITURE + "."
    date = "Thu 5 Mar 2026 02.00 EST"
    assert date_under_header(blocks(finished, date, *STORY), 1) is None
    assert date_under_header(blocks(FURNITURE, date, "Share on Facebook", *STORY), 1) is None
    assert date_under_header(blocks(FURNITURE, "Ferry timetable", *STORY), 1) is None
    assert date_under_header(blocks(FURNITURE, date), 1) is None


def test_a_dated_entry_inside_the_story_stays_in_the_body() -> None:
    """A diary's dated entry under the first paragraph: the story, not the article's date."""
    result = normalise(text(HEADLINE, "By Ana Ruiz", STORY[0], STORY[1], "March 3, 2026",
                            *STORY[2:], *STORY))
    assert result.date is None and "March 3, 2026" in result.body


# ------------------------------------------------------------------ copyright footers

def test_a_name_before_the_copyright_sign_is_the_site() -> None:
    assert before_copyright("Quillmark® © 2026") == "Quillmark"
    assert before_copyright("northbank, 2018-2026 © All rights reserved. Operated by NORTHBANK "
                            "LIMITED, a company registered in England") == "northbank"
    assert before_copyright("Northbank.com © 2026 Harbour Media Group",
                            ["Sign up for the NorthBank Daily newsletter"]) == "NorthBank"
    assert before_copyright("Northbank.com © 2026 Harbour Media Group") == "Northbank.com"


def test_a_person_or_a_sentence_before_the_sign_is_no_site() -> None:
    for line in ("Jane Doe © 2026", "Jane Doe, 2026 © All rights reserved",
                 "Photograph: Jane Doe © 2026", "© 2026 The Estuary Daily",
                 "Words and pictures © 2026", "Harbour Media Group © 2026 Northbank",
                 "Photos © All rights reserved", "photos, 2026 © All rights reserved.",
                 "Site design © 2026 All rights reserved", "Text and photos © 2026 All rights "
                 "reserved"):
        assert before_copyright(line) == "", line


def test_a_blog_engines_credit_after_the_copyright_is_cut() -> None:
    assert powered_footer("Copyright © 2026 The Quill Ledger. Powered by WordPress and "
                          "Stargazer.") == "The Quill Ledger"
    assert powered_footer("© Northbank.org 2003 - 2026 powered by Harbour Network") == (
        "Northbank.org")  # the years after the name are no part of it
    assert powered_footer("Copyright © 2026 The Quill Ledger.") == ""
    assert powered_footer("Powered by WordPress") == ""


def test_a_footer_names_the_outlet_when_nothing_else_does() -> None:
    for footer, outlet in (("Copyright © 2026 The Quill Ledger. Powered by WordPress.",
                            "The Quill Ledger"), ("Quillmark® © 2026", "Quillmark")):
        result = normalise(text(HEADLINE, "By Ana Ruiz", *STORY, footer))
        assert result.source == outlet, footer


# ------------------------------------------------------------------ home links

def test_a_home_link_names_the_site() -> None:
    assert home_name("The Northbank Post - Back to home ") == "The Northbank Post"
    assert home_name("Go to Quillnet Home") == "Quillnet"
    assert home_name("Make Quillnet my homepage") == "Quillnet"


def test_generic_and_section_home_links_name_no_site() -> None:
    for line in ("Back to home", "Blog homepage", "Back to Blog home", "Go to Sport Home",
                 "News - Back to home", "Go to your home page"):
        assert home_name(line) == "", line


def test_a_home_link_outranks_the_owners_copyright_footer() -> None:
    lines = [HEADLINE, "By Ana Ruiz", *STORY, "Go to Quillnet Home", *MENU,
             "© 2026 Harbour Media Group Inc."]
    result = normalise(text(*lines))
    assert result.source == "Quillnet"
    assert any(t.rule == "home-link" for t in result.trace)


# ------------------------------------------------------------------ an outlet's stamp

def test_an_outlets_publication_stamp_is_read() -> None:
    assert outlet_published("Northbank News (Lisbon) First published March 3, 2026: 1:28 AM "
                            "ET") == ("Northbank News", "date", dt.date(2026, 3, 3))
    assert outlet_published("QuillMoney (Leeds) Updated 3 March 2026 10:14") == (
        "QuillMoney", "updated", dt.date(2026, 3, 3))


def test_a_person_or_an_undated_stamp_is_not_read() -> None:
    for line in ("Jane Doe (London) Published May 3, 2026",
                 "Northbank News (Lisbon) First published yesterday",
                 "The ferry (pictured) was published in the timetable on March 3, 2026"):
        assert outlet_published(line) is None, line


def test_the_stamp_names_the_outlet_and_stays_in_the_body() -> None:
    stamp = "QuillMoney (Leeds) First published March 4, 2026: 1:28 AM ET"
    result = normalise(text(HEADLINE, "By Ana Ruiz March 4, 2026", *STORY, stamp, *STORY))
    assert result.source == "QuillMoney" and stamp in result.body


# ------------------------------------------------------------------ a blog post's meta row

def test_a_post_meta_row_gives_author_and_date() -> None:
    assert post_meta_row("Mara Quill — 2026-03-09— in Code — Permalink — License— flattr "
                         "this") == ("Mara Quill", dt.date(2026, 3, 9))
    assert post_meta_row("Mara Quill | March 9, 2026 | Comments") == ("Mara Quill",
                                                                       dt.date(2026, 3, 9))


def test_rows_without_a_post_link_or_with_prose_are_no_meta_rows() -> None:
    for line in ("Mara Quill — 2026-03-09 — in Code",
                 "Mara Quill — 2026-03-09 — The ferry kept running all winter. — Permalink",
                 "Harbour News — 2026-03-09 — Permalink", "Mara Quill — Permalink — Share",
                 "Home — Code — Photography — Talks — Contact"):
        assert post_meta_row(line) is None, line


def test_a_meta_row_under_the_story_leaves_the_body() -> None:
    row = "Mara Quill — 2026-03-09— in Code — Permalink — License— flattr this"
    footer = ["Home", "Code", "Photography", "Talks", "Contact", "© 2026 Mara Quill"]
    result = normalise(text(HEADLINE, *STORY, row, "Older post | Newer post", *footer))
    assert result.author == "Mara Quill" and result.date == dt.date(2026, 3, 9)
    assert "Permalink" not in result.body and STORY[-1] in result.body
