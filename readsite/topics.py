"""Classify articles into the topics declared in site.yaml, explainably.

A topic's score is a plain count of its keywords in the article: a hit in the title counts
`TITLE_WEIGHT`, a hit in the body counts 1.  Counting (rather than a learned model) keeps the
decision explainable: `readsite check --explain SLUG` prints each topic's score and the terms
that matched, so a user who disagrees knows which keyword to add or remove.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from readsite.config import TopicConfig

TITLE_WEIGHT = 3


@dataclass(frozen=True, slots=True)
class TopicScore:
    """How strongly one article matches one topic, and why."""

    topic: TopicConfig
    """The topic scored."""
    score: int
    """Weighted keyword count (title hits × TITLE_WEIGHT + body hits)."""
    matches: tuple[tuple[str, int], ...]
    """(keyword, hits) for every keyword that matched, most hits first."""

    @property
    def selected(self) -> bool:
        """Whether the score reaches the topic's threshold."""
        return self.score >= self.topic.min_score


@lru_cache(maxsize=256)
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any keyword as whole words, longest first, plural `s` allowed."""
    ordered = sorted(set(keywords), key=lambda k: (-len(k), k))
    alternatives = "|".join(
        r"\s+".join(re.escape(word) for word in keyword.split()) for keyword in ordered
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:s|es)?(?![\w-])", re.IGNORECASE)


def _canonical(hit: str, keywords: tuple[str, ...]) -> str:
    """Map a matched span back to the keyword it came from."""
    folded = " ".join(hit.lower().split())
    for keyword in sorted(keywords, key=len, reverse=True):
        k = keyword.lower()
        if folded in (k, k + "s", k + "es"):
            return keyword
    return folded


def count_terms(text: str, keywords: tuple[str, ...]) -> Counter[str]:
    """Occurrences of each keyword in `text` (longest keyword wins an overlap)."""
    if not keywords:
        return Counter()
    found = _pattern(keywords).findall(text)
    return Counter(_canonical(hit, keywords) for hit in found)


def score(title: str, body: str, topic: TopicConfig) -> TopicScore:
    """Score one article against one topic."""
    in_title = count_terms(title, topic.keywords)
    in_body = count_terms(body, topic.keywords)
    weighted = Counter({k: v * TITLE_WEIGHT for k, v in in_title.items()})
    weighted.update(in_body)
    hits = in_title + in_body
    matches = tuple(sorted(hits.items(), key=lambda kv: (-kv[1], kv[0].lower())))
    return TopicScore(topic, sum(weighted.values()), matches)


def explain(title: str, body: str, topics: Sequence[TopicConfig]) -> list[TopicScore]:
    """Every topic's score for this article, in declaration order."""
    return [score(title, body, topic) for topic in topics]


def classify(title: str, body: str, topics: Sequence[TopicConfig]) -> tuple[str, ...]:
    """Slugs of the topics this article's text reaches the threshold for, in declared order."""
    return tuple(s.topic.slug for s in explain(title, body, topics) if s.selected)
