"""A press release's media-contact block: a label, then the press officer's lines.

Releases end with who to call: "Media contacts" / "For media enquiries" on a line of its own,
then a name, a role, an e-mail address and a phone number, each on its own line.  When the
block is the very end of the page the press-tail rule drops it with everything after it; but
"Notes to editors" often follow it, and those are the release's own facts.  So this rule drops
only the label and the run of contact-shaped lines under it (an address, a number, a name, a
short role or office name), and stops at the first line of any other shape.  A label inside the
story ("Contact" as a heading over prose) has no contact lines under it and stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, words
from readsite.normalise.trace import Trace

CONTACT_BLOCK = Rule("contact-block", "A release's media-contact block after the story: a label "
                     "(\"Media contacts\", \"For media enquiries\", \"Press contact:\") and the "
                     "contact lines under it (name, role, e-mail, phone), up to the first line "
                     "of another shape (\"Notes to editors\" stay).")

_LABEL = re.compile(r"^(?:for )?(?:(?:media|press|investor|news|editorial|public)(?: relations)? )"
                    r"(?:contacts?|inquiries|enquiries|information)\s*:?$|^for (?:further|more) "
                    r"(?:information|details),? (?:please )?contact\s*:?$|^(?:pressekontakt|"
                    r"contact presse|contacto de prensa|contacto para medios)\s*:?$")
"""A contact block's label line, on the folded line."""

_EMAIL = re.compile(r"^(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.I)
_PHONE = re.compile(r"^(?:(?:tel|phone|telephone|mobile|mob|t|m)\.?\s*:?\s*)?\+?[\d()][\d ()./-]"
                    r"{6,20}\d$", re.I)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_ROLE = re.compile(r"^(?:[A-Z][\w&'’-]*|of|and|for|the|&)(?:\s+(?:[A-Z][\w&'’-]*|of|and|for|the|"
                   r"&)){0,5}$")
"""An office or role line ("Press Office", "Head of Communications")."""

MIN_STORY = 300
"""Fewest characters of story above the label (a release's end, not its top)."""

MAX_LINES = 8
"""Most contact lines under one label."""


def is_contact_line(text: str) -> bool:
    """An e-mail address, a phone number, a web address, a person's name, or a short office or
    role line with no sentence in it."""
    text = text.strip()
    return bool(_EMAIL.match(text) or _PHONE.match(text) or _URL.match(text)
                or is_name(text) or (len(words(text)) <= 6 and _ROLE.match(text)))


def contact_blocks(blocks: Sequence[Block]) -> tuple[list[Block], list[Trace]]:
    """The blocks without a media-contact block (see the module doc), and its traces."""
    seen = 0
    for index, block in enumerate(blocks):
        if block.markup or not _LABEL.match(fold_line(block.text)) or seen < MIN_STORY:
            seen += len(block.text)
            continue
        end = index + 1
        while (end < len(blocks) and end - index <= MAX_LINES and not blocks[end].markup
               and is_contact_line(blocks[end].text)):
            end += 1
        run = blocks[index + 1:end]
        if not any(_EMAIL.match(b.text.strip()) or _PHONE.match(b.text.strip()) for b in run):
            seen += len(block.text)
            continue  # a label over no address or number: not a contact block
        traces = [CONTACT_BLOCK.dropped(b.text, b.line) for b in blocks[index:end]]
        return [*blocks[:index], *blocks[end:]], traces
    return list(blocks), []


CONTACT_HANDLE = Rule("contact-handle", "A writer's contact on a line of its own, under the byline "
                      "or anywhere: a bare e-mail address or a social handle (\"@jdoe\"), perhaps "
                      "labelled (\"Email:\", \"Follow on X:\").")

_HANDLE = re.compile(r"^(?:(?:e-?mail|contact|follow(?: (?:her|him|them|me))?(?: on "
                     r"(?:x|twitter|instagram|threads|bluesky|mastodon))?|x|twitter)\s*:?\s*)?"
                     r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[A-Za-z0-9_.]{2,30})$", re.I)


def handle_rule(text: str) -> Rule | None:
    """`CONTACT_HANDLE` for a whole line that is only an e-mail address or an @handle."""
    return CONTACT_HANDLE if _HANDLE.match(text.strip()) else None
