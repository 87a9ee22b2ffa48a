"""A page's footer under the story: link rows, the publisher's small print, a closing author card.

Below the story a select-all paste keeps the site's footer: a column of short links ("About us",
"Careers", "Privacy notice", "Sitemap"), a row of social platforms, the regulator or standards
line ("... is a member of the Independent Press Standards Organisation"), the publisher's
imprint ("Published by X Media Ltd, 12 Quay Street ...") and a tip line ("Got a story? Email
..."); and, above them, the writer's card repeating the byline's name with their role.  The
link run is told by its words (at least half footer or menu words, so a list of names or
ingredients at the end of a story is never one) and must run to the end of the page; the
small-print lines by anchored shapes; the card only by the byline's own name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.linerules import BOILERPLATE_LINES, is_boilerplate
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, fold_line, words
from readsite.normalise.trace import Trace

FOOTER_LINKS = Rule("footer-links", "After the story, a run of 3+ short lines to the end of the "
                    "page, at least half of them footer or menu links (\"About us\", \"Careers\", "
                    "\"Privacy notice\", \"Sitemap\", \"Instagram\"): the site's footer; dropped.")
SMALL_PRINT = Rule("small-print", "A footer's small print as a line of its own: a standards or "
                   "regulator line (\"... is a member of the Independent Press Standards "
                   "Organisation\"), the publisher's imprint (\"Published by X Media Ltd, 12 "
                   "Quay Street ...\"), a tip line (\"Got a story? Email ... or call ...\").")
AUTHOR_CARD = Rule("author-card", "After the story, the byline's own name on a line of its own "
                   "with a short role line under it (\"Ann Reid\" / \"Transport reporter\"): the "
                   "writer's card; dropped (its bio paragraph is the author-bio rule's).")

FOOTER_WORDS = frozenset({
    "about", "about us", "contact", "contact us", "careers", "jobs", "work for us",
    "work with us", "advertise", "advertise with us", "advertising", "privacy", "privacy notice",
    "privacy policy", "cookie policy", "cookies", "cookie settings", "terms", "terms of use",
    "terms and conditions", "terms & conditions", "sitemap", "site map", "rss", "rss feeds",
    "accessibility", "help", "faq", "faqs", "newsletters", "subscribe", "archive", "archives",
    "corrections", "complaints", "editorial standards", "code of conduct", "our journalism",
    "syndication", "licensing", "reprints", "events", "shop", "e-edition", "digital edition",
    "manage subscription", "my account", "sign in", "log in", "instagram", "youtube", "tiktok",
    "facebook", "twitter", "x", "linkedin", "threads", "bluesky", "whatsapp", "pinterest",
    "follow us", "impressum", "datenschutz", "kontakt", "mentions légales", "nous contacter",
    "aviso legal", "contacto", "public notices", "announcements", "obituaries", "classifieds",
})
"""Links of a site's footer (lower case)."""

RUN_MIN = 3
"""Fewest lines of a footer link run."""

ITEM_WORDS = 4
"""Most words of one footer link."""

MIN_STORY = 300
"""Fewest characters of story above a footer."""

SMALL_PRINT_SHAPES = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\b(?:is a member of|is regulated by|subscribes to|abides by|is committed to)\b.{0,80}"
    r"\b(?:press standards|ipso|impress|press council|editors['’] code|trust project|"
    r"press complaints|news media association)\b.{0,80}$",
    r"^(?:published|printed|published and printed) by [A-Z0-9].{0,60}\b(?:ltd|limited|plc|"
    r"llc|inc|gmbh|media|group|publishing|newspapers)\b.{0,160}$",
    r"^(?:got|have) a (?:story|news tip|tip|story idea)\??.{0,120}(?:@[\w-]+\.|\bcall\b|"
    r"\d{4,})",
    r"^registered (?:in england|in scotland|office|company)\b.{0,160}$",
))
"""Small-print shapes, searched on the line as written (case-insensitive)."""


def is_footer_item(text: str) -> bool:
    """A footer link: a short line (1-4 words, no sentence stop) that is a footer, menu or
    chrome word."""
    text = text.strip()
    if not 1 <= len(words(text)) <= ITEM_WORDS or re.search(r"[.!?]$", text):
        return False
    key = fold_line(text)
    return (key in FOOTER_WORDS or fold(text) in SECTION_WORDS or key in BOILERPLATE_LINES
            or is_boilerplate(text))


def _short(block: Block) -> bool:
    text = block.text.strip()
    return (not block.markup and 1 <= len(words(text)) <= ITEM_WORDS
            and not re.search(r"[.!?]$", text))


def strip_footer(blocks: Sequence[Block], author: str = "") -> tuple[list[Block], list[Trace]]:
    """The blocks without a footer link run at the end, small-print lines after the story, and
    a closing author card naming `author` (see the module doc)."""
    kept = list(blocks)
    traces: list[Trace] = []
    start = len(kept)
    while start > 0 and _short(kept[start - 1]):
        start -= 1
    run = kept[start:]
    story = sum(len(b.text) for b in kept[:start])
    if (len(run) >= RUN_MIN and story >= MIN_STORY
            and 2 * sum(is_footer_item(b.text) for b in run) >= len(run)):
        traces += [FOOTER_LINKS.dropped(b.text, b.line) for b in run]
        kept = kept[:start]
    seen = 0
    result: list[Block] = []
    skip = False
    for index, block in enumerate(kept):
        if skip:
            skip = False
            continue
        text = " ".join(block.text.split())
        after = seen >= MIN_STORY and not block.markup
        if after and len(text) <= 300 and any(p.search(text) for p in SMALL_PRINT_SHAPES):
            traces.append(SMALL_PRINT.dropped(block.text, block.line))
            continue
        if (after and author and fold(text) == fold(author) and index + 1 < len(kept)
                and not kept[index + 1].markup and _role_line(kept[index + 1].text)):
            traces.append(AUTHOR_CARD.dropped(block.text, block.line))
            traces.append(AUTHOR_CARD.dropped(kept[index + 1].text, kept[index + 1].line))
            skip = True
            continue
        seen += len(block.text)
        result.append(block)
    return result, traces


_ROLE = re.compile(r"^(?:[A-Z][\w'’-]*|and|of|for|&)(?:\s+(?:[\w'’-]+|&)){0,5}$")
_ROLE_WORDS = re.compile(r"\b(?:reporter|correspondent|editor|writer|columnist|contributor|"
                         r"producer|journalist|critic|analyst|photographer|author)\b", re.I)


def _role_line(text: str) -> bool:
    """A writer's role on a line of its own ("Transport reporter", "Senior Editor")."""
    text = text.strip()
    return (len(words(text)) <= 6 and _ROLE.match(text) is not None
            and _ROLE_WORDS.search(text) is not None)
