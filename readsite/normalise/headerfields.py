"""Header lines that state who and when by their shape: a row of fields ("Jane Doe | March 3,
2025 | 5 min read") or a person's name over their role or the date.

Split from `metadata` (which reads every kind of metadata line) so each shape's rules can grow
on their own; `metadata` calls `parse_header_fields` and `name_line` for lines in the header
region only, where a bare name or a row of short fields is the byline and not the story.
"""

from __future__ import annotations

import re
from typing import Any

from readsite.normalise.byline import (
    _FIELD_SPLIT,
    is_outlet_name,
    looks_like_outlet,
    parse_byline,
)
from readsite.normalise.dates import is_relative, is_updated, parse_date, without_age
from readsite.normalise.factrow import HANDLE_NAME, without_handle
from readsite.normalise.names import is_name
from readsite.normalise.rolelines import is_role
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, fold_line, words

HEADER_FIELDS = Rule("header-fields", "A header line of fields (\"Jane Doe | March 3, 2025 | 5 min "
                     "read\"): the author, date and outlet it names.")
NAME_LINE = Rule("name-line", "A header line that is just a person's name, above their role "
                 "(\"Science correspondent\", dropped with it) or a date line, or with a "
                 "relative time after it (\"Alex Perry 1 day ago\"): the author.")

Found = list[tuple[str, Any, Rule]]
"""(front matter key, value, rule) for each value one line states."""

PUBLISHED_IN_LINE = re.compile(r"^(?:published|posted|featured|appeared) in\s+(?P<name>\S.{0,60})$",
                               re.I)
"""A platform's "Published in <Publication>" line."""
_READ_TIME = re.compile(r"^\d{1,3}\s*(?:-|\s)?(?:min|mins|minutes?)(?:\s+read)?$", re.I)
_COMMENT_COUNT = re.compile(r"^(?:\d{1,5}|no)\s+(?:comments?|responses?|replies|kommentare|"
                            r"commentaires?|comentarios?|commenti)$", re.I)
"""A field counting comments ("4 Comments"): skipped like a reading time, never an outlet."""

def parse_header_fields(line: str, outlets: frozenset[str]) -> list[tuple[str, Any]] | None:
    """[(key, value)] from "Jane Doe | March 3, 2025 | 5 min read"; None unless every field is
    a name, a date, a reading time or a known outlet."""
    parts = [p.strip() for p in _FIELD_SPLIT.split(line.strip()) if p.strip()]
    if len(parts) < 2 or len(line) > 150:
        return None
    found: list[tuple[str, Any]] = []
    unknown = ""
    for part in parts:
        if _COMMENT_COUNT.match(part) or is_relative(part):
            continue
        date = parse_date(part)
        byline = parse_byline(part)
        if date is not None:
            found.append(("updated" if is_updated(part) else "date", date))
        elif byline is not None:
            found.append(("author", byline[0]))
        elif fold(part) in outlets or looks_like_outlet(part):
            found.append(("source", part))
        elif is_name(part):
            found.append(("author", part))
        elif is_outlet_name(part) and not unknown and len(words(part)) <= 5:
            unknown = part
        elif not _READ_TIME.match(part):
            return None
    if unknown:  # an unknown outlet only beside a date ("Northfield Courier · Mar 14, 2025")
        if not any(key in ("date", "updated") for key, _ in found):
            return None
        found.append(("source", unknown))
    return found


ROLE_LINE_UNDER = re.compile(r"^(?:[\w-]+\s){0,3}(?:correspondent|reporter|editor|writer|columnist|"
                        r"contributor|staff writer|host|producer|analyst)$", re.I)


_AT_VENUE = re.compile(r"^(?P<name>[^\W\d][^,|:]{2,40}?)\s+(?:at|in)\s+(?:the\s+)?[A-ZÀ-Þ][\w'’.-]*"
                       r"(?:\s+[^\W\d_][\w'’.-]*){0,4}$")
"""A "Name at Venue" / "Name in Place" line ("Jane Doe at Quay Park"), over the date."""


def name_line(name: str, after: str) -> tuple[Found | None, bool]:
    """A header line that is just a person's name, above their role ("Science correspondent")
    or a date: (the author, whether the role line goes too).  "Name at Venue" / "Name in
    Place" over a date counts too: where they reported from is not part of the name; so does
    a name with a relative time after it ("Alex Perry 1 day ago"), a date too vague to keep."""
    aged = without_age(name)
    if aged != name.strip() and is_name(aged) and not looks_like_outlet(aged):
        return [("author", aged, NAME_LINE)], False  # "Alex Perry 1 day ago"
    handled = without_age(without_handle(name))
    if handled != name.strip() and is_name(handled) and not looks_like_outlet(handled):
        return [("author", handled, HANDLE_NAME)], False  # "Alex Perry @alexperry"
    venue = _AT_VENUE.match(name.strip())
    if venue and is_name(venue.group("name")) and parse_date(after) is not None:
        return [("author", venue.group("name"), NAME_LINE)], False
    head, _, role = name.partition(",")  # "Jane Doe, Political Editor" over the date
    if role and is_name(head) and ROLE_LINE_UNDER.match(role.strip()) and parse_date(after):
        return [("author", head.strip(), NAME_LINE)], False
    if not is_name(name) or looks_like_outlet(name) or words(name)[0] in ("The", "A", "An"):
        return None, False  # "The Saltmarsh Letter" over its issue's date: a title
    if ROLE_LINE_UNDER.match(after.strip()) or (is_role(after) and len(words(after)) <= 3):
        return [("author", name.strip(), NAME_LINE)], True  # "Jane Doe" / "dziennikarz"
    if parse_date(after) is not None:
        return [("author", name.strip(), NAME_LINE)], False
    byline = parse_byline(after)
    if byline is not None and byline[1] is not None and fold(byline[0]) == fold(name):
        return [("author", name.strip(), NAME_LINE)], False  # the name, then "Posted ... by" it
    if PUBLISHED_IN_LINE.match(after.strip()) or fold_line(after) in ("published in", "posted in"):
        return [("author", name.strip(), NAME_LINE)], False
    return None, False
