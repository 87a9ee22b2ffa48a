"""Advertising and self-promotion inside a pasted page: ad slots, sponsor labels, a sponsor's
read with an offer code, a newsletter's "liked this? forward it" prompt, and an image's alt
text pasted as a line.

Pages mark an ad slot in many ways ("— Advertisement —", "ADVERTISEMENT · Scroll to
continue"), newsletters head a sponsor's read with a label ("A word from our sponsor",
"Together with Acme") or give none at all, only an offer code.  Each shape is anchored to the
whole line and length-capped; a read without a label must carry an offer code *and* speak to
the reader, and never quotes anyone, so a news story about a discount code is kept.
"""

from __future__ import annotations

import re

from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, words

AD_SLOT = Rule("ad-slot", "An ad slot's label as a line of its own, however decorated: "
               "\"— Advertisement —\", \"ADVERTISEMENT · Scroll to continue\", \"Ad\".")
SPONSOR_LABEL = Rule("sponsor-label", "A label that puts a sponsor's message under it (\"A word "
                     "from our sponsor\", \"Today's sponsor\", \"Together with Acme\", "
                     "\"Sponsored · Acme\"): dropped with the read under it.")
OFFER_READ = Rule("offer-read", "A sponsor's read without a label: a paragraph of at most 60 "
                  "words that gives the reader an offer code (\"... with code BENCH20\"), "
                  "addresses them and quotes no one.")
SHARE_PROMPT = Rule("share-prompt", "A newsletter's prompt to pass it on or pay for it: "
                    "\"Enjoying X? Forward this email to a friend.\", \"Liked this issue? "
                    "Share it ...\", \"Support this newsletter: become a paid subscriber\".")
ALT_TEXT = Rule("alt-text", "An image's alt text pasted as a line: \"Portrait of Jane Doe\", "
                "\"Photo of the harbour at dusk\" (short, no sentence).")

_DECOR = r"[-–—·•*|=\s]*"
_AD_SLOT = re.compile(rf"^{_DECOR}(?:advertisement|advertising|advert|ad|ads|anzeige|werbung|"
                      r"publicité|publicidad|pubblicità)"
                      rf"{_DECOR}(?:(?:scroll|continue|keep reading|story continues|article "
                      r"continues|content continues)\b[\w\s]{0,30})?$")
_SPONSOR_LABEL = re.compile(
    r"^(?:a (?:message|word|note) from (?:our|this (?:week|issue|month)['’]s|today['’]s) "
    r"(?:sponsors?|partners?)|(?:today|this week|this issue|this month|this episode)['’]s "
    r"(?:sponsors?|partners?)|our sponsors?|thanks to (?:our|today['’]s) "
    r"sponsors?(?: \S.{0,40})?|together with \S.{0,40}|(?:sponsored|promoted|paid for) by "
    r"\S.{0,40}|(?:sponsored|promoted|partner|ad)\s*[·|:–—-]\s*\S.{0,40}|paid (?:partner|"
    r"partnership) content|partner content(?: from \S.{0,40})?)\s*:?$")
_CODE = re.compile(r"\b(?:use|with|enter|apply) (?:the )?(?:promo |discount |offer |coupon )?"
                   r"code:? [\"“'‘]?[A-Z][A-Z0-9]{3,}\b")
_READER = re.compile(r"\b(?:you|your|yours)\b|\?", re.I)
_QUOTE = re.compile(r"\b(?:said|says|according to|told)\b|[\"“”]", re.I)
_SHARE_PROMPT = re.compile(
    r"^(?:(?:enjoy(?:ing|ed)?|lik(?:e|ed|ing)|lov(?:e|ed|ing)|got value from) (?:this|the|our|"
    r"today['’]s|\w+(?: \w+){0,3})\b[^?]{0,40}\?\s*(?:forward|share|send|pass|tell)\b.{0,80}|"
    r"support (?:this|the|our) (?:newsletter|podcast|publication|work|writing)\s*[:—–-]\s*"
    r".{0,80})$")
_ALT_TEXT = re.compile(r"^(?:(?:a |an )?(?:portrait|headshot|photo(?:graph)?|picture|image) of) "
                       r"(?P<what>.{2,60})$", re.I)


def promo_rule(text: str) -> Rule | None:
    """The rule an ad slot, sponsor label, offer read, share prompt or alt-text line breaks."""
    line = " ".join(text.split())
    folded = fold_line(line)
    count = len(words(folded))
    if count > 60:
        return None
    if count <= 8 and _AD_SLOT.match(folded):
        return AD_SLOT
    if count <= 8 and is_sponsor_label(line):
        return SPONSOR_LABEL
    if _CODE.search(line) and _READER.search(line) and not _QUOTE.search(line):
        return OFFER_READ
    if count <= 30 and _SHARE_PROMPT.match(folded):
        return SHARE_PROMPT
    alt = _ALT_TEXT.match(line.rstrip())
    if alt and count <= 10 and line[-1:] not in ".!?:" and _pictured(alt.group("what"), folded):
        return ALT_TEXT
    return None


def is_sponsor_label(text: str) -> bool:
    """Whether a short line is a label that puts a sponsor's message under it."""
    folded = fold_line(text)
    named = _NAMED_BY.match(" ".join(text.split()))
    if named and not (named.group("who")[:1].isupper() or named.group("who")[:1].isdigit()):
        return False  # "Together with the council": a subheading, not a sponsor's name
    return (len(words(folded)) <= 8 and not re.search(r"[.!?]$", folded)
            and bool(_SPONSOR_LABEL.match(folded)))


_NAMED_BY = re.compile(r"^(?:together with|(?:sponsored|promoted|paid for) by)\s+(?P<who>\S+)",
                       re.I)
"""A label naming its sponsor: the sponsor's name is capitalised ("Together with Acme")."""


def _pictured(what: str, folded: str) -> bool:
    """Whether what an "X of ..." line shows makes it alt text: a person's name ("Portrait of
    Jane Doe"), or a scene of 3+ words after "photo/picture/image of" ("Photo of the harbour
    at dusk"); not a title such as "Portrait of a city in decline" or "Image of the week"."""
    if is_name(what):
        return True
    return (not folded.startswith(("portrait", "a portrait", "headshot")) and what[:1].islower()
            and len(words(what)) >= 3 and not _PERIOD.match(what))


_PERIOD = re.compile(r"^the (?:day|week|month|year|season)\b", re.I)


POSTAL = re.compile(r"^(?P<name>[^,\d]{2,60}?),\s*(?:p\.?o\.? box \d+|\d{1,5}[a-z]?\s+[A-Z]\w+"
                     r"(?:\s+\w+){0,3}\s+(?:road|rd|street|st|avenue|ave|lane|ln|way|drive|dr|"
                     r"boulevard|blvd|place|pl|square|sq|quay|court|ct|suite)\b).{0,120}$", re.I)
"""A postal-address footer line: a name, then a street address ("Name, 12 Quay Road, Town")."""


def is_postal_footer(text: str) -> bool:
    """Whether a line is a newsletter's postal-address footer ("Name, 12 Quay Road, Town")."""
    return POSTAL.match(text.strip()) is not None and len(text) <= 160
