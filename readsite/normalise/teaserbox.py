"""A teaser box inside the story: "Related" over two headlines, and then the story goes on.

A tail marker ("Related", "Most popular", "Read more", "Lesen Sie auch") usually opens the
page's trailing chrome, so `boilerplate` drops it and everything after it.  But pages also put
a small box of links to other stories *between* the story's paragraphs, and a select-all copy
keeps it there; cutting at its marker would lose the rest of the story, the worst mistake an
importer can make.  The box has a shape that tells it apart: the marker, a few short lines
without a final stop (headlines, counters "1", "2", a date or a read time), and then
two or more finished paragraphs of story again (a lone paragraph after a box is as often a
footer's blurb about the site), with at most one more short line among them.  A list of
teasers with deks ("Headline" / "One-sentence dek." / "Headline" / ...) alternates short lines
and sentences, and a comment thread is never a box (its markers are not teaser markers), so
both still end the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.rules import Rule
from readsite.normalise.tails import is_tail_marker
from readsite.normalise.text import fold_line, words

TEASER_BOX = Rule("teaser-box", "A teaser box between the story's paragraphs: a tail marker "
                  "(\"Related\", \"Most popular\", \"Lesen Sie auch\") over 1-8 short lines "
                  "without a final stop (headlines, counters), with two or more finished story "
                  "paragraphs after it: the box is dropped and the story after it kept.")

BOX_LINES = 8
"""Most short lines in a teaser box under its marker."""

TEASER_WORDS = 16
"""Longest teaser headline in a box, in words."""

PROSE_WORDS = 12
"""Fewest words of a finished paragraph that shows the story goes on after the box."""

_NOT_TEASER_MARKER = re.compile(r"comment|kommentar|comentario|commenti|repl(?:y|ies)|respons|"
                                r"conversation|discussion|episodes|^tags|topics|system assessment",
                                re.I)
"""Tail markers that open a comment thread, a tag list or an episode list: never a box inside
the story (what follows them may be sentences that are not the story's)."""
_STOP = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def _teaser(block: Block) -> bool:
    """A line of a teaser box: a link list, or a short line without a final stop."""
    if block.heading:
        return False
    if block.markup:
        return all(re.match(r"\s*[-*+]\s", line) for line in block.text.splitlines() if line)
    text = block.text.strip()
    return 1 <= len(words(text)) <= TEASER_WORDS and not re.search(r"[.!\u2026:;,]$", text)


def _prose(block: Block, chrome: Callable[[str], bool]) -> bool:
    """A finished paragraph of 12+ words that no chrome rule claims."""
    text = block.text.strip()
    return (not block.markup and not block.heading and len(words(text)) >= PROSE_WORDS
            and bool(_STOP.search(text)) and not chrome(text))


def box_end(blocks: Sequence[Block], index: int, chrome: Callable[[str], bool]) -> int | None:
    """Where the teaser box opened by the marker at `index` ends, when the story goes on after
    it; None when the marker opens the page's tail.  `chrome`: whether a line is chrome."""
    marker = blocks[index]
    if marker.markup or not is_tail_marker(marker.text):
        return None
    if _NOT_TEASER_MARKER.search(fold_line(marker.text)):
        return None
    end = index + 1
    while end < len(blocks) and end - index <= BOX_LINES and _teaser(blocks[end]):
        end += 1
    if end == index + 1 or end >= len(blocks) or not _prose(blocks[end], chrome):
        return None
    stop = next((n for n in range(end + 1, len(blocks))
                 if not blocks[n].markup and is_tail_marker(blocks[n].text)), len(blocks))
    after = blocks[end:stop]  # up to the next marker, where the page's tail may begin
    prose = sum(_prose(b, chrome) for b in after)
    short = sum(1 for b in after if _teaser(b) and not chrome(b.text))  # more headlines
    return end if short <= 1 and prose >= 2 * short + 2 else None
