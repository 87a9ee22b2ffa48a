"""Outlet names written in shapes the masthead rules do not read: a bare domain, "Outlet, Place".

Some pages set no masthead in words at all: their logo is an image, and what a select-all paste
keeps of the site's name is its address ("harbourtimes.co.uk"), alone on a line at the top
(maybe under a menu) or in the footer.  A whole line that is only a domain says nothing else; at
the top or the bottom edge of the page it is the site naming itself.  Other pages print their
town or section beside their name ("The Marsh Chronicle, Lydbrook", "Calder Valley Courier |
Business"): that is not part of the outlet's name.  Both are read by shape (a domain's labels
and TLD; an outlet-shaped name before one comma or bar and a place or section after it), never
by a list of outlets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import is_outlet_name, looks_like_outlet
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

DOMAIN_MASTHEAD = Rule("domain-masthead", "A line that is only a site's address "
                       "(\"harbourtimes.co.uk\", \"www.example.com\") as the first line of the "
                       "page or in its last lines: the site naming itself, so the outlet (as "
                       "written, without \"www.\" or a scheme) when nothing else names one; the "
                       "line leaves the body.")
OUTLET_PLACE = Rule("outlet-place", "An outlet line that adds its town after a comma (\"The "
                    "Marsh Chronicle, Lydbrook\") or its section after a bar (\"Calder Valley "
                    "Courier | Business\"): the outlet is the outlet-shaped part before it; the "
                    "place or section is dropped from the name.")

_TLDS = ("com|org|net|news|info|media|blog|online|site|press|today|world|tv|fm|io|co|app|dev|"
         "live|earth|city|london|scot|wales|cymru|eu|int|edu|gov")
DOMAIN = re.compile(rf"^(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9](?:[a-z0-9-]{{0,61}}"
                    rf"[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?)*\.(?:{_TLDS}|"
                    rf"[a-z]{{2}}))/?$", re.IGNORECASE)
"""A whole line that is a bare domain: labels of letters, digits and hyphens, then a generic TLD
or a two-letter country code ("fenwickpost.co.uk", "www.valleyvoice.news").  A file name
("report.pdf") has no such TLD; a sentence has spaces."""

HEAD_LINES = 12
"""How many of the page's first blocks may hold its address as a masthead (under a menu)."""

HEAD_WORDS = 12
"""Most words of a header line above the masthead (a longer one opens the story)."""

TAIL_LINES = 3
"""How many of the page's last blocks may hold its address as a footer."""


def bare_domain(text: str) -> str:
    """The domain a whole line states ("www.Harbour-Times.co.uk/" -> "Harbour-Times.co.uk");
    "" when the line is anything else."""
    text = text.strip()
    if len(text) > 70 or "@" in text:
        return ""
    match = DOMAIN.match(text)
    if match is None:
        return ""
    domain = match.group("domain")
    if not re.search(r"[a-z]", domain.split(".")[0], re.IGNORECASE):
        return ""  # "3.5", "1.2.uk": numbers, not a site
    return domain


def domain_masthead(blocks: Sequence[Block]) -> tuple[list[Block], str, tuple[str, int],
                                                      list[Trace]]:
    """The blocks without a bare-domain line among the short lines at the top (the first
    `HEAD_LINES`, above any longer line) or among the last `TAIL_LINES` blocks, the domain a
    top line states, (domain, input line) of a footer's, and traces.  A page of fewer than
    three blocks is left alone: a one-line note may be just an address.  The caller takes a
    footer's domain only when nothing else names the outlet (a "© 2026 Harbour Times" footer
    names it better)."""
    if len(blocks) < 3:
        return list(blocks), "", ("", 0), []
    kept = list(blocks)
    traces: list[Trace] = []
    top = ""
    for index, block in enumerate(kept[:HEAD_LINES]):
        if len(words(block.text)) > HEAD_WORDS:
            break  # the story (or a dek) has begun: no masthead below it
        top = "" if block.markup else bare_domain(block.text)
        if top:
            traces.append(DOMAIN_MASTHEAD.found("source", top, block.line))
            traces.append(DOMAIN_MASTHEAD.dropped(block.text, block.line))
            kept = [*kept[:index], *kept[index + 1:]]
            break
    footer = ("", 0)
    for index in range(len(kept) - 1, max(len(kept) - 1 - TAIL_LINES, 1), -1):
        block = kept[index]
        tail = "" if block.markup else bare_domain(block.text)
        if tail:
            footer = footer if footer[0] else (tail, block.line)
            traces.append(DOMAIN_MASTHEAD.dropped(block.text, block.line))
            kept = [*kept[:index], *kept[index + 1:]]
    return kept, top, footer, traces


FOOTER_NAME = Rule("footer-name", "An outlet's name alone on one of the page's last lines, "
                   "shaped like a publication's (2-5 capitalised words with an outlet word: \"The "
                   "Harbour Gazette\"), when nothing else names the outlet: the footer's "
                   "masthead; it leaves the body.")


def footer_name(blocks: Sequence[Block]) -> tuple[str, list[Block], list[Trace]] | None:
    """(outlet, blocks without it, traces) when the last block is only a publication's name
    (see `FOOTER_NAME`) under a finished paragraph of the story; None otherwise.  Not under a
    short line: "The Glass Chronicle" / "by Jane Doe" / "Faber, £16.99" is a book's details box,
    and the name there is the book's."""
    if len(blocks) < 4:
        return None
    block, before = blocks[-1], blocks[-2]
    text = block.text.strip()
    if (block.markup or block.heading or not 2 <= len(words(text)) <= 5
            or not looks_like_outlet(text) or re.search(r"[\d.,:;!?|@]", text)):
        return None
    if not all(w[:1].isupper() or w.casefold() in ("of", "and", "&", "the") for w in words(text)):
        return None
    if before.markup or len(words(before.text)) < 8 or before.text.strip()[-1:] not in ".!?\"”":
        return None
    traces = [FOOTER_NAME.found("source", text, block.line), FOOTER_NAME.dropped(text, block.line)]
    return text, list(blocks[:-1]), traces


_PLACE = re.compile(r"^[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|on|upon|under|by|the|de|la|le|"
                    r"am|an|der|sur|en)){0,3}$")
"""A place name after the comma: 1-4 capitalised words ("Lydbrook", "Stratford-upon-Avon",
"Newcastle upon Tyne")."""


def split_outlet(text: str) -> str:
    """The outlet of a line that adds its town or section to its name ("The Marsh Chronicle,
    Lydbrook" or "Calder Valley Courier | Business" -> the name); "" for any other line.  The
    part before must have an outlet word or open with "The" and 2+ more words (before a
    section word, any name will do), and the part after must be a place's (or a section
    label's) shape: "Smith, Jones & Co" and "Reuters, Lisbon bureau" are not."""
    parts = _SPLIT.split(text.strip())
    if len(parts) != 2 or not all(parts):
        return ""
    name, rest = parts[0].strip(), parts[1].strip()
    outlet = looks_like_outlet(name) or (len(words(name)) >= 3
                                         and fold(words(name)[0]) in ("the", "die", "der", "le",
                                                                      "la", "el"))
    place = bool(_PLACE.match(rest)) and not looks_like_outlet(rest)
    if "," in text:
        return name if outlet and place else ""
    section = fold(rest) in SECTION_WORDS
    return name if (section and is_outlet_name(name)) or (
        outlet and place and len(words(rest)) <= 3) else ""


def outlet_without_place(source: str, traces: list[Trace], line: int = 0) -> str:
    """`source` without a ", Place" or " | Section" after an outlet-shaped name (see
    `split_outlet`), traced; unchanged when it has none."""
    name = split_outlet(source)
    if not name:
        return source
    traces.append(OUTLET_PLACE.found("source", name, line))
    return name


_SPLIT = re.compile(r"\s*,\s*|\s+[|\u2013\u2014]\s+|\s+-\s+")
"""Where an outlet line adds its town or section: a comma, a bar, or a spaced dash."""


def source_line(traces: Sequence[Trace], source: str) -> int:
    """The input line where `source` was found, 0 if no trace says."""
    return next((t.line for t in traces if t.field == "source" and t.text == source), 0)
