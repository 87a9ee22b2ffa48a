"""Run-on bylines: "By Name" with the page's other header facts glued on, no separator.

A page's byline block (name, handle, date, time, a "Follow" button, the writers' roles) is
several elements side by side; select-all copies them onto one line with only spaces between:

    By Jane Doe March 18 at 12:22 PM Follow @janedoe
    by Ana Ruiz @anaruiz February 1, 2016: 12:41 PM ET
    by Kim Lee (reporting) and Tom Park (photography)
    By JANE DOE JULY 29, 2016

`byline.parse_byline` splits a byline's fields on separators (`|`, `·`, ` - `), so these lines
were not read at all.  Here the name is the longest run of words after "By" that reads as a
person's name (or two joined by "and"), and the date, when the rest states one with its year,
is found inside the rest.  Nothing else on the line is kept.
"""

from __future__ import annotations

import datetime as dt
import re

from readsite.normalise.dates import MONTHS
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule

RUN_ON_BYLINE = Rule("run-on-byline", "A byline with the header's other facts glued on by "
                     "spaces (\"By Jane Doe March 18, 2026 12:22 PM Follow @janedoe\", \"by A "
                     "(reporting) and B (photography)\"): the longest person's name after "
                     "\"By\" (or 'Von', 'Par', 'Por', 'Door', 'By:') is the author "
                     "(photographers' credits left out; 'and', 'und', 'et', 'y', 'e', 'en' "
                     "join writers), and a full date in the rest is the date (\"Von Name "
                     "publiziert am 30. Juli 2026\").")

_BY = re.compile(r"^(?:by|von|par|por|door)\s*:?\s+(?P<rest>.+)$", re.I)
_ROLE = re.compile(r"\s*\((?P<role>[^()]{2,30})\)")
_PHOTO_ROLE = re.compile(r"photo|pictures?|images?|illustrat|video|graphics?", re.I)
_AND = re.compile(r"\s+(?:and|&|und|et|y|e|en)\s+", re.I)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATES = (
    re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
               re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<mon>{_MONTH})\.?,?\s+(?:de\s+)?"
               rf"(?P<y>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
)
MAX_LENGTH = 160
"""Longest line read as a run-on byline."""
MAX_REST_WORDS = 10
"""Most words after the name (date, time, handle, button): more is a sentence."""
MAX_NAME_WORDS = 5
"""Most words of one writer's name."""


def _date_in(text: str) -> dt.date | None:
    """The first full date (with its year) written inside `text`, or None."""
    for form in _DATES:
        match = form.search(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else MONTHS[parts["mon"].casefold()]
        try:
            return dt.date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            return None
    return None


def _name_at(text: str) -> tuple[str, str] | None:
    """(the longest person's name opening `text`, what follows it), or None."""
    tokens = text.split()
    stop = next((i for i, t in enumerate(tokens) if _ends_name(t, tokens[i + 1:i + 2])),
                len(tokens))
    tokens = tokens[:stop]
    tail = text.split()[stop:]
    for count in range(min(MAX_NAME_WORDS, len(tokens)), 1, -1):
        name = " ".join(tokens[:count])
        if is_name(name):
            return name, " ".join([*tokens[count:], *tail])
    return None


def _ends_name(token: str, after: list[str]) -> bool:
    """Whether a name cannot go on at `token`: a digit, a handle, or a month before a day."""
    if any(c.isdigit() for c in token) or token.startswith(("@", "(")):
        return True
    return (token.strip(".,").casefold() in MONTHS and bool(after)
            and after[0][:1].isdigit())


def parse_run_on_byline(line: str) -> tuple[str, dt.date | None] | None:
    """(author, date) from a run-on byline (see `RUN_ON_BYLINE`); None if the line is not one.
    Several writers come back as "A and B"."""
    match = _BY.match(line.strip())
    if match is None or len(line) > MAX_LENGTH:
        return None
    rest = match.group("rest")
    names: list[str] = []
    while True:
        found = _name_at(rest)
        if found is None:
            break
        name, rest = found
        role = _ROLE.match(rest)
        if role is not None:
            rest = rest[role.end():].strip()
        if role is None or not _PHOTO_ROLE.search(role.group("role")):
            names.append(name)
        joined = _AND.match(" " + rest)
        if joined is None:
            break
        rest = (" " + rest)[joined.end():]
    if not names or len(rest.split()) > MAX_REST_WORDS or re.search(r"[.!?]$", rest.strip()):
        return None  # "By Monday Night the river had risen.": a sentence, not a byline
    return " and ".join(names), _date_in(rest)
