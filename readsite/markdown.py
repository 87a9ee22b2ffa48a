"""The one configured Markdown renderer for untrusted article text.

markdown-it-py's `js-default` preset (CommonMark plus tables and strikethrough) with raw HTML
*on*, because articles migrated from other generators carry `<img>`, `<table>` and video
embeds; what comes out is then cleaned by `readsite.sanitise` (nh3 with an allow-list), so
article text still can never inject script, styles or event handlers.  mdit-py-plugins add
what migrated blogs use: footnotes, definition lists, task lists and `{#id .class}`
attributes.  On top: an allow-list of link schemes (no `javascript:`, `vbscript:`, `file:`;
`data:` only for small raster images), heading ids (and every other id) prefixed with `s-`
so they can't collide with (or clobber, via DOM named access) the page's own ids, and
external links marked `rel="nofollow noopener"`.  Links to another article's file
(`[x](other.md)`) and wiki links (`[[other]]`) become `/articles/other/` here, at render
time, so a body's HTML stays a function of its text (the render cache relies on that); the
site check reports the ones no article answers.  Input that makes markdown-it slow or lossy
is bounded first: inline nesting, quote depth, and raw tags that would swallow the rest.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
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
    replace_surrogates,
    sanitise,
)

__all__ = ["ALLOWED_SCHEMES", "ANCHOR_PREFIX", "PARAGRAPH_ID", "Rendered", "article_href",
           "is_safe_url", "paragraph_id", "render", "render_inline"]

ATTRIBUTES = ("id", "class", "width", "height", "title")
"""Attributes `{...}` may set; the sanitiser has the last word on each element."""
BLOCK_MAX_NESTING = 100
"""How deep blocks may nest (markdown-it's `js-default`): past it, the rest of the article
would be dropped, so it stays generous (50 levels of lists)."""
INLINE_MAX_NESTING = 20
"""How deep inline links and emphasis may nest (CommonMark's own preset limit).  A link
label is re-scanned once per nesting level, so 100,000 `![` took 17 s at 100 and 3.5 s at
20; no sentence nests links 20 deep."""
MAX_QUOTE_DEPTH = 18
"""Deeper `>` markers on a line are merged into this many, so the text of a 100,000-deep
quote is shown at this depth instead of being dropped at the nesting limit."""
ARTICLE_SOURCE_SUFFIXES = (".md", ".markdown")
"""A relative link to a file with one of these suffixes is a link to another article."""
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


def article_href(target: str) -> str:
    """The site address of the article whose file (or slug) is `target`: `other.md`,
    `../posts/other.md#part` and `other` all name `/articles/other/` (the slug is the file's
    stem unless its front matter says otherwise; the site check reports links that miss)."""
    path, _, fragment = target.strip().partition("#")
    stem = posixpath.basename(path.rstrip("/"))
    for suffix in ARTICLE_SOURCE_SUFFIXES:
        stem = stem.removesuffix(suffix)
    href = f"/articles/{quote(stem)}/"
    return f"{href}#{fragment}" if fragment else href


def _is_article_file(href: str) -> bool:
    """Whether `href` is a relative link to another article's Markdown file."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return (not parts.scheme and not parts.netloc and not href.startswith("/")
            and parts.path.lower().endswith(ARTICLE_SOURCE_SUFFIXES))


def _article_links(state: StateCore) -> None:
    """`[text](other.md)`, as written in a content folder an editor previews, links to the
    article built from other.md."""
    for token in state.tokens:
        for child in token.children or () if token.type == "inline" else ():
            href = child.attrGet("href") if child.type == "link_open" else None
            if isinstance(href, str) and _is_article_file(href):
                child.attrSet("href", article_href(href))


_WIKI_RE = re.compile(r"\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]")
"""`[[other]]` or `[[other|the label]]` (Obsidian, Foam, MediaWiki)."""


def _wiki_link(state: StateInline, silent: bool) -> bool:
    """Inline rule: `[[other]]` links to the article other.md, labelled with its name (or the
    text after `|`)."""
    if not state.src.startswith("[[", state.pos):
        return False
    match = _WIKI_RE.match(state.src, state.pos, state.posMax)
    if match is None or not match[1].strip():
        return False
    if not silent:
        state.push("link_open", "a", 1).attrSet("href", article_href(match[1]))
        state.push("text", "", 0).content = (match[2] or match[1]).strip()
        state.push("link_close", "a", -1)
    state.pos = match.end()
    return True


_DEEP_QUOTE_RE = re.compile(
    rf"^((?:[ \t]{{0,3}}>){{{MAX_QUOTE_DEPTH}}})(?:[ \t]{{0,3}}>)+", re.MULTILINE)


def _flatten_deep_quotes(source: str) -> str:
    """Merge `>` markers past MAX_QUOTE_DEPTH, so the text stays (just less deeply quoted)."""
    return _DEEP_QUOTE_RE.sub(r"\1", source)


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


def _make_parser(max_nesting: int) -> MarkdownIt:
    """The configured parser; `max_nesting` bounds its nesting (see the two limits)."""
    md = MarkdownIt("js-default", {"html": True, "typographer": False,
                                   "maxNesting": max_nesting})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.use(footnote_plugin).use(deflist_plugin).use(tasklists_plugin)
    md.use(attrs_plugin, allowed=ATTRIBUTES).use(attrs_block_plugin, allowed=ATTRIBUTES)
    md.core.ruler.after("inline", "heading_attributes", _heading_attributes)
    md.core.ruler.after("heading_attributes", "article_links", _article_links)
    md.inline.ruler.before("link", "wiki_link", _wiki_link)
    return md


_INLINE_PARSER = _make_parser(INLINE_MAX_NESTING)


def _inline_with_lower_nesting(state: StateCore) -> None:
    """markdown-it's core `inline` rule, run by a twin parser with the inline nesting limit
    (one `maxNesting` option bounds both blocks and inlines in markdown-it)."""
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            _INLINE_PARSER.inline.parse(token.content, _INLINE_PARSER, state.env,
                                        token.children)


_PARSER = _make_parser(BLOCK_MAX_NESTING)
_PARSER.core.ruler.at("inline", _inline_with_lower_nesting)


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
        elif not hidden and child.type in ("softbreak", "hardbreak"):
            parts.append(" ")  # a wrapped line's words must not run together
    return "".join(parts)


_SWALLOWING = CLEAN_CONTENT_TAGS | {"iframe", "xmp", "plaintext", "noembed", "noframes"}
_SWALLOWING_TAG_RE = re.compile(
    r"<(/?)(" + "|".join(sorted(_SWALLOWING)) + r")\b[^>]*?(/?)>", re.IGNORECASE)
"""A tag of an element whose content the sanitiser drops (or shows raw): unclosed, it would
take the rest of the article with it."""


def _unclosed(tags: list[re.Match[str]]) -> list[re.Match[str]]:
    """The opening tags among `tags` (matches of _SWALLOWING_TAG_RE, in order) that no later
    tag closes (`<svg/>` closes itself; nothing closes `<plaintext>`)."""
    open_tags: dict[str, list[re.Match[str]]] = {}
    for tag in tags:
        name = tag[2].lower()
        if tag[1] and name != "plaintext":
            if open_tags.get(name):
                open_tags[name].pop()
        elif not tag[1] and not (tag[3] and name in ("svg", "math")):
            open_tags.setdefault(name, []).append(tag)
    return [tag for opened in open_tags.values() for tag in opened]


def _show_unclosed_inline(children: list[Token]) -> None:
    """Show an inline `<style>` (`<svg>`, `<title>`...) that its paragraph never closes as
    text ("the <style> element"), instead of letting it hide the rest of the article."""
    tags = [(index, match) for index, child in enumerate(children)
            if child.type == "html_inline"
            and (match := _SWALLOWING_TAG_RE.fullmatch(child.content))]
    unclosed = {id(match) for match in _unclosed([match for _, match in tags])}
    for index, match in tags:
        if id(match) in unclosed:
            children[index].type = "text"


def _show_unclosed_block(token: Token) -> None:
    """The same for an HTML block: its unclosed swallowing tags are shown as text."""
    if "<" not in token.content:
        return
    content = token.content
    for match in reversed(_unclosed(list(_SWALLOWING_TAG_RE.finditer(content)))):
        content = content[:match.start()] + "&lt;" + content[match.start() + 1:]
    token.content = content


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


PARAGRAPH_ID = ANCHOR_PREFIX + "p"
"""Paragraph ids are this and the line of the plain text the paragraph is (`s-p12`)."""


def paragraph_id(line: int) -> str:
    """The id of the paragraph whose text is line `line` of the plain text."""
    return f"{PARAGRAPH_ID}{line}"


def _paragraph_holder(tokens: list[Token], index: int) -> Token | None:
    """The token that shows inline token `index` as a block of its own and can carry its
    anchor: its `<p>`, or for a tight list's hidden paragraph the `<li>`; None for
    headings, table cells and anything else."""
    opening = tokens[index - 1] if index > 0 else None
    if opening is None or opening.type != "paragraph_open":
        return None
    if not opening.hidden:
        return opening
    item = tokens[index - 2] if index >= 2 else None
    return item if item is not None and item.type == "list_item_open" else None


def _annotate(tokens: list[Token]) -> tuple[tuple[Heading, ...], str]:
    """Give headings unique prefixed ids (keeping, prefixed, one the author set), mark
    images lazy, turn table alignment into an attribute; return headings and text.

    Each paragraph (or tight list item) whose text is line `i` of the plain text gets the id
    `s-p{i}` (`crosslinks.text.anchor`), so a quote or figure found on that line can link
    back to it; headings are then kept clear of those ids."""
    headings: list[Heading] = []
    seen = {prefixed_id(str(t.attrGet("id"))) for t in tokens if t.type == "heading_open"
            and t.attrGet("id")}
    tries: Counter[str] = Counter()
    text_parts: list[str] = []
    line = 0
    for index, token in enumerate(tokens):
        if token.type == "inline":
            _show_unclosed_inline(token.children or [])
            _task_box(tokens, index)
            part = _inline_text(token)
            holder = _paragraph_holder(tokens, index)
            if part and holder is not None and not holder.attrGet("id"):
                anchor = paragraph_id(line)
                if anchor not in seen:
                    holder.attrSet("id", anchor)
                    seen.add(anchor)
            if part:
                text_parts.append(part)
                line += part.count("\n") + 1
            for child in token.children or []:
                if child.type == "image":
                    child.attrSet("loading", "lazy")
        elif token.type == "html_block":
            _show_unclosed_block(token)
            part = html_text(token.content)
            if part:
                text_parts.append(part)
                line += part.count("\n") + 1
        elif token.type in ("th_open", "td_open") and token.attrGet("style"):
            align = str(token.attrGet("style")).removeprefix("text-align:")
            del token.attrs["style"]
            token.attrSet("align", align)
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = _inline_text(tokens[index + 1])
        if token.attrGet("id"):
            anchor = prefixed_id(str(token.attrGet("id")))
        else:
            base = ANCHOR_PREFIX + (slugify(text, max_length=60, word_boundary=True)
                                    or "section")
            anchor = _unique(base, seen, tries)
        token.attrSet("id", anchor)
        headings.append(Heading(int(token.tag[1]), text, anchor))
    return tuple(headings), "\n".join(text_parts)


def _unique(base: str, seen: set[str], tries: Counter[str]) -> str:
    """`base`, or `base-2`, `base-3`... the first not in `seen` (then added to it); `tries`
    remembers the last suffix per base, so 20,000 equal headings take linear time, not the
    quadratic time of counting up from 2 each time."""
    anchor = base
    while anchor in seen:
        tries[base] += 1
        anchor = f"{base}-{tries[base] + 1}"
    seen.add(anchor)
    return anchor


def render(source: str, base_path: str = "/") -> Rendered:
    """Render untrusted Markdown to safe HTML, with headings and plain text; root-relative
    links get `base_path` (a site published under /repo/ keeps working)."""
    env: dict[str, object] = {}
    tokens = _PARSER.parse(_flatten_deep_quotes(replace_surrogates(source)), env)
    headings, text = _annotate(tokens)
    html = _PARSER.renderer.render(tokens, _PARSER.options, env)
    return Rendered(sanitise(html, base_path), text, headings)


def render_inline(source: str, base_path: str = "/") -> str:
    """Render a short Markdown snippet (site intro, topic description) to safe HTML, with the
    same link rules as an article body."""
    return render(source, base_path).html
