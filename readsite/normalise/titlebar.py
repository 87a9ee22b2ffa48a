"""The browser's title bar pasted above the page: "Headline | Outlet" over the headline.

A reader who selects from the very top of a window (or a tool that clips the page's `<title>`)
gives a first line that is the document title: the headline, a separator and the site's name.
It is never the headline as the page shows it, but it is often the only place the outlet is
named.  When the next line repeats the headline, the title bar line goes and its tail is the
outlet; when the line stands alone, only a bar ("|") is trusted to split a name off (a dash in
a headline is too often the headline's own), and the line is rewritten to its headline part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from readsite.normalise.blocks import Block
from readsite.normalise.byline import is_outlet_name
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words
from readsite.normalise.title import is_title_like, same_line
from readsite.normalise.trace import Trace

TITLE_BAR = Rule("title-bar", "A first line that is the page's title bar, \"Headline | Outlet\" "
                 "or \"Headline - Outlet\", above the headline itself: the outlet; the line "
                 "goes (alone, a \"|\" line becomes its headline part).")

_SPLIT = re.compile(r"\s+(?:\||[-\u2013\u2014·•])\s+")
_BAR = re.compile(r"\s+\|\s+")
_OUTLET_WORDS = 5
"""Longest site name a title bar's tail may be, in words."""
_LOOK = 3
"""How many blocks from the top a title bar may sit at (after menu words already dropped)."""


def _outlet_part(tail: str) -> bool:
    """Whether a title bar's tail names a site: a short capitalised name, no section word."""
    name = tail.strip()
    return (is_outlet_name(name) and len(words(name)) <= _OUTLET_WORDS
            and fold(name) not in SECTION_WORDS and not re.search(r"\d{3}", name))


def _split(text: str, pattern: re.Pattern[str]) -> tuple[str, str] | None:
    """(headline, outlet) split at the last separator of a title bar line, or None."""
    found = list(pattern.finditer(text.strip()))
    if not found:
        return None
    head, tail = text.strip()[: found[-1].start()], text.strip()[found[-1].end():]
    if not _outlet_part(tail) or len(words(head)) < 4:
        return None
    return head.strip(), tail.strip()


def strip_title_bar(blocks: Sequence[Block]) -> tuple[list[Block], str, list[Trace]]:
    """(blocks without the title bar line, the outlet it names or "", traces)."""
    for index, block in enumerate(blocks[:_LOOK]):
        if block.markup or block.heading:
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        split = _split(block.text, _SPLIT)
        if (split is not None and following is not None and not following.markup
                and same_line(split[0], following.text)):
            traces = [TITLE_BAR.dropped(block.text, block.line),
                      TITLE_BAR.found("source", split[1], block.line)]
            return [*blocks[:index], *blocks[index + 1:]], split[1], traces
    first = blocks[0] if blocks else None
    if first is None or first.markup or first.heading:
        return list(blocks), "", []
    split = _split(first.text, _BAR) if first.text.count("|") == 1 else None
    if split is None or not is_title_like(split[0]) or first.text.rstrip()[-1:] in ".!?":
        return list(blocks), "", []
    traces = [TITLE_BAR.changed(first.text, first.line),
              TITLE_BAR.found("source", split[1], first.line)]
    return [replace(first, text=split[0]), *blocks[1:]], split[1], traces
