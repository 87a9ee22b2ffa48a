"""Dates a whole page's header states in places the line readers do not look.

A clipping's date stands on a line of its own or in a byline, and `metadata` reads it there.
A page copied whole with select-all prints it in two more ways that real pages showed:

* glued to the writer's name, with the comment count after it, because a blog theme sets the
  three side by side without separators ("Jane Doe March 9, 2026 13");
* on its own line, but just below the header region `metadata.header_end` measured: a whole
  page's furniture (a photo credit, the headline printed again, a sponsor's label) runs
  together into one long block with no sentence stop at its end, which `header_end` takes for
  the story's first paragraph, and the date line under it was then read as story text.

Both are read only where the shape leaves no doubt: a person's name (never a month, weekday
or date label) and a whole date; a whole-line date with the story's first finished paragraph
right under it and no finished paragraph right above it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import looks_like_outlet
from readsite.normalise.dates import MONTHS, is_updated, parse_date
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import words

NAME_DATE = Rule("name-date", "A header line that is a person's name (2-3 words, none a month, "
                 "weekday or date label) glued to a whole date, maybe with a comment count "
                 "after it (\"Jane Doe March 9, 2026 13\"): the author and the date.")
DATE_UNDER_HEADER = Rule("date-under-header", "A whole-line date right under the header region, "
                         "when the header states no date, the block above it is no finished "
                         "paragraph (a whole page's furniture run together) and the story's "
                         "first paragraph stands right under it: the date.")

NAME_WORDS = (2, 3)
"""How many words the name before the date may have."""

MAX_CHARS = 80
"""Longest line read as a name and a date: a longer one is a sentence."""

_COUNT = re.compile(r"\s+\d{1,4}$")
"""A comment count printed after the date ("... March 9, 2026 13")."""

_NOT_NAME = frozenset({
    "mon", "monday", "tue", "tuesday", "wed", "wednesday", "thu", "thursday", "fri", "friday",
    "sat", "saturday", "sun", "sunday", "posted", "published", "updated", "last", "modified",
    "by", "on", "date", "edited", "written", "staff", "reporter", "editor", "news", "new",
})
"""Words that make the part before a date a label, a weekday or a place, never a name
("Last Updated March 9, 2026", "Posted On March 9, 2026", "New York March 9, 2026")."""


def name_date(text: str) -> tuple[str, str, dt.date] | None:
    """(author, "date" or "updated", date) from "Jane Doe March 9, 2026" (a comment count may
    follow the date); None for any other line."""
    text = text.strip()
    if len(text) > MAX_CHARS:
        return None
    tokens = text.split()
    for count in NAME_WORDS:
        if count >= len(tokens):
            break
        name, rest = " ".join(tokens[:count]), " ".join(tokens[count:])
        if (not is_name(name) or looks_like_outlet(name)
                or any(w.casefold().rstrip(".") in _NOT_NAME or w.casefold().rstrip(".") in MONTHS
                       for w in words(name))):
            continue
        date = parse_date(rest)
        if date is None and _COUNT.search(rest):
            rest = _COUNT.sub("", rest)
            date = parse_date(rest)
        if date is not None:
            return name, "updated" if is_updated(rest) else "date", date
    return None


_FINISHED = re.compile(r"[.!?\"\u201d\u00bb)]$")
"""How a finished paragraph ends."""

STORY_WORDS = 20
"""Fewest words of the story's first paragraph under the date (as `headerlines.STORY_WORDS`,
which `metadata` cannot import: `headerlines` imports `metadata`)."""


def _story_line(block: Block) -> bool:
    """Whether a block reads as a paragraph of the story: 20+ words, ending a sentence."""
    return (not block.markup and not block.heading and len(words(block.text)) >= STORY_WORDS
            and bool(_FINISHED.search(block.text.strip())))


def date_under_header(blocks: Sequence[Block], top: int) -> tuple[str, dt.date] | None:
    """("date" or "updated", date) when block `top`, the first below the header region, is a
    whole-line date between a block that is no finished paragraph and the story's first
    paragraph (see `DATE_UNDER_HEADER`); None otherwise.  The caller asks only when the
    header itself stated no date."""
    if not 0 < top < len(blocks) - 1:
        return None
    block, above, below = blocks[top], blocks[top - 1], blocks[top + 1]
    if block.markup or block.heading or above.markup:
        return None
    date = parse_date(block.text)
    if date is None or _FINISHED.search(above.text.strip()) or not _story_line(below):
        return None
    return "updated" if is_updated(block.text) else "date", date
