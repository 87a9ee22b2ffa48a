"""The pages of the cross-links: stories, entities, quotes and the timeline.

Each is a `render.Page` whose context carries what its template shows, worked out here from
the read-only `Collection`, so templates only lay it out.  The timeline runs oldest first,
as a chronology reads, with a story shown once at its first date; undated articles are
listed apart at the end, never as the newest.  An entity's articles are its timeline too,
newest first (what a reader looking someone up wants first), so a much-mentioned entity
needs no second set of pages.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from readsite.config_crosslinks import ENTITY_KINDS
from readsite.models import Article, Collection, Entity, Quote, Story
from readsite.render import Page, list_pages

QUOTES_PER_SPEAKER = 5
"""Quotes shown per speaker on the quotes page: at 10,000 articles a much-quoted person has
thousands, which their entity page lists (paginated), so this page stays a page."""
QUOTES_PER_ENTITY = 30
"""Quotes shown on an entity's page, most reported first."""
KIND_NAMES = {"person": "People", "organisation": "Organisations", "place": "Places",
              "product": "Products", "other": "Other"}
"""How the entities index heads each kind."""


@dataclass(frozen=True, slots=True)
class Moment:
    """One entry of a timeline: an article, or a whole story at its first date."""

    article: Article
    """The article (for a story, its first); its date is the entry's."""
    story: Story | None
    """The story the article is part of, if any."""
    whole_story: bool = False
    """The entry stands for its whole story (a timeline shows a story once)."""


@dataclass(frozen=True, slots=True)
class TimelineMonth:
    """A timeline page's entries of one month ("March 2026"), or the undated ones."""

    name: str
    """"March 2026", or "Undated"."""
    moments: tuple[Moment, ...]
    """Its entries, oldest first."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """One speaker on the quotes page, with their most reported quotes."""

    name: str
    """As the collection names them."""
    slug: str
    """Their entity's slug, or "" when they are not a declared entity."""
    quotes: tuple[Quote, ...]
    """Their most reported quotes (at most `QUOTES_PER_SPEAKER`), most reported first."""
    total: int
    """How many quotes of theirs the collection has."""


def moments(articles: Sequence[Article], story_of: Mapping[str, Story],
            collapse: bool = True) -> list[Moment]:
    """`articles` as timeline entries, oldest first, undated last: with `collapse`, each
    story once, at the date of its first dated article among them; else every article."""
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date, a.title, a.slug))
    undated = [a for a in articles if not a.date]
    entries: list[Moment] = []
    seen: set[str] = set()
    for article in [*dated, *undated]:
        story = story_of.get(article.slug)
        if story is not None and collapse:
            if story.slug in seen:
                continue
            seen.add(story.slug)
        entries.append(Moment(article, story, collapse and story is not None))
    return entries


def _month_name(moment: Moment) -> str:
    article = moment.article
    return f"{article.date:%B %Y}" if article.date else "Undated"


def months(entries: Sequence[Moment]) -> tuple[TimelineMonth, ...]:
    """Timeline entries under their month's heading (undated ones under "Undated")."""
    return tuple(TimelineMonth(name, tuple(group))
                 for name, group in itertools.groupby(entries, key=_month_name))


def moment_pages(collection: Collection, kind: str, home: str, template: str, title: str,
                 entries: Sequence[Moment], context: Mapping[str, Any]) -> list[Page]:
    """Timeline `entries` at `home`, paginated like every long list, each page with its
    entries under their months (`months` in its context)."""
    pages = list_pages(kind, home, template, title, [e.article for e in entries],
                       collection.config.paginate, context)
    done = 0
    for index, page in enumerate(pages):
        chunk = entries[done:done + len(page.context["items"])]
        done += len(chunk)
        pages[index] = Page(page.kind, page.path, page.output, page.template, page.title,
                            MappingProxyType({**page.context, "months": months(chunk)}))
    return pages


def timeline_pages(collection: Collection, home: str, title: str,
                   articles: Sequence[Article], context: Mapping[str, Any]) -> list[Page]:
    """A timeline of `articles` at `home`, oldest first, each story once."""
    entries = moments(articles, collection.story_of)
    dated = sum(1 for e in entries if e.article.date)
    return moment_pages(collection, "timeline", home, "timeline.html", title, entries,
                        {**context, "dated": dated, "total": len(entries)})


def speakers(quotes: Sequence[Quote], shown: int = QUOTES_PER_SPEAKER
             ) -> tuple[Speaker, ...]:
    """Quotes grouped by speaker, in the order the collection lists them, each speaker with
    their `shown` most reported quotes (the rest are on their entity page)."""
    grouped: dict[tuple[str, str], list[Quote]] = {}
    for quote in quotes:
        grouped.setdefault((quote.speaker, quote.speaker_slug), []).append(quote)
    return tuple(Speaker(name, slug, tuple(found[:shown]), len(found))
                 for (name, slug), found in grouped.items())


def entity_kinds(entities: Sequence[Entity]) -> tuple[tuple[str, tuple[Entity, ...]], ...]:
    """(heading, entities) per kind, in `ENTITY_KINDS` order, skipping empty kinds; within a
    kind, the most written about first."""
    return tuple(
        (KIND_NAMES[kind], tuple(sorted(of_kind, key=lambda e: (-len(e.articles), e.name))))
        for kind in ENTITY_KINDS
        if (of_kind := [e for e in entities if e.kind == kind]))


def entity_pages(collection: Collection, entity: Entity) -> list[Page]:
    """An entity's pages: its quotes, figures and co-mentions, then every article that
    mentions it as a timeline, newest first under month headings (undated last, each with
    its story named), paginated like every long list."""
    entries = moments(entity.articles, collection.story_of, collapse=False)
    dated = [e for e in entries if e.article.date]
    undated = [e for e in entries if not e.article.date]
    return moment_pages(collection, "entity", f"entities/{entity.slug}/", "entity.html",
                        entity.name, [*reversed(dated), *undated],
                        {"entity": entity, "quotes": entity.quotes[:QUOTES_PER_ENTITY]})


def cross_pages(collection: Collection) -> list[Page]:
    """Every story, entity, quotes and timeline page (none for a kind the site has none of,
    except the timeline, which every site with articles has)."""
    pages: list[Page] = []
    if collection.stories:
        pages.append(Page("stories", "stories/", "stories/index.html", "stories.html",
                          "Stories"))
        pages += (Page("story", f"stories/{s.slug}/", f"stories/{s.slug}/index.html",
                       "story.html", s.title, MappingProxyType({"story": s}))
                  for s in collection.stories)
    if collection.entities:
        pages.append(Page("entities", "entities/", "entities/index.html", "entities.html",
                          "People and organisations", MappingProxyType(
                              {"kinds": entity_kinds(collection.entities)})))
        for e in collection.entities:
            pages += entity_pages(collection, e)
    if collection.quotes:
        pages.append(Page("quotes", "quotes/", "quotes/index.html", "quotes.html", "Quotes",
                          MappingProxyType({"speakers": speakers(collection.quotes)})))
    if collection.articles:
        pages += timeline_pages(collection, "timeline/", "Timeline", collection.articles, {})
        for topic in collection.topics:
            if topic.articles:
                pages += timeline_pages(collection, f"topics/{topic.slug}/timeline/",
                                        f"{topic.name}: timeline", topic.articles,
                                        {"topic": topic})
    return pages
