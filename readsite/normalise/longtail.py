"""A whole page's footer pasted under the story: teaser lists, footer menus, language pickers.

Select-all copies everything below the article too: "most read" headlines, a grid of teasers
(a headline, sometimes a sentence of summary), the site's footer menu, a country or language
picker, legal links.  When no marker opens it ("Related articles": `tails`), none of those
lines is chrome by its words, so they stayed in the body one by one.  Their *shape* gives them
away: after the story's last run of paragraphs comes a long run of short lines (headlines and
menu items) with at most a stray sentence among them.

`strip_long_tail` runs late, once the outlet and the author have been read (a footer's
"© 2026 Name" or an author box may name them), and drops such a run whole.  Precision first:
short finished sentences right under the last paragraph (a closing line, a sign-off) stay,
and the run must be long and hold at most three other lines (a teaser's summary), so a
review's later sections or a reference list are never taken for a footer.  A story that ends
in a dated list (a band's tour dates, "June 9 – West Palm Beach, FL @ ...") is short lines
without a stop too: a run of such items opening the footer run is the story's, and only what
follows it can be the footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.dates import MONTHS
from readsite.normalise.headerlines import STOP, is_story_line
from readsite.normalise.rules import Rule
from readsite.normalise.text import words
from readsite.normalise.trace import Trace

LONG_TAIL = Rule("long-tail-chrome", "After the story's last run of paragraphs, a run of 10+ "
                 "lines that are almost all short (at most 12 words, no sentence stop or colon: "
                 "teaser headlines, footer menus, language pickers; at most 3 others): the "
                 "page's footer, dropped whole.  Finished sentences right under the last "
                 "paragraph stay, and so does a list of 5+ dated items opening the run, "
                 "under a heading of its own or not ('June 9 – West Palm Beach, FL @ ...': "
                 "the story's tour dates).")

TAIL_MIN = 10
"""Fewest blocks of a footer run."""

SHORT_WORDS = 12
"""Most words of a short (headline or menu) line."""

SHORT_SHARE_SLACK = 0.2
"""Most share of other lines (finished sentences, a line ending in ":") in a footer run."""

TAIL_PROSE_MAX = 3
"""Most such lines in a footer run, however long (a teaser's summary, a stray caption): more
is the story going on (a review's later sections, a reference list)."""


LIST_MIN = 5
"""Fewest dated items in a row under the story that make a list of its own (see `_DATED_ITEM`)."""

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATED_ITEM = re.compile(rf"^(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.?\s+"
                         rf"(?:{_MONTH})\.?)\s*[\u2013\u2014:-]\s*\S", re.I)
"""An item of a dated list: a day and month, a dash or colon, then what happens that day ("June
9 – West Palm Beach, FL @ Coral Sky Amphitheatre").  Short and without a stop, such items
look like a footer's links; a run of them under the story is the story's schedule or tour
dates.  (A teaser's date stands on a line of its own, with nothing after a dash.)"""


def _dated(block: Block) -> bool:
    return not block.markup and _DATED_ITEM.match(block.text.strip()) is not None


def _short(block: Block) -> bool:
    text = block.text.strip()
    return len(words(text)) <= SHORT_WORDS and not STOP.search(text) and not text.endswith(":")


def _paired(blocks: Sequence[Block], index: int) -> bool:
    """Whether a story line at `index` follows another (one line, a subheading, between)."""
    return is_story_line(blocks[index]) and any(is_story_line(b)
                                                for b in blocks[max(0, index - 2):index])


def long_tail(blocks: Sequence[Block]) -> int:
    """Index where a whole page's footer starts (len(blocks) if none)."""
    last = next((i for i in range(len(blocks) - 1, 0, -1) if _paired(blocks, i)), None)
    if last is None:
        return len(blocks)
    start = last + 1
    while start < len(blocks) and not _short(blocks[start]) and not blocks[start].markup:
        start += 1  # the story's closing lines: finished sentences under the last paragraph
    first = start + 1 if start + 1 < len(blocks) and _dated(blocks[start + 1]) else start
    listed = first  # a dated list may stand under a heading of its own ("Tour Dates")
    while listed < len(blocks) and _dated(blocks[listed]):
        listed += 1
    if listed - first >= LIST_MIN:
        start = listed  # the story's own dated list (tour dates, a schedule) stays
    tail = blocks[start:]
    if len(tail) < TAIL_MIN or any(b.markup or b.heading for b in tail):
        return len(blocks)
    prose = sum(not _short(b) for b in tail)
    if prose > SHORT_SHARE_SLACK * len(tail) or prose > TAIL_PROSE_MAX:
        return len(blocks)
    return start


def strip_long_tail(blocks: Sequence[Block]) -> tuple[list[Block], list[Trace]]:
    """Drop a whole page's footer pasted under the story (see `LONG_TAIL`)."""
    start = long_tail(blocks)
    return list(blocks[:start]), [LONG_TAIL.dropped(b.text.strip(), b.line)
                                  for b in blocks[start:]]
