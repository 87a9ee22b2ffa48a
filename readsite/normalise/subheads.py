"""Subheadings that only their repetition gives away: numbered ones ("1. Start small" over each
tip of a listicle) and short sentence-case ones over short sections ("Boring tools win").

`headings` judges each line by itself and its neighbours, which is right for a lone line: a
short line without a stop between two paragraphs may be a caption, a pull quote or a one-line
paragraph.  A page's subheadings, though, come in sets, and a set is far stronger evidence
than any one line: two or more numbered lines counting up (1, 2, 3), each over a paragraph,
are a listicle's subheads; two or more lines of the short-section shape in a body that has no
heading yet vouch for each other, as a heading already in the body vouches for its siblings.
Nothing is dropped or reworded here: a line only becomes a `## ` heading, its text as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from readsite.normalise.blocks import Block
from readsite.normalise.headings import (
    is_list_block,
    is_short_section,
    not_heading,
    vouch_headings,
)
from readsite.normalise.rules import Rule
from readsite.normalise.text import words
from readsite.normalise.trace import Trace

NUMBERED_SUBHEAD = Rule("numbered-subhead", "Two or more short numbered lines counting up by "
                        "one (\"1. Start small\", \"2. Automate it\"), each without a final stop "
                        "and over a paragraph of finished sentences: a listicle's subheadings, "
                        "kept with their numbers as `## ` headings.")
SECTION_RUN = Rule("section-run", "In a body without headings, two or more short sentence-case "
                   "lines (2-8 words, no final punctuation) that each stand after a finished "
                   "paragraph and over one of 8+ words: subheadings that vouch for each other.")

LIST_TITLE = Rule("list-title", "Short sentence-case lines (2-8 words, no final punctuation) "
                  "each right over a list, after a finished paragraph: the lists' titles, as "
                  "headings, when there are two or more (or the body has headings already).")

LIST_HEAD_WORDS = 8
"""Longest list title, in words."""

SUBHEAD_WORDS = 10
"""Longest numbered subheading, in words (after the number)."""

PARAGRAPH_WORDS = 8
"""Fewest words of the finished paragraph under a numbered subheading."""

MIN_SET = 2
"""Fewest lines that make a set of subheadings."""

_NUMBERED = re.compile(r"^(?P<number>\d{1,2})[.)]\s+(?P<text>\S.*)$")
_STOP = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def _paragraph(block: Block | None) -> bool:
    """A paragraph of finished sentences of 8+ words (not a heading, list or short line)."""
    return (block is not None and not block.markup and not block.heading
            and len(words(block.text)) >= PARAGRAPH_WORDS
            and bool(_STOP.search(block.text.strip())))


def _number(blocks: Sequence[Block], index: int) -> int | None:
    """The number of a numbered subheading line over a paragraph ("1. Start small"), else None."""
    block = blocks[index]
    text = block.text.strip()
    match = _NUMBERED.match(text)
    if block.markup or block.heading or "\n" in text or match is None:
        return None
    title = match.group("text")
    if not 1 <= len(words(title)) <= SUBHEAD_WORDS or len(title) > 90:
        return None
    if re.search(r"[.,;:!\u2026]$", title) or not (title[:1].isupper() or title[:1].isdigit()):
        return None
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return int(match.group("number")) if _paragraph(after) else None


def _numbered_set(blocks: Sequence[Block]) -> list[int]:
    """Indexes of the longest run of numbered subheading lines counting up by one."""
    best: list[int] = []
    run: list[int] = []
    last = 0
    for index in range(len(blocks)):
        number = _number(blocks, index)
        if number is None:
            continue
        run = [*run, index] if run and number == last + 1 else [index]
        last = number
        if len(run) > len(best):
            best = run
    return best if len(best) >= MIN_SET else []


def _section_set(blocks: Sequence[Block]) -> list[int]:
    """Indexes of short-section lines, when the body has none marked and holds 2+ of them."""
    if any(b.heading and not b.markup for b in blocks):
        return []
    found = [i for i in range(len(blocks)) if is_short_section(blocks, i)]
    found = [i for i in found if not not_heading(blocks[i], blocks[i - 1], blocks[i + 1])]
    return found if len(found) >= MIN_SET else []


def _list_head(blocks: Sequence[Block], index: int) -> bool:
    """A short sentence-case line (2-8 words, no final punctuation) right over a list, after
    a finished paragraph or another list: the title of the list ("Things people forget")."""
    block = blocks[index]
    text = block.text.strip()
    if block.markup or block.heading or not 0 < index < len(blocks) - 1:
        return False
    before, after = blocks[index - 1], blocks[index + 1]
    if not 2 <= len(words(text)) <= LIST_HEAD_WORDS or not text[:1].isupper():
        return False
    if re.search(r"[.,;:!?\u2026\"'\u201d\u2019)]$", text) or not is_list_block(after):
        return False
    if before.heading or not (is_list_block(before) or _STOP.search(before.text.strip())):
        return False
    return not not_heading(block, before, after)


def _list_set(blocks: Sequence[Block]) -> list[int]:
    """Indexes of list titles, when the body holds two or more (or has headings already)."""
    found = [i for i in range(len(blocks)) if _list_head(blocks, i)]
    headed = any(b.heading and not b.markup for b in blocks)
    return found if len(found) >= MIN_SET or (found and headed) else []


def mark_subheads(blocks: Sequence[Block]) -> tuple[list[Block], list[Trace]]:
    """The blocks with sets of subheadings marked as headings, and a trace for each."""
    marked = list(blocks)
    traces: list[Trace] = []
    for rule, finder in ((NUMBERED_SUBHEAD, _numbered_set), (SECTION_RUN, _section_set),
                         (LIST_TITLE, _list_set)):
        found = finder(marked)
        for index in found:
            marked[index] = replace(marked[index], heading=True)
            traces.append(rule.changed(marked[index].text.strip(), marked[index].line))
        if found:
            marked = vouch_headings(marked)
    return marked, traces
