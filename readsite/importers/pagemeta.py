"""What a page states about itself, each value with the rule that found it.

`<meta>` tags (og:title, og:site_name, author, article:published_time, description), JSON-LD
(Article/NewsArticle/BlogPosting: headline, author, publisher, datePublished, description),
schema.org microdata (the same properties, `itemprop=`), the `<title>` without its site-name
tail, the first `<h1>`, then htmldate for the date.  A source no metadata states comes from
the `<title>` suffix, the site logo, then `application-name` (see `pagesite`).  When the
statements of the headline disagree (a site's name around it, a section before it, an SEO
title, an `og:title` that is the site's name, an `<h1>` that is its logo), `titlechoice`
picks the one a reader sees.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from readsite.importers.page import Item, Page
from readsite.importers.pagesite import Shown, logo_name, name_like, read_shown, title_suffix
from readsite.importers.titlechoice import page_headline
from readsite.importers.titleparts import without_tagline
from readsite.normalise import same_line

ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle",
                           "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
                           "backgroundnewsarticle", "scholarlyarticle", "techarticle",
                           "report", "socialmediaposting", "liveblogposting",
                           "podcastepisode", "radioepisode", "episode"})
"""JSON-LD `@type`s (lower-cased) that describe the article itself."""


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


def _all_objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, however deeply nested."""
    if depth > 20:
        return
    if isinstance(value, list):
        for item in value:
            yield from _all_objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _all_objects(item, depth + 1)


def _address(value: str) -> str:
    """An `@id` or `url` compared loosely: no trailing slash, scheme or `www.`, case-folded."""
    text = value.strip().casefold().removeprefix("https://").removeprefix("http://")
    return text.removeprefix("www.").rstrip("/")


def _page(value: str) -> str:
    """An address without its `#` fragment, compared loosely (marked apart from `_address`)."""
    return "#" + _address(value.split("#", 1)[0])


class Nodes:
    """The named nodes of a page's JSON-LD, to resolve an `author: {"@id": ...}` reference:
    by `@id`, by `@id` without its `#` fragment when only one node has that address, and by
    `url`."""

    def __init__(self, documents: list[Any]) -> None:
        self.by_key: dict[str, list[dict[str, Any]]] = {}
        for document in documents:
            for node in _all_objects(document):
                if (not isinstance(node.get("name"), str) or not node["name"].strip()
                        or _is_article(node)):
                    continue
                kinds = node.get("@type")
                party = any(isinstance(k, str) and ("person" in k.lower() or "organi" in
                                                    k.lower())
                            for k in (kinds if isinstance(kinds, list) else [kinds]))
                keys = set()
                for field in ("@id", "url"):
                    value = node.get(field)
                    if isinstance(value, str) and value.strip():
                        keys.add(_address(value))
                        if party:  # a person's page, whatever its fragment
                            keys.add(_page(value))
                for key in keys:
                    self.by_key.setdefault(key, []).append(node)

    def find(self, reference: str) -> dict[str, Any] | None:
        """The one named node `reference` (an `@id` or address) points at, else None."""
        for key in (_address(reference), _page(reference)):
            nodes = list({id(n): n for n in self.by_key.get(key, [])}.values())
            if len(nodes) == 1:
                return nodes[0]
            if nodes:
                return None
        return None


def _names(value: Any, nodes: Nodes | None = None, depth: int = 0) -> list[str]:
    """Names from a JSON-LD `author`/`publisher`: a string, an object or a list of them; an
    object or address without a name is looked up among the page's named `nodes`."""
    if depth > 3:
        return []
    if isinstance(value, str):
        if value.strip() and "://" not in value:
            return [value.strip()]
        node = nodes.find(value) if nodes is not None and value.strip() else None
        return _names(node.get("name"), None, depth + 1) if node is not None else []
    if isinstance(value, dict):
        names = _names(value.get("name"), None, depth + 1)
        if names or nodes is None:
            return names
        for field in ("@id", "url"):
            reference = value.get(field)
            if isinstance(reference, str) and reference.strip():
                node = nodes.find(reference)
                if node is not None:
                    return _names(node.get("name"), None, depth + 1)
        return []
    if isinstance(value, list):
        return [name for item in value for name in _names(item, nodes, depth + 1)]
    return []


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


CDATA_RE = re.compile(r"^\s*(?:/\*\s*)?<!\[CDATA\[(?:\s*\*/)?(?P<json>.*?)"
                      r"(?:/\*\s*)?\]\]>(?:\s*\*/)?\s*$", re.S)
"""JSON-LD wrapped in a CDATA section (`<![CDATA[ ... ]]>`, or inside `/* */` comments), as
CMSs that once wrote XHTML still do: the JSON is what is inside."""


def json_ld_fields(page: Page) -> dict[str, Found]:
    """What the page's JSON-LD article states, by rule name ("json-ld: headline")."""
    found: dict[str, Found] = {}
    documents: list[Any] = []
    for script in page.json_ld:
        wrapped = CDATA_RE.match(script)
        try:
            documents.append(json.loads(wrapped.group("json") if wrapped else script))
        except (ValueError, RecursionError):
            continue
    nodes = Nodes(documents)
    for document in documents:
        for item in _json_objects(document):
            if not _is_article(item):
                continue
            authors = ", ".join(dict.fromkeys(_names(item.get("author"), nodes)))
            publisher = ", ".join(_names(item.get("publisher"), nodes))
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
    website = next((_text(item.get("name")) for document in documents
                    for item in _json_objects(document) if _is_website(item)), "")
    if website:
        found["json-ld: WebSite name"] = Found(website, "json-ld: WebSite name")
    return found


def _is_website(item: dict[str, Any]) -> bool:
    """Whether a JSON-LD object is the `WebSite` node (its `name` is the site's, when no
    `publisher` names the outlet)."""
    kinds = item.get("@type")
    return any(isinstance(k, str) and k.lower() == "website"
               for k in (kinds if isinstance(kinds, list) else [kinds]))


MICRODATA_PROPERTIES = ("headline", "name", "author", "creator", "publisher",
                        "datepublished", "datecreated", "datemodified", "description", "url")
"""The microdata properties of an article item read as metadata (lower-cased)."""
BY_RE = re.compile(r"^by\s+", re.I)
LOOSE_PROPERTIES = frozenset({"author", "creator"})
"""Microdata properties read even outside an article item: a page may mark its author with
`itemprop="author"` and no item around it (other loose properties, such as a `name`, may be
anything's)."""


def microdata_fields(page: Page) -> dict[str, Found]:
    """What the page's microdata article item states, by rule name
    ("html: microdata itemprop=headline"); several authors are joined with ", "."""
    found: dict[str, Found] = {}
    loose = Item(("article",), {k: v for k, v in page.loose.items() if k in LOOSE_PROPERTIES})
    for item in [*page.microdata, loose]:  # a loose author only when no article names one
        if not any(t in ARTICLE_TYPES for t in item.types):
            continue
        for prop in MICRODATA_PROPERTIES:
            values = [" ".join(v.split()) for v in item.properties.get(prop, [])]
            if prop in ("author", "creator"):
                names = [BY_RE.sub("", v) for v in values if "://" not in v]
                value = ", ".join(dict.fromkeys(n for n in names if n))
            else:
                value = next((v for v in values if v), "")
            rule = f"html: microdata itemprop={prop}"
            if value and rule not in found:
                found[rule] = Found(value, rule)
    return found


MD = "html: microdata itemprop="
PRIORITY: dict[str, tuple[str, ...]] = {
    "title": ("html: og:title", "json-ld: headline", "html: twitter:title", f"{MD}headline",
              f"{MD}name"),
    "author": ("html: author", "json-ld: author", "html: article:author",
               "html: parsely-author", "html: dc.creator", f"{MD}author", f"{MD}creator"),
    "source": ("html: og:site_name", "json-ld: publisher", f"{MD}publisher",
               "html: publisher", "html: dc.publisher", "json-ld: WebSite name"),
    "date": ("html: article:published_time", "json-ld: datePublished", "html: datepublished",
             "html: dc.date", "html: date", "html: pubdate", f"{MD}datepublished",
             f"{MD}datecreated"),
    "updated": ("html: article:modified_time", "json-ld: dateModified", "html: datemodified",
                f"{MD}datemodified"),
    "summary": ("html: description", "html: og:description", "json-ld: description",
                "html: twitter:description", f"{MD}description"),
    "url": ("html: og:url", "json-ld: url", f"{MD}url"),
}
"""For each field, the rules that state it, best first (`html: NAME` is `<meta name=NAME>`;
microdata, `html: microdata itemprop=NAME`, comes after `<meta>` and JSON-LD)."""


def meta_fields(page: Page) -> dict[str, Found]:
    """Every `html: NAME` rule of PRIORITY whose `<meta>` the page has, by rule name."""
    found: dict[str, Found] = {}
    for key, rules in PRIORITY.items():
        for rule in rules:
            if not rule.startswith("html: ") or rule.startswith(MD):
                continue
            value = " ".join(page.meta.get(rule.removeprefix("html: "), "").split())
            if key == "author":
                value = "" if "://" in value else value.removeprefix("By ").removeprefix("by ")
            if key == "source" and "://" in value:
                value = ""  # `<meta name="publisher">` may hold the publisher's address
            if value:
                found[rule] = Found(value, rule)
    return found


def page_title(page: Page, site: str) -> Found | None:
    """The `<title>` without its " | Site name" tail: the site's name when known, else a
    tail of four words or fewer."""
    title = page.title
    if not title:
        return None
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · ", " : "):
        head, sep, tail = title.rpartition(separator)
        if separator == " : " and not site:
            continue  # "Headline : subtitle" is cut only at the outlet's name
        short_tail = len(tail.split()) <= 4 and len(tail) < len(head)  # a site's name
        if sep and head and (site.lower() in tail.lower() or same_line(tail, site) if site
                             else short_tail):
            return Found(head.strip(), "html: <title>")
    return Found(title, "html: <title>")


def title_outlet(page: Page, headlines: tuple[str, ...] = (),
                 mastheads: tuple[str, ...] = ()) -> Found | None:
    """The outlet named with the headline in `<title>` ("Headline - The Lakeshore Herald"),
    see `pagesite.title_suffix`."""
    name = title_suffix(page, headlines, mastheads)
    return Found(name, "html: title suffix") if name else None


def mastheads(page: Page, shown: Shown) -> tuple[str, ...]:
    """The page's `<h1>`s that are its logo (`<h1 class="logo">`, a home link): the site's
    name, never the headline."""
    return tuple(h for h in page.h1 if any(same_line(h, logo) for logo in shown.logos))


def shown_source(page: Page, shown: Shown, fields: dict[str, Found]) -> Found | None:
    """The outlet the page shows when its metadata names none: the `<title>` suffix, the
    site logo, then `application-name` (weaker rules are in `pagesite.weak_source`)."""
    headlines = tuple(fields[k].value for k in ("title",) if k in fields)
    logo_h1 = mastheads(page, shown)
    outlet = title_outlet(page, headlines, logo_h1)
    if outlet is not None:
        return outlet
    logo = logo_name(shown, [h for h in (*page.h1, *headlines) if h not in logo_h1])
    if logo:
        return Found(logo, "html: logo alt")
    name = " ".join(page.meta.get("application-name", "").split())
    return Found(name, "html: application-name") if name_like(name) else None


def site_names(page: Page, candidates: dict[str, Found], fields: dict[str, Found],
               shown: Shown) -> tuple[str, ...]:
    """Every name the page gives its site: the chosen source, the stated names as given
    (with a tagline), then `application-name` and the logo texts that read as names (some
    pages set `application-name` to the headline)."""
    names = [fields["source"].value if "source" in fields else ""]
    names += [candidates[r].value for r in PRIORITY["source"] if r in candidates]
    names += [n for n in (page.meta.get("application-name", ""), *shown.logos)
              if name_like(" ".join(n.split()), 4)]
    return tuple(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))


def choose_page_title(page: Page, candidates: dict[str, Found], fields: dict[str, Found],
                      shown: Shown) -> Found | None:
    """The headline (see `titlechoice.page_headline`)."""
    stated = [(candidates[r].value, r) for r in PRIORITY["title"] if r in candidates]
    cut = page_title(page, fields["source"].value if "source" in fields else "")
    chosen = page_headline(stated, page.title, cut.value if cut else "", page.h1,
                           site_names(page, candidates, fields, shown))
    return Found(*chosen) if chosen is not None else None


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


TEXT_FIELDS = frozenset({"title", "author", "source", "summary"})
ESCAPED_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference still in a value after the page was parsed: it was escaped twice
(`content="first foray into mobile gaming.&amp;nbsp;"`), as CMSs often do in `<meta>`."""


def once_more_unescaped(found: Found) -> Found:
    """`found` with character references escaped twice read as the characters they are, and
    its white space (no-break spaces included) made single spaces; the summary showed
    "mobile gaming.&nbsp;" to readers."""
    if not ESCAPED_ENTITY_RE.search(found.value):
        return found
    return Found(" ".join(html_lib.unescape(found.value).split()), found.rule)


def page_fields(page: Page, html: str, url: str) -> dict[str, Found]:
    """Every field the page states, each from its best rule (PRIORITY), then the `<title>`
    or first `<h1>` for the title and htmldate for the date."""
    candidates = {**microdata_fields(page), **json_ld_fields(page), **meta_fields(page)}
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
            fields[key] = once_more_unescaped(value) if key in TEXT_FIELDS else value
            break
    shown = read_shown(html)
    if "source" in fields:
        name = without_tagline(fields["source"].value)
        fields["source"] = Found(name, fields["source"].rule)
    else:
        outlet = shown_source(page, shown, fields)
        if outlet is not None:
            fields["source"] = outlet
    title = choose_page_title(page, candidates, fields, shown)
    if title is not None:
        fields["title"] = title
    else:
        fields.pop("title", None)
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
