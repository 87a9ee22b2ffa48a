"""The pages of the cross-links: stories, entities, quotes and the timeline.

Each is a `render.Page` whose context carries what its template shows, worked out here from
the read-only `Collection`, so templates only lay it out.  The timeline runs oldest first,
as a chronology reads, with a story shown once at its first date; undated articles are
listed apart at the end, never as the newest.
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

KIND_NAMES = {"person": "People", "organisation": "Organisations", "place": "Places",
              "product": "Products", "other": "Other"}
"""How the entities index heads each kind."""


@dataclass(frozen=True, slots=True)
class Moment:
    """One entry of a timeline: a story at its first date, or an article of no story."""

    date: str
    """ISO date ("2026-03-05"), or "" for undated entries."""
    article: Article
    """The article (for a story, its first)."""
    story: Story | None
    """The story the entry stands for, if any."""


@dataclass(frozen=True, slots=True)
class TimelineMonth:
    """A timeline page's entries of one month ("March 2026"), or the undated ones."""

    name: str
    """"March 2026", or "Undated"."""
    moments: tuple[Moment, ...]
    """Its entries, oldest first."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """One speaker on the quotes page, with all their quotes."""

    name: str
    """As the collection names them."""
    slug: str
    """Their entity's slug, or "" when they are not a declared entity."""
    quotes: tuple[Quote, ...]
    """Their quotes, most reported first."""


def moments(articles: Sequence[Article], story_of: Mapping[str, Story]) -> list[Moment]:
    """`articles` as timeline entries, oldest first, undated last: each story once, at the
    date of its first dated article among them."""
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date, a.title, a.slug))
    undated = [a for a in articles if not a.date]
    entries: list[Moment] = []
    seen: set[str] = set()
    for article in [*dated, *undated]:
        story = story_of.get(article.slug)
        if story is not None:
            if story.slug in seen:
                continue
            seen.add(story.slug)
        entries.append(Moment(article.date.isoformat() if article.date else "", article, story))
    return entries


def _month_name(moment: Moment) -> str:
    article = moment.article
    return f"{article.date:%B %Y}" if article.date else "Undated"


def months(entries: Sequence[Moment]) -> tuple[TimelineMonth, ...]:
    """Timeline entries under their month's heading (undated ones under "Undated")."""
    return tuple(TimelineMonth(name, tuple(group))
                 for name, group in itertools.groupby(entries, key=_month_name))


def timeline_pages(collection: Collection, home: str, title: str,
                   articles: Sequence[Article], context: Mapping[str, Any]) -> list[Page]:
    """A timeline of `articles` at `home`, paginated like every long list."""
    entries = moments(articles, collection.story_of)
    dated = sum(1 for e in entries if e.date)
    pages = list_pages("timeline", home, "timeline.html", title, [e.article for e in entries],
                       collection.config.paginate, context)
    done = 0
    for index, page in enumerate(pages):
        chunk = entries[done:done + len(page.context["items"])]
        done += len(chunk)
        pages[index] = Page(page.kind, page.path, page.output, page.template, page.title,
                            MappingProxyType({**page.context, "months": months(chunk),
                                              "dated": dated, "total": len(entries)}))
    return pages


def speakers(quotes: Sequence[Quote]) -> tuple[Speaker, ...]:
    """Quotes grouped by speaker, in the order the collection lists them."""
    grouped: dict[tuple[str, str], list[Quote]] = {}
    for quote in quotes:
        grouped.setdefault((quote.speaker, quote.speaker_slug), []).append(quote)
    return tuple(Speaker(name, slug, tuple(found)) for (name, slug), found in grouped.items())


def entity_kinds(entities: Sequence[Entity]) -> tuple[tuple[str, tuple[Entity, ...]], ...]:
    """(heading, entities) per kind, in `ENTITY_KINDS` order, skipping empty kinds; within a
    kind, the most written about first."""
    return tuple(
        (KIND_NAMES[kind], tuple(sorted(of_kind, key=lambda e: (-len(e.articles), e.name))))
        for kind in ENTITY_KINDS
        if (of_kind := [e for e in entities if e.kind == kind]))


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
        pages += (Page("entity", f"entities/{e.slug}/", f"entities/{e.slug}/index.html",
                       "entity.html", e.name, MappingProxyType({
                           "entity": e,
                           "timeline": months(moments(e.articles, collection.story_of))}))
                  for e in collection.entities)
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
