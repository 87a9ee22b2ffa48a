"""How well stories are found at scale: clustering scored against the corpus's own groups.

    python bench/stories_truth.py SITE --articles 10000 [--seed 7]

`bench/corpus.py` puts 15% of its articles in story groups of 2-5 (the same event told
with a word or two varied, the same people and organisation, dates within ten days); it
does not write the groups down, but it draws them from its seed alone, so they are drawn
again here.  SITE is the readsite folder `corpus.py OUT --articles N --seed S` wrote (OUT/
readsite), so N and S must be the ones it was made with.  The site's articles are loaded as
a build loads them and clustered with its `stories:` settings; printed: how many pairs of
articles the build put in one story, how many of those the corpus grouped too (precision),
how many of the corpus's pairs the build found (recall), and how many whole groups came out
exactly.  The demo and the fixture collection are tested exactly (tests/
test_crosslinks_stories.py); this is the figure at the scale of the speed issue's corpus.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import corpus  # noqa: E402

from readsite.config import load_config  # noqa: E402
from readsite.content import load_articles  # noqa: E402
from readsite.crosslinks import related, stories  # noqa: E402
from readsite.progress import QUIET  # noqa: E402


def corpus_groups(count: int, seed: int) -> list[frozenset[str]]:
    """The slugs of each story group `corpus.py --articles count --seed seed` made."""
    words = corpus.Words(random.Random(seed))
    topics = corpus.make_topics(words)
    articles = corpus.make_articles(words, topics, count)
    groups = corpus.CrossLinker(words, random.Random(seed + 1)).apply(articles, topics)
    return [frozenset(articles[i].slug for i in group.members) for group in groups]


def pairs(groups: list[frozenset[str]]) -> set[frozenset[str]]:
    """Every pair of articles that share a group."""
    return {frozenset(pair) for group in groups for pair in itertools.combinations(group, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    truth = corpus_groups(args.articles, args.seed)
    config = load_config(args.site)
    loaded = sorted(load_articles(config, False, args.jobs, None, QUIET), key=related.sort_key)
    slugs = [a.slug for a in loaded]
    missing = {s for group in truth for s in group} - set(slugs)
    if missing:
        parser.error(f"{len(missing)} of the corpus's story articles are not in {args.site}: "
                     "give the --articles and --seed it was made with")
    started = time.perf_counter()
    found = [frozenset(slugs[i] for i in group) for group in stories.cluster(
        [a.analysis for a in loaded if a.analysis is not None], [a.date for a in loaded],
        config.stories, args.jobs) if len(group) > 1]
    seconds = time.perf_counter() - started
    want, got = pairs(truth), pairs(found)
    right = len(want & got)
    exact = len(set(truth) & set(found))
    print(f"{len(loaded)} articles; the corpus grouped {sum(map(len, truth))} in {len(truth)} "
          f"stories ({len(want)} pairs); the build made {len(found)} stories of "
          f"{sum(map(len, found))} articles ({len(got)} pairs) in {seconds:.1f} s")
    print(f"pairs: precision {right}/{len(got)} {100 * right / max(1, len(got)):.1f}%, "
          f"recall {right}/{len(want)} {100 * right / max(1, len(want)):.1f}%; "
          f"whole stories found exactly: {exact}/{len(truth)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
