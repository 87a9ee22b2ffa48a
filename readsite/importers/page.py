"""A saved page as the standard library's HTML parser sees it: its charset, `<meta>` tags,
JSON-LD, schema.org microdata, `<title>`, `<h1>`s, its quote boxes and every visible line of
text.

No extraction happens here (that is trafilatura's job, in `html`): this is what the page
states about itself, read in one pass that never raises on broken markup.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "source", "track", "wbr"})
QUOTE_CLASS_WORDS = ("pull", "quote")
"""Words of a `class` that mark a quote box ("pullquote", "pull-quote", "quote-card"): with
`<blockquote>`, the boxes whose text may repeat a sentence of the story."""
QUOTE_TAGS = frozenset({"blockquote", "aside"})
"""Elements that may be a quote box whatever their class (judged by content in `tidy`)."""
COLLECT_MAX_CHARS = 4000
"""Most text kept for one microdata property or quote box (a value, not a whole story)."""
COLLECT_MAX_OPEN = 64
"""Most elements collecting text at once (the innermost are kept; broken markup can leave
thousands open)."""
SIGNUP_TAGS = frozenset({"div", "section", "aside", "form", "footer"})
"""Elements that may be a newsletter sign-up box."""
SIGNUP_MAX_WORDS = 40
"""Most words of a sign-up box (more, and the element holds more than the box: the story
itself may sit in the same `<div>` as a form)."""
URL_PROPERTIES = frozenset({"url", "sameas", "image", "mainentityofpage"})
"""Microdata properties whose value is an address (`href`/`src`), not text."""



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
    headings: list[tuple[int, str, str]] = field(default_factory=list)
    """Each `<h2>`..`<h6>`: (level, text, the visible line that follows it)."""
    microdata: list[Item] = field(default_factory=list)
    """Each schema.org microdata item (`itemscope`), in the order it ends."""
    quotes: list[str] = field(default_factory=list)
    """The text of each `<blockquote>` and `<aside>`, and each element whose class names a
    quote box."""
    loose: dict[str, list[str]] = field(default_factory=dict)
    """Microdata properties outside any item (`<span itemprop="author" itemscope>` with no
    article item around it), each property's values in page order."""
    signups: list[str] = field(default_factory=list)
    """The lines of each small box with a heading and an e-mail field (a newsletter sign-up):
    never the story, whatever class names it has."""


@dataclass(slots=True)
class Item:
    """One microdata item: its `itemtype`s' last parts, lower-cased ("newsarticle"), and
    each property's values in page order (a nested item's value is its `name`, else its
    text)."""

    types: tuple[str, ...] = ()
    properties: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class _Open:
    """An element still open, as far as microdata and quote boxes need it."""

    tag: str
    props: tuple[str, ...] = ()
    """Its `itemprop` names (lower-cased)."""
    item: Item | None = None
    """The item it starts (`itemscope`)."""
    value: str = ""
    """Its property value from an attribute (`content`, `datetime`, `href`), if any."""
    text: list[str] | None = None
    """Its text, collected when it is a property or a quote box."""
    quote: bool = False
    size: int = 0
    """How many characters of text it has collected."""
    start: int = 0
    """How many lines of text the page had when it opened."""
    email: bool = False
    """Whether it holds an e-mail field."""
    heading: bool = False
    """Whether it holds a heading (`<h2>`..`<h6>`)."""
    signup: bool = False
    """Whether a sign-up box was found right inside it."""


STATE_MAX_WORDS = 15
"""Most words of a line a sign-up widget shows only after its form is sent ("Thanks for
signing up!", "Sorry!", "Please check the opt-in box to acknowledge that you would like to
subscribe.")."""


STATE_WORDS_RE = re.compile(
    r"\b(?:sign(?:ed|ing)?[ -]?up|subscri\w*|inbox|e-?mail|newsletters?|opt(?:ed)?[ -]?in|"
    r"thanks?|thank you|confirm\w*|error|try again|success\w*|registered|welcome)\b", re.I)
"""What a sign-up widget's messages speak of: a story's own short lines do not."""
SHORT_CRY_RE = re.compile(r"^\W*\w+(?:\s+\w+){0,2}\s*!\W*$")
"""A message of three words or fewer ending with "!" ("Sorry!", "Oops!", "All set!")."""
STATE_MAX_LINES = 6
"""Most such lines beside the box (a sent, a failed and a check-the-box state, each a
heading and a line)."""


def _states_only(lines: Sequence[str], signups: Sequence[str]) -> bool:
    """Whether the lines of an element holding a sign-up box, besides the box's own, are
    only the short messages the widget shows once its form is sent: the box and its
    messages sit side by side in the widget, and the messages stayed in the story."""
    box = set(signups)
    rest = [line for line in lines if line not in box]
    return 0 < len(rest) <= STATE_MAX_LINES and all(
        len(line.split()) <= STATE_MAX_WORDS and (
            STATE_WORDS_RE.search(line) is not None or SHORT_CRY_RE.match(line) is not None)
        for line in rest)


def _email_field(values: dict[str, str]) -> bool:
    """Whether an `<input>` asks for an e-mail address (`type="email"`, or a name, id or
    placeholder saying so)."""
    if values.get("type", "").strip().lower() == "email":
        return True
    said = " ".join(values.get(k, "") for k in ("name", "id", "placeholder")).lower()
    return "email" in said or "e-mail" in said


def _types(itemtype: str) -> tuple[str, ...]:
    return tuple(t.rstrip("/").rsplit("/", 1)[-1].lower() for t in itemtype.split() if t)


class _PageParser(HTMLParser):
    """Collects a `Page` in one pass; never raises on broken markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.skipping: list[str] = []
        self.text: list[str] = []
        self.capture = ""  # "title", "json", "h1".."h6" while inside one
        self.heading: tuple[int, str] | None = None  # an <h2>..<h6> waiting for its next line
        self.captured: list[str] = []
        self.open: list[_Open] = []  # every element not yet closed (for microdata, quotes)
        self.open_tags: dict[str, int] = {}  # how many of each tag are in `open`
        self.collecting: list[_Open] = []  # those of `open` whose text is collected
        self.items: list[Item] = []  # the items of `open`, outermost first

    def owner(self) -> Item | None:
        """The innermost item a property found now belongs to."""
        return self.items[-1] if self.items else None

    def open_element(self, tag: str, values: dict[str, str]) -> None:
        """Track an element for microdata and quote boxes (a void one ends at once)."""
        props = tuple(values.get("itemprop", "").lower().split())
        item = Item(_types(values.get("itemtype", ""))) if "itemscope" in values else None
        value = ""
        if props and item is None:
            if "content" in values:
                value = values["content"]
            elif tag == "time" and values.get("datetime", "").strip():
                value = values["datetime"]
            elif any(p in URL_PROPERTIES for p in props):
                value = values.get("href") or values.get("src") or ""
        classes = values.get("class", "").lower()
        quote = tag in QUOTE_TAGS or (tag not in VOID_TAGS and any(
            w in classes for w in QUOTE_CLASS_WORDS))
        element = _Open(tag, props, item, value.strip(), [] if props or quote else None, quote,
                        start=len(self.page.blocks))
        if tag == "input" and _email_field(values):
            for outer in self.open:
                outer.email = True
        if tag in HEADING_TAGS and tag != "h1":
            for outer in self.open:
                outer.heading = True
        if tag in VOID_TAGS:
            self.close_element(element)
            return
        self.open.append(element)
        self.open_tags[tag] = self.open_tags.get(tag, 0) + 1
        if item is not None:
            self.items.append(item)
        if element.text is not None:
            self.collecting.append(element)
            if len(self.collecting) > COLLECT_MAX_OPEN:
                del self.collecting[0]

    def pop_element(self) -> _Open:
        """The innermost open element, closed."""
        element = self.open.pop()
        self.open_tags[element.tag] -= 1
        if element.item is not None and self.items:
            self.items.pop()
        if element.text is not None and self.collecting and self.collecting[-1] is element:
            self.collecting.pop()
        if element.email and element.heading and element.tag in SIGNUP_TAGS:
            self.flush()
            lines = self.page.blocks[element.start:]
            boxed = sum(len(line.split()) for line in lines) <= SIGNUP_MAX_WORDS or (
                element.signup and _states_only(lines, self.page.signups))
            if boxed:
                self.page.signups.extend(lines)
                if self.open:
                    self.open[-1].signup = True
        self.close_element(element)
        return element

    def close_element(self, element: _Open) -> None:
        """An element ends: its item is kept, its property value given to its owner."""
        text = " ".join("".join(element.text or ()).split())
        if element.quote and text:
            self.page.quotes.append(text)
        if element.item is not None:
            self.page.microdata.append(element.item)
            names = element.item.properties.get("name")
            text = names[0] if names else text
        value = element.value or (text if element.item is not None or element.tag not in
                                  VOID_TAGS else "")
        owner = self.owner()
        if value:
            found = owner.properties if owner is not None else self.page.loose
            for prop in element.props:
                found.setdefault(prop, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if not self.skipping and tag not in SKIPPED_TAGS:
            self.open_element(tag, values)
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
            if self.capture in HEADING_TAGS:
                self.captured.append(" ")  # "Costs<br>and fees" is "Costs and fees"
        if tag in HEADING_TAGS and not self.skipping and not self.capture:
            self.capture, self.captured = tag, []

    def handle_endtag(self, tag: str) -> None:
        if not self.skipping and self.open_tags.get(tag):
            while self.open and self.pop_element().tag != tag:
                pass
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
        if self.capture in HEADING_TAGS and tag == self.capture:
            text = " ".join("".join(self.captured).split())
            if tag == "h1":
                self.page.h1.append(text)
            elif text:
                self.heading = (int(tag[1]), text)
            self.capture = ""
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.capture:
            self.captured.append(data)
        if not self.skipping:
            self.text.append(data)
            full = False
            for element in self.collecting:
                if element.text is not None:
                    element.text.append(data)
                    element.size += len(data)
                    full = full or element.size >= COLLECT_MAX_CHARS
            if full:
                self.collecting = [e for e in self.collecting if e.size < COLLECT_MAX_CHARS]

    def flush(self) -> None:
        """End the current line of visible text."""
        line = " ".join("".join(self.text).split())
        if line:
            self.page.blocks.append(line)
            if self.heading is not None and line != self.heading[1]:
                self.page.headings.append((*self.heading, line))
                self.heading = None
        self.text = []


def read_page_info(html: str) -> Page:
    """The metadata, JSON-LD and visible text blocks of a page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    parser.flush()
    while parser.open:
        parser.pop_element()
    return parser.page
