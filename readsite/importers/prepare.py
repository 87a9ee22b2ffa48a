"""A saved page's markup made ready for the extractor: layouts an extractor misreads.

trafilatura judges an element by its tag.  Two old or careful page layouts fool it: a page
laid out with a `<table>` (its article comes out as one table cell, headings flattened into
the text), and a story's own `<aside>` (a methodology note, an editor's note), which it drops
with every other aside.  Each step here rewrites only those tags, so the extractor reads the
page as a reader sees it.
"""

from __future__ import annotations

import re

LAYOUT_CELL_RE = re.compile(r"<t[dh]\b[^>]*>(?:(?!</?t[dh]\b).){0,4000}?<(?:h[1-6]|p)\b",
                            re.I | re.S)
"""A table cell holding a heading or a paragraph: the table lays the page out, it holds no data."""
TABLE_TAG_RE = re.compile(r"<(/?)(?:table|tbody|thead|tfoot|tr|td|th)\b[^>]*>", re.I)
ASIDE_RE = re.compile(r"<aside\b[^>]*>(.*?)</aside\s*>", re.I | re.S)
TAG_RE = re.compile(r"<[^>]*>")
LINK_RE = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
LIST_RE = re.compile(r"<(?:ul|ol|li|nav|form|button|img|iframe)\b", re.I)
ASIDE_MIN_WORDS = 12
"""Fewest words an `<aside>` inside the article needs to be read as part of the story."""


def unwrap_layout_tables(html: str) -> str:
    """A page laid out with tables (a cell holds headings or paragraphs) with every table tag
    made a `<div>`, so its headings and paragraphs come out as such."""
    if not LAYOUT_CELL_RE.search(html):
        return html
    return TABLE_TAG_RE.sub(lambda m: f"<{m.group(1)}div>", html)


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


def prepare(html: str) -> str:
    """The page's markup with its table layout and story asides made plain blocks."""
    return keep_story_asides(unwrap_layout_tables(html))
