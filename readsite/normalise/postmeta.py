"""A blog post's meta row: "Jane Doe — 2026-03-09 — in Code — Permalink — License".

Blog themes print one row of the post's facts under (or over) the post: the writer, the date,
the category ("in Code") and a few links of the post's own ("Permalink", "Comments", "Share").
A select-all paste keeps it as one line whose parts are split by dashes or bars, sometimes
with a dash glued to the part before it ("2026-03-09— in Code").  Under the post it stands
above the blog's menu and footer, below the few last lines `metadata` reads as the page's end,
so it was kept as a line of the story.  The row says itself what it is: a person's name, a
whole date, then only short labels, one of them a link of the post's own; so it is read
wherever it stands, and leaves the body.
"""

from __future__ import annotations

import datetime as dt
import re

from readsite.normalise.byline import looks_like_outlet
from readsite.normalise.dates import parse_date
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, words

POST_META_ROW = Rule("post-meta-row", "A blog post's meta row anywhere on the page: a person's "
                     "name, a whole date, then only short labels split by dashes or bars, one "
                     "of them a link of the post's own (\"Jane Doe — 2026-03-09— in Code — "
                     "Permalink — License\"): the author and the date; the row leaves the body.")

_SPLIT = re.compile(r"\s*[\u2013\u2014|]\s*|\s+-\s+")
"""Where the row's parts meet: an en or em dash (spaced or glued), a bar, a spaced hyphen."""

POST_LINKS = frozenset({"permalink", "comments", "comment", "leave a comment", "no comments",
                        "share", "tags", "license", "licence", "edit", "reply", "print",
                        "flattr this", "tweet"})
"""Links of the post's own that a meta row holds (one of them proves the row)."""

LABEL_WORDS = 3
"""Most words of a label part."""


def post_meta_row(text: str) -> tuple[str, dt.date] | None:
    """(author, date) from a blog post's meta row (see `POST_META_ROW`); None otherwise."""
    text = text.strip()
    if len(text) > 160:
        return None
    parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    if len(parts) < 3:
        return None
    name, date = parts[0], parse_date(parts[1])
    if date is None or not is_name(name) or looks_like_outlet(name):
        return None
    labels = parts[2:]
    if any(len(words(p)) > LABEL_WORDS or re.search(r"[.!?]$", p) for p in labels):
        return None
    if not any(fold(p) in POST_LINKS for p in labels):
        return None
    return name, date
