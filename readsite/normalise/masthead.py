"""The outlet a pasted page names in its masthead or its footer.

A page copied whole names its publication near the top (a masthead line "The Brackwater
Gazette", the site's name above its menu) and often again in a footer ("© 2025 The
Brackwater Gazette. All rights reserved.").  These are small pure tests used by the header
model (`header`) and, for the footer, by the pipeline when nothing else names the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.boilerplate import is_boilerplate
from readsite.normalise.byline import OUTLET_WORDS, is_outlet_name, parse_byline
from readsite.normalise.dates import parse_date
from readsite.normalise.outlets import KNOWN_OUTLETS
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

HEADER_OUTLET = Rule("header-outlet", "A 1-5-word capitalised line above the headline that reads "
                     "as a publication's name (an outlet word such as Gazette or Times, a known "
                     "outlet, or a name repeated in a \"© YEAR Name\" footer or later in the "
                     "text): the outlet.")
FOOTER_OUTLET = Rule("footer-outlet", "A \"© 2025 The X Gazette\" / \"Copyright 2025 X\" footer, "
                     "when nothing else names the outlet: the outlet.")


DURATION = re.compile(r"^\d+\s*(?:min|mins|minutes?|h|hrs?|hours?|sec|s)\b", re.I)
_COPYRIGHT = re.compile(r"^(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?"
                        r"[,.]?\s*(?P<name>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,5}?)"
                        r"(?:\s+\d{4})?"
                        r"(?:[,.]?\s+(?:all rights reserved|ltd|inc|llc)\b.*|[.,]?)$", re.I)

def is_publication(text: str, later: Sequence[str] = ()) -> bool:
    """Whether a short line names a publication: 1-5 capitalised words with an outlet word
    ("Gazette", "Times"), a known outlet, or a name a "© YEAR Name" footer or a later line
    repeats."""
    text = text.strip()
    if not is_outlet_name(text) or len(words(text)) > 5 or DURATION.match(text):
        return False
    if re.search(r"[,:|·•/]", text):
        return False  # "Jane Doe, Outlet" or a field line: `metadata` reads those
    if parse_date(text) is not None or parse_byline(text) is not None:
        return False
    if fold(text) in KNOWN_OUTLETS or any(fold(w) in OUTLET_WORDS for w in words(text)):
        return len(words(text)) >= 2 or fold(text) in KNOWN_OUTLETS
    return any(fold(copyright_name(line)) == fold(text) or fold(line) == fold(text)
               for line in later)


def is_site_name(text: str) -> bool:
    """Whether the first line of a page, above its navigation, may be the site's name: 1-4
    capitalised words, not a section word ("News") or page chrome."""
    text = text.strip()
    if not is_outlet_name(text) or len(words(text)) > 4 or is_boilerplate(text):
        return False
    return fold(text) not in SECTION_WORDS and parse_date(text) is None


def copyright_name(line: str) -> str:
    """The name a "© 2025 The X Gazette" / "Copyright 2025 X. All rights reserved."
    footer gives; "" if the line is not one."""
    text = line.strip()
    if len(text) > 120 or not re.match(r"^(?:©|\(c\)|copyright)", text, re.I):
        return ""
    match = _COPYRIGHT.match(text)
    if not match:
        return ""
    name = match.group("name").strip(" .,")
    if fold(name).startswith("all rights") or not is_outlet_name(name) or parse_date(name):
        return ""
    return name


def footer_outlet(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(outlet, trace) from the last copyright footer among (input line, text) pairs."""
    for number, text in reversed(lines):
        name = copyright_name(text)
        if name and len(words(name)) <= 5:
            return name, FOOTER_OUTLET.found("source", name, number)
    return None
