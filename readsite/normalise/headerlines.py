"""What each line in a pasted page's header region is: story, navigation, metadata, label.

The header model (`header`) decides where the story starts and which line is the headline; it
needs to know, line by line, whether a line opens the story, is a menu item, states a byline,
date or role, is a "Label: value" field, a row of fields or a photo caption.  Those line
classifiers are kept here, apart from the headline scoring (`headline`) and the stripping
(`header`) that use them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import is_outlet_name, parse_byline
from readsite.normalise.dates import parse_date, without_age
from readsite.normalise.factrow import is_fact_row, without_handle
from readsite.normalise.linerules import is_boilerplate
from readsite.normalise.masthead import DURATION
from readsite.normalise.metadata import is_published_in, parse_label_line
from readsite.normalise.names import is_name
from readsite.normalise.rolelines import ROLE, name_with_role
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words

FACT_ABOVE = Rule("fact-above-headline", "A headline whose byline or date stands directly "
                  "over it ('Von Name publiziert am 30. Juli 2018' / headline / story, as many "
                  "blogs print them) is proved a headline as one with the fact under it: the "
                  "menu or 'Back to overview' link above is cleared and the line nearest the "
                  "story is the title.")

STORY_WORDS = 20
"""Fewest words of a paragraph that may open the story."""

STORY_LOOKAHEAD = 60
"""How many blocks from the top are searched for the story start."""

NAV_WORDS = 3
"""Most words of one navigation item or kicker."""

NAV_RUN_MIN = 3
"""Fewest short lines in a navigation run."""

CHROME_WORDS = 6
"""Most words of a short chrome line above the headline."""

STOP = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
"""A sentence's final stop, with any closing quote or bracket after it."""
def is_story_line(block: Block) -> bool:
    """Whether a block reads as a paragraph of the story: 20+ words, ending a sentence."""
    if block.markup or block.heading:
        return False
    return len(words(block.text)) >= STORY_WORDS and bool(STOP.search(block.text.strip()))


def story_start(blocks: Sequence[Block]) -> int:
    """Index of the story's first paragraph: the first story line followed (allowing one short
    line between, a subheading or caption) by another; else the first 30+-word block; else,
    under a run of menu lines (which only the header model clears), the first story line
    followed by a finished paragraph of 8+ words (local news is written in short
    paragraphs); else the length of `blocks` (no story found)."""
    limit = min(len(blocks), STORY_LOOKAHEAD)
    for index in range(limit):
        if not is_story_line(blocks[index]):
            continue
        if any(is_story_line(b) for b in blocks[index + 1:index + 3]):
            return index
    long = next((i for i in range(limit) if not blocks[i].markup
                 and len(words(blocks[i].text)) >= 30), None)
    if long is not None:
        return long
    short = next((i for i in range(1, limit - 1) if is_story_line(blocks[i])
                  and _finished_paragraph(blocks[i + 1])), None)
    if short is not None and nav_lines(blocks[:short]):
        return short  # a story told in short paragraphs, under a menu the header must clear
    return len(blocks)


SHORT_PARAGRAPH = 8
"""Fewest words of the paragraph after the first story line in a story of short paragraphs."""


def _finished_paragraph(block: Block) -> bool:
    """A paragraph of 8+ words ending a sentence (a short paragraph of the story)."""
    return (not block.markup and not block.heading
            and len(words(block.text)) >= SHORT_PARAGRAPH and bool(STOP.search(block.text)))


def is_meta_line(text: str) -> bool:
    """Whether a header line states metadata (a byline, a date, a name, a writer's role)."""
    text = text.strip()
    return (parse_byline(text) is not None or parse_date(text) is not None or is_name(text)
            or bool(ROLE.search(text) and len(words(text)) <= 6) or is_published_in(text))


def is_role_line(text: str) -> bool:
    """Whether a header line is only a writer's role ("Staff Writer", "Senior Reporter")."""
    text = text.strip()
    return (bool(ROLE.search(text)) and len(words(text)) <= 5 and not STOP.search(text)
            and parse_byline(text) is None and parse_date(text) is None
            and name_with_role(text) is None)  # "Ana Ruiz | Reporter" is the byline


def has_fact_below(blocks: Sequence[Block], index: int) -> bool:
    """Whether a byline or date line stands within four lines under `blocks[index]`."""
    below = [b.text for b in blocks[index + 1:index + 6]]
    return any(is_header_fact(t, below[n + 1] if n + 1 < len(below) else "")
               for n, t in enumerate(below[:4]))


def has_fact_above(blocks: Sequence[Block], index: int) -> bool:
    """Whether the line directly over `blocks[index]` is a byline or date line (read with
    the line itself as what follows it; see `FACT_ABOVE`)."""
    if index < 1 or blocks[index].markup or blocks[index - 1].markup:
        return False
    return is_header_fact(blocks[index - 1].text, blocks[index].text)


def is_menu(blocks: Sequence[Block]) -> bool:
    """Whether a run of short lines is a site's menu by its words: at least half the items
    are section or chrome words ("News", "Sport", "Sign in"), so a packing list is not."""
    known = sum(fold(b.text) in SECTION_WORDS or is_boilerplate(b.text) for b in blocks)
    return 2 * known >= len(blocks)


_LABEL = re.compile(r"^(?P<key>[^\W\d_][\w ]{0,20}):\s+(?P<value>.+)$")


def is_label(text: str) -> bool:
    """Whether a line is a "Label: value" field ("Guest: Dr. Amara Osei", "Podcast: X"):
    a label of 1-2 words and a short value that is a name, a date or a few words."""
    match = _LABEL.match(text.strip())
    if not match or len(words(match.group("key"))) > 2:
        return False
    value = match.group("value")
    return (parse_label_line(text) is not None or is_name(value)
            or parse_date(value) is not None or is_outlet_name(value))


def is_caption(blocks: Sequence[Block], headline: int, index: int) -> bool:
    """Whether the last header line, just above the story, is a photo caption: 4-25 words
    without a final stop, under the byline or date, when a dek already stands between the
    headline and that byline (so the line is not the dek)."""
    block = blocks[index]
    text = block.text.strip()
    if block.markup or block.heading or not 4 <= len(words(text)) <= 25 or STOP.search(text):
        return False
    if is_meta_line(text) or is_field_line(text) or is_label(text):
        return False
    facts = [i for i in range(headline + 1, index) if is_header_fact(blocks[i].text)]
    if not facts:
        return False
    return any(not blocks[i].markup and len(words(blocks[i].text)) >= 8
               and not is_meta_line(blocks[i].text) for i in range(headline + 1, facts[0]))


def is_field_line(text: str) -> bool:
    """Whether a line is a row of fields ("Episode 41 · 47 min", "News | 5 min read"): split
    by · | •, with a part that is a date, a duration or a number."""
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*", text.strip()) if p.strip()]
    return len(parts) >= 2 and any(
        parse_date(p) is not None or DURATION.match(p) or re.search(r"\d", p) for p in parts)


def is_header_fact(text: str, after: str = "") -> bool:
    """Whether a line under a headline proves a header: a byline, a date line, a name with a
    relative time after it, or a name above a date or a role line (a bare name may be
    anything)."""
    text = text.strip()
    if parse_byline(text) is not None or parse_date(text) is not None or is_fact_row(text):
        return True
    aged = without_age(without_handle(text))
    if aged != text and is_name(aged):
        return True  # "Alex Perry 1 day ago": the writer and when, side by side
    return is_name(text) and (parse_date(after) is not None or is_role_line(after))


def is_short(block: Block, limit: int) -> bool:
    """Whether a block is a short label-like line of at most `limit` words (no sentence)."""
    text = block.text.strip()
    if block.markup or not text or not 1 <= len(words(text)) <= limit or len(text) > 45:
        return False
    return not STOP.search(text) and not text.endswith((",", ";"))


def nav_lines(blocks: Sequence[Block]) -> set[int]:
    """Indexes of navigation lines: runs of `NAV_RUN_MIN`+ short lines (1-3 words) that are
    not dates or bylines; a name directly above a date or role line ends the run."""
    found: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, Block("")]):
        text = block.text.strip()
        after = blocks[index + 1].text if index + 1 < len(blocks) else ""
        item = (is_short(block, NAV_WORDS) and parse_date(text) is None
                and parse_byline(text) is None
                and not (is_name(text) and (parse_date(after) or ROLE.search(after))))
        if item:
            run.append(index)
            continue
        if len(run) >= NAV_RUN_MIN:
            found.update(run)
        run = []
    return found
