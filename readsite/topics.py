"""Classify articles into the topics declared in site.yaml, explainably, and group them.

A topic's score is a plain count of its keywords in the article: a hit in the title counts
`TITLE_WEIGHT`, a hit in the body counts 1; an article tagged with one of the topic's `tags`
gets the topic's whole threshold for it, so a tag alone is enough.  Counting (rather than a
learned model) keeps the decision explainable: `readsite check --explain SLUG` prints each
topic's score and the terms (and tags) that matched, so a user who disagrees knows which
keyword to add or remove.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse

from readsite.config import TopicConfig
from readsite.models import Article, Neighbours, Topic

TITLE_WEIGHT = 3


@dataclass(frozen=True, slots=True)
class TopicScore:
    """How strongly one article matches one topic, and why."""

    topic: TopicConfig
    """The topic scored."""
    score: int
    """Weighted keyword count (title hits × TITLE_WEIGHT + body hits), plus the topic's
    `min_score` for each of its tags the article has."""
    matches: tuple[tuple[str, int], ...]
    """("tag: rust", 1) for each matching tag, then (keyword, hits) for every keyword that
    matched, most hits first."""

    @property
    def selected(self) -> bool:
        """Whether the score reaches the topic's threshold."""
        return self.score >= self.topic.min_score


@lru_cache(maxsize=256)
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any keyword as whole words, longest first, plural `s` allowed.

    A keyword may be followed by a hyphen ("CVE" in "CVE-2013-2065", "GPU" in "GPU-rich") but
    not by a letter or digit ("GPU" is not in "GPUX"); it may not follow a hyphen, so "IPO"
    is not counted in "pre-IPO" compounds that are about something else."""
    ordered = sorted(set(keywords), key=lambda k: (-len(k), k))
    alternatives = "|".join(
        r"\s+".join(re.escape(word) for word in keyword.split()) for keyword in ordered
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:s|es)?(?!\w)", re.IGNORECASE)


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


def tag_matches(tags: Iterable[str], topic: TopicConfig) -> tuple[str, ...]:
    """The topic's tags (as site.yaml spells them) that the article has, case-insensitively."""
    have = {t.casefold() for t in tags}
    found: dict[str, str] = {}
    for tag in topic.tags:
        if tag.casefold() in have:
            found.setdefault(tag.casefold(), tag)
    return tuple(found.values())


_WORD = re.compile(r"\w+")
_RUN = re.compile(r"(?<![\w-])\w+")
"""A whole run of word characters not after a hyphen: the only places a keyword can start."""


@dataclass(frozen=True, slots=True)
class Runs:
    """The runs of word characters in a text that do not follow a hyphen, with their counts:
    a single-word keyword can only match a whole such run (see `_pattern`)."""

    ascii: Counter[str]
    """Runs of ASCII characters, lower-cased."""
    other: tuple[tuple[str, int], ...]
    """Runs with other characters, as written (re.IGNORECASE folds "ſ" to "s", so these
    are matched by regex, not by lower-casing)."""

    @classmethod
    def of(cls, text: str) -> Runs:
        """Count the runs of `text`."""
        found = _RUN.findall(text)
        if text.isascii():
            return cls(Counter(map(str.lower, found)), ())
        return cls(Counter(map(str.lower, filter(str.isascii, found))),
                   tuple(Counter(filterfalse(str.isascii, found)).items()))

    def count(self, keywords: tuple[str, ...], forms: dict[str, str]) -> Counter[str]:
        """`count_terms` for single-word ASCII keywords, whose lower-case `forms` (see
        `_word_forms`) are looked up instead of searched for."""
        found: Counter[str] = Counter()
        for form, keyword in forms.items():
            n = self.ascii.get(form)
            if n:
                found[keyword] += n
        for run, n in self.other:
            if _pattern(keywords).fullmatch(run):
                found[_canonical(run, keywords)] += n
        return found


@lru_cache(maxsize=256)
def _word_forms(keywords: tuple[str, ...]) -> dict[str, str] | None:
    """For keywords that are all single ASCII words: each lower-case form a run may take
    (the keyword, plus `s`, plus `es`) → the keyword it counts for; else None."""
    if not keywords or not all(k.isascii() and _WORD.fullmatch(k) for k in keywords):
        return None
    forms: dict[str, str] = {}
    for keyword in keywords:
        k = keyword.lower()
        for form in (k, k + "s", k + "es"):
            forms[form] = _canonical(form, keywords)
    return forms


@lru_cache(maxsize=1024)
def _first_words(keywords: tuple[str, ...]) -> frozenset[str] | None:
    """Each keyword's first word, lower-cased (plural forms too), or None when a keyword has a
    first word that is not all word characters ("C++"): then no shortcut is safe."""
    firsts: set[str] = set()
    for keyword in keywords:
        first = keyword.split()[0].lower() if keyword.split() else ""
        if not _WORD.fullmatch(first):
            return None
        firsts.update((first, first + "s", first + "es"))
    return frozenset(firsts)


_EXTRA_CASES = frozenset("İµıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆ")
"""Letters re.IGNORECASE takes for others that lower-casing does not make them ("ſ" for
"s", "ı" for "i", "ς" for "σ"; the classes of `re._casefix`): in a text holding one, the
lower-cased words cannot tell which topics may match, so every topic's regex runs."""


@dataclass(frozen=True, slots=True)
class Text:
    """An article's title and body, with their runs counted once for all topics."""

    title_runs: Runs
    body_runs: Runs
    words: frozenset[str] | None
    """Its runs, lower-cased, when some topic needs its regex: a topic none of whose
    keywords starts with one of them cannot match, so its regex need not run (None: every
    regex runs)."""

    @classmethod
    def of(cls, title: str, body: str, topics: Sequence[TopicConfig] = ()) -> Text:
        """Count the runs of `title` and `body` (and their words, if a topic needs them)."""
        title_runs, body_runs = Runs.of(title), Runs.of(body)
        words = None
        text = f"{title}\n{body}"
        if any(_word_forms(t.keywords) is None for t in topics) and (
                text.isascii() or _EXTRA_CASES.isdisjoint(text)):
            words = frozenset(_WORD.findall(text.lower()))
        return cls(title_runs, body_runs, words)


def score(title: str, body: str, topic: TopicConfig, tags: Iterable[str] = (),
          text: Text | None = None) -> TopicScore:
    """Score one article (its title, text and front matter tags) against one topic; `text`
    (`Text.of(title, body, topics)`, shared by all topics) spares recounting."""
    text = text or Text.of(title, body)
    forms = _word_forms(topic.keywords)
    if forms is not None:
        in_title = text.title_runs.count(topic.keywords, forms)
        in_body = text.body_runs.count(topic.keywords, forms)
    elif _may_match(text, topic.keywords):
        in_title = count_terms(title, topic.keywords)
        in_body = count_terms(body, topic.keywords)
    else:
        in_title = in_body = Counter()
    tagged = tag_matches(tags, topic)
    if not (in_title or in_body or tagged):
        return TopicScore(topic, 0, ())
    weighted = Counter({k: v * TITLE_WEIGHT for k, v in in_title.items()})
    weighted.update(in_body)
    hits = in_title + in_body
    matches = tuple((f"tag: {t}", 1) for t in tagged) + tuple(
        sorted(hits.items(), key=lambda kv: (-kv[1], kv[0].lower())))
    return TopicScore(topic, sum(weighted.values()) + topic.min_score * len(tagged), matches)


def _may_match(text: Text, keywords: tuple[str, ...]) -> bool:
    firsts = _first_words(keywords)
    return text.words is None or firsts is None or not firsts.isdisjoint(text.words)


def explain(title: str, body: str, topics: Sequence[TopicConfig], *,
            tags: Iterable[str] = ()) -> list[TopicScore]:
    """Every topic's score for this article, in declaration order."""
    tags = tuple(tags)
    text = Text.of(title, body, topics)
    return [score(title, body, topic, tags, text) for topic in topics]


def classify(title: str, body: str, topics: Sequence[TopicConfig],
             tags: Iterable[str] = ()) -> tuple[str, ...]:
    """Slugs of the topics this article's text or tags reach the threshold for, in declared
    order."""
    return tuple(s.topic.slug for s in explain(title, body, topics, tags=tags) if s.selected)


def group(topics: Sequence[TopicConfig], articles: Sequence[Article],
          chosen: Mapping[str, tuple[str, ...]]
          ) -> tuple[tuple[Topic, ...], dict[str, tuple[Topic, ...]]]:
    """The declared topics with their articles (in the given reading order), and each
    article's topics; `chosen` is article slug → the topic slugs it belongs to."""
    grouped = tuple(
        Topic(t.slug, t.name, t.description,
              tuple(a for a in articles if t.slug in chosen[a.slug]))
        for t in topics)
    return grouped, {a.slug: tuple(t for t in grouped if t.slug in chosen[a.slug])
                     for a in articles}


def neighbours(topics: Sequence[Topic], articles: Sequence[Article]
               ) -> dict[str, tuple[Neighbours, ...]]:
    """Each article's previous and next article in each of its topics, shown once: topics
    with the same neighbours share one entry ("More in Neocloud, Colossus"), and an article
    already offered as previous or next in an earlier entry is not offered again."""
    sequences: dict[str, dict[tuple[str | None, str | None], list[Topic]]] = {
        a.slug: {} for a in articles}
    for topic in topics:
        members = topic.articles
        for i, article in enumerate(members):
            previous = members[i - 1].slug if i > 0 else None
            following = members[i + 1].slug if i + 1 < len(members) else None
            sequences[article.slug].setdefault((previous, following), []).append(topic)
    by_slug = {a.slug: a for a in articles}
    result: dict[str, tuple[Neighbours, ...]] = {}
    for slug, groups in sequences.items():
        shown: set[str] = set()
        entries: list[Neighbours] = []
        for (previous, following), shared in groups.items():
            previous = None if previous in shown else previous
            following = None if following in shown else following
            if previous is None and following is None and entries:
                continue
            shown.update(s for s in (previous, following) if s)
            entries.append(Neighbours(tuple(shared), by_slug[previous] if previous else None,
                                      by_slug[following] if following else None))
        result[slug] = tuple(entries)
    return result
