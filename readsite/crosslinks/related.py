"""Related reading: for each article, the others a reader would want next, with a reason.

What can be worked out from one article alone (its topics, its word counts) is, by `analyse`
while it loads, on every core.  Related articles then come from a map-reduce: document
frequencies are summed over the collection, each article's most distinctive terms (TF-IDF)
are found in parallel, capped inverted postings of those terms give each article its
candidates, and candidates are scored in parallel again, so the cost grows with the
collection, not with its square.
"""

from __future__ import annotations

import heapq
import marshal
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import repeat
from typing import Any

import numpy as np

from readsite.config import TopicConfig
from readsite.crosslinks.languages import foreign_stopwords
from readsite.crosslinks.text import PUNCTUATION_SPACES
from readsite.models import Analysis, Article, Related, Topic
from readsite.pool import map_chunks
from readsite.progress import Tick
from readsite.topics import classify

TERMS_PER_ARTICLE = 25
"""How many distinctive terms represent an article when relating it to others."""
TOPIC_WEIGHT = 1.0
"""Score a shared topic adds; a shared term adds its idf (≈0.3–3)."""
ENTITY_WEIGHT = 0.75
"""Score each shared entity adds (up to `ENTITY_CAP` of them): two articles about the same
people and companies are related even in different words."""
ENTITY_CAP = 3
SHORTLIST = 4
"""Entities re-rank the best `SHORTLIST` × limit candidates by words and topics: an article
sharing a few names but hardly a word is not worth suggesting anyway."""
MIN_SHARED_TERMS = 3
"""Articles sharing fewer distinctive terms are related only through a topic or an entity:
in a small collection one shared everyday word scores as much as a real link."""
MIN_RELATED_SCORE = 1.0
"""Below this two articles are not worth suggesting to each other."""
POSTING_CAP = 40
"""Candidates come only from the `POSTING_CAP` articles most about each shared term."""

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
two three four five six seven eight nine ten first second third last next
""".split())  # noqa: SIM905 - a word list reads better as prose
WORD_RE = re.compile(r"[^\W\d_][\w’'-]*[^\W_]")
"""A word: a letter, then letters, digits, apostrophes and hyphens, ending in a letter or digit
(one-letter words never count; two-letter ones are dropped by `_fold`)."""
_SEPARATORS = {code: space for code, space in PUNCTUATION_SPACES.items()
               if chr(code) not in "’'-_"}
"""The punctuation content words are split at, but apostrophes, hyphens and the underscore,
which a counted word may hold (`WORD_RE`)."""


def words(text: str) -> list[str]:
    """`WORD_RE.findall(text)`, at twice its speed: this runs over every word of every
    article.  Punctuation is translated to spaces at C speed and the text split; a piece
    made only of letters (nearly all of them) is a word as it is, and only the others
    (with digits, apostrophes, hyphens, rarer punctuation) are left to the pattern, which
    finds in a piece what it would find there in the whole text, since every separator is
    a character no word holds."""
    found: list[str] = []
    for piece in text.translate(_SEPARATORS).split():
        if piece.isalpha():
            if len(piece) > 1:
                found.append(piece)
        else:
            found.extend(WORD_RE.findall(piece))
    return found


def sort_key(article: Article) -> tuple[int, int, str, str]:
    """Newest first; undated after dated; then by title and slug for stability."""
    ordinal = article.date.toordinal() if article.date else 0
    return (article.date is None, -ordinal, article.title.lower(), article.slug)


def terms(text: str) -> Counter[str]:
    """Lower-cased content words of `text` (no stopwords, no numbers, ≥ 3 letters)."""
    return Counter(_fold(Counter(words(text)))[0])


def _fold(written: Counter[str]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Counts of words as written, folded to lower case (stopwords and short words dropped,
    and the function words of an article's language when it is not English: `languages`),
    and, per folded word, the forms with a capital letter among them ({"xai": {"xAI": 4}});
    done per *distinct* word, and for the many already in lower case by one comprehension,
    which keeps it cheap."""
    counted = {word: n for word, n in written.items()
               if word.islower() and len(word) >= 3 and "’" not in word and word not in STOPWORDS}
    capitals: dict[str, dict[str, int]] = {}
    for word, n in written.items():
        if not word.islower() or "’" in word:
            shown = word.replace("’", "'")
            key = shown.lower()
            if len(key) >= 3 and key not in STOPWORDS:
                counted[key] = counted.get(key, 0) + n
                if shown != key:
                    forms = capitals.setdefault(key, {})
                    forms[shown] = forms.get(shown, 0) + n
    english = sum(written[word] for word in written.keys() & STOPWORDS)
    foreign = foreign_stopwords(counted, sum(written.values()), english)
    if foreign:  # an article in another language: its own function words leave too
        counted = {word: n for word, n in counted.items() if word not in foreign}
        capitals = {word: forms for word, forms in capitals.items() if word not in foreign}
    return counted, capitals


def analyse(title: str, text: str, tags: Sequence[str],
            topics: Sequence[TopicConfig]) -> Analysis:
    """Classify one article and count its words (see `Analysis`)."""
    counts, capitals = _fold(Counter(words(title + "\n" + text)))
    return Analysis(classify(title, text, topics, tags), "\n".join(counts),
                    array("I", counts.values()).tobytes(), marshal.dumps(capitals))


def _terms(analysis: Analysis) -> list[str]:
    return analysis.terms.split("\n") if analysis.terms else []


def _forms_chunk(state: tuple[Sequence[Analysis], set[str]], chunk: range
                 ) -> list[tuple[Counter[str], Counter[str]]]:
    """For the wanted terms, over a chunk of articles: each form with a capital letter and
    its count, in the order first met, and each term's count in all its forms."""
    analyses, wanted = state
    capitals: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for i in chunk:
        analysis = analyses[i]
        written = marshal.loads(analysis.capitals)
        for key in written.keys() & wanted:
            for shown, n in written[key].items():
                capitals[shown] += n
        terms = _terms(analysis)
        here = wanted.intersection(terms)
        if here:
            counts = array("I")
            counts.frombytes(analysis.counts)
            count_of = dict(zip(terms, counts, strict=True))
            for term in here:
                totals[term] += count_of[term]
    return [(capitals, totals)]


def display_forms(analyses: Sequence[Analysis], wanted: set[str],
                  jobs: int | None = None) -> dict[str, str]:
    """How each wanted term is shown in reasons: its most common written form across all
    articles ("xAI", "Memphis", but "tenant" for a word capitalised only now and then, at
    the start of a sentence or in a heading); on a tie the lower-case form, then the form
    met first."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for capitals, some in map_chunks(_forms_chunk, (analyses, wanted), len(analyses), jobs):
        for shown, n in capitals.items():
            forms[shown.lower()][shown] += n
        totals.update(some)
    for key, counter in forms.items():
        lower = totals[key] - sum(counter.values())
        if lower > 0:
            counter[key] = lower
    return {term: max(counter.items(), key=lambda kv: (kv[1], kv[0] == term))[0]
            for term, counter in forms.items()}


def postings(strengths: Sequence[Mapping[str, float]], cap: int = POSTING_CAP
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


Terms = list[tuple[str, float]]
"""An article's distinctive terms with their tf-idf, strongest first."""


def _distinctive_chunk(state: tuple[Sequence[Analysis], dict[str, float]], chunk: range
                       ) -> list[Terms]:
    """Per article, its top terms by tf-idf (only terms another article shares: those with
    an idf), strongest first, then in alphabetical order.

    Weights are worked out for all its terms at once (numpy); only the terms at least as
    strong as the `TERMS_PER_ARTICLE`-th are then sorted, which gives the same list as
    sorting them all."""
    analyses, idf = state
    out = []
    for i in chunk:
        terms = _terms(analyses[i])
        counts = np.frombuffer(analyses[i].counts, dtype=np.uintc)
        total = int(counts.sum()) or 1
        weights = counts / total * np.fromiter(map(idf.get, terms, repeat(0.0)), float,
                                               len(terms))
        strong = np.flatnonzero(weights)
        if len(strong) > TERMS_PER_ARTICLE:
            least = np.partition(weights[strong], -TERMS_PER_ARTICLE)[-TERMS_PER_ARTICLE]
            strong = np.flatnonzero(weights >= least)
        scored = sorted(zip((-weights[strong]).tolist(), [terms[k] for k in strong.tolist()],
                            strict=True))
        out.append([(t, -w) for w, t in scored[:TERMS_PER_ARTICLE]])
    return out


Chosen = list[tuple[float, int, list[str]]]
"""An article's related articles: (score, index, up to three shared terms), best first."""
RelateState = tuple[Sequence[dict[str, float]], Sequence[frozenset[str]],
                    dict[str, "np.ndarray[Any, Any]"], "np.ndarray[Any, Any]", list[int],
                    Sequence[frozenset[int]], int]


def _candidates(top: dict[str, float], index: Mapping[str, np.ndarray[Any, Any]], me: int
                ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The articles in the postings of `top`'s terms (leaving out `me`), ascending, and
    each one's score: the sum of the weights of the terms whose postings hold it.

    Vectorised (the candidates of 10,000 articles are ten million term hits); the weights are
    added in term order, as a loop over the terms would, so the sums are the same floats."""
    found = [index[term] for term in top]
    hits = np.concatenate(found)
    weights = np.repeat(np.fromiter(top.values(), float, len(top)),
                        [len(postings) for postings in found])
    sums = np.bincount(hits, weights=weights, minlength=me + 1)
    sums[me] = 0.0
    others = np.flatnonzero(sums)
    return others, sums[others]


def _relate_chunk(state: RelateState, chunk: range) -> list[Chosen]:
    """Per article, its best `limit` others: the sum of the idf of the distinctive terms they
    share, plus `TOPIC_WEIGHT` per shared topic and `ENTITY_WEIGHT` per shared entity, at
    least `MIN_RELATED_SCORE` and with `MIN_SHARED_TERMS` terms, a topic or an entity in
    common, leaving out the articles in `skip` (its story and its neighbours, which the page
    already shows); ties go to the one listed first (articles are in reading order, so the
    newer)."""
    tops, keys, index, in_topic, entities, skip, limit = state
    out: list[Chosen] = []
    for i in chunk:
        top = tops[i]
        if not top:
            out.append([])
            continue
        others, sums = _candidates(top, index, i)
        together = in_topic[others] @ in_topic[i]  # topics each candidate shares with i
        scores = sums + TOPIC_WEIGHT * together
        mine, named, left_out = keys[i], entities[i], skip[i]
        ranks = np.lexsort((others, -scores))[:SHORTLIST * limit + len(left_out)]
        kept = []
        for j, score, topical in zip(others[ranks].tolist(), scores[ranks].tolist(),
                                     together[ranks].tolist(), strict=True):
            if j in left_out:
                continue
            common = mine & keys[j]
            shared = min(ENTITY_CAP, (named & entities[j]).bit_count()) if named else 0
            if not (len(common) >= MIN_SHARED_TERMS or shared or topical):
                continue  # a word or two in common is chance, not a reason to read on
            kept.append((-score - ENTITY_WEIGHT * shared, j, common))
        best = heapq.nsmallest(limit, [k for k in kept if -k[0] >= MIN_RELATED_SCORE])
        out.append([(-score, j, sorted(common, key=lambda t: (-top[t], t))[:3])
                    for score, j, common in best])
    return out


def document_frequencies(analyses: Sequence[Analysis]) -> Counter[str]:
    """How many articles use each term: what related reading and stories weigh terms by,
    counted once for both."""
    df: Counter[str] = Counter()
    for analysis in analyses:
        df.update(_terms(analysis))
    return df


def relate(
    articles: Sequence[Article],
    topics_of: Mapping[str, tuple[Topic, ...]],
    entities_of: Sequence[tuple[str, ...]],
    skip: Sequence[frozenset[int]],
    limit: int,
    analyses: Sequence[Analysis],
    df: Mapping[str, int],
    jobs: int | None = None,
    tick: Tick | None = None,
) -> dict[str, tuple[Related, ...]]:
    """For each article (in reading order), up to `limit` related articles with the reason
    they relate.  `entities_of[i]` names the entities article i mentions, most first, and
    `skip[i]` the articles its page already links (same story, previous/next); `df` is
    `document_frequencies(analyses)`.  A map-reduce: each article's distinctive terms are
    worked out across `jobs` processes, the capped postings of those terms are built here,
    and each article's candidates are scored across processes again."""
    if limit == 0:
        return {a.slug: () for a in articles}
    n = len(analyses)
    idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items() if d >= 2}
    distinct = map_chunks(_distinctive_chunk, (analyses, idf), n, jobs)
    tops = [{t: idf[t] for t, _ in terms} for terms in distinct]
    index = {term: np.array(found, dtype=np.int32)
             for term, found in postings([dict(terms) for terms in distinct], POSTING_CAP).items()}
    del distinct
    slots: dict[str, int] = {}
    for article in articles:
        for topic in topics_of[article.slug]:
            slots.setdefault(topic.slug, len(slots))
    in_topic = np.zeros((n, len(slots)), dtype=np.int32)  # article × topic: 1 if in it
    for i, article in enumerate(articles):
        in_topic[i, [slots[t.slug] for t in topics_of[article.slug]]] = 1
    codes: dict[str, int] = {}
    entity_sets = [sum({1 << codes.setdefault(e, len(codes)) for e in named})
                   for named in entities_of]
    keys = [frozenset(top) for top in tops]
    chosen = map_chunks(_relate_chunk, (tops, keys, index, in_topic, entity_sets, skip, limit), n,
                        jobs, tick)
    wanted = {t for best in chosen for _, _, common in best for t in common}
    forms = display_forms(analyses, wanted, jobs)
    names = {t: form for t in wanted if _is_name(form := forms.get(t, t))}  # once a term
    result: dict[str, tuple[Related, ...]] = {}
    for i, (article, best) in enumerate(zip(articles, chosen, strict=True)):
        mine = {t.slug for t in topics_of[article.slug]}
        related = []
        for total, j, common in best:
            other = articles[j]
            shared = tuple(t.name for t in topics_of[other.slug] if t.slug in mine)
            theirs = set(entities_of[j])
            named = tuple(e for e in entities_of[i] if e in theirs)[:ENTITY_CAP]
            related.append(Related(other, round(total, 3), shared,
                                   tuple(names[t] for t in common if t in names),
                                   named))
        result[article.slug] = tuple(related)
    return result


def _is_name(form: str) -> bool:
    """Whether a shared term is worth showing a reader as a reason: a name ("Memphis",
    "xAI"), written with a capital letter across the collection.  Plain words, however
    distinctive statistically ("see", "second", "company"), read like debug output."""
    return any(c.isupper() for c in form) and form.lower() not in STOPWORDS
