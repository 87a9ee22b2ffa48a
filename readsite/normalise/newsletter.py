"""A newsletter issue with a table of contents: its headline is its first section's title.

An issue pasted from a newsletter's web version often opens with the newsletter's name, a
greeting and an "In today's newsletter:" menu, and has no headline of its own; each menu item
reappears further down as the title of its section.  The first item's section title is then
the headline, and the name line above the greeting is the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.boilerplate import MENU_MARKER, NEWSLETTER_MENU, menu_item
from readsite.normalise.byline import is_outlet_name
from readsite.normalise.promos import POSTAL
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, fold_line
from readsite.normalise.trace import Trace

ISSUE_TITLE = Rule("issue-title", "A newsletter issue with an \"In today's newsletter:\" menu: "
                   "the first item's section title, further down, is the headline (and comes "
                   "first); the newsletter's name on the first line is the outlet.")

SEARCH_BLOCKS = 6
"""How far down (in blocks) the first section's title may stand."""


def menu_items(traces: Sequence[Trace]) -> list[str]:
    """The items of the newsletter menu `strip_boilerplate` dropped, in order."""
    return [menu_item(t.text) for t in traces if t.rule == NEWSLETTER_MENU.name
            and t.action == "dropped" and not MENU_MARKER.match(fold_line(t.text))]


def issue_title(blocks: Sequence[Block], items: Sequence[str],
                source: str) -> tuple[list[Block], str, list[Trace]]:
    """(blocks with the first section's title moved to the front, the outlet, traces); the
    blocks unchanged when the first menu item does not reappear near the top."""
    if not items or len(blocks) < 2:
        return list(blocks), "", []
    at = next((i for i, b in enumerate(blocks[:SEARCH_BLOCKS]) if i and not b.markup
               and not b.heading and menu_item(b.text) == items[0]), None)
    if at is None:
        return list(blocks), "", []
    title = blocks[at]
    rest = [b for i, b in enumerate(blocks) if i != at]
    traces = [ISSUE_TITLE.changed(title.text, title.line)]
    name = rest[0]
    outlet = ""
    if not name.markup and is_outlet_name(name.text) and (
            not source or fold(name.text) == fold(source)) and at > 1:
        outlet = name.text.strip()
        traces.append(ISSUE_TITLE.found("source", outlet, name.line))
        rest = rest[1:]
    return [title, *rest], outlet, traces


NEWSLETTER_NAME = Rule("newsletter-name", "A newsletter's name where its frame states it: "
                       "\"Enjoying <Name>?\", \"You're reading <Name>\", or a postal-address "
                       "footer \"<Name>, 12 Quay Road, ...\": the outlet.")
PREHEADER = Rule("preheader", "An e-mail's preheader (\"This week: ...\", \"Today: ...\") on the "
                 "very first line of a text with newsletter furniture: not the headline.")

_NAMED = re.compile(r"^(?:enjoying|liking|you['’]re reading|you are reading|thanks for reading)"
                    r"\s+(?P<name>[^.!?]{2,60}?)\s*[?!.]?$", re.I)
_PREHEADER = re.compile(r"^(?:this week|today|this issue|in this issue|inside|plus|also)\s*:\s*\S",
                        re.I)


def newsletter_name(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(name, trace) from a dropped "Enjoying <Name>?" line or a postal-address footer."""
    for number, text in reversed(lines):
        match = _NAMED.match(text.strip()) or POSTAL.match(text.strip())
        if match and is_outlet_name(match.group("name")):
            name = match.group("name").strip()
            return name, NEWSLETTER_NAME.found("source", name, number)
    return None


def drop_preheader(blocks: Sequence[Block], framed: bool) -> tuple[list[Block], list[Trace]]:
    """The blocks without a preheader on the first line, when the text is an e-mail (`framed`:
    newsletter furniture was dropped) and more lines follow."""
    if (not framed or len(blocks) < 3 or blocks[0].markup
            or not _PREHEADER.match(blocks[0].text.strip()) or len(blocks[0].text) > 150):
        return list(blocks), []
    return list(blocks[1:]), [PREHEADER.dropped(blocks[0].text, blocks[0].line)]


_FRAME = re.compile(r"^(?:view (?:this (?:e-?mail|newsletter|issue) )?(?:in|on) (?:your |a |the )?"
                    r"(?:browser|web)|forward this|(?:was|is) this forwarded|enjoying |"
                    r"(?:you['’]re|you are) reading )", re.I)


def is_email_frame(text: str) -> bool:
    """Whether a dropped line is an e-mail's own frame ("View in browser", "Forward this ...")."""
    return _FRAME.match(text.strip()) is not None
