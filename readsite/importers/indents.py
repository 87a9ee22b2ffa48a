"""The page source's indentation taken out of extracted Markdown, so prose never shows as code.

trafilatura writes a page's code as fenced blocks and nests lists two spaces a level, but
the text that follows an element inside the same parent (its "tail") keeps the white space
the page's source had there: on many templates that is a newline and 20 to 40 spaces.  In
Markdown a line indented four spaces or more is code, so the sentence after a code sample,
a paragraph of a news page, a list of related stories ("-" on one line, the link indented on
the next) or a Wikipedia paragraph after a formula would be shown to the reader as a grey
monospaced block.  No line outside a fence is meant to be indented that deep except a list
item nested three or more levels, so every other such line loses its indentation, and a list
marker left alone on its line takes the text under it.
"""

from __future__ import annotations

import re

FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
DEEP_RE = re.compile(r"^(?:[ ]{4,}|[ ]*\t)[ \t]*(?=\S)")
"""A line indented as code (four spaces or a tab) before its first character."""
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
BARE_MARKER_RE = re.compile(r"^(?P<marker>\s*(?:[-*+]|\d{1,9}[.)]))\s*$")
"""A list marker with nothing after it: the item's text is on the next line."""


def plain_indents(markdown: str) -> str:
    """`markdown` with the source's deep indentation removed outside fenced code blocks (a
    nested list item keeps its own)."""
    out: list[str] = []
    fence = ""
    for line in markdown.split("\n"):
        opening = FENCE_RE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        deep = DEEP_RE.match(line)
        if deep is None or LIST_ITEM_RE.match(line):
            out.append(line)
            continue
        text = line[deep.end():].rstrip()
        bare = BARE_MARKER_RE.match(out[-1]) if out else None
        if bare is not None:
            out[-1] = f"{bare.group('marker')} {text}"
        else:
            out.append(text)
    return "\n".join(out)
