"""The parts of a page's `<title>` and of its stated site name: headline, outlet, tagline.

A page with no `og:title` has only its `<title>` to state the headline, and that joins the
headline with the outlet and often a section, in any order and with any separator
("Outlet » Headline", "Headline | News | Outlet").  When the page's own `<h1>` is one whole
part of the `<title>`, that `<h1>` is the headline: cutting a known tail is not enough when
the outlet comes first or a section sits between.  A stated site name may carry the site's
tagline ("Outlet - News for the whole coast"); the outlet is the name before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from readsite.importers.pagesite import name_like, untagged
from readsite.normalise import same_line

SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " : ", " // ", " » ", " / ", " « ",
              " › ", " ~ ")
"""What stands between the parts of a `<title>` (a separator always has spaces around it,
so "AC/DC" or "well-known" is one part)."""
HEADLINE_MIN_WORDS = 2
"""Fewest words of an `<h1>` taken as the headline found in the `<title>` (a one-word `<h1>`
is a masthead or a section)."""


def _parts(title: str) -> list[tuple[str, str, str]]:
    """Every (before, separator, after) split of `title` at a separator."""
    found: list[tuple[str, str, str]] = []
    for separator in SEPARATORS:
        start = title.find(separator)
        while start > 0:
            found.append((title[:start].strip(), separator,
                          title[start + len(separator):].strip()))
            start = title.find(separator, start + 1)
    return found


def _names_only(text: str, separator: str) -> bool:
    """Whether every part of `text` reads as a name (an outlet, a section): what may stand
    before the headline in a `<title>` ("Outlet | News | Headline")."""
    return all(name_like(part.strip()) for part in text.split(separator))


def headline_in_title(title: str, h1: Sequence[str]) -> str:
    """The page's `<h1>` that is the `<title>`'s first part, or its last part after only
    names (the rest being the outlet or a section: "Evolve: the story — Evolve docs" has its
    headline first), the longest when several are; else ""."""
    title = " ".join(title.split())
    found = ""
    for heading in h1:
        heading = " ".join(heading.split())
        if len(heading.split()) < HEADLINE_MIN_WORDS or len(heading) <= len(found):
            continue
        if any(same_line(before, heading) or (
                same_line(after, heading) and _names_only(before, separator))
               for before, separator, after in _parts(title)):
            found = heading
    return found


without_tagline = untagged
"""A stated site name without the tagline after it (see `pagesite.untagged`)."""
