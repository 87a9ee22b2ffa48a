"""Section headings that a table of contents vouches for.

A pasted page loses its markup, so a section heading ("Architecture", "Lifecycle of a task")
is just a short line between paragraphs, which alone may as well be a caption or a one-line
paragraph, and a name-shaped heading ("Extending ATF") is never taken on its shape.  Long
articles, documentation and wikis, though, open with a table of contents that lists those
headings, with or without a "Contents" label and often numbered ("2.1 Early settlers").  A
line the contents box listed, standing again later on its own over a paragraph, is one of the
page's section headings: the strongest evidence a plain-text paste can give.

`chrome` drops a labelled box (`table-of-contents`); this module drops an unlabelled one
(`contents-run`) and marks what either listed (`toc-heading`).  Nothing is reworded.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from readsite.normalise.blocks import Block
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

TOC_HEADING = Rule("toc-heading", "A line that the page's table of contents listed (a "
                   "\"Contents\" box, or an unlabelled `contents-run`), standing again later on "
                   "its own over a paragraph: a section heading, kept as written.")
CONTENTS_RUN = Rule("contents-run", "A run of 4+ short lines (at most 10 words, no final stop) "
                    "of which 3 in 4 stand again later on a line of their own, 3+ of them over "
                    "a paragraph: a table of contents without its label, dropped (the headings "
                    "it lists become headings).")

ITEM_WORDS = 10
"""Most words of one contents entry."""

MIN_RUN = 4
"""Fewest entries in an unlabelled contents run."""

MIN_OVER = 3
"""Fewest entries that must stand again over a paragraph (or as a heading already)."""

REPEATED_SHARE = 0.75
"""Least share of entries that stand again later (an "Introduction" entry may point at the
untitled opening)."""

PARAGRAPH_WORDS = 8
"""Fewest words of the paragraph under a heading the contents vouch for."""

_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")
_EDIT = re.compile(r"\s*\[edit\]$", re.I)
_STOP = re.compile(r"[.!?\u2026,;][\"'\u201d\u2019)\]]*$")


def entry(text: str) -> str:
    """A contents entry or heading reduced for matching: no number ("2.1 "), no wiki "[edit]"
    link, folded."""
    return fold(_EDIT.sub("", _NUMBER.sub("", text.strip())))


def _item(block: Block) -> bool:
    text = block.text.strip()
    return (not block.markup and not block.heading and 1 <= len(words(text)) <= ITEM_WORDS
            and not _STOP.search(text))


def _over_paragraph(blocks: Sequence[Block], index: int) -> bool:
    """Whether the block at `index` stands on its own over a paragraph of finished sentences."""
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return (_item(blocks[index]) and after is not None and not after.markup
            and not after.heading and len(words(after.text)) >= PARAGRAPH_WORDS
            and bool(re.search(r"[.!?:\"\u201d)]$", after.text.strip())))


def contents_run(blocks: Sequence[Block]) -> range:
    """The first unlabelled table of contents (see `CONTENTS_RUN`), or an empty range."""
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and _item(blocks[end]):
            end += 1
        if end - index >= MIN_RUN:
            later = {entry(blocks[i].text): i for i in range(len(blocks) - 1, end - 1, -1)
                     if _item(blocks[i]) or blocks[i].heading}
            places = [later.get(entry(blocks[i].text)) for i in range(index, end)]
            over = sum(p is not None and (blocks[p].heading or _over_paragraph(blocks, p))
                       for p in places)
            found = sum(p is not None for p in places)
            if found >= REPEATED_SHARE * len(places) and over >= MIN_OVER:
                return range(index, end)
        index = max(end, index + 1)
    return range(0)


def contents_headings(blocks: Sequence[Block], listed: Collection[str] = ()
                      ) -> tuple[list[Block], list[Trace]]:
    """Drop an unlabelled contents run, and mark as headings the lines it (or the labelled box
    `chrome` dropped, whose entries are `listed`) lists, where they stand over a paragraph."""
    run = contents_run(blocks)
    traces = [CONTENTS_RUN.dropped(blocks[i].text.strip(), blocks[i].line) for i in run]
    names = {entry(text) for text in listed} | {entry(blocks[i].text) for i in run}
    names.discard("")
    kept = [b for i, b in enumerate(blocks) if i not in run]
    if not names:
        return kept, traces
    marked: list[Block] = []
    for index, block in enumerate(kept):
        if entry(block.text) in names and _over_paragraph(kept, index):
            block = replace(block, heading=True)
            traces.append(TOC_HEADING.changed(block.text.strip(), block.line))
        marked.append(block)
    return marked, traces
