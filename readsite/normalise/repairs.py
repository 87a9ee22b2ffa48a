"""Repairs of copying artefacts: citation markers stuck to sentence ends, a cut-off ending.

A page copied with its footnote numbers reads "deployment.463 The next"; a copy that stopped
early ends in half a sentence.  Both are repaired conservatively, and traced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from readsite.normalise.blocks import Block
from readsite.normalise.rules import Rule
from readsite.normalise.text import ABBREVIATIONS, split_sentences, words
from readsite.normalise.trace import Trace

CITATION_MARKER = Rule("citation-marker", "A footnote number stuck to a sentence end "
                       "(\"deployment.463 The\" → \"deployment. The\"), or bracketed reference "
                       "marks (\"rates.[12]\", \"fell [3][4] sharply\"): the marks are removed.")
CUT_OFF = Rule("cut-off", "Half a sentence at the very end, where a copy was cut off: dropped "
               "(the complete sentences before it stay).")

_CITATION = re.compile(r"(?P<word>[A-Za-z\u00c0-\u024f\u2019']{2,})"
                       r"(?P<stop>[.!?][\"\u201d\u2019)]?)"
                       r"(?P<marks>\d{1,3}(?:[,\u2013-]\d{1,3})*|\[\d{1,3}\])"
                       r"(?=\s+[\"\u201c\u2018(]?[A-Z]|\s*$)")
_MARKS = r"(?:\[(?:\d{1,3}|[a-z]|citation needed|clarification needed|dubious)\])+"
_BRACKETED = re.compile(rf"(?<=[\w)\"\u201d.!?,;:])\s?{_MARKS}(?=[\s.,;:!?]|$)")
"""Bracketed reference marks ("rates.[12]", "fell [3][4] sharply", "[citation needed]")."""
_ENDED = re.compile(r"[.!?\u2026:;\"'\u201d\u2019)\]]$")

CUT_OFF_WORDS = 8
"""A final fragment shorter than this (a sign-off, a name) is not taken for a cut-off."""


def strip_citation_markers(text: str) -> str:
    """`text` without footnote numbers stuck to sentence ends ("deployment.463" → ".")."""
    def keep(match: re.Match[str]) -> str:
        if match.group("word").casefold() in ABBREVIATIONS:
            return match.group()
        return match.group("word") + match.group("stop")
    return _BRACKETED.sub("", _CITATION.sub(keep, text))


def repair_citations(blocks: Sequence[Block]) -> tuple[list[Block], list[Trace]]:
    """Blocks with citation markers removed, and a trace for each paragraph changed."""
    result: list[Block] = []
    traces: list[Trace] = []
    for block in blocks:
        if block.markup:
            result.append(block)
            continue
        fixed = strip_citation_markers(block.text)
        if fixed != block.text:
            traces.append(CITATION_MARKER.changed(block.text, block.line))
            block = replace(block, text=fixed)
        result.append(block)
    return result, traces


def cut_off_tail(text: str) -> str:
    """The unfinished half sentence a paragraph ends with, or "" when it ends properly."""
    text = text.strip()
    if not text or _ENDED.search(text) or not text[0].isupper():
        return ""
    last = text.split()[-1]
    if "://" in last or "@" in last or not last[-1].isalpha():
        return ""
    sentences = split_sentences(text)
    tail = sentences[-1] if sentences else text
    if len(words(tail)) < CUT_OFF_WORDS or not tail[0].isupper():
        return ""
    return tail


def drop_cut_off(blocks: Sequence[Block]) -> tuple[list[Block], list[Trace]]:
    """Blocks without a cut-off half sentence at the very end (after some article text)."""
    result = list(blocks)
    if len(result) < 2 or result[-1].markup or result[-1].heading:
        return result, []
    block = result[-1]
    tail = cut_off_tail(block.text)
    if not tail:
        return result, []
    kept = block.text.strip()[: -len(tail)].rstrip()
    result = result[:-1] + ([replace(block, text=kept)] if kept else [])
    return result, [CUT_OFF.dropped(tail, block.line)]
