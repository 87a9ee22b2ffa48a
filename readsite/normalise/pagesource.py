"""The outlet of a whole-page paste must be confirmed by the page itself.

On a short clipping, the line over the menu or the headline is the masthead and the header
rules (`header-outlet`, `site-menu`, `masthead-below-menu`) read the outlet from it.  A whole
page copied with select-all, though, opens with skip links, a log-in bar and menus of dozens
of items, and its first short capitalised line is as often a section ("Design", "Investing",
"Tech & Science") or a menu's own label ("Secondary Menu", "Help and Contact Us") as the
site's name, which is often only an image (and a section's name may hold an outlet word:
"News & Insights").  A wrong outlet is worse than none, so on such a page a masthead guess
stands only when the page confirms it: a known outlet, or the name said again as a name
("© 2026 Northbank", "Subscribe to Northbank", "About Northbank").
"""

from __future__ import annotations

from collections.abc import Sequence

from readsite.normalise.outlets import KNOWN_OUTLETS
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold
from readsite.normalise.title import named_elsewhere
from readsite.normalise.trace import Trace

UNCONFIRMED_MASTHEAD = Rule("unconfirmed-masthead", "On a whole-page paste (100+ lines), an outlet "
                            "read from the header's layout (the line over or under a menu) that "
                            "is no known outlet and that the page names nowhere else as a name "
                            "(\"© 2026 X\", \"Subscribe to X\", \"About X\"): a section or "
                            "menu label, so the source is left for later rules or empty.")

WHOLE_PAGE = 100
"""Fewest non-blank input lines of a whole-page paste: one article's clipping, its header and
tail included, rarely runs past 60 lines; a news or blog page copied whole runs from 100 to
thousands."""

LAYOUT_RULES = frozenset({"header-outlet", "site-menu", "masthead-below-menu", "masthead-bar",
                          "outlet-over-section", "outlet-line"})
"""Rules that read the outlet from where a line stands rather than from what it says."""


def confirmed(name: str, lines: Sequence[str]) -> bool:
    """Whether the page confirms `name` as its outlet: a known outlet, or a name the page
    repeats as a name (`title.named_elsewhere`: "© 2026 X", "Subscribe to X", "About X")."""
    return fold(name) in KNOWN_OUTLETS or named_elsewhere(name, lines)


def confirm_source(source: str, traces: Sequence[Trace], lines: Sequence[str]
                   ) -> tuple[str, list[Trace]]:
    """`source`, or "" when a whole page's layout-read outlet is unconfirmed (with a trace)."""
    if not source or sum(1 for line in lines if line.strip()) < WHOLE_PAGE:
        return source, []
    rule = next((t.rule for t in traces if t.field == "source" and t.text == source), "")
    if rule not in LAYOUT_RULES or confirmed(source, lines):
        return source, []
    return "", [UNCONFIRMED_MASTHEAD.dropped(source)]
