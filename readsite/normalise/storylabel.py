"""A section label left between the header and the story's first paragraph.

Pages print their section ("Environment", "Politics") as a small label above the headline, but
some put it under the dek or the byline, right above the story.  The header model drops labels
above the headline and next to it; one that stands after the dek was kept as a one-line
paragraph, or made a one-word heading over the whole story.  It is dropped only where it cannot
be the story's own first heading: right at the top of the body, with prose right under it, and
either a section word the site menus use or a word the page's own navigation (a menu run, a
breadcrumb) lists, so "Background" or "Introduction" opening a report stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

STORY_LABEL = Rule("story-label", "A 1-3-word section label at the very top of the body, under "
                   "the header (byline, date or dek) and over the story's first paragraph, that "
                   "is a section word or an item of the page's own navigation: dropped, never a "
                   "heading.")

LABEL_WORDS = 3
"""Most words of a section label."""

PROSE_CHARS = 80
"""Fewest characters of the story paragraph under the label."""


def is_label_line(text: str) -> bool:
    """A label's shape: 1-3 capitalised words, no sentence stop, no digits."""
    text = text.strip()
    parts = words(text)
    return (1 <= len(parts) <= LABEL_WORDS and not re.search(r"[.!?:;,\d]", text)
            and text[:1].isupper())


def in_navigation(text: str, dropped: Sequence[str]) -> bool:
    """Whether a dropped menu or breadcrumb line lists `text` as one of its items."""
    key = fold(text)
    for line in dropped:
        items = [fold(i) for i in re.split(r"\s*[›»>|/]\s*|\s{3,}|\t+", line) if i.strip()]
        if len(items) >= 2 and key in items:
            return True
    return False


def drop_story_label(blocks: Sequence[Block], header: bool,
                     dropped: Sequence[str] = ()) -> tuple[list[Block], list[Trace]]:
    """The body without a section label at its top (see the module doc).  `header`: the page
    had a byline, date or dek above the body; `dropped`: the lines dropped as chrome."""
    if not header or len(blocks) < 2:
        return list(blocks), []
    label, story = blocks[0], blocks[1]
    if label.markup or story.heading or story.markup or len(story.text) < PROSE_CHARS:
        return list(blocks), []
    text = label.text.strip()
    if not is_label_line(text):
        return list(blocks), []
    if fold(text) not in SECTION_WORDS and not in_navigation(text, dropped):
        return list(blocks), []
    return list(blocks[1:]), [STORY_LABEL.dropped(text, label.line)]
