"""Find the inputs of `readsite import` and read each with the importer its content calls for.

A folder is walked recursively, as a blog's source tree: the generator's own machinery
(`_layouts/`, `themes/`, `static/`, `.git/` ...) is not descended into, files that are not
articles (Hugo `_index.md` section files, a Jekyll site's `index.md`, READMEs) are skipped
with a note, and every other text file is read.  The format is decided by content, not only
by suffix: `---`/`+++` front matter, a Pelican `Title:` header, a WordPress WXR export,
reStructuredText, a saved web page (`<!doctype html`), an RSS/Atom/JSON feed, or plain pasted
text for the normaliser.  An `http(s)://` address is fetched (`url`) and read as the page or
feed it turns out to be.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from readsite.errors import ImportRefused, Problem, ReadsiteError
from readsite.importers import feed, html, markdown, page, pelican, text, url, wordpress
from readsite.importers.record import Imported
from readsite.importers.sites import site_of
from readsite.normalise import SiteRules

ARTICLE_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown", ".mdown", ".rst",
                              ".xml"})
"""Suffixes read as articles (anything else in a blog's tree is a file an article may use);
no suffix only when the file is named on the command line (a folder has Makefiles, Gemfiles)."""
SKIP_DIRS = frozenset({"_layouts", "_includes", "_sass", "_site", "_data", "_plugins",
                       "node_modules", "layouts", "themes", "theme", "static", "assets",
                       "archetypes", "resources", "i18n", "data", "public", "output",
                       "plugins", "__pycache__"})
"""Folders that hold a generator's machinery or files, never articles."""
NAMED_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".rss", ".atom", ".json"})
"""Saved pages and feeds: read when named on the command line, never found in a folder (a
blog's tree is full of layouts and data files with these suffixes)."""
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "contributing",
                          "code_of_conduct", "security"})
"""File stems that are about the repository, not posts."""


@dataclass(frozen=True, slots=True)
class Input:
    """One article read from an input, with where it came from."""

    record: Imported
    """What the importer read."""
    origin: str
    """`imported_from`: its path relative to the folder imported, or `file.xml#wp:12`."""
    root: Path
    """The folder the user named (or the file's own folder)."""
    body_line: int = 1
    """Line of the source file where the body starts (for notes' line numbers)."""
    hosts: tuple[str, ...] = ()
    """Hosts the old site answered on, when the input says (a WXR export does)."""
    templated: bool = True
    """Whether it came from a generator, whose template syntax is converted (a clipping's
    text is left as the normaliser made it)."""


@dataclass(frozen=True, slots=True)
class Options:
    """How web addresses are fetched."""

    timeout: float = url.DEFAULT_TIMEOUT
    """Seconds one fetch may take."""
    max_bytes: int = url.DEFAULT_MAX_BYTES
    """Largest response read."""
    fetch_entries: bool = False
    """Fetch and extract each feed entry's page instead of taking the feed's text."""
    rules: SiteRules | None = None
    """site.yaml's `import:` boilerplate, for every reader that calls the normaliser."""


DEFAULT_OPTIONS = Options()


def walk(paths: Sequence[Path], into: Path) -> tuple[list[tuple[Path, Path]], list[Problem],
                                                      list[Problem]]:
    """([(root, file)], skipped, refused) for the paths given on the command line."""
    found: list[tuple[Path, Path]] = []
    skipped: list[Problem] = []
    refused: list[Problem] = []
    target = into.resolve()
    for path in paths:
        if path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES | NAMED_SUFFIXES:
                found.append((path.parent, path))
            else:
                refused.append(Problem(f"cannot import `{path.suffix}` files", path, None,
                                       "supported: .md, .markdown, .txt, .rst, .html, a feed "
                                       "(.xml, .rss, .atom, .json), a WordPress .xml export, "
                                       "an http(s):// address, or no suffix"))
            continue
        if not path.is_dir():
            refused.append(Problem("no such file or folder", path, None,
                                   "check the path you passed to `readsite import`"))
            continue
        for child in sorted(path.rglob("*")):
            rel = child.relative_to(path)
            folders = rel.parts[:-1]
            if (not child.is_file() or child.resolve().is_relative_to(target)
                    or any(p.startswith(".") or p in SKIP_DIRS for p in folders)
                    or child.name.startswith(".")
                    or child.suffix.lower() not in ARTICLE_SUFFIXES - {""}):
                continue
            reason = not_an_article(child)
            if reason:
                skipped.append(Problem(f"skipped: {reason}", child))
            else:
                found.append((path, child))
    return found, skipped, refused


def not_an_article(path: Path) -> str:
    """Why a file in a blog's tree is not an article, or ""."""
    if path.name.startswith("_index."):
        return "a Hugo section file (its list page is built from the articles)"
    if path.stem.lower() in NOT_ARTICLES:
        return "a repository file, not a post"
    site = site_of(path.parent)
    if site.kind == "jekyll" and site.root == path.parent and path.stem in ("index", "404"):
        return "the old site's home or 404 page (readsite makes its own)"
    if path.suffix.lower() == ".xml" and b"wordpress.org/export" not in _head(path):
        return "XML that is not a WordPress export"
    return ""


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(4096)
    except OSError:
        return b""


def decode(data: bytes, path: Path) -> str:
    """The input as text; ImportRefused naming the file and line if it is not UTF-8."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRefused.at(path, line, "the file is not UTF-8 text",
                               "convert it first, e.g. `iconv -f latin1 -t utf-8`") from None


Read = tuple[list[Imported], list[Problem], tuple[str, ...], str]
"""(records, notes, old hosts, kind) — kind is "page", "feed", "wxr" or "" (one text file)."""


def read_file(path: Path, options: Options = DEFAULT_OPTIONS) -> Read:
    """(records, notes, old hosts, kind) from one file, by its content."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused.at(path, None, f"cannot read the file: {exc.strerror or exc}") from None
    suffix = path.suffix.lower()
    if suffix == ".xml" and b"wordpress.org/export" in data[:65536]:
        records, notes = wordpress.read_wxr(data, path)
        hosts = tuple(sorted({urlsplit(r.extra.get("wp_link", "")).hostname or ""
                              for r in records} - {""}))
        return records, notes, hosts, "wxr"
    if suffix in (".xml", ".rss", ".atom", ".json", "") and feed.looks_like_feed(data):
        records, notes = feed.read_feed(data, path, page_reader(path, options),
                                        options.rules)
        return records, notes, (), "feed"
    if suffix == ".xml":
        records, notes = wordpress.read_wxr(data, path)
        return records, notes, (), "wxr"
    if suffix == ".json":
        raise ImportRefused.at(path, None, "JSON that is not a JSON Feed",
                               "readsite imports JSON Feeds (https://jsonfeed.org)")
    if suffix in HTML_SUFFIXES or page.looks_like_html(data):
        return [html.read_page(page.decode_page(data), path, rules=options.rules)], [], (), "page"
    if suffix in (".rss", ".atom"):
        raise ImportRefused.at(path, None, "not an RSS or Atom feed",
                               "check the file is the feed itself, not a page about it")
    raw = decode(data, path)
    if not raw.strip():
        raise ImportRefused.at(path, None, "the file holds no article text")
    if suffix == ".rst":
        return [pelican.read_rst(raw, path)], [], (), ""
    if raw.startswith(("---\n", "+++\n")) or raw.rstrip() == "---":
        return [markdown.read(raw, path)], [], (), ""
    if pelican.looks_like_pelican(raw):
        return [pelican.read_pelican(raw, path)], [], (), ""
    if suffix in (".md", ".markdown", ".mdown"):
        return [markdown.read(raw, path)], [], (), ""
    return [text.read(raw, path, options.rules)], [], (), ""


def page_reader(path: Path, options: Options) -> Callable[[str], Imported] | None:
    """With `--fetch`, what reads a feed entry's page from its address."""
    if not options.fetch_entries:
        return None
    return lambda address: read_url(address, options, path)[0][0]


def url_path(address: str) -> Path:
    """A stand-in file name for an address (for titles of last resort and messages)."""
    parts = urlsplit(address)
    name = parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.hostname or "page"
    return Path(name.replace("\\", "_") or "page")


def read_url(address: str, options: Options, path: Path | None = None) -> tuple[
        list[Imported], list[Problem], str]:
    """(records, notes, kind) from a web address: a page, or a feed's entries; a refusal
    names the address."""
    fetched = url.fetch_article(address, timeout=options.timeout, max_bytes=options.max_bytes)
    where = path or url_path(fetched.url)
    try:
        if fetched.kind == "feed":
            records, notes = feed.read_feed(fetched.data, where, page_reader(where, options),
                                           options.rules)
            return records, notes, "feed"
        record = html.read_page(page.decode_page(fetched.data, fetched.charset), where,
                                url=fetched.url, rules=options.rules)
    except ImportRefused as exc:
        raise ImportRefused(*(replace(p, path=None, message=f"{address}: {p.message}")
                              if p.path == where else p for p in exc.problems)) from None
    return [record], [], "page"


def body_line(raw: str, body: str) -> int:
    """The line of `raw` where `body` starts (1 when it cannot be found)."""
    start = raw.find(body[:200]) if body else -1
    return raw.count("\n", 0, start) + 1 if start >= 0 else 1


def read_inputs(paths: Sequence[Path | str], into: Path, options: Options = DEFAULT_OPTIONS
                ) -> tuple[list[Input], list[Problem], list[Problem], list[Problem]]:
    """(articles, skipped, refused, notes) for everything the user named: paths and
    http(s) addresses."""
    addresses = [str(p) for p in paths if isinstance(p, str) and url.is_url(p)]
    files, skipped, refused = walk([Path(p) for p in paths
                                    if not (isinstance(p, str) and url.is_url(p))], into)
    items: list[Input] = []
    warnings: list[Problem] = []
    for address in addresses:
        try:
            records, notes, kind = read_url(address.strip(), options)
        except ReadsiteError as exc:
            refused.extend(exc.problems)
            continue
        if kind == "page":
            items.append(Input(records[0], address.strip(), Path.cwd(), templated=False))
            continue
        refused.extend(notes)
        items.extend(Input(r, r.url or f"{address.strip()}#{r.key}", Path.cwd(),
                           templated=False) for r in records)
    for root, path in files:
        key = path.relative_to(root).as_posix()
        try:
            records, notes, hosts, kind = read_file(path, options)
        except ReadsiteError as exc:
            refused.extend(exc.problems)
            continue
        if kind == "page":
            items.append(Input(records[0], key, root, templated=False))
            continue
        if kind == "feed":
            refused.extend(notes)
            items.extend(Input(r, r.url or f"{key}#{r.key}", root, templated=False)
                         for r in records)
            continue
        if len(records) == 1 and kind != "wxr":
            raw = path.read_text(encoding="utf-8", errors="replace")
            record = replace(records[0], key=key, notes=(*records[0].notes, *notes))
            templated = path.suffix.lower() not in ("", ".txt", ".text") or raw.startswith(
                ("---\n", "+++\n")) or pelican.looks_like_pelican(raw)
            items.append(Input(record, key, root, body_line(raw, record.body), hosts,
                               templated))
            continue
        if notes and not records:
            refused.extend(notes)
            continue
        warnings.extend(notes)
        for record in records:
            items.append(Input(record, f"{key}#{record.key}", root, 1, hosts))
    return items, skipped, refused, warnings
