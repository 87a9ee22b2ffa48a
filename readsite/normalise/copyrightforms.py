"""Copyright footers in the shapes `masthead.copyright_name` does not read.

`masthead.copyright_name` reads the common footer, "© 2026 The Harbour Gazette. All rights
reserved.": the sign, a year, then the name.  Whole pages pasted from real sites also print:

* the name *before* the sign, marked as a brand or followed by the reservation of rights
  ("Northbank® © 2026", "northbank, 2018-2026 © All rights reserved."), the sign then
  standing alone or before the owning company;
* the site's address before the sign and the owning company after it ("Northbank.com © 2026
  Harbour Media Group"): the address is the site's own name; the company behind the sign only
  owns it;
* the usual footer with the blog engine's credit after it ("Copyright © 2026 Northbank.
  Powered by WordPress and Stargazer."): the credit names the software, not the site.

Each shape is read only where it leaves no doubt that a site names itself: a person's name
before the sign is a photo or an author's credit ("Jane Doe © 2026"), never an outlet, so
a name that reads as a person's counts only with the registered mark.  The pipeline asks
for these only when nothing else named the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.byline import is_outlet_name
from readsite.normalise.dates import parse_date
from readsite.normalise.masthead import copyright_name
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.sitenames import bare_domain
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

NAME_BEFORE_COPYRIGHT = Rule(
    "name-before-copyright", "A footer that names the site before the copyright sign, marked "
    "as a brand (\"Northbank® © 2026\") or followed by the reservation of rights "
    "(\"northbank, 2018-2026 © All rights reserved.\"), or as its address with the owning "
    "company after the sign (\"Northbank.com © 2026 Harbour Media Group\": the site's name as "
    "the page writes it, not its owner), when nothing else names the outlet: the outlet.  A "
    "person's name before the sign is a photo credit and never counts unless marked ®.")
POWERED_BY_FOOTER = Rule(
    "powered-by-footer", "A \"Copyright © 2026 Name. Powered by WordPress\" footer, when "
    "nothing else names the outlet: the name before the blog engine's credit is the outlet.")

MAX_CHARS = 160
"""Longest footer line read: a longer one is a paragraph of terms."""

NAME_WORDS = 5
"""Most words of a site's name."""

CONTENT_WORDS = frozenset({
    "all", "and", "&", "this", "the", "our", "site", "website", "page", "pages", "design",
    "content", "contents", "text", "texts", "words", "photo", "photos", "photograph",
    "photographs", "photography", "image", "images", "picture", "pictures", "video", "videos",
    "graphics", "illustration", "illustrations", "logo", "logos", "material", "materials",
    "article", "articles", "artwork", "music", "audio", "data", "code", "software",
})
"""Words of what a copyright covers ("Photos © All rights reserved", "Site design © 2026"):
a name made only of them names no site."""

_BEFORE = re.compile(r"^(?P<name>[^\W\d][\w&'’.-]*(?:\s+[\w&'’.-]+){0,4}?)\s*(?P<mark>®)?,?\s*"
                     r"(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?(?:©|\(c\)|copyright)\s*"
                     r"(?P<rest>.*)$", re.I)
"""A name (maybe marked ®, maybe with its years) before the copyright sign."""
_RESERVED = re.compile(r"^(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*[.,]?\s*)?all rights reserved\b",
                       re.I)
_YEARS_ONLY = re.compile(r"^(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?\s*[.,]?\s*$")
_OWNER = re.compile(r"^\d{4}(?:\s*[-\u2013]\s*\d{4})?\s+[A-Z]")
"""The owning company after the sign: a year, then a capitalised name."""
_YEARS_AFTER = re.compile(r"[\s,]+\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*$")
"""The years after the name ("© Northbank 2003 - 2026 powered by ..."), cut before it is read."""
_POWERED = re.compile(r"[.,|]?\s+(?:proudly\s+)?(?:powered by|designed by|theme by|built with|"
                      r"hosted by)\b.*$", re.I)


def before_copyright(text: str, lines: Sequence[str] = ()) -> str:
    """The site's name a footer gives before its copyright sign (see `NAME_BEFORE_COPYRIGHT`);
    "" when the line is not such a footer.  `lines`: the page, for the case an address's
    name is written in ("Citylab.com" -> "CityLab")."""
    text = text.strip()
    if len(text) > MAX_CHARS:
        return ""
    match = _BEFORE.match(text)
    if match is None:
        return ""
    name, rest, marked = match["name"].strip(" ,."), match["rest"].strip(), bool(match["mark"])
    if not name or len(words(name)) > NAME_WORDS or parse_date(name) is not None:
        return ""
    domain = bare_domain(name)
    if domain and (_OWNER.match(rest) or _YEARS_ONLY.match(rest) or _RESERVED.match(rest)):
        return _written(domain, lines)
    if not (marked or _RESERVED.match(rest) or (_YEARS_ONLY.match(rest) and marked)):
        return ""
    if domain or (is_name(name) and not marked):
        return ""  # "Jane Doe, 2026 © All rights reserved": a photographer's credit
    if not (is_outlet_name(name) or name.islower()):
        return ""
    if all(fold(w) in CONTENT_WORDS for w in words(name)):
        return ""  # "Photos © All rights reserved": what is reserved, not whose it is
    return name


def _written(domain: str, lines: Sequence[str]) -> str:
    """The name a site's address stands for, as the page writes it as a word ("Citylab.com"
    where the page says "CityLab" -> "CityLab"); the address itself when the page never
    writes the name in mixed case."""
    label = domain.split(".")[0]
    if len(label) < 3:
        return domain
    pattern = re.compile(rf"(?<![\w.@/-]){re.escape(label)}(?![\w.@/-])", re.I)
    for line in lines:
        for found in pattern.finditer(line):
            word = found.group()
            if word[:1].isupper() and not word.isupper() and word != label.capitalize():
                return word  # a brand's own casing ("CityLab"), not a sentence's capital
    for line in lines:
        for found in pattern.finditer(line):
            if found.group()[:1].isupper():
                return found.group()
    return domain


def powered_footer(text: str) -> str:
    """The name of a "Copyright © 2026 Name. Powered by WordPress" footer (see
    `POWERED_BY_FOOTER`); "" when the line is not one."""
    text = text.strip()
    if len(text) > MAX_CHARS or not _POWERED.search(text):
        return ""
    name = copyright_name(_YEARS_AFTER.sub("", _POWERED.sub("", text).strip()))
    if re.search(r"\d{4}|[-\u2013]$", name) or all(fold(w) in CONTENT_WORDS for w in words(name)):
        return ""
    return name


def copyright_form(lines: Sequence[tuple[int, str]], page: Sequence[str] = ()
                   ) -> tuple[str, Trace] | None:
    """(outlet, trace) from the last footer among (input line, text) pairs in one of the
    shapes above; None when none is.  `page`: every line of the page (an address's name)."""
    for number, text in reversed(lines):
        name = before_copyright(text, page)
        if name:
            return name, NAME_BEFORE_COPYRIGHT.found("source", name, number)
        name = powered_footer(text)
        if name and len(words(name)) <= NAME_WORDS and fold(name) not in ("wordpress",):
            return name, POWERED_BY_FOOTER.found("source", name, number)
    return None
