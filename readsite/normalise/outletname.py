"""The outlet's name as the page itself writes it, once some rule has found it.

The rules that find the outlet read it from wherever the page states it: a copyright footer
("© 2026 DutchDesk Media B.V."), the first item of a menu ("Southland"), a "© 2026 Wessex
Chronicle Ltd" line.  Those places give the owner's legal name or a shortened form; the page
usually writes the outlet's own name elsewhere too ("About DutchDesk", "Mere Tawhiri, The
Southland Courier", "More from The Wessex Chronicle").  This last step only *adjusts* a name
already found, to the form the page writes: it never finds an outlet where none was found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.byline import looks_like_outlet
from readsite.normalise.rules import Rule
from readsite.normalise.text import words

OUTLET_FORM = Rule("outlet-form", "The outlet found, in the form the page writes it: a "
                   "copyright footer's company without its legal form (\"DutchDesk Media B.V.\" → "
                   "\"DutchDesk\" when the page says \"About DutchDesk\") and with its \"The\" "
                   "(\"More from The Wessex Chronicle\"); a one-word guess from the menu replaced "
                   "by the full name a byline states (\"Southland\" → \"The Southland Courier\").")

_LEGAL_FORM = re.compile(r"(?:,?\s+(?:ltd|limited|plc|inc|llc|gmbh|ag|b\.?\s?v|n\.?\s?v|"
                         r"pty(?:\s+ltd)?|s\.?\s?a(?:\.?\s+de\s+c\.?\s?v)?|s\.?\s?l|"
                         r"s\.?\s?p\.?\s?a|srl|cic|ab|"
                         r"oy|sp\.\s+z\s+o\.\s?o))\.?$", re.I)
"""A company's legal form after its name ("Ltd", "B.V.", "GmbH", "S.A. de C.V.")."""
_COMPANY_WORD = re.compile(r"\s+(?:media|group|publishing|publications|holdings|verlag|"
                           r"medien|communications|news ?media)$", re.I)
"""A word naming the company behind an outlet ("DutchDesk Media"): dropped only when the page
also writes the name without it."""

_NAME_PART = r"[A-Z][\w&'’.-]*"


def _written(name: str, lines: Sequence[str]) -> bool:
    """Whether some line writes `name` as a whole name (not followed by another capitalised
    word that would make it part of a longer name)."""
    pattern = re.compile(rf"(?<![\w&'’-]){re.escape(name)}(?![\w&'’-])(?!\s+[A-Z])")
    return any(pattern.search(line) for line in lines)


def without_company(source: str, lines: Sequence[str]) -> str:
    """The outlet's name without a legal form, and without a company word when the page writes
    the shorter name on its own ("About DutchDesk")."""
    name = _LEGAL_FORM.sub("", source).strip(" ,.")
    if not name or name == source.strip():
        return source
    shorter = _COMPANY_WORD.sub("", name).strip()
    if shorter != name and shorter and _written(shorter, lines):
        return shorter
    return name


def with_article(source: str, lines: Sequence[str]) -> str:
    """"The X" when the page writes the outlet with its article inside a line ("More from
    The Wessex Chronicle", "Subscribe to The X"), not only at a sentence's start."""
    if source.startswith(("The ", "the ")):
        return source
    pattern = re.compile(rf"(?<=[\w©|·•:,]\s)The {re.escape(source)}(?![\w&'’-])")
    return f"The {source}" if any(pattern.search(line) for line in lines) else source


def fuller_name(source: str, stated: Sequence[str]) -> str:
    """A one-word source guessed from the page's layout (the first item of its menu) when the
    page states an outlet in words: the stated name that contains the guess ("Southland" /
    "Mere Tawhiri, The Southland Courier"), else a stated name with an outlet word ("Japan"
    atop the menu / "Read The Kansai Dispatch in the app")."""
    if len(words(source)) != 1 or looks_like_outlet(source):
        return source
    pattern = re.compile(rf"(?<![\w&'’-]){re.escape(source)}(?![\w&'’-])")
    named = [n for n in stated if n != source and looks_like_outlet(n) and len(words(n)) <= 5]
    return next((n for n in named if pattern.search(n)), named[0] if named else source)


FOOTER_RULES = frozenset({"footer-outlet", "footer-name"})
"""Rules that read the outlet from a copyright footer, which names the owner company."""
GUESS_RULES = frozenset({"site-menu", "header-outlet", "masthead-bar"})
"""Rules that take the outlet from where a line stands (the top of a menu), not from what it
says."""


def outlet_form(source: str, rule: str, lines: Sequence[str], stated: Sequence[str]) -> str:
    """The found outlet in the form the page writes it: a footer's company name without its
    legal form (and with its "The" when the page writes one), a layout guess replaced by the
    full name a byline states.  `rule`: the rule that found `source`; `lines`: the input's
    lines; `stated`: outlets that bylines name."""
    if rule in FOOTER_RULES:
        return with_article(without_company(source, lines), lines)
    if rule in GUESS_RULES:
        return fuller_name(source, stated)
    return source


BYLINE_RULES = frozenset({"name-outlet", "byline", "header-fields", "signature"})
"""Rules that read an outlet a byline states ("Jane Doe, The Southland Courier")."""
