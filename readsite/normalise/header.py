"""The header region of a pasted page: everything above the story's first paragraphs.

A page copied with "select all" puts its chrome above the story: the site's name, runs of
navigation words, an app bar, a cookie title, a section label (kicker), sometimes the author
box, then the headline, a dek and the byline.  Rather than trusting the first line, this module
models that region:

* the *story start* is the first run of two long sentence-like paragraphs (`story_start`);
* every line above it is a *header line*; runs of short lines are navigation (`nav_lines`);
* each remaining header line is scored as a headline by general features (`headline_score`):
  length, case, final stop, a byline or date below it, words it shares with the story;
* above the chosen headline, navigation, the kicker, an outlet's name and short chrome go
  (`strip_header`); metadata lines (bylines, dates, names) stay for `metadata` to read.

Precision first: a line that may be prose is never dropped here, and when no header line
scores clearly better than the first one, the blocks are left exactly as they were.

The line classifiers are in `headerlines` and the headline score in `headline`; the names
tests and other modules read from here are re-exported.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from readsite.normalise.blocks import Block
from readsite.normalise.byline import looks_like_outlet, parse_byline
from readsite.normalise.dates import parse_date, without_age
from readsite.normalise.headerlines import (
    CHROME_WORDS,
    NAV_RUN_MIN,
    NAV_WORDS,
    has_fact_above,
    has_fact_below,
    is_caption,
    is_header_fact,
    is_menu,
    is_meta_line,
    is_role_line,
    is_short,
    is_story_line,
    nav_lines,
    story_start,
)
from readsite.normalise.headings import is_all_caps
from readsite.normalise.headline import (
    HEADLINE,
    TICKER,
    chrome_above,
    headline_index,
    headline_score,
)
from readsite.normalise.linerules import is_boilerplate
from readsite.normalise.masthead import (
    HEADER_OUTLET,
    OUTLET_OVER_SECTION,
    is_publication,
    is_site_name,
    mixed_case,
    named_in_chrome,
    over_section_label,
    under_menu,
)
from readsite.normalise.metadata import is_published_in
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words
from readsite.normalise.title import is_kicker, is_outlet_line, is_title_like
from readsite.normalise.trace import Trace

__all__ = [
    "CAPTION",
    "HEADER_CHROME",
    "KICKER",
    "MASTHEAD_BAR",
    "NAME_BELOW",
    "NAV_RUN",
    "ROLE_LINE",
    "Header",
    "headline_first",
    "headline_index",
    "headline_score",
    "in_masthead_bar",
    "nav_lines",
    "story_start",
    "strip_header",
]

NAV_RUN = Rule("nav-run", "Above the headline, a run of 3+ short lines (1-3 words, no sentence "
               "stop, not a date or byline): the site's navigation; dropped.")
KICKER = Rule("kicker", "A 1-3-word line directly above the headline the header model chose (a "
              "section label such as \"Analysis\"), or between it and the story: dropped.")
HEADER_CHROME = Rule("header-chrome", "A short line (at most 6 words, no sentence stop, not a "
                     "date, byline or name) above the headline the header model chose: page "
                     "chrome (an app bar, a cookie title, a skip link); dropped.")
ROLE_LINE = Rule("header-role", "A writer's role on a line of its own in the header region "
                 "(\"Staff Writer\", \"Senior Editor, Markets\"): dropped.")
NAME_BELOW = Rule("header-name", "The only line between the headline and the story that is "
                  "just a person's name, when no byline names one: the author.")
MASTHEAD_BAR = Rule("masthead-bar", "Above the headline the header model chose, a site name "
                    "(1-4 capitalised words, not a section word) right beside a line dropped as "
                    "chrome (an app banner, \"Subscribe\", cookie buttons): the outlet.")
CAPTION = Rule("header-caption", "The last line above the story, under the byline or date, "
               "when it has no final stop and a dek already stands under the headline: a photo "
               "caption; dropped.")

def in_masthead_bar(block: Block, chrome: Collection[int]) -> bool:
    """Whether a header line above the headline is the site's name in its top bar: a site
    name (1-4 capitalised words, not a section word) on an input line right beside one that
    was dropped as chrome (an app banner, "Subscribe", a cookie notice's buttons)."""
    if block.markup or not block.line or not is_site_name(block.text):
        return False
    if is_all_caps(block.text) and len(words(block.text)) == 1:
        return False  # "OPINION": a section label
    return block.line - 1 in chrome or block.line + 1 in chrome


@dataclass(frozen=True, slots=True)
class Header:
    """What `strip_header` made of the header region."""

    blocks: list[Block]
    """The blocks without the navigation, kicker, outlet line and chrome above the headline."""
    source: str
    """The outlet a header line names, if any."""
    headline: int
    """Input line of the chosen headline (0: the header model left the first line in place)."""
    traces: list[Trace]
    """The outlet and headline found, and every line dropped."""
    author: str = ""
    """A writer's name standing alone between the headline and the story, if any."""


def _published_lead(blocks: Sequence[Block]) -> int:
    """How many top blocks are a "Published in X" line (1), or "Published in" over X (2)."""
    if not blocks or blocks[0].markup or not is_published_in(blocks[0].text):
        return 0
    if fold(blocks[0].text) in ("published in", "posted in") and len(blocks) > 1:
        return 2
    return 1


def strip_header(blocks: Sequence[Block], later: Sequence[str] = (),
                 chrome: Collection[int] = ()) -> Header:
    """Model the header region and clear what stands above (and around) its headline.
    `later`: lines after the blocks' header (a "© YEAR Name" footer), for the outlet;
    `chrome`: input lines already dropped as page chrome (a masthead bar's buttons)."""
    lead = _published_lead(blocks)
    if lead:  # a platform's "Published in X" on top: model the page under it, keep it for
        inner = strip_header(blocks[lead:], later, chrome)  # `metadata` (the source)
        return replace(inner, blocks=[*blocks[:lead], *inner.blocks])
    start = story_start(blocks)
    head = list(blocks[:start])
    unchanged = Header(list(blocks), "", 0, [])
    if not head or start >= len(blocks):
        return unchanged
    nav = nav_lines(head)
    story = " ".join(b.text for b in blocks[start:start + 3])
    index = headline_index(head, nav, story)
    top = 0
    while top in nav:
        top += 1
    sections = 0
    while sections < len(head) and fold(head[sections].text) in SECTION_WORDS:
        sections += 1
    top = max(top, sections if sections >= 2 or sections == len(head) else 0)
    if index is None and ((top >= NAV_RUN_MIN + 1 and is_menu(head[:top]))
                          or top == sections > 0):  # no headline: a menu on top still goes
        menu = [NAV_RUN.dropped(b.text.strip(), b.line) for b in head[:top]]
        return Header(list(blocks[top:]), "", 0, menu)
    tail = [b.text for b in blocks[start:]] + list(later)
    masthead = (index == 1 and 0 not in nav and not head[0].markup and has_fact_below(head, 1)
                and (is_publication(head[0].text, tail) or under_menu(head[0], chrome, later)
                     or _name_over_byline(head) or named_in_chrome(head[0].text, later)))
    if index is None or index == 0 or (index == 1 and not masthead and 0 not in nav and (
            is_outlet_line(head[0], head[1:], later)
            or (not is_short(head[0], NAV_WORDS) and not TICKER.match(head[0].text))
            or is_meta_line(head[0].text)
            or (is_kicker(head[0], head[1]) and has_fact_below(head, 1))
            or not (fold(head[0].text) in SECTION_WORDS or has_fact_below(head, 1)))):
        return unchanged  # one line above a headline with a byline: `title` reads it
    if not (has_fact_below(head, index) or has_fact_above(head, index)
            or any(i < index for i in nav)
            or fold(head[index - 1].text) in SECTION_WORDS
            or chrome_above(head, index, story)):
        return unchanged  # no byline, date, menu or section word proves the header
    first = headline_score(head, 0, story) if 0 not in nav else None
    if first is not None and first >= (headline_score(head, index, story) or 0):
        return unchanged
    kept: list[Block] = []
    traces: list[Trace] = []
    source = ""
    for position, block in enumerate(head[:index]):
        text = block.text.strip()
        if block.markup:
            kept.append(block)
        elif not source and (is_publication(text, tail) or (position == 0 and 1 in nav
                             and is_site_name(text)) or named_in_chrome(text, later)
                             or (position == 0 and masthead)):
            source = mixed_case(text, tail)
            traces.append(HEADER_OUTLET.found("source", source, block.line))
        elif (not source and over_section_label(head, position, index)
              and has_fact_below(head, index)):
            source = mixed_case(text, tail)
            traces.append(OUTLET_OVER_SECTION.found("source", source, block.line))
        elif not source and in_masthead_bar(block, chrome):
            source = mixed_case(text, tail)
            traces.append(MASTHEAD_BAR.found("source", source, block.line))
        elif position in nav:
            traces.append(NAV_RUN.dropped(text, block.line))
        elif (position == index - 1 and is_short(block, NAV_WORDS) and parse_date(text) is None
              and parse_byline(text) is None):
            traces.append(KICKER.dropped(text, block.line))
        elif is_role_line(text):
            traces.append(ROLE_LINE.dropped(text, block.line))
        elif (is_header_fact(text, head[position + 1].text)
              or (not is_name(text) and is_meta_line(text))):
            kept.append(block)
        elif (is_short(block, CHROME_WORDS) or TICKER.match(text)
              or (is_boilerplate(text) and len(words(text)) <= 12)):
            traces.append(HEADER_CHROME.dropped(text, block.line))
        else:
            kept.append(block)
    headline = head[index]
    traces.append(HEADLINE.found("title", headline.text.strip(), headline.line))
    after: list[Block] = []
    for number, block in enumerate(head[index + 1:], index + 1):
        below = head[number + 1].text if number + 1 < len(head) else ""
        if not block.markup and is_role_line(block.text):
            traces.append(ROLE_LINE.dropped(block.text.strip(), block.line))
        elif not source and not block.markup and is_publication(block.text, tail):
            source = block.text.strip()
            traces.append(HEADER_OUTLET.found("source", source, block.line))
        elif (is_short(block, NAV_WORDS) and not is_meta_line(block.text) and not block.heading
                and block.text.strip()[:1].isupper() and not is_meta_line(below)
                and not block.text.rstrip().endswith(":")
                and (number == index + 1 or has_fact_below(head, number))):
            traces.append(KICKER.dropped(block.text.strip(), block.line))  # not a subheading
        elif number == len(head) - 1 and is_caption(head, index, number):
            traces.append(CAPTION.dropped(block.text.strip(), block.line))
        else:
            after.append(block)
    author = ""
    names = [b for b in after if not b.markup and is_name(without_age(b.text))
             and not looks_like_outlet(without_age(b.text))]  # "Alex Perry 1 day ago" too
    if len(names) == 1 and not any(parse_byline(b.text) for b in [*kept, *after]):
        author = without_age(names[0].text)
        traces.append(NAME_BELOW.found("author", author, names[0].line))
        after = [b for b in after if b is not names[0]]
    rest = [*kept, headline, *after, *blocks[start:]]
    return Header(rest, source, headline.line, traces, author)


def _name_over_byline(head: Sequence[Block]) -> bool:
    """Whether the first of three header lines is a site's name (3-4 capitalised words) over a
    title-like headline with a "By X" line right under it: the byline belongs to the line it
    stands under ("Low Frequency Notes" / "Band – Album" / "By Jane Doe on May 5, 2026")."""
    if len(head) < 3 or any(b.markup for b in head[:3]):
        return False
    name, headline, byline = (b.text.strip() for b in head[:3])
    return (3 <= len(words(name)) <= 4 and is_site_name(name) and is_title_like(headline)
            and not name.endswith(("?", "!")) and parse_byline(headline) is None
            and parse_byline(byline) is not None)


def headline_first(blocks: Sequence[Block], headline: int) -> list[Block]:
    """The blocks with the headline (input line `headline`) first: the lines `strip_header`
    kept above it (possible prose) move to just before the story's first paragraph."""
    index = next((i for i, b in enumerate(blocks) if headline and b.line == headline), 0)
    if index == 0:
        return list(blocks)
    before, rest = list(blocks[:index]), list(blocks[index:])
    start = next((i for i, b in enumerate(rest) if i and is_story_line(b)), len(rest))
    return [*rest[:start], *before, *rest[start:]]
