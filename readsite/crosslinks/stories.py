"""Stories: articles about the same event, clustered from their text, with what they share.

Two articles are one story when they share many of their most distinctive words: the cosine
of their top terms (chosen by log-tf × smoothed idf, weighted by idf), with at least
`MIN_SHARED` in common.  Pairs are only scored when capped postings of those terms bring
them together (no all-pairs pass), and clusters grow by average linkage, never by a single
edge, so a chain of loosely related articles does not snowball into one giant story.

Within a story, versions of one text are found by `crosslinks.versions`; facts are sentences
most reports word alike, and what an article adds is its sentences no other member comes
close to (content-word Jaccard, via a prefix-filtered inverted index).
"""

from __future__ import annotations

import heapq
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import chain, islice, repeat
from operator import mul

import numpy as np
from slugify import slugify

from readsite.config_crosslinks import StoriesConfig
from readsite.crosslinks.related import document_frequencies
from readsite.crosslinks.text import anchor, content_words, sentences
from readsite.crosslinks.versions import sketch, versions
from readsite.models import Analysis, Article, Citation, Fact, Story, StoryMember
from readsite.pool import map_chunks

TOP_TERMS = 40
"""Terms (each used by at least two articles) that represent an article when clustering."""
BACKGROUND = 100
"""Documents imagined beside the collection, none using any of its terms: the idf of a term
in all of 5 articles is then 3.9, not 1, so a small collection's story words (which every
article uses) still represent its articles, while at 10,000 articles it changes nothing."""
POSTING_CAP = 20
"""Candidates come only from the articles most about each term: what keeps it linear."""
MIN_SHARED = 5
"""Fewer shared distinctive terms than this are never one story, whatever their cosine."""
POSTED_TERMS = 10
"""An article's most distinctive terms whose postings give its candidates (twice as many
are posted, so a story word ranked 11th in one article still finds the other)."""
MIN_HITS = 3
"""A candidate is scored only if it is in the capped postings of this many of the article's
`POSTED_TERMS`: one shared word is chance, articles of one story share several."""
SENTENCE_MATCH = 0.3
"""Content-word Jaccard at which two sentences say the same thing (the demo's five wordings
of "Anthropic takes all of Colossus 1" score 0.30–0.45; unrelated sentences rarely 0.2)."""
MIN_WORDS = 6
"""Sentences with fewer content words are too short to be a fact or an addition."""
MAX_FACTS = 6
MAX_ADDS = 5
MAX_COMPARED = 60
"""Only a story's most central members are compared sentence by sentence and for versions
(pairs within a story are quadratic)."""
MAX_SENTENCES = 300
"""Sentences per article looked at, for the same reason."""

def pack_sentences(lines: Sequence[str], skip: frozenset[int],
                   anchored: frozenset[int] | None = None) -> bytes:
    """The article's lines (but those in `skip`, its headings) with their index, zlib'd: a
    story needs its members' sentences after the article's text is dropped.  A line not in
    `anchored` (raw HTML, a table cell: no paragraph id to link to) is packed as line -1.
    Lines, not sentences, are packed: cutting sentences costs six times as much as
    compressing, and only the members of a story are ever cut (by `unpack_sentences`)."""
    packed = "\n".join(
        f"{i if anchored is None or i in anchored else -1}\t{line}"
        for i, line in enumerate(lines) if i not in skip and line)
    return zlib.compress(packed.encode("utf-8"), 1)


def unpack_lines(packed: bytes) -> list[tuple[int, str]]:
    """(line index or -1, line) pairs, in reading order, from `pack_sentences`."""
    text = zlib.decompress(packed).decode("utf-8")
    return [(int(i), line) for i, _, line in (row.partition("\t") for row in text.split("\n"))
            ] if text else []


def unpack_sentences(packed: bytes) -> list[tuple[int, str]]:
    """(line index or -1, sentence) pairs, in reading order, from `pack_sentences`."""
    return [(i, s) for i, line in unpack_lines(packed) for s in sentences(line)]


# Clustering ------------------------------------------------------------------------------

Vector = dict[str, float]


def _similarity(first: Vector, second: Vector) -> float:
    """Cosine of two normalised vectors, or 0 if they share fewer than `MIN_SHARED` terms
    (a few common words can make two short, unrelated articles look alike)."""
    shared = first.keys() & second.keys()
    return float(sum(map(mul, map(first.__getitem__, shared), map(second.__getitem__, shared)))
                 ) if len(shared) >= MIN_SHARED else 0.0


_TF = np.array([0.0, *(1 + math.log(k) for k in range(1, 4096))])
"""1 + ln(tf) for tf < 4096 (more is counted as 4095), as a table: an article's terms are
weighted in one array operation."""


def _vectors_chunk(state: tuple[Sequence[Analysis], dict[str, float]], chunk: range
                   ) -> list[Vector]:
    """Per article, its `TOP_TERMS` most distinctive terms (by log-tf × idf; on a tie, the
    one met first, so the title's), each weighted by its idf and normalised.  Terms no other
    article uses are left out: they can never be shared.  Weighting by idf alone makes the
    cosine an idf-weighted share of distinctive words, so four topic words repeated often
    do not make a story: many shared words do."""
    analyses, idf = state
    out = []
    for i in chunk:
        analysis = analyses[i]
        terms = analysis.terms.split("\n") if analysis.terms else []
        counts = np.frombuffer(analysis.counts, dtype=np.uintc)
        weights = _TF[np.minimum(counts, len(_TF) - 1)] * np.fromiter(
            map(idf.get, terms, repeat(0.0)), float, len(terms))
        shared = np.flatnonzero(weights)
        ranked = shared[np.argsort(-weights[shared], kind="stable")[:TOP_TERMS]]
        top = [terms[k] for k in ranked.tolist()]
        norm = math.sqrt(sum(idf[t] ** 2 for t in top)) or 1.0
        out.append({t: idf[t] / norm for t in top})
    return out


def _score_chunk(state: tuple[Sequence[Vector], dict[str, list[int]], float], chunk: range
                 ) -> list[list[tuple[int, float]]]:
    """Per article i, (j, cosine) for each other j in the capped postings of at least
    `MIN_HITS` of i's posted terms and whose cosine reaches `floor` (a pair may be found from both
    sides).  Counting hits runs in C; only the few frequent candidates are scored."""
    vectors, index, floor = state
    out = []
    for i in chunk:
        mine = vectors[i]
        hits = Counter(chain.from_iterable(
            map(index.get, islice(mine, POSTED_TERMS), repeat(()))))
        scored = []
        for j, k in hits.items():
            if k >= MIN_HITS and j != i:
                cosine = _similarity(mine, vectors[j])
                if cosine >= floor:
                    scored.append((j, cosine))
        out.append(sorted(scored))
    return out


def _edges(analyses: Sequence[Analysis], df: Mapping[str, int], dates: Sequence[date | None],
           config: StoriesConfig, jobs: int | None
           ) -> tuple[list[Vector], dict[tuple[int, int], float]]:
    """Each article's vector, and every (i, j), i < j, close enough in time and alike enough
    (cosine ≥ threshold) to be one story, with its cosine; `df` is how many articles use
    each term."""
    n = len(analyses)
    idf = {t: math.log((n + BACKGROUND) / (d + 1)) + 1 for t, d in df.items() if d >= 2}
    vectors = map_chunks(_vectors_chunk, (analyses, idf), n, jobs)
    found: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term in islice(vector, 2 * POSTED_TERMS):
            found[term].append((vector[term], -i))
    index = {t: [-i for _, i in heapq.nlargest(POSTING_CAP, found_t)]
             for t, found_t in found.items() if len(found_t) >= 2}
    del found
    edges: dict[tuple[int, int], float] = {}
    scored = map_chunks(_score_chunk, (vectors, index, config.threshold), n, jobs)
    for i, pairs in enumerate(scored):
        for j, cosine in pairs:
            if not _apart(dates[i], dates[j], config.days):
                edges[min(i, j), max(i, j)] = cosine
    return vectors, edges


def _apart(first: date | None, second: date | None, days: int) -> bool:
    """Whether two dates are too far apart for one story (a missing date never is)."""
    return bool(days and first and second and abs((first - second).days) > days)


def _merge(vectors: Sequence[Vector], edges: dict[tuple[int, int], float],
           dates: Sequence[date | None], config: StoriesConfig) -> list[list[int]]:
    """Join clusters along edges, strongest first, but only while the average cosine over
    every pair across the two clusters stays at least `threshold`: a chain a–b–c with a and
    c unalike stays apart, and a loosely related article joins no story rather than
    dragging two together."""
    owner = list(range(len(vectors)))
    members: dict[int, list[int]] = {i: [i] for i in owner}
    for (i, j), _ in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        left, right = members[a], members[b]
        total = sum(edges.get((min(x, y), max(x, y)))
                    or (0.0 if _apart(dates[x], dates[y], config.days)
                        else _similarity(vectors[x], vectors[y]))
                    for x in left for y in right)
        if total < config.threshold * len(left) * len(right):
            continue
        if len(left) < len(right):
            a, b, left, right = b, a, right, left
        left.extend(right)
        for x in members.pop(b):
            owner[x] = a
    groups = [sorted(g) for g in members.values() if len(g) >= 2]
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def cluster(analyses: Sequence[Analysis], dates: Sequence[date | None],
            config: StoriesConfig, jobs: int | None = None) -> list[list[int]]:
    """Groups (of two or more article indices, ascending; biggest group first) of articles
    that are one story."""
    vectors, edges = _edges(analyses, document_frequencies(analyses), dates, config, jobs)
    return _merge(vectors, edges, dates, config)


# Story pages -----------------------------------------------------------------------------

Said = tuple[int, int, str, frozenset[str]]
"""A sentence of a story: (article index, line, sentence, its content words)."""
Best = dict[int, tuple[float, int]]
"""A sentence's best match in each other article: article index → (Jaccard, sentence)."""


def _matches(said: Sequence[Said], threshold: float) -> list[Best]:
    """Per sentence, its best match (Jaccard ≥ `threshold`) in each other article.  Prefix
    filtering: with words ordered rarest first, two sets this alike must share one of the
    first |x| - ⌈t·|x|⌉ + 1 words of each, so only those are indexed and compared."""
    frequency = Counter(w for _, _, _, words in said for w in words)
    rank = {w: r for r, w in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    owners, sets = [s[0] for s in said], [s[3] for s in said]
    index: dict[str, list[int]] = defaultdict(list)
    best: list[Best] = [{} for _ in said]
    for k, (owner, words) in enumerate(zip(owners, sets, strict=True)):
        ordered = sorted(words, key=rank.__getitem__)
        seen: set[int] = set()
        for word in ordered[:len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1]:
            for other in index[word]:
                if other in seen or owners[other] == owner:
                    continue
                seen.add(other)
                common = len(words & sets[other])
                jaccard = common / (len(words) + len(sets[other]) - common)
                for x, y in ((k, other), (other, k)) if jaccard >= threshold else ():
                    held = best[x].get(owners[y])
                    if held is None or (jaccard, -y) > (held[0], -held[1]):
                        best[x][owners[y]] = (jaccard, y)
            index[word].append(k)
    return best


def _facts(said: Sequence[Said], best: Sequence[Best], order: Sequence[int],
           report: dict[int, int]) -> list[list[int]]:
    """Sentences said alike by at least half the articles (and two), from at least two
    independent reports (versions of one text count once): each a group of sentences, one
    per article, each sentence in one fact."""
    need = max(2, math.ceil(len(order) / 2))
    place = {i: k for k, i in enumerate(order)}
    ranked = []
    for k, matched in enumerate(best):
        group = sorted([k, *(y for _, y in matched.values())], key=lambda x: place[said[x][0]])
        if len(group) >= need and len({report[said[x][0]] for x in group}) >= 2:
            ranked.append((-len(group), -sum(s for s, _ in matched.values()), k, group))
    used: set[int] = set()
    chosen: list[list[int]] = []
    for *_, group in sorted(ranked):
        if used.isdisjoint(group) and len(chosen) < MAX_FACTS:
            used.update(group)
            chosen.append(group)
    return sorted(chosen, key=lambda g: (-len(g), place[said[g[0]][0]], said[g[0]][1]))


def _adds(article: int, said: Sequence[Said], best: Sequence[Best], users: Counter[str]
          ) -> list[int]:
    """The article's sentences with no close match in another: the `MAX_ADDS` with the most
    words no other article of the story uses, in reading order."""
    own = [k for k, s in enumerate(said) if s[0] == article and not best[k]]
    own.sort(key=lambda k: (-sum(users[w] == 1 for w in said[k][3]), k))
    return sorted(own[:MAX_ADDS])


Made = tuple[int, list[int], dict[int, list[tuple[int, str]]], list[list[int]],
             list[list[tuple[int, int, str]]]]
"""A story as plain indices, cheap to send back from a worker: its central article, its
articles in order, each one's additions (line, sentence), its version groups and its facts
(each a list of (article, line, sentence))."""
StoryState = tuple[Sequence[list[int]], Sequence[Article], dict[tuple[int, int], float],
                   Sequence[bytes], float]


def _story_chunk(state: StoryState, chunk: range) -> list[Made]:
    """Per cluster: its most central article (highest total similarity to the others; on a
    tie the oldest), its articles oldest first (undated last), versions, facts and adds.
    Only the `MAX_COMPARED` most central are compared sentence by sentence."""
    groups, articles, edges, packed, versions_at = state
    out: list[Made] = []
    for g in chunk:
        order = sorted(groups[g], key=lambda i: (articles[i].date is None,
                                                 articles[i].date or date.min, articles[i].slug))
        centrality = {i: sum(edges.get((min(i, j), max(i, j)), 0.0) for j in order)
                      for i in order}
        by_centrality = sorted(order, key=lambda i: (-centrality[i], order.index(i)))
        most = set(by_centrality[:MAX_COMPARED])
        compared = [i for i in order if i in most]
        sketches = {i: sketch([line for _, line in unpack_lines(packed[i])]) for i in compared}
        found = versions(sketches, compared, versions_at)
        report = {i: min((v for v in found if i in v), default=[i])[0] for i in compared}
        said: list[Said] = []
        for i in compared:
            for line, sentence in unpack_sentences(packed[i])[:MAX_SENTENCES]:
                words = frozenset(content_words(sentence))
                if len(words) >= MIN_WORDS:
                    said.append((i, line, sentence, words))
        best = _matches(said, SENTENCE_MATCH)
        vocabulary: dict[int, set[str]] = defaultdict(set)
        for i, _, _, words in said:
            vocabulary[i].update(words)
        users = Counter(w for words in vocabulary.values() for w in words)
        adds = {i: [said[k][1:3] for k in _adds(i, said, best, users)] for i in compared}
        facts = [[said[k][:3] for k in group]
                 for group in _facts(said, best, compared, report)]
        out.append((by_centrality[0], order, adds, found, facts))
    return out


def build_stories(articles: Sequence[Article], analyses: Sequence[Analysis],
                  sentences: Sequence[bytes], config: StoriesConfig,
                  jobs: int | None = None, df: Mapping[str, int] | None = None
                  ) -> tuple[Story, ...]:
    """The collection's stories, biggest first, then by slug: each titled after its most
    central article (or, when that title was made up on import, `title_generated`, the
    oldest member's that was not), with its outlets, facts and what each article adds
    (figures are left for `crosslinks.figures`).  Stories are made across `jobs` processes."""
    dates = [a.date for a in articles]
    if df is None:
        df = document_frequencies(analyses)
    vectors, edges = _edges(analyses, df, dates, config, jobs)
    groups = _merge(vectors, edges, dates, config)
    made = map_chunks(_story_chunk, (groups, articles, edges, sentences,
                                     config.versions), len(groups), jobs)
    taken: set[str] = set()
    stories = []
    for central, order, adds, found, facts in made:
        titled = [i for i in (central, *order) if not articles[i].extra.get("title_generated")]
        title = articles[titled[0] if titled else central].title
        base = slugify(title, max_length=80, word_boundary=True) or "story"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        members = tuple(
            StoryMember(articles[i],
                        tuple(Citation(articles[i], anchor(line), sentence)
                              for line, sentence in adds.get(i, ())),
                        tuple(articles[j] for v in found if i in v for j in order
                              if j in v and j != i))
            for i in order)
        stories.append(Story(
            slug, title, members,
            tuple(dict.fromkeys(articles[i].source for i in order if articles[i].source)),
            tuple(Fact(min((s for _, _, s in fact), key=lambda s: (len(s), s)),
                       tuple(Citation(articles[i], anchor(line), s) for i, line, s in fact))
                  for fact in facts),
            ()))
    return tuple(sorted(stories, key=lambda s: (-len(s.members), s.slug)))
