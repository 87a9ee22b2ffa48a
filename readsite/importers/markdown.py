"""Markdown articles from other generators (Jekyll, Hugo, and any `---`/`+++` front matter).

Their front matter already states the metadata, so it is mapped rather than guessed (the
table is in the README: "Moving from Jekyll, Hugo, Pelican, WordPress").  The body is kept
exactly as written — it never goes through the pasted-text normaliser — apart from a first
`# Title` line that only repeats the title.  Template syntax in it is converted later, by
`importers.templating`, for every format alike.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import tomllib
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from readsite import frontmatter
from readsite.errors import ContentError
from readsite.importers import sites
from readsite.importers.record import Imported
from readsite.normalise import finish_title, first_sentences, same_line

TITLE_KEYS = ("title",)
"""Front matter keys naming the title, in order of preference."""
AUTHOR_KEYS = ("author", "authors", "byline")
"""Keys naming the author(s)."""
SUMMARY_KEYS = ("summary", "description", "excerpt", "subtitle")
"""Keys holding a short summary."""
URL_KEYS = ("canonical_url", "canonicalurl", "canonical", "link", "original_url", "url")
"""Keys holding the original address (Hugo's `url` is a path: only http(s) values count)."""
SOURCE_KEYS = ("source", "publisher", "outlet")
"""Keys naming the outlet."""
DATE_KEYS = ("date", "published", "pubdate", "publishdate")
"""Keys holding the publication date."""
UPDATED_KEYS = ("updated", "lastmod", "last_modified_at", "modified")
"""Keys holding the last-modified date."""
TAG_KEYS = ("categories", "category", "tags", "keywords")
"""Keys holding categories and tags (categories first, as blogs show them)."""
ALIAS_KEYS = ("aliases", "redirect_from")
"""Keys listing old addresses (Hugo `aliases`, jekyll-redirect-from's `redirect_from`)."""
MAPPED = frozenset({
    *TITLE_KEYS, *AUTHOR_KEYS, *SUMMARY_KEYS, *URL_KEYS, *SOURCE_KEYS, *DATE_KEYS,
    *UPDATED_KEYS, *TAG_KEYS, *ALIAS_KEYS, "slug", "draft", "published", "permalink",
    "layout", "type", "topics",
})
"""Keys that become readsite fields (or only mattered to the old theme: `layout`, `type`)."""

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_TAGS_RE = re.compile(r"<[^>]+>")
_INLINE_TAGS = re.compile(
    r"</?(?:a|abbr|b|cite|code|del|em|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>",
    re.IGNORECASE)
"""Inline tags: dropped without a space when a summary is made plain (`<em>x</em>.`)."""
_TRUNCATION = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)\s*$")


def split_front_matter(raw: str, path: Path) -> tuple[dict[str, Any], str, int] | None:
    """(meta, body, body_line) for YAML (`---`) or TOML (`+++`) front matter; None if none."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n")
    if text.startswith("---\n") or text.rstrip() == "---":
        document = frontmatter.parse(text, path)
        meta = document.meta if isinstance(document.meta, dict) else {}
        return {str(k).casefold(): v for k, v in meta.items()}, document.body, document.body_line
    if text.startswith("+++\n"):
        end = text.find("\n+++", 4)
        if end < 0:
            raise ContentError.at(path, 1, "TOML front matter opened on line 1 is never closed",
                                  "did you forget the closing `+++`?")
        try:
            meta = tomllib.loads(text[4:end])
        except tomllib.TOMLDecodeError as exc:
            raise ContentError.at(path, 1, f"TOML front matter is invalid: {exc}") from None
        rest = text[end + 4 :]
        body = rest.split("\n", 1)[1] if "\n" in rest else ""
        return {k.casefold(): v for k, v in meta.items()}, body, text[: end + 4].count("\n") + 2
    return None


def first_value(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first present, non-empty value among `keys`."""
    for key in keys:
        value = meta.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def as_text(value: Any) -> str:
    """A front matter value as one line of text (lists of names joined with commas)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(as_text(v) for v in value if as_text(v))
    if isinstance(value, dict):
        return as_text(value.get("name"))
    return " ".join(str(value).split())


def as_list(value: Any, separators: str = ",") -> list[str]:
    """A list of names from a YAML list or a separated string (Jekyll allows spaces)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [as_text(v) for v in value if as_text(v)]
    text = as_text(value)
    return [part.strip() for part in re.split(f"[{re.escape(separators)}]", text) if part.strip()]


def as_url(value: Any) -> str:
    """An absolute http(s) address, or "" (site-relative paths are not an original URL)."""
    text = as_text(value)
    return text if re.match(r"^https?://\S+$", text) else ""


def as_date(value: Any) -> dt.date | None:
    """A date from YAML/TOML values or ISO text."""
    return frontmatter.as_date(value)


def clean_summary(value: str) -> str:
    """A summary as plain text: tags stripped, entities decoded, a truncation mark dropped
    (WordPress and Jekyll excerpts end in `[&hellip;]`), whole words only."""
    text = " ".join(html.unescape(_TAGS_RE.sub(" ", _INLINE_TAGS.sub("", value))).split())
    return _TRUNCATION.sub("", text)


COMMONMARK = MarkdownIt("commonmark")
"""One CommonMark parser for reading summaries out of imported Markdown (made once)."""
SUMMARY_SOURCE = 6000
"""Characters of a body read for its summary: its opening is all a summary needs."""


def paragraphs_text(body: str) -> list[str]:
    """Plain text of each top-level paragraph of a Markdown body's opening (for a summary)."""
    tokens = COMMONMARK.parse(body[:SUMMARY_SOURCE])
    texts: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0 and index + 1 < len(tokens):
            inline = tokens[index + 1]
            parts = [
                child.content if child.type in ("text", "code_inline") else " "
                for child in inline.children or []
                if child.type in ("text", "code_inline", "softbreak", "hardbreak")
            ]
            text = " ".join("".join(parts).split())
            if text and not text.startswith(("{%", "{{")):
                texts.append(text)
    return texts


def derived_summary(body: str) -> str:
    """The first sentences of the body's first paragraph."""
    paragraphs = paragraphs_text(body)
    return first_sentences(clean_summary(paragraphs[0])) if paragraphs else ""


def drop_leading_title(body: str, title: str) -> str:
    """The body without a first `# Title` line that only repeats the front matter title."""
    lines = body.strip("\n").split("\n")
    match = _H1.match(lines[0]) if lines else None
    if match and same_line(match.group(1), title):
        return "\n".join(lines[1:]).strip("\n")
    return body.strip("\n")


def _unique(items: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def _draft(meta: dict[str, Any], path: Path) -> bool:
    if meta.get("draft") is True or meta.get("published") is False:
        return True
    if str(meta.get("status", "")).lower() in ("draft", "hidden", "private"):
        return True
    return "_drafts" in path.parts


def _old_urls(path: Path, meta: dict[str, Any], date: dt.date | None, title: str) -> list[str]:
    """Where the generator this file came from published it."""
    site = sites.site_of(path.parent)
    if site.kind == "jekyll":
        return [sites.jekyll_url(site, path, meta, date, as_list(meta.get("categories"), ", "))]
    if site.kind == "hugo":
        return [sites.hugo_url(site, path, meta, date, as_text(meta.get("slug")), title)]
    return []


def slug_hint(path: Path, meta: dict[str, Any]) -> str:
    """The slug the author chose: front matter, a page bundle's folder, or the file name."""
    if as_text(meta.get("slug")):
        return as_text(meta.get("slug"))
    if path.stem in ("index", "_index"):
        return path.parent.name
    return sites.file_date(path)[1]


def read(raw: str, path: Path) -> Imported:
    """A Markdown article as an Imported record; ContentError if its front matter is broken."""
    found = split_front_matter(raw, path)
    if found is None:
        body = raw.removeprefix("\ufeff").replace("\r\n", "\n")
        match = _H1.match(body.lstrip("\n").split("\n", 1)[0])
        title = match.group(1) if match else sites.file_date(path)[1].replace("-", " ").title()
        body = drop_leading_title(body, title) if match else body.strip("\n")
        return Imported(finish_title(title), body, path, date=sites.file_date(path)[0],
                        summary=derived_summary(body), slug=slug_hint(path, {}))
    meta, body, _ = found
    title = as_text(first_value(meta, TITLE_KEYS)) or sites.file_date(path)[1].replace(
        "-", " ").title()
    body = drop_leading_title(body, title)
    date = as_date(first_value(meta, DATE_KEYS)) or sites.file_date(path)[0]
    tags = [t for key in TAG_KEYS
            for t in as_list(meta.get(key), ", " if key in ("tags", "categories") else ",")]
    slug = slug_hint(path, meta)
    aliases = [a for key in ALIAS_KEYS for a in as_list(meta.get(key))]
    aliases += _old_urls(path, meta, date, title)
    if "import_hash" in meta:  # readsite's own article: its summary (or none) as written
        summary = as_text(meta.get("summary"))
    else:
        summary = clean_summary(as_text(first_value(meta, SUMMARY_KEYS))) or derived_summary(body)
    return Imported(
        title=finish_title(title), body=body.strip("\n"), source_path=path, date=date,
        updated=as_date(first_value(meta, UPDATED_KEYS)),
        author=as_text(first_value(meta, AUTHOR_KEYS)),
        source=as_text(first_value(meta, SOURCE_KEYS)),
        url=next((u for u in (as_url(meta.get(k)) for k in URL_KEYS) if u), ""),
        summary=summary, tags=_unique(tags),
        draft=_draft(meta, path), aliases=_unique([a if a.startswith("/") else "/" + a
                                                   for a in aliases]),
        slug=slug, extra={k: v for k, v in meta.items() if k not in MAPPED},
    )
