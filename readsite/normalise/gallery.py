"""A photo gallery pasted with the page: "1/50 Title" slide counters over their captions.

News pages embed slideshows ("Business news in pictures") whose slides select-all copies one
after another: a counter with the slide's title ("1/50 Harbour cranes return"), then the
slide's caption, a sentence or two about a different story.  The captions read like prose,
so only the counters give the gallery away: three or more, counting up by one towards the
same total, at most four blocks apart.  The counters and what stands between them (caption,
credit), the last slide's caption and the gallery's title over the first slide (a short line,
at most two) leave the body; a different total, a skipped number or
a longer gap ends the gallery.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.rules import Rule
from readsite.normalise.trace import Trace

GALLERY = Rule("gallery-slides", "A pasted photo gallery: 3+ slide counters with titles "
               "(\"1/50 Harbour cranes return\", \"2/50 ...\") counting up by one towards the "
               "same total, with the caption and credit under each and the gallery's short "
               "title over the first: dropped.")

_COUNTER = re.compile(r"^(?P<n>\d{1,3})\s*/\s*(?P<total>\d{1,3})(?:\s+\S.{0,120})?$")
MIN_SLIDES = 3
"""Fewest counters that make a gallery."""

TITLE_WORDS = 8
"""Most words of a gallery's title line."""

TITLE_LINES = 2
"""Most title lines over the first slide (the title and its repeat)."""

GAP = 4
"""Most blocks from one counter to the next (a caption and its credit stand between)."""


def _counter(block: Block) -> tuple[int, int] | None:
    match = _COUNTER.match(block.text.strip())
    if block.markup or match is None:
        return None
    number, total = int(match.group("n")), int(match.group("total"))
    return (number, total) if 1 <= number <= total else None


def _title(block: Block) -> bool:
    """A short line without a final stop (a gallery's title over its first slide)."""
    text = block.text.strip()
    return (not block.markup and 1 <= len(text.split()) <= TITLE_WORDS
            and not re.search(r"[.!?:;,]$", text) and _counter(block) is None)


def gallery_slides(blocks: Sequence[Block]) -> set[int]:
    """Indexes of gallery counters and what stands between them (the caption, its credit),
    plus the caption under the last one (see `GALLERY`)."""
    found: set[int] = set()
    index = 0
    while index < len(blocks):
        first = _counter(blocks[index])
        if first is None:
            index += 1
            continue
        slides = [index]
        number, total = first
        cursor = index + 1
        while cursor < len(blocks) and cursor - slides[-1] <= GAP:
            if _counter(blocks[cursor]) == (number + 1, total):
                slides.append(cursor)
                number += 1
            cursor += 1
        if len(slides) < MIN_SLIDES:
            index += 1
            continue
        last = slides[-1] + 1
        if last < len(blocks) and _counter(blocks[last]) is None and not blocks[last].heading:
            last += 1  # the last slide's caption
        top = slides[0]
        while top > 0 and _title(blocks[top - 1]) and slides[0] - top < TITLE_LINES:
            top -= 1  # the gallery's title ("Business news in pictures"), shown once or twice
        found.update(range(top, last))
        index = last
    return found


def strip_gallery(blocks: Sequence[Block]) -> tuple[list[Block], list[Trace]]:
    """The blocks without a pasted gallery's slides (see `GALLERY`)."""
    drop = gallery_slides(blocks)
    return ([b for i, b in enumerate(blocks) if i not in drop],
            [GALLERY.dropped(blocks[i].text.strip(), blocks[i].line) for i in sorted(drop)])
