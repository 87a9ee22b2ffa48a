"""The chrome pass: drop a page's chrome lines, its newsletter menu and its trailing tail.

Whether one line is chrome is `linerules`' job and where the tail starts is `tails`'; this pass
walks a page's blocks with the context a single line cannot give (how much article text came
before, a newsletter menu still open, a run of counters beside chrome, an author box after the
story, site.yaml's own patterns) and traces every line it drops.  The names other modules and
tests read from here (`line_rule`, `is_boilerplate`, `TAIL_MARKERS`...) are re-exported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.clipchrome import clip_chrome_rule
from readsite.normalise.contacts import handle_rule
from readsite.normalise.dates import parse_date
from readsite.normalise.furniture import (
    AUTHOR_BOX,
    COUNTER,
    PRESS_TAIL,
    PROVIDED_BY,
    WIRE_SOURCE,
    about_name,
    author_box,
    furniture_rule,
    is_bare_count,
    markup_rule,
    press_tail,
)
from readsite.normalise.linerules import (
    BOILERPLATE_LINES,
    is_boilerplate,
    line_rule,
)
from readsite.normalise.numbering import NUMBERED_GOES_ON, numbered_story_goes_on
from readsite.normalise.pitches import pitch_rule
from readsite.normalise.promos import promo_rule
from readsite.normalise.release import RELEASE_MARK, is_release_mark
from readsite.normalise.rules import Rule
from readsite.normalise.tails import (
    COMMENT_CHROME,
    RELATED_TAIL,
    RESPONSES_TAIL,
    STORY_BELOW,
    TAIL_MARKERS,
    TAIL_MIN_BODY,
    is_comment_chrome,
    is_responses_marker,
    is_tail_marker,
    story_below,
    story_goes_on,
)
from readsite.normalise.teaserbox import BOX_MARKER, TEASER_BOX, box_end
from readsite.normalise.text import fold_line, words
from readsite.normalise.trace import Trace
from readsite.normalise.widgets import RATING_LINE, is_rating_line

__all__ = [
    "BOILERPLATE_LINES",
    "MENU_ITEM_WORDS",
    "MENU_MARKER",
    "NEWSLETTER_MENU",
    "SITE_BOILERPLATE",
    "SOURCE_BOILERPLATE",
    "TAIL_MARKERS",
    "drop_matching",
    "is_boilerplate",
    "is_tail_marker",
    "line_rule",
    "menu_item",
    "site_rule",
    "strip_boilerplate",
]

NEWSLETTER_MENU = Rule("newsletter-menu", "An \"In today's newsletter:\" menu and the short "
                       "lines listing its items.")
SITE_BOILERPLATE = Rule("site-boilerplate", "A line matching site.yaml's `import.boilerplate`.")
SOURCE_BOILERPLATE = Rule("source-boilerplate", "A line matching the article's source's "
                          "`import.sources.<name>.boilerplate` in site.yaml.")

MENU_MARKER = re.compile(r"^(?:in (?:today['’]s|this) (?:newsletter|issue|edition|email)|"
                         r"today['’]s (?:agenda|menu|issue)|in this (?:newsletter|issue)|"
                         r"heute im newsletter|dans cette (?:édition|newsletter)|"
                         r"en este (?:número|boletín))\s*:?$")
"""The line that opens a newsletter's table of contents."""

MENU_ITEM_WORDS = 15
"""Longest menu item, in words; a longer line is where the newsletter's text begins."""


def site_rule(line: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Whether a line matches one of a site's boilerplate patterns."""
    text = " ".join(line.split())
    return any(p.search(text) for p in patterns)


def strip_boilerplate(
    blocks: Sequence[Block], site: Sequence[re.Pattern[str]] = (),
) -> tuple[list[Block], list[Trace]]:
    """Drop chrome lines, and everything from a tail marker on once the article has begun."""
    kept: list[Block] = []
    traces: list[Trace] = []
    seen = 0
    menu = provided = dropped = False
    items: list[str] = []
    box = resume = 0
    for index, block in enumerate(blocks):
        if block.markup and not block.heading:
            if seen >= TAIL_MIN_BODY and press_tail(blocks, index, seen):
                traces.extend(PRESS_TAIL.dropped(b.text, b.line) for b in blocks[index:])
                break
            footer = markup_rule(block)
            if footer is not None:
                traces.append(footer.dropped(block.text, block.line))
                continue
            kept.append(block)
            seen += len(block.text)
            menu = provided = dropped = False
            continue
        if index < resume:
            continue
        if is_tail_marker(block.text) and seen >= TAIL_MIN_BODY and not story_goes_on(blocks,
                                                                                     index):
            if story_below(blocks, index):
                traces.append(STORY_BELOW.dropped(block.text, block.line))  # a header's link
                continue
            if numbered_story_goes_on(blocks, index):
                traces.append(NUMBERED_GOES_ON.dropped(block.text, block.line))  # "4.", box, "5."
                continue
            end = box_end(blocks, index, lambda text: _block_rule(text, site, False) is not None)
            if end is not None:  # a teaser box between the story's paragraphs
                shape = TEASER_BOX if end > index + 1 else BOX_MARKER
                traces.extend(shape.dropped(b.text, b.line) for b in blocks[index:end])
                resume = end
                continue
            traces.extend(RELATED_TAIL.dropped(b.text, b.line) for b in blocks[index:])
            break
        if seen >= TAIL_MIN_BODY and is_responses_marker(blocks, index):
            traces.extend(RESPONSES_TAIL.dropped(b.text, b.line) for b in blocks[index:])
            break
        if seen >= TAIL_MIN_BODY and press_tail(blocks, index, seen):
            traces.extend(PRESS_TAIL.dropped(b.text, b.line) for b in blocks[index:])
            name = about_name(block, blocks[index + 1] if index + 1 < len(blocks) else None)
            if name:
                traces.append(PRESS_TAIL.found("source", name, block.line))
            break
        rule = _block_rule(block.text, site, menu)
        if rule is NEWSLETTER_MENU and not _menu_goes_on(block.text, items):
            rule = line_rule(block.text) or furniture_rule(block.text)
        if rule is None and is_tail_marker(block.text) and not story_goes_on(blocks, index):
            rule = RELATED_TAIL
        if rule is None and provided and len(words(block.text)) <= 6:
            rule = WIRE_SOURCE
        if rule is None and is_bare_count(block.text) and (
                dropped or _beside_chrome(blocks, index, site)
                or (index and parse_date(blocks[index - 1].text) is not None)):
            rule = COUNTER
        if seen >= TAIL_MIN_BODY and index:
            box = max(box - 1, author_box(blocks, index))
            rule = rule or (AUTHOR_BOX if box else None)
        menu = rule is NEWSLETTER_MENU
        items = [*items, menu_item(block.text)] if menu else []
        provided = bool(PROVIDED_BY.match(fold_line(block.text)))
        dropped = rule is not None
        if rule is not None:
            traces.append(rule.dropped(block.text, block.line))
            continue
        kept.append(block)
        seen += len(block.text)
    return kept, traces


def _beside_chrome(blocks: Sequence[Block], index: int, site: Sequence[re.Pattern[str]]) -> bool:
    """Whether the next block that is not a bare count is chrome (counters sit in a bar)."""
    for block in blocks[index + 1:index + 4]:
        if not is_bare_count(block.text):
            return not block.markup and _block_rule(block.text, site, False) is not None
    return False


def menu_item(text: str) -> str:
    """A menu line as the title it lists: folded, without a leading emoji or bullet."""
    return fold_line(re.sub(r"^[^\w\"'“‘]+", "", text))


def _menu_goes_on(text: str, items: Sequence[str]) -> bool:
    """Whether a short line after a newsletter menu is one more item: not a date, not a line
    repeating an item (the first section's title: the issue begins), not other chrome."""
    if MENU_MARKER.match(fold_line(text)):
        return True
    if parse_date(text) is not None or menu_item(text) in items:
        return False
    return line_rule(text) is None and furniture_rule(text) is None


def _block_rule(text: str, site: Sequence[re.Pattern[str]], menu: bool) -> Rule | None:
    """The rule that drops one block (`menu`: the blocks before it open a newsletter menu)."""
    if site and site_rule(text, site):
        return SITE_BOILERPLATE
    if MENU_MARKER.match(fold_line(text)):
        return NEWSLETTER_MENU
    if menu and len(words(text)) <= MENU_ITEM_WORDS:
        return NEWSLETTER_MENU
    if PROVIDED_BY.match(fold_line(text)):
        return WIRE_SOURCE
    if is_rating_line(text):
        return RATING_LINE
    if is_release_mark(text):
        return RELEASE_MARK
    if is_comment_chrome(text):
        return COMMENT_CHROME
    promo = promo_rule(text) or clip_chrome_rule(text)
    if promo is not None:
        return promo
    return line_rule(text) or furniture_rule(text) or pitch_rule(text) or handle_rule(text)


def drop_matching(blocks: Sequence[Block], patterns: Sequence[re.Pattern[str]],
                  rule: Rule) -> tuple[list[Block], list[Trace]]:
    """Blocks not matching any of `patterns` (a source's own boilerplate), and traces."""
    kept: list[Block] = []
    traces: list[Trace] = []
    for block in blocks:
        if not block.markup and patterns and site_rule(block.text, patterns):
            traces.append(rule.dropped(block.text, block.line))
        else:
            kept.append(block)
    return kept, traces
