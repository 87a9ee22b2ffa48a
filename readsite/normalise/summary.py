"""The summary: the dek under the title, else the opening sentences of the body."""

from __future__ import annotations

from collections.abc import Sequence

from readsite.normalise.blocks import Block, plain_markdown
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, split_sentences
from readsite.normalise.trace import Trace

DEK = Rule("dek", "The paragraph under a stated headline, when it is one or two sentences "
           "before longer text (a standfirst): the summary; it leaves the body.")
OPENING = Rule("summary-opening", "No dek: the first one or two sentences of the body's first "
               "paragraph (never the title again) are the summary.")
REPEATED_DEK = Rule("repeated-dek", "The dek repeated as a paragraph of the body: the repeat "
                    "leaves the body.")

SUMMARY_LIMIT = 240
"""Longest summary we derive from the body; longer openings are cut at a sentence end."""

DEK_LIMIT = 280
"""Longest paragraph under the title that may be a dek (a standfirst, not the lede)."""



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


def is_dek(block: Block, following: Sequence[Block]) -> bool:
    """Whether the paragraph under the title is a standfirst: 1-2 sentences before longer text."""
    if block.heading or len(block.text) > DEK_LIMIT or block.text[-1:] not in ".!?…\u201d\u2019\")":
        return False
    if len(split_sentences(block.text)) > 2:
        return False
    prose = next((b for b in following
                  if not b.heading and fold(b.text) != fold(block.text)), None)
    return prose is not None and len(prose.text) >= 1.5 * len(block.text)


def take_summary(title: str, stated: bool,
                 rest: Sequence[Block]) -> tuple[str, list[Block], list[Trace]]:
    """(summary, body blocks, traces): the dek (removed, with any repeat of it), else the
    opening sentences of the first paragraph that is not the title again."""
    blocks = list(rest)
    first = blocks[0] if blocks else None
    if stated and first and not first.heading and not first.markup and is_dek(first, blocks[1:]):
        traces = [DEK.found("summary", first.text, first.line)]
        body = blocks[1:]
        for index, block in enumerate(body[:4]):
            if not block.markup and fold(block.text) == fold(first.text):
                traces.append(REPEATED_DEK.dropped(block.text, block.line))
                del body[index]
                break
        return first.text, body, traces
    for block in blocks:
        if block.heading:
            continue
        text = plain_markdown(block.text) if block.markup else block.text
        if not text or fold(text) == fold(title):
            continue
        summary = first_sentences(text)
        return summary, blocks, [OPENING.found("summary", summary, block.line)] if summary else []
    return "", blocks, []
