"""Loading, analysing and rendering across cores: the pure, per-item stages of a build.

Loading one article is a pure function of (its text, the config), analysing it (topics, word
counts) of (the article, the topics), and rendering one page of (the collection, the page), so
all three split cleanly over a process pool.  The pool is forked *after* its inputs exist and
receives them through its initializer, so the workers inherit them (copy-on-write) instead of
having them pickled; only small results travel back: an `Article` per file, an `Analysis` per
article, or nothing at all for pages, which each worker writes straight into the staged
output folder (so output is never held in memory as a whole).

Each worker process keeps what its initializer gave it in `_WORKER` (one process, one build):
that is the only module state here.  Small jobs, explicit `jobs=1`, and platforms without
`fork` run in the calling process, with the very same per-item functions, so output is
byte-identical whatever the number of workers.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import MappingProxyType
from typing import Any

from readsite.cache import Entry
from readsite.config import SiteConfig, TopicConfig
from readsite.errors import ReadsiteError
from readsite.links import Analysis, analyse
from readsite.models import Article, Collection
from readsite.render import Page, make_environment, render_page

AUTO_MIN_ITEMS = 300
"""Below this many articles or pages, `jobs=None` stays in one process (a pool costs ~50 ms)."""
CHUNK = 64
"""Items per task: large enough that task overhead vanishes, small enough to balance."""

_WORKER: dict[str, Any] = {}
"""What this worker process's initializer handed it (config, or collection + pages)."""


def available_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _workers(jobs: int | None, items: int) -> int:
    """How many processes to use: `jobs` if given, else all CPUs for a big enough job."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is not None:
        return max(1, min(jobs, items))
    return available_cpus() if items >= AUTO_MIN_ITEMS else 1


def _chunks(count: int) -> Iterator[range]:
    for start in range(0, count, CHUNK):
        yield range(start, min(start + CHUNK, count))


def _pool(workers: int, initargs: tuple[Any, ...]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_initialise, initargs=initargs)


def _initialise(*state: Any) -> None:
    _WORKER.clear()
    _WORKER["state"] = state


# --------------------------------------------------------------------------- loading


LoadResult = Article | ReadsiteError


def _load(text: str, path: Path, config: SiteConfig,
          rendered: Mapping[str, Entry] | None) -> LoadResult:
    from readsite.content import load_article

    try:
        article = load_article(text, path, config, rendered)
    except ReadsiteError as exc:
        return exc
    # MappingProxyType cannot be pickled: a plain dict travels, the caller wraps it again.
    return dataclasses.replace(article, extra=dict(article.extra))


def _load_chunk(items: list[tuple[str, Path]]) -> list[LoadResult]:
    config, rendered = _WORKER["state"]
    return [_load(text, path, config, rendered) for text, path in items]


def load_many(items: Sequence[tuple[str, Path]], config: SiteConfig, jobs: int | None = None,
              rendered: Mapping[str, Entry] | None = None) -> list[LoadResult]:
    """`load_article` over (text, path) pairs, in order; an error is returned, not raised.
    `rendered` (earlier builds' bodies, see `readsite.cache`) is inherited by the workers."""
    workers = _workers(jobs, len(items))
    if workers == 1:
        results = [_load(text, path, config, rendered) for text, path in items]
    else:
        batches = [list(items[r.start:r.stop]) for r in _chunks(len(items))]
        with _pool(workers, (config, rendered)) as pool:
            results = [r for batch in pool.map(_load_chunk, batches) for r in batch]
    return [dataclasses.replace(r, extra=MappingProxyType(dict(r.extra)))
            if isinstance(r, Article) else r for r in results]


# --------------------------------------------------------------------------- analysing


def _analyse_chunk(indices: range) -> list[Analysis]:
    articles, topics = _WORKER["state"]
    return [analyse(articles[i], topics) for i in indices]


def analyse_many(articles: Sequence[Article], topics: Sequence[TopicConfig],
                 jobs: int | None = None) -> list[Analysis]:
    """`links.analyse` over every article, in order (classification and word counts)."""
    workers = _workers(jobs, len(articles))
    if workers == 1:
        return [analyse(article, topics) for article in articles]
    with _pool(workers, (tuple(articles), tuple(topics))) as pool:
        return [a for batch in pool.map(_analyse_chunk, _chunks(len(articles))) for a in batch]


# --------------------------------------------------------------------------- rendering


def _write(folder: Path, relpath: str, data: bytes) -> None:
    target = folder / relpath
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _render_chunk(indices: range) -> None:
    collection, pages, folder = _WORKER["state"]
    env = _WORKER.get("env")
    if env is None:
        env = _WORKER["env"] = make_environment(collection.config)
    for i in indices:
        _write(folder, pages[i].output, render_page(env, collection, pages[i]).encode("utf-8"))


def render_into(collection: Collection, pages: Sequence[Page], folder: Path,
                jobs: int | None = None) -> None:
    """Render `pages` and write each into `folder` as it is done."""
    workers = _workers(jobs, len(pages))
    if workers == 1:
        env = make_environment(collection.config)
        for page in pages:
            _write(folder, page.output, render_page(env, collection, page).encode("utf-8"))
        return
    with _pool(workers, (collection, list(pages), folder)) as pool:
        for _ in pool.map(_render_chunk, _chunks(len(pages))):
            pass
