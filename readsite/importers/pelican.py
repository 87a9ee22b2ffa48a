"""Pelican articles: Markdown with a `Key: value` header, and reStructuredText with a field list.

Pelican's Markdown reader takes its metadata from Python-Markdown's `meta` extension: `Key:
value` lines at the top of the file (keys in any case), a line indented by four spaces
continuing the previous key, the header ending at the first blank line (or at the first line
that is neither).  The body is kept byte for byte; `{filename}` links are left as written for
`importers.links` to resolve.  A `.rst` article is converted to HTML with docutils, its
metadata read from the docinfo field list under the title, the way Pelican's reST reader does.

The old URL becomes an alias: `url`/`save_as` when the file states one, else Pelican's
`ARTICLE_URL` (default `{slug}.html`) or, under `pages/`, `PAGE_URL` (`pages/{slug}.html`),
read from a `pelicanconf.py` above the file by `importers.sites`.  The alias slug is the
`Slug:` or, as Pelican's default `SLUGIFY_SOURCE = 'title'` does, the slugified title; a site
with `SLUGIFY_SOURCE = 'basename'`, or with URL settings computed in Python, should add its
old URLs as `aliases:` by hand (or state `Slug:`/`Save_as:` in each file).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from slugify import slugify

from readsite.errors import ContentError, Problem
from readsite.importers import sites
from readsite.importers.markdown import COMMONMARK, clean_summary
from readsite.importers.record import Imported
from readsite.normalise import finish_title

MAPPED = frozenset({"title", "date", "modified", "updated", "category", "tags", "slug",
                    "author", "authors", "summary", "status", "lang", "save_as", "url"})
"""Header keys that become readsite fields; any other key is kept in `extra["pelican_keys"]`."""
DRAFT_STATUSES = ("draft", "hidden")
"""`Status:` values imported as drafts."""
DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%d %B %Y", "%d %b %Y",
                "%B %d, %Y", "%b %d, %Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S%z")
"""Date formats tried after ISO 8601 (`2012-10-30 10:20`, `2012-10-30T10:20:00+02:00`)."""
DOCUTILS_SETTINGS: dict[str, Any] = {
    "report_level": 5, "halt_level": 5, "file_insertion_enabled": False, "raw_enabled": False,
    "_disable_config": True, "syntax_highlight": "none", "traceback": True,
}
"""docutils settings for untrusted input: `raw` and `include` directives disabled, no
docutils.conf read, no pygments markup, errors raised instead of printed (or `sys.exit`)."""

_FIRST_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*:\s")
_META = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
_MORE = re.compile(r"^[ ]{4,}(.*)$")
_UNSAFE_DIRECTIVE = re.compile(r"^\s*\.\.\s+(raw|include)::", re.MULTILINE)


def split_header(text: str) -> tuple[dict[str, list[str]], dict[str, int], str]:
    """(values by lowercase key, line of each key, body) of a Pelican Markdown file; the body
    is everything after the header's blank line, exactly as written."""
    meta: dict[str, list[str]] = {}
    where: dict[str, int] = {}
    key = ""
    offset = 1 if text.startswith("\ufeff") else 0
    for number, raw in enumerate(text[offset:].split("\n"), start=1):
        line = raw.removesuffix("\r")
        found, more = _META.match(line), _MORE.match(line)
        if not line.strip():
            offset += len(raw) + 1
            break
        if found:
            key = found.group(1).lower()
            meta.setdefault(key, []).append(found.group(2).strip())
            where.setdefault(key, number)
        elif more and key:
            meta[key].append(more.group(1).strip())
        else:
            break
        offset += len(raw) + 1
    return meta, where, text[offset:]


def looks_like_pelican(text: str) -> bool:
    """Whether `text` starts with a Pelican metadata header naming a title or a date."""
    if not _FIRST_LINE.match(text.removeprefix("\ufeff")):
        return False
    meta, _, _ = split_header(text)
    return "title" in meta or "date" in meta


def parse_date(value: str) -> dt.date | None:
    """A Pelican date (`2012-10-30 10:20`, ISO 8601, `30 October 2012`, ...); None if not."""
    text = " ".join(value.split())
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def split_names(value: str) -> list[str]:
    """Tags or authors: `;`-separated if the value has a `;`, else comma-separated (Pelican)."""
    separator = ";" if ";" in value else ","
    return [part.strip() for part in value.split(separator) if part.strip()]


def plain_summary(markup: str) -> str:
    """A Markdown/HTML summary as one line of plain text."""
    return clean_summary(COMMONMARK.render(markup))


def _date(meta: dict[str, str], keys: tuple[str, ...], where: dict[str, int], path: Path,
          notes: list[Problem]) -> dt.date | None:
    """The first date among `keys`; a note at its line if it cannot be read."""
    for key in keys:
        if meta.get(key):
            found = parse_date(meta[key])
            if found is None:
                notes.append(Problem(f"cannot read the {key} {meta[key]!r}", path,
                                     where.get(key), "write it as 2012-10-30 or 2012-10-30 10:20"))
            return found
    return None


def _unique(items: list[str]) -> tuple[str, ...]:
    """`items` in order without case-insensitive duplicates."""
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def _record(meta: dict[str, str], where: dict[str, int], body: str, path: Path,
            summary: str, notes: list[Problem]) -> Imported:
    """An Imported record from a header already joined to one string per lowercase key."""
    title = finish_title(meta.get("title", ""))
    if not title:
        title = path.stem.replace("-", " ").replace("_", " ").capitalize()
        notes.append(Problem("no `Title:` in the metadata: the file name was used", path, 1,
                             "add a `Title:` line at the top"))
    date = _date(meta, ("date",), where, path, notes)
    status = meta.get("status", "").lower()
    slug = meta.get("slug") or slugify(path.stem)
    url_slug = meta.get("slug") or slugify(title)
    category = meta.get("category", "")
    if status == "draft" and not (meta.get("url") or meta.get("save_as")):
        alias = f"/drafts/{url_slug}.html"
    else:
        alias = sites.pelican_url(sites.site_of(path.parent), meta, date, url_slug,
                                  category or path.parent.name, "pages" in path.parts)
    extra: dict[str, Any] = {"lang": meta["lang"]} if meta.get("lang") else {}
    unknown = {k: v for k, v in meta.items() if k not in MAPPED}
    if unknown:
        extra["pelican_keys"] = unknown
    return Imported(
        title=title, body=body, source_path=path, date=date,
        updated=_date(meta, ("modified", "updated"), where, path, notes),
        author=", ".join(split_names(meta.get("authors") or meta.get("author", ""))),
        summary=summary, tags=_unique([*split_names(category), *split_names(
            meta.get("tags", ""))]),
        draft=status in DRAFT_STATUSES, aliases=(alias,), slug=slug, key=path.as_posix(),
        extra=extra, notes=tuple(notes))


def read_pelican(text: str, path: Path) -> Imported:
    """A Pelican Markdown article (header + body) as an Imported record."""
    values, where, body = split_header(text)
    meta = {key: ("\n" if key == "summary" else " ").join(v).strip() for key, v in values.items()}
    return _record(meta, where, body, path, plain_summary(meta.get("summary", "")), [])


def _docinfo(document: Any) -> dict[str, str]:
    """The docinfo fields of a docutils document by lowercase name (`authors` joined)."""
    from docutils import nodes

    meta: dict[str, str] = {}
    for docinfo in document.findall(nodes.docinfo):
        for child in docinfo.children:
            if isinstance(child, nodes.field):
                meta[child[0].astext().lower()] = child[1].astext().strip()
            elif isinstance(child, nodes.authors):
                meta["authors"] = ", ".join(a.astext() for a in child.children)
            else:
                meta[child.tagname.lower()] = child.astext().strip()
    return meta


def read_rst(text: str, path: Path) -> Imported:
    """A Pelican reStructuredText article, its body as HTML; ContentError if docutils fails."""
    try:
        from docutils import io as docutils_io
        from docutils.core import publish_programmatically
    except ImportError:
        raise ContentError.at(path, None, "reading .rst files needs docutils",
                              "install it: `pip install docutils`") from None
    try:
        _, publisher = publish_programmatically(
            source_class=docutils_io.StringInput, source=text, source_path=str(path),
            destination_class=docutils_io.StringOutput, destination=None,
            destination_path=None, reader=None, reader_name="standalone", parser=None,
            parser_name="restructuredtext", writer=None, writer_name="html5", settings=None,
            settings_spec=None, settings_overrides={**DOCUTILS_SETTINGS,
                                                    "warning_stream": io.StringIO()},
            config_section=None, enable_exit_status=False)
        body = str(publisher.writer.parts["body"])
        meta = _docinfo(publisher.document)
        title = str(publisher.document.get("title", "")) or meta.get("title", "")
    except Exception as exc:  # docutils signals bad input with many exception types
        raise ContentError.at(path, None, f"docutils could not read the file: {exc}",
                              "check the reStructuredText, e.g. with `rst2html`") from None
    meta["title"] = title
    where = {key: text.count("\n", 0, found.start()) + 1 for key in meta
             if (found := re.search(rf"^:{re.escape(key)}:", text, re.MULTILINE | re.I))}
    notes = [Problem(f"`.. {m.group(1)}::` directive ignored (disabled for safety)", path,
                     text.count("\n", 0, m.start()) + 1,
                     "copy what it stood for into the article by hand")
             for m in _UNSAFE_DIRECTIVE.finditer(text)]
    return _record(meta, where, body, path, clean_summary(meta.get("summary", "")), notes)
