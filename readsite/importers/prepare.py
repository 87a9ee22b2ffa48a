"""A saved page's markup made ready for the extractor: layouts an extractor misreads.

trafilatura judges an element by its tag.  Some old or careful page layouts fool it: a page
laid out with a `<table>` (its article comes out as one table cell, headings flattened into
the text; an old one's subheadings are only bold or large `<font>` lines, its paragraphs
parted by `<br><br>`), a story's own `<aside>` (a methodology note, an editor's note), which
it drops with every other aside, and a table of contents, whose label it keeps.  It also
reads markup a reader never sees as text: hidden elements and players, a wiki's "[edit]"
boxes, an image's alt text holding markup, and an empty permalink anchor at the start of a
heading (which makes it lose the heading's text).  Each step here rewrites only those tags,
so the extractor reads the page as a reader sees it.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from functools import partial

LAYOUT_CELL_RE = re.compile(r"<t[dh]\b[^>]*>(?:(?!</?t[dh]\b).){0,4000}?<(?:h[1-6]|p)\b",
                            re.I | re.S)
"""A table cell holding a heading or a paragraph: the table lays the page out, it holds no data."""
CELL_START_RE = re.compile(r"<t[dh]\b[^>]*>", re.I)
CELL_END_RE = re.compile(r"</?t[dh]\b", re.I)
PROSE_CELL_WORDS = 80
"""Fewest words of a cell whose lines are parted by blank lines (`<br><br>`) for it to be an
old page's story, not a data cell holding an address."""
BREAKS_RE = re.compile(r"(?:<br\s*/?>\s*){2,}", re.I)
BOLD_LINE_RE = re.compile(
    r"(?P<pre>(?:<br\s*/?>|<(?:t[dh]|p|div|center)\b[^>]*>|</(?:p|div|center|h[1-6])\s*>)\s*)"
    r"(?P<open>(?:<(?:font|b|strong|big)\b[^>]*>\s*){1,3})(?P<text>[^<>]{2,120}?)"
    r"(?P<close>(?:\s*</(?:font|b|strong|big)\s*>){1,3})(?P<post>\s*</p\s*>)?"
    r"(?=\s*(?:<br\s*/?>|</(?:p|t[dh]|div|center)\s*>|<p\b|<(?:font|b|strong)\b))", re.I)
"""A line of an old page set only in bold or a larger `<font>`, on its own between breaks."""
FONT_SIZE_RE = re.compile(r"<font\b[^>]*\bsize\s*=\s*[\"']?\s*(?P<size>[+-]?\d)", re.I)
SUBHEADING_MAX_WORDS = 12
"""Most words of a bold line read as a subheading of an old page."""
TABLE_TAG_RE = re.compile(r"<(/?)(?:table|tbody|thead|tfoot|tr|td|th)\b[^>]*>", re.I)
ASIDE_RE = re.compile(r"<aside\b[^>]*>(.*?)</aside\s*>", re.I | re.S)
TAG_RE = re.compile(r"<[^>]*>")
LINK_RE = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
LIST_RE = re.compile(r"<(?:ul|ol|li|nav|form|button|img|iframe)\b", re.I)
TOC_LABEL = (r"(?:table of contents|contents|in this (?:article|story|post|guide)|on this page|"
             r"jump to(?: section)?|inhalt|inhaltsverzeichnis|sommaire|índice|contenido)")
"""The label of a table-of-contents box (in the languages the normaliser knows)."""
TOC_BOX_RE = re.compile(
    r"<(?P<tag>nav|div|aside|section|details|ol|ul)\b[^>]*\b(?:class|id)\s*=\s*[\"']"
    r"(?:[^\"']*[\s_-])?(?:toc|table-of-contents|ez-toc-container|article-toc)(?:[\s_-][^\"']*)?"
    r"[\"'][^>]*>", re.I)
"""The opening tag of an element whose class or id names a table of contents."""
TOC_LIST_RE = re.compile(
    r"<(?P<head>h[2-6]|p|div|strong|b)\b[^>]*>\s*(?:<(?:strong|b|span)\b[^>]*>\s*)?"
    + TOC_LABEL + r"\s*:?\s*(?:</(?:strong|b|span)\s*>\s*)?</(?P=head)\s*>\s*"
    r"<(?P<list>ul|ol)\b[^>]*>", re.I | re.S)
"""A "Contents" label (a heading or a bold line) followed by a list."""
HREF_RE = re.compile(r"<a\b[^>]*\bhref\s*=\s*[\"']([^\"']*)[\"']", re.I)
ASIDE_MIN_WORDS = 12
"""Fewest words an `<aside>` inside the article needs to be read as part of the story."""


def has_prose_cell(html: str) -> bool:
    """Whether a table cell holds prose laid out with `<br><br>`: an old page's story."""
    for start in CELL_START_RE.finditer(html):
        end = CELL_END_RE.search(html, start.end())
        cell = html[start.end():end.start() if end else len(html)]
        if BREAKS_RE.search(cell) and len(TAG_RE.sub(" ", cell).split()) >= PROSE_CELL_WORDS:
            return True
    return False


def unwrap_layout_tables(html: str) -> str:
    """A page laid out with tables (a cell holds headings or paragraphs) with every table tag
    made a `<div>`, so its headings and paragraphs come out as such."""
    if not LAYOUT_CELL_RE.search(html) and not has_prose_cell(html):
        return html
    html = BOLD_LINE_RE.sub(heading_line, html)
    html = BREAKS_RE.sub("<p>", html)
    return TABLE_TAG_RE.sub(lambda m: f"<{m.group(1)}div>", html)


def heading_line(match: re.Match[str]) -> str:
    """A bold or large-type line of an old page as the heading it is set as: `<h1>` for a
    headline size (5 and up, or +2), else `<h2>`; a sentence, a byline or a small or plain
    font is left as it is."""
    text = " ".join(match.group("text").split())
    opening = match.group("open").lower()
    sizes = [m.group("size") for m in FONT_SIZE_RE.finditer(opening)]
    size = int(sizes[-1]) + (3 if sizes[-1][0] in "+-" else 0) if sizes else 3
    bold = "<b" in opening or "<strong" in opening or "<big" in opening
    if (not ((bold and size >= 3) or size >= 4) or len(text.split()) > SUBHEADING_MAX_WORDS
            or text.endswith((".", ",", ";", ":")) or text.lower().startswith("by ")
            or not any(c.isalpha() for c in text)):
        return match.group(0)
    level = 1 if size >= 5 else 2
    pre = match.group("pre")
    if pre.lstrip().lower().startswith("<p") and match.group("post"):
        pre = ""  # the paragraph holds only the heading: the heading replaces it
    return f"{pre}<h{level}>{text}</h{level}>"


def is_story_aside(inner: str) -> bool:
    """Whether an `<aside>`'s markup is prose that belongs to the story: sentences ending in
    a full stop, no list, form or image, and little of it link text (a "Related" box is
    mostly links)."""
    if LIST_RE.search(inner):
        return False
    text = " ".join(TAG_RE.sub(" ", inner).split())
    linked = sum(len(" ".join(TAG_RE.sub(" ", m).split())) for m in LINK_RE.findall(inner))
    return (len(text.split()) >= ASIDE_MIN_WORDS and text.endswith((".", "!", "?", ".\u201d"))
            and linked <= len(text) // 4)


def keep_story_asides(html: str) -> str:
    """Each `<aside>` inside the page's `<article>` that is prose of the story made a `<div>`
    (an aside outside the article, or a box of links, stays an aside)."""
    start = html.lower().find("<article")
    end = html.lower().rfind("</article")
    if start < 0 or end < start:
        return html
    inside = ASIDE_RE.sub(
        lambda m: f"<div>{m.group(1)}</div>" if is_story_aside(m.group(1)) else m.group(0),
        html[start:end])
    return html[:start] + inside + html[end:]


def element_end(html: str, tag: str, start: int) -> int:
    """Where the element whose opening tag ends at `start` closes (nested ones of the same
    tag counted), or -1 when it never does."""
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>", re.I).finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return -1


def drop_elements(html: str, pattern: re.Pattern[str],
                  end_of: Callable[[str, re.Match[str]], int]) -> str:
    """`html` without the elements whose opening tags `pattern` finds and `end_of` returns an
    end for (-1 keeps the element); an opening inside an element already dropped is not
    looked at.  Each step that leaves out a kind of element shares this walk."""
    out: list[str] = []
    at = 0
    for match in pattern.finditer(html):
        if match.start() < at:
            continue
        end = end_of(html, match)
        if end > 0:
            out.append(html[at:match.start()])
            at = end
    return "".join(out) + html[at:]


def anchors_only(markup: str) -> bool:
    """Whether every link in `markup` goes to an anchor of the same page (`#section`), and
    it has at least two."""
    targets = HREF_RE.findall(markup)
    return len(targets) >= 2 and all(t.strip().startswith("#") for t in targets)


def drop_tables_of_contents(html: str) -> str:
    """The page without its table-of-contents boxes: an element classed `toc` whose links go
    to anchors of the page, or a "Contents" / "In this article" label over a list of such
    links (a list of links to other pages, or a "Contents" heading over prose, stays)."""
    for pattern, tag in ((TOC_BOX_RE, "tag"), (TOC_LIST_RE, "list")):
        html = drop_elements(html, pattern, partial(_toc_end, tag=tag))
    return html


def _toc_end(html: str, match: re.Match[str], tag: str) -> int:
    """Where the table of contents opened by `match` ends, or -1 if it is none."""
    end = element_end(html, match.group(tag), match.end())
    return end if end > 0 and anchors_only(html[match.end():end]) else -1


IMG_RE = re.compile(r"<img\b[^>]*>", re.I)
ATTRIBUTE_RE = re.compile(
    r"""\s(?P<name>[\w:-]+)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+)))?""")
URL_RE = re.compile(r"[\s,]*(?P<url>\S+)")
DESCRIPTORS_RE = re.compile(r"[^,]*")
SIZE_RE = re.compile(r"(\d+(?:\.\d+)?)[wx]\b")
LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-url")
"""Attributes lazy-loading scripts keep an image's real address in."""


def attributes(markup: str) -> dict[str, str]:
    """The attributes of an opening tag (or of the text after its name), lower-case names to
    values as written ("" for one without a value)."""
    return {m.group("name").lower(): m.group("dq") or m.group("sq") or m.group("bare") or ""
            for m in ATTRIBUTE_RE.finditer(markup)}


def candidates(srcset: str) -> list[tuple[str, float]]:
    """The (address, width or density) candidates of a `srcset`, as the HTML standard parses
    them: an address runs to white space (image CDNs put commas in theirs), and commas
    ending it, or ending its descriptors, part the candidates."""
    found: list[tuple[str, float]] = []
    at = 0
    while (match := URL_RE.match(srcset, at)) is not None:
        url, at = match.group("url"), match.end()
        if url.endswith(","):
            found.append((url.rstrip(","), 1.0))
            continue
        descriptors = DESCRIPTORS_RE.match(srcset, at)
        size = SIZE_RE.search(descriptors.group()) if descriptors else None
        at = (descriptors.end() if descriptors else at) + 1
        found.append((url, float(size.group(1)) if size else 1.0))
    return [(url, size) for url, size in found if url]


def best_candidate(srcset: str) -> str:
    """The widest (or densest) image a `srcset` offers (the first of equals), or ""."""
    found = candidates(srcset)
    return max(found, key=lambda c: c[1])[0] if found else ""


def _lazy_image(match: re.Match[str]) -> str:
    """An `<img>` whose address a lazy-loading script fills in, given that address as `src`."""
    tag = match.group()
    values = attributes(tag)
    sets = [values[name] for name in ("data-srcset", "srcset") if values.get(name)]
    if not sets:
        return tag
    src = values.get("src", "").strip()
    real = next((values[n].strip() for n in LAZY_SOURCES if values.get(n, "").strip()), "")
    if not src or src.lower().startswith("data:"):
        src = real or best_candidate(sets[0])
    if not src:
        return tag
    return image_tag({"src": src, **{name: value for name, value in values.items()
                                     if name not in ("src", "srcset", "data-srcset",
                                                     *LAZY_SOURCES)}})


def image_tag(values: dict[str, str]) -> str:
    """An `<img>` with these attributes, their values as written (only `"` escaped, as the
    value is put in double quotes)."""
    return "<img" + "".join(f' {name}="{value.replace(chr(34), "&quot;")}"'
                            for name, value in values.items()) + ">"


def resolve_lazy_images(html: str) -> str:
    """Images loaded by a script: a placeholder `src` (none, or a one-pixel `data:` image)
    replaced by the real address from `data-src` or the widest of a `srcset`, and the sets
    themselves removed.  The extractor takes the first `data-src…` attribute it meets as an
    address, so a `data-srcset` ("a.jpg 80w, b.jpg 800w") became a broken image."""
    return IMG_RE.sub(_lazy_image, html)


IMAGE_TEXT = ("alt", "title")
"""The attributes the extractor takes an image's text from."""
BREAK_TAG_RE = re.compile(r"<(?:br|/?p|/?div|/?li)\b[^>]*>", re.I)
"""Tags that part words (a line break), unlike inline ones (`<i>`, `<a>`)."""


def plain_alt(match: re.Match[str]) -> str:
    """An `<img>` whose alt text or title holds markup (a caption's `<i>`, `<br>`, a credit's
    `<a>`), escaped or not, with the tags taken out of it."""
    values = attributes(match.group())
    marked = [name for name in IMAGE_TEXT if "<" in values.get(name, "")
              or "&lt;" in values.get(name, "").lower()]
    if not marked:
        return match.group()
    for name in marked:
        text = BREAK_TAG_RE.sub(" ", html_lib.unescape(values[name]))
        values[name] = html_lib.escape(" ".join(TAG_RE.sub("", text).split()), quote=False)
    return image_tag(values)


def plain_alt_texts(html: str) -> str:
    """Images whose alt text holds a caption's markup, escaped or not ("films such as
    &lt;i&gt;Alien&lt;/i&gt;"), given the text alone: the extractor copies an alt as
    written, so the Markdown showed `\\<i>Alien\\</i>` to screen readers and broken images."""
    return IMG_RE.sub(plain_alt, html)


HIDEABLE_RE = re.compile(r"<(?P<tag>div|span|section|aside|p|ul|ol|li|figure|form|nav)\b"
                         r"(?P<attrs>[^>]*)>", re.I)
"""The opening tag of a block or span a page may hide (headings are never dropped here)."""
PLAYER_CLASSES = frozenset({"video-js", "jwplayer"})
"""Root classes of web video players (Video.js, which Brightcove embeds too, and JW Player):
all they hold is the player's controls, menus and dialogs ("Chapters", "captions off,
selected", "This is a modal window.")."""
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
PROSE_WORDS = 25
"""A hidden element with this many words may be real text the reader can open (a collapsed
section; a page saved with a dialog open hides everything behind it), so it stays."""
MACHINE_COPY_RE = re.compile(r"schema\.org/(?:\w*Article|BlogPosting|ReportageNewsArticle|WebPage"
                             r"|UserComments|Comment)\s*$", re.I)
"""The schema.org types of a hidden copy of the page for search engines (the article again,
its headline, dates, publisher and logo address as lines of text) or of its hidden comments."""


def _hidden(values: dict[str, str]) -> str:
    """Why an element with these attributes is not shown to a reader ("" if it is): the
    `hidden` attribute, `aria-hidden="true"`, an inline `display: none`, or a video player."""
    if PLAYER_CLASSES & set(values.get("class", "").lower().split()):
        return "player"
    if ("hidden" in values or values.get("aria-hidden", "").strip().lower() == "true"
            or HIDDEN_STYLE_RE.search(values.get("style", ""))):
        return "hidden"
    return ""


def _machine_copy(values: dict[str, str]) -> bool:
    """Whether a hidden element with these attributes is a schema.org item of the article
    (`MACHINE_COPY_RE`): its prose is the story again, for machines, never a reader's."""
    return "itemscope" in values and MACHINE_COPY_RE.search(values.get("itemtype", "")) is not None


def drop_hidden(html: str) -> str:
    """The page without what a reader never sees: hidden elements holding no prose (a
    player's dialogs, icon labels, screen-reader duplicates), hidden schema.org copies of the
    article, and video players' controls.
    The extractor reads markup, not what is shown, so it kept them as text."""
    return drop_elements(html, HIDEABLE_RE, _hidden_end)


def _hidden_end(html: str, match: re.Match[str]) -> int:
    """Where the element opened by `match` ends when a reader never sees it, else -1 (its
    end is only looked for once its attributes say it is hidden: most elements are not)."""
    values = attributes(match.group("attrs"))
    why = _hidden(values)
    if not why:
        return -1
    end = element_end(html, match.group("tag"), match.end())
    if end > 0 and why == "hidden" and not _machine_copy(values) \
            and len(TAG_RE.sub(" ", html[match.end():end]).split()) >= PROSE_WORDS:
        return -1
    return end


EMBEDDED_POST_RE = re.compile(
    r"(?P<wrapper>(?:<div\b[^>]*>\s*){0,2})<blockquote\b[^>]*\bclass\s*=\s*[\"'][^\"']*"
    r"\b(?:twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|"
    r"threads-post|reddit-card)\b[^\"']*[\"'][^>]*>", re.I)
"""A post embedded from a social network (a quoted tweet, Instagram or TikTok post), with the
one or two `<div>`s it is wrapped in."""
EMBED_WRAPPER_RE = re.compile(r"<div\b[^>]*(?:social|embed|tweet|twitter|instagram|tiktok)[^>]*>",
                              re.I)
"""A wrapper of an embedded post, by its class or id (a story's own body `<div>` that opens
with a post keeps its attributes, which tell the extractor where the story is)."""


def keep_embedded_posts(html: str) -> str:
    """Posts the story quotes from social networks kept as plain quotes: the extractor drops
    an element whose class says "social" ("social-media-embed") with the share buttons, but
    an embedded post is what the story quotes ("people on Twitter pointed it out: ..."), and
    a reader sees its text."""
    return EMBEDDED_POST_RE.sub(
        lambda m: EMBED_WRAPPER_RE.sub("<div>", m.group("wrapper")) + "<blockquote>", html)


EDIT_SECTION_RE = re.compile(
    r"<(?P<tag>span|div)\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bmw-editsection\b[^>]*>", re.I)
"""A MediaWiki section's "[edit]" link box (Wikipedia and every wiki built on MediaWiki)."""


def drop_edit_links(html: str) -> str:
    """The page without MediaWiki's "[edit]" boxes: each heading of a saved Wikipedia page
    came out as "Properties[edit]"."""
    return drop_elements(html, EDIT_SECTION_RE,
                         lambda page, match: element_end(page, match.group("tag"), match.end()))


EMPTY_ANCHOR_RE = re.compile(r"<a\b[^>]*>\s*</a\s*>", re.I)
"""A link or anchor with nothing in it (`<a class="header-anchor" id="x"></a>`)."""


def drop_empty_anchors(html: str) -> str:
    """The page without empty links: a reader sees nothing of them, but a heading that opens
    with one (a permalink target, common on blogs and news sites) came out of the extractor
    as an empty `##`, its text lost."""
    return EMPTY_ANCHOR_RE.sub("", html)


def prepare(html: str) -> str:
    """The page's markup with its table layout and story asides made plain blocks, its
    tables of contents, wiki "[edit]" links, empty links and hidden elements left out, its
    lazily loaded images given their addresses and plain alt texts, and the social posts it
    embeds made plain quotes (each step in turn, in the order below)."""
    steps = (drop_edit_links, drop_empty_anchors, drop_tables_of_contents, unwrap_layout_tables,
             keep_story_asides, drop_hidden, resolve_lazy_images, plain_alt_texts,
             keep_embedded_posts)
    for step in steps:
        html = step(html)
    return html
