"""The one configured Markdown renderer for untrusted article text.

markdown-it-py's `js-default` preset (CommonMark plus tables and strikethrough) with raw HTML
*on*, because articles migrated from other generators carry `<img>`, `<table>` and video
embeds; what comes out is then cleaned by `readsite.sanitise` (nh3 with an allow-list), so
article text still can never inject script, styles or event handlers.  mdit-py-plugins add
what migrated blogs use: footnotes, definition lists, task lists and `{#id .class}`
attributes.  On top: an allow-list of link schemes (no `javascript:`, `vbscript:`, `file:`;
`data:` only for small raster images), heading ids (and every other id) prefixed with `s-`
so they can't collide with (or clobber, via DOM named access) the page's own ids, and
external links marked `rel="nofollow noopener"`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_attrs
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin
from slugify import slugify

from readsite.models import Heading
from readsite.sanitise import (
    ALLOWED_SCHEMES,
    ANCHOR_PREFIX,
    CLEAN_CONTENT_TAGS,
    html_text,
    is_data_image,
    is_safe_url,
    prefixed_id,
    sanitise,
)

__all__ = ["ALLOWED_SCHEMES", "ANCHOR_PREFIX", "Rendered", "is_safe_url", "render",
           "render_inline"]

ATTRIBUTES = ("id", "class", "width", "height", "title")
"""Attributes `{...}` may set; the sanitiser has the last word on each element."""
TASK_BOXES = {False: "☐", True: "☑"}
"""Task-list items show a ballot box rather than a (disabled) `<input>`: no form element ever
reaches a page, and the state reads the same in a feed reader or a screen reader."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered Markdown body."""

    html: str
    """Safe HTML."""
    text: str
    """Plain text (inline content of every block, joined by newlines)."""
    headings: tuple[Heading, ...]
    """Headings with the ids they were given."""


def _validate_link(url: str) -> bool:
    """Links and images markdown-it may make: safe schemes, and `data:` raster images (which
    the sanitiser keeps only as small `<img>`s), so a pasted image never shows as base64."""
    return is_safe_url(url) or is_data_image(url)


def _heading_attributes(state: StateCore) -> None:
    """`## Title {#id .class}` (Pandoc, kramdown and Hugo spell heading ids this way): move
    the trailing attributes onto the heading."""
    for index, token in enumerate(state.tokens):
        inline = state.tokens[index + 1] if token.type == "heading_open" else None
        last = inline.children[-1] if inline and inline.children else None
        if inline is None or last is None or last.type != "text":
            continue
        start = last.content.rfind("{")
        if start < 0 or not last.content.rstrip().endswith("}"):
            continue
        try:
            end, attrs = parse_attrs(last.content[start:].rstrip())
        except ParseError:
            continue
        if start + end + 1 != len(last.content.rstrip()):
            continue
        last.content = last.content[:start].rstrip()
        inline.content = inline.content[: inline.content.rfind("{")].rstrip()
        for key, value in attrs.items():
            if key in ("id", "class"):
                token.attrSet(key, value)


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("js-default", {"html": True, "typographer": False})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.use(footnote_plugin).use(deflist_plugin).use(tasklists_plugin)
    md.use(attrs_plugin, allowed=ATTRIBUTES).use(attrs_block_plugin, allowed=ATTRIBUTES)
    md.core.ruler.after("inline", "heading_attributes", _heading_attributes)
    return md


_PARSER = _make_parser()


_HIDDEN_OPEN = re.compile(
    r"<(" + "|".join(sorted(CLEAN_CONTENT_TAGS | {"iframe"})) + r")\b(?![^>]*/>)", re.I)
"""Inline raw HTML whose content the sanitiser removes, so the plain text must skip it too."""


def _inline_text(token: Token) -> str:
    """The text of an inline token: text and code, without raw HTML or hidden content."""
    if not token.children:
        return token.content
    parts: list[str] = []
    hidden = ""
    for child in token.children:
        if child.type == "html_inline":
            opened = _HIDDEN_OPEN.match(child.content)
            if not hidden and opened:
                hidden = opened.group(1).lower()
            elif hidden and child.content.lower().startswith(f"</{hidden}"):
                hidden = ""
        elif not hidden and child.type in ("text", "code_inline"):
            parts.append(child.content)
    return "".join(parts)


def _task_box(tokens: list[Token], index: int) -> None:
    """Replace the tasklists plugin's `<input type=checkbox>` with a ballot box character."""
    item = tokens[index - 2] if index >= 2 else None
    children = tokens[index].children
    if (item is None or item.type != "list_item_open" or not children
            or "task-list-item" not in str(item.attrGet("class") or "")):
        return
    first = children[0]
    if first.type == "html_inline" and first.content.startswith("<input"):
        box = Token("text", "", 0)
        box.content = TASK_BOXES['checked="checked"' in first.content]
        children[0] = box


def _annotate(tokens: list[Token]) -> tuple[tuple[Heading, ...], str]:
    """Give headings unique prefixed ids (keeping, prefixed, one the author set), mark
    images lazy, turn table alignment into an attribute; return headings and text."""
    headings: list[Heading] = []
    seen = {prefixed_id(str(t.attrGet("id"))) for t in tokens if t.type == "heading_open"
            and t.attrGet("id")}
    text_parts: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "inline":
            _task_box(tokens, index)
            text_parts.append(_inline_text(token))
            for child in token.children or []:
                if child.type == "image":
                    child.attrSet("loading", "lazy")
        elif token.type == "html_block":
            text_parts.append(html_text(token.content))
        elif token.type in ("th_open", "td_open") and token.attrGet("style"):
            align = str(token.attrGet("style")).removeprefix("text-align:")
            del token.attrs["style"]
            token.attrSet("align", align)
        if token.type != "heading_open":
            continue
        text = _inline_text(tokens[index + 1])
        if token.attrGet("id"):
            anchor = prefixed_id(str(token.attrGet("id")))
        else:
            base = ANCHOR_PREFIX + (slugify(text, max_length=60, word_boundary=True)
                                    or "section")
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
    headings, text = _annotate(tokens)
    html = _PARSER.renderer.render(tokens, _PARSER.options, env)
    return Rendered(sanitise(html, base_path), text, headings)


def render_inline(source: str, base_path: str = "/") -> str:
    """Render a short Markdown snippet (site intro, topic description) to safe HTML, with the
    same link rules as an article body."""
    return render(source, base_path).html
