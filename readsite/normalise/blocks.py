"""Raw text or Markdown → `Block`s (one paragraph or heading each), the unit every rule sees."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from readsite.normalise.dates import parse_date
from readsite.normalise.headings import is_heading_like


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or heading of the article while it is being normalised."""

    text: str
    """The block's text on one line (plain text, unless `markup`)."""
    heading: bool = False
    """Whether this block is a section heading."""
    markup: bool = False
    """Already Markdown (from a .md file): written verbatim, never escaped or reclassified."""
    level: int = 2
    """Heading level when `heading` (body sections are `##`)."""
    line: int = 0
    """1-based input line the block starts on (0 when not known), for traces."""



_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")



def is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Whether a group of lines is one paragraph wrapped at a fixed width (so we rejoin it)."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    longest = max(len(line) for line in body)
    mid_sentence = any(not re.search(r"[.!?:\u2026\"'\u201d\u2019)]$", line) for line in body)
    fits = 40 <= longest <= 100 and all(len(line) >= longest * 0.6 for line in body)
    if len(lines) == 2 and _BARE_NAME.match(lines[1].strip()):
        return False  # a headline over a bare byline name, not one wrapped paragraph
    if len(lines[-1]) > WRAP_SLACK * longest:
        return False  # no wrapped line runs past the wrap width: a headline over its paragraph
    return mid_sentence and fits and not any(_HEADER_LINE.match(line) or (
        len(line) <= 60 and parse_date(line) is not None) or _dated_fields(line)
        or _COPYRIGHT_LINE.match(line) for line in lines)


WRAP_SLACK = 1.15
"""How much longer than the longest earlier line a wrapped paragraph's last line may be (a
word that did not fit may push it a little past; a paragraph under a headline runs far past)."""

_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)|copyright\b|all (?:content|contents|material) ©)", re.I)
"""A footer's copyright line: the footer's lines are stacked, never one wrapped paragraph."""


def _dated_fields(line: str) -> bool:
    """Whether a line is a header of fields, one a date ("Jane Doe | Courier | 3 May 2026")."""
    fields = re.split(r"\s+[|·•]\s+", line) if len(line) <= 120 else []
    return len(fields) >= 2 and any(parse_date(f) is not None for f in fields)


_BARE_NAME = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}$")
"""A line of 2-4 capitalised words and nothing else: a byline's name, not a wrapped line's end."""
_HEADER_LINE = re.compile(r"^(?:by|von|par|por|posted|written by|published|updated|date|"
                          r"(?:additional )?reporting by|editing by)[\s:]", re.IGNORECASE)
"""A line starting like a byline, a date line or a wire's credits: page furniture, never a
wrapped paragraph."""


def split_blocks(text: str) -> list[str]:
    """Paragraph texts: one per line, except hard-wrapped lines in a blank-line separated text."""
    return [para for _, para in split_numbered(text)]


def split_numbered(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """`split_blocks` with the input line (counting from `first_line`) each paragraph starts on."""
    blocks: list[tuple[int, str]] = []
    groups = re.split(r"(\n[ ]*\n)", text)
    wrapped = len(groups) > 1
    number = first_line
    for index, group in enumerate(groups):
        if index % 2:
            number += group.count("\n")
            continue
        lines = [(number + i, line.strip()) for i, line in enumerate(group.split("\n"))
                 if line.strip()]
        number += group.count("\n")
        texts = [line for _, line in lines]
        if wrapped and len(lines) > 2 and is_heading_like(texts[0]) and is_hard_wrapped(texts[1:]):
            blocks.append(lines[0])
            lines, texts = lines[1:], texts[1:]
        if wrapped and is_hard_wrapped(texts):
            blocks.append((lines[0][0], " ".join(texts)))
        else:
            blocks.extend(lines)
    return blocks


def to_blocks(paragraphs: Iterable[str | tuple[int, str]]) -> list[Block]:
    """Plain paragraphs (optionally numbered) as Blocks; Markdown headings stay headings."""
    blocks: list[Block] = []
    for item in paragraphs:
        line, text = item if isinstance(item, tuple) else (0, item)
        match = _MD_HEADING.match(text)
        if match and match.group(2).strip():
            blocks.append(Block(match.group(2).strip(), heading=True, line=line))
        else:
            blocks.append(Block(text, line=line))
    return blocks


def plain_markdown(text: str) -> str:
    """Rough plain text of a Markdown snippet (for titles and summaries from .md paragraphs)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`~]+", "", text)
    text = re.sub(r"^\s*(?:[#>]+|[-+*]|\d+[.)])\s+", "", text, flags=re.M)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split())



_FENCE = re.compile(r"^(`{3,}|~{3,})")
_MARKUP_START = re.compile(
    r"^(?:[-+*]\s|\d{1,9}[.)]\s|>|\||<|    |`{3,}|~{3,}|[-*_](?:\s*[-*_]){2,}\s*$)"
)


def split_markdown(text: str, first_line: int = 1) -> list[Block]:
    """Markdown source → Blocks, keeping fenced code, lists and quotes whole and verbatim."""
    blocks: list[Block] = []
    current: list[str] = []
    fence = ""
    start = first_line

    def flush() -> None:
        if current:
            blocks.append(replace(markdown_block("\n".join(current)), line=start))
            current.clear()

    for number, line in enumerate(text.split("\n"), start=first_line):
        if not current:
            start = number
        if fence:
            current.append(line)
            if line.strip().startswith(fence):
                fence = ""
                flush()
            continue
        opening = _FENCE.match(line.strip())
        if opening:
            flush()
            start = number
            fence = opening.group(1)
            current.append(line)
        elif not line.strip():
            flush()
        elif _MD_HEADING.match(line):
            flush()
            start = number
            current.append(line)
            flush()
        else:
            current.append(line)
    flush()
    return blocks


def markdown_block(text: str) -> Block:
    """One Markdown block: a heading (with its level) or verbatim Markdown."""
    match = _MD_HEADING.match(text)
    if match and "\n" not in text and match.group(2).strip():
        level = len(match.group(1))
        return Block(match.group(2).strip(), heading=True, markup=True, level=level)
    return Block(text, markup=True)



def _is_plain(text: str) -> bool:
    """Whether a one-line Markdown paragraph has no markup, so text rules may treat it as text."""
    return not re.search(r"[\\`*_\[\]<>~&]", text)


def unmark_plain(blocks: Sequence[Block]) -> list[Block]:
    """One-line Markdown paragraphs without any markup as plain text, so text rules apply."""
    result: list[Block] = []
    for block in blocks:
        plain = not block.heading and "\n" not in block.text and not _MARKUP_START.match(block.text)
        result.append(replace(block, markup=False) if plain and _is_plain(block.text) else block)
    return result
