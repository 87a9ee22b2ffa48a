"""Re-render an edited article's own page at once, before the full rebuild has finished.

At 10,000 articles a full (cached) build takes tens of seconds: far too long for a writer who
saved a file and looks at the browser.  Most saves change one article's text, and its page is
what the writer is looking at.  From the collection of the last good build, that page alone is
rendered again from the new file in milliseconds (as Hugo's "fast render" does); the full build
follows in the background and replaces everything — the article's topics and related lists, and
every list page that shows its title — so the preview still ends equal to a clean build.

Only plain edits qualify: an article file that was in the last build, still exists, keeps its
slug and still loads.  Anything else (a new or deleted file, templates, site.yaml, static files,
a broken article) waits for the full build, which is also what reports errors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

import jinja2

from readsite.content import load_article, read_article
from readsite.errors import ReadsiteError
from readsite.models import Article, Collection
from readsite.render import article_page, make_environment, render_page


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a fast re-render needs from the last good build."""

    collection: Collection
    """The linked collection, with the articles re-rendered since patched in."""
    env: jinja2.Environment
    """The Jinja environment (compiled templates are reused)."""
    files: Mapping[Path, Article]
    """Article file (resolved) → the article loaded from it."""

    @classmethod
    def of(cls, collection: Collection) -> Snapshot:
        """The snapshot of a freshly built collection."""
        root = collection.config.root
        files = {(root / article.path).resolve(): article  # path: as messages show it
                 for article in collection.articles}
        return cls(collection, make_environment(collection.config), files)


def rerender(snapshot: Snapshot, changed: Sequence[Path]
             ) -> tuple[Snapshot, dict[str, bytes]] | None:
    """(the patched snapshot, output path → bytes of each edited article's page), or None
    when the change is not a plain edit of known articles (the full build handles it)."""
    config = snapshot.collection.config
    fresh: dict[str, Article] = {}
    for path in changed:
        old = snapshot.files.get(path.resolve())
        if old is None or not path.is_file():
            return None
        try:
            article, _ = load_article(read_article(path, old.path), old.path, config)
        except ReadsiteError:
            return None
        if article.slug != old.slug:
            return None
        fresh[old.slug] = replace(article, analysis=None)
    if not fresh:
        return None
    collection = patched(snapshot.collection, fresh)
    files: dict[str, bytes] = {}
    for article in fresh.values():
        page = article_page(collection, article)
        try:
            files[page.output] = render_page(snapshot.env, collection, page).encode("utf-8")
        except ReadsiteError:
            return None
    return Snapshot(collection, snapshot.env, snapshot.files), files


def patched(collection: Collection, fresh: Mapping[str, Article]) -> Collection:
    """`collection` with the articles in `fresh` (slug → article) replaced; topics, related
    lists and neighbours stay as they were until the full build relinks everything."""
    articles = tuple(fresh.get(article.slug, article) for article in collection.articles)
    return replace(collection, articles=articles,
                   by_slug=MappingProxyType({article.slug: article for article in articles}))
