"""A newsletter issue with a table of contents: its headline is its first section's title.

An issue pasted from a newsletter's web version often opens with the newsletter's name, a
greeting and an "In today's newsletter:" menu, and has no headline of its own; each menu item
reappears further down as the title of its section.  The first item's section title is then
the headline, and the name line above the greeting is the outlet.
"""

from __future__ import annotations

from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.boilerplate import MENU_MARKER, NEWSLETTER_MENU, menu_item
from readsite.normalise.byline import is_outlet_name
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
