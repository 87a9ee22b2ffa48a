"""Page chrome of pasted news pages that reads like a sentence: licensing buttons, sign-up
forms, "Follow <Outlet> on ..." lines and "Contact us: <e-mail>" lines.

Each shape is anchored at both ends of the line (a button's label, a form's fixed wording, a
label followed by nothing but an address or a list of platforms), so a story sentence that
mentions subscribing, following someone or an e-mail address is never matched: "Readers can
follow the council on its website" has no platform list, and "She asked readers to subscribe"
is not a form's instruction.
"""

from __future__ import annotations

import re

from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, words

LICENSING = Rule("licensing-button", "A news agency's \"Purchase Licensing Rights\" button, on "
                 "its own line or stuck to the end of the photo caption it belongs to.")
SIGNUP_FORM = Rule("signup-form", "A sign-up form's instruction: \"Enter your email address to "
                   "subscribe and receive notifications of new posts by email.\"")
FOLLOW_LINE = Rule("follow-line", "\"Follow <Outlet> on Instagram and X ...\": a line that is "
                   "only a call to follow the outlet on named platforms.")
FORM_MESSAGE = Rule("form-message", "A sign-up form's fixed messages: \"Invalid email\", "
                    "\"Something went wrong, please try again later.\", \"Thanks for "
                    "subscribing!\", \"We use your sign-up to provide content ...\".")
OWNERSHIP = Rule("ownership-line", "A footer's \"The X Courier is part of Y Media Group.\" / "
                 "\"... is published by Y Publishing Ltd\" (the owner named as a media or "
                 "publishing company): the outlet (its name), and the line goes.")
COPYRIGHT_NOTICE = Rule("copyright-notice", "A long copyright notice: \"Copyright 2026 X. All "
                        "rights reserved. This material may not be published, broadcast, "
                        "rewritten or redistributed.\"")
CONTACT_US = Rule("contact-us", "\"Contact us: newsdesk@example\": a label and an e-mail "
                  "address, nothing else.")

SITE_FURNITURE = Rule("site-furniture", "A news site's own furniture line, kept by a select-all "
                      "copy: \"Ad Feedback\", \"About sharing\", \"Image caption,\", \"Why you "
                      "can trust us\", \"Was this article helpful?\", \"Create an account\", and "
                      "a bare agency photo credit (\"Getty Images\", \"AP Photo/Jane Doe\", "
                      "\"Credit...Jane Doe for X\").")

FURNITURE_LINES = frozenset({
    "ad feedback", "about sharing", "image caption,", "media caption,", "image caption",
    "why you can trust us", "how we review products", "affiliate disclosure",
    "was this article helpful?", "was this article helpful", "thanks for your feedback!",
    "thank you for your feedback!", "jump to comments", "share via", "click here to subscribe",
    "editorial standards", "create an account", "create a free account", "register",
    "keep reading", "promoted", "listen to article", "a a a", "newsletter sign-up",
    "newsletter signup", "newsletter sign up", "getty images", "recommended by", "price history",
    "see also:", "more:",
})
"""Whole lines (folded) of a site's furniture that are never a story's text."""
_AGENCY_CREDIT = re.compile(r"^(?:(?:ap|afp|reuters|epa|dpa|getty images|anp|ansa|efe) "
                            r"(?:photo|foto|images?)\s*/\s*\S.{0,60}|credit\.{3}\s*\S.{0,80}|"
                            r"image source,\s*\S.{0,60}|photo illustration by\s+\S.{0,60})$")
"""An agency's photo credit on a line of its own ("AP Photo/Jane Doe", "Credit...Jane Doe for
The Times", "Image source, Getty Images")."""

_LICENSING = re.compile(r"(?:^|\s)(?:purchase|buy|request) (?:licen[sc]ing|reprint) rights"
                        r"(?:,? opens new tab)?\.?$")
_SIGNUP = re.compile(r"^enter your e-?mail(?: address)? (?:to|and|below|here)\b.{0,100}"
                     r"\b(?:subscribe|notifications?|newsletters?|updates|new posts)\b.{0,60}$")
_FORM = tuple(re.compile(p) for p in (
    r"^(?:invalid|please enter a valid|enter a valid) e-?mail(?: address)?\.?$",
    r"^something went wrong,? please try again(?: later)?\.?$",
    r"^(?:thank you|thanks) for (?:subscribing|signing up)\b[^.!?]{0,60}[.!]?$",
    r"^we use your sign-?up to provide content\b.{0,300}$",
    r"^by (?:signing up|subscribing|clicking (?:sign up|subscribe)),? you (?:agree|consent)\b"
    r".{0,160}\b(?:privacy|terms)\b.{0,80}$",
))
OWNED = re.compile(r"^(?P<name>[A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9&][\w&'’.-]*|of|the|and|on|"
                   r"for)){0,4})\s+is\s+(?i:(?:a )?part of|a (?:brand|title|publication|member|"
                   r"division|trading name) of|published by|owned by|operated by)\s+"
                   r"(?:(?i:the)\s+)?[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,5}?\s+"
                   r"(?i:(?:media|publishing|publications|publishers|newspapers|news|press|"
                   r"broadcasting)(?:\s+(?:group|holdings|pty|ltd|limited|plc|inc|llc|gmbh|ag|"
                   r"b\.\s?v|cic))*)\.?(?:,\s*(?i:abn|acn|company|registered|reg\.?|kvk|no\.?)"
                   r"[^!?]{0,60})?\.?$")
"""An ownership footer: `name` (every word capitalised) is the outlet; the owner must end in a
media word (Media, Publishing, News, Press, Newspapers..., then perhaps Group/Ltd/plc/Pty, and a
company number: ", ABN 12 345 678 901"), so "Oak
Academy is part of Oak Learning Group." and "Kelbrook Foods is owned by Ardent Group plc." stay
story sentences."""
_LONG_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright).{0,100}\ball rights reserved\b.{0,240}\b"
                             r"(?:published|broadcast|rewritten|redistributed|reproduced)\b"
                             r"[^.]{0,80}\.?$")
_ALL_CONTENT = re.compile(r"^all (?:content|contents|material|articles)\s+(?:©|\(c\)|copyright)"
                          r"\s*.{2,80}$")
PLATFORMS = (r"(?:instagram|x|twitter|facebook|threads|bluesky|tiktok|linkedin|youtube|"
             r"mastodon|whatsapp|telegram|flipboard|google news|apple news)")
"""Social platforms a "Follow <Outlet> on ..." line lists."""
FOLLOW = re.compile(rf"^(?i:follow)\s+(?P<name>(?i:us)|[A-Z0-9][\w&'’. -]{{0,50}}?)\s+(?i:on)\s+"
                    rf"(?i:{PLATFORMS}(?:\s*(?:,|and|&|/)\s*{PLATFORMS})*)\b"
                    r"(?:\s+(?i:for|to)\b[^.!?]{0,60})?[.!]?$")
"""A "Follow The Lantern on Instagram and X for more ..." line; `name` is the outlet (capitalised,
or "us"): "Follow the council on Facebook for updates." is the story's own advice."""
_CONTACT = re.compile(r"^(?:contact|contact us|contact the (?:newsroom|newsdesk|news desk|editor|"
                      r"editors|author|reporter)|e-?mail us|write to us|news ?tips?|got a "
                      r"(?:story|tip)\??|send us (?:a tip|your (?:story|news|tips)))\s*:?\s*"
                      r"(?:at\s+)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$")


def clip_chrome_rule(text: str) -> Rule | None:
    """The rule a whole block of page chrome breaks, or None."""
    folded = fold_line(text)
    if folded in FURNITURE_LINES or folded + ":" in FURNITURE_LINES or _AGENCY_CREDIT.match(folded):
        return SITE_FURNITURE
    if len(words(folded)) > 70:
        return None
    if any(p.match(folded) for p in _FORM):
        return FORM_MESSAGE
    if len(words(folded)) > 40:
        return None
    if _LICENSING.search(folded):
        return LICENSING
    if _SIGNUP.match(folded):
        return SIGNUP_FORM
    if FOLLOW.match(" ".join(text.split())):
        return FOLLOW_LINE
    if OWNED.match(" ".join(text.split())) and text.strip()[:1].isupper():
        return OWNERSHIP
    if _LONG_COPYRIGHT.match(folded) or _ALL_CONTENT.match(folded):
        return COPYRIGHT_NOTICE
    if _CONTACT.match(folded):
        return CONTACT_US
    return None
