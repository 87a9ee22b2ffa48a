"""Lists flattened into lines by copying: restored as Markdown `- ` items.

A bulleted list copied out of a page loses its bullets and becomes a run of short lines; left
alone, each item would become a paragraph (or worse, a heading).  A run is restored only when
it is unmistakable: lines starting with a bullet glyph, or at least three short lines under a
line ending in a colon.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.escape import escape_paragraph
from readsite.normalise.headings import is_heading_like
from readsite.normalise.rules import Rule
from readsite.normalise.text import split_sentences, words
from readsite.normalise.trace import Trace

FLATTENED_LIST = Rule("flattened-list", "A run of short lines that were list items (bullet "
                      "glyphs or typed \"- \" bullets, or three or more short lines under a "
                      "line ending in a colon, ending where the spacing between lines grows): "
                      "restored as `- ` items.")

ITEM_WORDS = 20
"""Longest list item, in words, for a run without bullet glyphs."""

MIN_ITEMS = 3
"""Fewest short lines under a colon that make a list."""

_GLYPH = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25e6\u2023\u2043\u25cf\u25cb]\s*|[-*]\s+)"
                    r"(?P<item>\S.*)$")
"""A list item's bullet: a glyph ("•", "▪"), or a hyphen or asterisk and a space as a writer
types one ("- A tent"); two or more such lines in a row make a list."""


def is_item(block: Block) -> bool:
    """Whether a block could be one item of a flattened list (short, one sentence, no quote)."""
    text = block.text
    if block.markup or block.heading or not text or len(words(text)) > ITEM_WORDS:
        return False
    return len(split_sentences(text)) <= 1 and text[0] not in "\"\u201c\u2018'" and text[-1] != ":"


def as_list(items: Sequence[str], line: int) -> Block:
    """Items as one Markdown list block."""
    return Block("\n".join("- " + escape_paragraph(item) for item in items), markup=True,
                 line=line)


def restore_lists(blocks: Sequence[Block]) -> tuple[list[Block], list[Trace]]:
    """Runs of flattened list items as `- ` lists, with a trace naming each run's first line."""
    result: list[Block] = []
    traces: list[Trace] = []
    index = 0
    while index < len(blocks):
        run = _glyph_run(blocks, index)
        if run:
            items = [_GLYPH.match(b.text).group("item") for b in run]  # type: ignore[union-attr]
        else:
            run = _colon_run(blocks, index)
            items = [b.text for b in run]
        if run:
            result.append(as_list(items, run[0].line))
            traces.append(FLATTENED_LIST.changed(run[0].text, run[0].line))
            index += len(run)
            continue
        result.append(blocks[index])
        index += 1
    return result, traces


def _glyph_run(blocks: Sequence[Block], index: int) -> list[Block]:
    """The blocks from `index` that start with a bullet glyph (at least two)."""
    run: list[Block] = []
    for block in blocks[index:]:
        if block.markup or block.heading or not _GLYPH.match(block.text):
            break
        run.append(block)
    return run if len(run) >= 2 else []


def _colon_run(blocks: Sequence[Block], index: int) -> list[Block]:
    """The short item lines from `index`, when the block before ends with a colon."""
    if index == 0:
        return []
    intro = blocks[index - 1]
    if intro.markup or intro.heading or not intro.text.endswith(":"):
        return []
    run: list[Block] = []
    for number, block in enumerate(blocks[index:], index):
        if not is_item(block) or _spaced_off(run, block) or _heading_after(run, blocks, number):
            break
        run.append(block)
    return run if len(run) >= MIN_ITEMS else []


def _heading_after(run: Sequence[Block], blocks: Sequence[Block], index: int) -> bool:
    """Whether `blocks[index]` is a heading under a finished list, not its next item (pasted
    with single newlines, "Remedies" follows the items directly): heading-like, less than
    half as long as every item, and over a paragraph of 20+ words."""
    if len(run) < MIN_ITEMS or index + 1 >= len(blocks) or not is_heading_like(blocks[index].text):
        return False
    after = blocks[index + 1]
    shortest = min(len(words(b.text)) for b in run)
    return (2 * len(words(blocks[index].text)) < shortest and not after.markup
            and len(words(after.text)) >= 20)


def _spaced_off(run: Sequence[Block], block: Block) -> bool:
    """Whether `block` stands further from the run than its items stand from each other (a
    blank line after items on consecutive lines: the list has ended, "Remedies" is a heading)."""
    if len(run) < 2 or not all(b.line for b in (*run, block)):
        return False
    spacing = max(b.line - a.line for a, b in itertools.pairwise(run))
    return block.line - run[-1].line > spacing
