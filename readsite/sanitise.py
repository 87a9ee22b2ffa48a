"""Make the rendered HTML of an untrusted article body safe to put in a page.

Articles migrated from Jekyll, Hugo, Pelican or WordPress carry raw HTML (`<img>`, `<table>`,
video embeds), so the Markdown parser lets it through and everything it renders is cleaned
here, once, by nh3: a maintained Rust allow-list sanitiser (ammonia on html5ever), which
parses the way a browser does, so entity-, case-, whitespace- and mutation-obfuscated
payloads meet the same allow-list as plain ones.  Nothing here tries to recognise bad HTML;
only the elements, attributes and URL schemes listed below survive.

On top of the allow-list, `_attribute` applies readsite's own rules (URL policy, `s-`
prefixed ids, `language-*` classes on code, video hosts for iframes, small `data:` images
only), and `_finish` runs over nh3's canonical output (every attribute double-quoted, `<`,
`>` and `"` escaped inside values) to drop iframes that lost their `src`, to show a note
where an embedded image was removed, and to mark external links `rel="nofollow noopener"`.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair on its own (a YAML or JSON `\\ud800` escape can make one): not a
character, so no UTF-8 file or page can hold it."""


def replace_surrogates(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, as a decoder would replace them."""
    return LONE_SURROGATE.sub("\ufffd", text)


ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
"""Link schemes a body may use; relative links and `#fragments` are always fine."""
ANCHOR_PREFIX = "s-"
"""Every id in a body starts with this, so it can't collide with (or clobber, via DOM named
access) the page's own ids; in-body `#fragment` links are pointed at the prefixed ids."""
VIDEO_HOSTS = ("https://www.youtube.com/embed/", "https://www.youtube-nocookie.com/embed/",
               "https://player.vimeo.com/video/")
"""The only addresses an `<iframe>` may load; any other iframe is dropped with its content."""
MAX_DATA_IMAGE = 2048
"""Largest `data:` image (in characters of its URL) kept inline; bigger ones are removed."""
DATA_IMAGE_RE = re.compile(r"data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)
"""The only `data:` URLs allowed, and only as an `<img src>`."""
REMOVED_IMAGE = "[image removed: embedded data]"
"""Shown where a too-big or non-image `data:` image was (the importer extracts them to files)."""

_HEADINGS = {f"h{n}" for n in range(1, 7)}
_TABLE = {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"}
_PHRASING = {"em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
             "abbr", "cite", "q", "kbd", "samp", "var", "code", "span", "br"}
ALLOWED_TAGS = frozenset({
    "p", "hr", "a", "img", "figure", "figcaption", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "details", "summary", "div", "section", "iframe",
    *_HEADINGS, *_TABLE, *_PHRASING,
})
"""Elements that survive; any other is removed and its text kept (script, style, template,
textarea and the like lose their content too)."""
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "iframe": {"src", "title", "width", "height", "allowfullscreen", "loading"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "abbr": {"title"},
    "details": {"open"},
}
"""Attributes that survive per element (`*`: on every allowed element).  No `style`, no
event handlers; `id` and `class` values are rewritten by `_attribute`."""
_ALIGN = {"align": {"left", "center", "right"}}
TAG_ATTRIBUTE_VALUES = {"th": _ALIGN, "td": _ALIGN}
"""Table cell alignment as an attribute with a fixed set of values, since `style` is gone."""
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "template", "textarea", "noscript",
                                "title", "select", "object", "embed", "svg", "math"})
"""Elements removed together with everything inside them."""

_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
_CLASS_RE = re.compile(r"[A-Za-z][\w-]{0,63}")
_LANGUAGE_RE = re.compile(r"language-[\w+#.-]{1,40}")
_SCHEME_LIKE_RE = re.compile(r"[^/?#]*:")
_REMOVED_SRC = "#readsite-removed-embedded-image"
"""Stand-in `src` that `_attribute` gives an image it removed, so `_finish` can show why."""


def is_safe_url(url: str) -> bool:
    """Whether a link target is relative or uses an allowed scheme."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme == "" or scheme in ALLOWED_SCHEMES


def is_data_image(url: str) -> bool:
    """Whether `url` is a `data:` URL of a raster image type a browser shows inline."""
    return DATA_IMAGE_RE.match(url.strip()) is not None


def prefixed_id(value: str) -> str:
    """`value` with the `s-` prefix, unless it already has it."""
    return value if value.startswith(ANCHOR_PREFIX) else ANCHOR_PREFIX + value


_ARTICLE_FRAGMENT_RE = re.compile(r"^(/articles/[^/?#]+/)#(.+)$")


def _site_link(url: str, base_path: str) -> str:
    """`/x/` written in an article means the site's own /x/: prefix the base path;
    `#x` means the body's own (prefixed) id, and `/articles/y/#x` another article's."""
    if url.startswith("#") and len(url) > 1 and url != "#top":
        return "#" + prefixed_id(url[1:])
    into_article = _ARTICLE_FRAGMENT_RE.match(url)
    if into_article and into_article[2] != "top":
        url = f"{into_article[1]}#{prefixed_id(into_article[2])}"
    if url.startswith("/") and not url.startswith("//") and base_path != "/":
        return base_path + url[1:]
    return url


def _url(tag: str, attr: str, value: str, base_path: str) -> str | None:
    """The URL to keep for `tag`'s `attr`, or None to drop it."""
    if tag == "img" and attr == "src" and value.strip().lower().startswith("data:"):
        keep = is_data_image(value) and len(value) <= MAX_DATA_IMAGE
        return value.strip() if keep else _REMOVED_SRC
    if tag == "iframe":
        return value if value.startswith(VIDEO_HOSTS) else None
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", value)
    if not is_safe_url(value) or (
        _SCHEME_LIKE_RE.match(cleaned) and urlsplit(cleaned).scheme.lower() not in ALLOWED_SCHEMES
    ):
        return None  # includes obfuscated schemes that no parser agrees on, like `java\0script:`
    return _site_link(value, base_path)


def _attribute(tag: str, attr: str, value: str, base_path: str) -> str | None:
    """readsite's rules on top of nh3's allow-list: the value to keep, or None to drop."""
    if attr in _URL_ATTRIBUTES:
        return _url(tag, attr, value, base_path)
    if attr == "id":
        cleaned = "".join(value.split())
        return prefixed_id(cleaned) if cleaned else None
    if attr == "class":
        pattern = _LANGUAGE_RE if tag == "code" else _CLASS_RE
        kept = [name for name in value.split() if pattern.fullmatch(name)]
        return " ".join(kept) or None
    return value


@lru_cache(maxsize=16)
def _cleaner(base_path: str) -> nh3.Cleaner:
    """The configured nh3 cleaner for a site published under `base_path`."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        tag_attribute_values={tag: {a: set(v) for a, v in values.items()}
                              for tag, values in TAG_ATTRIBUTE_VALUES.items()},
        set_tag_attribute_values={"img": {"loading": "lazy"}, "iframe": {"loading": "lazy"}},
        attribute_filter=lambda tag, attr, value: _attribute(tag, attr, value, base_path),
        url_schemes={*ALLOWED_SCHEMES, "data"},  # data: only survives `_url` as a small image
        strip_comments=True,
        link_rel=None,
    )


_IFRAME_RE = re.compile(r"<iframe\b([^>]*)>.*?</iframe>", re.DOTALL)
_REMOVED_IMG_RE = re.compile(rf'<img\b[^>]*\ssrc="{re.escape(_REMOVED_SRC)}"[^>]*>')
_LINK_RE = re.compile(r'<a\s([^>]*)>')
_HREF_RE = re.compile(r'(?:^|\s)href="([^"]*)"')


def _is_external(href: str) -> bool:
    """Whether a link leaves the site (http(s) or protocol-relative)."""
    parts = urlsplit(html.unescape(href))
    return parts.scheme.lower() in ("http", "https") or (not parts.scheme and bool(parts.netloc))


def _mark_link(match: re.Match[str]) -> str:
    href = _HREF_RE.search(match.group(1))
    if href is None or not _is_external(href.group(1)):
        return match.group(0)
    return f'<a {match.group(1)} rel="nofollow noopener">'


def _finish(cleaned: str) -> str:
    """Post-pass over nh3's canonical output (no `>` inside attribute values)."""
    cleaned = _IFRAME_RE.sub(
        lambda m: f"<iframe{m.group(1)}></iframe>" if ' src="' in m.group(1) else "", cleaned)
    cleaned = _REMOVED_IMG_RE.sub(REMOVED_IMAGE, cleaned)
    return _LINK_RE.sub(_mark_link, cleaned)


def sanitise(fragment: str, base_path: str = "/") -> str:
    """Untrusted HTML → HTML with only allow-listed elements, attributes and URLs;
    root-relative links get `base_path`."""
    return _finish(_cleaner(base_path).clean(fragment))


_INLINE = _PHRASING | {"a", "label", "font", "tt", "big", "strike", "time", "data", "bdi"}
_SKIPPED = CLEAN_CONTENT_TAGS | {"iframe", "head", "xmp", "noembed", "noframes"}


class TolerantParser(HTMLParser):
    """The standard library's HTML parser, reading `<![anything` as a browser does.

    Outside `<![CDATA[` a browser reads `<![t ...>` as a bogus comment up to the next `>`;
    Python's parser (3.11) raises AssertionError on an unknown keyword there, which would
    end a build with a traceback (found by fuzzing: `<script><![t](javascript:x)`)."""

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Skip `<![...` up to the next `>` unless it is a section the parser knows."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1


class _TextOf(TolerantParser):
    """The readable text of an HTML fragment: block elements become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter a skipped element, or break the line at a block element."""
        if tag in _SKIPPED:
            self.skipping.append(tag)
        elif tag not in _INLINE:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Leave a skipped element, or break the line at a block element."""
        if tag in self.skipping:
            del self.skipping[self.skipping.index(tag):]
        elif tag not in _INLINE:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements."""
        if not self.skipping:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (no tags, no comments, no script or style text), one
    line per block, whitespace collapsed."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
