"""The site's name in the link back to its own home page.

A site whose masthead is an image still names itself in words where the image is a link: a
select-all paste copies the logo's text ("The Northbank Post - Back to home") and the menu's
home links ("Go to Northbank Home", "Make Northbank my homepage").  Such a line says, in the
site's own words, which site the page is on, more surely than a "© 2026 Owner Inc." footer,
which names the company that owns it.  The pipeline asks for this only when the header named
no outlet; the line itself is page chrome that other rules drop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.masthead import _own_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold
from readsite.normalise.trace import Trace

HOME_LINK = Rule("home-link", "A link back to the site's home page that names the site (\"The "
                 "Northbank Post - Back to home\", \"Go to Northbank Home\", \"Make Northbank my "
                 "homepage\"), when the header names no outlet: the outlet, as the site names "
                 "itself, before a copyright footer's owning company.")

_FORMS = (
    re.compile(r"^(?P<name>[A-Z0-9][^|:]{1,50}?)\s*[-\u2013\u2014|:]\s*(?:back|return|go)\s+to\s+"
               r"(?:the\s+)?home(?:\s*page)?$", re.I),
    re.compile(r"^(?:go|back|return)\s+to\s+(?:the\s+)?(?P<name>[A-Z0-9][^|:]{1,50}?)\s+"
               r"home(?:\s*page)?$", re.I),
    re.compile(r"^make\s+(?P<name>[A-Z0-9][^|:]{1,50}?)\s+(?:my|your)\s+home\s*page$", re.I),
)
"""The logo's "Name - Back to home", a menu's "Go to Name Home", "Make Name my homepage"."""

GENERIC = frozenset({"blog", "site", "website", "page", "main", "start", "the site", "our",
                     "news", "section"})
"""Words a home link may name instead of the site ("Back to Blog home"): never an outlet."""


def home_name(text: str) -> str:
    """The site's name a home link gives (see `HOME_LINK`); "" for any other line."""
    text = text.strip()
    if len(text) > 80:
        return ""
    for form in _FORMS:
        match = form.match(text)
        if match is None:
            continue
        name = _own_name(match.group("name"))
        if name and fold(name) not in GENERIC:
            return name
    return ""


def home_link(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(outlet, trace) from the first home link among (input line, text) pairs, in input
    order (the masthead's logo comes first); None when no line is one."""
    for number, text in sorted(lines):
        name = home_name(text)
        if name:
            return name, HOME_LINK.found("source", name, number)
    return None
