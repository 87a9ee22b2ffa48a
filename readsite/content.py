"""Load and validate every article under content/.

Each file is loaded on its own by `load_article` (a pure function of its text, path and the
declared topics, so a later cache can key it by file hash); `load_articles` walks the folder,
collects the problems of *all* files, and fails once, so a user fixes everything in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote, urlsplit

from readsite import cache
from readsite.config import SLUG_RE, SiteConfig
from readsite.errors import ContentError, Problem, ReadsiteError
from readsite.frontmatter import Document, as_date, parse
from readsite.markdown import is_safe_url, render
from readsite.models import Article
from readsite.progress import QUIET, Progress

TEXT_KEYS = ("source", "author", "url", "summary")
INTERNAL_KEYS = frozenset({"imported_from", "import_hash", "body_hash"})
"""Bookkeeping written by `readsite import`; not shown, not passed to templates."""
KNOWN_KEYS = frozenset({"title", "slug", "date", "updated", "topics", "draft", "tags", "aliases",
                        "extra", *TEXT_KEYS}) | INTERNAL_KEYS
WORD_RE = re.compile(r"\w+(?:[’'-]\w+)*")


def article_files(content_dir: Path) -> Iterator[Path]:
    """Every `*.md` under content/, sorted, skipping hidden files and folders."""
    if not content_dir.is_dir():
        return
    for path in sorted(content_dir.rglob("*.md")):
        rel = path.relative_to(content_dir)
        if not any(part.startswith((".", "_")) for part in rel.parts):
            yield path


def _text(doc: Document, path: Path, key: str, problems: list[Problem]) -> str:
    value = doc.meta.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.append(Problem(f"`{key}` must be text", path, doc.loaded.line(key)))
        return ""
    return str(value).strip()


def _topics(
    doc: Document, path: Path, config: SiteConfig, problems: list[Problem]
) -> tuple[str, ...] | None:
    if "topics" not in doc.meta:
        return None
    raw = doc.meta["topics"]
    if raw is None:
        raw = []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        problems.append(Problem("`topics` must be a list of topic slugs", path,
                                doc.loaded.line("topics")))
        return None
    known = [t.slug for t in config.topics]
    chosen: list[str] = []
    for index, slug in enumerate(raw):
        if slug in known:
            if slug not in chosen:
                chosen.append(slug)
            continue
        close = difflib.get_close_matches(slug, known, n=1)
        hint = f"did you mean `{close[0]}`?" if close else (
            "declared topics: " + ", ".join(known) if known else "declare topics in site.yaml")
        problems.append(Problem(f"unknown topic `{slug}`", path,
                                doc.loaded.line("topics", index), hint))
    return tuple(chosen)


def _list(doc: Document, key: str, path: Path, problems: list[Problem],
          what: str, split: str | None) -> list[tuple[str, int | None]]:
    """A front matter list of text (or, with `split`, one string of `split`-separated
    items) as (item, line) pairs; a problem for anything else."""
    raw = doc.meta.get(key)
    if raw is None:
        return []
    if isinstance(raw, str):
        parts = raw.split(split) if split else [raw]
        return [(p.strip(), doc.loaded.line(key)) for p in parts if p.strip()]
    items: list[tuple[str, int | None]] = []
    if isinstance(raw, list):
        for index, item in enumerate(raw):
            line = doc.loaded.line(key, index) or doc.loaded.line(key)
            if isinstance(item, str | int | float) and not isinstance(item, bool):
                if str(item).strip():
                    items.append((str(item).strip(), line))
                continue
            problems.append(Problem(f"`{key}` item {index + 1} must be text, not "
                                    f"{type(item).__name__}", path, line, f"`{key}` is {what}"))
        return items
    problems.append(Problem(f"`{key}` must be {what}", path, doc.loaded.line(key)))
    return []


def _tags(doc: Document, path: Path, problems: list[Problem]) -> tuple[str, ...]:
    """`tags:` as written, case-insensitive duplicates dropped."""
    seen: dict[str, str] = {}
    for tag, _ in _list(doc, "tags", path, problems,
                        "a list of words, e.g. `tags: [rust, async]`", ","):
        seen.setdefault(tag.casefold(), " ".join(tag.split()))
    return tuple(seen.values())


def alias_problem(alias: str) -> tuple[str, str] | None:
    """Why `alias` is not a usable site path, with a hint; None when it is fine."""
    try:
        parts = urlsplit(alias)
    except ValueError:
        return "is not a path", "e.g. `/2019/01/02/post/`"
    if parts.scheme or alias.startswith("//"):
        return ("must be a path on this site, not an address",
                f"write just the path, e.g. `{parts.path or '/'}`")
    if not alias.startswith("/"):
        return "must start with `/`", f"write it as `/{alias}`"
    if parts.query or parts.fragment or "?" in alias or "#" in alias:
        return ("cannot carry a `?query` or `#fragment`: a static page is found by its path "
                "alone", "keep only the path")
    decoded = unquote(alias)
    segments = decoded.strip("/").split("/")
    if any(s in ("..", ".") for s in segments):
        return "must not contain `.` or `..` segments", "write the path it means in full"
    if "\\" in decoded or re.search(r"[\x00-\x1f\x7f]", decoded) or (
            decoded != "/" and "" in segments):
        return ("must be a plain path (no backslashes, control characters or `//`)",
                "e.g. `/2019/01/02/post/`")
    return None


def _aliases(doc: Document, path: Path, problems: list[Problem]) -> tuple[str, ...]:
    """`aliases:` (old site paths that redirect here), each checked by `alias_problem`."""
    found: list[str] = []
    for alias, line in _list(doc, "aliases", path, problems,
                             "a list of site paths, e.g. `aliases: [/2019/01/02/post/]`", None):
        problem = alias_problem(alias)
        if problem is not None:
            problems.append(Problem(f"alias `{alias}` {problem[0]}", path, line, problem[1]))
        elif alias not in found:
            found.append(alias)
    return tuple(found)


def _date(doc: Document, key: str, path: Path, problems: list[Problem]) -> dt.date | None:
    if doc.meta.get(key) is None:
        return None
    date = as_date(doc.meta[key])
    if date is None:
        problems.append(Problem(f"`{key}` {doc.meta[key]!r} is not a date", path,
                                doc.loaded.line(key), "write it as YYYY-MM-DD"))
    return date


def _extra(doc: Document, path: Path, problems: list[Problem]) -> dict[str, Any]:
    """Unknown keys, then the keys of an `extra:` mapping (which win a clash)."""
    extra: dict[str, Any] = {k: v for k, v in doc.meta.items() if k not in KNOWN_KEYS}
    given = doc.meta.get("extra")
    if given is None:
        return extra
    if not isinstance(given, dict) or not all(isinstance(k, str) for k in given):
        problems.append(Problem("`extra` must be a mapping of `key: value` lines", path,
                                doc.loaded.line("extra"), "e.g. `extra: {layout: wide}`"))
        return extra
    return {**extra, **given}


def load_article(text: str, path: Path, config: SiteConfig,
                 rendered: Mapping[str, cache.Entry] | None = None) -> tuple[Article, str]:
    """Parse and validate one article file; raise ContentError listing its problems.
    `rendered` holds bodies rendered by earlier builds (see `readsite.cache`); returns the
    article and the cache key of its body (the Markdown itself is not kept: it is the
    largest part of an article, and nothing after rendering needs it)."""
    doc = parse(text, path)
    problems: list[Problem] = []
    title = _text(doc, path, "title", problems)
    if "title" not in doc.meta or (not title and not problems):
        problems.append(Problem(
            "the article has no title", path, doc.loaded.line("title") or 1,
            "add a line `title: ...` to the front matter",
        ))
    slug = _text(doc, path, "slug", problems) or path.stem
    if not SLUG_RE.match(slug):
        line = doc.loaded.line("slug") if "slug" in doc.meta else 1
        problems.append(Problem(
            f"slug `{slug}` must be lowercase letters, digits and single hyphens", path, line,
            "set `slug: some-words` in the front matter, or rename the file",
        ))
    date = _date(doc, "date", path, problems)
    updated = _date(doc, "updated", path, problems)
    tags = _tags(doc, path, problems)
    aliases = _aliases(doc, path, problems)
    extra = _extra(doc, path, problems)
    values = {key: _text(doc, path, key, problems) for key in TEXT_KEYS}
    if values["url"] and not is_safe_url(values["url"]):
        problems.append(Problem("`url` must be an http(s) address", path, doc.loaded.line("url")))
        values["url"] = ""
    topics = _topics(doc, path, config, problems)
    draft = doc.meta.get("draft", False)
    if not isinstance(draft, bool):
        problems.append(Problem("`draft` must be true or false", path, doc.loaded.line("draft")))
    if problems:
        raise ContentError(*problems)
    key = cache.key(doc.body, config.base_path)
    entry = rendered.get(key) if rendered else None
    if entry is None:
        fresh = render(doc.body, config.base_path)
        entry = (fresh.html, fresh.text, fresh.headings)
    html, plain, headings = entry
    return Article(
        slug=slug, title=title, path=path, body_html=html,
        text=plain, headings=headings, date=date, topics_set=topics,
        word_count=len(WORD_RE.findall(plain)), extra=MappingProxyType(extra),
        draft=draft is True, tags=tags, aliases=aliases, updated=updated,
        source=values["source"], author=values["author"], url=values["url"],
        summary=values["summary"],
    ), key


def load_articles(config: SiteConfig, drafts: bool = False, jobs: int | None = None,
                  render_cache: cache.RenderCache | None = None,
                  progress: Progress = QUIET) -> list[Article]:
    """Load every article (`draft: true` ones only when `drafts`; across `jobs` processes,
    see `readsite.workers`); raise one ContentError with the problems of all files (drafts
    are validated either way)."""
    from readsite.workers import load_many

    texts: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    for path in article_files(config.content_dir):
        shown = path.relative_to(config.root) if path.is_relative_to(config.root) else path
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(f"not UTF-8 text (byte {exc.start})", shown))
            continue
        except OSError as exc:
            problems.append(Problem(f"cannot read: {exc.strerror}", shown))
            continue
        texts.append((text, shown))
    articles: list[Article] = []
    known = render_cache.entries if render_cache is not None else None
    tick = progress.stage("loading", len(texts), "articles")
    for result in load_many(texts, config, jobs, known, tick):
        if isinstance(result, ReadsiteError):
            problems.extend(result.problems)
            continue
        article, key = result
        articles.append(article)
        if render_cache is not None:
            render_cache.put(key, (article.body_html, article.text, article.headings))
    problems.extend(_slug_collisions(articles))
    error = ContentError.collect(problems)
    if error is not None:
        raise error
    return articles if drafts else [a for a in articles if not a.draft]


def _slug_collisions(articles: list[Article]) -> Iterator[Problem]:
    """One problem per article whose slug an earlier article already took."""
    first: dict[str, Article] = {}
    for article in articles:
        if article.slug in first:
            yield Problem(
                f"slug `{article.slug}` is also used by {first[article.slug].path}",
                article.path, None, "give one of them another `slug:` in its front matter",
            )
        else:
            first.setdefault(article.slug, article)
