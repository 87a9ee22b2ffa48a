"""A grid of teasers for the site's other stories, kept by the extractor at the article's end.

A news page closes with cards for other stories: a headline linking to the story, often
with an image, a one-line dek or a time, in a list or one per block.  Their container is
marked only by generated class names, so the extractor keeps them, after the last sentence
of the article.  What gives them away is their shape and their addresses: a run of lines
that are each only a link (or only an image, or the short dek under a link) at the very end,
holding three or more links whose texts are headlines (three words or more) going to other
pages of the same site.  A story's own closing list of sources links to other sites, a menu
of one-word links is no headline, and one or two links may be the story's own last lines,
so all of these stay and nothing of the story leaves with a grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from readsite.normalise.trace import Trace

RULE = "extractor: teaser grid at the end"
LINK_LINE_RE = re.compile(r"^(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:#{1,6}\s+)?\[(?P<text>[^\]\n]+)\]"
                          r"\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")
"""A line that is only a link (in a list item or a heading, as card grids are written)."""
IMAGE_LINE_RE = re.compile(r"^(?:[-*+]\s+)?!\[[^\]\n]*\]\([^)\n]*\)\s*$")
"""A line that is only an image (a card's picture)."""
HEADLINE_MIN_WORDS = 3
"""Fewest words of a link read as another story's headline ("More", "Sport" are menus)."""
DEK_MAX_WORDS = 25
"""Most words of the line under a teaser's headline (its dek, its time)."""
MIN_TEASERS = 3
"""Fewest headline links to the site's own pages that make a grid: two links closing a
story are as often its own last lines (a further-reading pair, a link and a line under it)
as a grid, and one lost sentence costs more than two teasers kept."""


def _host(url: str) -> str:
    """`url`'s host without "www." ("" for a relative address)."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _own(url: str, site: str) -> bool:
    """Whether `url` is a page of the site whose host is `site` (a relative address is)."""
    host = _host(url)
    return not host or (bool(site) and (host == site or host.endswith(f".{site}")
                                        or site.endswith(f".{host}")))


def _lines(paragraph: str) -> list[str]:
    return [line.strip() for line in paragraph.split("\n") if line.strip()]


def cut_teaser_grid(paragraphs: Sequence[str], page_url: str
                    ) -> tuple[list[str], list[Trace]]:
    """`paragraphs` without a closing grid of teasers for the site's other stories (see the
    module's docstring); the article at `page_url` tells which addresses are the site's."""
    site = _host(page_url)
    start = len(paragraphs)
    teasers = 0
    while start > 0:
        lines = _lines(paragraphs[start - 1])
        kinds: list[str] = []
        for line in lines:
            link = LINK_LINE_RE.match(line)
            if link is not None:
                if len(link.group("text").split()) < HEADLINE_MIN_WORDS \
                        or not _own(link.group("url"), site):
                    kinds = []
                    break
                kinds.append("link")
            elif IMAGE_LINE_RE.match(line):
                kinds.append("image")
            elif len(line.lstrip("#*_ ").split()) <= DEK_MAX_WORDS:
                kinds.append("dek")
            else:
                kinds = []
                break
        if not kinds:
            break
        # a dek belongs to a card only under a headline link: the line above it, or in it
        if "dek" in kinds and "link" not in kinds and not _link_above(paragraphs, start - 1):
            break
        teasers += kinds.count("link")
        start -= 1
    if teasers < MIN_TEASERS or start == len(paragraphs) or start == 0:
        return list(paragraphs), []
    return list(paragraphs[:start]), [Trace("dropped", RULE, line)
                                      for p in paragraphs[start:] for line in _lines(p)]


def _link_above(paragraphs: Sequence[str], index: int) -> bool:
    """Whether the paragraph above `index` ends with a line that is only a link."""
    if index == 0:
        return False
    lines = _lines(paragraphs[index - 1])
    return bool(lines) and LINK_LINE_RE.match(lines[-1]) is not None
