"""Which line of a pasted page's header region is the headline: a score per line.

A page copied with "select all" may put a site name, a section label, a ticker or a cookie
title above the headline, so the first line cannot be trusted.  Each header line is scored by
general features (length, case, final stop, a byline or date below it, words it shares with
the story's opening), and the best line wins; `header` then clears what stands above it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import looks_like_outlet, parse_byline
from readsite.normalise.dates import parse_date
from readsite.normalise.factrow import is_fact_row
from readsite.normalise.headerlines import (
    CHROME_WORDS,
    is_field_line,
    is_header_fact,
    is_label,
    is_meta_line,
    is_short,
)
from readsite.normalise.linerules import is_boilerplate
from readsite.normalise.rules import Rule
from readsite.normalise.sitenames import split_outlet
from readsite.normalise.text import split_sentences, words
from readsite.normalise.title import is_agency, is_title_like, same_line

TICKER = re.compile(r"^(?:breaking(?: news)?|live|developing|just in)\s*[:\-–—]"
                    r"\s*\S", re.I)
"""A ticker line above the page ("BREAKING: Storm warning ..."): never the headline."""
HEADLINE = Rule("header-headline", "The header line scoring best as a headline (4-25 words, no "
                "final stop unless a byline follows, a byline or date below it, words shared "
                "with the story's opening), when it is not the first line: the title.")

_NOTICE_WORDS = re.compile(r"\b(?:cookies?|privacy|consent|partners|sign (?:in|up)|log in|"
                           r"subscribe|newsletter|app|advert\w*|sponsored|menu|search|skip)\b",
                           re.I)
"""Words of a notice or a control: a line holding one is a poor headline."""
_STOPWORDS = frozenset({
    "about", "after", "again", "against", "their", "there", "these", "those", "which", "while",
    "would", "could", "should", "where", "when", "what", "with", "from", "into", "over",
    "under", "than", "that", "this", "have", "been", "were", "they", "them", "will", "your",
    "said", "says", "also", "just", "more", "most", "some", "such", "only", "other", "being",
    "because", "before", "between",
})
"""Common words that never make a headline like its story."""


def chrome_above(blocks: Sequence[Block], index: int, story: str) -> bool:
    """Whether the lines above a headline that shares a distinctive word with the story
    are all short (at most 6 words, no sentence), so none of them can be the headline."""
    if not rare_words(blocks[index].text) & rare_words(story) or index < 2:
        return False
    return all(is_short(b, CHROME_WORDS) or is_boilerplate(b.text) for b in blocks[:index])


def rare_words(text: str) -> set[str]:
    """Distinctive words of a text (5+ letters, not common), folded, for overlap."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{5,}", text.casefold()) if w not in _STOPWORDS}


def subject_title(text: str, story: str) -> bool:
    """Whether a "Name: Work" line is a review's headline ("Harrow Lane: Glass Orchard") rather
    than a field ("Executive Producer: Jane Doe"): the part before the colon is 2-4 capitalised
    words that the story itself names, as written, so it is the subject, not a label."""
    key = text.split(":", 1)[0].strip()
    parts = words(key)
    if not 2 <= len(parts) <= 4 or not all(p[:1].isupper() for p in parts):
        return False
    return re.search(rf"(?<![\w'’]){re.escape(key)}(?![\w])", story) is not None


def headline_score(blocks: Sequence[Block], index: int, story: str) -> int | None:
    """How much `blocks[index]` (a header line) reads as the headline; None if it cannot be."""
    block = blocks[index]
    text = block.text.strip()
    count = len(words(text))
    sentences = len(split_sentences(text))
    if block.markup or not 3 <= count <= 25 or len(text) > 200 or sentences > 3:
        return None
    if sentences == 3 and not (index + 1 < len(blocks)
                               and is_header_fact(blocks[index + 1].text)):
        return None  # a quip of three short sentences is a headline only over its byline or date
    lower = text[:1].islower() and words(text)[0] == words(text)[0].lower()  # not "xAI", "iPhone"
    if (is_boilerplate(text) or is_meta_line(text) or lower or is_field_line(text)
            or is_fact_row(text)):
        return None
    if is_label(text) and not subject_title(text, story):
        return None
    if is_agency(text):
        return None  # "Lakeland Department of Water Resources": who issues it, not a headline
    below = [b.text for b in blocks[index + 1:index + 5]]
    meta_below = any(is_header_fact(t, below[n + 1] if n + 1 < len(below) else "")
                     for n, t in enumerate(below[:3]))
    above = [b.text for b in blocks[max(0, index - 2):index]]
    meta_above = any(parse_byline(t) is not None or parse_date(t) is not None for t in above)
    if text[-1] in ".,;:" and not meta_below and not (meta_above and text[-1] == "."
                                                     and count <= 20):
        return None
    score = 1 if count >= 4 else 0
    if meta_below:
        score += 3 if below and (is_header_fact(below[0], below[1] if len(below) > 1 else "")
                                 or (len(below) > 2 and is_header_fact(below[1], below[2]))) else 2
    if is_title_like(text):
        score += 1
    score += min(len(rare_words(text) & rare_words(story)), 3)
    if _NOTICE_WORDS.search(text) or TICKER.match(text):
        score -= 3
    if below and same_line(text, below[0]):
        score += 2  # pages repeat the headline just below itself
    if index and same_line(text, blocks[index - 1].text):
        score -= 2
    if count <= 5 and looks_like_outlet(text) and not meta_above:
        score -= 2  # "Le Courrier du Val" over its headline: a masthead's name, not a headline
    if count <= 8 and split_outlet(text) and not meta_above:
        score -= 3  # "The Marsh Chronicle, Lydbrook": a masthead with its town, not a headline
    return score


DEK_OVER = 3
"""Least score of the line above for a longer line under it to count as its dek: a share link
("Link to this page on Twitter") scores a little but is no headline."""


def headline_index(blocks: Sequence[Block], nav: set[int], story: str) -> int | None:
    """The header line that best reads as the headline (the earliest of equal scores); a line
    directly under a scored line and longer than it is its dek, so it scores less."""
    best: tuple[int, int] | None = None
    scores: dict[int, int] = {}
    for index in range(len(blocks)):
        if index in nav:
            continue
        score = headline_score(blocks, index, story)
        if score is None:
            continue
        if (index - 1 in scores and scores[index - 1] >= DEK_OVER
                and len(blocks[index].text) > len(blocks[index - 1].text)):
            score -= 2  # the dek under its headline (not a line under a scored button)
        scores[index] = score
        if best is None or score > best[1]:
            best = (index, score)
    return best[0] if best is not None and best[1] >= 2 else None
