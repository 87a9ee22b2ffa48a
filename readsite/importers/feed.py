"""RSS, Atom and JSON feeds: one article per entry.

RSS and Atom are read by feedparser (every dialect, and broken XML); JSON Feed 1.0/1.1,
which feedparser does not read, with `json`.  An entry's full text is used when the feed has
it (RSS `content:encoded`, Atom `<content>`, JSON `content_html`/`content_text`); otherwise its
summary, followed by a link to the original.  With `--fetch`, each entry's page is fetched
and extracted instead (`page`), the feed filling in what the page does not state.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from readsite.errors import ImportRefused, Problem, ReadsiteError
from readsite.importers.footers import drop_feed_footers
from readsite.importers.html import clean, extract_markdown, normaliser_trace, restore_dek
from readsite.importers.page import read_page_info
from readsite.importers.pagemeta import http_url, iso_date
from readsite.importers.record import Imported
from readsite.importers.tidy import tidy
from readsite.normalise import SiteRules, finish_title, first_sentences
from readsite.normalise.trace import Trace

JSON_FEED = "https://jsonfeed.org/version/"
"""How every JSON Feed's `version` starts."""


def looks_like_feed(data: bytes) -> bool:
    """Whether bytes start like an RSS, Atom, RDF or JSON feed."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return b"jsonfeed.org/version" in head
    lower = head.lower()
    if not lower.startswith(b"<"):
        return False
    return any(tag in lower for tag in (b"<rss", b"<feed", b"<rdf:rdf")) and b"<html" not in lower


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry, whatever the feed format."""

    key: str
    """Its id (guid), else its link, else its position."""
    title: str
    link: str
    authors: tuple[str, ...]
    published: dt.date | None
    updated: dt.date | None
    content: str
    """Full text, HTML ("" if the feed has only a summary)."""
    summary: str
    """Summary, HTML."""
    tags: tuple[str, ...]
    format: str
    """"rss", "atom" or "json" (for the rule names of `--explain`)."""


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title and entries."""

    title: str
    entries: tuple[Entry, ...]
    link: str = ""
    """Its home page (RSS `<link>`, Atom `<link rel="alternate">`, JSON `home_page_url`)."""

    @property
    def source(self) -> str:
        """The publication the feed is of: its title without a section word."""
        return feed_source(self.title, self.link)


SECTION_WORDS = frozenset({
    "news", "latest news", "blog", "weblog", "the blog", "our blog", "articles", "posts",
    "all posts", "blog posts", "latest posts", "updates", "latest updates", "news and updates",
    "news & updates", "press", "press releases", "press release", "newsroom", "podcast",
    "latest", "rss", "feed", "rss feed", "atom feed", "journal", "stories", "features",
    "nachrichten", "neuigkeiten", "aktuelles", "aktuell", "artikel", "beiträge",
    "pressemitteilungen", "presse", "actualités", "actus", "nouvelles", "billets",
    "communiqués de presse", "communiqués", "noticias", "artículos", "entradas", "novedades",
    "comunicados de prensa", "notizie", "articoli", "novità", "comunicati stampa",
    "notícias", "nieuws", "berichten"})
"""Words that name a feed's section, not its publication ("Harbour Lab — News")."""
TRAILING_SECTION_WORDS = frozenset({"blog", "weblog", "rss", "feed", "rss feed", "atom feed"})
"""Section words that may end a feed's title without a separator ("Harbour Lab Blog"); not
"News", which ends many an outlet's own name ("Valley News")."""
FEED_TITLE_SEPARATORS = (" — ", " – ", " - ", " | ", ": ", " :: ", " · ", " » ", " › ")
NOT_A_NAME = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their", "official",
                        "company", "latest", "all", "new"})
"""Words that alone name no publication ("The Blog" is not the blog of "The")."""


def _squashed(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _is_name(text: str) -> bool:
    """Whether what is left of a feed's title can be a publication's name: some word that is
    not a determiner, and not a possessive ("Seth's Blog" is the blog's own name)."""
    words = text.split()
    return (any(w.casefold() not in NOT_A_NAME and any(c.isalpha() for c in w) for w in words)
            and text.casefold() not in SECTION_WORDS
            and not text.casefold().endswith(("'s", "\u2019s")))


def feed_source(title: str, link: str = "") -> str:
    """A feed's title as the publication a reader would cite: "<Name> — News",
    "<Name> | Blog", "News – <Name>", "<Name>: Press releases" and "<Name> Blog" give the
    name; a title with no section word ("Notes on Harbours") is kept, and so is one the
    feed's home page is named after (harbourlabblog.example for "Harbour Lab Blog")."""
    title = " ".join(title.split())
    host = (urlsplit(link).hostname or "").removeprefix("www.")
    if host and _squashed(host.rsplit(".", 1)[0]) == _squashed(title):
        return title
    for separator in FEED_TITLE_SEPARATORS:
        head, sep, tail = title.partition(separator)
        if not sep or separator in tail:
            continue
        for name, section in ((head, tail), (tail, head)):
            if section.strip().casefold() in SECTION_WORDS and _is_name(name.strip()):
                return name.strip()
    words = title.split()
    for size in (2, 1):
        name = " ".join(words[:-size]).rstrip(" ,:–—-|")
        if " ".join(words[-size:]).casefold() in TRAILING_SECTION_WORDS and _is_name(name):
            return name
    return title


def _date(value: Any) -> dt.date | None:
    """A date from feedparser's struct_time (or None)."""
    try:
        return dt.date(value[0], value[1], value[2]) if value else None
    except (TypeError, ValueError, IndexError):
        return None


EMAIL_NAME_RE = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")
NAME_EMAIL_RE = re.compile(r"^(?P<name>[^<>@]+?)\s*<\S+@\S+>$")


def person(value: str) -> str:
    """An author's name from an RSS `<author>` ("ana@x.example (Ana Ruiz)", "Ana Ruiz
    <ana@x.example>"); a bare address gives "" (an address is not a byline)."""
    value = " ".join(value.split())
    for pattern in (EMAIL_NAME_RE, NAME_EMAIL_RE):
        match = pattern.match(value)
        if match:
            return match.group("name").strip().strip("\"'")
    return "" if "@" in value and " " not in value else value


def plain(html: str) -> str:
    """HTML as plain text on one line."""
    return " ".join(read_page_info(f"<body>{html}</body>").blocks) if "<" in html else " ".join(
        html.split())


def parse_rss(data: bytes, path: Path) -> Feed:
    """An RSS or Atom feed, by feedparser."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    entries: list[Entry] = []
    version = str(parsed.get("version", ""))
    kind = "atom" if version.startswith("atom") else "rss"
    for n, item in enumerate(parsed.entries, 1):
        contents = [c for c in item.get("content", []) if str(c.get("value", "")).strip()]
        html_first = sorted(contents, key=lambda c: "html" not in str(c.get("type", "")))
        raw_author = " ".join(str(item.get("author", "")).split())
        authors = tuple(str(a.get("name", "")).strip() for a in item.get("authors", [])
                        if str(a.get("name", "")).strip())
        if "@" in raw_author or not authors:  # RSS <author> is "email (Name)"
            authors = tuple(n for n in (person(raw_author),) if n)
        link = str(item.get("link", ""))
        entries.append(Entry(
            str(item.get("id", "") or link or f"entry-{n}"), plain(str(item.get("title", ""))),
            link, authors, _date(item.get("published_parsed")),
            _date(dict.get(item, "updated_parsed")),
            str(html_first[0].get("value", "")) if html_first else "",
            str(item.get("summary", "")),
            tuple(str(t.get("term", "")) for t in item.get("tags", []) if t.get("term")), kind))
    if not entries:
        problem = parsed.get("bozo_exception")
        why = f"not a feed that can be read ({problem})" if problem else "the feed has no entries"
        raise ImportRefused.at(path, None, why, "check it opens in a feed reader")
    return Feed(plain(str(parsed.feed.get("title", ""))), tuple(entries),
                str(parsed.feed.get("link", "")))


def _json_names(value: Any) -> tuple[str, ...]:
    """Author names from JSON Feed `authors` (1.1) or `author` (1.0)."""
    items = value if isinstance(value, list) else [value]
    return tuple(str(a["name"]).strip() for a in items
                 if isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip())


def parse_json_feed(data: bytes, path: Path) -> Feed:
    """A JSON Feed (https://jsonfeed.org/version/1.1)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        raise ImportRefused.at(path, None, f"not valid JSON: {exc}") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
            JSON_FEED):
        raise ImportRefused.at(path, None, "JSON that is not a JSON Feed",
                               "readsite imports JSON Feeds (https://jsonfeed.org)")
    items = document.get("items")
    entries: list[Entry] = []
    feed_authors = _json_names(document.get("authors") or document.get("author"))
    for n, item in enumerate(items if isinstance(items, list) else [], 1):
        if not isinstance(item, dict):
            continue

        def text(key: str, item: dict[str, Any] = item) -> str:
            value = item.get(key)
            return value if isinstance(value, str) else ""

        content = text("content_html") or "".join(
            f"<p>{escape(p)}</p>" for p in text("content_text").split("\n\n") if p.strip())
        link = text("url") or text("external_url")
        tags = item.get("tags")
        entries.append(Entry(
            str(item.get("id", "") or link or f"entry-{n}"), plain(text("title")), link,
            _json_names(item.get("authors") or item.get("author")) or feed_authors,
            iso_date(text("date_published")), iso_date(text("date_modified")), content,
            escape(text("summary")),
            tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
            "json"))
    if not entries:
        raise ImportRefused.at(path, None, "the feed has no entries")
    title, home = document.get("title"), document.get("home_page_url")
    return Feed(plain(title) if isinstance(title, str) else "", tuple(entries),
                home if isinstance(home, str) else "")


def escape(text: str) -> str:
    """Plain text made safe to put in HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse_feed(data: bytes, path: Path) -> Feed:
    """A feed of any kind, by its content."""
    if data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip().startswith((b"{", b"[")):
        return parse_json_feed(data, path)
    return parse_rss(data, path)


CUT_MARK_RE = re.compile(r"\s*\\?\[\s*(?:…|\.\.\.)\s*\\?\]$")
"""The mark a blog platform ends a cut-short summary with ("… to decide [&#8230;]"): shown as
an ellipsis, since the link to the whole article follows."""


def entry_body(entry: Entry) -> tuple[str, bool]:
    """(Markdown, whether it is the whole article) for an entry."""
    for html, whole in ((entry.content, True), (entry.summary, False)):
        if not html.strip():
            continue
        markdown = extract_markdown(html, entry.link, fragment=True) or "\n\n".join(
            read_page_info(f"<body>{html}</body>").blocks)
        if markdown.strip():
            return markdown, whole
    return "", False


def source_rule(feed: Feed) -> str:
    """How the feed's source was found, for `--explain`."""
    return "feed title" if feed.source == feed.title else "feed title without its section word"


def read_entry(entry: Entry, feed: Feed, path: Path, rules: SiteRules | None = None) -> Imported:
    """One entry as an article: its full text, or its summary and a link to the original."""
    markdown, whole = entry_body(entry)
    markdown, footers = drop_feed_footers(markdown)
    link = http_url(entry.link)
    if not whole:
        markdown = CUT_MARK_RE.sub("…", markdown.rstrip())
    if not whole and link:
        host = urlsplit(link).hostname or link
        markdown = f"{markdown}\n\n[Read the whole article at {host}]({link})".strip()
    if not markdown:
        raise ImportRefused.at(path, None, f"the entry `{entry.title or entry.key}` has no text",
                               "pass --fetch to import the page it links to")
    tidied = tidy(markdown, entry.title)
    found = clean(tidied.markdown, entry.title, rules, feed.source)
    if whole:  # an entry's content is its whole text: the summary may repeat its opening
        found = restore_dek(found)
    rule = entry.format
    trace = [Trace("found", f"{rule}: {name}", value, key) for key, name, value in (
        ("title", "title", entry.title), ("author", "author", ", ".join(entry.authors)),
        ("source", source_rule(feed), feed.source),
        ("date", "published", entry.published.isoformat() if entry.published else ""),
        ("url", "link", link)) if value]
    summary = plain(entry.summary) if whole and entry.summary else found.summary
    if whole and entry.summary:
        trace.append(Trace("found", f"{rule}: summary", first_sentences(summary), "summary"))
    trace.extend(normaliser_trace(found, {t.field for t in trace}))
    trace.extend(tidied.trace)
    trace.extend(footers)
    notes: tuple[Problem, ...] = ()
    if not whole:
        notes = (Problem(f"the feed has only a summary of `{entry.title or entry.key}`; "
                         "imported it with a link to the original", path, None,
                         "pass --fetch to import the whole article from its page"),)
    return Imported(
        finish_title(entry.title or found.title), found.body, path,
        date=entry.published or entry.updated or found.date,
        updated=entry.updated if entry.published and entry.updated != entry.published else None,
        author=", ".join(entry.authors) or found.author, source=feed.source or found.source,
        url=link, summary=first_sentences(summary) if summary else "", tags=entry.tags,
        key=entry.key, notes=notes, trace=tuple(trace))


def with_feed(page: Imported, entry: Entry, feed: Feed, path: Path) -> Imported:
    """A fetched page's record, with the feed's values where the page states none."""
    link = http_url(entry.link)
    extra = [Trace("found", f"{entry.format}: {name}", value, key) for key, name, value, mine in (
        ("title", "title", entry.title, page.title), ("author", "author",
                                                      ", ".join(entry.authors), page.author),
        ("source", source_rule(feed), feed.source, page.source)) if value and not mine]
    return replace(
        page, source_path=path, key=entry.key, url=page.url or link,
        title=page.title or finish_title(entry.title), author=page.author or ", ".join(
            entry.authors), source=page.source or feed.source,
        date=page.date or entry.published, tags=page.tags or entry.tags,
        trace=(*page.trace, *extra))


def read_feed(data: bytes, path: Path, page: Callable[[str], Imported] | None = None,
              rules: SiteRules | None = None) -> tuple[list[Imported], list[Problem]]:
    """(an article per entry, the entries refused) — with `page`, each entry's linked page
    is fetched and extracted by it instead of taking the feed's text (`rules`: site.yaml's
    `import:` boilerplate)."""
    feed = parse_feed(data, path)
    records: list[Imported] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in feed.entries:
        if entry.key in seen:
            continue
        seen.add(entry.key)
        try:
            if page is not None and http_url(entry.link):
                records.append(with_feed(page(http_url(entry.link)), entry, feed, path))
            else:
                records.append(read_entry(entry, feed, path, rules))
        except ReadsiteError as exc:
            problems.extend(exc.problems)
    return records, problems
