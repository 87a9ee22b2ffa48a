"""The one configured Markdown renderer for untrusted article text.

markdown-it-py's `js-default` preset is CommonMark with raw HTML *off*, so article text can
never inject tags.  On top of it: an allow-list of link schemes (no `javascript:`, `data:`,
`vbscript:`, `file:`), heading ids prefixed with `s-` so they can't collide with (or
clobber, via DOM named access) the page's own ids, and external links marked
`rel="nofollow noopener"`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from slugify import slugify

from readsite.models import Heading

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
"""Link schemes a body may use; relative links and `#fragments` are always fine."""

ANCHOR_PREFIX = "s-"


def is_safe_url(url: str) -> bool:
    """Whether a link target is relative or uses an allowed scheme."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme == "" or scheme in ALLOWED_SCHEMES


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered Markdown body."""

    html: str
    """Safe HTML."""
    text: str
    """Plain text (inline content of every block, joined by newlines)."""
    headings: tuple[Heading, ...]
    """Headings with the ids they were given."""


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("js-default", {"typographer": False})
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    return md


_PARSER = _make_parser()


def _inline_text(token: Token) -> str:
    if not token.children:
        return token.content
    return "".join(
        child.content for child in token.children if child.type in ("text", "code_inline")
    )


def _site_link(url: str, base_path: str) -> str:
    """`/x/` written in an article means the site's own /x/: prefix the base path."""
    if url.startswith("/") and not url.startswith("//") and base_path != "/":
        return base_path + url[1:]
    return url


def _annotate(tokens: list[Token], base_path: str) -> tuple[tuple[Heading, ...], str]:
    """Give headings unique prefixed ids, prefix root-relative links with the base path,
    mark external links; return headings and text."""
    headings: list[Heading] = []
    seen: set[str] = set()
    text_parts: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "inline":
            text_parts.append(_inline_text(token))
            for child in token.children or []:
                if child.type == "link_open":
                    href = str(child.attrGet("href") or "")
                    child.attrSet("href", _site_link(href, base_path))
                    if urlsplit(href).scheme in ("http", "https"):
                        child.attrSet("rel", "nofollow noopener")
                elif child.type == "image":
                    child.attrSet("src", _site_link(str(child.attrGet("src") or ""), base_path))
                    child.attrSet("loading", "lazy")
        if token.type != "heading_open":
            continue
        text = _inline_text(tokens[index + 1])
        base = ANCHOR_PREFIX + (slugify(text, max_length=60, word_boundary=True) or "section")
        anchor, n = base, 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        token.attrSet("id", anchor)
        headings.append(Heading(int(token.tag[1]), text, anchor))
    return tuple(headings), "\n".join(part for part in text_parts if part)


def render(source: str, base_path: str = "/") -> Rendered:
    """Render untrusted Markdown to safe HTML, with headings and plain text; root-relative
    links get `base_path` (a site published under /repo/ keeps working)."""
    env: dict[str, object] = {}
    tokens = _PARSER.parse(source, env)
    headings, text = _annotate(tokens, base_path)
    html = _PARSER.renderer.render(tokens, _PARSER.options, env)
    return Rendered(html, text, headings)


def render_inline(source: str, base_path: str = "/") -> str:
    """Render a short Markdown snippet (site intro, topic description) to safe HTML, with the
    same link rules as an article body."""
    return render(source, base_path).html
