"""A header's facts on one line, however the page glues them: "date | BY: name", "Updated
Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", "Von Name publiziert am 30. Juli 2018".

Real pages print the byline and the date side by side, and select-all copies them as one line
with a separator, a stray semicolon or a verb between them.  The header model asks whether a
line under (or over) a headline is a byline or a date (`headerlines.is_header_fact`); such a
row is both, and, unrecognised, left the real headline without the fact it needs while the
date row itself was scored as a headline.  This module recognises such rows (what each part
is) and reads them part by part with the byline and date readers (`fact_row_fields`), so a
row in the header gives the author and date and leaves the body, where it stayed as a line
of furniture ("Updated on: Nov 19, 2019 / 10:07 AM / CBS News").
"""

from __future__ import annotations

import re

from readsite.normalise.byline import parse_byline
from readsite.normalise.dates import MONTHS, is_updated, parse_date
from readsite.normalise.rules import Rule
from readsite.normalise.text import words

FACT_ROW = Rule("fact-row", "A short line (at most 16 words) whose parts, split at '|', ';', "
                "'·', '•' or ' / ' or at a 'published on' verb, include a byline or a date "
                "(also a month-and-day date without its year, 'Updated Nov 19, 9:41 AM') and a "
                "second byline, date, time of day or 'Source: value' part ('Updated on: Nov "
                "19, 2019 / 10:07 AM / CBS News'), and nothing else longer than six "
                "words: the header's facts side by side, which proves the line above it a "
                "headline and is never one itself.")

MAX_WORDS = 16
"""Most words of a fact row."""

PART_WORDS = 6
"""Most words of one part of a fact row that is neither a byline nor a date."""

_SPLIT = re.compile(r"\s*[|;\u00b7\u2022]\s*|\s+/\s+|\s+(?:(?:publiziert|veröffentlicht|erschienen|"
                    r"published|posted|updated|publié|publicado|pubblicato)(?:\s+(?:am|on|le|"
                    r"el|em|il))?)\s+(?=\d|[A-Z])", re.I)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SHORT_DATE = re.compile(rf"^(?:(?:updated|posted|published|last updated|modified)\s*:?\s*)?"
                         rf"(?:(?:{_MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:{_MONTH})\.?)"
                         r"(?:,?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[a-z]{2,4})?)?$",
                         re.I)
_TIMED = re.compile(r"\d[:.]\d{2}|^\s*(?:updated|posted|published|last updated|modified)\b",
                    re.I)
_LABEL = re.compile(r"^(?:source|sources|quelle|fuente|fonte|via|agency|agentur)\s*:\s*\S", re.I)
"""A 'Source: value' part beside a date ("Source: Estuary Daily")."""
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?$", re.I)
"""A time of day as a part of its own beside the date ("November 19, 2019 / 10:07 AM")."""
_BY_LABEL = re.compile(r"^(?:by|von|par|por|di|door)\s*:\s*", re.I)


def _is_fact(part: str) -> bool:
    """Whether one part of a row is a byline or a date."""
    part = part.strip(" ,")
    if not part:
        return False
    if parse_date(part) is not None or _SHORT_DATE.match(part):
        return True
    return parse_byline(_BY_LABEL.sub("By ", part)) is not None


def is_fact_row(text: str) -> bool:
    """Whether a line is a header's byline and date (or two dates) glued together (see
    `FACT_ROW`); a line `parse_byline` or `parse_date` reads whole is not asked about here."""
    line = text.strip()
    sentence = line.endswith((".", "!", "?")) and not re.search(r"\b[ap]\.?m\.$", line, re.I)
    if not line or len(words(line)) > MAX_WORDS or sentence:
        return False
    parts = [p for p in _SPLIT.split(line) if p and p.strip(" ,")]
    if not parts:
        return False
    if len(parts) == 1:  # a lone month and day: only with its time or an 'Updated' label
        return bool(_SHORT_DATE.match(parts[0].strip()) and _TIMED.search(parts[0]))
    facts = [part for part in parts if _is_fact(part)]
    labels = [part for part in parts if part not in facts and (
        _LABEL.match(part.strip()) or _CLOCK.match(part.strip()))]
    if not facts or len(facts) + len(labels) < 2:
        return False  # one date beside free words ("Part 2 | March 4, 2026") may be a heading
    return all(part in facts or len(words(part)) <= PART_WORDS for part in parts)


FACT_ROW_FIELDS = Rule("fact-row-fields", "A fact row (`fact-row`) in the header region or "
                       "at the end, read part by part: the first byline's name is the author, "
                       "the first date the date ('Updated ...' parts the update); the row "
                       "leaves the body.  A row none of whose parts reads (a date without its "
                       "year) stays where it is.")


def fact_row_fields(text: str) -> list[tuple[str, object]]:
    """The author, date and update a fact row states (see `FACT_ROW_FIELDS`), in that order;
    [] when the line is no fact row or no part of it reads whole."""
    if not is_fact_row(text) or parse_date(text) is not None:
        return []
    found: dict[str, object] = {}
    for part in _SPLIT.split(text.strip()):
        part = (part or "").strip(" ,")
        if not part:
            continue
        byline = parse_byline(_BY_LABEL.sub("By ", part))
        if byline is not None:
            found.setdefault("author", byline[0])
            if byline[1] is not None:
                found.setdefault("date", byline[1])
            continue
        date = parse_date(part)
        if date is not None:
            found.setdefault("updated" if is_updated(part) else "date", date)
    return [(key, found[key]) for key in ("author", "date", "updated") if key in found]


HANDLE_NAME = Rule("handle-name", "A header line that is a person's name with their social "
                   "handle beside it ('Jane Doe @janedoe', 'Jane Doe, @janedoe'): a header "
                   "fact (it proves the line above a headline) and the author's name.")

_HANDLE = re.compile(r"^(?P<name>.{3,60}?)\s*,?\s+@[A-Za-z0-9_]{2,30}$")


def without_handle(text: str) -> str:
    """The line without a trailing social handle ('Jane Doe @janedoe' -> 'Jane Doe'); the
    line itself when it ends in none."""
    match = _HANDLE.match(text.strip())
    return match.group("name").strip() if match else text.strip()
