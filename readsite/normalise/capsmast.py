"""An ALL-CAPS masthead on the first line ("THE BENCH NOTES") over a mixed-case headline.

Newsletters and small sites set their name in capitals above each issue.  Pasted, that line
stands where a headline would, and it reads like a person's name too (capitalised words), so
the title model took it for the headline and the byline model for the author.  The page's own
typography tells them apart: an ALL-CAPS line of a few words directly over a mixed-case
headline is the masthead, written in capitals, while an ALL-CAPS *headline* has a paragraph,
a dek or a byline under it, not another headline.  The name is written as the page writes it
elsewhere (a "© 2026 The Bench Notes" footer, a postal footer), else as it stands; the
newsletter's postal-address footer that repeats the name then leaves the body too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.headerlines import STOP, is_meta_line, story_start
from readsite.normalise.headings import is_all_caps, title_case
from readsite.normalise.masthead import is_publication, is_site_name, mixed_case
from readsite.normalise.names import is_name
from readsite.normalise.promos import is_postal_footer
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

CAPS_MASTHEAD = Rule("caps-masthead", "An ALL-CAPS line of 2-4 words opening the page, directly "
                     "over a mixed-case headline: the outlet (as the page writes it elsewhere, "
                     "else as it stands), never the title or the author; it leaves the body.")
CAPS_MASTHEAD_HOST = Rule("caps-masthead-host", "An ALL-CAPS masthead that names its writer "
                          "(\"THE BENCH NOTES WITH JANE DOE\", \"... BY JANE DOE\"): the part "
                          "before \"with\"/\"by\" is the outlet (as the page writes it) and "
                          "the person's name the author (in mixed case); never the title.")
POSTAL_FOOTER = Rule("postal-footer", "A newsletter's postal-address footer at the end of the "
                     "text that repeats its masthead's name (\"The Bench Notes, 12 Mill Lane, "
                     "Ardmore\"): dropped.")

_LABELS = frozenset({"breaking news", "live updates", "press release", "news release",
                     "media release", "sponsored content", "paid post", "exclusive",
                     "special report", "first person", "letter from the editor"})
"""ALL-CAPS labels that stand over a headline and are not a masthead."""

HEADLINE_WORDS = (3, 25)
"""Word range of the mixed-case headline the masthead stands over."""

MIN_LETTERS = 6
"""Fewest letters of a masthead ("A B" is not a name)."""

LOOK_BELOW = 3
"""How many header lines under the masthead are searched for the headline (past a byline, a
date or an issue number)."""

FOOTER_BLOCKS = 3
"""How far from the end a postal footer may stand (sign-off lines may follow it)."""


def caps_masthead(blocks: Sequence[Block], host_only: bool = False,
                  ) -> tuple[list[Block], str, list[Trace]]:
    """The blocks without an ALL-CAPS masthead on the first line (and its postal footer), the
    outlet's name ("" when there is none) and traces.  `host_only`: only a masthead naming its
    writer, the one shape distinct enough to be read under left-over menu items."""
    if len(blocks) < 3 or blocks[0].markup:
        return list(blocks), "", []
    text = blocks[0].text.strip()
    tail = [b.text for b in blocks[1:]]
    text, host = _host_split(text)
    if host_only and not host:
        return list(blocks), "", []
    if not _masthead_shaped(text, tail) and not (host and _host_masthead(text)):
        return list(blocks), "", []
    start = story_start(blocks)
    below = next((b for b in blocks[1:min(start, 1 + LOOK_BELOW)] if not _fact(b)), None)
    if below is None or not _headline(below):
        return list(blocks), "", []
    name = mixed_case(text, tail)
    traces = [CAPS_MASTHEAD.found("source", name, blocks[0].line)]
    if host:
        person = mixed_case(host, tail)
        person = title_case(person, {}) if is_all_caps(person) else person
        traces = [CAPS_MASTHEAD_HOST.found("source", name, blocks[0].line),
                  CAPS_MASTHEAD_HOST.found("author", person, blocks[0].line)]
    kept = list(blocks[1:])
    for index in range(max(0, len(kept) - FOOTER_BLOCKS), len(kept)):
        footer = kept[index]
        if not footer.markup and is_postal_footer(footer.text) and fold(
                footer.text.split(",")[0]) == fold(name):
            traces.append(POSTAL_FOOTER.dropped(footer.text, footer.line))
            kept = [*kept[:index], *kept[index + 1:]]
            break
    return kept, name, traces


_ARTICLES = frozenset({"the", "a", "an", "our", "my", "your"})
"""Words a person's name never opens with ("DINNER WITH THE NEIGHBOURS" names no writer)."""

_HOST = re.compile(r"\s+(?:WITH|BY|FROM)\s+")
"""Where an ALL-CAPS masthead names its writer: "THE LEDGER LINE WITH JANE DOE"."""


def _host_split(text: str) -> tuple[str, str]:
    """(masthead, writer) of an ALL-CAPS first line naming its writer ("THE LEDGER LINE WITH
    DANA OKAFOR" -> "THE LEDGER LINE", "DANA OKAFOR"; "NOTES FROM THE NORTH BY IONA MACRAE"
    splits at its last "BY"); (text, "") for any other line.  The writer must be shaped like a
    person's name once title-cased, so "NOTES FROM THE FIELD" or "LIFE BY THE SEA" stays whole."""
    if not is_all_caps(text) or re.search(r"[,:|]", text):
        return text, ""
    for match in reversed(list(_HOST.finditer(text))):
        person = text[match.end():].strip()
        if is_name(title_case(person, {})) and fold(words(person)[0]) not in _ARTICLES:
            return text[:match.start()].strip(), person
    return text, ""


def _host_masthead(text: str) -> bool:
    """The masthead part of a line naming its writer: 1-4 words, a site name, no digits."""
    return (not re.search(r"\d", text) and not STOP.search(text) and 1 <= len(words(text)) <= 4
            and sum(c.isalpha() for c in text) >= MIN_LETTERS and is_site_name(text)
            and fold(text) not in _LABELS)


_ISSUE = re.compile(r"^(?:issue|no\.?|number|vol\.?|volume|edition|#)\s*#?\s*\d{1,5}\b", re.I)


def _fact(block: Block) -> bool:
    """A header fact between the masthead and the headline: a byline, a date, an issue number."""
    return not block.markup and (is_meta_line(block.text) or bool(_ISSUE.match(block.text.strip())))


def _headline(block: Block) -> bool:
    """A mixed-case headline: 3-25 words, no final period, not ALL CAPS."""
    text = block.text.strip()
    return (not block.markup and not is_all_caps(text) and not text.endswith(".")
            and HEADLINE_WORDS[0] <= len(words(text)) <= HEADLINE_WORDS[1])


def _masthead_shaped(text: str, tail: Sequence[str]) -> bool:
    """An ALL-CAPS site name of 2-4 words, not a section word, label, date or sentence; with
    "The" or 3+ words, or named again further down the page."""
    if not is_all_caps(text) or re.search(r"\d", text) or STOP.search(text):
        return False
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return False
    if not 2 <= len(words(text)) <= 4 or not is_site_name(text):
        return False
    if fold(text) in _LABELS or all(fold(w) in SECTION_WORDS for w in words(text)):
        return False
    return (fold(words(text)[0]) == "the" or len(words(text)) >= 3
            or is_publication(text, tail))
