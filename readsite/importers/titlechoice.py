"""The headline, chosen among what a page says it is when its statements disagree.

A page states its headline up to five times: `og:title`, the JSON-LD `headline`, the
`twitter:title`, the `<title>` and the `<h1>`, and they often differ.  The stated ones are
written for search engines and social cards, the `<h1>` for the reader, so:

- a stated title may carry the site's name ("Headline | Outlet") or a section before it
  ("Islands: Headline"): the part that is not the site's name is the headline, and when the
  visible `<h1>` is that part, or the start or end of a longer SEO title, the `<h1>` is it;
- a stated title may be the site's own name (a home page's `og:title` left on every page),
  and an `<h1>` may be the site's logo (`<h1 class="logo">`): neither is ever the headline;
- a stated title may be about something else altogether, while the `<h1>` and the `<title>`
  agree on the headline: two visible statements outvote one hidden one.

The reader's `<h1>` is taken only where it is a whole piece of the stated title, so a page
whose `<h1>` is something else (a section, a gallery caption) keeps its stated title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.importers.pagesite import name_like
from readsite.importers.titleparts import SEPARATORS, headline_in_title
from readsite.normalise import same_line

VISIBLE_MIN_WORDS = 3
"""Fewest words of an `<h1>` taken as the headline inside a longer stated title (shorter, it
is a section name or a masthead: "World News")."""
AGREED_MIN_SHARE = 0.5
"""Least share of a stated title's words the headline that both the `<h1>` and the `<title>`
show must have for the stated title to stand; less, and the stated one is about something
else (a JSON-LD `headline` holding the page's kind, "Wikimedia list article", or a social
card's teaser), outvoted two to one."""
ANCHOR_MARKS = " ¶§#🔗"
"""Marks a page sets after a heading as its permalink ("Evolve: Shared History¶")."""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _shared(stated: str, headline: str) -> float:
    """The share of a stated title's words that the visible headline has too."""
    said = _words(stated)
    shown = set(_words(headline))
    return sum(w in shown for w in said) / len(said) if said else 0.0


def is_site_name(text: str, sites: Sequence[str]) -> bool:
    """Whether `text` is one of the site's names (its stated or shown name, its logo)."""
    return any(same_line(text, site) for site in sites if site)


def without_site(title: str, sites: Sequence[str]) -> str:
    """`title` without the site's name before or after it ("Headline | Outlet",
    "Outlet: Headline"); the title as given when no part of it is the site's name."""
    text = " ".join(title.split())
    for separator in (*SEPARATORS, ": "):
        head, sep, tail = text.rpartition(separator)
        if sep and head.strip() and is_site_name(tail, sites):
            return without_site(head.strip(), sites)
        head, sep, tail = text.partition(separator)
        if sep and tail.strip() and is_site_name(head, sites):
            return without_site(tail.strip(), sites)
    return text


def visible_in(title: str, h1: Sequence[str], sites: Sequence[str]) -> str:
    """The `<h1>` that is a whole piece of `title` (its start, its end, or all of it after a
    section name), the longest when several are; else ""."""
    said = _words(title)
    found = ""
    for heading in h1:
        heading = " ".join(heading.split())
        shown = _words(heading)
        if (len(shown) < VISIBLE_MIN_WORDS or len(heading) <= len(found)
                or is_site_name(heading, sites) or len(shown) > len(said)):
            continue
        if said[:len(shown)] == shown or said[len(said) - len(shown):] == shown:
            found = heading.strip(ANCHOR_MARKS)
    return found


def site_like_title(title: str, page_title: str, h1: Sequence[str],
                    sites: Sequence[str]) -> bool:
    """Whether a stated title is the site's name rather than the story's: one of the site's
    names, or a bare name that is the whole `<title>` too while the page shows a longer
    `<h1>` that is not it (a home page's title left on every story)."""
    if is_site_name(title, sites):
        return True
    return (same_line(title, page_title) and name_like(title, 4)
            and any(len(_words(h)) >= VISIBLE_MIN_WORDS and not same_line(h, title)
                    and not is_site_name(h, sites) for h in h1))


def choose_title(stated: Sequence[tuple[str, str]], page_title: str, h1: Sequence[str],
                 sites: Sequence[str]) -> tuple[str, str] | None:
    """(headline, rule) from the stated titles (`(value, rule)`, best first) that are not the
    site's name, without the site's name around it, the reader's `<h1>` where it is a whole
    piece of it; None when every stated title is the site's name (the `<title>` and `<h1>`
    then decide, as for a page that states none)."""
    headlines = [h for h in h1 if not is_site_name(h, sites)]
    for value, rule in stated:
        if site_like_title(value, page_title, headlines, sites):
            continue
        bare = without_site(value, sites)
        visible = visible_in(bare, headlines, sites)
        if visible and not same_line(visible, bare):
            return visible, "html: <h1> in stated title"
        agreed = headline_in_title(page_title, headlines)
        if agreed and _shared(bare, agreed) < AGREED_MIN_SHARE:
            return agreed, "html: <h1> in <title>, outvoting a stated title"
        if bare != " ".join(value.split()):
            return bare, f"{rule} without site name"
        return value, rule
    return None


def page_headline(stated: Sequence[tuple[str, str]], page_title: str, cut_title: str,
                  h1: Sequence[str], sites: Sequence[str]) -> tuple[str, str] | None:
    """(headline, rule): from the stated titles unless each is the site's name, else the
    `<h1>` that is a part of the `<title>`, the `<title>` (`cut_title`: without a short
    tail) without the site's name, then the first `<h1>` that is not the logo; None when all
    of them are the site's name (the normaliser then finds the headline in the text)."""
    chosen = choose_title(stated, page_title, h1, sites)
    if chosen is not None:
        return chosen
    sites = [*sites, *(value for value, _ in stated)]  # each is the site's name
    headlines = [h for h in h1 if not is_site_name(h, sites)]
    headline = headline_in_title(page_title, headlines)
    if headline:
        return headline, "html: <h1> in <title>"
    if cut_title and not is_site_name(cut_title, sites) and not site_like_title(
            cut_title, page_title, headlines, sites):  # "<title>Outlet</title>"
        bare = without_site(cut_title, sites) or cut_title
        visible = visible_in(bare, headlines, sites)
        return (visible, "html: <h1> in <title>") if visible else (bare, "html: <title>")
    return (headlines[0], "html: <h1>") if headlines else None
