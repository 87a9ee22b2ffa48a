"""A site's pitches pasted with its story: the newsletter box, the paywall's meter, a sponsor's
disclosure, a "Follow us" label.

These lines are sentences, so the line rules that match exact labels miss them, and every site
words them a little differently.  What they share is what they are *for*: a newsletter box
promises the reader's inbox ("straight to your inbox", "direkt i din inkorg", "no spam,
unsubscribe any time") and asks for an e-mail address; a paywall counts free articles; a
sponsored piece discloses its partner.  Each shape is anchored and length-capped, and speaks
to the reader or about the page, so a story's sentence about an inbox or a partnership (which
names who said it, or runs longer) is kept.
"""

from __future__ import annotations

import re

from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, words

INBOX_PITCH = Rule("inbox-pitch", "A newsletter box's pitch: a short line promising the "
                   "reader's inbox (\"The best local stories, straight to your inbox\", \"Få "
                   "dagens viktigaste nyheter direkt i din inkorg\", \"Recibe las noticias en tu "
                   "correo\"), \"No spam, unsubscribe any time\", or the e-mail field's label.")
PAYWALL_METER = Rule("paywall-meter", "A paywall's meter: \"You've reached your limit of free "
                     "articles ...\" (\"You have 2 free articles left\" is linerules' notice).")
PARTNER_NOTE = Rule("partner-note", "A sponsored piece's disclosure: \"This content was produced "
                    "in partnership with X.\", \"This article was paid for by X.\"")
SHOP_BOX = Rule("shop-box", "A shopping box in a lifestyle story: its label (\"Shop the story\", "
               "\"Shop the look\") and its product lines (\"Planter, 40cm, $34.95 at Greenleaf "
               "Supply\": a product, a price, \"at\" a shop).")
FOLLOW_US = Rule("follow-us", "A \"Follow us\" label over social links, in several languages.")

PITCH_WORDS = 25
"""Longest pitch line, in words: a story's sentence about an inbox runs longer."""

_INBOX = tuple(re.compile(p) for p in (
    r"\b(?:straight |directly |right |delivered )?(?:to|in|into) your inbox\b[^.!?]{0,40}[.!]?$",
    r"\b(?:direkt )?i din inkorg\b[^.!?]{0,30}[.!]?$",
    r"\bna (?:twoją |swoją )?skrzynkę(?: mailową| e-mail)?\b[^.!?]{0,30}[.!]?$",
    r"\bin (?:je|uw) (?:mail)?(?:box|inbox)\b[^.!?]{0,30}[.!]?$",
    r"\bin (?:ihr|dein|ihrem|deinem) (?:e-mail-)?postfach\b[^.!?]{0,30}[.!]?$",
    r"\b(?:no seu|na sua) (?:e-?mail|caixa de entrada)\b[^.!?]{0,30}[.!]?$",
    r"\ben tu (?:correo|bandeja de entrada|email)\b[^.!?]{0,30}[.!]?$",
    r"\bdans votre boîte(?: mail| de réception)?\b[^.!?]{0,30}[.!]?$",
    r"\bnella tua (?:casella|email)\b[^.!?]{0,30}[.!]?$",
    r"\bno spam\b.{0,40}\bunsubscribe\b", r"\bunsubscribe (?:at )?any ?time\.?$",
    r"^(?:your|din|twój|seu|tu|votre|ihre?|je|uw) e-?(?:mail|post)(?:[- ]?ad(?:d)?res(?:s|se|sen)?"
    r"|adress)?\s*\*?:?$",
    r"^(?:prenumerera på|zapisz się (?:na|do)|assine a|inscreva-se (?:na|em)|abonneer (?:je )?op|"
    r"meld je aan voor|suscríbete a|abonnez-vous à|iscriviti alla) (?:vårt |nasz |nossa |onze |"
    r"la |le |nuestra |notre |alla )?(?:nyhetsbrev(?:et)?|newsletter\w*)\b.{0,30}$",
))
_PAYWALL = re.compile(r"^(?:you['’]ve|you have) (?:reached|used) (?:your|all (?:of )?your) "
                      r"(?:limit|quota|allowance|maximum)?\s*(?:of )?(?:\d+ )?free "
                      r"(?:articles?|stories|reads)\b.{0,160}$")
_PARTNER = re.compile(r"^this (?:content|article|story|piece|post|feature|series) (?:was|is|"
                      r"has been) (?:produced|created|written|paid for|funded|sponsored|brought "
                      r"to you) (?:in (?:partnership|association|collaboration) with|by) "
                      r"[^.!?]{2,60}\.?$")
_FOLLOW_US = re.compile(r"^(?:follow us|síguenos|folge uns|folgen sie uns|suivez-nous|seguici|"
                        r"siga-nos|följ oss|obserwuj nas|volg ons)(?: (?:on|en|auf|sur|su|no|på|"
                        r"na|op) [\w ,&]{2,40})?\s*:?$")


_SHOP = re.compile(r"^(?:shop (?:the|this) (?:story|look|edit|article|list)|shop now|buy it "
                   r"here)\s*:?$|^[^.!?]{3,80},\s*(?:from |now )?[$£€]\s?\d[\d.,]*\s+"
                   r"(?:at|from|via) [^.!?]{2,40}$")
"""A shopping box's label, or one of its "product, $price at Shop" lines."""


def pitch_rule(text: str) -> Rule | None:
    """The pitch rule a whole line breaks, or None when it may be the story's."""
    folded = fold_line(text)
    if not folded or len(words(folded)) > PITCH_WORDS or re.search(r"[\"“”«»]", text):
        return None
    if any(p.search(folded) for p in _INBOX):
        return INBOX_PITCH
    if _PAYWALL.match(folded):
        return PAYWALL_METER
    if _PARTNER.match(folded):
        return PARTNER_NOTE
    if _FOLLOW_US.match(folded):
        return FOLLOW_US
    if _SHOP.match(folded):
        return SHOP_BOX
    return None
