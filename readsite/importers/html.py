"""Saved web pages (.html, .htm, or any file that starts like HTML): the article and its metadata.

The main text is found by trafilatura (a maintained extractor, not hand-written rules) and
comes out as Markdown; it then goes through the normaliser like pasted text, for the
boilerplate an extractor keeps.  Metadata comes from what the page states, each value with
the rule that found it: `<meta>` tags (og:title, og:site_name, author,
article:published_time, description), JSON-LD (Article/NewsArticle/BlogPosting: headline,
author, publisher, datePublished, description), then htmldate, and only then the
normaliser's guesses.  Every text block of the page the extractor left out is recorded as a
dropped line (`extractor: not main text`), so `--explain` shows what did not make it.

trafilatura is imported only when a page is read: it takes a while to load, and most
commands never need it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from readsite.errors import ImportRefused
from readsite.importers.record import Imported
from readsite.normalise import (
    Normalised,
    finish_title,
    first_sentences,
    normalise_markdown,
    same_line,
)
from readsite.normalise.trace import Trace

SNIFF_BYTES = 4096
"""How much of a file is looked at to tell HTML (and its charset) from other text."""
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head",
                          "object", "canvas", "select", "option"})
"""Elements whose text is never part of what a reader sees as the page."""
BLOCK_TAGS = frozenset({"p", "div", "section", "article", "aside", "header", "footer", "nav",
                        "main", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table",
                        "blockquote", "pre", "figure", "figcaption", "form", "h1", "h2", "h3",
                        "h4", "h5", "h6", "br", "hr", "body", "html", "address", "details",
                        "summary", "button", "label", "caption"})
"""Elements that start a new line of text (used to list the blocks the extractor left out)."""
ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle",
                           "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
                           "backgroundnewsarticle", "scholarlyarticle", "techarticle",
                           "report", "socialmediaposting", "liveblogposting"})
"""JSON-LD `@type`s (lower-cased) that describe the article itself."""
MIN_WORDS = 3
"""Fewest words of the page's visible text the extracted article must have (a `<noscript>`
"enable JavaScript" notice alone is not an article)."""
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "source", "track", "wbr"})


def looks_like_html(data: bytes) -> bool:
    """Whether a file's bytes start like an HTML page (`<!doctype html`, `<html`, `<head`)."""
    head = data[:SNIFF_BYTES]
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(codec, "replace").encode("ascii", "replace")
    head = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    while head.startswith((b"<!--", b"<?xml")):  # a leading comment or XML declaration
        end = head.find(b"-->" if head.startswith(b"<!--") else b"?>")
        if end < 0:
            return False
        head = head[end + 3 if head.startswith(b"<!--") else end + 2:].lstrip()
    return head.startswith((b"<!doctype html", b"<html", b"<head"))


class _Charset(HTMLParser):
    """Finds `<meta charset>` or `<meta http-equiv="content-type" content="...charset=X">`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.charset = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta" or self.charset:
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        if values.get("charset"):
            self.charset = values["charset"].strip()
        elif values.get("http-equiv", "").lower() == "content-type":
            self.charset = charset_of(values.get("content", ""))


def charset_of(content_type: str) -> str:
    """The `charset=` of a Content-Type value ("" if none)."""
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return ""


def _codec(name: str) -> str:
    """A Python codec for a declared charset, or "" if Python does not know it."""
    try:
        codec = codecs.lookup(name.strip()).name
    except (LookupError, ValueError):
        return ""
    # A page that could be read far enough to declare UTF-16 is not UTF-16 (HTML spec).
    return "utf-8" if codec.startswith("utf-16") or codec.startswith("utf-32") else codec


def decode_page(data: bytes, declared: str = "") -> str:
    """A page's text: by its byte-order mark, else the server's charset, else its
    `<meta charset>`, else UTF-8, else Windows-1252 (what browsers assume)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    codec = _codec(declared) if declared else ""
    if not codec:
        finder = _Charset()
        finder.feed(data[:SNIFF_BYTES].decode("ascii", "replace"))
        codec = _codec(finder.charset) if finder.charset else ""
    if codec:
        return data.decode(codec, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


@dataclass(slots=True)
class Page:
    """What a page states about itself, read with the standard library's HTML parser."""

    title: str = ""
    """The `<title>` text."""
    meta: dict[str, str] = field(default_factory=dict)
    """`<meta name|property=K content=V>` (keys lower-cased; the first of each wins)."""
    canonical: str = ""
    """`<link rel="canonical" href>`."""
    json_ld: list[str] = field(default_factory=list)
    """The text of each `<script type="application/ld+json">`."""
    blocks: list[str] = field(default_factory=list)
    """Every visible line of text, one per block element."""
    h1: list[str] = field(default_factory=list)
    """The text of each `<h1>`."""


class _PageParser(HTMLParser):
    """Collects a `Page` in one pass; never raises on broken markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.skipping: list[str] = []
        self.text: list[str] = []
        self.capture = ""  # "title", "json", "h1" while inside one
        self.captured: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop")
                   or "").strip().lower()
            if key and values.get("content", "").strip():
                self.page.meta.setdefault(key, values["content"].strip())
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.page.canonical = self.page.canonical or values.get("href", "").strip()
            return
        if tag == "title" and not self.page.title:
            self.capture, self.captured = "title", []
            return
        if tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self.capture, self.captured = "json", []
        if tag in SKIPPED_TAGS and tag not in VOID_TAGS:
            self.skipping.append(tag)
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if tag == "h1" and not self.skipping:
            self.capture, self.captured = "h1", []

    def handle_endtag(self, tag: str) -> None:
        if self.capture == "title" and tag == "title":
            self.page.title = " ".join("".join(self.captured).split())
            self.capture = ""
        if self.capture == "json" and tag == "script":
            self.page.json_ld.append("".join(self.captured))
            self.capture = ""
        if self.skipping and tag in SKIPPED_TAGS:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if self.capture == "h1" and tag == "h1":
            self.page.h1.append(" ".join("".join(self.captured).split()))
            self.capture = ""
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.capture:
            self.captured.append(data)
        if not self.skipping:
            self.text.append(data)

    def flush(self) -> None:
        """End the current line of visible text."""
        line = " ".join("".join(self.text).split())
        if line:
            self.page.blocks.append(line)
        self.text = []


def read_page_info(html: str) -> Page:
    """The metadata, JSON-LD and visible text blocks of a page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.page


# --------------------------------------------------------------------------- metadata


@dataclass(frozen=True, slots=True)
class Found:
    """One metadata value and the rule that found it."""

    value: str
    rule: str


def _json_objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document (lists and `@graph`s flattened)."""
    if isinstance(value, list):
        for item in value:
            yield from _json_objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _json_objects(value.get("@graph"))


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in names)


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD `author`/`publisher`: a string, an object or a list of them."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() and "://" not in value else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def json_ld_fields(page: Page) -> dict[str, Found]:
    """What the page's JSON-LD article states, by rule name ("json-ld: headline")."""
    found: dict[str, Found] = {}
    for script in page.json_ld:
        try:
            document = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for item in _json_objects(document):
            if not _is_article(item):
                continue
            authors = ", ".join(dict.fromkeys(_names(item.get("author"))))
            publisher = ", ".join(_names(item.get("publisher")))
            for value, rule in (
                (_text(item.get("headline")) or _text(item.get("name")), "headline"),
                (authors, "author"), (publisher, "publisher"),
                (_text(item.get("datePublished")), "datePublished"),
                (_text(item.get("dateModified")), "dateModified"),
                (_text(item.get("description")), "description"),
                (_text(item.get("url")), "url"),
            ):
                if value and f"json-ld: {rule}" not in found:
                    found[f"json-ld: {rule}"] = Found(value, f"json-ld: {rule}")
    return found


PRIORITY: dict[str, tuple[str, ...]] = {
    "title": ("html: og:title", "json-ld: headline", "html: twitter:title"),
    "author": ("html: author", "json-ld: author", "html: article:author",
               "html: parsely-author", "html: dc.creator"),
    "source": ("html: og:site_name", "json-ld: publisher", "html: application-name"),
    "date": ("html: article:published_time", "json-ld: datePublished", "html: datepublished",
             "html: dc.date", "html: date", "html: pubdate"),
    "updated": ("html: article:modified_time", "json-ld: dateModified", "html: datemodified"),
    "summary": ("html: description", "html: og:description", "json-ld: description",
                "html: twitter:description"),
    "url": ("html: og:url", "json-ld: url"),
}
"""For each field, the rules that state it, best first (`html: NAME` is `<meta name=NAME>`)."""


def meta_fields(page: Page) -> dict[str, Found]:
    """Every `html: NAME` rule of PRIORITY whose `<meta>` the page has, by rule name."""
    found: dict[str, Found] = {}
    for key, rules in PRIORITY.items():
        for rule in rules:
            if not rule.startswith("html: "):
                continue
            value = " ".join(page.meta.get(rule.removeprefix("html: "), "").split())
            if key == "author":
                value = "" if "://" in value else value.removeprefix("By ").removeprefix("by ")
            if value:
                found[rule] = Found(value, rule)
    return found


def page_title(page: Page, site: str) -> Found | None:
    """The `<title>` without its " | Site name" tail: the site's name when known, else a
    tail of four words or fewer."""
    title = page.title
    if not title:
        return None
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, sep, tail = title.rpartition(separator)
        short_tail = len(tail.split()) <= 4 and len(tail) < len(head)  # a site's name
        if sep and head and (site.lower() in tail.lower() or same_line(tail, site) if site
                             else short_tail):
            return Found(head.strip(), "html: <title>")
    return Found(title, "html: <title>")


def iso_date(text: str) -> dt.date | None:
    """The date of an ISO 8601 value ("2024-05-17", "2024-05-17T08:30:00Z"), else None."""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def http_url(text: str) -> str:
    """`text` if it is an absolute http(s) address, else ""."""
    text = text.strip()
    return text if text.lower().startswith(("http://", "https://")) and " " not in text else ""


def page_fields(page: Page, html: str, url: str) -> dict[str, Found]:
    """Every field the page states, each from its best rule (PRIORITY), then the `<title>`
    or first `<h1>` for the title and htmldate for the date."""
    candidates = {**json_ld_fields(page), **meta_fields(page)}
    fields: dict[str, Found] = {}
    for key, rules in PRIORITY.items():
        for rule in rules:
            value = candidates.get(rule)
            if value is None or (key in ("date", "updated") and iso_date(value.value) is None):
                continue
            if key == "url" and not http_url(value.value):
                continue
            if key == "summary" and value.value.endswith(("...", "…")):
                continue  # a description cut short makes a poor summary
            fields[key] = value
            break
    if "title" not in fields:
        title = page_title(page, fields["source"].value if "source" in fields else "")
        if title is None and page.h1:
            title = Found(page.h1[0], "html: <h1>")
        if title is not None:
            fields["title"] = title
    if "url" not in fields and http_url(page.canonical):
        fields["url"] = Found(page.canonical, "html: link rel=canonical")
    if url:
        fields["url"] = Found(url, "url: fetched")
    if "date" not in fields:
        found = find_date(html, url)
        if found:
            fields["date"] = Found(found, "htmldate")
    return fields


def find_date(html: str, url: str) -> str:
    """The publication date htmldate finds in the page's markup (not guessed from its text)."""
    from htmldate import find_date as htmldate_find

    try:
        found = htmldate_find(html, url=url or None, extensive_search=False,
                              original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return ""
    return found if isinstance(found, str) else ""


# --------------------------------------------------------------------------- the text


def extract_markdown(html: str, url: str, *, fragment: bool = False) -> str:
    """The main text as Markdown (headings, lists, emphasis, links, images), or ""."""
    import trafilatura

    if fragment:
        html = f"<html><body><article>{html}</article></body></html>"
    text = trafilatura.extract(
        html, url=url or None, output_format="markdown", include_formatting=True,
        include_links=True, include_images=True, include_tables=True, include_comments=False,
        favor_recall=fragment, deduplicate=False)
    return text.strip() if text else ""


def words(text: str) -> str:
    """`text` as lower-case words joined by single spaces (Markdown link targets left out),
    to tell whether a block of the page made it into the extracted text."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return " ".join(re.findall(r"\w+", text.lower()))


def left_out(page: Page, markdown: str, values: list[str]) -> list[str]:
    """The page's visible blocks that are not in the extracted text nor a metadata value."""
    kept = f" {words(markdown)} "
    dropped: list[str] = []
    for block in page.blocks:
        said = words(block)
        if not said or f" {said} " in kept or any(same_line(block, v) for v in values if v):
            continue
        dropped.append(block)
    return dropped


def with_title(markdown: str, title: str) -> str:
    """The Markdown with `# title` first (so the normaliser never takes a paragraph for it)."""
    first = markdown.split("\n\n", 1)[0].lstrip("# ").strip()
    if not title or same_line(first, title):
        return markdown
    return f"# {title}\n\n{markdown}"


def clean(markdown: str, title: str) -> Normalised:
    """The normaliser's pass over extracted Markdown, with the page's title stated first."""
    return normalise_markdown(with_title(markdown, title))


FIELDS = ("title", "author", "source", "date", "updated", "url", "summary")


def normaliser_trace(found: Normalised, stated: set[str]) -> list[Trace]:
    """The normaliser's trace over extracted text, its rules marked `normalise: `: values for
    fields the page does not state, and every line it dropped or rewrote (line numbers are
    of the extracted text, not of the page, so they are left out)."""
    return [replace(t, rule=f"normalise: {t.rule}", line=0) for t in found.trace
            if t.action != "found" or t.field not in stated]


def merge(path: Path, stated: dict[str, Found], found: Normalised, trace: list[Trace]) -> Imported:
    """The record: what the page states wins over the normaliser's guesses (both traced)."""
    guessed: dict[str, str] = {
        "title": found.title, "author": found.author, "source": found.source,
        "date": found.date.isoformat() if found.date else "",
        "updated": found.updated.isoformat() if found.updated else "",
        "url": found.url, "summary": found.summary}
    values: dict[str, str] = {}
    traced = {t.field for t in found.trace if t.action == "found"}
    for key in FIELDS:
        if key in stated:
            values[key] = stated[key].value
            trace.append(Trace("found", stated[key].rule, stated[key].value, key))
        elif guessed[key]:
            values[key] = guessed[key]
            if key not in traced:
                trace.append(Trace("found", "normalise", guessed[key], key))
    trace.extend(normaliser_trace(found, set(stated)))
    summary = values.get("summary", "")
    extra: dict[str, Any] = dict(found.extra)
    if found.title_generated and "title" not in stated:
        extra["title_generated"] = True
    return Imported(
        finish_title(values.get("title", "")), found.body, path,
        date=iso_date(values.get("date", "")), updated=iso_date(values.get("updated", "")),
        author=values.get("author", ""), source=values.get("source", ""),
        url=http_url(values.get("url", "")),
        summary=first_sentences(summary) if summary else "", extra=extra, trace=tuple(trace))


def read_page(html: str, path: Path, url: str = "") -> Imported:
    """A saved or fetched page as an Imported record; ImportRefused if it has no article."""
    page = read_page_info(html)
    stated = page_fields(page, html, url)
    base = url or (stated["url"].value if "url" in stated else "")
    markdown = extract_markdown(html, base)
    visible = set(words(" ".join(page.blocks)).split())
    if len(set(words(markdown).split()) & visible) < MIN_WORDS:
        raise ImportRefused.at(
            path, None, "found no article text in this page",
            "if the page is built by JavaScript, save it after it has loaded, or copy the "
            "article's text into a .txt file and import that")
    title = stated["title"].value if "title" in stated else ""
    found = clean(markdown, title)
    values = [v.value for v in stated.values()] + [found.title, found.author, found.source]
    trace = [Trace("dropped", "extractor: not main text", block)
             for block in left_out(page, markdown, values)]
    return merge(path, stated, found, trace)
