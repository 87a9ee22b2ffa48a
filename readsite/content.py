"""Load and validate every article under content/.

Each file is loaded on its own by `load_article` (a pure function of its text, path and the
declared topics, so a later cache can key it by file hash); `load_articles` walks the folder,
collects the problems of *all* files, and fails once, so a user fixes everything in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote, urlsplit

from readsite import cache
from readsite.config import SiteConfig, slug_problem
from readsite.errors import ContentError, Problem, ReadsiteError
from readsite.frontmatter import Document, as_date, decode, parse
from readsite.markdown import render
from readsite.models import Article, pack_html
from readsite.progress import QUIET, Progress

TEXT_KEYS = ("source", "author", "url", "summary")
INTERNAL_KEYS = frozenset({"imported_from", "import_hash", "body_hash"})
"""Bookkeeping written by `readsite import`; not shown, not passed to templates."""
KNOWN_KEYS = frozenset({"title", "slug", "date", "updated", "topics", "draft", "tags", "aliases",
                        "extra", *TEXT_KEYS}) | INTERNAL_KEYS
WORD_RE = re.compile(r"\w+(?:[’'-]\w+)*")
URL_KEY_RE = re.compile(r"(?:^|_)(?:url|image|href|src|link|cover|thumbnail|canonical)$", re.I)
"""Keys of `extra` (or unknown keys) that hold an address a template will put in a link."""
SCRIPT_SCHEME_RE = re.compile(r"^[\x00-\x20]*(?:javascript|vbscript|file|data):(?!\s)", re.I)
"""A value that is an address a browser would run or open locally (`Data: 12` is prose)."""
_log = logging.getLogger(__name__)
"""Warnings (not errors): a likely typo of a known key, a symlink leading out of the site."""


def _shown(path: Path, root: Path | None) -> Path:
    """`path` as messages show it: relative to the site, where it is inside it."""
    return path.relative_to(root) if root is not None and path.is_relative_to(root) else path


def article_files(content_dir: Path, root: Path | None = None) -> Iterator[Path]:
    """Every `*.md` under content/, sorted, skipping hidden files and folders.

    A symlink is only followed to a file inside `root` (the site): one leading elsewhere
    (`content/x.md -> ~/.ssh/...`) would publish a file the author never meant to, so it
    is skipped with a warning.  Symlinked folders are never descended into."""
    if not content_dir.is_dir():
        return
    site = (root or content_dir).resolve()
    for path in sorted(content_dir.rglob("*")):
        rel = path.relative_to(content_dir)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(site):
            _log.warning("warning: %s", Problem(
                "symlink leads outside the site, so it is skipped", _shown(path, root), None,
                "copy the file into content/ if it should be published"))
            continue
        if path.suffix == ".md" and path.is_symlink() and not path.exists():
            _log.warning("warning: %s", Problem(
                "symlink leads to nothing, so it is skipped", _shown(path, root), None,
                "delete it, or point it at the article it stands for"))
            continue
        if path.suffix == ".md" and path.is_file():
            yield path


def _warn_unknown_keys(doc: Document, path: Path) -> None:
    """A key readsite does not know is kept for templates (as `extra.<key>`), but one that
    looks like a typo of a known key (`autor:`) would silently lose the author: say so."""
    known = sorted(KNOWN_KEYS - INTERNAL_KEYS)
    for key in doc.meta:
        if key in KNOWN_KEYS:
            continue
        close = difflib.get_close_matches(key.casefold(), known, n=1, cutoff=0.75)
        if close:
            _log.warning("warning: %s", Problem(
                f"unknown front matter key `{key}`", path, doc.loaded.line(key),
                f"did you mean `{close[0]}`? (as written, only templates see it, as "
                f"`extra.{key}`)"))


def _text(doc: Document, path: Path, key: str, problems: list[Problem]) -> str:
    """A text value.  A number is taken as it was typed (`title: 2024` is "2024", `slug: 0x1F`
    is "0x1F", not YAML's 31): the one coercion, documented, since nothing is lost by it."""
    value = doc.meta.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.append(Problem(f"`{key}` must be text", path, doc.loaded.line(key)))
        return ""
    if not isinstance(value, str):
        value = doc.loaded.written.get((key,), str(value))
    return value.strip()


def url_problem(value: str, site_paths: bool) -> str | None:
    """Why `value` is not a web address (or, with `site_paths`, a `/path` on this site) that
    is safe to link to; None when it is.  No `javascript:`, `data:`, `file:`, no address
    without a host (`https:x`), no protocol-relative `//host/x` (it leaves the site)."""
    if re.search(r"[\x00-\x20\x7f\\]", value):
        return "must not hold spaces, control characters or backslashes"
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return "is not a valid address"
    if parts.scheme.lower() in ("http", "https"):
        return None if host else "has no host name (write it as `https://host/path`)"
    if site_paths and not parts.scheme and value.startswith("/") and not value.startswith("//"):
        return None
    return "must be an http(s) address" + (" or a path starting with `/`" if site_paths else "")


def _extra_values(value: Any, where: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...],
                                                                                 str]]:
    """Every text value under `value` with its key path (nesting is bounded by the parser)."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _extra_values(item, (*where, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _extra_values(item, (*where, index))


def _extra_value_problem(name: str, value: str) -> str | None:
    """Why a text value of `extra` (under key `name`) is unsafe for a template to link to."""
    if URL_KEY_RE.search(name):
        return url_problem(value.strip(), site_paths=True)
    if SCRIPT_SCHEME_RE.match(html.unescape(value).replace("\t", "").replace("\n", "")):
        return "must not be a script or local-file address"
    return None


def _extra_urls(doc: Document, path: Path, problems: list[Problem]) -> None:
    """Templates may put any `extra` value in a link: an address-like key (`image`,
    `canonical_url`) must be a safe address, and no value may be a script address."""
    for key in doc.meta:
        if key in KNOWN_KEYS and key != "extra":
            continue
        for where, value in _extra_values(doc.meta[key], (key,)):
            name = next((k for k in reversed(where) if isinstance(k, str)), key)
            reason = _extra_value_problem(name, value)
            if reason is not None:
                shown = ".".join(str(k) for k in where)
                problems.append(Problem(
                    f"`{shown}` {reason}", path, doc.loaded.line(*where),
                    "e.g. `https://example.org/picture.jpg`, or `/images/a.jpg` on this site"))


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


def _strict_date(value: Any) -> dt.date | None:
    """A date, or a text that is wholly an ISO date or date-time (`2024-01-01garbage` is not)."""
    if not isinstance(value, str):
        return as_date(value)
    for parse_iso in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            found = parse_iso(value.strip())
        except ValueError:
            continue
        return found.date() if isinstance(found, dt.datetime) else found
    return None


def _date(doc: Document, key: str, path: Path, problems: list[Problem]) -> dt.date | None:
    if doc.meta.get(key) is None:
        return None
    date = _strict_date(doc.meta[key])
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
    wrong = slug_problem(slug)
    if wrong is not None:
        line = doc.loaded.line("slug") if "slug" in doc.meta else 1
        shown = slug if len(slug) <= 60 else slug[:60] + "…"
        problems.append(Problem(f"slug `{shown}` {wrong[0]}", path, line, wrong[1]))
    date = _date(doc, "date", path, problems)
    updated = _date(doc, "updated", path, problems)
    tags = _tags(doc, path, problems)
    aliases = _aliases(doc, path, problems)
    extra = _extra(doc, path, problems)
    values = {key: _text(doc, path, key, problems) for key in TEXT_KEYS}
    url = url_problem(values["url"], site_paths=False) if values["url"] else None
    if url is not None:
        problems.append(Problem(f"`url` {url}", path, doc.loaded.line("url")))
    _extra_urls(doc, path, problems)
    topics = _topics(doc, path, config, problems)
    draft = doc.meta.get("draft", False)
    if not isinstance(draft, bool):
        problems.append(Problem("`draft` must be true or false", path, doc.loaded.line("draft")))
    if problems:
        raise ContentError(*problems)
    _warn_unknown_keys(doc, path)
    key = cache.key(doc.body, config.base_path)
    entry = rendered.get(key) if rendered else None
    if entry is None:
        fresh = render(doc.body, config.base_path)
        entry = (fresh.html, fresh.text, fresh.headings, "")
    html, plain, headings, _ = entry
    return Article(
        slug=slug, title=title, path=path, packed_html=pack_html(html),
        text=plain, headings=headings, date=date, topics_set=topics,
        word_count=len(WORD_RE.findall(plain)), extra=MappingProxyType(extra),
        draft=draft is True, tags=tags, aliases=aliases, updated=updated,
        source=values["source"], author=values["author"], url=values["url"],
        summary=values["summary"],
    ), key


def read_article(path: Path, shown: Path) -> str:
    """The text of the article file at `path` (named `shown` in messages), decoded; raise
    ContentError when it cannot be read or decoded."""
    try:
        return decode(path.read_bytes(), shown)
    except OSError as exc:
        raise ContentError(Problem(f"cannot read: {exc.strerror}", shown)) from None


def load_articles(config: SiteConfig, drafts: bool = False, jobs: int | None = None,
                  render_cache: cache.RenderCache | None = None,
                  progress: Progress = QUIET) -> list[Article]:
    """Load every article (`draft: true` ones only when `drafts`; across `jobs` processes,
    see `readsite.workers`); raise one ContentError with the problems of all files (drafts
    are validated either way)."""
    from readsite.workers import load_many

    files = [(path, _shown(path, config.root))
             for path in article_files(config.content_dir, config.root)]
    problems: list[Problem] = []
    articles: list[Article] = []
    known = render_cache.entries if render_cache is not None else None
    tick = progress.stage("loading", len(files), "articles")
    for result in load_many(files, config, jobs, known, tick):
        if isinstance(result, ReadsiteError):
            problems.extend(result.problems)
            continue
        article, key, entry = result
        articles.append(article)
        if render_cache is not None:
            render_cache.use(key, entry)
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
