"""The outlet: known outlet names, an outlet stuck to a timestamp, a wire dateline, and a
"Jane Doe, Outlet" line by the headline.  (Source lines and bylines naming the outlet are in
`metadata` and `byline`; an outlet line above the headline is in `title`.)"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import (
    NAME_OUTLET,
    OUTLET_WORDS,
    is_outlet_name,
    looks_like_outlet,
    parse_name_outlet,
)
from readsite.normalise.dates import parse_date
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

OUTLET_TIMESTAMP = Rule("outlet-timestamp", "An outlet name stuck to a timestamp (\"The Verge3:45 "
                        "PM EST\"): the outlet, and the date when it states one.")
DATELINE = Rule("dateline", "A wire dateline opening the story (\"NEW YORK (Reuters) —\", "
                "\"CHICAGO, April 8, 2025 /PR Newswire/ --\"): the "
                "outlet; the paragraph stays.")
DATELINE_DATE = Rule("dateline-date", "A press-release or wire dateline stating the day "
                     "(\"LEDBURY, England, April 7, 2026 --\", \"LYON, 3 March 2026 —\"): the "
                     "date, when no date line states one; the paragraph stays.")
KNOWN_OUTLET = Rule("known-outlet", "A line that is exactly a known outlet's name, above the "
                    "headline or at the end: the outlet.")

KNOWN_OUTLETS = frozenset(fold(name) for name in (
    "TechCrunch", "The Verge", "Reuters", "Bloomberg", "Wired", "The Guardian", "Axios",
    "The New York Times", "New York Times", "BBC News", "BBC", "CNN", "CNBC", "Ars Technica",
    "The Information", "Financial Times", "The Deep View", "VentureBeat", "ZDNet", "Engadget",
    "Associated Press", "AP News", "Forbes", "Business Insider", "The Atlantic", "Politico",
    "The Washington Post", "Washington Post", "The Wall Street Journal", "Wall Street Journal",
    "MIT Technology Review", "Fortune", "Semafor", "Platformer", "Gizmodo", "Mashable",
    "The Economist", "NPR", "Al Jazeera", "Der Spiegel", "Spiegel Online", "Heise Online",
    "Le Monde", "El País", "Süddeutsche Zeitung", "Frankfurter Allgemeine", "Le Figaro",
    "HubNextera News", "Tom's Hardware", "The Register", "9to5Mac", "MacRumors", "Quartz",
))
"""Outlets recognised on a line of their own (site.yaml's `import.sources` adds more)."""

_STUCK_TIME = re.compile(r"^(?P<outlet>[A-Z][\w&'’. -]{0,40}[a-z])(?P<stamp>\d{1,2}:\d{2}\s*"
                         r"(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)$", re.I)
_STUCK_DATE = re.compile(r"^(?P<outlet>[A-Z][\w&'’. -]{0,40}[a-z])(?P<stamp>[A-Z][a-z]{2,8}\.? "
                         r"\d{1,2}, \d{4}.*)$")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}?(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?"
                       r"\s*\((?P<outlet>[A-Z][\w .&'’-]{1,30})\)\s*"
                       r"[\u2014\u2013-]{1,2}\s*\S")
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,30}"
                            r"(?:,\s*[A-Z][\w.]{1,15}(?: [A-Z][\w.]{1,15})?)?,"
                            r"\s*[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}\s*"
                            r"/\s*(?P<outlet>[A-Z][\w .&'’-]{1,30}?)\s*/\s*"
                            r"[\u2014\u2013-]{1,2}\s*\S")
"""A press-release dateline naming its wire: "CHICAGO, April 8, 2025 /PR Newswire/ --"."""


def parse_outlet_timestamp(line: str) -> tuple[str, dt.date | None] | None:
    """(outlet, date) from an outlet stuck to a time or date ("The Verge3:45 PM EST")."""
    text = line.strip()
    for form in (_STUCK_TIME, _STUCK_DATE):
        match = form.match(text)
        if match and is_outlet_name(match.group("outlet")):
            date = parse_date(match.group("stamp")) if form is _STUCK_DATE else None
            if form is _STUCK_DATE and date is None:
                continue
            return match.group("outlet").strip(), date
    return None


_PLAIN_DATELINE = re.compile(r"^[A-Z]{3,}[A-Z .'’-]*(?:,\s*[A-Z][\w.]{1,15})*\s*(?:\([^)]{1,30}\))?"
                             r"\s*[\u2014\u2013-]{1,2}\s*\S")


_DATED_LINE = re.compile(r"^[A-Z][A-Z .'’-]{1,30}(?:,\s*[A-Z][\w.]{1,20}(?: [A-Z][\w.]{1,20})?)"
                         r"{0,2},\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} "
                         r"[A-Z][a-z]{2,8}\.?,? \d{4})\s*(?:/[^/]{1,40}/\s*)?"
                         r"(?:[\u2014\u2013-]{1,2}|:)\s*\S")
"""A dateline that states the day: an upper-case place (with its region or country), the date
with its year, perhaps a wire's name, then a dash ("LEDBURY, England, April 7, 2026 --")."""


def is_dateline(text: str) -> bool:
    """Whether a paragraph opens with a dateline ("PARIS (AFP) —", "CHICAGO, April 8, 2025
    /PR Newswire/ --", "LONDON —"): the story's first paragraph, never a dek."""
    return bool(_DATELINE.match(text) or _WIRE_DATELINE.match(text) or _PLAIN_DATELINE.match(text)
                or _DATED_LINE.match(text))


def dateline_date(blocks: Sequence[Block]) -> tuple[dt.date, Trace] | None:
    """The date a dateline opening one of the first three paragraphs states, if one does."""
    prose = [b for b in blocks if not b.heading and not b.markup][:3]
    for block in prose:
        match = _DATED_LINE.match(block.text)
        date = parse_date(match.group("date")) if match else None
        if date is not None:
            return date, DATELINE_DATE.found("date", date.isoformat(), block.line)
    return None


def find_dateline(blocks: Sequence[Block]) -> tuple[str, Trace] | None:
    """The outlet named by a wire dateline in the first paragraphs ("PARIS (AFP) —")."""
    prose = [b for b in blocks if not b.heading and not b.markup][:3]
    for block in prose:
        match = _DATELINE.match(block.text) or _WIRE_DATELINE.match(block.text)
        if match:
            outlet = match.group("outlet").strip()
            return outlet, DATELINE.found("source", outlet, block.line)
    return None


def name_outlet_line(block: Block) -> tuple[str, str, list[Trace]] | None:
    """(author, outlet, traces) when a block right by the headline is "Jane Doe, Outlet"."""
    if block.markup or block.heading:
        return None
    found = parse_name_outlet(block.text)
    if found is None:
        return None
    traces = [NAME_OUTLET.found("author", found[0], block.line),
              NAME_OUTLET.found("source", found[1], block.line)]
    return found[0], found[1], traces


OUTLET_BELOW = Rule("outlet-below-byline", "A line that is only an outlet's or a firm's name "
                    "(capitalised, ending in an outlet word: \"Gazette\", \"LLP\") on the line "
                    "right after the headline's byline or date: the outlet.")


def outlet_below(blocks: Sequence[Block], header_lines: Collection[int],
                 ) -> tuple[str, Trace] | None:
    """(outlet, trace) when the first block under the headline stands right under a byline or
    date line (`header_lines`; on the next line, or after one blank line), names an outlet
    (opening or ending in an outlet word: "Valley Sentinel", "Hartwell & Dunmore LLP", "Jornal
    do Pampa") and longer text follows."""
    if len(blocks) < 2 or blocks[0].markup or blocks[0].heading:
        return None
    text = blocks[0].text.strip()
    above = {blocks[0].line - 1, blocks[0].line - 2}  # the line above, or above a blank line
    if not above & set(header_lines) or not looks_like_outlet(text):
        return None
    ends = {fold(words(text)[-1]), fold(words(text)[0])}  # "Valley Sentinel", "Jornal do Pampa"
    if not ends & OUTLET_WORDS or len(blocks[1].text) < 2 * len(text):
        return None
    return text, OUTLET_BELOW.found("source", text, blocks[0].line)


def outlet_under_byline(blocks: Sequence[Block], header_lines: Collection[int],
                        ) -> tuple[str, Trace, int] | None:
    """`outlet_below` among the first three blocks under the headline (a dek may stand
    between the headline and the byline the outlet's line follows): (outlet, trace, index)."""
    for index in range(min(3, len(blocks) - 1)):
        found = outlet_below(blocks[index:], header_lines)
        if found is not None:
            return found[0], found[1], index
    return None
