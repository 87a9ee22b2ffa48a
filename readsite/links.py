"""Whole-collection linking: topics per article, related articles, previous/next.

Everything here needs every article at once, so it runs after loading and before any
rendering; the result is the read-only `Collection` that templates see.  Related articles
come from an inverted index of each article's most distinctive terms (TF-IDF), so the cost
grows with the number of articles sharing a term, not with the square of the collection.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from readsite.config import SiteConfig, TopicConfig
from readsite.models import Article, Collection, Neighbours, Related, Topic
from readsite.topics import classify

TERMS_PER_ARTICLE = 25
"""How many distinctive terms represent an article when relating it to others."""
TOPIC_WEIGHT = 1.0
"""Score a shared topic adds; a shared term adds its idf (≈0.3–3)."""
MIN_RELATED_SCORE = 1.0
POSTING_CAP = 40
"""Candidates come only from the `POSTING_CAP` articles most about each shared term."""
"""Below this two articles are not worth suggesting to each other."""

STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any
are aren't around as at be because been before being below between both but by can can't cannot
could couldn't did didn't do does doesn't doing don't down during each either even ever every
few for from further get gets got had hadn't has hasn't have haven't having he her here hers
herself him himself his how however i if in into is isn't it it's its itself just least less
like likely made make makes many may me might more most much must my myself near need neither
no nor not now of off often on once one only or other others our ours ourselves out over own
per perhaps rather really same say said says she should shouldn't since so some still such
than that that's the their theirs them themselves then there there's these they they're this
those though through thus to too toward towards under until up upon us use used using very
via was wasn't we well were weren't what what's when where whether which while who whom whose
why will with within without won't would wouldn't yet you your yours yourself yourselves new
""".split())  # noqa: SIM905 - a word list reads better as prose
WORD_RE = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]{3,}")


def sort_key(article: Article) -> tuple[int, int, str, str]:
    """Newest first; undated after dated; then by title and slug for stability."""
    ordinal = article.date.toordinal() if article.date else 0
    return (article.date is None, -ordinal, article.title.lower(), article.slug)


def terms(text: str) -> Counter[str]:
    """Lower-cased content words of `text` (no stopwords, no numbers, ≥ 3 letters)."""
    return _fold(Counter(WORD_RE.findall(text)))


def _fold(written: Counter[str]) -> Counter[str]:
    """Counts of words as written, folded to lower case (stopwords and short words dropped);
    done per *distinct* word, which is what keeps it cheap for long articles."""
    counted: Counter[str] = Counter()
    for word, n in written.items():
        key = word.replace("’", "'").lower()
        if len(key) >= 3 and key not in STOPWORDS:
            counted[key] += n
    return counted


@dataclass(frozen=True, slots=True)
class Analysis:
    """What linking needs from one article, worked out from it alone (so on any core)."""

    topics: tuple[str, ...]
    """Slugs of the topics its text and tags classify it into."""
    counts: dict[str, int]
    """Its content words, lower-cased, with their counts."""
    capitals: dict[str, int]
    """Every way it writes each word it capitalises somewhere ("xAI": 4, "xai": 1)."""


def analyse(article: Article, topics: Sequence[TopicConfig]) -> Analysis:
    """Classify one article and count its words."""
    written = Counter(WORD_RE.findall(article.title + "\n" + article.text))
    capitalised = {w.replace("’", "'").lower() for w in written if not w.islower()}
    capitals: dict[str, int] = {}
    for word, n in written.items():
        shown = word.replace("’", "'")
        if shown.lower() in capitalised:
            capitals[shown] = capitals.get(shown, 0) + n
    return Analysis(classify(article.title, article.text, topics, article.tags),
                    dict(_fold(written)), capitals)


def _display_forms(analyses: Sequence[Analysis], wanted: set[str]) -> dict[str, str]:
    """How each wanted term is shown in reasons: its most common written form across all
    articles ("xAI", "Memphis", but "tenant" for a word capitalised only now and then; on a
    tie, the lower-case form).

    Only articles that capitalise a word report its variants; every other occurrence is
    the lower-case form, counted from the articles' folded word counts."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for analysis in analyses:
        for shown, n in analysis.capitals.items():
            key = shown.lower()
            if key in wanted:
                forms[key][shown] += n
    totals: Counter[str] = Counter()
    capitalised = forms.keys()
    for analysis in analyses:
        for key in capitalised & analysis.counts.keys():
            totals[key] += analysis.counts[key]
    for key, counter in forms.items():
        lower = totals[key] - sum(n for shown, n in counter.items() if shown != key)
        if lower > 0:
            counter[key] = lower
    # Most common form; on a tie the lower-case one, then the form met first.
    return {term: max(counter.items(), key=lambda kv: (kv[1], kv[0] == term))[0]
            for term, counter in forms.items()}


def distinctive_terms(
    counts: Sequence[Mapping[str, int]], limit: int = TERMS_PER_ARTICLE
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Per document, its top terms by tf-idf (only terms that another document shares):
    (term → idf, the weight a shared term adds; term → tf-idf, how strongly it is about it)."""
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items() if d >= 2}
    tops: list[dict[str, float]] = []
    strengths: list[dict[str, float]] = []
    for c in counts:
        total = sum(c.values()) or 1
        scored = [(t, (k / total) * idf[t]) for t, k in c.items() if t in idf]
        scored.sort(key=lambda tw: (-tw[1], tw[0]))
        tops.append({t: idf[t] for t, _ in scored[:limit]})
        strengths.append(dict(scored[:limit]))
    return tops, strengths


def postings(strengths: Sequence[dict[str, float]], cap: int = POSTING_CAP
             ) -> dict[str, list[int]]:
    """Term → the (at most `cap`) documents most about it, strongest first.

    Capping is what keeps relating linear: a term in every document's top terms would
    otherwise make every pair a candidate (n² work).  The documents most about a term are
    the ones a reader would want from it; the rest still share the term in their score."""
    index: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, strength in enumerate(strengths):
        for term, weight in strength.items():
            index[term].append((weight, i))
    return {term: [i for _, i in heapq.nlargest(cap, found, key=lambda wi: (wi[0], -wi[1]))]
            for term, found in index.items()}


def relate(
    articles: Sequence[Article],
    topics_of: dict[str, tuple[Topic, ...]],
    limit: int,
    analyses: Sequence[Analysis],
) -> dict[str, tuple[Related, ...]]:
    """For each article, up to `limit` related articles with the reason they relate."""
    if limit == 0:
        return {a.slug: () for a in articles}
    tops, strengths = distinctive_terms([a.counts for a in analyses])
    index = postings(strengths)
    ranks = [sort_key(a) for a in articles]
    slugs_of = [frozenset(t.slug for t in topics_of[a.slug]) for a in articles]
    chosen: list[list[tuple[float, int]]] = []
    for i, top in enumerate(tops):
        candidates: dict[int, float] = defaultdict(float)
        for term, weight in top.items():
            for j in index.get(term, ()):
                candidates[j] += weight
        candidates.pop(i, None)
        mine = slugs_of[i]
        scored = [(s + TOPIC_WEIGHT * len(mine & slugs_of[j]), j) for j, s in candidates.items()]
        chosen.append(heapq.nsmallest(limit, (x for x in scored if x[0] >= MIN_RELATED_SCORE),
                                      key=lambda x: (-x[0], ranks[x[1]])))
    # Only the chosen pairs get a reason worked out, with display forms for just their terms.
    commons = [[sorted(tops[i].keys() & tops[j].keys(), key=lambda t: (-tops[i][t], t))[:3]
                for _, j in best] for i, best in enumerate(chosen)]
    forms = _display_forms(analyses, {t for per in commons for common in per for t in common})
    result: dict[str, tuple[Related, ...]] = {}
    for i, article in enumerate(articles):
        related = []
        for (total, j), common in zip(chosen[i], commons[i], strict=True):
            other = articles[j]
            shared = tuple(t.name for t in topics_of[other.slug] if t.slug in slugs_of[i])
            shown = tuple(forms.get(t, t) for t in common)
            related.append(Related(other, round(total, 3), shared, shown))
        result[article.slug] = tuple(related)
    return result


def build_collection(config: SiteConfig, articles: Iterable[Article],
                     jobs: int | None = None) -> Collection:
    """Classify, sort and cross-link all articles into the read-only Collection (the
    per-article analysis across `jobs` processes, see `readsite.workers`)."""
    from readsite.workers import analyse_many

    ordered = tuple(sorted(articles, key=sort_key))
    analyses = analyse_many(ordered, config.topics, jobs)
    chosen = {
        a.slug: a.topics_set if a.topics_set is not None else analyses[i].topics
        for i, a in enumerate(ordered)
    }
    topics = tuple(
        Topic(t.slug, t.name, t.description,
              tuple(a for a in ordered if t.slug in chosen[a.slug]))
        for t in config.topics
    )
    topics_of = {a.slug: tuple(t for t in topics if t.slug in chosen[a.slug]) for a in ordered}
    sequences: dict[str, dict[tuple[str | None, str | None], list[Topic]]] = {
        a.slug: {} for a in ordered}
    for topic in topics:
        members = topic.articles
        for i, article in enumerate(members):
            previous = members[i - 1].slug if i > 0 else None
            following = members[i + 1].slug if i + 1 < len(members) else None
            sequences[article.slug].setdefault((previous, following), []).append(topic)
    by_slug = {a.slug: a for a in ordered}
    neighbours = {
        slug: tuple(
            Neighbours(tuple(shared), by_slug[p] if p else None, by_slug[n] if n else None)
            for (p, n), shared in groups.items()
        )
        for slug, groups in sequences.items()
    }
    return Collection(
        config=config,
        articles=ordered,
        by_slug=MappingProxyType(by_slug),
        topics=topics,
        article_topics=MappingProxyType(topics_of),
        related=MappingProxyType(relate(ordered, topics_of, config.related, analyses)),
        neighbours=MappingProxyType(neighbours),
    )
