"""Where a newsletter or small site names itself under the story, and nowhere else.

A newsletter's frame says its name where the reader cannot miss it: "Thanks for reading Quayside
Notes!", "Quayside Notes is a reader-supported publication", "You're receiving this email
because you subscribed to Quayside Notes", "Get Quayside Notes in your inbox", a sign-off "— The
Quayside Notes team", a footer "Quayside Notes © 2026" or "Copyright © Quayside Notes".  These
lines are furniture (they leave the body), and when nothing above the story names the outlet,
the name they give is the outlet.  Each shape is anchored at both ends and its name must be a
short capitalised name, so "Thanks for reading, everyone." names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import is_outlet_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import words
from readsite.normalise.trace import Trace

SELF_NAMED = Rule("self-named", "A newsletter's or site's line naming itself under the story "
                  "(\"Thanks for reading X!\", \"X is a reader-supported publication\", "
                  "\"You're receiving this email because you subscribed to X\", \"— The X team\", "
                  "\"X © 2026\", \"Copyright © X\"): dropped, and X is the outlet when "
                  "nothing else names one.")

_NAME = r"(?P<name>[A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9&][\w&'’.-]*|of|the|and|on|for|in)){0,5})"
SHAPES = tuple(re.compile(p) for p in (
    rf"^(?i:thanks|thank you) (?i:for reading) {_NAME}\s*[!.]?(?:\s+(?i:subscribe|sign up)\b"
    r"[^.!?]{0,80}[.!]?)?$",
    rf"^{_NAME} (?i:is a reader-(?:supported|funded) publication)\b[^.!?]{{0,120}}[.!]?$",
    rf"^(?i:you(?:['’]re| are) receiving this(?: e-?mail| newsletter)? because you (?:subscribed|"
    rf"signed up) (?:to|for)) (?:(?i:the) )?{_NAME}(?:\s+(?i:newsletter))?\s*[.!]?$",
    rf"^(?i:get) {_NAME} (?i:in your inbox|delivered to your inbox)\b[^.!?]{{0,60}}[.!]?$",
    rf"^[\u2014\u2013-]+\s*(?i:the) {_NAME} (?i:team|crew|editors|desk)\s*[.!]?$",
    rf"^{_NAME}\s*(?:©|\((?i:c)\))\s*\d{{4}}(?:\s*[-\u2013]\s*\d{{4}})?\.?$",
    rf"^(?i:copyright)\s*©\s*{_NAME}\.?$",
))
"""Lines naming the site (as written, so the name keeps its capitals)."""

NAME_WORDS = 6
"""Most words of a self-given name."""


def self_name(text: str) -> str:
    """The name a self-naming line gives ("" for any other line)."""
    line = " ".join(text.split())
    if len(line) > 200:
        return ""
    for shape in SHAPES:
        match = shape.match(line)
        if match is None:
            continue
        name = match.group("name").strip(" .,!")
        if name.casefold().startswith(("all rights", "copyright")):
            continue  # "All Rights Reserved © 2020": the notice, not a name
        if is_outlet_name(name) and len(words(name)) <= NAME_WORDS:
            return name
    return ""


def strip_self_named(blocks: Sequence[Block], start: int) -> tuple[list[Block], str, list[Trace]]:
    """The blocks without self-naming lines from `start` on (after the story's opening), the
    last name one gives, and traces (the name is the caller's to use as a fallback)."""
    kept: list[Block] = []
    traces: list[Trace] = []
    name = ""
    for index, block in enumerate(blocks):
        found = self_name(block.text) if index >= start and not block.markup else ""
        if found:
            name = found
            traces.append(SELF_NAMED.dropped(block.text, block.line))
        else:
            kept.append(block)
    return kept, name, traces


def named_in(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(name, trace) from the last self-naming line among (input line, text) pairs (lines
    other rules already dropped, such as an e-mail footer's "You're receiving this ...")."""
    for number, text in reversed(lines):
        name = self_name(text)
        if name:
            return name, SELF_NAMED.found("source", name, number)
    return None
