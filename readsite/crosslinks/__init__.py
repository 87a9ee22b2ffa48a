"""Whole-collection linking: everything that needs every article at once.

It runs after loading and before any rendering, and its result is the read-only `Collection`
that templates see.  Each kind of cross-link is its own module, a pure function from the
loaded articles (and what `extract.find` found in each while it loaded) to an immutable
index: `related`, `stories`, `entities`, `quotes`, `figures`, `backlinks`.  They are composed
here, in one place, once per build, deterministically.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

from readsite import topics as topic_groups
from readsite.config import SiteConfig
from readsite.crosslinks import backlinks, entities, figures, quotes, related, stories
from readsite.crosslinks.extract import Found, find
from readsite.crosslinks.text import anchor
from readsite.models import Article, Citation, Collection, Figure, Neighbours, Story
from readsite.progress import QUIET, Progress

ENTITIES_FOR_RELATED = 8
"""How many of an article's most mentioned entities count when relating it to others."""


def _cited(article: Article, found: Found) -> list[tuple[figures.Number, Citation]]:
    """An article's figures, each with the place it is said."""
    return [(number, Citation(article, anchor(number.line), number.sentence))
            for number in found.figures]


def _with_figures(story: Story, cited: Mapping[str, list[tuple[figures.Number, Citation]]]
                  ) -> Story:
    """`story` with the key figures its articles give."""
    return dataclasses.replace(story, figures=figures.key_figures(
        pair for member in story.members for pair in cited[member.article.slug]))


def _entity_figures(cited: Mapping[str, list[tuple[figures.Number, Citation]]],
                    matcher: entities.Matcher) -> dict[str, tuple[Figure, ...]]:
    """Entity slug → key figures from sentences that name it."""
    per_entity: dict[str, list[tuple[figures.Number, Citation]]] = {}
    for pairs in cited.values():
        for number, citation in pairs:
            for slug, _, _ in matcher.mentions([citation.sentence]):
                per_entity.setdefault(slug, []).append((number, citation))
    return {slug: figures.key_figures(pairs) for slug, pairs in per_entity.items()}


def _speaker(matcher: entities.Matcher) -> quotes.Resolve:
    """How a quote's speaker, as written, is named: as the declared entity it is, if any."""
    def resolve(name: str) -> tuple[str, str]:
        entity = matcher.resolve(name)
        return (entity.name, entity.slug) if entity else (name.replace("’", "'"), "")
    return resolve


def _skip(ordered: Sequence[Article], story_of: Mapping[str, Story],
          neighbours: Mapping[str, Sequence[Neighbours]]) -> list[frozenset[int]]:
    """Per article, the ones its page already links (its story, its previous and next), so
    related reading does not offer them again."""
    position = {a.slug: i for i, a in enumerate(ordered)}
    skip = []
    for article in ordered:
        shown = {m.article.slug for m in story_of[article.slug].members} \
            if article.slug in story_of else set()
        for entry in neighbours[article.slug]:
            shown.update(a.slug for a in (entry.previous, entry.next) if a)
        skip.append(frozenset(position[s] for s in shown))
    return skip


def build_collection(config: SiteConfig, articles: Iterable[Article],
                     jobs: int | None = None, progress: Progress = QUIET) -> Collection:
    """Classify, sort and cross-link all articles into the read-only Collection (the
    costly parts across `jobs` processes, see `readsite.pool`).  Articles loaded by
    `workers.load_many` bring their analysis and what `extract.find` found in them; any
    other is analysed here.  The collection's articles do not keep either: they are only
    needed here, and they are a good part of an article's memory."""
    loaded = sorted(articles, key=related.sort_key)
    analyses = [a.analysis or related.analyse(a.title, a.text, a.tags, config.topics)
                for a in loaded]
    found = [an.found or find(a, a.text, config) for a, an in zip(loaded, analyses, strict=True)]
    ordered = tuple(dataclasses.replace(a, analysis=None) if a.analysis else a for a in loaded)
    del loaded
    chosen = {a.slug: a.topics_set if a.topics_set is not None else analyses[i].topics
              for i, a in enumerate(ordered)}
    topics, topics_of = topic_groups.group(config.topics, ordered, chosen)
    neighbours = topic_groups.neighbours(topics, ordered)

    cited = {a.slug: _cited(a, f) for a, f in zip(ordered, found, strict=True)}
    df = related.document_frequencies(analyses)
    clustered = stories.build_stories(ordered, analyses, [f.sentences for f in found],
                                      config.stories, jobs, df)
    story_list = tuple(_with_figures(story, cited) for story in clustered)
    story_of = {m.article.slug: story for story in story_list for m in story.members}

    matcher = entities.matcher_for(config.entities)
    quote_list = quotes.collect([(a, f.quotes) for a, f in zip(ordered, found, strict=True)],
                                _speaker(matcher))
    mentions = [f.mentions for f in found]
    entity_list = entities.index(ordered, mentions, config.entities, quote_list,
                                 _entity_figures(cited, matcher))
    by_entity = {e.slug: e for e in entity_list}
    article_entities = entities.article_entities(ordered, mentions, entity_list)
    links = [f.links for f in found]
    del found, cited

    relatedness = related.relate(
        ordered, topics_of,
        [tuple(e.name for e in article_entities[a.slug][:ENTITIES_FOR_RELATED])
         for a in ordered],
        _skip(ordered, story_of, neighbours), config.related, analyses, df, jobs,
        progress.stage("relating", len(ordered), "articles"))
    return Collection(
        config=config,
        articles=ordered,
        by_slug=MappingProxyType({a.slug: a for a in ordered}),
        topics=topics,
        article_topics=MappingProxyType(topics_of),
        related=MappingProxyType(relatedness),
        neighbours=MappingProxyType(neighbours),
        stories=story_list,
        story_of=MappingProxyType(story_of),
        entities=entity_list,
        entity_by_slug=MappingProxyType(by_entity),
        article_entities=MappingProxyType(article_entities),
        quotes=quote_list,
        backlinks=backlinks.index(ordered, links),
    )
