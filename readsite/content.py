"""Load and validate every article under content/.

Each file is loaded on its own by `load_article` (a pure function of its text, path and the
declared topics, so a later cache can key it by file hash); `load_articles` walks the folder,
collects the problems of *all* files, and fails once, so a user fixes everything in one pass.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

from readsite.config import SLUG_RE, SiteConfig
from readsite.errors import ContentError, Problem, ReadsiteError
from readsite.frontmatter import Document, as_date, parse
from readsite.markdown import is_safe_url, render
from readsite.models import Article

TEXT_KEYS = ("source", "author", "url", "summary")
INTERNAL_KEYS = frozenset({"imported_from", "import_hash", "body_hash"})
"""Bookkeeping written by `readsite import`; not shown, not passed to templates."""
KNOWN_KEYS = frozenset({"title", "slug", "date", "topics", "draft", *TEXT_KEYS}) | INTERNAL_KEYS
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


def load_article(text: str, path: Path, config: SiteConfig) -> Article:
    """Parse and validate one article file; raise ContentError listing its problems."""
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
    date = None
    if doc.meta.get("date") is not None:
        date = as_date(doc.meta["date"])
        if date is None:
            problems.append(Problem(f"`date` {doc.meta['date']!r} is not a date", path,
                                    doc.loaded.line("date"), "write it as YYYY-MM-DD"))
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
    rendered = render(doc.body, config.base_path)
    extra: dict[str, Any] = {k: v for k, v in doc.meta.items() if k not in KNOWN_KEYS}
    return Article(
        slug=slug, title=title, path=path, body=doc.body, body_html=rendered.html,
        text=rendered.text, headings=rendered.headings, date=date, topics_set=topics,
        word_count=len(WORD_RE.findall(rendered.text)), extra=MappingProxyType(extra),
        draft=draft is True,
        **values,
    )


def load_articles(config: SiteConfig, drafts: bool = False) -> list[Article]:
    """Load every article (`draft: true` ones only when `drafts`); raise one ContentError
    with the problems of all files (drafts are validated either way)."""
    articles: list[Article] = []
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
        try:
            articles.append(load_article(text, shown, config))
        except ReadsiteError as exc:
            problems.extend(exc.problems)
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
