"""Lines that state metadata → `Metadata`; they leave the body, each traced with its rule.

Source and URL lines count anywhere; bylines, dates, label lines ("Host: ...") and outlet
lines only in the header region (the lines before the first real paragraph) or at the very
end, where a page puts them.  Nothing is guessed: a value is found only when a line states it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from readsite.normalise.blocks import Block
from readsite.normalise.byline import (
    _FIELD_SPLIT,
    BYLINE,
    SIGNATURE,
    byline_outlet,
    is_outlet_name,
    parse_byline,
    parse_credits,
    parse_signature,
)
from readsite.normalise.dates import (
    DATE_LINE,
    STORAGE_DATE,
    is_updated,
    parse_date,
    storage_date,
)
from readsite.normalise.factrow import FACT_ROW_FIELDS, fact_row_fields
from readsite.normalise.headerdates import (
    DATE_UNDER_HEADER,
    NAME_DATE,
    date_under_header,
    name_date,
)
from readsite.normalise.headerfields import (
    HEADER_FIELDS,
    PUBLISHED_IN_LINE,
    ROLE_LINE_UNDER,
    Found,
    name_line,
)
from readsite.normalise.headerfields import parse_header_fields as parse_header_fields
from readsite.normalise.names import is_name
from readsite.normalise.outlets import (
    KNOWN_OUTLET,
    KNOWN_OUTLETS,
    OUTLET_TIMESTAMP,
    parse_outlet_timestamp,
)
from readsite.normalise.postmeta import POST_META_ROW, post_meta_row
from readsite.normalise.rolelines import NAME_ROLE, name_with_role
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, split_sentences, words
from readsite.normalise.trace import Trace

CREDITS_LINE = Rule("credits-line", "A wire story's credits line at the end (\"Reporting by Ana "
                    "Gil in Lisbon; Editing by Mia Wong\"): the reporters are the author, unless a "
                    "byline names one.")
SOURCE_LINE = Rule("source-line", "A \"Source: Outlet – Section\" / \"Via: URL\" line: the outlet "
                   "(and the address when it gives one).")
URL_LINE = Rule("url-line", "An \"Originally published at URL\" / \"URL: ...\" line: the address.")
LABEL_LINE = Rule("label-line", "A metadata label line in the header (\"Podcast:\", \"Host:\", "
                  "\"Guest:\", \"Topic:\", \"Date:\"): front matter (`extra`, or the date).")
SPLIT_LABEL = Rule("split-label", "A label on a line of its own (\"Author\", \"Source\", \"Date\") "
                   "and its value on the next line: that value.")
PUBLISHED_IN = Rule("published-in", "A platform's \"Published in <Publication>\" line (Medium "
                   "and the like), or \"Published in\" over the name: the source, never the title.")


def is_published_in(text: str) -> bool:
    """Whether a line is a platform's "Published in <Publication>" line (or its label)."""
    text = text.strip()
    match = PUBLISHED_IN_LINE.match(text)
    return fold_line(text) in ("published in", "posted in") or bool(
        match and is_outlet_name(match.group("name")))


LABEL_KEYS = {"podcast": "podcast", "show": "podcast", "host": "host", "hosts": "host",
              "guest": "guest", "guests": "guest", "topic": "topic", "topics": "topic",
              "date": "date"}
"""Label-line words → the front matter key their value goes to."""

SPLIT_LABELS = {"author": "author", "authors": "author", "by": "author", "written by": "author",
                "autor": "author", "auteur": "author", "source": "source", "quelle": "source",
                "date": "date", "published": "date", "datum": "date", **LABEL_KEYS}
"""A label alone on a line → the key of the value on the next line."""

EDGE = 4
"""How many blocks from the top or bottom may hold a byline or a date line."""

HEADER_LIMIT = 12
"""The header region ends at the first real paragraph, and at the latest after this many."""

HEADLINE_WORDS = 20
"""Most words of a first line ending in a stop that may still be the headline."""

PROSE_WORDS = 30
"""A paragraph of at least this many words is article text: the header region ends there."""

_URL = re.compile(r"^<?(https?://[^\s<>]+)>?$")
_SOURCE_LINE = re.compile(r"^(?:source|via|quelle|fuente)\s*:\s*(?P<value>.+)$", re.I)
_URL_LINE = re.compile(
    r"^(?:originally\s+published\s+(?:at|on|in)|original(?:\s+article)?|url|link|"
    r"canonical(?:\s+url)?)\s*:?\s*(?P<value>.+)$", re.I)
_LABEL = re.compile(r"^(?P<key>podcast|show|hosts?|guests?|topics?|date)\s*:\s*(?P<value>.+)$",
                    re.I)


def as_url(text: str) -> str:
    """The URL if `text` is exactly one http(s) URL (optionally in <>), else ""."""
    match = _URL.match(text.strip())
    return match.group(1) if match else ""


def parse_source_line(line: str) -> tuple[str, str] | None:
    """(source, url) from a "Source: Outlet - Section" / "Via: URL" line; None if not one."""
    if len(line) > 150:
        return None
    match = _SOURCE_LINE.match(line)
    if not match:
        return None
    parts = [p.strip() for p in _FIELD_SPLIT.split(match.group("value")) if p.strip()]
    if not parts:
        return None
    url = next((as_url(p) for p in parts if as_url(p)), "")
    source = "" if as_url(parts[0]) else parts[0]
    return source, url


def parse_url_line(line: str) -> str:
    """The URL stated by an "Originally published at URL" / "URL: ..." line, else ""."""
    if len(line) > 300:
        return ""
    match = _URL_LINE.match(line)
    return as_url(match.group("value")) if match else ""


def parse_label_line(line: str) -> tuple[str, str] | None:
    """(key, value) from "Host: Jane Doe" / "Topic: AI chips"; None for prose after a colon."""
    match = _LABEL.match(line.strip())
    if not match:
        return None
    value = match.group("value").strip()
    if len(words(value)) > 15 or len(split_sentences(value)) > 1:
        return None
    key = LABEL_KEYS[match.group("key").casefold()]
    if key == "date" and parse_date(value) is None:
        return None
    return key, value


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the text states about itself, found on lines of their own."""

    source: str = ""
    """Outlet named on a "Source:" line."""
    url: str = ""
    """Original address stated in the text."""
    author: str = ""
    """Author from a byline or an author box."""
    date: dt.date | None = None
    """Date stated on a line of its own, or in the byline."""
    updated: dt.date | None = None
    """Date an "Updated ..." line states."""
    extra: dict[str, str] = field(default_factory=dict)
    """Label lines (`podcast`, `host`, `guest`, `topic`)."""


def is_prose(block: Block) -> bool:
    """Whether a block is article text: long, or a sentence of a few words ending in a stop."""
    if block.heading or block.markup:
        return False
    count = len(words(block.text))
    return count >= PROSE_WORDS or (count >= 4 and block.text.rstrip()[-1:] in ".!?"
                                    and not parse_date(block.text)
                                    and not parse_label_line(block.text))


def header_end(blocks: Sequence[Block]) -> int:
    """Index of the first real paragraph: the blocks before it are the header region."""
    short = 0
    for index, block in enumerate(blocks[:HEADER_LIMIT]):
        if is_prose(block):
            if index == 0 and len(words(block.text)) <= HEADLINE_WORDS:
                continue  # a headline of two short sentences ("X. Y."), not the story yet
            if len(words(block.text)) >= PROSE_WORDS or short:
                return index
            short += 1  # one short paragraph may be the dek, with the byline under it
    return min(len(blocks), HEADER_LIMIT)


def extract_metadata(blocks: Sequence[Block], outlets: frozenset[str] = KNOWN_OUTLETS,
                     ) -> tuple[Metadata, list[Block], list[Trace]]:
    """Metadata lines → Metadata (first value per key wins) and traces; they leave the body."""
    rest: list[Block] = []
    traces: list[Trace] = []
    values: dict[str, Any] = {}
    count = len(blocks)
    top = max(EDGE, header_end(blocks))
    skip = False
    for index, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        if block.markup or block.heading:
            rest.append(block)
            continue
        near_edge = index < top or index >= count - EDGE
        nxt = blocks[index + 1] if index + 1 < count else None
        found = _metadata_line(block.text, near_edge, outlets)
        if found is None and index == top and "date" not in values and "updated" not in values:
            late = date_under_header(blocks, top)  # under furniture run into one block
            found = [(late[0], late[1], DATE_UNDER_HEADER)] if late else None
        if found is None and near_edge and nxt is not None and not nxt.markup:
            found = _split_label(block.text, nxt.text)
            skip = found is not None
        if found is None and index < top and nxt is not None and not nxt.markup:
            found, skip = name_line(block.text, nxt.text)
        if (found is not None and not skip and index < top and nxt is not None
                and not nxt.markup and found[0][2] is BYLINE
                and ROLE_LINE_UNDER.match(nxt.text.strip())):
            skip = True  # the writer's role under a byline ("By Jane Doe" / "Staff Writer")
        if found is not None and found[0][2] is SIGN_OFF and index and re.search(
                r"[\"\u201d\u2019»]$", blocks[index - 1].text.strip()):
            found = None  # "— Jane Doe" under a quotation attributes the quote
        if found is None:
            rest.append(block)
            continue
        split = skip and found[0][2] is SPLIT_LABEL and nxt is not None
        for key, value, rule in found:
            traces.append(rule.found(key, value, nxt.line if split and nxt else block.line))
            values.setdefault(key, value)
        if split:
            traces.append(SPLIT_LABEL.dropped(block.text, block.line))
        elif skip and nxt is not None:
            traces.append(found[0][2].dropped(nxt.text, nxt.line))
    extra = {k: v for k, v in values.items() if k in ("podcast", "host", "guest", "topic")}
    meta = Metadata(source=values.get("source", "") or values.get("podcast", ""),
                    url=values.get("url", ""),
                    author=values.get("author", "") or values.get("host", ""),
                    date=values.get("date"),
                    updated=values.get("updated"), extra=extra)
    return meta, rest, traces




def _metadata_line(text: str, near_edge: bool, outlets: frozenset[str]) -> Found | None:
    """The metadata a single line states, or None if the line is article text."""
    source = parse_source_line(text)
    if source is not None:
        pairs = [("source", source[0]), ("url", source[1])]
        return [(k, v, SOURCE_LINE) for k, v in pairs if v] or None
    url = parse_url_line(text)
    if url:
        return [("url", url, URL_LINE)]
    row = post_meta_row(text)
    if row is not None:
        return [("author", row[0], POST_META_ROW), ("date", row[1], POST_META_ROW)]
    if not near_edge:
        return None
    return _edge_line(text, outlets)


SIGN_OFF = Rule("sign-off", "A writer's sign-off at the top or the end: a dash and a bare name "
                "(\"— Jane Doe\"), not under a quotation (a quote's attribution): the author.")
_SIGN_OFF = re.compile(r"^[\u2014\u2013-]{1,2}\s*(?P<name>[^\W\d][^,|·•]{2,50})$")

_FIRST_PUBLISHED = re.compile(r"^(?:this (?:article|story|post|piece|essay|column) (?:was|is) )?"
                              r"(?:originally|first) published (?:on|in)\s+(?P<date>.{6,50}?)"
                              r"\.?$", re.I)
"""A closing note that states the date: "This article was originally published on March 3,
2026." (an address after "published at" is `URL_LINE`'s)."""


def _edge_line(text: str, outlets: frozenset[str]) -> Found | None:
    """The metadata a line in the header region or at the end states (bylines, dates ...)."""
    published = PUBLISHED_IN_LINE.match(text.strip())
    if (published is not None and is_outlet_name(published.group("name"))
            and parse_date(published.group("name")) is None
            and not re.match(r"[\d(]", published.group("name"))):
        return [("source", published.group("name").strip(), PUBLISHED_IN)]
    label = parse_label_line(text)
    if label is not None:
        key, value = label
        return [(key, parse_date(value) if key == "date" else value, LABEL_LINE)]
    byline = parse_byline(text)
    if byline is not None:
        pairs3: list[tuple[str, Any]] = [("author", byline[0]), ("date", byline[1]),
                                         ("source", byline_outlet(text))]
        return [(k, v, BYLINE) for k, v in pairs3 if v]
    if as_url(text):
        return [("url", as_url(text), URL_LINE)]
    credits = parse_credits(text)
    if credits:
        return [("author", credits, CREDITS_LINE)]
    signature = parse_signature(text)
    if signature is not None:
        pairs = (("author", signature[0]), ("source", signature[1]))
        return [(k, v, SIGNATURE) for k, v in pairs if v]
    sign_off = _SIGN_OFF.match(text.strip())
    if sign_off is not None and is_name(sign_off.group("name")):
        return [("author", sign_off.group("name"), SIGN_OFF)]
    date = parse_date(text)
    if date is not None:
        return [("updated" if is_updated(text) else "date", date, DATE_LINE)]
    first = _FIRST_PUBLISHED.match(text.strip())
    if first is not None and parse_date(first.group("date")) is not None:
        return [("date", parse_date(first.group("date")), DATE_LINE)]
    if fold_line(text) in outlets:
        return [("source", text.strip(), KNOWN_OUTLET)]
    stamp = parse_outlet_timestamp(text)
    if stamp is not None:
        pairs2: list[tuple[str, Any]] = [("source", stamp[0]), ("date", stamp[1])]
        return [(k, v, OUTLET_TIMESTAMP) for k, v in pairs2 if v]
    named = name_with_role(text)
    if named is not None:
        return [("author", named, NAME_ROLE)]
    fields = parse_header_fields(text, outlets)
    if fields:
        return [(k, v, HEADER_FIELDS) for k, v in fields]
    row = fact_row_fields(text)
    if row:
        return [(k, v, FACT_ROW_FIELDS) for k, v in row]
    glued = name_date(text)
    if glued is not None:
        return [("author", glued[0], NAME_DATE), (glued[1], glued[2], NAME_DATE)]
    return None


def _split_label(label: str, value: str) -> Found | None:
    """A label line ("Author") and the value on the next line ("Jane Doe"), or None."""
    if fold_line(label) in ("published in", "posted in") and is_outlet_name(value) and (
            parse_date(value) is None and not re.match(r"[\d(]", value.strip())):
        return [("source", value.strip(), PUBLISHED_IN)]
    key = SPLIT_LABELS.get(fold_line(label))
    if key is None or len(words(value)) > 8:
        return None
    if key == "author":
        byline = parse_byline(value)
        name = byline[0] if byline else value.strip()
        return [("author", name, SPLIT_LABEL)] if is_name(name) else None
    if key == "date":
        date = parse_date(value)
        return [("date", date, SPLIT_LABEL)] if date else None
    if key == "source":
        return [("source", value.strip(), SPLIT_LABEL)] if is_outlet_name(value) else None
    return [(key, value.strip(), SPLIT_LABEL)] if len(split_sentences(value)) == 1 else None


def extract_storage_dates(blocks: Sequence[Block]) -> tuple[dt.date | None, list[Block],
                                                              list[Trace]]:
    """The date of the first " date 2026-02-23" storage token; every token leaves the body."""
    date: dt.date | None = None
    rest: list[Block] = []
    traces: list[Trace] = []
    for block in blocks:
        found = None if block.markup or block.heading else storage_date(block.text)
        if found is None:
            rest.append(block)
            continue
        text, stated = found
        date = date or stated
        traces.append(STORAGE_DATE.found("date", stated, block.line))
        if text:
            rest.append(replace(block, text=text))
    return date, rest, traces
