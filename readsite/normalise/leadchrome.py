"""A whole page's header pasted above the story: mega-menus, log-in bars, section lists.

Select-all on a real news or blog page copies everything the browser shows above the article:
skip links, the site's menu (often a "mega-menu" with a sentence of blurb under each
section), a log-in bar, a ticker, a section trail, and only then the headline, its dek, the
byline and the share buttons.  That header is often 30 to 150 lines long, far more than the
header model (`header`) looks at, so the first menu item became the title.

This module finds such a long lead by its shape: the story's first *run* of paragraphs (three
of five blocks are sentences of 20+ words, so a lone menu blurb is not taken for the story)
stands 15+ blocks down, and most of the blocks above it are short.  The headline is the line
that reads as one (`headline.headline_score`: a byline or date under it, words shared with
the story, no final stop; a longer line under a plausible headline loses two points as its
dek) among the few lines just above that run, the first of equal scores, photo captions set
aside, with a byline or date under it.  Every line above it leaves the body, and
the masthead's name, when the page repeats it below ("© 2026 Name"), is the outlet.  What
stands between the headline and the story (dek, byline, date, share buttons) is left to the
header model.  Some pages print the byline and date in a form no rule reads (twice on one
glued line, "- Nov. 18th 2019 12:12 pm PT"); there a headline that clearly stands out
(`LEAD_CLEAR`: scoring two more than any other line near the story, sharing its words, with
a year or a time under it) still ends the lead, where the first menu item used to become the
title.  A lone line over the story with nothing of a header under it is still not cut at.

The pipeline asks for this only when the header model found no headline or left lines above
the one it found.  Precision first: when the run, the share of short lines, a clear headline
or its byline is missing, or two paragraphs in a row stand above the headline (prose is never
cut), the blocks are left exactly as they were.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.captions import is_caption
from readsite.normalise.headerlines import (
    CHROME_WORDS,
    has_fact_above,
    has_fact_below,
    is_short,
    is_story_line,
    nav_lines,
)
from readsite.normalise.headline import DEK_OVER, headline_score, rare_words
from readsite.normalise.masthead import is_publication, mixed_case, named_in_chrome
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, words
from readsite.normalise.title import same_line
from readsite.normalise.trace import Trace

LONG_LEAD = Rule("long-lead-chrome", "A page pasted with its whole header: the story's first run "
                 "of paragraphs (3 of 5 blocks are 20+-word sentences) stands 15+ blocks down "
                 "and most blocks above it are short (menus, mega-menu blurbs, log-in and share "
                 "controls).  The headline is the line scoring best as one (the first of equal "
                 "scores; not a photo caption) among the 16 lines just above that run, with a "
                 "byline or date under it (or directly over it, unless that fact is the "
                 "byline of a headline-like line two lines up: then it is a caption); "
                 "every line above the headline is page chrome and leaves (never when two "
                 "paragraphs in a row stand there).")

LEAD_OUTLET = Rule("long-lead-outlet", "In a whole page's header dropped by `long-lead-chrome`, "
                   "a line among its first five that names a publication (1-5 capitalised "
                   "words with an outlet word, or a known outlet) and that the page names "
                   "again below the headline inside a longer line (\"© 2026 The Lowmoor "
                   "Courier\"): the outlet.  A menu's \"Breaking News\" is not one.")

LEAD_REPEAT = Rule("long-lead-repeat", "Among the lines `long-lead-chrome` weighs as the "
                   "headline, one the page prints again further down (above a photo, in a "
                   "share box, under the byline: not directly under itself, which the header "
                   "model already counts) wins two points and is never taken for the dek of "
                   "the line above it: a page repeats its headline, never a menu's link.")

LEAD_KICKER = Rule("long-lead-kicker", "Among the lines `long-lead-chrome` weighs as the "
                   "headline, a short line (1-5 words) whose words the next line repeats is "
                   "that line's topic kicker ('Dancing With the Stars' over 'Actor leaves "
                   "Dancing with the Stars ...'): the longer line is not scored down as its dek.")

LEAD_CLEAR = Rule("long-lead-clear-headline", "In a whole page's header, when no headline "
                  "candidate has a byline or date by it (the page prints them in a form no "
                  "rule reads), the line scoring best as the headline still wins when it "
                  "scores 4+, 2 more than any other line just above the story, shares 2+ "
                  "distinctive words with the story's opening, and a year or a time of day "
                  "stands in the 3 lines under it (or the page repeats it right under "
                  "itself); every line above it leaves as `long-lead-chrome`.")

CLEAR_SCORE = 4
"""Least score of a headline without a byline or date by it (see `LEAD_CLEAR`)."""

CLEAR_MARGIN = 2
"""How far such a headline must score above every other line of the window."""

CLEAR_SHARED = 2
"""Fewest distinctive words such a headline shares with the story's opening."""

CLEAR_BELOW = 3
"""How many lines under such a headline must show the header's facts (see `LEAD_CLEAR`)."""

KICKER_WORDS = 5
"""Most words of a topic kicker (see `LEAD_KICKER`)."""

REPEATED = 2
"""Points a headline candidate wins when the page repeats it below (see `LEAD_REPEAT`)."""

REPEAT_SPAN = 12
"""How many blocks from the story's start are searched for a repeat of the headline."""

MASTHEAD_TOP = 5
"""How many lines at the top of a long lead may hold the masthead's name."""

LEAD_MIN = 15
"""Fewest blocks above the story for a lead to count as a whole page's header."""

SHORT_SHARE = 0.6
"""Least share of short blocks (at most `CHROME_WORDS` words) in such a lead."""

WINDOW = 16
"""How many blocks above the story run may hold the headline (dek, byline, date, tags, share
buttons, caption)."""

RUN = 5
"""A story run: `RUN_STORY` story lines among `RUN` blocks, starting with one."""

RUN_STORY = 3
"""Fewest story lines in a story run."""


def story_run(blocks: Sequence[Block]) -> int | None:
    """Index of the first block that opens a run of story paragraphs (a 20+-word sentence
    with two more among the next four blocks), or None."""
    for index, block in enumerate(blocks):
        if is_story_line(block) and sum(is_story_line(b)
                                        for b in blocks[index:index + RUN]) >= RUN_STORY:
            return index
    return None


def long_lead(blocks: Sequence[Block]) -> int:
    """How many leading blocks are a whole page's header above the headline (0 if none)."""
    start = story_run(blocks)
    if start is None or start < LEAD_MIN:
        return 0
    head = blocks[:start]
    if any(b.markup or b.heading for b in head):
        return 0  # a Markdown file's own structure: not a pasted page
    if sum(is_short(b, CHROME_WORDS) for b in head) < SHORT_SHARE * len(head):
        return 0
    low = max(0, start - WINDOW)
    places = [i for i in range(low, start) if not is_caption(blocks[i].text)]
    window = [blocks[i] for i in places]  # without photo captions, so a dek is seen as one
    story = " ".join(b.text for b in blocks[start:start + 3])
    index = _headline(window, nav_lines(window), story,
                      [b.text for b in blocks[start:start + REPEAT_SPAN]])
    if index is None:
        return 0
    if any(_paragraphs(blocks, i) for i in range(places[index])):
        return 0  # prose above the headline: not a header
    place = places[index]
    if (not has_fact_below(window, index) and has_fact_above(window, index) and place >= 2
            and headline_score(blocks, place - 2, story) is not None):
        return 0  # the fact over it is the byline of a headline above: a caption or dek
    return place


def _headline(window: Sequence[Block], nav: Collection[int], story: str,
              below: Sequence[str] = ()) -> int | None:
    """The headline among the lines above the story: the first line with a byline or date
    under it that scores best (`headline.headline_score`, a longer line under a plausible
    headline losing two points as its dek, a line the page repeats further down winning
    `REPEATED` points, see `LEAD_REPEAT`); None if no line scores at least 2."""
    scores: dict[int, int] = {}
    texts = [b.text for b in window]
    for index in range(len(window)):
        score = None if index in nav else headline_score(window, index, story)
        if score is None:
            continue
        again = any(same_line(texts[index], other)
                    for other in [*texts[index + 2:], *below])
        if again:
            score += REPEATED
        elif (index - 1 in scores and scores[index - 1] >= DEK_OVER
                and len(window[index].text) > len(window[index - 1].text)
                and not _kicker_of(texts[index - 1], texts[index])):
            score -= 2  # the dek under its headline
        scores[index] = score
    best = max(scores.values(), default=0)
    if best < 2:
        return None
    found = next((i for i, score in scores.items()
                  if score == best and (has_fact_below(window, i)
                                        or has_fact_above(window, i))), None)
    if found is None:
        found = _clear_headline(window, scores, story)
    return found


def _clear_headline(window: Sequence[Block], scores: dict[int, int], story: str) -> int | None:
    """The line that stands out as the headline without a byline or date by it (see
    `LEAD_CLEAR`), or None."""
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    index, best = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if best < CLEAR_SCORE or best - runner < CLEAR_MARGIN:
        return None
    if len(rare_words(window[index].text) & rare_words(story)) < CLEAR_SHARED:
        return None
    below = [b.text for b in window[index + 1:index + 1 + CLEAR_BELOW]]
    if not (any(_YEAR_OR_CLOCK.search(text) for text in below)
            or (below and same_line(window[index].text, below[0]))):
        return None  # nothing of a header under it: a lone line over the story, not a headline
    return index


_YEAR_OR_CLOCK = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|(?<!\d)\d{1,2}:\d{2}(?!\d)")
"""A year or a time of day inside a line: the trace of a date some rule could not read."""


def _kicker_of(above: str, line: str) -> bool:
    """Whether a short line is the topic kicker of the line under it, whose words it repeats
    ('Dancing With the Stars' over 'Actor leaves Dancing with the Stars after ...'): then
    the longer line is the headline, not its dek (see `LEAD_KICKER`)."""
    short = fold(above)
    return len(words(above)) <= KICKER_WORDS and bool(short) and short in fold(line)


def _paragraphs(blocks: Sequence[Block], index: int) -> bool:
    """Whether a story line opens two paragraphs in a row at `index` (one short line, a
    subheading, may stand between): prose, which a header's lone menu blurbs never are."""
    return is_story_line(blocks[index]) and any(is_story_line(b)
                                                for b in blocks[index + 1:index + 3])


def strip_long_lead(blocks: Sequence[Block]) -> tuple[list[Block], str, list[Trace]]:
    """(blocks, outlet, traces): a whole page's header pasted above the headline dropped (see
    `LONG_LEAD`), and the outlet its masthead names (see `LEAD_OUTLET`), or ""."""
    cut = long_lead(blocks)
    if not cut:
        return list(blocks), "", []
    traces: list[Trace] = []
    source = ""
    tail = [b.text for b in blocks[cut:]]
    for position, block in enumerate(blocks[:cut]):
        text = block.text.strip()
        if (not source and position < MASTHEAD_TOP and is_publication(text)
                and named_in_chrome(text, tail)):
            source = mixed_case(text, tail)
            traces.append(LEAD_OUTLET.found("source", source, block.line))
        traces.append(LONG_LEAD.dropped(text, block.line))
    return list(blocks[cut:]), source, traces
