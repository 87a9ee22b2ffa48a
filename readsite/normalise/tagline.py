"""A site's name over its tagline at the top of a pasted page: the outlet, not the headline.

Blogs and small newsrooms print their name over a one-line motto ("a blog about small tools",
"Nonprofit news for the valley").  Pasted, the name and the motto stand where a headline and a
dek would, so the title model takes the motto for the headline and the outlet is lost.  A
tagline has a recognisable shape (a kind of publication, then what it is about, for or by), and
the line just above it is the site's name, written as the site writes it (even in lower case).
Precision first: the pair counts only at the very top (under at most a menu), and only when a
headline candidate still stands below it, so a real headline that happens to read "Local news
for ..." is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import parse_byline
from readsite.normalise.dates import parse_date
from readsite.normalise.headerlines import STOP, is_meta_line, story_start
from readsite.normalise.linerules import is_boilerplate
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

SITE_TAGLINE = Rule("site-tagline", "A site's motto under its name at the top of the page (\"a "
                    "blog about ...\", \"Independent news for ...\"): page chrome; dropped.")
TAGLINE_NAME = Rule("tagline-name", "The 1-6-word line directly above a site's tagline: the "
                    "site's name, as it writes it, is the outlet; it leaves the body.")

TAGLINE = re.compile(
    r"^(?:an?|the|your|my|our)?\s*(?:[\w'’-]+\s+){0,3}?(?:blog|weblog|newsletter|news|newsroom|"
    r"journal|magazine|notebook|notes|site|website|publication|zine|podcast|reporting|"
    r"journalism|stories|writing|essays)\s+(?:about|on|by|for|from|of|covering|in)\s+\S.{0,80}$",
    re.I)
"""A tagline's shape: a kind of publication, then what it is about, for or by."""

TAGLINE_WORDS = 15
"""Most words of a tagline (a longer line is prose)."""

TOP_WORDS = 3
"""Most words of each line that may stand above the site's name (menu items, not prose)."""


def is_tagline(text: str) -> bool:
    """Whether a line reads as a site's motto: the shape, short, no final sentence stop."""
    text = text.strip()
    return (bool(TAGLINE.match(text)) and len(words(text)) <= TAGLINE_WORDS
            and not STOP.search(text))


def is_site_title(text: str) -> bool:
    """Whether the line above a tagline may be the site's name: 1-6 words, no sentence, not a
    date, byline, section word or chrome."""
    text = text.strip()
    return (1 <= len(words(text)) <= 6 and not STOP.search(text) and parse_date(text) is None
            and parse_byline(text) is None and fold(text) not in SECTION_WORDS
            and not is_boilerplate(text))


def site_tagline(blocks: Sequence[Block]) -> tuple[list[Block], str, list[Trace]]:
    """The blocks without a top name + tagline pair, the site's name ("" if none) and traces."""
    start = story_start(blocks)
    for index in range(1, min(len(blocks), start)):
        block, name = blocks[index], blocks[index - 1]
        if any(b.markup or len(words(b.text)) > TOP_WORDS or STOP.search(b.text.strip())
               for b in blocks[:index - 1]):
            break  # the pair opens the page, under at most a menu
        if block.markup or name.markup or not is_tagline(block.text):
            continue
        if not is_site_title(name.text):
            continue
        below = blocks[index + 1:start]
        if not any(not b.markup and len(words(b.text)) >= 3 and not is_meta_line(b.text)
                   and not is_tagline(b.text) for b in below):
            continue  # no headline would be left: the "tagline" is the headline
        title = name.text.strip()
        traces = [TAGLINE_NAME.found("source", title, name.line),
                  SITE_TAGLINE.dropped(block.text.strip(), block.line)]
        return [*blocks[:index - 1], *blocks[index + 1:]], title, traces
    return list(blocks), "", []
