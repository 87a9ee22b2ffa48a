"""Header lines set in a heading element: a byline (`<h6 class="byline">By <a>Name</a>`), a
date (`<h2 class="date">`), a standfirst (`<h2 class="dek">` under the headline).  The
extractor keeps each as a `##` heading of the story, where the normaliser, which reads a
heading as the writer set it, never takes it for the header line it is.

Only the story's first lines are looked at.  A heading there is dropped only when it is the
"By" label alone or the label and a name the page states as its author (the author is in the
front matter already, and no section of a story is headed by its writer's name).  A date
alone, or the story's very first line written as a sentence (ending in a full stop, as no
section heading does), loses only its heading mark: its words stay for the normaliser to
read as the date line or the dek.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise import parse_date
from readsite.normalise.trace import Trace

HEADER_PARAGRAPHS = 6
"""How many paragraphs from the top are the header, where a byline stands."""
HEADING_RE = re.compile(r"^#{1,6}\s+(?P<text>.+)$")
DEK_MIN_WORDS = 6
"""Fewest words of a first heading read as a standfirst sentence."""
DATE_MAX_WORDS = 8
"""Most words of a heading read as a date line ("Monday 9 March 2026, 10:30 GMT")."""
BY_LABELS = ("by", "von", "par", "por", "di", "door", "av", "af")
"""The label before a byline's name, in the languages the normaliser knows."""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def byline_heading(text: str, authors: Sequence[str]) -> bool:
    """Whether a heading's text is a byline: the label alone ("By"), or the label and one of
    the stated `authors` at its start ("By Jane Doe May 3, 2026")."""
    said = _words(text)
    if said in ([label] for label in BY_LABELS):
        return True
    if not said or said[0] not in BY_LABELS:
        return False
    for author in authors:
        name = _words(author)
        if name and said[1:1 + len(name)] == name:
            return True
    return False


def header_line(text: str, first: bool) -> bool:
    """Whether a heading among the story's first lines is a header line set as a heading: a
    date alone, or (`first`: nothing stands before it) a sentence, the standfirst."""
    said = _words(text)
    if len(said) <= DATE_MAX_WORDS and parse_date(text) is not None:
        return True
    stripped = text.rstrip()
    return (first and len(said) >= DEK_MIN_WORDS and stripped.endswith(".")
            and not stripped.endswith(".."))


def drop_byline_headings(paragraphs: Sequence[str], authors: Sequence[str]
                         ) -> tuple[list[str], list[Trace]]:
    """The paragraphs without a byline heading among the story's first lines, and a date or
    standfirst heading there as plain text."""
    kept: list[str] = []
    traces: list[Trace] = []
    for index, paragraph in enumerate(paragraphs):
        match = HEADING_RE.match(paragraph.strip())
        if match and index < HEADER_PARAGRAPHS:
            text = match.group("text").strip()
            if byline_heading(text, authors):
                traces.append(Trace("dropped", "extractor: byline heading", text))
                continue
            if header_line(text, not kept):
                traces.append(Trace("changed", "extractor: header line set as heading", text))
                kept.append(text)
                continue
        kept.append(paragraph)
    return kept, traces
