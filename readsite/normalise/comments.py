"""Readers' comments pasted with the story: told by their shape, not by a marker line.

A comment plugin lays each comment out the same way: who wrote it (a name or a user handle),
when ("3 hours ago", a date), the comment's text (often long paragraphs that read like the
story), then a "Reply" button and perhaps a like count.  Pages do not always put a "Comments"
marker above them, so the thread is found from that shape, after the story has begun; the
plugin's own controls around it ("Sort by: Newest", "Load more comments") and the like counts
between comments go with it.  Nothing of the story has that name / time / text / Reply shape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.dates import parse_date
from readsite.normalise.furniture import is_bare_count
from readsite.normalise.headerlines import story_start
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.tails import is_comment_chrome
from readsite.normalise.text import fold_line

COMMENT_THREAD = Rule("comment-thread", "A reader's comment after the story: a name or user "
                      "handle, a time (\"2 hours ago\", a date) and the comment's text, closed "
                      "by a \"Reply\" line; with the like counts and the plugin's controls "
                      "(\"Sort by: Newest\", \"Load more comments\") around the thread: dropped.")

REPLY_LINES = frozenset({"reply", "rispondi", "antworten", "répondre", "responder", "respond"})
"""A comment's "Reply" button, after `fold_line`."""

_AGO = re.compile(r"^(?:\d{1,3}\s*(?:s|m|h|d|w|mo|y|sec|min|hr|hrs|hours?|days?|weeks?|"
                  r"months?|years?|minutes?|seconds?)\s+ago|just now|yesterday|"
                  r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)$", re.I)
_HANDLE = re.compile(r"^@?[^\W\d][\w.-]{2,29}$")
"""A user handle on its own line ("gerry_mcb", "@kestrel42"): one token, no sentence."""
_SEPARATOR = re.compile(r"\s+[·•|–—-]\s+")

HEAD_LINES = 4
"""Most lines from a commenter's name to their "Reply" button (name, time, 1-2 paragraphs)."""


def is_commenter(text: str) -> bool:
    """A name ("Patricia Hollis", "Gerry M") or a one-token user handle ("gerry_mcb")."""
    line = text.strip()
    return is_name(line) or (bool(_HANDLE.match(line)) and fold_line(line) not in REPLY_LINES)


def is_when(text: str) -> bool:
    """A comment's time: relative ("3 hours ago", "5h ago", "yesterday") or a date."""
    line = text.strip()
    return bool(_AGO.match(line)) or parse_date(line) is not None


def _signed(text: str) -> bool:
    """A commenter and a time on one line ("Patricia Hollis · 3 hours ago")."""
    parts = _SEPARATOR.split(text.strip())
    return len(parts) == 2 and is_commenter(parts[0]) and is_when(parts[1])


def _opens_comment(group: Sequence[Block]) -> bool:
    """Whether the blocks before a "Reply" line start with a commenter and hold their time."""
    if any(b.markup or b.heading for b in group):
        return False
    head = group[0].text
    return _signed(head) or (is_commenter(head) and any(is_when(b.text) for b in group[1:]))


def comment_threads(blocks: Sequence[Block]) -> set[int]:
    """Indexes of comments after the story (a name, a time, the text, "Reply"), the like
    counts and plugin controls between and after them, and the controls just above the first."""
    start = story_start(blocks)
    found: set[int] = set()
    for index in range(start + 1, len(blocks)):
        if blocks[index].markup or fold_line(blocks[index].text) not in REPLY_LINES:
            continue
        for back in range(index - 2, max(start, index - HEAD_LINES - 1), -1):
            if _opens_comment(blocks[back:index]):
                found.update(range(back, index + 1))
                break
    if not found:
        return found
    around = {i for i in range(min(found), len(blocks)) if i not in found and _control(blocks[i])}
    after = max(found) + 1
    while after in around:
        found.add(after)
        after += 1
    found |= {i for i in around if i < max(found)}
    before = min(found) - 1
    while before > start and not blocks[before].markup and is_comment_chrome(blocks[before].text):
        found.add(before)
        before -= 1
    return found


def _control(block: Block) -> bool:
    """A like count or a comment plugin's control line, between or after comments."""
    return not block.markup and (is_bare_count(block.text) or is_comment_chrome(block.text))
