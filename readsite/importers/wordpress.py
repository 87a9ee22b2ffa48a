"""WordPress WXR exports (Tools → Export): every post and page of an old blog as `Imported`.

WXR is RSS 2.0 with `wp:`, `content:`, `excerpt:` and `dc:` elements, one `<item>` per post,
page, attachment or menu entry.  Posts and pages become articles; attachments are returned by
`read_export` as `Attachment`s (the uploads to copy; a featured image is named in `extra`);
other items are listed as skipped.  Comments are not imported.  Bodies stay HTML (sanitised at
build): `[caption]` → `<figure>`, `<!--more-->` and block-editor comments dropped, `wpautop`
paragraphs when a post has no block tags; other shortcodes are kept and noted at their line.
A `<!DOCTYPE>`/`<!ENTITY>` (entity bombs, external entities) is refused before parsing:
WordPress never writes one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.parsers import expat

from readsite.errors import Problem
from readsite.importers.markdown import clean_summary
from readsite.importers.record import Imported
from readsite.normalise import finish_title

WP = "http://wordpress.org/export/1.2/"
"""The `wp:` namespace (1.0 and 1.1 exports are read as if they were 1.2)."""
NS = {"wp": WP, "excerpt": WP + "excerpt/", "content": "http://purl.org/rss/1.0/modules/content/",
      "dc": "http://purl.org/dc/elements/1.1/"}
"""Prefixes used in the `find` paths below."""
ARTICLE_TYPES = ("post", "page")
"""`wp:post_type`s imported as articles."""
PUBLISHED = ("publish", "inherit")
"""`wp:status` values of a published item; anything else (draft, pending, private, future)
is imported as a draft."""
TAG_DOMAINS = ("category", "post_tag")
"""`<category domain=...>` taxonomies that become tags, categories first."""
PLACEHOLDER_CATEGORIES = frozenset({"uncategorized"})
"""Category slugs WordPress assigns by default: not a topic the author chose."""
KNOWN_SHORTCODES = frozenset({
    "gallery", "embed", "video", "audio", "playlist", "youtube", "vimeo", "soundcloud", "tweet",
    "instagram", "googlemaps", "code", "sourcecode", "latex", "contact-form", "archives"})
"""Shortcodes reported even without attributes (others need `key=` or a closing tag, so
bracketed prose such as `[sic]` is not mistaken for one)."""
BLOCK_TAGS = ("table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|"
              "pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|"
              "section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary")
"""Block-level tags, as listed by WordPress's `wpautop`."""

_OLD_NS = re.compile(r"^http://wordpress\.org/export/1\.[0-2]/(excerpt/)?$")
_PROLOG_END = re.compile(rb"<[A-Za-z_]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_BLOCK = re.compile(rf"<(?:{BLOCK_TAGS})[\s/>]", re.IGNORECASE)
_BLOCK_START = re.compile(rf"^(?:<(?:{BLOCK_TAGS})[\s/>]|\[[^\]]+\]$)", re.IGNORECASE)
_MORE = re.compile(r"(^[ \t]*)?(?:<!--(?:more|noteaser)\b.*?-->|<!--\s*/?wp:.*?-->)"
                   r"(?(1)[ \t]*(?:\n|$))", re.DOTALL | re.MULTILINE)
"""`<!--more-->` and block-editor comments; a line holding only one is removed whole."""
_CAPTION = re.compile(r"\[((?:wp_)?)caption\b([^\]]*)\](.*?)\[/\1caption\]", re.DOTALL)
_MEDIA = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL)
_CAPTION_ATTR = re.compile(r"\bcaption=([\"'])(.*?)\1", re.DOTALL)
_SHORTCODE = re.compile(r"(?<!\[)\[([A-Za-z][\w-]*)(\s[^\]]*)?/?\](?!\])")
_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Attachment:
    """An uploaded file (`post_type` attachment): what a migration copies and relinks."""

    post_id: str
    """Its WordPress id (a post's `_thumbnail_id` names it)."""
    parent: str
    """The `wp:post_id` of the post it was uploaded to; "" if none."""
    url: str
    """`wp:attachment_url`: where the file was served."""
    file: str
    """Its path under `wp-content/uploads/` (`2019/01/cat.jpg`), when the export says."""
    title: str
    """Its title in the media library."""
    line: int
    """Line of its `<item>` in the export."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An item that is not an article (attachment, menu entry, custom post type)."""

    post_type: str
    """Its `wp:post_type`."""
    title: str
    """Its title, entities decoded."""
    line: int
    """Line of its `<item>` in the export."""


@dataclass(frozen=True, slots=True)
class Export:
    """Everything read from one WXR file."""

    articles: tuple[Imported, ...] = ()
    """Posts and pages, in the export's order."""
    attachments: tuple[Attachment, ...] = ()
    """Uploaded files."""
    skipped: tuple[Skipped, ...] = ()
    """Items that were not imported as articles (attachments included)."""
    problems: tuple[Problem, ...] = ()
    """Why the file as a whole could not be read (then nothing else is filled)."""


class _DoctypeFound(Exception):
    """Raised from the expat handler if a DTD slips past the byte check (UTF-16 input)."""


def _declaration_line(data: bytes) -> int | None:
    """Line of a `<!DOCTYPE`/`<!ENTITY` before the root element, None if there is none."""
    end = _PROLOG_END.search(data)
    prolog = data[: end.start()] if end else data
    found = _DTD.search(prolog)
    return prolog[: found.start()].count(b"\n") + 1 if found else None


def _tag(name: str) -> str:
    """An expat `uri local` name as ElementTree's `{uri}local`, WXR 1.0/1.1 read as 1.2."""
    if " " not in name:
        return name
    uri, local = name.split(" ", 1)
    old = _OLD_NS.match(uri)
    if old:
        uri = WP + (old.group(1) or "")
    return f"{{{uri}}}{local}"


def parse_xml(data: bytes) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The document as an ElementTree and each element's start line; no DTD processing."""
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(name: str, attrs: dict[str, str]) -> None:
        element = builder.start(_tag(name), {_tag(k): v for k, v in attrs.items()})
        lines[element] = parser.CurrentLineNumber

    def refuse(*_: object) -> None:
        raise _DoctypeFound

    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(_tag(name))
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.Parse(data, True)
    return builder.close(), lines


def _refusal(path: Path, line: int | None) -> Problem:
    """The problem reported for a file with a DTD."""
    return Problem("the file declares a DOCTYPE or ENTITY; refusing to parse it (entity "
                   "expansion can exhaust memory or read local files)", path, line,
                   "WordPress exports never contain one: export again from Tools → Export, "
                   "or delete the <!DOCTYPE ...> declaration if you trust the file")


def _text(element: ET.Element, path: str) -> str:
    """The stripped text of the first `path` below `element`, "" if absent."""
    return element.findtext(path, "", NS).strip()


def _date(item: ET.Element, *names: str) -> dt.date | None:
    """The first readable date among `names` (`2019-01-02 10:20:30`, or RSS for `pubDate`);
    unpublished items' `0000-00-00 00:00:00` and year `-0001` are skipped."""
    for name in names:
        text = _text(item, name)
        try:
            if name == "pubDate":
                return email.utils.parsedate_to_datetime(text).date()
            return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S").date()
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
    return None


def caption_to_figure(match: re.Match[str]) -> str:
    """`[caption ...]<img ...> Text[/caption]` → `<figure><img ...><figcaption>Text</...>`."""
    attrs, inner = match.group(2), match.group(3)
    media = _MEDIA.match(inner)
    image, caption = (media.group(1), media.group(2).strip()) if media else (inner.strip(), "")
    if not caption:
        stated = _CAPTION_ATTR.search(attrs)
        caption = stated.group(2).strip() if stated else ""
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>" if caption else (
        f"<figure>{image}</figure>")


def autop(text: str) -> str:
    """WordPress's `wpautop` for content without block tags: blank-line separated chunks
    become `<p>`s, single newlines `<br />`; figures and lone shortcodes stay unwrapped."""
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    return "\n\n".join(
        chunk if _BLOCK_START.match(chunk) else "<p>" + chunk.replace("\n", "<br />\n") + "</p>"
        for chunk in chunks)


def teaser(content: str) -> str:
    """The text before a classic-editor `<!--more-->`, as a plain summary ("" if none)."""
    match = re.search(r"<!--more\b", content)
    if match is None or "<!-- wp:" in content[: match.start()]:
        return ""
    return clean_summary(content[: match.start()])


def wp_body(content: str) -> str:
    """A post's `content:encoded` as HTML readsite can show (see the module docstring)."""
    text = _MORE.sub("", content.replace("\r\n", "\n"))
    plain = _BLOCK.search(text) is None
    text = _CAPTION.sub(caption_to_figure, text)
    return autop(text) if plain else text.strip("\n")


def shortcode_notes(content: str, first_line: int, title: str, path: Path) -> list[Problem]:
    """A note for each shortcode left in `content` (outside code), at its line."""
    masked = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), content)
    notes: list[Problem] = []
    seen: set[str] = set()
    for match in _SHORTCODE.finditer(masked):
        name, attrs = match.group(1), match.group(2) or ""
        lower = name.lower()
        if lower in ("caption", "wp_caption") or lower in seen:
            continue
        if lower in KNOWN_SHORTCODES or "=" in attrs or f"[/{name}]" in masked:
            seen.add(lower)
            line = first_line + content.count("\n", 0, match.start())
            notes.append(Problem(
                f"WordPress shortcode [{name}] in “{title}” was kept as written", path, line,
                "readsite does not run shortcodes: replace it with the HTML or Markdown it "
                "stood for (a gallery: the images themselves)"))
    return notes


def _tags(item: ET.Element) -> tuple[str, ...]:
    """Category then tag display names, without duplicates or "Uncategorized"."""
    seen: dict[str, str] = {}
    for domain in TAG_DOMAINS:
        for name in (" ".join(html.unescape(c.text or "").split()) for c in item.findall(
                "category") if c.get("domain") == domain
                and c.get("nicename") not in PLACEHOLDER_CATEGORIES):
            seen.setdefault(name.casefold(), name)
    return tuple(v for v in seen.values() if v)


def _alias(link: str) -> tuple[str, ...]:
    """The site path of the old permalink; nothing for `/?p=123` links (drafts)."""
    parts = urlsplit(link)
    path = unquote(parts.path)
    return (path,) if path.strip("/") and not parts.query else ()


def _meta(item: ET.Element) -> dict[str, str]:
    """The item's `wp:postmeta` key → value pairs."""
    pairs = ((_text(m, "wp:meta_key"), _text(m, "wp:meta_value"))
             for m in item.findall("wp:postmeta", NS))
    return {key: value for key, value in pairs if key}


def _attachment(item: ET.Element, line: int) -> Attachment:
    """An attachment item as an `Attachment`."""
    parent = _text(item, "wp:post_parent")
    return Attachment(
        post_id=_text(item, "wp:post_id"), parent="" if parent in ("", "0") else parent,
        url=_text(item, "wp:attachment_url"), file=_meta(item).get("_wp_attached_file", ""),
        title=html.unescape(_text(item, "title")), line=line)


def _article(item: ET.Element, lines: dict[ET.Element, int], path: Path,
             authors: dict[str, str], files: dict[str, Attachment]) -> Imported:
    """A post or page as an Imported record (field mapping: see the README table)."""
    post_id, post_type = _text(item, "wp:post_id"), _text(item, "wp:post_type") or "post"
    slug = unquote(_text(item, "wp:post_name"))
    title = finish_title(html.unescape(_TAGS.sub("", _text(item, "title"))))
    title = title or slug.replace("-", " ").capitalize() or f"Untitled {post_id}".strip()
    found = item.find("content:encoded", NS)
    content, first = (found.text or "", lines[found]) if found is not None else ("", lines[item])
    notes = shortcode_notes(content, first, title, path)
    # The local date: it is the one the blog showed and put in its permalinks.
    date = _date(item, "wp:post_date", "wp:post_date_gmt", "pubDate")
    updated = _date(item, "wp:post_modified", "wp:post_modified_gmt")
    draft = _text(item, "wp:status") not in PUBLISHED
    if _text(item, "wp:post_password"):
        draft = True
        notes.append(Problem(f"“{title}” was password-protected in WordPress: imported as a "
                             "draft", path, lines[item]))
    meta = _meta(item)
    link = _text(item, "link")
    thumbnail = files.get(meta.get("_thumbnail_id", ""))
    extra: dict[str, Any] = {
        "wp_post_id": post_id, "wp_link": link, "wp_comment_status": _text(
            item, "wp:comment_status"), "wp_post_type": None if post_type == "post" else post_type,
        "wp_sticky": True if _text(item, "wp:is_sticky") == "1" else None,
        "wp_featured_image": thumbnail.url if thumbnail else None,
        "wp_meta": {k: v for k, v in meta.items() if not k.startswith("_")} or None}
    login = _text(item, "dc:creator")
    return Imported(
        title=title, body=wp_body(content), source_path=path, date=date,
        updated=updated if updated and date and updated > date else None,
        author=authors.get(login, login),
        summary=clean_summary(item.findtext("excerpt:encoded", "", NS))
        or teaser(content),
        tags=_tags(item), draft=draft, aliases=_alias(link), slug=slug,
        key=f"wp:{post_id}", extra={k: v for k, v in extra.items() if v is not None},
        notes=tuple(notes))


def read_export(data: bytes, path: Path) -> Export:
    """Read a WXR file; on a refused or broken file only `problems` is filled."""
    line = _declaration_line(data)
    if line is not None:
        return Export(problems=(_refusal(path, line),))
    try:
        root, lines = parse_xml(data)
    except _DoctypeFound:
        return Export(problems=(_refusal(path, None),))
    except expat.ExpatError as exc:
        return Export(problems=(Problem(f"the WordPress export is not well-formed XML: "
                                        f"{expat.ErrorString(exc.code)} (column {exc.offset + 1})",
                                        path, exc.lineno, "was the download cut short? Export "
                                        "again from Tools → Export"),))
    channel = root.find("channel")
    items = channel.findall("item") if channel is not None else []
    if channel is None or (channel.find("wp:wxr_version", NS) is None
                           and not any(i.find("wp:post_type", NS) is not None for i in items)):
        return Export(problems=(Problem(
            "not a WordPress export: no <channel> with <wp:wxr_version>", path, 1,
            "export the blog from WordPress's Tools → Export (\"All content\")"),))
    authors = {_text(a, "wp:author_login"): html.unescape(_text(a, "wp:author_display_name"))
               for a in channel.findall("wp:author", NS)}
    authors = {login: name or login for login, name in authors.items()}
    files = {item_id: _attachment(item, lines[item]) for item in items
             if _text(item, "wp:post_type") == "attachment"
             and (item_id := _text(item, "wp:post_id"))}
    articles: list[Imported] = []
    skipped: list[Skipped] = []
    for item in items:
        post_type = _text(item, "wp:post_type") or "post"
        if post_type in ARTICLE_TYPES:
            articles.append(_article(item, lines, path, authors, files))
        else:
            skipped.append(Skipped(post_type, html.unescape(_text(item, "title")), lines[item]))
    return Export(tuple(articles), tuple(files.values()), tuple(skipped))


def read_wxr(data: bytes, path: Path) -> tuple[list[Imported], list[Problem]]:
    """(posts and pages, problems that stopped reading); `read_export` also has uploads."""
    export = read_export(data, path)
    return list(export.articles), list(export.problems)
