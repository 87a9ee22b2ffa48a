"""The summary: the dek under the title, else the opening sentences of the body."""

from __future__ import annotations

from collections.abc import Sequence

from readsite.normalise.blocks import Block, plain_markdown
from readsite.normalise.headings import is_heading_like
from readsite.normalise.outlets import is_dateline
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, split_sentences, words
from readsite.normalise.trace import Trace

DEK = Rule("dek", "The paragraph under a stated headline and above its byline, when it is one "
           "or two sentences (or a sentence-case clause of 8+ words without a full stop) before "
           "longer text (a standfirst): the summary; it leaves the body.")
OPENING = Rule("summary-opening", "No dek: the first one or two sentences of the body's first "
               "paragraph (never the title again, nor a short label line such as a section "
               "name or a scoreline) are the summary.")
REPEATED_DEK = Rule("repeated-dek", "The dek repeated as a paragraph of the body: the repeat "
                    "leaves the body.")

SUMMARY_LIMIT = 240
"""Longest summary we derive from the body; longer openings are cut at a sentence end."""

DEK_LIMIT = 280
"""Longest paragraph under the title that may be a dek (a standfirst, not the lede)."""

LABEL_WORDS = 8
"""Most words of a label line skipped when the opening summary is chosen."""

DEK_MIN_WORDS = 8
"""Fewest words of a dek that does not end in a full stop (a shorter line is a label)."""



def first_sentences(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """The opening one or two sentences of a paragraph within `limit` characters."""
    sentences = split_sentences(text)
    if not sentences:
        return ""
    summary = sentences[0]
    if len(summary) > limit:
        return summary[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    if len(sentences) > 1 and len(summary) + 1 + len(sentences[1]) <= limit:
        summary += " " + sentences[1]
    return summary


def is_dek(block: Block, following: Sequence[Block], ratio: float = 1.5) -> bool:
    """Whether the paragraph under the title is a standfirst: 1-2 sentences before longer text
    (`ratio` times as long; a paragraph standing above the byline needs less proof)."""
    if block.heading or len(block.text) > DEK_LIMIT or is_dateline(block.text):
        return False
    if block.text[-1:] not in ".!?…\u201d\u2019\")" and not is_open_dek(block.text):
        return False
    if len(split_sentences(block.text)) > 2:
        return False
    prose = next((b for b in following
                  if not b.heading and fold(b.text) != fold(block.text)), None)
    return prose is not None and len(prose.text) >= ratio * len(block.text)


def is_open_dek(text: str) -> bool:
    """Whether a line without a full stop may still be a dek: a sentence-case clause of
    `DEK_MIN_WORDS` or more (a Title Case line or a label ending in ":" is a heading)."""
    parts = words(text)
    if len(parts) < DEK_MIN_WORDS or text.rstrip().endswith(":"):
        return False
    lower = [w for w in parts[1:] if w[:1].isalpha()]
    return sum(w[:1].islower() for w in lower) > len(lower) / 2


def is_label(text: str) -> bool:
    """A short line that labels rather than says ("Politics", "Brackley Town 2 Ashmoor United
    1"): heading-like, no sentence stop; never the summary while a paragraph follows."""
    return len(words(text)) <= LABEL_WORDS and is_heading_like(text)


def _dek_below(block: Block, following: Sequence[Block], byline: int) -> bool:
    """Whether the first paragraph under the byline is still a dek: a sentence-case clause
    without a final stop (`is_open_dek`; a story paragraph ends in one), standing right after
    the header, with story prose at least 1.5 times its length under it (past a label line)."""
    if not byline or not block.line or block.line <= byline or block.markup:
        return False
    text = block.text.strip()
    if text[-1:] in ".!?…:;\u201d\"" or not is_open_dek(text) or len(split_sentences(text)) > 1:
        return False
    prose = next((b for b in following if not b.heading and not is_label(b.text)), None)
    return prose is not None and not prose.markup and len(prose.text) >= 1.5 * len(text)


def take_summary(title: str, stated: bool, rest: Sequence[Block], byline: int = 0,
                 headline: int = 0) -> tuple[str, list[Block], list[Trace]]:
    """(summary, body blocks, traces): the dek (removed, with any repeat of it), else the
    opening sentences of the first paragraph that is not the title again.  `byline`: the
    input line of the header's byline or date, if any; a dek stands above it, so a paragraph
    after it is the story's opening, not a dek; `headline`: the headline's input line, since a
    paragraph above it (a newsletter's greeting) is not a dek either.  The only paragraph
    between the headline and the byline is the dek whatever its length (a summary box may
    follow it); with more above the byline (a byline at the end), length decides."""
    blocks = list(rest)
    first = blocks[0] if blocks else None
    above = not first or not first.line or (
        (not byline or first.line < byline) and first.line > headline)
    sole = bool(first and byline and len(blocks) > 1 and first.line < byline < blocks[1].line)
    ratio = 0.0 if sole else 1.0 if byline and first and first.line < byline else 1.5
    if stated and first and not first.heading and not first.markup and (
            (above and is_dek(first, blocks[1:], ratio)) or _dek_below(first, blocks[1:], byline)):
        traces = [DEK.found("summary", first.text, first.line)]
        body = blocks[1:]
        for index, block in enumerate(body[:4]):
            if not block.markup and fold(block.text) == fold(first.text):
                traces.append(REPEATED_DEK.dropped(block.text, block.line))
                del body[index]
                break
        return first.text, body, traces
    candidates = [b for b in blocks if not b.heading]
    prose = [b for b in candidates if not is_label(b.text)]
    for block in prose or candidates:
        text = plain_markdown(block.text) if block.markup else block.text
        if not text or fold(text) == fold(title):
            continue
        summary = first_sentences(text)
        return summary, blocks, [OPENING.found("summary", summary, block.line)] if summary else []
    return "", blocks, []
