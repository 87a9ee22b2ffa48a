"""Loading and rendering across cores: the per-file and per-page stages of a build.

Loading one article is a pure function of (its text, the config) and rendering one page of
(the collection, the page), so both are `pool.map_chunks` maps whose workers inherit their
inputs.  Only small results travel back: an `Article` (with its `Analysis`, so classifying
and counting words happen on every core while the text is at hand) per file, and nothing at
all for pages, which each worker writes straight into the staged output folder (so output is
never held in memory as a whole).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from jinja2 import Environment

from readsite.cache import Entry
from readsite.config import SiteConfig
from readsite.crosslinks.extract import dump, find
from readsite.crosslinks.related import analyse
from readsite.errors import ReadsiteError
from readsite.models import Article, Collection
from readsite.pool import map_chunks
from readsite.progress import Tick
from readsite.render import Page, make_environment, render_page

LoadResult = tuple[Article, str, Entry | None] | ReadsiteError
"""An article, the render-cache key of its body and, when the body was rendered or looked
through for cross-links afresh, the cache entry to store (its whole text: the article keeps
only the opening); or what is wrong with its file."""
LoadState = tuple[Sequence[tuple[Path, Path]], SiteConfig, Mapping[str, Entry] | None]


def _load_chunk(state: LoadState, chunk: range) -> list[LoadResult]:
    from readsite.content import load_article, read_article

    files, config, rendered = state
    results: list[LoadResult] = []
    for i in chunk:
        path, shown = files[i]
        try:
            article, key = load_article(read_article(path, shown), shown, config, rendered)
        except ReadsiteError as exc:
            results.append(exc)
            continue
        cached = rendered.get(key) if rendered is not None else None
        found = find(article, article.text, config, cached[3] if cached else "")
        entry = None
        if rendered is not None and (cached is None or not cached[3]):
            entry = (article.body_html, article.text, article.headings, dump(found))
        # MappingProxyType cannot be pickled: a plain dict travels, the caller wraps it again.
        analysis = dataclasses.replace(
            analyse(article.title, article.text, article.tags, config.topics), found=found)
        results.append((dataclasses.replace(
            article, extra=dict(article.extra), text=article.opening(), analysis=analysis),
            key, entry))
    return results


def load_many(files: Sequence[tuple[Path, Path]], config: SiteConfig, jobs: int | None = None,
              rendered: Mapping[str, Entry] | None = None,
              tick: Tick | None = None) -> list[LoadResult]:
    """Read, `load_article`, `related.analyse` and `extract.find` each (path, path shown in
    messages), in order; an error is returned, not raised.  The workers read the files
    themselves, so the texts are never all held at once.  `rendered` (earlier builds' bodies, see
    `readsite.cache`) is inherited by the workers."""
    results = map_chunks(_load_chunk, (files, config, rendered), len(files), jobs, tick)
    return [r if isinstance(r, ReadsiteError)
            else (dataclasses.replace(r[0], extra=MappingProxyType(dict(r[0].extra))), *r[1:])
            for r in results]


RenderState = tuple[Collection, Sequence[Page], Path, dict[str, Environment]]


def _render_chunk(state: RenderState, chunk: range) -> list[None]:
    collection, pages, folder, made = state
    env = made.get("env")  # one compiled environment per process, kept across its chunks
    if env is None:
        env = made["env"] = make_environment(collection.config)
    for i in chunk:
        target = folder / pages[i].output
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render_page(env, collection, pages[i]).encode("utf-8"))
    return []


def render_into(collection: Collection, pages: Sequence[Page], folder: Path,
                jobs: int | None = None, tick: Tick | None = None) -> None:
    """Render `pages` and write each into `folder` as it is done."""
    map_chunks(_render_chunk, (collection, pages, folder, {}), len(pages), jobs, tick)
