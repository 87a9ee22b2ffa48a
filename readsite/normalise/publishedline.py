"""An outlet's own publication stamp: "Northbank News (Lisbon) First published March 3, 2026".

Some news sites print, under or over the story, one line naming themselves, their bureau in
brackets and the time the story was first published (and, on the same line, updated).  On a
whole page pasted with select-all it ends up far from the header, after the story's last
paragraph and before the related links, where `metadata` reads only source and address
lines.  The shape (a capitalised name, a place in brackets, a "published" label with a whole
date) says itself what it is wherever it stands, so it is read anywhere in the body, when
nothing else named the outlet.  The line stays in the body: readers (and readability's own
expectations) count it as part of the article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import OUTLET_WORDS, is_outlet_name
from readsite.normalise.dates import is_updated, parse_date
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

OUTLET_PUBLISHED = Rule("outlet-published", "A line naming the outlet and its bureau before "
                        "when the story was first published (\"Northbank News (Lisbon) First "
                        "published March 3, 2026: 1:28 AM ET\"), anywhere in the body, when "
                        "nothing else names the outlet: the outlet; the line stays.  A person's "
                        "name before the bureau is a byline's, not read.")

_STAMP = re.compile(r"^(?P<outlet>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,4}?)\s+"
                    r"\((?P<place>[A-Z][^()]{1,30})\)\s+"
                    r"(?P<stamp>(?:first\s+)?(?:published|posted|updated)\b.{4,60})$", re.I)
_CLOCK = re.compile(r"^(?P<date>.*?\d{4})\s*:\s*\d{1,2}[:.]\d{2}.*$")
"""A time after the year and a colon ("February 1, 2016: 1:28 AM ET"), which `parse_date`'s
time forms do not read."""


def outlet_published(text: str) -> tuple[str, str, dt.date] | None:
    """(outlet, "date" or "updated", date) from an outlet's publication stamp (see
    `OUTLET_PUBLISHED`); None for any other line."""
    match = _STAMP.match(text.strip())
    if match is None or len(text) > 140:
        return None
    outlet, stamp = match.group("outlet").strip(), match.group("stamp").strip()
    if not is_outlet_name(outlet) or (is_name(outlet) and not any(
            fold(w) in OUTLET_WORDS for w in words(outlet))):
        return None
    date = parse_date(stamp)
    clock = _CLOCK.match(stamp) if date is None else None
    if clock is not None:
        date = parse_date(clock.group("date"))
    if date is None:
        return None
    return outlet, "updated" if is_updated(stamp) else "date", date


def published_stamp(blocks: Sequence[Block]) -> tuple[str, Trace] | None:
    """(outlet, trace) from the first outlet's publication stamp among the body's blocks."""
    for block in blocks:
        found = None if block.markup or block.heading else outlet_published(block.text)
        if found is not None:
            return found[0], OUTLET_PUBLISHED.found("source", found[0], block.line)
    return None
