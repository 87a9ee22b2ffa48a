"""Markdown articles from other generators (Hugo, Jekyll, Pelican, ...).

Their front matter already states the metadata, so it is mapped rather than guessed:
`title`, `date`, `author`/`authors`, `description`/`summary`, `source`, and
`url`/`canonical_url`/`link`.  The body is already Markdown and is kept as written (our
renderer disables raw HTML, so HTML in it cannot become markup).  A file without front matter
is normalised like text, but its Markdown headings, lists and code are kept.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from readsite import frontmatter
from readsite.errors import ContentError
from readsite.normalise import (
    Normalised,
    finish_title,
    first_sentences,
    normalise_markdown,
    same_line,
)

TITLE_KEYS = ("title",)
"""Front matter keys naming the title, in order of preference."""
AUTHOR_KEYS = ("author", "authors", "byline")
"""Keys naming the author(s)."""
SUMMARY_KEYS = ("summary", "description", "excerpt", "subtitle")
"""Keys holding a short summary."""
URL_KEYS = ("url", "canonical_url", "canonicalurl", "canonical", "link", "original_url")
"""Keys holding the original address (Hugo's `url` is a path; only http(s) values count)."""
SOURCE_KEYS = ("source", "publisher", "outlet")
"""Keys naming the outlet."""
DATE_KEYS = ("date", "published", "pubdate", "publishdate")
"""Keys holding the publication date."""

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def split_front_matter(raw: str, path: Path) -> tuple[dict[str, Any], str] | None:
    """(meta, body) for YAML (`---`) or TOML (`+++`) front matter; None if there is none."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n")
    if text.startswith("---\n") or text.rstrip() == "---":
        document = frontmatter.parse(text, path)
        return {str(k).casefold(): v for k, v in document.meta.items()}, document.body
    if text.startswith("+++\n"):
        end = text.find("\n+++", 4)
        if end < 0:
            raise ContentError.at(path, 1, "TOML front matter opened on line 1 is never closed",
                                  "did you forget the closing `+++`?")
        try:
            meta = tomllib.loads(text[4:end])
        except tomllib.TOMLDecodeError as exc:
            raise ContentError.at(path, 1, f"TOML front matter is invalid: {exc}") from None
        body = text[end + 4 :].split("\n", 1)[1] if "\n" in text[end + 4 :] else ""
        return {k.casefold(): v for k, v in meta.items()}, body
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


def as_url(value: Any) -> str:
    """An absolute http(s) address, or "" (site-relative paths are not an original URL)."""
    text = as_text(value)
    return text if re.match(r"^https?://\S+$", text) else ""


def paragraphs_text(body: str) -> list[str]:
    """Plain text of each top-level paragraph of a Markdown body (for a summary)."""
    tokens = MarkdownIt("commonmark").parse(body)
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
            if text:
                texts.append(text)
    return texts


def drop_leading_title(body: str, title: str) -> str:
    """The body without a first `# Title` line that only repeats the front matter title."""
    lines = body.strip("\n").split("\n")
    match = _H1.match(lines[0]) if lines else None
    if match and same_line(match.group(1), title):
        return "\n".join(lines[1:]).strip("\n")
    return body.strip("\n")


def read(raw: str, path: Path | None = None) -> Normalised:
    """A Markdown article as a Normalised one; ContentError if its front matter is broken."""
    where = path if path is not None else Path("<markdown>")
    found = split_front_matter(raw, where)
    if found is None:
        return normalise_markdown(raw)
    meta, body = found
    title = as_text(first_value(meta, TITLE_KEYS))
    if not title:
        fallback = normalise_markdown(body)
        title, body = fallback.title, fallback.body
    body = drop_leading_title(body, title)
    summary = as_text(first_value(meta, SUMMARY_KEYS))
    if not summary:
        paragraphs = paragraphs_text(body)
        summary = first_sentences(paragraphs[0]) if paragraphs else ""
    return Normalised(
        title=finish_title(title),
        source=as_text(first_value(meta, SOURCE_KEYS)),
        author=as_text(first_value(meta, AUTHOR_KEYS)),
        url=next((u for u in (as_url(meta.get(k)) for k in URL_KEYS) if u), ""),
        date=frontmatter.as_date(first_value(meta, DATE_KEYS)),
        summary=summary,
        body=body.strip(),
    )
